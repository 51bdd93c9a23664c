//! One term as the reader sees it: label, topic, change badge, the compared values, note and quotes.
//! Carries the contract's `data-term-id` / `data-change` hooks.

use super::quote::QuoteList;
use super::widget::ViewMode;
use super::{use_ui, DealRc};
use crate::core::{Change, Pair};
use yew::prelude::*;

/// Props of [`TermRow`].
#[derive(Properties, PartialEq)]
pub struct TermRowProps {
    /// The deal.
    pub deal: DealRc,
    /// Index into `deal.terms`.
    pub index: usize,
    /// The versions compared.
    pub pair: Pair,
    /// The term's change between them (the caller skips terms with none).
    pub change: Change,
    /// Which values to show.
    pub view: ViewMode,
    /// Forwarded to the quotes.
    #[prop_or_default]
    pub on_open_source: Callback<String>,
}

/// The change in words, never colour alone.
#[function_component]
pub fn ChangeBadge(props: &ChangeBadgeProps) -> Html {
    let ui = use_ui();
    let i = props.change as usize;
    html! { <span class={classes!("badge", props.change.as_str())}>{ ui.change[i] }</span> }
}

/// Props of [`ChangeBadge`].
#[derive(Properties, PartialEq)]
pub struct ChangeBadgeProps {
    /// The change shown.
    pub change: Change,
}

/// A term row.
#[function_component]
pub fn TermRow(props: &TermRowProps) -> Html {
    let ui = use_ui();
    let deal = &props.deal;
    let term = &deal.terms[props.index];
    let cell = |version: usize, side: &'static str| {
        let v = &deal.versions[version];
        html! {
            <div class={classes!("value", side)}>
                <span class="value-version">{ &v.label }</span>
                { match &term.values[version] {
                    Some(text) => html! { <p class="value-text">{ text }</p> },
                    None => html! { <p class="value-text absent">{ ui.absent }</p> },
                } }
            </div>
        }
    };
    let values = match props.view {
        ViewMode::Split => {
            html! { <>{ cell(props.pair.from, "from") }{ cell(props.pair.to, "to") }</> }
        }
        ViewMode::Before => cell(props.pair.from, "from"),
        ViewMode::After => cell(props.pair.to, "to"),
    };
    let heading_id = format!("dd-term-{}", props.index);
    html! {
        <li class={classes!("term", props.change.as_str())} data-term-id={term.id.clone()}
            data-change={props.change.as_str()} aria-labelledby={heading_id.clone()}>
            <div class="term-head">
                <h4 class="term-label" id={heading_id}>{ &term.label }</h4>
                <ChangeBadge change={props.change} />
                if let Some(topic) = &term.topic {
                    <span class="topic">{ topic }</span>
                }
            </div>
            <div class={classes!("values", if props.view == ViewMode::Split { "split" } else { "single" })}>
                { values }
            </div>
            if let Some(note) = &term.note {
                <p class="note">{ note }</p>
            }
            <QuoteList deal={deal.clone()} quotes={term.quotes.clone()} label={ui.quotes_for}
                on_open_source={props.on_open_source.clone()} />
        </li>
    }
}
