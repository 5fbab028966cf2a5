//! `article site` on a built site: pages for the good documents, compiler-style reports
//! and exit 1 for the bad ones, a catalog from the documents, the same files on a second
//! run, hostile strings escaped for their context, and an archive of thousands of
//! articles in reasonable time.
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn article(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_article"))
        .args(args)
        .output()
        .expect("the article binary runs")
}

/// A page as Trunk writes it (the frame every static page is made from).
const SHELL: &str = r##"<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-trunk='; style-src 'self'">
  <title>article-viewer</title>
  <link rel="stylesheet" href="./main-1.css"/>
  <script src="preload.js"></script>
<script type="module">
import init from './article-viewer-1.js';
await init({ module_or_path: './article-viewer-1_bg.wasm' });
</script>
</head>
<body>
  <noscript>JavaScript is off.</noscript>
</body>
</html>"##;

/// A fresh built site in a temporary directory with these documents in `articles/`.
fn site(name: &str, docs: &[(&str, String)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("article-site-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("articles")).unwrap();
    std::fs::write(dir.join("index.html"), SHELL).unwrap();
    std::fs::write(
        dir.join("_headers"),
        "/*\n  Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-trunk='; style-src 'self'; frame-ancestors 'self'\n",
    )
    .unwrap();
    for (file, text) in docs {
        std::fs::write(dir.join("articles").join(file), text).unwrap();
    }
    // The card font, as Trunk copies it from public/fonts (scripts/setup.sh puts it there).
    std::fs::create_dir_all(dir.join("fonts")).unwrap();
    for e in
        std::fs::read_dir(root().join("public/fonts")).expect("public/fonts: run scripts/setup.sh")
    {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "ttf") {
            std::fs::copy(&p, dir.join("fonts").join(p.file_name().unwrap())).unwrap();
        }
    }
    dir
}

/// Is this a PNG of 1200×630 (its signature and IHDR)?
fn is_card(png: &[u8]) -> bool {
    png.starts_with(b"\x89PNG\r\n\x1a\n")
        && &png[12..16] == b"IHDR"
        && u32::from_be_bytes(png[16..20].try_into().unwrap()) == 1200
        && u32::from_be_bytes(png[20..24].try_into().unwrap()) == 630
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Every file under `dir` with its contents, for comparing two runs.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((p.clone(), std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

fn sample() -> String {
    read(&root().join("public/articles/cam-pha-2016-11-29.json"))
}

#[test]
fn pages_for_the_good_documents_reports_for_the_bad_and_the_same_files_twice() {
    let bad = read(&root().join("crates/article-cli/tests/fixtures/missing_field.json"));
    let dir = site(
        "mixed",
        &[
            ("sample.json", sample()),
            (
                "harbour.json",
                read(&root().join("public/articles/harbour-2024-03-04.json")),
            ),
            ("broken.json", bad),
        ],
    );
    let dist = dir.to_string_lossy().into_owned();
    let o = article(&["site", &dist]);
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert_eq!(
        o.status.code(),
        Some(1),
        "a skipped document fails the run: {out}"
    );
    assert!(
        out.contains("broken.json:") && out.contains(": error: "),
        "compiler-style: {out}"
    );
    assert!(out.contains("broken.json: skipped"), "{out}");
    assert!(out.contains("2 article page(s) written"), "{out}");
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("--base-url"),
        "says once that previews need it"
    );
    // Pages are named by the documents' ids, not their file names.
    let page = read(&dir.join("articles/cam-pha-2016-11-29/index.html"));
    assert!(page.contains("<h1>Chú trọng xây dựng tổ chức Đảng trong sạch, vững mạnh</h1>"));
    assert!(
        page.contains("href=\"../../main-1.css\""),
        "assets from two levels down"
    );
    assert!(
        page.contains("from '../../article-viewer-1.js'"),
        "the loader too"
    );
    assert!(dir.join("articles/harbour-2024-03-04/index.html").is_file());
    // A card for the article and for every figure, and a share page per figure.
    let doc: serde_json::Value = serde_json::from_str(&sample()).unwrap();
    assert!(is_card(
        &std::fs::read(dir.join("articles/cam-pha-2016-11-29/card.png")).unwrap()
    ));
    for f in doc["figures"].as_array().unwrap() {
        let fig = dir
            .join("articles/cam-pha-2016-11-29/figures")
            .join(f["id"].as_str().unwrap());
        assert!(
            is_card(&std::fs::read(fig.join("card.png")).unwrap()),
            "{fig:?}"
        );
        let share = read(&fig.join("index.html"));
        assert!(share.contains(&format!(
            "<meta http-equiv=\"refresh\" content=\"0; url=../../#fig-{}\">",
            f["id"].as_str().unwrap()
        )));
        assert!(
            share.contains("<meta property=\"og:image\" content=\"card.png\">"),
            "{share}"
        );
    }
    let share = read(&dir.join("articles/cam-pha-2016-11-29/figures/members/index.html"));
    assert!(
        share.contains("<title>trên 8.000 đảng viên — đảng viên của Đảng bộ thành phố · "),
        "{share}"
    );
    assert!(
        share.contains("<meta property=\"og:description\" content=\"Đồng chí Bùi Thị Bính"),
        "the sentence of the first mention"
    );
    let total = read(&dir.join("articles/cam-pha-2016-11-29/figures/households-total/index.html"));
    assert!(
        total.contains("28 + 6 = 34 ✓"),
        "a computed figure is described by its arithmetic"
    );
    assert!(
        page.contains("<meta property=\"og:image\" content=\"card.png\">"),
        "the article's card"
    );
    // The catalog comes from the documents, newest first, broken ones left out.
    let catalog: serde_json::Value =
        serde_json::from_str(&read(&dir.join("articles/index.json"))).unwrap();
    let ids: Vec<&str> = catalog["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["harbour-2024-03-04", "cam-pha-2016-11-29"]);
    assert_eq!(catalog["articles"][1]["path"], "articles/sample.json");
    let index = read(&dir.join("index.html"));
    assert!(
        index.contains("<a href=\"articles/cam-pha-2016-11-29/\">"),
        "the first page of the catalog"
    );
    // One policy: the loader of the pages two levels down is allowed too, everywhere.
    let policy = |html: &str| {
        let at = html.find("script-src").unwrap();
        html[at..html[at..].find(';').unwrap() + at].to_string()
    };
    assert_eq!(policy(&page), policy(&index));
    assert_eq!(
        policy(&page).matches("'sha256-").count(),
        2,
        "{}",
        policy(&page)
    );
    assert!(
        !policy(&page).contains("sha256-trunk="),
        "the hook's hash is replaced, not kept"
    );
    assert!(read(&dir.join("_headers")).contains(&policy(&page)));
    // Twice: the same files.
    let before = snapshot(&dir);
    let o = article(&["site", &dist]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("0 article page(s) written, 2 unchanged"));
    assert_eq!(snapshot(&dir), before, "idempotent");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn absolute_urls_with_base_url() {
    let dir = site("base", &[("sample.json", sample())]);
    let o = article(&[
        "site",
        &dir.to_string_lossy(),
        "--base-url",
        "https://news.example/viewer",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert!(!String::from_utf8_lossy(&o.stderr).contains("--base-url"));
    let page = read(&dir.join("articles/cam-pha-2016-11-29/index.html"));
    for want in [
        "<link rel=\"canonical\" href=\"https://news.example/viewer/articles/cam-pha-2016-11-29/\">",
        "<meta property=\"og:url\" content=\"https://news.example/viewer/articles/cam-pha-2016-11-29/\">",
        "<meta property=\"og:image\" content=\"https://news.example/viewer/articles/cam-pha-2016-11-29/card.png\">",
    ] {
        assert!(page.contains(want), "{want}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn hostile_strings_stay_text_in_every_context() {
    let hostile = read(&root().join("tests/fixtures/hostile.json"));
    let mut doc: serde_json::Value = serde_json::from_str(&hostile).unwrap();
    doc["title"] = serde_json::json!("</title></script><script>alert(1)</script><!--");
    doc["byline"] = serde_json::json!("\"><img src=x onerror=alert(1)>");
    let dir = site("hostile", &[("hostile.json", doc.to_string())]);
    let o = article(&["site", &dir.to_string_lossy()]);
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    let id = doc["id"].as_str().unwrap();
    let page = read(&dir.join("articles").join(id).join("index.html"));
    assert!(out.contains("1 article page(s) written"), "{out}");
    // Only our own scripts: Trunk's preload and loader, and the two data blocks.
    assert_eq!(page.matches("<script").count(), 4, "{page}");
    assert!(
        !page.contains("<script>alert"),
        "no script from the document"
    );
    assert!(!page.contains("<img src=x"), "no element from the document");
    assert!(
        !page.contains("onerror=alert(1)>"),
        "attribute values escaped"
    );
    assert!(
        !page.contains("<!--<") && page.matches("<!--").count() == 4,
        "only the site's markers are comments"
    );
    // The share pages too: the label and title are text, whatever they hold.
    for f in doc["figures"].as_array().unwrap() {
        let fid = f["id"].as_str().unwrap();
        let share = read(
            &dir.join("articles")
                .join(id)
                .join("figures")
                .join(fid)
                .join("index.html"),
        );
        assert!(
            !share.contains("<script") && !share.contains("<img"),
            "{fid}: {share}"
        );
        assert!(
            share.contains("&lt;/title&gt;&lt;/script&gt;"),
            "{fid}: the title escaped"
        );
    }
    // The embedded document reads back as the document.
    let data = page.split("id=\"article-data\"").nth(1).unwrap();
    let data = &data[data.find('>').unwrap() + 1..];
    let back: serde_json::Value =
        serde_json::from_str(data.split("</script>").next().unwrap()).unwrap();
    assert_eq!(back, doc);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_archive_of_a_thousand_articles_in_seconds() {
    // The 10,000-article figure is in `./dev bench`; here enough to see it scale.
    let sample = sample();
    let docs: Vec<(String, String)> = (0..1000)
        .map(|i| {
            let text = sample
                .replacen(
                    "\"id\": \"cam-pha-2016-11-29\"",
                    &format!("\"id\": \"a{i}\""),
                    1,
                )
                .replacen(
                    "2016-11-29T07:35:00+07:00",
                    &format!("2016-{:02}-{:02}T07:35:00+07:00", 1 + i % 12, 1 + i % 28),
                    1,
                );
            (format!("a{i}.json"), text)
        })
        .collect();
    let refs: Vec<(&str, String)> = docs.iter().map(|(f, t)| (f.as_str(), t.clone())).collect();
    let dir = site("archive", &refs);
    let start = std::time::Instant::now();
    let o = article(&["site", &dir.to_string_lossy(), "--cards", "none"]);
    let took = start.elapsed();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert!(took.as_secs() < 60, "1,000 articles took {took:?}");
    let index = read(&dir.join("index.html"));
    assert_eq!(
        index.matches("class=\"entry\"").count(),
        50,
        "one page of the catalog, not 1,000"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
