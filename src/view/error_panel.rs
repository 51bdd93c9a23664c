//! What the reader sees when a payload cannot be rendered: every problem with its JSON path.
//! It is a `role="alert"` so assistive technology announces it, and it never leaves a blank box.

use super::use_ui;
use crate::core::PayloadError;
use yew::prelude::*;

/// Props of [`ErrorPanel`].
#[derive(Properties, PartialEq)]
pub struct ErrorPanelProps {
    /// Problems, in document order.
    pub errors: Vec<PayloadError>,
    /// What was being loaded when it failed, e.g. the URL and HTTP status.
    #[prop_or_default]
    pub context: Option<AttrValue>,
    /// Shows a Retry button when set.
    #[prop_or_default]
    pub on_retry: Option<Callback<()>>,
}

/// The error state.
#[function_component]
pub fn ErrorPanel(props: &ErrorPanelProps) -> Html {
    let ui = use_ui();
    html! {
        <div class="errors" role="alert">
            <h2 class="errors-heading">{ ui.error_heading }</h2>
            if let Some(context) = &props.context {
                <p class="errors-context">{ context }</p>
            }
            if !props.errors.is_empty() {
                <p>{ ui.error_intro }</p>
                <ul>
                    { for props.errors.iter().map(|e| html! {
                        if e.is_summary() {
                            // "and N more problems": a count, not a place in the payload.
                            <li class="more-problems">{ e.message() }</li>
                        } else {
                            <li><code class="path">{ e.location() }</code>{ ": " }{ e.message() }</li>
                        }
                    }) }
                </ul>
            }
            if let Some(retry) = &props.on_retry {
                <button type="button" class="retry" onclick={retry.reform(|_| ())}>{ ui.retry }</button>
            }
        </div>
    }
}
