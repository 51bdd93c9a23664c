//! The deal's headline block: title, summary, parties and date.
//! The title's id labels the widget's region, so screen readers announce what the widget is about.
//! A long summary is folded to a few lines on narrow screens, with "More": a checkbox and its
//! label, so it works in the prerender without JavaScript; the whole text stays in the DOM for
//! screen readers, search and print.

use super::actions::use_actions;
use super::{use_ui, DealRc};
use crate::core::lang::word_count;
use yew::prelude::*;

/// A summary longer than this many words folds on narrow screens.
const FOLD_WORDS: usize = 45;

/// Props of [`DealHeader`].
#[derive(Properties, PartialEq)]
pub struct DealHeaderProps {
    /// The deal shown.
    pub deal: DealRc,
    /// Id given to the title, referenced by the region's `aria-labelledby`.
    pub title_id: AttrValue,
}

/// Title, summary, parties and announcement date.
#[function_component]
pub fn DealHeader(props: &DealHeaderProps) -> Html {
    let (ui, actions) = (use_ui(), use_actions());
    let deal = &props.deal;
    let fold = deal
        .summary
        .as_deref()
        .filter(|s| actions.controls() && word_count(s) > FOLD_WORDS)
        .map(|_| actions.id("more-summary"));
    html! {
        <header class="head">
            <h2 class="title" id={props.title_id.clone()}>{ &deal.title }</h2>
            if !deal.parties.is_empty() || deal.date.is_some() {
                <p class="meta">
                    if !deal.parties.is_empty() {
                        <span class="parties">
                            <span class="visually-hidden" lang={ui.tag} dir={ui.dir()}>{ ui.parties }{ ": " }</span>
                            { deal.parties.join(" · ") }
                        </span>
                    }
                    if let Some(date) = deal.date {
                        <time class="date" datetime={date.to_string()} lang={ui.tag} dir={ui.dir()}>{ (ui.format_date)(date) }</time>
                    }
                </p>
            }
            if let Some(summary) = &deal.summary {
                if let Some(id) = &fold {
                    <input type="checkbox" class="more-toggle" id={id.clone()} />
                }
                <p class={if fold.is_some() { "summary long" } else { "summary" }}>{ summary }</p>
                if let Some(id) = fold {
                    <label class="more" for={id} lang={ui.tag} dir={ui.dir()}>
                        <span class="when-folded">{ ui.more }</span><span class="when-open">{ ui.less }</span>
                        <span class="visually-hidden">{ " " }{ ui.more_summary }</span>
                    </label>
                }
            }
        </header>
    }
}
