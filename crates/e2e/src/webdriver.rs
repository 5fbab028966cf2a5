//! A minimal W3C WebDriver client over `std::net::TcpStream`: one HTTP/1.1 request per
//! connection (`Connection: close`), JSON bodies, errors as values carrying WebDriver's own
//! message. [`Driver`] starts `chromedriver` on a free port and kills it on drop;
//! [`Session`] is one headless Chromium with a fresh profile, deleted on drop.
use std::fmt;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// The key WebDriver uses to mark an element reference in JSON.
pub const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// Default time [`wait_until`] and friends give a condition.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// WebDriver's normalised key codes for the keys the tests press.
pub mod keys {
    pub const ENTER: &str = "\u{E007}";
    pub const ESCAPE: &str = "\u{E00C}";
    pub const TAB: &str = "\u{E004}";
    pub const SHIFT: &str = "\u{E008}";
    pub const SPACE: &str = "\u{E00D}";
}

/// A failed WebDriver command (or the transport under it).
#[derive(Debug, Clone, PartialEq)]
pub struct WdError {
    /// HTTP status of the reply; 0 when there was no reply at all.
    pub status: u16,
    /// WebDriver error code, e.g. `no such element`, or `transport`.
    pub error: String,
    pub message: String,
}

impl WdError {
    fn transport(message: impl Into<String>) -> Self {
        WdError {
            status: 0,
            error: "transport".into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for WdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} (HTTP {}): {}",
            self.error,
            self.status,
            self.message.lines().next().unwrap_or_default()
        )
    }
}

impl std::error::Error for WdError {}

pub type Result<T> = std::result::Result<T, WdError>;

/// Poll `condition` every 50 ms until it holds or `timeout` passes; true if it held.
pub fn wait_until(timeout: Duration, mut condition: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + timeout;
    loop {
        if condition() {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Check that `condition` keeps holding for the whole of `period` (polled every 50 ms):
/// the way to assert that something does *not* happen. Returns false at the first miss.
pub fn holds_for(period: Duration, mut condition: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + period;
    loop {
        if !condition() {
            return false;
        }
        if Instant::now() >= deadline {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

// ---------------------------------------------------------------- HTTP/1.1 over TcpStream

/// A parsed HTTP response.
#[derive(Debug)]
pub struct HttpResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl HttpResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// One request on a fresh connection (`Connection: close`); reads the whole response and
/// decodes `Content-Length`, chunked, or read-to-EOF bodies.
pub fn http_request(
    addr: &str,
    method: &str,
    path: &str,
    body: Option<&[u8]>,
    timeout: Duration,
) -> std::io::Result<HttpResponse> {
    let mut stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(timeout))?;
    stream.set_write_timeout(Some(timeout))?;
    let body = body.unwrap_or_default();
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nAccept: application/json\r\nConnection: close\r\n");
    if method != "GET" && method != "HEAD" || !body.is_empty() {
        req.push_str("Content-Type: application/json; charset=utf-8\r\n");
        req.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    req.push_str("\r\n");
    stream.write_all(req.as_bytes())?;
    stream.write_all(body)?;
    stream.flush()?;
    // Servers may ignore `Connection: close` (chromedriver keeps the socket open), so read
    // until the response is complete by its own framing, or until EOF.
    let mut raw = Vec::new();
    let mut buf = [0u8; 64 * 1024];
    loop {
        let n = stream.read(&mut buf)?;
        if n == 0 {
            break;
        }
        raw.extend_from_slice(&buf[..n]);
        if complete(&raw, method == "HEAD") {
            break;
        }
    }
    parse_response(&raw, method == "HEAD")
}

/// Whether `raw` holds a whole response (headers plus the body its framing announces).
fn complete(raw: &[u8], head_only: bool) -> bool {
    let Some(end) = find(raw, b"\r\n\r\n") else {
        return false;
    };
    if head_only {
        return true;
    }
    let head = String::from_utf8_lossy(&raw[..end]).to_ascii_lowercase();
    let body = &raw[end + 4..];
    for line in head.split("\r\n").skip(1) {
        if let Some((k, v)) = line.split_once(':') {
            match k.trim() {
                "content-length" => {
                    return v.trim().parse::<usize>().is_ok_and(|n| body.len() >= n)
                }
                "transfer-encoding" if v.contains("chunked") => return dechunk(body).is_ok(),
                _ => {}
            }
        }
    }
    false
}

fn invalid(msg: impl Into<String>) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, msg.into())
}

/// Parse a complete HTTP/1.1 response held in memory.
pub fn parse_response(raw: &[u8], head_only: bool) -> std::io::Result<HttpResponse> {
    let end = find(raw, b"\r\n\r\n")
        .ok_or_else(|| invalid(format!("no end of headers in {} bytes", raw.len())))?;
    let head = std::str::from_utf8(&raw[..end]).map_err(|_| invalid("non-UTF-8 response head"))?;
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or_default();
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| invalid(format!("bad status line {status_line:?}")))?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let rest = &raw[end + 4..];
    let header = |n: &str| {
        headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(n))
            .map(|(_, v)| v.as_str())
    };
    let body = if head_only {
        Vec::new()
    } else if header("transfer-encoding")
        .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"))
    {
        dechunk(rest)?
    } else if let Some(len) = header("content-length") {
        let len: usize = len.parse().map_err(|_| invalid("bad Content-Length"))?;
        if rest.len() < len {
            return Err(invalid(format!(
                "body truncated: {} of {len} bytes",
                rest.len()
            )));
        }
        rest[..len].to_vec()
    } else {
        rest.to_vec()
    };
    Ok(HttpResponse {
        status,
        headers,
        body,
    })
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn dechunk(mut data: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let eol = find(data, b"\r\n").ok_or_else(|| invalid("chunk size line"))?;
        let size_text = std::str::from_utf8(&data[..eol]).map_err(|_| invalid("chunk size"))?;
        let size =
            usize::from_str_radix(size_text.split(';').next().unwrap_or_default().trim(), 16)
                .map_err(|_| invalid(format!("chunk size {size_text:?}")))?;
        data = &data[eol + 2..];
        if size == 0 {
            return Ok(out);
        }
        if data.len() < size {
            return Err(invalid("chunk truncated"));
        }
        out.extend_from_slice(&data[..size]);
        data = data.get(size + 2..).unwrap_or_default();
    }
}

// ---------------------------------------------------------------- base64

/// Decode standard base64 (padding optional, whitespace ignored).
pub fn base64_decode(text: &str) -> std::result::Result<Vec<u8>, String> {
    fn value(c: u8) -> Option<u32> {
        match c {
            b'A'..=b'Z' => Some((c - b'A') as u32),
            b'a'..=b'z' => Some((c - b'a') as u32 + 26),
            b'0'..=b'9' => Some((c - b'0') as u32 + 52),
            b'+' | b'-' => Some(62),
            b'/' | b'_' => Some(63),
            _ => None,
        }
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes() {
        if c == b'=' {
            break;
        }
        if c.is_ascii_whitespace() {
            continue;
        }
        let v = value(c).ok_or_else(|| format!("invalid base64 byte {c:#x}"))?;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------- chromedriver

/// A `chromedriver` process on a free local port, killed on drop.
pub struct Driver {
    child: Child,
    addr: String,
}

impl Driver {
    /// Start `chromedriver` (from `$CHROMEDRIVER` or `PATH`) and wait until `/status` says ready.
    pub fn start() -> Result<Driver> {
        let port = free_port().map_err(|e| WdError::transport(format!("no free port: {e}")))?;
        let program = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let child = Command::new(&program)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| {
                WdError::transport(format!(
                    "cannot start {program}: {e} (is chromium-driver installed and on PATH?)"
                ))
            })?;
        let mut driver = Driver {
            child,
            addr: format!("127.0.0.1:{port}"),
        };
        let ready = wait_until(Duration::from_secs(20), || {
            matches!(driver.child.try_wait(), Ok(None))
                && driver
                    .command("GET", "/status", None)
                    .is_ok_and(|v| v["ready"].as_bool() == Some(true))
        });
        if !ready {
            let exited = driver.child.try_wait().ok().flatten();
            return Err(WdError::transport(format!(
                "chromedriver on {} not ready after 20 s (exit status: {exited:?})",
                driver.addr
            )));
        }
        Ok(driver)
    }

    pub fn addr(&self) -> &str {
        &self.addr
    }

    /// Send one WebDriver command; `Ok` holds the reply's `value`.
    pub fn command(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value> {
        command(&self.addr, method, path, body)
    }

    /// A new headless Chromium session with default options.
    pub fn session(&self) -> Result<Session> {
        self.session_with(&[])
    }

    /// A new session with extra Chromium arguments appended to the defaults.
    pub fn session_with(&self, extra_args: &[&str]) -> Result<Session> {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let profile = std::env::temp_dir().join(format!(
            "e2e-chrome-{}-{}-{nanos}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&profile)
            .map_err(|e| WdError::transport(format!("profile dir: {e}")))?;
        let binary = std::env::var("CHROME").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let mut args: Vec<String> = [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--window-size=1280,900",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        args.extend(extra_args.iter().map(|s| s.to_string()));
        let caps = json!({
            "capabilities": {
                "alwaysMatch": {
                    "browserName": "chrome",
                    "pageLoadStrategy": "normal",
                    "goog:chromeOptions": { "binary": binary, "args": args },
                    "goog:loggingPrefs": { "browser": "ALL" }
                }
            }
        });
        let reply = match self.command("POST", "/session", Some(caps)) {
            Ok(v) => v,
            Err(e) => {
                let _ = std::fs::remove_dir_all(&profile);
                return Err(e);
            }
        };
        let id = reply["sessionId"]
            .as_str()
            .ok_or_else(|| WdError::transport(format!("no sessionId in {reply}")))?;
        let session = Session {
            addr: self.addr.clone(),
            id: id.to_string(),
            profile,
        };
        session.post(
            "timeouts",
            json!({ "script": 60_000, "pageLoad": 30_000, "implicit": 0 }),
        )?;
        Ok(session)
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> std::io::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

fn command(addr: &str, method: &str, path: &str, body: Option<Value>) -> Result<Value> {
    let bytes = body.map(|b| b.to_string().into_bytes());
    let response = http_request(
        addr,
        method,
        path,
        bytes.as_deref(),
        Duration::from_secs(120),
    )
    .map_err(|e| WdError::transport(format!("{method} {path}: {e}")))?;
    let parsed: Value = serde_json::from_slice(&response.body).map_err(|e| WdError {
        status: response.status,
        error: "invalid reply".into(),
        message: format!(
            "{method} {path}: {e}: {}",
            String::from_utf8_lossy(&response.body)
        ),
    })?;
    let value = parsed.get("value").cloned().unwrap_or(Value::Null);
    if response.status >= 400 || value.get("error").and_then(Value::as_str).is_some() {
        return Err(WdError {
            status: response.status,
            error: value["error"]
                .as_str()
                .unwrap_or("unknown error")
                .to_string(),
            message: format!(
                "{method} {path}: {}",
                value["message"].as_str().unwrap_or_default()
            ),
        });
    }
    Ok(value)
}

// ---------------------------------------------------------------- session

/// One browser session; deleted (browser closed, profile removed) on drop.
pub struct Session {
    addr: String,
    id: String,
    profile: PathBuf,
}

/// An element of the current page.
#[derive(Clone)]
pub struct Element<'s> {
    session: &'s Session,
    pub id: String,
}

impl fmt::Debug for Element<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Element({})", self.id)
    }
}

/// One entry of the browser log.
#[derive(Debug, Clone)]
pub struct LogEntry {
    pub level: String,
    pub message: String,
    pub source: String,
}

impl Session {
    pub fn id(&self) -> &str {
        &self.id
    }

    fn cmd(&self, method: &str, rel: &str, body: Option<Value>) -> Result<Value> {
        let path = if rel.is_empty() {
            format!("/session/{}", self.id)
        } else {
            format!("/session/{}/{rel}", self.id)
        };
        command(&self.addr, method, &path, body)
    }

    fn get(&self, rel: &str) -> Result<Value> {
        self.cmd("GET", rel, None)
    }

    fn post(&self, rel: &str, body: Value) -> Result<Value> {
        self.cmd("POST", rel, Some(body))
    }

    pub fn goto(&self, url: &str) -> Result<()> {
        self.post("url", json!({ "url": url })).map(drop)
    }

    pub fn current_url(&self) -> Result<String> {
        Ok(self.get("url")?.as_str().unwrap_or_default().to_string())
    }

    pub fn title(&self) -> Result<String> {
        Ok(self.get("title")?.as_str().unwrap_or_default().to_string())
    }

    pub fn back(&self) -> Result<()> {
        self.post("back", json!({})).map(drop)
    }

    pub fn forward(&self) -> Result<()> {
        self.post("forward", json!({})).map(drop)
    }

    pub fn refresh(&self) -> Result<()> {
        self.post("refresh", json!({})).map(drop)
    }

    pub fn source(&self) -> Result<String> {
        Ok(self.get("source")?.as_str().unwrap_or_default().to_string())
    }

    fn element_from(&self, v: &Value) -> Result<Element<'_>> {
        let id = v[ELEMENT_KEY]
            .as_str()
            .ok_or_else(|| WdError::transport(format!("not an element reference: {v}")))?;
        Ok(Element {
            session: self,
            id: id.to_string(),
        })
    }

    /// The element a script returned (`null` and non-elements are errors).
    pub fn element(&self, script_result: &Value) -> Result<Element<'_>> {
        self.element_from(script_result)
    }

    /// The first element matching a CSS selector.
    pub fn find(&self, css: &str) -> Result<Element<'_>> {
        let v = self.post("element", json!({ "using": "css selector", "value": css }))?;
        self.element_from(&v)
    }

    /// All elements matching a CSS selector (possibly none).
    pub fn find_all(&self, css: &str) -> Result<Vec<Element<'_>>> {
        let v = self.post("elements", json!({ "using": "css selector", "value": css }))?;
        v.as_array()
            .into_iter()
            .flatten()
            .map(|e| self.element_from(e))
            .collect()
    }

    /// Whether at least one element matches.
    pub fn exists(&self, css: &str) -> bool {
        self.find_all(css).is_ok_and(|v| !v.is_empty())
    }

    /// The focused element.
    pub fn active_element(&self) -> Result<Element<'_>> {
        let v = self.get("element/active")?;
        self.element_from(&v)
    }

    /// Run a synchronous script (a function body; `arguments` holds `args`).
    pub fn execute(&self, script: &str, args: Vec<Value>) -> Result<Value> {
        self.post("execute/sync", json!({ "script": script, "args": args }))
    }

    /// Run an asynchronous script: it finishes by calling `arguments[arguments.length - 1]`.
    pub fn execute_async(&self, script: &str, args: Vec<Value>) -> Result<Value> {
        self.post("execute/async", json!({ "script": script, "args": args }))
    }

    /// Shorthand for `execute` with no arguments.
    pub fn js(&self, script: &str) -> Result<Value> {
        self.execute(script, Vec::new())
    }

    /// Press keys (WebDriver key values, e.g. `"j"` or [`keys::ESCAPE`]) on whatever has focus.
    pub fn press(&self, keys: &[&str]) -> Result<()> {
        let mut actions = Vec::new();
        for k in keys {
            actions.push(json!({ "type": "keyDown", "value": k }));
            actions.push(json!({ "type": "keyUp", "value": k }));
        }
        self.perform(json!([{ "type": "key", "id": "keyboard", "actions": actions }]))
    }

    /// Move the mouse to the centre of an element (plus an offset).
    pub fn hover(&self, el: &Element<'_>, dx: i64, dy: i64) -> Result<()> {
        self.perform(json!([{
            "type": "pointer", "id": "mouse", "parameters": { "pointerType": "mouse" },
            "actions": [{ "type": "pointerMove", "duration": 0, "origin": { ELEMENT_KEY: el.id }, "x": dx, "y": dy }]
        }]))
    }

    /// Move the mouse to viewport coordinates.
    pub fn move_mouse_to(&self, x: i64, y: i64) -> Result<()> {
        self.perform(json!([{
            "type": "pointer", "id": "mouse", "parameters": { "pointerType": "mouse" },
            "actions": [{ "type": "pointerMove", "duration": 0, "origin": "viewport", "x": x, "y": y }]
        }]))
    }

    /// Perform a raw W3C action sequence, then release all inputs.
    pub fn perform(&self, actions: Value) -> Result<()> {
        self.post("actions", json!({ "actions": actions }))?;
        self.cmd("DELETE", "actions", None).map(drop)
    }

    /// Resize the window (outer size).
    pub fn set_window_size(&self, width: u32, height: u32) -> Result<()> {
        self.post("window/rect", json!({ "width": width, "height": height }))
            .map(drop)
    }

    /// Save a PNG screenshot of the viewport.
    pub fn screenshot(&self, path: &Path) -> Result<()> {
        let b64 = self.get("screenshot")?;
        let png = base64_decode(b64.as_str().unwrap_or_default()).map_err(WdError::transport)?;
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        std::fs::write(path, png)
            .map_err(|e| WdError::transport(format!("write {}: {e}", path.display())))
    }

    /// Browser console entries since the last call (chromedriver's `se/log`, needs the
    /// `goog:loggingPrefs` capability this client always requests).
    pub fn browser_log(&self) -> Result<Vec<LogEntry>> {
        let v = self.post("se/log", json!({ "type": "browser" }))?;
        Ok(v.as_array()
            .into_iter()
            .flatten()
            .map(|e| LogEntry {
                level: e["level"].as_str().unwrap_or_default().to_string(),
                message: e["message"].as_str().unwrap_or_default().to_string(),
                source: e["source"].as_str().unwrap_or_default().to_string(),
            })
            .collect())
    }

    /// A Chrome DevTools Protocol command through chromedriver (e.g. media emulation).
    pub fn cdp(&self, cmd: &str, params: Value) -> Result<Value> {
        self.post("goog/cdp/execute", json!({ "cmd": cmd, "params": params }))
    }

    /// End the session now (also done on drop).
    pub fn quit(&mut self) {
        if !self.id.is_empty() {
            let _ = self.cmd("DELETE", "", None);
            self.id.clear();
            let _ = std::fs::remove_dir_all(&self.profile);
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.quit();
    }
}

impl<'s> Element<'s> {
    fn cmd(&self, method: &str, rel: &str, body: Option<Value>) -> Result<Value> {
        let rel = if rel.is_empty() {
            format!("element/{}", self.id)
        } else {
            format!("element/{}/{rel}", self.id)
        };
        self.session.cmd(method, &rel, body)
    }

    /// As a script argument.
    pub fn json(&self) -> Value {
        json!({ ELEMENT_KEY: self.id })
    }

    pub fn click(&self) -> Result<()> {
        self.cmd("POST", "click", Some(json!({}))).map(drop)
    }

    /// Type into the element (focusing it first); key values like [`keys::ENTER`] work too.
    pub fn send_keys(&self, text: &str) -> Result<()> {
        self.cmd("POST", "value", Some(json!({ "text": text })))
            .map(drop)
    }

    /// The attribute's value, `None` when absent.
    pub fn attr(&self, name: &str) -> Result<Option<String>> {
        Ok(self
            .cmd("GET", &format!("attribute/{name}"), None)?
            .as_str()
            .map(str::to_string))
    }

    pub fn property(&self, name: &str) -> Result<Value> {
        self.cmd("GET", &format!("property/{name}"), None)
    }

    /// Rendered (visible) text.
    pub fn text(&self) -> Result<String> {
        Ok(self
            .cmd("GET", "text", None)?
            .as_str()
            .unwrap_or_default()
            .to_string())
    }

    /// Whether the element is rendered visibly (WebDriver's "is displayed").
    pub fn displayed(&self) -> Result<bool> {
        Ok(self
            .cmd("GET", "displayed", None)?
            .as_bool()
            .unwrap_or(false))
    }

    pub fn find(&self, css: &str) -> Result<Element<'s>> {
        let v = self.cmd(
            "POST",
            "element",
            Some(json!({ "using": "css selector", "value": css })),
        )?;
        self.session.element_from(&v)
    }

    pub fn find_all(&self, css: &str) -> Result<Vec<Element<'s>>> {
        let v = self.cmd(
            "POST",
            "elements",
            Some(json!({ "using": "css selector", "value": css })),
        )?;
        v.as_array()
            .into_iter()
            .flatten()
            .map(|e| self.session.element_from(e))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_numbers() {
        assert_eq!(base64_decode("aGVsbG8=").unwrap(), b"hello");
        assert_eq!(base64_decode("aGVsbG8h").unwrap(), b"hello!");
        assert_eq!(base64_decode("aA==").unwrap(), b"h");
        assert_eq!(base64_decode("iVBORw0KGgo=").unwrap(), b"\x89PNG\r\n\x1a\n");
        assert!(base64_decode("a*b=").is_err());
    }

    #[test]
    fn parses_chunked_and_sized_bodies() {
        let r = parse_response(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWiki\r\n5;x=y\r\npedia\r\n0\r\n\r\n", false).unwrap();
        assert_eq!(r.body, b"Wikipedia");
        let r = parse_response(
            b"HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\n{}extra",
            false,
        )
        .unwrap();
        assert_eq!((r.status, r.body.as_slice()), (404, &b"{}"[..]));
        assert!(
            parse_response(b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", false).is_err()
        );
    }
}
