//! Problems that did not stop the article from rendering (orphaned or ambiguous mentions,
//! sum mismatches, refused images, skipped blocks), listed for the reader and publisher.
//! The list is the core's markup (`markup::warnings`), as on a static page.
use article_core::markup::{self, Plan};
use leptos::prelude::*;

use crate::state::use_article;

/// Fill the `role="status"` element with the list, again when the UI language changes.
fn warnings_markup(el: web_sys::Element) {
    let state = use_article();
    Effect::new(move |_| {
        let heading = state.ui.get().text().warnings_heading;
        let mut plan = Plan::default();
        markup::warnings(&mut plan, &state.doc(), heading);
        crate::fill::fill(&el, &plan);
    });
}

/// The `role="status"` list of warnings; absent when there are none.
#[component]
pub fn Warnings() -> impl IntoView {
    let state = use_article();
    (!state.doc().warnings.is_empty())
        .then(|| view! { <div role="status" use:warnings_markup></div> })
}
