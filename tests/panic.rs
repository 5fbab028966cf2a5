//! Browser test: a panic that escapes (a bug) replaces the frozen page with an alert and a
//! reload link. Its own test binary, so its own page: after the trap nothing else runs here.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::{closure::Closure, JsCast};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_panic_in_an_event_handler_shows_an_alert_with_a_reload_link() {
    article_viewer::init();
    let window = web_sys::window().unwrap();
    let doc = window.document().unwrap();
    doc.document_element()
        .unwrap()
        .set_attribute("lang", "en")
        .unwrap();
    assert!(doc.query_selector(".alert.panic").unwrap().is_none());

    // Panic inside a callback the browser calls, as an event handler would.
    let boom = Closure::once_into_js(|| -> () {
        let figures: Vec<u32> = Vec::new();
        let index = figures.len() + 3;
        if index > figures.len() {
            panic!("figure {index} is out of range");
        }
    });
    window
        .set_timeout_with_callback_and_timeout_and_arguments_0(boom.unchecked_ref(), 0)
        .unwrap();
    sleep(50).await;

    let alert = doc
        .query_selector("[role=alert].panic")
        .unwrap()
        .expect("the panic shows an alert");
    let text = alert.text_content().unwrap();
    assert!(text.contains("Something went wrong"), "{text}");
    assert!(text.contains("figure 3 is out of range"), "{text}");
    let link = alert.query_selector("a").unwrap().expect("a reload link");
    assert_eq!(
        link.get_attribute("href").unwrap(),
        window.location().href().unwrap()
    );
    assert_eq!(link.text_content().unwrap(), "Reload page");
    // The alert is the first thing on the page, where a keyboard or screen reader starts.
    assert_eq!(
        doc.body().unwrap().first_element_child().unwrap(),
        alert,
        "alert is prepended"
    );
}
