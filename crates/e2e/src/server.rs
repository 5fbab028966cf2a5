//! A tiny static file server for `dist/` (a thread per connection, `Connection: close`),
//! with the headers of a Netlify-style `_headers` file (so the CSP is enforced as on a real
//! host) and a controllable fault area under `/faults/`:
//!
//! | path                     | behaviour                                                        |
//! |--------------------------|------------------------------------------------------------------|
//! | `/faults/404.json`       | 404                                                              |
//! | `/faults/500.json`       | 500                                                              |
//! | `/faults/slow.json`      | waits [`Server::set_slow_delay`] (4 s), then the sample article  |
//! | `/faults/truncated.json` | full `Content-Length`, half the body, then closes                |
//! | `/faults/html.json`      | 200 with an HTML page                                            |
//! | `/faults/invalid.json`   | the sample article with `figures` turned into a string          |
//! | `/faults/flaky.json`     | 503 until [`Server::set_healthy`]`(true)`, then the sample      |
//! | `/faults/hang.json`      | never answers (holds the socket until the server stops)          |
//! | `/faults/huge.json`      | announces and streams a 50 MB body                               |
//! | `/faults/huge-unannounced.json` | streams 50 MB with no `Content-Length`                |
//! | `/faults/trickle.json`   | the sample in 8 parts, 250 ms apart                              |
//! | `/faults/stall.json`     | full `Content-Length`, half the body, then nothing (socket open) |
//! | `/faults/403.json`, `/faults/410.json` | 403 Forbidden, 410 Gone                          |
//! | `/faults/html-as-json.json` | an HTML page served as `application/json`                     |
//! | `/faults/xml.json`       | 200 with an XML document                                          |
//! | `/faults/legacy.json`    | the sample saved in an 8-bit encoding (not UTF-8)                 |
//! | `/faults/utf16.json`     | the sample in UTF-16 with a byte-order mark                       |
//! | `/faults/redirect-away.json` | 302 to the sample on another origin (`localhost` for `127.0.0.1`) |
//! | `/faults/redirect-home.json` | 302 to the sample on this origin                             |
//!
//! Tests can add documents of their own with [`Server::put`].
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The article the fault area serves when it does serve one.
pub const SAMPLE_ARTICLE: &str = "articles/cam-pha-2016-11-29.json";

struct Shared {
    root: PathBuf,
    headers: Vec<(String, Vec<(String, String)>)>,
    stop: AtomicBool,
    healthy: AtomicBool,
    slow_ms: AtomicU64,
    /// Requests seen, by path (query stripped), in arrival order.
    requests: Mutex<Vec<String>>,
    /// How many slow responses have finished waiting (whether or not the client still listened).
    slow_done: AtomicU64,
    /// Bytes of `/faults/huge-unannounced.json` the client accepted before it hung up.
    unannounced_sent: AtomicU64,
    verbose: bool,
    /// The port, for redirects to the same server under another host name.
    port: u16,
    /// Documents added by tests: path → (content type, body).
    extra: Mutex<HashMap<String, (&'static str, Vec<u8>)>>,
}

/// A running server; stops (and releases held sockets) on drop.
pub struct Server {
    shared: Arc<Shared>,
    addr: String,
    accept: Option<JoinHandle<()>>,
}

impl Server {
    /// Serve `root` on 127.0.0.1 at a random port. Set `E2E_SERVER_LOG=1` to log requests.
    pub fn start(root: impl Into<PathBuf>) -> std::io::Result<Server> {
        let root = root.into();
        let headers = std::fs::read_to_string(root.join("_headers"))
            .map(|t| parse_headers(&t))
            .unwrap_or_default();
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let addr = listener.local_addr()?.to_string();
        let shared = Arc::new(Shared {
            root,
            headers,
            stop: AtomicBool::new(false),
            healthy: AtomicBool::new(false),
            slow_ms: AtomicU64::new(4000),
            requests: Mutex::new(Vec::new()),
            slow_done: AtomicU64::new(0),
            unannounced_sent: AtomicU64::new(0),
            verbose: std::env::var_os("E2E_SERVER_LOG").is_some_and(|v| v != "0"),
            port: listener.local_addr()?.port(),
            extra: Mutex::new(HashMap::new()),
        });
        let s = shared.clone();
        let accept = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if s.stop.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let s = s.clone();
                std::thread::spawn(move || {
                    let _ = handle(&s, stream);
                });
            }
        });
        Ok(Server {
            shared,
            addr,
            accept: Some(accept),
        })
    }

    /// `http://127.0.0.1:PORT` (no trailing slash).
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Absolute URL of a path (`"/"`, `"/?article=x"`, `"faults/404.json"`).
    pub fn url(&self, path: &str) -> String {
        format!("{}/{}", self.origin(), path.trim_start_matches('/'))
    }

    /// Make `/faults/flaky.json` succeed (`true`) or fail with 503 (`false`, the default).
    pub fn set_healthy(&self, healthy: bool) {
        self.shared.healthy.store(healthy, Ordering::SeqCst);
    }

    /// How long `/faults/slow.json` waits before answering (default 4 s). Requests already
    /// waiting see the change: a shorter delay releases them sooner.
    pub fn set_slow_delay(&self, delay: Duration) {
        self.shared
            .slow_ms
            .store(delay.as_millis() as u64, Ordering::SeqCst);
    }

    /// Paths requested so far (query strings stripped), in arrival order.
    pub fn requests(&self) -> Vec<String> {
        self.shared
            .requests
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// How many times `path` was requested.
    pub fn hits(&self, path: &str) -> usize {
        self.requests().iter().filter(|p| *p == path).count()
    }

    /// Bytes of `/faults/huge-unannounced.json` written before the client stopped reading.
    pub fn unannounced_bytes_sent(&self) -> u64 {
        self.shared.unannounced_sent.load(Ordering::SeqCst)
    }

    /// How many `/faults/slow.json` requests have finished their delay.
    pub fn slow_responses_due(&self) -> u64 {
        self.shared.slow_done.load(Ordering::SeqCst)
    }

    /// Serve `body` at `path` (`"/docs/x.json"`) from now on, uncached.
    pub fn put(&self, path: &str, content_type: &'static str, body: impl Into<Vec<u8>>) {
        self.shared
            .extra
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(
                format!("/{}", path.trim_start_matches('/')),
                (content_type, body.into()),
            );
    }

    /// The headers `_headers` assigns to every path (`/*`), for assertions.
    pub fn global_headers(&self) -> Vec<(String, String)> {
        headers_for(&self.shared.headers, "/")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(&self.addr); // wake the accept loop
        if let Some(h) = self.accept.take() {
            let _ = h.join();
        }
    }
}

/// Netlify-style `_headers`: an unindented path pattern, then indented `Name: value` lines.
pub fn parse_headers(text: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut blocks: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if !line.starts_with([' ', '\t']) {
            blocks.push((trimmed.to_string(), Vec::new()));
        } else if let (Some(block), Some((k, v))) = (blocks.last_mut(), trimmed.split_once(':')) {
            block.1.push((k.trim().to_string(), v.trim().to_string()));
        }
    }
    blocks
}

/// Headers of every block whose pattern matches `path` (`/*`, `/dir/*`, `*.ext`-free exact paths).
fn headers_for(blocks: &[(String, Vec<(String, String)>)], path: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for (pattern, headers) in blocks {
        let matches = match pattern.strip_suffix('*') {
            Some(prefix) => path.starts_with(prefix),
            None => pattern == path,
        };
        if matches {
            for (k, v) in headers {
                out.retain(|(ok, _)| !ok.eq_ignore_ascii_case(k));
                out.push((k.clone(), v.clone()));
            }
        }
    }
    out
}

fn content_type(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("html") | Some("htm") => "text/html; charset=utf-8",
        Some("js") | Some("mjs") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg") | Some("jpeg") => "image/jpeg",
        Some("webp") => "image/webp",
        Some("avif") => "image/avif",
        Some("ico") => "image/x-icon",
        Some("woff2") => "font/woff2",
        Some("woff") => "font/woff",
        Some("txt") => "text/plain; charset=utf-8",
        Some("webmanifest") => "application/manifest+json",
        _ => "application/octet-stream",
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        302 => "Found",
        403 => "Forbidden",
        410 => "Gone",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Unknown",
    }
}

/// Percent-decode a URL path (invalid escapes are kept as they are).
fn percent_decode(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Some(b) = std::str::from_utf8(&bytes[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

struct Reply {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
    no_store: bool,
}

impl Reply {
    fn new(status: u16, content_type: &'static str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status,
            content_type,
            body: body.into(),
            no_store: false,
        }
    }
    fn fault(mut self) -> Reply {
        self.no_store = true;
        self
    }
}

fn head(s: &Shared, path: &str, reply: &Reply, length: usize) -> String {
    let mut h = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {length}\r\nConnection: close\r\n",
        reply.status,
        reason(reply.status),
        reply.content_type
    );
    if reply.no_store {
        h.push_str("Cache-Control: no-store\r\n");
    }
    for (k, v) in headers_for(&s.headers, path) {
        h.push_str(&format!("{k}: {v}\r\n"));
    }
    h.push_str("\r\n");
    h
}

fn handle(s: &Shared, stream: TcpStream) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or_default().to_string();
    let target = parts.next().unwrap_or("/").to_string();
    let path = percent_decode(target.split(['?', '#']).next().unwrap_or("/"));
    if s.stop.load(Ordering::SeqCst) {
        return Ok(());
    }
    s.requests
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(path.clone());
    if s.verbose {
        eprintln!("[e2e server] {method} {target}");
    }
    let mut stream = stream;
    if method != "GET" && method != "HEAD" {
        return send(
            s,
            &mut stream,
            &path,
            Reply::new(405, "text/plain; charset=utf-8", "method not allowed"),
            method == "HEAD",
        );
    }
    let head_only = method == "HEAD";
    let sample = || std::fs::read(s.root.join(SAMPLE_ARTICLE));
    let reply = match path.as_str() {
        "/faults/404.json" => Reply::new(404, "application/json", r#"{"error":"not found"}"#).fault(),
        "/faults/403.json" => Reply::new(403, "text/plain; charset=utf-8", "forbidden").fault(),
        "/faults/410.json" => Reply::new(410, "text/plain; charset=utf-8", "gone").fault(),
        "/faults/html-as-json.json" => Reply::new(
            200,
            "application/json",
            "\n  <!DOCTYPE html>\n<html lang=\"en\"><body><h1>502 Bad Gateway</h1></body></html>\n",
        )
        .fault(),
        "/faults/xml.json" => Reply::new(
            200,
            "application/xml",
            "<?xml version=\"1.0\"?>\n<Error><Code>NoSuchKey</Code></Error>\n",
        )
        .fault(),
        "/faults/legacy.json" => Reply::new(200, "application/json", eight_bit(&sample()?)).fault(),
        "/faults/utf16.json" => {
            let text = String::from_utf8(sample()?).map_err(std::io::Error::other)?;
            let body: Vec<u8> = [0xFF, 0xFE]
                .into_iter()
                .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
                .collect();
            Reply::new(200, "application/json", body).fault()
        }
        "/faults/redirect-away.json" => {
            let to = format!("http://localhost:{}/{SAMPLE_ARTICLE}", s.port);
            return redirect(s, &mut stream, &path, &to);
        }
        "/faults/redirect-home.json" => {
            return redirect(s, &mut stream, &path, &format!("/{SAMPLE_ARTICLE}"));
        }
        "/faults/500.json" => Reply::new(500, "text/plain; charset=utf-8", "internal server error").fault(),
        "/faults/html.json" => Reply::new(
            200,
            "text/html; charset=utf-8",
            "<!doctype html>\n<html><head><title>Welcome</title></head><body><h1>Welcome to our hosting</h1><p>This site is parked.</p></body></html>\n",
        )
        .fault(),
        "/faults/invalid.json" => {
            let mut doc: serde_json::Value = serde_json::from_slice(&sample()?).map_err(std::io::Error::other)?;
            doc["figures"] = serde_json::Value::String("54 units".into());
            Reply::new(200, "application/json", serde_json::to_vec_pretty(&doc).map_err(std::io::Error::other)?).fault()
        }
        "/faults/flaky.json" => {
            if s.healthy.load(Ordering::SeqCst) {
                Reply::new(200, "application/json", sample()?).fault()
            } else {
                Reply::new(503, "text/plain; charset=utf-8", "service unavailable, try again").fault()
            }
        }
        "/faults/slow.json" => {
            // The delay is re-read while waiting, so a test can hold a response back and
            // then release it at the moment it chooses (`set_slow_delay(Duration::ZERO)`).
            let start = Instant::now();
            while start.elapsed() < Duration::from_millis(s.slow_ms.load(Ordering::SeqCst)) {
                if s.stop.load(Ordering::SeqCst) {
                    return Ok(());
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            s.slow_done.fetch_add(1, Ordering::SeqCst);
            Reply::new(200, "application/json", sample()?).fault()
        }
        "/faults/truncated.json" => {
            send_half(s, &mut stream, &path, &sample()?)?;
            let _ = stream.shutdown(Shutdown::Both);
            return Ok(());
        }
        "/faults/huge.json" => {
            const HUGE: usize = 50 * 1024 * 1024;
            let reply = Reply::new(200, "application/json", Vec::new()).fault();
            stream.write_all(head(s, &path, &reply, HUGE).as_bytes())?;
            // The reader is expected to give up after the headers; stop when it does.
            send_spaces(s, &mut stream, HUGE, None);
            let _ = stream.shutdown(Shutdown::Both);
            return Ok(());
        }
        "/faults/huge-unannounced.json" => {
            // 50 MB without a Content-Length: only counting while reading can refuse it.
            stream.write_all(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
            )?;
            send_spaces(s, &mut stream, 50 * 1024 * 1024, Some(&s.unannounced_sent));
            let _ = stream.shutdown(Shutdown::Both);
            return Ok(());
        }
        "/faults/trickle.json" => {
            // The sample in eight parts a quarter of a second apart: a slow but steady link.
            let body = sample()?;
            let reply = Reply::new(200, "application/json", Vec::new()).fault();
            stream.write_all(head(s, &path, &reply, body.len()).as_bytes())?;
            stream.flush()?;
            for part in body.chunks(body.len().div_ceil(8)) {
                std::thread::sleep(Duration::from_millis(250));
                if s.stop.load(Ordering::SeqCst) {
                    return Ok(());
                }
                stream.write_all(part)?;
                stream.flush()?;
            }
            let _ = stream.shutdown(Shutdown::Write);
            return Ok(());
        }
        "/faults/stall.json" => {
            // Half the body, then nothing more: a link that died mid-download.
            send_half(s, &mut stream, &path, &sample()?)?;
            hold_until_stopped(s);
            return Ok(());
        }
        "/faults/hang.json" => {
            hold_until_stopped(s);
            return Ok(());
        }
        _ => {
            let extra = s
                .extra
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .get(&path)
                .cloned();
            match extra {
                Some((content_type, body)) => Reply::new(200, content_type, body).fault(),
                None => static_file(s, &path),
            }
        }
    };
    send(s, &mut stream, &path, reply, head_only)
}

/// `text` as a legacy 8-bit editor would save it: every character outside ASCII one byte
/// from 0x80 up (which code page does not matter to a UTF-8 decoder: none of these bytes
/// may stand alone in UTF-8).
pub fn eight_bit(text: &[u8]) -> Vec<u8> {
    String::from_utf8_lossy(text)
        .chars()
        .map(|c| {
            if c.is_ascii() {
                c as u8
            } else {
                0x80 | (c as u32 & 0x7F) as u8
            }
        })
        .collect()
}

/// A 302 to `location`.
fn redirect(s: &Shared, stream: &mut TcpStream, path: &str, location: &str) -> std::io::Result<()> {
    let mut h = format!(
        "HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\nCache-Control: no-store\r\nConnection: close\r\n"
    );
    for (k, v) in headers_for(&s.headers, path) {
        h.push_str(&format!("{k}: {v}\r\n"));
    }
    h.push_str("\r\n");
    stream.write_all(h.as_bytes())?;
    stream.flush()?;
    let _ = stream.shutdown(Shutdown::Write);
    Ok(())
}

/// Headers announcing all of `body`, then only its first half.
fn send_half(s: &Shared, stream: &mut TcpStream, path: &str, body: &[u8]) -> std::io::Result<()> {
    let reply = Reply::new(200, "application/json", Vec::new()).fault();
    stream.write_all(head(s, path, &reply, body.len()).as_bytes())?;
    stream.write_all(&body[..body.len() / 2])?;
    stream.flush()
}

/// Up to `bytes` of spaces, a MiB at a time, until the client stops reading or the server
/// stops; each MiB written is added to `sent`.
fn send_spaces(s: &Shared, stream: &mut TcpStream, bytes: usize, sent: Option<&AtomicU64>) {
    let chunk = vec![b' '; 1024 * 1024];
    for _ in 0..bytes / chunk.len() {
        if s.stop.load(Ordering::SeqCst) || stream.write_all(&chunk).is_err() {
            break;
        }
        if let Some(sent) = sent {
            sent.fetch_add(chunk.len() as u64, Ordering::SeqCst);
        }
    }
}

/// Keep the connection open, saying nothing, until the server stops.
fn hold_until_stopped(s: &Shared) {
    while !s.stop.load(Ordering::SeqCst) {
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn static_file(s: &Shared, path: &str) -> Reply {
    let not_found = || Reply::new(404, "text/plain; charset=utf-8", "not found");
    let rel = Path::new(path.trim_start_matches('/'));
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return not_found();
    }
    let mut file = s.root.join(rel);
    if file.is_dir() {
        file = file.join("index.html");
    }
    // `_headers` is host configuration, not content.
    if file.file_name().is_some_and(|n| n == "_headers") {
        return not_found();
    }
    match std::fs::read(&file) {
        Ok(body) => Reply::new(200, content_type(&file), body),
        Err(_) => not_found(),
    }
}

fn send(
    s: &Shared,
    stream: &mut TcpStream,
    path: &str,
    reply: Reply,
    head_only: bool,
) -> std::io::Result<()> {
    stream.write_all(head(s, path, &reply, reply.body.len()).as_bytes())?;
    if !head_only {
        stream.write_all(&reply.body)?;
    }
    stream.flush()?;
    let _ = stream.shutdown(Shutdown::Write);
    Ok(())
}

/// Headers by lower-cased name, for tests of this module.
#[allow(dead_code)]
fn header_map(v: &[(String, String)]) -> HashMap<String, String> {
    v.iter()
        .map(|(k, v)| (k.to_ascii_lowercase(), v.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::webdriver::http_request;

    fn fixture() -> (PathBuf, Server) {
        let dir = std::env::temp_dir().join(format!(
            "e2e-server-test-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        std::fs::create_dir_all(dir.join("articles")).unwrap();
        std::fs::write(dir.join("index.html"), "<!doctype html><title>x</title>").unwrap();
        std::fs::write(dir.join("app.wasm"), b"\0asm").unwrap();
        std::fs::write(
            dir.join(SAMPLE_ARTICLE),
            r#"{"format":"article/1","figures":[]}"#,
        )
        .unwrap();
        std::fs::write(dir.join("_headers"), "# comment\n/*\n  Content-Security-Policy: default-src 'self'\n  X-Content-Type-Options: nosniff\n/articles/*\n  Cache-Control: no-cache\n").unwrap();
        let server = Server::start(&dir).unwrap();
        (dir, server)
    }

    fn get(server: &Server, path: &str) -> crate::webdriver::HttpResponse {
        http_request(&server.addr, "GET", path, None, Duration::from_secs(10)).unwrap()
    }

    #[test]
    fn serves_files_types_and_headers() {
        let (dir, server) = fixture();
        let r = get(&server, "/");
        assert_eq!(r.status, 200);
        assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"));
        assert_eq!(
            r.header("content-security-policy"),
            Some("default-src 'self'")
        );
        assert_eq!(r.header("cache-control"), None);
        let r = get(&server, "/app.wasm");
        assert_eq!(r.header("content-type"), Some("application/wasm"));
        let r = get(&server, "/articles/cam-pha-2016-11-29.json?x=1");
        assert_eq!(
            (r.status, r.header("cache-control")),
            (200, Some("no-cache"))
        );
        assert_eq!(get(&server, "/../etc/passwd").status, 404);
        assert_eq!(get(&server, "/_headers").status, 404);
        assert_eq!(server.hits("/"), 1);
        drop(server);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn fault_area() {
        let (dir, server) = fixture();
        assert_eq!(get(&server, "/faults/404.json").status, 404);
        assert_eq!(get(&server, "/faults/500.json").status, 500);
        let r = get(&server, "/faults/html.json");
        assert_eq!(
            (r.status, r.header("content-type")),
            (200, Some("text/html; charset=utf-8"))
        );
        assert_eq!(get(&server, "/faults/403.json").status, 403);
        assert_eq!(get(&server, "/faults/410.json").status, 410);
        let r = get(&server, "/faults/redirect-away.json");
        assert_eq!(r.status, 302);
        assert_eq!(
            r.header("location"),
            Some(format!("http://localhost:{}/{SAMPLE_ARTICLE}", server.shared.port).as_str())
        );
        let r = get(&server, "/faults/redirect-home.json");
        assert_eq!(
            (r.status, r.header("location")),
            (302, Some("/articles/cam-pha-2016-11-29.json"))
        );
        assert_eq!(get(&server, "/faults/legacy.json").status, 200);
        assert_eq!(get(&server, "/faults/utf16.json").body[..2], [0xFF, 0xFE]);
        assert!(get(&server, "/faults/xml.json").body.starts_with(b"<?xml"));
        server.put("/docs/a.json", "application/json", "{}");
        let r = get(&server, "/docs/a.json");
        assert_eq!((r.status, r.body.as_slice()), (200, b"{}".as_slice()));
        assert_eq!(eight_bit("aé€".as_bytes()), vec![b'a', 0xE9, 0x80 | 0x2C]);
        let r = get(&server, "/faults/invalid.json");
        let v: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
        assert!(v["figures"].is_string());
        assert_eq!(get(&server, "/faults/flaky.json").status, 503);
        server.set_healthy(true);
        assert_eq!(get(&server, "/faults/flaky.json").status, 200);
        server.set_slow_delay(Duration::from_millis(300));
        let t = Instant::now();
        assert_eq!(get(&server, "/faults/slow.json").status, 200);
        assert!(t.elapsed() >= Duration::from_millis(300));
        assert_eq!(server.slow_responses_due(), 1);
        let err = http_request(
            &server.addr,
            "GET",
            "/faults/truncated.json",
            None,
            Duration::from_secs(5),
        )
        .unwrap_err();
        assert!(err.to_string().contains("truncated"), "{err}");
        let hang = http_request(
            &server.addr,
            "GET",
            "/faults/hang.json",
            None,
            Duration::from_millis(300),
        );
        assert!(hang.is_err());
        drop(server);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn headers_file_parsing() {
        let blocks = parse_headers("/*\n  A: 1\n  B: x: y\n/x\n  A: 2\n");
        assert_eq!(header_map(&headers_for(&blocks, "/x"))["a"], "2");
        assert_eq!(header_map(&headers_for(&blocks, "/y"))["b"], "x: y");
        assert_eq!(percent_decode("/a%20b%zz"), "/a b%zz");
    }
}
