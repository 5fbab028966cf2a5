//! All network I/O of the reader: fetch a document, turn every failure into a
//! [`LoadError`] value the alert can explain, and abort the request when the view that
//! asked for it goes away (so a slow earlier response never replaces the current one).
use std::sync::Arc;

use article_core::{Document, Problem};
use gloo_net::http::Request;
use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use serde::Deserialize;

/// Give up on a request after this long; flaky phone networks otherwise hang forever.
pub const TIMEOUT_MS: i32 = 15_000;

/// Why a document could not be shown. Each variant knows the URL it was about.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The URL itself was refused before any request (e.g. another origin).
    Refused {
        url: String,
        reason: String,
    },
    /// The request never got a response (offline, DNS, CORS, aborted).
    Network {
        url: String,
        message: String,
    },
    Timeout {
        url: String,
        after_ms: i32,
    },
    Http {
        url: String,
        status: u16,
        status_text: String,
    },
    /// The body arrived but is not a valid document; every problem has a JSON path.
    Invalid {
        url: String,
        problems: Vec<Problem>,
    },
}

impl LoadError {
    pub fn url(&self) -> &str {
        match self {
            LoadError::Refused { url, .. }
            | LoadError::Network { url, .. }
            | LoadError::Timeout { url, .. }
            | LoadError::Http { url, .. }
            | LoadError::Invalid { url, .. } => url,
        }
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Refused { url, reason } => write!(f, "refused {url}: {reason}"),
            LoadError::Network { url, message } => write!(f, "could not fetch {url}: {message}"),
            LoadError::Timeout { url, after_ms } => {
                write!(f, "{url}: no response after {after_ms} ms")
            }
            LoadError::Http {
                url,
                status,
                status_text,
            } => write!(f, "{url}: HTTP {status} {status_text}"),
            LoadError::Invalid { url, problems } => {
                write!(f, "{url}: {} problem(s)", problems.len())
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// Where a problem is, for people: `$.figures[0].value (9:16)`.
pub fn problem_location(p: &Problem) -> String {
    match (p.line, p.column) {
        (Some(l), Some(c)) => format!("{} ({l}:{c})", p.path),
        _ => p.path.clone(),
    }
}

/// GET `url` as text. The request is aborted when the calling reactive scope is cleaned
/// up (navigation, retry) or after [`TIMEOUT_MS`].
pub async fn fetch_text(url: &str) -> Result<String, LoadError> {
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let timed_out = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let timer = controller.as_ref().and_then(|c| {
        let c = c.clone();
        let flag = timed_out.clone();
        let abort = wasm_bindgen::closure::Closure::once_into_js(move || {
            flag.store(true, std::sync::atomic::Ordering::Relaxed);
            c.abort();
        });
        web_sys::window()?
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                abort.unchecked_ref(),
                TIMEOUT_MS,
            )
            .ok()
    });
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
    // A request aborted by our timer is a timeout; anything else that fails is the network.
    let failed = |message: String| {
        if timed_out.load(std::sync::atomic::Ordering::Relaxed) {
            LoadError::Timeout {
                url: url.to_string(),
                after_ms: TIMEOUT_MS,
            }
        } else {
            LoadError::Network {
                url: url.to_string(),
                message,
            }
        }
    };
    let result = async {
        let response = Request::get(url)
            .abort_signal(signal.as_ref())
            .send()
            .await
            .map_err(|e| failed(e.to_string()))?;
        // A same-origin URL that redirected elsewhere is refused like a foreign `?src=`.
        if let Some(reason) = crate::url::foreign(&response.url()) {
            abort_body();
            return Err(LoadError::Refused {
                url: response.url(),
                reason,
            });
        }
        if let Some(problem) = too_large(response.headers().get("content-length").as_deref()) {
            abort_body();
            return Err(LoadError::Invalid {
                url: url.to_string(),
                problems: vec![problem],
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
        // Bytes rather than `text()`: decoding 2 MB into a JavaScript string only to encode
        // it back into wasm memory cost ~30 ms on a long article. Decoded as `text()` would:
        // a byte-order mark is dropped and invalid UTF-8 becomes U+FFFD.
        let bytes = response.binary().await.map_err(|e| failed(e.to_string()))?;
        Ok(utf8_text(bytes))
    }
    .await;
    if let (Some(id), Some(w)) = (timer, web_sys::window()) {
        w.clear_timeout_with_handle(id);
    }
    result
}

use wasm_bindgen::JsCast;

/// A response body as text, the way the Fetch standard's `text()` decodes it.
pub fn utf8_text(mut bytes: Vec<u8>) -> String {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// A response that announces more bytes than the core accepts is refused from its headers
/// and its download aborted, instead of reading 50 MB first. (A response without a length
/// is read, then refused by the core's own limit.)
fn too_large(content_length: Option<&str>) -> Option<Problem> {
    let bytes: usize = content_length?.trim().parse().ok()?;
    let limit = article_core::limits::MAX_INPUT_BYTES;
    (bytes > limit).then(|| {
        Problem::error(
            article_core::problem::Kind::Limit,
            "$",
            format!("the document is {bytes} bytes; the reader accepts at most {limit} bytes"),
        )
        .with_hint("split the article, or move long material out of it")
    })
}

/// Fetch and load an `article/1` document.
pub async fn fetch_document(url: String) -> Result<Arc<Document>, LoadError> {
    let text = fetch_text(&url).await?;
    article_core::load(&text)
        .map(Arc::new)
        .map_err(|problems| LoadError::Invalid { url, problems })
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
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Catalog {
    pub articles: Vec<CatalogEntry>,
}

/// Fetch the catalog. Its format is tiny and app-owned, so serde's message is enough.
pub async fn fetch_catalog(url: String) -> Result<Arc<Catalog>, LoadError> {
    let text = fetch_text(&url).await?;
    serde_json::from_str::<Catalog>(&text)
        .map(Arc::new)
        .map_err(|e| LoadError::Invalid {
            problems: vec![
                Problem::error(article_core::problem::Kind::Syntax, "$", e.to_string())
                    .at(e.line(), e.column()),
            ],
            url,
        })
}
