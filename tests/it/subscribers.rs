//! `anslag subscribers`: the subscriber store and its commands (import, export, erase, list),
//! against the library API and a store in a temporary site.

use std::path::{Path, PathBuf};

use crate::common;
use anslag::config::{self, Config};
use anslag::mail::store::{self, StoreError};
use anslag::mail::subscribers::{self, SubscribersCommand, import, run, store_path};
use anslag::mail::{Frequency, Status};
use chrono::{DateTime, Utc};
use rusqlite::Connection;
use sha2::{Digest, Sha256};
use tempfile::TempDir;

const MAIL: &str = "
mail:
  from: \"Testkommunen <nyheter@test.example>\"
  store: data/subscribers.sqlite
  list_id: nyheter.test.example
  service_url: https://prenumeration.test.example
  smtp:
    host: localhost
";

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn now() -> DateTime<Utc> {
    t(common::NOW)
}

fn fixture(name: &str) -> PathBuf {
    common::fixture("subscribers").join(name)
}

/// The minimal test site with a `mail:` section whose store is at `store`.
fn site_with_store(store: &str) -> (TempDir, Config) {
    let dir = common::temp_dir();
    let yaml = std::fs::read_to_string(common::fixture("minimal").join("site.yaml")).unwrap();
    let mail = MAIL.replace("data/subscribers.sqlite", store);
    std::fs::write(dir.path().join("site.yaml"), yaml + &mail).unwrap();
    let config = config::load(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    (dir, config)
}

fn site() -> (TempDir, Config) {
    site_with_store("data/subscribers.sqlite")
}

fn open(dir: &Path, config: &Config) -> Connection {
    store::open(&store_path(dir, config).unwrap()).unwrap()
}

fn cmd(dir: &Path, config: &Config, c: SubscribersCommand) -> Result<String, String> {
    run(dir, config, c, now())
        .map(|p| p.text)
        .map_err(|e| e.to_string())
}

fn import_cmd(file: &Path) -> SubscribersCommand {
    SubscribersCommand::Import {
        file: file.to_path_buf(),
    }
}

/// Every value of every row of every table, as text.
fn dump(conn: &Connection) -> Vec<(String, String, String)> {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut out = Vec::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let names: Vec<String> = stmt.column_names().map(String::from).collect();
        let mut rows = stmt.query([]).unwrap();
        while let Some(r) = rows.next().unwrap() {
            for (i, name) in names.iter().enumerate() {
                let v: rusqlite::types::Value = r.get(i).unwrap();
                let text = match v {
                    rusqlite::types::Value::Null => "NULL".into(),
                    rusqlite::types::Value::Integer(n) => n.to_string(),
                    rusqlite::types::Value::Real(f) => f.to_string(),
                    rusqlite::types::Value::Text(s) => s,
                    rusqlite::types::Value::Blob(b) => String::from_utf8_lossy(&b).into_owned(),
                };
                out.push((table.clone(), name.clone(), text));
            }
        }
    }
    out
}

/// The bytes of the store and its write-ahead log.
fn store_bytes(path: &Path) -> Vec<u8> {
    let mut bytes = std::fs::read(path).unwrap();
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    if let Ok(w) = std::fs::read(PathBuf::from(wal)) {
        bytes.extend(w);
    }
    bytes
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[test]
fn migrations_bring_a_new_store_up_to_date() {
    let (dir, config) = site();
    let path = store_path(dir.path(), &config).unwrap();
    assert_eq!(
        path,
        std::path::absolute(dir.path())
            .unwrap()
            .join("data/subscribers.sqlite")
    );
    let conn = store::open(&path).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version as usize, store::MIGRATIONS.len());
    let columns: Vec<String> = conn
        .prepare("SELECT name FROM pragma_table_info('subscribers')")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    // Per subscriber: the address, what they want, and consent; nothing else.
    assert_eq!(
        columns,
        [
            "id",
            "address",
            "language",
            "topics",
            "frequency",
            "status",
            "consent_at",
            "consent_source",
            "unsubscribed_at"
        ]
    );
    drop(conn);
    // Opening again applies nothing twice.
    let conn = store::open(&path).unwrap();
    let again: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(again, version);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "the store is readable by others: {mode:o}");
    }
}

/// `anslag subscribers import FILE`, the real binary: (exit code, stdout, stderr).
fn import_binary(dir: &Path, file: &Path) -> (Option<i32>, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_anslag"))
        .arg("--site")
        .arg(dir)
        .args(["--now", common::NOW, "subscribers", "import"])
        .arg(file)
        .output()
        .expect("run anslag subscribers import");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn an_import_that_refuses_rows_stores_the_rest_and_exits_1() {
    let (dir, config) = site();
    let (code, stdout, stderr) = import_binary(dir.path(), &fixture("mixed.csv"));
    assert_eq!(code, Some(1), "{stdout}{stderr}");
    assert!(stdout.contains("3 added, 0 updated, 7 refused"), "{stdout}");
    assert!(
        stdout.contains("  line 5: c***@test.example: no consent"),
        "{stdout}"
    );
    assert!(
        !stdout.contains("svensson@"),
        "an address in clear:\n{stdout}"
    );
    assert_eq!(
        store::counts(&open(dir.path(), &config)).unwrap().by_status["confirmed"],
        3
    );
    // A file with every row good: exit 0.
    let good = dir.path().join("good.csv");
    std::fs::write(
        &good,
        "address,language,consent\nny@test.example,sv,2026-03-01\n",
    )
    .unwrap();
    let (code, stdout, _) = import_binary(dir.path(), &good);
    assert_eq!(code, Some(0), "{stdout}");
    assert!(stdout.contains("1 added, 0 updated, 0 refused"), "{stdout}");
}

#[test]
fn import_adds_good_rows_and_reports_each_refused_one() {
    let (dir, config) = site();
    let out = cmd(dir.path(), &config, import_cmd(&fixture("mixed.csv"))).unwrap();
    assert!(
        out.starts_with("mixed.csv: 3 added, 0 updated, 7 refused\n"),
        "{out}"
    );
    for (line, masked, reason) in [
        (5, "c***@test.example", "no consent"),
        (6, "n***", "not an address"),
        (
            7,
            "d***@test.example",
            "unknown language `sw` (did you mean `sv`?)",
        ),
        (
            8,
            "e***@test.example",
            "unknown topic `ekskola` (did you mean `ekskolan`?)",
        ),
        (9, "f***@test.example", "unknown frequency `hourly`"),
        (10, "a***@test.example", "the same address is on line 2"),
        (
            11,
            "g***@test.example",
            "the consent time `2099-01-01` is in the future",
        ),
    ] {
        let expected = format!("  line {line}: {masked}: {reason}");
        assert!(
            out.lines().any(|l| l.starts_with(&expected)),
            "missing {expected:?} in\n{out}"
        );
    }
    // Addresses appear masked only.
    for clear in [
        "anna.svensson",
        "cecilia.ek",
        "not-an-address",
        "dawit",
        "erik.lund",
        "fatima",
        "gustav",
        "hana",
    ] {
        assert!(
            !out.to_lowercase().contains(clear),
            "{clear} in clear:\n{out}"
        );
    }

    let conn = open(dir.path(), &config);
    let anna = store::by_address(&conn, "anna.svensson@test.example")
        .unwrap()
        .unwrap();
    assert_eq!(anna.status, Status::Confirmed);
    assert_eq!(anna.language, "sv");
    assert_eq!(anna.topics, ["ekskolan", "skolmat"]);
    assert_eq!(anna.frequency, Frequency::Daily);
    assert_eq!(anna.consent_at, t("2026-02-28T23:00:00Z"));
    assert_eq!(anna.consent_source, "paper form at Ekskolan");
    let bo = store::by_address(&conn, "bo.berg@test.example")
        .unwrap()
        .unwrap();
    assert_eq!(
        (bo.topics.len(), bo.frequency, bo.consent_at),
        (0, Frequency::Immediate, t("2026-03-02T08:30:00Z"))
    );
    assert_eq!(bo.consent_source, "signed at the\nparents' evening");
    let hana = store::by_address(&conn, "hana.kovac@test.example")
        .unwrap()
        .unwrap();
    assert_eq!(hana.topics, ["skolmat", "styrelsen"]);
    assert_eq!(hana.frequency, Frequency::Weekly);
    assert_eq!(hana.consent_at, t("2026-03-03T17:00:00Z"));
    assert_eq!(hana.consent_source, "import:mixed.csv");
    assert_eq!(store::confirmed(&conn).unwrap().len(), 3);
}

#[test]
fn import_report_is_structured() {
    let (dir, config) = site();
    let mut conn = open(dir.path(), &config);
    let r = import(&mut conn, &config, &fixture("mixed.csv"), now()).unwrap();
    assert_eq!((r.added, r.updated), (3, 0));
    let lines: Vec<u64> = r.refused.iter().map(|r| r.line).collect();
    assert_eq!(lines, [5, 6, 7, 8, 9, 10, 11]);
    assert!(r.refused.iter().all(|r| !r.address.contains("svensson")));
    // The same file again: the accepted rows update, nothing is duplicated.
    let r = import(&mut conn, &config, &fixture("mixed.csv"), now()).unwrap();
    assert_eq!((r.added, r.updated, r.refused.len()), (0, 3, 7));
    assert_eq!(store::counts(&conn).unwrap().by_status["confirmed"], 3);
}

#[test]
fn existing_subscribers_are_updated_and_semicolon_files_read() {
    let (dir, config) = site();
    let mut conn = open(dir.path(), &config);
    import(&mut conn, &config, &fixture("mixed.csv"), now()).unwrap();
    let r = import(&mut conn, &config, &fixture("semicolons.csv"), now()).unwrap();
    assert_eq!((r.added, r.updated, r.refused.len()), (1, 1, 0), "{r}");
    let anna = store::by_address(&conn, "anna.svensson@test.example")
        .unwrap()
        .unwrap();
    assert_eq!(anna.language, "en");
    assert_eq!(anna.topics, ["ekskolan", "skolmat"]);
    assert_eq!(anna.frequency, Frequency::Immediate);
    // The newer consent replaces the older one.
    assert_eq!(anna.consent_at, t("2026-03-31T22:00:00Z"));
    assert_eq!(anna.consent_source, "import:semicolons.csv");
}

#[test]
fn a_pending_subscriber_is_confirmed_by_an_import() {
    let (dir, config) = site();
    let mut conn = open(dir.path(), &config);
    let (s, _) = store::subscribe(
        &conn,
        "ines.berg@test.example",
        "sv",
        &[],
        Frequency::Daily,
        "form",
        t("2026-05-01T00:00:00Z"),
    )
    .unwrap();
    let r = import(&mut conn, &config, &fixture("semicolons.csv"), now()).unwrap();
    assert_eq!((r.added, r.updated), (1, 1));
    let s = store::by_id(&conn, s.id).unwrap().unwrap();
    assert_eq!(s.status, Status::Confirmed);
    assert_eq!(s.consent_source, "import:semicolons.csv");
}

#[test]
fn reimport_after_erase_needs_newer_consent() {
    let (dir, config) = site();
    cmd(dir.path(), &config, import_cmd(&fixture("mixed.csv"))).unwrap();
    let out = cmd(
        dir.path(),
        &config,
        SubscribersCommand::Erase {
            address: "Anna.Svensson@test.example".into(),
        },
    )
    .unwrap();
    assert!(
        out.contains("Erased everything stored about a***@test.example"),
        "{out}"
    );
    assert!(!out.contains("anna"), "{out}");

    let out = cmd(dir.path(), &config, import_cmd(&fixture("mixed.csv"))).unwrap();
    assert!(
        out.starts_with("mixed.csv: 0 added, 2 updated, 8 refused"),
        "{out}"
    );
    assert!(
        out.contains("line 2: a***@test.example: the address was erased on 2026-11-22 11:00 UTC"),
        "{out}"
    );
    let conn = open(dir.path(), &config);
    assert!(
        store::by_address(&conn, "anna.svensson@test.example")
            .unwrap()
            .is_none()
    );

    // Consent given after the erasure: accepted.
    let later = t("2026-11-24T00:00:00Z");
    let out = run(
        dir.path(),
        &config,
        import_cmd(&fixture("later_consent.csv")),
        later,
    )
    .unwrap();
    assert!(
        out.starts_with("later_consent.csv: 1 added, 0 updated, 0 refused"),
        "{out}"
    );
    let anna = store::by_address(&conn, "anna.svensson@test.example")
        .unwrap()
        .unwrap();
    assert_eq!(
        (anna.status, anna.frequency),
        (Status::Confirmed, Frequency::Weekly)
    );
    assert_eq!(anna.consent_source, "phone call to the school office");
    // The older list still cannot bring back the earlier consent.
    let out = run(
        dir.path(),
        &config,
        import_cmd(&fixture("mixed.csv")),
        later,
    )
    .unwrap();
    assert!(
        out.contains("line 2: a***@test.example: the address was erased"),
        "{out}"
    );
}

#[test]
fn reimport_after_unsubscribing_needs_newer_consent() {
    let (dir, config) = site();
    let mut conn = open(dir.path(), &config);
    import(&mut conn, &config, &fixture("mixed.csv"), now()).unwrap();
    let anna = store::by_address(&conn, "anna.svensson@test.example")
        .unwrap()
        .unwrap();
    store::unsubscribe_at(&conn, anna.id, t("2026-10-01T00:00:00Z")).unwrap();
    let r = import(&mut conn, &config, &fixture("mixed.csv"), now()).unwrap();
    assert_eq!(r.refused[0].line, 2);
    assert!(
        r.refused[0].reason.contains("unsubscribed on 2026-10-01"),
        "{r}"
    );
    assert_eq!(
        store::by_id(&conn, anna.id).unwrap().unwrap().status,
        Status::Unsubscribed
    );
    let r = import(
        &mut conn,
        &config,
        &fixture("later_consent.csv"),
        t("2026-11-24T00:00:00Z"),
    )
    .unwrap();
    assert_eq!((r.added, r.updated), (0, 1), "{r}");
    assert_eq!(
        store::by_id(&conn, anna.id).unwrap().unwrap().status,
        Status::Confirmed
    );
}

#[test]
fn malformed_files_are_refused_whole_with_the_line() {
    let (dir, config) = site();
    let check = |file: &str, line: Option<usize>, needle: &str| {
        let e = run(dir.path(), &config, import_cmd(&fixture(file)), now()).unwrap_err();
        let d = &e.0[0];
        assert_eq!(d.line, line, "{file}: {e}");
        assert!(e.to_string().contains(needle), "{file}: {e}");
        assert!(!e.to_string().contains("anna.svensson"), "{e}");
    };
    check("latin1.csv", Some(3), "line 3 is not UTF-8 text");
    check(
        "malformed.csv",
        Some(3),
        "this line has 4 fields but the header has 3",
    );
    check(
        "no_consent_column.csv",
        Some(1),
        "the column `consent` is missing",
    );
    check("unknown_column.csv", Some(1), "unknown column `email`");
    let e = run(
        dir.path(),
        &config,
        import_cmd(&fixture("unknown_column.csv")),
        now(),
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("the address column is called `address`"), "{e}");
    assert!(e.contains("unknown column `phone`"), "{e}");
    assert!(e.contains("the column `address` is missing"), "{e}");
    // Nothing of the good first rows was stored.
    let conn = open(dir.path(), &config);
    assert_eq!(
        store::counts(&conn)
            .unwrap()
            .by_status
            .values()
            .sum::<u64>(),
        0
    );
    let e = cmd(dir.path(), &config, import_cmd(&fixture("missing.csv"))).unwrap_err();
    assert!(e.contains("cannot read the file"), "{e}");
}

#[test]
fn input_is_bounded() {
    let (dir, config) = site();
    let big = dir.path().join("big.csv");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(subscribers::MAX_FILE_BYTES + 1).unwrap();
    let e = cmd(dir.path(), &config, import_cmd(&big)).unwrap_err();
    assert!(e.contains("larger than 50 MB"), "{e}");

    let long = dir.path().join("long.csv");
    std::fs::write(
        &long,
        format!(
            "address,language,consent,source\nanna.svensson@test.example,sv,2026-03-01,{}\nbo.berg@test.example,sv,2026-03-01,\n",
            "x".repeat(subscribers::MAX_FIELD_BYTES + 1)
        ),
    )
    .unwrap();
    let out = cmd(dir.path(), &config, import_cmd(&long)).unwrap();
    assert!(
        out.starts_with("long.csv: 1 added, 0 updated, 1 refused"),
        "{out}"
    );
    assert!(
        out.contains("line 2: a***@test.example: the `source` field is longer than 1024 bytes"),
        "{out}"
    );
}

#[test]
fn an_import_applies_all_accepted_rows_or_none() {
    let (dir, config) = site();
    let mut conn = open(dir.path(), &config);
    // A store error on the last accepted row of the file.
    conn.execute_batch(
        "CREATE TRIGGER fail BEFORE INSERT ON subscribers WHEN NEW.address = 'hana.kovac@test.example'
         BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;",
    )
    .unwrap();
    let e = import(&mut conn, &config, &fixture("mixed.csv"), now()).unwrap_err();
    assert!(e.to_string().contains("nothing was imported"), "{e}");
    assert!(e.to_string().contains("disk on fire"), "{e}");
    assert_eq!(store::counts(&conn).unwrap().by_status["confirmed"], 0);
}

/// A subscriber with a row in every table that can concern them, and another one beside.
fn two_people(dir: &Path, config: &Config) -> (Connection, i64, i64) {
    let conn = open(dir, config);
    let (a, _) = store::subscribe(
        &conn,
        "anna.svensson@test.example",
        "sv",
        &["ekskolan".into()],
        Frequency::Daily,
        "form",
        t("2026-11-01T00:00:00Z"),
    )
    .unwrap();
    store::confirm(&conn, a.id, t("2026-11-01T00:10:00Z")).unwrap();
    let (b, _) = store::subscribe(
        &conn,
        "bo.berg@test.example",
        "en",
        &[],
        Frequency::Immediate,
        "form",
        t("2026-11-02T00:00:00Z"),
    )
    .unwrap();
    store::confirm(&conn, b.id, t("2026-11-02T00:10:00Z")).unwrap();
    for (id, addr, doc) in [
        (a.id, "anna.svensson@test.example", "notices/anna-doc"),
        (b.id, "bo.berg@test.example", "notices/bo-doc"),
    ] {
        conn.execute(
            "INSERT INTO outbox (message_key, subscriber_id, address, language, state, queued_at)
             VALUES (?1, ?2, ?3, 'sv', 'sent', '2026-11-22T06:30:00Z')",
            rusqlite::params![format!("crisis:{doc}"), id, addr],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO delivered (subscriber_id, document) VALUES (?1, ?2)",
            rusqlite::params![id, doc],
        )
        .unwrap();
        store::issue_token(&conn, id, "unsubscribe", None).unwrap();
    }
    // A row queued by address only (the subscriber id lost), in another case.
    conn.execute(
        "INSERT INTO outbox (message_key, subscriber_id, address, language, state, queued_at)
         VALUES ('digest:daily:2026-11-23', NULL, 'Anna.Svensson@test.example', 'sv', 'failed', '2026-11-23T06:00:00Z')",
        [],
    )
    .unwrap();
    (conn, a.id, b.id)
}

#[test]
fn erase_leaves_no_trace_but_the_salted_hash() {
    let (dir, config) = site();
    let (conn, anna, bo) = two_people(dir.path(), &config);
    let path = store_path(dir.path(), &config).unwrap();
    let before = dump(&conn);
    assert!(before.iter().any(|(_, _, v)| v.contains("anna.svensson")));
    assert!(contains(&store_bytes(&path), "anna.svensson"));

    assert!(store::erase(&conn, "ANNA.svensson@test.example", now()).unwrap());

    for (table, column, value) in dump(&conn) {
        assert!(
            !value.to_lowercase().contains("anna.svensson"),
            "{table}.{column} still holds the address"
        );
        if column == "subscriber_id" || (table == "subscribers" && column == "id") {
            assert_ne!(
                value,
                anna.to_string(),
                "{table}.{column} still holds the id"
            );
        }
        assert!(
            !value.contains("anna-doc"),
            "{table}.{column} still holds what she was sent"
        );
    }
    // No bytes of the address are left in the files either.
    assert!(!contains(&store_bytes(&path), "anna.svensson"));
    drop(conn);
    assert!(!contains(&store_bytes(&path), "anna.svensson"));

    // Only the hash remains, and it is sha256(salt || address).
    let conn = store::open(&path).unwrap();
    let salt = store::salt(&conn).unwrap();
    let hashes: Vec<(String, String)> = conn
        .prepare("SELECT hash, erased_at FROM erased")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let expected: String = Sha256::digest(format!("{salt}anna.svensson@test.example"))
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(hashes, [(expected, "2026-11-22T11:00:00Z".to_owned())]);
    assert!(store::is_erased(&conn, "anna.svensson@test.example").unwrap());
    assert!(!store::is_erased(&conn, "bo.berg@test.example").unwrap());

    // The other person is untouched.
    let rows: i64 = conn
        .query_row(
            "SELECT (SELECT count(*) FROM outbox WHERE subscriber_id = ?1)
                  + (SELECT count(*) FROM delivered WHERE subscriber_id = ?1)
                  + (SELECT count(*) FROM tokens WHERE subscriber_id = ?1)",
            [bo],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(rows, 3);
    assert!(store::by_id(&conn, bo).unwrap().is_some());
}

#[test]
fn erase_says_when_a_reader_kept_the_log_from_being_emptied() {
    let (dir, config) = site();
    let (conn, _, _) = two_people(dir.path(), &config);
    let path = store_path(dir.path(), &config).unwrap();
    let mut reader = store::open(&path).unwrap();
    let tx = reader.transaction().unwrap();
    let _: i64 = tx
        .query_row("SELECT count(*) FROM subscribers", [], |r| r.get(0))
        .unwrap();
    // The checkpoint waits for the reader as long as the busy timeout allows (10 s in `open`).
    conn.busy_timeout(std::time::Duration::from_millis(200))
        .unwrap();
    let e = store::erase_report(&conn, "anna.svensson@test.example", now()).unwrap();
    assert!(e.subscriber && !e.log_emptied, "{e:?}");
    drop(tx);
    drop(reader);
    let e = store::erase_report(&conn, "anna.svensson@test.example", now()).unwrap();
    assert!(!e.found() && e.log_emptied, "{e:?}");
    assert!(!contains(&store_bytes(&path), "anna.svensson"));
}

#[test]
fn erase_command_reports_what_went_and_refuses_non_addresses() {
    let (dir, config) = site();
    let (conn, _, _) = two_people(dir.path(), &config);
    drop(conn);
    let out = cmd(
        dir.path(),
        &config,
        SubscribersCommand::Erase {
            address: "anna.svensson@test.example".into(),
        },
    )
    .unwrap();
    assert!(
        out.contains(
            "the subscriber record, 2 queued or sent messages, 1 delivery record, 1 link token"
        ),
        "{out}"
    );
    let out = cmd(
        dir.path(),
        &config,
        SubscribersCommand::Erase {
            address: "nobody@test.example".into(),
        },
    )
    .unwrap();
    assert!(
        out.starts_with("Nothing was stored about n***@test.example."),
        "{out}"
    );
    let conn = open(dir.path(), &config);
    assert!(store::is_erased(&conn, "nobody@test.example").unwrap());
    let e = cmd(
        dir.path(),
        &config,
        SubscribersCommand::Erase {
            address: "not an address".into(),
        },
    )
    .unwrap_err();
    assert!(e.contains("is not an address"), "{e}");
    assert!(matches!(
        store::erase(&conn, "x", now()),
        Err(StoreError::InvalidAddress(_))
    ));
}

#[test]
fn export_holds_exactly_that_persons_data() {
    let (dir, config) = site();
    let (conn, anna, _) = two_people(dir.path(), &config);
    let salt = store::salt(&conn).unwrap();
    let hashes: Vec<String> = conn
        .prepare("SELECT hash FROM tokens")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    drop(conn);
    let out = cmd(
        dir.path(),
        &config,
        SubscribersCommand::Export {
            address: " Anna.Svensson@test.example ".into(),
        },
    )
    .unwrap();
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["address"], "anna.svensson@test.example");
    let s = &v["subscriber"];
    assert_eq!(s["id"], anna);
    assert_eq!(s["status"], "confirmed");
    assert_eq!(s["language"], "sv");
    assert_eq!(s["topics"], serde_json::json!(["ekskolan"]));
    assert_eq!(s["frequency"], "daily");
    assert_eq!(s["consent_at"], "2026-11-01T00:10:00Z");
    assert_eq!(s["consent_source"], "form");
    assert_eq!(v["outbox"].as_array().unwrap().len(), 2);
    assert_eq!(v["delivered"], serde_json::json!(["notices/anna-doc"]));
    assert_eq!(
        v["tokens"],
        serde_json::json!([{ "purpose": "unsubscribe", "expires_at": null, "used_at": null }])
    );
    assert!(v["erased"].is_null());
    for other in ["bo.berg", "bo-doc", &salt, &hashes[0], &hashes[1]] {
        assert!(!out.contains(other), "{other} in the export:\n{out}");
    }

    let e = cmd(
        dir.path(),
        &config,
        SubscribersCommand::Export {
            address: "nobody@test.example".into(),
        },
    )
    .unwrap_err();
    assert!(
        e.contains("nothing is stored about n***@test.example"),
        "{e}"
    );
    assert!(!e.contains("nobody@"), "{e}");

    // After erasure, all that is left is that it was erased.
    cmd(
        dir.path(),
        &config,
        SubscribersCommand::Erase {
            address: "anna.svensson@test.example".into(),
        },
    )
    .unwrap();
    let conn = open(dir.path(), &config);
    let v = store::export(&conn, "anna.svensson@test.example")
        .unwrap()
        .unwrap();
    assert!(v["subscriber"].is_null());
    assert_eq!(v["outbox"], serde_json::json!([]));
    assert_eq!(v["erased"]["erased_at"], "2026-11-22T11:00:00Z");
}

#[test]
fn list_counts_without_addresses() {
    let (dir, config) = site();
    cmd(dir.path(), &config, import_cmd(&fixture("mixed.csv"))).unwrap();
    let conn = open(dir.path(), &config);
    store::subscribe(
        &conn,
        "pending.person@test.example",
        "en",
        &[],
        Frequency::Daily,
        "form",
        now(),
    )
    .unwrap();
    let c = store::counts(&conn).unwrap();
    assert_eq!(c.by_status["confirmed"], 3);
    assert_eq!(c.by_status["pending"], 1);
    assert_eq!(c.by_language["sv"], 1);
    assert_eq!(c.by_language["en"], 1);
    assert_eq!(c.by_language["ar"], 1);
    assert_eq!(c.by_topic["skolmat"], 2);
    assert_eq!(c.by_topic["ekskolan"], 1);
    assert_eq!(c.by_topic["styrelsen"], 1);
    assert_eq!(c.all_topics, 1);

    let out = cmd(dir.path(), &config, SubscribersCommand::List).unwrap();
    assert!(!out.contains('@'), "{out}");
    let line = |label: &str| {
        out.lines()
            .find(|l| l.trim_start().starts_with(label))
            .unwrap_or_else(|| panic!("no {label:?} in\n{out}"))
            .split_whitespace()
            .last()
            .unwrap()
            .to_owned()
    };
    assert!(
        out.starts_with("Subscribers in data/subscribers.sqlite: 4\n"),
        "{out}"
    );
    assert_eq!(line("confirmed"), "3");
    assert_eq!(line("pending"), "1");
    assert_eq!(line("unsubscribed"), "0");
    assert_eq!(line("Svenska (sv)"), "1");
    assert_eq!(line("العربية (ar)"), "1");
    assert_eq!(line("Skolmåltider (skolmat)"), "2");
    assert_eq!(line("Styrelsen (styrelsen)"), "1");
    assert_eq!(line("every topic (chose none)"), "1");
}

#[test]
fn tokens_are_stored_as_hashes_only() {
    let (dir, config) = site();
    let (conn, anna, _) = two_people(dir.path(), &config);
    let path = store_path(dir.path(), &config).unwrap();
    let confirm =
        store::issue_token(&conn, anna, "confirm", Some(t("2026-11-23T11:00:00Z"))).unwrap();
    let prefs = store::issue_token(&conn, anna, "preferences", None).unwrap();
    assert!(confirm.len() >= 22 && prefs.len() >= 22);
    for (table, column, value) in dump(&conn) {
        assert!(
            !value.contains(&confirm) && !value.contains(&prefs),
            "{table}.{column} holds a token"
        );
    }
    assert!(!contains(&store_bytes(&path), &confirm));
    assert!(!contains(&store_bytes(&path), &prefs));
    drop(conn);
    assert!(!contains(&store_bytes(&path), &confirm));

    let conn = store::open(&path).unwrap();
    // Wrong purpose, expired, then single use.
    assert_eq!(
        store::take_token(&conn, &confirm, "preferences", now(), true).unwrap(),
        None
    );
    assert_eq!(
        store::take_token(&conn, &confirm, "confirm", t("2026-11-23T11:00:01Z"), true).unwrap(),
        None
    );
    assert_eq!(
        store::take_token(&conn, &confirm, "confirm", now(), true).unwrap(),
        Some(anna)
    );
    assert_eq!(
        store::take_token(&conn, &confirm, "confirm", now(), true).unwrap(),
        None
    );
    // A reusable token stays valid.
    for _ in 0..2 {
        assert_eq!(
            store::take_token(&conn, &prefs, "preferences", now(), false).unwrap(),
            Some(anna)
        );
    }
    // Erasing the person takes their tokens with them.
    store::erase(&conn, "anna.svensson@test.example", now()).unwrap();
    assert_eq!(
        store::take_token(&conn, &prefs, "preferences", now(), false).unwrap(),
        None
    );
}

#[test]
fn store_path_refuses_published_folders_and_a_missing_mail_section() {
    for store in [
        "public/subscribers.sqlite",
        "./data/../public/x/subscribers.sqlite",
        "content/subscribers.sqlite",
        "static/s.sqlite",
        ".anslag/preview/s.sqlite",
    ] {
        let (dir, config) = site_with_store(store);
        let e = store_path(dir.path(), &config).unwrap_err();
        let d = &e.0[0];
        assert_eq!(d.file(), Some(Path::new("site.yaml")), "{e}");
        let line = std::fs::read_to_string(dir.path().join("site.yaml"))
            .unwrap()
            .lines()
            .position(|l| l.trim_start().starts_with("store:"))
            .unwrap()
            + 1;
        assert_eq!(d.line, Some(line), "{e}");
        let text = e.to_string();
        assert!(text.contains("would be published"), "{text}");
        assert!(text.contains(&format!("store: {store}")), "{text}");
        assert!(text.contains("hint: set `store:` under `mail:`"), "{text}");
        // The commands refuse too, before creating anything.
        assert!(run(dir.path(), &config, SubscribersCommand::List, now()).is_err());
        assert!(!dir.path().join(store).exists());
    }

    // Through a symbolic link.
    #[cfg(unix)]
    {
        let (dir, config) = site_with_store("data/subscribers.sqlite");
        std::fs::create_dir(dir.path().join("public")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("public"), dir.path().join("data")).unwrap();
        let e = store_path(dir.path(), &config).unwrap_err();
        assert!(e.to_string().contains("inside public/"), "{e}");
    }

    // Outside: fine, also as an absolute path.
    let (dir, config) = site_with_store("../outside/subscribers.sqlite");
    assert!(store_path(dir.path(), &config).is_ok());
    let abs = dir.path().parent().unwrap().join("elsewhere.sqlite");
    let (dir2, config) = site_with_store(abs.to_str().unwrap());
    assert_eq!(store_path(dir2.path(), &config).unwrap(), abs);

    let dir = common::temp_dir();
    std::fs::copy(
        common::fixture("minimal").join("site.yaml"),
        dir.path().join("site.yaml"),
    )
    .unwrap();
    let config = config::load(dir.path()).unwrap();
    let e = store_path(dir.path(), &config).unwrap_err().to_string();
    assert!(e.contains("site.yaml has no `mail:` section"), "{e}");
    assert!(e.contains("hint: add a `mail:` section"), "{e}");
}
