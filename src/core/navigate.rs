//! Which terms a reader sees under the current filters, and where "next/previous change" goes.
//! Model logic, so it lives here and is tested natively; the view only renders rows and moves focus.

use super::compare::{classify, Change, Pair};
use super::deal::Deal;

/// The reader's filters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Hide unchanged terms.
    pub changes_only: bool,
    /// Show only terms with this topic.
    pub topic: Option<String>,
}

/// A displayed term: its index in `deal.terms` and its change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    /// Index into `deal.terms`.
    pub index: usize,
    /// Its change for the pair.
    pub change: Change,
}

/// The rows shown for `pair` under `filter`, in payload order. Terms absent from both
/// versions never show (contract §2).
pub fn rows(deal: &Deal, pair: Pair, filter: &Filter) -> Vec<Row> {
    deal.terms
        .iter()
        .enumerate()
        .filter(|(_, t)| {
            filter
                .topic
                .as_deref()
                .is_none_or(|topic| t.topic.as_deref() == Some(topic))
        })
        .filter_map(|(index, t)| {
            Some(Row {
                index,
                change: classify(t, pair.from, pair.to)?,
            })
        })
        .filter(|r| !filter.changes_only || r.change != Change::Unchanged)
        .collect()
}

/// Whether `filter` hides term `index` (so a deep link to it must lift the filter first).
pub fn hides(deal: &Deal, pair: Pair, filter: &Filter, index: usize) -> bool {
    !rows(deal, pair, filter).iter().any(|r| r.index == index)
}

/// The changed rows' term indexes, the stops of next/previous navigation.
pub fn stops(rows: &[Row]) -> Vec<usize> {
    rows.iter()
        .filter(|r| r.change != Change::Unchanged)
        .map(|r| r.index)
        .collect()
}

/// The next (or previous) stop from `current`, wrapping around. From no current term, or one
/// that is not a stop (an unchanged term the reader opened by link), it goes to the first stop
/// after (or before) it in payload order.
pub fn step(stops: &[usize], current: Option<usize>, forward: bool) -> Option<usize> {
    let (first, last) = (*stops.first()?, *stops.last()?);
    Some(match (current, forward) {
        (None, true) => first,
        (None, false) => last,
        (Some(c), true) => stops.iter().copied().find(|&s| s > c).unwrap_or(first),
        (Some(c), false) => stops.iter().rev().copied().find(|&s| s < c).unwrap_or(last),
    })
}

/// 1-based position of `current` among the stops, 0 when it is not one.
pub fn position(stops: &[usize], current: Option<usize>) -> usize {
    current
        .and_then(|c| stops.iter().position(|&s| s == c))
        .map_or(0, |p| p + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::load_str;

    fn deal() -> Deal {
        load_str(
            r#"{"version":1,"title":"T","terms":[
              {"id":"a","label":"A","topic":"x","values":{"before":"1","after":"1"}},
              {"id":"b","label":"B","topic":"y","values":{"before":"1","after":"2"}},
              {"id":"c","label":"C","topic":"x","values":{"after":"new"}},
              {"id":"d","label":"D","values":{}},
              {"id":"e","label":"E","topic":"y","values":{"before":"gone"}}]}"#,
        )
        .unwrap()
        .deal
    }

    #[test]
    fn filters_combine() {
        let d = deal();
        let pair = Pair::default_for(&d);
        let ids = |f: &Filter| {
            rows(&d, pair, f)
                .iter()
                .map(|r| d.terms[r.index].id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            ids(&Filter::default()),
            ["a", "b", "c", "e"],
            "d exists in neither version"
        );
        assert_eq!(
            ids(&Filter {
                changes_only: true,
                topic: None
            }),
            ["b", "c", "e"]
        );
        assert_eq!(
            ids(&Filter {
                changes_only: false,
                topic: Some("x".into())
            }),
            ["a", "c"]
        );
        assert_eq!(
            ids(&Filter {
                changes_only: true,
                topic: Some("x".into())
            }),
            ["c"]
        );
        assert!(hides(
            &d,
            pair,
            &Filter {
                changes_only: true,
                topic: None
            },
            0
        ));
        assert!(!hides(&d, pair, &Filter::default(), 0));
    }

    #[test]
    fn steps_wrap_and_skip_unchanged() {
        let d = deal();
        let stops = stops(&rows(&d, Pair::default_for(&d), &Filter::default()));
        assert_eq!(stops, [1, 2, 4]);
        assert_eq!(step(&stops, None, true), Some(1));
        assert_eq!(step(&stops, None, false), Some(4));
        assert_eq!(step(&stops, Some(1), true), Some(2));
        assert_eq!(step(&stops, Some(4), true), Some(1), "wraps forward");
        assert_eq!(step(&stops, Some(1), false), Some(4), "wraps back");
        assert_eq!(
            step(&stops, Some(0), true),
            Some(1),
            "from an unchanged term"
        );
        assert_eq!(step(&stops, Some(3), false), Some(2));
        assert_eq!(step(&[], None, true), None);
        assert_eq!(position(&stops, Some(2)), 2);
        assert_eq!(position(&stops, Some(0)), 0);
        assert_eq!(position(&stops, None), 0);
    }
}
