//! One quoted passage with its attribution, and the list of them under a term.
//! Shapes the contract's hooks: `<figure>` › `<blockquote data-quote-id>` + `<cite>` (+ link when the source has a URL).

use super::actions::use_actions;
use super::markup::{fragment, Markup};
use super::state::Action;
use super::{use_ui, DealRc, Ui};
use crate::core::lang::word_count;
use crate::core::links::quote_link;
use crate::core::Deal;
use yew::prelude::*;

/// A quote over this many words is folded to a few lines, with "Read more".
const FOLD_WORDS: usize = 60;

/// A quote, its speaker, and where it was published, written as HTML (see `markup`): a long
/// comparison has thousands of quotes, and building each one node by node from wasm was the
/// slowest part of rendering.
///
/// The attribution leads with the publisher and date, the article's title on the link (its
/// tooltip, and words for screen readers), so several quotes under a term stay short on a phone.
/// `fold_id`, when given, is the id of a long quote's "Read more" checkbox (unique in the root).
pub fn quote_figure(m: &mut Markup, deal: &Deal, index: usize, ui: Ui, fold_id: Option<&str>) {
    let quote = &deal.quotes[index];
    let source = &deal.sources[quote.source];
    let comma = super::content_comma(deal, ui);
    let (ui_lang, ui_dir) = (Some(ui.tag), Some(ui.dir()));
    let fold = fold_id.filter(|_| word_count(&quote.text) > FOLD_WORDS);
    m.open(
        "figure",
        &[(
            "class",
            Some(if fold.is_some() {
                "quote long"
            } else {
                "quote"
            }),
        )],
    );
    if let Some(id) = fold {
        let attrs = [
            ("type", Some("checkbox")),
            ("class", Some("more-toggle")),
            ("id", Some(id)),
        ];
        m.void("input", &attrs);
    }
    let lang = source.lang.as_deref().filter(|_| !quote.translated);
    m.open(
        "blockquote",
        &[("data-quote-id", Some(&quote.id)), ("lang", lang)],
    );
    m.element("p", &[], &quote.text);
    m.close("blockquote");
    if let Some(id) = fold {
        let attrs = [
            ("class", Some("more")),
            ("for", Some(id)),
            ("lang", ui_lang),
            ("dir", ui_dir),
        ];
        m.open("label", &attrs);
        m.element("span", &[("class", Some("when-folded"))], ui.read_more);
        m.element("span", &[("class", Some("when-open"))], ui.less);
        m.open("span", &[("class", Some("visually-hidden"))]);
        m.text(" ");
        m.text(ui.more_quote);
        m.close("span");
        m.close("label");
    }
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
                ("title", source.title.as_deref()),
                ("data-print-url", Some(url.as_str())),
                ("target", Some("_blank")),
                ("rel", Some("noopener noreferrer")),
            ];
            m.open("a", &attrs);
            m.text(&source.publisher);
            let hidden = [
                ("class", Some("visually-hidden")),
                ("lang", ui_lang),
                ("dir", ui_dir),
            ];
            if let Some(title) = &source.title {
                m.open("span", &[("class", Some("visually-hidden"))]);
                m.text(": ");
                m.text(title);
                m.close("span");
            }
            m.open("span", &hidden);
            m.text(" ");
            m.text(ui.new_tab);
            m.close("span");
            m.close("a");
        }
        None => match &source.title {
            Some(title) => {
                m.element("span", &[("title", Some(title))], &source.publisher);
            }
            None => m.text(&source.publisher),
        },
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
        (
            props.deal.clone(),
            props.quotes.clone(),
            ui,
            props.term,
            actions.clone(),
        ),
        |(deal, quotes, ui, term, actions)| {
            let owner = term.map_or_else(|| "s".to_owned(), |t| t.to_string());
            fragment(|m| {
                for &i in quotes {
                    let id = actions
                        .controls()
                        .then(|| format!("{}more-q{owner}-{i}", actions.ids));
                    quote_figure(m, deal, i, *ui, id.as_deref());
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
