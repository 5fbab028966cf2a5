//! Cycles through `parts` or `within` (a total cannot contain itself), found once all
//! figures are read.
use super::fields::Ctx;
use crate::limits::MAX_ERRORS;
use crate::model::Figure;
use crate::problem::{Kind, Problem};

/// Cycles through `parts` and through `within` are errors (a total cannot contain
/// itself). Iterative DFS, each cycle reported once.
pub(super) fn check_cycles(figures: &[Figure], cx: &mut Ctx) {
    let n = figures.len();
    let within_edges: Vec<Vec<usize>> = figures
        .iter()
        .map(|f| f.within.into_iter().filter(|&w| w < n).collect())
        .collect();
    let parts_edges: Vec<Vec<usize>> = figures
        .iter()
        .map(|f| f.parts.iter().copied().filter(|&p| p < n).collect())
        .collect();
    for (edges, field) in [(&parts_edges, "parts"), (&within_edges, "within")] {
        for cycle in find_cycles(edges) {
            let Some(&first) = cycle.first() else {
                continue;
            };
            let mut names: Vec<&str> = cycle.iter().map(|&i| figures[i].id.as_str()).collect();
            names.push(&figures[first].id);
            cx.err(
                Problem::error(
                    Kind::Cycle,
                    format!("$.figures[{first}].{field}"),
                    format!(
                        "figures form a cycle through \"{field}\": {}",
                        names.join(" → ")
                    ),
                )
                .with_hint(format!(
                    "a figure cannot (indirectly) be {} itself; remove one link",
                    if field == "parts" {
                        "a part of"
                    } else {
                        "within"
                    }
                )),
            );
        }
    }
}

fn find_cycles(edges: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let n = edges.len();
    let mut color = vec![0u8; n]; // 0 new, 1 on stack, 2 done
    let mut cycles = Vec::new();
    let mut stack: Vec<(usize, usize)> = Vec::new();
    for s in 0..n {
        if color[s] != 0 {
            continue;
        }
        stack.push((s, 0));
        color[s] = 1;
        while let Some(&mut (u, ref mut k)) = stack.last_mut() {
            if let Some(&v) = edges[u].get(*k) {
                *k += 1;
                match color[v] {
                    0 => {
                        color[v] = 1;
                        stack.push((v, 0));
                    }
                    1 => {
                        if let Some(pos) = stack.iter().position(|x| x.0 == v) {
                            cycles.push(stack[pos..].iter().map(|x| x.0).collect());
                            if cycles.len() >= MAX_ERRORS {
                                return cycles;
                            }
                        }
                    }
                    _ => {}
                }
            } else {
                color[u] = 2;
                stack.pop();
            }
        }
    }
    cycles
}
