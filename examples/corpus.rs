//! A synthetic site for benchmarks: `N` Markdown files of press releases, minutes and notices in
//! 10 languages with 50 topics, written as an anslag site and, with `--hugo` and `--zola`, as the
//! same corpus for Hugo and Zola (content files and minimal templates that make the same pages:
//! one per document and language, a paginated list per section, a page per topic, the home page,
//! feeds, a sitemap).
//!
//! ```sh
//! cargo run --release --example corpus -- --docs 10000 --out /dev/shm/corpus [--hugo /dev/shm/corpus-hugo] [--zola /dev/shm/corpus-zola] [--seed 1] [--plain]
//! ```
//!
//! `--plain` writes the kind of corpus Hugo and Zola are usually benchmarked on instead: one
//! language (English), press releases and notices only, front matter of title, date and summary,
//! bodies of headings, paragraphs, lists and a few links; no minutes, topics or translations.
//!
//! `N` counts files: a document in three languages is three files, and three pages in each
//! tool. About half the documents are in Swedish only, a quarter also in English, the rest in
//! several languages, a tenth in all ten. Bodies run 300 to 1 500 words of headings,
//! paragraphs, lists, tables and links (to other documents and to other sites); minutes have
//! `§ N` agenda items with case numbers and decisions, and one closed item. All text is made
//! from word lists: nobody and nothing in it is real. The same seed gives the same bytes.
//! Build the anslag site with `--now 2026-11-22T12:00:00+01:00` (every document is dated
//! before that, and one crisis notice is in force then).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Every date of the corpus lies between these days (days since 2022-01-01).
const FIRST_YEAR: i32 = 2022;
const SPAN_DAYS: u32 = 1784; // up to 2026-11-20

fn main() {
    let args = match Args::parse(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: {e}\n\n{USAGE}");
            std::process::exit(2);
        }
    };
    let corpus = if args.plain {
        Corpus::plan_plain(args.docs, args.seed)
    } else {
        Corpus::plan(args.docs, args.seed)
    };
    let result = write_anslag(&corpus, &args.out).and_then(|files| {
        println!(
            "Wrote {files} files ({} documents) into {}",
            corpus.docs.len(),
            args.out.display()
        );
        if let Some(dir) = &args.hugo {
            let n = write_hugo(&corpus, dir)?;
            println!(
                "Wrote the same corpus for Hugo ({n} files) into {}",
                dir.display()
            );
        }
        if let Some(dir) = &args.zola {
            let n = write_zola(&corpus, dir)?;
            println!(
                "Wrote the same corpus for Zola ({n} files) into {}",
                dir.display()
            );
        }
        Ok(())
    });
    if let Err(e) = result {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

const USAGE: &str =
    "usage: corpus --docs N --out DIR [--hugo DIR] [--zola DIR] [--seed S] [--plain]
  --docs N    number of Markdown files (translations count one each)
  --out DIR   where to write the anslag site (site.yaml, content/); emptied first
  --hugo DIR  also write the same corpus as a Hugo site; emptied first
  --zola DIR  also write the same corpus as a Zola site; emptied first
  --seed S    seed of the generator (default 1): the same seed gives the same files
  --plain     one language, press releases and notices only, no topics or translations";

struct Args {
    docs: usize,
    out: PathBuf,
    hugo: Option<PathBuf>,
    zola: Option<PathBuf>,
    seed: u64,
    plain: bool,
}

impl Args {
    fn parse(mut it: impl Iterator<Item = String>) -> Result<Args, String> {
        let (mut docs, mut out, mut hugo, mut zola, mut seed) = (None, None, None, None, 1);
        let mut plain = false;
        while let Some(a) = it.next() {
            let mut value = || it.next().ok_or(format!("{a} needs a value"));
            match a.as_str() {
                "--docs" => docs = Some(value()?.parse().map_err(|e| format!("--docs: {e}"))?),
                "--out" => out = Some(PathBuf::from(value()?)),
                "--hugo" => hugo = Some(PathBuf::from(value()?)),
                "--zola" => zola = Some(PathBuf::from(value()?)),
                "--plain" => plain = true,
                "--seed" => seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
                "-h" | "--help" => {
                    println!("{USAGE}");
                    std::process::exit(0);
                }
                _ => return Err(format!("unknown argument `{a}`")),
            }
        }
        Ok(Args {
            docs: docs.ok_or("--docs is required")?,
            out: out.ok_or("--out is required")?,
            hugo,
            zola,
            seed,
            plain,
        })
    }
}

/// SplitMix64: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5DEE_CE66_D1CE_5EED)
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

/// A language of the corpus: its words, and the few fixed phrases documents need.
struct Lang {
    code: &'static str,
    name: &'static str,
    rtl: bool,
    words: &'static [&'static str],
    background: &'static str,
    decision: &'static str,
    contact: &'static str,
    meeting_place: &'static str,
    agreed: &'static str,
}

#[rustfmt::skip]
const LANGS: [Lang; 10] = [
    Lang {
        code: "sv",
        name: "Svenska",
        rtl: false,
        words: &[
            "kommunen", "skolan", "förskolan", "nämnden", "eleverna", "vårdnadshavare", "beslut",
            "budget", "läsåret", "lokaler", "skolskjuts", "måltider", "personal", "hösten", "våren",
            "planen", "arbetet", "uppföljning", "förslag", "verksamheten", "barnen", "kvarteret",
            "biblioteket", "idrottshallen", "fritidshemmet", "rektorn", "samverkan", "trafiken",
            "vägen", "tider", "anmälan", "information", "ändring", "utredning", "kostnader",
            "mellan", "under", "efter", "inför", "genom", "samt", "också", "nya", "gemensamma",
            "tillfälliga", "viktiga", "större", "flera", "alla", "varje", "ska", "kan", "får",
            "behöver", "ordnar", "erbjuder", "öppnar", "stänger", "förbättrar", "granskar",
            "beslutar", "och", "för", "med", "till", "på", "i", "om",
        ],
        background: "Ärendebeskrivning",
        decision: "Beslut",
        contact: "Kontakt",
        meeting_place: "Sammanträdesrum",
        agreed: "Nämnden beslutar enligt förslaget.",
    },
    Lang {
        code: "en",
        name: "English",
        rtl: false,
        words: &[
            "municipality", "school", "preschool", "committee", "pupils", "guardians", "decision",
            "budget", "term", "premises", "transport", "meals", "staff", "autumn", "spring", "plan",
            "work", "review", "proposal", "service", "children", "district", "library", "sports",
            "hall", "centre", "head", "teacher", "cooperation", "traffic", "road", "hours",
            "registration", "information", "change", "inquiry", "costs", "between", "during",
            "after", "before", "through", "also", "new", "joint", "temporary", "important",
            "larger", "several", "all", "every", "will", "can", "may", "needs", "arranges",
            "offers", "opens", "closes", "improves", "reviews", "decides", "and", "for", "with",
            "to", "on", "in", "about", "the", "the", "a",
        ],
        background: "Background",
        decision: "Decision",
        contact: "Contact",
        meeting_place: "Meeting room",
        agreed: "The committee adopts the proposal.",
    },
    Lang {
        code: "da",
        name: "Dansk",
        rtl: false,
        words: &[
            "kommunen", "skolen", "børnehaven", "udvalget", "eleverne", "forældre", "beslutning",
            "budget", "skoleåret", "lokaler", "skolebus", "måltider", "personale", "efteråret",
            "foråret", "planen", "arbejdet", "opfølgning", "forslag", "området", "børnene",
            "kvarteret", "biblioteket", "hallen", "klubben", "skolelederen", "samarbejde",
            "trafikken", "vejen", "tider", "tilmelding", "oplysninger", "ændring", "undersøgelse",
            "udgifter", "mellem", "under", "efter", "før", "gennem", "samt", "også", "nye",
            "fælles", "midlertidige", "vigtige", "større", "flere", "alle", "hver", "skal", "kan",
            "får", "behøver", "ordner", "tilbyder", "åbner", "lukker", "forbedrer", "og", "for",
            "med", "til", "på", "i", "om",
        ],
        background: "Sagsfremstilling",
        decision: "Beslutning",
        contact: "Kontakt",
        meeting_place: "Mødelokale",
        agreed: "Indstillingen godkendt.",
    },
    Lang {
        code: "nb",
        name: "Norsk bokmål",
        rtl: false,
        words: &[
            "kommunen", "skolen", "barnehagen", "utvalget", "elevene", "foresatte", "vedtak",
            "budsjett", "skoleåret", "lokaler", "skoleskyss", "måltider", "ansatte", "høsten",
            "våren", "planen", "arbeidet", "oppfølging", "forslag", "tjenesten", "barna",
            "nabolaget", "biblioteket", "idrettshallen", "fritidsordningen", "rektor", "samarbeid",
            "trafikken", "veien", "tider", "påmelding", "informasjon", "endring", "utredning",
            "kostnader", "mellom", "under", "etter", "før", "gjennom", "samt", "også", "nye",
            "felles", "midlertidige", "viktige", "større", "flere", "alle", "hver", "skal", "kan",
            "får", "trenger", "ordner", "tilbyr", "åpner", "stenger", "bedrer", "og", "for", "med",
            "til", "på", "i", "om",
        ],
        background: "Saksutredning",
        decision: "Vedtak",
        contact: "Kontakt",
        meeting_place: "Møterom",
        agreed: "Utvalget vedtar forslaget.",
    },
    Lang {
        code: "fi",
        name: "Suomi",
        rtl: false,
        words: &[
            "kunta", "koulu", "päiväkoti", "lautakunta", "oppilaat", "huoltajat", "päätös",
            "talousarvio", "lukuvuosi", "tilat", "koulukuljetus", "ateriat", "henkilöstö",
            "syksyllä", "keväällä", "suunnitelma", "työ", "seuranta", "ehdotus", "palvelu",
            "lapset", "alue", "kirjasto", "liikuntahalli", "iltapäivätoiminta", "rehtori",
            "yhteistyö", "liikenne", "tie", "ajat", "ilmoittautuminen", "tiedote", "muutos",
            "selvitys", "kustannukset", "välillä", "aikana", "jälkeen", "ennen", "kautta", "sekä",
            "myös", "uusi", "yhteinen", "tilapäinen", "tärkeä", "suurempi", "useat", "kaikki",
            "jokainen", "avaa", "sulkee", "parantaa", "tarjoaa", "järjestää", "tarvitsee", "ja",
            "että", "kanssa", "on", "ovat",
        ],
        background: "Asian kuvaus",
        decision: "Päätös",
        contact: "Yhteystiedot",
        meeting_place: "Kokoushuone",
        agreed: "Lautakunta hyväksyy ehdotuksen.",
    },
    Lang {
        code: "de",
        name: "Deutsch",
        rtl: false,
        words: &[
            "Gemeinde", "Schule", "Vorschule", "Ausschuss", "Schüler", "Eltern", "Beschluss",
            "Haushalt", "Schuljahr", "Räume", "Schulbus", "Mahlzeiten", "Personal", "Herbst",
            "Frühjahr", "Plan", "Arbeit", "Nachverfolgung", "Vorschlag", "Angebot", "Kinder",
            "Viertel", "Bibliothek", "Sporthalle", "Hort", "Schulleitung", "Zusammenarbeit",
            "Verkehr", "Straße", "Zeiten", "Anmeldung", "Information", "Änderung", "Prüfung",
            "Kosten", "zwischen", "während", "nach", "vor", "durch", "sowie", "auch", "neue",
            "gemeinsame", "vorübergehende", "wichtige", "größere", "mehrere", "alle", "jede",
            "wird", "kann", "darf", "braucht", "regelt", "bietet", "öffnet", "schließt",
            "verbessert", "prüft", "beschließt", "und", "für", "mit", "zu", "auf", "in", "über",
            "die", "der", "das",
        ],
        background: "Sachverhalt",
        decision: "Beschluss",
        contact: "Kontakt",
        meeting_place: "Sitzungssaal",
        agreed: "Der Ausschuss beschließt den Vorschlag.",
    },
    Lang {
        code: "pl",
        name: "Polski",
        rtl: false,
        words: &[
            "gmina", "szkoła", "przedszkole", "komisja", "uczniowie", "opiekunowie", "decyzja",
            "budżet", "rok", "szkolny", "budynki", "dowóz", "posiłki", "personel", "jesienią",
            "wiosną", "plan", "praca", "kontrola", "wniosek", "usługa", "dzieci", "dzielnica",
            "biblioteka", "hala", "sportowa", "świetlica", "dyrektor", "współpraca", "ruch",
            "droga", "godziny", "zapisy", "informacja", "zmiana", "analiza", "koszty", "między",
            "podczas", "po", "przed", "przez", "oraz", "także", "nowe", "wspólne", "tymczasowe",
            "ważne", "większe", "kilka", "wszystkie", "każdy", "będzie", "może", "potrzebuje",
            "organizuje", "oferuje", "otwiera", "zamyka", "poprawia", "sprawdza", "i", "dla", "z",
            "do", "na", "w", "o",
        ],
        background: "Opis sprawy",
        decision: "Decyzja",
        contact: "Kontakt",
        meeting_place: "Sala posiedzeń",
        agreed: "Komisja przyjmuje wniosek.",
    },
    Lang {
        code: "uk",
        name: "Українська",
        rtl: false,
        words: &[
            "громада", "школа", "садочок", "комітет", "учні", "батьки", "рішення", "бюджет",
            "навчальний", "рік", "приміщення", "підвезення", "харчування", "працівники", "восени",
            "навесні", "план", "робота", "перевірка", "пропозиція", "послуга", "діти", "район",
            "бібліотека", "спортзал", "продовженка", "директор", "співпраця", "рух", "дорога",
            "години", "реєстрація", "інформація", "зміна", "дослідження", "витрати", "між", "під",
            "час", "після", "перед", "через", "також", "нові", "спільні", "тимчасові", "важливі",
            "більші", "кілька", "усі", "кожен", "буде", "може", "потребує", "організовує",
            "пропонує", "відкриває", "закриває", "покращує", "перевіряє", "і", "для", "з", "до",
            "на", "у", "про",
        ],
        background: "Опис справи",
        decision: "Рішення",
        contact: "Контакти",
        meeting_place: "Зала засідань",
        agreed: "Комітет ухвалює пропозицію.",
    },
    Lang {
        code: "so",
        name: "Soomaali",
        rtl: false,
        words: &[
            "degmada", "dugsiga", "xannaanada", "guddiga", "ardayda", "waalidiinta", "go'aan",
            "miisaaniyad", "sannad", "waxbarasho", "dhismayaal", "gaadiid", "cuntada", "shaqaalaha",
            "dayrta", "gu'ga", "qorshe", "shaqo", "dib", "u", "eegis", "soo", "jeedin", "adeeg",
            "carruurta", "xaafadda", "maktabadda", "hoolka", "ciyaaraha", "maamulaha", "iskaashi",
            "taraafikada", "waddada", "saacadaha", "diiwaangelin", "macluumaad", "isbeddel",
            "baaritaan", "kharashka", "inta", "kadib", "kahor", "iyo", "sidoo", "kale", "cusub",
            "wadajir", "ku", "meel", "gaar", "muhiim", "dhowr", "dhammaan", "kasta", "wuxuu",
            "kara", "u", "baahan", "furaa", "xiraa", "hagaajiyaa", "loogu", "la", "ee", "oo",
        ],
        background: "Sharaxaadda arrinta",
        decision: "Go'aanka",
        contact: "La xiriir",
        meeting_place: "Qolka shirka",
        agreed: "Guddigu wuxuu ansixiyay soo jeedinta.",
    },
    Lang {
        code: "ar",
        name: "العربية",
        rtl: true,
        words: &[
            "البلدية", "المدرسة", "الروضة", "اللجنة", "التلاميذ", "أولياء", "الأمور", "القرار",
            "الميزانية", "العام", "الدراسي", "المباني", "النقل", "المدرسي", "الوجبات", "الموظفون",
            "الخريف", "الربيع", "الخطة", "العمل", "المتابعة", "الاقتراح", "الخدمة", "الأطفال",
            "الحي", "المكتبة", "القاعة", "الرياضية", "النادي", "المدير", "التعاون", "المرور",
            "الطريق", "المواعيد", "التسجيل", "المعلومات", "التغيير", "الدراسة", "التكاليف", "بين",
            "خلال", "بعد", "قبل", "عبر", "كما", "أيضا", "جديدة", "مشتركة", "مؤقتة", "مهمة", "أكبر",
            "عدة", "جميع", "كل", "سوف", "يمكن", "يحتاج", "تنظم", "تقدم", "تفتح", "تغلق", "تحسن",
            "تراجع", "و", "في", "من", "إلى", "على", "عن", "مع",
        ],
        background: "وصف الموضوع",
        decision: "القرار",
        contact: "للتواصل",
        meeting_place: "قاعة الاجتماعات",
        agreed: "توافق اللجنة على الاقتراح.",
    },
];

#[rustfmt::skip]
const FIRST_NAMES: &[&str] = &[
    "Alva", "Bertil", "Cecilia", "Dawit", "Elin", "Farid", "Greta", "Hassan", "Ida", "Jonas",
    "Karin", "Leyla", "Magnus", "Nora", "Olle", "Parisa", "Rasmus", "Sanna", "Tove", "Ulf", "Vera",
    "Yusuf", "Åsa", "Östen",
];
#[rustfmt::skip]
const LAST_NAMES: &[&str] = &[
    "Bergvik", "Dahlqvist", "Ekström", "Fjällgren", "Hagberg", "Isaksson", "Juhlin", "Kvarnström",
    "Lindholm", "Mossberg", "Norrby", "Palmgren", "Rosendal", "Sjöholm", "Tallqvist", "Udd",
    "Vikström", "Wahlberg", "Åkerlund", "Öberg",
];
#[rustfmt::skip]
const PARTIES: &[&str] = &["KP", "GE", "EF", "SL", "BF"];
/// Parts of fictional place names (ASCII, so they also make slugs).
#[rustfmt::skip]
const PLACES: &[&str] = &[
    "ek", "bjork", "hamn", "strand", "tall", "gran", "sjo", "berg", "dal", "ang", "lind", "vik",
    "mosse", "kvarn", "rosen", "sol", "hav", "asp", "bok", "lunn",
];
#[rustfmt::skip]
const PLACE_ENDS: &[&str] = &[
    "backen", "vagen", "udden", "lyckan", "hojden", "garden", "torpet",
];
#[rustfmt::skip]
const SLUG_WORDS: &[&str] = &[
    "skola", "forskola", "budget", "skolskjuts", "skolmat", "lasar", "lokaler", "elevhalsa",
    "trafik", "vagarbete", "bibliotek", "fritids", "idrott", "rekrytering", "ansokan", "plan",
    "remiss", "uppfoljning", "sommar", "vinter", "host", "var", "kost", "it", "stangning",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Press,
    Minutes,
    Notices,
}

impl Kind {
    fn dir(self) -> &'static str {
        match self {
            Kind::Press => "press",
            Kind::Minutes => "minutes",
            Kind::Notices => "notices",
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum TopicKind {
    School,
    Preschool,
    Unit,
    Subject,
    Committee,
}

struct Topic {
    id: String,
    kind: TopicKind,
    /// Swedish and English name (schools keep their proper name in every language).
    sv: String,
    en: String,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Urgency {
    Normal,
    Important,
    Crisis,
}

/// A document's facts; its text is made when it is written, from its own seed.
struct Doc {
    kind: Kind,
    slug: String,
    /// Days since 2022-01-01, and minutes after midnight.
    day: u32,
    minute: u32,
    /// Indexes into `LANGS`; Swedish (the default language) always first.
    langs: Vec<usize>,
    topics: Vec<usize>,
    committee: Option<usize>,
    urgency: Urgency,
    /// Days until a non-normal notice expires.
    expires_after: u32,
    /// Earlier documents this one links to.
    links: Vec<usize>,
    /// First case number of its agenda items (minutes), unique in the corpus.
    case_base: usize,
    seed: u64,
}

struct Corpus {
    topics: Vec<Topic>,
    docs: Vec<Doc>,
    files: usize,
    /// Made by [`Corpus::plan_plain`]: every document in [`PLAIN_LANG`] only, no topics.
    plain: bool,
}

/// The one language of a plain corpus (English).
const PLAIN_LANG: usize = 1;

impl Corpus {
    /// Plans documents (oldest first) until they hold `files` translations.
    fn plan(files: usize, seed: u64) -> Corpus {
        let mut rng = Rng::new(seed);
        let topics = topics(&mut rng);
        let committees: Vec<usize> = (0..topics.len())
            .filter(|&i| topics[i].kind == TopicKind::Committee)
            .collect();
        let mut docs: Vec<Doc> = Vec::new();
        let mut total = 0;
        // The last document is a crisis notice in force, in every language.
        let reserve = LANGS.len().min(files);
        let mut slugs = std::collections::HashSet::new();
        while total < files - reserve {
            let kind = match rng.below(10) {
                0..=3 => Kind::Press,
                4..=5 => Kind::Minutes,
                _ => Kind::Notices,
            };
            let mut langs = vec![0];
            match rng.below(20) {
                0..=8 => {}
                9..=13 => langs.push(1),
                14..=17 => {
                    langs.push(1);
                    for _ in 0..rng.range(1, 4) {
                        let l = rng.range(2, LANGS.len() - 1);
                        if !langs.contains(&l) {
                            langs.push(l);
                        }
                    }
                }
                _ => langs.extend(1..LANGS.len()),
            }
            langs.truncate(files - reserve - total);
            langs.sort_unstable();
            total += langs.len();
            let n = docs.len();
            let doc = Doc::new(&mut rng, kind, n, langs, &topics, &committees, &mut slugs);
            docs.push(doc);
        }
        // Oldest first, so that links go back in time, and the crisis notice is the newest.
        docs.sort_by_key(|d| (d.day, d.minute));
        for (i, doc) in docs.iter_mut().enumerate() {
            doc.links = (0..rng.range(1, 3))
                .filter(|_| i > 0)
                .map(|_| rng.below(i))
                .collect();
            doc.case_base = 100 + 20 * i;
        }
        if reserve > 0 {
            let mut crisis = Doc::new(
                &mut rng,
                Kind::Notices,
                docs.len(),
                (0..reserve).collect(),
                &topics,
                &committees,
                &mut slugs,
            );
            crisis.slug = "schools-closed-storm".into();
            (crisis.day, crisis.minute) = (SPAN_DAYS, 6 * 60 + 30);
            crisis.urgency = Urgency::Crisis;
            crisis.expires_after = 40;
            crisis.links = docs.len().checked_sub(1).into_iter().collect();
            docs.push(crisis);
            total += reserve;
        }
        Corpus {
            topics,
            docs,
            files: total,
            plain: false,
        }
    }

    /// Plans `files` documents in one language, half press releases and half notices, none
    /// urgent, without topics; dated and linked as [`Corpus::plan`] does.
    fn plan_plain(files: usize, seed: u64) -> Corpus {
        let mut rng = Rng::new(seed);
        // `Doc::new` draws topics from these; a plain corpus then drops them.
        let topics = topics(&mut rng);
        let committees: Vec<usize> = (0..topics.len())
            .filter(|&i| topics[i].kind == TopicKind::Committee)
            .collect();
        let mut slugs = std::collections::HashSet::new();
        let mut docs: Vec<Doc> = (0..files)
            .map(|n| {
                let kind = if rng.chance(0.5) {
                    Kind::Press
                } else {
                    Kind::Notices
                };
                let mut doc = Doc::new(
                    &mut rng,
                    kind,
                    n,
                    vec![PLAIN_LANG],
                    &topics,
                    &committees,
                    &mut slugs,
                );
                doc.topics.clear();
                doc.committee = None;
                doc.urgency = Urgency::Normal;
                doc
            })
            .collect();
        docs.sort_by_key(|d| (d.day, d.minute));
        for (i, doc) in docs.iter_mut().enumerate() {
            doc.links = (0..rng.range(1, 3))
                .filter(|_| i > 0)
                .map(|_| rng.below(i))
                .collect();
        }
        Corpus {
            topics: Vec::new(),
            docs,
            files,
            plain: true,
        }
    }

    fn kinds(&self) -> &'static [Kind] {
        if self.plain {
            &[Kind::Press, Kind::Notices]
        } else {
            &[Kind::Press, Kind::Minutes, Kind::Notices]
        }
    }

    fn langs(&self) -> &'static [Lang] {
        if self.plain {
            &LANGS[PLAIN_LANG..=PLAIN_LANG]
        } else {
            &LANGS
        }
    }
}

impl Doc {
    fn new(
        rng: &mut Rng,
        kind: Kind,
        n: usize,
        langs: Vec<usize>,
        topics: &[Topic],
        committees: &[usize],
        slugs: &mut std::collections::HashSet<String>,
    ) -> Doc {
        let mut slug = format!(
            "{}-{}-{}",
            rng.pick(SLUG_WORDS),
            rng.pick(PLACES),
            rng.pick(SLUG_WORDS)
        );
        if !slugs.insert(slug.clone()) {
            slug = format!("{slug}-{n}");
            slugs.insert(slug.clone());
        }
        let others: Vec<usize> = (0..topics.len())
            .filter(|i| !committees.contains(i))
            .collect();
        let mut doc_topics: Vec<usize> = (0..rng.range(1, 3)).map(|_| *rng.pick(&others)).collect();
        doc_topics.sort_unstable();
        doc_topics.dedup();
        let committee = (kind == Kind::Minutes).then(|| *rng.pick(committees));
        if kind == Kind::Press && rng.chance(0.3) {
            doc_topics.push(*rng.pick(committees));
        }
        let urgency = match (kind, rng.below(100)) {
            (Kind::Notices, 0..=2) => Urgency::Crisis,
            (Kind::Notices, 3..=14) => Urgency::Important,
            _ => Urgency::Normal,
        };
        Doc {
            kind,
            slug,
            day: rng.below(SPAN_DAYS as usize) as u32,
            minute: rng.range(7 * 60, 17 * 60) as u32,
            langs,
            topics: doc_topics,
            committee,
            urgency,
            expires_after: rng.range(3, 14) as u32,
            links: Vec::new(),
            case_base: 0,
            seed: rng.next(),
        }
    }
}

fn topics(rng: &mut Rng) -> Vec<Topic> {
    let mut v = Vec::new();
    let mut used = std::collections::HashSet::new();
    let mut place = |rng: &mut Rng| loop {
        let p = format!("{}{}", rng.pick(PLACES), rng.pick(PLACE_ENDS));
        if used.insert(p.clone()) {
            return p;
        }
    };
    for _ in 0..20 {
        let p = place(rng);
        let name = format!("{}skolan", capitalise(&p));
        v.push(Topic {
            id: format!("{p}skolan"),
            kind: TopicKind::School,
            sv: name.clone(),
            en: name,
        });
    }
    for _ in 0..12 {
        let p = place(rng);
        let name = format!("Förskolan {}", capitalise(&p));
        v.push(Topic {
            id: format!("forskolan-{p}"),
            kind: TopicKind::Preschool,
            sv: name.clone(),
            en: name,
        });
    }
    let units = [
        ("elevhalsan", "Elevhälsan", "Pupil health"),
        ("kulturskolan", "Kulturskolan", "School of arts"),
        ("vuxenutbildningen", "Vuxenutbildningen", "Adult education"),
        (
            "modersmalsenheten",
            "Modersmålsenheten",
            "Mother tongue unit",
        ),
        ("kostenheten", "Kostenheten", "Catering unit"),
    ];
    let subjects = [
        ("skolmat", "Skolmat", "School meals"),
        ("skolskjuts", "Skolskjuts", "School transport"),
        ("lasarstider", "Läsårstider", "Term dates"),
        ("skolval", "Skolval", "Choice of school"),
        ("fritidshem", "Fritidshem", "After-school centres"),
        ("trafik", "Trafik och vägarbeten", "Traffic and roadworks"),
        ("krisberedskap", "Krisberedskap", "Emergency preparedness"),
        ("lokaler", "Skollokaler", "School buildings"),
    ];
    let committees = [
        (
            "kommunfullmaktige",
            "Kommunfullmäktige",
            "Municipal Council",
        ),
        (
            "kommunstyrelsen",
            "Kommunstyrelsen",
            "Municipal Executive Board",
        ),
        (
            "barn-och-utbildningsnamnden",
            "Barn- och utbildningsnämnden",
            "Education Committee",
        ),
        (
            "tekniska-namnden",
            "Tekniska nämnden",
            "Technical Services Committee",
        ),
        ("kustutskottet", "Kustutskottet", "Coastal Committee"),
    ];
    for (list, kind) in [
        (&units[..], TopicKind::Unit),
        (&subjects[..], TopicKind::Subject),
        (&committees[..], TopicKind::Committee),
    ] {
        for (id, sv, en) in list {
            v.push(Topic {
                id: (*id).into(),
                kind,
                sv: (*sv).into(),
                en: (*en).into(),
            });
        }
    }
    v
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// `2026-11-20T08:30:00+01:00` for a day since 2022-01-01 and minutes after midnight.
fn timestamp(day: u32, minute: u32) -> String {
    let (y, m, d) = civil(day);
    format!(
        "{y}-{m:02}-{d:02}T{:02}:{:02}:00+01:00",
        minute / 60,
        minute % 60
    )
}

fn date(day: u32) -> String {
    let (y, m, d) = civil(day);
    format!("{y}-{m:02}-{d:02}")
}

/// Year, month and day of a day since 2022-01-01.
fn civil(mut day: u32) -> (i32, u32, u32) {
    let mut year = FIRST_YEAR;
    loop {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let len = if leap { 366 } else { 365 };
        if day < len {
            let months = [
                31,
                if leap { 29 } else { 28 },
                31,
                30,
                31,
                30,
                31,
                31,
                30,
                31,
                30,
                31,
            ];
            for (i, m) in months.iter().enumerate() {
                if day < *m {
                    return (year, i as u32 + 1, day + 1);
                }
                day -= m;
            }
        }
        day -= len;
        year += 1;
    }
}

/// How links to other documents are written (anslag's `@/kind/slug`, or Hugo's and Zola's
/// page paths) and what front matter says.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Dialect {
    Anslag,
    Hugo,
    Zola,
}

/// Text made from a language's words.
struct Writer<'a> {
    rng: Rng,
    lang: &'a Lang,
    out: String,
    words: usize,
    /// Tables among the lists (a plain corpus has none).
    tables: bool,
}

impl Writer<'_> {
    fn phrase(&mut self, lo: usize, hi: usize) -> String {
        let n = self.rng.range(lo, hi);
        self.words += n;
        let words: Vec<&str> = (0..n).map(|_| *self.rng.pick(self.lang.words)).collect();
        capitalise(&words.join(" "))
    }
    fn sentence(&mut self) -> String {
        let mut s = self.phrase(6, 16);
        if self.rng.chance(0.15) {
            let n = self.rng.range(2, 480);
            let _ = write!(s, " {n}");
        }
        s.push('.');
        s
    }
    fn paragraph(&mut self) {
        let n = self.rng.range(2, 5);
        let sentences: Vec<String> = (0..n).map(|_| self.sentence()).collect();
        self.out.push_str(&sentences.join(" "));
        self.out.push_str("\n\n");
    }
    fn heading(&mut self, level: usize) {
        let h = self.phrase(2, 5);
        let _ = writeln!(self.out, "{} {h}\n", "#".repeat(level));
    }
    fn list(&mut self) {
        let ordered = self.rng.chance(0.3);
        for i in 1..=self.rng.range(3, 6) {
            let item = self.phrase(4, 12);
            if ordered {
                let _ = writeln!(self.out, "{i}. {item}.");
            } else {
                let _ = writeln!(self.out, "- {item}.");
            }
        }
        self.out.push('\n');
    }
    fn table(&mut self) {
        let cols = self.rng.range(2, 4);
        let head: Vec<String> = (0..cols).map(|_| self.phrase(1, 2)).collect();
        let _ = writeln!(self.out, "| {} |", head.join(" | "));
        let _ = writeln!(self.out, "|{}", "---|".repeat(cols));
        for _ in 0..self.rng.range(2, 6) {
            let mut cells = vec![self.phrase(1, 3)];
            for _ in 1..cols {
                let n = self.rng.range(1, 900);
                cells.push(n.to_string());
            }
            let _ = writeln!(self.out, "| {} |", cells.join(" | "));
        }
        self.out.push('\n');
    }
    /// A paragraph with a link to another document and one to another site.
    fn links(&mut self, corpus: &Corpus, doc: &Doc, dialect: Dialect) {
        let mut parts = vec![self.sentence()];
        for &i in &doc.links {
            let target = &corpus.docs[i];
            let text = self.phrase(3, 6).to_lowercase();
            let dest = match dialect {
                Dialect::Anslag => format!("@/{}/{}", target.kind.dir(), target.slug),
                Dialect::Hugo | Dialect::Zola => {
                    // The reader's language if the target has it, else the default one.
                    let here = LANGS
                        .iter()
                        .position(|l| l.code == self.lang.code)
                        .unwrap_or(0);
                    let lang = if target.langs.contains(&here) {
                        self.lang.code
                    } else {
                        LANGS[0].code
                    };
                    // Zola keeps its default language out of a folder; a plain corpus is in one.
                    if dialect == Dialect::Zola && !corpus.plain && lang == LANGS[0].code {
                        format!("/{}/{}/", target.kind.dir(), target.slug)
                    } else {
                        format!("/{lang}/{}/{}/", target.kind.dir(), target.slug)
                    }
                }
            };
            parts.push(format!("{} [{text}]({dest}).", self.phrase(3, 8)));
        }
        let page = self.rng.range(1, 99);
        let text = self.phrase(2, 4).to_lowercase();
        parts.push(format!(
            "{} [{text}](https://www.example.org/{}/{page}).",
            self.phrase(3, 6),
            self.lang.code
        ));
        self.out.push_str(&parts.join(" "));
        self.out.push_str("\n\n");
    }
    /// Sections of text until the body holds `target` words.
    fn sections(&mut self, corpus: &Corpus, doc: &Doc, dialect: Dialect, target: usize) {
        self.paragraph();
        self.links(corpus, doc, dialect);
        while self.words < target {
            self.heading(2);
            self.paragraph();
            match self.rng.below(4) {
                0 => self.list(),
                1 if self.tables => self.table(),
                1 => self.list(),
                2 => {
                    self.heading(3);
                    self.paragraph();
                }
                _ => {}
            }
            self.paragraph();
        }
    }
}

/// The front matter and body of one translation.
fn translation(corpus: &Corpus, doc: &Doc, lang: usize, dialect: Dialect) -> (String, String) {
    let l = &LANGS[lang];
    let mut w = Writer {
        rng: Rng::new(doc.seed ^ (lang as u64 + 1).wrapping_mul(0x100_0000_01B3)),
        lang: l,
        out: String::new(),
        words: 0,
        tables: !corpus.plain,
    };
    let title = w.phrase(4, 9);
    let summary = format!("{}.", w.phrase(10, 20));
    let target = w.rng.range(300, 1500);
    let mut fm = String::new();
    let mut topic_ids: Vec<&str> = doc
        .topics
        .iter()
        .map(|&t| corpus.topics[t].id.as_str())
        .collect();
    let when = timestamp(doc.day, doc.minute);
    match dialect {
        Dialect::Anslag | Dialect::Hugo => {
            let _ = writeln!(fm, "title: \"{title}\"");
            let _ = writeln!(fm, "date: {when}");
        }
        // TOML, Zola's own front matter: its dates are TOML's.
        Dialect::Zola => {
            let _ = writeln!(fm, "title = \"{title}\"");
            let _ = writeln!(fm, "date = {when}");
        }
    }
    if corpus.plain {
        let key = if dialect == Dialect::Anslag {
            "summary"
        } else {
            "description"
        };
        let sep = if dialect == Dialect::Zola { " =" } else { ":" };
        let _ = writeln!(fm, "{key}{sep} \"{summary}\"");
        w.sections(corpus, doc, dialect, target);
        return (fm, w.out);
    }
    if dialect != Dialect::Anslag {
        // Hugo and Zola have no committees: the committee is one more topic.
        topic_ids.extend(doc.committee.map(|c| corpus.topics[c].id.as_str()));
    }
    match dialect {
        Dialect::Anslag => {
            let _ = writeln!(fm, "summary: \"{summary}\"");
            let _ = writeln!(fm, "topics: [{}]", topic_ids.join(", "));
        }
        Dialect::Hugo => {
            let _ = writeln!(fm, "description: \"{summary}\"");
            let _ = writeln!(fm, "topics: [{}]", topic_ids.join(", "));
        }
        // The table last: every key after it would belong to it.
        Dialect::Zola => {
            let quoted: Vec<String> = topic_ids.iter().map(|t| format!("\"{t}\"")).collect();
            let _ = writeln!(fm, "description = \"{summary}\"");
            let _ = writeln!(fm, "[taxonomies]\ntopics = [{}]", quoted.join(", "));
        }
    }
    match doc.kind {
        Kind::Press => {
            w.sections(corpus, doc, dialect, target);
            let _ = writeln!(w.out, "## {}\n", l.contact);
            if dialect == Dialect::Anslag {
                fm.push_str("contacts:\n");
            }
            for i in 0..w.rng.range(1, 2) {
                let first = *w.rng.pick(FIRST_NAMES);
                let last = *w.rng.pick(LAST_NAMES);
                let role = w.phrase(2, 4);
                let phone = format!("+46 31 390 06 {:02}", w.rng.below(100));
                let email = format!("{}.{}@ekvik.example", ascii(first), ascii(last));
                if dialect == Dialect::Anslag {
                    let _ = writeln!(
                        fm,
                        "  - {{ name: {first} {last}, role: \"{role}\", phone: \"{phone}\", email: {email} }}"
                    );
                } else {
                    let _ = writeln!(
                        w.out,
                        "{}{first} {last}, {role}, {phone}, <{email}>",
                        if i > 0 { "\n" } else { "" }
                    );
                }
            }
        }
        Kind::Notices => {
            w.sections(corpus, doc, dialect, target);
            if doc.urgency != Urgency::Normal && dialect == Dialect::Anslag {
                let urgency = if doc.urgency == Urgency::Crisis {
                    "crisis"
                } else {
                    "important"
                };
                let _ = writeln!(fm, "urgency: {urgency}");
                let _ = writeln!(
                    fm,
                    "expires: {}",
                    timestamp(doc.day + doc.expires_after, 23 * 60 + 59)
                );
                let instruction = format!("{}.", w.phrase(8, 16));
                let _ = writeln!(fm, "instruction: \"{instruction}\"");
            }
        }
        Kind::Minutes => {
            let committee = &corpus.topics[doc.committee.unwrap_or(0)];
            let meeting = doc.day.saturating_sub(7);
            if dialect == Dialect::Anslag {
                let _ = writeln!(fm, "committee: {}", committee.id);
                let _ = writeln!(fm, "meeting:");
                let _ = writeln!(fm, "  start: {}", timestamp(meeting, 17 * 60));
                let _ = writeln!(fm, "  end: {}", timestamp(meeting, 19 * 60));
                let _ = writeln!(
                    fm,
                    "  place: \"{} {}, Rådhuset\"",
                    l.meeting_place,
                    w.rng.range(1, 6)
                );
                fm.push_str("attendees:\n");
                for i in 0..w.rng.range(5, 9) {
                    let first = *w.rng.pick(FIRST_NAMES);
                    let last = *w.rng.pick(LAST_NAMES);
                    let party = *w.rng.pick(PARTIES);
                    let absent = if i == 3 { ", absent: true" } else { "" };
                    let role = if i == 0 { "ordförande" } else { "ledamot" };
                    let _ = writeln!(
                        fm,
                        "  - {{ name: {first} {last}, role: {role}, party: {party}{absent} }}"
                    );
                }
                let _ = writeln!(fm, "approved: {}", date(doc.day));
            }
            w.paragraph();
            let prefix: String = committee
                .id
                .split('-')
                .filter_map(|p| p.chars().next())
                .collect::<String>()
                .to_uppercase();
            let year = civil(doc.day).0;
            let items = (target / 110).clamp(3, 14);
            let closed = w.rng.below(items);
            let first = w.rng.range(1, 180);
            for k in 0..items {
                let n = first + k;
                let case = format!("{prefix}-{year}/{}", doc.case_base + k);
                let title = if k == closed {
                    w.phrase(6, 9)
                } else {
                    w.phrase(3, 7)
                };
                if k == closed {
                    let _ = writeln!(
                        w.out,
                        "## § {n} {title} {{#p{n} .closed case=\"{case}\"}}\n"
                    );
                    let _ = writeln!(w.out, "### {}\n", l.background);
                    w.paragraph();
                    continue;
                }
                let _ = writeln!(w.out, "## § {n} {title} {{#p{n} case=\"{case}\"}}\n");
                let _ = writeln!(w.out, "### {}\n", l.background);
                w.paragraph();
                match w.rng.below(3) {
                    0 => w.list(),
                    1 => w.table(),
                    _ => w.paragraph(),
                }
                if k == 0 {
                    w.links(corpus, doc, dialect);
                }
                let _ = writeln!(w.out, "### {}\n", l.decision);
                let _ = writeln!(w.out, "{}\n", l.agreed);
            }
        }
    }
    (fm, w.out)
}

fn ascii(s: &str) -> String {
    s.to_lowercase().replace(['å', 'ä'], "a").replace('ö', "o")
}

fn fresh_dir(dir: &Path) -> std::io::Result<()> {
    if dir.exists() {
        std::fs::remove_dir_all(dir)?;
    }
    std::fs::create_dir_all(dir)
}

/// Writes the anslag site; returns how many Markdown files it wrote.
fn write_anslag(corpus: &Corpus, out: &Path) -> std::io::Result<usize> {
    fresh_dir(out)?;
    let yaml = if corpus.plain {
        plain_site_yaml()
    } else {
        site_yaml(corpus)
    };
    std::fs::write(out.join("site.yaml"), yaml)?;
    for &kind in corpus.kinds() {
        std::fs::create_dir_all(out.join("content").join(kind.dir()))?;
    }
    let mut n = 0;
    for doc in &corpus.docs {
        for &lang in &doc.langs {
            let (fm, body) = translation(corpus, doc, lang, Dialect::Anslag);
            let name = format!("{}-{}.{}.md", date(doc.day), doc.slug, LANGS[lang].code);
            let path = out.join("content").join(doc.kind.dir()).join(name);
            std::fs::write(path, format!("---\n{fm}---\n{body}"))?;
            n += 1;
        }
    }
    debug_assert_eq!(n, corpus.files);
    Ok(n)
}

/// The site of a plain corpus: English only, no topics.
fn plain_site_yaml() -> String {
    "# A synthetic benchmark site made by `cargo run --example corpus -- --plain`: everything in it is invented.\n\
     base_url: https://www.ekvik.example\ntimezone: Europe/Stockholm\ndefault_language: en\n\
     languages:\n  - { code: en, name: English }\ntitle: { en: Ekvik Municipality }\n\
     organisation:\n  name: { en: Ekvik Municipality }\n  address: \"Rådhustorget 1, 234 56 Ekvik\"\n  email: kommun@ekvik.example\n  boilerplate:\n    en: Ekvik Municipality is an invented coastal municipality.\n\
     paginate: 10\ncheck:\n  lix_max: 200\n\
     accessibility:\n  status: partial\n  prepared: 2026-09-01\n  method: self-assessment\n  limitations:\n    - { en: Some tables have no summary. }\n  enforcement: { name: { en: The supervisory authority }, url: https://www.example.org/complaints }\n"
        .to_owned()
}

fn site_yaml(corpus: &Corpus) -> String {
    let mut y = String::from(
        "# A synthetic benchmark site made by `cargo run --example corpus`: everything in it is invented.\n\
         base_url: https://www.ekvik.example\ntimezone: Europe/Stockholm\ndefault_language: sv\nlanguages:\n",
    );
    for l in &LANGS {
        let dir = if l.rtl { ", dir: rtl" } else { "" };
        let _ = writeln!(y, "  - {{ code: {}, name: {}{dir} }}", l.code, l.name);
    }
    y.push_str("title: { sv: Ekviks kommun, en: Ekvik Municipality }\n");
    y.push_str(
        "organisation:\n  name: { sv: Ekviks kommun, en: Ekvik Municipality }\n  address: \"Rådhustorget 1, 234 56 Ekvik\"\n  phone: \"+46 31 390 06 00\"\n  email: kommun@ekvik.example\n  boilerplate:\n    sv: Ekviks kommun är en påhittad kommun vid kusten.\n    en: Ekvik Municipality is an invented coastal municipality.\n",
    );
    y.push_str("topics:\n");
    for t in &corpus.topics {
        let kind = match t.kind {
            TopicKind::School => "school",
            TopicKind::Preschool => "preschool",
            TopicKind::Unit => "unit",
            TopicKind::Subject => "subject",
            TopicKind::Committee => "committee",
        };
        if t.sv == t.en {
            let _ = writeln!(y, "  - {{ id: {}, kind: {kind}, name: {} }}", t.id, t.sv);
        } else {
            let _ = writeln!(
                y,
                "  - {{ id: {}, kind: {kind}, name: {{ sv: \"{}\", en: \"{}\" }} }}",
                t.id, t.sv, t.en
            );
        }
    }
    let decisions: Vec<&str> = LANGS.iter().map(|l| l.decision).collect();
    let _ = writeln!(
        y,
        "minutes:\n  decision_headings: [{}]\n  closed_titles: true\n  appeal_days: 21",
        decisions.join(", ")
    );
    y.push_str("paginate: 10\n");
    // Text drawn from word lists is not meant to be read: no readability warnings for it.
    y.push_str("check:\n  lix_max: 200\n");
    y.push_str(
        "accessibility:\n  status: partial\n  prepared: 2026-09-01\n  method: self-assessment\n  limitations:\n    - { sv: Vissa tabeller saknar sammanfattning., en: Some tables have no summary. }\n  enforcement: { name: { sv: Tillsynsmyndigheten, en: The supervisory authority }, url: https://www.example.org/complaints }\n",
    );
    y
}

/// Writes the Hugo site; returns how many files it wrote.
fn write_hugo(corpus: &Corpus, out: &Path) -> std::io::Result<usize> {
    fresh_dir(out)?;
    let mut n = 0;
    let mut put = |rel: &str, text: &str| -> std::io::Result<()> {
        let path = out.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        n += 1;
        std::fs::write(path, text)
    };
    put("config.toml", &hugo_config(corpus))?;
    for (name, text) in HUGO_LAYOUTS {
        put(&format!("layouts/{name}"), text)?;
    }
    for &kind in corpus.kinds() {
        for l in corpus.langs() {
            put(
                &format!("content/{}/_index.{}.md", kind.dir(), l.code),
                &format!("---\ntitle: {}\n---\n", kind.dir()),
            )?;
        }
    }
    for doc in &corpus.docs {
        for &lang in &doc.langs {
            let (fm, body) = translation(corpus, doc, lang, Dialect::Hugo);
            put(
                &format!(
                    "content/{}/{}.{}.md",
                    doc.kind.dir(),
                    doc.slug,
                    LANGS[lang].code
                ),
                &format!("---\n{fm}---\n{body}"),
            )?;
        }
    }
    Ok(n)
}

fn hugo_config(corpus: &Corpus) -> String {
    let mut c = String::from("baseURL = \"https://www.ekvik.example/\"\n");
    let _ = writeln!(c, "title = \"{}\"", site_title(corpus));
    let default = &corpus.langs()[0];
    let _ = writeln!(c, "defaultContentLanguage = \"{}\"", default.code);
    c.push_str("defaultContentLanguageInSubdir = true\npaginate = 10\nenableRobotsTXT = true\n\n");
    if corpus.plain {
        c.push_str("disableKinds = [\"taxonomy\", \"term\"]\n\n");
    } else {
        c.push_str("[taxonomies]\n  topic = \"topics\"\n\n");
    }
    c.push_str(
        "[outputs]\n  home = [\"HTML\", \"RSS\"]\n  section = [\"HTML\", \"RSS\"]\n  taxonomy = [\"HTML\"]\n  term = [\"HTML\", \"RSS\"]\n\n\
         [markup.goldmark.parser.attribute]\n  title = true\n\n[languages]\n",
    );
    for (i, l) in corpus.langs().iter().enumerate() {
        let _ = writeln!(
            c,
            "  [languages.{}]\n    languageName = \"{}\"\n    weight = {}",
            l.code,
            l.name,
            i + 1
        );
        if l.rtl {
            c.push_str("    languageDirection = \"rtl\"\n");
        }
    }
    c
}

fn site_title(corpus: &Corpus) -> &'static str {
    if corpus.plain {
        "Ekvik Municipality"
    } else {
        "Ekviks kommun"
    }
}

/// Writes the Zola site; returns how many files it wrote. A plain corpus keeps its one
/// language in a folder (`content/en/press/…`), as anslag and Hugo do. Zola cannot put its
/// default language in a folder, so in the project corpus Swedish pages are at `/press/…`
/// instead of `/sv/press/…`; the other languages are where anslag has them.
fn write_zola(corpus: &Corpus, out: &Path) -> std::io::Result<usize> {
    fresh_dir(out)?;
    let mut n = 0;
    let mut put = |rel: &str, text: &str| -> std::io::Result<()> {
        let path = out.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        n += 1;
        std::fs::write(path, text)
    };
    put("config.toml", &zola_config(corpus))?;
    for (name, text) in ZOLA_TEMPLATES {
        put(&format!("templates/{name}"), text)?;
    }
    // Where a language's files go: a folder (plain), or a `.{lang}` before `.md` (project).
    let place = |lang: &Lang, dir: &str, stem: &str| {
        if corpus.plain {
            format!("content/{}/{dir}{stem}.md", lang.code)
        } else if lang.code == LANGS[0].code {
            format!("content/{dir}{stem}.md")
        } else {
            format!("content/{dir}{stem}.{}.md", lang.code)
        }
    };
    let title = site_title(corpus);
    put(
        "content/_index.md",
        &format!("+++\ntitle = \"{title}\"\n+++\n"),
    )?;
    for l in corpus.langs() {
        if corpus.plain {
            // The language's folder is a section of its own: its home page.
            let front = format!("+++\ntitle = \"{title}\"\ntemplate = \"index.html\"\n+++\n");
            put(&place(l, "", "_index"), &front)?;
        } else if l.code != LANGS[0].code {
            put(
                &place(l, "", "_index"),
                &format!("+++\ntitle = \"{title}\"\n+++\n"),
            )?;
        }
        for &kind in corpus.kinds() {
            let front = format!(
                "+++\ntitle = \"{}\"\nsort_by = \"date\"\npaginate_by = 10\ngenerate_feeds = true\n+++\n",
                kind.dir()
            );
            put(&place(l, &format!("{}/", kind.dir()), "_index"), &front)?;
        }
    }
    for doc in &corpus.docs {
        for &lang in &doc.langs {
            let (fm, body) = translation(corpus, doc, lang, Dialect::Zola);
            let dir = format!("{}/", doc.kind.dir());
            put(
                &place(&LANGS[lang], &dir, &doc.slug),
                &format!("+++\n{fm}+++\n{body}"),
            )?;
        }
    }
    Ok(n)
}

/// Zola 0.19 or later (`generate_feeds`, `feed_filenames`): RSS for the site, each section
/// and each topic, the sitemap and robots.txt Zola always writes; no search index, no Sass.
fn zola_config(corpus: &Corpus) -> String {
    let mut c = String::from("base_url = \"https://www.ekvik.example\"\n");
    let _ = writeln!(c, "title = \"{}\"", site_title(corpus));
    let _ = writeln!(c, "default_language = \"{}\"", corpus.langs()[0].code);
    let taxonomies = if corpus.plain {
        "[]"
    } else {
        "[{ name = \"topics\", feed = true, paginate_by = 10 }]"
    };
    let _ = writeln!(
        c,
        "compile_sass = false\nbuild_search_index = false\ngenerate_feeds = true\nfeed_filenames = [\"rss.xml\"]\ntaxonomies = {taxonomies}\n"
    );
    if !corpus.plain {
        for l in &LANGS[1..] {
            let _ = writeln!(
                c,
                "[languages.{}]\ngenerate_feeds = true\nfeed_filenames = [\"rss.xml\"]\ntaxonomies = {taxonomies}\n",
                l.code
            );
        }
    }
    c.push_str("[markdown]\nhighlight_code = false\n");
    c
}

/// Minimal Zola (Tera) templates for the pages the Hugo templates make.
const ZOLA_TEMPLATES: &[(&str, &str)] = &[
    (
        "base.html",
        r##"<!doctype html>
<html lang="{{ lang }}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{% block title %}{{ config.title }}{% endblock title %}</title>
{% if current_url %}<link rel="canonical" href="{{ current_url }}">{% endif %}
</head>
<body><a href="#main">Skip</a>
<header><a href="{{ get_url(path="/", lang=lang) }}">{{ config.title }}</a></header>
<main id="main">{% block main %}{% endblock main %}</main>
<footer>{{ config.title }}</footer></body></html>
"##,
    ),
    (
        "page.html",
        r##"{% extends "base.html" %}
{% block title %}{{ page.title }} – {{ config.title }}{% endblock title %}
{% block main %}<article><h1>{{ page.title }}</h1>
<p><time datetime="{{ page.date }}">{{ page.date | date(format="%-d %B %Y") }}</time></p>
<p>{{ page.description }}</p>
{% if page.translations | length > 1 %}<ul>{% for t in page.translations %}<li><a href="{{ t.permalink }}" hreflang="{{ t.lang }}">{{ t.lang }}</a></li>{% endfor %}</ul>{% endif %}
{% if page.taxonomies.topics %}<ul>{% for t in page.taxonomies.topics %}<li><a href="{{ get_taxonomy_url(kind="topics", name=t, lang=lang) }}">{{ t }}</a></li>{% endfor %}</ul>{% endif %}
{{ page.content | safe }}</article>{% endblock main %}
"##,
    ),
    (
        "section.html",
        r##"{% extends "base.html" %}
{% block main %}<h1>{{ section.title }}</h1>
<ul>{% for p in paginator.pages %}<li><a href="{{ p.permalink }}">{{ p.title }}</a>
<time datetime="{{ p.date }}">{{ p.date | date(format="%-d %B %Y") }}</time><p>{{ p.description }}</p></li>{% endfor %}</ul>
<nav>{% if paginator.previous %}<a href="{{ paginator.previous }}">Previous</a>{% endif %} {{ paginator.current_index }} / {{ paginator.number_pagers }} {% if paginator.next %}<a href="{{ paginator.next }}">Next</a>{% endif %}</nav>{% endblock main %}
"##,
    ),
    (
        "index.html",
        r##"{% extends "base.html" %}
{% block main %}<h1>{{ config.title }}</h1>
{% for s in section.subsections %}{% set sub = get_section(path=s) %}<section><h2><a href="{{ sub.permalink }}">{{ sub.title }}</a></h2>
<ul>{% for p in sub.pages | slice(end=5) %}<li><a href="{{ p.permalink }}">{{ p.title }}</a><p>{{ p.description }}</p></li>{% endfor %}</ul></section>{% endfor %}{% endblock main %}
"##,
    ),
    (
        "taxonomy_list.html",
        r##"{% extends "base.html" %}
{% block main %}<h1>{{ taxonomy.name }}</h1>
<ul>{% for t in terms %}<li><a href="{{ t.permalink }}">{{ t.name }}</a> ({{ t.pages | length }})</li>{% endfor %}</ul>{% endblock main %}
"##,
    ),
    (
        "taxonomy_single.html",
        r##"{% extends "base.html" %}
{% block main %}<h1>{{ term.name }}</h1>
<ul>{% for p in paginator.pages %}<li><a href="{{ p.permalink }}">{{ p.title }}</a>
<time datetime="{{ p.date }}">{{ p.date | date(format="%-d %B %Y") }}</time><p>{{ p.description }}</p></li>{% endfor %}</ul>
<nav>{% if paginator.previous %}<a href="{{ paginator.previous }}">Previous</a>{% endif %} {{ paginator.current_index }} / {{ paginator.number_pagers }} {% if paginator.next %}<a href="{{ paginator.next }}">Next</a>{% endif %}</nav>{% endblock main %}
"##,
    ),
];

/// Minimal Hugo templates for the same pages: a document page with its translations and
/// topics, paginated lists, topic pages, the home page with the latest of each section.
const HUGO_LAYOUTS: &[(&str, &str)] = &[
    (
        "_default/baseof.html",
        r##"<!doctype html>
<html lang="{{ .Language.Lang }}" dir="{{ .Language.LanguageDirection | default "ltr" }}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} – {{ .Site.Title }}</title><link rel="canonical" href="{{ .Permalink }}">
{{ range .AlternativeOutputFormats }}<link rel="{{ .Rel }}" type="{{ .MediaType.Type }}" href="{{ .Permalink }}">{{ end }}
</head>
<body><a href="#main">Skip</a>
<header><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
<nav><ul>{{ range .Site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></nav>
{{ if .IsTranslated }}<ul>{{ range .Translations }}<li><a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a></li>{{ end }}</ul>{{ end }}
</header>
<main id="main">{{ block "main" . }}{{ end }}</main>
<footer>{{ .Site.Title }}</footer></body></html>
"##,
    ),
    (
        "_default/single.html",
        r##"{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "2 January 2006" }}</time></p>
<p>{{ .Description }}</p>
{{ with .GetTerms "topics" }}<ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}
{{ .Content }}</article>{{ end }}
"##,
    ),
    (
        "_default/list.html",
        r##"{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time><p>{{ .Description }}</p></li>{{ end }}</ul>
{{ template "_internal/pagination.html" . }}{{ end }}
"##,
    ),
    (
        "_default/terms.html",
        r##"{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
"##,
    ),
    (
        "index.html",
        r##"{{ define "main" }}<h1>{{ .Site.Title }}</h1>
{{ range .Site.Sections }}<section><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<ul>{{ range first 5 .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a><p>{{ .Description }}</p></li>{{ end }}</ul></section>{{ end }}{{ end }}
"##,
    ),
];
