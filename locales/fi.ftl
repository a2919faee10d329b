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
# CAP alerts: who an alert is for when neither the notice nor site.yaml says.
alert-audience = Kaikki alueella olevat

## Document pages. $date: a formatted date.
published = Julkaistu { $date }
updated = Päivitetty { $date }
expires = Voimassa { $date } asti
urgency-normal = Tiedoksi
urgency-important = Tärkeä
urgency-crisis = Kriisi
draft = Luonnos, ei julkaistu
embargoed = Julkaisuvapaa { $date }
withdrawn-notice = Peruttu { $date }. Syy: { $reason }
withdrawn-title = Peruttu: { $title }
withdrawn-original = Alkuperäinen teksti on alla tiedoksi.
not-available = Ei saatavilla kielellä { $language }.
read-in = Lue kielellä:
translations = Tämä sivu muilla kielillä
translation-stale = Tämä käännös voi olla vanhentunut. Alkuperäistä tekstiä ({ $language }) muutettiin { $date }.
translation-stale-read = Lue alkuperäinen
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

## Sähköpostitilaus: sivuston tilaussivu ja tilauspalvelun sivut.
## $organisation: organisaation nimi; $site: sivuston nimi; $address: sähköpostiosoite.
sub-footer-link = Tilaa uutiset sähköpostiin
sub-title = Tilaa uutiset sähköpostiin
sub-intro = Tilaa uutiset sähköpostiisi omalla kielelläsi. Uutiset lähettää { $organisation }. Tarvitsemme vain sähköpostiosoitteesi.
sub-address = Sähköpostiosoite
sub-address-hint = Lähetämme sinulle vahvistuslinkin. Tilaus alkaa vasta, kun olet vahvistanut sen.
sub-language = Sähköpostien kieli
sub-topics = Aiheet
sub-topics-hint = Valitse, mistä haluat kuulla. Jos et valitse mitään, saat kaiken.
sub-topics-school = Koulut
sub-topics-preschool = Päiväkodit
sub-topics-unit = Yksiköt
sub-topics-committee = Lautakunnat ja valiokunnat
sub-topics-subject = Aihealueet
sub-frequency = Kuinka usein
sub-frequency-immediate = Heti kun jotain julkaistaan
sub-frequency-daily = Yksi kooste päivässä
sub-frequency-weekly = Yksi kooste viikossa
sub-crisis-note = Kriisitiedotteet lähetetään aina heti, valitsitpa tässä mitä tahansa.
sub-honeypot = Jätä tämä kenttä tyhjäksi
sub-privacy = Tallennamme sähköpostiosoitteesi, valintasi ja ajan, jolloin annoit suostumuksesi, emme mitään muuta. Jokaisessa lähettämässämme viestissä on linkit tilauksen muuttamiseen ja perumiseen.
sub-submit = Tilaa
sub-manage-heading = Oletko jo tilaaja?
sub-manage-text = Kirjoita sähköpostiosoitteesi, niin lähetämme sinulle linkin, jolla voit muuttaa tai perua tilauksesi.
sub-manage-submit = Lähetä minulle linkki
sub-manage-link = Muuta tai peru tilauksesi
sub-sent-title = Katso sähköpostisi
sub-sent-text = Jos osoite voi vastaanottaa sähköpostia, olemme lähettäneet siihen viestin. Avaa viestissä oleva linkki, niin voit vahvistaa tai muuttaa tilauksesi.
sub-sent-spam = Eikö viestiä tullut muutamassa minuutissa? Katso roskapostikansio tai yritä myöhemmin uudelleen.
sub-confirm-title = Vahvista tilauksesi
sub-confirm-text = Paina painiketta, niin alat saada sähköpostiisi uutisia, jotka lähettää { $organisation }.
sub-confirm-submit = Vahvista tilaukseni
sub-confirmed-title = Tilauksesi on vahvistettu
sub-confirmed-text = Kiitos! Saat sähköpostiisi uutiset valintojesi mukaan. Lähettäjä: { $organisation }.
sub-confirmed-preferences = Muuta aiheita, kieltä tai sitä, kuinka usein saat sähköpostia
sub-saved-title = Valintasi on tallennettu
sub-saved-text = Tästä lähtien saat sähköpostia valintojesi mukaan.
sub-preferences-title = Tilauksesi
sub-preferences-intro = Sähköpostit lähetetään osoitteeseen { $address }. Muuta haluamasi ja paina Tallenna.
sub-preferences-submit = Tallenna
sub-preferences-unsubscribe = Lopeta kaikki sähköpostit meiltä
sub-preferences-unsubscribed = Olet perunut tilauksen, joten emme lähetä sinulle mitään. Jos haluat taas sähköpostia, tilaa uudelleen.
sub-unsubscribe-title = Peru tilaus
sub-unsubscribe-text = Paina painiketta, niin osoitteeseen { $address } ei enää lähetetä sähköpostia. Lähettäjä: { $organisation }.
sub-unsubscribe-submit = Peru tilaus
sub-unsubscribe-instead = Muuta mieluummin sitä, mitä saat
sub-unsubscribed-title = Tilauksesi on peruttu
sub-unsubscribed-text = Et saa enää sähköpostia. Lähettäjä: { $organisation }. Jos muutat mielesi, voit tilata uudelleen.
sub-data-title = Tietosi
sub-data-download = Lataa kaikki sinusta tallentamamme tiedot (JSON)
sub-data-erase = Poista kaikki sinusta tallentamamme tiedot
sub-erase-title = Poista tietosi
sub-erase-text = Tämä poistaa kaiken, mitä { $organisation } on tallentanut osoitteesta { $address }: tilauksen, valintasi ja tiedot sinulle lähetetyistä viesteistä. Poistoa ei voi perua.
sub-erase-submit = Poista tietoni
sub-erase-instead = Säilytä tilaukseni
sub-erased-title = Tietosi on poistettu
sub-erased-text = { $organisation } ei enää tallenna sinusta mitään, vain osoitteesi lukukelvottoman muodon (tiiviste), jotta kukaan ei voi tilata sinulle viestejä uudelleen ilman suostumustasi.
sub-link-invalid-title = Linkki ei enää toimi
sub-link-invalid-text = Linkki on vanhentunut, sitä on jo käytetty tai se on vajaa. Tilauksen vahvistuslinkki toimii vain kerran ja vain rajoitetun ajan.
sub-link-invalid-action = Saat uuden linkin täyttämällä tilauslomakkeen uudelleen.
sub-link-broken-text = Linkki on vajaa, tai tilausta, johon se kuuluu, ei enää ole. Kopioi koko linkki sähköpostista tai pyydä uusi linkki.
sub-link-new = Tilaa tai pyydä uusi linkki
sub-back = Takaisin sivustolle { $site }
sub-error-prefix = Virhe:
sub-error-summary = Lomakkeessa on korjattavaa
sub-error-title = Jokin meni vikaan
sub-error-address = Kirjoita koko sähköpostiosoitteesi, esimerkiksi nimi@esimerkki.fi
sub-error-choice = Valitse kieli, aiheet ja tiheys lomakkeen vaihtoehdoista
sub-error-form = Lomaketta ei voitu lukea. Täytä se uudelleen verkkosivustollamme.
sub-error-too-large = Lomakkeessa oli liikaa tekstiä. Täytä se uudelleen verkkosivustollamme.
sub-error-too-many = Verkostasi on lähetetty liian monta lomaketta lyhyessä ajassa. Odota minuutti ja yritä uudelleen.
sub-error-origin = Lomake lähetettiin toiselta verkkosivustolta. Täytä se meidän verkkosivustollamme.
sub-error-unavailable = Palvelu ei toimi juuri nyt. Yritä uudelleen muutaman minuutin kuluttua.
mail-manage-subject = Tilauksesi: { $site }
mail-manage-heading = Muuta tai peru tilauksesi
mail-manage-intro = Joku, luultavasti sinä, pyysi linkkiä osoitteen { $address } uutistilauksen muuttamiseen tai perumiseen. Uutiset lähettää { $organisation }.
mail-manage-action = Muuta tilaustani
mail-manage-ignore = Jos et itse pyytänyt tätä, voit jättää viestin huomiotta. Mitään ei ole muutettu.

## Redirect pages
redirect-moved = Sivu on siirtynyt uuteen osoitteeseen:

## Search
search-title = Haku
search-label = Hae sivustolta
search-submit = Hae
search-kind = Asiakirjan tyyppi
search-kind-any = Kaikki tyypit
search-topic = Aihe tai lautakunta
search-topic-any = Kaikki aiheet
search-without-script = Haku tarvitsee JavaScriptiä, jota selaimesi ei suorita tällä sivustolla. Löydät kaikki asiakirjat luetteloista, aiheen tai lautakunnan mukaan ja arkistosta vuoden mukaan:
search-feeds = Tai seuraa kaikkea uutta syötteestä:
search-results = Tulokset
search-count = Tuloksia: { $count }
search-none = Mitään ei löytynyt. Kokeile muita tai vähemmän sanoja tai toista suodatinta.
search-searching = Haetaan…
search-failed = Hakua ei voitu ladata. Yritä myöhemmin uudelleen tai käytä luetteloita.

## A press release's photo
image-credit = Kuva: { $credit }
image-licence = Lisenssi: { $licence }
image-download = Lataa alkuperäinen ({ $format }, { $width } × { $height } pikseliä, { $size })
