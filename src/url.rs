//! What the address bar asks for, and how selection is written back to it.
//!
//! Everything is relative to the page's own URL so the reader works from any sub-path of a
//! plain static host (no rewrite rules): `?article=ID` → `articles/ID.json`.

/// The screen the URL names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Catalog,
    /// A document URL to fetch (already checked to be same-origin and well-formed).
    Document(String),
    /// The URL asked for something we refuse to load; the reason is shown in the alert.
    Refused {
        url: String,
        reason: Refusal,
    },
}

/// Why an address is not loaded. A value, not a sentence, so the alert can say it in the
/// UI's language (see `alert.rs`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// `?article=` holds something other than letters, digits, `-` and `_`.
    BadId,
    /// `?src=` is not a URL at all.
    NotUrl,
    /// A scheme other than http(s): `javascript:`, `data:`, `file:` …
    Scheme(String),
    /// Another origin than the page's.
    Origin { origin: String, page: String },
}

/// Where the catalog lives, relative to the site root.
pub const CATALOG_URL: &str = "articles/index.json";

/// Where the catalog lives, relative to this page (a static page is deeper, see
/// [`crate::static_page::root`]).
pub fn catalog_url() -> String {
    format!("{}{CATALOG_URL}", crate::static_page::root())
}

/// Decide the target from the query parameters `article` and `src`. `base` is the page's
/// full URL (for resolving and origin checks).
pub fn target(article: Option<&str>, src: Option<&str>, base: &str) -> Target {
    if let Some(id) = article.filter(|s| !s.is_empty()) {
        if article_core::ids::is_valid(id) && id.len() <= 200 {
            return Target::Document(format!("articles/{id}.json"));
        }
        return Target::Refused {
            url: id.to_string(),
            reason: Refusal::BadId,
        };
    }
    if let Some(src) = src.filter(|s| !s.is_empty()) {
        return match same_origin(src, base) {
            Ok(url) => Target::Document(url),
            Err(reason) => Target::Refused {
                url: src.to_string(),
                reason,
            },
        };
    }
    Target::Catalog
}

/// Resolve `src` against `base` and accept it only if it is http(s) on the page's origin.
fn same_origin(src: &str, base: &str) -> Result<String, Refusal> {
    let url = web_sys::Url::new_with_base(src, base).map_err(|_| Refusal::NotUrl)?;
    let page = web_sys::Url::new(base).map_err(|_| Refusal::NotUrl)?;
    if url.protocol() != "http:" && url.protocol() != "https:" {
        return Err(Refusal::Scheme(url.protocol()));
    }
    if url.origin() != page.origin() {
        return Err(Refusal::Origin {
            origin: url.origin(),
            page: page.origin(),
        });
    }
    Ok(url.href())
}

/// The origin of the page itself (`http://host:port`).
pub fn page_origin() -> String {
    web_sys::Url::new(&current_href())
        .map(|u| u.origin())
        .unwrap_or_default()
}

/// Why a response URL is not acceptable (another origin than the page's), or `None`.
pub fn foreign(response_url: &str) -> Option<Refusal> {
    // An empty URL (some synthetic responses) says nothing; the request itself was checked.
    if response_url.is_empty() {
        return None;
    }
    same_origin(response_url, &current_href()).err()
}

/// What `#fig-…` names, as written (percent-decoded, at most 80 characters), whether or
/// not it is a valid figure id: for telling the reader that a deep link found nothing.
pub fn named_in_hash(hash: &str) -> Option<String> {
    let raw = hash
        .strip_prefix('#')
        .unwrap_or(hash)
        .strip_prefix("fig-")?;
    let decoded = js_sys::decode_uri_component(raw)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| raw.to_string());
    let mut name: String = decoded.chars().take(80).collect();
    if name.len() < decoded.len() {
        name.push('…');
    }
    Some(name)
}

/// `#fig-ID` → `ID` (ids are ASCII, so no percent-decoding is needed; anything else is ignored).
pub fn figure_from_hash(hash: &str) -> Option<&str> {
    let id = hash
        .strip_prefix('#')
        .unwrap_or(hash)
        .strip_prefix("fig-")?;
    article_core::ids::is_valid(id).then_some(id)
}

/// The current `location.hash`.
pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The current full URL.
pub fn current_href() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// The catalog's address: the site root's path (the page's own path without query or
/// hash, or the root a static page names).
pub fn catalog_href() -> String {
    let root = crate::static_page::root();
    if !root.is_empty() {
        if let Ok(u) = web_sys::Url::new_with_base(&root, &current_href()) {
            return u.pathname();
        }
    }
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_else(|| "./".into())
}

/// Write the selection into the hash with `replaceState`, so Back leaves the article instead
/// of stepping through selections.
pub fn write_selection(id: Option<&str>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    let url = match id {
        Some(id) => format!("{path}{search}#fig-{id}"),
        None => format!("{path}{search}"),
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// The page's query string (`location.search`), kept current while the reader moves in
/// place: Back and Forward (`popstate`), and a plain click on a link to this same page
/// with another query (a catalog entry, the way back to the catalog), which is opened
/// without reloading, as a new history entry at the top of the page. Links elsewhere, to
/// a fragment, opened in a new tab or marked `rel="external"` are left to the browser.
pub fn follow_query() -> leptos::prelude::ReadSignal<String> {
    use leptos::prelude::*;
    let (search, set_search) = signal(current_search());
    let on_pop = window_event_listener_untyped("popstate", move |_| {
        set_search.set(current_search());
    });
    let on_click = window_event_listener(leptos::ev::click, move |ev| {
        let Some(href) = in_place_link(&ev) else {
            return;
        };
        ev.prevent_default();
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Ok(history) = window.history() {
            let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href));
        }
        window.scroll_to_with_x_and_y(0.0, 0.0);
        set_search.set(current_search());
    });
    on_cleanup(move || {
        on_pop.remove();
        on_click.remove();
    });
    search
}

/// `?article=…&src=…` → the two parameters, decoded.
pub fn query_params(search: &str) -> (Option<String>, Option<String>) {
    match web_sys::UrlSearchParams::new_with_str(search) {
        Ok(p) => (p.get("article"), p.get("src")),
        Err(_) => (None, None),
    }
}

fn current_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The address a click on a link opens in place, if it is one (see [`follow_query`]).
pub fn in_place_link(ev: &web_sys::MouseEvent) -> Option<String> {
    use wasm_bindgen::JsCast;
    if ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.ctrl_key()
        || ev.shift_key()
        || ev.alt_key()
    {
        return None;
    }
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let link = target.closest("a[href]").ok()??;
    let external = link
        .get_attribute("rel")
        .is_some_and(|r| r.split_ascii_whitespace().any(|w| w == "external"));
    if external || link.has_attribute("target") || link.has_attribute("download") {
        return None;
    }
    let here = web_sys::Url::new(&current_href()).ok()?;
    let url = web_sys::Url::new_with_base(&link.get_attribute("href")?, &here.href()).ok()?;
    let same_page = url.origin() == here.origin() && url.pathname() == here.pathname();
    // Another query; or the same one without a fragment (the catalog link on the catalog).
    let moves = url.search() != here.search() || url.hash().is_empty();
    (same_page && moves).then(|| url.href())
}
