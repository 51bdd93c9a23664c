//! The one channel reader actions go up by, and how the tree is rendered, as a context every
//! component can read: rows and controls take data as props and send [`Action`]s here, instead of
//! callbacks threaded through every level (which would also be rebuilt, and so re-render every
//! row, on every render of the root).

use super::state::Action;
use yew::{AttrValue, Callback};

/// Provided by the root to everything below it.
#[derive(Clone, PartialEq)]
pub struct Actions {
    send: Callback<Action>,
    /// With the reader's controls (the live widget), or static: no controls, every row (the
    /// prerendered snippet, the first render of a hydrated one, the editor's preview of it).
    pub interactive: bool,
    /// Prefix of every id the widget renders: `dd-` in its own shadow root; unique per widget
    /// when rendered into a page's light DOM, where ids are shared with the page.
    pub ids: AttrValue,
}

impl Actions {
    /// A channel sending to `send`.
    pub fn new(send: Callback<Action>, interactive: bool, ids: AttrValue) -> Actions {
        Actions {
            send,
            interactive,
            ids,
        }
    }

    /// Reports a reader action to the root.
    pub fn send(&self, action: Action) {
        self.send.emit(action);
    }

    /// The id `name` in this widget (`title` → `dd-title`).
    pub fn id(&self, name: &str) -> AttrValue {
        AttrValue::from(format!("{}{name}", self.ids))
    }
}

impl Default for Actions {
    /// Outside a root (isolated component tests): actions go nowhere, controls are shown.
    fn default() -> Actions {
        Actions::new(Callback::noop(), true, AttrValue::Static("dd-"))
    }
}

/// The nearest root's channel.
#[yew::hook]
pub fn use_actions() -> Actions {
    yew::use_context::<Actions>().unwrap_or_default()
}
