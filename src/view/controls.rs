//! The reader's controls: which view (side by side, or one version) and which two versions to compare.
//! Real buttons and labelled selects, so they work by keyboard and are named for assistive technology.

use super::actions::use_actions;
use super::state::Action;
use super::{use_ui, DealRc};
use crate::core::{Pair, ViewMode};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Props of [`ViewSwitch`].
#[derive(Properties, PartialEq)]
pub struct ViewSwitchProps {
    /// Current view.
    pub view: ViewMode,
    /// Label of the earlier version compared.
    pub from_label: AttrValue,
    /// Label of the later version compared.
    pub to_label: AttrValue,
}

/// Three toggle buttons: side by side, the earlier version, the later one.
#[function_component]
pub fn ViewSwitch(props: &ViewSwitchProps) -> Html {
    let (ui, actions) = (use_ui(), use_actions());
    let button = |mode: ViewMode, label: AttrValue| {
        let pressed = props.view == mode;
        let (actions, inert) = (actions.clone(), actions.inert());
        html! {
            <button type="button" class={if pressed { "toggle on" } else { "toggle" }} disabled={inert}
                aria-pressed={if pressed { "true" } else { "false" }}
                onclick={move |_| actions.send(Action::View(mode))}>
                { label }
            </button>
        }
    };
    html! {
        <div class="view-switch" role="group" aria-label={ui.view_label}>
            <span class="control-label" aria-hidden="true">{ ui.view_label }</span>
            { button(ViewMode::Split, ui.view_split.into()) }
            { button(ViewMode::Before, props.from_label.clone()) }
            { button(ViewMode::After, props.to_label.clone()) }
        </div>
    }
}

/// Props of [`VersionPicker`].
#[derive(Properties, PartialEq)]
pub struct VersionPickerProps {
    /// The deal (more than two versions).
    pub deal: DealRc,
    /// The pair compared.
    pub pair: Pair,
}

/// Two selects, "From" and "To"; a version chosen in one is disabled in the other.
/// A pick is always two different versions, older first.
#[function_component]
pub fn VersionPicker(props: &VersionPickerProps) -> Html {
    let (ui, actions) = (use_ui(), use_actions());
    let select = |label: &'static str, selected: usize, other: usize, is_from: bool| {
        let (pair, inert, actions) = (props.pair, actions.inert(), actions.clone());
        let onchange = Callback::from(move |e: Event| {
            let Ok(i) = e
                .target_unchecked_into::<HtmlSelectElement>()
                .value()
                .parse::<usize>()
            else {
                return;
            };
            let (a, b) = if is_from {
                (i, pair.to)
            } else {
                (pair.from, i)
            };
            if a != b {
                actions.send(Action::Compare(Pair {
                    from: a.min(b),
                    to: a.max(b),
                }));
            }
        });
        html! {
            <label class="picker">
                <span class="control-label">{ label }</span>
                <select {onchange} disabled={inert}>
                    { for props.deal.versions.iter().enumerate().map(|(i, v)| html! {
                        <option value={i.to_string()} selected={i == selected} disabled={i == other}>
                            { &v.label }
                        </option>
                    }) }
                </select>
            </label>
        }
    };
    html! {
        <fieldset class="version-picker">
            <legend>{ ui.compare_label }</legend>
            { select(ui.compare_from, props.pair.from, props.pair.to, true) }
            { select(ui.compare_to, props.pair.to, props.pair.from, false) }
        </fieldset>
    }
}
