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
footer-accessibility = بیانیهٔ دسترس‌پذیری
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
# CAP alerts: who an alert is for when neither the notice nor site.yaml says.
alert-audience = همه کسانی که در این منطقه هستند

## Document pages. $date: a formatted date.
published = منتشرشده در { $date }
updated = به‌روزشده در { $date }
expires = معتبر تا { $date }
urgency-normal = اطلاعات
urgency-important = مهم
urgency-crisis = بحران
draft = پیش‌نویس، منتشرنشده
embargoed = انتشار ممنوع تا { $date }
withdrawn-notice = در { $date } پس گرفته شد. دلیل: { $reason }
withdrawn-title = پس گرفته شد: { $title }
withdrawn-original = متن اصلی برای اطلاع در زیر باقی می‌ماند.
not-available = به زبان { $language } موجود نیست.
read-in = خواندن به زبان:
translations = این صفحه به زبان‌های دیگر
translation-stale = ممکن است این ترجمه به‌روز نباشد. متن اصلی ({ $language }) در { $date } تغییر کرد.
translation-stale-read = خواندن متن اصلی
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

## Accessibility statement. $organisation: the organisation's name; $site: the website's address;
## $law, $standard, $body: the names of a law, a standard and an authority; $date: a formatted date.
a11y-title = بیانیهٔ دسترس‌پذیری
a11y-intro = { $organisation } می‌خواهد تا جای ممکن افراد بیشتری بتوانند از این وب‌سایت استفاده کنند. این بیانیه توضیح می‌دهد که وب‌سایت { $site } تا چه اندازه الزامات دسترس‌پذیری را برآورده می‌کند، کدام بخش‌ها به‌درستی کار نمی‌کنند و چگونه می‌توانید مشکلات را به ما گزارش دهید.
a11y-law = این الزامات بر پایهٔ این قانون است: { $law }.
a11y-status-heading = وضعیت انطباق
a11y-status-full = این وب‌سایت به‌طور کامل با { $standard } مطابقت دارد.
a11y-status-partial = این وب‌سایت به دلیل مشکلاتی که در ادامه آمده است، تنها تا حدی با { $standard } مطابقت دارد.
a11y-status-none = این وب‌سایت با { $standard } مطابقت ندارد. مشکلاتی که از آن‌ها آگاهیم در ادامه آمده است.
a11y-limitations-heading = محتوای غیرقابل دسترس
a11y-limitations-none = از هیچ محتوای غیرقابل دسترسی در این وب‌سایت آگاه نیستیم.
a11y-feedback-heading = گزارش مشکل
a11y-feedback-text = اگر چیزی در این وب‌سایت برای شما کار نمی‌کند یا اطلاعات را در قالب دیگری نیاز دارید، با ما تماس بگیرید تا به شما کمک کنیم.
a11y-contact-email = ایمیل
a11y-contact-phone = تلفن
a11y-contact-web = برخط
a11y-contact-form = از فرم برخط ما استفاده کنید
a11y-enforcement-heading = روند رسیدگی و نظارت
a11y-enforcement-text = { $body } بر رعایت الزامات دسترس‌پذیری نظارت می‌کند. اگر از نحوهٔ رسیدگی ما به گزارش خود راضی نیستید، می‌توانید به { $body } شکایت کنید.
a11y-enforcement-link = شکایت به { $body }
a11y-preparation-heading = دربارهٔ این بیانیه
a11y-prepared = این بیانیه در تاریخ { $date } تهیه شده است.
a11y-method-self-assessment = { $organisation } خود این وب‌سایت را ارزیابی کرده است.
a11y-method-third-party = یک نهاد مستقل این وب‌سایت را ارزیابی کرده است.
a11y-reviewed = آخرین بازبینی آن در تاریخ { $date } انجام شده است.
a11y-missing = این وب‌سایت هنوز بیانیهٔ دسترس‌پذیری ندارد.

## Email. $site: the website's name; $organisation: the organisation's name; $title: a document's
## title; $count, $hours: numbers; $language: a language's name; $languages: a list of language
## names; $address: an e-mail address.
mail-urgent = فوری
mail-crisis-subject = فوری: { $title }
mail-crisis-intro = { $organisation } این پیام اضطراری را برای همهٔ مشترکان خبرهای ایمیلی خود می‌فرستد، صرف‌نظر از موضوع‌هایی که انتخاب کرده‌اند و اینکه چند وقت یک بار ایمیل می‌گیرند.
mail-instruction = کاری که باید انجام دهید
mail-crisis-web = این پیام در وب‌سایت با تغییر وضعیت به‌روز می‌شود:
mail-other-languages = این پیام به زبان‌های دیگر:
mail-digest-subject = { $count ->
    [one] { $site }: یک سند جدید
   *[other] { $site }: { $count } سند جدید
}
mail-digest-heading-immediate = تازه‌ها از { $organisation }
mail-digest-heading-daily = خلاصهٔ روزانه از { $organisation }
mail-digest-heading-weekly = خلاصهٔ هفتگی از { $organisation }
mail-digest-intro = { $count ->
    [one] یک سند جدید برای اشتراک شما وجود دارد.
   *[other] { $count } سند جدید برای اشتراک شما وجود دارد.
}
mail-read-on-web = در وب‌سایت بخوانید:
mail-not-available = به زبان { $language } موجود نیست. موجود به زبان‌های: { $languages }.
mail-list-separator = {"، "}
mail-footer-reason = این ایمیل را دریافت می‌کنید، چون مشترک خبرهای ایمیلی { $organisation } هستید.
mail-footer-frequency-immediate = به محض انتشار هر مطلب تازه، ایمیلی دریافت می‌کنید.
mail-footer-frequency-daily = حداکثر روزی یک خلاصه دریافت می‌کنید.
mail-footer-frequency-weekly = هفته‌ای یک خلاصه دریافت می‌کنید.
mail-footer-crisis = پیام‌های اضطراری بلافاصله برای همهٔ مشترکان فرستاده می‌شوند.
mail-preferences = تغییر موضوع‌ها، زبان یا دفعات دریافت ایمیل
mail-unsubscribe = لغو اشتراک
mail-confirm-subject = اشتراک خود را تأیید کنید: { $site }
mail-confirm-heading = اشتراک خود را تأیید کنید
mail-confirm-intro = کسی، احتمالاً خود شما، درخواست کرده است که خبرهای { $organisation } به نشانی ایمیل { $address } فرستاده شود.
mail-confirm-action = اشتراکم را تأیید می‌کنم
mail-confirm-expires = { $hours ->
    [one] این پیوند یک ساعت اعتبار دارد.
   *[other] این پیوند { $hours } ساعت اعتبار دارد.
}
mail-confirm-copy = اگر پیوند کار نکرد، این نشانی را در مرورگر خود کپی کنید:
mail-confirm-ignore = اگر این درخواست از طرف شما نبوده است، این ایمیل را نادیده بگیرید. اشتراکی ثبت نمی‌شود و دیگر برایتان ایمیل نمی‌فرستیم.

## اشتراک ایمیلی: صفحهٔ اشتراک وب‌سایت و صفحه‌های سرویس اشتراک.
## $organisation: نام سازمان؛ $site: نام وب‌سایت؛ $address: نشانی ایمیل.
sub-footer-link = اشتراک ایمیلی
sub-title = اشتراک ایمیلی
sub-intro = اخبار { $organisation } را به زبان خودتان با ایمیل دریافت کنید. فقط نشانی ایمیل شما را لازم داریم.
sub-address = نشانی ایمیل
sub-address-hint = پیوندی برای تأیید برایتان می‌فرستیم. اشتراک شما تنها پس از تأیید آغاز می‌شود.
sub-language = زبان ایمیل‌ها
sub-topics = موضوع‌ها
sub-topics-hint = موضوع‌هایی را که می‌خواهید درباره‌شان خبر بگیرید انتخاب کنید. اگر چیزی انتخاب نکنید، همه‌چیز را دریافت می‌کنید.
sub-topics-school = مدرسه‌ها
sub-topics-preschool = پیش‌دبستانی‌ها
sub-topics-unit = واحدها
sub-topics-committee = کمیته‌ها
sub-topics-subject = حوزه‌ها
sub-frequency = هر چند وقت یک‌بار
sub-frequency-immediate = به‌محض انتشار هر مطلب
sub-frequency-daily = یک خلاصه در روز
sub-frequency-weekly = یک خلاصه در هفته
sub-crisis-note = پیام‌های بحران همیشه فوراً فرستاده می‌شوند، هرچه اینجا انتخاب کنید.
sub-honeypot = این خانه را خالی بگذارید
sub-privacy = ما فقط نشانی ایمیل، انتخاب‌های شما و زمان رضایتتان را نگه می‌داریم. هر ایمیلی که می‌فرستیم پیوندهایی برای تغییر یا لغو اشتراک دارد.
sub-submit = مشترک شوید
sub-manage-heading = مشترک هستید؟
sub-manage-text = نشانی ایمیل خود را بنویسید تا پیوندی برای تغییر یا لغو اشتراکتان برایتان بفرستیم.
sub-manage-submit = پیوند را برایم بفرست
sub-manage-link = اشتراک خود را تغییر دهید یا لغو کنید
sub-sent-title = ایمیل خود را ببینید
sub-sent-text = اگر این نشانی بتواند ایمیل دریافت کند، پیامی به آن فرستاده‌ایم. پیوند داخل پیام را باز کنید تا اشتراک خود را تأیید یا تغییر دهید.
sub-sent-spam = پس از چند دقیقه چیزی نرسید؟ پوشهٔ هرزنامه را ببینید یا بعداً دوباره امتحان کنید.
sub-confirm-title = اشتراک خود را تأیید کنید
sub-confirm-text = دکمه را بزنید تا دریافت اخبار { $organisation } با ایمیل آغاز شود.
sub-confirm-submit = اشتراکم را تأیید می‌کنم
sub-confirmed-title = اشتراک شما تأیید شد
sub-confirmed-text = سپاس. اخبار { $organisation } را همان‌طور که انتخاب کرده‌اید با ایمیل دریافت خواهید کرد.
sub-confirmed-preferences = تغییر موضوع‌ها، زبان یا دفعات دریافت ایمیل
sub-saved-title = انتخاب‌های شما ذخیره شد
sub-saved-text = از این پس ایمیل‌ها را همان‌طور که انتخاب کرده‌اید دریافت می‌کنید.
sub-preferences-title = اشتراک شما
sub-preferences-intro = ایمیل‌ها به { $address } فرستاده می‌شوند. هرچه می‌خواهید تغییر دهید و دکمهٔ «ذخیره» را بزنید.
sub-preferences-submit = ذخیره
sub-preferences-unsubscribe = دیگر هیچ ایمیلی از ما دریافت نکنم
sub-preferences-unsubscribed = اشتراک شما لغو شده است و چیزی برایتان نمی‌فرستیم. اگر دوباره ایمیل می‌خواهید، دوباره مشترک شوید.
sub-unsubscribe-title = لغو اشتراک
sub-unsubscribe-text = دکمه را بزنید تا هیچ ایمیل دیگری از { $organisation } به { $address } فرستاده نشود.
sub-unsubscribe-submit = لغو اشتراک
sub-unsubscribe-instead = به‌جای آن، آنچه دریافت می‌کنید را تغییر دهید
sub-unsubscribed-title = اشتراک شما لغو شد
sub-unsubscribed-text = دیگر ایمیلی از { $organisation } دریافت نمی‌کنید. اگر نظرتان عوض شد، می‌توانید دوباره مشترک شوید.
sub-data-title = اطلاعات شما
sub-data-download = دریافت همه آنچه درباره شما نگه می‌داریم (JSON)
sub-data-erase = پاک کردن همه آنچه درباره شما نگه می‌داریم
sub-erase-title = پاک کردن اطلاعات شما
sub-erase-text = با این کار همه آنچه { $organisation } درباره { $address } نگه می‌دارد پاک می‌شود: اشتراک، انتخاب‌های شما و سابقه آنچه برایتان فرستاده شده است. این کار برگشت‌پذیر نیست.
sub-erase-submit = اطلاعاتم را پاک کن
sub-erase-instead = اشتراکم را نگه دار
sub-erased-title = اطلاعات شما پاک شد
sub-erased-text = { $organisation } دیگر چیزی درباره شما نگه نمی‌دارد، جز شکلی ناخوانا (هش) از نشانی شما، تا هیچ‌کس نتواند بدون رضایت شما دوباره شما را مشترک کند.
sub-link-invalid-title = این پیوند دیگر کار نمی‌کند
sub-link-invalid-text = اعتبار پیوند تمام شده، قبلاً از آن استفاده شده یا کامل نیست. پیوند تأیید اشتراک فقط یک بار و فقط برای مدتی محدود کار می‌کند.
sub-link-invalid-action = برای گرفتن پیوند تازه، فرم اشتراک را دوباره پر کنید.
sub-link-broken-text = پیوند کامل نیست، یا اشتراکی که به آن تعلق دارد دیگر وجود ندارد. کل پیوند را از ایمیل کپی کنید یا پیوند تازه‌ای بخواهید.
sub-link-new = مشترک شوید یا پیوند تازه بگیرید
sub-back = بازگشت به { $site }
sub-error-prefix = خطا:
sub-error-summary = مشکلی وجود دارد
sub-error-title = مشکلی پیش آمد
sub-error-address = نشانی ایمیل خود را کامل بنویسید، مانند name@example.com
sub-error-choice = زبان، موضوع‌ها و دفعات دریافت را از گزینه‌های فرم انتخاب کنید
sub-error-form = فرم خوانده نشد. آن را دوباره در وب‌سایت ما پر کنید.
sub-error-too-large = فرم متن بیش از حد داشت. آن را دوباره در وب‌سایت ما پر کنید.
sub-error-too-many = در مدت کوتاهی فرم‌های زیادی از شبکهٔ شما فرستاده شده است. یک دقیقه صبر کنید و دوباره امتحان کنید.
sub-error-origin = فرم از وب‌سایت دیگری فرستاده شده است. لطفاً آن را در وب‌سایت ما پر کنید.
sub-error-unavailable = این سرویس اکنون کار نمی‌کند. چند دقیقهٔ دیگر دوباره امتحان کنید.
mail-manage-subject = اشتراک شما: { $site }
mail-manage-heading = اشتراک خود را تغییر دهید یا لغو کنید
mail-manage-intro = کسی، احتمالاً خود شما، پیوندی برای تغییر یا لغو اشتراک اخبار { $organisation } برای { $address } خواسته است.
mail-manage-action = تغییر اشتراکم
mail-manage-ignore = اگر این درخواست از طرف شما نبوده است، این ایمیل را نادیده بگیرید. چیزی تغییر نکرده است.

## Redirect pages
redirect-moved = این صفحه به نشانی تازه‌ای منتقل شده است:

## Search
search-title = جستجو
search-label = جستجو در وب‌سایت
search-submit = جستجو
search-kind = نوع سند
search-kind-any = همه انواع
search-topic = موضوع یا کمیته
search-topic-any = همه موضوع‌ها
search-without-script = جستجو به JavaScript نیاز دارد که مرورگر شما آن را برای این وب‌سایت اجرا نمی‌کند. همه اسناد را در فهرست‌ها، بر اساس موضوع یا کمیته، و در بایگانی بر اساس سال پیدا می‌کنید:
search-feeds = یا همه موارد تازه را در یک خوراک دنبال کنید:
search-results = نتایج
search-count = تعداد نتایج: { $count }
search-none = چیزی پیدا نشد. واژه‌های دیگر یا کمتری را امتحان کنید، یا فیلتر دیگری.
search-searching = در حال جستجو…
search-failed = جستجو بارگیری نشد. بعداً دوباره امتحان کنید یا از فهرست‌ها استفاده کنید.

## A press release's photo
image-credit = عکس: { $credit }
image-licence = مجوز: { $licence }
image-download = دریافت نسخهٔ اصلی ({ $format }، { $width } × { $height } پیکسل، { $size })
