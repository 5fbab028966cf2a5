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

/// Whether this is a static article page (without reading the embedded document).
pub fn is_article_page() -> bool {
    document().is_some_and(|d| d.get_element_by_id(ARTICLE_DATA).is_some())
}

/// The catalog embedded in the site's `index.html`, if this is it.
pub fn catalog() -> Option<String> {
    embedded(CATALOG_DATA)
}

/// The class of the reader's own root while a static page is still shown: it is laid out
/// only once it replaces that page (`display: none` until then), so nothing the reader
/// builds in the meantime moves on screen — the swap is one change in one frame.
const PENDING: &str = "takeover-pending";

/// Where the reader mounts: on a static page a root placed where the static content is
/// and hidden until [`take_over`]; elsewhere the body.
pub fn mount_root() -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    let doc = document()?;
    let body = doc.body()?;
    let Some(static_page) = doc.get_element_by_id(article_core::markup::STATIC_PAGE) else {
        return Some(body);
    };
    let root = doc.create_element("div").ok()?;
    root.set_class_name(PENDING);
    static_page.before_with_node_1(&root).ok()?;
    root.dyn_into().ok()
}

/// Remove the static content, now that the reader's screen is in the page, and show the
/// reader in its place.
pub fn take_over() {
    let Some(doc) = document() else { return };
    if let Some(el) = doc.get_element_by_id(article_core::markup::STATIC_PAGE) {
        el.remove();
    }
    if let Ok(Some(root)) = doc.query_selector(&format!(".{PENDING}")) {
        let _ = root.class_list().remove_1(PENDING);
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
