//! One term as the reader sees it: label, topic, change badge, the compared values with word marks, note, quotes.
//! Carries the contract's `data-term-id` / `data-change` hooks, and a copy-link control for deep links.

use super::actions::use_actions;
use super::markup::{fragment, Markup};
use super::quote::QuoteList;
use super::state::Action;
use super::{use_ui, DealRc, Ui};
use crate::core::diff::{word_diff, Piece};
use crate::core::{Change, Deal, Pair, ViewMode};
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
    /// The reader opened this term's history.
    #[prop_or_default]
    pub history: bool,
}

/// `badge <change>`, indexed by `Change as usize`.
const BADGE_CLASSES: [&str; 4] = [
    "badge added",
    "badge removed",
    "badge modified",
    "badge unchanged",
];

/// The change in words, never colour alone (a function: one per term adds up in long lists).
pub fn change_badge(change: Change, ui: Ui) -> Html {
    html! {
        <span class={BADGE_CLASSES[change as usize]} lang={ui.tag} dir={ui.dir()}>
            { ui.change[change as usize] }
        </span>
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Side {
    From,
    To,
    /// Both marks in one text (a term's history).
    Both,
}

/// One side of a word diff: removed words struck through on the earlier side, added words
/// underlined on the later one, each with a hidden word for screen readers.
fn marked(m: &mut Markup, pieces: &[Piece], side: Side, ui: Ui) {
    let hidden = [
        ("class", Some("visually-hidden")),
        ("lang", Some(ui.tag)),
        ("dir", Some(ui.dir())),
    ];
    for piece in pieces {
        let (tag, word, text) = match (piece, side) {
            (Piece::Same(t), _) => {
                m.text(t);
                continue;
            }
            (Piece::Removed(t), Side::From | Side::Both) => ("del", ui.removed_words, t),
            (Piece::Added(t), Side::To | Side::Both) => ("ins", ui.added_words, t),
            _ => continue,
        };
        m.open(tag, &[]);
        m.open("span", &hidden);
        m.text(word);
        m.text(" ");
        m.close("span");
        m.text(text);
        m.close(tag);
    }
}

/// The compared values, as one HTML fragment (see `markup`): static text with word marks.
fn values(
    deal: &Deal,
    term: usize,
    pair: Pair,
    view: ViewMode,
    diff: Option<&[Piece]>,
    ui: Ui,
) -> Html {
    let term = &deal.terms[term];
    fragment(|m| {
        let split = view == ViewMode::Split;
        m.open(
            "div",
            &[(
                "class",
                Some(if split {
                    "values split"
                } else {
                    "values single"
                }),
            )],
        );
        let sides: &[(usize, Side)] = match view {
            ViewMode::Split => &[(pair.from, Side::From), (pair.to, Side::To)],
            ViewMode::Before => &[(pair.from, Side::From)],
            ViewMode::After => &[(pair.to, Side::To)],
        };
        for &(version, side) in sides {
            let class = if side == Side::From {
                "value from"
            } else {
                "value to"
            };
            m.open("div", &[("class", Some(class))]);
            m.element(
                "span",
                &[("class", Some("value-version"))],
                &deal.versions[version].label,
            );
            match (diff, &term.values[version]) {
                (Some(pieces), Some(_)) => {
                    m.open("p", &[("class", Some("value-text"))]);
                    marked(m, pieces, side, ui);
                    m.close("p");
                }
                (None, Some(text)) => m.element("p", &[("class", Some("value-text"))], text),
                (_, None) => {
                    let attrs = [
                        ("class", Some("value-text absent")),
                        ("lang", Some(ui.tag)),
                        ("dir", Some(ui.dir())),
                    ];
                    m.element("p", &attrs, ui.absent);
                }
            }
            m.close("div");
        }
        m.close("div");
    })
}

/// Every version's value of a term, oldest first, each marked against the last version that had
/// one: what a reader of a three-version agreement would otherwise follow by switching pairs.
fn history(deal: &Deal, term: usize, ui: Ui) -> Html {
    let term = &deal.terms[term];
    fragment(|m| {
        m.open("ol", &[("class", Some("history-steps"))]);
        let mut last: Option<&str> = None;
        for (version, value) in deal.versions.iter().zip(&term.values) {
            m.open("li", &[("class", Some("history-step"))]);
            m.open("span", &[("class", Some("value-version"))]);
            m.text(&version.label);
            if let Some(date) = version.date {
                m.text(" ");
                let datetime = date.to_string();
                let attrs = [
                    ("datetime", Some(datetime.as_str())),
                    ("lang", Some(ui.tag)),
                    ("dir", Some(ui.dir())),
                ];
                m.element("time", &attrs, &(ui.format_date)(date));
            }
            m.close("span");
            match (last, value) {
                (Some(before), Some(after)) if before != after => {
                    m.open("p", &[("class", Some("value-text"))]);
                    marked(m, &word_diff(before, after), Side::Both, ui);
                    m.close("p");
                }
                (_, Some(text)) => m.element("p", &[("class", Some("value-text"))], text),
                (_, None) => {
                    let attrs = [
                        ("class", Some("value-text absent")),
                        ("lang", Some(ui.tag)),
                        ("dir", Some(ui.dir())),
                    ];
                    m.element("p", &attrs, ui.absent);
                }
            }
            m.close("li");
            if let Some(v) = value {
                last = Some(v);
            }
        }
        m.close("ol");
    })
}

/// A term row.
#[function_component]
pub fn TermRow(props: &TermRowProps) -> Html {
    let (ui, actions) = (use_ui(), use_actions());
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
    let values = use_memo(
        (
            deal.clone(),
            props.index,
            props.pair,
            props.view,
            diff.clone(),
            ui,
        ),
        |(deal, i, pair, view, diff, ui)| values(deal, *i, *pair, *view, diff.as_deref(), *ui),
    );
    let heading_id = actions.id(&format!("term-{}", props.index));
    let history_id = actions.id(&format!("history-{}", props.index));
    let index = props.index;
    let send = |action: Action| {
        let actions = actions.clone();
        move |_: MouseEvent| actions.send(action.clone())
    };
    let class = format!(
        "term {}{}",
        props.change.as_str(),
        if props.current { " current" } else { "" }
    );
    html! {
        <li {class}
            data-term-id={term.id.clone()} data-change={props.change.as_str()} data-term-index={index.to_string()}
            tabindex="-1" aria-labelledby={heading_id.clone()}>
            <div class="term-head">
                <h4 class="term-label" id={heading_id}>{ &term.label }</h4>
                { change_badge(props.change, ui) }
                if let Some(topic) = &term.topic {
                    <span class="topic">{ topic }</span>
                }
                if actions.controls() && deal.versions.len() > 2 {
                    <button type="button" class="history-toggle needs-js" disabled={actions.inert()}
                        aria-expanded={if props.history { "true" } else { "false" }} aria-controls={history_id.clone()}
                        onclick={send(Action::History(index))}>
                        { ui.history }<span class="visually-hidden">{ ": " }{ &term.label }</span>
                    </button>
                }
                if actions.controls() {
                    <button type="button" class="copy-link needs-js" aria-label={format!("{} {}", ui.copy_link, term.label)}
                        disabled={actions.inert()} onclick={send(Action::CopyLink(index))}>
                        <span aria-hidden="true">{ "#" }</span>
                    </button>
                }
                if props.copied {
                    <span class="copied" role="status" lang={ui.tag} dir={ui.dir()}>{ ui.link_copied }</span>
                }
            </div>
            { (*values).clone() }
            if props.history {
                <div class="history" id={history_id}>{ history(deal, index, ui) }</div>
            }
            if let Some(note) = &term.note {
                <p class="note">{ note }</p>
            }
            <QuoteList deal={deal.clone()} quotes={term.quotes.clone()} label={ui.quotes_for} term={Some(index)} />
        </li>
    }
}
