//! article-viewer: a reader for news articles whose numbers matter.
//!
//! The app is a thin shell over `article_core`: it fetches a document, lets the core parse,
//! anchor and segment it, and renders the result. One component per file, named from the
//! reader's domain; [`App`] picks the screen from the URL.
use leptos::prelude::*;

pub mod alert;
pub mod api;
pub mod article_screen;
pub mod article_text;
pub mod breakdown;
pub mod catalog_screen;
pub mod clipped_text;
pub mod figure_details;
pub mod figure_dom;
pub mod fill;
pub mod hash_sync;
pub mod i18n;
pub mod ledger;
pub mod open_article;
pub mod panic_alert;
pub mod popover;
pub mod scroll;
pub mod search;
pub mod share_button;
pub mod shortcuts;
pub mod skeleton;
pub mod state;
pub mod static_page;
pub mod topbar;
pub mod url;
pub mod warnings;

/// Talc instead of the default dlmalloc: allocation dominated loading a long article
/// (parsing builds ~100,000 small strings), and talc is both faster and smaller in wasm.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

use alert::Alert;
use api::LoadError;
use article_screen::ArticleScreen;
use catalog_screen::CatalogScreen;
use i18n::Lang;
use topbar::TopBar;
use url::Target;

/// The whole reader, routed by the query string (`?article=ID`, `?src=URL`, or the catalog).
#[component]
pub fn App() -> impl IntoView {
    let search = url::follow_query();
    let target = Memo::new(move |_| {
        let (article, src) = url::query_params(&search.get());
        url::target(article.as_deref(), src.as_deref(), &url::current_href())
    });

    // The UI follows the document's language unless the reader chose one.
    let (doc_lang, set_doc_lang) = signal(Lang::saved().is_none().then_some(Lang::Vi));
    let (chosen, set_chosen) = signal(Lang::saved());
    let ui = Signal::derive(move || chosen.get().or(doc_lang.get()).unwrap_or(Lang::Vi));
    let on_lang = Callback::new(move |tag: String| set_doc_lang.set(Some(Lang::from_tag(&tag))));
    // Back on the catalog, the UI returns to its default rather than the last article's.
    let on_catalog = Callback::new(move |_| set_doc_lang.set(None));

    Effect::new(move |_| {
        if let Some(html) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = html.set_attribute("lang", ui.get().tag());
        }
    });

    // A static article page holds its document (read once: it may be megabytes): that is
    // the screen, whatever the query.
    let embedded = static_page::article();
    let on_static_page = embedded.is_some();
    let in_article = Signal::derive(move || on_static_page || target.get() != Target::Catalog);

    // The site's static catalog is for the catalog's address only: another screen (an
    // article, an error) replaces it at once (it is hidden from the first paint).
    Effect::new(move |_| {
        if !on_static_page && target.get() != Target::Catalog {
            static_page::take_over();
        }
    });
    let screen = move || match (target.get(), embedded.clone()) {
        (_, Some((text, src))) => {
            view! { <ArticleScreen url=src ui=ui on_lang=on_lang embedded=text /> }.into_any()
        }
        (Target::Catalog, None) => view! { <CatalogScreen ui=ui on_shown=on_catalog /> }.into_any(),
        (Target::Document(url), None) => {
            view! { <ArticleScreen url=url ui=ui on_lang=on_lang /> }.into_any()
        }
        (Target::Refused { url, reason }, None) => {
            let error = LoadError::Refused { url, reason };
            view! { <Alert error=error on_retry=Callback::new(|_| reload()) ui=ui standalone=true /> }.into_any()
        }
    };

    view! {
        <TopBar ui=ui choose=set_chosen in_article=in_article />
        {screen}
    }
}

fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// Bytes of wasm linear memory in use by the reader, for the benchmark
/// (`window.wasmBindings.wasm_memory_bytes()`).
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    use wasm_bindgen::JsCast;
    wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}

/// Everything the reader sets up once per page: the panic alert. (Normalisation needs no
/// set-up: the core is built with its `browser` feature, see `article_core::unicode`.)
pub fn init() {
    panic_alert::install();
}
