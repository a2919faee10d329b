# anslag UI strings: German (Deutsch).
# Translated from en.ftl. Keep the same keys and variables as en.ftl.

## Page chrome
skip-link = Zum Hauptinhalt springen
nav-label = Hauptmenü
nav-home = Startseite
nav-press = Pressemitteilungen
nav-minutes = Protokolle
nav-notices = Mitteilungen
nav-notice-board = Amtliche Bekanntmachungen
nav-archive = Archiv
nav-topics = Themen
language-switcher-label = Sprache
language-switcher-current = { $language } (aktuelle Sprache)
breadcrumb-label = Sie sind hier
footer-label = Über diese Website
footer-contact = Kontakt
footer-feeds = Newsfeeds
footer-made-with = Veröffentlicht mit anslag
footer-accessibility = Erklärung zur Barrierefreiheit
choose-language = Sprache wählen
home-latest = Aktuelle { $section }
home-all = Alle { $section }

## Kinds of documents (plural names are the nav names above)
kind-press = Pressemitteilung
kind-minutes = Protokoll
kind-notices = Mitteilung

## Crisis banner. $title: the notice's title.
crisis-label = Krisenmeldung
crisis-read = Krisenmeldung lesen: { $title }
crisis-read-in = Die Meldung gibt es auf:
# CAP alerts: who an alert is for when neither the notice nor site.yaml says.
alert-audience = Alle im betroffenen Gebiet

## Document pages. $date: a formatted date.
published = Veröffentlicht am { $date }
updated = Aktualisiert am { $date }
expires = Gültig bis { $date }
urgency-normal = Information
urgency-important = Wichtig
urgency-crisis = Krise
draft = Entwurf, nicht veröffentlicht
embargoed = Sperrfrist bis { $date }
withdrawn-notice = Zurückgezogen am { $date }. Grund: { $reason }
withdrawn-title = Zurückgezogen: { $title }
withdrawn-original = Der ursprüngliche Text steht zur Information darunter.
not-available = Nicht auf { $language } verfügbar.
read-in = Lesen auf:
translations = Diese Seite in anderen Sprachen
translation-stale = Diese Übersetzung ist möglicherweise veraltet. Das Original ({ $language }) wurde am { $date } geändert.
translation-stale-read = Original lesen
topics = Themen
press-contacts = Pressekontakt
press-about = Über { $organisation }

## Minutes. $committee: a committee's name; $count: a number.
minutes-meeting = Sitzung
minutes-committee = Gremium
minutes-time = Zeit
minutes-place = Ort
minutes-attendees = Anwesend
minutes-absent = abwesend
minutes-approved = Genehmigt am { $date }
minutes-agenda = Tagesordnung
minutes-item-count = { $count ->
    [one] Ein Tagesordnungspunkt
   *[other] { $count } Tagesordnungspunkte
}
item-case = Aktenzeichen
item-closed = Nichtöffentlicher Punkt
item-closed-note = Dieser Punkt wurde nichtöffentlich beraten. Der Inhalt wird nicht veröffentlicht.
attachments = { $count ->
    [one] Anlage
   *[other] Anlagen
}
attachment-size-kb = { $size } kB
attachment-size-mb = { $size } MB

## Notice board. $date: a formatted date.
notice-board-intro = Hier werden genehmigte Protokolle bekannt gemacht. Wer einen Beschluss anfechten möchte, muss dies vor Ablauf der Anfechtungsfrist tun.
notice-board-empty = Zurzeit gibt es keine Bekanntmachungen.
notice-board-posted = Ausgehängt am { $date }
notice-board-appeal-until = Anfechtungsfrist endet am { $date }
notice-board-kept-at = Aufbewahrungsort des Protokolls: { $place }
notice-board-entry = Protokoll: { $committee }, Sitzung vom { $date }

## Lists. $count: a number; $page, $total: page numbers; $year: a year.
list-count = { $count ->
    [0] Noch nichts veröffentlicht.
    [one] Ein Dokument
   *[other] { $count } Dokumente
}
pagination-label = Seiten
pagination-previous = Vorherige Seite
pagination-next = Nächste Seite
pagination-page = Seite { $page } von { $total }
archive-title = Archiv
archive-year = Veröffentlicht { $year }
topic-title = { $topic }
committee-title = { $committee }
committee-minutes = Protokolle dieses Gremiums
all-topics = Alle Themen

## Error page
not-found-title = Seite nicht gefunden
not-found-text = Die gesuchte Seite gibt es nicht. Vielleicht wurde sie verschoben oder gelöscht.
not-found-home = Zur Startseite

## Accessibility statement. $organisation: the organisation's name; $site: the website's address;
## $law, $standard, $body: the names of a law, a standard and an authority; $date: a formatted date.
a11y-title = Erklärung zur Barrierefreiheit
a11y-intro = Wir möchten, dass möglichst viele Menschen diese Website nutzen können. Diese Erklärung beschreibt, wie { $site } die Anforderungen an die Barrierefreiheit erfüllt, was nach unserem Wissen nicht funktioniert und wie Sie uns Probleme melden können.
a11y-law = Rechtsgrundlage: { $law }.
a11y-status-heading = Stand der Vereinbarkeit mit den Anforderungen
a11y-status-full = Diese Website ist vollständig mit { $standard } vereinbar.
a11y-status-partial = Diese Website ist wegen der unten aufgeführten Probleme nur teilweise mit { $standard } vereinbar.
a11y-status-none = Diese Website ist nicht mit { $standard } vereinbar. Die uns bekannten Probleme sind unten aufgeführt.
a11y-limitations-heading = Nicht barrierefreie Inhalte
a11y-limitations-none = Uns sind keine Inhalte auf dieser Website bekannt, die nicht barrierefrei sind.
a11y-feedback-heading = Barrieren melden
a11y-feedback-text = Wenn etwas auf dieser Website für Sie nicht funktioniert oder Sie Informationen in einem anderen Format benötigen, melden Sie sich bei uns – wir helfen Ihnen weiter.
a11y-contact-email = E-Mail
a11y-contact-phone = Telefon
a11y-contact-web = Online
a11y-contact-form = Unser Online-Formular
a11y-enforcement-heading = Durchsetzungsverfahren
a11y-enforcement-text = Zuständige Aufsichtsbehörde: { $body }. Wenn Sie mit der Bearbeitung Ihrer Meldung durch uns nicht zufrieden sind, können Sie sich an diese Stelle wenden.
a11y-enforcement-link = Barriere melden bei: { $body }
a11y-preparation-heading = Erstellung dieser Erklärung
a11y-prepared = Diese Erklärung wurde am { $date } erstellt.
a11y-method-self-assessment = Die Website wurde von uns selbst bewertet.
a11y-method-third-party = Die Website wurde von einer unabhängigen Stelle bewertet.
a11y-reviewed = Sie wurde zuletzt am { $date } überprüft.
a11y-missing = Diese Website hat noch keine Erklärung zur Barrierefreiheit.

## Email. $site: the website's name; $organisation: the organisation's name; $title: a document's
## title; $count, $hours: numbers; $language: a language's name; $languages: a list of language
## names; $address: an e-mail address.
mail-urgent = DRINGEND
mail-crisis-subject = DRINGEND: { $title }
mail-crisis-intro = Diese Krisenmeldung geht an alle, die Neuigkeiten per E-Mail abonniert haben, unabhängig von den gewählten Themen und der gewählten Häufigkeit. Absender: { $organisation }.
mail-instruction = Das müssen Sie tun
mail-crisis-web = Die Meldung auf der Website wird aktualisiert, sobald sich die Lage ändert:
mail-other-languages = Diese Meldung in anderen Sprachen:
mail-digest-subject = { $count ->
    [one] { $site }: ein neues Dokument
   *[other] { $site }: { $count } neue Dokumente
}
mail-digest-heading-immediate = { $organisation }: Neuigkeiten
mail-digest-heading-daily = { $organisation }: Tageszusammenfassung
mail-digest-heading-weekly = { $organisation }: Wochenzusammenfassung
mail-digest-intro = { $count ->
    [one] Für Ihr Abonnement gibt es ein neues Dokument.
   *[other] Für Ihr Abonnement gibt es { $count } neue Dokumente.
}
mail-read-on-web = Auf der Website lesen:
mail-not-available = Nicht auf { $language } verfügbar. Verfügbar auf: { $languages }.
mail-list-separator = {", "}
mail-footer-reason = Sie erhalten diese E-Mail, weil Sie Neuigkeiten per E-Mail abonniert haben. Absender: { $organisation }.
mail-footer-frequency-immediate = Sie erhalten eine E-Mail, sobald etwas Neues veröffentlicht wird.
mail-footer-frequency-daily = Sie erhalten höchstens eine Zusammenfassung pro Tag.
mail-footer-frequency-weekly = Sie erhalten eine Zusammenfassung pro Woche.
mail-footer-crisis = Krisenmeldungen gehen sofort an alle Abonnentinnen und Abonnenten.
mail-preferences = Themen, Sprache oder Häufigkeit der E-Mails ändern
mail-unsubscribe = Abonnement beenden
mail-confirm-subject = Bestätigen Sie Ihr Abonnement: { $site }
mail-confirm-heading = Bestätigen Sie Ihr Abonnement
mail-confirm-intro = Jemand, wahrscheinlich Sie, möchte Neuigkeiten per E-Mail an { $address } erhalten. Absender: { $organisation }.
mail-confirm-action = Abonnement bestätigen
mail-confirm-expires = { $hours ->
    [one] Der Link ist eine Stunde lang gültig.
   *[other] Der Link ist { $hours } Stunden lang gültig.
}
mail-confirm-copy = Falls der Link nicht funktioniert, kopieren Sie diese Adresse in Ihren Browser:
mail-confirm-ignore = Wenn Sie das nicht waren, ignorieren Sie diese E-Mail. Es wird kein Abonnement eingerichtet, und wir schreiben Ihnen nicht wieder.

## Abonnement per E-Mail: die Anmeldeseite der Website und die Seiten des Abonnementdienstes.
## $organisation: Name der Organisation; $site: Name der Website; $address: eine E-Mail-Adresse.
sub-footer-link = Per E-Mail abonnieren
sub-title = Per E-Mail abonnieren
sub-intro = Erhalten Sie Neuigkeiten von { $organisation } per E-Mail, in Ihrer Sprache. Wir brauchen nur Ihre E-Mail-Adresse.
sub-address = E-Mail-Adresse
sub-address-hint = Wir schicken Ihnen einen Link zur Bestätigung. Das Abonnement beginnt erst, wenn Sie bestätigt haben.
sub-language = Sprache der E-Mails
sub-topics = Themen
sub-topics-hint = Wählen Sie, worüber Sie informiert werden möchten. Wenn Sie nichts auswählen, erhalten Sie alles.
sub-topics-school = Schulen
sub-topics-preschool = Vorschulen
sub-topics-unit = Einrichtungen
sub-topics-committee = Ausschüsse
sub-topics-subject = Themenbereiche
sub-frequency = Wie oft
sub-frequency-immediate = Sobald etwas veröffentlicht wird
sub-frequency-daily = Eine Zusammenfassung pro Tag
sub-frequency-weekly = Eine Zusammenfassung pro Woche
sub-crisis-note = Krisenmeldungen werden immer sofort verschickt, egal was Sie hier wählen.
sub-honeypot = Dieses Feld bitte leer lassen
sub-privacy = Wir speichern Ihre E-Mail-Adresse, Ihre Auswahl und den Zeitpunkt Ihrer Einwilligung, sonst nichts. Jede E-Mail von uns enthält Links, mit denen Sie Ihr Abonnement ändern oder beenden können.
sub-submit = Abonnieren
sub-manage-heading = Sie haben schon ein Abonnement?
sub-manage-text = Geben Sie Ihre E-Mail-Adresse ein, dann schicken wir Ihnen einen Link, mit dem Sie Ihr Abonnement ändern oder beenden können.
sub-manage-submit = Link zuschicken
sub-manage-link = Abonnement ändern oder beenden
sub-sent-title = Sehen Sie in Ihr E-Mail-Postfach
sub-sent-text = Wenn die Adresse E-Mails empfangen kann, haben wir eine Nachricht an sie geschickt. Öffnen Sie den Link in der Nachricht, um Ihr Abonnement zu bestätigen oder zu ändern.
sub-sent-spam = Nach ein paar Minuten ist nichts angekommen? Sehen Sie im Spam-Ordner nach, oder versuchen Sie es später noch einmal.
sub-confirm-title = Abonnement bestätigen
sub-confirm-text = Drücken Sie den Knopf, um Neuigkeiten von { $organisation } per E-Mail zu erhalten.
sub-confirm-submit = Abonnement bestätigen
sub-confirmed-title = Ihr Abonnement ist bestätigt
sub-confirmed-text = Vielen Dank! Sie erhalten Neuigkeiten von { $organisation } per E-Mail, so wie Sie es gewählt haben.
sub-confirmed-preferences = Themen, Sprache oder Häufigkeit der E-Mails ändern
sub-saved-title = Ihre Auswahl ist gespeichert
sub-saved-text = Ab jetzt erhalten Sie E-Mails so, wie Sie es gewählt haben.
sub-preferences-title = Ihr Abonnement
sub-preferences-intro = Die E-Mails gehen an { $address }. Ändern Sie, was Sie möchten, und drücken Sie auf Speichern.
sub-preferences-submit = Speichern
sub-preferences-unsubscribe = Keine E-Mails mehr von uns erhalten
sub-preferences-unsubscribed = Sie haben Ihr Abonnement beendet, daher schicken wir Ihnen nichts. Wenn Sie wieder E-Mails möchten, abonnieren Sie bitte erneut.
sub-unsubscribe-title = Abonnement beenden
sub-unsubscribe-text = Drücken Sie den Knopf, damit { $organisation } keine E-Mails mehr an { $address } schickt.
sub-unsubscribe-submit = Abonnement beenden
sub-unsubscribe-instead = Lieber ändern, was Sie erhalten
sub-unsubscribed-title = Ihr Abonnement ist beendet
sub-unsubscribed-text = Sie erhalten keine E-Mails mehr von { $organisation }. Wenn Sie es sich anders überlegen, können Sie wieder abonnieren.
sub-data-title = Ihre Daten
sub-data-download = Alles herunterladen, was wir über Sie speichern (JSON)
sub-data-erase = Alles löschen, was wir über Sie speichern
sub-erase-title = Ihre Daten löschen
sub-erase-text = Damit wird alles gelöscht, was { $organisation } über { $address } speichert: das Abonnement, Ihre Auswahl und die Angaben darüber, was Ihnen geschickt wurde. Das lässt sich nicht rückgängig machen.
sub-erase-submit = Meine Daten löschen
sub-erase-instead = Mein Abonnement behalten
sub-erased-title = Ihre Daten sind gelöscht
sub-erased-text = { $organisation } speichert nichts mehr über Sie, nur eine unlesbare Form (Hash) Ihrer Adresse, damit niemand Sie ohne Ihre Einwilligung wieder anmelden kann.
sub-link-invalid-title = Dieser Link funktioniert nicht mehr
sub-link-invalid-text = Der Link ist abgelaufen, wurde schon benutzt oder ist unvollständig. Ein Link zur Bestätigung eines Abonnements funktioniert nur einmal und nur für begrenzte Zeit.
sub-link-invalid-action = Füllen Sie das Anmeldeformular noch einmal aus, um einen neuen Link zu erhalten.
sub-link-broken-text = Der Link ist unvollständig, oder das Abonnement, zu dem er gehört, gibt es nicht mehr. Kopieren Sie den ganzen Link aus der E-Mail, oder fordern Sie einen neuen Link an.
sub-link-new = Abonnieren oder neuen Link anfordern
sub-back = Zurück zu { $site }
sub-error-prefix = Fehler:
sub-error-summary = Bitte korrigieren Sie Folgendes
sub-error-title = Etwas ist schiefgegangen
sub-error-address = Geben Sie Ihre vollständige E-Mail-Adresse ein, zum Beispiel name@beispiel.de
sub-error-choice = Wählen Sie Sprache, Themen und Häufigkeit aus den Möglichkeiten im Formular
sub-error-form = Das Formular konnte nicht gelesen werden. Füllen Sie es auf unserer Website noch einmal aus.
sub-error-too-large = Das Formular enthielt zu viel Text. Füllen Sie es auf unserer Website noch einmal aus.
sub-error-too-many = Aus Ihrem Netzwerk wurden in kurzer Zeit zu viele Formulare geschickt. Warten Sie eine Minute und versuchen Sie es dann noch einmal.
sub-error-origin = Das Formular wurde von einer anderen Website geschickt. Füllen Sie es bitte auf unserer Website aus.
sub-error-unavailable = Der Dienst funktioniert gerade nicht. Versuchen Sie es in ein paar Minuten noch einmal.
mail-manage-subject = Ihr Abonnement: { $site }
mail-manage-heading = Abonnement ändern oder beenden
mail-manage-intro = Jemand, wahrscheinlich Sie selbst, hat einen Link angefordert, um das Abonnement der Neuigkeiten von { $organisation } für { $address } zu ändern oder zu beenden.
mail-manage-action = Mein Abonnement ändern
mail-manage-ignore = Wenn Sie das nicht waren, ignorieren Sie diese E-Mail. Es wurde nichts geändert.

## Redirect pages
redirect-moved = Diese Seite ist unter eine neue Adresse umgezogen:

## Search
search-title = Suche
search-label = Die Website durchsuchen
search-submit = Suchen
search-kind = Art des Dokuments
search-kind-any = Alle Arten
search-topic = Thema oder Ausschuss
search-topic-any = Alle Themen
search-without-script = Die Suche braucht JavaScript, das Ihr Browser für diese Website nicht ausführt. Alle Dokumente finden Sie in den Listen, nach Thema oder Ausschuss und im Archiv nach Jahr:
search-feeds = Oder folgen Sie allem Neuen in einem Feed:
search-results = Ergebnisse
search-count = Gefundene Ergebnisse: { $count }
search-none = Nichts gefunden. Versuchen Sie andere oder weniger Wörter oder einen anderen Filter.
search-searching = Suche läuft …
search-failed = Die Suche konnte nicht geladen werden. Versuchen Sie es später noch einmal oder nutzen Sie die Listen.

## A press release's photo
image-credit = Foto: { $credit }
image-licence = Lizenz: { $licence }
image-download = Original herunterladen ({ $format }, { $width } × { $height } Pixel, { $size })
