//! The reader's state and its reducer: every choice a reader makes goes through [`Reader::apply`],
//! and the analytics event it reports comes from [`interaction`], both pure and tested natively.
//!
//! A choice is remembered with the input it was made under (the attribute value, the payload):
//! when that input changes, the host's new value wins again.

use super::notice::Notice;
use super::DealRc;
use crate::core::navigate::{self, Filter};
use crate::core::{Pair, ViewMode};
use std::rc::Rc;
use yew::{AttrValue, Reducible};

/// What a reader (or a followed link) did.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Picked a view.
    View(ViewMode),
    /// Picked the two versions to compare.
    Compare(Pair),
    /// Toggled "changes only".
    ChangesOnly(bool),
    /// Picked a topic (`None`: all).
    Topic(Option<String>),
    /// Next (`true`) or previous change.
    Step(bool),
    /// Go to a term and focus it (a deep link); the filter is lifted first if it would hide it.
    Go {
        /// Index into `deal.terms`.
        index: usize,
        /// Whether the current filter hides it.
        lift_filter: bool,
    },
    /// Picked a term in the overview of the changes: go there like next/previous does.
    Jump(usize),
    /// Opened or closed a term's history (all its versions).
    History(usize),
    /// Opened or closed the filter disclosure (narrow screens).
    ToggleFilters,
    /// Copied the link to a term.
    CopyLink(usize),
    /// Followed a source link (the term whose quote it is, if any).
    OpenSource {
        /// The link's address.
        url: String,
        /// Index into `deal.terms`.
        term: Option<usize>,
    },
}

/// What an action is applied under: the render the reader acted on.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    /// The deal shown.
    pub deal: DealRc,
    /// The pair shown.
    pub pair: Pair,
    /// The `view` attribute then.
    pub view_attr: Option<AttrValue>,
    /// The `compare` attribute then.
    pub compare_attr: Option<AttrValue>,
    /// The stops of next/previous under the filters then.
    pub stops: Rc<Vec<usize>>,
}

/// The reader's choices.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reader {
    view: Option<(ViewMode, Option<AttrValue>)>,
    pair: Option<(Pair, DealRc, Option<AttrValue>)>,
    /// The filters.
    pub filter: Filter,
    /// The term the reader navigated or linked to.
    pub current: Option<usize>,
    /// Bumped when focus should move to `current`.
    pub focus: u32,
    /// The term whose link was just copied.
    pub copied: Option<usize>,
    /// The term whose history is open.
    pub history: Option<usize>,
    /// Whether the filter disclosure is open.
    pub filters_open: bool,
}

impl Reader {
    /// The view shown: the reader's, unless the attribute changed since they chose.
    pub fn view(&self, attr: Option<&AttrValue>, from_attr: ViewMode) -> ViewMode {
        match &self.view {
            Some((mode, at)) if at.as_ref() == attr => *mode,
            _ => from_attr,
        }
    }

    /// The pair shown: the reader's, unless the payload or the attribute changed since.
    pub fn pair(&self, deal: &DealRc, attr: Option<&AttrValue>, from_attr: Pair) -> Pair {
        match &self.pair {
            Some((p, d, at)) if d == deal && at.as_ref() == attr => *p,
            _ => from_attr,
        }
    }

    /// The state after `action`.
    pub fn apply(&self, action: &Action, scene: &Scene) -> Reader {
        let mut next = self.clone();
        next.copied = None;
        match action {
            Action::View(mode) => next.view = Some((*mode, scene.view_attr.clone())),
            Action::Compare(pair) => {
                next.pair = Some((*pair, scene.deal.clone(), scene.compare_attr.clone()))
            }
            Action::ChangesOnly(on) => next.filter.changes_only = *on,
            Action::Topic(topic) => next.filter.topic = topic.clone(),
            Action::Step(forward) => {
                if let Some(index) = navigate::step(&scene.stops, self.current, *forward) {
                    next.current = Some(index);
                    next.focus = next.focus.wrapping_add(1);
                }
            }
            Action::Jump(index) => {
                next.current = Some(*index);
                next.focus = next.focus.wrapping_add(1);
            }
            Action::History(index) => {
                next.history = (self.history != Some(*index)).then_some(*index);
            }
            Action::ToggleFilters => next.filters_open = !self.filters_open,
            Action::Go { index, lift_filter } => {
                if *lift_filter {
                    next.filter = Filter::default();
                }
                next.current = Some(*index);
                next.focus = next.focus.wrapping_add(1);
            }
            Action::CopyLink(index) => next.copied = Some(*index),
            Action::OpenSource { .. } => return self.clone(),
        }
        next
    }
}

/// An action with the scene it was taken in, as the reducer receives it.
pub struct Step(pub Action, pub Rc<Scene>);

impl Reducible for Reader {
    type Action = Step;
    fn reduce(self: Rc<Self>, Step(action, scene): Step) -> Rc<Self> {
        let next = self.apply(&action, &scene);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// The `dealdiff:interact` event an action reports, if any (a followed deep link reports none).
pub fn interaction(action: &Action, reader: &Reader, scene: &Scene) -> Option<Notice> {
    let deal = &scene.deal;
    let term = |i: usize| Some(deal.terms[i].id.clone());
    let (action, value, term) = match action {
        Action::View(mode) => ("view", Some(mode.as_str().to_owned()), None),
        Action::Compare(p) => {
            let value = format!("{} {}", deal.versions[p.from].id, deal.versions[p.to].id);
            ("compare", Some(value), None)
        }
        Action::ChangesOnly(on) => ("changes-only", Some(on.to_string()), None),
        Action::Topic(topic) => ("topic", topic.clone(), None),
        Action::Step(forward) => {
            let index = navigate::step(&scene.stops, reader.current, *forward)?;
            let name = if *forward { "next" } else { "previous" };
            (name, None, term(index))
        }
        Action::Go { .. } | Action::ToggleFilters => return None,
        Action::Jump(index) => ("overview", None, term(*index)),
        Action::History(index) => {
            let value = if reader.history == Some(*index) {
                "close"
            } else {
                "open"
            };
            ("history", Some(value.to_owned()), term(*index))
        }
        Action::CopyLink(index) => ("copy-link", None, term(*index)),
        Action::OpenSource { url, term: t } => ("source-link", Some(url.clone()), t.and_then(term)),
    };
    Some(Notice::Interact {
        action,
        value,
        term,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::load_str;

    fn scene() -> Scene {
        let deal = load_str(
            r#"{"version":1,"title":"T","versions":[{"id":"a","label":"A"},{"id":"b","label":"B"},{"id":"c","label":"C"}],
               "terms":[{"id":"same","label":"S","values":{"a":"1","c":"1"}},
                        {"id":"x","label":"X","topic":"t","values":{"a":"1","c":"2"}},
                        {"id":"y","label":"Y","values":{"c":"new"}}]}"#,
        )
        .unwrap()
        .deal;
        Scene {
            deal: DealRc(Rc::new(deal)),
            pair: Pair { from: 0, to: 2 },
            view_attr: None,
            compare_attr: None,
            stops: Rc::new(vec![1, 2]),
        }
    }

    fn interact(n: Option<Notice>) -> (String, Option<String>, Option<String>) {
        match n {
            Some(Notice::Interact {
                action,
                value,
                term,
            }) => (action.to_owned(), value, term),
            other => panic!("expected an interaction, got {other:?}"),
        }
    }

    #[test]
    fn steps_move_through_changes_and_report_the_term_reached() {
        let s = scene();
        let r = Reader::default();
        assert_eq!(
            interact(interaction(&Action::Step(true), &r, &s)),
            ("next".into(), None, Some("x".into()))
        );
        let r = r.apply(&Action::Step(true), &s);
        assert_eq!((r.current, r.focus), (Some(1), 1));
        let r = r.apply(&Action::Step(true), &s);
        assert_eq!(r.current, Some(2));
        assert_eq!(
            interact(interaction(&Action::Step(true), &r, &s)).2,
            Some("x".into()),
            "wraps around"
        );
        let none = Scene {
            stops: Rc::new(vec![]),
            ..s
        };
        assert_eq!(r.apply(&Action::Step(true), &none), r, "nowhere to go");
        assert_eq!(interaction(&Action::Step(true), &r, &none), None);
    }

    #[test]
    fn a_choice_holds_until_its_attribute_changes() {
        let s = scene();
        let r = Reader::default().apply(&Action::View(ViewMode::After), &s);
        assert_eq!(r.view(None, ViewMode::Split), ViewMode::After);
        let attr = AttrValue::from("before");
        assert_eq!(r.view(Some(&attr), ViewMode::Before), ViewMode::Before);
        let p = Pair { from: 1, to: 2 };
        let r = r.apply(&Action::Compare(p), &s);
        assert_eq!(r.pair(&s.deal, None, Pair { from: 0, to: 2 }), p);
        let other = DealRc(Rc::new((*s.deal.0).clone()));
        assert_eq!(
            r.pair(&other, None, Pair { from: 0, to: 2 }),
            Pair { from: 0, to: 2 },
            "a new payload resets the pair"
        );
    }

    #[test]
    fn filters_links_and_copies() {
        let s = scene();
        let r = Reader::default().apply(&Action::ChangesOnly(true), &s);
        let r = r.apply(&Action::Topic(Some("t".into())), &s);
        assert_eq!(
            r.filter,
            Filter {
                changes_only: true,
                topic: Some("t".into())
            }
        );
        let r = r.apply(
            &Action::Go {
                index: 0,
                lift_filter: true,
            },
            &s,
        );
        assert_eq!((r.filter.clone(), r.current), (Filter::default(), Some(0)));
        let r = r.apply(&Action::CopyLink(2), &s);
        assert_eq!(r.copied, Some(2));
        assert_eq!(r.apply(&Action::ChangesOnly(false), &s).copied, None);
        let open = Action::OpenSource {
            url: "https://e.x/".into(),
            term: Some(1),
        };
        assert_eq!(r.apply(&open, &s), r, "following a link changes nothing");
    }

    #[test]
    fn every_reader_action_reports_what_it_did() {
        let (s, r) = (scene(), Reader::default());
        let cases = [
            (
                Action::View(ViewMode::Before),
                ("view", Some("before"), None),
            ),
            (
                Action::Compare(Pair { from: 1, to: 2 }),
                ("compare", Some("b c"), None),
            ),
            (
                Action::ChangesOnly(true),
                ("changes-only", Some("true"), None),
            ),
            (Action::Topic(None), ("topic", None, None)),
            (Action::CopyLink(2), ("copy-link", None, Some("y"))),
            (Action::Jump(1), ("overview", None, Some("x"))),
            (Action::History(0), ("history", Some("open"), Some("same"))),
            (
                Action::OpenSource {
                    url: "https://e.x/".into(),
                    term: Some(1),
                },
                ("source-link", Some("https://e.x/"), Some("x")),
            ),
        ];
        for (action, (name, value, term)) in cases {
            assert_eq!(
                interact(interaction(&action, &r, &s)),
                (
                    name.to_owned(),
                    value.map(str::to_owned),
                    term.map(str::to_owned)
                ),
                "{action:?}"
            );
        }
        let link = Action::Go {
            index: 1,
            lift_filter: false,
        };
        assert_eq!(
            interaction(&link, &r, &s),
            None,
            "a followed link is not an action"
        );
        assert_eq!(interaction(&Action::ToggleFilters, &r, &s), None);
    }

    #[test]
    fn history_and_filters_open_and_close_and_overview_jumps() {
        let s = scene();
        let r = Reader::default().apply(&Action::History(1), &s);
        assert_eq!(r.history, Some(1));
        assert_eq!(
            interact(interaction(&Action::History(1), &r, &s))
                .1
                .as_deref(),
            Some("close")
        );
        assert_eq!(r.apply(&Action::History(1), &s).history, None);
        assert_eq!(
            r.apply(&Action::History(2), &s).history,
            Some(2),
            "one open at a time"
        );
        let r = r.apply(&Action::ToggleFilters, &s);
        assert!(r.filters_open);
        assert!(!r.apply(&Action::ToggleFilters, &s).filters_open);
        let r = r.apply(&Action::Jump(0), &s);
        assert_eq!((r.current, r.focus), (Some(0), 1), "an unchanged term too");
    }
}
