//! The list of sources at the foot of the widget: who published what, and where to read it.
//! Every source is listed, cited or not, so readers can judge the evidence as a whole.

use super::{use_ui, DealRc};
use yew::prelude::*;

/// Props of [`SourceList`].
#[derive(Properties, PartialEq)]
pub struct SourceListProps {
    /// The deal.
    pub deal: DealRc,
    /// Called with the URL when the reader follows a link.
    #[prop_or_default]
    pub on_open_source: Callback<String>,
}

/// Publisher, title, date and link of every source.
#[function_component]
pub fn SourceList(props: &SourceListProps) -> Html {
    let ui = use_ui();
    if props.deal.sources.is_empty() {
        return Html::default();
    }
    let comma = super::content_comma(&props.deal, ui);
    html! {
        <section class="sources" aria-labelledby="dd-sources">
            <h3 id="dd-sources" lang={ui.tag} dir={ui.dir()}>{ ui.sources_heading }</h3>
            <ol>
                { for props.deal.sources.iter().map(|s| {
                    let title = s.title.as_deref().unwrap_or(&s.publisher);
                    let name = match &s.url {
                        Some(url) => {
                            let (cb, u) = (props.on_open_source.clone(), url.clone());
                            html! {
                                <a href={url.clone()} target="_blank" rel="noopener noreferrer"
                                   onclick={Callback::from(move |_: MouseEvent| cb.emit(u.clone()))}>
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
