//! The studio (`dist/studio/`) end to end in Chromium: the seed story pasted, suggestions
//! accepted, one fixed, parts linked to their total, the document downloaded; the file
//! passes `article check` and opens in the reader with the same highlights. Then the work
//! survives a reload, a broken file is refused without touching it, axe-core finds
//! nothing, and a phone-sized window does not scroll sideways.
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use e2e::{format_violations, workspace_root, Harness};
use serde_json::{json, Value};

fn seed() -> String {
    std::fs::read_to_string(workspace_root().join("crates/article-cli/tests/fixtures/cam_pha.txt"))
        .expect("the seed story")
}

/// A scratch directory of this test's own.
fn scratch(name: &str) -> PathBuf {
    let dir = workspace_root()
        .join("target/e2e/studio")
        .join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Open the studio with nothing saved.
fn fresh_studio(h: &Harness) {
    h.open("/studio/");
    h.wait_el("[data-studio-text]");
    h.eval("localStorage.removeItem('article-studio/work')");
    h.s.refresh().unwrap();
    h.wait_el("[data-studio-text]");
}

/// Put `text` in the story's text area as a paste would (one input event).
fn paste(h: &Harness, text: &str) {
    h.eval_with(
        "(() => { const t = document.querySelector('[data-studio-text]'); t.focus(); t.value = arguments[0];
                  t.dispatchEvent(new Event('input', { bubbles: true })); return true; })()",
        vec![json!(text)],
    );
}

fn suggested_values(h: &Harness) -> Vec<f64> {
    h.eval("[...document.querySelectorAll('[data-suggestion]')].map(s => JSON.parse(s.getAttribute('data-value')))")
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .filter_map(Value::as_f64)
        .collect()
}

/// The figure ids highlighted under `root` (a CSS selector).
fn highlighted(h: &Harness, root: &str) -> BTreeSet<String> {
    h.eval_with(
        "[...document.querySelectorAll(arguments[0] + ' mark[data-figure]')].flatMap(m => m.getAttribute('data-figure').split(' '))",
        vec![json!(root)],
    )
    .as_array()
    .cloned()
    .unwrap_or_default()
    .iter()
    .filter_map(|v| v.as_str().map(str::to_string))
    .collect()
}

/// The row of the accepted figure whose value is `value`: its index.
fn row_of(h: &Harness, value: f64) -> usize {
    let i = h.eval_with(
        "[...document.querySelectorAll('.figure-row')].findIndex(r => Number(r.querySelector('input[inputmode=decimal]').value) === arguments[0])",
        vec![json!(value)],
    );
    let i = i.as_i64().unwrap_or(-1);
    assert!(i >= 0, "no accepted figure {value}");
    i as usize
}

/// Choose `option_value` in a `<select>` as a person would (change event).
fn choose(h: &Harness, css: &str, option_value: &str) {
    let ok = h.eval_with(
        "(() => { const s = document.querySelector(arguments[0]); if (!s) return false; s.value = arguments[1];
                  s.dispatchEvent(new Event('change', { bubbles: true })); return s.value === arguments[1]; })()",
        vec![json!(css), json!(option_value)],
    );
    assert_eq!(ok, json!(true), "choose {option_value} in {css}");
}

fn wait_for_file(dir: &Path) -> PathBuf {
    for _ in 0..100 {
        if let Some(done) = std::fs::read_dir(dir)
            .ok()
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "json"))
        {
            return done;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("no download in {}", dir.display());
}

/// `article check FILE` through cargo (the binary the tests already built).
fn article_check(file: &Path) -> (bool, String) {
    let out = std::process::Command::new(env!("CARGO"))
        .current_dir(workspace_root())
        .args([
            "run",
            "-q",
            "--locked",
            "-p",
            "article-cli",
            "--bin",
            "article",
            "--",
            "check",
        ])
        .arg(file)
        .output()
        .expect("cargo runs article check");
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

/// A file the test puts into the served site, removed when the test ends.
struct Served(PathBuf);
impl Drop for Served {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn a_story_becomes_a_checked_document_that_the_reader_opens_with_the_same_highlights() {
    let h = Harness::new();
    fresh_studio(&h);
    paste(&h, &seed());

    // The header comes out of the text; the suggestions are the sample's figures.
    h.wait_for("the title to be filled from the story", || {
        h.eval("document.querySelector('[data-studio-title]').value")
            == json!("Chú trọng xây dựng tổ chức Đảng trong sạch, vững mạnh")
    });
    h.wait_for("suggestions", || suggested_values(&h).len() >= 15);
    let values = suggested_values(&h);
    for v in [54.0, 33.0, 386.0, 21.0, 8000.0, 95.0, 100.0, 28.0, 6.0] {
        assert!(values.contains(&v), "{v} suggested: {values:?}");
    }
    // Each with its quote marked in its sentence.
    assert_eq!(
        h.eval("document.querySelector('[data-suggestion][data-value=\"54\"] .in-context mark').textContent"),
        json!("54 chi")
    );

    // Accept every suggestion, one button at a time, as a person would.
    let n = values.len();
    for k in 0..n {
        let css = format!("[data-suggestion]:nth-child({}) [data-accept]", k + 1);
        h.click_css(&css);
    }
    h.wait_for("every suggestion accepted", || {
        h.eval("document.querySelectorAll('[data-suggestion][data-accepted]').length") == json!(n)
    });
    assert_eq!(
        h.eval("document.querySelectorAll('.figure-row').length"),
        json!(n)
    );

    // Fix one: 54 counts units (chi bộ and đảng bộ), with the whole phrase as its label.
    let total = row_of(&h, 54.0);
    let unit = h.s.find(&format!("#fig-{total}-unit")).unwrap();
    h.eval_with("arguments[0].value = ''", vec![unit.json()]);
    unit.send_keys("đơn vị").unwrap();
    h.wait_for("the unit to be saved in the work", || {
        h.eval("JSON.parse(localStorage.getItem('article-studio/work')).figures.some(f => f.value === 54 && f.unit === 'đơn vị')")
            == json!(true)
    });
    let total_id = h
        .eval(&format!(
            "document.querySelectorAll('.figure-row')[{total}].getAttribute('data-figure-row')"
        ))
        .as_str()
        .unwrap()
        .to_string();

    // Link 33 and 21 as parts of 54: the arithmetic is checked live (no problem for it).
    for part in [33.0, 21.0] {
        let i = row_of(&h, part);
        choose(&h, &format!("#fig-{i}-part_of"), &total_id);
    }
    h.wait_for("the preview's breakdown of 54", || {
        h.eval("[...document.querySelectorAll('.preview [data-figure-card]')].length") != json!(0)
    });
    assert_eq!(
        h.s.title().unwrap(),
        "Studio · article-viewer",
        "the preview does not rename the page"
    );
    let errors = h.eval("[...document.querySelectorAll('[data-studio-problem][data-severity=error]')].map(p => p.textContent)");
    assert_eq!(errors, json!([]), "no errors left");
    h.eval("(window.scrollTo({ top: 0, behavior: 'instant' }), 1)");
    h.screenshot("studio-1280");

    // Download (to a folder of the test's own).
    let downloads = scratch("downloads");
    let allow = json!({ "behavior": "allow", "downloadPath": downloads.display().to_string() });
    if h.s
        .cdp("Browser.setDownloadBehavior", allow.clone())
        .is_err()
    {
        h.s.cdp("Page.setDownloadBehavior", allow)
            .expect("allow downloads");
    }
    h.click_css("[data-download]");
    let file = wait_for_file(&downloads);
    let (ok, report) = article_check(&file);
    assert!(ok, "article check on the download:\n{report}");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let parts = doc["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == json!(total_id))
        .map(|f| f["parts"].clone())
        .unwrap();
    assert_eq!(parts.as_array().map(Vec::len), Some(2), "{parts}");

    // Nothing went wrong on the way: no console errors, nothing the CSP refused (the
    // server sends dist/_headers, the site's one policy).
    let log = h.s.browser_log().expect("browser log");
    let bad: Vec<_> = log
        .iter()
        .filter(|e| e.level == "SEVERE" || e.message.contains("Content Security Policy"))
        .collect();
    assert!(
        bad.is_empty(),
        "console errors or CSP messages in the studio:\n{bad:#?}"
    );

    // The same highlights in the studio's preview and in the reader.
    let in_preview = highlighted(&h, ".preview");
    assert_eq!(
        in_preview.len(),
        n,
        "every accepted figure is highlighted in the preview"
    );
    let served = Served(
        e2e::dist_dir()
            .join("articles")
            .join(format!("studio-e2e-{}.json", std::process::id())),
    );
    std::fs::copy(&file, &served.0).unwrap();
    let name = served.0.file_name().unwrap().to_string_lossy().to_string();
    h.open(&format!("/?src=articles/{name}"));
    h.wait_for("the reader's highlights", || {
        !highlighted(&h, "article").is_empty()
    });
    assert_eq!(highlighted(&h, "article"), in_preview);
    h.wait_text(&format!("[data-figure-card=\"{total_id}\"]"), "54");
}

#[test]
fn the_work_survives_a_reload_and_a_broken_file_leaves_it_untouched() {
    let h = Harness::new();
    fresh_studio(&h);
    paste(&h, &seed());
    h.wait_for("suggestions", || suggested_values(&h).len() >= 15);
    h.click_css("[data-suggestion] [data-accept]");
    h.wait_for("one accepted figure", || {
        h.eval("document.querySelectorAll('.figure-row').length") == json!(1)
    });

    h.s.refresh().unwrap();
    h.wait_for("the work back after a reload", || {
        h.eval("document.querySelectorAll('.figure-row').length") == json!(1)
            && h.eval("document.querySelector('[data-studio-text]').value.length") != json!(0)
    });
    assert_eq!(
        h.eval("document.querySelectorAll('[data-suggestion][data-accepted]').length"),
        json!(1)
    );

    // Words selected in the text become a figure by hand ("năm 2015" is not suggested).
    h.eval(
        "(() => { const t = document.querySelector('[data-studio-text]'); const i = t.value.indexOf('năm 2015');
                  t.focus(); t.setSelectionRange(i, i + 'năm 2015'.length); return i; })()",
    );
    h.click_css(".story-tools button");
    h.wait_for("the figure added from the selection", || {
        h.eval("document.querySelectorAll('.figure-row').length") == json!(2)
    });
    assert_eq!(
        h.eval("document.querySelectorAll('.figure-row')[1].querySelector('input[inputmode=decimal]').value"),
        json!("2015")
    );

    // A broken JSON file: refused with the check's message; the work stays.
    let dir = scratch("broken");
    let broken = dir.join("broken.json");
    std::fs::write(
        &broken,
        "{\"format\": \"article/1\", \"id\": \"x\", \"title\": \"\"",
    )
    .unwrap();
    let input = h.s.find("input[type=file]").unwrap();
    input.send_keys(&broken.display().to_string()).unwrap();
    let notice = h.wait_el("[role=alert].notice");
    h.wait_for("the refusal", || {
        notice.text().is_ok_and(|t| t.contains("broken.json"))
    });
    assert_eq!(
        h.eval("document.querySelectorAll('.figure-row').length"),
        json!(2),
        "the work is untouched"
    );

    // A text file replaces the story.
    let story = dir.join("story.txt");
    std::fs::write(&story, "Cảng đón 48.210 lượt khách.\n").unwrap();
    h.s.find("input[type=file]")
        .unwrap()
        .send_keys(&story.display().to_string())
        .unwrap();
    h.wait_for("the text file's story", || {
        h.eval("document.querySelector('[data-studio-text]').value")
            == json!("Cảng đón 48.210 lượt khách.\n")
    });
}

#[test]
fn the_studio_is_accessible_in_both_languages_and_fits_a_phone() {
    let h = Harness::new();
    fresh_studio(&h);
    paste(&h, &seed());
    h.wait_for("suggestions", || suggested_values(&h).len() >= 15);
    h.click_css("[data-suggestion] [data-accept]");
    h.wait_el(".figure-row");
    // The keyboard alone: from the first suggestion's Reject, Tab reaches the second
    // one's Accept, and Enter accepts it.
    h.eval("document.querySelector('[data-suggestion]:nth-child(1) [data-reject]').focus()");
    h.s.press(&[e2e::keys::TAB]).unwrap();
    assert_eq!(
        h.eval("document.activeElement.matches('[data-suggestion]:nth-child(2) [data-accept]')"),
        json!(true)
    );
    h.s.press(&[e2e::keys::ENTER]).unwrap();
    h.wait_for("the second suggestion accepted from the keyboard", || {
        h.eval("document.querySelector('[data-suggestion]:nth-child(2)').hasAttribute('data-accepted')") == json!(true)
    });
    let violations = h.axe();
    assert!(
        violations.is_empty(),
        "axe-core on the studio:\n{}",
        format_violations("studio", &violations)
    );

    // English UI: the same page in the other language, problems included.
    h.click_css(".lang-switch");
    h.wait_for("the English UI", || {
        h.eval("document.documentElement.lang") == json!("en")
    });
    h.wait_text("h2", "Story");
    assert!(h
        .eval("document.body.innerText")
        .as_str()
        .unwrap()
        .contains("Suggested figures"));

    h.s.set_window_size(390, 844).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(
        h.eval("document.documentElement.scrollWidth <= window.innerWidth"),
        json!(true),
        "no sideways scrolling at 390 px"
    );
    h.screenshot("studio-390");
    // Back to Vietnamese for the tests after this one.
    h.click_css(".lang-switch");
}
