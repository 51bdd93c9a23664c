//! The list of sources at the foot of the widget: who published what, and where to read it.
//! Every source is listed, cited or not, so readers can judge the evidence as a whole.

use super::actions::use_actions;
use super::state::Action;
use super::{use_ui, DealRc};
use yew::prelude::*;

/// Props of [`SourceList`].
#[derive(Properties, PartialEq)]
pub struct SourceListProps {
    /// The deal.
    pub deal: DealRc,
}

/// Publisher, title, date and link of every source.
#[function_component]
pub fn SourceList(props: &SourceListProps) -> Html {
    let (ui, actions) = (use_ui(), use_actions());
    if props.deal.sources.is_empty() {
        return Html::default();
    }
    let comma = super::content_comma(&props.deal, ui);
    html! {
        <section class="sources" aria-labelledby={actions.id("sources")}>
            <h3 id={actions.id("sources")} lang={ui.tag} dir={ui.dir()}>{ ui.sources_heading }</h3>
            <ol>
                { for props.deal.sources.iter().map(|s| {
                    let title = s.title.as_deref().unwrap_or(&s.publisher);
                    let name = match &s.url {
                        Some(url) => {
                            let (actions, u) = (actions.clone(), url.clone());
                            html! {
                                <a href={url.clone()} target="_blank" rel="noopener noreferrer"
                                   onclick={move |_: MouseEvent| actions.send(Action::OpenSource { url: u.clone(), term: None })}>
                                    { title }<span class="visually-hidden" lang={ui.tag} dir={ui.dir()}>{ " " }{ ui.new_tab }</span>
                                </a>
                            }
                        }
                        None => html! { title },
                    };
                    html! {
                        <li key={s.id.clone()} lang={s.lang.clone()}>
                            { name }
                            if s.title.is_some() { { " — " }{ &s.publisher } }
                            if let Some(d) = s.date {
                                { comma }<time datetime={d.to_string()} lang={ui.tag} dir={ui.dir()}>{ (ui.format_date)(d) }</time>
                            }
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
