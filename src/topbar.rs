//! The bar above every screen: skip link, the way back to the catalog and the language
//! switch.
use leptos::prelude::*;

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
    move || {
        let t = ui.get().text();
        view! {
            <a class="skip" href="#main">{t.skip_to_article}</a>
            <header class="topbar">
                <nav aria-label=t.app_name>
                    <a class="brand" href=url::catalog_href()>{t.app_name}</a>
                    {in_article.get().then(|| view! { <a class="back" href=url::catalog_href()>{t.back_to_catalog}</a> })}
                </nav>
                <button type="button" class="lang-switch" lang=ui.get().other().tag()
                    on:click=move |_| {
                        let next = ui.get_untracked().other();
                        next.save();
                        choose.set(Some(next));
                    }>
                    {t.switch_language}
                </button>
            </header>
        }
    }
}
