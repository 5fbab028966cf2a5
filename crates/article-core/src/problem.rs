//! Problems are values: a severity, a JSON path, an optional line:column, a message a
//! publisher can act on and an optional hint.
//!
//! Why values and not `Result<_, String>`: a publisher fixing a hand-written article
//! wants *every* mistake at once, each pointing at the exact place in the file, and a UI
//! wants to group them by [`Kind`] without parsing English. The JSON path is the stable
//! address; line:column is recovered from the original text by [`crate::position`], a
//! tolerant scanner that works even on a document serde_json rejected.
use serde::Serialize;

/// Finding problems in the text; kept here too, where callers have always found them.
pub use crate::position::{locate, locate_all, locate_problems};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// What kind of problem, so a UI can group or translate them without parsing messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Syntax,
    Type,
    Missing,
    Format,
    Duplicate,
    UnknownReference,
    Cycle,
    Limit,
    Orphan,
    Ambiguous,
    SumMismatch,
    /// Parts in another unit than their total: the sum cannot be checked.
    UnitMismatch,
    SkippedBlock,
    RefusedUrl,
    /// A key the format does not define (a typo, or a newer document): ignored.
    UnknownKey,
    Other,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    pub severity: Severity,
    pub kind: Kind,
    /// JSON path like `$.figures[3].mentions[0].quote`.
    pub path: String,
    /// 1-based line and column in the JSON text, when known. The column counts code
    /// points (not bytes), as editors do.
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    pub hint: Option<String>,
}

impl Problem {
    pub fn error(kind: Kind, path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Error,
            kind,
            path: path.into(),
            line: None,
            column: None,
            message: message.into(),
            hint: None,
        }
    }
    pub fn warning(kind: Kind, path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Warning,
            ..Self::error(kind, path, message)
        }
    }
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl std::fmt::Display for Problem {
    /// `line:col: error: message (at $.path)` — the CLI prefixes the file name.
    /// Without a known position: `error: message (at $.path)`. The hint is not part of
    /// this line (print [`Problem::hint`] separately).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let (Some(line), Some(col)) = (self.line, self.column) {
            write!(f, "{line}:{col}: ")?;
        }
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{sev}: {} (at {})", self.message, self.path)
    }
}

/// `s` in double quotes for a message, cut after `max_chars` characters with "…".
pub(crate) fn quoted(s: &str, max_chars: usize) -> String {
    let short: String = s.chars().take(max_chars).collect();
    if short.len() < s.len() {
        format!("\"{short}…\"")
    } else {
        format!("\"{short}\"")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display() {
        let p = Problem::error(Kind::Missing, "$.title", "missing field \"title\"").at(3, 5);
        assert_eq!(
            p.to_string(),
            "3:5: error: missing field \"title\" (at $.title)"
        );
        let w = Problem::warning(Kind::Orphan, "$.figures[0].mentions[1]", "not found");
        assert_eq!(
            w.to_string(),
            "warning: not found (at $.figures[0].mentions[1])"
        );
    }
}
