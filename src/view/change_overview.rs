//! The overview of the changes at the top of the comparison: how many terms changed in which way,
//! and one mark per displayed term in term order (or per run of terms in a long list), each
//! showing its change by a symbol as well as colour; a mark moves the reader to its term. The
//! marks are one stop in the Tab order (the reader's mark, else the first); arrow keys, Home and
//! End move between them.

use super::actions::use_actions;
use super::state::Action;
use super::{use_ui, DealRc, Ui};
use crate::core::navigate::Row;
use crate::core::Change;
use std::rc::Rc;
use yew::prelude::*;

/// Above this many rows, each mark stands for a run of consecutive terms.
const MAX_MARKS: usize = 40;

/// Props of [`ChangeOverview`].
#[derive(Properties, PartialEq)]
pub struct ChangeOverviewProps {
    /// The deal.
    pub deal: DealRc,
    /// The displayed rows.
    pub rows: Rc<Vec<Row>>,
    /// The term the reader is at.
    #[prop_or_default]
    pub current: Option<usize>,
}

/// Symbol per change kind (`Change as usize`), then for a run of mixed changes.
const SYMBOLS: [&str; 5] = ["+", "−", "~", "=", "±"];
const CLASSES: [&str; 5] = [
    "mark added",
    "mark removed",
    "mark modified",
    "mark unchanged",
    "mark mixed",
];

/// Counts and marks.
#[function_component]
pub fn ChangeOverview(props: &ChangeOverviewProps) -> Html {
    let (ui, actions) = (use_ui(), use_actions());
    let mut counts = [0usize; 4];
    for r in props.rows.iter() {
        counts[r.change as usize] += 1;
    }
    let [added, removed, modified, unchanged] = counts;
    let per_mark = props.rows.len().div_ceil(MAX_MARKS).max(1);
    let stop = props
        .current
        .and_then(|c| props.rows.iter().position(|r| r.index == c))
        .map_or(0, |p| p / per_mark);
    let marks = props.rows.chunks(per_mark).enumerate().map(|(n, run)| {
        let (kind, target, label) = describe(&props.deal, run, n * per_mark, ui);
        let here = props.current.is_some_and(|c| run.iter().any(|r| r.index == c));
        let actions = actions.clone();
        html! {
            <li class={CLASSES[kind]}>
                <button type="button" aria-label={label.clone()} title={label} disabled={actions.inert()}
                    tabindex={if n == stop { "0" } else { "-1" }}
                    aria-current={here.then_some("true")} onclick={move |_| actions.send(Action::Jump(target))}>
                    <span aria-hidden="true">{ SYMBOLS[kind] }</span>
                </button>
            </li>
        }
    });
    html! {
        <nav class="overview" aria-label={ui.overview}>
            <p class="counts">{ (ui.counts)(modified, added, removed, unchanged) }</p>
            if actions.controls() && !props.rows.is_empty() {
                <ol class="marks needs-js" onkeydown={Callback::from(arrows)}>{ for marks }</ol>
            }
        </nav>
    }
}

/// Arrow keys (mirrored right to left), Home and End move focus between the marks.
fn arrows(e: KeyboardEvent) {
    use wasm_bindgen::JsCast;
    let Some(mark) = e.target_dyn_into::<web_sys::Element>() else {
        return;
    };
    let rtl = mark
        .closest("[dir]")
        .ok()
        .flatten()
        .and_then(|d| d.get_attribute("dir"))
        .is_some_and(|d| d == "rtl");
    let forward = if rtl { "ArrowLeft" } else { "ArrowRight" };
    let back = if rtl { "ArrowRight" } else { "ArrowLeft" };
    let Some(Ok(marks)) = mark
        .closest("ol")
        .ok()
        .flatten()
        .map(|ol| ol.query_selector_all("button"))
    else {
        return;
    };
    let count = marks.length();
    let Some(at) = (0..count).find(|&i| marks.get(i).is_some_and(|m| m.is_same_node(Some(&mark))))
    else {
        return;
    };
    let key = e.key();
    let to = match key.as_str() {
        k if k == forward || k == "ArrowDown" => (at + 1).min(count - 1),
        k if k == back || k == "ArrowUp" => at.saturating_sub(1),
        "Home" => 0,
        "End" => count - 1,
        _ => return,
    };
    e.prevent_default();
    if let Some(target) = marks
        .get(to)
        .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = target.focus();
    }
}

/// A run's kind (index into `SYMBOLS`), the term a mark moves to (its first change, else its
/// first term) and its accessible name.
fn describe(deal: &DealRc, run: &[Row], start: usize, ui: Ui) -> (usize, usize, String) {
    let first = run[0];
    if let [only] = run {
        let label = format!(
            "{}: {}",
            deal.terms[only.index].label, ui.change[only.change as usize]
        );
        return (only.change as usize, only.index, label);
    }
    let same = run.iter().all(|r| r.change == first.change);
    let kind = if same {
        first.change as usize
    } else {
        SYMBOLS.len() - 1
    };
    let target = run
        .iter()
        .find(|r| r.change != Change::Unchanged)
        .unwrap_or(&first)
        .index;
    let mut counts = [0usize; 4];
    for r in run {
        counts[r.change as usize] += 1;
    }
    let [a, r, m, u] = counts;
    let label = format!(
        "{}: {}",
        (ui.terms_range)(start + 1, start + run.len()),
        (ui.counts)(m, a, r, u)
    );
    (kind, target, label)
}
