//! The Content-Security-Policy of the static pages.
//!
//! `scripts/csp.py` (Trunk's post-build hook) writes the policy once, with the hash of
//! Trunk's inline loader. A page one directory deeper loads the same files by other
//! relative paths, so its loader has another hash. Here the policy is kept as the hook
//! wrote it, only its `script-src` hashes become those of every inline script the site
//! has — in every page's `<meta>` and in `_headers` — and nothing else is allowed.
use base64::Engine;
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;

/// `'sha256-…'` of every inline script that runs (not data blocks such as JSON).
pub fn inline_script_hashes(html: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = html;
    while let Some(i) = rest.find("<script") {
        rest = &rest[i..];
        let Some(tag_end) = rest.find('>') else { break };
        let tag = &rest[..tag_end];
        let body_start = tag_end + 1;
        let Some(close) = rest[body_start..].find("</script>") else {
            break;
        };
        let body = &rest[body_start..body_start + close];
        let data = tag.contains("application/json") || tag.contains("application/ld+json");
        if !tag.contains(" src=") && !data {
            let digest = Sha256::digest(body.as_bytes());
            out.insert(format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            ));
        }
        rest = &rest[body_start + close..];
    }
    out
}

/// `policy` with its `script-src` hashes replaced by `hashes`.
pub fn with_hashes(policy: &str, hashes: &BTreeSet<String>) -> String {
    policy
        .split(';')
        .map(|d| {
            let d = d.trim();
            if !d.starts_with("script-src") {
                return d.to_string();
            }
            let mut words: Vec<&str> = d
                .split_whitespace()
                .filter(|w| !w.starts_with("'sha256-"))
                .collect();
            words.extend(hashes.iter().map(String::as_str));
            words.join(" ")
        })
        .collect::<Vec<_>>()
        .join("; ")
}

const META: &str = "<meta http-equiv=\"Content-Security-Policy\" content=\"";

/// The policy in a page's `<meta>`, if it has one.
pub fn meta_policy(html: &str) -> Option<&str> {
    let start = html.find(META)? + META.len();
    let len = html[start..].find('"')?;
    Some(&html[start..start + len])
}

/// The page with its `<meta>` policy's hashes replaced (unchanged if it has none).
pub fn update_meta(html: &str, hashes: &BTreeSet<String>) -> String {
    match meta_policy(html) {
        Some(old) => {
            let start = html.find(META).unwrap_or(0) + META.len();
            let mut out = html.to_string();
            out.replace_range(start..start + old.len(), &with_hashes(old, hashes));
            out
        }
        None => html.to_string(),
    }
}

/// `_headers` with every `Content-Security-Policy:` line's hashes replaced.
pub fn update_headers(headers: &str, hashes: &BTreeSet<String>) -> String {
    let mut out: String = headers
        .lines()
        .map(|line| match line.split_once("Content-Security-Policy:") {
            Some((indent, policy)) => {
                format!(
                    "{indent}Content-Security-Policy: {}",
                    with_hashes(policy.trim(), hashes)
                )
            }
            None => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    if headers.ends_with('\n') {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_what_runs_only() {
        let html = "<script src=\"a.js\"></script><script type=\"module\">alert(1)</script>\
                    <script type=\"application/json\">{}</script><script type=\"application/ld+json\">{}</script>";
        let h = inline_script_hashes(html);
        // sha256("alert(1)"), as `openssl dgst -sha256 -binary | base64` gives it.
        assert_eq!(
            h.into_iter().collect::<Vec<_>>(),
            ["'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"]
        );
    }

    #[test]
    fn only_the_hashes_change() {
        let policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-old='; style-src 'self'";
        let hashes: BTreeSet<String> = ["'sha256-a='".into(), "'sha256-b='".into()].into();
        assert_eq!(
            with_hashes(policy, &hashes),
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-a=' 'sha256-b='; style-src 'self'"
        );
        let page = format!("<head>{META}{policy}\"></head>");
        assert!(update_meta(&page, &hashes).contains("'sha256-a=' 'sha256-b='; style-src"));
        let headers = format!("/*\n  Content-Security-Policy: {policy}; frame-ancestors 'self'\n  X-Content-Type-Options: nosniff\n");
        let h = update_headers(&headers, &hashes);
        assert!(h.contains("  Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-a=' 'sha256-b='; style-src 'self'; frame-ancestors 'self'\n"), "{h}");
        assert!(h.ends_with("nosniff\n"));
    }
}
