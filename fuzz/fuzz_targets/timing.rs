//! Validation time: any input whose `load_bytes` takes more than 3× its size-proportional budget
//! of CPU time is a failure (the fuzzer keeps it as a crash). The budget is this build's time per byte on a
//! typical valid payload (so the instrumentation's slowdown is in it) times the input's size (at
//! least `FLOOR` bytes, for the fixed cost of a call). An input that looks slow against the
//! yardstick measured at start is timed five more times interleaved with the yardstick, and the
//! fastest of each are compared, so a busy machine does not raise false alarms.
//! The structural checks of `../checks.rs` run too.
#![no_main]

#[path = "../checks.rs"]
mod checks;

use std::sync::OnceLock;
use std::time::Duration;

/// CPU time this thread has used: waiting for a core does not count, so other work on the
/// machine does not make an input look slow.
fn cpu_time() -> Duration {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid timespec to write to; this clock exists on Linux.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

/// Inputs shorter than this are budgeted as this long.
const FLOOR: usize = 2_048;
/// Allowed slowdown over the budget.
const FACTOR: f64 = 3.0;

fn timed(data: &[u8]) -> Duration {
    let start = cpu_time();
    let outcome = dealdiff::core::load_bytes(data);
    let took = cpu_time() - start;
    drop(outcome);
    took
}

/// The yardstick: a typical valid payload of 32 KiB.
fn yardstick() -> &'static [u8] {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| checks::typical_payload(32 * 1024)).as_bytes()
}

/// Seconds per byte of the yardstick: the fastest of `runs`.
fn per_byte(runs: usize) -> f64 {
    let text = yardstick();
    (0..runs)
        .map(|_| timed(text).as_secs_f64())
        .fold(f64::INFINITY, f64::min)
        / text.len() as f64
}

/// Seconds per byte measured once at start, for the quick first check.
fn first_per_byte() -> f64 {
    static PER_BYTE: OnceLock<f64> = OnceLock::new();
    *PER_BYTE.get_or_init(|| per_byte(15))
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let size = data.len().max(FLOOR) as f64;
    let first = timed(data).as_secs_f64();
    if first > FACTOR * first_per_byte() * size {
        // Looks slow: time the input and the yardstick again, interleaved, so both see the same
        // load on the machine, and compare the fastest of each.
        let (mut best, mut yard) = (first, f64::INFINITY);
        for _ in 0..5 {
            best = best.min(timed(data).as_secs_f64());
            yard = yard.min(per_byte(1));
        }
        let budget = yard * size;
        assert!(
            best <= FACTOR * budget,
            "validating {} bytes took {:.3} ms, over {FACTOR}× its budget of {:.3} ms",
            data.len(),
            best * 1e3,
            budget * 1e3
        );
    }
    checks::payload(data);
});
