//! The screen for `?article=ID` and `?src=URL`: load the document (showing the skeleton
//! and the download's progress), then the open article, or an alert saying why not.
use leptos::prelude::*;

use crate::alert::error_fallback;
use crate::api::{fetch_document, Progress};
use crate::i18n::{screen_lang, Lang};
use crate::open_article::OpenArticle;
use crate::skeleton::Skeleton;

/// Loads and shows the document at `url`.
#[component]
pub fn ArticleScreen(
    /// URL of the `article/1` document (relative to the page or same-origin absolute).
    #[prop(into)]
    url: Signal<String>,
    /// The UI language.
    #[prop(into)]
    ui: Signal<Lang>,
    /// Told the document's language once it has loaded, so the UI can follow it.
    #[prop(into)]
    on_lang: Callback<String>,
    /// The document's text when the page already holds it (a static page): read, not
    /// fetched.
    #[prop(optional)]
    embedded: Option<String>,
) -> impl IntoView {
    let ui = screen_lang(ui);
    let (retry, set_retry) = signal(0u32);
    let (progress, set_progress) = signal(None::<Progress>);
    let embedded = StoredValue::new(embedded);
    let doc = LocalResource::new(move || {
        retry.track();
        set_progress.set(None);
        let url = url.get();
        let embedded = embedded.get_value();
        async move {
            match embedded {
                Some(text) => crate::api::load_in_steps(url, &text).await,
                None => {
                    fetch_document(
                        url,
                        // `try_`: a last chunk may arrive as the reader navigates away.
                        Some(Callback::new(move |p| {
                            set_progress.try_set(Some(p));
                        })),
                    )
                    .await
                }
            }
        }
    });
    let retry_cb = Callback::new(move |_| set_retry.update(|n| *n += 1));
    view! {
        <Transition fallback=move || view! { <Skeleton ui=ui progress=progress /> }>
            <ErrorBoundary fallback=error_fallback(ui, retry_cb, true)>
                {move || Suspend::new(async move {
                    doc.await.map(|d| {
                        on_lang.run(d.article.lang.clone());
                        view! { <OpenArticle doc=d ui=ui /> }
                    })
                })}
            </ErrorBoundary>
        </Transition>
    }
}
