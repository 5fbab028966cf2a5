//! What leaves the studio or replaces its work: downloading or copying the document
//! (only without errors: it is valid by construction, by the same checks as `article
//! check`), opening a file, starting a new story.
use article_suggest::work::Work;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::studio::{use_studio, StudioState};

/// Open a `.txt` (its text becomes the story) or an `article/1` `.json` (the document
/// becomes the work). A JSON file that does not load is refused with the check's own
/// messages, and the work stays as it was.
pub fn open_text(state: StudioState, name: &str, text: String) {
    let looks_json =
        name.to_ascii_lowercase().ends_with(".json") || text.trim_start().starts_with('{');
    if !looks_json {
        state.notice.set(None);
        state.work.update(|w| {
            let lang = w.lang.clone();
            *w = Work::new(&lang);
            w.text = text;
        });
        return;
    }
    match Work::from_document(&text) {
        Ok(work) => {
            state.notice.set(None);
            state.work.set(work);
        }
        Err(problems) => {
            let lines: Vec<String> = problems
                .iter()
                .filter(|p| p.is_error())
                .take(5)
                .map(|p| {
                    format!(
                        "{name}: {}: {}",
                        article_core::markup::problem_location(p),
                        p.message
                    )
                })
                .collect();
            state.notice.set(Some(format!(
                "{} {}",
                state.words().import_refused,
                lines.join("; ")
            )));
        }
    }
}

/// Save `json` as `file` through the browser's download.
fn download(json: &str, file: &str) -> Option<()> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(json));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let a: web_sys::HtmlAnchorElement = document().create_element("a").ok()?.dyn_into().ok()?;
    a.set_href(&url);
    a.set_download(file);
    a.click();
    // Revoked a moment later: the download has started by then.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Some(())
}

#[component]
pub fn DocumentActions() -> impl IntoView {
    let state = use_studio();
    let t = move || state.words();
    let blocked = move || state.has_errors();
    let (copied, set_copied) = signal(false);
    let file_name = move || {
        let id = state.work.with(|w| article_suggest::id_for_title(&w.title));
        format!("{id}.json")
    };
    let on_download = move |_| {
        if !blocked() {
            let _ = download(&state.document.get_untracked(), &file_name());
        }
    };
    let on_copy = move |_| {
        if blocked() {
            return;
        }
        let json = state.document.get_untracked();
        let clipboard = window().navigator().clipboard();
        wasm_bindgen_futures::spawn_local(async move {
            let done = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&json)).await;
            set_copied.set(done.is_ok());
        });
    };
    let on_new = move |_| {
        let sure = window()
            .confirm_with_message(t().new_story_confirm)
            .unwrap_or(false);
        if sure {
            state.notice.set(None);
            state.work.update(|w| *w = Work::new(&w.lang.clone()));
        }
    };
    view! {
        <section class="actions" aria-label=move || t().download>
            <div class="action-buttons">
                <button type="button" class="primary" data-download on:click=on_download
                    aria-disabled=move || blocked().to_string() aria-describedby="download-state">
                    {move || t().download}
                </button>
                <button type="button" on:click=on_copy aria-disabled=move || blocked().to_string()>
                    {move || t().copy}
                </button>
                <button type="button" class="new-story" on:click=on_new>{move || t().new_story}</button>
            </div>
            <p id="download-state" class="hint" role="status">
                {move || if blocked() { Some(t().download_blocked) } else if copied.get() { Some(t().copied) } else { None }}
            </p>
        </section>
    }
}
