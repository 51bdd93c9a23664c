//! The root component: owns the reader's choices (view, compare pair) and renders everything below.
//! Attributes set the defaults; a reader's choice holds until the attribute or payload it was made under changes.

use super::controls::{VersionPicker, ViewSwitch};
use super::error_panel::ErrorPanel;
use super::header::DealHeader;
use super::quote::QuoteList;
use super::source_list::SourceList;
use super::term_list::TermList;
use super::{DealRc, Ui};
use crate::core::{Pair, PayloadError};
use crate::i18n::strings_for;
use std::rc::Rc;
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
        /// `view`, `compare`, `source-link`…
        action: &'static str,
        /// What it was set to (view name, "from to" ids, a URL).
        value: String,
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
}

enum Choose {
    View(ViewMode, Option<AttrValue>),
    Pair(Pair, DealRc, Option<AttrValue>),
}

impl Reducible for Choices {
    type Action = Choose;
    fn reduce(self: Rc<Self>, action: Choose) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Choose::View(mode, attr) => next.view = Some((mode, attr)),
            Choose::Pair(pair, deal, attr) => next.pair = Some((pair, deal, attr)),
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
    {
        // Fired after the DOM is committed, so every displayed term is in the shadow root.
        let notice = props.on_notice.clone();
        use_effect_with((deal.clone(), pair), move |(deal, _)| {
            if let Some(d) = deal {
                notice.emit(Notice::Ready {
                    terms: d.terms.len(),
                    quotes: d.quotes.len(),
                });
            }
        });
    }

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

    let body = match (&props.content, deal, pair) {
        (Content::Ready(_), Some(deal), Some(pair)) => {
            let on_view = {
                let (choices, attr, notice) =
                    (choices.clone(), props.view.clone(), props.on_notice.clone());
                Callback::from(move |mode: ViewMode| {
                    choices.dispatch(Choose::View(mode, attr.clone()));
                    notice.emit(Notice::Interact {
                        action: "view",
                        value: mode.as_str().to_owned(),
                    });
                })
            };
            let on_pair = {
                let (choices, attr, notice, d) = (
                    choices.clone(),
                    props.compare.clone(),
                    props.on_notice.clone(),
                    deal.clone(),
                );
                Callback::from(move |p: Pair| {
                    let value = format!("{} {}", d.versions[p.from].id, d.versions[p.to].id);
                    choices.dispatch(Choose::Pair(p, d.clone(), attr.clone()));
                    notice.emit(Notice::Interact {
                        action: "compare",
                        value,
                    });
                })
            };
            let on_open_source = props.on_notice.reform(|url: String| Notice::Interact {
                action: "source-link",
                value: url,
            });
            let uncited: Vec<usize> = deal.uncited_quotes().map(|(i, _)| i).collect();
            let content_lang = deal.lang.clone();
            let content_dir = deal.lang.as_ref().map(|_| deal.dir.as_str());
            html! {
                <section class="deal" aria-labelledby="dd-title">
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
                    <div lang={content_lang.clone()} dir={content_dir}>
                        <TermList deal={deal.clone()} pair={pair} view={view} on_open_source={on_open_source.clone()} />
                        if !uncited.is_empty() {
                            <section class="sources-say" aria-labelledby="dd-say">
                                <h3 id="dd-say">{ ui.sources_say }</h3>
                                <QuoteList deal={deal.clone()} quotes={uncited} label={ui.sources_say}
                                    on_open_source={on_open_source.clone()} />
                            </section>
                        }
                        <SourceList deal={deal.clone()} on_open_source={on_open_source} />
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
