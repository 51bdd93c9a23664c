//! One term as the reader sees it: label, topic, change badge, the compared values with word marks, note, quotes.
//! Carries the contract's `data-term-id` / `data-change` hooks, and a copy-link control for deep links.

use super::quote::QuoteList;
use super::widget::ViewMode;
use super::{use_ui, DealRc, Ui};
use crate::core::diff::{word_diff, Piece};
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
    /// The term's change between them.
    pub change: Change,
    /// Which values to show.
    pub view: ViewMode,
    /// The term the reader navigated to (highlighted).
    #[prop_or_default]
    pub current: bool,
    /// The reader just copied this term's link.
    #[prop_or_default]
    pub copied: bool,
    /// Copy a link to this term (its index).
    #[prop_or_default]
    pub on_copy_link: Callback<usize>,
    /// Forwarded to the quotes, with this term's id.
    #[prop_or_default]
    pub on_open_source: Callback<(String, Option<String>)>,
}

/// The change in words, never colour alone (a function: one per term adds up in long lists).
pub fn change_badge(change: Change, ui: Ui) -> Html {
    html! {
        <span class={classes!("badge", change.as_str())} lang={ui.tag} dir={ui.dir()}>
            { ui.change[change as usize] }
        </span>
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Side {
    From,
    To,
}

/// One side of a word diff: removed words struck through on the earlier side, added words
/// underlined on the later one, each with a hidden word for screen readers.
fn marked(pieces: &[Piece], side: Side, ui: Ui) -> Html {
    pieces
        .iter()
        .filter_map(|p| match (p, side) {
            (Piece::Same(t), _) => Some(html! { { t.as_str() } }),
            (Piece::Removed(t), Side::From) => Some(html! {
                <del><span class="visually-hidden" lang={ui.tag} dir={ui.dir()}>{ ui.removed_words }{ " " }</span>{ t.as_str() }</del>
            }),
            (Piece::Added(t), Side::To) => Some(html! {
                <ins><span class="visually-hidden" lang={ui.tag} dir={ui.dir()}>{ ui.added_words }{ " " }</span>{ t.as_str() }</ins>
            }),
            _ => None,
        })
        .collect()
}

/// A term row.
#[function_component]
pub fn TermRow(props: &TermRowProps) -> Html {
    let ui = use_ui();
    let deal = &props.deal;
    let term = &deal.terms[props.index];
    let diff = use_memo(
        (deal.clone(), props.index, props.pair, props.change),
        |(deal, i, pair, change)| {
            let t = &deal.terms[*i];
            match (change, &t.values[pair.from], &t.values[pair.to]) {
                (Change::Modified, Some(a), Some(b)) => Some(word_diff(a, b)),
                _ => None,
            }
        },
    );
    let cell = |version: usize, side: Side| {
        let v = &deal.versions[version];
        let text = match (&*diff, &term.values[version]) {
            (Some(pieces), Some(_)) => {
                html! { <p class="value-text">{ marked(pieces, side, ui) }</p> }
            }
            (None, Some(text)) => html! { <p class="value-text">{ text }</p> },
            (_, None) => {
                html! { <p class="value-text absent" lang={ui.tag} dir={ui.dir()}>{ ui.absent }</p> }
            }
        };
        let class = classes!("value", if side == Side::From { "from" } else { "to" });
        html! { <div {class}><span class="value-version">{ &v.label }</span>{ text }</div> }
    };
    let values = match props.view {
        ViewMode::Split => {
            html! { <>{ cell(props.pair.from, Side::From) }{ cell(props.pair.to, Side::To) }</> }
        }
        ViewMode::Before => cell(props.pair.from, Side::From),
        ViewMode::After => cell(props.pair.to, Side::To),
    };
    let heading_id = format!("dd-term-{}", props.index);
    let index = props.index;
    let on_open_source = {
        let (cb, id) = (props.on_open_source.clone(), term.id.clone());
        Callback::from(move |url: String| cb.emit((url, Some(id.clone()))))
    };
    html! {
        <li class={classes!("term", props.change.as_str(), props.current.then_some("current"))}
            data-term-id={term.id.clone()} data-change={props.change.as_str()} data-term-index={index.to_string()}
            tabindex="-1" aria-labelledby={heading_id.clone()}>
            <div class="term-head">
                <h4 class="term-label" id={heading_id}>{ &term.label }</h4>
                { change_badge(props.change, ui) }
                if let Some(topic) = &term.topic {
                    <span class="topic">{ topic }</span>
                }
                <button type="button" class="copy-link" aria-label={format!("{} {}", ui.copy_link, term.label)}
                    onclick={props.on_copy_link.reform(move |_| index)}>
                    <span aria-hidden="true">{ "#" }</span>
                </button>
                if props.copied {
                    <span class="copied" role="status" lang={ui.tag} dir={ui.dir()}>{ ui.link_copied }</span>
                }
            </div>
            <div class={classes!("values", if props.view == ViewMode::Split { "split" } else { "single" })}>
                { values }
            </div>
            if let Some(note) = &term.note {
                <p class="note">{ note }</p>
            }
            <QuoteList deal={deal.clone()} quotes={term.quotes.clone()} label={ui.quotes_for} {on_open_source} />
        </li>
    }
}
