//! What crawlers and link previews read in a static article page's `<head>`: description,
//! canonical link, Open Graph, Twitter card and JSON-LD `NewsArticle`. Every string is
//! escaped for its context (attribute, or JSON inside `<script>`).
use article_core::format::Timestamp;
use article_core::html;
use article_core::{Article, Block};
use serde_json::{json, Map, Value};

/// Where a page lives, for the URLs in its metadata.
pub struct Place<'a> {
    /// `https://host/path/` (ending in `/`) when the site's address is known; without it
    /// URLs are relative (previews need absolute ones: `article site` says so once).
    pub base_url: Option<&'a str>,
    /// The page's directory from the site root, e.g. `articles/cam-pha/`.
    pub path: &'a str,
    /// Directories below the site root (2 for `articles/ID/`).
    pub depth: usize,
}

impl Place<'_> {
    /// A URL relative to the site root, as seen from this page.
    pub fn url(&self, from_root: &str) -> String {
        if from_root.starts_with("https:") || from_root.starts_with("http:") {
            return from_root.to_string();
        }
        match self.base_url {
            Some(base) => format!("{base}{from_root}"),
            None => format!("{}{from_root}", "../".repeat(self.depth)),
        }
    }

    /// A file in this page's directory (its card).
    pub fn here(&self, file: &str) -> String {
        match self.base_url {
            Some(base) => format!("{base}{}{file}", self.path),
            None => file.to_string(),
        }
    }

    /// This page's own URL.
    pub fn own(&self) -> String {
        match self.base_url {
            Some(base) => format!("{base}{}", self.path),
            None => "./".to_string(),
        }
    }
}

/// At most `max` characters, cut at a word boundary with "…".
pub fn trimmed(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max).collect();
    let at = cut.rfind(' ').filter(|&i| i > max / 2).unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ':', ' ']))
}

/// The first paragraph, trimmed: what a preview shows under the title.
pub fn description(a: &Article) -> String {
    a.blocks
        .iter()
        .find_map(|b| match b {
            Block::Paragraph { text } if !text.trim().is_empty() => Some(trimmed(text, 200)),
            _ => None,
        })
        .unwrap_or_else(|| trimmed(&a.title, 200))
}

/// The article's first image (relative to the site root or `https:`), with its alt text.
pub fn first_image(a: &Article) -> Option<(&str, &str)> {
    a.blocks.iter().find_map(|b| match b {
        Block::Image { src, alt, .. } => Some((src.as_str(), alt.as_str())),
        _ => None,
    })
}

/// `og:locale` form of a language tag: `vi` → `vi_VN`, `en-GB` → `en_GB`.
pub fn locale(lang: &str) -> String {
    match lang {
        "vi" => "vi_VN".into(),
        "en" => "en_US".into(),
        other => other.replace('-', "_"),
    }
}

/// `og:image` (with its size when it is a card) and the Twitter card tags.
pub fn image_tags(
    out: &mut String,
    image: Option<&(String, String)>,
    title: &str,
    description: &str,
) {
    if let Some((src, alt)) = image {
        meta(out, "property", "og:image", src);
        if src.ends_with("card.png") {
            meta(out, "property", "og:image:width", "1200");
            meta(out, "property", "og:image:height", "630");
        }
        if !alt.is_empty() {
            meta(out, "property", "og:image:alt", alt);
        }
    }
    let kind = if image.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    meta(out, "name", "twitter:card", kind);
    meta(out, "name", "twitter:title", title);
    meta(out, "name", "twitter:description", description);
    if let Some((src, _)) = image {
        meta(out, "name", "twitter:image", src);
    }
}

pub fn meta(out: &mut String, attr: &str, key: &str, value: &str) {
    out.push_str(&format!(
        "<meta {attr}=\"{}\" content=\"{}\">\n",
        html::attr(key),
        html::attr(value)
    ));
}

/// The `<head>` additions of an article page; `card` is its share card's file name, the
/// image a preview shows (else the article's first image).
pub fn article_head(
    a: &Article,
    place: &Place,
    card: Option<&str>,
    corrections: Vec<Value>,
) -> String {
    let mut out = String::new();
    let description = description(a);
    let url = place.own();
    meta(&mut out, "name", "description", &description);
    out.push_str(&format!(
        "<link rel=\"canonical\" href=\"{}\">\n",
        html::attr(&url)
    ));
    meta(&mut out, "property", "og:type", "article");
    meta(&mut out, "property", "og:title", &a.title);
    meta(&mut out, "property", "og:description", &description);
    meta(&mut out, "property", "og:url", &url);
    meta(&mut out, "property", "og:locale", &locale(&a.lang));
    let published = a
        .published
        .as_deref()
        .and_then(|p| Timestamp::parse(p).ok());
    if let Some(t) = published {
        meta(&mut out, "property", "article:published_time", &t.rfc3339());
    }
    if let Some(byline) = a.byline.as_deref() {
        meta(&mut out, "property", "article:author", byline);
    }
    let image = match card {
        Some(file) => Some((place.here(file), a.title.clone())),
        None => first_image(a).map(|(src, alt)| (place.url(src), alt.to_string())),
    };
    image_tags(&mut out, image.as_ref(), &a.title, &description);
    let mut ld = Map::new();
    ld.insert("@context".into(), json!("https://schema.org"));
    ld.insert("@type".into(), json!("NewsArticle"));
    ld.insert("headline".into(), json!(a.title));
    ld.insert("description".into(), json!(description));
    ld.insert("inLanguage".into(), json!(a.lang));
    ld.insert("mainEntityOfPage".into(), json!(url));
    if let Some(t) = published {
        ld.insert("datePublished".into(), json!(t.rfc3339()));
    }
    if let Some(byline) = a.byline.as_deref() {
        ld.insert("author".into(), json!({"@type": "Person", "name": byline}));
    }
    if let Some((src, _)) = &image {
        ld.insert("image".into(), json!([src]));
    }
    if !corrections.is_empty() {
        ld.insert("correction".into(), Value::Array(corrections));
    }
    out.push_str("<script type=\"application/ld+json\">");
    out.push_str(&html::script_json(&Value::Object(ld)));
    out.push_str("</script>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(title: &str, first: &str) -> Article {
        let json = json!({"format": "article/1", "id": "a", "lang": "vi", "title": title,
            "byline": "Nguyên Lâm", "published": "2016-11-29T07:35:00+07:00",
            "blocks": [{"kind": "paragraph", "text": first},
                       {"kind": "image", "src": "images/ql18.svg", "alt": "Đường \"QL18\"", "caption": "c"}],
            "figures": []});
        article_core::parse_article(&json.to_string()).unwrap().0
    }

    #[test]
    fn descriptions_are_trimmed_at_words() {
        assert_eq!(trimmed("  một   hai ba  ", 200), "một hai ba");
        let long = "chữ ".repeat(100);
        let t = trimmed(&long, 50);
        assert!(t.ends_with('…') && t.chars().count() <= 51, "{t}");
        assert!(!t.contains("  "));
    }

    /// The head of the article page `articles/a/`, with or without the site's address.
    fn head_of(a: &article_core::Article, base_url: Option<&str>) -> String {
        article_head(
            a,
            &Place {
                base_url,
                path: "articles/a/",
                depth: 2,
            },
            None,
            Vec::new(),
        )
    }

    #[test]
    fn tags_for_previews_relative_and_absolute() {
        let a = article(
            "Cẩm Phả",
            "Hiện Đảng bộ thành phố có 54 chi, đảng bộ trực thuộc.",
        );
        let rel = head_of(&a, None);
        for want in [
            "<meta name=\"description\" content=\"Hiện Đảng bộ thành phố có 54 chi, đảng bộ trực thuộc.\">",
            "<link rel=\"canonical\" href=\"./\">",
            "<meta property=\"og:type\" content=\"article\">",
            "<meta property=\"og:locale\" content=\"vi_VN\">",
            "<meta property=\"article:published_time\" content=\"2016-11-29T07:35:00+07:00\">",
            "<meta property=\"og:image\" content=\"../../images/ql18.svg\">",
            "<meta property=\"og:image:alt\" content=\"Đường &quot;QL18&quot;\">",
            "<meta name=\"twitter:card\" content=\"summary_large_image\">",
            "\"@type\":\"NewsArticle\"",
            "\"author\":{\"@type\":\"Person\",\"name\":\"Nguyên Lâm\"}",
        ] {
            assert!(rel.contains(want), "{want} in\n{rel}");
        }
        let abs = head_of(&a, Some("https://news.example/viewer/"));
        assert!(abs
            .contains("<link rel=\"canonical\" href=\"https://news.example/viewer/articles/a/\">"));
        assert!(abs.contains(
            "<meta property=\"og:url\" content=\"https://news.example/viewer/articles/a/\">"
        ));
        assert!(abs.contains(
            "<meta property=\"og:image\" content=\"https://news.example/viewer/images/ql18.svg\">"
        ));
    }

    #[test]
    fn hostile_strings_stay_in_their_context() {
        let a = article(
            "</script><script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)> <!--",
        );
        let head = head_of(&a, None);
        assert!(
            !head.contains("<img") && !head.contains("<!--") && !head.contains("</script><script>"),
            "{head}"
        );
        let ld = head
            .split("<script type=\"application/ld+json\">")
            .nth(1)
            .unwrap();
        let ld = ld.split("</script>").next().unwrap();
        let v: Value = serde_json::from_str(ld).unwrap();
        assert_eq!(v["headline"], "</script><script>alert(1)</script>");
    }
}
