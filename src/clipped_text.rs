//! Article text in a Leptos view (labels, captions in lists, titles in the catalog) with
//! the same protection as plan-built text: a character stacked high with combining marks
//! ("Zalgo" text) goes in a `span.marks-clip`, which the style sheet clips to its line.
use leptos::prelude::*;

/// `s` as a view, stacked characters clipped.
pub fn clipped(s: &str) -> AnyView {
    let stacked = article_core::text::stacked_clusters(s);
    if stacked.is_empty() {
        return s.to_string().into_any();
    }
    let mut parts: Vec<AnyView> = Vec::new();
    let mut at = 0;
    for cluster in stacked {
        parts.push(s[at..cluster.start].to_string().into_any());
        let class = article_core::markup::STACK_CLASS;
        parts.push(view! { <span class=class>{s[cluster.clone()].to_string()}</span> }.into_any());
        at = cluster.end;
    }
    parts.push(s[at..].to_string().into_any());
    parts.into_any()
}
