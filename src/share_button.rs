//! "Chia sẻ" / "Share" in the details panel: a link to the selected figure.
//!
//! On a static page (`article site`) the link is the figure's share page
//! (`articles/ID/figures/FIG/`), which previews as the figure's own card; elsewhere it is
//! the current address with `#fig-ID`. The browser's share sheet is used where there is
//! one (phones); otherwise the link is copied, and a polite status says so (or shows the
//! link, if copying was refused). Both through `navigator` at run time: no new script,
//! no CSP exception.
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::state::use_article;

/// The address to share for a figure.
fn share_url(figure_id: &str) -> String {
    let href = crate::url::current_href();
    let base = href.split('#').next().unwrap_or_default().to_string();
    if crate::static_page::is_article_page() {
        if let Ok(u) = web_sys::Url::new_with_base(&format!("figures/{figure_id}/"), &base) {
            return u.href();
        }
    }
    format!("{base}#fig-{figure_id}")
}

/// `navigator[name]` as a function bound to its owner, if the browser has it.
fn method(owner: &JsValue, name: &str) -> Option<(JsValue, js_sys::Function)> {
    let f = js_sys::Reflect::get(owner, &JsValue::from_str(name)).ok()?;
    f.dyn_into::<js_sys::Function>()
        .ok()
        .map(|f| (owner.clone(), f))
}

/// Share with the share sheet, or copy; resolves to whether the link was copied (the
/// share sheet says nothing back that needs showing).
async fn share(title: String, text: String, url: String) -> Result<bool, ()> {
    let navigator: JsValue = web_sys::window().ok_or(())?.navigator().into();
    if let Some((owner, share)) = method(&navigator, "share") {
        let data = js_sys::Object::new();
        for (k, v) in [("title", &title), ("text", &text), ("url", &url)] {
            let _ = js_sys::Reflect::set(&data, &JsValue::from_str(k), &JsValue::from_str(v));
        }
        if let Ok(p) = share.call1(&owner, &data) {
            if let Ok(p) = p.dyn_into::<js_sys::Promise>() {
                // A dismissed sheet rejects: nothing to report.
                let _ = wasm_bindgen_futures::JsFuture::from(p).await;
                return Ok(false);
            }
        }
    }
    let clipboard =
        js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).map_err(|_| ())?;
    let (owner, write) = method(&clipboard, "writeText").ok_or(())?;
    let p = write
        .call1(&owner, &JsValue::from_str(&url))
        .map_err(|_| ())?;
    let p = p.dyn_into::<js_sys::Promise>().map_err(|_| ())?;
    wasm_bindgen_futures::JsFuture::from(p)
        .await
        .map_err(|_| ())?;
    Ok(true)
}

/// The share button for one figure, with its status line.
#[component]
pub fn ShareButton(
    /// Index of the figure.
    figure: usize,
) -> impl IntoView {
    let state = use_article();
    let (status, set_status) = signal(String::new());
    let on_click = move |_| {
        let doc = state.doc();
        let Some(fig) = doc.article.figures.get(figure) else {
            return;
        };
        let url = share_url(&fig.id);
        let text = format!("{} — {}", state.value(figure), fig.label);
        let title = doc.article.title.clone();
        let t = state.ui.get_untracked().text();
        leptos::task::spawn_local(async move {
            let said = match share(title, text, url.clone()).await {
                Ok(true) => t.share_copied.to_string(),
                Ok(false) => String::new(),
                Err(()) => url,
            };
            set_status.try_set(said);
        });
    };
    view! {
        <div class="share-row">
            <button type="button" class="share" data-share=move || state.figure_id(figure) on:click=on_click>
                {move || state.ui.get().text().share}
            </button>
            <span class="share-status" role="status">{status}</span>
        </div>
    }
}
