//! One quoted passage with its attribution, and the list of them under a term.
//! Shapes the contract's hooks: `<figure>` › `<blockquote data-quote-id>` + `<cite>` (+ link when the source has a URL).

use super::{use_ui, DealRc, Ui};
use crate::core::links::quote_link;
use yew::prelude::*;

/// A quote, its speaker, and where it was published. A plain function, not a component: a long
/// comparison has thousands of quotes, and a component each made rendering several times slower.
pub fn quote_figure(
    deal: &DealRc,
    index: usize,
    ui: Ui,
    on_open_source: &Callback<String>,
) -> Html {
    let props = QuoteArgs {
        deal,
        index,
        on_open_source,
    };
    let quote = &props.deal.quotes[props.index];
    let source = &props.deal.sources[quote.source];
    let work = source.title.as_deref().unwrap_or(&source.publisher);
    let comma = super::content_comma(props.deal, ui);
    let cite_work = match &source.url {
        Some(url) => {
            // Straight to the passage where the words are the source's own (text fragment).
            let href =
                quote_link(url, &quote.text, quote.translated).unwrap_or_else(|| url.clone());
            let on_click = {
                let (cb, href) = (props.on_open_source.clone(), href.clone());
                Callback::from(move |_: MouseEvent| cb.emit(href.clone()))
            };
            html! {
                <a {href} data-print-url={url.clone()} target="_blank" rel="noopener noreferrer" onclick={on_click}>
                    { work }<span class="visually-hidden" lang={ui.tag} dir={ui.dir()}>{ " " }{ ui.new_tab }</span>
                </a>
            }
        }
        None => html! { work },
    };
    html! {
        <figure class="quote">
            <blockquote data-quote-id={quote.id.clone()} lang={source.lang.clone().filter(|_| !quote.translated)}>
                <p>{ &quote.text }</p>
            </blockquote>
            <figcaption>
                if let Some(speaker) = &quote.speaker {
                    <span class="speaker">{ speaker }</span>{ comma }
                }
                <cite>
                    { cite_work }
                    if source.title.is_some() {
                        { comma }{ &source.publisher }
                    }
                    if let Some(date) = source.date {
                        { comma }<time datetime={date.to_string()} lang={ui.tag} dir={ui.dir()}>{ (ui.format_date)(date) }</time>
                    }
                </cite>
                if quote.translated {
                    <span class="translated" lang={ui.tag} dir={ui.dir()}>{ ui.translated }</span>
                }
            </figcaption>
        </figure>
    }
}

struct QuoteArgs<'a> {
    deal: &'a DealRc,
    index: usize,
    on_open_source: &'a Callback<String>,
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
    /// Forwarded to each quote.
    #[prop_or_default]
    pub on_open_source: Callback<String>,
}

/// Quotes as a labelled group.
#[function_component]
pub fn QuoteList(props: &QuoteListProps) -> Html {
    let ui = use_ui();
    if props.quotes.is_empty() {
        return Html::default();
    }
    html! {
        <div class="quotes" role="group" aria-label={props.label.clone()}>
            { for props.quotes.iter().map(|&i| quote_figure(&props.deal, i, ui, &props.on_open_source)) }
        </div>
    }
}
