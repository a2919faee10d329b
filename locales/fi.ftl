# anslag UI strings: Finnish (suomi).
# Translated from en.ftl. Keep the same keys and variables as en.ftl.

## Page chrome
skip-link = Siirry pääsisältöön
nav-label = Päävalikko
nav-home = Etusivu
nav-press = Tiedotteet
nav-minutes = Pöytäkirjat
nav-notices = Ilmoitukset
nav-notice-board = Virallinen ilmoitustaulu
nav-archive = Arkisto
nav-topics = Aiheet
language-switcher-label = Kieli
language-switcher-current = { $language } (valittu kieli)
breadcrumb-label = Olet tässä
footer-label = Tietoa sivustosta
footer-contact = Yhteystiedot
footer-feeds = Uutissyötteet
footer-made-with = Julkaisualusta: anslag
footer-accessibility = Saavutettavuusseloste
choose-language = Valitse kieli
home-latest = Uusimmat { $section }
home-all = Kaikki { $section }

## Kinds of documents (plural names are the nav names above)
kind-press = Tiedote
kind-minutes = Pöytäkirja
kind-notices = Ilmoitus

## Crisis banner. $title: the notice's title.
crisis-label = Kriisitiedote
crisis-read = Lue kriisitiedote: { $title }
crisis-read-in = Tiedote on saatavilla näillä kielillä:

## Document pages. $date: a formatted date.
published = Julkaistu { $date }
updated = Päivitetty { $date }
expires = Voimassa { $date } asti
urgency-normal = Tiedoksi
urgency-important = Tärkeä
urgency-crisis = Kriisi
draft = Luonnos, ei julkaistu
embargoed = Julkaisuvapaa { $date }
not-available = Ei saatavilla kielellä { $language }.
read-in = Lue kielellä:
translations = Tämä sivu muilla kielillä
topics = Aiheet
press-contacts = Yhteyshenkilöt medialle
press-about = { $organisation } lyhyesti

## Minutes. $committee: a committee's name; $count: a number.
minutes-meeting = Kokous
minutes-committee = Toimielin
minutes-time = Aika
minutes-place = Paikka
minutes-attendees = Läsnä
minutes-absent = poissa
minutes-approved = Tarkastettu { $date }
minutes-agenda = Esityslista
minutes-item-count = { $count ->
    [one] Yksi asia
   *[other] { $count } asiaa
}
item-case = Diaarinumero
item-closed = Ei-julkinen asia
item-closed-note = Asia käsiteltiin suljetuin ovin. Sen sisältöä ei julkaista.
attachments = { $count ->
    [one] Liite
   *[other] Liitteet
}
attachment-size-kb = { $size } kt
attachment-size-mb = { $size } Mt

## Notice board. $date: a formatted date.
notice-board-intro = Täällä ilmoitetaan tarkastetuista pöytäkirjoista. Jos haluat hakea muutosta päätökseen, tee se ennen kuin muutoksenhakuaika päättyy.
notice-board-empty = Ilmoitustaululla ei ole nyt mitään.
notice-board-posted = Ilmoitettu { $date }
notice-board-appeal-until = Muutoksenhakuaika päättyy { $date }
notice-board-kept-at = Pöytäkirjan säilytyspaikka: { $place }
notice-board-entry = Pöytäkirja: { $committee }, kokous { $date }

## Lists. $count: a number; $page, $total: page numbers; $year: a year.
list-count = { $count ->
    [0] Mitään ei ole vielä julkaistu.
    [one] Yksi asiakirja
   *[other] { $count } asiakirjaa
}
pagination-label = Sivut
pagination-previous = Edellinen sivu
pagination-next = Seuraava sivu
pagination-page = Sivu { $page } / { $total }
archive-title = Arkisto
archive-year = Julkaistu vuonna { $year }
topic-title = { $topic }
committee-title = { $committee }
committee-minutes = Toimielimen pöytäkirjat
all-topics = Kaikki aiheet

## Error page
not-found-title = Sivua ei löytynyt
not-found-text = Hakemaasi sivua ei ole olemassa. Se on ehkä siirretty tai poistettu.
not-found-home = Siirry etusivulle

## Accessibility statement. $organisation: the organisation's name; $site: the website's address;
## $law, $standard, $body: the names of a law, a standard and an authority; $date: a formatted date.
a11y-title = Saavutettavuusseloste
a11y-intro = { $organisation } haluaa, että mahdollisimman moni voi käyttää tätä verkkosivustoa. Tässä selosteessa kerrotaan, miten { $site } täyttää saavutettavuusvaatimukset, mitkä asiat eivät tietojemme mukaan toimi ja miten voit ilmoittaa meille ongelmista.
a11y-law = Vaatimukset perustuvat seuraavaan säädökseen: { $law }.
a11y-status-heading = Saavutettavuuden tila
a11y-status-full = Tämä verkkosivusto täyttää kaikilta osin standardin { $standard } vaatimukset.
a11y-status-partial = Tämä verkkosivusto täyttää standardin { $standard } vaatimukset osittain. Puutteet on kuvattu alla.
a11y-status-none = Tämä verkkosivusto ei täytä standardin { $standard } vaatimuksia. Tiedossamme olevat puutteet on kuvattu alla.
a11y-limitations-heading = Sisältö, joka ei ole saavutettavaa
a11y-limitations-none = Emme tiedä tällä verkkosivustolla olevan sisältöä, joka ei olisi saavutettavaa.
a11y-feedback-heading = Ilmoita ongelmasta
a11y-feedback-text = Jos jokin tällä verkkosivustolla ei toimi sinulle tai tarvitset tiedot toisessa muodossa, ota meihin yhteyttä, niin autamme sinua.
a11y-contact-email = Sähköposti
a11y-contact-phone = Puhelin
a11y-contact-web = Verkossa
a11y-contact-form = Käytä verkkolomakettamme
a11y-enforcement-heading = Valvonta
a11y-enforcement-text = Saavutettavuusvaatimusten noudattamista valvoo { $body }. Jos et ole tyytyväinen siihen, miten käsittelimme ilmoituksesi, voit tehdä ilmoituksen valvovalle viranomaiselle.
a11y-enforcement-link = Tee ilmoitus valvovalle viranomaiselle: { $body }
a11y-preparation-heading = Tietoa tästä selosteesta
a11y-prepared = Tämä seloste on laadittu { $date }.
a11y-method-self-assessment = { $organisation } on arvioinut verkkosivuston itse.
a11y-method-third-party = Verkkosivuston on arvioinut riippumaton ulkopuolinen arvioija.
a11y-reviewed = Seloste on tarkistettu viimeksi { $date }.
a11y-missing = Tällä verkkosivustolla ei ole vielä saavutettavuusselostetta.

## Email. $site: the website's name; $organisation: the organisation's name; $title: a document's
## title; $count, $hours: numbers; $language: a language's name; $languages: a list of language
## names; $address: an e-mail address.
mail-urgent = KIIREELLINEN
mail-crisis-subject = KIIREELLINEN: { $title }
mail-crisis-intro = { $organisation } lähettää tämän kriisitiedotteen kaikille sähköpostiuutisten tilaajille riippumatta siitä, mitä aiheita he ovat valinneet ja kuinka usein he haluavat sähköpostia.
mail-instruction = Näin toimit
mail-crisis-web = Verkkosivujen tiedotetta päivitetään, kun tilanne muuttuu:
mail-other-languages = Tiedote muilla kielillä:
mail-digest-subject = { $count ->
    [one] { $site }: yksi uusi asiakirja
   *[other] { $site }: { $count } uutta asiakirjaa
}
mail-digest-heading-immediate = { $organisation }: uudet julkaisut
mail-digest-heading-daily = { $organisation }: päivän kooste
mail-digest-heading-weekly = { $organisation }: viikon kooste
mail-digest-intro = { $count ->
    [one] Tilauksessasi on yksi uusi asiakirja.
   *[other] Tilauksessasi on { $count } uutta asiakirjaa.
}
mail-read-on-web = Lue verkkosivuilla:
mail-not-available = Ei saatavilla kielellä { $language }. Saatavilla kielillä: { $languages }.
mail-list-separator = {", "}
mail-footer-reason = Saat tämän sähköpostin, koska olet tilannut uutiset sähköpostiisi. Lähettäjä: { $organisation }.
mail-footer-frequency-immediate = Saat sähköpostia heti, kun jotain uutta julkaistaan.
mail-footer-frequency-daily = Saat enintään yhden koosteen päivässä.
mail-footer-frequency-weekly = Saat yhden koosteen viikossa.
mail-footer-crisis = Kriisitiedotteet lähetetään heti kaikille tilaajille.
mail-preferences = Muuta aiheita, kieltä tai sitä, kuinka usein saat sähköpostia
mail-unsubscribe = Peru tilaus
mail-confirm-subject = Vahvista tilauksesi: { $site }
mail-confirm-heading = Vahvista tilauksesi
mail-confirm-intro = Joku, luultavasti sinä, on pyytänyt uutisia sähköpostiosoitteeseen { $address }. Lähettäjä: { $organisation }.
mail-confirm-action = Vahvista tilaus
mail-confirm-expires = { $hours ->
    [one] Linkki on voimassa tunnin.
   *[other] Linkki on voimassa { $hours } tuntia.
}
mail-confirm-copy = Jos linkki ei toimi, kopioi tämä osoite selaimeesi:
mail-confirm-ignore = Jos et itse pyytänyt tätä, voit jättää viestin huomiotta. Tilausta ei tehdä, emmekä kirjoita sinulle uudelleen.
