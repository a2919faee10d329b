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

## Document pages. $date: a formatted date.
published = نُشر في { $date }
updated = حُدّث في { $date }
expires = صالح حتى { $date }
urgency-normal = معلومات
urgency-important = مهم
urgency-crisis = طوارئ
draft = مسودة، غير منشورة
embargoed = يُحظر نشره قبل { $date }
not-available = غير متوفر باللغة: { $language }.
read-in = اقرأ بلغة:
translations = هذه الصفحة بلغات أخرى
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
