//! End-to-end tests of the built reader (`dist/`) in headless Chromium.
//!
//! Each test gets its own static server (with the `/faults/` area), chromedriver and
//! browser session (see [`e2e::Harness`]), so tests are independent; run them with
//! `--test-threads=1` (`scripts/e2e.sh`) to keep the two cores for the browser.
//! Every wait polls a condition; the only fixed-length wait is [`holds_for`], used to show
//! that something does *not* happen.
use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use e2e::{article_json, format_violations, holds_for, keys, Harness, Server};
use serde_json::{json, Value};

const VI: &str = "cam-pha-2016-11-29";
const EN: &str = "harbour-2024-03-04";
/// The article with a corrected figure and its sources.
const FERRY: &str = "ferry-2024-05-02";
/// Every label the Retry button may carry (Vietnamese and English UI).
const RETRY_LABELS: [&str; 2] = ["Thử lại", "Retry"];

fn title_of(id: &str) -> String {
    article_json(id)["title"]
        .as_str()
        .expect("title")
        .to_string()
}

/// Figure ids of an article, in document order.
fn figure_ids(doc: &Value) -> Vec<String> {
    doc["figures"]
        .as_array()
        .expect("figures")
        .iter()
        .map(|f| f["id"].as_str().expect("id").to_string())
        .collect()
}

/// Figure ids that have at least one mention.
fn mentioned_ids(doc: &Value) -> Vec<String> {
    doc["figures"]
        .as_array()
        .expect("figures")
        .iter()
        .filter(|f| f["mentions"].as_array().is_some_and(|m| !m.is_empty()))
        .map(|f| f["id"].as_str().expect("id").to_string())
        .collect()
}

/// Open an article by id and wait until its title and highlights are on screen (on a
/// static page: until the reader has taken it over).
fn open_article(h: &Harness, path: &str, id: &str) {
    h.open(path);
    let title = title_of(id);
    h.wait_for(&format!("the h1 to read {title:?}"), || h.h1() == title);
    h.wait_el("[data-figure]");
    h.wait_for("the reader to take the static page over", || {
        !h.s.exists("#static-page") && h.s.exists(".search-count")
    });
}

/// The two ways a reader reaches an article: the reader's own address, and the static
/// page `article site` wrote (which the wasm takes over). Reader tests run on both.
fn reader_paths(id: &str) -> [String; 2] {
    [format!("?article={id}"), format!("articles/{id}/")]
}

/// Ids of the figure(s) whose highlights or card carry `aria-current="true"`.
fn current_figures(h: &Harness) -> BTreeSet<String> {
    let v = h.eval(
        "[...document.querySelectorAll('[aria-current=\"true\"]')].flatMap(e =>
            e.hasAttribute('data-figure-card') ? [e.getAttribute('data-figure-card')]
            : (e.getAttribute('data-figure') || '?').split(/\\s+/))",
    );
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|x| x.as_str().map(str::to_string))
        .collect()
}

/// Whether `id` is fully selected: every highlight of it and its card are current, and
/// the details panel shows it.
fn is_selected(h: &Harness, id: &str) -> bool {
    h.eval_with(include_str!("../js/is-selected.js"), vec![json!(id)])
        .as_bool()
        == Some(true)
}

fn wait_selected(h: &Harness, id: &str) {
    h.wait_for(
        &format!(
            "figure {id:?} to be selected (aria-current on its marks and card, details shown)"
        ),
        || is_selected(h, id),
    );
    let current = current_figures(h);
    // A highlight run can belong to several figures; only runs of `id` may be current.
    let stray: Vec<_> = h
        .eval_with(
            "[...document.querySelectorAll('[aria-current=\"true\"]')].filter(e =>
                e.hasAttribute('data-figure-card') ? e.getAttribute('data-figure-card') !== arguments[0]
                : !(e.getAttribute('data-figure') || '').split(/\\s+/).includes(arguments[0])).map(e => e.outerHTML.slice(0, 120))",
            vec![json!(id)],
        )
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(
        stray.is_empty(),
        "only {id:?} should be current, but also: {stray:?} (current ids: {current:?})"
    );
}

fn nothing_selected(h: &Harness) -> bool {
    h.eval("document.querySelectorAll('[aria-current=\"true\"]').length === 0 && !document.querySelector('[data-figure-details]')")
        .as_bool()
        == Some(true)
}

// ------------------------------------------------------------------------------ catalog

#[test]
fn catalog_lists_the_shipped_articles_and_history_moves_between_them() {
    let h = Harness::new();
    h.open("/");
    let index: Value = serde_json::from_str(
        &std::fs::read_to_string(e2e::workspace_root().join("public/articles/index.json"))
            .expect("index.json"),
    )
    .expect("index.json parses");
    let expected: BTreeMap<String, String> = index["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .map(|a| {
            (
                a["id"].as_str().unwrap().to_string(),
                a["title"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(expected.len(), 3, "three shipped articles");
    let links = || -> BTreeMap<String, String> {
        let v = h.eval(
            "[...document.querySelectorAll('a[href]')].map(a => [new URL(a.href).searchParams.get('article'), a.textContent.trim()])
                .filter(([id]) => id)",
        );
        v.as_array()
            .into_iter()
            .flatten()
            .map(|p| {
                (
                    p[0].as_str().unwrap_or_default().to_string(),
                    p[1].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect()
    };
    h.wait_for(
        "the catalog to link every shipped article by its title",
        || links() == expected,
    );
    h.screenshot("catalog");

    let history_before = h.eval("history.length").as_i64().unwrap();
    h.click_css(&format!("a[href$=\"article={VI}\"]"));
    h.wait_for("the URL to name the Vietnamese article", || {
        h.s.current_url()
            .is_ok_and(|u| u.contains(&format!("?article={VI}")))
    });
    let title = &expected[VI];
    h.wait_for("the article's h1", || &h.h1() == title);
    h.wait_for("document.title to be the article title", || {
        h.s.title().is_ok_and(|t| &t == title)
    });
    assert_eq!(
        h.eval("document.querySelector('h1').closest('article').getAttribute('lang')"),
        json!("vi"),
        "the article element is marked as Vietnamese"
    );
    assert_eq!(
        h.eval("history.length").as_i64().unwrap(),
        history_before + 1,
        "opening an article is one history entry"
    );

    h.s.back().unwrap();
    h.wait_for("Back to return to the catalog", || {
        h.s.current_url().is_ok_and(|u| !u.contains("article=")) && links() == expected
    });
    assert_ne!(&h.h1(), title, "the catalog is not the article");
    h.s.forward().unwrap();
    h.wait_for("Forward to return to the article", || {
        &h.h1() == title && h.s.current_url().is_ok_and(|u| u.contains(VI))
    });

    // The UI follows an English article, and returns to Vietnamese on the catalog.
    h.s.back().unwrap();
    h.wait_for("Back to the catalog again", || links() == expected);
    let ui_lang = || h.eval("document.documentElement.lang");
    h.click_css(&format!("a[href$=\"article={EN}\"]"));
    let en_title = &expected[EN];
    h.wait_for("the English article", || &h.h1() == en_title);
    h.wait_for("the UI to follow the English article", || {
        ui_lang() == json!("en")
    });
    h.s.back().unwrap();
    h.wait_for("Back to the catalog from the English article", || {
        links() == expected
    });
    h.wait_for("the catalog's UI to be Vietnamese again", || {
        ui_lang() == json!("vi")
    });
    assert_eq!(
        h.eval("document.querySelectorAll('.alert.panic').length"),
        json!(0),
        "no panic on the way"
    );
}

// ------------------------------------------------------------------------------ highlights and ledger

#[test]
fn every_mentioned_figure_is_highlighted_and_every_figure_has_a_ledger_card() {
    let h = Harness::new();
    for (id, path) in [VI, EN]
        .into_iter()
        .flat_map(|id| reader_paths(id).map(|p| (id, p)))
    {
        open_article(&h, &path, id);
        let doc = article_json(id);
        let all = figure_ids(&doc);
        let mentioned = mentioned_ids(&doc);
        let report = h.eval_with(
            include_str!("../js/marks-and-cards-report.js"),
            vec![json!(all), json!(mentioned)],
        );
        assert_eq!(
            report["missingMarks"],
            json!([]),
            "{id}: figures with mentions but no highlight"
        );
        assert_eq!(
            report["notFocusable"],
            json!([]),
            "{id}: highlights not in the tab order (tabindex 0)"
        );
        let wrong: Vec<_> = report["cardCounts"]
            .as_object()
            .unwrap()
            .iter()
            .filter(|(_, n)| n.as_i64() != Some(1))
            .collect();
        assert!(
            wrong.is_empty(),
            "{id}: every figure needs exactly one ledger card; got {wrong:?}"
        );
        assert_eq!(
            report["extraCards"],
            json!([]),
            "{id}: cards for figures the document does not have"
        );
    }
    // Spot checks on the Vietnamese sample the reader would see.
    open_article(&h, &format!("?article={VI}"), VI);
    for sel in [
        "[data-figure~=\"units\"]",
        "[data-figure~=\"households-ql18\"]",
    ] {
        assert!(h.s.exists(sel), "{sel} is highlighted");
    }
    let total =
        h.s.find("[data-figure-card=\"households-total\"]")
            .expect("card of the computed total");
    let text = total.text().unwrap();
    assert!(
        text.contains("34"),
        "the computed households-total card shows 34: {text:?}"
    );
}

#[test]
fn clicking_a_highlight_selects_its_figure_shows_details_and_writes_the_hash() {
    let h = Harness::new();
    for path in reader_paths(VI) {
        open_article(&h, &path, VI);
        h.screenshot("article-wide");
        let history_before = h.eval("history.length");
        h.click_css("[data-figure~=\"units\"]");
        wait_selected(&h, "units");
        let details = h.wait_text("[data-figure-details=\"units\"]", "54");
        let text = details.text().unwrap();
        assert!(
            text.contains("chi, đảng bộ trực thuộc Thành uỷ"),
            "details show the label: {text:?}"
        );
        assert!(
            text.contains("33 + 21 = 54 ✓"),
            "details show the checked breakdown: {text:?}"
        );
        h.wait_for("the URL hash to become #fig-units", || {
            h.eval("location.hash") == json!("#fig-units")
        });
        assert_eq!(
            h.eval("history.length"),
            history_before,
            "selection replaces the history entry instead of adding one"
        );
        h.s.move_mouse_to(2, 2).unwrap(); // close the hover popover for a clean picture
        h.wait_for("the popover to close", || !h.s.exists("[role=\"tooltip\"]"));
        h.screenshot("article-selected");

        // Selecting another figure moves the selection.
        h.click_css("[data-figure~=\"households-ql18\"]");
        wait_selected(&h, "households-ql18");
        assert!(
            !current_figures(&h).contains("units"),
            "units is no longer current"
        );
        h.wait_for("the hash to follow the selection", || {
            h.eval("location.hash") == json!("#fig-households-ql18")
        });
    }
}

#[test]
fn deep_link_selects_its_figure_on_load_and_hash_changes_follow() {
    let h = Harness::new();
    open_article(&h, &format!("?article={VI}#fig-households-ql18"), VI);
    wait_selected(&h, "households-ql18");
    h.wait_text("[data-figure-details=\"households-ql18\"]", "28");
    // Far down the article, past paragraphs not yet laid out: it still ends up in view.
    h.wait_for("the deep-linked highlight to be on screen", || {
        h.eval(
            "(() => { const r = document.querySelector('[data-mention~=\"households-ql18:0\"]').getBoundingClientRect();
                return r.top >= 0 && r.bottom <= innerHeight; })()",
        ) == json!(true)
    });

    h.s.js("location.hash = '#fig-members';").unwrap();
    wait_selected(&h, "members");
    h.wait_text("[data-figure-details=\"members\"]", "8.000");
    assert!(
        !current_figures(&h).contains("households-ql18"),
        "the deep-linked figure is no longer current"
    );
}

#[test]
fn keyboard_enter_selects_j_and_k_walk_in_reading_order_and_escape_closes_then_clears() {
    let h = Harness::new();
    for path in reader_paths(VI) {
        open_article(&h, &path, VI);
        let doc = article_json(VI);
        let all = figure_ids(&doc);
        // Reading order as the reader sees it: by first highlight in the text (ties by document
        // order), figures without highlights last.
        let order: Vec<String> = serde_json::from_value(
            h.eval_with(include_str!("../js/reading-order.js"), vec![json!(all)]),
        )
        .unwrap();
        assert!(order.len() >= 3);

        // Focus a highlight and press Enter.
        let mark = h.s.find("[data-figure~=\"disciplined\"]").unwrap();
        h.s.execute("arguments[0].focus();", vec![mark.json()])
            .unwrap();
        assert_eq!(
            h.eval("document.activeElement.getAttribute('data-figure')"),
            json!("disciplined"),
            "the highlight takes focus"
        );
        h.s.press(&[keys::ENTER]).unwrap();
        wait_selected(&h, "disciplined");

        // The focused highlight's popover closes first, and only it; the next Escape clears.
        let popover_open = || h.s.exists("#popover");
        h.wait_for("the focused highlight's popover", popover_open);
        h.s.press(&[keys::ESCAPE]).unwrap();
        h.wait_for("Escape to close the popover", || !popover_open());
        assert_eq!(
            current_figures(&h),
            BTreeSet::from(["disciplined".to_string()]),
            "closing the popover keeps the selection"
        );
        h.s.press(&[keys::ESCAPE]).unwrap();
        h.wait_for(
            "Escape to clear the selection (no aria-current, no details)",
            || nothing_selected(&h),
        );

        h.s.press(&["j"]).unwrap();
        wait_selected(&h, &order[0]);
        h.s.press(&["j"]).unwrap();
        wait_selected(&h, &order[1]);
        h.s.press(&["j"]).unwrap();
        wait_selected(&h, &order[2]);
        h.s.press(&["k"]).unwrap();
        wait_selected(&h, &order[1]);
        h.s.press(&[keys::ESCAPE, keys::ESCAPE]).unwrap();
        h.wait_for("Escape, Escape to clear the selection again", || {
            nothing_selected(&h)
        });

        // A ledger card is a button: Tab to it and press Enter or Space.
        h.eval("(document.querySelector('[data-figure-card=\"members\"]').focus(), 1)");
        h.s.press(&[keys::ENTER]).unwrap();
        wait_selected(&h, "members");
        h.eval("(document.querySelector('[data-figure-card=\"wards\"]').focus(), 1)");
        h.s.press(&[" "]).unwrap();
        wait_selected(&h, "wards");
    }
}

#[test]
fn a_figure_with_several_mentions_walks_through_them() {
    let h = Harness::new();
    for path in reader_paths(VI) {
        open_article(&h, &path, VI);
        let mentions = article_json(VI)["figures"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["id"] == "term")
            .unwrap()["mentions"]
            .as_array()
            .unwrap()
            .len();
        assert_eq!(mentions, 4);
        h.click_css("[data-figure~=\"term\"]");
        wait_selected(&h, "term");
        h.wait_text("[data-figure-details=\"term\"]", "1 / 4");
        h.click_css("[data-figure-details=\"term\"] button.next");
        h.wait_text("[data-figure-details=\"term\"]", "2 / 4");
        h.click_css("[data-figure-details=\"term\"] button.prev");
        h.wait_text("[data-figure-details=\"term\"]", "1 / 4");
        // Clicking the third mention in the text says so.
        let third = h.s.find_all("[data-figure~=\"term\"]").unwrap();
        assert!(
            third.len() >= 4,
            "four highlighted mentions of term, got {}",
            third.len()
        );
        h.click(&third[2]);
        h.wait_text("[data-figure-details=\"term\"]", "3 / 4");
    }
}

#[test]
fn hovering_a_highlight_opens_a_popover_with_the_value() {
    let h = Harness::new();
    for path in reader_paths(VI) {
        open_article(&h, &path, VI);
        let mark = h.s.find("[data-figure~=\"units\"]").unwrap();
        h.hover(&mark);
        let tip = h.wait_text("[role=\"tooltip\"]", "54 đơn vị");
        assert!(tip.displayed().unwrap(), "the popover is visible");
        assert_eq!(
            mark.attr("aria-expanded").unwrap().as_deref(),
            Some("true"),
            "the hovered highlight is expanded"
        );
        h.screenshot("article-popover");
        h.s.move_mouse_to(2, 2).unwrap();
        h.wait_for("the popover to close when the pointer leaves", || {
            !h.s.exists("[role=\"tooltip\"]")
        });
        assert_eq!(
            mark.attr("aria-expanded").unwrap().as_deref(),
            Some("false")
        );
    }
}

#[test]
fn unchecking_a_category_dims_its_highlights() {
    let h = Harness::new();
    for path in reader_paths(VI) {
        open_article(&h, &path, VI);
        let doc = article_json(VI);
        let org_label = doc["categories"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == "org")
            .expect("category org")["label"]
            .as_str()
            .unwrap()
            .to_string();
        let org: Vec<String> = doc["figures"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["category"] == "org")
            .map(|f| f["id"].as_str().unwrap().to_string())
            .collect();
        let checkbox = h
        .s
        .execute(
            "return [...document.querySelectorAll('label')].filter(l => l.textContent.trim() === arguments[0])
                .map(l => l.querySelector('input[type=checkbox]') || (l.control && l.control.type === 'checkbox' ? l.control : null))
                .find(Boolean) || null;",
            vec![json!(org_label)],
        )
        .unwrap();
        assert!(
            checkbox.is_object(),
            "a checkbox labelled {org_label:?} in the legend"
        );
        let checkbox = h.s.element(&checkbox).unwrap();
        assert_eq!(
            checkbox.property("checked").unwrap(),
            json!(true),
            "categories start shown"
        );
        // For each highlight: is its (primary) figure in `org`, and is it dimmed?
        let dims = || -> Vec<(bool, bool)> {
            let v = h.eval_with(
            "[...document.querySelectorAll('[data-figure]')].map(m => [
                arguments[0].includes(m.getAttribute('data-primary') || m.getAttribute('data-figure').split(/\\s+/)[0]),
                m.classList.contains('dim')])",
            vec![json!(org)],
        );
            serde_json::from_value(v).unwrap()
        };
        assert!(
            dims().iter().all(|&(_, dim)| !dim),
            "nothing is dimmed at first"
        );
        h.click(&checkbox);
        h.wait_for("org highlights to be dimmed and the others not", || {
            let d = dims();
            d.iter().any(|&(org, _)| org) && d.iter().all(|&(org, dim)| org == dim)
        });
        h.click(&checkbox);
        h.wait_for("re-checking to undim them", || {
            dims().iter().all(|&(_, dim)| !dim)
        });
    }
}

#[test]
fn on_a_narrow_screen_the_ledger_is_a_bottom_sheet_that_opens() {
    let h = Harness::new();
    h.s.set_window_size(400, 800).unwrap();
    for path in reader_paths(VI) {
        open_article(&h, &path, VI);
        assert!(
            h.eval("innerWidth").as_i64().unwrap() <= 420,
            "the viewport is narrow"
        );
        let toggle =
            h.s.find("aside button[aria-expanded]")
                .expect("a sheet toggle button in the ledger");
        assert!(toggle.displayed().unwrap(), "the toggle is visible");
        assert_eq!(
            toggle.attr("aria-expanded").unwrap().as_deref(),
            Some("false"),
            "the sheet starts collapsed"
        );
        let card = h.s.find("[data-figure-card=\"units\"]").unwrap();
        assert!(
            !card.displayed().unwrap(),
            "cards are hidden while the sheet is collapsed"
        );
        let bottom = h
            .eval_with(
                "arguments[0].getBoundingClientRect().bottom / innerHeight",
                vec![toggle.json()],
            )
            .as_f64()
            .unwrap();
        assert!(bottom > 0.9, "the collapsed sheet sits at the bottom of the screen (toggle bottom at {bottom:.2} of the height)");
        h.screenshot("narrow-sheet-closed");
        h.click(&toggle);
        h.wait_for("the sheet to open and show the cards", || {
            toggle.attr("aria-expanded").ok().flatten().as_deref() == Some("true")
                && card.displayed().unwrap_or(false)
        });
        h.screenshot("narrow-sheet-open");
    }
}

// ------------------------------------------------------------------------------ broken documents

/// Open a fault, wait for the alert, check URL, message and Retry; return the alert text.
fn expect_alert(h: &Harness, path: &str, url_part: &str, needles: &[&str]) -> String {
    alert_for(h, path, url_part, needles, true)
}

/// [`expect_alert`] for a failure that asking again cannot fix: no Retry button.
fn expect_final_alert(h: &Harness, path: &str, url_part: &str, needles: &[&str]) -> String {
    alert_for(h, path, url_part, needles, false)
}

fn alert_for(h: &Harness, path: &str, url_part: &str, needles: &[&str], retry: bool) -> String {
    h.open(path);
    let alert = h.wait_el("[role=\"alert\"]");
    let mut text = String::new();
    h.wait_for(
        &format!("the alert for {path} to name {url_part:?} and say {needles:?}"),
        || {
            text = alert.text().unwrap_or_default();
            text.contains(url_part) && needles.iter().all(|n| text.contains(n))
        },
    );
    let buttons = alert.find_all("button").unwrap();
    if retry {
        let retry = buttons.into_iter().find(|b| {
            let t = b.text().unwrap_or_default();
            RETRY_LABELS.iter().any(|l| t.trim() == *l)
        });
        let retry = retry.unwrap_or_else(|| panic!("a Retry button in the alert: {text:?}"));
        assert!(retry.displayed().unwrap(), "Retry is visible");
    } else {
        assert!(
            buttons.is_empty(),
            "no Retry where asking again cannot help: {text:?}"
        );
    }
    assert!(
        !h.s.exists("[data-figure]"),
        "no article is shown under the alert"
    );
    text
}

#[test]
fn a_missing_document_explains_http_404_with_retry() {
    let h = Harness::new();
    expect_alert(&h, "?src=faults/404.json", "/faults/404.json", &["404"]);
}

#[test]
fn a_server_error_explains_http_500_with_retry() {
    let h = Harness::new();
    expect_alert(&h, "?src=faults/500.json", "/faults/500.json", &["500"]);
}

#[test]
fn an_html_page_instead_of_json_is_explained_as_a_web_page() {
    let h = Harness::new();
    // A parking page served as HTML, an error page served as JSON, an XML error: the
    // reader says what came instead of the article, not that the JSON has a typo.
    for (fault, needle) in [
        ("html", "trang web (HTML)"),
        ("html-as-json", "trang web (HTML)"),
        ("xml", "định dạng khác"),
    ] {
        let text = expect_alert(
            &h,
            &format!("?src=faults/{fault}.json"),
            &format!("/faults/{fault}.json"),
            &["Máy chủ trả về một trang web thay vì bài viết", needle],
        );
        for wrong in ["HTTP", "cú pháp", "$ (1:1)", "article check"] {
            assert!(!text.contains(wrong), "{fault}: {wrong:?} in {text:?}");
        }
        assert_eq!(
            h.eval("document.querySelector('[role=alert]').dataset.error"),
            json!("not-json")
        );
    }
}

#[test]
fn a_schema_error_is_explained_with_its_json_path() {
    let h = Harness::new();
    expect_final_alert(
        &h,
        "?src=faults/invalid.json",
        "/faults/invalid.json",
        &["$.figures"],
    );
    h.screenshot("error-invalid");
}

#[test]
fn a_document_over_the_size_limit_is_refused_from_its_headers() {
    let h = Harness::new();
    let start = std::time::Instant::now();
    let text = expect_final_alert(
        &h,
        "?src=faults/huge.json",
        "/faults/huge.json",
        &["52428800"],
    );
    assert!(
        text.contains("16777216"),
        "the alert names the limit: {text:?}"
    );
    // Refused from the Content-Length, without reading 50 MB first.
    assert!(
        start.elapsed() < std::time::Duration::from_secs(8),
        "took {:?}",
        start.elapsed()
    );
}

#[test]
fn a_truncated_response_is_reported_not_rendered() {
    let h = Harness::new();
    let text = expect_alert(
        &h,
        "?src=faults/truncated.json",
        "/faults/truncated.json",
        &[],
    );
    // Half a body then a closed socket is a failed transfer, not a short document, and
    // the alert says how far it got.
    let size = std::fs::read(e2e::dist_dir().join(e2e::server::SAMPLE_ARTICLE))
        .unwrap()
        .len();
    let got = format!(
        "{} / {} kB",
        (size / 2) as f64 / 1000.0,
        size as f64 / 1000.0
    );
    assert!(
        text.contains("Tải tài liệu bị ngắt giữa chừng")
            && text.contains("Kết nối bị đóng khi mới nhận được"),
        "the alert says the download broke off: {text:?} ({got})"
    );
    assert!(text.contains(" kB"), "with the sizes: {text:?}");
}

#[test]
fn retry_recovers_once_the_server_is_healthy_again() {
    let h = Harness::new();
    expect_alert(&h, "?src=faults/flaky.json", "/faults/flaky.json", &["503"]);
    let before = h.server.hits("/faults/flaky.json");
    h.server.set_healthy(true);
    let retry = h.s.find("[role=\"alert\"] button").unwrap();
    h.click(&retry);
    h.wait_for("Retry to ask the server again", || {
        h.server.hits("/faults/flaky.json") > before
    });
    let title = title_of(VI);
    h.wait_for("the article to render after Retry", || h.h1() == title);
    h.wait_for("the alert to go away", || !h.s.exists("[role=\"alert\"]"));
    assert!(
        h.s.exists("[data-figure~=\"units\"]"),
        "the recovered article has its highlights"
    );
}

#[test]
fn a_document_from_another_origin_is_refused_without_a_request() {
    let h = Harness::new();
    expect_final_alert(
        &h,
        "?src=https://example.com/x.json",
        "https://example.com/x.json",
        &["example.com"],
    );
    let fetched = h.eval("performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('example.com'))");
    assert_eq!(fetched, json!([]), "no request went to example.com");

    // Another local origin (a second server on another port) must not see a request either.
    let other = Server::start(e2e::dist_dir()).unwrap();
    other.set_healthy(true);
    let url = other.url("faults/flaky.json");
    expect_final_alert(&h, &format!("?src={url}"), &url, &[]);
    assert!(
        holds_for(Duration::from_millis(500), || other.requests().is_empty()),
        "the other origin received {:?}",
        other.requests()
    );
}

#[test]
fn a_slow_response_does_not_replace_the_article_opened_after_it() {
    let h = Harness::new();
    // Hold the slow response back until the harbour article is on screen, then release it.
    h.server.set_slow_delay(Duration::from_secs(60));
    h.open("?src=faults/slow.json");
    h.wait_for("the slow request to reach the server", || {
        h.server.hits("/faults/slow.json") == 1
    });
    assert!(
        !h.s.exists("[data-figure]"),
        "nothing rendered before the slow response"
    );
    // Leave in-app (no page load: a marker on window survives), then open the harbour article.
    h.s.js("window.__e2eMarker = 'same page';").unwrap();
    let back = h
        .s
        .execute(
            "return [...document.querySelectorAll('a[href]')].find(a => { const u = new URL(a.href);
                 return u.origin === location.origin && !u.search && u.pathname === location.pathname; }) || null;",
            vec![],
        )
        .unwrap();
    assert!(
        back.is_object(),
        "a link back to the catalog while loading\n{}",
        h.describe()
    );
    let back = h.s.element(&back).unwrap();
    h.click(&back);
    let harbour = h.wait_el(&format!("a[href$=\"article={EN}\"]"));
    h.click(&harbour);
    let title = title_of(EN);
    h.wait_for("the harbour article to render", || h.h1() == title);
    assert_eq!(
        h.eval("window.__e2eMarker"),
        json!("same page"),
        "navigation stayed in the app"
    );
    assert_eq!(
        h.server.slow_responses_due(),
        0,
        "the slow response is still held back"
    );

    h.server.set_slow_delay(Duration::ZERO);
    h.wait_for("the slow response to be released", || {
        h.server.slow_responses_due() == 1
    });
    let vi_title = title_of(VI);
    assert!(
        holds_for(Duration::from_millis(1500), || {
            h.h1() == title
                && h.s.title().is_ok_and(|t| t == title)
                && h.eval_with(
                    "document.body.innerText.includes(arguments[0])",
                    vec![json!(vi_title)],
                ) == json!(false)
        }),
        "the late slow response replaced the harbour article\n{}",
        h.describe()
    );

    // Control: left alone, the slow document does render (so the above is not vacuous).
    h.server.set_slow_delay(Duration::from_millis(300));
    open_article(&h, "?src=faults/slow.json", VI);
}

#[test]
fn a_request_that_never_answers_shows_loading_and_the_reader_can_leave() {
    let h = Harness::new();
    h.open("?src=faults/hang.json");
    h.wait_for("the request to reach the server", || {
        h.server.hits("/faults/hang.json") == 1
    });
    h.wait_for("a visible busy placeholder", || {
        h.eval("[...document.querySelectorAll('[aria-busy=\"true\"]')].some(e => e.getClientRects().length > 0)") == json!(true)
    });
    assert!(!h.s.exists("[role=\"alert\"]") && !h.s.exists("[data-figure]"));
    h.s.goto(&h.server.url(&format!("?article={EN}"))).unwrap();
    let title = title_of(EN);
    h.wait_for("another article to open", || h.h1() == title);
}

// ------------------------------------------------------------------------------ console and CSP

#[test]
fn pages_load_without_console_errors_or_csp_violations() {
    let h = Harness::new();
    let csp = h
        .server
        .global_headers()
        .into_iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-security-policy"));
    match &csp {
        Some((_, policy)) => eprintln!("CSP enforced from dist/_headers: {policy}"),
        None => eprintln!("note: dist/_headers has no Content-Security-Policy; CSP is not enforced by the test server"),
    }
    h.open("/");
    h.wait_el(&format!("a[href$=\"article={VI}\"]"));
    open_article(&h, &format!("?article={VI}"), VI);
    h.click_css("[data-figure~=\"units\"]");
    wait_selected(&h, "units");
    let mark = h.s.find("[data-figure~=\"members\"]").unwrap();
    h.hover(&mark);
    h.wait_el("[role=\"tooltip\"]");
    open_article(&h, &format!("?article={EN}"), EN);
    h.click_css("[data-figure~=\"berths\"]");
    wait_selected(&h, "berths");
    let log = h.s.browser_log().expect("browser log");
    let severe: Vec<_> = log
        .iter()
        .filter(|e| e.level == "SEVERE" && !e.message.contains("favicon.ico"))
        .collect();
    let csp_msgs: Vec<_> = log
        .iter()
        .filter(|e| e.message.contains("Content Security Policy"))
        .collect();
    assert!(severe.is_empty(), "console errors:\n{severe:#?}");
    assert!(csp_msgs.is_empty(), "CSP messages:\n{csp_msgs:#?}");

    if csp.is_some() {
        // Control: the policy really is in force, so the silence above means something.
        let ran = h
            .s
            .execute_async(
                "const done = arguments[0];
                 document.addEventListener('securitypolicyviolation', () => done('blocked'), { once: true });
                 const s = document.createElement('script');
                 s.textContent = 'window.__e2eInline = 1;';
                 document.body.appendChild(s);
                 setTimeout(() => done(window.__e2eInline === 1 ? 'ran' : 'silent'), 2000);",
                vec![],
            )
            .unwrap();
        assert_eq!(
            ran,
            json!("blocked"),
            "an injected inline script is blocked by the CSP"
        );
    }
}

// ------------------------------------------------------------------------------ accessibility

/// An axe-core violation that is a known app bug (reported, not yet fixed): the rule and a
/// substring of the failing node's CSS target. Every entry is a TODO for the app.
struct Known {
    rule: &'static str,
    target: &'static str,
}

/// Assert that axe-core finds nothing on the page except the `known` app bugs (each node
/// of a violation must be covered by a known entry; anything else fails the test).
fn assert_axe(h: &Harness, page: &str, known: &[Known]) {
    let violations = h.axe();
    let mut unexpected = Vec::new();
    let mut tolerated = Vec::new();
    for v in &violations {
        let (ok, bad): (Vec<_>, Vec<_>) = v.nodes.iter().cloned().partition(|(target, _, _)| {
            known
                .iter()
                .any(|k| k.rule == v.id && target.contains(k.target))
        });
        if !ok.is_empty() {
            tolerated.push(e2e::AxeViolation {
                nodes: ok,
                ..v.clone()
            });
        }
        if !bad.is_empty() {
            unexpected.push(e2e::AxeViolation {
                nodes: bad,
                ..v.clone()
            });
        }
    }
    if !tolerated.is_empty() {
        eprintln!(
            "KNOWN app accessibility bugs (TODO, tolerated):\n{}",
            format_violations(page, &tolerated)
        );
    }
    for k in known {
        if !tolerated
            .iter()
            .any(|v| v.id == k.rule && v.nodes.iter().any(|(t, _, _)| t.contains(k.target)))
        {
            eprintln!("[{page}] known issue {} on {:?} is no longer reported: remove it from the test's list", k.rule, k.target);
        }
    }
    let report = format_violations(page, &unexpected);
    assert!(
        unexpected.is_empty(),
        "axe-core found {} violation(s) on {page}:\n{report}",
        unexpected.len()
    );
}

fn assert_no_axe_violations(h: &Harness, page: &str) {
    assert_axe(h, page, &[]);
}

#[test]
fn axe_catalog() {
    let h = Harness::new();
    h.open("/");
    h.wait_el(&format!("a[href$=\"article={VI}\"]"));
    assert_no_axe_violations(&h, "catalog");
}

#[test]
fn axe_article() {
    let h = Harness::new();
    open_article(&h, &format!("?article={VI}"), VI);
    assert_no_axe_violations(&h, "article (light)");
    open_article(&h, &format!("?article={EN}"), EN);
    assert_no_axe_violations(&h, "English article (light)");
}

#[test]
fn axe_article_dark_mode() {
    // `--force-dark-mode` makes Chromium report `prefers-color-scheme: dark`.
    let h = Harness::with_args(&["--force-dark-mode"]);
    open_article(&h, &format!("?article={VI}"), VI);
    assert_eq!(
        h.eval("matchMedia('(prefers-color-scheme: dark)').matches"),
        json!(true),
        "dark mode is emulated"
    );
    let bg = h.eval("getComputedStyle(document.body).backgroundColor");
    let light = h.eval("(() => { const m = bg => bg.match(/\\d+/g).slice(0, 3).map(Number).reduce((a, b) => a + b, 0); return m(getComputedStyle(document.body).backgroundColor) > 3 * 128; })()");
    assert_eq!(
        light,
        json!(false),
        "the page switched to its dark theme (body background {bg})"
    );
    h.screenshot("article-dark");
    assert_no_axe_violations(&h, "article (dark)");
    h.click_css("[data-figure~=\"units\"]");
    wait_selected(&h, "units");
    // (The click leaves the pointer on the highlight, so its popover is open.)
    assert_no_axe_violations(&h, "article with a selected figure (dark)");
}

#[test]
fn axe_selected_figure_and_popover() {
    let h = Harness::new();
    for path in reader_paths(VI) {
        open_article(&h, &path, VI);
        h.click_css("[data-figure~=\"units\"]");
        wait_selected(&h, "units");
        let mark = h.s.find("[data-figure~=\"term\"]").unwrap();
        h.hover(&mark);
        h.wait_el("[role=\"tooltip\"]");
        assert_no_axe_violations(&h, "article with a selected figure and an open popover");
    }
}

#[test]
fn axe_error_page() {
    let h = Harness::new();
    expect_final_alert(
        &h,
        "?src=faults/invalid.json",
        "/faults/invalid.json",
        &["$.figures"],
    );
    assert_no_axe_violations(&h, "error (invalid document)");
    expect_alert(&h, "?src=faults/404.json", "/faults/404.json", &["404"]);
    assert_no_axe_violations(&h, "error (HTTP 404)");
    expect_final_alert(
        &h,
        "?src=https://example.com/x.json",
        "https://example.com/x.json",
        &[],
    );
    assert_no_axe_violations(&h, "error (refused origin)");
}

#[test]
fn the_built_site_works_from_a_sub_path_of_a_plain_static_host() {
    // https://host/news/viewer/ on a server with no rewrite rules: the site is a folder there.
    let root = std::env::temp_dir().join(format!("e2e-subpath-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("news")).unwrap();
    let dist = std::fs::canonicalize(e2e::dist_dir()).unwrap();
    std::os::unix::fs::symlink(&dist, root.join("news/viewer")).unwrap();
    let h = Harness::serving(&root, &[]);
    h.open("/news/viewer/");
    h.wait_el(&format!("a[href$=\"article={VI}\"]"));
    h.click_css(&format!("a[href$=\"article={VI}\"]"));
    h.wait_el("[data-figure~=\"units\"]");
    let url = h.s.current_url().unwrap();
    assert!(
        url.starts_with(&h.server.url(&format!("/news/viewer/?article={VI}"))),
        "the article opens under the sub-path: {url}"
    );
    // The brand link leads back to the catalog at the sub-path, not the host's root.
    h.click_css("a.brand");
    h.wait_el(&format!("a[href$=\"article={EN}\"]"));
    let requests = h.server.requests();
    let outside: Vec<&String> = requests
        .iter()
        .filter(|p| !p.starts_with("/news/viewer/") && p.as_str() != "/favicon.ico")
        .collect();
    assert!(
        outside.is_empty(),
        "requests outside the sub-path: {outside:?}"
    );
    let _ = std::fs::remove_dir_all(&root);
}

/// Whether the element saved under `name` by [`watch_release`] has been garbage-collected.
fn released(h: &Harness, name: &str) -> bool {
    // Twice, a moment apart: a closed screen's effects end a task after it is replaced.
    for _ in 0..2 {
        std::thread::sleep(std::time::Duration::from_millis(200));
        h.s.cdp("HeapProfiler.collectGarbage", json!({})).unwrap();
    }
    h.eval(&format!("window.__released.{name}.deref() === undefined")) == json!(true)
}

/// Keep a weak reference to the first element matching `css`. Only through scripts: an
/// element WebDriver has handed out stays referenced for the whole session.
fn watch_release(h: &Harness, name: &str, css: &str) {
    let found = h.eval_with(
        "(() => { const [name, css] = arguments; const el = document.querySelector(css);
            if (!el) return false;
            window.__released = window.__released || {};
            window.__released[name] = new WeakRef(el);
            return true; })()",
        vec![json!(name), json!(css)],
    );
    assert_eq!(found, json!(true), "nothing matches {css}");
}

#[test]
fn a_closed_screen_is_released_from_memory() {
    let h = Harness::new();
    h.open("/");
    let has = |css: &str| {
        h.eval_with("!!document.querySelector(arguments[0])", vec![json!(css)]) == json!(true)
    };
    h.wait_for("the catalog", || has("ul.entries a"));
    watch_release(&h, "catalog", "ul.entries");
    // Navigate as a link would, without WebDriver touching the catalog's elements.
    h.eval(&format!("(history.pushState(null, '', '?article={EN}'), dispatchEvent(new PopStateEvent('popstate')), 1)"));
    h.wait_for("the article's highlights", || has("article [data-figure]"));
    assert!(
        released(&h, "catalog"),
        "the closed catalog's DOM is still referenced"
    );

    watch_release(&h, "article", "article");
    h.s.back().unwrap();
    h.wait_for("the catalog again", || has("ul.entries a"));
    assert!(
        released(&h, "article"),
        "the closed article's DOM is still referenced"
    );
}

/// The built site with `<meta name="article-viewer-timeout" content="MS">` added, as a
/// publisher would set it: everything linked from `dist/` but a rewritten `index.html`.
fn site_with_timeout(ms: u32) -> std::path::PathBuf {
    let root = std::env::temp_dir().join(format!("e2e-timeout-{}-{ms}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).unwrap();
    let dist = std::fs::canonicalize(e2e::dist_dir()).unwrap();
    for entry in std::fs::read_dir(&dist).unwrap() {
        let entry = entry.unwrap();
        if entry.file_name() != "index.html" {
            std::os::unix::fs::symlink(entry.path(), root.join(entry.file_name())).unwrap();
        }
    }
    let html = std::fs::read_to_string(dist.join("index.html")).unwrap();
    let meta = format!("<meta name=\"article-viewer-timeout\" content=\"{ms}\">");
    assert!(html.contains("<head>"), "index.html has a <head>");
    std::fs::write(
        root.join("index.html"),
        html.replacen("<head>", &format!("<head>\n  {meta}"), 1),
    )
    .unwrap();
    root
}

#[test]
fn a_request_without_progress_times_out_with_retry_but_a_slow_steady_one_does_not() {
    let root = site_with_timeout(1000);
    let h = Harness::serving(&root, &[]);
    // No response at all, then a body that stops half-way: each gives up after the
    // publisher's 1 s (the default is 15 s), with Retry.
    for (fault, says) in [
        // Nothing at all, then half the body: "nothing received" only for the first.
        ("hang", "Không nhận được dữ liệu nào trong 1 s"),
        ("stall", "sau đó không nhận thêm được gì trong 1 s"),
    ] {
        let started = std::time::Instant::now();
        let text = expect_alert(
            &h,
            &format!("?src=faults/{fault}.json"),
            &format!("/faults/{fault}.json"),
            &[says],
        );
        if fault == "stall" {
            assert!(
                text.contains("Tải tài liệu bị dừng giữa chừng")
                    && text.contains("Đã nhận ")
                    && text.contains(" kB")
                    && !text.contains("Không nhận được dữ liệu nào"),
                "a stall after some bytes says how much arrived: {text}"
            );
        }
        let waited = started.elapsed();
        assert!(
            waited >= Duration::from_millis(900) && waited < Duration::from_secs(8),
            "{fault}: alert after {waited:?}: {text}"
        );
    }
    // Two seconds in eight parts, never more than 250 ms apart: the timeout counts silence,
    // not the whole download, so this one arrives; meanwhile the skeleton shows how far.
    h.open("?src=faults/trickle.json");
    let mut seen = Value::Null;
    h.wait_for("download progress in the placeholder", || {
        seen = h.eval(
            "(() => { const p = document.querySelector('.skeleton progress');
                return p && p.max > 0 && p.value > 0 && p.value < p.max
                    ? [p.value, p.max, p.parentElement.textContent.trim()] : null; })()",
        );
        !seen.is_null()
    });
    h.screenshot("download-progress");
    let shown = seen[2].as_str().unwrap_or_default().to_string();
    assert!(
        shown.ends_with(" kB") && shown.contains(" / "),
        "progress text: {shown:?}"
    );
    h.wait_for("the trickled article", || h.h1() == title_of(VI));
    assert!(
        !h.s.exists("[role=\"alert\"]"),
        "no timeout for a steady download"
    );
    assert!(!h.s.exists(".skeleton"), "the placeholder is gone");
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn a_document_over_the_size_limit_without_a_length_is_refused_while_downloading() {
    let h = Harness::new();
    let start = std::time::Instant::now();
    let text = expect_final_alert(
        &h,
        "?src=faults/huge-unannounced.json",
        "/faults/huge-unannounced.json",
        &["16777216"],
    );
    assert!(
        start.elapsed() < std::time::Duration::from_secs(8),
        "took {:?}: {text}",
        start.elapsed()
    );
    // Counted while reading and aborted past the limit, rather than read to the end.
    h.wait_for("the server to notice the reader hung up", || {
        let sent = h.server.unannounced_bytes_sent();
        std::thread::sleep(std::time::Duration::from_millis(200));
        sent == h.server.unannounced_bytes_sent()
    });
    let sent = h.server.unannounced_bytes_sent();
    assert!(
        sent < 40 << 20,
        "{sent} of 50 MiB were accepted before the reader stopped"
    );
}

// ------------------------------------------------------------------------------ issue 11: messages and layout

/// Words only an English sentence has (none of them is a Vietnamese word).
const ENGLISH_WORDS: [&str; 16] = [
    "the", "is", "not", "of", "to", "and", "from", "was", "could", "server", "document", "retry",
    "failed", "refused", "nothing", "received",
];

/// Fail unless `text` speaks only Vietnamese (`vi`) or only English.
fn assert_speaks_only(text: &str, vi: bool, what: &str) {
    if vi {
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphabetic())
            .map(str::to_lowercase)
            .collect();
        if let Some(w) = ENGLISH_WORDS.iter().find(|w| words.iter().any(|x| x == *w)) {
            panic!("{what}: English word {w:?} in a Vietnamese alert: {text:?}");
        }
    } else if let Some(c) = text
        .chars()
        .find(|c| matches!(c, '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}'))
    {
        panic!("{what}: Vietnamese letter {c:?} in an English alert: {text:?}");
    }
}

/// The UI language the reader starts in from now on (as if chosen with the switch).
fn use_ui_language(h: &Harness, tag: &str) {
    if !h
        .eval("location.href.startsWith('http')")
        .as_bool()
        .unwrap_or(false)
    {
        h.open("/");
    }
    h.eval_with(
        "localStorage.setItem('article-viewer.lang', arguments[0])",
        vec![json!(tag)],
    );
}

#[test]
fn every_alert_speaks_the_ui_language_and_offers_retry_only_where_it_helps() {
    let h = Harness::new();
    // (path, the URL the alert names, whether Retry can help)
    let faults = [
        (
            "?src=https://example.com/x.json",
            "https://example.com/x.json",
            false,
        ),
        ("?src=javascript:alert(1)", "javascript:alert(1)", false),
        ("?article=a%20b", "a b", false),
        (
            "?src=faults/redirect-away.json",
            "/faults/redirect-away.json",
            false,
        ),
        ("?src=faults/404.json", "/faults/404.json", true),
        ("?src=faults/403.json", "/faults/403.json", false),
        ("?src=faults/410.json", "/faults/410.json", false),
        ("?src=faults/500.json", "/faults/500.json", true),
        ("?src=faults/html.json", "/faults/html.json", true),
        ("?src=faults/truncated.json", "/faults/truncated.json", true),
        ("?src=faults/invalid.json", "/faults/invalid.json", false),
        ("?src=faults/legacy.json", "/faults/legacy.json", false),
        ("?src=faults/huge.json", "/faults/huge.json", false),
    ];
    // The browser is English; the UI starts in Vietnamese, then the reader picks English.
    for (tag, vi) in [("vi", true), ("en", false)] {
        use_ui_language(&h, tag);
        for (path, url, retry) in faults {
            let text = alert_for(&h, path, url, &[], retry);
            assert_speaks_only(&text, vi, path);
            for raw in [
                "Failed to fetch",
                "TypeError",
                "Not Found",
                "Forbidden",
                "Internal Server Error",
            ] {
                assert!(
                    !text.contains(raw),
                    "{path}: the browser's or server's {raw:?} in {text:?}"
                );
            }
        }
    }
}

#[test]
fn a_redirect_to_another_origin_is_explained_and_one_within_the_site_is_followed() {
    let h = Harness::new();
    let text = expect_final_alert(
        &h,
        "?src=faults/redirect-away.json",
        "/faults/redirect-away.json",
        &[
            "Địa chỉ dẫn sang trang khác",
            "chuyển hướng yêu cầu sang một trang khác",
        ],
    );
    assert!(
        !text.contains("Failed to fetch") && !text.contains("TypeError"),
        "{text}"
    );
    assert_eq!(
        h.eval("document.querySelector('[role=alert]').dataset.error"),
        json!("redirected")
    );
    // The other origin (the same server under the name `localhost`) was never asked.
    let sample = format!("/{}", e2e::server::SAMPLE_ARTICLE);
    assert_eq!(h.server.hits(&sample), 0, "{:?}", h.server.requests());
    // A redirect within the site is followed and the article renders.
    h.open("?src=faults/redirect-home.json");
    let title = title_of(VI);
    h.wait_for("the redirected article", || h.h1() == title);
    assert!(!h.s.exists("[role=\"alert\"]"));
}

#[test]
fn documents_not_in_utf8_are_refused_with_the_message_of_article_check() {
    let h = Harness::new();
    let sample = std::fs::read(e2e::dist_dir().join(e2e::server::SAMPLE_ARTICLE)).unwrap();
    let legacy = e2e::server::eight_bit(&sample);
    // The prefix before the first byte over 0x7F is ASCII: line and column count bytes.
    let first = legacy
        .iter()
        .position(|&b| b >= 0x80)
        .expect("a non-ASCII byte");
    let line = 1 + legacy[..first].iter().filter(|&&b| b == b'\n').count();
    let line_start = legacy[..first]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let at = format!("$ ({line}:{})", first - line_start + 1);
    // What `article check` prints (crates/article-cli/tests/cli.rs checks the same words).
    let message = format!(
        "the document is not valid UTF-8: byte 0x{:02X} at byte offset {first}",
        legacy[first]
    );
    let text = expect_final_alert(
        &h,
        "?src=faults/legacy.json",
        "/faults/legacy.json",
        &["Tài liệu không hợp lệ", &at, "mã hoá ký tự"],
    );
    assert!(
        !text.contains(&message),
        "the English original is folded away: {text}"
    );
    h.click_css("[role=alert] details.problem-original summary");
    h.wait_text("[role=alert]", &message);
    let body = h
        .eval("document.body.innerText")
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        !body.contains('\u{fffd}'),
        "nothing decoded lossily: {body}"
    );
    assert!(!h.s.exists("article"));
    h.screenshot("error-not-utf8");

    use_ui_language(&h, "en");
    expect_final_alert(
        &h,
        "?src=faults/legacy.json",
        "/faults/legacy.json",
        &[
            "The document is not valid",
            &at,
            &message,
            "save the file as UTF-8",
        ],
    );
    expect_final_alert(
        &h,
        "?src=faults/utf16.json",
        "/faults/utf16.json",
        &["$ (1:1)", "not valid UTF-8: it is encoded as UTF-16"],
    );
    // UTF-8 with a byte-order mark is fine, as it is for `article check`.
    h.server.put(
        "/docs/bom.json",
        "application/json",
        [b"\xEF\xBB\xBF".as_slice(), &sample].concat(),
    );
    h.open("?src=docs/bom.json");
    let title = title_of(VI);
    h.wait_for("the article with a byte-order mark", || h.h1() == title);
}

#[test]
fn a_deep_link_to_a_missing_figure_gets_a_polite_notice() {
    let h = Harness::new();
    let notice = || {
        h.eval("(() => { const n = document.querySelector('p.notice[role=status]'); return n ? n.textContent : null; })()")
    };
    open_article(&h, &format!("?article={VI}#fig-nope"), VI);
    h.wait_for("a notice that names the missing figure", || {
        notice() == json!("Bài này không có số liệu “nope”; có thể liên kết đã cũ hoặc bị gõ sai.")
    });
    assert!(nothing_selected(&h), "nothing selected");
    // A hash that names a figure selects it and the notice goes; another missing one is named.
    h.s.js("location.hash = '#fig-members';").unwrap();
    wait_selected(&h, "members");
    assert_eq!(notice(), json!(""));
    h.s.js("location.hash = '#fig-members-2016';").unwrap();
    h.wait_for("the new missing figure to be named", || {
        notice()
            .as_str()
            .is_some_and(|n| n.contains("“members-2016”"))
    });
    assert!(nothing_selected(&h));
    // In the UI's language, also after switching it.
    // (A script click: the page may still be scrolling back from the last selection.)
    h.s.js("document.querySelector('button.lang-switch').click();")
        .unwrap();
    h.wait_for("the notice in English", || {
        notice() == json!("This article has no figure “members-2016”; the link may be out of date or mistyped.")
    });
    // Selecting a figure answers it.
    h.click_css("[data-figure~=\"units\"]");
    wait_selected(&h, "units");
    assert_eq!(notice(), json!(""));
}

/// An `article/1` document with `categories` categories and one figure in each, every
/// string from `word` (so a test can make them all very long, or stacked with marks).
fn generated_article(lang: &str, categories: usize, word: &dyn Fn(&str) -> String) -> Value {
    let mentions: Vec<String> = (0..categories)
        .map(|i| format!("{} units", 100 + i))
        .collect();
    json!({
        "format": "article/1", "id": "generated", "lang": lang,
        "kicker": word("kicker"), "title": format!("{} {}", word("Title"), word("headline")),
        "byline": word("byline"),
        "blocks": [
            { "kind": "paragraph", "text": format!("{} {} {}", word("first"), mentions.join(", "), word("paragraph")) },
            { "kind": "paragraph", "text": "A plain second paragraph right under the first one." },
        ],
        "categories": (0..categories).map(|c| json!({ "id": format!("k{c}"), "label": word(&format!("category{c}")) })).collect::<Vec<_>>(),
        "figures": (0..categories).map(|i| json!({
            "id": format!("f{i}"), "value": 100 + i, "label": word(&format!("label{i}")),
            "unit": if i == 0 { word("unit") } else { "units".to_string() },
            "note": word("note"), "category": format!("k{i}"),
            "mentions": [{ "quote": format!("{} units", 100 + i) }],
        })).collect::<Vec<_>>(),
    })
}

/// Set the viewport to exactly `width` × `height` CSS pixels.
fn viewport(h: &Harness, width: u32, height: u32) {
    h.s.cdp(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": false }),
    )
    .unwrap();
}

#[test]
fn long_words_wrap_inside_title_legend_and_cards_and_the_page_stays_as_wide_as_the_screen() {
    let h = Harness::new();
    let long = |w: &str| format!("{w}{}", "x".repeat(300));
    let mut doc = generated_article("en", 30, &long);
    doc["blocks"][1]["text"] = json!(format!(
        "See https://example.com/{} and {}",
        "segment/".repeat(60),
        "ž".repeat(2000)
    ));
    h.server
        .put("/docs/long.json", "application/json", doc.to_string());
    for (width, narrow) in [(1280, false), (375, true)] {
        viewport(&h, width, 900);
        h.open("?src=docs/long.json");
        h.wait_el("[data-figure~=\"f0\"]");
        if narrow {
            h.click_css("aside button[aria-expanded]");
            h.wait_for("the sheet to open", || {
                h.s.find("[data-figure-card=\"f0\"]")
                    .is_ok_and(|c| c.displayed().unwrap_or(false))
            });
        }
        h.click_css("[data-figure-card=\"f0\"]");
        wait_selected(&h, "f0");
        let page =
            h.eval("[document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        assert!(
            page[0].as_f64() <= page[1].as_f64(),
            "at {width} px the page is {page} wide"
        );
        // Nothing sticks out of its box: title, kicker, paragraphs, legend, group headings,
        // cards and the details panel.
        let overflowing = h.eval(
            "[...document.querySelectorAll('h1, .kicker, .byline, .body p, .legend-item, .group h3, .card, .card-label, .card-value, .details p, .side')]
                .filter(e => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
                .map(e => `${e.className || e.tagName}: ${e.scrollWidth} > ${e.clientWidth}`)",
        );
        assert_eq!(overflowing, json!([]), "at {width} px");
        h.screenshot(&format!("long-words-{width}"));
    }
}

#[test]
fn thirty_categories_keep_readable_contrast_in_light_and_dark() {
    let plain = |w: &str| w.to_string();
    let doc = generated_article("en", 30, &plain).to_string();
    for args in [&[][..], &["--force-dark-mode"][..]] {
        let h = Harness::with_args(args);
        h.server
            .put("/docs/thirty.json", "application/json", doc.clone());
        viewport(&h, 1280, 900);
        h.open("?src=docs/thirty.json");
        h.wait_el("[data-figure~=\"f29\"]");
        let looks = h.eval(
            "[...document.querySelectorAll('mark[data-figure]')].map(m => { const s = getComputedStyle(m);
                return [s.backgroundColor, s.textDecorationColor, s.textDecorationStyle].join(' '); })",
        );
        let looks: BTreeSet<String> = looks
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect();
        assert_eq!(looks.len(), 30, "30 categories, 30 looks: {looks:?}");
        h.screenshot(if args.is_empty() {
            "thirty-categories"
        } else {
            "thirty-categories-dark"
        });
        assert_no_axe_violations(&h, "thirty categories");
    }
}

/// A PNG of the page's area `rect` (`{x, y, width, height}` in CSS pixels).
fn capture(h: &Harness, rect: &Value) -> String {
    let shot = h
        .s
        .cdp(
            "Page.captureScreenshot",
            json!({ "format": "png", "clip": {
                "x": rect["x"], "y": rect["y"], "width": rect["width"], "height": rect["height"], "scale": 1 } }),
        )
        .unwrap();
    shot["data"].as_str().unwrap().to_string()
}

#[test]
fn stacked_combining_marks_stay_on_their_line_and_off_the_top_bar() {
    let h = Harness::new();
    viewport(&h, 1280, 900);
    // Each letter with twenty marks above and below it.
    let zalgo = |w: &str| -> String {
        w.chars()
            .flat_map(|c| {
                std::iter::once(c).chain(
                    "\u{30d}\u{30e}\u{304}\u{305}\u{33f}\u{311}\u{306}\u{310}\u{352}\u{357}\u{316}\u{317}\u{318}\u{319}\u{31c}\u{31d}\u{31e}\u{31f}\u{320}\u{324}"
                        .chars(),
                )
            })
            .collect()
    };
    let plain = |w: &str| w.to_string();
    h.server.put(
        "/docs/plain.json",
        "application/json",
        generated_article("en", 2, &plain).to_string(),
    );
    h.server.put(
        "/docs/zalgo.json",
        "application/json",
        generated_article("en", 2, &zalgo).to_string(),
    );
    // The top bar and the plain paragraph under the stacked one, pixel for pixel, next to
    // the same page without the marks.
    let mut shots = Vec::new();
    for doc in ["plain", "zalgo"] {
        h.open(&format!("?src=docs/{doc}.json"));
        h.wait_el("[data-figure~=\"f1\"]");
        h.s.execute_async(
            "const done = arguments[0]; document.fonts.ready.then(() => requestAnimationFrame(() => requestAnimationFrame(done)));",
            vec![],
        )
        .unwrap();
        h.s.js("window.scrollTo(0, 0); document.activeElement && document.activeElement.blur();")
            .unwrap();
        let rects = h.eval(
            "[document.querySelector('.topbar'), document.querySelectorAll('article .body p')[1]].map(e => e.getBoundingClientRect().toJSON())",
        );
        let shot: Vec<String> = rects
            .as_array()
            .unwrap()
            .iter()
            .map(|r| capture(&h, r))
            .collect();
        shots.push((rects, shot));
    }
    h.screenshot("zalgo");
    assert_eq!(
        shots[0].0, shots[1].0,
        "the stacked marks change no line's height"
    );
    assert!(
        shots[0].1[0] == shots[1].1[0],
        "the marks paint over the top bar"
    );
    assert!(
        shots[0].1[1] == shots[1].1[1],
        "the marks paint over the next paragraph"
    );
}

#[test]
fn right_to_left_articles_are_laid_out_right_to_left() {
    let h = Harness::new();
    viewport(&h, 1280, 900);
    for (lang, rtl) in [
        ("ar", true),
        ("he", true),
        ("fa-IR", true),
        ("ur", true),
        ("en", false),
    ] {
        let mut doc = generated_article(lang, 1, &|w: &str| w.to_string());
        doc["blocks"][1]["text"] = json!("مرحبا بالعالم");
        let path = format!("/docs/{lang}.json");
        h.server.put(&path, "application/json", doc.to_string());
        h.open(&format!("?src=docs/{lang}.json"));
        h.wait_el("[data-figure~=\"f0\"]");
        let seen = h.eval(
            "(() => { const a = document.querySelector('article'); const p = document.querySelectorAll('article .body p')[1];
                const r = document.createRange(); r.selectNodeContents(p); const t = r.getBoundingClientRect(), b = p.getBoundingClientRect();
                return [a.getAttribute('dir'), getComputedStyle(p).direction, Math.round(b.right - t.right), Math.round(t.left - b.left)]; })()",
        );
        let (dir, direction) = if rtl { ("rtl", "rtl") } else { ("ltr", "ltr") };
        assert_eq!(seen[0], json!(dir), "{lang}: {seen}");
        assert_eq!(seen[1], json!(direction), "{lang}: {seen}");
        // A short line starts at the right edge of an RTL paragraph, the left of an LTR one.
        let gap = if rtl { &seen[2] } else { &seen[3] };
        assert!(gap.as_i64().unwrap().abs() <= 1, "{lang}: {seen}");
    }
}

// ---------------------------------------------------------------- static pages

/// The static page `article site` wrote for an article, as a crawler fetches it.
fn static_html(id: &str) -> String {
    let path = e2e::dist_dir().join("articles").join(id).join("index.html");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `&`, `<`, `>`, `"` as the static pages escape them.
fn escaped(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[test]
fn static_pages_hold_the_article_its_highlights_ledger_and_metadata_in_their_html() {
    for id in [VI, EN] {
        let html = static_html(id);
        let doc = article_json(id);
        let title = doc["title"].as_str().unwrap();
        assert!(
            html.contains(&format!("<title>{}</title>", escaped(title))),
            "{id}: <title>"
        );
        assert!(
            html.contains(&format!("<h1>{}</h1>", escaped(title))),
            "{id}: <h1>"
        );
        let lang = doc["lang"].as_str().unwrap();
        assert!(
            html.contains(&format!("<html lang=\"{lang}\">")),
            "{id}: <html lang>"
        );
        // Every paragraph's words are in the page, every mentioned figure highlighted,
        // every figure a card with an anchor for #fig-ID.
        for b in doc["blocks"].as_array().unwrap() {
            if let Some(text) = b["text"].as_str() {
                let start: String = text.chars().take(40).collect();
                let start = start.split(' ').take(4).collect::<Vec<_>>().join(" ");
                assert!(html.contains(&escaped(&start)), "{id}: paragraph {start:?}");
            }
        }
        for f in mentioned_ids(&doc) {
            assert!(
                html.contains(&format!("data-figure=\"{f}\"")) || html.contains(&format!(" {f}\"")),
                "{id}: mark of {f}"
            );
        }
        for f in figure_ids(&doc) {
            assert!(html.contains(&format!("id=\"fig-{f}\"")), "{id}: #fig-{f}");
            assert!(
                html.contains(&format!("data-figure-card=\"{f}\"")),
                "{id}: card of {f}"
            );
        }
        for tag in [
            "<meta name=\"description\" content=\"",
            "<link rel=\"canonical\" href=\"",
            "<meta property=\"og:type\" content=\"article\">",
            "<meta property=\"og:title\" content=\"",
            "<meta property=\"og:url\" content=\"",
            "<meta property=\"og:locale\" content=\"",
            "<meta property=\"article:published_time\" content=\"",
            "<meta name=\"twitter:card\" content=\"",
            "<script type=\"application/ld+json\">",
            "<script type=\"application/json\" id=\"article-data\"",
        ] {
            assert!(html.contains(tag), "{id}: {tag}");
        }
        let ld = html
            .split("<script type=\"application/ld+json\">")
            .nth(1)
            .unwrap();
        let ld: Value = serde_json::from_str(ld.split("</script>").next().unwrap()).unwrap();
        assert_eq!(ld["@type"], "NewsArticle");
        assert_eq!(ld["headline"], json!(title));
        assert_eq!(ld["inLanguage"], json!(lang));
        assert_eq!(ld["datePublished"], doc["published"]);
        // The embedded document is the document.
        let data = html.split("id=\"article-data\"").nth(1).unwrap();
        let data = &data[data.find('>').unwrap() + 1..];
        let data: Value = serde_json::from_str(data.split("</script>").next().unwrap()).unwrap();
        assert_eq!(data, doc, "{id}: embedded document");
        // The arithmetic is in the page for readers without JavaScript.
        if id == VI {
            assert!(html.contains("28 + 6 = 34 ✓"), "breakdown");
            assert!(html.contains("trên 8.000 đảng viên"), "a qualified value");
        }
    }
    // The catalog, written from the documents, newest first, linking the static pages.
    let catalog_path = e2e::dist_dir().join("articles/index.json");
    let catalog: Value =
        serde_json::from_str(&std::fs::read_to_string(catalog_path).unwrap()).unwrap();
    let ids: Vec<&str> = catalog["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [FERRY, EN, VI], "newest first");
    assert_eq!(
        catalog["articles"][1]["page"],
        json!(format!("articles/{EN}/"))
    );
    let index = std::fs::read_to_string(e2e::dist_dir().join("index.html")).unwrap();
    assert!(
        index.contains(&format!("<a href=\"articles/{VI}/\">")),
        "static catalog links"
    );
    assert!(index.contains("id=\"catalog-data\""), "embedded catalog");
}

#[test]
fn a_static_page_without_javascript_shows_every_figure_and_lands_on_a_deep_link() {
    let h = Harness::with_args(&["--blink-settings=scriptEnabled=false"]);
    h.open(&format!("articles/{VI}/#fig-households-total"));
    assert_eq!(h.h1(), title_of(VI));
    assert!(
        h.s.exists("[data-figure~=\"units\"]"),
        "highlights without JavaScript"
    );
    assert!(h.s.exists("#static-page"), "nothing took the page over");
    // A card's note and arithmetic show (no details panel without JavaScript).
    let details =
        h.s.find("#fig-households-total .card-details")
            .expect("card details");
    assert!(details.displayed().unwrap(), "shown without JavaScript");
    assert!(details.text().unwrap().contains("28 + 6 = 34 ✓"));
    // #fig-ID landed on its card (in the ledger, which scrolls on its own on a wide
    // screen, or the page).
    let seen = h.eval("(() => { const r = document.getElementById('fig-households-total').getBoundingClientRect(); return [r.top, innerHeight]; })()");
    let (top, height) = (seen[0].as_f64().unwrap(), seen[1].as_f64().unwrap());
    assert!(top >= 0.0 && top < height, "the card is on screen: {seen}");
    h.screenshot("static-no-js");
}

#[test]
fn a_static_page_is_taken_over_in_place_and_follows_deep_links() {
    let h = Harness::new();
    open_article(&h, &format!("articles/{VI}/#fig-households-ql18"), VI);
    wait_selected(&h, "households-ql18");
    assert_eq!(
        h.eval("location.pathname.endsWith('/articles/cam-pha-2016-11-29/')"),
        json!(true),
        "still the static page's address"
    );
    // The document came from the page: no request for it.
    let fetched = h.eval("performance.getEntriesByType('resource').map(e => e.name).filter(n => n.endsWith('.json'))");
    assert_eq!(fetched, json!([]), "no JSON fetched on a static page");
    // The way back to the catalog goes to the site's root.
    let back = h.eval("document.querySelector('.topbar a.brand').pathname");
    assert_eq!(
        back.as_str()
            .map(|p| p.ends_with("/articles/cam-pha-2016-11-29/")),
        Some(false),
        "{back}"
    );
    h.click_css("[data-figure~=\"units\"]");
    wait_selected(&h, "units");
    h.wait_for("the hash to follow", || {
        h.eval("location.hash") == json!("#fig-units")
    });
    h.screenshot("static-taken-over");
}

#[test]
fn the_site_index_lists_articles_before_the_wasm_and_article_addresses_never_show_it() {
    let h = Harness::with_args(&["--blink-settings=scriptEnabled=false"]);
    h.open("/");
    let links = h.eval("[...document.querySelectorAll('#static-page a[href^=\"articles/\"]')].map(a => a.getAttribute('href'))");
    assert_eq!(
        links,
        json!([
            format!("articles/{FERRY}/"),
            format!("articles/{EN}/"),
            format!("articles/{VI}/")
        ])
    );
    drop(h);
    let h = Harness::new();
    h.open(&format!("?article={VI}"));
    // From the first frame on, the static catalog is hidden (or already gone).
    let shown = h.eval("(() => { const s = document.getElementById('static-page'); return s ? getComputedStyle(s).display !== 'none' : false; })()");
    assert_eq!(
        shown,
        json!(false),
        "the catalog must not flash before the article"
    );
    open_article(&h, &format!("?article={VI}"), VI);
    h.open("/");
    h.wait_for("the reader's catalog", || {
        !h.s.exists("#static-page") && h.s.exists("main.catalog a")
    });
    // The reader opens articles in place (its own address); the static list links the
    // static pages, for crawlers and readers without JavaScript.
    let href = h.eval("document.querySelector('main.catalog a').getAttribute('href')");
    assert_eq!(href, json!(format!("?article={FERRY}")));
}

// ---------------------------------------------------------------- sharing a figure

/// Is this a 1200×630 PNG (signature and IHDR)?
fn is_card(png: &[u8]) -> bool {
    png.starts_with(b"\x89PNG\r\n\x1a\n")
        && png.get(12..16) == Some(b"IHDR".as_slice())
        && png.get(16..20) == Some(1200u32.to_be_bytes().as_slice())
        && png.get(20..24) == Some(630u32.to_be_bytes().as_slice())
}

#[test]
fn every_figure_of_the_sample_has_a_card_and_a_share_page_that_lands_on_it() {
    let dist = e2e::dist_dir();
    let doc = article_json(VI);
    let article = dist.join("articles").join(VI);
    assert!(
        is_card(&std::fs::read(article.join("card.png")).unwrap()),
        "article card"
    );
    for id in figure_ids(&doc) {
        let dir = article.join("figures").join(&id);
        assert!(
            is_card(&std::fs::read(dir.join("card.png")).unwrap()),
            "{id}: card.png"
        );
        let page = std::fs::read_to_string(dir.join("index.html")).unwrap();
        for tag in [
            "<meta property=\"og:image\" content=\"card.png\">",
            "<meta name=\"twitter:card\" content=\"summary_large_image\">",
            "<link rel=\"canonical\" href=\"./\">",
            &format!("url=../../#fig-{id}\">"),
        ] {
            assert!(page.contains(tag), "{id}: {tag}");
        }
    }
    // A person who opens a share page lands on the figure, selected, in the article.
    let h = Harness::new();
    h.open(&format!("articles/{VI}/figures/households-ql18/"));
    h.wait_for("the article with the figure selected", || {
        h.s.exists("[data-figure-details=\"households-ql18\"]")
    });
    wait_selected(&h, "households-ql18");
    assert_eq!(h.eval("location.hash"), json!("#fig-households-ql18"));
    assert_eq!(
        h.eval("location.pathname.endsWith('/articles/cam-pha-2016-11-29/')"),
        json!(true)
    );
}

#[test]
fn the_share_button_copies_the_share_page_of_the_selected_figure() {
    let h = Harness::new();
    for (path, want) in [
        (
            format!("articles/{VI}/"),
            format!("/articles/{VI}/figures/units/"),
        ),
        (
            format!("?article={VI}"),
            format!("/?article={VI}#fig-units"),
        ),
    ] {
        open_article(&h, &path, VI);
        // No share sheet on a desktop: the link is copied. Record what is written.
        h.s.js("Object.defineProperty(navigator, 'share', { value: undefined, configurable: true });
                Object.defineProperty(navigator, 'clipboard', { value: { writeText: t => { window.__copied = t; return Promise.resolve(); } }, configurable: true });")
            .unwrap();
        h.click_css("[data-figure~=\"units\"]");
        wait_selected(&h, "units");
        let button = h.wait_el("[data-share=\"units\"]");
        button.click().unwrap();
        h.wait_for("the link to be copied", || {
            h.eval("window.__copied || ''")
                .as_str()
                .is_some_and(|u| u.ends_with(&want))
        });
        let status = h.wait_el(".share-status");
        h.wait_for("an announced confirmation", || {
            status.text().unwrap_or_default() == "Đã chép liên kết"
        });
        assert_eq!(status.attr("role").unwrap().as_deref(), Some("status"));
    }
}

// ---------------------------------------------------------------- provenance

#[test]
fn a_corrected_figure_is_marked_explained_and_filterable_on_both_pages() {
    // In the static page's HTML: the mark, the history, and the correction for search engines.
    let html = static_html(FERRY);
    assert!(
        html.contains("data-corrected=\"true\""),
        "corrected mark in the HTML"
    );
    assert!(
        html.contains("42,810 passengers → 48,210 passengers (3 May 2024)"),
        "history in the HTML"
    );
    assert!(
        html.contains("According to: Wrenmouth Port Authority"),
        "source in the HTML"
    );
    let ld = html
        .split("<script type=\"application/ld+json\">")
        .nth(1)
        .unwrap();
    let ld: Value = serde_json::from_str(ld.split("</script>").next().unwrap()).unwrap();
    assert_eq!(ld["correction"][0]["@type"], "CorrectionComment");
    assert_eq!(ld["correction"][0]["datePublished"], "2024-05-03");
    let h = Harness::new();
    for path in reader_paths(FERRY) {
        open_article(&h, &path, FERRY);
        assert!(h
            .s
            .exists("mark[data-corrected][data-figure~=\"passengers-april\"]"));
        assert!(h
            .s
            .exists("[data-figure-card=\"passengers-april\"][data-corrected]"));
        h.click_css("[data-figure~=\"passengers-april\"]");
        wait_selected(&h, "passengers-april");
        let details = h.wait_text(
            "[data-figure-details=\"passengers-april\"]",
            "Wrenmouth Port Authority",
        );
        assert!(
            details.text().unwrap().contains("42,810 passengers"),
            "the previous value as the reader writes it"
        );
        h.click_css("[data-filter-corrected]");
        h.wait_for("only corrected figures in the ledger", || {
            h.eval("getComputedStyle(document.querySelector('[data-figure-card=\"sailings\"]').closest('.card-item')).display") == json!("none")
        });
        assert_ne!(
            h.eval("getComputedStyle(document.querySelector('[data-figure-card=\"passengers-april\"]').closest('.card-item')).display"),
            json!("none"),
            "the corrected figure stays"
        );
    }
}
