//! The document as readers will see it, drawn by the reader's own `OpenArticle` (not a
//! look-alike): highlights, popovers, ledger, breakdowns. Shown whenever the document
//! loads (with warnings too: they are listed under it, as readers would see them).
use article_viewer::open_article::OpenArticle;
use leptos::prelude::*;

use crate::studio::use_studio;

#[component]
pub fn StudioPreview() -> impl IntoView {
    let state = use_studio();
    let t = move || state.words();
    let doc = Memo::new(move |_| state.loaded.with(|l| l.as_ref().ok().cloned()));
    let ui = state.ui;
    // The reader names the page after its article; this page stays the studio.
    Effect::new(move |_| {
        doc.track();
        document().set_title("Studio · article-viewer");
    });
    view! {
        // A plain container (no landmark): the reader inside brings its own main and
        // complementary landmarks, which must stay top-level; the heading has its region.
        <div class="preview">
            <section class="preview-head" aria-labelledby="preview-heading">
                <h2 id="preview-heading">{move || t().preview}</h2>
                <Show when=move || doc.with(Option::is_none)>
                    <p class="empty">{move || t().preview_none}</p>
                </Show>
            </section>
            {move || doc.get().map(|doc| view! { <div class="preview-frame"><OpenArticle doc=doc ui=ui /></div> })}
        </div>
    }
}
