//! The deal's headline block: title, summary, parties and date.
//! The title's id labels the widget's region, so screen readers announce what the widget is about.

use super::{use_ui, DealRc};
use yew::prelude::*;

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
    let ui = use_ui();
    let deal = &props.deal;
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
                <p class="summary">{ summary }</p>
            }
        </header>
    }
}
