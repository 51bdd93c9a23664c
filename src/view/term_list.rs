//! The comparison itself: column headings for the two versions, then one row per displayed term.
//! Which rows show is decided by `core::navigate::rows` (filters, terms absent from both versions).

use super::actions::use_actions;
use super::change_overview::ChangeOverview;
use super::term_row::TermRow;
use super::{use_ui, DealRc};
use crate::core::navigate::Row;
use crate::core::{Pair, Tally, ViewMode};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`TermList`].
#[derive(Properties, PartialEq)]
pub struct TermListProps {
    /// The deal.
    pub deal: DealRc,
    /// Versions compared.
    pub pair: Pair,
    /// Which values to show.
    pub view: ViewMode,
    /// The rows to show, in order.
    pub rows: Rc<Vec<Row>>,
    /// The term the reader navigated to.
    #[prop_or_default]
    pub current: Option<usize>,
    /// The term whose link was just copied.
    #[prop_or_default]
    pub copied: Option<usize>,
    /// The term whose history is open.
    #[prop_or_default]
    pub history: Option<usize>,
    /// Called after each render that has every row in the DOM (so after the last chunk).
    #[prop_or_default]
    pub on_complete: Callback<()>,
}

/// Rows rendered at once, then added per task: a 2,000-term comparison would otherwise block the
/// page for over a second in one task. A static render (the prerendered snippet, and so the first
/// render of a hydrated one) has every row.
const FIRST_ROWS: usize = 120;
const MORE_ROWS: usize = 400;
/// A list up to this long renders at once: its task is about as long as a long list's first chunk
/// (`node bench/scale.mjs`: 200 rows at once 232 ms, a 2,000-term list's longest task 232–268 ms),
/// and `dealdiff:ready` comes a layout and a chunk sooner (200 terms: 474 → 383 ms).
const ALL_AT_ONCE: usize = 250;

/// Headings and rows.
#[function_component]
pub fn TermList(props: &TermListProps) -> Html {
    let (ui, actions) = (use_ui(), use_actions());
    // How many rows are rendered, per payload: a new payload starts small again; filters and
    // pairs keep what is there (keyed rows are reused, not rebuilt). A list that was first
    // rendered static (hydrated from the prerender) keeps every row it has.
    let first = if props.rows.len() <= ALL_AT_ONCE || !actions.live() {
        ALL_AT_ONCE
    } else {
        FIRST_ROWS
    };
    let limit = use_state(|| {
        (
            props.deal.clone(),
            if actions.live() { first } else { usize::MAX },
        )
    });
    let wanted = if limit.0 == props.deal {
        limit.1.max(first)
    } else {
        first
    };
    let through_current = props
        .current
        .and_then(|c| props.rows.iter().position(|r| r.index == c))
        .map_or(0, |p| p + 1);
    let shown = wanted.max(through_current).min(props.rows.len());
    {
        // The next chunk after the browser has had a turn (effects run once this pass is done).
        let (limit, deal) = (limit.clone(), props.deal.clone());
        use_effect_with(
            (props.deal.clone(), shown, props.rows.clone()),
            move |(_, shown, rows)| {
                if *shown < rows.len() {
                    let next = *shown + MORE_ROWS;
                    yew::platform::spawn_local(async move {
                        yew::platform::time::sleep(std::time::Duration::ZERO).await;
                        limit.set((deal, next));
                    });
                }
            },
        );
    }
    // Completion is reported from a task queued now, which runs as soon as Yew's current pass
    // (this render and the rows' first renders) has put the rows in the DOM. Not from an effect:
    // Yew runs effects only after it yields to the browser when a pass takes over 16 ms, so
    // `dealdiff:ready` would wait for a layout and paint. Every complete render reports; the root
    // sends `dealdiff:ready` once per payload and pair.
    #[cfg(feature = "csr")]
    if shown == props.rows.len() && actions.live() {
        let done = props.on_complete.clone();
        yew::platform::spawn_local(async move { done.emit(()) });
    }
    let deal = &props.deal;
    let tally = Tally::of(deal, props.pair);
    let all = tally.changed() + tally.unchanged;
    let column = |i: usize, side: &'static str| {
        let v = &deal.versions[i];
        html! {
            <div class={if side == "from" { "column-head from" } else { "column-head to" }}>
                { &v.label }
                if let Some(d) = v.date {
                    <time datetime={d.to_string()} lang={ui.tag} dir={ui.dir()}>{ (ui.format_date)(d) }</time>
                }
            </div>
        }
    };
    let heads = match props.view {
        ViewMode::Split => {
            html! { <>{ column(props.pair.from, "from") }{ column(props.pair.to, "to") }</> }
        }
        ViewMode::Before => column(props.pair.from, "from"),
        ViewMode::After => column(props.pair.to, "to"),
    };
    html! {
        <section class="comparison" aria-labelledby={actions.id("terms")}>
            <h3 id={actions.id("terms")} lang={ui.tag} dir={ui.dir()}>{ ui.terms_heading }
                <span class="tally">{ (ui.summary_changed)(tally.changed(), all) }</span>
                if props.rows.len() < all {
                    <span class="tally">{ (ui.filtered)(props.rows.len(), all) }</span>
                }
            </h3>
            <ChangeOverview deal={deal.clone()} rows={props.rows.clone()} current={props.current} />
            <div class={if props.view == ViewMode::Split { "column-heads split" } else { "column-heads single" }}
                 aria-hidden="true">{ heads }</div>
            if props.rows.is_empty() {
                <p class="empty" lang={ui.tag} dir={ui.dir()}>{ ui.nothing_matches }</p>
            }
            <ol class="terms">
                { for props.rows.iter().take(shown).map(|row| html! {
                    <TermRow key={deal.terms[row.index].id.clone()} deal={deal.clone()} index={row.index}
                        pair={props.pair} change={row.change} view={props.view}
                        current={props.current == Some(row.index)} copied={props.copied == Some(row.index)}
                        history={props.history == Some(row.index)} />
                }) }
            </ol>
        </section>
    }
}
