# anslag UI strings: Persian (فارسی).
# Translated from en.ftl. Keep the same keys and variables as en.ftl.

## Page chrome
skip-link = رفتن به محتوای اصلی
nav-label = منوی اصلی
nav-home = صفحهٔ اصلی
nav-press = اطلاعیه‌های مطبوعاتی
nav-minutes = صورت‌جلسه‌ها
nav-notices = اطلاعیه‌ها
nav-notice-board = تابلوی رسمی اعلانات
nav-archive = بایگانی
nav-topics = موضوع‌ها
language-switcher-label = زبان
language-switcher-current = { $language } (زبان کنونی)
breadcrumb-label = شما اینجا هستید
footer-label = دربارهٔ این وب‌سایت
footer-contact = تماس با ما
footer-feeds = خوراک‌های خبری
footer-made-with = منتشرشده با anslag
choose-language = زبان خود را انتخاب کنید
home-latest = تازه‌ترین { $section }
home-all = همهٔ { $section }

## Kinds of documents (plural names are the nav names above)
kind-press = اطلاعیهٔ مطبوعاتی
kind-minutes = صورت‌جلسه
kind-notices = اطلاعیه

## Crisis banner. $title: the notice's title.
crisis-label = پیام اضطراری
crisis-read = پیام اضطراری را بخوانید: { $title }
crisis-read-in = این پیام به این زبان‌ها موجود است:

## Document pages. $date: a formatted date.
published = منتشرشده در { $date }
updated = به‌روزشده در { $date }
expires = معتبر تا { $date }
urgency-normal = اطلاعات
urgency-important = مهم
urgency-crisis = بحران
draft = پیش‌نویس، منتشرنشده
embargoed = انتشار ممنوع تا { $date }
not-available = به زبان { $language } موجود نیست.
read-in = خواندن به زبان:
translations = این صفحه به زبان‌های دیگر
topics = موضوع‌ها
press-contacts = تماس برای رسانه‌ها
press-about = دربارهٔ { $organisation }

## Minutes. $committee: a committee's name; $count: a number.
minutes-meeting = جلسه
minutes-committee = کمیته
minutes-time = زمان
minutes-place = مکان
minutes-attendees = حاضران
minutes-absent = غایب
minutes-approved = تأییدشده در { $date }
minutes-agenda = دستور جلسه
minutes-item-count = { $count ->
    [one] { $count } مورد
   *[other] { $count } مورد
}
item-case = شمارهٔ پرونده
item-closed = مورد غیرعلنی
item-closed-note = این مورد در جلسهٔ غیرعلنی بررسی شد. محتوای آن منتشر نمی‌شود.
attachments = { $count ->
    [one] پیوست
   *[other] پیوست‌ها
}
attachment-size-kb = { $size } کیلوبایت
attachment-size-mb = { $size } مگابایت

## Notice board. $date: a formatted date.
notice-board-intro = صورت‌جلسه‌های تأییدشده در اینجا اعلام می‌شوند. هر کس بخواهد به تصمیمی اعتراض کند، باید پیش از پایان مهلت اعتراض این کار را انجام دهد.
notice-board-empty = در حال حاضر چیزی روی تابلوی اعلانات نیست.
notice-board-posted = اعلام‌شده در { $date }
notice-board-appeal-until = پایان مهلت اعتراض: { $date }
notice-board-kept-at = محل نگهداری صورت‌جلسه: { $place }
notice-board-entry = صورت‌جلسهٔ { $committee }، جلسهٔ { $date }

## Lists. $count: a number; $page, $total: page numbers; $year: a year.
list-count = { $count ->
    [0] هنوز چیزی منتشر نشده است.
    [one] { $count } سند
   *[other] { $count } سند
}
pagination-label = صفحه‌ها
pagination-previous = صفحهٔ قبل
pagination-next = صفحهٔ بعد
pagination-page = صفحهٔ { $page } از { $total }
archive-title = بایگانی
archive-year = منتشرشده در سال { $year }
topic-title = { $topic }
committee-title = { $committee }
committee-minutes = صورت‌جلسه‌های این کمیته
all-topics = همهٔ موضوع‌ها

## Error page
not-found-title = صفحه پیدا نشد
not-found-text = صفحه‌ای که به دنبال آن بودید وجود ندارد. ممکن است جابه‌جا یا حذف شده باشد.
not-found-home = رفتن به صفحهٔ اصلی
