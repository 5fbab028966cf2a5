//! The loading placeholder, shaped like an article so nothing jumps when it arrives. A
//! long download shows how far it has got (in a line reserved from the start).
use leptos::prelude::*;

use crate::api::Progress;
use crate::i18n::Lang;

/// The placeholder while a document downloads.
#[component]
pub fn Skeleton(
    /// The UI language.
    #[prop(into)]
    ui: Signal<Lang>,
    /// How far the download has got, once it is known.
    #[prop(into)]
    progress: Signal<Option<Progress>>,
) -> impl IntoView {
    let bar = move || {
        let p = progress.get()?;
        let lang = ui.get().tag();
        let total = p.total.filter(|&t| t >= p.received);
        let (value, max) = match total {
            Some(t) if p.received == t => return None,
            Some(t) => (p.received, t),
            None => (0, 0),
        };
        let text = article_core::view::download_size(p.received, total, lang);
        let label = ui.get().text().loading;
        Some(view! {
            <progress aria-label=label value=(max > 0).then(|| value.to_string()) max=(max > 0).then(|| max.to_string())></progress>
            " "<span>{text}</span>
        })
    };
    view! {
        <main id="main" class="skeleton" aria-busy="true" aria-live="polite">
            <span class="visually-hidden">{move || ui.get().text().loading}</span>
            <div class="sk sk-kicker"></div>
            <div class="sk sk-title"></div>
            <div class="sk sk-title short"></div>
            <div class="sk sk-meta"></div>
            // Not announced at every chunk: the live region above says "loading" once.
            <p class="sk-progress" aria-live="off">{bar}</p>
            {(0..8).map(|_| view! { <div class="sk sk-line"></div> }).collect_view()}
        </main>
    }
}
