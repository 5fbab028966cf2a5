//! The engine's suggestions for the text as it stands, each with its quote highlighted in
//! its sentence, to accept (`[data-accept]`) or reject. An accepted one stays listed,
//! marked `data-accepted`; a rejected one leaves the list.
use article_suggest::work::Suggestion;
use leptos::prelude::*;

use crate::studio::use_studio;

/// The quote in its paragraph: up to `CONTEXT` characters each side.
const CONTEXT: usize = 48;

fn context(paragraph: &str, at: &std::ops::Range<usize>) -> (String, String, String) {
    let quote = paragraph.get(at.clone()).unwrap_or_default().to_string();
    let before: String = {
        let b = paragraph.get(..at.start).unwrap_or_default();
        let n = b.chars().count();
        let kept: String = b.chars().skip(n.saturating_sub(CONTEXT)).collect();
        if n > CONTEXT {
            format!("…{kept}")
        } else {
            kept
        }
    };
    let after: String = {
        let a = paragraph.get(at.end..).unwrap_or_default();
        let kept: String = a.chars().take(CONTEXT).collect();
        if a.chars().count() > CONTEXT {
            format!("{kept}…")
        } else {
            kept
        }
    };
    (before, quote, after)
}

#[component]
pub fn SuggestionList() -> impl IntoView {
    let state = use_studio();
    let t = move || state.words();
    let work = state.work;
    let shown = move || {
        let a = state.analysis.get();
        a.suggestions
            .iter()
            .filter(|s| !work.with(|w| w.is_rejected(&s.key)))
            .cloned()
            .collect::<Vec<Suggestion>>()
    };
    let accept_all = move |_| {
        let a = state.analysis.get_untracked();
        work.update(|w| {
            for s in &a.suggestions {
                if !w.is_rejected(&s.key) {
                    w.accept(s);
                }
            }
        });
    };
    view! {
        <section class="suggestions" aria-labelledby="suggestions-heading">
            <h2 id="suggestions-heading">{move || t().suggestions}</h2>
            <Show when=move || !shown().is_empty()
                fallback=move || view! { <p class="empty">{move || t().suggestions_none}</p> }>
                <button type="button" class="accept-all" on:click=accept_all>{move || t().accept_all}</button>
            </Show>
            <ul class="suggestion-list">
                <For each=shown key=|s| s.key.clone() let:s>
                    {
                        let a = state.analysis.get_untracked();
                        let paragraph = a.blocks.get(s.block).cloned().unwrap_or_default();
                        let (before, quote, after) = context(&paragraph, &s.at);
                        let key = StoredValue::new(s.key.clone());
                        let s = StoredValue::new(s);
                        let accepted = move || work.with(|w| w.is_accepted(&key.get_value()));
                        let f = s.get_value().figure;
                        // Rust writes an f64 with the shortest digits that read back, never
                        // with an exponent: a JSON number.
                        let value = f.value.to_string();
                        let lang = work.with_untracked(|w| w.lang.clone());
                        // A bare four-digit whole number is most likely a year here
                        // ("2016-2020"): shown as written, not as "2.016".
                        let year_like = f.unit.is_empty()
                            && f.value.fract() == 0.0
                            && (1000.0..=2999.0).contains(&f.value);
                        let shown = if f.unit == "%" {
                            article_core::format::percent(f.value, &lang)
                        } else if year_like {
                            value.clone()
                        } else {
                            article_core::format::number(f.value, &lang)
                        };
                        view! {
                            <li data-suggestion data-value=value data-accepted=move || accepted().then_some("")>
                                <p class="in-context" lang=lang.clone()>{before}<mark>{quote}</mark>{after}</p>
                                <p class="suggested">
                                    <span class="s-value">{shown}</span>
                                    {(f.unit != "%").then(|| view! { " "<span class="s-unit">{f.unit.clone()}</span> })}
                                    " · "<span class="s-label" lang=lang>{f.label.clone()}</span>
                                </p>
                                <div class="actions">
                                    <button type="button" data-accept aria-pressed=move || accepted().to_string()
                                        disabled=accepted
                                        on:click=move |_| work.update(|w| w.accept(&s.get_value()))>
                                        {move || if accepted() { t().accepted } else { t().accept }}
                                    </button>
                                    <button type="button" data-reject
                                        on:click=move |_| work.update(|w| {
                                            let s = s.get_value();
                                            if let Some(i) = w.figures.iter().position(|f| f.key == s.key) { w.remove(i); }
                                            w.reject(&s);
                                        })>
                                        {move || t().reject}
                                    </button>
                                </div>
                            </li>
                        }
                    }
                </For>
            </ul>
        </section>
    }
}
