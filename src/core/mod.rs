//! The native core: payload v1 types, reading, validation and comparison.
//! NO `web_sys`, `js_sys` or `yew` below this line: it compiles and tests on the host, and serves browser, CLI and tests alike.

pub mod compare;
pub mod date;
pub mod deal;
pub mod diff;
pub mod error;
pub mod lang;
pub mod limits;
pub mod links;
pub mod locate;
pub mod navigate;
pub mod payload;
pub mod read;
pub mod stamp;
pub mod validate;
pub mod view_mode;

pub use compare::{classify, Change, Pair, Tally};
pub use deal::Deal;
pub use error::{JsonPath, PayloadError, Position, Problem, Segment};
pub use view_mode::ViewMode;

/// A payload that rendered, with what was ignored on the way.
#[derive(Debug)]
pub struct Loaded {
    /// The validated model.
    pub deal: Deal,
    /// Unknown fields and other ignored things, for the console (capped like errors).
    pub warnings: Vec<PayloadError>,
}

/// A payload that cannot be rendered: every problem found, in document order, capped at
/// [`limits::MAX_PROBLEMS`] (then the last entry is a [`Problem::More`] summary).
#[derive(Debug)]
pub struct Rejected {
    /// At least one.
    pub errors: Vec<PayloadError>,
    /// Ignored things found on the way.
    pub warnings: Vec<PayloadError>,
}

/// Outcome of loading a payload.
pub type Outcome = Result<Loaded, Rejected>;

/// Loads a payload from bytes (a fetched file): size, UTF-8, BOM, JSON, types, rules.
pub fn load_bytes(bytes: &[u8]) -> Outcome {
    load_parsed(read::parse_bytes(bytes))
}

/// Loads a payload from text (an inline script, a textarea).
pub fn load_str(text: &str) -> Outcome {
    load_parsed(read::parse_str(text))
}

/// Loads a payload already parsed (the widget's `payload` property).
pub fn load_value(value: &serde_json::Value) -> Outcome {
    let mut report = read::Report::default();
    let payload = read::read_payload(value, &mut report);
    // An unsupported version or a non-object root: anything more would be noise.
    let hopeless = payload.version != 1 || report.root_failed();
    let deal = if hopeless {
        None
    } else {
        validate::validate(payload, &mut report)
    };
    let (errors, warnings) = report.finish();
    match deal {
        Some(deal) => Ok(Loaded { deal, warnings }),
        None => Err(Rejected { errors, warnings }),
    }
}

fn load_parsed(parsed: Result<serde_json::Value, PayloadError>) -> Outcome {
    match parsed {
        Ok(value) => load_value(&value),
        Err(e) => Err(Rejected {
            errors: vec![e],
            warnings: Vec::new(),
        }),
    }
}
