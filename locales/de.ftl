# anslag UI strings: German (Deutsch).
# Translated from en.ftl. Keep the same keys and variables as en.ftl.

## Page chrome
skip-link = Zum Hauptinhalt springen
nav-label = Hauptmenü
nav-home = Startseite
nav-press = Pressemitteilungen
nav-minutes = Protokolle
nav-notices = Mitteilungen
nav-notice-board = Amtliche Bekanntmachungen
nav-archive = Archiv
nav-topics = Themen
language-switcher-label = Sprache
language-switcher-current = { $language } (aktuelle Sprache)
breadcrumb-label = Sie sind hier
footer-label = Über diese Website
footer-contact = Kontakt
footer-feeds = Newsfeeds
footer-made-with = Veröffentlicht mit anslag
choose-language = Sprache wählen
home-latest = Aktuelle { $section }
home-all = Alle { $section }

## Kinds of documents (plural names are the nav names above)
kind-press = Pressemitteilung
kind-minutes = Protokoll
kind-notices = Mitteilung

## Crisis banner. $title: the notice's title.
crisis-label = Krisenmeldung
crisis-read = Krisenmeldung lesen: { $title }
crisis-read-in = Die Meldung gibt es auf:

## Document pages. $date: a formatted date.
published = Veröffentlicht am { $date }
updated = Aktualisiert am { $date }
expires = Gültig bis { $date }
urgency-normal = Information
urgency-important = Wichtig
urgency-crisis = Krise
draft = Entwurf, nicht veröffentlicht
embargoed = Sperrfrist bis { $date }
not-available = Nicht auf { $language } verfügbar.
read-in = Lesen auf:
translations = Diese Seite in anderen Sprachen
topics = Themen
press-contacts = Pressekontakt
press-about = Über { $organisation }

## Minutes. $committee: a committee's name; $count: a number.
minutes-meeting = Sitzung
minutes-committee = Gremium
minutes-time = Zeit
minutes-place = Ort
minutes-attendees = Anwesend
minutes-absent = abwesend
minutes-approved = Genehmigt am { $date }
minutes-agenda = Tagesordnung
minutes-item-count = { $count ->
    [one] Ein Tagesordnungspunkt
   *[other] { $count } Tagesordnungspunkte
}
item-case = Aktenzeichen
item-closed = Nichtöffentlicher Punkt
item-closed-note = Dieser Punkt wurde nichtöffentlich beraten. Der Inhalt wird nicht veröffentlicht.
attachments = { $count ->
    [one] Anlage
   *[other] Anlagen
}
attachment-size-kb = { $size } kB
attachment-size-mb = { $size } MB

## Notice board. $date: a formatted date.
notice-board-intro = Hier werden genehmigte Protokolle bekannt gemacht. Wer einen Beschluss anfechten möchte, muss dies vor Ablauf der Anfechtungsfrist tun.
notice-board-empty = Zurzeit gibt es keine Bekanntmachungen.
notice-board-posted = Ausgehängt am { $date }
notice-board-appeal-until = Anfechtungsfrist endet am { $date }
notice-board-kept-at = Aufbewahrungsort des Protokolls: { $place }
notice-board-entry = Protokoll: { $committee }, Sitzung vom { $date }

## Lists. $count: a number; $page, $total: page numbers; $year: a year.
list-count = { $count ->
    [0] Noch nichts veröffentlicht.
    [one] Ein Dokument
   *[other] { $count } Dokumente
}
pagination-label = Seiten
pagination-previous = Vorherige Seite
pagination-next = Nächste Seite
pagination-page = Seite { $page } von { $total }
archive-title = Archiv
archive-year = Veröffentlicht { $year }
topic-title = { $topic }
committee-title = { $committee }
committee-minutes = Protokolle dieses Gremiums
all-topics = Alle Themen

## Error page
not-found-title = Seite nicht gefunden
not-found-text = Die gesuchte Seite gibt es nicht. Vielleicht wurde sie verschoben oder gelöscht.
not-found-home = Zur Startseite
