"""What a translation agency's tool does with an XLIFF 2 file from `anslag translations export`,
done with the Translate Toolkit's XLIFF 2 store: every unit not yet translated gets a target
(the source with its inline codes, its text prefixed with PREFIX) and is marked translated.

Usage: python3 fill_xliff.py IN.xlf OUT.xlf PREFIX
Prints the ids of the units it filled, one a line, as FILE-ID/UNIT-ID.
"""

import sys

from translate.storage import xliff2

NS = "{urn:oasis:names:tc:xliff:document:2.0}"


def main(src, dst, prefix):
    with open(src, "rb") as f:
        store = xliff2.Xliff2File.parsefile(f)
    for unit in store.units:
        if unit.isheader() or unit.istranslated():
            continue
        # The codes come along as they are: a tool copies them, it does not retype them.
        unit.rich_target = unit.rich_source
        target = unit.xmlelement.find(NS + "target")
        target.text = prefix + (target.text or "")
        unit.marktranslated()
        element = unit.getunitelement()
        print(element.getparent().get("id") + "/" + element.get("id"))
    with open(dst, "wb") as f:
        store.serialize(f)


if __name__ == "__main__":
    main(*sys.argv[1:4])
