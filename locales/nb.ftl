# anslag UI strings: Norwegian Bokmål (norsk bokmål).
# Translated from en.ftl. Keep the same keys and variables as en.ftl.

## Page chrome
skip-link = Gå til hovedinnholdet
nav-label = Hovedmeny
nav-home = Forside
nav-press = Pressemeldinger
nav-minutes = Protokoller
nav-notices = Kunngjøringer
nav-notice-board = Offisiell oppslagstavle
nav-archive = Arkiv
nav-topics = Emner
language-switcher-label = Språk
language-switcher-current = { $language } (valgt språk)
breadcrumb-label = Du er her
footer-label = Om nettstedet
footer-contact = Kontakt
footer-feeds = Nyhetsfeeder
footer-made-with = Publisert med anslag
choose-language = Velg språk
home-latest = Siste { $section }
home-all = Alle { $section }

## Kinds of documents (plural names are the nav names above)
kind-press = Pressemelding
kind-minutes = Protokoll
kind-notices = Kunngjøring

## Crisis banner. $title: the notice's title.
crisis-label = Krisemelding
crisis-read = Les krisemeldingen: { $title }
crisis-read-in = Meldingen finnes på:

## Document pages. $date: a formatted date.
published = Publisert { $date }
updated = Oppdatert { $date }
expires = Gjelder til { $date }
urgency-normal = Informasjon
urgency-important = Viktig
urgency-crisis = Krise
draft = Utkast, ikke publisert
embargoed = Sperrefrist til { $date }
not-available = Finnes ikke på { $language }.
read-in = Les på:
translations = Denne siden på andre språk
topics = Emner
press-contacts = Pressekontakter
press-about = Om { $organisation }

## Minutes. $committee: a committee's name; $count: a number.
minutes-meeting = Møte
minutes-committee = Utvalg
minutes-time = Tid
minutes-place = Sted
minutes-attendees = Til stede
minutes-absent = fraværende
minutes-approved = Godkjent { $date }
minutes-agenda = Saksliste
minutes-item-count = { $count ->
    [one] Én sak
   *[other] { $count } saker
}
item-case = Saksnummer
item-closed = Lukket sak
item-closed-note = Saken ble behandlet for lukkede dører. Innholdet blir ikke publisert.
attachments = { $count ->
    [one] Vedlegg
   *[other] Vedlegg
}
attachment-size-kb = { $size } kB
attachment-size-mb = { $size } MB

## Notice board. $date: a formatted date.
notice-board-intro = Her kunngjøres godkjente protokoller. Den som vil klage på et vedtak, må gjøre det før klagefristen går ut.
notice-board-empty = Det er ingenting på oppslagstavlen akkurat nå.
notice-board-posted = Kunngjort { $date }
notice-board-appeal-until = Klagefristen går ut { $date }
notice-board-kept-at = Protokollen oppbevares her: { $place }
notice-board-entry = Protokoll fra { $committee }, møte { $date }

## Lists. $count: a number; $page, $total: page numbers; $year: a year.
list-count = { $count ->
    [0] Ingenting er publisert ennå.
    [one] Ett dokument
   *[other] { $count } dokumenter
}
pagination-label = Sider
pagination-previous = Forrige side
pagination-next = Neste side
pagination-page = Side { $page } av { $total }
archive-title = Arkiv
archive-year = Publisert i { $year }
topic-title = { $topic }
committee-title = { $committee }
committee-minutes = Protokoller fra dette utvalget
all-topics = Alle emner

## Error page
not-found-title = Fant ikke siden
not-found-text = Siden du ba om, finnes ikke. Den kan ha blitt flyttet eller slettet.
not-found-home = Gå til forsiden
