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

## Document pages. $date: a formatted date.
published = La daabacay { $date }
updated = La cusboonaysiiyay { $date }
expires = Ansax ilaa { $date }
urgency-normal = Macluumaad
urgency-important = Muhiim
urgency-crisis = Xaalad degdeg ah
draft = Qabyo, lama daabicin
embargoed = Lama daabici karo ka hor { $date }
not-available = Kuma jiro luqadda { $language }.
read-in = Ku akhri:
translations = Boggan oo ku qoran luqado kale
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
