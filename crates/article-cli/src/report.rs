//! Compiler-style problem reports, so editors and CI logs can jump to the spot:
//!
//! ```text
//! article.json:12:17: error: figure `x` is listed twice
//!   --> at $.figures[3].id
//!   = hint: ids must be unique
//! ```
use article_core::problem::{Kind, Problem, Severity};

/// Orphaned and ambiguous mentions are warnings for the reader (it still renders), but a
/// publisher running `check` wants to know the highlight is missing, so they fail it.
pub fn is_unresolved(p: &Problem) -> bool {
    matches!(p.kind, Kind::Orphan | Kind::Ambiguous)
}

/// One problem, possibly several lines, each ending in a newline.
pub fn render(file: &str, p: &Problem) -> String {
    let severity = match p.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut s = match (p.line, p.column) {
        (Some(line), Some(col)) => format!("{file}:{line}:{col}: {severity}: {}\n", p.message),
        (Some(line), None) => format!("{file}:{line}: {severity}: {}\n", p.message),
        _ => format!("{file}: {severity}: {}\n", p.message),
    };
    if !p.path.is_empty() {
        s.push_str(&format!("  --> at {}\n", p.path));
    }
    if let Some(hint) = p.hint.as_deref().filter(|h| !h.is_empty()) {
        s.push_str(&format!("  = hint: {hint}\n"));
    }
    s
}

/// The last line of `check`.
pub fn summary(files: usize, errors: usize, warnings: usize) -> String {
    format!("checked {files} file(s): {errors} error(s), {warnings} warning(s)\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positioned_problem_reads_like_a_compiler() {
        let p = Problem::error(Kind::Duplicate, "$.figures[1].id", "duplicate id `a`")
            .with_hint("rename one")
            .at(7, 13);
        assert_eq!(
            render("doc.json", &p),
            "doc.json:7:13: error: duplicate id `a`\n  --> at $.figures[1].id\n  = hint: rename one\n"
        );
    }

    #[test]
    fn unpositioned_problem_has_no_line() {
        let p = Problem::warning(Kind::Other, "", "odd");
        assert_eq!(render("f", &p), "f: warning: odd\n");
    }
}
