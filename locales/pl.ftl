# anslag UI strings: Polish (polski).
# Translated from en.ftl. Keep the same keys and variables as en.ftl.

## Page chrome
skip-link = Przejdź do treści głównej
nav-label = Menu główne
nav-home = Strona główna
nav-press = Komunikaty prasowe
nav-minutes = Protokoły
nav-notices = Ogłoszenia
nav-notice-board = Oficjalna tablica ogłoszeń
nav-archive = Archiwum
nav-topics = Tematy
language-switcher-label = Język
language-switcher-current = { $language } (bieżący język)
breadcrumb-label = Jesteś tutaj
footer-label = O tej stronie
footer-contact = Kontakt
footer-feeds = Kanały wiadomości
footer-made-with = Opublikowano za pomocą anslag
footer-accessibility = Deklaracja dostępności
choose-language = Wybierz język
home-latest = Najnowsze { $section }
home-all = Wszystkie { $section }

## Kinds of documents (plural names are the nav names above)
kind-press = Komunikat prasowy
kind-minutes = Protokół
kind-notices = Ogłoszenie

## Crisis banner. $title: the notice's title.
crisis-label = Komunikat kryzysowy
crisis-read = Przeczytaj komunikat kryzysowy: { $title }
crisis-read-in = Komunikat jest dostępny w językach:
# CAP alerts: who an alert is for when neither the notice nor site.yaml says.
alert-audience = Wszyscy przebywający na tym obszarze

## Document pages. $date: a formatted date.
published = Opublikowano { $date }
updated = Zaktualizowano { $date }
expires = Ważne do { $date }
urgency-normal = Informacja
urgency-important = Ważne
urgency-crisis = Kryzys
draft = Wersja robocza, nieopublikowana
embargoed = Embargo do { $date }
withdrawn-notice = Wycofano { $date }. Powód: { $reason }
withdrawn-title = Wycofano: { $title }
withdrawn-original = Pierwotny tekst pozostaje poniżej do wglądu.
not-available = Niedostępne w języku: { $language }.
read-in = Czytaj w języku:
translations = Ta strona w innych językach
translation-stale = To tłumaczenie może być nieaktualne. Oryginał ({ $language }) zmieniono { $date }.
translation-stale-read = Przeczytaj oryginał
topics = Tematy
press-contacts = Kontakt dla mediów
press-about = { $organisation } – informacje

## Minutes. $committee: a committee's name; $count: a number.
minutes-meeting = Posiedzenie
minutes-committee = Komisja
minutes-time = Czas
minutes-place = Miejsce
minutes-attendees = Obecni
minutes-absent = nieobecność
minutes-approved = Zatwierdzono { $date }
minutes-agenda = Porządek obrad
minutes-item-count = { $count ->
    [one] Jeden punkt
    [few] { $count } punkty
    [many] { $count } punktów
   *[other] { $count } punktu
}
item-case = Znak sprawy
item-closed = Punkt niejawny
item-closed-note = Ten punkt omawiano na posiedzeniu niejawnym. Jego treść nie jest publikowana.
attachments = { $count ->
    [one] Załącznik
    [few] Załączniki
    [many] Załączniki
   *[other] Załączniki
}
attachment-size-kb = { $size } kB
attachment-size-mb = { $size } MB

## Notice board. $date: a formatted date.
notice-board-intro = Tutaj ogłaszamy zatwierdzone protokoły. Jeśli chcesz odwołać się od decyzji, zrób to przed upływem terminu na odwołanie.
notice-board-empty = Obecnie na tablicy ogłoszeń nic nie ma.
notice-board-posted = Wywieszono { $date }
notice-board-appeal-until = Termin na odwołanie upływa { $date }
notice-board-kept-at = Miejsce przechowywania protokołu: { $place }
notice-board-entry = Protokół: { $committee }, posiedzenie z dnia { $date }

## Lists. $count: a number; $page, $total: page numbers; $year: a year.
list-count = { $count ->
    [0] Nic jeszcze nie opublikowano.
    [one] Jeden dokument
    [few] { $count } dokumenty
    [many] { $count } dokumentów
   *[other] { $count } dokumentu
}
pagination-label = Strony
pagination-previous = Poprzednia strona
pagination-next = Następna strona
pagination-page = Strona { $page } z { $total }
archive-title = Archiwum
archive-year = Opublikowano w roku { $year }
topic-title = { $topic }
committee-title = { $committee }
committee-minutes = Protokoły tej komisji
all-topics = Wszystkie tematy

## Error page
not-found-title = Nie znaleziono strony
not-found-text = Strona, której szukasz, nie istnieje. Mogła zostać przeniesiona lub usunięta.
not-found-home = Przejdź do strony głównej

## Accessibility statement. $organisation: the organisation's name; $site: the website's address;
## $law, $standard, $body: the names of a law, a standard and an authority; $date: a formatted date.
a11y-title = Deklaracja dostępności
a11y-intro = { $organisation } chce, aby z tej strony internetowej mogło korzystać jak najwięcej osób. Niniejsza deklaracja opisuje, w jakim stopniu serwis { $site } spełnia wymagania dostępności, co według naszej wiedzy nie działa i jak zgłosić nam problem.
a11y-law = Wymagania wynikają z następującego aktu prawnego: { $law }.
a11y-status-heading = Status zgodności
a11y-status-full = Ta strona internetowa jest w pełni zgodna z normą { $standard }.
a11y-status-partial = Ta strona internetowa jest częściowo zgodna z normą { $standard } z powodu problemów wymienionych poniżej.
a11y-status-none = Ta strona internetowa nie jest zgodna z normą { $standard }. Znane nam problemy wymieniono poniżej.
a11y-limitations-heading = Treści niedostępne
a11y-limitations-none = Nie są nam znane żadne niedostępne treści na tej stronie.
a11y-feedback-heading = Zgłoś problem
a11y-feedback-text = Jeśli coś na tej stronie nie działa w Twoim przypadku albo potrzebujesz informacji w innym formacie, skontaktuj się z nami – pomożemy.
a11y-contact-email = E-mail
a11y-contact-phone = Telefon
a11y-contact-web = Internet
a11y-contact-form = Skorzystaj z formularza online
a11y-enforcement-heading = Procedura egzekwowania
a11y-enforcement-text = Nadzór nad przestrzeganiem wymagań dostępności sprawuje: { $body }. Jeśli sposób rozpatrzenia Twojego zgłoszenia Cię nie zadowala, możesz zwrócić się do tego organu.
a11y-enforcement-link = Złóż skargę do organu nadzoru: { $body }
a11y-preparation-heading = Sporządzenie deklaracji
a11y-prepared = Deklarację sporządzono { $date }.
a11y-method-self-assessment = Ocenę strony przeprowadziliśmy samodzielnie.
a11y-method-third-party = Ocenę strony przeprowadził niezależny podmiot zewnętrzny.
a11y-reviewed = Ostatni przegląd deklaracji: { $date }.
a11y-missing = Ta strona internetowa nie ma jeszcze deklaracji dostępności.

## Email. $site: the website's name; $organisation: the organisation's name; $title: a document's
## title; $count, $hours: numbers; $language: a language's name; $languages: a list of language
## names; $address: an e-mail address.
mail-urgent = PILNE
mail-crisis-subject = PILNE: { $title }
mail-crisis-intro = Ten komunikat kryzysowy trafia do wszystkich osób, które subskrybują wiadomości e-mailem, niezależnie od wybranych tematów i częstotliwości. Nadawca: { $organisation }.
mail-instruction = Co musisz zrobić
mail-crisis-web = Komunikat na stronie internetowej jest aktualizowany, gdy sytuacja się zmienia:
mail-other-languages = Ten komunikat w innych językach:
mail-digest-subject = { $count ->
    [one] { $site }: jeden nowy dokument
    [few] { $site }: { $count } nowe dokumenty
    [many] { $site }: { $count } nowych dokumentów
   *[other] { $site }: { $count } nowego dokumentu
}
mail-digest-heading-immediate = { $organisation }: nowości
mail-digest-heading-daily = { $organisation }: podsumowanie dnia
mail-digest-heading-weekly = { $organisation }: podsumowanie tygodnia
mail-digest-intro = { $count ->
    [one] W Twojej subskrypcji jest jeden nowy dokument.
    [few] W Twojej subskrypcji są { $count } nowe dokumenty.
    [many] W Twojej subskrypcji jest { $count } nowych dokumentów.
   *[other] W Twojej subskrypcji jest { $count } nowego dokumentu.
}
mail-read-on-web = Przeczytaj na stronie internetowej:
mail-not-available = Niedostępne w języku: { $language }. Dostępne w językach: { $languages }.
mail-list-separator = {", "}
mail-footer-reason = Otrzymujesz tę wiadomość, ponieważ subskrybujesz wiadomości e-mailem. Nadawca: { $organisation }.
mail-footer-frequency-immediate = Otrzymujesz wiadomość, gdy tylko zostanie opublikowane coś nowego.
mail-footer-frequency-daily = Otrzymujesz najwyżej jedno podsumowanie dziennie.
mail-footer-frequency-weekly = Otrzymujesz jedno podsumowanie tygodniowo.
mail-footer-crisis = Komunikaty kryzysowe są wysyłane natychmiast do wszystkich subskrybentów.
mail-preferences = Zmień tematy, język lub częstotliwość wiadomości
mail-unsubscribe = Zrezygnuj z subskrypcji
mail-confirm-subject = Potwierdź subskrypcję: { $site }
mail-confirm-heading = Potwierdź subskrypcję
mail-confirm-intro = Ktoś, prawdopodobnie Ty, poprosił o wysyłanie wiadomości na adres { $address }. Nadawca: { $organisation }.
mail-confirm-action = Potwierdzam subskrypcję
mail-confirm-expires = { $hours ->
    [one] Link jest ważny przez godzinę.
    [few] Link jest ważny przez { $hours } godziny.
    [many] Link jest ważny przez { $hours } godzin.
   *[other] Link jest ważny przez { $hours } godziny.
}
mail-confirm-copy = Jeśli link nie działa, skopiuj ten adres do przeglądarki:
mail-confirm-ignore = Jeśli to nie Ty, zignoruj tę wiadomość. Subskrypcja nie zostanie założona i nie napiszemy do Ciebie ponownie.

## Subskrypcja e-mailowa: strona zapisu w serwisie i strony usługi subskrypcji.
## $organisation: nazwa organizacji; $site: nazwa serwisu; $address: adres e-mail.
sub-footer-link = Zapisz się na wiadomości e-mail
sub-title = Zapisz się na wiadomości e-mail
sub-intro = Otrzymuj e-mailem, w swoim języku, wiadomości, które publikuje { $organisation }. Potrzebujemy tylko Twojego adresu e-mail.
sub-address = Adres e-mail
sub-address-hint = Wyślemy Ci link do potwierdzenia. Subskrypcja zacznie działać dopiero po potwierdzeniu.
sub-language = Język wiadomości
sub-topics = Tematy
sub-topics-hint = Wybierz, o czym chcesz otrzymywać informacje. Jeśli nic nie wybierzesz, otrzymasz wszystko.
sub-topics-school = Szkoły
sub-topics-preschool = Przedszkola
sub-topics-unit = Jednostki
sub-topics-committee = Komisje
sub-topics-subject = Dziedziny
sub-frequency = Jak często
sub-frequency-immediate = Od razu po publikacji
sub-frequency-daily = Jedno podsumowanie dziennie
sub-frequency-weekly = Jedno podsumowanie tygodniowo
sub-crisis-note = Komunikaty kryzysowe wysyłamy zawsze od razu, niezależnie od tego, co tu wybierzesz.
sub-honeypot = Zostaw to pole puste
sub-privacy = Przechowujemy tylko Twój adres e-mail, Twoje wybory i datę wyrażenia zgody. W każdej wiadomości od nas są linki do zmiany lub zakończenia subskrypcji.
sub-submit = Zapisz się
sub-manage-heading = Masz już subskrypcję?
sub-manage-text = Wpisz swój adres e-mail, a wyślemy Ci link do zmiany lub zakończenia subskrypcji.
sub-manage-submit = Wyślij mi link
sub-manage-link = Zmień lub zakończ subskrypcję
sub-sent-title = Sprawdź swoją pocztę
sub-sent-text = Jeśli na ten adres można wysyłać e-maile, wysłaliśmy na niego wiadomość. Otwórz link z wiadomości, aby potwierdzić lub zmienić subskrypcję.
sub-sent-spam = Po kilku minutach nic nie przyszło? Sprawdź folder ze spamem albo spróbuj ponownie później.
sub-confirm-title = Potwierdź subskrypcję
sub-confirm-text = Naciśnij przycisk, aby zacząć otrzymywać e-mailem wiadomości, które publikuje { $organisation }.
sub-confirm-submit = Potwierdzam subskrypcję
sub-confirmed-title = Subskrypcja potwierdzona
sub-confirmed-text = Dziękujemy! Wiadomości, które publikuje { $organisation }, będą przychodzić e-mailem zgodnie z Twoimi wyborami.
sub-confirmed-preferences = Zmień tematy, język lub częstotliwość wiadomości
sub-saved-title = Twoje wybory zostały zapisane
sub-saved-text = Od teraz e-maile będą przychodzić zgodnie z Twoimi wyborami.
sub-preferences-title = Twoja subskrypcja
sub-preferences-intro = Wiadomości trafiają na adres { $address }. Zmień, co chcesz, i naciśnij Zapisz.
sub-preferences-submit = Zapisz
sub-preferences-unsubscribe = Nie chcę już otrzymywać e-maili
sub-preferences-unsubscribed = Subskrypcja została zakończona, więc nic Ci nie wysyłamy. Jeśli chcesz znów otrzymywać e-maile, zapisz się ponownie.
sub-unsubscribe-title = Rezygnacja z subskrypcji
sub-unsubscribe-text = Naciśnij przycisk, a { $organisation } nie będzie już wysyłać e-maili na adres { $address }.
sub-unsubscribe-submit = Rezygnuję z subskrypcji
sub-unsubscribe-instead = Zamiast tego zmień, co otrzymujesz
sub-unsubscribed-title = Subskrypcja zakończona
sub-unsubscribed-text = { $organisation } nie będzie już wysyłać Ci e-maili. Jeśli zmienisz zdanie, możesz zapisać się ponownie.
sub-data-title = Twoje dane
sub-data-download = Pobierz wszystko, co o Tobie przechowujemy (JSON)
sub-data-erase = Usuń wszystko, co o Tobie przechowujemy
sub-erase-title = Usuń swoje dane
sub-erase-text = Spowoduje to usunięcie wszystkiego, co { $organisation } przechowuje o { $address }: subskrypcji, Twoich wyborów i informacji o tym, co zostało do Ciebie wysłane. Nie można tego cofnąć.
sub-erase-submit = Usuń moje dane
sub-erase-instead = Zachowaj moją subskrypcję
sub-erased-title = Twoje dane zostały usunięte
sub-erased-text = { $organisation } nie przechowuje już niczego o Tobie, jedynie nieczytelną postać (skrót) Twojego adresu, aby nikt nie mógł Cię ponownie zapisać bez Twojej zgody.
sub-link-invalid-title = Ten link już nie działa
sub-link-invalid-text = Link wygasł, został już użyty albo jest niepełny. Link do potwierdzenia subskrypcji działa tylko raz i tylko przez ograniczony czas.
sub-link-invalid-action = Aby dostać nowy link, wypełnij formularz zapisu jeszcze raz.
sub-link-broken-text = Link jest niepełny albo subskrypcja, do której należy, już nie istnieje. Skopiuj cały link z wiadomości albo poproś o nowy.
sub-link-new = Zapisz się lub poproś o nowy link
sub-back = Powrót do serwisu: { $site }
sub-error-prefix = Błąd:
sub-error-summary = Popraw błędy
sub-error-title = Coś poszło nie tak
sub-error-address = Wpisz cały adres e-mail, na przykład imie@przyklad.pl
sub-error-choice = Wybierz język, tematy i częstotliwość spośród opcji w formularzu
sub-error-form = Nie udało się odczytać formularza. Wypełnij go ponownie na naszej stronie.
sub-error-too-large = Formularz zawierał zbyt dużo tekstu. Wypełnij go ponownie na naszej stronie.
sub-error-too-many = Z Twojej sieci wysłano w krótkim czasie zbyt wiele formularzy. Odczekaj minutę i spróbuj ponownie.
sub-error-origin = Formularz został wysłany z innej strony internetowej. Wypełnij go na naszej stronie.
sub-error-unavailable = Usługa w tej chwili nie działa. Spróbuj ponownie za kilka minut.
mail-manage-subject = Twoja subskrypcja: { $site }
mail-manage-heading = Zmień lub zakończ subskrypcję
mail-manage-intro = Ktoś, prawdopodobnie Ty, poprosił o link do zmiany lub zakończenia subskrypcji wiadomości na adres { $address }. Nadawca: { $organisation }.
mail-manage-action = Zmień moją subskrypcję
mail-manage-ignore = Jeśli to nie Ty, zignoruj tę wiadomość. Nic nie zostało zmienione.

## Redirect pages
redirect-moved = Ta strona została przeniesiona pod nowy adres:

## Search
search-title = Szukaj
search-label = Szukaj w serwisie
search-submit = Szukaj
search-kind = Rodzaj dokumentu
search-kind-any = Wszystkie rodzaje
search-topic = Temat lub komisja
search-topic-any = Wszystkie tematy
search-without-script = Wyszukiwanie wymaga JavaScriptu, którego Twoja przeglądarka nie uruchamia dla tego serwisu. Wszystkie dokumenty znajdziesz na listach, według tematu lub komisji oraz w archiwum według roku:
search-feeds = Możesz też śledzić wszystkie nowości w kanale:
search-results = Wyniki
search-count = Znalezione wyniki: { $count }
search-none = Nic nie znaleziono. Spróbuj innych lub mniej słów albo innego filtra.
search-searching = Wyszukiwanie…
search-failed = Nie udało się wczytać wyszukiwania. Spróbuj ponownie później lub skorzystaj z list.

## A press release's photo
image-credit = Fot. { $credit }
image-licence = Licencja: { $licence }
image-download = Pobierz oryginał ({ $format }, { $width } × { $height } pikseli, { $size })
