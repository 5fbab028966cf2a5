//! How a figure is made up: a stacked bar of its `parts` with the arithmetic checked
//! ("33 + 21 = 54 ✓", or "≠" flagged), a bar of 100 for percentages, and the figures nested
//! `within` it.
use article_core::format;
use leptos::prelude::*;

use crate::reader::use_reader;

/// Bar width in SVG user units; the SVG scales to its container.
const WIDTH: f64 = 300.0;

/// The breakdown of one figure; renders nothing for a figure with no structure to show.
#[component]
pub fn Breakdown(
    /// Index of the figure.
    figure: usize,
) -> impl IntoView {
    let reader = use_reader();
    let doc = reader.doc.clone();
    let t = reader.ui.get_untracked().text();
    let lang = doc.article.lang.clone();
    let figs = &doc.article.figures;
    let fig = &figs[figure];

    let sum = doc.relations.breakdown(figure).map(|b| {
        let total = b.sum.max(fig.value).max(f64::MIN_POSITIVE);
        let mut x = 0.0;
        let segments = b
            .parts
            .iter()
            .enumerate()
            .map(|(i, &p)| {
                let v = figs[p].value.max(0.0);
                let w = v / total * WIDTH;
                let seg = view! {
                    <rect x=format!("{x:.2}") y="0" width=format!("{w:.2}") height="18" class=format!("seg s{}", i % 6)>
                        <title>{format!("{} — {}", format::number(figs[p].value, &lang), figs[p].label)}</title>
                    </rect>
                };
                x += w;
                seg
            })
            .collect_view();
        let terms: Vec<String> = b.parts.iter().map(|&p| format::number(figs[p].value, &lang)).collect();
        let sum_text = format::number(b.sum, &lang);
        let arithmetic = if b.consistent {
            format!("{} = {} ✓", terms.join(" + "), sum_text)
        } else {
            format!("{} = {} ≠ {}", terms.join(" + "), sum_text, format::number(fig.value, &lang))
        };
        let status = if b.consistent { t.sum_ok } else { t.sum_mismatch };
        let legend = b
            .parts
            .iter()
            .enumerate()
            .map(|(i, &p)| {
                view! {
                    <li><span class=format!("swatch s{}", i % 6) aria-hidden="true"></span>
                        {format!("{} — {}", format::figure_value(&figs[p], &lang), figs[p].label)}
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="sum" data-consistent=b.consistent.to_string()>
                <svg class="stack" viewBox=format!("0 0 {WIDTH} 18") preserveAspectRatio="none" role="img"
                    aria-label=arithmetic.clone()>
                    {segments}
                </svg>
                <p class="arithmetic" class:mismatch=!b.consistent>
                    <span>{arithmetic}</span>" "<span class="sum-status">"("{status}")"</span>
                </p>
                <ul class="parts">{legend}</ul>
            </div>
        }
    });

    let percent = (fig.unit.as_deref() == Some("%")).then(|| {
        let w = (fig.value.clamp(0.0, 100.0) / 100.0 * WIDTH).max(0.0);
        let label = format::percent(fig.value, &lang);
        view! {
            <svg class="stack percent" viewBox=format!("0 0 {WIDTH} 12") preserveAspectRatio="none" role="img" aria-label=format!("{label} / 100 %")>
                <rect x="0" y="0" width=WIDTH.to_string() height="12" class="track" />
                <rect x="0" y="0" width=format!("{w:.2}") height="12" class="seg s0" />
            </svg>
        }
    });

    let children = doc.relations.children.get(figure).filter(|c| !c.is_empty()).map(|c| {
        // "386 chi bộ — trong 33 đảng bộ": the nested figure under its parent.
        let items = c
            .iter()
            .map(|&k| view! { <li>{format!("{} — {} {}", format::figure_value(&figs[k], &lang), t.within, format::figure_value(fig, &lang))}</li> })
            .collect_view();
        view! { <div class="nested"><p class="rel-head">{t.contains}</p><ul>{items}</ul></div> }
    });

    let parent = fig.within.and_then(|p| figs.get(p)).map(|p| {
        view! { <p class="within">{format!("{} — {} {}", format::figure_value(fig, &lang), t.within, format::figure_value(p, &lang))}</p> }
    });

    let part_of = doc.relations.part_of.get(figure).filter(|c| !c.is_empty()).map(|c| {
        let items = c.iter().map(|&k| view! { <li>{format!("{} {}", format::figure_value(&figs[k], &lang), figs[k].label)}</li> }).collect_view();
        view! { <div class="part-of"><p class="rel-head">{t.part_of}</p><ul>{items}</ul></div> }
    });

    view! { <div class="breakdown">{sum}{percent}{parent}{children}{part_of}</div> }
}
