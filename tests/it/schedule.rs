//! `anslag schedule`: every moment the example site changes by itself, read with a fixed clock.

use std::process::Command;

fn schedule(now: &str) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_anslag"))
        .args([
            "--site",
            env!("CARGO_MANIFEST_DIR"),
            "schedule",
            "--format",
            "json",
        ])
        .args(["--now", now])
        .output()
        .expect("run anslag schedule");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn find<'a>(s: &'a serde_json::Value, what: &str, doc: &str) -> Option<&'a serde_json::Value> {
    s["changes"]
        .as_array()?
        .iter()
        .find(|c| c["what"] == what && c["document"] == doc)
}

#[test]
fn lists_embargoes_expiries_the_notice_board_and_digests_in_order() {
    let s = schedule("2026-11-22T12:00:00+01:00");
    let embargo = find(&s, "published", "press/elevenkat-2026").expect("the embargo");
    assert_eq!(embargo["at"], "2027-01-15T09:00:00+01:00");
    assert_eq!(embargo["at_utc"], "2027-01-15T08:00:00Z");
    assert_eq!(
        embargo["file"],
        "content/press/2027-01-15-elevenkat-2026.sv.md"
    );
    let crisis = find(&s, "expires", "notices/schools-closed-water").expect("the crisis notice");
    assert_eq!(crisis["languages"].as_array().map(Vec::len), Some(8));
    assert!(
        find(
            &s,
            "off-notice-board",
            "minutes/barn-och-utbildningsnamnden"
        )
        .is_some()
    );
    assert!(
        s["changes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["what"] == "daily-digest")
    );
    let times: Vec<&str> = s["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["at_utc"].as_str().unwrap())
        .collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "{times:?}");
    assert!(
        times.iter().all(|t| *t > "2026-11-22T11:00:00Z"),
        "{times:?}"
    );
}

#[test]
fn a_moment_that_passed_is_no_longer_listed() {
    let s = schedule("2027-01-15T09:00:00+01:00");
    assert!(
        find(&s, "published", "press/elevenkat-2026").is_none(),
        "{s}"
    );
    let s = schedule("2027-01-15T08:59:00+01:00");
    assert!(
        find(&s, "published", "press/elevenkat-2026").is_some(),
        "{s}"
    );
}
