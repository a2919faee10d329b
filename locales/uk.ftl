# anslag UI strings: Ukrainian (українська).
# Translated from en.ftl. Keep the same keys and variables as en.ftl.

## Page chrome
skip-link = Перейти до основного вмісту
nav-label = Головне меню
nav-home = Головна
nav-press = Прес-релізи
nav-minutes = Протоколи
nav-notices = Оголошення
nav-notice-board = Офіційна дошка оголошень
nav-archive = Архів
nav-topics = Теми
language-switcher-label = Мова
language-switcher-current = { $language } (поточна мова)
breadcrumb-label = Ви тут
footer-label = Про цей сайт
footer-contact = Контакти
footer-feeds = Стрічки новин
footer-made-with = Опубліковано за допомогою anslag
footer-accessibility = Заява про доступність
choose-language = Оберіть мову
home-latest = Останні { $section }
home-all = Усі { $section }

## Kinds of documents (plural names are the nav names above)
kind-press = Прес-реліз
kind-minutes = Протокол
kind-notices = Оголошення

## Crisis banner. $title: the notice's title.
crisis-label = Кризове повідомлення
crisis-read = Прочитати кризове повідомлення: { $title }
crisis-read-in = Повідомлення доступне мовами:
# CAP alerts: who an alert is for when neither the notice nor site.yaml says.
alert-audience = Усі, хто перебуває в цьому районі

## Document pages. $date: a formatted date.
published = Опубліковано { $date }
updated = Оновлено { $date }
expires = Дійсне до { $date }
urgency-normal = Інформація
urgency-important = Важливо
urgency-crisis = Криза
draft = Чернетка, не опубліковано
embargoed = Ембарго до { $date }
withdrawn-notice = Відкликано { $date }. Причина: { $reason }
withdrawn-title = Відкликано: { $title }
withdrawn-original = Початковий текст залишається нижче для довідки.
not-available = Недоступно мовою: { $language }.
read-in = Читати мовою:
translations = Ця сторінка іншими мовами
translation-stale = Цей переклад може бути застарілим. Оригінал ({ $language }) змінено { $date }.
translation-stale-read = Читати оригінал
topics = Теми
press-contacts = Контакти для преси
press-about = Про { $organisation }

## Minutes. $committee: a committee's name; $count: a number.
minutes-meeting = Засідання
minutes-committee = Комітет
minutes-time = Час
minutes-place = Місце
minutes-attendees = Присутні
minutes-absent = відсутність
minutes-approved = Затверджено { $date }
minutes-agenda = Порядок денний
minutes-item-count = { $count ->
    [one] { $count } питання
    [few] { $count } питання
    [many] { $count } питань
   *[other] { $count } питання
}
item-case = Номер справи
item-closed = Закрите питання
item-closed-note = Це питання розглядали на закритому засіданні. Його зміст не публікується.
attachments = { $count ->
    [one] Додаток
    [few] Додатки
    [many] Додатки
   *[other] Додатки
}
attachment-size-kb = { $size } КБ
attachment-size-mb = { $size } МБ

## Notice board. $date: a formatted date.
notice-board-intro = Тут оголошують про затверджені протоколи. Якщо ви хочете оскаржити рішення, зробіть це до закінчення строку оскарження.
notice-board-empty = Зараз на дошці оголошень нічого немає.
notice-board-posted = Розміщено { $date }
notice-board-appeal-until = Строк оскарження закінчується { $date }
notice-board-kept-at = Місце зберігання протоколу: { $place }
notice-board-entry = Протокол: { $committee }, засідання { $date }

## Lists. $count: a number; $page, $total: page numbers; $year: a year.
list-count = { $count ->
    [0] Поки що нічого не опубліковано.
    [one] { $count } документ
    [few] { $count } документи
    [many] { $count } документів
   *[other] { $count } документа
}
pagination-label = Сторінки
pagination-previous = Попередня сторінка
pagination-next = Наступна сторінка
pagination-page = Сторінка { $page } з { $total }
archive-title = Архів
archive-year = Опубліковано у { $year } році
topic-title = { $topic }
committee-title = { $committee }
committee-minutes = Протоколи цього комітету
all-topics = Усі теми

## Error page
not-found-title = Сторінку не знайдено
not-found-text = Сторінки, яку ви шукаєте, не існує. Можливо, її перемістили або видалили.
not-found-home = Перейти на головну сторінку

## Accessibility statement. $organisation: the organisation's name; $site: the website's address;
## $law, $standard, $body: the names of a law, a standard and an authority; $date: a formatted date.
a11y-title = Заява про доступність
a11y-intro = { $organisation } прагне, щоб цим вебсайтом могло користуватися якомога більше людей. У цій заяві описано, як сайт { $site } відповідає вимогам доступності, що, наскільки нам відомо, не працює, і як повідомити нам про проблеми.
a11y-law = Вимоги встановлює такий нормативний акт: { $law }.
a11y-status-heading = Стан відповідності
a11y-status-full = Цей вебсайт повністю відповідає стандарту { $standard }.
a11y-status-partial = Цей вебсайт частково відповідає стандарту { $standard } через проблеми, наведені нижче.
a11y-status-none = Цей вебсайт не відповідає стандарту { $standard }. Відомі нам проблеми наведено нижче.
a11y-limitations-heading = Недоступний вміст
a11y-limitations-none = Нам не відомо про недоступний вміст на цьому вебсайті.
a11y-feedback-heading = Повідомити про проблему
a11y-feedback-text = Якщо щось на цьому вебсайті не працює для вас або вам потрібна інформація в іншому форматі, зверніться до нас, і ми допоможемо.
a11y-contact-email = Електронна пошта
a11y-contact-phone = Телефон
a11y-contact-web = Онлайн
a11y-contact-form = Скористайтеся нашою онлайн-формою
a11y-enforcement-heading = Процедура забезпечення виконання
a11y-enforcement-text = Нагляд за дотриманням вимог доступності здійснює { $body }. Якщо вас не влаштовує, як ми розглянули ваше звернення, ви можете поскаржитися до цього органу.
a11y-enforcement-link = Поскаржитися до органу нагляду: { $body }
a11y-preparation-heading = Про цю заяву
a11y-prepared = Цю заяву підготовлено { $date }.
a11y-method-self-assessment = Вебсайт оцінено самостійно.
a11y-method-third-party = Вебсайт оцінила незалежна стороння організація.
a11y-reviewed = Востаннє її переглянуто { $date }.
a11y-missing = Цей вебсайт ще не має заяви про доступність.

## Email. $site: the website's name; $organisation: the organisation's name; $title: a document's
## title; $count, $hours: numbers; $language: a language's name; $languages: a list of language
## names; $address: an e-mail address.
mail-urgent = ТЕРМІНОВО
mail-crisis-subject = ТЕРМІНОВО: { $title }
mail-crisis-intro = Це кризове повідомлення надсилається всім, хто підписався на новини електронною поштою, незалежно від обраних тем і частоти. Відправник: { $organisation }.
mail-instruction = Що вам потрібно зробити
mail-crisis-web = Повідомлення на вебсайті оновлюється, коли змінюється ситуація:
mail-other-languages = Це повідомлення іншими мовами:
mail-digest-subject = { $count ->
    [one] { $site }: { $count } новий документ
    [few] { $site }: { $count } нові документи
    [many] { $site }: { $count } нових документів
   *[other] { $site }: { $count } нового документа
}
mail-digest-heading-immediate = { $organisation }: новини
mail-digest-heading-daily = { $organisation }: підсумок дня
mail-digest-heading-weekly = { $organisation }: підсумок тижня
mail-digest-intro = { $count ->
    [one] За вашою підпискою є { $count } новий документ.
    [few] За вашою підпискою є { $count } нові документи.
    [many] За вашою підпискою є { $count } нових документів.
   *[other] За вашою підпискою є { $count } нового документа.
}
mail-read-on-web = Читати на вебсайті:
mail-not-available = Недоступно мовою: { $language }. Доступно мовами: { $languages }.
mail-list-separator = {", "}
mail-footer-reason = Ви отримуєте цей лист, тому що підписалися на новини електронною поштою. Відправник: { $organisation }.
mail-footer-frequency-immediate = Ви отримуєте лист, щойно з'являється щось нове.
mail-footer-frequency-daily = Ви отримуєте не більше одного підсумку на день.
mail-footer-frequency-weekly = Ви отримуєте один підсумок на тиждень.
mail-footer-crisis = Кризові повідомлення одразу надсилаються всім підписникам.
mail-preferences = Змінити теми, мову або частоту листів
mail-unsubscribe = Скасувати підписку
mail-confirm-subject = Підтвердьте підписку: { $site }
mail-confirm-heading = Підтвердьте підписку
mail-confirm-intro = Хтось, імовірно ви, попросив надсилати новини електронною поштою на адресу { $address }. Відправник: { $organisation }.
mail-confirm-action = Підтвердити підписку
mail-confirm-expires = { $hours ->
    [one] Посилання дійсне { $hours } годину.
    [few] Посилання дійсне { $hours } години.
    [many] Посилання дійсне { $hours } годин.
   *[other] Посилання дійсне { $hours } години.
}
mail-confirm-copy = Якщо посилання не працює, скопіюйте цю адресу у свій браузер:
mail-confirm-ignore = Якщо це були не ви, просто проігноруйте цей лист. Підписку не буде оформлено, і ми більше вам не писатимемо.

## Підписка на листи: сторінка підписки на сайті та сторінки сервісу підписки.
## $organisation: назва організації; $site: назва сайту; $address: електронна адреса.
sub-footer-link = Підписатися на листи
sub-title = Підписка на електронні листи
sub-intro = Отримуйте новини, які публікує { $organisation }, електронною поштою вашою мовою. Нам потрібна лише ваша електронна адреса.
sub-address = Електронна адреса
sub-address-hint = Ми надішлемо вам посилання для підтвердження. Підписка почне діяти лише після підтвердження.
sub-language = Мова листів
sub-topics = Теми
sub-topics-hint = Виберіть, про що ви хочете отримувати новини. Якщо нічого не виберете, отримуватимете все.
sub-topics-school = Школи
sub-topics-preschool = Дитячі садки
sub-topics-unit = Підрозділи
sub-topics-committee = Комітети
sub-topics-subject = Тематичні напрями
sub-frequency = Як часто
sub-frequency-immediate = Щойно щось публікується
sub-frequency-daily = Одне зведення на день
sub-frequency-weekly = Одне зведення на тиждень
sub-crisis-note = Кризові повідомлення завжди надсилаються одразу, незалежно від вашого вибору тут.
sub-honeypot = Залиште це поле порожнім
sub-privacy = Ми зберігаємо лише вашу електронну адресу, ваш вибір і час, коли ви дали згоду. У кожному нашому листі є посилання, щоб змінити або скасувати підписку.
sub-submit = Підписатися
sub-manage-heading = Уже підписані?
sub-manage-text = Введіть свою електронну адресу, і ми надішлемо вам посилання, щоб змінити або скасувати підписку.
sub-manage-submit = Надіслати мені посилання
sub-manage-link = Змінити або скасувати підписку
sub-sent-title = Перевірте свою пошту
sub-sent-text = Якщо ця адреса може отримувати листи, ми надіслали на неї повідомлення. Відкрийте посилання в повідомленні, щоб підтвердити або змінити підписку.
sub-sent-spam = За кілька хвилин нічого не надійшло? Перевірте папку «Спам» або спробуйте пізніше.
sub-confirm-title = Підтвердіть підписку
sub-confirm-text = Натисніть кнопку, щоб почати отримувати електронною поштою новини, які публікує { $organisation }.
sub-confirm-submit = Підтвердити підписку
sub-confirmed-title = Вашу підписку підтверджено
sub-confirmed-text = Дякуємо! Ви отримуватимете електронною поштою новини, які публікує { $organisation }, так, як ви вибрали.
sub-confirmed-preferences = Змінити теми, мову або частоту листів
sub-saved-title = Ваш вибір збережено
sub-saved-text = Відтепер ви отримуватимете листи так, як ви вибрали.
sub-preferences-title = Ваша підписка
sub-preferences-intro = Листи надходять на адресу { $address }. Змініть, що бажаєте, і натисніть «Зберегти».
sub-preferences-submit = Зберегти
sub-preferences-unsubscribe = Більше не отримувати від нас листів
sub-preferences-unsubscribed = Підписку скасовано, тому ми нічого вам не надсилаємо. Щоб знову отримувати листи, підпишіться ще раз.
sub-unsubscribe-title = Скасувати підписку
sub-unsubscribe-text = Натисніть кнопку, щоб більше не отримувати листів на адресу { $address }. Відправник: { $organisation }.
sub-unsubscribe-submit = Скасувати підписку
sub-unsubscribe-instead = Натомість змінити, що ви отримуєте
sub-unsubscribed-title = Підписку скасовано
sub-unsubscribed-text = Ви більше не отримуватимете листів. Відправник: { $organisation }. Якщо передумаєте, можете підписатися знову.
sub-data-title = Ваші дані
sub-data-download = Завантажити все, що ми зберігаємо про вас (JSON)
sub-data-erase = Стерти все, що ми зберігаємо про вас
sub-erase-title = Стерти ваші дані
sub-erase-text = Це видалить усе, що { $organisation } зберігає про { $address }: підписку, ваш вибір і відомості про те, що вам надсилали. Цю дію не можна скасувати.
sub-erase-submit = Стерти мої дані
sub-erase-instead = Залишити мою підписку
sub-erased-title = Ваші дані стерто
sub-erased-text = { $organisation } більше нічого не зберігає про вас, лише незчитувану форму (хеш) вашої адреси, щоб ніхто не міг знову підписати вас без вашої згоди.
sub-link-invalid-title = Це посилання більше не працює
sub-link-invalid-text = Термін дії посилання минув, його вже використано або воно неповне. Посилання для підтвердження підписки працює лише один раз і лише обмежений час.
sub-link-invalid-action = Щоб отримати нове посилання, заповніть форму підписки ще раз.
sub-link-broken-text = Посилання неповне, або підписки, до якої воно належить, уже не існує. Скопіюйте посилання з листа повністю або попросіть нове.
sub-link-new = Підписатися або отримати нове посилання
sub-back = Повернутися на сайт: { $site }
sub-error-prefix = Помилка:
sub-error-summary = Виправте помилки
sub-error-title = Щось пішло не так
sub-error-address = Введіть електронну адресу повністю, наприклад name@example.com
sub-error-choice = Виберіть мову, теми й частоту з варіантів у формі
sub-error-form = Не вдалося прочитати форму. Заповніть її ще раз на нашому сайті.
sub-error-too-large = Форма містила забагато тексту. Заповніть її ще раз на нашому сайті.
sub-error-too-many = З вашої мережі за короткий час надіслано забагато форм. Зачекайте хвилину й спробуйте знову.
sub-error-origin = Форму надіслано з іншого сайту. Заповніть її на нашому сайті.
sub-error-unavailable = Сервіс зараз не працює. Спробуйте ще раз за кілька хвилин.
mail-manage-subject = Ваша підписка: { $site }
mail-manage-heading = Змінити або скасувати підписку
mail-manage-intro = Хтось, імовірно ви, попросив посилання, щоб змінити або скасувати підписку на новини для адреси { $address }. Відправник: { $organisation }.
mail-manage-action = Змінити мою підписку
mail-manage-ignore = Якщо це були не ви, просто проігноруйте цей лист. Нічого не змінено.

## Redirect pages
redirect-moved = Ця сторінка переїхала на нову адресу:

## Search
search-title = Пошук
search-label = Пошук на сайті
search-submit = Шукати
search-kind = Тип документа
search-kind-any = Усі типи
search-topic = Тема або комісія
search-topic-any = Усі теми
search-without-script = Для пошуку потрібен JavaScript, який ваш браузер не виконує для цього сайту. Усі документи можна знайти у списках, за темою чи комісією та в архіві за роком:
search-feeds = Або стежте за всім новим у стрічці:
search-results = Результати
search-count = Знайдено результатів: { $count }
search-none = Нічого не знайдено. Спробуйте інші або менше слів чи інший фільтр.
search-searching = Пошук…
search-failed = Не вдалося завантажити пошук. Спробуйте пізніше або скористайтеся списками.

## A press release's photo
image-credit = Фото: { $credit }
image-licence = Ліцензія: { $licence }
image-download = Завантажити оригінал ({ $format }, { $width } × { $height } пікселів, { $size })
