//! The catalog screen: the list of articles from `articles/index.json` (the data and its
//! loading are `api::Catalog` / `api::fetch_catalog`).
use article_core::format::Timestamp;
use leptos::prelude::*;

use crate::alert::error_fallback;
use crate::api::fetch_catalog;
use crate::i18n::{screen_lang, Lang};
use crate::url::CATALOG_URL;

/// The catalog screen.
#[component]
pub fn CatalogScreen(
    /// The UI language.
    #[prop(into)]
    ui: Signal<Lang>,
    /// Where the catalog is, relative to the page.
    #[prop(optional, into)]
    src: Option<String>,
    /// Called once the catalog is on screen (the previous screen is gone by then), so the
    /// UI can stop following the language of the last article read.
    #[prop(optional)]
    on_shown: Option<Callback<()>>,
) -> impl IntoView {
    let ui = screen_lang(ui);
    let src = src.unwrap_or_else(|| CATALOG_URL.to_string());
    let (retry, set_retry) = signal(0u32);
    let catalog = LocalResource::new(move || {
        retry.track();
        fetch_catalog(src.clone())
    });
    if let Some(on_shown) = on_shown {
        Effect::new(move |_| on_shown.run(()));
    }
    Effect::new(move |_| {
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(ui.get().text().app_name);
        }
    });
    let retry_cb = Callback::new(move |_| set_retry.update(|n| *n += 1));
    view! {
        <main id="main" class="catalog" tabindex="-1">
            <h1>{move || ui.get().text().catalog_heading}</h1>
            <Transition fallback=move || view! { <p class="loading" aria-busy="true">{move || ui.get().text().loading}</p> }>
                <ErrorBoundary fallback=error_fallback(ui, retry_cb, false)>
                {move || Suspend::new(async move {
                    catalog.await.map(|c| {
                        if c.articles.is_empty() {
                            return view! { <p>{move || ui.get().text().catalog_empty}</p> }.into_any();
                        }
                        {
                            let items = c.articles.iter().map(|a| {
                                let lang = a.lang.clone().unwrap_or_default();
                                let date = a.published.as_deref().and_then(|p| Timestamp::parse(p).ok()).map(|t| {
                                    let iso = t.iso_date();
                                    let short = t.short(if lang.is_empty() { ui.get_untracked().tag() } else { &lang });
                                    view! { <time datetime=iso>{short}</time> }
                                });
                                let valid_id = article_core::ids::is_valid(&a.id);
                                let href = valid_id.then(|| format!("?article={}", a.id));
                                view! {
                                    <li class="entry" lang=(!lang.is_empty()).then(|| lang.clone()) dir=(!lang.is_empty()).then(|| crate::state::dir_of(&lang))>
                                        {a.kicker.as_deref().map(|k| view! { <p class="kicker">{crate::clipped_text::clipped(k)}</p> })}
                                        <h2><a href=href>{crate::clipped_text::clipped(&a.title)}</a></h2>
                                        {date}
                                    </li>
                                }
                            }).collect_view();
                            view! { <ul class="entries">{items}</ul> }.into_any()
                        }
                    })
                })}
                </ErrorBoundary>
            </Transition>
        </main>
    }
}
