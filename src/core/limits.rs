//! The size limits every build enforces, in one place so README, validator and tests agree.
//! They sit well above the contract's floor (2 MiB, 2,000 terms, 6,000 quotes, 5,000-character strings).

/// Largest payload accepted, in bytes of UTF-8 (the BOM included).
pub const MAX_BYTES: usize = 4 * 1024 * 1024;
/// Deepest nesting of arrays and objects accepted (payload v1 needs 4); serde_json's own limit.
pub const MAX_DEPTH: usize = 127;
/// Most terms in one payload.
pub const MAX_TERMS: usize = 5_000;
/// Most quotes in one payload.
pub const MAX_QUOTES: usize = 15_000;
/// Most sources in one payload.
pub const MAX_SOURCES: usize = 5_000;
/// Most versions in one payload.
pub const MAX_VERSIONS: usize = 50;
/// Most parties in one payload.
pub const MAX_PARTIES: usize = 100;
/// Most quote references from one term.
pub const MAX_QUOTES_PER_TERM: usize = 200;
/// Longest string, in characters (Unicode scalar values).
pub const MAX_STRING_CHARS: usize = 10_000;
/// Most problems listed (errors, and separately warnings) in the widget's alert, `dealdiff:error`
/// and `dealdiff check`, in document order; a last line says how many more there were.
pub const MAX_PROBLEMS: usize = 100;
