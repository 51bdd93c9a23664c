//! What passes between the widget and the embed layer: what to show ([`Content`]) and what the
//! widget tells its host ([`Notice`]). The embed layer turns notices into DOM events and console lines.

use super::DealRc;
use crate::core::PayloadError;
use std::rc::Rc;

/// Why a payload cannot be shown.
#[derive(Debug, PartialEq)]
pub struct Failure {
    /// Validation problems, with paths.
    pub errors: Vec<PayloadError>,
    /// What failed before validation (a fetch), in words.
    pub context: Option<String>,
    /// Whether trying again could help (network faults).
    pub retryable: bool,
}

/// What the widget has to show.
#[derive(Clone, Debug, PartialEq)]
pub enum Content {
    /// Waiting for the payload.
    Loading,
    /// A validated deal.
    Ready(DealRc),
    /// A payload that cannot be rendered.
    Failed(Rc<Failure>),
}

/// What the widget tells its host.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// A deal (or a new compare pair) is rendered: counts in the payload.
    Ready {
        /// Terms in the payload.
        terms: usize,
        /// Quotes in the payload.
        quotes: usize,
    },
    /// A reader action, for host analytics.
    Interact {
        /// `view`, `compare`, `changes-only`, `topic`, `next`, `previous`, `source-link`, `copy-link`.
        action: &'static str,
        /// What it was set to (view name, "from to" ids, a topic, a URL), if anything.
        value: Option<String>,
        /// The term concerned, if any.
        term: Option<String>,
    },
    /// The reader asked for a link to a term: the embed layer copies it and sets the page's hash.
    CopyLink {
        /// The fragment, without `#`.
        anchor: String,
    },
    /// The payload cannot be rendered; the alert is in the DOM.
    Failed(Rc<Failure>),
    /// Something ignored, for the console.
    Warning(String),
}
