//! The sticky toolbar that keeps readers oriented in long comparisons: filters, previous/next change, "n of N".
//! It only renders and reports; where "next" goes is decided by `core::navigate`. On narrow
//! screens the filters fold behind a "Filter" disclosure that names the active filter, so the
//! toolbar is one row.

use super::actions::use_actions;
use super::state::Action;
use super::use_ui;
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Props of [`ChangeNavigator`].
#[derive(Properties, PartialEq)]
pub struct ChangeNavigatorProps {
    /// Distinct topics (the filter is shown when there are two or more).
    pub topics: Rc<Vec<String>>,
    /// Selected topic.
    pub topic: Option<String>,
    /// Whether unchanged terms are hidden.
    pub changes_only: bool,
    /// 1-based position of the current change, 0 for none.
    pub position: usize,
    /// Number of changes under the filters.
    pub total: usize,
    /// Whether the filter disclosure is open (narrow screens).
    pub filters_open: bool,
}

/// Filters and previous/next navigation.
#[function_component]
pub fn ChangeNavigator(props: &ChangeNavigatorProps) -> Html {
    let (ui, actions) = (use_ui(), use_actions());
    let inert = actions.inert();
    let on_topic = {
        let (actions, topics) = (actions.clone(), props.topics.clone());
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let topic = value
                .parse::<usize>()
                .ok()
                .and_then(|i| topics.get(i).cloned());
            actions.send(Action::Topic(topic));
        })
    };
    let send = |action: Action| {
        let actions = actions.clone();
        move |_: MouseEvent| actions.send(action.clone())
    };
    let only = props.changes_only;
    let no_changes = props.total == 0;
    let active: Vec<&str> = [only.then_some(ui.changes_only), props.topic.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    let state = if active.is_empty() {
        ui.no_filter.to_owned()
    } else {
        active.join(" · ")
    };
    let panel = actions.id("filters");
    let open = props.filters_open;
    html! {
        <div class="navigator needs-js" role="toolbar" aria-label={ui.navigation}>
            <button type="button" class="filter-toggle" aria-expanded={if open { "true" } else { "false" }}
                aria-controls={panel.clone()} disabled={inert} onclick={send(Action::ToggleFilters)}>
                { ui.filter }{ ": " }<span class="filter-state">{ state }</span>
            </button>
            <div class={if open { "filters open" } else { "filters" }} id={panel}>
                <button type="button" class={if only { "toggle on" } else { "toggle" }} aria-pressed={if only { "true" } else { "false" }}
                    disabled={inert} onclick={send(Action::ChangesOnly(!only))}>{ ui.changes_only }</button>
                if props.topics.len() > 1 {
                    <label class="picker">
                        <span class="control-label">{ ui.topic_label }</span>
                        <select onchange={on_topic} disabled={inert}>
                            <option value="" selected={props.topic.is_none()}>{ ui.all_topics }</option>
                            { for props.topics.iter().enumerate().map(|(i, t)| html! {
                                <option value={i.to_string()} selected={props.topic.as_deref() == Some(t.as_str())}>{ t }</option>
                            }) }
                        </select>
                    </label>
                }
            </div>
            <span class="stepper">
                <button type="button" class="step" disabled={no_changes || inert} onclick={send(Action::Step(false))}>
                    <span class="arrow" aria-hidden="true">{ "‹" }</span>{ " " }<span class="step-text">{ ui.prev_change }</span>
                </button>
                <span class="position" aria-live="polite" aria-atomic="true">{ (ui.position)(props.position, props.total) }</span>
                <button type="button" class="step" disabled={no_changes || inert} onclick={send(Action::Step(true))}>
                    <span class="step-text">{ ui.next_change }</span>{ " " }<span class="arrow" aria-hidden="true">{ "›" }</span>
                </button>
            </span>
        </div>
    }
}
