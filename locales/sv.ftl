# anslag UI strings: Swedish (svenska).
# Translated from en.ftl. Keep the same keys and variables as en.ftl.

## Page chrome
skip-link = Hoppa till huvudinnehållet
nav-label = Huvudmeny
nav-home = Startsida
nav-press = Pressmeddelanden
nav-minutes = Protokoll
nav-notices = Meddelanden
nav-notice-board = Officiell anslagstavla
nav-archive = Arkiv
nav-topics = Ämnen
language-switcher-label = Språk
language-switcher-current = { $language } (valt språk)
breadcrumb-label = Du är här
footer-label = Om webbplatsen
footer-contact = Kontakt
footer-feeds = Nyhetsflöden
footer-made-with = Publicerad med anslag
footer-accessibility = Tillgänglighetsredogörelse
choose-language = Välj språk
home-latest = Senaste { $section }
home-all = Alla { $section }

## Kinds of documents (plural names are the nav names above)
kind-press = Pressmeddelande
kind-minutes = Protokoll
kind-notices = Meddelande

## Crisis banner. $title: the notice's title.
crisis-label = Krismeddelande
crisis-read = Läs krismeddelandet: { $title }
crisis-read-in = Meddelandet finns på:

## Document pages. $date: a formatted date.
published = Publicerad { $date }
updated = Uppdaterad { $date }
expires = Gäller till { $date }
urgency-normal = Information
urgency-important = Viktigt
urgency-crisis = Kris
draft = Utkast, inte publicerat
embargoed = Under embargo till { $date }
not-available = Finns inte på { $language }.
read-in = Läs på:
translations = Den här sidan på andra språk
topics = Ämnen
press-contacts = Presskontakter
press-about = Om { $organisation }

## Minutes. $committee: a committee's name; $count: a number.
minutes-meeting = Sammanträde
minutes-committee = Nämnd
minutes-time = Tid
minutes-place = Plats
minutes-attendees = Närvarande
minutes-absent = frånvarande
minutes-approved = Justerat { $date }
minutes-agenda = Dagordning
minutes-item-count = { $count ->
    [one] Ett ärende
   *[other] { $count } ärenden
}
item-case = Diarienummer
item-closed = Ärende bakom stängda dörrar
item-closed-note = Ärendet behandlades bakom stängda dörrar. Innehållet publiceras inte.
attachments = { $count ->
    [one] Bilaga
   *[other] Bilagor
}
attachment-size-kb = { $size } kB
attachment-size-mb = { $size } MB

## Notice board. $date: a formatted date.
notice-board-intro = Här tillkännages justerade protokoll. Den som vill överklaga ett beslut måste göra det innan tiden för överklagande har gått ut.
notice-board-empty = Det finns inget på anslagstavlan just nu.
notice-board-posted = Anslaget uppsatt { $date }
notice-board-appeal-until = Tiden för överklagande går ut { $date }
notice-board-kept-at = Protokollet förvaras: { $place }
notice-board-entry = Protokoll från { $committee }, sammanträde { $date }

## Lists. $count: a number; $page, $total: page numbers; $year: a year.
list-count = { $count ->
    [0] Inget publicerat ännu.
    [one] Ett dokument
   *[other] { $count } dokument
}
pagination-label = Sidor
pagination-previous = Föregående sida
pagination-next = Nästa sida
pagination-page = Sida { $page } av { $total }
archive-title = Arkiv
archive-year = Publicerat { $year }
topic-title = { $topic }
committee-title = { $committee }
committee-minutes = Nämndens protokoll
all-topics = Alla ämnen

## Error page
not-found-title = Sidan hittades inte
not-found-text = Sidan du sökte finns inte. Den kan ha flyttats eller tagits bort.
not-found-home = Gå till startsidan

## Accessibility statement. $organisation: the organisation's name; $site: the website's address;
## $law, $standard, $body: the names of a law, a standard and an authority; $date: a formatted date.
a11y-title = Tillgänglighetsredogörelse
a11y-intro = { $organisation } vill att så många som möjligt ska kunna använda den här webbplatsen. Här beskriver vi hur { $site } uppfyller kraven på tillgänglighet, vad vi vet inte fungerar och hur du kan meddela oss om problem.
a11y-law = Kraven kommer från { $law }.
a11y-status-heading = Hur tillgänglig är webbplatsen?
a11y-status-full = Webbplatsen är helt förenlig med { $standard }.
a11y-status-partial = Webbplatsen är delvis förenlig med { $standard }, på grund av de brister som beskrivs nedan.
a11y-status-none = Webbplatsen är inte förenlig med { $standard }. De brister vi känner till beskrivs nedan.
a11y-limitations-heading = Innehåll som inte är tillgängligt
a11y-limitations-none = Vi känner inte till något innehåll på webbplatsen som inte är tillgängligt.
a11y-feedback-heading = Rapportera brister
a11y-feedback-text = Om något på webbplatsen inte fungerar för dig, eller om du behöver informationen i ett annat format, kontakta oss så hjälper vi dig.
a11y-contact-email = E-post
a11y-contact-phone = Telefon
a11y-contact-web = Webb
a11y-contact-form = Använd vårt webbformulär
a11y-enforcement-heading = Tillsyn
a11y-enforcement-text = { $body } ansvarar för tillsynen över tillgänglighetskraven. Om du inte är nöjd med hur vi har hanterat dina synpunkter kan du anmäla det till { $body }.
a11y-enforcement-link = Anmäl till { $body }
a11y-preparation-heading = Om redogörelsen
a11y-prepared = Redogörelsen upprättades den { $date }.
a11y-method-self-assessment = { $organisation } har själv granskat webbplatsen.
a11y-method-third-party = En oberoende extern part har granskat webbplatsen.
a11y-reviewed = Den sågs senast över den { $date }.
a11y-missing = Den här webbplatsen har ännu ingen tillgänglighetsredogörelse.
