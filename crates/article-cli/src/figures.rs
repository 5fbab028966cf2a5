//! `article figures FILE`: the resolved figures as a plain-text table, so a publisher can
//! see at a glance which numbers are highlighted where and whether the sums add up.
use crate::report;
use crate::{single_operand, Outcome};
use article_core::format::figure_value;
use article_core::limits::MAX_INPUT_BYTES;
use article_core::problem::locate_problems;
use article_core::{Check, Document};
use std::io::Write;

/// One table row, every cell already formatted for the document's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub id: String,
    pub value: String,
    /// `resolved/total`, or `-` for a computed figure (it has no mentions to resolve).
    pub mentions: String,
    /// `¶B:C` per anchor (block index, code-point offset), or `computed = a + b`.
    pub place: String,
    /// `33 + 21 = 54 ✓` / `33 + 20 = 53 ≠ 54`, empty for figures without parts.
    pub sum: String,
}

/// The rows in document order (the order of `$.figures`), which is the order a
/// publisher edits them in.
pub fn rows(doc: &Document) -> Vec<Row> {
    let lang = doc.article.lang.as_str();
    let figures = &doc.article.figures;
    figures
        .iter()
        .zip(&doc.figures)
        .enumerate()
        .map(|(i, (fig, resolved))| {
            let parts: Vec<&str> = fig.parts.iter().map(|&p| figures[p].id.as_str()).collect();
            let place = if resolved.computed {
                if parts.is_empty() {
                    "computed".to_string()
                } else {
                    format!("computed = {}", parts.join(" + "))
                }
            } else if resolved.anchors.is_empty() {
                "-".to_string()
            } else {
                resolved
                    .anchors
                    .iter()
                    .map(|a| format!("¶{}:{}", a.block, a.chars.start))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let mentions = if resolved.computed {
                "-".to_string()
            } else {
                format!("{}/{}", resolved.anchors.len(), fig.mentions.len())
            };
            let sum = match doc.relations.breakdown(i) {
                None => String::new(),
                Some(b) => {
                    let equation = b.equation(figures, lang);
                    match b.check {
                        Check::Consistent => format!("{equation} ✓"),
                        Check::Mismatch => equation,
                        Check::UnitsDiffer(_) => format!("{equation} (other units: not added)"),
                    }
                }
            };
            Row {
                id: fig.id.clone(),
                value: figure_value(fig, lang),
                mentions,
                place,
                sum,
            }
        })
        .collect()
}

/// Columns padded to the widest cell in code points (terminal-independent plain text:
/// Vietnamese after NFC is one code point per letter). The SUM column only appears when
/// some figure has parts; no trailing spaces.
pub fn render(rows: &[Row]) -> String {
    let with_sum = rows.iter().any(|r| !r.sum.is_empty());
    let header = ["ID", "VALUE", "MENTIONS", "WHERE", "SUM"];
    let columns = if with_sum { 5 } else { 4 };
    let mut table: Vec<[&str; 5]> = vec![header];
    table.extend(
        rows.iter()
            .map(|r| [&*r.id, &*r.value, &*r.mentions, &*r.place, &*r.sum]),
    );
    let mut widths = [0usize; 5];
    for cells in &table {
        for (w, cell) in widths.iter_mut().zip(cells) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for cells in &table {
        let mut line = String::new();
        for c in 0..columns {
            if c > 0 {
                line.push_str("  ");
            }
            line.push_str(cells[c]);
            if c + 1 < columns {
                let pad = widths[c] - cells[c].chars().count();
                line.extend(std::iter::repeat_n(' ', pad));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

pub fn run(
    args: &[String],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome, crate::CliError> {
    let file = single_operand(args, "figures")?;
    let Some(text) = crate::input::read_or_report(file, MAX_INPUT_BYTES, err)? else {
        return Ok(Outcome::Failure);
    };
    match article_core::load(&text) {
        Err(mut errors) => {
            locate_problems(&text, &mut errors);
            for p in &errors {
                err.write_all(report::render(file, p).as_bytes())?;
            }
            Ok(Outcome::Failure)
        }
        Ok(mut doc) => {
            out.write_all(render(&rows(&doc)).as_bytes())?;
            // The table is still right with warnings (an unresolved mention shows as 1/2),
            // so they are reported but do not fail the command.
            locate_problems(&text, &mut doc.warnings);
            for p in &doc.warnings {
                err.write_all(report::render(file, p).as_bytes())?;
            }
            Ok(Outcome::Success)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: &str, value: &str, sum: &str) -> Row {
        Row {
            id: id.into(),
            value: value.into(),
            mentions: "1/1".into(),
            place: "¶0:3".into(),
            sum: sum.into(),
        }
    }

    #[test]
    fn columns_align_on_code_points() {
        let text = render(&[
            row("đảng-viên", "trên 8.000 đảng viên", ""),
            row("a", "5", ""),
        ]);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "ID         VALUE                 MENTIONS  WHERE");
        assert_eq!(lines[1], "đảng-viên  trên 8.000 đảng viên  1/1       ¶0:3");
        assert_eq!(lines[2], "a          5                     1/1       ¶0:3");
    }

    #[test]
    fn sum_column_only_when_needed() {
        let text = render(&[row("t", "54", "33 + 21 = 54 ✓"), row("a", "33", "")]);
        assert!(text.lines().next().unwrap().ends_with("SUM"));
        assert!(text.lines().nth(1).unwrap().ends_with("33 + 21 = 54 ✓"));
        assert!(!text.lines().nth(2).unwrap().ends_with(' '));
    }
}
