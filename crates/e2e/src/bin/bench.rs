//! Browser half of the performance benchmark (`scripts/bench.sh` builds the site and runs
//! this): headless Chromium through chromedriver, driven with the e2e crate's client.
//!
//! ```text
//! cargo run --release -q -p e2e --bin bench -- --site target/bench-site \
//!     [--sample cam-pha-2016-11-29] [--big big] [--pairs 6] [--selections 7] [--no-analysis]
//! ```
//!
//! For each document it loads the reader (A: the sample by `?src=articles/ID.json`, the big
//! one by `?article=ID`) and the plain-JavaScript
//! baseline (B, `plain.html?article=ID`) in the order A B B A A B … after one untimed
//! warm-up of each, and reads, in the page: the `article-rendered` mark (the headline
//! number), resource timings, FCP/LCP, layout shifts, `performance.memory` and the wasm
//! memory after a short settle (no forced GC). Then it times selection by clicking
//! highlights in the middle of the big article, and finally (unless `--no-analysis`) makes
//! one instrumented reader load of the big article (DevTools CPU profile + hooks on fetch,
//! the response body's stream reader, `String.prototype.normalize` and the DOM calls the wasm makes) to say
//! where the time goes. Nothing is asserted: it prints tables.
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

use e2e::{Driver, Server, Session};
use serde_json::{json, Value};

/// Poll for the `article-rendered` mark, let its frame finish, settle, then collect.
const MEASURE_JS: &str = include_str!("../../js/bench-measure.js");

/// Click one highlight (by index) and time the reaction inside the page.
const SELECT_JS: &str = concat!(
    include_str!("../../js/bench-interaction.js"),
    include_str!("../../js/bench-select.js")
);

/// Move the pointer onto one highlight (by index) and time its popover inside the page.
const HOVER_JS: &str = concat!(
    include_str!("../../js/bench-interaction.js"),
    include_str!("../../js/bench-hover.js")
);

/// Injected before any page script in the analysis load (DevTools
/// `Page.addScriptToEvaluateOnNewDocument`, which the CSP does not apply to).
const HOOKS_JS: &str = include_str!("../../js/bench-hooks.js");

/// Read the hooks' record after the analysis load.
const HOOKS_READ_JS: &str = include_str!("../../js/bench-hooks-read.js");

struct Opts {
    site: PathBuf,
    sample: String,
    big: String,
    pairs: usize,
    selections: usize,
    settle_ms: u64,
    analysis: bool,
}

fn usage() -> ! {
    eprintln!(
        "usage: bench --site DIR [--sample ID] [--big ID] [--pairs N] [--selections N] [--settle-ms N] [--no-analysis]"
    );
    std::process::exit(2)
}

fn parse_args() -> Opts {
    let mut o = Opts {
        site: PathBuf::from("target/bench-site"),
        sample: "cam-pha-2016-11-29".into(),
        big: "big".into(),
        pairs: 6,
        selections: 7,
        settle_ms: 500,
        analysis: true,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().unwrap_or_else(|| usage());
        match a.as_str() {
            "--site" => o.site = PathBuf::from(val()),
            "--sample" => o.sample = val(),
            "--big" => o.big = val(),
            "--pairs" => o.pairs = val().parse().unwrap_or_else(|_| usage()),
            "--selections" => o.selections = val().parse().unwrap_or_else(|_| usage()),
            "--settle-ms" => o.settle_ms = val().parse().unwrap_or_else(|_| usage()),
            "--no-analysis" => o.analysis = false,
            _ => usage(),
        }
    }
    o
}

// ---------------------------------------------------------------- statistics

fn median(xs: &[f64]) -> Option<f64> {
    let mut v: Vec<f64> = xs.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    })
}

fn min_max(xs: &[f64]) -> (f64, f64) {
    xs.iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &x| {
            (a.min(x), b.max(x))
        })
}

fn f(v: Option<f64>, decimals: usize) -> String {
    match v {
        Some(x) => format!("{x:.decimals$}"),
        None => "–".into(),
    }
}

fn mib(bytes: Option<f64>) -> String {
    match bytes {
        Some(b) => format!("{:.1} MiB", b / 1024.0 / 1024.0),
        None => "–".into(),
    }
}

// ---------------------------------------------------------------- runs

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Page {
    Reader,
    Plain,
}

impl Page {
    fn name(self) -> &'static str {
        match self {
            Page::Reader => "reader (A)",
            Page::Plain => "plain (B)",
        }
    }
    fn path(self, doc: &Doc) -> String {
        let id = &doc.id;
        match self {
            Page::Reader if doc.src => format!("/?src=articles/{id}.json"),
            Page::Reader => format!("/?article={id}"),
            Page::Plain => format!("/plain.html?article={id}"),
        }
    }
}

/// A document and how the reader is given it: `?article=ID` (the shell preloads the JSON
/// while the wasm compiles) or `?src=URL` (any document, nothing preloaded).
struct Doc {
    id: String,
    src: bool,
}

/// One page load's measurements (the JSON `MEASURE_JS` returns).
struct Load(Value);

impl Load {
    fn num(&self, pointer: &str) -> Option<f64> {
        self.0.pointer(pointer).and_then(Value::as_f64)
    }
    fn rendered(&self) -> Option<f64> {
        self.num("/rendered")
    }
}

fn load(
    s: &Session,
    server: &Server,
    page: Page,
    doc: &Doc,
    settle_ms: u64,
) -> Result<Load, String> {
    s.goto("about:blank").map_err(|e| e.to_string())?;
    let url = server.url(&page.path(doc));
    s.goto(&url).map_err(|e| format!("open {url}: {e}"))?;
    let v = s
        .execute_async(MEASURE_JS, vec![json!(settle_ms)])
        .map_err(|e| format!("measure {url}: {e}"))?;
    if let Some(err) = v.get("failure") {
        let log: Vec<String> = s
            .browser_log()
            .unwrap_or_default()
            .into_iter()
            .filter(|e| e.level == "SEVERE")
            .map(|e| e.message.chars().take(300).collect())
            .collect();
        return Err(format!(
            "{url}: {err}; page text: {}; console errors: {log:?}",
            v["page"]
        ));
    }
    if let Some(alerts) = v["alerts"].as_array().filter(|a| !a.is_empty()) {
        eprintln!("warning: {url} shows alert(s): {alerts:?}");
    }
    Ok(Load(v))
}

struct DocRuns {
    id: String,
    label: &'static str,
    runs: BTreeMap<Page, Vec<Load>>,
    /// (A, B) rendered times per pair.
    pairs: Vec<(f64, f64)>,
}

fn run_document(s: &Session, server: &Server, doc: &Doc, label: &'static str, o: &Opts) -> DocRuns {
    let id = &doc.id;
    let mut d = DocRuns {
        id: id.to_string(),
        label,
        runs: BTreeMap::new(),
        pairs: Vec::new(),
    };
    let t = Instant::now();
    // A page that fails twice in a row is given up for this document (a broken build
    // should cost a minute, not the whole run).
    let mut failures: BTreeMap<Page, usize> = BTreeMap::new();
    for page in [Page::Reader, Page::Plain] {
        if let Err(e) = load(s, server, page, doc, 0) {
            eprintln!("warm-up {} {id}: {e}", page.name());
            *failures.entry(page).or_default() += 1;
        }
    }
    for i in 0..o.pairs {
        let order = if i % 2 == 0 {
            [Page::Reader, Page::Plain]
        } else {
            [Page::Plain, Page::Reader]
        };
        let mut got: BTreeMap<Page, f64> = BTreeMap::new();
        for page in order {
            if failures.get(&page).copied().unwrap_or(0) >= 2 {
                continue;
            }
            match load(s, server, page, doc, o.settle_ms) {
                Ok(l) => {
                    if let Some(r) = l.rendered() {
                        got.insert(page, r);
                    }
                    d.runs.entry(page).or_default().push(l);
                    failures.insert(page, 0);
                }
                Err(e) => {
                    eprintln!("run {i} {} {id}: {e}", page.name());
                    *failures.entry(page).or_default() += 1;
                }
            }
        }
        if let (Some(&a), Some(&b)) = (got.get(&Page::Reader), got.get(&Page::Plain)) {
            d.pairs.push((a, b));
        }
    }
    eprintln!(
        "bench: {label} ({id}): {} pairs in {:.0} s",
        d.pairs.len(),
        t.elapsed().as_secs_f64()
    );
    d
}

fn series(runs: &[Load], f: impl Fn(&Load) -> Option<f64>) -> Vec<f64> {
    runs.iter().filter_map(f).collect()
}

fn print_load_table(docs: &[DocRuns]) {
    println!(
        "\n## 2. Load: navigation start → every highlight rendered (mark \"article-rendered\", ms)"
    );
    println!("   (reader: the sample by ?src=articles/ID.json, the big article by ?article=ID;");
    println!("    the mark is set in the first animation frame after mount: before that frame's style/layout;");
    println!(
        "    LCP = paint of the largest text, i.e. after layout; FCP = first paint of anything)"
    );
    println!(
        "{:<8} {:<11} {:>4} {:>9} {:>8} {:>8} | {:>8} {:>8} | {:>9} {:>10} {:>6}",
        "document",
        "page",
        "runs",
        "median",
        "min",
        "max",
        "LCP",
        "FCP",
        "DOM nodes",
        "highlights",
        "cards"
    );
    for d in docs {
        for (page, runs) in &d.runs {
            let r = series(runs, Load::rendered);
            let (lo, hi) = min_max(&r);
            let last = runs.last();
            println!(
                "{:<8} {:<11} {:>4} {:>9} {:>8.1} {:>8.1} | {:>8} {:>8} | {:>9} {:>10} {:>6}",
                d.label,
                page.name(),
                r.len(),
                f(median(&r), 1),
                lo,
                hi,
                f(median(&series(runs, |l| l.num("/lcp"))), 1),
                f(median(&series(runs, |l| l.num("/fcp"))), 1),
                last.and_then(|l| l.num("/nodes")).unwrap_or(0.0),
                last.and_then(|l| l.num("/highlights")).unwrap_or(0.0),
                last.and_then(|l| l.num("/cards")).unwrap_or(0.0),
            );
        }
    }
}

fn print_ratio_table(docs: &[DocRuns], targets: &[f64]) {
    println!("\n## 3. Reader (A) vs plain JavaScript (B), order A B B A A B …, ratio = median of per-pair A/B");
    println!(
        "{:<8} {:>5} {:>12} {:>12} {:>10} {:>8}  per-pair ratios",
        "document", "pairs", "A median ms", "B median ms", "A/B", "target"
    );
    for (d, target) in docs.iter().zip(targets) {
        let a: Vec<f64> = d.pairs.iter().map(|p| p.0).collect();
        let b: Vec<f64> = d.pairs.iter().map(|p| p.1).collect();
        let ratios: Vec<f64> = d.pairs.iter().map(|p| p.0 / p.1).collect();
        let r = median(&ratios);
        let verdict = match r {
            Some(x) if x <= *target => "met",
            Some(_) => "NOT met",
            None => "–",
        };
        println!(
            "{:<8} {:>5} {:>12} {:>12} {:>9}× {:>7}×  {}  [{}]",
            d.label,
            d.pairs.len(),
            f(median(&a), 1),
            f(median(&b), 1),
            f(r, 2),
            target,
            verdict,
            ratios
                .iter()
                .map(|x| format!("{x:.2}"))
                .collect::<Vec<_>>()
                .join(" ")
        );
    }
}

fn print_memory_and_cls(docs: &[DocRuns], settle_ms: u64) {
    println!("\n## 5. Memory after render (median over runs; {settle_ms} ms settle, no forced GC)");
    println!(
        "{:<8} {:<11} {:>14} {:>15} {:>13}",
        "document", "page", "JS heap used", "JS heap total", "wasm memory"
    );
    for d in docs {
        for (page, runs) in &d.runs {
            println!(
                "{:<8} {:<11} {:>14} {:>15} {:>13}",
                d.label,
                page.name(),
                mib(median(&series(runs, |l| l.num("/mem/used")))),
                mib(median(&series(runs, |l| l.num("/mem/total")))),
                mib(median(&series(runs, |l| l.num("/wasm")))),
            );
        }
    }
    println!(
        "\n## 6. Layout shift during load (PerformanceObserver layout-shift, buffered; target ≈ 0)"
    );
    println!(
        "{:<8} {:<11} {:>11} {:>9} {:>14}",
        "document", "page", "CLS median", "CLS max", "shifts (last)"
    );
    for d in docs {
        for (page, runs) in &d.runs {
            let c = series(runs, |l| l.num("/cls"));
            println!(
                "{:<8} {:<11} {:>11} {:>9} {:>14}",
                d.label,
                page.name(),
                f(median(&c), 4),
                f(c.iter().copied().reduce(f64::max), 4),
                runs.last().and_then(|l| l.num("/shifts")).unwrap_or(0.0)
            );
        }
    }
}

fn print_phases(docs: &[DocRuns]) {
    println!("\n## Phases (medians, ms since navigation start)");
    for d in docs {
        if let Some(runs) = d.runs.get(&Page::Reader) {
            let m = |p: &str| f(median(&series(runs, |l| l.num(p))), 1);
            println!(
                "{:<8} reader: JS loaded {} · wasm loaded {} · JSON loaded {} ({} bytes) · DOMContentLoaded {} · load {} · rendered {} · every ledger card built {}",
                d.label,
                m("/res/js/end"),
                m("/res/wasm/end"),
                m("/res/json/end"),
                runs.last().and_then(|l| l.num("/res/json/bytes")).unwrap_or(0.0),
                m("/domContentLoaded"),
                m("/load"),
                m("/rendered"),
                // A long article's off-screen cards come after its highlights are painted
                // (a short one's with the article: no mark).
                match median(&series(runs, |l| l.num("/marks/ledger-complete"))) {
                    Some(v) => format!("{v:.1}"),
                    None => "with the article".into(),
                },
            );
        }
        if let Some(runs) = d.runs.get(&Page::Plain) {
            let m = |p: &str| f(median(&series(runs, |l| l.num(p))), 1);
            let span =
                |a: &str, b: &str| f(median(&series(runs, |l| Some(l.num(b)? - l.num(a)?))), 1);
            println!(
                "{:<8} plain:  script start {} · JSON text {} · parsed {} · anchored {} · DOM built {} · attached {} · rendered {}",
                d.label,
                m("/marks/plain:start"),
                m("/marks/plain:fetched"),
                m("/marks/plain:parsed"),
                m("/marks/plain:anchored"),
                m("/marks/plain:built"),
                m("/marks/plain:attached"),
                m("/rendered"),
            );
            println!(
                "{:<8} plain:  JSON.parse {} · anchoring {} · DOM build {} · attach {} · to frame {}",
                d.label,
                span("/marks/plain:fetched", "/marks/plain:parsed"),
                span("/marks/plain:parsed", "/marks/plain:anchored"),
                span("/marks/plain:anchored", "/marks/plain:built"),
                span("/marks/plain:built", "/marks/plain:attached"),
                span("/marks/plain:attached", "/rendered"),
            );
        }
    }
}

// ---------------------------------------------------------------- selection

/// Time `script` (a click or a hover) on different highlights around the middle.
fn selection(
    s: &Session,
    server: &Server,
    page: Page,
    id: &str,
    o: &Opts,
    script: &str,
) -> Vec<Value> {
    let doc = Doc {
        id: id.to_string(),
        src: false,
    };
    if let Err(e) = load(s, server, page, &doc, o.settle_ms) {
        eprintln!("selection: {} {id}: {e}", page.name());
        return Vec::new();
    }
    let n = s
        .js("return document.querySelectorAll('mark[data-figure]').length;")
        .ok()
        .and_then(|v| v.as_u64())
        .unwrap_or(0) as usize;
    if n == 0 {
        return Vec::new();
    }
    // Different marks around the middle (a stride of 37 highlights apart).
    let mut out = Vec::new();
    for k in 0..o.selections {
        let index = (n / 2 + k * 37) % n;
        match s.execute_async(script, vec![json!(index)]) {
            Ok(v) if v.get("failure").is_none() => out.push(v),
            Ok(v) => eprintln!("selection {} #{index}: {}", page.name(), v["failure"]),
            Err(e) => eprintln!("selection {} #{index}: {e}", page.name()),
        }
    }
    out
}

fn print_selection(title: &str, dom: &str, results: &[(Page, Vec<Value>)]) {
    println!("\n## {title} → (ms, median of different marks; target ≤ 16 ms)");
    println!("   dom = {dom}; frame = start of the next animation frame (vsync-aligned);");
    println!(
        "   painted = a task queued from that frame ran, i.e. its style/layout/paint were done"
    );
    println!(
        "{:<11} {:>5} {:>8} {:>8} {:>9} {:>9}  per-mark frame",
        "page", "marks", "dom", "frame", "painted", "max"
    );
    for (page, v) in results {
        let g = |k: &str| v.iter().filter_map(|x| x[k].as_f64()).collect::<Vec<_>>();
        let frame = g("frame");
        println!(
            "{:<11} {:>5} {:>8} {:>8} {:>9} {:>9}  [{}]",
            page.name(),
            v.len(),
            f(median(&g("dom")), 1),
            f(median(&frame), 1),
            f(median(&g("painted")), 1),
            f(frame.iter().copied().reduce(f64::max), 1),
            frame
                .iter()
                .map(|x| format!("{x:.1}"))
                .collect::<Vec<_>>()
                .join(" ")
        );
    }
}

// ---------------------------------------------------------------- analysis

/// Classify a CPU profile node's call frame.
fn category(frame: &Value, js_name: &str) -> &'static str {
    let name = frame["functionName"].as_str().unwrap_or_default();
    let url = frame["url"].as_str().unwrap_or_default();
    match name {
        "(garbage collector)" => return "GC",
        "(idle)" | "(root)" => return "idle",
        "(program)" => return "browser native: style, layout, paint, HTML parse (unattributed)",
        _ => {}
    }
    if url.ends_with("bench-hooks.js")
        || name == "proto.<computed>"
        || (url.is_empty() && name == "now")
    {
        return "benchmark hooks (instrumentation overhead)";
    }
    if url.ends_with(".wasm") || name.starts_with('$') || name.starts_with("wasm-function") {
        return "wasm code (Rust: JSON, anchoring, Leptos rendering)";
    }
    if url.ends_with("/fill.js") {
        return "fill.js (builds highlights and cards from a plan)";
    }
    if !js_name.is_empty() && url.ends_with(js_name) {
        return match name {
            "decodeText" | "getStringFromWasm0" | "passStringToWasm0" | "encodeString" => {
                "wasm↔JS string copies (glue: decodeText, passStringToWasm0…)"
            }
            _ => "wasm-bindgen JS glue (other)",
        };
    }
    if url.is_empty() {
        return match name {
            "normalize" => "String.prototype.normalize",
            "decode" | "encode" | "encodeInto" => {
                "wasm↔JS string copies (glue: decodeText, passStringToWasm0…)"
            }
            "wasm-to-js" | "js-to-wasm" => "wasm↔JS call transitions",
            "createElement"
            | "createTextNode"
            | "createComment"
            | "cloneNode"
            | "appendChild"
            | "insertBefore"
            | "setAttribute"
            | "removeAttribute"
            | "append"
            | "before"
            | "after"
            | "remove"
            | "replaceWith"
            | "querySelectorAll"
            | "querySelector"
            | "closest"
            | "scrollIntoView"
            | "getAttribute"
            | "hasAttribute"
            | "createDocumentFragment"
            | "replaceChildren" => "DOM API calls",
            "addEventListener" | "removeEventListener" => "addEventListener/removeEventListener",
            _ => "other builtins/natives",
        };
    }
    "other JS"
}

/// A CPU profile's samples as (ms since navigation start, category, function).
/// Busy ms, by category and by function (both sorted, largest first).
type Breakdown = (f64, Vec<(&'static str, f64)>, Vec<(String, f64)>);

struct Samples(Vec<(f64, f64, &'static str, String)>);

impl Samples {
    /// `nav_start_s`: the document's navigation start in the same monotonic clock (seconds).
    fn new(profile: &Value, nav_start_s: f64, js_name: &str) -> Samples {
        let p = &profile["profile"];
        let nodes = p["nodes"].as_array().cloned().unwrap_or_default();
        let by_id: BTreeMap<u64, &Value> = nodes
            .iter()
            .filter_map(|n| Some((n["id"].as_u64()?, n)))
            .collect();
        let samples = p["samples"].as_array().cloned().unwrap_or_default();
        let deltas: Vec<f64> = p["timeDeltas"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|d| d.as_f64().unwrap_or(0.0))
            .collect();
        let mut t = p["startTime"].as_f64().unwrap_or(0.0);
        let mut out = Vec::new();
        for (i, sid) in samples.iter().enumerate() {
            t += deltas.get(i).copied().unwrap_or(0.0);
            let dt = deltas.get(i + 1).copied().unwrap_or(0.0) / 1000.0;
            let Some(node) = sid.as_u64().and_then(|id| by_id.get(&id)) else {
                continue;
            };
            let frame = &node["callFrame"];
            let url = frame["url"].as_str().unwrap_or_default();
            let short = url.rsplit('/').next().unwrap_or_default();
            let name = frame["functionName"]
                .as_str()
                .filter(|s| !s.is_empty())
                .unwrap_or("(anonymous)");
            // Glue functions are mostly anonymous import shims: the line tells them apart.
            let func = match (short, frame["lineNumber"].as_i64()) {
                ("", _) => format!("{name} [native]"),
                (short, Some(line)) if short.ends_with(".js") => {
                    format!("{name} [{short}:{}]", line + 1)
                }
                (short, _) => format!("{name} [{short}]"),
            };
            out.push((
                t / 1000.0 - nav_start_s * 1000.0,
                dt,
                category(frame, js_name),
                func,
            ));
        }
        Samples(out)
    }

    /// Busy milliseconds by category and by function within [from, to).
    fn window(&self, from: f64, to: f64) -> Breakdown {
        let mut cats: BTreeMap<&'static str, f64> = BTreeMap::new();
        let mut fns: BTreeMap<String, f64> = BTreeMap::new();
        for (t, dt, cat, func) in &self.0 {
            if *t < from || *t >= to || *cat == "idle" {
                continue;
            }
            *cats.entry(cat).or_default() += dt;
            *fns.entry(func.clone()).or_default() += dt;
        }
        let busy = cats.values().sum();
        let mut cats: Vec<_> = cats.into_iter().collect();
        cats.sort_by(|a, b| b.1.total_cmp(&a.1));
        let mut fns: Vec<_> = fns.into_iter().collect();
        fns.sort_by(|a, b| b.1.total_cmp(&a.1));
        (busy, cats, fns)
    }

    fn print(&self, title: &str, from: f64, to: f64, top: usize) {
        let (busy, cats, fns) = self.window(from, to);
        println!(
            "   {title}: {:.0} → {:.0} ms, {:.0} ms wall, {busy:.0} ms busy",
            from,
            to,
            to - from
        );
        for (c, ms) in cats.iter().filter(|(_, ms)| *ms >= 0.5) {
            println!(
                "     {ms:>8.1} ms  {:>5.1} %  {c}",
                100.0 * ms / busy.max(1e-9)
            );
        }
        if top > 0 {
            let list: Vec<String> = fns
                .iter()
                .take(top)
                .map(|(n, ms)| format!("{n} {ms:.1}"))
                .collect();
            println!("       top: {}", list.join(" · "));
        }
    }
}

/// The current document's navigation start on the profiler's clock (seconds).
fn nav_start(s: &Session) -> Option<f64> {
    let m = s.cdp("Performance.getMetrics", json!({})).ok()?;
    m["metrics"]
        .as_array()?
        .iter()
        .find(|x| x["name"] == "NavigationStart")
        .and_then(|x| x["value"].as_f64())
}

fn start_profiler(s: &Session) -> bool {
    s.cdp("Profiler.enable", json!({})).is_ok()
        && s.cdp("Profiler.setSamplingInterval", json!({ "interval": 100 }))
            .is_ok()
        && s.cdp("Profiler.start", json!({})).is_ok()
}

fn analysis(s: &Session, server: &Server, id: &str, js_name: &str) {
    println!("\n## Where the reader's time goes: one instrumented load of the {id} article");
    println!("   (DevTools CPU profile sampled every 100 µs, plus hooks injected before the page's scripts");
    println!("   on fetch, the body's stream reader, String.prototype.normalize and the DOM calls made while rendering; the");
    println!(
        "   hooks and the profiler add overhead: read proportions more than absolute numbers)"
    );
    let source = format!("{HOOKS_JS}\n//# sourceURL=bench-hooks.js\n");
    let hook = match s.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": source }),
    ) {
        Ok(v) => v["identifier"].as_str().unwrap_or_default().to_string(),
        Err(e) => {
            println!("   (skipped: cannot inject hooks: {e})");
            return;
        }
    };
    let _ = s.cdp("Performance.enable", json!({}));
    let _ = s.goto("about:blank");
    let profiling = start_profiler(s);
    let doc = Doc {
        id: id.to_string(),
        src: false,
    };
    let loaded = load(s, server, Page::Reader, &doc, 300);
    let profile = if profiling {
        s.cdp("Profiler.stop", json!({})).ok()
    } else {
        None
    };
    let nav = nav_start(s);
    let hooks = s.js(HOOKS_READ_JS).unwrap_or(Value::Null);
    let _ = s.cdp(
        "Page.removeScriptToEvaluateOnNewDocument",
        json!({ "identifier": hook }),
    );
    let l = match loaded {
        Ok(l) => l,
        Err(e) => {
            println!("   (load failed: {e})");
            return;
        }
    };
    let mk = |name: &str| hooks["marks"][name].as_f64();
    let rendered = l.rendered();
    let text = mk("bench:text-resolved");
    let started = mk("bench:wasm-started");
    let dom_first = hooks["domFirst"].as_f64();
    let dom_last = hooks["domLast"].as_f64();
    let lcp = l.num("/lcp");
    let steps: Vec<(&str, Option<f64>)> = vec![
        ("JS glue loaded", l.num("/res/js/end")),
        ("wasm loaded", l.num("/res/wasm/end")),
        (
            "reader calls fetch() (JSON preloaded by preload.js)",
            mk("bench:fetch-called"),
        ),
        (
            "wasm instantiated, main() ran: app mounted (TrunkApplicationStarted)",
            started,
        ),
        ("JSON loaded", l.num("/res/json/end")),
        (
            "Response body read: the JSON bytes are handed to wasm",
            text,
        ),
        (
            "first DOM call after that: article rendering starts",
            dom_first,
        ),
        ("last DOM call before the mark: rendering ends", dom_last),
        ("article-rendered mark (next animation frame)", rendered),
        (
            "largest contentful paint (after that frame's style + layout)",
            lcp,
        ),
    ];
    println!("   timeline (ms since navigation start):");
    let mut prev: Option<f64> = None;
    for (what, t) in &steps {
        let delta = match (prev, t) {
            (Some(p), Some(t)) if *t >= p => format!("(+{:.1})", t - p),
            _ => String::new(),
        };
        println!("     {:>8}  {:<9} {what}", f(*t, 1), delta);
        if t.is_some() {
            prev = *t;
        }
    }
    println!(
        "   {} DOM calls while rendering; String.prototype.normalize: {} calls, {:.1} ms inside, {:.2} M UTF-16 units",
        hooks["domCalls"],
        hooks["normalize"]["calls"],
        hooks["normalize"]["ms"].as_f64().unwrap_or(0.0),
        hooks["normalize"]["chars"].as_f64().unwrap_or(0.0) / 1e6
    );

    if let (Some(profile), Some(nav)) = (&profile, nav) {
        let samples = Samples::new(profile, nav, js_name);
        println!("   CPU profile by phase (self time; phases from the timeline above):");
        let cut = |x: Option<f64>| x.unwrap_or(f64::NAN);
        let phases = [
            ("start → app mounted", 0.0, cut(started)),
            ("app mounted → JSON bytes in wasm", cut(started), cut(text)),
            (
                "JSON bytes → first DOM call (article_core::load in wasm, then Leptos setup)",
                cut(text),
                cut(dom_first),
            ),
            (
                "DOM construction (Leptos views, and fill.js for highlights and cards)",
                cut(dom_first),
                cut(dom_last),
            ),
            ("last DOM call → mark", cut(dom_last), cut(rendered)),
            (
                "mark → LCP (style, layout, paint of the first frame)",
                cut(rendered),
                cut(lcp),
            ),
        ];
        for (title, from, to) in phases {
            if from.is_finite() && to.is_finite() && to > from {
                samples.print(title, from, to, 6);
            }
        }
    } else {
        println!(
            "   (no CPU profile or navigation start: {})",
            profile.is_some()
        );
    }

    // One selection click, profiled.
    let _ = s.cdp("Profiler.disable", json!({}));
    let n = s
        .js("return document.querySelectorAll('mark[data-figure]').length;")
        .ok()
        .and_then(|v| v.as_u64())
        .unwrap_or(0);
    if n == 0 || !start_profiler(s) {
        return;
    }
    let before = s
        .js("return performance.now();")
        .ok()
        .and_then(|v| v.as_f64());
    let click = s.execute_async(SELECT_JS, vec![json!(n / 2 + 11)]);
    let profile = s.cdp("Profiler.stop", json!({})).ok();
    let _ = s.cdp("Profiler.disable", json!({}));
    let _ = s.cdp("Performance.disable", json!({}));
    if let (Ok(c), Some(p), Some(nav), Some(before)) = (click, profile, nav, before) {
        let samples = Samples::new(&p, nav, js_name);
        let t0 = c["t0"].as_f64().unwrap_or(before);
        println!(
            "   one selection click (dom {:.1} ms, next frame {:.1} ms, painted {:.1} ms):",
            c["dom"].as_f64().unwrap_or(f64::NAN),
            c["frame"].as_f64().unwrap_or(f64::NAN),
            c["painted"].as_f64().unwrap_or(f64::NAN)
        );
        let dom = c["dom"].as_f64().unwrap_or(0.0);
        let painted = c["painted"].as_f64().unwrap_or(0.0);
        samples.print(
            "click → aria-current set (handler, effects)",
            t0,
            t0 + dom,
            6,
        );
        samples.print(
            "aria-current set → frame painted",
            t0 + dom,
            t0 + painted,
            6,
        );
    }
}

fn main() {
    let o = parse_args();
    assert!(
        o.site.join("index.html").is_file() && o.site.join("plain.html").is_file(),
        "{} needs index.html and plain.html (scripts/bench.sh builds it)",
        o.site.display()
    );
    let js_name = std::fs::read_dir(&o.site)
        .ok()
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with("article-viewer") && n.ends_with(".js"))
        .unwrap_or_default();
    let started = Instant::now();
    let server = Server::start(&o.site).expect("start the static server");
    let driver = Driver::start().expect("start chromedriver");
    let s = driver
        .session_with(&["--enable-precise-memory-info"])
        .expect("start a Chromium session");
    let version = driver
        .command("GET", "/status", None)
        .ok()
        .and_then(|v| v["build"]["version"].as_str().map(str::to_string))
        .unwrap_or_default();
    println!(
        "browser: headless Chromium via chromedriver {version}, window 1280×900, one session, about:blank between loads; site {}",
        o.site.display()
    );

    let docs = vec![
        // The sample as the issue measures it: `?src=`, where no static page exists.
        run_document(
            &s,
            &server,
            &Doc {
                id: o.sample.clone(),
                src: true,
            },
            "sample",
            &o,
        ),
        run_document(
            &s,
            &server,
            &Doc {
                id: o.big.clone(),
                src: false,
            },
            "big",
            &o,
        ),
    ];
    print_load_table(&docs);
    print_ratio_table(&docs, &[1.2, 0.5]);
    let sel: Vec<(Page, Vec<Value>)> = [Page::Reader, Page::Plain]
        .into_iter()
        .map(|p| (p, selection(&s, &server, p, &o.big, &o, SELECT_JS)))
        .collect();
    print_selection(
        "4. Selection in the big article: el.click() on a highlight in the middle",
        "aria-current set on the clicked highlight",
        &sel,
    );
    // The plain page has no popover.
    let hover = vec![(
        Page::Reader,
        selection(&s, &server, Page::Reader, &o.big, &o, HOVER_JS),
    )];
    print_selection(
        "4b. Popover in the big article: the pointer enters a highlight in the middle",
        "the popover in the document and aria-expanded set",
        &hover,
    );
    print_memory_and_cls(&docs, o.settle_ms);
    print_phases(&docs);
    for d in &docs {
        if d.runs.values().all(|r| r.is_empty()) {
            eprintln!("bench: no successful run for {}", d.id);
        }
    }
    if o.analysis {
        analysis(&s, &server, &o.big, &js_name);
    }
    eprintln!(
        "bench: browser part took {:.0} s",
        started.elapsed().as_secs_f64()
    );
}
