//! Two strings split at the first NUL: word diff, tokens, quote link, anchors (see `../checks.rs`).
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::diff_input(data));
