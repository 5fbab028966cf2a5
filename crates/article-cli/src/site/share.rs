//! A share page per figure, `articles/ID/figures/FIG/index.html`: what a link previewer
//! reads (its own title, the sentence the figure is in, Open Graph and Twitter tags with
//! the figure's card) and, for a person, a summary of the figure with a link to it in the
//! article — where a `<meta http-equiv="refresh">` takes them at once (the reader then
//! selects it; without JavaScript the page lands on its card). Previewers do not follow
//! the refresh; they read this page.
use article_core::format::Timestamp;
use article_core::html;
use article_core::{Check, Document};

use super::meta::{self, Place};
use super::{text_for, Cards, Options};

/// The line a share shows for a figure: "54 đơn vị — chi, đảng bộ trực thuộc".
pub fn headline(doc: &Document, values: &[String], figure: usize) -> String {
    let value = values.get(figure).map(String::as_str).unwrap_or_default();
    let label = doc
        .article
        .figures
        .get(figure)
        .map(|f| f.label.as_str())
        .unwrap_or_default();
    format!("{value} — {label}")
}

/// What a preview says under the headline: the sentence of the figure's first mention,
/// or, for a computed figure, its label and arithmetic.
pub fn description(doc: &Document, figure: usize) -> String {
    if let Some(s) = article_core::view::first_sentence(doc, figure) {
        return meta::trimmed(&s, 200);
    }
    let fig = &doc.article.figures[figure];
    match doc.relations.breakdown(figure) {
        Some(b) => {
            let check = match b.check {
                Check::Consistent => " ✓",
                _ => "",
            };
            format!(
                "{}: {}{check}",
                fig.label,
                b.equation(&doc.article.figures, &doc.article.lang)
            )
        }
        None => fig.label.clone(),
    }
}

/// The share page of one figure.
/// `css` is the `<link>` to the site's style sheet (see [`stylesheet`]).
pub fn figure_page(
    doc: &Document,
    values: &[String],
    figure: usize,
    options: &Options,
    css: &str,
) -> String {
    let a = &doc.article;
    let fig = &a.figures[figure];
    let t = text_for(&a.lang);
    let place = Place {
        base_url: options.base_url.as_deref(),
        path: &format!("articles/{}/figures/{}/", a.id, fig.id),
        depth: 4,
    };
    let title = format!("{} · {}", headline(doc, values, figure), a.title);
    let description = description(doc, figure);
    let target = format!("../../#fig-{}", fig.id);
    let url = place.own();
    let mut head = String::new();
    meta::meta(&mut head, "name", "description", &description);
    head.push_str(&format!(
        "<link rel=\"canonical\" href=\"{}\">\n",
        html::attr(&url)
    ));
    meta::meta(&mut head, "property", "og:type", "article");
    meta::meta(
        &mut head,
        "property",
        "og:title",
        &headline(doc, values, figure),
    );
    meta::meta(&mut head, "property", "og:description", &description);
    meta::meta(&mut head, "property", "og:url", &url);
    meta::meta(&mut head, "property", "og:site_name", t.app_name);
    meta::meta(&mut head, "property", "og:locale", &meta::locale(&a.lang));
    let image = match options.cards {
        Cards::All => Some((place.here("card.png"), headline(doc, values, figure))),
        Cards::Articles => Some((
            place.url(&format!("articles/{}/card.png", a.id)),
            a.title.clone(),
        )),
        Cards::None => None,
    };
    meta::image_tags(
        &mut head,
        image.as_ref(),
        &headline(doc, values, figure),
        &description,
    );
    let date = a
        .published
        .as_deref()
        .and_then(|p| Timestamp::parse(p).ok())
        .map(|ts| {
            format!(
                "<time datetime=\"{}\">{}</time>",
                ts.iso_date(),
                html::text(&ts.short(&a.lang))
            )
        });
    let dir = if article_core::text::is_rtl(&a.lang) {
        "rtl"
    } else {
        "ltr"
    };
    let breakdown = doc.relations.breakdown(figure).map(|b| {
        let (line, status) = match b.check {
            Check::Consistent => (format!("{} ✓", b.equation(&a.figures, &a.lang)), t.sum_ok),
            Check::Mismatch => (b.equation(&a.figures, &a.lang), t.sum_mismatch),
            Check::UnitsDiffer(_) => (b.equation(&a.figures, &a.lang), t.sum_unchecked),
        };
        format!(
            "<p class=\"arithmetic\">{} <span class=\"sum-status\">({})</span></p>\n",
            html::text(&line),
            html::text(status)
        )
    });
    let note = fig
        .note
        .as_deref()
        .map(|n| format!("<p class=\"details-note\">{}</p>\n", html::text(n)));
    format!(
        "<!doctype html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"refresh\" content=\"0; url={target_attr}\">\n\
         <title>{title}</title>\n{css}{head}</head>\n<body>\n\
         <main id=\"main\" class=\"share-page\">\n\
         <p class=\"kicker\">{kicker}</p>\n\
         <h1 class=\"share-value\">{value}</h1>\n<p class=\"share-label\">{label}</p>\n{breakdown}{note}\
         <p><a href=\"{target_attr}\">{see}</a></p>\n\
         <p class=\"meta\"><a href=\"../../\">{article}</a> {date}</p>\n</main>\n</body>\n</html>\n",
        lang = html::attr(&a.lang),
        target_attr = html::attr(&target),
        title = html::text(&title),
        kicker = html::text(a.kicker.as_deref().unwrap_or_default()),
        value = html::text(values.get(figure).map(String::as_str).unwrap_or_default()),
        label = html::text(&fig.label),
        breakdown = breakdown.unwrap_or_default(),
        note = note.unwrap_or_default(),
        see = html::text(t.share_see_in_article),
        article = html::text(&a.title),
        date = date.unwrap_or_default(),
    )
}

/// The `<link>` to the site's style sheet (named in Trunk's `index.html`) from a share
/// page, four levels down.
pub fn stylesheet(index: &str) -> String {
    let Some(at) = index.find("rel=\"stylesheet\" href=\"") else {
        return String::new();
    };
    let rest = &index[at + "rel=\"stylesheet\" href=\"".len()..];
    let href = rest.split('"').next().unwrap_or_default();
    let href = href.strip_prefix("./").unwrap_or(href);
    if href.is_empty() || href.contains("://") || href.starts_with('/') {
        return String::new();
    }
    format!(
        "<link rel=\"stylesheet\" href=\"../../../../{}\">\n",
        html::attr(href)
    )
}
