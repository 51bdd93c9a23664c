//! The comparison itself: column headings for the two versions, then one row per displayed term.
//! Terms absent from both compared versions are skipped (contract §2).

use super::term_row::TermRow;
use super::widget::ViewMode;
use super::{use_ui, DealRc};
use crate::core::{classify, Pair, Tally};
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
    /// Forwarded to quotes.
    #[prop_or_default]
    pub on_open_source: Callback<String>,
}

/// Headings and rows.
#[function_component]
pub fn TermList(props: &TermListProps) -> Html {
    let ui = use_ui();
    let deal = &props.deal;
    let tally = Tally::of(deal, props.pair);
    let shown = tally.changed() + tally.unchanged;
    let column = |i: usize, side: &'static str| {
        let v = &deal.versions[i];
        html! {
            <div class={classes!("column-head", side)}>
                { &v.label }
                if let Some(d) = v.date {
                    <time datetime={d.to_string()}>{ (ui.format_date)(d) }</time>
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
        <section class="comparison" aria-labelledby="dd-terms">
            <h3 id="dd-terms">{ ui.terms_heading }
                <span class="tally">{ (ui.summary_changed)(tally.changed(), shown) }</span>
            </h3>
            <div class={classes!("column-heads", if props.view == ViewMode::Split { "split" } else { "single" })}
                 aria-hidden="true">{ heads }</div>
            <ol class="terms">
                { for deal.terms.iter().enumerate().filter_map(|(i, term)| {
                    let change = classify(term, props.pair.from, props.pair.to)?;
                    Some(html! {
                        <TermRow key={term.id.clone()} deal={deal.clone()} index={i} pair={props.pair}
                            change={change} view={props.view} on_open_source={props.on_open_source.clone()} />
                    })
                }) }
            </ol>
        </section>
    }
}
