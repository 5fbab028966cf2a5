//! The accepted figures, each editable: value, unit, label, category, qualifier, and the
//! total it is a part of (the arithmetic is checked live: a sum that does not add up is a
//! problem under its total). Problems of a figure show in its row.
use article_suggest::work::{Chosen, Concerns};
use leptos::prelude::*;

use crate::problem_notes::ProblemNotes;
use crate::studio::use_studio;

/// A text field of a figure, by name (read).
fn text(f: &Chosen, name: &str) -> String {
    match name {
        "unit" => f.unit.clone(),
        "label" => f.label.clone(),
        "category" => f.category.clone(),
        "qualifier" => f.qualifier.clone(),
        "part_of" => f.part_of.clone(),
        _ => String::new(),
    }
}

/// A text field of a figure, by name (to write).
fn text_of<'a>(f: &'a mut Chosen, name: &str) -> Option<&'a mut String> {
    Some(match name {
        "unit" => &mut f.unit,
        "label" => &mut f.label,
        "category" => &mut f.category,
        "qualifier" => &mut f.qualifier,
        "part_of" => &mut f.part_of,
        _ => return None,
    })
}

#[component]
pub fn FigureList() -> impl IntoView {
    let state = use_studio();
    let t = move || state.words();
    let work = state.work;
    // Rows by position: editing a figure's id is not offered, so a row stays its figure.
    let count = move || work.with(|w| w.figures.len());
    let rows = move || {
        work.with(|w| {
            w.figures
                .iter()
                .enumerate()
                .map(|(i, f)| (i, f.id.clone()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="figures" aria-labelledby="figures-heading">
            <h2 id="figures-heading">{move || t().figures}</h2>
            <Show when=move || count() == 0>
                <p class="empty">{move || t().figures_none}</p>
            </Show>
            <ol class="figure-list">
                <For each=rows key=|(i, id)| (*i, id.clone()) let:item>
                    <FigureRow index=item.0 />
                </For>
            </ol>
        </section>
    }
}

/// One accepted figure's editor.
#[component]
fn FigureRow(index: usize) -> impl IntoView {
    let state = use_studio();
    let t = move || state.words();
    let work = state.work;
    let get = move |name: &'static str| {
        move || {
            work.with(|w| {
                w.figures
                    .get(index)
                    .map(|f| text(f, name))
                    .unwrap_or_default()
            })
        }
    };
    let set = move |name: &'static str| {
        move |ev: web_sys::Event| {
            let v = event_target_value(&ev);
            work.update(|w| {
                if let Some(f) = w.figures.get_mut(index).and_then(|f| text_of(f, name)) {
                    *f = v;
                }
            });
        }
    };
    let id = work.with_untracked(|w| w.figures[index].id.clone());
    let quote = move || {
        work.with(|w| {
            w.figures
                .get(index)
                .map(|f| f.quote.clone())
                .unwrap_or_default()
        })
    };
    let value = move || {
        work.with(|w| {
            w.figures
                .get(index)
                .map(|f| f.value.to_string())
                .unwrap_or_default()
        })
    };
    let field_id = move |name: &str| format!("fig-{index}-{name}");
    let notes = format!("fig-{index}-problems");
    let described = notes.clone();
    let others = move || {
        work.with(|w| {
            w.figures
                .iter()
                .enumerate()
                .filter(|(k, _)| *k != index)
                .map(|(_, f)| (f.id.clone(), format!("{} {} {}", f.value, f.unit, f.label)))
                .collect::<Vec<_>>()
        })
    };
    let text_input = move |name: &'static str, label: fn(&crate::words::Words) -> &'static str| {
        view! {
            <div class="field">
                <label for=field_id(name)>{move || label(t())}</label>
                <input id=field_id(name) type="text" prop:value=get(name) on:input=set(name) />
            </div>
        }
    };
    view! {
        <li class="figure-row" data-figure-row=id.clone() aria-describedby=described>
            <p class="row-quote"><span class="hint">{move || t().quote}": "</span><mark>{quote}</mark></p>
            <div class="row-fields">
                <div class="field">
                    <label for=field_id("value")>{move || t().value}</label>
                    <input id=field_id("value") type="text" inputmode="decimal" prop:value=value
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            let parsed = v.trim().parse::<f64>().ok().filter(|x| x.is_finite())
                                .or_else(|| article_suggest::number_in(&v));
                            if let Some(x) = parsed {
                                work.update(|w| if let Some(f) = w.figures.get_mut(index) { f.value = x });
                            }
                        } />
                </div>
                {text_input("unit", |w| w.unit)}
                {text_input("label", |w| w.label)}
                {text_input("category", |w| w.category)}
                <div class="field">
                    <label for=field_id("qualifier")>{move || t().qualifier}</label>
                    <select id=field_id("qualifier") on:change=set("qualifier")>
                        <option value="" selected=move || get("qualifier")().is_empty()>{move || t().qualifier_none}</option>
                        {move || t().qualifiers.iter().map(|(v, l)| {
                            let v: &'static str = v;
                            view! { <option value=v selected=move || get("qualifier")() == v>{*l}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=field_id("part_of")>{move || t().part_of}</label>
                    <select id=field_id("part_of") data-part-of on:change=set("part_of")>
                        <option value="" selected=move || get("part_of")().is_empty()>{move || t().part_of_none}</option>
                        {move || others().into_iter().map(|(id, text)| {
                            let chosen = get("part_of")() == id;
                            view! { <option value=id selected=chosen>{text}</option> }
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <button type="button" class="remove" on:click=move |_| work.update(|w| w.remove(index))>
                {move || t().remove}
            </button>
            <ProblemNotes what=Concerns::Figure(index) id=notes />
        </li>
    }
}
