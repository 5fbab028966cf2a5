//! A page `article site` wrote: what it embeds and how the reader takes it over.
//!
//! A static article page holds the article as HTML (readable before and without the wasm)
//! and the document itself in `<script type="application/json" id="article-data">`; the
//! site's `index.html` holds the catalog's first page and the catalog in
//! `id="catalog-data"`. The reader reads those instead of fetching them again, renders its
//! own screen, and, once that is in the page, removes the static content
//! (`#static-page`) in the same task, so no frame shows both or neither.
/// The id of the embedded document (see `article site`).
const ARTICLE_DATA: &str = "article-data";
/// The id of the embedded catalog.
const CATALOG_DATA: &str = "catalog-data";

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

fn embedded(id: &str) -> Option<String> {
    document()?.get_element_by_id(id)?.text_content()
}

/// The document embedded in a static article page, with the URL it was read from (for
/// messages), if this is one.
pub fn article() -> Option<(String, String)> {
    let el = document()?.get_element_by_id(ARTICLE_DATA)?;
    let src = el.get_attribute("data-src").unwrap_or_default();
    Some((el.text_content()?, src))
}

/// The catalog embedded in the site's `index.html`, if this is it.
pub fn catalog() -> Option<String> {
    embedded(CATALOG_DATA)
}

/// Remove the static content, now that the reader's screen is in the page.
pub fn take_over() {
    if let Some(el) =
        document().and_then(|d| d.get_element_by_id(article_core::markup::STATIC_PAGE))
    {
        el.remove();
    }
}

/// Where the site's root is, relative to this page: `../../` on a static article page
/// (`<meta name="article-viewer-root">`), else `""` (the page is at the root).
pub fn root() -> String {
    document()
        .and_then(|d| {
            d.query_selector("meta[name=\"article-viewer-root\"]")
                .ok()
                .flatten()
        })
        .and_then(|m| m.get_attribute("content"))
        .filter(|r| r.split('/').all(|p| p.is_empty() || p == ".."))
        .unwrap_or_default()
}
