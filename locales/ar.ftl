# anslag UI strings: Arabic (العربية).
# Translated from en.ftl. Keep the same keys and variables as en.ftl.

## Page chrome
skip-link = انتقل إلى المحتوى الرئيسي
nav-label = القائمة الرئيسية
nav-home = الصفحة الرئيسية
nav-press = البيانات الصحفية
nav-minutes = المحاضر
nav-notices = الإشعارات
nav-notice-board = لوحة الإعلانات الرسمية
nav-archive = الأرشيف
nav-topics = المواضيع
language-switcher-label = اللغة
language-switcher-current = { $language } (اللغة الحالية)
breadcrumb-label = أنت هنا
footer-label = عن هذا الموقع
footer-contact = اتصل بنا
footer-feeds = خلاصات الأخبار
footer-made-with = نُشر باستخدام anslag
footer-accessibility = بيان إمكانية الوصول
choose-language = اختر لغتك
home-latest = أحدث { $section }
home-all = جميع { $section }

## Kinds of documents (plural names are the nav names above)
kind-press = بيان صحفي
kind-minutes = محضر
kind-notices = إشعار

## Crisis banner. $title: the notice's title.
crisis-label = رسالة طوارئ
crisis-read = اقرأ رسالة الطوارئ: { $title }
crisis-read-in = الرسالة متوفرة باللغات التالية:
# CAP alerts: who an alert is for when neither the notice nor site.yaml says.
alert-audience = جميع الموجودين في المنطقة

## Document pages. $date: a formatted date.
published = نُشر في { $date }
updated = حُدّث في { $date }
expires = صالح حتى { $date }
urgency-normal = معلومات
urgency-important = مهم
urgency-crisis = طوارئ
draft = مسودة، غير منشورة
embargoed = يُحظر نشره قبل { $date }
withdrawn-notice = سُحب في { $date }. السبب: { $reason }
withdrawn-title = مسحوب: { $title }
withdrawn-original = يبقى النص الأصلي أدناه للاطلاع.
not-available = غير متوفر باللغة: { $language }.
read-in = اقرأ بلغة:
translations = هذه الصفحة بلغات أخرى
translation-stale = قد تكون هذه الترجمة قديمة. تم تغيير النص الأصلي ({ $language }) في { $date }.
translation-stale-read = اقرأ النص الأصلي
topics = المواضيع
press-contacts = التواصل مع الصحافة
press-about = عن { $organisation }

## Minutes. $committee: a committee's name; $count: a number.
minutes-meeting = الاجتماع
minutes-committee = اللجنة
minutes-time = الوقت
minutes-place = المكان
minutes-attendees = الحاضرون
minutes-absent = غائب
minutes-approved = اعتُمد في { $date }
minutes-agenda = جدول الأعمال
minutes-item-count = { $count ->
    [zero] لا توجد بنود
    [one] بند واحد
    [two] بندان
    [few] { $count } بنود
    [many] { $count } بندًا
   *[other] { $count } بند
}
item-case = رقم الملف
item-closed = بند مغلق
item-closed-note = نوقش هذا البند في جلسة مغلقة. لا يُنشر محتواه.
attachments = { $count ->
    [zero] مرفقات
    [one] مرفق
    [two] مرفقان
    [few] مرفقات
    [many] مرفقات
   *[other] مرفقات
}
attachment-size-kb = { $size } كيلوبايت
attachment-size-mb = { $size } ميغابايت

## Notice board. $date: a formatted date.
notice-board-intro = هنا يُعلَن عن المحاضر المعتمدة. من يريد الطعن في قرار فعليه أن يفعل ذلك قبل انتهاء مهلة الطعن.
notice-board-empty = لا يوجد شيء على لوحة الإعلانات حاليًا.
notice-board-posted = نُشر على اللوحة في { $date }
notice-board-appeal-until = تنتهي مهلة الطعن في { $date }
notice-board-kept-at = مكان حفظ المحضر: { $place }
notice-board-entry = محضر { $committee }، اجتماع بتاريخ { $date }

## Lists. $count: a number; $page, $total: page numbers; $year: a year.
list-count = { $count ->
    [0] لم يُنشر شيء بعد.
    [zero] لا توجد مستندات
    [one] مستند واحد
    [two] مستندان
    [few] { $count } مستندات
    [many] { $count } مستندًا
   *[other] { $count } مستند
}
pagination-label = الصفحات
pagination-previous = الصفحة السابقة
pagination-next = الصفحة التالية
pagination-page = الصفحة { $page } من { $total }
archive-title = الأرشيف
archive-year = نُشر في عام { $year }
topic-title = { $topic }
committee-title = { $committee }
committee-minutes = محاضر هذه اللجنة
all-topics = جميع المواضيع

## Error page
not-found-title = الصفحة غير موجودة
not-found-text = الصفحة التي طلبتها غير موجودة. ربما نُقلت أو حُذفت.
not-found-home = الذهاب إلى الصفحة الرئيسية

## Accessibility statement. $organisation: the organisation's name; $site: the website's address;
## $law, $standard, $body: the names of a law, a standard and an authority; $date: a formatted date.
a11y-title = بيان إمكانية الوصول
a11y-intro = تريد { $organisation } أن يتمكن أكبر عدد ممكن من الناس من استخدام هذا الموقع. يوضح هذا البيان مدى استيفاء الموقع { $site } لمتطلبات إمكانية الوصول، وما نعرف أنه لا يعمل، وكيف يمكنك إبلاغنا بالمشكلات.
a11y-law = تستند هذه المتطلبات إلى: { $law }.
a11y-status-heading = حالة الامتثال
a11y-status-full = هذا الموقع متوافق تمامًا مع { $standard }.
a11y-status-partial = هذا الموقع متوافق جزئيًا مع { $standard } بسبب المشكلات المذكورة أدناه.
a11y-status-none = هذا الموقع غير متوافق مع { $standard }. المشكلات التي نعرفها مذكورة أدناه.
a11y-limitations-heading = محتوى لا يمكن الوصول إليه
a11y-limitations-none = لا نعلم بوجود أي محتوى في هذا الموقع لا يمكن الوصول إليه.
a11y-feedback-heading = الإبلاغ عن مشكلة
a11y-feedback-text = إذا كان هناك شيء في هذا الموقع لا يعمل معك، أو كنت بحاجة إلى المعلومات بصيغة أخرى، فتواصل معنا وسنساعدك.
a11y-contact-email = البريد الإلكتروني
a11y-contact-phone = الهاتف
a11y-contact-web = عبر الإنترنت
a11y-contact-form = استخدم نموذجنا الإلكتروني
a11y-enforcement-heading = إجراءات الإنفاذ
a11y-enforcement-text = تتولى { $body } الإشراف على متطلبات إمكانية الوصول. إذا لم تكن راضيًا عن طريقة تعاملنا مع بلاغك، يمكنك تقديم شكوى إلى { $body }.
a11y-enforcement-link = تقديم شكوى إلى { $body }
a11y-preparation-heading = عن هذا البيان
a11y-prepared = أُعدّ هذا البيان في { $date }.
a11y-method-self-assessment = قامت { $organisation } بتقييم الموقع بنفسها.
a11y-method-third-party = قامت جهة مستقلة بتقييم الموقع.
a11y-reviewed = وروجع آخر مرة في { $date }.
a11y-missing = لا يوجد لهذا الموقع بيان لإمكانية الوصول بعد.

## Email. $site: the website's name; $organisation: the organisation's name; $title: a document's
## title; $count, $hours: numbers; $language: a language's name; $languages: a list of language
## names; $address: an e-mail address.
mail-urgent = عاجل
mail-crisis-subject = عاجل: { $title }
mail-crisis-intro = ترسل { $organisation } رسالة الطوارئ هذه إلى جميع المشتركين في أخبارها عبر البريد الإلكتروني، بغض النظر عن المواضيع التي اختاروها وعدد مرات استلام الرسائل.
mail-instruction = ما الذي عليك فعله
mail-crisis-web = يتم تحديث الرسالة على الموقع الإلكتروني كلما تغيّر الوضع:
mail-other-languages = هذه الرسالة بلغات أخرى:
mail-digest-subject = { $count ->
    [zero] { $site }: لا توجد مستندات جديدة
    [one] { $site }: مستند جديد واحد
    [two] { $site }: مستندان جديدان
    [few] { $site }: { $count } مستندات جديدة
    [many] { $site }: { $count } مستندًا جديدًا
   *[other] { $site }: { $count } مستند جديد
}
mail-digest-heading-immediate = جديد { $organisation }
mail-digest-heading-daily = الملخص اليومي من { $organisation }
mail-digest-heading-weekly = الملخص الأسبوعي من { $organisation }
mail-digest-intro = { $count ->
    [zero] لا توجد مستندات جديدة في اشتراكك.
    [one] يوجد مستند جديد واحد في اشتراكك.
    [two] يوجد مستندان جديدان في اشتراكك.
    [few] توجد { $count } مستندات جديدة في اشتراكك.
    [many] يوجد { $count } مستندًا جديدًا في اشتراكك.
   *[other] يوجد { $count } مستند جديد في اشتراكك.
}
mail-read-on-web = اقرأه على الموقع الإلكتروني:
mail-not-available = غير متوفر باللغة: { $language }. متوفر باللغات: { $languages }.
mail-list-separator = {"، "}
mail-footer-reason = تصلك هذه الرسالة لأنك مشترك في أخبار { $organisation } عبر البريد الإلكتروني.
mail-footer-frequency-immediate = تصلك رسالة فور نشر أي جديد.
mail-footer-frequency-daily = يصلك ملخص واحد في اليوم على الأكثر.
mail-footer-frequency-weekly = يصلك ملخص واحد في الأسبوع.
mail-footer-crisis = تُرسل رسائل الطوارئ فورًا إلى جميع المشتركين.
mail-preferences = غيّر المواضيع أو اللغة أو عدد مرات استلام الرسائل
mail-unsubscribe = إلغاء الاشتراك
mail-confirm-subject = أكّد اشتراكك: { $site }
mail-confirm-heading = أكّد اشتراكك
mail-confirm-intro = طلب شخص ما، ربما أنت، استلام أخبار { $organisation } عبر البريد الإلكتروني على العنوان { $address }.
mail-confirm-action = تأكيد اشتراكي
mail-confirm-expires = { $hours ->
    [zero] يعمل الرابط لمدة { $hours } ساعة.
    [one] يعمل الرابط لمدة ساعة واحدة.
    [two] يعمل الرابط لمدة ساعتين.
    [few] يعمل الرابط لمدة { $hours } ساعات.
    [many] يعمل الرابط لمدة { $hours } ساعة.
   *[other] يعمل الرابط لمدة { $hours } ساعة.
}
mail-confirm-copy = إذا لم يعمل الرابط، فانسخ هذا العنوان والصقه في متصفحك:
mail-confirm-ignore = إذا لم تكن أنت من طلب ذلك، فتجاهل هذه الرسالة. لن يتم تسجيل اشتراكك، ولن نراسلك مرة أخرى.

## الاشتراك عبر البريد الإلكتروني: صفحة الاشتراك في الموقع وصفحات خدمة الاشتراك.
## $organisation: اسم الجهة؛ $site: اسم الموقع؛ $address: عنوان بريد إلكتروني.
sub-footer-link = الاشتراك في رسائل البريد الإلكتروني
sub-title = الاشتراك في رسائل البريد الإلكتروني
sub-intro = احصل على أخبار { $organisation } عبر البريد الإلكتروني بلغتك. كل ما نحتاجه هو عنوان بريدك الإلكتروني.
sub-address = عنوان البريد الإلكتروني
sub-address-hint = سنرسل إليك رابطًا لتأكيد الاشتراك. لن يبدأ اشتراكك إلا بعد التأكيد.
sub-language = لغة الرسائل
sub-topics = المواضيع
sub-topics-hint = اختر ما تريد أن تعرف عنه. إذا لم تختر شيئًا فستصلك كل الأخبار.
sub-topics-school = المدارس
sub-topics-preschool = رياض الأطفال
sub-topics-unit = الوحدات
sub-topics-committee = اللجان
sub-topics-subject = المجالات
sub-frequency = عدد مرات الإرسال
sub-frequency-immediate = فور نشر أي جديد
sub-frequency-daily = ملخص واحد في اليوم
sub-frequency-weekly = ملخص واحد في الأسبوع
sub-crisis-note = تُرسل رسائل الأزمات دائمًا فورًا، مهما كان اختيارك هنا.
sub-honeypot = اترك هذا الحقل فارغًا
sub-privacy = نحفظ عنوان بريدك الإلكتروني واختياراتك ووقت موافقتك فقط، ولا شيء غير ذلك. في كل رسالة نرسلها روابط لتغيير اشتراكك أو إلغائه.
sub-submit = اشترك
sub-manage-heading = هل أنت مشترك بالفعل؟
sub-manage-text = اكتب عنوان بريدك الإلكتروني وسنرسل إليك رابطًا لتغيير اشتراكك أو إلغائه.
sub-manage-submit = أرسل لي رابطًا
sub-manage-link = غيّر اشتراكك أو ألغِه
sub-sent-title = تحقّق من بريدك الإلكتروني
sub-sent-text = إذا كان العنوان يستقبل الرسائل فقد أرسلنا إليه رسالة. افتح الرابط الموجود في الرسالة لتأكيد اشتراكك أو تغييره.
sub-sent-spam = لم تصلك رسالة بعد بضع دقائق؟ ابحث في مجلد الرسائل غير المرغوب فيها، أو حاول مرة أخرى لاحقًا.
sub-confirm-title = أكّد اشتراكك
sub-confirm-text = اضغط على الزر لتبدأ بتلقي أخبار { $organisation } عبر البريد الإلكتروني.
sub-confirm-submit = تأكيد اشتراكي
sub-confirmed-title = تم تأكيد اشتراكك
sub-confirmed-text = شكرًا لك. ستصلك أخبار { $organisation } عبر البريد الإلكتروني كما اخترت.
sub-confirmed-preferences = غيّر المواضيع أو اللغة أو عدد مرات استلام الرسائل
sub-saved-title = تم حفظ اختياراتك
sub-saved-text = من الآن فصاعدًا ستصلك الرسائل كما اخترت.
sub-preferences-title = اشتراكك
sub-preferences-intro = تُرسل الرسائل إلى { $address }. غيّر ما تريد ثم اضغط على «حفظ».
sub-preferences-submit = حفظ
sub-preferences-unsubscribe = أوقف كل رسائلنا إليك
sub-preferences-unsubscribed = لقد ألغيت اشتراكك، لذلك لا نرسل إليك شيئًا. إذا أردت تلقي الرسائل مرة أخرى فاشترك من جديد.
sub-unsubscribe-title = إلغاء الاشتراك
sub-unsubscribe-text = اضغط على الزر لإيقاف كل رسائل { $organisation } إلى { $address }.
sub-unsubscribe-submit = إلغاء الاشتراك
sub-unsubscribe-instead = غيّر ما يصلك بدلًا من ذلك
sub-unsubscribed-title = تم إلغاء اشتراكك
sub-unsubscribed-text = لن تصلك رسائل أخرى من { $organisation }. إذا غيّرت رأيك يمكنك الاشتراك مرة أخرى.
sub-data-title = بياناتك
sub-data-download = نزّل كل ما نحفظه عنك (JSON)
sub-data-erase = امحُ كل ما نحفظه عنك
sub-erase-title = محو بياناتك
sub-erase-text = سيؤدي هذا إلى حذف كل ما تحفظه { $organisation } عن { $address }: الاشتراك واختياراتك وسجل ما أُرسل إليك. لا يمكن التراجع عن ذلك.
sub-erase-submit = امحُ بياناتي
sub-erase-instead = أبقِ اشتراكي
sub-erased-title = تم محو بياناتك
sub-erased-text = لم تعد { $organisation } تحفظ أي شيء عنك، سوى صيغة غير مقروءة (تجزئة) لعنوانك، حتى لا يستطيع أحد أن يشركك مرة أخرى دون موافقتك.
sub-link-invalid-title = هذا الرابط لم يعد يعمل
sub-link-invalid-text = انتهت صلاحية الرابط، أو استُخدم من قبل، أو أنه غير مكتمل. رابط تأكيد الاشتراك يعمل مرة واحدة فقط ولمدة محدودة.
sub-link-invalid-action = للحصول على رابط جديد، املأ استمارة الاشتراك مرة أخرى.
sub-link-broken-text = الرابط غير مكتمل، أو أن الاشتراك الذي يخصه لم يعد موجودًا. انسخ الرابط كاملًا من الرسالة، أو اطلب رابطًا جديدًا.
sub-link-new = اشترك أو احصل على رابط جديد
sub-back = العودة إلى { $site }
sub-error-prefix = خطأ:
sub-error-summary = هناك مشكلة
sub-error-title = حدث خطأ
sub-error-address = اكتب عنوان بريدك الإلكتروني كاملًا، مثل name@example.com
sub-error-choice = اختر اللغة والمواضيع وعدد مرات الإرسال من الخيارات الموجودة في الاستمارة
sub-error-form = تعذّرت قراءة الاستمارة. املأها مرة أخرى على موقعنا.
sub-error-too-large = احتوت الاستمارة على نص أكثر من اللازم. املأها مرة أخرى على موقعنا.
sub-error-too-many = أُرسل عدد كبير جدًا من الاستمارات من شبكتك خلال وقت قصير. انتظر دقيقة ثم حاول مرة أخرى.
sub-error-origin = أُرسلت الاستمارة من موقع آخر. املأها على موقعنا بدلًا من ذلك.
sub-error-unavailable = الخدمة لا تعمل الآن. حاول مرة أخرى بعد بضع دقائق.
mail-manage-subject = اشتراكك: { $site }
mail-manage-heading = غيّر اشتراكك أو ألغِه
mail-manage-intro = طلب شخص ما، ربما أنت، رابطًا لتغيير الاشتراك في أخبار { $organisation } للعنوان { $address } أو إلغائه.
mail-manage-action = تغيير اشتراكي
mail-manage-ignore = إذا لم تكن أنت من طلب ذلك، فتجاهل هذه الرسالة. لم يتغير شيء.

## Redirect pages
redirect-moved = انتقلت هذه الصفحة إلى عنوان جديد:

## Search
search-title = البحث
search-label = ابحث في الموقع
search-submit = ابحث
search-kind = نوع الوثيقة
search-kind-any = كل الأنواع
search-topic = الموضوع أو اللجنة
search-topic-any = كل المواضيع
search-without-script = يحتاج البحث إلى JavaScript، ومتصفحك لا يشغّله لهذا الموقع. تجد كل الوثائق في القوائم، حسب الموضوع أو اللجنة، وفي الأرشيف حسب السنة:
search-feeds = أو تابع كل جديد في موجز:
search-results = النتائج
search-count = عدد النتائج: { $count }
search-none = لم يُعثر على شيء. جرّب كلمات أخرى أو أقل، أو مرشّحًا آخر.
search-searching = جارٍ البحث…
search-failed = تعذّر تحميل البحث. حاول مرة أخرى لاحقًا، أو استخدم القوائم.

## A press release's photo
image-credit = تصوير: { $credit }
image-licence = الترخيص: { $licence }
image-download = تنزيل الصورة الأصلية ({ $format }، { $width } × { $height } بكسل، { $size })
