//! Bounded replay of the committed fuzz corpus (`fuzz/corpus/`) on stable, without cargo-fuzz:
//! every payload (and timing) input must load or be rejected without a panic, with well-formed
//! problem lists, and every diff input must keep
//! the word diff, token, quote link and anchor properties. The checks are the fuzz targets' own
//! (`fuzz/checks.rs`); see `fuzz/README.md` for running the fuzzer itself.

#[path = "../fuzz/checks.rs"]
mod checks;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The whole replay must stay well inside the test command's budget.
const BUDGET: Duration = Duration::from_secs(20);

fn corpus(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

fn replay(target: &str, check: fn(&[u8])) {
    let files = corpus(target);
    assert!(files.len() >= 5, "{target}: only {} inputs", files.len());
    let start = Instant::now();
    for file in &files {
        let data = fs::read(file).unwrap();
        let outcome = std::panic::catch_unwind(|| check(&data));
        assert!(outcome.is_ok(), "{target}: {} panicked", file.display());
    }
    let took = start.elapsed();
    assert!(took < BUDGET, "{target}: replay took {took:?}");
}

#[test]
fn payload_corpus_replays() {
    replay("payload", checks::payload);
}

#[test]
fn diff_corpus_replays() {
    replay("diff", checks::diff_input);
}

/// The timing target's corpus, with the payload checks (its timing is the fuzzer's to judge).
#[test]
fn timing_corpus_replays() {
    replay("timing", checks::payload);
}
