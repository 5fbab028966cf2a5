//! Browser tests: mount the reader's components with fixture documents in headless
//! Chromium and check what a reader would notice (DOM text, attributes, focus, URL).
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use article_viewer::catalog::Catalog;
use article_viewer::i18n::Lang;
use article_viewer::page::{ArticlePage, Opened};
use article_viewer::topbar::TopBar;
use leptos::{mount::mount_to, prelude::*, task::tick};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const TRICKY: &str = include_str!("fixtures/nfd-emoji-overlap.json");
const HOSTILE: &str = include_str!("fixtures/hostile.json");
const SAMPLE: &str = include_str!("../public/articles/cam-pha-2016-11-29.json");

fn container() -> web_sys::HtmlElement {
    article_viewer::init();
    let doc = document();
    let el = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

/// Mount a loaded document and let effects run.
async fn open(json: &str) -> web_sys::HtmlElement {
    article_viewer::init();
    let doc = Arc::new(article_core::load(json).expect("fixture loads"));
    let root = container();
    let handle = mount_to(
        root.clone(),
        move || view! { <Opened doc=doc ui=Signal::stored(Lang::En) /> },
    );
    std::mem::forget(handle);
    tick().await;
    tick().await;
    root
}

fn all(root: &web_sys::HtmlElement, selector: &str) -> Vec<web_sys::HtmlElement> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

fn one(root: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .unchecked_into()
}

fn key(k: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(k);
    init.set_bubbles(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    window().dispatch_event(&ev).unwrap();
}

/// Poll until `f` holds (async work such as fetches), failing after ~5 s.
async fn until(mut f: impl FnMut() -> bool) {
    for _ in 0..100 {
        if f() {
            return;
        }
        let p = js_sys::Promise::new(&mut |resolve, _| {
            window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
    }
    panic!("condition not met within 5 s");
}

#[wasm_bindgen_test]
async fn every_mentioned_figure_is_a_focusable_highlight_and_every_figure_has_a_card() {
    let root = open(SAMPLE).await;
    let doc = article_core::load(SAMPLE).unwrap();
    for (fig, resolved) in doc.article.figures.iter().zip(&doc.figures) {
        let cards = all(&root, &format!("[data-figure-card=\"{}\"]", fig.id));
        assert_eq!(cards.len(), 1, "one card for {}", fig.id);
        if !resolved.computed {
            let marks = all(&root, &format!("[data-figure~=\"{}\"]", fig.id));
            assert!(!marks.is_empty(), "highlight for {}", fig.id);
            assert!(
                marks.iter().all(|m| m.tab_index() == 0),
                "{} focusable",
                fig.id
            );
        }
    }
    assert_eq!(one(&root, "h1").text_content().unwrap(), doc.article.title);
    assert_eq!(
        one(&root, "article").get_attribute("lang").as_deref(),
        Some("vi")
    );
    assert_eq!(document().title(), doc.article.title);
    // Vietnamese date in the document's own offset.
    assert_eq!(
        one(&root, "time").text_content().unwrap(),
        "Thứ Ba, 29/11/2016, 07:35 (GMT+7)"
    );
}

#[wasm_bindgen_test]
async fn nfd_text_and_astral_characters_highlight_exactly_the_quote() {
    let root = open(TRICKY).await;
    let h28 = one(&root, "[data-figure=\"h28\"]");
    assert_eq!(h28.text_content().unwrap(), "28 hộ");
    // The paragraph still reads in full, emoji included.
    let para = h28.parent_element().unwrap();
    assert_eq!(
        para.text_content().unwrap(),
        "🎉🚀 Có 28 hộ bị ảnh hưởng và 6 hộ khác."
    );
    // The quote was written in NFC; the text arrived in NFD and is shown normalised.
    let nested = all(&root, "[data-figure~=\"nested\"]");
    let text: String = nested.iter().map(|m| m.text_content().unwrap()).collect();
    assert_eq!(text, "Cẩm Phả có 386");
}

#[wasm_bindgen_test]
async fn overlapping_mentions_produce_runs_that_name_every_figure() {
    let root = open(TRICKY).await;
    let both = one(
        &root,
        "[data-figure~=\"units\"][data-figure~=\"committees\"]",
    );
    assert_eq!(both.text_content().unwrap(), "33 đảng bộ");
    let cells_and_committees = one(
        &root,
        "[data-figure~=\"committees\"][data-figure~=\"cells\"]",
    );
    assert_eq!(cells_and_committees.text_content().unwrap(), "21 chi bộ");
}

#[wasm_bindgen_test]
async fn orphans_sum_mismatches_and_skipped_blocks_are_listed_while_the_article_renders() {
    let root = open(TRICKY).await;
    let status = one(&root, "[role=\"status\"]").text_content().unwrap();
    assert!(status.contains("99 hộ"), "orphan named: {status}");
    assert!(status.contains("35"), "sum mismatch named: {status}");
    assert!(status.contains("video"), "skipped block named: {status}");
    assert!(all(&root, "[data-figure~=\"lost\"]").is_empty());
    assert_eq!(all(&root, "[data-figure-card=\"lost\"]").len(), 1);
    assert!(one(&root, "h1").text_content().unwrap().contains("NFD"));
}

#[wasm_bindgen_test]
async fn clicking_a_highlight_selects_it_and_shows_details_with_checked_arithmetic() {
    let root = open(TRICKY).await;
    one(&root, "mark[data-figure=\"h28\"]").click();
    tick().await;
    for el in all(&root, "[data-figure~=\"h28\"]")
        .iter()
        .chain(all(&root, "[data-figure-card=\"h28\"]").iter())
    {
        assert_eq!(el.get_attribute("aria-current").as_deref(), Some("true"));
    }
    assert_eq!(window().location().hash().unwrap(), "#fig-h28");
    let details = one(&root, "[data-figure-details=\"h28\"]")
        .text_content()
        .unwrap();
    assert!(details.contains("28 hộ"), "{details}");

    // The computed total shows its arithmetic, flagged because 28 + 6 is not 35.
    one(&root, "[data-figure-card=\"total\"]").click();
    tick().await;
    let details = one(&root, "[data-figure-details=\"total\"]")
        .text_content()
        .unwrap();
    assert!(details.contains("28 + 6 = 34 ≠ 35"), "{details}");
    assert!(
        all(&root, "[data-figure~=\"h28\"][aria-current]").is_empty(),
        "old selection cleared"
    );
}

#[wasm_bindgen_test]
async fn j_k_walk_figures_in_reading_order_and_escape_closes_the_popover_then_clears() {
    let root = open(TRICKY).await;
    let doc = article_core::load(TRICKY).unwrap();
    let id = |i: usize| doc.article.figures[doc.reading_order[i]].id.clone();
    key("j");
    tick().await;
    assert!(root
        .query_selector(&format!("[data-figure-details=\"{}\"]", id(0)))
        .unwrap()
        .is_some());
    key("j");
    tick().await;
    assert!(root
        .query_selector(&format!("[data-figure-details=\"{}\"]", id(1)))
        .unwrap()
        .is_some());
    // The selected highlight has keyboard focus.
    let active = document().active_element().unwrap();
    assert!(active
        .get_attribute("data-figure")
        .unwrap()
        .split(' ')
        .any(|f| f == id(1)));
    key("k");
    tick().await;
    assert!(root
        .query_selector(&format!("[data-figure-details=\"{}\"]", id(0)))
        .unwrap()
        .is_some());
    // The focused highlight's popover is open: the first Escape closes only that.
    assert!(root.query_selector("#popover").unwrap().is_some());
    key("Escape");
    tick().await;
    assert!(root.query_selector("#popover").unwrap().is_none());
    assert!(root
        .query_selector(&format!("[data-figure-details=\"{}\"]", id(0)))
        .unwrap()
        .is_some());
    key("Escape");
    tick().await;
    assert!(root
        .query_selector("[data-figure-details]")
        .unwrap()
        .is_none());
    assert!(root.query_selector("[aria-current]").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn focus_opens_a_popover_described_by_the_highlight() {
    let root = open(TRICKY).await;
    let mark = one(&root, "mark[data-figure=\"h6\"]");
    mark.focus().unwrap();
    tick().await;
    assert_eq!(mark.get_attribute("aria-expanded").as_deref(), Some("true"));
    let pop = one(&root, "#popover");
    assert_eq!(pop.get_attribute("role").as_deref(), Some("tooltip"));
    assert!(pop.text_content().unwrap().contains("6 hộ"));
    mark.blur().unwrap();
    tick().await;
    assert!(root.query_selector("#popover").unwrap().is_none());
    assert_eq!(
        mark.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    // Escape dismisses an open popover without moving focus.
    mark.focus().unwrap();
    tick().await;
    assert!(root.query_selector("#popover").unwrap().is_some());
    key("Escape");
    tick().await;
    assert!(root.query_selector("#popover").unwrap().is_none());
    assert_eq!(
        mark.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(mark.get_attribute("aria-describedby").is_none());
    assert_eq!(
        document().active_element().unwrap(),
        mark.clone().unchecked_into::<web_sys::Element>()
    );
}

#[wasm_bindgen_test]
async fn hostile_strings_render_as_text_and_never_run() {
    let root = open(HOSTILE).await;
    tick().await;
    let pwned = js_sys::Reflect::get(&window(), &"__pwned".into()).unwrap();
    assert!(pwned.is_undefined(), "injected code ran");
    assert!(one(&root, "h1")
        .text_content()
        .unwrap()
        .starts_with("<img src=x"));
    assert!(root
        .query_selector("script, img[src=\"x\"], b, i, u, svg[onload]")
        .unwrap()
        .is_none());
    // Only the https/relative image survives; javascript: and data: are refused.
    let imgs = all(&root, "img");
    assert_eq!(imgs.len(), 1);
    assert_eq!(
        imgs[0].get_attribute("src").as_deref(),
        Some("images/ok.svg")
    );
    let status = one(&root, "[role=\"status\"]").text_content().unwrap();
    assert!(
        status.contains("javascript:") || status.contains("refused"),
        "{status}"
    );
    one(&root, "mark[data-figure=\"boats\"]").click();
    tick().await;
    let details = one(&root, "[data-figure-details=\"boats\"]")
        .text_content()
        .unwrap();
    assert!(details.contains("<script>"), "{details}");
}

#[wasm_bindgen_test]
async fn a_missing_document_shows_an_alert_with_retry() {
    let root = container();
    let handle = mount_to(root.clone(), || {
        view! { <ArticlePage url="tests/fixtures/does-not-exist.json".to_string() ui=Signal::stored(Lang::En) on_lang=Callback::new(|_| ()) /> }
    });
    std::mem::forget(handle);
    until(|| root.query_selector("[role=\"alert\"]").unwrap().is_some()).await;
    let alert = one(&root, "[role=\"alert\"]");
    let text = alert.text_content().unwrap();
    assert!(text.contains("404"), "{text}");
    assert!(
        text.contains("tests/fixtures/does-not-exist.json"),
        "{text}"
    );
    let retry = one(&alert, "button");
    assert_eq!(retry.text_content().unwrap(), "Retry");
}

#[wasm_bindgen_test]
async fn an_invalid_document_alert_names_the_json_path() {
    let root = container();
    let handle = mount_to(root.clone(), || {
        view! { <ArticlePage url="tests/fixtures/invalid.json".to_string() ui=Signal::stored(Lang::En) on_lang=Callback::new(|_| ()) /> }
    });
    std::mem::forget(handle);
    until(|| root.query_selector("[role=\"alert\"]").unwrap().is_some()).await;
    let text = one(&root, "[role=\"alert\"]").text_content().unwrap();
    assert!(text.contains("$.figures[0].value"), "{text}");
}

#[wasm_bindgen_test]
async fn the_catalog_lists_articles_as_links() {
    let root = container();
    let handle = mount_to(
        root.clone(),
        || view! { <Catalog ui=Signal::stored(Lang::Vi) src="public/articles/index.json" /> },
    );
    std::mem::forget(handle);
    until(|| root.query_selector("a[href]").unwrap().is_some()).await;
    let links = all(&root, "a[href]");
    assert!(links
        .iter()
        .any(|a| a.get_attribute("href").as_deref() == Some("?article=cam-pha-2016-11-29")));
    assert!(root
        .text_content()
        .unwrap()
        .contains("Chú trọng xây dựng tổ chức Đảng trong sạch, vững mạnh"));
}

fn search(root: &web_sys::HtmlElement, q: &str) {
    let input: web_sys::HtmlInputElement = one(root, "input[type=\"search\"]").unchecked_into();
    input.set_value(q);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
}

fn hit_texts(root: &web_sys::HtmlElement) -> Vec<String> {
    // A hit that crosses a highlight boundary is split into several elements with one index.
    let mut out: Vec<(String, String)> = Vec::new();
    for el in all(root, "[data-search-hit]") {
        let k = el.get_attribute("data-search-hit").unwrap();
        let t = el.text_content().unwrap();
        match out.last_mut() {
            Some((last, text)) if *last == k => text.push_str(&t),
            _ => out.push((k, t)),
        }
    }
    out.into_iter().map(|(_, t)| t).collect()
}

#[wasm_bindgen_test]
async fn search_ignores_case_and_diacritics_and_counts_hits() {
    let root = open(SAMPLE).await;
    search(&root, "cam pha");
    tick().await;
    let hits = hit_texts(&root);
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h == "Cẩm Phả"), "{hits:?}");
    let count = one(&root, ".search-count").text_content().unwrap();
    assert_eq!(count, format!("1 / {}", hits.len()));

    // Old and new tone-mark placement are the same word.
    search(&root, "thanh ủy");
    tick().await;
    let hits = hit_texts(&root);
    assert!(hits.iter().any(|h| h == "Thành uỷ"), "{hits:?}");

    search(&root, "dang vien");
    tick().await;
    let hits = hit_texts(&root);
    assert!(hits.iter().any(|h| h == "đảng viên"), "{hits:?}");
}

#[wasm_bindgen_test]
async fn search_hits_inside_highlights_keep_the_highlight() {
    let root = open(SAMPLE).await;
    search(&root, "54 chi");
    tick().await;
    let hit = one(&root, "[data-search-hit=\"0\"]");
    let mark = hit
        .closest("mark")
        .unwrap()
        .expect("hit stays inside the highlight");
    assert!(mark
        .get_attribute("data-figure")
        .unwrap()
        .split(' ')
        .any(|f| f == "units"));
    assert_eq!(mark.text_content().unwrap(), "54 chi, đảng bộ trực thuộc");
    // Enter moves to the next hit; the counter follows.
    search(&root, "đảng bộ");
    tick().await;
    let input = one(&root, "input[type=\"search\"]");
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Enter");
    init.set_bubbles(true);
    input
        .dispatch_event(
            &web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap(),
        )
        .unwrap();
    tick().await;
    assert!(one(&root, ".search-count")
        .text_content()
        .unwrap()
        .starts_with("2 / "));
    assert_eq!(
        all(&root, ".search-hit.current")
            .first()
            .unwrap()
            .get_attribute("data-search-hit")
            .as_deref(),
        Some("1")
    );
    // Clearing the search removes every hit and leaves the highlights.
    search(&root, "");
    tick().await;
    assert!(all(&root, "[data-search-hit]").is_empty());
    assert!(!all(&root, "[data-figure~=\"units\"]").is_empty());
}

#[wasm_bindgen_test]
async fn nested_figures_show_under_their_parent_and_percentages_as_a_bar_of_100() {
    let root = open(TRICKY).await;
    one(&root, "[data-figure-card=\"committees\"]").click();
    tick().await;
    let details = one(&root, "[data-figure-details=\"committees\"]")
        .text_content()
        .unwrap();
    assert!(
        details.contains("386 chi bộ — within 33 đảng bộ"),
        "{details}"
    );
    one(&root, "[data-figure-card=\"nested\"]").click();
    tick().await;
    let details = one(&root, "[data-figure-details=\"nested\"]")
        .text_content()
        .unwrap();
    assert!(
        details.contains("386 chi bộ — within 33 đảng bộ"),
        "{details}"
    );

    let sample = open(SAMPLE).await;
    one(&sample, "[data-figure-card=\"degree-share\"]").click();
    tick().await;
    let bar = one(
        &sample,
        "[data-figure-details=\"degree-share\"] svg.percent",
    );
    assert!(
        bar.get_attribute("aria-label").unwrap().contains("95"),
        "percent bar labelled"
    );
}

const HARBOUR: &str = include_str!("../public/articles/harbour-2024-03-04.json");

#[wasm_bindgen_test]
async fn english_articles_format_dates_and_numbers_the_english_way() {
    let root = open(HARBOUR).await;
    assert_eq!(
        one(&root, "article").get_attribute("lang").as_deref(),
        Some("en")
    );
    assert_eq!(
        one(&root, "time").text_content().unwrap(),
        "Monday, 4 March 2024, 18:20 (GMT+0)"
    );
    let sample = open(SAMPLE).await;
    let members = one(&sample, "[data-figure-card=\"members\"]")
        .text_content()
        .unwrap();
    assert!(members.contains("trên 8.000 đảng viên"), "{members}");
    let share = one(&sample, "[data-figure-card=\"degree-share\"]")
        .text_content()
        .unwrap();
    assert!(share.contains("trên 95 %"), "{share}");
}

#[wasm_bindgen_test]
async fn the_language_switch_changes_the_ui_and_is_remembered() {
    let storage = window().local_storage().unwrap().unwrap();
    storage.remove_item("article-viewer.lang").unwrap();
    let root = container();
    let handle = mount_to(root.clone(), || {
        let (chosen, choose) = signal(Lang::saved());
        let ui = Signal::derive(move || chosen.get().unwrap_or(Lang::Vi));
        view! { <TopBar ui=ui choose=choose in_article=Signal::stored(true) /> }
    });
    std::mem::forget(handle);
    tick().await;
    let switch = one(&root, "button.lang-switch");
    assert_eq!(switch.text_content().unwrap(), "English");
    assert_eq!(
        one(&root, "a.skip").text_content().unwrap(),
        "Bỏ qua, tới nội dung"
    );
    switch.click();
    tick().await;
    assert_eq!(
        one(&root, "a.skip").text_content().unwrap(),
        "Skip to article"
    );
    assert_eq!(
        one(&root, "button.lang-switch").text_content().unwrap(),
        "Tiếng Việt"
    );
    assert_eq!(
        storage.get_item("article-viewer.lang").unwrap().as_deref(),
        Some("en")
    );
    assert_eq!(Lang::saved(), Some(Lang::En));
    storage.remove_item("article-viewer.lang").unwrap();
}

#[wasm_bindgen_test]
async fn a_long_article_shows_its_first_screens_then_the_rest_with_the_selection_kept() {
    let json = article_core::generate::big_article(60_000, 120, 7);
    let doc = article_core::load(&json).unwrap();
    let blocks = doc.article.blocks.len();
    // Deep link to the figure whose first mention comes last in reading order.
    let last = doc
        .reading_order
        .iter()
        .rev()
        .find(|&&f| !doc.figures[f].anchors.is_empty())
        .copied()
        .unwrap();
    let last_id = doc.article.figures[last].id.clone();
    // replaceState, not location.hash: readers of earlier tests are still mounted and would
    // answer a hashchange.
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(&format!("#fig-{last_id}")))
        .unwrap();
    let root = container();
    let d = Arc::new(doc);
    let handle = mount_to(
        root.clone(),
        move || view! { <Opened doc=d ui=Signal::stored(Lang::En) /> },
    );
    std::mem::forget(handle);
    // First pass: some blocks and a progress line.
    let first = all(&root, ".body > p, .body > figure").len();
    assert!(
        first > 0 && first < blocks,
        "first pass renders {first} of {blocks} blocks"
    );
    assert!(root.query_selector(".progress").unwrap().is_some());
    // Then everything, with the deep-linked figure selected in the late part.
    until(|| all(&root, ".body > p, .body > figure").len() == blocks).await;
    assert!(root.query_selector(".progress").unwrap().is_none());
    until(|| {
        !all(
            &root,
            &format!("[data-figure~=\"{last_id}\"][aria-current=\"true\"]"),
        )
        .is_empty()
    })
    .await;
    assert_eq!(
        one(&root, &format!("[data-figure-card=\"{last_id}\"]"))
            .get_attribute("aria-current")
            .as_deref(),
        Some("true")
    );
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some("#"))
        .unwrap();
}

#[wasm_bindgen_test]
async fn the_ledger_sorts_by_value_and_back_keeping_the_selection() {
    let root = open(SAMPLE).await;
    let doc = article_core::load(SAMPLE).unwrap();
    let value_of = |id: &str| doc.article.figures[doc.figure_index(id).unwrap()].value;
    let group_orders = || -> Vec<Vec<String>> {
        all(&root, ".ledger .cards")
            .iter()
            .map(|ul| {
                all(ul, "[data-figure-card]")
                    .iter()
                    .map(|c| c.get_attribute("data-figure-card").unwrap())
                    .collect()
            })
            .collect()
    };
    let reading = group_orders();
    assert!(reading.iter().any(|g| g.len() > 2), "a group worth sorting");
    let position = |id: &str| {
        doc.reading_order
            .iter()
            .position(|&f| doc.article.figures[f].id == id)
    };
    for g in &reading {
        assert!(
            g.windows(2).all(|w| position(&w[0]) < position(&w[1])),
            "reading order: {g:?}"
        );
    }
    // Each card's mini bar has a width (set through CSSOM, allowed by the strict CSP).
    assert!(all(&root, ".mini-bar").iter().all(|b| b
        .style()
        .get_property_value("width")
        .unwrap()
        .ends_with('%')));

    one(&root, "[data-figure-card=\"units\"]").click();
    tick().await;
    let choose = |value: &str| {
        let select: web_sys::HtmlSelectElement = one(&root, ".ledger select").unchecked_into();
        select.set_value(value);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        select
            .dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap())
            .unwrap();
    };
    choose("value");
    tick().await;
    let by_value = group_orders();
    for g in &by_value {
        assert!(
            g.windows(2).all(|w| value_of(&w[0]) >= value_of(&w[1])),
            "by value: {g:?}"
        );
    }
    assert_ne!(by_value, reading, "sorting by value changed an order");
    assert_eq!(
        one(&root, "[data-figure-card=\"units\"]")
            .get_attribute("aria-current")
            .as_deref(),
        Some("true"),
        "the selected card stays marked after re-sorting"
    );
    // A re-sorted card still selects its figure.
    one(&root, "[data-figure-card=\"committee-cells\"]").click();
    tick().await;
    assert_eq!(window().location().hash().unwrap(), "#fig-committee-cells");

    choose("reading");
    tick().await;
    assert_eq!(group_orders(), reading);
}

#[wasm_bindgen_test]
fn response_bytes_decode_like_fetch_text() {
    use article_viewer::api::utf8_text;
    assert_eq!(
        utf8_text(b"\xEF\xBB\xBF{\"a\":1}".to_vec()),
        "{\"a\":1}",
        "BOM dropped"
    );
    assert_eq!(utf8_text("Cẩm Phả 😀".as_bytes().to_vec()), "Cẩm Phả 😀");
    assert_eq!(
        utf8_text(b"a\xFFb\xC3".to_vec()),
        "a\u{FFFD}b\u{FFFD}",
        "invalid bytes replaced"
    );
    // The same as the browser's own decoder.
    let decoder = web_sys::TextDecoder::new().unwrap();
    let bytes = b"x\xE2\x82y\xF0\x9F\x98\x80".to_vec();
    assert_eq!(
        utf8_text(bytes.clone()),
        decoder.decode_with_u8_array(&bytes).unwrap()
    );
}

#[wasm_bindgen_test]
fn plans_build_exactly_the_elements_attributes_and_text_they_name() {
    use article_viewer::plan::{Name, Plan, Tag};
    // The Rust vocabulary and fill.js's tables must agree, in order.
    let names = [
        (Name::Class, "class"),
        (Name::Role, "role"),
        (Name::Tabindex, "tabindex"),
        (Name::DataFigure, "data-figure"),
        (Name::DataMention, "data-mention"),
        (Name::DataPrimary, "data-primary"),
        (Name::DataAnchor, "data-anchor"),
        (Name::DataCat, "data-cat"),
        (Name::AriaLabel, "aria-label"),
        (Name::AriaCurrent, "aria-current"),
        (Name::DataSearchHit, "data-search-hit"),
        (Name::Type, "type"),
        (Name::DataFigureCard, "data-figure-card"),
        (Name::AriaHidden, "aria-hidden"),
    ];
    let tags = [
        (Tag::Mark, "MARK"),
        (Tag::Span, "SPAN"),
        (Tag::Li, "LI"),
        (Tag::Button, "BUTTON"),
    ];
    let mut plan = Plan::default();
    for (tag, _) in tags {
        // Each attribute's value is its own name, after text with astral characters, so a
        // wrong UTF-16 offset shows as a wrong value.
        plan.text("😀 Cẩm Phả <b>");
        plan.open(tag, &names);
        plan.text("54 😀 chi, đảng bộ");
        plan.close();
    }
    plan.element(Tag::Span, &[(Name::StyleWidth, "42.5%")], "");
    let el = document().create_element("div").unwrap();
    plan.fill(&el);

    let children = el.children();
    assert_eq!(children.length(), 5);
    for (i, (_, tag)) in tags.iter().enumerate() {
        let child = children.item(i as u32).unwrap();
        assert_eq!(child.tag_name(), *tag);
        for (_, name) in names {
            assert_eq!(
                child.get_attribute(name).as_deref(),
                Some(name),
                "{tag} {name}"
            );
        }
        assert_eq!(child.get_attribute_names().length(), names.len() as u32);
        assert_eq!(child.text_content().unwrap(), "54 😀 chi, đảng bộ");
    }
    assert_eq!(
        el.text_content().unwrap(),
        "😀 Cẩm Phả <b>54 😀 chi, đảng bộ".repeat(4),
        "markup in text stays text"
    );
    let bar: web_sys::HtmlElement = children.item(4).unwrap().unchecked_into();
    assert_eq!(bar.style().get_property_value("width").unwrap(), "42.5%");
    // Filling again replaces, not appends.
    plan.fill(&el);
    assert_eq!(el.children().length(), 5);
}

#[wasm_bindgen_test]
async fn refining_a_search_leaves_paragraphs_without_hits_untouched() {
    let root = open(SAMPLE).await;
    let paragraphs = || all(&root, "article .body > p");
    let state = || -> Vec<(bool, web_sys::Node)> {
        paragraphs()
            .iter()
            .map(|p| {
                (
                    p.query_selector("[data-search-hit]").unwrap().is_some(),
                    p.first_child().unwrap(),
                )
            })
            .collect()
    };
    // From "ho dan" (one hit, second paragraph) to "huyen" (five, from the third): the hit
    // numbering after them moves, but paragraphs with no hit in either search are not rebuilt.
    search(&root, "ho dan");
    tick().await;
    let before = state();
    search(&root, "huyen");
    tick().await;
    let after = state();
    let first_hit = after.iter().position(|(hit, _)| *hit).expect("a hit");
    let mut untouched = 0;
    for (i, ((hit_a, node_a), (hit_b, node_b))) in before.iter().zip(&after).enumerate() {
        if i > first_hit && !hit_a && !hit_b {
            assert!(
                node_a.is_same_node(Some(node_b)),
                "paragraph {i} was rebuilt"
            );
            untouched += 1;
        }
    }
    assert!(
        untouched > 0,
        "the sample has paragraphs without hits after the first"
    );
    assert_ne!(
        before.iter().filter(|(h, _)| *h).count(),
        0,
        "the first search found something"
    );
}
