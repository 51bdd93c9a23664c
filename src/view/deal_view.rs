//! A deal as the reader sees it: its headline, the controls, the overview of the changes, the
//! comparison, what the sources say, and the sources. The controls are in the prerender too,
//! disabled and hidden where scripting is off (see `Render`), so going live moves nothing.

use super::actions::use_actions;
use super::controls::{VersionPicker, ViewSwitch};
use super::header::DealHeader;
use super::navigator::ChangeNavigator;
use super::quote::QuoteList;
use super::source_list::SourceList;
use super::state::{Action, Reader};
use super::term_list::TermList;
use super::{focus, use_ui, DealRc};
use crate::core::navigate::{self, Row};
use crate::core::{Pair, ViewMode};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`DealView`].
#[derive(Properties, PartialEq)]
pub struct DealViewProps {
    /// The deal.
    pub deal: DealRc,
    /// The versions compared.
    pub pair: Pair,
    /// Which values show.
    pub view: ViewMode,
    /// The rows under the filters.
    pub rows: Rc<Vec<Row>>,
    /// Their changed terms, the stops of next/previous.
    pub stops: Rc<Vec<usize>>,
    /// The reader's state.
    pub reader: Rc<Reader>,
    /// Called when every row is in the DOM.
    pub on_complete: Callback<()>,
    /// The region, for moving focus to a term.
    pub root: NodeRef,
}

/// The whole widget for a valid payload.
#[function_component]
pub fn DealView(props: &DealViewProps) -> Html {
    let (ui, actions) = (use_ui(), use_actions());
    let (deal, pair, reader) = (&props.deal, props.pair, &props.reader);
    let onkeydown = {
        let actions = actions.clone();
        Callback::from(move |e: KeyboardEvent| {
            if let Some(forward) = focus::shortcut(&e) {
                e.prevent_default();
                actions.send(Action::Step(forward));
            }
        })
    };
    let topics: Rc<Vec<String>> = Rc::new(deal.topics().into_iter().map(str::to_owned).collect());
    let uncited: Vec<usize> = deal.uncited_quotes().map(|(i, _)| i).collect();
    let content_lang = deal.lang.clone();
    let content_dir = deal.lang.as_ref().map(|_| deal.dir.as_str());
    let title_id = actions.id("title");
    html! {
        <section class="deal" aria-labelledby={title_id.clone()} ref={props.root.clone()} {onkeydown}>
            <div lang={content_lang.clone()} dir={content_dir}>
                <DealHeader deal={deal.clone()} {title_id} />
            </div>
            if actions.controls() {
                <div class="controls needs-js">
                    if deal.versions.len() > 2 {
                        <VersionPicker deal={deal.clone()} {pair} />
                    }
                    <ViewSwitch view={props.view}
                        from_label={deal.versions[pair.from].label.clone()}
                        to_label={deal.versions[pair.to].label.clone()} />
                </div>
                <ChangeNavigator {topics} topic={reader.filter.topic.clone()}
                    changes_only={reader.filter.changes_only}
                    position={navigate::position(&props.stops, reader.current)} total={props.stops.len()}
                    filters_open={reader.filters_open} />
                <p class="keys-hint needs-js">{ ui.keys_hint }</p>
            }
            <div lang={content_lang} dir={content_dir}>
                <TermList deal={deal.clone()} {pair} view={props.view} rows={props.rows.clone()}
                    current={reader.current} copied={reader.copied} history={reader.history}
                    on_complete={props.on_complete.clone()} />
                if !uncited.is_empty() {
                    <section class="sources-say" aria-labelledby={actions.id("say")}>
                        <h3 id={actions.id("say")} lang={ui.tag} dir={ui.dir()}>{ ui.sources_say }</h3>
                        <QuoteList deal={deal.clone()} quotes={uncited} label={ui.sources_say} />
                    </section>
                }
                <SourceList deal={deal.clone()} />
            </div>
        </section>
    }
}
