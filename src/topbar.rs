//! The bar above every screen: skip link, the way back to the catalog and the language
//! switch.
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::Lang;
use crate::url;

/// Skip link, navigation and the UI language switch.
#[component]
pub fn TopBar(
    /// The UI language.
    #[prop(into)]
    ui: Signal<Lang>,
    /// Where the reader's language choice goes (it is also saved in `localStorage`).
    choose: WriteSignal<Option<Lang>>,
    /// Whether an article (or an error about one) is shown, so a way back is offered.
    #[prop(into)]
    in_article: Signal<bool>,
) -> impl IntoView {
    // Rendered once; only texts and attributes follow the language, so the switch keeps focus.
    let t = move || ui.get().text();
    view! {
        // The router would take over this same-page link (pushState, no focus move): skip it
        // by hand, moving focus to the main landmark as a skip link must.
        <a class="skip" href="#main" rel="external" on:click=|ev| {
            ev.prevent_default();
            if let Some(main) = document().get_element_by_id("main") {
                let _ = main.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }>{move || t().skip_to_article}</a>
        <header class="topbar">
            <nav aria-label=move || t().app_name>
                <a class="brand" href=url::catalog_href()>{move || t().app_name}</a>
                <Show when=move || in_article.get()>
                    <a class="back" href=url::catalog_href()>{move || t().back_to_catalog}</a>
                </Show>
            </nav>
            <button type="button" class="lang-switch" lang=move || ui.get().other().tag()
                on:click=move |_| {
                    let next = ui.get_untracked().other();
                    next.save();
                    choose.set(Some(next));
                }>
                {move || t().switch_language}
            </button>
        </header>
    }
}
