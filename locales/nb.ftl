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
footer-accessibility = Tilgjengelighetserklæring
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
# CAP alerts: who an alert is for when neither the notice nor site.yaml says.
alert-audience = Alle i området

## Document pages. $date: a formatted date.
published = Publisert { $date }
updated = Oppdatert { $date }
expires = Gjelder til { $date }
urgency-normal = Informasjon
urgency-important = Viktig
urgency-crisis = Krise
draft = Utkast, ikke publisert
embargoed = Sperrefrist til { $date }
withdrawn-notice = Trukket tilbake { $date }. Begrunnelse: { $reason }
withdrawn-title = Trukket tilbake: { $title }
withdrawn-original = Den opprinnelige teksten står nedenfor til orientering.
not-available = Finnes ikke på { $language }.
read-in = Les på:
translations = Denne siden på andre språk
translation-stale = Denne oversettelsen kan være utdatert. Originalen ({ $language }) ble endret { $date }.
translation-stale-read = Les originalen
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

## Accessibility statement. $organisation: the organisation's name; $site: the website's address;
## $law, $standard, $body: the names of a law, a standard and an authority; $date: a formatted date.
a11y-title = Tilgjengelighetserklæring
a11y-intro = { $organisation } ønsker at flest mulig skal kunne bruke dette nettstedet. Denne erklæringen beskriver hvordan { $site } oppfyller kravene til universell utforming, hva vi vet ikke fungerer, og hvordan du kan si fra om problemer.
a11y-law = Kravene følger av { $law }.
a11y-status-heading = Samsvarsstatus
a11y-status-full = Dette nettstedet er i full overensstemmelse med { $standard }.
a11y-status-partial = Dette nettstedet er delvis i samsvar med { $standard } på grunn av problemene som er beskrevet nedenfor.
a11y-status-none = Dette nettstedet er ikke i samsvar med { $standard }. Problemene vi kjenner til, er beskrevet nedenfor.
a11y-limitations-heading = Innhold som ikke er tilgjengelig
a11y-limitations-none = Vi kjenner ikke til innhold på dette nettstedet som ikke er tilgjengelig.
a11y-feedback-heading = Meld fra om et problem
a11y-feedback-text = Hvis noe på dette nettstedet ikke fungerer for deg, eller du trenger informasjonen i et annet format, kan du kontakte oss, så hjelper vi deg.
a11y-contact-email = E-post
a11y-contact-phone = Telefon
a11y-contact-web = Nett
a11y-contact-form = Bruk skjemaet vårt på nett
a11y-enforcement-heading = Tilsyn
a11y-enforcement-text = { $body } fører tilsyn med kravene til tilgjengelighet. Hvis du ikke er fornøyd med hvordan vi har behandlet henvendelsen din, kan du melde det til { $body }.
a11y-enforcement-link = Meld fra til { $body }
a11y-preparation-heading = Om denne erklæringen
a11y-prepared = Denne erklæringen ble utarbeidet { $date }.
a11y-method-self-assessment = { $organisation } har selv vurdert nettstedet.
a11y-method-third-party = En uavhengig tredjepart har vurdert nettstedet.
a11y-reviewed = Den ble sist gjennomgått { $date }.
a11y-missing = Dette nettstedet har ennå ingen tilgjengelighetserklæring.

## Email. $site: the website's name; $organisation: the organisation's name; $title: a document's
## title; $count, $hours: numbers; $language: a language's name; $languages: a list of language
## names; $address: an e-mail address.
mail-urgent = HASTER
mail-crisis-subject = HASTER: { $title }
mail-crisis-intro = { $organisation } sender denne krisemeldingen til alle som abonnerer på nyheter på e-post, uansett hvilke emner de har valgt og hvor ofte de vil ha e-post.
mail-instruction = Dette må du gjøre
mail-crisis-web = Meldingen på nettstedet blir oppdatert når situasjonen endrer seg:
mail-other-languages = Meldingen på andre språk:
mail-digest-subject = { $count ->
    [one] { $site }: ett nytt dokument
   *[other] { $site }: { $count } nye dokumenter
}
mail-digest-heading-immediate = Nytt fra { $organisation }
mail-digest-heading-daily = Dagens oversikt fra { $organisation }
mail-digest-heading-weekly = Ukens oversikt fra { $organisation }
mail-digest-intro = { $count ->
    [one] Det er ett nytt dokument i abonnementet ditt.
   *[other] Det er { $count } nye dokumenter i abonnementet ditt.
}
mail-read-on-web = Les det på nettstedet:
mail-not-available = Finnes ikke på { $language }. Finnes på: { $languages }.
mail-list-separator = {", "}
mail-footer-reason = Du får denne e-posten fordi du abonnerer på nyheter fra { $organisation }.
mail-footer-frequency-immediate = Du får e-post så snart noe nytt blir publisert.
mail-footer-frequency-daily = Du får høyst én oversikt om dagen.
mail-footer-frequency-weekly = Du får én oversikt i uken.
mail-footer-crisis = Krisemeldinger sendes straks til alle abonnenter.
mail-preferences = Endre emner, språk eller hvor ofte du får e-post
mail-unsubscribe = Avslutt abonnementet
mail-confirm-subject = Bekreft abonnementet ditt: { $site }
mail-confirm-heading = Bekreft abonnementet ditt
mail-confirm-intro = Noen, sannsynligvis du, har bedt om å få nyheter fra { $organisation } på e-post til { $address }.
mail-confirm-action = Bekreft abonnementet mitt
mail-confirm-expires = { $hours ->
    [one] Lenken virker i én time.
   *[other] Lenken virker i { $hours } timer.
}
mail-confirm-copy = Hvis lenken ikke virker, kan du kopiere adressen inn i nettleseren din:
mail-confirm-ignore = Hvis det ikke var deg, kan du se bort fra denne e-posten. Du blir ikke abonnent, og vi skriver ikke til deg igjen.

## Abonnement på e-post: nettstedets abonnementsside og sidene til abonnementstjenesten.
## $organisation: organisasjonens navn; $site: nettstedets navn; $address: en e-postadresse.
sub-footer-link = Abonner på e-post
sub-title = Abonner på e-post
sub-intro = Få nyheter fra { $organisation } på e-post, på ditt eget språk. Vi trenger bare e-postadressen din.
sub-address = E-postadresse
sub-address-hint = Vi sender deg en lenke som du bekrefter med. Du er ikke abonnent før du har bekreftet.
sub-language = Språk i e-postene
sub-topics = Emner
sub-topics-hint = Velg hva du vil høre om. Hvis du ikke velger noe, får du alt.
sub-topics-school = Skoler
sub-topics-preschool = Barnehager
sub-topics-unit = Enheter
sub-topics-committee = Utvalg
sub-topics-subject = Fagområder
sub-frequency = Hvor ofte
sub-frequency-immediate = Så snart noe blir publisert
sub-frequency-daily = Ett sammendrag om dagen
sub-frequency-weekly = Ett sammendrag i uken
sub-crisis-note = Krisemeldinger blir alltid sendt med en gang, uansett hva du velger her.
sub-honeypot = La dette feltet stå tomt
sub-privacy = Vi lagrer e-postadressen din, valgene dine og når du ga samtykke, ikke noe annet. Alle e-postene våre har lenker der du kan endre eller avslutte abonnementet.
sub-submit = Abonner
sub-manage-heading = Abonnerer du allerede?
sub-manage-text = Skriv e-postadressen din, så sender vi deg en lenke der du kan endre eller avslutte abonnementet.
sub-manage-submit = Send meg en lenke
sub-manage-link = Endre eller avslutt abonnementet ditt
sub-sent-title = Sjekk e-posten din
sub-sent-text = Hvis adressen kan ta imot e-post, har vi sendt en melding til den. Åpne lenken i meldingen for å bekrefte eller endre abonnementet.
sub-sent-spam = Har ingenting kommet etter noen minutter? Se i søppelpostmappen, eller prøv igjen senere.
sub-confirm-title = Bekreft abonnementet
sub-confirm-text = Trykk på knappen for å begynne å få nyheter fra { $organisation } på e-post.
sub-confirm-submit = Bekreft abonnementet mitt
sub-confirmed-title = Abonnementet er bekreftet
sub-confirmed-text = Takk! Du får nyheter fra { $organisation } på e-post slik du har valgt.
sub-confirmed-preferences = Endre emner, språk eller hvor ofte du får e-post
sub-saved-title = Valgene dine er lagret
sub-saved-text = Fra nå av får du e-post slik du har valgt.
sub-preferences-title = Abonnementet ditt
sub-preferences-intro = E-postene går til { $address }. Endre det du vil, og trykk på Lagre.
sub-preferences-submit = Lagre
sub-preferences-unsubscribe = Slutt å få e-post fra oss
sub-preferences-unsubscribed = Du har avsluttet abonnementet, så vi sender deg ingenting. Hvis du vil få e-post igjen, kan du abonnere på nytt.
sub-unsubscribe-title = Avslutt abonnementet
sub-unsubscribe-text = Trykk på knappen for å stoppe all e-post fra { $organisation } til { $address }.
sub-unsubscribe-submit = Avslutt abonnementet
sub-unsubscribe-instead = Endre heller hva du får
sub-unsubscribed-title = Abonnementet er avsluttet
sub-unsubscribed-text = Du får ikke mer e-post fra { $organisation }. Hvis du ombestemmer deg, kan du abonnere igjen.
sub-data-title = Dine opplysninger
sub-data-download = Last ned alt vi lagrer om deg (JSON)
sub-data-erase = Slett alt vi lagrer om deg
sub-erase-title = Slett opplysningene dine
sub-erase-text = Dette sletter alt { $organisation } lagrer om { $address }: abonnementet, valgene dine og opplysningene om hva som er sendt til deg. Det kan ikke angres.
sub-erase-submit = Slett opplysningene mine
sub-erase-instead = Behold abonnementet mitt
sub-erased-title = Opplysningene dine er slettet
sub-erased-text = { $organisation } lagrer ikke lenger noe om deg, bare en uleselig form (hash) av adressen din, slik at ingen kan melde deg på igjen uten ditt samtykke.
sub-link-invalid-title = Lenken virker ikke lenger
sub-link-invalid-text = Lenken er utløpt, er allerede brukt eller er ikke fullstendig. En lenke for å bekrefte et abonnement virker bare én gang og bare en begrenset tid.
sub-link-invalid-action = Fyll ut abonnementsskjemaet på nytt for å få en ny lenke.
sub-link-broken-text = Lenken er ikke fullstendig, eller abonnementet den hører til, finnes ikke lenger. Kopier hele lenken fra e-posten, eller be om en ny lenke.
sub-link-new = Abonner eller få en ny lenke
sub-back = Tilbake til { $site }
sub-error-prefix = Feil:
sub-error-summary = Noe må rettes
sub-error-title = Noe gikk galt
sub-error-address = Skriv hele e-postadressen din, for eksempel navn@eksempel.no
sub-error-choice = Velg språk, emner og hvor ofte blant alternativene i skjemaet
sub-error-form = Skjemaet kunne ikke leses. Fyll det ut på nytt på nettstedet vårt.
sub-error-too-large = Skjemaet inneholdt for mye tekst. Fyll det ut på nytt på nettstedet vårt.
sub-error-too-many = Det er sendt for mange skjemaer fra nettverket ditt på kort tid. Vent et minutt og prøv igjen.
sub-error-origin = Skjemaet ble sendt fra et annet nettsted. Fyll det ut på nettstedet vårt i stedet.
sub-error-unavailable = Tjenesten virker ikke akkurat nå. Prøv igjen om noen minutter.
mail-manage-subject = Abonnementet ditt: { $site }
mail-manage-heading = Endre eller avslutt abonnementet ditt
mail-manage-intro = Noen, sannsynligvis du, ba om en lenke for å endre eller avslutte abonnementet på nyheter fra { $organisation } for { $address }.
mail-manage-action = Endre abonnementet mitt
mail-manage-ignore = Hvis det ikke var deg, kan du se bort fra denne e-posten. Ingenting er endret.

## Redirect pages
redirect-moved = Siden har flyttet til en ny adresse:

## Search
search-title = Søk
search-label = Søk på nettstedet
search-submit = Søk
search-kind = Type dokument
search-kind-any = Alle typer
search-topic = Emne eller utvalg
search-topic-any = Alle emner
search-without-script = Søket trenger JavaScript, som nettleseren din ikke kjører for dette nettstedet. Du finner alle dokumenter i listene, etter emne eller utvalg og i arkivet etter år:
search-feeds = Eller følg alt nytt i en strøm:
search-results = Resultater
search-count = Antall treff: { $count }
search-none = Ingen treff. Prøv andre eller færre ord, eller et annet filter.
search-searching = Søker …
search-failed = Søket kunne ikke lastes. Prøv igjen senere, eller bruk listene.

## A press release's photo
image-credit = Foto: { $credit }
image-licence = Lisens: { $licence }
image-download = Last ned originalen ({ $format }, { $width } × { $height } piksler, { $size })
