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
footer-accessibility = Tilgængelighedserklæring
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
# CAP alerts: who an alert is for when neither the notice nor site.yaml says.
alert-audience = Alle i området

## Document pages. $date: a formatted date.
published = Udgivet { $date }
updated = Opdateret { $date }
expires = Gælder til { $date }
urgency-normal = Information
urgency-important = Vigtigt
urgency-crisis = Krise
draft = Kladde, ikke udgivet
embargoed = Under embargo til { $date }
withdrawn-notice = Trukket tilbage { $date }. Begrundelse: { $reason }
withdrawn-title = Trukket tilbage: { $title }
withdrawn-original = Den oprindelige tekst står nedenfor til orientering.
not-available = Findes ikke på { $language }.
read-in = Læs på:
translations = Denne side på andre sprog
translation-stale = Denne oversættelse er måske forældet. Originalen ({ $language }) blev ændret { $date }.
translation-stale-read = Læs originalen
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

## Accessibility statement. $organisation: the organisation's name; $site: the website's address;
## $law, $standard, $body: the names of a law, a standard and an authority; $date: a formatted date.
a11y-title = Tilgængelighedserklæring
a11y-intro = { $organisation } ønsker, at så mange som muligt kan bruge dette websted. Denne erklæring beskriver, hvordan { $site } opfylder kravene til tilgængelighed, hvad vi ved ikke fungerer, og hvordan du kan fortælle os om problemer.
a11y-law = Kravene følger af { $law }.
a11y-status-heading = Overholdelsesstatus
a11y-status-full = Dette websted overholder { $standard } fuldt ud.
a11y-status-partial = Dette websted overholder delvist { $standard } på grund af de problemer, der er beskrevet nedenfor.
a11y-status-none = Dette websted overholder ikke { $standard }. De problemer, vi kender til, er beskrevet nedenfor.
a11y-limitations-heading = Indhold, der ikke er tilgængeligt
a11y-limitations-none = Vi kender ikke til indhold på dette websted, som ikke er tilgængeligt.
a11y-feedback-heading = Rapportér et problem
a11y-feedback-text = Hvis noget på dette websted ikke fungerer for dig, eller hvis du har brug for oplysningerne i et andet format, så kontakt os, og vi hjælper dig.
a11y-contact-email = E-mail
a11y-contact-phone = Telefon
a11y-contact-web = Online
a11y-contact-form = Brug vores webformular
a11y-enforcement-heading = Håndhævelse
a11y-enforcement-text = { $body } fører tilsyn med tilgængelighedskravene. Hvis du ikke er tilfreds med, hvordan vi har behandlet din henvendelse, kan du klage til { $body }.
a11y-enforcement-link = Klag til { $body }
a11y-preparation-heading = Om denne erklæring
a11y-prepared = Denne erklæring blev udarbejdet den { $date }.
a11y-method-self-assessment = { $organisation } har selv vurderet webstedet.
a11y-method-third-party = En uafhængig tredjepart har vurderet webstedet.
a11y-reviewed = Den blev senest gennemgået den { $date }.
a11y-missing = Dette websted har endnu ingen tilgængelighedserklæring.

## Email. $site: the website's name; $organisation: the organisation's name; $title: a document's
## title; $count, $hours: numbers; $language: a language's name; $languages: a list of language
## names; $address: an e-mail address.
mail-urgent = HASTER
mail-crisis-subject = HASTER: { $title }
mail-crisis-intro = { $organisation } sender denne krisemeddelelse til alle, der abonnerer på nyheder via e-mail, uanset hvilke emner de har valgt, og hvor ofte de vil have e-mail.
mail-instruction = Det skal du gøre
mail-crisis-web = Meddelelsen på hjemmesiden bliver opdateret, når situationen ændrer sig:
mail-other-languages = Meddelelsen på andre sprog:
mail-digest-subject = { $count ->
    [one] { $site }: ét nyt dokument
   *[other] { $site }: { $count } nye dokumenter
}
mail-digest-heading-immediate = Nyt fra { $organisation }
mail-digest-heading-daily = Dagens oversigt fra { $organisation }
mail-digest-heading-weekly = Ugens oversigt fra { $organisation }
mail-digest-intro = { $count ->
    [one] Der er ét nyt dokument til dit abonnement.
   *[other] Der er { $count } nye dokumenter til dit abonnement.
}
mail-read-on-web = Læs det på hjemmesiden:
mail-not-available = Findes ikke på { $language }. Findes på: { $languages }.
mail-list-separator = {", "}
mail-footer-reason = Du får denne e-mail, fordi du abonnerer på nyheder fra { $organisation }.
mail-footer-frequency-immediate = Du får en e-mail, så snart der udgives noget nyt.
mail-footer-frequency-daily = Du får højst én oversigt om dagen.
mail-footer-frequency-weekly = Du får én oversigt om ugen.
mail-footer-crisis = Krisemeddelelser sendes straks til alle abonnenter.
mail-preferences = Skift emner, sprog eller hvor ofte du får e-mail
mail-unsubscribe = Afmeld abonnementet
mail-confirm-subject = Bekræft dit abonnement: { $site }
mail-confirm-heading = Bekræft dit abonnement
mail-confirm-intro = Nogen, sandsynligvis dig, har bedt om at få nyheder fra { $organisation } via e-mail på { $address }.
mail-confirm-action = Bekræft mit abonnement
mail-confirm-expires = { $hours ->
    [one] Linket virker i én time.
   *[other] Linket virker i { $hours } timer.
}
mail-confirm-copy = Hvis linket ikke virker, kan du kopiere adressen ind i din browser:
mail-confirm-ignore = Hvis det ikke var dig, kan du se bort fra denne e-mail. Du bliver ikke tilmeldt, og vi skriver ikke til dig igen.

## Abonnement via e-mail: hjemmesidens tilmeldingsside og abonnementstjenestens sider.
## $organisation: organisationens navn; $site: hjemmesidens navn; $address: en e-mailadresse.
sub-footer-link = Abonnér via e-mail
sub-title = Abonnér via e-mail
sub-intro = Få nyheder fra { $organisation } via e-mail på dit eget sprog. Vi har kun brug for din e-mailadresse.
sub-address = E-mailadresse
sub-address-hint = Vi sender dig et link, som du bekræfter med. Du er først tilmeldt, når du har bekræftet.
sub-language = Sprog i e-mailene
sub-topics = Emner
sub-topics-hint = Vælg, hvad du vil høre om. Hvis du ikke vælger noget, får du det hele.
sub-topics-school = Skoler
sub-topics-preschool = Børnehaver
sub-topics-unit = Enheder
sub-topics-committee = Udvalg
sub-topics-subject = Emneområder
sub-frequency = Hvor ofte
sub-frequency-immediate = Så snart der bliver udgivet noget
sub-frequency-daily = Et sammendrag om dagen
sub-frequency-weekly = Et sammendrag om ugen
sub-crisis-note = Krisemeddelelser bliver altid sendt med det samme, uanset hvad du vælger her.
sub-honeypot = Lad dette felt være tomt
sub-privacy = Vi gemmer din e-mailadresse, dine valg og hvornår du gav samtykke, intet andet. Alle vores e-mails har links, så du kan ændre eller afmelde dit abonnement.
sub-submit = Abonnér
sub-manage-heading = Abonnerer du allerede?
sub-manage-text = Skriv din e-mailadresse, så sender vi dig et link, hvor du kan ændre eller afmelde dit abonnement.
sub-manage-submit = Send mig et link
sub-manage-link = Ændr eller afmeld dit abonnement
sub-sent-title = Tjek din e-mail
sub-sent-text = Hvis adressen kan modtage e-mail, har vi sendt en besked til den. Åbn linket i beskeden for at bekræfte eller ændre dit abonnement.
sub-sent-spam = Er der ikke kommet noget efter et par minutter? Se i din spam-mappe, eller prøv igen senere.
sub-confirm-title = Bekræft dit abonnement
sub-confirm-text = Tryk på knappen for at begynde at få nyheder fra { $organisation } via e-mail.
sub-confirm-submit = Bekræft mit abonnement
sub-confirmed-title = Dit abonnement er bekræftet
sub-confirmed-text = Tak! Du får nyheder fra { $organisation } via e-mail, som du har valgt.
sub-confirmed-preferences = Skift emner, sprog eller hvor ofte du får e-mail
sub-saved-title = Dine valg er gemt
sub-saved-text = Fra nu af får du e-mail, som du har valgt.
sub-preferences-title = Dit abonnement
sub-preferences-intro = E-mailene bliver sendt til { $address }. Ændr det, du vil, og tryk på Gem.
sub-preferences-submit = Gem
sub-preferences-unsubscribe = Stop alle e-mails fra os
sub-preferences-unsubscribed = Du har afmeldt dit abonnement, så vi sender dig ikke noget. Hvis du vil have e-mail igen, kan du abonnere igen.
sub-unsubscribe-title = Afmeld abonnementet
sub-unsubscribe-text = Tryk på knappen for at stoppe alle e-mails fra { $organisation } til { $address }.
sub-unsubscribe-submit = Afmeld
sub-unsubscribe-instead = Ændr hellere, hvad du får
sub-unsubscribed-title = Du er afmeldt
sub-unsubscribed-text = Du får ikke flere e-mails fra { $organisation }. Hvis du fortryder, kan du abonnere igen.
sub-data-title = Dine oplysninger
sub-data-download = Hent alt, hvad vi gemmer om dig (JSON)
sub-data-erase = Slet alt, hvad vi gemmer om dig
sub-erase-title = Slet dine oplysninger
sub-erase-text = Dette sletter alt, hvad { $organisation } gemmer om { $address }: abonnementet, dine valg og oplysningerne om, hvad der er sendt til dig. Det kan ikke fortrydes.
sub-erase-submit = Slet mine oplysninger
sub-erase-instead = Behold mit abonnement
sub-erased-title = Dine oplysninger er slettet
sub-erased-text = { $organisation } gemmer ikke længere noget om dig, kun en ulæselig form (hash) af din adresse, så ingen kan tilmelde dig igen uden dit samtykke.
sub-link-invalid-title = Linket virker ikke længere
sub-link-invalid-text = Linket er udløbet, er allerede brugt eller er ikke helt. Et link til at bekræfte et abonnement virker kun én gang og kun i en begrænset tid.
sub-link-invalid-action = Udfyld tilmeldingsformularen igen for at få et nyt link.
sub-link-broken-text = Linket er ikke helt, eller abonnementet, det hører til, findes ikke længere. Kopiér hele linket fra e-mailen, eller bed om et nyt link.
sub-link-new = Abonnér eller få et nyt link
sub-back = Tilbage til { $site }
sub-error-prefix = Fejl:
sub-error-summary = Der er et problem
sub-error-title = Noget gik galt
sub-error-address = Skriv hele din e-mailadresse, for eksempel navn@eksempel.dk
sub-error-choice = Vælg sprog, emner og hvor ofte blandt mulighederne i formularen
sub-error-form = Formularen kunne ikke læses. Udfyld den igen på vores hjemmeside.
sub-error-too-large = Formularen indeholdt for meget tekst. Udfyld den igen på vores hjemmeside.
sub-error-too-many = Der er sendt for mange formularer fra dit netværk på kort tid. Vent et minut, og prøv igen.
sub-error-origin = Formularen blev sendt fra en anden hjemmeside. Udfyld den på vores hjemmeside i stedet.
sub-error-unavailable = Tjenesten virker ikke lige nu. Prøv igen om et par minutter.
mail-manage-subject = Dit abonnement: { $site }
mail-manage-heading = Ændr eller afmeld dit abonnement
mail-manage-intro = Nogen, sandsynligvis dig, har bedt om et link til at ændre eller afmelde abonnementet på nyheder fra { $organisation } for { $address }.
mail-manage-action = Ændr mit abonnement
mail-manage-ignore = Hvis det ikke var dig, kan du se bort fra denne e-mail. Intet er blevet ændret.

## Redirect pages
redirect-moved = Siden er flyttet til en ny adresse:

## Search
search-title = Søg
search-label = Søg på webstedet
search-submit = Søg
search-kind = Type dokument
search-kind-any = Alle typer
search-topic = Emne eller udvalg
search-topic-any = Alle emner
search-without-script = Søgningen kræver JavaScript, som din browser ikke kører for dette websted. Du finder alle dokumenter i listerne, efter emne eller udvalg og i arkivet efter år:
search-feeds = Eller følg alt nyt i et feed:
search-results = Resultater
search-count = Antal resultater: { $count }
search-none = Intet fundet. Prøv andre eller færre ord eller et andet filter.
search-searching = Søger …
search-failed = Søgningen kunne ikke indlæses. Prøv igen senere, eller brug listerne.

## A press release's photo
image-credit = Foto: { $credit }
image-licence = Licens: { $licence }
image-download = Download originalen ({ $format }, { $width } × { $height } pixels, { $size })
