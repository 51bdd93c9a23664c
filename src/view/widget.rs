//! The root component: the reader's state (see `state`), the action channel, and the notices to
//! the host (`dealdiff:ready` once per payload and pair, failures, warnings, analytics).
//! Attributes set the defaults; a reader's choice holds until the attribute or payload it was made under changes.

use super::actions::{Actions, Render};
use super::deal_view::DealView;
use super::error_panel::ErrorPanel;
use super::notice::{Content, Notice};
use super::state::{interaction, Action, Reader, Scene, Step};
use super::{focus, DealRc, Ui};
use crate::core::navigate;
use crate::core::{links, Pair, ViewMode};
use crate::i18n::strings_for;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

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
    /// Live, or one of the static renders (see `Render`).
    #[prop_or_default]
    pub render: Render,
    /// Prefix of the ids rendered (see `Actions::ids`).
    #[prop_or(AttrValue::Static("dd-"))]
    pub ids: AttrValue,
}

/// What the action channel needs from the latest render: it is made once, so it reads them here.
#[derive(Clone)]
struct Latest {
    scene: Rc<Scene>,
    reader: Rc<Reader>,
    notice: Callback<Notice>,
    anchor_ns: AttrValue,
}

/// The UI language: the `lang` attribute, then the payload's, then the page's.
pub fn ui_for(props: &WidgetProps) -> Ui {
    let deal_lang = match &props.content {
        Content::Ready(deal) => deal.lang.as_deref(),
        _ => None,
    };
    let tag = props
        .lang
        .as_deref()
        .or(deal_lang)
        .or(props.page_lang.as_deref());
    Ui(strings_for(tag))
}

/// The `<deal-diff>` widget's content.
#[function_component]
pub fn DealDiff(props: &WidgetProps) -> Html {
    let reader = use_reducer(Reader::default);
    let ui = ui_for(props);
    let deal = match &props.content {
        Content::Ready(deal) => Some(deal.clone()),
        _ => None,
    };
    let (attr_view, view_warning) = ViewMode::from_attribute(props.view.as_deref());
    let view = reader.view(props.view.as_ref(), attr_view);
    let (pair, pair_warning) = match &deal {
        Some(d) => {
            let (p, w) = Pair::from_attribute(d, props.compare.as_deref());
            (Some(reader.pair(d, props.compare.as_ref(), p)), w)
        }
        None => (None, None),
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
    let rows = use_memo(
        (deal.clone(), pair, reader.filter.clone()),
        |(deal, pair, filter)| match (deal, pair) {
            (Some(d), Some(p)) => navigate::rows(d, *p, filter),
            _ => Vec::new(),
        },
    );
    let stops = use_memo(rows.clone(), |rows| navigate::stops(rows));

    // The channel and the completion report are made once and read the latest render from here,
    // so their identity never changes and no row re-renders because of them.
    let latest = use_mut_ref(|| None::<Latest>);
    let own_anchor = use_mut_ref(|| None::<String>);
    let shown = use_mut_ref(|| None::<(DealRc, Pair)>);
    if let (Some(d), Some(p)) = (&deal, pair) {
        *latest.borrow_mut() = Some(Latest {
            scene: Rc::new(Scene {
                deal: d.clone(),
                pair: p,
                view_attr: props.view.clone(),
                compare_attr: props.compare.clone(),
                stops: stops.clone(),
            }),
            reader: Rc::new((*reader).clone()),
            notice: props.on_notice.clone(),
            anchor_ns: props.anchor_ns.clone(),
        });
    }
    *shown.borrow_mut() = deal.clone().zip(pair);
    let actions = {
        let (latest, own, dispatcher) = (latest.clone(), own_anchor.clone(), reader.dispatcher());
        let (render, ids) = (props.render, props.ids.clone());
        use_memo((render, ids), move |(render, ids)| {
            let send = Callback::from(move |action: Action| {
                let Some(l) = latest.borrow().clone() else {
                    return;
                };
                #[cfg(feature = "test-hooks")]
                if matches!(action, Action::View(_))
                    && l.scene.deal.title == "dealdiff-test-panic-on-click"
                {
                    panic!("dealdiff test hook: panic in a click handler");
                }
                if let Action::CopyLink(index) = action {
                    let anchor = links::term_anchor(&l.anchor_ns, &l.scene.deal.terms[index].id);
                    *own.borrow_mut() = Some(anchor.clone());
                    l.notice.emit(Notice::CopyLink { anchor });
                }
                if let Some(n) = interaction(&action, &l.reader, &l.scene) {
                    l.notice.emit(n);
                }
                dispatcher.dispatch(Step(action, l.scene.clone()));
            });
            Actions::new(send, *render, ids.clone())
        })
    };
    // `dealdiff:ready` once per payload and compare pair, when the term list reports that every
    // displayed term is in the shadow root (it renders long lists in chunks). `shown` is what the
    // latest render shows, so a report from an older render is dropped.
    let on_complete = {
        let notice = use_mut_ref(Callback::noop);
        *notice.borrow_mut() = props.on_notice.clone();
        let last_ready = use_mut_ref(|| None);
        use_memo((), move |()| {
            Callback::from(move |()| {
                let key = shown.borrow().clone();
                let Some((d, _)) = &key else { return };
                if *last_ready.borrow() != key {
                    *last_ready.borrow_mut() = key.clone();
                    let notice = notice.borrow().clone();
                    notice.emit(Notice::Ready {
                        terms: d.terms.len(),
                        quotes: d.quotes.len(),
                    });
                }
            })
        })
    };

    let root = use_node_ref();
    {
        // Move focus to the term the reader navigated to, once per request.
        let (root, current) = (root.clone(), reader.current);
        use_effect_with(reader.focus, move |focus| {
            if let (true, Some(i)) = (*focus > 0, current) {
                focus::focus_term(&root, i);
            }
        });
    }
    use_deep_link(props, &deal, pair, &reader, own_anchor);

    let body = match (&props.content, deal, pair) {
        (Content::Ready(_), Some(deal), Some(pair)) => html! {
            <DealView {deal} {pair} {view} rows={rows.clone()} stops={stops.clone()}
                reader={Rc::new((*reader).clone())} on_complete={(*on_complete).clone()} {root} />
        },
        (Content::Failed(failure), ..) => html! {
            <ErrorPanel errors={failure.errors.clone()} context={failure.context.clone().map(AttrValue::from)}
                on_retry={props.on_retry.clone().filter(|_| failure.retryable)} />
        },
        _ => html! { <div class="loading" role="status">{ ui.loading }</div> },
    };
    html! {
        <ContextProvider<Ui> context={ui}>
            <ContextProvider<Actions> context={(*actions).clone()}>
                <div class="dealdiff" lang={ui.tag} dir={ui.dir()}>{ body }</div>
            </ContextProvider<Actions>>
        </ContextProvider<Ui>>
    }
}

/// A link to one of this widget's terms (on load or on hashchange) reveals and focuses it.
/// Only a new link or a new payload moves the reader: changing the compared pair while an old
/// link is still in the address bar must not pull focus back to it.
#[hook]
fn use_deep_link(
    props: &WidgetProps,
    deal: &Option<DealRc>,
    pair: Option<Pair>,
    reader: &UseReducerHandle<Reader>,
    own: Rc<RefCell<Option<String>>>,
) {
    let (reader, notice, ns) = (
        reader.clone(),
        props.on_notice.clone(),
        props.anchor_ns.clone(),
    );
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
                let lift_filter = navigate::hides(deal, pair, &reader.filter, index);
                let scene = Scene {
                    deal: deal.clone(),
                    pair,
                    view_attr: None,
                    compare_attr: None,
                    stops: Rc::default(),
                };
                reader.dispatch(Step(Action::Go { index, lift_filter }, Rc::new(scene)));
            }
            _ => notice.emit(Notice::Warning(format!(
                "link {hash} names no term shown in this comparison"
            ))),
        }
    });
}

/// Compares by identity: each load makes a new failure, even with the same text.
#[derive(Clone)]
struct RcEq<T>(Rc<T>);

impl<T> PartialEq for RcEq<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
