//! Problems that did not stop the article from rendering (orphaned or ambiguous mentions,
//! sum mismatches, refused images, skipped blocks), listed for the reader and publisher.
use leptos::prelude::*;

use crate::clipped_text::clipped;
use crate::state::use_article;

/// The `role="status"` list of warnings; absent when there are none.
#[component]
pub fn Warnings() -> impl IntoView {
    let state = use_article();
    let doc = state.doc();
    (!doc.warnings.is_empty()).then(|| {
        let items = doc
            .warnings
            .iter()
            .map(|w| {
                let at = crate::api::problem_location(w);
                view! {
                    <li>
                        <span class="warn-msg">{clipped(&w.message)}</span>" "
                        <code class="warn-path">{at}</code>
                        {w.hint.clone().map(|h| view! { <span class="warn-hint">{h}</span> })}
                    </li>
                }
            })
            .collect_view();
        view! {
            <div role="status"><details class="warnings">
                <summary>{move || format!("{} ({})", state.ui.get().text().warnings_heading, doc.warnings.len())}</summary>
                <ul>{items}</ul>
            </details></div>
        }
    })
}
