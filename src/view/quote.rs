//! One quoted passage with its attribution, and the list of them under a term.
//! Shapes the contract's hooks: `<figure>` › `<blockquote data-quote-id>` + `<cite>` (+ link when the source has a URL).

use super::{use_ui, DealRc};
use crate::core::links::quote_link;
use yew::prelude::*;

/// Props of [`QuoteFigure`].
#[derive(Properties, PartialEq)]
pub struct QuoteFigureProps {
    /// The deal the quote belongs to.
    pub deal: DealRc,
    /// Index into `deal.quotes`.
    pub index: usize,
    /// Called with the source URL when the reader follows the link.
    #[prop_or_default]
    pub on_open_source: Callback<String>,
}

/// A quote, its speaker, and where it was published.
#[function_component]
pub fn QuoteFigure(props: &QuoteFigureProps) -> Html {
    let ui = use_ui();
    let quote = &props.deal.quotes[props.index];
    let source = &props.deal.sources[quote.source];
    let work = source.title.as_deref().unwrap_or(&source.publisher);
    let comma = super::content_comma(&props.deal, ui);
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
    if props.quotes.is_empty() {
        return Html::default();
    }
    html! {
        <div class="quotes" role="group" aria-label={props.label.clone()}>
            { for props.quotes.iter().map(|&i| html! {
                <QuoteFigure key={i} deal={props.deal.clone()} index={i} on_open_source={props.on_open_source.clone()} />
            }) }
        </div>
    }
}
