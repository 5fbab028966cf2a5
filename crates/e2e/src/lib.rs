//! End-to-end test support for article-viewer: a std-only WebDriver client
//! ([`webdriver`]), a static file server with a fault area ([`server`]), and [`Harness`],
//! which gives each test its own server, chromedriver and browser session.
//!
//! The tests themselves live in `tests/e2e.rs` and are run by `scripts/e2e.sh` against the
//! release build in `dist/`.
pub mod server;
pub mod webdriver;

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::Value;

pub use server::Server;
pub use webdriver::{
    holds_for, keys, wait_until, Driver, Element, Session, WdError, DEFAULT_TIMEOUT,
};

/// The workspace root (two levels above this crate).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap_or_else(|_| PathBuf::from("."))
}

/// The built site: `$E2E_DIST`, else `<workspace>/dist`.
pub fn dist_dir() -> PathBuf {
    std::env::var_os("E2E_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("dist"))
}

/// Where screenshots go: `<target>/e2e/`.
pub fn artifacts_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target"));
    target.join("e2e")
}

/// The tools directory (`$ARTICLE_VIEWER_TOOLS`, default `~/.local/article-viewer-tools`).
pub fn tools_dir() -> PathBuf {
    std::env::var_os("ARTICLE_VIEWER_TOOLS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var_os("HOME").unwrap_or_default())
                .join(".local/article-viewer-tools")
        })
}

/// A shipped article's JSON, read from `public/articles/` (the source of truth the tests compare the page to).
pub fn article_json(id: &str) -> Value {
    let path = workspace_root()
        .join("public/articles")
        .join(format!("{id}.json"));
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("parse {}: {e}", path.display()))
}

/// One test's world: a server for `dist/`, a chromedriver, and one browser session.
/// Dropped in that order reversed: session, driver, server.
pub struct Harness {
    pub s: Session,
    pub driver: Driver,
    pub server: Server,
}

impl Harness {
    /// Start everything with the default browser options.
    pub fn new() -> Harness {
        Harness::with_args(&[])
    }

    /// Start everything, passing extra Chromium arguments.
    pub fn with_args(args: &[&str]) -> Harness {
        let dist = dist_dir();
        assert!(
            dist.join("index.html").is_file(),
            "{} has no index.html: build the reader first (trunk build --release)",
            dist.display()
        );
        Harness::serving(&dist, args)
    }

    /// Start everything with the server's root at `root` (e.g. a folder that holds the site
    /// under a sub-path).
    pub fn serving(root: &std::path::Path, args: &[&str]) -> Harness {
        let server = Server::start(root).expect("start the static server");
        let driver = Driver::start().expect("start chromedriver");
        let s = driver.session_with(args).expect("start a Chromium session");
        Harness { s, driver, server }
    }

    /// Open a path of the site (`"/"`, `"?article=ID"`, `"?src=faults/404.json"`).
    pub fn open(&self, path: &str) {
        let url = self.server.url(path);
        self.s
            .goto(&url)
            .unwrap_or_else(|e| panic!("open {url}: {e}"));
    }

    /// Wait (10 s) for `condition`, panicking with `what` and the page's state if it never holds.
    pub fn wait_for(&self, what: &str, condition: impl FnMut() -> bool) {
        self.wait_for_within(DEFAULT_TIMEOUT, what, condition)
    }

    pub fn wait_for_within(&self, timeout: Duration, what: &str, condition: impl FnMut() -> bool) {
        if !wait_until(timeout, condition) {
            panic!(
                "timed out after {timeout:?} waiting for: {what}\n{}",
                self.describe()
            );
        }
    }

    /// Wait for an element matching `css` and return it.
    pub fn wait_el(&self, css: &str) -> Element<'_> {
        let mut found = None;
        self.wait_for(&format!("an element matching {css}"), || {
            found = self.s.find(css).ok();
            found.is_some()
        });
        found.expect("found")
    }

    /// Wait for an element matching `css` whose visible text contains `text`.
    pub fn wait_text(&self, css: &str, text: &str) -> Element<'_> {
        let mut found = None;
        let mut last = String::new();
        let ok = wait_until(DEFAULT_TIMEOUT, || {
            if let Ok(el) = self.s.find(css) {
                last = el.text().unwrap_or_default();
                if last.contains(text) {
                    found = Some(el);
                    return true;
                }
            }
            false
        });
        if !ok {
            panic!(
                "timed out waiting for {css} to contain {text:?}; last text: {last:?}\n{}",
                self.describe()
            );
        }
        found.expect("found")
    }

    /// Scroll an element to the middle of the viewport at once, then click it as a reader
    /// would. (WebDriver's own scroll-into-view races the page's `scroll-behavior: smooth`
    /// and then reports the click as intercepted.)
    pub fn click(&self, el: &Element<'_>) {
        self.s
            .execute("arguments[0].scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });", vec![el.json()])
            .unwrap_or_else(|e| panic!("scroll {el:?} into view: {e}"));
        el.click()
            .unwrap_or_else(|e| panic!("click {el:?}: {e}\n{}", self.describe()));
    }

    /// Scroll an element into view at once and move the mouse pointer onto its centre.
    pub fn hover(&self, el: &Element<'_>) {
        self.s
            .execute("arguments[0].scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });", vec![el.json()])
            .unwrap_or_else(|e| panic!("scroll {el:?} into view: {e}"));
        self.s
            .hover(el, 0, 0)
            .unwrap_or_else(|e| panic!("move the pointer to {el:?}: {e}"));
    }

    /// Click the first element matching `css`.
    pub fn click_css(&self, css: &str) {
        let el = self
            .s
            .find(css)
            .unwrap_or_else(|e| panic!("find {css}: {e}\n{}", self.describe()));
        self.click(&el);
    }

    /// Evaluate an expression in the page (`return` is added).
    pub fn eval(&self, expr: &str) -> Value {
        self.s
            .js(&format!("return ({expr});"))
            .unwrap_or_else(|e| panic!("eval {expr}: {e}"))
    }

    /// Evaluate an expression with arguments (`arguments[0]`…).
    pub fn eval_with(&self, expr: &str, args: Vec<Value>) -> Value {
        self.s
            .execute(&format!("return ({expr});"), args)
            .unwrap_or_else(|e| panic!("eval {expr}: {e}"))
    }

    /// The text of the first `h1` (empty if none).
    pub fn h1(&self) -> String {
        self.eval(
            "document.querySelector('h1') ? document.querySelector('h1').textContent.trim() : ''",
        )
        .as_str()
        .unwrap_or_default()
        .to_string()
    }

    /// A short picture of the page for failure messages: URL, title, h1, alerts, body text head.
    pub fn describe(&self) -> String {
        let state = self.s.js(
            "const a = [...document.querySelectorAll('[role=alert]')].map(e => e.innerText.trim());
             return { url: location.href, title: document.title,
                      h1: (document.querySelector('h1') || {}).textContent || null,
                      alerts: a, body: (document.body ? document.body.innerText : '').slice(0, 600) };",
        );
        match state {
            Ok(v) => format!(
                "page state: {}",
                serde_json::to_string_pretty(&v).unwrap_or_default()
            ),
            Err(e) => format!("(page state unavailable: {e})"),
        }
    }

    /// Save a screenshot as `target/e2e/<name>.png`.
    pub fn screenshot(&self, name: &str) {
        let path = artifacts_dir().join(format!("{name}.png"));
        if let Err(e) = self.s.screenshot(&path) {
            eprintln!("screenshot {name}: {e}");
        }
    }

    /// Run axe-core on the current document and return its violations.
    pub fn axe(&self) -> Vec<AxeViolation> {
        let path = tools_dir().join("node_modules/axe-core/axe.min.js");
        let source = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "read {} ({e}): run scripts/setup.sh, or set ARTICLE_VIEWER_TOOLS",
                path.display()
            )
        });
        if self.eval("typeof window.axe").as_str() != Some("object") {
            self.s
                .js(&source)
                .unwrap_or_else(|e| panic!("inject axe-core: {e}"));
        }
        let result = self
            .s
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { resultTypes: ['violations'] })
                    .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                        nodes: v.nodes.map(n => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary })) }))))
                    .catch(e => done({ error: String(e) }));",
                Vec::new(),
            )
            .unwrap_or_else(|e| panic!("axe.run: {e}"));
        if let Some(err) = result.get("error") {
            panic!("axe.run failed: {err}");
        }
        result
            .as_array()
            .into_iter()
            .flatten()
            .cloned()
            .map(AxeViolation::from_json)
            .collect()
    }
}

impl Default for Harness {
    fn default() -> Self {
        Harness::new()
    }
}

/// One axe-core rule violation.
#[derive(Debug, Clone)]
pub struct AxeViolation {
    pub id: String,
    pub impact: String,
    pub help: String,
    pub help_url: String,
    /// (CSS target, HTML snippet, failure summary)
    pub nodes: Vec<(String, String, String)>,
}

impl AxeViolation {
    fn from_json(v: Value) -> AxeViolation {
        let s = |x: &Value| x.as_str().unwrap_or_default().to_string();
        AxeViolation {
            id: s(&v["id"]),
            impact: s(&v["impact"]),
            help: s(&v["help"]),
            help_url: s(&v["helpUrl"]),
            nodes: v["nodes"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|n| (s(&n["target"]), s(&n["html"]), s(&n["summary"])))
                .collect(),
        }
    }
}

/// Violations as a readable report (empty string for none).
pub fn format_violations(page: &str, violations: &[AxeViolation]) -> String {
    let mut out = String::new();
    for v in violations {
        out.push_str(&format!(
            "[{page}] {} ({}): {}\n    {}\n",
            v.id, v.impact, v.help, v.help_url
        ));
        for (target, html, summary) in v.nodes.iter().take(8) {
            let html: String = html.chars().take(160).collect();
            out.push_str(&format!("    - {target}\n      {html}\n"));
            for line in summary.lines() {
                out.push_str(&format!("        {line}\n"));
            }
        }
        if v.nodes.len() > 8 {
            out.push_str(&format!("    … and {} more nodes\n", v.nodes.len() - 8));
        }
    }
    out
}
