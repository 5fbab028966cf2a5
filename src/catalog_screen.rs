//! The catalog screen: the list of articles from `articles/index.json` (the data and its
//! loading are `api::Catalog` / `api::fetch_catalog`), a page at a time, with a filter
//! that ignores case and diacritics ("cam pha" finds "Cẩm Phả"). A publisher's archive of
//! ten thousand articles never puts more than one page of them in the DOM.
use std::sync::Arc;

use article_core::format::Timestamp;
use article_core::search::{Folded, Query};
use leptos::prelude::*;

use crate::alert::error_fallback;
use crate::api::{fetch_catalog, parse_catalog, Catalog, CatalogEntry};
use crate::clipped_text::clipped;
use crate::i18n::{screen_lang, Lang};
use crate::state::dir_of;

/// Articles per page (as many as the site's static first page shows).
pub const PAGE: usize = 50;

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
    let src = src.unwrap_or_else(crate::url::catalog_url);
    // The site's index.html carries its catalog: no second request.
    let embedded = StoredValue::new(crate::static_page::catalog());
    let (retry, set_retry) = signal(0u32);
    let catalog = LocalResource::new(move || {
        retry.track();
        let src = src.clone();
        let embedded = embedded.get_value();
        async move {
            match embedded {
                Some(text) => parse_catalog(src, &text),
                None => fetch_catalog(src).await,
            }
        }
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
                    catalog.await.map(|c| view! { <Entries catalog=c ui=ui /> })
                })}
                </ErrorBoundary>
            </Transition>
        </main>
    }
}

/// One entry: kicker, the title linking to the article, the date.
fn entry(a: &CatalogEntry, root: &str, ui: Lang) -> impl IntoView {
    let lang = a.lang.clone().unwrap_or_default();
    let date = a
        .published
        .as_deref()
        .and_then(|p| Timestamp::parse(p).ok())
        .map(|t| {
            let iso = t.iso_date();
            let short = t.short(if lang.is_empty() { ui.tag() } else { &lang });
            view! { <time datetime=iso>{short}</time> }
        });
    // The reader's own address: it opens in place, without loading the page again (the
    // static page, `a.page`, is for crawlers and readers without JavaScript).
    let href = article_core::ids::is_valid(&a.id).then(|| format!("{root}?article={}", a.id));
    view! {
        <li class="entry" lang=(!lang.is_empty()).then(|| lang.clone()) dir=(!lang.is_empty()).then(|| dir_of(&lang))>
            {a.kicker.as_deref().map(|k| view! { <p class="kicker">{clipped(k)}</p> })}
            <h2><a href=href>{clipped(&a.title)}</a></h2>
            {date}
        </li>
    }
}

/// The list, a page at a time, with its filter.
#[component]
fn Entries(
    /// The loaded catalog.
    catalog: Arc<Catalog>,
    /// The UI language.
    #[prop(into)]
    ui: Signal<Lang>,
) -> impl IntoView {
    // The static first page of the site's index.html gives way now that this is here.
    Effect::new(move |_| crate::static_page::take_over());
    if catalog.articles.is_empty() {
        return view! { <p>{move || ui.get().text().catalog_empty}</p> }.into_any();
    }
    let root = crate::static_page::root();
    let (query, set_query) = signal(String::new());
    let (page, set_page) = signal(0usize);
    // Titles and kickers folded once, on the first filter.
    let folded: Arc<std::sync::OnceLock<Vec<Folded>>> = Arc::default();
    let c = catalog.clone();
    let matching = Memo::new(move |_| {
        let all = || (0..c.articles.len()).collect::<Vec<_>>();
        let Some(q) = Query::new(&query.get()) else {
            return all();
        };
        let folded = folded.get_or_init(|| {
            c.articles
                .iter()
                .map(|a| {
                    Folded::new(&format!(
                        "{} {}",
                        a.kicker.as_deref().unwrap_or(""),
                        a.title
                    ))
                })
                .collect()
        });
        (0..c.articles.len())
            .filter(|&i| !folded[i].find(&q).is_empty())
            .collect()
    });
    let pages = move || matching.with(|m| m.len().div_ceil(PAGE).max(1));
    let c = catalog.clone();
    let shown = move || {
        let t = ui.get();
        let p = page.get().min(pages() - 1);
        matching.with(|m| {
            if m.is_empty() {
                return view! { <p class="catalog-none">{t.text().catalog_no_match}</p> }
                    .into_any();
            }
            let items = m
                .iter()
                .skip(p * PAGE)
                .take(PAGE)
                .map(|&i| entry(&c.articles[i], &root, t))
                .collect_view();
            view! { <ul class="entries">{items}</ul> }.into_any()
        })
    };
    let many = catalog.articles.len() > PAGE;
    view! {
        {many.then(|| view! {
            <search class="catalog-search">
                <label for="catalog-filter" class="visually-hidden">{move || ui.get().text().catalog_filter}</label>
                <input id="catalog-filter" type="search" autocomplete="off"
                    placeholder=move || ui.get().text().catalog_filter
                    on:input=move |ev| { set_page.set(0); set_query.set(event_target_value(&ev)); } />
            </search>
        })}
        {shown}
        {many.then(|| view! {
            <nav class="pages" aria-label=move || ui.get().text().catalog_heading>
                <button type="button" disabled=move || page.get() == 0
                    on:click=move |_| set_page.update(|p| *p = p.saturating_sub(1))>{move || ui.get().text().catalog_previous}</button>
                <span class="page-of" aria-live="polite">{move || format!("{} {} / {}", ui.get().text().catalog_page, page.get().min(pages() - 1) + 1, pages())}</span>
                <button type="button" disabled=move || page.get() + 1 >= pages()
                    on:click=move |_| set_page.update(|p| *p += 1)>{move || ui.get().text().catalog_next}</button>
            </nav>
        })}
    }
    .into_any()
}
