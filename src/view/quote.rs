//! One quoted passage with its attribution, and the list of them under a term.
//! Shapes the contract's hooks: `<figure>` › `<blockquote data-quote-id>` + `<cite>` (+ link when the source has a URL).

use super::actions::use_actions;
use super::markup::{fragment, Markup};
use super::state::Action;
use super::{use_ui, DealRc, Ui};
use crate::core::links::quote_link;
use crate::core::Deal;
use yew::prelude::*;

/// A quote, its speaker, and where it was published, written as HTML (see `markup`): a long
/// comparison has thousands of quotes, and building each one node by node from wasm was the
/// slowest part of rendering.
pub fn quote_figure(m: &mut Markup, deal: &Deal, index: usize, ui: Ui) {
    let quote = &deal.quotes[index];
    let source = &deal.sources[quote.source];
    let work = source.title.as_deref().unwrap_or(&source.publisher);
    let comma = super::content_comma(deal, ui);
    let (ui_lang, ui_dir) = (Some(ui.tag), Some(ui.dir()));
    m.open("figure", &[("class", Some("quote"))]);
    let lang = source.lang.as_deref().filter(|_| !quote.translated);
    m.open(
        "blockquote",
        &[("data-quote-id", Some(&quote.id)), ("lang", lang)],
    );
    m.element("p", &[], &quote.text);
    m.close("blockquote");
    m.open("figcaption", &[]);
    if let Some(speaker) = &quote.speaker {
        m.element("span", &[("class", Some("speaker"))], speaker);
        m.text(comma);
    }
    m.open("cite", &[]);
    match &source.url {
        Some(url) => {
            // Straight to the passage where the words are the source's own (text fragment).
            let href = quote_link(url, &quote.text, quote.translated);
            let attrs = [
                ("href", Some(href.as_deref().unwrap_or(url))),
                ("data-print-url", Some(url.as_str())),
                ("target", Some("_blank")),
                ("rel", Some("noopener noreferrer")),
            ];
            m.open("a", &attrs);
            m.text(work);
            let hidden = [
                ("class", Some("visually-hidden")),
                ("lang", ui_lang),
                ("dir", ui_dir),
            ];
            m.open("span", &hidden);
            m.text(" ");
            m.text(ui.new_tab);
            m.close("span");
            m.close("a");
        }
        None => m.text(work),
    }
    if source.title.is_some() {
        m.text(comma);
        m.text(&source.publisher);
    }
    if let Some(date) = source.date {
        m.text(comma);
        let datetime = date.to_string();
        let attrs = [
            ("datetime", Some(datetime.as_str())),
            ("lang", ui_lang),
            ("dir", ui_dir),
        ];
        m.element("time", &attrs, &(ui.format_date)(date));
    }
    m.close("cite");
    if quote.translated {
        let attrs = [
            ("class", Some("translated")),
            ("lang", ui_lang),
            ("dir", ui_dir),
        ];
        m.element("span", &attrs, ui.translated);
    }
    m.close("figcaption");
    m.close("figure");
}

/// Props of [`QuoteList`].
#[derive(Properties, PartialEq)]
pub struct QuoteListProps {
    /// The deal.
    pub deal: DealRc,
    /// Indexes into `deal.quotes`, in display order.
    pub quotes: Vec<usize>,
    /// Accessible name of the group.
    pub label: AttrValue,
    /// The term they support (index into `deal.terms`), reported with a followed source link.
    #[prop_or_default]
    pub term: Option<usize>,
}

/// Quotes as a labelled group. The figures are one HTML fragment, so a click on a source link is
/// read here, on the group, from the event's target.
#[function_component]
pub fn QuoteList(props: &QuoteListProps) -> Html {
    let (ui, actions) = (use_ui(), use_actions());
    let figures = use_memo(
        (props.deal.clone(), props.quotes.clone(), ui),
        |(deal, quotes, ui)| {
            fragment(|m| {
                for &i in quotes {
                    quote_figure(m, deal, i, *ui);
                }
            })
        },
    );
    if props.quotes.is_empty() {
        return Html::default();
    }
    let onclick = {
        let term = props.term;
        Callback::from(move |e: MouseEvent| {
            let link = e
                .target_dyn_into::<web_sys::Element>()
                .and_then(|t| t.closest("a[href]").ok().flatten());
            if let Some(url) = link.and_then(|a| a.get_attribute("href")) {
                actions.send(Action::OpenSource { url, term });
            }
        })
    };
    html! {
        <div class="quotes" role="group" aria-label={props.label.clone()} {onclick}>
            { (*figures).clone() }
        </div>
    }
}
