# anslag UI strings: English. Every locale file has the same keys; a missing key falls back to
# the site's default language, then to English. Variables: $name style, see each comment.

## Page chrome
skip-link = Skip to main content
nav-label = Main menu
nav-home = Home
nav-press = Press releases
nav-minutes = Minutes
nav-notices = Notices
nav-notice-board = Official notice board
nav-archive = Archive
nav-topics = Topics
language-switcher-label = Language
language-switcher-current = { $language } (current language)
breadcrumb-label = You are here
footer-label = About this website
footer-contact = Contact
footer-feeds = News feeds
footer-made-with = Published with anslag
footer-accessibility = Accessibility statement
choose-language = Choose your language
home-latest = Latest { $section }
home-all = All { $section }

## Kinds of documents (plural names are the nav names above)
kind-press = Press release
kind-minutes = Minutes
kind-notices = Notice

## Crisis banner. $title: the notice's title.
crisis-label = Crisis message
crisis-read = Read the crisis message: { $title }
crisis-read-in = The message is available in:
# CAP alerts: who an alert is for when neither the notice nor site.yaml says.
alert-audience = Everyone in the area

## Document pages. $date: a formatted date.
published = Published { $date }
updated = Updated { $date }
expires = Valid until { $date }
urgency-normal = Information
urgency-important = Important
urgency-crisis = Crisis
draft = Draft, not published
embargoed = Embargoed until { $date }
withdrawn-notice = Withdrawn on { $date }. Reason: { $reason }
withdrawn-title = Withdrawn: { $title }
withdrawn-original = The original text remains below for reference.
not-available = Not available in { $language }.
read-in = Read it in:
translations = This page in other languages
translation-stale = This translation may be out of date. The original ({ $language }) was changed on { $date }.
translation-stale-read = Read the original
topics = Topics
press-contacts = Press contacts
press-about = About { $organisation }

## Minutes. $committee: a committee's name; $count: a number.
minutes-meeting = Meeting
minutes-committee = Committee
minutes-time = Time
minutes-place = Place
minutes-attendees = Attendees
minutes-absent = absent
minutes-approved = Approved { $date }
minutes-agenda = Agenda
minutes-item-count = { $count ->
    [one] One item
   *[other] { $count } items
}
item-case = Case number
item-closed = Closed item
item-closed-note = This item was dealt with behind closed doors. Its content is not published.
attachments = { $count ->
    [one] Attachment
   *[other] Attachments
}
attachment-size-kb = { $size } kB
attachment-size-mb = { $size } MB

## Notice board. $date: a formatted date.
notice-board-intro = Approved minutes are announced here. Anyone who wants to appeal a decision must do so before the appeal period ends.
notice-board-empty = There is nothing on the notice board right now.
notice-board-posted = Posted { $date }
notice-board-appeal-until = Appeal period ends { $date }
notice-board-kept-at = The minutes are kept at: { $place }
notice-board-entry = Minutes of { $committee }, meeting of { $date }

## Lists. $count: a number; $page, $total: page numbers; $year: a year.
list-count = { $count ->
    [0] Nothing published yet.
    [one] One document
   *[other] { $count } documents
}
pagination-label = Pages
pagination-previous = Previous page
pagination-next = Next page
pagination-page = Page { $page } of { $total }
archive-title = Archive
archive-year = Published in { $year }
topic-title = { $topic }
committee-title = { $committee }
committee-minutes = Minutes of this committee
all-topics = All topics

## Error page
not-found-title = Page not found
not-found-text = The page you asked for does not exist. It may have been moved or removed.
not-found-home = Go to the home page

## Accessibility statement. $organisation: the organisation's name; $site: the website's address;
## $law, $standard, $body: the names of a law, a standard and an authority; $date: a formatted date.
a11y-title = Accessibility statement
a11y-intro = { $organisation } wants as many people as possible to be able to use this website. This statement describes how { $site } meets the accessibility requirements, what we know does not work and how to tell us about problems.
a11y-law = The requirements come from { $law }.
a11y-status-heading = Compliance status
a11y-status-full = This website fully complies with { $standard }.
a11y-status-partial = This website partially complies with { $standard }, because of the problems listed below.
a11y-status-none = This website does not comply with { $standard }. The problems we know of are listed below.
a11y-limitations-heading = Content that is not accessible
a11y-limitations-none = We know of no content on this website that is not accessible.
a11y-feedback-heading = Report a problem
a11y-feedback-text = If something on this website does not work for you, or you need information in another format, contact us and we will help you.
a11y-contact-email = E-mail
a11y-contact-phone = Phone
a11y-contact-web = Online
a11y-contact-form = Use our online form
a11y-enforcement-heading = Enforcement procedure
a11y-enforcement-text = The accessibility requirements are supervised by { $body }. If you are not satisfied with how we handled your report, you can report it to them.
a11y-enforcement-link = Report to { $body }
a11y-preparation-heading = About this statement
a11y-prepared = This statement was prepared on { $date }.
a11y-method-self-assessment = { $organisation } assessed the website itself.
a11y-method-third-party = An independent third party assessed the website.
a11y-reviewed = It was last reviewed on { $date }.
a11y-missing = This website does not have an accessibility statement yet.

## Email. $site: the website's name; $organisation: the organisation's name; $title: a document's
## title; $count, $hours: numbers; $language: a language's name; $languages: a list of language
## names; $address: an e-mail address.
mail-urgent = URGENT
mail-crisis-subject = URGENT: { $title }
mail-crisis-intro = { $organisation } sends this crisis message to everyone who subscribes to its news by email, whatever topics and frequency they chose.
mail-instruction = What you need to do
mail-crisis-web = The message on the website is updated as the situation changes:
mail-other-languages = This message in other languages:
mail-digest-subject = { $count ->
    [one] { $site }: one new document
   *[other] { $site }: { $count } new documents
}
mail-digest-heading-immediate = New from { $organisation }
mail-digest-heading-daily = Daily summary from { $organisation }
mail-digest-heading-weekly = Weekly summary from { $organisation }
mail-digest-intro = { $count ->
    [one] There is one new document for your subscription.
   *[other] There are { $count } new documents for your subscription.
}
mail-read-on-web = Read it on the website:
mail-not-available = Not available in { $language }. Available in: { $languages }.
mail-list-separator = {", "}
mail-footer-reason = You get this email because you subscribed to news from { $organisation }.
mail-footer-frequency-immediate = You get an email as soon as something new is published.
mail-footer-frequency-daily = You get at most one summary a day.
mail-footer-frequency-weekly = You get one summary a week.
mail-footer-crisis = Crisis messages go to every subscriber at once.
mail-preferences = Change your topics, language or how often you get email
mail-unsubscribe = Unsubscribe
mail-confirm-subject = Confirm your subscription: { $site }
mail-confirm-heading = Confirm your subscription
mail-confirm-intro = Someone, probably you, asked to receive news from { $organisation } by email at { $address }.
mail-confirm-action = Confirm my subscription
mail-confirm-expires = { $hours ->
    [one] The link works for one hour.
   *[other] The link works for { $hours } hours.
}
mail-confirm-copy = If the link does not work, copy this address into your web browser:
mail-confirm-ignore = If it was not you, ignore this email. You will not be subscribed, and we will not write to you again.

## Subscribing by email: the site's subscribe page and the pages of the subscription service.
## $organisation: the organisation's name; $site: the website's name; $address: an e-mail address.
sub-footer-link = Subscribe by email
sub-title = Subscribe by email
sub-intro = Get news from { $organisation } by email, in your language. All we need is your email address.
sub-address = Email address
sub-address-hint = We will send you a link to confirm. You are not subscribed until you confirm.
sub-language = Language of the emails
sub-topics = Topics
sub-topics-hint = Choose what you want to hear about. If you choose nothing, you get everything.
sub-topics-school = Schools
sub-topics-preschool = Preschools
sub-topics-unit = Services
sub-topics-committee = Committees
sub-topics-subject = Subjects
sub-frequency = How often
sub-frequency-immediate = As soon as something is published
sub-frequency-daily = One summary a day
sub-frequency-weekly = One summary a week
sub-crisis-note = Crisis messages are always sent at once, whatever you choose here.
sub-honeypot = Leave this field empty
sub-privacy = We store your email address, your choices and when you agreed, nothing else. Every email we send has links to change or end your subscription.
sub-submit = Subscribe
sub-manage-heading = Already subscribed?
sub-manage-text = Enter your email address and we will send you a link to change or end your subscription.
sub-manage-submit = Send me a link
sub-manage-link = Change or end your subscription
sub-sent-title = Check your email
sub-sent-text = If the address can receive email, we have sent a message to it. Open the link in the message to confirm or change your subscription.
sub-sent-spam = No email after a few minutes? Look in your spam folder, or try again later.
sub-confirm-title = Confirm your subscription
sub-confirm-text = Press the button to start receiving news from { $organisation } by email.
sub-confirm-submit = Confirm my subscription
sub-confirmed-title = Your subscription is confirmed
sub-confirmed-text = Thank you. You will get news from { $organisation } by email as you chose.
sub-confirmed-preferences = Change your topics, language or how often you get email
sub-saved-title = Your choices are saved
sub-saved-text = From now on you get email as you chose.
sub-preferences-title = Your subscription
sub-preferences-intro = Emails go to { $address }. Change what you get and press Save.
sub-preferences-submit = Save
sub-preferences-unsubscribe = Stop all email from us
sub-preferences-unsubscribed = You have unsubscribed, so we send you nothing. To get email again, subscribe again.
sub-unsubscribe-title = Unsubscribe
sub-unsubscribe-text = Press the button to stop all email from { $organisation } to { $address }.
sub-unsubscribe-submit = Unsubscribe
sub-unsubscribe-instead = Change what you get instead
sub-unsubscribed-title = You are unsubscribed
sub-unsubscribed-text = You will get no more email from { $organisation }. If you change your mind, you can subscribe again.
sub-data-title = Your data
sub-data-download = Download everything we store about you (JSON)
sub-data-erase = Erase everything we store about you
sub-erase-title = Erase your data
sub-erase-text = This deletes everything { $organisation } stores about { $address }: the subscription, your choices and the record of what was sent to you. It cannot be undone.
sub-erase-submit = Erase my data
sub-erase-instead = Keep my subscription
sub-erased-title = Your data is erased
sub-erased-text = { $organisation } no longer stores anything about you, only a scrambled form (hash) of your address, so that nobody can subscribe you again without your consent.
sub-link-invalid-title = This link no longer works
sub-link-invalid-text = The link has expired, has already been used, or is not complete. A link to confirm a subscription works only once and only for a limited time.
sub-link-invalid-action = To get a new link, fill in the subscribe form again.
sub-link-broken-text = The link is not complete, or the subscription it belongs to no longer exists. Copy the whole link from the email, or ask for a new link.
sub-link-new = Subscribe or get a new link
sub-back = Back to { $site }
sub-error-prefix = Error:
sub-error-summary = There is a problem
sub-error-title = Something went wrong
sub-error-address = Enter your whole email address, like name@example.com
sub-error-choice = Choose a language, topics and how often from the choices on the form
sub-error-form = The form could not be read. Fill it in again on our website.
sub-error-too-large = The form sent too much text. Fill it in again on our website.
sub-error-too-many = Too many forms have been sent from your network in a short time. Wait a minute and try again.
sub-error-origin = The form was sent from another website. Fill it in on our website instead.
sub-error-unavailable = The service is not working right now. Please try again in a few minutes.
mail-manage-subject = Your subscription: { $site }
mail-manage-heading = Change or end your subscription
mail-manage-intro = Someone, probably you, asked for a link to change or end the subscription to news from { $organisation } for { $address }.
mail-manage-action = Change my subscription
mail-manage-ignore = If it was not you, ignore this email. Nothing has been changed.

## Redirect pages: an old address of a page that moved (the link to the page follows)
redirect-moved = This page has moved to a new address:

## Search page and the search form in the header. $count: a number.
search-title = Search
search-label = Search the site
search-submit = Search
search-kind = Kind of document
search-kind-any = All kinds
search-topic = Topic or committee
search-topic-any = All topics
search-without-script = Search needs JavaScript, which your browser does not run for this site. You can find every document in the lists, by topic or committee, and in the archive by year:
search-feeds = Or follow everything new in a feed:
search-results = Results
search-count = Results found: { $count }
search-none = Nothing found. Try other or fewer words, or another filter.
search-searching = Searching…
search-failed = The search could not be loaded. Try again later, or use the lists.

## A press release's photo
image-credit = Photo: { $credit }
image-licence = Licence: { $licence }
image-download = Download the original ({ $format }, { $width } × { $height } pixels, { $size })
