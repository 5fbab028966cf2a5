//! All network I/O of the reader: fetch a document, turn every failure into a
//! [`LoadError`] value the alert can explain, and abort the request when the view that
//! asked for it goes away (so a slow earlier response never replaces the current one).
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use article_core::limits::MAX_INPUT_BYTES;
use article_core::{Document, Problem};
use gloo_net::http::Request;

use crate::url::Refusal;
use leptos::prelude::{on_cleanup, Callable, Callback};
use send_wrapper::SendWrapper;
use serde::Deserialize;

/// Give up on a request that makes no progress for this long; flaky phone networks
/// otherwise hang forever. See [`timeout_ms`].
pub const DEFAULT_TIMEOUT_MS: i32 = 15_000;

/// Why a document could not be shown. Each variant knows the URL it was about, and holds
/// values rather than sentences, so the alert says everything in the UI's language.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The URL itself was refused before any request (e.g. another origin).
    Refused { url: String, reason: Refusal },
    /// The server redirected the request to another origin: to `to` when the browser
    /// followed it and said where, `None` when the redirect was not followed (the usual
    /// case: the page's `connect-src 'self'` and CORS both stop it).
    Redirected { url: String, to: Option<String> },
    /// The request never got a response (offline, DNS, connection refused, aborted). The
    /// browser's own message is for the console.
    Network { url: String, message: String },
    /// Nothing arrived for `after_ms`: no response at all (`received == 0`), or a body that
    /// stopped after `received` bytes (of `total`, when the server said).
    Timeout {
        url: String,
        after_ms: i32,
        received: u64,
        total: Option<u64>,
    },
    /// The connection closed in the middle of the body.
    Interrupted {
        url: String,
        received: u64,
        total: Option<u64>,
    },
    Http {
        url: String,
        status: u16,
        status_text: String,
    },
    /// The server answered with markup (a web page, `html`, or some other `<…>`) where
    /// a JSON document belongs: a parking, login or error page.
    NotJson { url: String, html: bool },
    /// Longer than the core accepts: `bytes` when announced by `Content-Length`, `None`
    /// when counted while downloading.
    TooLarge {
        url: String,
        bytes: Option<u64>,
        limit: u64,
    },
    /// The body arrived but is not a valid document; every problem has a JSON path.
    Invalid { url: String, problems: Vec<Problem> },
}

impl LoadError {
    pub fn url(&self) -> &str {
        match self {
            LoadError::Refused { url, .. }
            | LoadError::Redirected { url, .. }
            | LoadError::Network { url, .. }
            | LoadError::Timeout { url, .. }
            | LoadError::Interrupted { url, .. }
            | LoadError::Http { url, .. }
            | LoadError::NotJson { url, .. }
            | LoadError::TooLarge { url, .. }
            | LoadError::Invalid { url, .. } => url,
        }
    }

    /// Whether asking again may give another answer. Not for an address that is refused
    /// or a document that is invalid or too large: the same request gets the same no.
    /// An HTML answer may be a Wi-Fi login or maintenance page, so it may.
    pub fn retryable(&self) -> bool {
        match self {
            LoadError::Network { .. }
            | LoadError::Timeout { .. }
            | LoadError::Interrupted { .. }
            | LoadError::NotJson { .. } => true,
            LoadError::Http { status, .. } => {
                *status >= 500 || matches!(status, 404 | 408 | 409 | 423 | 425 | 429)
            }
            LoadError::Refused { .. }
            | LoadError::Redirected { .. }
            | LoadError::TooLarge { .. }
            | LoadError::Invalid { .. } => false,
        }
    }

    /// A stable name for the kind of failure (`data-error` on the alert).
    pub fn kind(&self) -> &'static str {
        match self {
            LoadError::Refused { .. } => "refused",
            LoadError::Redirected { .. } => "redirected",
            LoadError::Network { .. } => "network",
            LoadError::Timeout { received: 0, .. } => "timeout",
            LoadError::Timeout { .. } => "stalled",
            LoadError::Interrupted { .. } => "interrupted",
            LoadError::Http { .. } => "http",
            LoadError::NotJson { .. } => "not-json",
            LoadError::TooLarge { .. } => "too-large",
            LoadError::Invalid { .. } => "invalid",
        }
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Refused { url, reason } => write!(f, "refused {url}: {reason:?}"),
            LoadError::Redirected { url, to } => {
                write!(f, "{url} redirected to another origin ({to:?})")
            }
            LoadError::Network { url, message } => write!(f, "could not fetch {url}: {message}"),
            LoadError::Timeout {
                url,
                after_ms,
                received,
                ..
            } => write!(
                f,
                "{url}: nothing received for {after_ms} ms (after {received} bytes)"
            ),
            LoadError::Interrupted { url, received, .. } => {
                write!(f, "{url}: connection closed after {received} bytes")
            }
            LoadError::Http {
                url,
                status,
                status_text,
            } => write!(f, "{url}: HTTP {status} {status_text}"),
            LoadError::NotJson { url, .. } => write!(f, "{url}: HTML instead of JSON"),
            LoadError::TooLarge { url, bytes, limit } => {
                write!(f, "{url}: {bytes:?} bytes, over the limit of {limit}")
            }
            LoadError::Invalid { url, problems } => {
                write!(f, "{url}: {} problem(s)", problems.len())
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// How far a download has got: bytes received, and the total when the server said it
/// (and is not compressing, in which case its length is not the body's).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub received: u64,
    pub total: Option<u64>,
}

/// How long a request may go without progress (no response, or no new bytes of its body)
/// before it is given up: [`DEFAULT_TIMEOUT_MS`], or what the page's
/// `<meta name="article-viewer-timeout" content="MS">` says (1 s to 10 min).
pub fn timeout_ms() -> i32 {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("meta[name=\"article-viewer-timeout\"]")
                .ok()
                .flatten()
        })
        .and_then(|m| m.get_attribute("content"))
        .and_then(|c| c.trim().parse::<i32>().ok())
        .map(|ms| ms.clamp(1_000, 600_000))
        .unwrap_or(DEFAULT_TIMEOUT_MS)
}

/// Aborts a request when it makes no progress for a while; re-armed on every sign of
/// progress, so a long download on a slow but steady link is never cut off.
struct Watchdog {
    id: std::cell::Cell<Option<i32>>,
    fire: wasm_bindgen::closure::Closure<dyn FnMut()>,
    ms: i32,
}

impl Watchdog {
    fn new(controller: Option<web_sys::AbortController>, fired: Arc<AtomicBool>, ms: i32) -> Self {
        let fire = wasm_bindgen::closure::Closure::new(move || {
            fired.store(true, Ordering::Relaxed);
            if let Some(c) = &controller {
                c.abort();
            }
        });
        let dog = Watchdog {
            id: std::cell::Cell::new(None),
            fire,
            ms,
        };
        dog.arm();
        dog
    }

    fn arm(&self) {
        self.disarm();
        self.id.set(web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                self.fire.as_ref().unchecked_ref(),
                self.ms,
            )
            .ok()
        }));
    }

    fn disarm(&self) {
        if let (Some(id), Some(w)) = (self.id.take(), web_sys::window()) {
            w.clear_timeout_with_handle(id);
        }
    }
}

impl Drop for Watchdog {
    // Before the closure is freed: a pending timer must not call it afterwards.
    fn drop(&mut self) {
        self.disarm();
    }
}

/// GET `url` as text, telling `progress` how the body's download goes. The request is
/// aborted when the calling reactive scope is cleaned up (navigation, retry), when it makes
/// no progress for [`timeout_ms`], and when its body grows past the core's size limit.
/// The body must be UTF-8 (decoded by the core, as `article check` decodes a file) and
/// must not be markup.
pub async fn fetch_text(
    url: &str,
    progress: Option<Callback<Progress>>,
) -> Result<String, LoadError> {
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let timed_out = Arc::new(AtomicBool::new(false));
    let after_ms = timeout_ms();
    let watchdog = Watchdog::new(controller.clone(), timed_out.clone(), after_ms);
    // Kept to abort a body we decided not to read (too large, an error status).
    let stop = controller.clone();
    let abort_body = move || {
        if let Some(c) = &stop {
            c.abort();
        }
    };
    let guard = SendWrapper::new(controller);
    on_cleanup(move || {
        if let Some(c) = guard.take() {
            c.abort();
        }
    });
    let timeout = |received: u64, total: Option<u64>| LoadError::Timeout {
        url: url.to_string(),
        after_ms,
        received,
        total,
    };
    let response = match Request::get(url).abort_signal(signal.as_ref()).send().await {
        Ok(r) => r,
        Err(_) if timed_out.load(Ordering::Relaxed) => return Err(timeout(0, None)),
        // Aborted because the view went away: nobody will see this, do not ask again.
        Err(gloo_net::Error::JsError(e)) if e.name == "AbortError" => {
            return Err(LoadError::Network {
                url: url.to_string(),
                message: e.to_string(),
            })
        }
        Err(e) => return Err(not_sent(url, e.to_string()).await),
    };
    watchdog.arm();
    // A same-origin URL that redirected elsewhere is refused like a foreign `?src=`.
    if crate::url::foreign(&response.url()).is_some() {
        abort_body();
        return Err(LoadError::Redirected {
            url: url.to_string(),
            to: web_sys::Url::new(&response.url()).ok().map(|u| u.origin()),
        });
    }
    if !response.ok() {
        abort_body();
        return Err(LoadError::Http {
            url: url.to_string(),
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    let headers = response.headers();
    let length: Option<usize> = headers
        .get("content-length")
        .and_then(|l| l.trim().parse().ok());
    let limit = MAX_INPUT_BYTES as u64;
    if let Some(bytes) = length.filter(|&b| b > MAX_INPUT_BYTES) {
        abort_body();
        return Err(LoadError::TooLarge {
            url: url.to_string(),
            bytes: Some(bytes as u64),
            limit,
        });
    }
    // Bytes rather than `text()`: decoding 2 MB into a JavaScript string only to encode it
    // back into wasm memory cost ~30 ms on a long article. A compressed body's length is
    // not the length of what the stream gives, so it cannot be the progress total.
    let encoded = headers
        .get("content-encoding")
        .is_some_and(|e| !e.trim().eq_ignore_ascii_case("identity"));
    let total = length.filter(|_| !encoded);
    let total_u64 = total.map(|t| t as u64);
    let mut bytes: Vec<u8> = Vec::new();
    if let Some(body) = response.body() {
        let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
        bytes.reserve(total.unwrap_or(0).min(MAX_INPUT_BYTES));
        loop {
            let chunk = match wasm_bindgen_futures::JsFuture::from(reader.read()).await {
                Ok(chunk) => chunk,
                // Aborted by the watchdog: it stalled. Otherwise the connection broke off.
                Err(_) if timed_out.load(Ordering::Relaxed) => {
                    return Err(timeout(bytes.len() as u64, total_u64))
                }
                Err(e) => {
                    if !is_abort(&e) {
                        leptos::logging::warn!("{url}: the download broke off: {}", js_message(&e));
                    }
                    return Err(LoadError::Interrupted {
                        url: url.to_string(),
                        received: bytes.len() as u64,
                        total: total_u64,
                    });
                }
            };
            let field = |name: &str| js_sys::Reflect::get(&chunk, &name.into()).ok();
            if field("done").and_then(|d| d.as_bool()).unwrap_or(true) {
                break;
            }
            if let Some(part) = field("value").and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok())
            {
                let start = bytes.len();
                bytes.resize(start + part.length() as usize, 0);
                part.copy_to(&mut bytes[start..]);
            }
            if bytes.len() > MAX_INPUT_BYTES {
                abort_body();
                return Err(LoadError::TooLarge {
                    url: url.to_string(),
                    bytes: None,
                    limit,
                });
            }
            watchdog.arm();
            if let Some(p) = &progress {
                // `try_`: the page that asked may be gone by this chunk.
                p.try_run(Progress {
                    received: bytes.len() as u64,
                    total: total_u64,
                });
            }
        }
    }
    drop(watchdog);
    if let Some(html) = markup(&bytes, headers.get("content-type").as_deref()) {
        return Err(LoadError::NotJson {
            url: url.to_string(),
            html,
        });
    }
    // The core's decoder, as `article check` uses: UTF-8 only, a byte-order mark dropped.
    article_core::text::decode(bytes).map_err(|problem| LoadError::Invalid {
        url: url.to_string(),
        problems: vec![problem],
    })
}

/// Why a request got no response. A redirect to another origin fails exactly like a dead
/// network (the browser only says "Failed to fetch"), so ask once more without following
/// redirects: an answer that is a redirect means the server is up and sent us away.
async fn not_sent(url: &str, message: String) -> LoadError {
    leptos::logging::warn!("{url}: no response: {message}");
    let probe = Request::get(url)
        .redirect(web_sys::RequestRedirect::Manual)
        .send()
        .await;
    match probe {
        Ok(r) if r.type_() == web_sys::ResponseType::Opaqueredirect => LoadError::Redirected {
            url: url.to_string(),
            to: None,
        },
        _ => LoadError::Network {
            url: url.to_string(),
            message,
        },
    }
}

/// Whether a body is markup rather than JSON: `Some(true)` for a web page (HTML by its
/// content type or its start), `Some(false)` for other `<…>` text, `None` for anything
/// else (which the JSON parser then judges). Only the first non-blank byte is looked at,
/// so a JSON document wrongly served as `text/html` still renders.
pub fn markup(bytes: &[u8], content_type: Option<&str>) -> Option<bool> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = body.iter().position(|b| !b.is_ascii_whitespace())?;
    let body = &body[start..];
    if body.first() != Some(&b'<') {
        return None;
    }
    let head: Vec<u8> = body.iter().take(64).map(u8::to_ascii_lowercase).collect();
    let html = content_type.is_some_and(|t| t.to_ascii_lowercase().contains("html"))
        || [
            &b"<!doctype html"[..],
            b"<html",
            b"<head",
            b"<body",
            b"<!--",
        ]
        .iter()
        .any(|p| head.starts_with(p));
    Some(html)
}

fn is_abort(e: &wasm_bindgen::JsValue) -> bool {
    js_sys::Reflect::get(e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .is_some_and(|n| n == "AbortError")
}

fn js_message(e: &wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "the download failed".into())
}

use wasm_bindgen::JsCast;

/// Fetch and load an `article/1` document (in steps: see [`load_in_steps`]).
pub async fn fetch_document(
    url: String,
    progress: Option<Callback<Progress>>,
) -> Result<Arc<Document>, LoadError> {
    let text = fetch_text(&url, progress).await?;
    load_in_steps(url, &text).await
}

/// Read a document (fetched, or embedded in a static page) as `article_core::load` does,
/// in three tasks: parse and validate; anchor, segment and relate; then (the caller) render.
pub async fn load_in_steps(url: String, text: &str) -> Result<Arc<Document>, LoadError> {
    let parsed = article_core::Parsed::builtin(text)
        .map_err(|problems| LoadError::Invalid { url, problems })?;
    next_task().await;
    let doc = Arc::new(parsed.finish());
    next_task().await;
    Ok(doc)
}

/// Resume in a new task: the browser may handle input and paint in between. Opening an
/// article was one long task (parse, anchor, render); in three, none blocks input as long
/// (Lighthouse's total blocking time counts each task's time beyond 50 ms). Always, not
/// only past a time budget: a fast machine would never reach the budget, while the phone
/// Lighthouse simulates from that same run (4× slower) and a real one would. The price on
/// a fast machine: a task switch may wait for a frame (the sample renders ~30 ms later).
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// One entry of `articles/index.json`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct CatalogEntry {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub kicker: Option<String>,
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub lang: Option<String>,
    /// The article's static page (relative to the site root), when `article site` made one.
    #[serde(default)]
    pub page: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Catalog {
    pub articles: Vec<CatalogEntry>,
}

/// Fetch the catalog. Its format is tiny and app-owned, so serde's message is enough.
pub async fn fetch_catalog(url: String) -> Result<Arc<Catalog>, LoadError> {
    let text = fetch_text(&url, None).await?;
    parse_catalog(url, &text)
}

/// Read a catalog (fetched, or embedded in the site's `index.html`).
pub fn parse_catalog(url: String, text: &str) -> Result<Arc<Catalog>, LoadError> {
    serde_json::from_str::<Catalog>(text)
        .map(Arc::new)
        .map_err(|e| LoadError::Invalid {
            problems: vec![
                Problem::error(article_core::problem::Kind::Syntax, "$", e.to_string())
                    .at(e.line(), e.column()),
            ],
            url,
        })
}
