//! How a figure is made up: a stacked bar of its `parts` with the arithmetic checked
//! ("33 + 21 = 54 ✓", or "≠" flagged), a bar of 100 for percentages, and the figures nested
//! `within` it.
use article_core::format;
use article_core::Check;
use leptos::prelude::*;

use crate::state::use_article;

/// Bar width in SVG user units; the SVG scales to its container.
const WIDTH: f64 = 300.0;

/// The breakdown of one figure; renders nothing for a figure with no structure to show.
#[component]
pub fn Breakdown(
    /// Index of the figure.
    figure: usize,
) -> impl IntoView {
    let state = use_article();
    let doc = state.doc();
    let t = state.ui.get_untracked().text();
    let lang = doc.article.lang.clone();
    let figs = &doc.article.figures;
    let fig = &figs[figure];

    let sum = doc.relations.breakdown(figure).map(|b| {
        // Positions and signs come from the core (`Breakdown::bar`): a negative part is
        // drawn over the end of the positive ones, hatched, so "15 − 5" shows the 5.
        let segments = b
            .bar(figs)
            .into_iter()
            .map(|seg| {
                let part = &figs[b.parts[seg.part]];
                let class = format!("seg s{}{}", seg.part % 6, if seg.negative { " neg" } else { "" });
                view! {
                    <rect x=format!("{:.2}", seg.start * WIDTH) y="0" width=format!("{:.2}", seg.width * WIDTH) height="18" class=class>
                        <title>{format!("{} — {}", format::figure_value(part, &lang), part.label)}</title>
                    </rect>
                }
            })
            .collect_view();
        let equation = b.equation(figs, &lang);
        let (arithmetic, status) = match b.check {
            Check::Consistent => (format!("{equation} ✓"), t.sum_ok),
            Check::Mismatch => (equation, t.sum_mismatch),
            Check::UnitsDiffer(_) => (equation, t.sum_unchecked),
        };
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
        let checked = !matches!(b.check, Check::UnitsDiffer(_));
        view! {
            <div class="sum" data-consistent=b.consistent.to_string() data-checked=checked.to_string()>
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
