# anslag UI strings: Somali (Soomaali).
# Translated from en.ftl. Keep the same keys and variables as en.ftl.

## Page chrome
skip-link = U gudub qoraalka ugu muhiimsan
nav-label = Liiska guud
nav-home = Bogga hore
nav-press = War-saxaafadeedyo
nav-minutes = Qoraallada shirarka
nav-notices = Ogeysiisyo
nav-notice-board = Looxa ogeysiisyada rasmiga ah
nav-archive = Kaydka
nav-topics = Mawduucyada
language-switcher-label = Luqadda
language-switcher-current = { $language } (luqadda hadda)
breadcrumb-label = Halkan ayaad joogtaa
footer-label = Ku saabsan boggan
footer-contact = La xiriir
footer-feeds = Quudinta wararka
footer-made-with = Lagu daabacay anslag
footer-accessibility = Bayaanka helitaanka
choose-language = Dooro luqaddaada
home-latest = Kuwii ugu dambeeyay: { $section }
home-all = Dhammaan { $section }

## Kinds of documents (plural names are the nav names above)
kind-press = War-saxaafadeed
kind-minutes = Qoraalka shirka
kind-notices = Ogeysiis

## Crisis banner. $title: the notice's title.
crisis-label = Fariin degdeg ah
crisis-read = Akhri fariinta degdegga ah: { $title }
crisis-read-in = Fariinta waxaa laga heli karaa luqadahan:
# CAP alerts: who an alert is for when neither the notice nor site.yaml says.
alert-audience = Qof kasta oo ku sugan aagga

## Document pages. $date: a formatted date.
published = La daabacay { $date }
updated = La cusboonaysiiyay { $date }
expires = Ansax ilaa { $date }
urgency-normal = Macluumaad
urgency-important = Muhiim
urgency-crisis = Xaalad degdeg ah
draft = Qabyo, lama daabicin
embargoed = Lama daabici karo ka hor { $date }
withdrawn-notice = Waa la laabsaday { $date }. Sababta: { $reason }
withdrawn-title = La laabsaday: { $title }
withdrawn-original = Qoraalkii asalka ahaa wuxuu ku hadhay hoos si loo tixraaco.
not-available = Kuma jiro luqadda { $language }.
read-in = Ku akhri:
translations = Boggan oo ku qoran luqado kale
translation-stale = Tarjumaddan waxaa laga yaabaa inay duugowday. Qoraalka asalka ah ({ $language }) waxaa la beddelay { $date }.
translation-stale-read = Akhri qoraalka asalka ah
topics = Mawduucyada
press-contacts = Xiriirka saxaafadda
press-about = Ku saabsan { $organisation }

## Minutes. $committee: a committee's name; $count: a number.
minutes-meeting = Shirka
minutes-committee = Guddiga
minutes-time = Waqtiga
minutes-place = Goobta
minutes-attendees = Ka-qaybgalayaasha
minutes-absent = maqan
minutes-approved = La ansixiyay { $date }
minutes-agenda = Ajandaha
minutes-item-count = { $count ->
    [one] Hal qodob
   *[other] { $count } qodob
}
item-case = Lambarka kiiska
item-closed = Qodob xiran
item-closed-note = Qodobkan waxaa looga hadlay shir xiran. Waxa ku jira lama daabacayo.
attachments = { $count ->
    [one] Lifaaq
   *[other] Lifaaqyo
}
attachment-size-kb = { $size } kB
attachment-size-mb = { $size } MB

## Notice board. $date: a formatted date.
notice-board-intro = Halkan waxaa lagu ogeysiiyaa qoraallada shirarka ee la ansixiyay. Qofkii doonaya inuu racfaan ka qaato go'aan waa inuu sameeyaa ka hor inta aanu dhammaan waqtiga racfaanku.
notice-board-empty = Hadda waxba kuma jiraan looxa ogeysiisyada.
notice-board-posted = La soo dhejiyay { $date }
notice-board-appeal-until = Waqtiga racfaanku wuxuu dhammaanayaa { $date }
notice-board-kept-at = Qoraalka shirka waxaa lagu hayaa: { $place }
notice-board-entry = Qoraalka shirka: { $committee }, shirkii { $date }

## Lists. $count: a number; $page, $total: page numbers; $year: a year.
list-count = { $count ->
    [0] Weli waxba lama daabicin.
    [one] Hal dukumenti
   *[other] { $count } dukumenti
}
pagination-label = Bogagga
pagination-previous = Boggii hore
pagination-next = Bogga xiga
pagination-page = Bogga { $page } / { $total }
archive-title = Kaydka
archive-year = La daabacay sannadka { $year }
topic-title = { $topic }
committee-title = { $committee }
committee-minutes = Qoraallada shirarka guddigan
all-topics = Dhammaan mawduucyada

## Error page
not-found-title = Bogga lama helin
not-found-text = Bogga aad raadisay ma jiro. Waxaa laga yaabaa in la wareejiyay ama la tirtiray.
not-found-home = Tag bogga hore

## Accessibility statement. $organisation: the organisation's name; $site: the website's address;
## $law, $standard, $body: the names of a law, a standard and an authority; $date: a formatted date.
a11y-title = Bayaanka helitaanka
a11y-intro = { $organisation } waxay rabtaa in dad badan intii suurtagal ah ay isticmaali karaan boggan. Bayaankani wuxuu sharxayaa sida { $site } u buuxiyo shuruudaha helitaanka, waxa aan ognahay inaanay shaqaynayn, iyo sida aad noogu sheegi karto dhibaatooyinka.
a11y-law = Shuruudahan waxay ka yimaadeen: { $law }.
a11y-status-heading = Heerka u hoggaansanaanta
a11y-status-full = Boggani si buuxda ayuu ugu hoggaansan yahay { $standard }.
a11y-status-partial = Boggani qayb ahaan ayuu ugu hoggaansan yahay { $standard }, sababtoo ah dhibaatooyinka hoos ku qoran.
a11y-status-none = Boggani uma hoggaansana { $standard }. Dhibaatooyinka aan ognahay waxay ku qoran yihiin hoos.
a11y-limitations-heading = Waxyaabaha aan la heli karin
a11y-limitations-none = Ma ognin wax ku jira boggan oo aan la heli karin.
a11y-feedback-heading = Soo sheeg dhibaato
a11y-feedback-text = Haddii wax boggan ku jira aanay kuu shaqaynayn, ama aad u baahan tahay macluumaadka qaab kale, nala soo xiriir, waanu ku caawin doonnaa.
a11y-contact-email = Iimayl
a11y-contact-phone = Telefoon
a11y-contact-web = Internetka
a11y-contact-form = Isticmaal foomkayaga internetka
a11y-enforcement-heading = Kormeerka
a11y-enforcement-text = { $body } ayaa kormeerta shuruudaha helitaanka. Haddii aadan ku qanacsanayn sida aan u maareynay warbixintaada, waxaad u gudbin kartaa { $body }.
a11y-enforcement-link = U gudbi { $body }
a11y-preparation-heading = Ku saabsan bayaankan
a11y-prepared = Bayaankan waxaa la diyaariyey { $date }.
a11y-method-self-assessment = { $organisation } ayaa lafteeda qiimeysay boggan.
a11y-method-third-party = Boggan waxaa qiimeeyey hay'ad madax-bannaan oo dibadda ah.
a11y-reviewed = Dib u eegistii ugu dambeysay waxay ahayd { $date }.
a11y-missing = Boggan weli ma laha bayaan helitaan.

## Email. $site: the website's name; $organisation: the organisation's name; $title: a document's
## title; $count, $hours: numbers; $language: a language's name; $languages: a list of language
## names; $address: an e-mail address.
mail-urgent = DEGDEG
mail-crisis-subject = DEGDEG: { $title }
mail-crisis-intro = { $organisation } waxay fariintan degdegga ah u dirtaa qof kasta oo wararkeeda iimayl ku qaata, iyadoon loo eegin mawduucyada uu doortay iyo inta jeer ee uu rabo iimayl.
mail-instruction = Waxa ay tahay inaad samayso
mail-crisis-web = Fariinta ku jirta bogga internetka waa la cusboonaysiiyaa marka xaaladdu isbeddesho:
mail-other-languages = Fariintan oo luqado kale ku qoran:
mail-digest-subject = { $count ->
    [one] { $site }: hal dukumenti oo cusub
   *[other] { $site }: { $count } dukumenti oo cusub
}
mail-digest-heading-immediate = Wararka cusub ee { $organisation }
mail-digest-heading-daily = Soo koobidda maalinlaha ah ee { $organisation }
mail-digest-heading-weekly = Soo koobidda toddobaadlaha ah ee { $organisation }
mail-digest-intro = { $count ->
    [one] Waxaa jira hal dukumenti oo cusub oo ku saabsan is-diiwaangelintaada.
   *[other] Waxaa jira { $count } dukumenti oo cusub oo ku saabsan is-diiwaangelintaada.
}
mail-read-on-web = Ka akhri bogga internetka:
mail-not-available = Kuma jiro luqadda { $language }. Waxaa lagu heli karaa: { $languages }.
mail-list-separator = {", "}
mail-footer-reason = Waxaad iimaylkan u heshay sababtoo ah waxaad iska diiwaangelisay wararka { $organisation }.
mail-footer-frequency-immediate = Waxaad iimayl helaysaa isla marka wax cusub la daabaco.
mail-footer-frequency-daily = Maalintii waxaad helaysaa ugu badnaan hal soo koobid.
mail-footer-frequency-weekly = Toddobaadkii waxaad helaysaa hal soo koobid.
mail-footer-crisis = Fariimaha degdegga ah isla markiiba waxaa loo diraa dhammaan dadka is-diiwaangeliyay.
mail-preferences = Beddel mawduucyada, luqadda ama inta jeer ee aad iimayl hesho
mail-unsubscribe = Ka bax is-diiwaangelinta
mail-confirm-subject = Xaqiiji is-diiwaangelintaada: { $site }
mail-confirm-heading = Xaqiiji is-diiwaangelintaada
mail-confirm-intro = Qof, malaha adiga, ayaa codsaday in wararka { $organisation } iimayl ahaan loogu soo diro { $address }.
mail-confirm-action = Xaqiiji is-diiwaangelintayda
mail-confirm-expires = { $hours ->
    [one] Xiriirku wuxuu shaqaynayaa hal saac.
   *[other] Xiriirku wuxuu shaqaynayaa { $hours } saacadood.
}
mail-confirm-copy = Haddii xiriirku uusan shaqayn, cinwaankan ku koobiyee biraawsarkaaga:
mail-confirm-ignore = Haddii aadan adigu codsan, iska dhaaf iimaylkan. Lagaama diiwaangelin doono, mar dambena kuuma soo qori doonno.

## Is-diiwaangelinta iimaylka: bogga is-diiwaangelinta ee mareegta iyo bogagga adeegga.
## $organisation: magaca hay'adda; $site: magaca mareegta; $address: cinwaan iimayl.
sub-footer-link = Iska diiwaangeli iimaylka
sub-title = Iska diiwaangeli iimaylka
sub-intro = Ka hel wararka { $organisation } iimayl ahaan, luqaddaada. Waxa kaliya ee aan u baahannahay waa cinwaankaaga iimaylka.
sub-address = Cinwaanka iimaylka
sub-address-hint = Waxaan kuu soo diraynaa xiriir aad ku xaqiijiso. Lama diiwaangelin doono ilaa aad xaqiijiso.
sub-language = Luqadda iimaylada
sub-topics = Mawduucyada
sub-topics-hint = Dooro waxa aad rabto inaad ka war hesho. Haddii aadan waxba dooran, wax walba ayaad heli doontaa.
sub-topics-school = Dugsiyada
sub-topics-preschool = Xannaanooyinka
sub-topics-unit = Waaxyaha
sub-topics-committee = Guddiyada
sub-topics-subject = Qaybaha mawduucyada
sub-frequency = Inta jeer
sub-frequency-immediate = Isla markii wax la daabaco
sub-frequency-daily = Hal soo koobid maalintii
sub-frequency-weekly = Hal soo koobid toddobaadkii
sub-crisis-note = Farriimaha xaaladaha degdegga ah had iyo jeer isla markiiba waa la diraa, wax kasta oo aad halkan ku doorato.
sub-honeypot = Goobtan bannaan u daa
sub-privacy = Waxaan kaydinaa oo keliya cinwaankaaga iimaylka, doorashooyinkaaga iyo goorta aad oggolaatay. Iimayl kasta oo aan dirno wuxuu leeyahay xiriiro aad ku beddesho ama ku joojiso is-diiwaangelinta.
sub-submit = Is-diiwaangeli
sub-manage-heading = Horay ma isu diiwaangelisay?
sub-manage-text = Qor cinwaankaaga iimaylka, waxaanan kuu soo diraynaa xiriir aad ku beddeli karto ama ku joojin karto is-diiwaangelintaada.
sub-manage-submit = Ii soo dir xiriir
sub-manage-link = Beddel ama jooji is-diiwaangelintaada
sub-sent-title = Eeg iimaylkaaga
sub-sent-text = Haddii cinwaanku iimayl qaadan karo, farriin ayaan u dirnay. Fur xiriirka ku jira farriinta si aad u xaqiijiso ama u beddesho is-diiwaangelintaada.
sub-sent-spam = Wax ma imaan dhowr daqiiqo kadib? Eeg galka spam-ka, ama mar dambe isku day.
sub-confirm-title = Xaqiiji is-diiwaangelintaada
sub-confirm-text = Riix badhanka si aad u bilowdo inaad iimayl ahaan u hesho wararka { $organisation }.
sub-confirm-submit = Xaqiiji is-diiwaangelintayda
sub-confirmed-title = Is-diiwaangelintaada waa la xaqiijiyey
sub-confirmed-text = Mahadsanid! Waxaad iimayl ahaan u heli doontaa wararka { $organisation } sida aad dooratay.
sub-confirmed-preferences = Beddel mawduucyada, luqadda ama inta jeer ee aad iimayl hesho
sub-saved-title = Doorashooyinkaaga waa la kaydiyey
sub-saved-text = Hadda wixii ka dambeeya waxaad iimayl u heli doontaa sida aad dooratay.
sub-preferences-title = Is-diiwaangelintaada
sub-preferences-intro = Iimaylada waxay aadaan { $address }. Beddel waxa aad rabto oo riix Kaydi.
sub-preferences-submit = Kaydi
sub-preferences-unsubscribe = Jooji dhammaan iimaylada naga imanaya
sub-preferences-unsubscribed = Waad ka baxday is-diiwaangelinta, sidaas darteed waxba kuuma dirno. Haddii aad mar kale iimayl rabto, mar kale is-diiwaangeli.
sub-unsubscribe-title = Ka bax is-diiwaangelinta
sub-unsubscribe-text = Riix badhanka si aad u joojiso dhammaan iimaylada { $organisation } ee loo diro { $address }.
sub-unsubscribe-submit = Ka bax is-diiwaangelinta
sub-unsubscribe-instead = Taa beddelkeeda, beddel waxa aad hesho
sub-unsubscribed-title = Waad ka baxday is-diiwaangelinta
sub-unsubscribed-text = Iimayl dambe kama heli doontid { $organisation }. Haddii aad fikirkaaga beddesho, mar kale ayaad is-diiwaangelin kartaa.
sub-data-title = Xogtaada
sub-data-download = Soo deji wax kasta oo aan kaa kaydinno (JSON)
sub-data-erase = Tirtir wax kasta oo aan kaa kaydinno
sub-erase-title = Tirtir xogtaada
sub-erase-text = Tani waxay tirtiraysaa wax kasta oo { $organisation } ka kaydiso { $address }: rukunka, doorashooyinkaaga iyo diiwaanka waxa laguu soo diray. Dib looma celin karo.
sub-erase-submit = Tirtir xogtayda
sub-erase-instead = Hay rukunkayga
sub-erased-title = Xogtaada waa la tirtiray
sub-erased-text = { $organisation } waxba kaama kaydiso mar dambe, kaliya qaab aan la akhrin karin (hash) oo cinwaankaaga ah, si aan qofna kuu diiwaangelin karin mar kale ogolaanshahaaga la'aantii.
sub-link-invalid-title = Xiriirkani mar dambe ma shaqaynayo
sub-link-invalid-text = Xiriirku wuu dhacay, hore ayaa loo isticmaalay, ama ma dhammaystirna. Xiriirka lagu xaqiijiyo is-diiwaangelinta hal mar oo keliya ayuu shaqeeyaa, muddo xaddidan.
sub-link-invalid-action = Si aad xiriir cusub u hesho, mar kale buuxi foomka is-diiwaangelinta.
sub-link-broken-text = Xiriirku ma dhammaystirna, ama is-diiwaangelinta uu ka tirsan yahay hadda ma jirto. Ka koobiyee xiriirka oo dhan iimaylka, ama codso xiriir cusub.
sub-link-new = Is-diiwaangeli ama hel xiriir cusub
sub-back = Ku noqo { $site }
sub-error-prefix = Khalad:
sub-error-summary = Waxaa jira dhibaato
sub-error-title = Wax ayaa khaldamay
sub-error-address = Qor cinwaankaaga iimaylka oo dhan, tusaale ahaan magac@tusaale.com
sub-error-choice = Ka dooro luqadda, mawduucyada iyo inta jeer doorashooyinka foomka
sub-error-form = Foomka lama akhrin karin. Mar kale ku buuxi boggayaga internetka.
sub-error-too-large = Foomku qoraal aad u badan ayuu lahaa. Mar kale ku buuxi boggayaga internetka.
sub-error-too-many = Foomam aad u badan ayaa shabakaddaada laga soo diray waqti gaaban. Sug hal daqiiqo kadibna isku day mar kale.
sub-error-origin = Foomka waxaa laga soo diray bog kale oo internet ah. Ku buuxi boggayaga internetka.
sub-error-unavailable = Adeeggu hadda ma shaqaynayo. Isku day mar kale dhowr daqiiqo kadib.
mail-manage-subject = Is-diiwaangelintaada: { $site }
mail-manage-heading = Beddel ama jooji is-diiwaangelintaada
mail-manage-intro = Qof, malaha adiga, ayaa codsaday xiriir lagu beddelo ama lagu joojiyo is-diiwaangelinta wararka { $organisation } ee { $address }.
mail-manage-action = Beddel is-diiwaangelintayda
mail-manage-ignore = Haddii aadan adigu codsan, iska dhaaf iimaylkan. Waxba lama beddelin.

## Redirect pages
redirect-moved = Boggan wuxuu u guuray cinwaan cusub:

## Search
search-title = Raadi
search-label = Ka raadi bogga
search-submit = Raadi
search-kind = Nooca dukumentiga
search-kind-any = Dhammaan noocyada
search-topic = Mawduuc ama guddi
search-topic-any = Dhammaan mawduucyada
search-without-script = Raadintu waxay u baahan tahay JavaScript, oo biraawsarkaagu uusan u shaqaysiin boggan. Dhammaan dukumentiyada waxaad ka heli kartaa liisaska, mawduuc ama guddi ahaan, iyo kaydka sannad ahaan:
search-feeds = Ama ku raac wax kasta oo cusub quudin:
search-results = Natiijooyinka
search-count = Natiijooyinka la helay: { $count }
search-none = Waxba lama helin. Isku day erayo kale ama ka yar, ama shaandhayn kale.
search-searching = Waa la raadinayaa…
search-failed = Raadinta lama soo rari karin. Mar kale isku day goor dambe, ama isticmaal liisaska.

## A press release's photo
image-credit = Sawir: { $credit }
image-licence = Shatiga: { $licence }
image-download = Soo deji sawirka asalka ah ({ $format }, { $width } × { $height } pixel, { $size })
