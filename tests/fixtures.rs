//! Fixture-driven validation tests: every file in `tests/fixtures/valid` (and the demo
//! payloads in `www/data`) must load; every file in `tests/fixtures/invalid` must fail with
//! exactly the messages in its `.expected` sidecar, one `location: message` per line.
//! `DEALDIFF_BLESS=1 cargo test --test fixtures` rewrites the sidecars (review the diff!).

use dealdiff::core::{load_bytes, PayloadError};
use std::fs;
use std::path::{Path, PathBuf};

fn json_files(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

fn lines(errors: &[PayloadError]) -> String {
    errors.iter().map(|e| format!("{e}\n")).collect()
}

#[test]
fn valid_fixtures_load() {
    let mut files = json_files("tests/fixtures/valid");
    files.extend(json_files("www/data"));
    assert!(
        files.len() >= 5,
        "expected valid fixtures and demo payloads, found {}",
        files.len()
    );
    for file in files {
        let bytes = fs::read(&file).unwrap();
        match load_bytes(&bytes) {
            Ok(loaded) => {
                let warnings = file.with_extension("warnings");
                let expected = fs::read_to_string(&warnings).unwrap_or_default();
                assert_eq!(
                    lines(&loaded.warnings),
                    expected,
                    "warnings of {}",
                    file.display()
                );
            }
            Err(r) => panic!("{} should load, but:\n{}", file.display(), lines(&r.errors)),
        }
    }
}

#[test]
fn invalid_fixtures_fail_with_exact_messages() {
    let bless = std::env::var_os("DEALDIFF_BLESS").is_some();
    let files = json_files("tests/fixtures/invalid");
    assert!(
        files.len() >= 30,
        "expected at least 30 invalid fixtures, found {}",
        files.len()
    );
    let mut failures = Vec::new();
    for file in files {
        let bytes = fs::read(&file).unwrap();
        let sidecar = file.with_extension("expected");
        let actual = match load_bytes(&bytes) {
            Ok(_) => {
                failures.push(format!("{} loaded, but should fail", file.display()));
                continue;
            }
            Err(r) => lines(&r.errors),
        };
        if bless {
            fs::write(&sidecar, &actual).unwrap();
            continue;
        }
        let expected = fs::read_to_string(&sidecar)
            .unwrap_or_else(|_| panic!("{} has no {}", file.display(), sidecar.display()));
        if actual != expected {
            failures.push(format!(
                "{}\n--- expected\n{expected}--- actual\n{actual}",
                file.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
