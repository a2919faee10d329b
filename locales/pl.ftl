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

## Document pages. $date: a formatted date.
published = Opublikowano { $date }
updated = Zaktualizowano { $date }
expires = Ważne do { $date }
urgency-normal = Informacja
urgency-important = Ważne
urgency-crisis = Kryzys
draft = Wersja robocza, nieopublikowana
embargoed = Embargo do { $date }
not-available = Niedostępne w języku: { $language }.
read-in = Czytaj w języku:
translations = Ta strona w innych językach
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
