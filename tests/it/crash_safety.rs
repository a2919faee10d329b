//! Crash safety (issue 9): processes killed (SIGKILL) at random moments, many times.
//!
//! - `anslag build`: the output is always the whole old site or the whole new one, never a mix.
//! - `anslag publish` sending: after every kill and a final run, every subscriber has the crisis
//!   message, nobody has a digest twice, and the duplicates are at most the messages in flight at
//!   each kill (one per SMTP connection).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::smtp::SmtpServer;
use crate::common::{NOW, TestSite, snapshot, wait_until};
use anslag::mail::{Frequency, store};
use chrono::{TimeZone, Utc};

/// A small deterministic random number generator (xorshift), so that a failure can be replayed
/// with the seed it prints.
struct Rng(u64);

impl Rng {
    fn seeded() -> Rng {
        let seed = std::env::var("CRASH_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_nanos() as u64)
                    .unwrap_or(1)
            })
            | 1;
        eprintln!("CRASH_SEED={seed}");
        Rng(seed)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

fn anslag() -> Command {
    Command::new(env!("CARGO_BIN_EXE_anslag"))
}

fn build_cmd(site: &TestSite) -> Command {
    let mut c = anslag();
    c.arg("--site")
        .arg(site.root())
        .args(["build", "--now", NOW, "--output"])
        .arg(site.out())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

/// The output minus the build's own working folders beside it.
fn tree(out: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    snapshot(out)
}

#[test]
fn a_build_killed_at_random_moments_leaves_the_old_site_or_the_new_one() {
    const KILLS: usize = 40;
    let site = TestSite::fixture("minimal");
    let press = "content/press/2026-11-01-ny-matsal.sv.md";
    let original = site.read(press);
    let version = |n: usize| original.replace("300 elever", &format!("{} elever", 300 + n));

    // How long a whole build takes, to kill within it.
    site.build(&[]).assert_ok();
    let t = Instant::now();
    site.build(&[]).assert_ok();
    let whole = t.elapsed().as_millis() as u64 + 1;

    let mut rng = Rng::seeded();
    let mut known = vec![tree(&site.out())];
    let mut completed = 0;
    for n in 1..=KILLS {
        site.write(press, version(n));
        // The site as this version builds it, made beside the test's output.
        let expected_dir = site.tmp.path().join(format!("expected-{n}"));
        let status = anslag()
            .arg("--site")
            .arg(site.root())
            .args(["build", "--now", NOW, "--output"])
            .arg(&expected_dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success());
        let expected = tree(&expected_dir);
        std::fs::remove_dir_all(&expected_dir).unwrap();

        let mut child = build_cmd(&site).spawn().unwrap();
        // Not a wait for something to happen: this picks the random moment of the kill.
        std::thread::sleep(Duration::from_millis(rng.below(whole * 3 / 2)));
        let _ = child.kill();
        let status = child.wait().unwrap();
        if status.success() {
            completed += 1;
        }
        let now = tree(&site.out());
        let old = known.last().unwrap();
        assert!(
            &now == old || now == expected,
            "after kill {n}, the output is neither the previous site nor the new one ({} files; old {}, new {})",
            now.len(),
            old.len(),
            expected.len()
        );
        if now == expected {
            known.push(expected);
        }
    }
    // Some kills must have hit the build in flight, or the test proved nothing.
    assert!(
        completed < KILLS,
        "every build finished before it was killed"
    );
    // And the next build cleans up whatever the killed ones left and is whole.
    build_cmd(&site).status().unwrap();
    let leftovers: Vec<String> = std::fs::read_dir(site.tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".out."))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_send_killed_many_times_reaches_everyone_with_bounded_duplicates() {
    const PEOPLE: usize = 120;
    const CONNECTIONS: usize = 3;
    const KILLS: usize = 6;
    let probe = TestSite::example();
    let mail_dir = probe.tmp.path().join("mail");
    let server = SmtpServer::start(&mail_dir, &["--delay", "0.01"]);
    let site = TestSite::example();
    site.edit("site.yaml", "port: 2525", &format!("port: {}", server.port));
    let conn = store::open(&site.path(".anslag/subscribers.sqlite")).unwrap();
    let consent = Utc.with_ymd_and_hms(2026, 10, 1, 8, 0, 0).unwrap();
    let langs = ["sv", "en", "ar", "fa", "so", "uk"];
    let addresses: Vec<String> = (0..PEOPLE)
        .map(|i| format!("k{i:03}@test.example"))
        .collect();
    for (i, a) in addresses.iter().enumerate() {
        let (s, _) = store::subscribe(
            &conn,
            a,
            langs[i % langs.len()],
            &[],
            Frequency::Daily,
            "t",
            consent,
        )
        .unwrap();
        store::confirm(&conn, s.id, consent).unwrap();
    }
    drop(conn);

    let publish = || {
        let mut c = anslag();
        c.arg("--site")
            .arg(site.root())
            .args(["publish", "--no-compress", "--now", NOW, "--connections"])
            .arg(CONNECTIONS.to_string())
            .arg("--output")
            .arg(site.out())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        c
    };
    let mut rng = Rng::seeded();
    let mut kills = 0;
    for _ in 0..KILLS {
        let before = server.received().len();
        let mut child = publish().spawn().unwrap();
        // Kill once it has sent a random few more (unless it has finished before).
        let wait = 5 + rng.below(25) as usize;
        wait_until(
            Duration::from_secs(30),
            &format!("the server has {wait} more messages or the run has ended"),
            || server.received().len() >= before + wait || child.try_wait().unwrap().is_some(),
        );
        if child.try_wait().unwrap().is_none() {
            kills += 1;
        }
        let _ = child.kill();
        let _ = child.wait();
    }
    // Then let it finish.
    let out = publish().stdout(Stdio::piped()).output().unwrap();
    assert!(out.status.success());
    // Messages of the killed runs still in the server's hands are saved (or dropped) by then.
    server.wait_until_idle();

    let received = server.received();
    let parsed = SmtpServer::parse(&received);
    let mut crisis: HashMap<&str, usize> = HashMap::new();
    let mut digest: HashMap<&str, usize> = HashMap::new();
    for (r, p) in received.iter().zip(&parsed) {
        let m = if p.has("importance") {
            &mut crisis
        } else {
            &mut digest
        };
        *m.entry(r.to[0].as_str()).or_default() += 1;
    }
    for a in &addresses {
        assert!(
            crisis.get(a.as_str()).copied().unwrap_or(0) >= 1,
            "{a} never got the crisis message"
        );
        assert!(
            digest.get(a.as_str()).copied().unwrap_or(0) <= 1,
            "{a} got a digest twice"
        );
    }
    let duplicates: usize = crisis.values().map(|n| n - 1).sum();
    eprintln!(
        "{kills} kills, {duplicates} duplicate crisis messages, {} messages",
        received.len()
    );
    assert!(kills >= 3, "only {kills} runs were killed in flight");
    assert!(
        duplicates <= kills * CONNECTIONS,
        "{duplicates} duplicates after {kills} kills with {CONNECTIONS} connections"
    );
}
