//! The validated model the view renders: every reference resolved to an index, every date parsed.
//! Only `validate` builds it, so holding a `Deal` means the payload was sound.

use super::date::Date;
use super::lang::Dir;

/// A payload that passed validation.
#[derive(Clone, Debug, PartialEq)]
pub struct Deal {
    /// Headline.
    pub title: String,
    /// One-paragraph overview.
    pub summary: Option<String>,
    /// When the change was announced.
    pub date: Option<Date>,
    /// Language of the payload's text.
    pub lang: Option<String>,
    /// Direction of the payload's text, from `lang`.
    pub dir: Dir,
    /// Names of the parties.
    pub parties: Vec<String>,
    /// At least two, oldest first.
    pub versions: Vec<Version>,
    /// At least one.
    pub terms: Vec<Term>,
    /// Sources quotes come from.
    pub sources: Vec<Source>,
    /// Quoted passages.
    pub quotes: Vec<Quote>,
}

/// One state of the agreement.
#[derive(Clone, Debug, PartialEq)]
pub struct Version {
    /// Id used by `compare` and term values.
    pub id: String,
    /// Column heading.
    pub label: String,
    /// When it took effect.
    pub date: Option<Date>,
}

/// One term across all versions.
#[derive(Clone, Debug, PartialEq)]
pub struct Term {
    /// Stable id.
    pub id: String,
    /// What it is about.
    pub label: String,
    /// Grouping heading.
    pub topic: Option<String>,
    /// Text per version, indexed like [`Deal::versions`]; `None`: the term did not exist then.
    pub values: Vec<Option<String>>,
    /// Context.
    pub note: Option<String>,
    /// Indexes into [`Deal::quotes`], in the order the payload lists them.
    pub quotes: Vec<usize>,
}

/// Where quotes come from.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    /// Id.
    pub id: String,
    /// Who published it.
    pub publisher: String,
    /// Article title.
    pub title: Option<String>,
    /// A checked `http:`/`https:` URL.
    pub url: Option<String>,
    /// Publication date.
    pub date: Option<Date>,
    /// Language of the source.
    pub lang: Option<String>,
}

/// A quoted passage.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    /// Id.
    pub id: String,
    /// Index into [`Deal::sources`].
    pub source: usize,
    /// The passage.
    pub text: String,
    /// Who said it.
    pub speaker: Option<String>,
    /// Not verbatim in the source's language.
    pub translated: bool,
    /// Whether any term cites it (uncited quotes go in the general list).
    pub cited: bool,
}

impl Deal {
    /// Position of the version with this id.
    pub fn version_index(&self, id: &str) -> Option<usize> {
        self.versions.iter().position(|v| v.id == id)
    }

    /// Quotes no term cites, for "What the sources say".
    pub fn uncited_quotes(&self) -> impl Iterator<Item = (usize, &Quote)> {
        self.quotes.iter().enumerate().filter(|(_, q)| !q.cited)
    }

    /// Distinct topics, in order of first appearance.
    pub fn topics(&self) -> Vec<&str> {
        let mut topics: Vec<&str> = Vec::new();
        for t in self.terms.iter().filter_map(|t| t.topic.as_deref()) {
            if !topics.contains(&t) {
                topics.push(t);
            }
        }
        topics
    }
}
