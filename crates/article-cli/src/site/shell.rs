//! The built site's `index.html` (Trunk's output) as the frame of every static page.
//!
//! What `article site` adds to a page goes between marker comments, so a second run
//! finds the frame exactly as Trunk wrote it ([`Shell::parse`] cuts the markers out):
//! running the command twice gives the same files. A page one or more directories deep
//! gets the frame's relative URLs (stylesheet, loader, wasm, icons) prefixed with `../`
//! per level, so it works from any sub-path of a static host, like the reader itself.

const HEAD_START: &str = "<!-- article-site:head -->";
const HEAD_END: &str = "<!-- /article-site:head -->";
const BODY_START: &str = "<!-- article-site:body -->";
const BODY_END: &str = "<!-- /article-site:body -->";

/// Trunk's page with our earlier insertions removed.
#[derive(Debug, Clone, PartialEq)]
pub struct Shell {
    html: String,
}

/// What goes into one page made from the shell.
#[derive(Debug, Default)]
pub struct Page<'a> {
    /// Directories below the site root (`articles/ID/` is 2).
    pub depth: usize,
    /// `<html lang>`; `None` keeps the shell's.
    pub lang: Option<&'a str>,
    /// `dir="rtl"` for right-to-left languages.
    pub rtl: bool,
    /// `<title>` text (escaped here); `None` keeps the shell's.
    pub title: Option<&'a str>,
    /// Markup for the end of `<head>` (already escaped).
    pub head: String,
    /// Markup for the start of `<body>` (already escaped).
    pub body: String,
}

impl Shell {
    /// Take Trunk's `index.html` (or one this command wrote before). Fails when the text is
    /// not the kind of page this can extend.
    pub fn parse(html: &str) -> Result<Shell, String> {
        let mut html = html.to_string();
        for (start, end) in [(HEAD_START, HEAD_END), (BODY_START, BODY_END)] {
            while let Some(a) = html.find(start) {
                let Some(len) = html[a..].find(end) else {
                    return Err(format!(
                        "{start} without {end}: the page was edited by hand"
                    ));
                };
                html.replace_range(a..a + len + end.len(), "");
            }
        }
        for needle in ["</head>", "<body", "<title>", "</title>", "<html"] {
            if !html.contains(needle) {
                return Err(format!(
                    "no {needle} in the page: is this Trunk's index.html?"
                ));
            }
        }
        Ok(Shell { html })
    }

    /// The frame around `page`.
    pub fn render(&self, page: &Page) -> String {
        let mut html = if page.depth == 0 {
            self.html.clone()
        } else {
            relocate(&self.html, &"../".repeat(page.depth))
        };
        if let Some(lang) = page.lang {
            set_html_attributes(&mut html, lang, page.rtl);
        }
        if let Some(title) = page.title {
            if let (Some(a), Some(b)) = (html.find("<title>"), html.find("</title>")) {
                if a < b {
                    html.replace_range(a + "<title>".len()..b, &article_core::html::text(title));
                }
            }
        }
        if !page.head.is_empty() {
            let at = html.find("</head>").unwrap_or(html.len());
            html.insert_str(at, &format!("{HEAD_START}\n{}{HEAD_END}", page.head));
        }
        if !page.body.is_empty() {
            let open = html.find("<body").unwrap_or(0);
            let at = html[open..].find('>').map_or(html.len(), |i| open + i + 1);
            html.insert_str(at, &format!("{BODY_START}\n{}{BODY_END}", page.body));
        }
        html
    }
}

/// `<html lang="vi">` → the page's language (and direction).
fn set_html_attributes(html: &mut String, lang: &str, rtl: bool) {
    let Some(a) = html.find("<html") else { return };
    let Some(len) = html[a..].find('>') else {
        return;
    };
    let dir = if rtl { " dir=\"rtl\"" } else { "" };
    html.replace_range(
        a..a + len + 1,
        &format!("<html lang=\"{}\"{dir}>", article_core::html::attr(lang)),
    );
}

/// Is this URL relative to the page (so it moves with it)?
fn page_relative(url: &str) -> bool {
    !(url.is_empty()
        || url.starts_with('#')
        || url.starts_with('/')
        || url.starts_with("data:")
        || url.contains("://")
        || url.starts_with("mailto:"))
}

/// Every page-relative `href` / `src` and the loader's `'./…'` imports, `prefix`ed.
fn relocate(html: &str, prefix: &str) -> String {
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html;
    loop {
        // The next attribute or loader import, whichever comes first.
        let next = ["href=\"", "src=\"", "'./"]
            .iter()
            .filter_map(|n| rest.find(n).map(|i| (i, *n)))
            .min();
        let Some((i, needle)) = next else {
            out.push_str(rest);
            return out;
        };
        if needle == "'./" {
            out.push_str(&rest[..i]);
            out.push('\'');
            out.push_str(prefix);
            rest = &rest[i + needle.len()..];
            continue;
        }
        let value_start = i + needle.len();
        out.push_str(&rest[..value_start]);
        rest = &rest[value_start..];
        let end = rest.find('"').unwrap_or(rest.len());
        let url = &rest[..end];
        if page_relative(url) {
            out.push_str(prefix);
            out.push_str(url.strip_prefix("./").unwrap_or(url));
        } else {
            out.push_str(url);
        }
        rest = &rest[end..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = r##"<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <title>article-viewer</title>
  <link rel="icon" href="favicon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="./main-a5.css" integrity="sha384-x"/>
  <script src="preload.js"></script>
<script type="module">
import init, * as bindings from './article-viewer-5c.js';
const wasm = await init({ module_or_path: './article-viewer-5c_bg.wasm' });
</script>
<link rel="modulepreload" href="./snippets/a/src/fill.js"><link rel="preload" href="https://cdn.example/x.woff2"></head>
<body>
  <noscript>JS <a href="articles/index.json">data</a> <a href="#top">top</a></noscript>
</body>
</html>"##;

    #[test]
    fn deeper_pages_reach_the_assets() {
        let shell = Shell::parse(TRUNK).unwrap();
        let html = shell.render(&Page {
            depth: 2,
            ..Page::default()
        });
        for want in [
            "href=\"../../favicon.svg\"",
            "href=\"../../main-a5.css\"",
            "src=\"../../preload.js\"",
            "from '../../article-viewer-5c.js'",
            "module_or_path: '../../article-viewer-5c_bg.wasm'",
            "href=\"../../snippets/a/src/fill.js\"",
            "href=\"https://cdn.example/x.woff2\"",
            "href=\"../../articles/index.json\"",
            "href=\"#top\"",
        ] {
            assert!(html.contains(want), "{want} in\n{html}");
        }
        assert_eq!(
            shell.render(&Page::default()),
            shell.html,
            "the root page is the shell"
        );
    }

    #[test]
    fn insertions_are_escaped_marked_and_removed_again() {
        let shell = Shell::parse(TRUNK).unwrap();
        let page = Page {
            depth: 2,
            lang: Some("ar\"x"),
            rtl: true,
            title: Some("</title><script>alert(1)</script>"),
            head: "<meta name=\"description\" content=\"d\">\n".into(),
            body: "<main>article</main>\n".into(),
        };
        let html = shell.render(&page);
        assert!(
            html.contains("<html lang=\"ar&quot;x\" dir=\"rtl\">"),
            "{html}"
        );
        assert!(html.contains("<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>"));
        let body = html.find("<main>article</main>").unwrap();
        assert!(
            body > html.find("<body>").unwrap(),
            "at the start of the body"
        );
        assert!(html.find("<meta name=\"description\"").unwrap() < html.find("</head>").unwrap());
        // Written as index.html and read again as the shell: back to Trunk's page.
        let again = Shell::parse(&shell.render(&Page {
            head: page.head.clone(),
            body: page.body.clone(),
            ..Page::default()
        }))
        .unwrap();
        assert_eq!(again, shell, "idempotent");
    }

    #[test]
    fn not_a_shell() {
        assert!(Shell::parse("<p>hello</p>").is_err());
        let broken = TRUNK.replace("<body>", "<body>\n<!-- article-site:body -->");
        assert!(Shell::parse(&broken)
            .unwrap_err()
            .contains("edited by hand"));
    }
}
