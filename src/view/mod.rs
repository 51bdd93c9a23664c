//! Yew components, one per file, named for what the reader sees.
//! They take the validated model as props and send reader actions up one channel (`actions`);
//! the reader's state and its reducer live in `state`, the root in `widget`.

mod actions;
mod change_overview;
mod controls;
mod deal_view;
mod error_panel;
mod focus;
mod header;
mod markup;
mod navigator;
mod notice;
mod quote;
mod source_list;
pub mod state;
mod term_list;
mod term_row;
mod widget;

pub use crate::core::ViewMode;
pub use actions::Render;
pub use error_panel::ErrorPanel;
pub use notice::{Content, Failure, Notice};
pub use widget::{ui_for, DealDiff, WidgetProps};

use crate::core::Deal;
use crate::i18n::Strings;
use std::ops::Deref;
use std::rc::Rc;

/// A shared, validated deal. Props compare it by pointer: a new payload is a
/// new `Rc`, and comparing thousands of terms by value on every render would be waste.
#[derive(Clone, Debug)]
pub struct DealRc(pub Rc<Deal>);

impl PartialEq for DealRc {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for DealRc {
    type Target = Deal;
    fn deref(&self) -> &Deal {
        &self.0
    }
}

/// The UI language, provided as context to every component.
#[derive(Clone, Copy, Debug)]
pub struct Ui(pub &'static Strings);

impl PartialEq for Ui {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl Ui {
    /// The writing direction of the UI language (`ltr` or `rtl`), for `dir` attributes.
    ///
    /// UI words shown inside payload text (which carries the payload's `lang` and `dir`) are
    /// marked with the UI's own `lang` and `dir`, so screen readers pick the right voice and an
    /// Arabic date or badge keeps its order inside English content.
    pub fn dir(&self) -> &'static str {
        crate::core::lang::direction(self.0.tag).as_str()
    }
}

impl Deref for Ui {
    type Target = Strings;
    fn deref(&self) -> &Strings {
        self.0
    }
}

/// The comma that joins pieces of payload text (attributions): the payload language's, else the UI's.
pub fn content_comma(deal: &Deal, ui: Ui) -> &'static str {
    deal.lang.as_deref().map_or(ui.list_comma, |tag| {
        crate::i18n::strings_for(Some(tag)).list_comma
    })
}

/// The UI strings of the nearest provider (English outside one, e.g. in isolated tests).
#[yew::hook]
pub fn use_ui() -> Ui {
    yew::use_context::<Ui>().unwrap_or(Ui(crate::i18n::strings_for(None)))
}
