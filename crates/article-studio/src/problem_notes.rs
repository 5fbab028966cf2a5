//! The problems concerning one field, the text or one figure, shown next to it (each one
//! `[data-studio-problem]`, once on the page), in the UI language.
use article_suggest::work::Concerns;
use leptos::prelude::*;

use crate::studio::use_studio;
use crate::words::problem_text;

/// `id` names the list, for the field's `aria-describedby`.
#[component]
pub fn ProblemNotes(what: Concerns, id: String) -> impl IntoView {
    let state = use_studio();
    let what = StoredValue::new(what);
    view! {
        <ul class="problem-notes" id=id>
            {move || {
                let lang = state.ui.get();
                let t = state.words();
                state.work.with(|work| {
                    state
                        .problems_of(&what.get_value())
                        .into_iter()
                        .map(|p| {
                            let error = p.is_error();
                            let text = problem_text(lang, &p, work);
                            view! {
                                <li data-studio-problem class:error=error class:warning=!error
                                    data-severity=if error { "error" } else { "warning" }>
                                    <strong>{if error { t.error } else { t.warning }}": "</strong>
                                    {text}
                                </li>
                            }
                        })
                        .collect_view()
                })
            }}
        </ul>
    }
}
