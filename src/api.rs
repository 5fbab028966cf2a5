//! All network I/O of the reader: fetch a document, turn every failure into a
//! [`LoadError`] value the alert can explain, and abort the request when the view that
//! asked for it goes away (so a slow earlier response never replaces the current one).
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use article_core::limits::MAX_INPUT_BYTES;
use article_core::{Document, Problem};
use gloo_net::http::Request;
use leptos::prelude::{on_cleanup, Callable, Callback};
use send_wrapper::SendWrapper;
use serde::Deserialize;

/// Give up on a request that makes no progress for this long; flaky phone networks
/// otherwise hang forever. See [`timeout_ms`].
pub const DEFAULT_TIMEOUT_MS: i32 = 15_000;

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
                write!(f, "{url}: nothing received for {after_ms} ms")
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
    // A request aborted by our watchdog is a timeout; anything else that fails is the network.
    let failed = |message: String| {
        if timed_out.load(Ordering::Relaxed) {
            LoadError::Timeout {
                url: url.to_string(),
                after_ms,
            }
        } else {
            LoadError::Network {
                url: url.to_string(),
                message,
            }
        }
    };
    let response = Request::get(url)
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(|e| failed(e.to_string()))?;
    watchdog.arm();
    // A same-origin URL that redirected elsewhere is refused like a foreign `?src=`.
    if let Some(reason) = crate::url::foreign(&response.url()) {
        abort_body();
        return Err(LoadError::Refused {
            url: response.url(),
            reason,
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
    if let Some(problem) = length.and_then(|bytes| too_large(bytes, true)) {
        abort_body();
        return Err(LoadError::Invalid {
            url: url.to_string(),
            problems: vec![problem],
        });
    }
    // Bytes rather than `text()`: decoding 2 MB into a JavaScript string only to encode it
    // back into wasm memory cost ~30 ms on a long article. A compressed body's length is
    // not the length of what the stream gives, so it cannot be the progress total.
    let encoded = headers
        .get("content-encoding")
        .is_some_and(|e| !e.trim().eq_ignore_ascii_case("identity"));
    let total = length.filter(|_| !encoded);
    let mut bytes: Vec<u8> = Vec::new();
    if let Some(body) = response.body() {
        let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
        bytes.reserve(total.unwrap_or(0).min(MAX_INPUT_BYTES));
        loop {
            let chunk = wasm_bindgen_futures::JsFuture::from(reader.read())
                .await
                .map_err(|e| failed(js_message(&e)))?;
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
            if let Some(problem) = too_large(bytes.len(), false) {
                abort_body();
                return Err(LoadError::Invalid {
                    url: url.to_string(),
                    problems: vec![problem],
                });
            }
            watchdog.arm();
            if let Some(p) = &progress {
                // `try_`: the page that asked may be gone by this chunk.
                p.try_run(Progress {
                    received: bytes.len() as u64,
                    total: total.map(|t| t as u64),
                });
            }
        }
    }
    drop(watchdog);
    // Decoded as `text()` would: a byte-order mark is dropped, invalid UTF-8 becomes U+FFFD.
    Ok(utf8_text(bytes))
}

fn js_message(e: &wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "the download failed".into())
}

use wasm_bindgen::JsCast;

/// A response body as text, the way the Fetch standard's `text()` decodes it.
pub fn utf8_text(mut bytes: Vec<u8>) -> String {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// A response that announces more bytes than the core accepts is refused from its headers,
/// and one that turns out longer is refused as soon as it passes the limit; either way its
/// download is aborted instead of reading 50 MB first.
fn too_large(bytes: usize, announced: bool) -> Option<Problem> {
    let limit = MAX_INPUT_BYTES;
    (bytes > limit).then(|| {
        let message = if announced {
            format!("the document is {bytes} bytes; the reader accepts at most {limit} bytes")
        } else {
            format!("the document is larger than the {limit} bytes the reader accepts")
        };
        Problem::error(article_core::problem::Kind::Limit, "$", message)
            .with_hint("split the article, or move long material out of it")
    })
}

/// Fetch and load an `article/1` document.
pub async fn fetch_document(
    url: String,
    progress: Option<Callback<Progress>>,
) -> Result<Arc<Document>, LoadError> {
    let text = fetch_text(&url, progress).await?;
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
    let text = fetch_text(&url, None).await?;
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
