//! The payload as its author writes it (contract §3, version 1): plain serde types, nothing resolved.
//! `read` fills them from JSON while collecting type errors; `validate` turns them into a [`crate::core::Deal`].

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A payload v1 as written.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Payload {
    /// Always 1 for this format.
    pub version: u32,
    /// Headline of the deal.
    pub title: String,
    /// One-paragraph overview.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// When the change was announced, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// BCP 47 tag of the payload's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Names of the parties.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<String>,
    /// States of the agreement, oldest first; `None` means the default Before/After pair.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub versions: Option<Vec<Version>>,
    /// The terms compared.
    pub terms: Vec<Term>,
    /// Where quotes come from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// Quoted passages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<Quote>,
}

/// One state of the agreement.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Version {
    /// Referenced by term `values` and the `compare` attribute.
    pub id: String,
    /// What readers see as the column heading.
    pub label: String,
    /// When this state took effect, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// One term of the agreement, across versions.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Term {
    /// Stable id (hooks, anchors).
    pub id: String,
    /// What the term is about.
    pub label: String,
    /// Grouping heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// Version id → text in that version; missing or null means the term did not exist then.
    pub values: BTreeMap<String, Option<String>>,
    /// Context shown with the term.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Ids of quotes supporting the term.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<String>,
}

/// Where quotes come from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Source {
    /// Referenced by quotes.
    pub id: String,
    /// Who published it.
    pub publisher: String,
    /// Article title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// `http:` or `https:` link to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Language of the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

/// A quoted passage.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Quote {
    /// Referenced by terms.
    pub id: String,
    /// Id of the source it comes from.
    pub source: String,
    /// The passage.
    pub text: String,
    /// Who said it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// True when the text is not verbatim in the source's language.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub translated: bool,
}
