//! The story: header fields, the text, opening a file, and adding a figure from the
//! selected words. Every field writes the work as it is typed; problems show under the
//! field they concern.
use article_suggest::work::{Concerns, Work};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::problem_notes::ProblemNotes;
use crate::studio::use_studio;

fn field_value(work: &Work, name: &str) -> String {
    match name {
        "kicker" => work.kicker.clone(),
        "title" => work.title.clone(),
        "byline" => work.byline.clone(),
        "published" => work.published.clone(),
        _ => String::new(),
    }
}

/// One header field of the work, by name.
fn field<'a>(work: &'a mut Work, name: &str) -> Option<&'a mut String> {
    Some(match name {
        "kicker" => &mut work.kicker,
        "title" => &mut work.title,
        "byline" => &mut work.byline,
        "published" => &mut work.published,
        _ => return None,
    })
}

#[component]
pub fn StoryForm() -> impl IntoView {
    let state = use_studio();
    let t = move || state.words();
    let work = state.work;
    let input = move |name: &'static str, label: fn(&crate::words::Words) -> &'static str| {
        let id = format!("story-{name}");
        let notes = format!("{id}-problems");
        let described = notes.clone();
        let label_for = id.clone();
        view! {
            <div class="field">
                <label for=label_for>{move || label(t())}</label>
                <input id=id type="text" aria-describedby=described
                    data-studio-title=(name == "title").then_some("")
                    prop:value=move || work.with(|w| field_value(w, name))
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        work.update(|w| if let Some(f) = field(w, name) { *f = v });
                    } />
                <ProblemNotes what=Concerns::Field(name) id=notes />
            </div>
        }
    };
    let (selection_hint, set_selection_hint) = signal(false);
    let text_area = NodeRef::<leptos::html::Textarea>::new();
    let add_selection = move |_| {
        let Some(area) = text_area.get() else { return };
        let area: web_sys::HtmlTextAreaElement = area;
        let (Ok(Some(start)), Ok(Some(end))) = (area.selection_start(), area.selection_end())
        else {
            return;
        };
        let value = js_sys::JsString::from(area.value());
        let quote = String::from(value.slice(start, end));
        let before = String::from(value.slice(0, start));
        let quote = article_core::unicode::nfc(
            quote
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .as_str(),
        )
        .into_owned();
        let occurrence = before.matches(quote.as_str()).count();
        let analysis = state.analysis.get_untracked();
        let mut added = None;
        work.update(|w| added = w.add_by_hand(&analysis, &quote, occurrence));
        set_selection_hint.set(added.is_none());
    };
    let open_file = move |ev: web_sys::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let name = file.name();
        wasm_bindgen_futures::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
            let Some(text) = text.ok().and_then(|t| t.as_string()) else {
                state
                    .notice
                    .set(Some(state.words().import_unreadable.to_string()));
                return;
            };
            crate::document_actions::open_text(state, &name, text);
        });
    };
    view! {
        <section class="story" aria-labelledby="story-heading">
            <h2 id="story-heading">{move || t().story}</h2>
            <div class="field">
                <label for="story-lang">{move || t().language}</label>
                <select id="story-lang"
                    on:change=move |ev| { let v = event_target_value(&ev); work.update(|w| w.lang = v); }>
                    <option value="vi" lang="vi" selected=move || work.with(|w| w.lang == "vi")>"Tiếng Việt"</option>
                    <option value="en" lang="en" selected=move || work.with(|w| w.lang != "vi")>"English"</option>
                </select>
            </div>
            {input("kicker", |w| w.kicker)}
            {input("title", |w| w.title)}
            {input("byline", |w| w.byline)}
            <div class="field">
                <label for="story-published">{move || t().published}</label>
                <input id="story-published" type="text" inputmode="numeric" aria-describedby="story-published-hint story-published-problems"
                    placeholder="2016-11-29T07:35:00+07:00"
                    prop:value=move || work.with(|w| w.published.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); work.update(|w| w.published = v); } />
                <p class="hint" id="story-published-hint">{move || t().published_hint}</p>
                <ProblemNotes what=Concerns::Field("published") id="story-published-problems".to_string() />
            </div>
            <div class="field">
                <label for="story-text">{move || t().text}</label>
                <p class="hint" id="story-text-hint">{move || t().text_hint}</p>
                <textarea id="story-text" data-studio-text rows="14" node_ref=text_area
                    aria-describedby="story-text-hint story-text-problems"
                    prop:value=move || work.with(|w| w.text.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); work.update(|w| w.text = v); }></textarea>
                <ProblemNotes what=Concerns::Text id="story-text-problems".to_string() />
            </div>
            <div class="story-tools">
                <button type="button" on:click=add_selection>{move || t().add_selection}</button>
                <label class="file-open">
                    {move || t().open_file}
                    <input type="file" accept=".txt,.json,text/plain,application/json" on:change=open_file />
                </label>
            </div>
            <p class="hint" role="status">{move || selection_hint.get().then(|| t().add_selection_none)}</p>
            <p class="notice" role="alert">{move || state.notice.get()}</p>
        </section>
    }
}
