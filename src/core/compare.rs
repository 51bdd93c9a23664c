//! How each term changed between the two versions a reader compares (contract §3, Term).
//! Pure functions of the model, so the widget, the prerender CLI and the tests classify alike.

use super::deal::{Deal, Term};

/// The change of one term between two versions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Change {
    /// Absent in the first, present in the second.
    Added,
    /// Present in the first, absent in the second.
    Removed,
    /// Present in both, different text.
    Modified,
    /// Present in both, same text.
    Unchanged,
}

impl Change {
    /// The value of the `data-change` hook.
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Added => "added",
            Change::Removed => "removed",
            Change::Modified => "modified",
            Change::Unchanged => "unchanged",
        }
    }
}

/// The change of `term` from version `from` to version `to` (indexes into the
/// deal's versions); `None` when the term exists in neither, so it is not shown.
pub fn classify(term: &Term, from: usize, to: usize) -> Option<Change> {
    let a = term.values.get(from)?.as_deref();
    let b = term.values.get(to)?.as_deref();
    match (a, b) {
        (None, None) => None,
        (None, Some(_)) => Some(Change::Added),
        (Some(_), None) => Some(Change::Removed),
        (Some(x), Some(y)) if x == y => Some(Change::Unchanged),
        (Some(_), Some(_)) => Some(Change::Modified),
    }
}

/// The two versions being compared, as indexes, older first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pair {
    /// The earlier version.
    pub from: usize,
    /// The later version.
    pub to: usize,
}

impl Pair {
    /// The contract's default: first and last versions.
    pub fn default_for(deal: &Deal) -> Pair {
        Pair {
            from: 0,
            to: deal.versions.len().saturating_sub(1),
        }
    }

    /// Reads a `compare` attribute ("v2023 v2025"). Returns the pair to use and,
    /// when the attribute could not be honoured, a warning for the console; the
    /// pair is then the default. Ids given newest first are put in order.
    pub fn from_attribute(deal: &Deal, attr: Option<&str>) -> (Pair, Option<String>) {
        let default = Pair::default_for(deal);
        let Some(attr) = attr.map(str::trim).filter(|a| !a.is_empty()) else {
            return (default, None);
        };
        let ids: Vec<&str> = attr.split_whitespace().collect();
        let warn = |why: String| (default, Some(format!("compare=\"{attr}\" ignored: {why}")));
        let [a, b] = ids[..] else {
            return warn(format!(
                "expected two version ids separated by a space, found {}",
                ids.len()
            ));
        };
        let known = || {
            deal.versions
                .iter()
                .map(|v| v.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let (Some(x), Some(y)) = (deal.version_index(a), deal.version_index(b)) else {
            let unknown = if deal.version_index(a).is_none() {
                a
            } else {
                b
            };
            return warn(format!(
                "unknown version id `{unknown}` (known: {})",
                known()
            ));
        };
        if x == y {
            return warn("the two ids are the same version".to_owned());
        }
        (
            Pair {
                from: x.min(y),
                to: x.max(y),
            },
            None,
        )
    }
}

/// Counts of each change between a pair, for summaries and navigation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Terms added.
    pub added: usize,
    /// Terms removed.
    pub removed: usize,
    /// Terms modified.
    pub modified: usize,
    /// Terms unchanged.
    pub unchanged: usize,
}

impl Tally {
    /// Tallies every displayed term of `deal` for `pair`.
    pub fn of(deal: &Deal, pair: Pair) -> Tally {
        let mut t = Tally::default();
        for change in deal
            .terms
            .iter()
            .filter_map(|term| classify(term, pair.from, pair.to))
        {
            match change {
                Change::Added => t.added += 1,
                Change::Removed => t.removed += 1,
                Change::Modified => t.modified += 1,
                Change::Unchanged => t.unchanged += 1,
            }
        }
        t
    }

    /// Terms that changed in any way.
    pub fn changed(self) -> usize {
        self.added + self.removed + self.modified
    }
}
