//! `article check FILE...`: every problem of every file, then a one-line summary.
use crate::report::{self, is_unresolved};
use crate::{split_flags, Outcome, UsageError};
use article_core::limits::MAX_INPUT_BYTES;
use article_core::problem::{locate_problems, Problem, Severity};
use std::io::Write;

/// The problems of one file, in the order the core found them.
#[derive(Debug, Clone)]
pub struct FileCheck {
    pub file: String,
    pub problems: Vec<Problem>,
}

impl FileCheck {
    pub fn errors(&self) -> usize {
        self.problems.iter().filter(|p| p.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.problems.len() - self.errors()
    }
}

/// Read and load one file. Unresolved mentions are promoted to errors here: the reader
/// tolerates them, a publisher about to ship must not.
pub fn check_file(path: &str) -> FileCheck {
    let problems = match crate::input::read_text(path, MAX_INPUT_BYTES) {
        Err(p) => vec![p],
        Ok(text) => load_problems(&text),
    };
    FileCheck {
        file: path.to_string(),
        problems,
    }
}

/// Every problem `load` reports for this text, positioned, unresolved mentions as errors.
pub fn load_problems(text: &str) -> Vec<Problem> {
    load(text).1
}

/// The document, if it loads, and every problem as `check` reports them (positioned,
/// unresolved mentions as errors).
pub fn load(text: &str) -> (Option<article_core::Document>, Vec<Problem>) {
    let (doc, mut problems) = match article_core::load(text) {
        Ok(doc) => {
            let warnings = doc.warnings.clone();
            (Some(doc), warnings)
        }
        Err(errors) => (None, errors),
    };
    // The core positions what it can; this only fills the gaps (it skips located ones).
    locate_problems(text, &mut problems);
    for p in &mut problems {
        if is_unresolved(p) {
            p.severity = Severity::Error;
        }
    }
    (doc, problems)
}

pub fn run(args: &[String], out: &mut dyn Write) -> Result<Outcome, crate::CliError> {
    let (flags, files) = split_flags(args, &["--quiet", "-q"])?;
    let quiet = !flags.is_empty();
    if files.is_empty() {
        return Err(UsageError::new("`check` needs at least one file").into());
    }
    let (mut errors, mut warnings) = (0, 0);
    for file in &files {
        let checked = check_file(file);
        for p in &checked.problems {
            if !quiet || p.is_error() {
                out.write_all(report::render(&checked.file, p).as_bytes())?;
            }
        }
        errors += checked.errors();
        warnings += checked.warnings();
    }
    out.write_all(report::summary(files.len(), errors, warnings).as_bytes())?;
    Ok(if errors > 0 {
        Outcome::Failure
    } else {
        Outcome::Success
    })
}
