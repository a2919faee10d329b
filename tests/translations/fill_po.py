"""What a translator in Weblate or Poedit does with a PO file from `anslag translations export`,
done with polib: every fuzzy or empty message gets a translation (the source, prefixed with
PREFIX) and loses its fuzzy flag. With --drop-links, link addresses are dropped from the
translations, as a careless edit would.

Usage: python3 fill_po.py IN.po OUT.po PREFIX [--drop-links]
Prints the msgctxt of each message it filled, one a line.
"""

import re
import sys

import polib


def main(src, dst, prefix, *flags):
    po = polib.pofile(src)
    for entry in po:
        if entry.translated():
            continue
        text = prefix + entry.msgid
        if "--drop-links" in flags:
            text = re.sub(r"\]\([^)]*\)", "]", text)
        entry.msgstr = text
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        print(entry.msgctxt)
    po.save(dst)


if __name__ == "__main__":
    main(*sys.argv[1:])
