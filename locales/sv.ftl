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
# CAP alerts: who an alert is for when neither the notice nor site.yaml says.
alert-audience = Alla i området

## Document pages. $date: a formatted date.
published = Publicerad { $date }
updated = Uppdaterad { $date }
expires = Gäller till { $date }
urgency-normal = Information
urgency-important = Viktigt
urgency-crisis = Kris
draft = Utkast, inte publicerat
embargoed = Under embargo till { $date }
withdrawn-notice = Återkallat { $date }. Skäl: { $reason }
withdrawn-title = Återkallat: { $title }
withdrawn-original = Den ursprungliga texten står kvar nedan för kännedom.
not-available = Finns inte på { $language }.
read-in = Läs på:
translations = Den här sidan på andra språk
translation-stale = Den här översättningen kan vara inaktuell. Originalet ({ $language }) ändrades { $date }.
translation-stale-read = Läs originalet
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

## Email. $site: the website's name; $organisation: the organisation's name; $title: a document's
## title; $count, $hours: numbers; $language: a language's name; $languages: a list of language
## names; $address: an e-mail address.
mail-urgent = BRÅDSKANDE
mail-crisis-subject = BRÅDSKANDE: { $title }
mail-crisis-intro = { $organisation } skickar det här krismeddelandet till alla som prenumererar på nyheter via e-post, oavsett vilka ämnen de har valt och hur ofta de vill få e-post.
mail-instruction = Det här behöver du göra
mail-crisis-web = Meddelandet på webbplatsen uppdateras när läget ändras:
mail-other-languages = Meddelandet på andra språk:
mail-digest-subject = { $count ->
    [one] { $site }: ett nytt dokument
   *[other] { $site }: { $count } nya dokument
}
mail-digest-heading-immediate = Nytt från { $organisation }
mail-digest-heading-daily = Dagens sammanfattning från { $organisation }
mail-digest-heading-weekly = Veckans sammanfattning från { $organisation }
mail-digest-intro = { $count ->
    [one] Det finns ett nytt dokument för din prenumeration.
   *[other] Det finns { $count } nya dokument för din prenumeration.
}
mail-read-on-web = Läs det på webbplatsen:
mail-not-available = Finns inte på { $language }. Finns på: { $languages }.
mail-list-separator = {", "}
mail-footer-reason = Du får det här e-postmeddelandet eftersom du prenumererar på nyheter från { $organisation }.
mail-footer-frequency-immediate = Du får e-post så snart något nytt publiceras.
mail-footer-frequency-daily = Du får högst en sammanfattning per dag.
mail-footer-frequency-weekly = Du får en sammanfattning per vecka.
mail-footer-crisis = Krismeddelanden skickas direkt till alla prenumeranter.
mail-preferences = Ändra ämnen, språk eller hur ofta du får e-post
mail-unsubscribe = Avsluta prenumerationen
mail-confirm-subject = Bekräfta din prenumeration: { $site }
mail-confirm-heading = Bekräfta din prenumeration
mail-confirm-intro = Någon, troligen du, har bett om att få nyheter från { $organisation } via e-post till { $address }.
mail-confirm-action = Bekräfta prenumerationen
mail-confirm-expires = { $hours ->
    [one] Länken gäller i en timme.
   *[other] Länken gäller i { $hours } timmar.
}
mail-confirm-copy = Om länken inte fungerar kan du kopiera adressen till din webbläsare:
mail-confirm-ignore = Om det inte var du kan du bortse från det här meddelandet. Då blir det ingen prenumeration, och vi skriver inte till dig igen.

## Prenumeration via e-post: webbplatsens prenumerationssida och prenumerationstjänstens sidor.
## $organisation: organisationens namn; $site: webbplatsens namn; $address: en e-postadress.
sub-footer-link = Prenumerera via e-post
sub-title = Prenumerera via e-post
sub-intro = Få nyheter från { $organisation } via e-post, på ditt språk. Det enda vi behöver är din e-postadress.
sub-address = E-postadress
sub-address-hint = Vi skickar en länk som du bekräftar med. Prenumerationen börjar först när du har bekräftat.
sub-language = Språk i e-postmeddelandena
sub-topics = Ämnen
sub-topics-hint = Välj vad du vill få veta mer om. Om du inte väljer något får du allt.
sub-topics-school = Skolor
sub-topics-preschool = Förskolor
sub-topics-unit = Verksamheter
sub-topics-committee = Nämnder och utskott
sub-topics-subject = Ämnesområden
sub-frequency = Hur ofta
sub-frequency-immediate = Så fort något publiceras
sub-frequency-daily = En sammanfattning om dagen
sub-frequency-weekly = En sammanfattning i veckan
sub-crisis-note = Krismeddelanden skickas alltid direkt, vad du än väljer här.
sub-honeypot = Lämna det här fältet tomt
sub-privacy = Vi sparar din e-postadress, dina val och när du gav ditt samtycke, inget annat. Varje e-postmeddelande vi skickar har länkar för att ändra eller avsluta prenumerationen.
sub-submit = Prenumerera
sub-manage-heading = Prenumererar du redan?
sub-manage-text = Skriv din e-postadress så skickar vi en länk där du kan ändra eller avsluta prenumerationen.
sub-manage-submit = Skicka en länk
sub-manage-link = Ändra eller avsluta din prenumeration
sub-sent-title = Titta i din e-post
sub-sent-text = Om adressen kan ta emot e-post har vi skickat ett meddelande till den. Öppna länken i meddelandet för att bekräfta eller ändra prenumerationen.
sub-sent-spam = Har inget kommit efter några minuter? Titta i skräpposten, eller försök igen senare.
sub-confirm-title = Bekräfta prenumerationen
sub-confirm-text = Tryck på knappen för att börja få nyheter från { $organisation } via e-post.
sub-confirm-submit = Bekräfta prenumerationen
sub-confirmed-title = Prenumerationen är bekräftad
sub-confirmed-text = Tack! Du får nyheter från { $organisation } via e-post så som du har valt.
sub-confirmed-preferences = Ändra ämnen, språk eller hur ofta du får e-post
sub-saved-title = Dina val är sparade
sub-saved-text = Från och med nu får du e-post så som du har valt.
sub-preferences-title = Din prenumeration
sub-preferences-intro = E-posten går till { $address }. Ändra det du vill och tryck på Spara.
sub-preferences-submit = Spara
sub-preferences-unsubscribe = Sluta få e-post från oss
sub-preferences-unsubscribed = Du har avslutat prenumerationen, så vi skickar ingenting till dig. Om du vill få e-post igen kan du prenumerera på nytt.
sub-unsubscribe-title = Avsluta prenumerationen
sub-unsubscribe-text = Tryck på knappen för att sluta få e-post från { $organisation } till { $address }.
sub-unsubscribe-submit = Avsluta prenumerationen
sub-unsubscribe-instead = Ändra vad du får i stället
sub-unsubscribed-title = Prenumerationen är avslutad
sub-unsubscribed-text = Du får ingen mer e-post från { $organisation }. Om du ångrar dig kan du prenumerera igen.
sub-data-title = Dina uppgifter
sub-data-download = Ladda ner allt vi lagrar om dig (JSON)
sub-data-erase = Radera allt vi lagrar om dig
sub-erase-title = Radera dina uppgifter
sub-erase-text = Det här raderar allt { $organisation } lagrar om { $address }: prenumerationen, dina val och uppgifterna om vad som skickats till dig. Det går inte att ångra.
sub-erase-submit = Radera mina uppgifter
sub-erase-instead = Behåll min prenumeration
sub-erased-title = Dina uppgifter är raderade
sub-erased-text = { $organisation } lagrar inte längre något om dig, bara en oläslig form (hash) av din adress, så att ingen kan anmäla dig igen utan ditt samtycke.
sub-link-invalid-title = Länken fungerar inte längre
sub-link-invalid-text = Länken har gått ut, har redan använts eller är inte komplett. En länk för att bekräfta en prenumeration fungerar bara en gång och bara under en begränsad tid.
sub-link-invalid-action = Fyll i prenumerationsformuläret igen för att få en ny länk.
sub-link-broken-text = Länken är inte komplett, eller så finns prenumerationen den hör till inte längre. Kopiera hela länken från e-postmeddelandet, eller be om en ny länk.
sub-link-new = Prenumerera eller få en ny länk
sub-back = Tillbaka till { $site }
sub-error-prefix = Fel:
sub-error-summary = Något behöver rättas
sub-error-title = Något gick fel
sub-error-address = Skriv hela din e-postadress, till exempel namn@exempel.se
sub-error-choice = Välj språk, ämnen och hur ofta bland alternativen i formuläret
sub-error-form = Formuläret kunde inte läsas. Fyll i det igen på vår webbplats.
sub-error-too-large = Formuläret innehöll för mycket text. Fyll i det igen på vår webbplats.
sub-error-too-many = För många formulär har skickats från ditt nätverk på kort tid. Vänta en minut och försök igen.
sub-error-origin = Formuläret skickades från en annan webbplats. Fyll i det på vår webbplats i stället.
sub-error-unavailable = Tjänsten fungerar inte just nu. Försök igen om några minuter.
mail-manage-subject = Din prenumeration: { $site }
mail-manage-heading = Ändra eller avsluta din prenumeration
mail-manage-intro = Någon, förmodligen du, bad om en länk för att ändra eller avsluta prenumerationen på nyheter från { $organisation } för { $address }.
mail-manage-action = Ändra min prenumeration
mail-manage-ignore = Om det inte var du kan du bortse från det här meddelandet. Ingenting har ändrats.

## Redirect pages
redirect-moved = Sidan har flyttat till en ny adress:

## Search
search-title = Sök
search-label = Sök på webbplatsen
search-submit = Sök
search-kind = Typ av dokument
search-kind-any = Alla typer
search-topic = Ämne eller nämnd
search-topic-any = Alla ämnen
search-without-script = Sökningen behöver JavaScript, som din webbläsare inte kör för den här webbplatsen. Du hittar alla dokument i listorna, efter ämne eller nämnd och i arkivet efter år:
search-feeds = Eller följ allt nytt i ett flöde:
search-results = Resultat
search-count = Antal träffar: { $count }
search-none = Inga träffar. Prova andra eller färre ord, eller ett annat filter.
search-searching = Söker …
search-failed = Sökningen kunde inte laddas. Försök igen senare eller använd listorna.

## A press release's photo
image-credit = Foto: { $credit }
image-licence = Licens: { $licence }
image-download = Ladda ned originalet ({ $format }, { $width } × { $height } pixlar, { $size })
