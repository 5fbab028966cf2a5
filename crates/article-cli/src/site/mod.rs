//! `article site DIST [--base-url URL]`: a built site (Trunk's `dist/`) becomes a static
//! site whose articles and catalog are readable before and without the wasm.
//!
//! For every `DIST/articles/*.json` but the catalog it writes `DIST/articles/ID/index.html`
//! (ID: the document's own id): the reader's page frame (Trunk's `index.html`) holding the
//! article as the reader renders it — the core's markup plan written as HTML, so it cannot
//! drift from what the wasm builds — with its metadata for crawlers and link previews and
//! the document itself embedded, so the wasm takes over without fetching it again.
//! Documents with errors are reported like `article check` does and skipped (exit 1). It
//! then writes the catalog `DIST/articles/index.json` from the documents (newest first)
//! and puts its first page into `DIST/index.html`. Running it twice gives the same files;
//! files whose content did not change are not rewritten.
pub mod cards;
mod csp;
mod meta;
mod share;
mod shell;

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};

use article_core::format::Timestamp;
use article_core::html;
use article_core::markup::{self, Plan, Source, Words};
use article_core::words::{Text, EN, VI};
use serde_json::{json, Value};

use crate::report;
use crate::{CliError, Outcome, UsageError};
use shell::{Page, Shell};

/// Entries of the catalog shown on the first screen of `index.html` (the reader pages
/// through the rest).
pub const CATALOG_PAGE: usize = 50;

/// What the command was asked to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub dist: PathBuf,
    /// `https://host/path/`, ending in `/`.
    pub base_url: Option<String>,
    pub cards: Cards,
}

/// Which share cards to draw (`--cards`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cards {
    /// One per article and one per figure (the default).
    All,
    /// One per article only (a large archive builds faster).
    Articles,
    None,
}

/// `DIST` and `--base-url URL` (also `--base-url=URL`).
pub fn parse_options(args: &[String]) -> Result<Options, UsageError> {
    let mut parser = lexopt::Parser::from_args(args);
    let mut dist = None;
    let mut base_url = None;
    let mut cards = Cards::All;
    while let Some(arg) = parser.next().map_err(|e| UsageError::new(e.to_string()))? {
        match arg {
            lexopt::Arg::Long("base-url") => {
                let v = parser
                    .value()
                    .map_err(|_| UsageError::new("`--base-url` needs a URL"))?;
                let v = v.to_string_lossy().into_owned();
                if !(v.starts_with("https://") || v.starts_with("http://")) {
                    return Err(UsageError::new(format!(
                        "`--base-url` must be an absolute http(s) URL, not `{v}`"
                    )));
                }
                base_url = Some(if v.ends_with('/') { v } else { format!("{v}/") });
            }
            lexopt::Arg::Long("cards") => {
                let v = parser
                    .value()
                    .map_err(|_| UsageError::new("`--cards` needs all, articles or none"))?;
                cards = match v.to_string_lossy().as_ref() {
                    "all" => Cards::All,
                    "articles" => Cards::Articles,
                    "none" => Cards::None,
                    other => {
                        return Err(UsageError::new(format!(
                            "`--cards` is all, articles or none, not `{other}`"
                        )))
                    }
                };
            }
            lexopt::Arg::Value(v) if dist.is_none() => dist = Some(PathBuf::from(v)),
            lexopt::Arg::Value(v) => {
                return Err(UsageError::new(format!(
                    "`site` takes one directory, not also `{}`",
                    v.to_string_lossy()
                )))
            }
            other => {
                return Err(UsageError::new(format!(
                    "`site` does not understand `{}`",
                    crate::spelled(&other)
                )))
            }
        }
    }
    let dist = dist.ok_or_else(|| UsageError::new("`site` needs the built site's directory"))?;
    Ok(Options {
        dist,
        base_url,
        cards,
    })
}

pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> Result<Outcome, CliError> {
    let options = parse_options(args)?;
    let start = std::time::Instant::now();
    let summary = build(&options, out)?;
    if options.base_url.is_none() && summary.pages > 0 {
        writeln!(
            err,
            "note: link previews need absolute URLs; give the site's address with --base-url https://…/"
        )?;
    }
    writeln!(
        out,
        "site: {} article page(s) written, {} unchanged, {} document(s) skipped, in {} ms",
        summary.written,
        summary.pages - summary.written,
        summary.skipped,
        start.elapsed().as_millis()
    )?;
    if summary.cards > 0 {
        let each = if summary.cards_drawn > 0 {
            format!(
                " ({:.1} ms each on all cores, beside the pages)",
                summary.card_time.as_secs_f64() * 1000.0 / summary.cards_drawn as f64
            )
        } else {
            String::new()
        };
        writeln!(
            out,
            "site: {} card(s), {} drawn{each}, {} unchanged",
            summary.cards,
            summary.cards_drawn,
            summary.cards - summary.cards_drawn
        )?;
    }
    Ok(if summary.skipped > 0 {
        Outcome::Failure
    } else {
        Outcome::Success
    })
}

/// What a build did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub pages: usize,
    pub written: usize,
    pub skipped: usize,
    pub cards: usize,
    /// Cards drawn (the others were unchanged).
    pub cards_drawn: usize,
    pub card_time: std::time::Duration,
}

/// One catalog entry, from a document.
#[derive(Debug, Clone)]
struct Entry {
    id: String,
    title: String,
    kicker: Option<String>,
    lang: String,
    published: Option<String>,
    /// Seconds since the epoch (UTC) for ordering; `None` sorts last.
    instant: Option<i64>,
    path: String,
}

impl Entry {
    fn json(&self) -> Value {
        let mut v = json!({"id": self.id, "title": self.title, "lang": self.lang, "path": self.path,
            "page": format!("articles/{}/", self.id)});
        if let Some(k) = &self.kicker {
            v["kicker"] = json!(k);
        }
        if let Some(p) = &self.published {
            v["published"] = json!(p);
        }
        v
    }
}

/// The chrome's words in a language (Vietnamese or English).
fn text_for(lang: &str) -> &'static Text {
    if article_core::format::is_vi(lang) {
        &VI
    } else {
        &EN
    }
}

fn io(path: &Path, e: std::io::Error) -> CliError {
    CliError::Io(std::io::Error::new(
        e.kind(),
        format!("{}: {e}", path.display()),
    ))
}

/// Write `contents` unless the file already holds exactly that. Returns whether it wrote.
fn write_if_changed(path: &Path, contents: &str) -> Result<bool, CliError> {
    write_if_changed_bytes(path, contents.as_bytes())
}

fn write_if_changed_bytes(path: &Path, contents: &[u8]) -> Result<bool, CliError> {
    if std::fs::read(path).is_ok_and(|old| old == contents) {
        return Ok(false);
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
    }
    std::fs::write(path, contents).map_err(|e| io(path, e))?;
    Ok(true)
}

/// The article documents in `DIST/articles/`, by file name.
fn documents(dist: &Path) -> Result<Vec<PathBuf>, CliError> {
    let dir = dist.join("articles");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| io(&dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_file()
                && p.extension().is_some_and(|e| e == "json")
                && p.file_name().is_some_and(|n| n != "index.json")
        })
        .collect();
    files.sort();
    Ok(files)
}

/// Build the site; problems with documents are reported on `out`.
pub fn build(options: &Options, out: &mut dyn Write) -> Result<Summary, CliError> {
    let fonts = match options.cards {
        Cards::None => None,
        _ => Some(cards::Fonts::load(&options.dist.join("fonts")).map_err(CliError::Failed)?),
    };
    std::thread::scope(|scope| {
        let t0 = std::time::Instant::now();
        let painter = fonts.as_ref().map(|f| CardPainter::start(scope, f));
        let mut summary = pages(options, out, painter.as_ref(), fonts.as_ref())?;
        if let Some(painter) = painter {
            summary.cards_drawn = painter.finish()?;
            summary.card_time = t0.elapsed();
        }
        Ok(summary)
    })
}

/// Every page (and every card, handed to `painter`).
fn pages(
    options: &Options,
    out: &mut dyn Write,
    painter: Option<&CardPainter>,
    fonts: Option<&cards::Fonts>,
) -> Result<Summary, CliError> {
    let dist = &options.dist;
    let index_path = dist.join("index.html");
    let shell_text = std::fs::read_to_string(&index_path).map_err(|e| io(&index_path, e))?;
    let shell = Shell::parse(&shell_text)
        .map_err(|why| UsageError::new(format!("{}: {why}", index_path.display())))?;
    let mut summary = Summary::default();
    let css = share::stylesheet(&shell_text);
    let mut entries: Vec<Entry> = Vec::new();
    // One policy for the whole site: the inline loader as the root page and as a page two
    // levels down have it (article pages add only data blocks; share pages no script),
    // and the studio's loader if the site has the studio (`studio/index.html`).
    let studio_path = dist.join("studio").join("index.html");
    let studio = std::fs::read_to_string(&studio_path).ok();
    let hashes: BTreeSet<String> = [0, 2]
        .iter()
        .flat_map(|&depth| {
            csp::inline_script_hashes(&shell.render(&Page {
                depth,
                ..Page::default()
            }))
        })
        .chain(
            studio
                .iter()
                .flat_map(|html| csp::inline_script_hashes(html)),
        )
        .collect();
    let write_page = |path: &Path, page: &str| -> Result<bool, CliError> {
        write_if_changed(path, &csp::update_meta(page, &hashes))
    };
    if let Some(html) = &studio {
        write_page(&studio_path, html)?;
    }
    let mut seen: BTreeMap<String, PathBuf> = BTreeMap::new();
    for file in documents(dist)? {
        let name = file.display().to_string();
        // What `article check` would say, from one reading and one load of the file.
        let loaded = crate::input::read_text(&name, article_core::limits::MAX_INPUT_BYTES)
            .map_err(|p| vec![p])
            .and_then(|text| {
                let (doc, problems) = crate::check::load(&text);
                match doc {
                    Some(doc) if !problems.iter().any(|p| p.is_error()) => Ok((text, doc)),
                    _ => Err(problems),
                }
            });
        let (text, doc) = match loaded {
            Ok(ok) => ok,
            Err(problems) => {
                for p in problems.iter().filter(|p| p.is_error()) {
                    out.write_all(report::render(&name, p).as_bytes())?;
                }
                writeln!(out, "{name}: skipped (fix the errors above)")?;
                summary.skipped += 1;
                continue;
            }
        };
        let id = doc.article.id.clone();
        if let Some(first) = seen.get(&id) {
            writeln!(
                out,
                "{name}: error: article id \"{id}\" is also the id of {}; skipped",
                first.display()
            )?;
            summary.skipped += 1;
            continue;
        }
        seen.insert(id.clone(), file.clone());
        let published = doc.article.published.clone();
        let instant = published
            .as_deref()
            .and_then(|p| Timestamp::parse(p).ok())
            .map(|t| t.unix_seconds());
        let file_name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        entries.push(Entry {
            id: id.clone(),
            title: doc.article.title.clone(),
            kicker: doc.article.kicker.clone(),
            lang: doc.article.lang.clone(),
            published,
            instant,
            path: format!("articles/{file_name}"),
        });
        let values = markup::values(&doc);
        let dir = dist.join("articles").join(&id);
        if let (Some(fonts), Some(painter)) = (fonts, painter) {
            // Drawn below, on every core at once.
            let site = text_for(&doc.article.lang).app_name;
            let svg = cards::article_svg(fonts, &doc, &values, site);
            painter.draw(dir.join("card.png"), svg);
            summary.cards += 1;
            if options.cards == Cards::All {
                for (f, fig) in doc.article.figures.iter().enumerate() {
                    let svg = cards::figure_svg(fonts, &doc, &values, f, site);
                    painter.draw(dir.join("figures").join(&fig.id).join("card.png"), svg);
                    summary.cards += 1;
                }
            }
        }
        for (f, fig) in doc.article.figures.iter().enumerate() {
            let page = share::figure_page(&doc, &values, f, options, &css);
            write_page(&dir.join("figures").join(&fig.id).join("index.html"), &page)?;
        }
        let src = format!("articles/{file_name}");
        let page = article_page(&shell, &doc, &text, options, &src, fonts.is_some());
        summary.pages += 1;
        if write_page(&dir.join("index.html"), &page)? {
            summary.written += 1;
        }
    }

    // Newest first; undated last; ties by id, so the order never depends on the disk.
    entries.sort_by(|a, b| {
        b.instant
            .is_some()
            .cmp(&a.instant.is_some())
            .then(b.instant.cmp(&a.instant))
            .then(a.id.cmp(&b.id))
    });
    let catalog = json!({
        "format": "catalog/1",
        "articles": entries.iter().map(Entry::json).collect::<Vec<_>>(),
    });
    let catalog_text = format!(
        "{}\n",
        serde_json::to_string_pretty(&catalog).unwrap_or_default()
    );
    write_if_changed(&dist.join("articles/index.json"), &catalog_text)?;
    write_page(&index_path, &catalog_page(&shell, &entries, &catalog))?;
    let headers = dist.join("_headers");
    if let Ok(text) = std::fs::read_to_string(&headers) {
        write_if_changed(&headers, &csp::update_headers(&text, &hashes))?;
    }
    Ok(summary)
}

/// Draws cards (path, SVG) to PNG on as many threads as the machine has cores, while the
/// pages are written (a card is ~9 ms of work; an archive has thousands). A card whose
/// file already carries the stamp of the same SVG is left as it is.
struct CardPainter<'a> {
    jobs: Option<std::sync::mpsc::Sender<(PathBuf, String)>>,
    workers: Vec<std::thread::ScopedJoinHandle<'a, Result<usize, CliError>>>,
}

impl<'a> CardPainter<'a> {
    fn start(scope: &'a std::thread::Scope<'a, '_>, fonts: &'a cards::Fonts) -> CardPainter<'a> {
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, 8);
        let (tx, rx) = std::sync::mpsc::channel::<(PathBuf, String)>();
        let rx = std::sync::Arc::new(std::sync::Mutex::new(rx));
        let workers = (0..threads)
            .map(|_| {
                let rx = rx.clone();
                scope.spawn(move || -> Result<usize, CliError> {
                    let mut drawn = 0;
                    loop {
                        let job = rx
                            .lock()
                            .map_err(|_| CliError::Failed("card queue".into()))?
                            .recv();
                        let Ok((path, svg)) = job else {
                            return Ok(drawn);
                        };
                        let stamp = cards::stamp(&svg);
                        let current = std::fs::read(&path)
                            .ok()
                            .and_then(|png| cards::stamp_of(&png));
                        if current.as_deref() == Some(stamp.as_str()) {
                            continue;
                        }
                        let png = cards::render(fonts, &svg).map_err(CliError::Failed)?;
                        write_if_changed_bytes(&path, &png)?;
                        drawn += 1;
                    }
                })
            })
            .collect();
        CardPainter {
            jobs: Some(tx),
            workers,
        }
    }

    fn draw(&self, path: PathBuf, svg: String) {
        if let Some(tx) = &self.jobs {
            let _ = tx.send((path, svg));
        }
    }

    /// Wait for every card; how many were drawn (not left unchanged).
    fn finish(mut self) -> Result<usize, CliError> {
        self.jobs = None;
        let mut drawn = 0;
        for w in self.workers {
            drawn += w
                .join()
                .unwrap_or_else(|_| Err(CliError::Failed("a card could not be drawn".into())))?;
        }
        Ok(drawn)
    }
}

/// The embedded document: the reader reads it from here instead of fetching it again.
pub const DATA_ID: &str = "article-data";
/// The embedded catalog on `index.html`.
pub const CATALOG_DATA_ID: &str = "catalog-data";

/// One article's static page.
fn article_page(
    shell: &Shell,
    doc: &article_core::Document,
    text: &str,
    options: &Options,
    src: &str,
    card: bool,
) -> String {
    let a = &doc.article;
    let words = text_for(&a.lang);
    let values = markup::values(doc);
    let source = Source {
        doc,
        values: &values,
        words: Words {
            figure: words.figure,
            computed: words.computed,
            corrected: words.corrected,
        },
        root: "../../",
    };
    let mut plan = Plan::default();
    markup::static_article(&mut plan, &source, words, "../../");
    let place = meta::Place {
        base_url: options.base_url.as_deref(),
        path: &format!("articles/{}/", a.id),
        depth: 2,
    };
    let data: Value = serde_json::from_str(text).unwrap_or(Value::Null);
    // Corrections as schema.org sees them: what changed, when.
    let corrections: Vec<Value> = a
        .figures
        .iter()
        .enumerate()
        .flat_map(|(f, fig)| (0..fig.corrections.len()).map(move |k| (f, fig, k)))
        .filter_map(|(f, fig, k)| {
            let line = markup::correction_line(doc, f, k, &values)?;
            Some(json!({
                "@type": "CorrectionComment",
                "text": format!("{}: {line}", fig.label),
                "datePublished": fig.corrections[k].date,
            }))
        })
        .collect();
    let mut head = meta::article_head(a, &place, card.then_some("card.png"), corrections);
    // Where the site's root is from here: the reader resolves its own URLs against it.
    head.push_str("<meta name=\"article-viewer-root\" content=\"../../\">\n");
    let body = format!(
        "{}\n<script type=\"application/json\" id=\"{DATA_ID}\" data-src=\"{}\">{}</script>\n",
        plan.to_html(),
        html::attr(src),
        html::script_json(&data)
    );
    shell.render(&Page {
        depth: 2,
        lang: Some(&a.lang),
        rtl: article_core::text::is_rtl(&a.lang),
        title: Some(&a.title),
        head,
        body,
    })
}

/// `index.html` with the catalog's first page as static HTML (and the catalog embedded).
fn catalog_page(shell: &Shell, entries: &[Entry], catalog: &Value) -> String {
    let t = &VI;
    let mut plan = Plan::default();
    markup::static_catalog(
        &mut plan,
        t,
        entries
            .iter()
            .take(CATALOG_PAGE)
            .map(|e| markup::CatalogEntry {
                href: format!("articles/{}/", e.id),
                title: &e.title,
                kicker: e.kicker.as_deref(),
                lang: &e.lang,
                published: e.published.as_deref(),
            }),
    );
    let body = format!(
        "{}\n<script type=\"application/json\" id=\"{CATALOG_DATA_ID}\">{}</script>\n",
        plan.to_html(),
        html::script_json(catalog)
    );
    shell.render(&Page {
        body,
        ..Page::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options() {
        let s = |v: &[&str]| v.iter().map(|a| a.to_string()).collect::<Vec<_>>();
        assert_eq!(
            parse_options(&s(&["dist", "--base-url", "https://x.example/news"])).unwrap(),
            Options {
                dist: "dist".into(),
                base_url: Some("https://x.example/news/".into()),
                cards: Cards::All
            }
        );
        assert!(parse_options(&s(&[])).is_err());
        assert!(parse_options(&s(&["a", "b"])).is_err());
        assert!(parse_options(&s(&["a", "--base-url", "ftp://x"])).is_err());
        assert!(parse_options(&s(&["a", "--frob"])).is_err());
    }
}
