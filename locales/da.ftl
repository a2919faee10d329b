# anslag UI strings: Danish (dansk).
# Translated from en.ftl. Keep the same keys and variables as en.ftl.

## Page chrome
skip-link = Gå til hovedindhold
nav-label = Hovedmenu
nav-home = Forside
nav-press = Pressemeddelelser
nav-minutes = Referater
nav-notices = Meddelelser
nav-notice-board = Officiel opslagstavle
nav-archive = Arkiv
nav-topics = Emner
language-switcher-label = Sprog
language-switcher-current = { $language } (valgt sprog)
breadcrumb-label = Du er her
footer-label = Om hjemmesiden
footer-contact = Kontakt
footer-feeds = Nyhedsfeeds
footer-made-with = Udgivet med anslag
choose-language = Vælg sprog
home-latest = Seneste { $section }
home-all = Alle { $section }

## Kinds of documents (plural names are the nav names above)
kind-press = Pressemeddelelse
kind-minutes = Referat
kind-notices = Meddelelse

## Crisis banner. $title: the notice's title.
crisis-label = Krisemeddelelse
crisis-read = Læs krisemeddelelsen: { $title }
crisis-read-in = Meddelelsen findes på:

## Document pages. $date: a formatted date.
published = Udgivet { $date }
updated = Opdateret { $date }
expires = Gælder til { $date }
urgency-normal = Information
urgency-important = Vigtigt
urgency-crisis = Krise
draft = Kladde, ikke udgivet
embargoed = Under embargo til { $date }
not-available = Findes ikke på { $language }.
read-in = Læs på:
translations = Denne side på andre sprog
topics = Emner
press-contacts = Pressekontakter
press-about = Om { $organisation }

## Minutes. $committee: a committee's name; $count: a number.
minutes-meeting = Møde
minutes-committee = Udvalg
minutes-time = Tidspunkt
minutes-place = Sted
minutes-attendees = Deltagere
minutes-absent = fraværende
minutes-approved = Godkendt { $date }
minutes-agenda = Dagsorden
minutes-item-count = { $count ->
    [one] Ét punkt
   *[other] { $count } punkter
}
item-case = Sagsnummer
item-closed = Lukket punkt
item-closed-note = Punktet blev behandlet for lukkede døre. Indholdet bliver ikke offentliggjort.
attachments = { $count ->
    [one] Bilag
   *[other] Bilag
}
attachment-size-kb = { $size } kB
attachment-size-mb = { $size } MB

## Notice board. $date: a formatted date.
notice-board-intro = Her offentliggøres godkendte referater. Hvis du vil klage over en beslutning, skal du gøre det, inden klagefristen udløber.
notice-board-empty = Der er intet på opslagstavlen lige nu.
notice-board-posted = Slået op { $date }
notice-board-appeal-until = Klagefristen udløber { $date }
notice-board-kept-at = Referatet opbevares her: { $place }
notice-board-entry = Referat fra { $committee }, møde den { $date }

## Lists. $count: a number; $page, $total: page numbers; $year: a year.
list-count = { $count ->
    [0] Intet udgivet endnu.
    [one] Ét dokument
   *[other] { $count } dokumenter
}
pagination-label = Sider
pagination-previous = Forrige side
pagination-next = Næste side
pagination-page = Side { $page } af { $total }
archive-title = Arkiv
archive-year = Udgivet i { $year }
topic-title = { $topic }
committee-title = { $committee }
committee-minutes = Referater fra dette udvalg
all-topics = Alle emner

## Error page
not-found-title = Siden blev ikke fundet
not-found-text = Siden, du leder efter, findes ikke. Den kan være flyttet eller slettet.
not-found-home = Gå til forsiden
