//! The one channel reader actions go up by, and how the tree is rendered, as a context every
//! component can read: rows and controls take data as props and send [`Action`]s here, instead of
//! callbacks threaded through every level (which would also be rebuilt, and so re-render every
//! row, on every render of the root).

use super::state::Action;
use yew::{AttrValue, Callback};

/// How a tree is rendered: "static" is a property of the render, not a post-processing step.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Render {
    /// The live widget.
    #[default]
    Live,
    /// The prerendered shadow root (and so the first, hydrating pass over it): the live tree with
    /// every control disabled and hidden where scripting is off, so that hydrating it only
    /// enables controls (no node added or removed, nothing moves) and readers without
    /// JavaScript see no button that does nothing. Every row.
    Prerender,
    /// Plain HTML for a page's light DOM (browsers without declarative shadow DOM, no widget
    /// stylesheet): no controls at all. Every row.
    Plain,
}

/// Provided by the root to everything below it.
#[derive(Clone, PartialEq)]
pub struct Actions {
    send: Callback<Action>,
    /// How this tree is rendered.
    pub render: Render,
    /// Prefix of every id the widget renders: `dd-` in its own shadow root; unique per widget
    /// when rendered into a page's light DOM, where ids are shared with the page.
    pub ids: AttrValue,
}

impl Actions {
    /// A channel sending to `send`.
    pub fn new(send: Callback<Action>, render: Render, ids: AttrValue) -> Actions {
        Actions { send, render, ids }
    }

    /// Whether controls are in the tree (enabled or not).
    pub fn controls(&self) -> bool {
        self.render != Render::Plain
    }

    /// Whether controls are disabled (the prerender).
    pub fn inert(&self) -> bool {
        self.render == Render::Prerender
    }

    /// Whether this is the live widget (long lists in chunks, completion reported).
    pub fn live(&self) -> bool {
        self.render == Render::Live
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
        Actions::new(Callback::noop(), Render::Live, AttrValue::Static("dd-"))
    }
}

/// The nearest root's channel.
#[yew::hook]
pub fn use_actions() -> Actions {
    yew::use_context::<Actions>().unwrap_or_default()
}
