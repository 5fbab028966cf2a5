//! Browser tests: mount the reader's components with fixture documents in headless
//! Chromium and check what a reader would notice (DOM text, attributes, focus, URL).
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use article_viewer::alert::Alert;
use article_viewer::api::LoadError;
use article_viewer::article_screen::ArticleScreen;
use article_viewer::catalog_screen::CatalogScreen;
use article_viewer::i18n::Lang;
use article_viewer::open_article::OpenArticle;
use article_viewer::topbar::TopBar;
use leptos::{mount::mount_to, prelude::*, task::tick};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const TRICKY: &str = include_str!("fixtures/nfd-emoji-overlap.json");
const HOSTILE: &str = include_str!("fixtures/hostile.json");
const SAMPLE: &str = include_str!("../public/articles/cam-pha-2016-11-29.json");
const EXACT: &str = include_str!("fixtures/exact.json");

fn container() -> web_sys::HtmlElement {
    article_viewer::init();
    let doc = document();
    let el = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

/// A mounted view and the element it is in. Dropped at the end of a test, it unmounts the
/// view, so its window listeners (keys, hash changes) do not reach later tests.
struct Mounted {
    root: web_sys::HtmlElement,
    _handle: Box<dyn std::any::Any>,
}

impl std::ops::Deref for Mounted {
    type Target = web_sys::HtmlElement;
    fn deref(&self) -> &web_sys::HtmlElement {
        &self.root
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

/// Mount a loaded document and let effects run.
async fn open(json: &str) -> Mounted {
    article_viewer::init();
    let doc = Arc::new(article_core::load(json).expect("fixture loads"));
    let root = container();
    let handle = mount_to(
        root.clone(),
        move || view! { <OpenArticle doc=doc ui=Signal::stored(Lang::En) /> },
    );
    tick().await;
    tick().await;
    Mounted {
        root,
        _handle: Box::new(handle),
    }
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
    let status = one(&root, "div[role=\"status\"]").text_content().unwrap();
    assert!(status.contains("99 hộ"), "orphan named: {status}");
    let doc = article_core::load(TRICKY).unwrap();
    let mismatch = doc
        .warnings
        .iter()
        .find(|w| w.kind == article_core::Kind::SumMismatch)
        .expect("the fixture's sum does not add up");
    assert!(
        status.contains(&mismatch.message),
        "sum mismatch named: {status}"
    );
    assert!(
        mismatch.message.contains("add up to 34"),
        "{}",
        mismatch.message
    );
    assert!(
        mismatch.message.contains("its value is 35"),
        "{}",
        mismatch.message
    );
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
    let status = one(&root, "div[role=\"status\"]").text_content().unwrap();
    let refused: Vec<String> = article_core::load(HOSTILE)
        .unwrap()
        .warnings
        .into_iter()
        .filter(|w| w.kind == article_core::Kind::RefusedUrl)
        .map(|w| w.message)
        .collect();
    assert!(refused.len() >= 2, "javascript: and data: refused");
    for message in &refused {
        assert!(status.contains(message.as_str()), "{message} in {status}");
    }
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
    let _handle = mount_to(root.clone(), || {
        view! { <ArticleScreen url="tests/fixtures/does-not-exist.json".to_string() ui=Signal::stored(Lang::En) on_lang=Callback::new(|_| ()) /> }
    });
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
    let _handle = mount_to(root.clone(), || {
        view! { <ArticleScreen url="tests/fixtures/invalid.json".to_string() ui=Signal::stored(Lang::En) on_lang=Callback::new(|_| ()) /> }
    });
    until(|| root.query_selector("[role=\"alert\"]").unwrap().is_some()).await;
    let alert = one(&root, "[role=\"alert\"]");
    let text = alert.text_content().unwrap();
    assert!(text.contains("$.figures[0].value"), "{text}");
    // The same document will be just as invalid next time: no Retry.
    assert!(all(&alert, "button").is_empty(), "{text}");
}

#[wasm_bindgen_test]
async fn the_catalog_lists_articles_as_links() {
    let root = container();
    let _handle = mount_to(
        root.clone(),
        || view! { <CatalogScreen ui=Signal::stored(Lang::Vi) src="public/articles/index.json" /> },
    );
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
    assert_eq!(
        bar.get_attribute("aria-label").as_deref(),
        Some("95 % / 100 %"),
        "percent bar labelled in the article's language"
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
    let _handle = mount_to(root.clone(), || {
        let (chosen, choose) = signal(Lang::saved());
        let ui = Signal::derive(move || chosen.get().unwrap_or(Lang::Vi));
        view! { <TopBar ui=ui choose=choose in_article=Signal::stored(true) /> }
    });
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
    let figures = doc.article.figures.len();
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
    let _handle = mount_to(
        root.clone(),
        move || view! { <OpenArticle doc=d ui=Signal::stored(Lang::En) /> },
    );
    // First pass: some blocks and a progress line.
    let first = all(&root, ".body > p, .body > figure").len();
    assert!(
        first > 0 && first < blocks,
        "first pass renders {first} of {blocks} blocks"
    );
    assert!(root.query_selector(".progress").unwrap().is_some());
    // The ledger's first cards, the rest after every highlight is painted.
    assert!(figures > article_viewer::figure_dom::FIRST_CARDS);
    assert_eq!(
        all(&root, "[data-figure-card]").len(),
        article_viewer::figure_dom::FIRST_CARDS
    );
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
    until(|| all(&root, "[data-figure-card]").len() == figures).await;
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
async fn printing_gives_the_cards_their_note_and_arithmetic_once() {
    let root = open(SAMPLE).await;
    let details = || all(&root, ".card-item > .card-details");
    assert!(
        details().is_empty(),
        "on screen the details panel shows them"
    );
    let print = || {
        window()
            .dispatch_event(&web_sys::Event::new("beforeprint").unwrap())
            .unwrap()
    };
    print();
    let printed = details().len();
    // Every card with a note, a source, corrections or parts: in the sample, all of them.
    assert_eq!(printed, all(&root, ".card-item").len());
    let units = one(&root, "[data-figure-card=\"units\"]")
        .parent_element()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(units.contains("33 + 21 = 54 ✓"), "{units}");
    print();
    assert_eq!(details().len(), printed, "printing again adds nothing");
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
    // Each card's mini bar has a length: a width class w0 … w100 (no inline style, which
    // the strict CSP of static pages would refuse).
    assert!(all(&root, ".mini-bar").iter().all(|b| {
        let class = b.class_name();
        class.split(' ').any(|c| {
            c.strip_prefix('w')
                .and_then(|n| n.parse::<u32>().ok())
                .is_some_and(|n| n <= 100)
        }) && b.get_attribute("style").is_none()
    }));

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
fn plans_build_exactly_the_elements_attributes_and_text_they_name() {
    use article_core::markup::{Name, Plan, Tag};
    // fill.js gets its names from Rust; every tag and attribute must come out as named.
    let mut plan = Plan::default();
    for tag in Tag::ALL {
        // Each attribute's value is its own name, after text with astral characters, so a
        // wrong UTF-16 offset shows as a wrong value.
        plan.text("😀 Cẩm Phả <b>");
        let attrs: Vec<(Name, &str)> = Name::ALL.iter().map(|n| (*n, n.as_str())).collect();
        plan.open(tag, &attrs);
        plan.text("54 😀 chi, đảng bộ");
        plan.close();
    }
    let el = document().create_element("div").unwrap();
    article_viewer::fill::fill(&el, &plan);

    let children = el.children();
    assert_eq!(children.length(), Tag::ALL.len() as u32);
    for (i, tag) in Tag::ALL.iter().enumerate() {
        let child = children.item(i as u32).unwrap();
        assert_eq!(child.tag_name(), tag.as_str().to_uppercase());
        for name in Name::ALL {
            assert_eq!(
                child.get_attribute(name.as_str()).as_deref(),
                Some(name.as_str()),
                "{tag:?} {name:?}"
            );
        }
        assert_eq!(child.get_attribute_names().length(), Name::ALL.len() as u32);
        assert_eq!(child.text_content().unwrap(), "54 😀 chi, đảng bộ");
    }
    assert_eq!(
        el.text_content().unwrap(),
        "😀 Cẩm Phả <b>54 😀 chi, đảng bộ".repeat(Tag::ALL.len()),
        "markup in text stays text"
    );
    // Filling again replaces, appending adds.
    article_viewer::fill::fill(&el, &plan);
    assert_eq!(el.children().length(), Tag::ALL.len() as u32);
    article_viewer::fill::append(&el, &plan);
    assert_eq!(el.children().length(), 2 * Tag::ALL.len() as u32);
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

// ------------------------------------------------------------------ issue 11: messages

/// Mount the page for `url` in the UI language `ui` and wait until it shows an alert or
/// an article title.
async fn page(url: &str, ui: Lang) -> Mounted {
    let root = container();
    let url = url.to_string();
    let handle = mount_to(root.clone(), move || {
        view! { <ArticleScreen url=url ui=Signal::stored(ui) on_lang=Callback::new(|_| ()) /> }
    });
    until(|| {
        root.query_selector("[role=\"alert\"], article h1")
            .unwrap()
            .is_some()
    })
    .await;
    Mounted {
        root,
        _handle: Box::new(handle),
    }
}

/// Words that only an English sentence has (none of them is a Vietnamese word).
const ENGLISH: [&str; 16] = [
    "the", "is", "not", "of", "to", "and", "from", "was", "could", "server", "document", "retry",
    "failed", "refused", "nothing", "received",
];

/// Whether `text` (what the reader sees) speaks only `lang`: no English words in a
/// Vietnamese UI, no Vietnamese letters in an English one.
fn speaks_only(text: &str, lang: Lang) -> Result<(), String> {
    match lang {
        Lang::Vi => {
            let words: Vec<String> = text
                .split(|c: char| !c.is_alphabetic())
                .map(str::to_lowercase)
                .collect();
            match ENGLISH.iter().find(|w| words.iter().any(|x| x == *w)) {
                Some(w) => Err(format!(
                    "English word {w:?} in a Vietnamese alert: {text:?}"
                )),
                None => Ok(()),
            }
        }
        Lang::En => match text.chars().find(
            |c| matches!(c, '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}' | '\u{300}'..='\u{36f}'),
        ) {
            Some(c) => Err(format!(
                "Vietnamese letter {c:?} in an English alert: {text:?}"
            )),
            None => Ok(()),
        },
    }
}

#[wasm_bindgen_test]
async fn non_utf8_documents_are_refused_with_the_message_of_article_check() {
    let cases: [(&str, &[u8]); 2] = [
        (
            "tests/fixtures/cp1258.json",
            include_bytes!("fixtures/cp1258.json"),
        ),
        (
            "tests/fixtures/utf16le.json",
            include_bytes!("fixtures/utf16le.json"),
        ),
    ];
    for (url, bytes) in cases {
        // What `article check` prints for this file.
        let expected = article_core::text::decode(bytes.to_vec()).expect_err("not UTF-8");
        for ui in [Lang::En, Lang::Vi] {
            let root = page(url, ui).await;
            let alert = one(&root, "[role=\"alert\"]");
            assert_eq!(
                alert.get_attribute("data-error").as_deref(),
                Some("invalid")
            );
            let text = alert.text_content().unwrap();
            assert!(text.contains(&expected.message), "{url} {ui:?}: {text}");
            assert!(text.contains(expected.hint.as_deref().unwrap()), "{text}");
            let at = format!(
                "$ ({}:{})",
                expected.line.unwrap(),
                expected.column.unwrap()
            );
            assert_eq!(one(&alert, ".problem-path").text_content().unwrap(), at);
            // Nothing decoded lossily, nothing rendered, nothing to retry.
            assert!(!root.text_content().unwrap().contains('\u{fffd}'), "{text}");
            assert!(root.query_selector("article").unwrap().is_none());
            assert!(all(&alert, "button").is_empty(), "no Retry: {text}");
            speaks_only(&alert.inner_text(), ui).unwrap();
            if ui == Lang::Vi {
                // Summarised in Vietnamese; the publisher's English one click away, marked.
                let kind = one(&alert, ".problem-kind").text_content().unwrap();
                assert!(kind.contains("mã hoá ký tự"), "{kind}");
                let original = one(&alert, "details.problem-original [lang=\"en\"]");
                assert!(original.text_content().unwrap().contains(&expected.message));
            }
        }
    }
    // A byte-order mark before UTF-8 is dropped, as `article check` drops it.
    let root = page("tests/fixtures/bom.json", Lang::En).await;
    assert_eq!(
        one(&root, "article h1").text_content().unwrap(),
        "Cẩm Phả đón 28 hộ dân"
    );
    assert_eq!(
        one(&root, "[data-figure=\"ho\"]").text_content().unwrap(),
        "28 hộ"
    );
}

/// Every kind of failure, as values: the alert for each must speak one language and offer
/// Retry only where asking again can help.
fn every_error() -> Vec<(LoadError, bool)> {
    use article_viewer::url::Refusal;
    let url = || "articles/x.json".to_string();
    let invalid = article_core::load(include_str!("fixtures/invalid.json")).unwrap_err();
    let not_utf8 =
        article_core::text::decode(include_bytes!("fixtures/cp1258.json").to_vec()).unwrap_err();
    vec![
        (
            LoadError::Refused {
                url: "a b".into(),
                reason: Refusal::BadId,
            },
            false,
        ),
        (
            LoadError::Refused {
                url: "http://[".into(),
                reason: Refusal::NotUrl,
            },
            false,
        ),
        (
            LoadError::Refused {
                url: "javascript:alert(1)".into(),
                reason: Refusal::Scheme("javascript:".into()),
            },
            false,
        ),
        (
            LoadError::Refused {
                url: "https://example.com/x.json".into(),
                reason: Refusal::Origin {
                    origin: "https://example.com".into(),
                    page: "http://127.0.0.1:8000".into(),
                },
            },
            false,
        ),
        (
            LoadError::Redirected {
                url: url(),
                to: Some("https://example.com".into()),
            },
            false,
        ),
        (
            LoadError::Redirected {
                url: url(),
                to: None,
            },
            false,
        ),
        (
            LoadError::Network {
                url: url(),
                message: "TypeError: Failed to fetch".into(),
            },
            true,
        ),
        (
            LoadError::Timeout {
                url: url(),
                after_ms: 15_000,
                received: 0,
                total: None,
            },
            true,
        ),
        (
            LoadError::Timeout {
                url: url(),
                after_ms: 1_000,
                received: 3_100,
                total: Some(6_200),
            },
            true,
        ),
        (
            LoadError::Interrupted {
                url: url(),
                received: 3_100,
                total: Some(6_200),
            },
            true,
        ),
        (
            LoadError::Interrupted {
                url: url(),
                received: 1_500_000,
                total: None,
            },
            true,
        ),
        (
            LoadError::Http {
                url: url(),
                status: 404,
                status_text: "Not Found".into(),
            },
            true,
        ),
        (
            LoadError::Http {
                url: url(),
                status: 503,
                status_text: "Service Unavailable".into(),
            },
            true,
        ),
        (
            LoadError::Http {
                url: url(),
                status: 403,
                status_text: "Forbidden".into(),
            },
            false,
        ),
        (
            LoadError::Http {
                url: url(),
                status: 410,
                status_text: "Gone".into(),
            },
            false,
        ),
        (
            LoadError::Http {
                url: url(),
                status: 418,
                status_text: "I'm a teapot".into(),
            },
            false,
        ),
        (
            LoadError::NotJson {
                url: url(),
                html: true,
            },
            true,
        ),
        (
            LoadError::NotJson {
                url: url(),
                html: false,
            },
            true,
        ),
        (
            LoadError::TooLarge {
                url: url(),
                bytes: Some(52_428_800),
                limit: 16_777_216,
            },
            false,
        ),
        (
            LoadError::TooLarge {
                url: url(),
                bytes: None,
                limit: 16_777_216,
            },
            false,
        ),
        (
            LoadError::Invalid {
                url: url(),
                problems: invalid,
            },
            false,
        ),
        (
            LoadError::Invalid {
                url: url(),
                problems: vec![not_utf8],
            },
            false,
        ),
    ]
}

#[wasm_bindgen_test]
async fn every_alert_speaks_the_ui_language_and_offers_retry_only_where_it_can_help() {
    for (error, retry) in every_error() {
        for ui in [Lang::Vi, Lang::En] {
            let root = container();
            let e = error.clone();
            let handle = mount_to(root.clone(), move || {
                view! { <Alert error=e on_retry=Callback::new(|_| ()) ui=Signal::stored(ui) /> }
            });
            tick().await;
            let alert = one(&root, "[role=\"alert\"]");
            let seen = alert.inner_text();
            speaks_only(&seen, ui).unwrap_or_else(|m| panic!("{error:?}: {m}"));
            // The browser's and the server's own English never reach the reader.
            for raw in [
                "Failed to fetch",
                "TypeError",
                "Not Found",
                "Forbidden",
                "teapot",
            ] {
                assert!(!seen.contains(raw), "{error:?} {ui:?}: {seen}");
            }
            let buttons = all(&alert, "button");
            assert_eq!(
                buttons.len(),
                usize::from(retry),
                "{error:?} {ui:?}: {seen}"
            );
            if retry {
                let label = if ui == Lang::Vi {
                    "Thử lại"
                } else {
                    "Retry"
                };
                assert_eq!(buttons[0].text_content().unwrap(), label);
            }
            drop(handle);
            root.remove();
        }
    }
}

#[wasm_bindgen_test]
async fn alerts_explain_a_stall_after_partial_data_an_html_answer_and_a_redirect() {
    let text = |e: LoadError, ui: Lang| article_viewer::alert::detail(&e, ui).unwrap_or_default();
    let url = || "x.json".to_string();
    let stalled = LoadError::Timeout {
        url: url(),
        after_ms: 1_000,
        received: 31_000,
        total: Some(62_000),
    };
    assert_eq!(
        text(stalled.clone(), Lang::En),
        "Received 31 / 62 kB, then nothing more for 1 s."
    );
    assert_eq!(
        text(stalled.clone(), Lang::Vi),
        "Đã nhận 31 / 62 kB, sau đó không nhận thêm được gì trong 1 s."
    );
    assert_eq!(
        article_viewer::alert::heading(&stalled, Lang::En),
        "The download stalled"
    );
    let silent = LoadError::Timeout {
        url: url(),
        after_ms: 15_000,
        received: 0,
        total: None,
    };
    assert_eq!(
        text(silent.clone(), Lang::En),
        "Nothing was received for 15 s."
    );
    assert_eq!(
        article_viewer::alert::heading(&silent, Lang::En),
        "The request timed out"
    );
    let unknown_total = LoadError::Timeout {
        url: url(),
        after_ms: 2_500,
        received: 2_400_000,
        total: None,
    };
    assert_eq!(
        text(unknown_total, Lang::En),
        "Received 2.4 MB, then nothing more for 2.5 s."
    );
    let cut = LoadError::Interrupted {
        url: url(),
        received: 3_100,
        total: Some(6_200),
    };
    assert_eq!(text(cut, Lang::En), "The connection closed after 3 / 6 kB.");
    let cut = LoadError::Interrupted {
        url: url(),
        received: 1_250_000,
        total: Some(2_500_000),
    };
    assert_eq!(
        text(cut, Lang::Vi),
        "Kết nối bị đóng khi mới nhận được 1,3 / 2,5 MB."
    );
    let html = text(
        LoadError::NotJson {
            url: url(),
            html: true,
        },
        Lang::En,
    );
    assert!(
        html.contains("web page (HTML)") && !html.contains("JSON syntax"),
        "{html}"
    );
    let away = text(
        LoadError::Redirected {
            url: url(),
            to: Some("https://evil.example".into()),
        },
        Lang::En,
    );
    assert!(
        away.starts_with("The server redirected the request to https://evil.example"),
        "{away}"
    );
    let away = text(
        LoadError::Redirected {
            url: url(),
            to: None,
        },
        Lang::Vi,
    );
    assert!(away.contains("chuyển hướng"), "{away}");
}

/// A document with these figures (`id`, category index) and categories, mentioned in
/// order in one paragraph.
fn doc_json(lang: &str, title: &str, categories: usize, figures: usize) -> String {
    let text: Vec<String> = (0..figures)
        .map(|i| format!("item {} units", 100 + i))
        .collect();
    let figs: Vec<serde_json::Value> = (0..figures)
        .map(|i| {
            let mut f = serde_json::json!({
                "id": format!("f{i}"), "value": 100 + i, "label": format!("label {i}"),
                "mentions": [{ "quote": format!("{} units", 100 + i) }]
            });
            if categories > 0 {
                f["category"] = serde_json::json!(format!("k{}", i % categories));
            }
            f
        })
        .collect();
    let cats: Vec<serde_json::Value> = (0..categories)
        .map(|c| serde_json::json!({ "id": format!("k{c}"), "label": format!("Category {c}") }))
        .collect();
    let mut doc = serde_json::json!({
        "format": "article/1", "id": "t", "lang": lang, "title": title,
        "blocks": [{ "kind": "paragraph", "text": if text.is_empty() { "No numbers here.".to_string() } else { text.join("; ") } }],
        "figures": figs,
    });
    if categories > 0 {
        doc["categories"] = serde_json::json!(cats);
    }
    doc.to_string()
}

#[wasm_bindgen_test]
async fn a_deep_link_to_a_missing_figure_gets_a_polite_notice_in_the_ui_language() {
    let history = window().history().unwrap();
    let set_hash = |h: &str| {
        history
            .replace_state_with_url(&JsValue::NULL, "", Some(h))
            .unwrap()
    };
    let notice = |root: &web_sys::HtmlElement| {
        let n = one(root, "p.notice");
        assert_eq!(n.get_attribute("role").as_deref(), Some("status"));
        n.text_content().unwrap()
    };
    let json = doc_json("en", "Notices", 0, 3);
    for (hash, named) in [
        ("#fig-nope", "nope"),
        ("#fig-F1", "F1"),
        ("#fig-f1-old", "f1-old"),
        ("#fig-%3Cb%3Eok%3C%2Fb%3E", "<b>ok</b>"),
        ("#fig-C%E1%BA%A9m", "Cẩm"),
    ] {
        set_hash(hash);
        for ui in [Lang::En, Lang::Vi] {
            let doc = Arc::new(article_core::load(&json).unwrap());
            let root = container();
            let _handle = mount_to(
                root.clone(),
                move || view! { <OpenArticle doc=doc ui=Signal::stored(ui) /> },
            );
            tick().await;
            tick().await;
            let text = notice(&root);
            assert!(
                text.contains(&format!("“{named}”")),
                "{hash} {ui:?}: {text:?}"
            );
            speaks_only(&text.replace(named, ""), ui).unwrap();
            assert!(
                root.query_selector("p.notice b").unwrap().is_none(),
                "text, not markup"
            );
            assert!(
                all(&root, "[aria-current=\"true\"]").is_empty(),
                "nothing selected"
            );
        }
    }
    // A figure that exists, a hash that is not a figure link, no hash: no notice.
    for hash in ["#fig-f2", "#section-2", "#"] {
        set_hash(hash);
        let root = open(&json).await;
        assert_eq!(notice(&root), "", "{hash}");
    }
    set_hash("#");
}

#[wasm_bindgen_test]
async fn an_article_without_figures_says_so_and_hides_the_keyboard_hint() {
    for (ui, words) in [
        (Lang::En, "This article has no marked figures."),
        (Lang::Vi, "Bài này không có số liệu nào được đánh dấu."),
    ] {
        for categories in [0, 2] {
            let doc =
                Arc::new(article_core::load(&doc_json("en", "Empty", categories, 0)).unwrap());
            let root = container();
            let _handle = mount_to(
                root.clone(),
                move || view! { <OpenArticle doc=doc ui=Signal::stored(ui) /> },
            );
            tick().await;
            assert_eq!(one(&root, ".ledger-empty").text_content().unwrap(), words);
            assert!(
                root.query_selector(".hint").unwrap().is_none(),
                "no j/k hint"
            );
            assert!(root.query_selector(".details-panel").unwrap().is_none());
            assert!(root.query_selector(".legend").unwrap().is_none());
            assert!(one(&root, ".ledger-tools").has_attribute("hidden"));
        }
    }
    // With figures, none of that.
    let root = open(&doc_json("en", "Full", 0, 2)).await;
    assert!(root.query_selector(".ledger-empty").unwrap().is_none());
    assert!(root.query_selector(".hint").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn right_to_left_articles_get_dir_rtl() {
    for (lang, dir) in [
        ("ar", "rtl"),
        ("ar-EG", "rtl"),
        ("he", "rtl"),
        ("fa", "rtl"),
        ("ur", "rtl"),
        ("ps", "rtl"),
        ("yi", "rtl"),
        ("az-Arab", "rtl"),
        ("en", "ltr"),
        ("vi", "ltr"),
        ("az-Latn", "ltr"),
        ("ku", "ltr"),
    ] {
        let root = open(&doc_json(lang, "عنوان", 1, 1)).await;
        let article = one(&root, "article");
        assert_eq!(article.get_attribute("lang").as_deref(), Some(lang));
        assert_eq!(article.get_attribute("dir").as_deref(), Some(dir), "{lang}");
        // The article's words elsewhere follow it: ledger cards and legend labels.
        assert_eq!(
            one(&root, "ul.cards").get_attribute("dir").as_deref(),
            Some(dir),
            "{lang}"
        );
        assert_eq!(
            one(&root, ".legend-label").get_attribute("dir").as_deref(),
            Some(dir),
            "{lang}"
        );
        one(&root, "mark[data-figure=\"f0\"]").click();
        tick().await;
        assert_eq!(
            one(&root, ".details-label").get_attribute("dir").as_deref(),
            Some(dir),
            "{lang}"
        );
    }
}

/// The reader's style sheet in the test page, for checks of what it draws; removed on drop.
struct Styled(web_sys::Element);

impl Styled {
    fn new() -> Styled {
        let style = document().create_element("style").unwrap();
        style.set_text_content(Some(include_str!("../style/main.css")));
        document().head().unwrap().append_child(&style).unwrap();
        Styled(style)
    }
}

impl Drop for Styled {
    fn drop(&mut self) {
        self.0.remove();
    }
}

fn computed(el: &web_sys::Element, property: &str) -> String {
    window()
        .get_computed_style(el)
        .unwrap()
        .unwrap()
        .get_property_value(property)
        .unwrap()
}

#[wasm_bindgen_test]
async fn thirty_categories_are_drawn_thirty_different_ways() {
    let _css = Styled::new();
    let root = open(&doc_json("en", "Categories", 30, 30)).await;
    let mut seen = std::collections::BTreeMap::new();
    for i in 0..30 {
        let mark = one(&root, &format!("mark[data-figure=\"f{i}\"]"));
        let look = (
            computed(&mark, "background-color"),
            computed(&mark, "text-decoration-color"),
            computed(&mark, "text-decoration-style"),
        );
        if let Some(j) = seen.insert(look.clone(), i) {
            panic!("categories {j} and {i} look the same: {look:?}");
        }
        // The legend's swatch and the group heading's show the same colour and line.
        let classes = |el: &web_sys::HtmlElement| {
            let c = el.class_name();
            let mut v: Vec<String> = c
                .split(' ')
                .filter(|x| {
                    x.len() > 1
                        && (x.starts_with('c') || x.starts_with('u'))
                        && x[1..].chars().all(|d| d.is_ascii_digit())
                })
                .map(String::from)
                .collect();
            v.sort();
            v
        };
        let swatches = all(&root, ".legend .swatch");
        assert_eq!(classes(&swatches[i]), classes(&mark), "legend swatch {i}");
        let swatch_line = window()
            .get_computed_style_with_pseudo_elt(&swatches[i], "::after")
            .unwrap()
            .unwrap()
            .get_property_value("text-decoration-style")
            .unwrap();
        assert_eq!(swatch_line, look.2, "swatch {i} shows the underline style");
    }
    // Categories 0, 12 and 24 share a colour and differ in line; 0 and 8 differ in colour.
    let style = |i: usize| {
        computed(
            &one(&root, &format!("mark[data-figure=\"f{i}\"]")),
            "text-decoration-style",
        )
    };
    assert_eq!(
        (style(0), style(12), style(24)),
        ("solid".into(), "double".into(), "dashed".into())
    );
}

#[wasm_bindgen_test]
async fn stacked_combining_marks_are_clipped_to_their_line() {
    let _css = Styled::new();
    let zalgo = |s: &str| -> String {
        s.chars()
            .flat_map(|c| std::iter::once(c).chain("\u{30d}\u{30e}\u{304}\u{305}\u{33f}\u{311}\u{306}\u{310}\u{352}\u{357}\u{316}\u{317}".chars()))
            .collect()
    };
    let mut doc: serde_json::Value =
        serde_json::from_str(&doc_json("en", &zalgo("Title"), 1, 1)).unwrap();
    doc["kicker"] = serde_json::json!(zalgo("Kicker"));
    doc["blocks"][0]["text"] =
        serde_json::json!(format!("{} 100 units {}", zalgo("before"), zalgo("after")));
    doc["figures"][0]["label"] = serde_json::json!(zalgo("label"));
    doc["categories"][0]["label"] = serde_json::json!(zalgo("cat"));
    let root = open(&doc.to_string()).await;
    // Every stacked character, wherever the article's words appear, is clipped to one line.
    for place in [
        "h1",
        ".kicker",
        "article .body p",
        ".card-label",
        ".legend-label",
        ".group h3",
    ] {
        let stacks = all(&root, &format!("{place} .marks-clip"));
        assert!(
            !stacks.is_empty(),
            "{place} has its stacked characters wrapped"
        );
        for s in stacks {
            // (Chromium reports `overflow: clip` on an inline-block as `hidden`.)
            for axis in ["overflow-x", "overflow-y"] {
                let o = computed(&s, axis);
                assert!(o == "clip" || o == "hidden", "{place} {axis}: {o}");
            }
            let height = s.get_bounding_client_rect().height();
            let line: f64 = computed(&s, "line-height")
                .trim_end_matches("px")
                .parse()
                .unwrap();
            assert!(
                (height - line).abs() < 1.0,
                "{place}: {height} vs line {line}"
            );
        }
    }
    // Text reads the same; the highlight is intact.
    // (in NFC, which puts the marks in canonical order)
    assert_eq!(
        one(&root, "h1").text_content().unwrap(),
        article_core::unicode::nfc(&zalgo("Title"))
    );
    assert_eq!(
        one(&root, "mark[data-figure=\"f0\"]")
            .text_content()
            .unwrap(),
        "100 units"
    );
}

/// The card, popover and details never contradict the sentence: every value shows the
/// digits the document holds, in the article's language (issue #11's cases).
#[wasm_bindgen_test]
async fn values_show_exactly_the_digits_written() {
    let root = open(EXACT).await;
    let card = |id: &str| {
        one(&root, &format!("[data-figure-card=\"{id}\"] .card-value"))
            .text_content()
            .unwrap()
    };
    for (id, want) in [
        ("rate", "6,875 %"),
        ("fee", "0,125 %"),
        ("btc", "0,0005 BTC"),
        ("people", "8.000"),
        ("error", "0,0001 mm"),
        ("huge", "1 × 10³⁰⁸ hạt"),
        ("year", "2015"),
        ("removed", "−5 chỗ"),
        ("rounded", "6,9 %"),
    ] {
        assert_eq!(card(id), want, "{id}");
    }
    // A negative part is written as a subtraction and drawn.
    one(&root, "[data-figure-card=\"left\"]").click();
    tick().await;
    let details = one(&root, "[data-figure-details=\"left\"]");
    assert_eq!(
        one(&details, ".arithmetic span").text_content().unwrap(),
        "15 − 5 = 10 ✓"
    );
    assert_eq!(
        all(&details, ".stack rect.seg").len(),
        2,
        "both parts drawn"
    );
    assert_eq!(
        all(&details, ".stack rect.seg.neg").len(),
        1,
        "the −5 hatched"
    );
    // Parts in another unit are not added: the check says why.
    one(&root, "[data-figure-card=\"berths\"]").click();
    tick().await;
    let details = one(&root, "[data-figure-details=\"berths\"]");
    let text = one(&details, ".arithmetic").text_content().unwrap();
    assert!(!text.contains('✓') && !text.contains('='), "{text}");
    assert!(text.contains("cannot add up"), "{text}");
    assert_eq!(
        one(&details, ".sum")
            .get_attribute("data-checked")
            .as_deref(),
        Some("false")
    );
}

const FERRY: &str = include_str!("../public/articles/ferry-2024-05-02.json");

/// Where a number comes from and how it was corrected: the source in the details and the
/// popover, the corrected mark on the highlight and the card, the history, the filter.
#[wasm_bindgen_test]
async fn sources_as_of_dates_and_corrections_show_where_the_number_is() {
    let root = open(FERRY).await;
    // The corrected figure is marked on its highlight and its card; the others are not.
    for el in all(&root, "[data-figure~=\"passengers-april\"]")
        .iter()
        .chain(all(&root, "[data-figure-card=\"passengers-april\"]").iter())
    {
        assert_eq!(el.get_attribute("data-corrected").as_deref(), Some("true"));
    }
    assert!(all(&root, "[data-figure-card=\"sailings\"][data-corrected]").is_empty());
    one(&root, "[data-figure-card=\"passengers-april\"]").click();
    tick().await;
    let details = one(&root, "[data-figure-details=\"passengers-april\"]");
    let source = one(&details, ".details-source").text_content().unwrap();
    assert!(
        source.starts_with("According to: Wrenmouth Port Authority (Monthly traffic report, April 2024), as of Apr 2024"),
        "{source}"
    );
    let link = one(&details, ".details-source a");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://example.org/wrenmouth/traffic-2024-04.pdf")
    );
    let history = one(&details, ".corrections li").text_content().unwrap();
    assert_eq!(
        history,
        "42,810 passengers → 48,210 passengers (3 May 2024): two digits were transposed in the first report"
    );
    // A figure without a source but with an as-of date says only when.
    one(&root, "[data-figure-card=\"sailings\"]").click();
    tick().await;
    let sailings = one(&root, "[data-figure-details=\"sailings\"] .details-source")
        .text_content()
        .unwrap();
    assert_eq!(sailings, "as of Apr 2024");
    // The ledger filtered to corrected figures.
    let toggle: web_sys::HtmlInputElement = one(&root, "[data-filter-corrected]").unchecked_into();
    toggle.click();
    tick().await;
    assert!(one(&root, "section.ledger")
        .class_list()
        .contains("only-corrected"));
}

#[wasm_bindgen_test]
async fn the_sample_names_who_said_its_numbers() {
    let root = open(SAMPLE).await;
    one(&root, "[data-figure-card=\"units\"]").click();
    tick().await;
    let source = one(&root, "[data-figure-details=\"units\"] .details-source")
        .text_content()
        .unwrap();
    assert_eq!(
        source,
        "Theo: Bùi Thị Bính, Phó Bí thư Thường trực Thành uỷ, tính đến 11/2016"
    );
    one(&root, "[data-figure-card=\"households-ql18\"]").click();
    tick().await;
    let source = one(
        &root,
        "[data-figure-details=\"households-ql18\"] .details-source",
    )
    .text_content()
    .unwrap();
    assert!(
        source.starts_with("Theo: Nguyễn Thị Tụ, Bí thư Đảng uỷ phường Cẩm Thạch"),
        "{source}"
    );
    assert!(
        all(&root, "[data-corrected]").is_empty(),
        "nothing corrected in the sample"
    );
}

#[wasm_bindgen_test]
fn only_a_plain_click_on_a_link_to_this_page_opens_in_place() {
    let here = window().location();
    let path = here.pathname().unwrap();
    let search = here.search().unwrap();
    let doc = document();
    // (href, extra attribute, ctrl held) → opened in place?
    type Case = (String, Option<(&'static str, &'static str)>, bool, bool);
    let cases: [Case; 8] = [
        ("?article=x".into(), None, false, true),
        (format!("{path}{search}"), None, false, true),
        ("?article=x".into(), None, true, false),
        (
            "?article=x".into(),
            Some(("target", "_blank")),
            false,
            false,
        ),
        (
            "?article=x".into(),
            Some(("rel", "noopener external")),
            false,
            false,
        ),
        ("#main".into(), None, false, false),
        ("articles/x/".into(), None, false, false),
        ("https://example.com/?article=x".into(), None, false, false),
    ];
    for (href, attr, ctrl, in_place) in cases {
        let a = doc.create_element("a").unwrap();
        a.set_attribute("href", &href).unwrap();
        if let Some((name, value)) = attr {
            a.set_attribute(name, value).unwrap();
        }
        let span = doc.create_element("span").unwrap();
        a.append_child(&span).unwrap();
        doc.body().unwrap().append_child(&a).unwrap();
        let got = std::rc::Rc::new(std::cell::Cell::new(None));
        let seen = got.clone();
        let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MouseEvent)>::new(
            move |ev: web_sys::MouseEvent| {
                seen.set(Some(article_viewer::url::in_place_link(&ev).is_some()));
                ev.prevent_default(); // the test page itself stays put
            },
        );
        a.add_event_listener_with_callback("click", listener.as_ref().unchecked_ref())
            .unwrap();
        let init = web_sys::MouseEventInit::new();
        init.set_bubbles(true);
        init.set_cancelable(true);
        init.set_ctrl_key(ctrl);
        let ev = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
        // Clicked on the link's inner text, as a reader would.
        span.dispatch_event(&ev).unwrap();
        a.remove();
        assert_eq!(got.get(), Some(in_place), "{href} {attr:?} ctrl={ctrl}");
    }
}
