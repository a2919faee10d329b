//! Replays what the fuzzers found (issue 9): every input that once crashed, hung or blew up
//! memory (`fuzz/regressions/TARGET/`) and every seed (`fuzz/seeds/TARGET/`) goes through the
//! same entry point as its fuzz target (`anslag::fuzzing`), on every test run.

use std::path::Path;

#[test]
fn every_kept_input_runs_clean() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut ran = 0;
    for (target, run) in anslag::fuzzing::TARGETS {
        for dir in ["seeds", "regressions"] {
            let Ok(entries) = std::fs::read_dir(root.join(dir).join(target)) else {
                continue;
            };
            let mut files: Vec<_> = entries.flatten().map(|e| e.path()).collect();
            files.sort();
            for file in files {
                let data = std::fs::read(&file).unwrap();
                let start = std::time::Instant::now();
                if std::panic::catch_unwind(|| run(&data)).is_err() {
                    panic!("{target}: {} panics", file.display());
                }
                assert!(
                    start.elapsed().as_secs() < 20,
                    "{target}: {} takes {:?}",
                    file.display(),
                    start.elapsed()
                );
                ran += 1;
            }
        }
    }
    assert!(ran >= 20, "only {ran} inputs found under fuzz/");
}
