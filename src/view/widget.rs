//! The root component: owns the reader's choices (view, pair, filters, current term) and renders everything below.
//! Attributes set the defaults; a reader's choice holds until the attribute or payload it was made under changes.

use super::controls::{VersionPicker, ViewSwitch};
use super::error_panel::ErrorPanel;
use super::header::DealHeader;
use super::navigator::ChangeNavigator;
use super::quote::QuoteList;
use super::source_list::SourceList;
use super::term_list::TermList;
use super::{DealRc, Ui};
use crate::core::navigate::{self, Filter};
use crate::core::{links, Pair, PayloadError};
use crate::i18n::strings_for;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Which values the comparison shows (the `view` attribute).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewMode {
    /// Both versions side by side (stacked on narrow screens).
    Split,
    /// The earlier version only, with change marks.
    Before,
    /// The later version only, with change marks.
    After,
}

impl ViewMode {
    /// Reads the `view` attribute; anything unknown means the default, with a warning.
    pub fn from_attribute(attr: Option<&str>) -> (ViewMode, Option<String>) {
        match attr.map(str::trim) {
            None | Some("") | Some("split") => (ViewMode::Split, None),
            Some("before") => (ViewMode::Before, None),
            Some("after") => (ViewMode::After, None),
            Some(other) => (
                ViewMode::Split,
                Some(format!(
                    "view=\"{other}\" ignored: expected split, before or after"
                )),
            ),
        }
    }

    /// The attribute value naming this mode.
    pub fn as_str(self) -> &'static str {
        match self {
            ViewMode::Split => "split",
            ViewMode::Before => "before",
            ViewMode::After => "after",
        }
    }
}

/// Why a payload cannot be shown.
#[derive(Debug, PartialEq)]
pub struct Failure {
    /// Validation problems, with paths.
    pub errors: Vec<PayloadError>,
    /// What failed before validation (a fetch), in words.
    pub context: Option<String>,
    /// Whether trying again could help (network faults).
    pub retryable: bool,
}

/// What the widget has to show.
#[derive(Clone, Debug, PartialEq)]
pub enum Content {
    /// Waiting for the payload.
    Loading,
    /// A validated deal.
    Ready(DealRc),
    /// A payload that cannot be rendered.
    Failed(Rc<Failure>),
}

/// What the widget tells its host; the embed layer turns these into DOM events and console output.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// A deal (or a new compare pair) is rendered: counts in the payload.
    Ready {
        /// Terms in the payload.
        terms: usize,
        /// Quotes in the payload.
        quotes: usize,
    },
    /// A reader action, for host analytics.
    Interact {
        /// `view`, `compare`, `changes-only`, `topic`, `next`, `previous`, `source-link`, `copy-link`.
        action: &'static str,
        /// What it was set to (view name, "from to" ids, a topic, a URL), if anything.
        value: Option<String>,
        /// The term concerned, if any.
        term: Option<String>,
    },
    /// The reader asked for a link to a term: the embed layer copies it and sets the page's hash.
    CopyLink {
        /// The fragment, without `#`.
        anchor: String,
    },
    /// The payload cannot be rendered; the alert is in the DOM.
    Failed(Rc<Failure>),
    /// Something ignored, for the console.
    Warning(String),
}

/// Props of [`DealDiff`]: the payload outcome and the element's attributes.
#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    /// What to show.
    pub content: Content,
    /// The `view` attribute.
    #[prop_or_default]
    pub view: Option<AttrValue>,
    /// The `compare` attribute.
    #[prop_or_default]
    pub compare: Option<AttrValue>,
    /// The element's `lang` attribute.
    #[prop_or_default]
    pub lang: Option<AttrValue>,
    /// The page's language (`<html lang>`), the last fallback for UI strings.
    #[prop_or_default]
    pub page_lang: Option<AttrValue>,
    /// This widget's deep-link namespace (the element's id, or `dealdiff-N`).
    #[prop_or_default]
    pub anchor_ns: AttrValue,
    /// The page's `location.hash`; a link to one of this widget's terms reveals it.
    #[prop_or_default]
    pub hash: Option<AttrValue>,
    /// Receives notices for the host.
    #[prop_or_default]
    pub on_notice: Callback<Notice>,
    /// Asks the embed layer to load the payload again.
    #[prop_or_default]
    pub on_retry: Option<Callback<()>>,
}

/// Compares by identity: each load makes a new failure, even with the same text.
#[derive(Clone)]
struct RcEq<T>(Rc<T>);

impl<T> PartialEq for RcEq<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Reader choices, each remembered with the input it was made under.
#[derive(Clone, Default, PartialEq)]
struct Choices {
    view: Option<(ViewMode, Option<AttrValue>)>,
    pair: Option<(Pair, DealRc, Option<AttrValue>)>,
    filter: Filter,
    /// The term the reader navigated or linked to.
    current: Option<usize>,
    /// Bumped when focus should move to `current`.
    focus: u32,
    /// The term whose link was just copied.
    copied: Option<usize>,
}

enum Choose {
    View(ViewMode, Option<AttrValue>),
    Pair(Pair, DealRc, Option<AttrValue>),
    ChangesOnly(bool),
    Topic(Option<String>),
    /// Go to a term and focus it; the filter is lifted first if it would hide it.
    Go {
        index: usize,
        lift_filter: bool,
    },
    Copied(usize),
}

impl Reducible for Choices {
    type Action = Choose;
    fn reduce(self: Rc<Self>, action: Choose) -> Rc<Self> {
        let mut next = (*self).clone();
        next.copied = None;
        match action {
            Choose::View(mode, attr) => next.view = Some((mode, attr)),
            Choose::Pair(pair, deal, attr) => next.pair = Some((pair, deal, attr)),
            Choose::ChangesOnly(on) => next.filter.changes_only = on,
            Choose::Topic(topic) => next.filter.topic = topic,
            Choose::Go { index, lift_filter } => {
                if lift_filter {
                    next.filter = Filter::default();
                }
                next.current = Some(index);
                next.focus = next.focus.wrapping_add(1);
            }
            Choose::Copied(index) => next.copied = Some(index),
        }
        Rc::new(next)
    }
}

/// The `<deal-diff>` widget's content.
#[function_component]
pub fn DealDiff(props: &WidgetProps) -> Html {
    let choices = use_reducer(Choices::default);
    let deal = match &props.content {
        Content::Ready(deal) => Some(deal.clone()),
        _ => None,
    };
    let ui_tag = props
        .lang
        .as_deref()
        .or(deal.as_ref().and_then(|d| d.lang.as_deref()))
        .or(props.page_lang.as_deref());
    let ui = Ui(strings_for(ui_tag));

    let (attr_view, view_warning) = ViewMode::from_attribute(props.view.as_deref());
    let view = match &choices.view {
        Some((mode, attr)) if *attr == props.view => *mode,
        _ => attr_view,
    };
    let (attr_pair, pair_warning) = match &deal {
        Some(d) => {
            let (p, w) = Pair::from_attribute(d, props.compare.as_deref());
            (Some(p), w)
        }
        None => (None, None),
    };
    let pair = match (&choices.pair, attr_pair) {
        (Some((p, d, attr)), Some(_)) if Some(d) == deal.as_ref() && *attr == props.compare => {
            Some(*p)
        }
        (_, p) => p,
    };

    {
        // Warnings once per attribute value, not on every render.
        let notice = props.on_notice.clone();
        use_effect_with((view_warning, pair_warning), move |(a, b)| {
            for w in [a, b].into_iter().flatten() {
                notice.emit(Notice::Warning(w.clone()));
            }
        });
    }
    // `dealdiff:ready` once per payload and compare pair, when the term list reports that every
    // displayed term is in the shadow root (it renders long lists in chunks).
    // The term list reports completion from a task queued during its render (see `TermList`):
    // `shown` is what the latest render shows, so a report from an older render is dropped.
    let last_ready = use_mut_ref(|| None::<(DealRc, Pair)>);
    let shown = use_mut_ref(|| None::<(DealRc, Pair)>);
    *shown.borrow_mut() = deal.clone().zip(pair);
    let on_complete = {
        let (notice, last_ready, deal) =
            (props.on_notice.clone(), last_ready.clone(), deal.clone());
        Callback::from(move |()| {
            let (Some(d), Some(p)) = (&deal, pair) else {
                return;
            };
            let key = Some((d.clone(), p));
            if *shown.borrow() == key && *last_ready.borrow() != key {
                *last_ready.borrow_mut() = key;
                notice.emit(Notice::Ready {
                    terms: d.terms.len(),
                    quotes: d.quotes.len(),
                });
            }
        })
    };

    {
        let notice = props.on_notice.clone();
        let failure = match &props.content {
            Content::Failed(f) => Some(RcEq(f.clone())),
            _ => None,
        };
        use_effect_with(failure, move |f| {
            if let Some(RcEq(f)) = f {
                notice.emit(Notice::Failed(f.clone()));
            }
        });
    }

    let root = use_node_ref();
    let rows = use_memo(
        (deal.clone(), pair, choices.filter.clone()),
        |(deal, pair, filter)| match (deal, pair) {
            (Some(d), Some(p)) => navigate::rows(d, *p, filter),
            _ => Vec::new(),
        },
    );
    let stops = navigate::stops(&rows);

    {
        // Move focus to the term the reader navigated to, once per request.
        let (root, current) = (root.clone(), choices.current);
        use_effect_with(choices.focus, move |focus| {
            if *focus > 0 {
                if let Some(i) = current {
                    focus_term(&root, i);
                }
            }
        });
    }
    // The anchor copy-link last put in the address bar, until the hash effect has seen it.
    let own_anchor = use_mut_ref(|| None::<String>);
    {
        // A link to one of this widget's terms (on load or on hashchange) reveals and focuses it.
        // Only a new link or a new payload moves the reader: changing the compared pair while an
        // old link is still in the address bar must not pull focus back to it.
        let (choices, notice) = (choices.clone(), props.on_notice.clone());
        let (ns, own) = (props.anchor_ns.clone(), own_anchor.clone());
        use_effect_with((deal.clone(), props.hash.clone()), move |(deal, hash)| {
            let (Some(deal), Some(pair), Some(hash)) = (deal, pair, hash) else {
                return;
            };
            // The anchor this widget just wrote with copy-link reaches it late (the address bar
            // changes without a hashchange, so the next render of any kind brings it): not a link
            // the reader followed, so it must not move them.
            if own.borrow_mut().take().as_deref() == Some(hash.as_str()) {
                return;
            }
            let Some(id) = links::anchor_term(hash, &ns) else {
                return;
            };
            match deal.terms.iter().position(|t| t.id == id) {
                Some(index)
                    if crate::core::classify(&deal.terms[index], pair.from, pair.to).is_some() =>
                {
                    let lift_filter = navigate::hides(deal, pair, &choices.filter, index);
                    choices.dispatch(Choose::Go { index, lift_filter });
                }
                _ => notice.emit(Notice::Warning(format!(
                    "link {hash} names no term shown in this comparison"
                ))),
            }
        });
    }

    let body = match (&props.content, deal, pair) {
        (Content::Ready(_), Some(deal), Some(pair)) => {
            let interact = {
                let notice = props.on_notice.clone();
                move |action: &'static str, value: Option<String>, term: Option<String>| {
                    notice.emit(Notice::Interact {
                        action,
                        value,
                        term,
                    })
                }
            };
            let on_view = {
                let (choices, attr, interact) =
                    (choices.clone(), props.view.clone(), interact.clone());
                #[cfg(feature = "test-hooks")]
                let title = deal.title.clone();
                Callback::from(move |mode: ViewMode| {
                    #[cfg(feature = "test-hooks")]
                    if title == "dealdiff-test-panic-on-click" {
                        panic!("dealdiff test hook: panic in a click handler");
                    }
                    choices.dispatch(Choose::View(mode, attr.clone()));
                    interact("view", Some(mode.as_str().to_owned()), None);
                })
            };
            let on_pair = {
                let (choices, attr, interact, d) = (
                    choices.clone(),
                    props.compare.clone(),
                    interact.clone(),
                    deal.clone(),
                );
                Callback::from(move |p: Pair| {
                    let value = format!("{} {}", d.versions[p.from].id, d.versions[p.to].id);
                    choices.dispatch(Choose::Pair(p, d.clone(), attr.clone()));
                    interact("compare", Some(value), None);
                })
            };
            let go = {
                let (choices, interact, d, stops, current) = (
                    choices.clone(),
                    interact.clone(),
                    deal.clone(),
                    stops.clone(),
                    choices.current,
                );
                Callback::from(move |forward: bool| {
                    if let Some(index) = navigate::step(&stops, current, forward) {
                        choices.dispatch(Choose::Go {
                            index,
                            lift_filter: false,
                        });
                        let action = if forward { "next" } else { "previous" };
                        interact(action, None, Some(d.terms[index].id.clone()));
                    }
                })
            };
            let on_changes_only = {
                let (choices, interact) = (choices.clone(), interact.clone());
                Callback::from(move |on: bool| {
                    choices.dispatch(Choose::ChangesOnly(on));
                    interact("changes-only", Some(on.to_string()), None);
                })
            };
            let on_topic = {
                let (choices, interact) = (choices.clone(), interact.clone());
                Callback::from(move |topic: Option<String>| {
                    interact("topic", topic.clone(), None);
                    choices.dispatch(Choose::Topic(topic));
                })
            };
            let on_copy_link = {
                let (choices, notice, d, ns, own) = (
                    choices.clone(),
                    props.on_notice.clone(),
                    deal.clone(),
                    props.anchor_ns.clone(),
                    own_anchor.clone(),
                );
                Callback::from(move |index: usize| {
                    let id = d.terms[index].id.clone();
                    let anchor = links::term_anchor(&ns, &id);
                    *own.borrow_mut() = Some(anchor.clone());
                    notice.emit(Notice::CopyLink { anchor });
                    notice.emit(Notice::Interact {
                        action: "copy-link",
                        value: None,
                        term: Some(id),
                    });
                    choices.dispatch(Choose::Copied(index));
                })
            };
            let on_open_source = {
                let interact = interact.clone();
                Callback::from(move |(url, term): (String, Option<String>)| {
                    interact("source-link", Some(url), term)
                })
            };
            let on_open_general = on_open_source.reform(|url: String| (url, None));
            let onkeydown = {
                let go = go.clone();
                Callback::from(move |e: KeyboardEvent| {
                    if let Some(forward) = shortcut(&e) {
                        e.prevent_default();
                        go.emit(forward);
                    }
                })
            };
            let topics: Rc<Vec<String>> =
                Rc::new(deal.topics().into_iter().map(str::to_owned).collect());
            let uncited: Vec<usize> = deal.uncited_quotes().map(|(i, _)| i).collect();
            let content_lang = deal.lang.clone();
            let content_dir = deal.lang.as_ref().map(|_| deal.dir.as_str());
            html! {
                <section class="deal" aria-labelledby="dd-title" ref={root} {onkeydown}>
                    <div lang={content_lang.clone()} dir={content_dir}>
                        <DealHeader deal={deal.clone()} title_id="dd-title" />
                    </div>
                    <div class="controls">
                        if deal.versions.len() > 2 {
                            <VersionPicker deal={deal.clone()} pair={pair} on_change={on_pair} />
                        }
                        <ViewSwitch view={view} on_change={on_view}
                            from_label={deal.versions[pair.from].label.clone()}
                            to_label={deal.versions[pair.to].label.clone()} />
                    </div>
                    <ChangeNavigator {topics} topic={choices.filter.topic.clone()}
                        changes_only={choices.filter.changes_only}
                        position={navigate::position(&stops, choices.current)} total={stops.len()}
                        on_prev={go.reform(|()| false)} on_next={go.reform(|()| true)}
                        {on_changes_only} {on_topic} />
                    <p class="keys-hint">{ ui.keys_hint }</p>
                    <div lang={content_lang.clone()} dir={content_dir}>
                        <TermList deal={deal.clone()} pair={pair} view={view} rows={rows.clone()}
                            current={choices.current} copied={choices.copied} {on_complete}
                            {on_copy_link} on_open_source={on_open_source.clone()} />
                        if !uncited.is_empty() {
                            <section class="sources-say" aria-labelledby="dd-say">
                                <h3 id="dd-say" lang={ui.tag} dir={ui.dir()}>{ ui.sources_say }</h3>
                                <QuoteList deal={deal.clone()} quotes={uncited} label={ui.sources_say}
                                    on_open_source={on_open_general.clone()} />
                            </section>
                        }
                        <SourceList deal={deal.clone()} on_open_source={on_open_general} />
                    </div>
                </section>
            }
        }
        (Content::Failed(failure), ..) => html! {
            <ErrorPanel errors={failure.errors.clone()} context={failure.context.clone().map(AttrValue::from)}
                on_retry={props.on_retry.clone().filter(|_| failure.retryable)} />
        },
        _ => html! { <div class="loading" role="status">{ ui.loading }</div> },
    };
    html! {
        <ContextProvider<Ui> context={ui}>
            <div class="dealdiff" lang={ui.tag} dir={crate::core::lang::direction(ui.tag).as_str()}>
                { body }
            </div>
        </ContextProvider<Ui>>
    }
}

/// The navigation shortcut a key press asks for: `Some(true)` next, `Some(false)` previous.
/// Only plain N/J and P/K, never while typing in a field, never with a modifier (WCAG 2.1.4);
/// the listener sits on the widget, so it only hears keys while focus is inside it.
fn shortcut(e: &KeyboardEvent) -> Option<bool> {
    if e.ctrl_key() || e.meta_key() || e.alt_key() || e.default_prevented() {
        return None;
    }
    let typing = e.target_dyn_into::<web_sys::Element>().is_some_and(|t| {
        matches!(t.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA")
            || t.has_attribute("contenteditable")
    });
    if typing {
        return None;
    }
    match e.key().as_str() {
        "n" | "N" | "j" | "J" => Some(true),
        "p" | "P" | "k" | "K" => Some(false),
        _ => None,
    }
}

/// Scrolls term `index` into the middle of the view and focuses it (the row is `tabindex=-1`).
fn focus_term(root: &NodeRef, index: usize) {
    let Some(root) = root.cast::<web_sys::Element>() else {
        return;
    };
    let Ok(Some(row)) = root.query_selector(&format!("[data-term-index=\"{index}\"]")) else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    row.scroll_into_view_with_scroll_into_view_options(&options);
    if let Some(row) = row.dyn_ref::<web_sys::HtmlElement>() {
        let focus = web_sys::FocusOptions::new();
        focus.set_prevent_scroll(true);
        let _ = row.focus_with_options(&focus);
    }
}
