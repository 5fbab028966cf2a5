//! A fatal problem, explained: what failed, where (URL, JSON path, line:column), what to
//! do, and a Retry button.
use leptos::prelude::*;

use crate::api::LoadError;
use crate::i18n::Lang;

/// The `role="alert"` box for a [`LoadError`].
#[component]
pub fn Alert(
    /// What went wrong.
    error: LoadError,
    /// Called by the Retry button.
    #[prop(into)]
    on_retry: Callback<()>,
    /// The UI language.
    #[prop(into)]
    ui: Signal<Lang>,
    /// True when the alert is the whole page: it then is the `main` landmark with the `h1`.
    #[prop(optional)]
    standalone: bool,
) -> impl IntoView {
    let e = error.clone();
    let heading = move || {
        let t = ui.get().text();
        match &e {
            LoadError::Refused { .. } => t.error_refused.to_string(),
            LoadError::Network { .. } => t.error_network.to_string(),
            LoadError::Timeout { .. } => t.error_timeout.to_string(),
            LoadError::Http {
                status,
                status_text,
                ..
            } => format!("{} (HTTP {status} {status_text})", t.error_http),
            LoadError::Invalid { .. } => t.error_invalid.to_string(),
        }
    };
    let e = error.clone();
    let todo = move || {
        let t = ui.get().text();
        match &e {
            LoadError::Refused { .. } => t.what_to_do_refused,
            LoadError::Network { .. } | LoadError::Timeout { .. } => t.what_to_do_network,
            LoadError::Http { .. } => t.what_to_do_http,
            LoadError::Invalid { .. } => t.what_to_do_invalid,
        }
    };
    let detail = match &error {
        LoadError::Refused { reason, .. } => Some(reason.clone()),
        LoadError::Network { message, .. } => Some(message.clone()),
        LoadError::Timeout { after_ms, .. } => {
            let t = ui.get_untracked();
            let secs = article_core::format::number(f64::from(*after_ms) / 1000.0, t.tag());
            Some(format!("{} {secs} s", t.text().nothing_received_for))
        }
        _ => None,
    };
    let problems = match &error {
        LoadError::Invalid { problems, .. } => problems
            .iter()
            .take(20)
            .map(|p| {
                let at = crate::api::problem_location(p);
                view! {
                    <li>
                        <code class="problem-path">{at}</code>" "
                        <span class="problem-msg">{p.message.clone()}</span>
                        {p.hint.clone().map(|h| view! { <span class="problem-hint">{h}</span> })}
                    </li>
                }
            })
            .collect_view()
            .into_any(),
        _ => ().into_any(),
    };
    let heading = if standalone {
        view! { <h1>{heading}</h1> }.into_any()
    } else {
        view! { <h2>{heading}</h2> }.into_any()
    };
    let alert = view! {
        <div class="alert" role="alert" data-error-url=error.url().to_string()>
            {heading}
            <p class="alert-url"><code>{error.url().to_string()}</code></p>
            {detail.map(|d| view! { <p class="alert-detail">{d}</p> })}
            <ul class="problems">{problems}</ul>
            <p class="alert-todo">{todo}</p>
            <button type="button" class="retry" on:click=move |_| on_retry.run(())>{move || ui.get().text().retry}</button>
        </div>
    };
    if standalone {
        view! { <main id="main" class="error-page" tabindex="-1">{alert}</main> }.into_any()
    } else {
        alert.into_any()
    }
}

/// The fallback of an `ErrorBoundary` around a loading view: the first [`LoadError`] as an
/// [`Alert`]; any other error type (a bug) as a generic one.
pub fn error_fallback(
    ui: Signal<Lang>,
    on_retry: Callback<()>,
    standalone: bool,
) -> impl Fn(ArcRwSignal<Errors>) -> AnyView + Clone + Send + Sync + 'static {
    move |errors: ArcRwSignal<Errors>| {
        let errors = errors.clone();
        (move || {
            let first = errors.with(|list| {
                list.iter().next().map(|(_, e)| {
                    e.downcast_ref::<LoadError>()
                        .cloned()
                        .unwrap_or_else(|| LoadError::Network {
                            url: String::new(),
                            message: e.to_string(),
                        })
                })
            });
            first.map(|error| view! { <Alert error=error on_retry=on_retry ui=ui standalone=standalone /> })
        })
        .into_any()
    }
}
