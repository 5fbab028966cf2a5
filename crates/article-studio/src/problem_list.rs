//! How the document stands: a count of errors and warnings (announced as it changes), and
//! the problems that concern the document as a whole. The others show next to the field,
//! text or figure they concern.
use article_suggest::work::Concerns;
use leptos::prelude::*;

use crate::problem_notes::ProblemNotes;
use crate::studio::use_studio;

#[component]
pub fn ProblemList() -> impl IntoView {
    let state = use_studio();
    let t = move || state.words();
    let summary = move || {
        let (errors, warnings) = state.problems.with(|p| {
            let e = p.iter().filter(|p| p.is_error()).count();
            (e, p.len() - e)
        });
        if errors + warnings == 0 {
            return t().problems_none.to_string();
        }
        format!("{}: {errors} · {}: {warnings}", t().error, t().warning)
    };
    view! {
        <section class="problems" aria-labelledby="problems-heading">
            <h2 id="problems-heading">{move || t().problems}</h2>
            <p class="problem-summary" role="status" class:clean=move || state.problems.with(|p| p.is_empty())>{summary}</p>
            <ProblemNotes what=Concerns::Document id="document-problems".to_string() />
        </section>
    }
}
