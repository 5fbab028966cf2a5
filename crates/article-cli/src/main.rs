//! `article`: check, list and draft `article/1` documents from the command line.
//!
//! Every command takes its arguments as plain strings, computes values, and writes to the
//! two streams it is given; only this file knows about the process (argv, exit codes).

mod check;
mod figures;
mod generate;
mod input;
mod report;
mod suggest;

use std::io::{self, Write};
use std::process::ExitCode;

const USAGE: &str = "\
article — check, list and draft article/1 documents

Usage:
  article check [--quiet] FILE...
      Validate documents; print every problem as FILE:LINE:COL: error|warning: MESSAGE.
      Fails (exit 1) on any error and on any unresolved (orphaned or ambiguous) mention.
      --quiet  print only failures and the summary line
  article figures FILE
      Table of the resolved figures: id, value, mentions resolved/total, where each
      mention landed (¶B:C = block index as in $.blocks[B], code-point offset C) and
      the sum check of figures with parts.
  article suggest TEXT_FILE
      Draft an article/1 document from plain text: paragraphs become blocks, the
      numbers that look like key figures become figures with one anchored mention each.
  article generate [--bytes N] [--figures N] [--seed N]
      Print a large synthetic article for benchmarks (defaults: 1000000 bytes,
      5000 figures, seed 1).
  article help | --help | -h
      This text.

Exit status: 0 success, 1 the input has problems, 2 bad usage.
";

/// What a command decided about its input; `main` turns it into an exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Success,
    /// The input has problems (already reported).
    Failure,
}

/// A mistake on the command line: reported with the usage text, exit status 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError(pub String);

impl UsageError {
    pub fn new(message: impl Into<String>) -> Self {
        UsageError(message.into())
    }
}

/// Why a command stopped: a usage mistake or an I/O failure writing its output.
#[derive(Debug)]
pub enum CliError {
    Usage(UsageError),
    Io(io::Error),
}

impl From<UsageError> for CliError {
    fn from(e: UsageError) -> Self {
        CliError::Usage(e)
    }
}

impl From<io::Error> for CliError {
    fn from(e: io::Error) -> Self {
        CliError::Io(e)
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stdout = io::stdout();
    let stderr = io::stderr();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut err = stderr.lock();
    let result = run(&args, &mut out, &mut err).and_then(|o| {
        out.flush()?;
        Ok(o)
    });
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Failure) => ExitCode::from(1),
        Err(CliError::Usage(UsageError(message))) => {
            // Whatever a command printed before it noticed the mistake still goes out.
            let _ = out.flush();
            let _ = writeln!(err, "article: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
        // `article generate | head` closes the pipe early; that is not a failure.
        Err(CliError::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(CliError::Io(e)) => {
            let _ = writeln!(err, "article: cannot write output: {e}");
            ExitCode::from(1)
        }
    }
}

/// Dispatch on the command word. `out` gets the command's product (report, table, JSON),
/// `err` gets diagnostics that are not the product.
fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> Result<Outcome, CliError> {
    let Some((command, rest)) = args.split_first() else {
        return Err(UsageError::new("no command given").into());
    };
    if rest.iter().any(|a| a == "--help" || a == "-h") {
        out.write_all(USAGE.as_bytes())?;
        return Ok(Outcome::Success);
    }
    match command.as_str() {
        "check" => check::run(rest, out),
        "figures" => figures::run(rest, out, err),
        "suggest" => suggest::run(rest, out, err),
        "generate" => generate::run(rest, out),
        "help" | "--help" | "-h" => {
            out.write_all(USAGE.as_bytes())?;
            Ok(Outcome::Success)
        }
        other => Err(UsageError::new(format!("unknown command `{other}`")).into()),
    }
}

/// Split a command's arguments into recognised flags and positional operands; `--` ends
/// the flags so a file named `-x` can still be checked.
pub fn split_flags<'a>(
    args: &'a [String],
    known: &[&str],
) -> Result<(Vec<&'a str>, Vec<&'a str>), UsageError> {
    let mut flags = Vec::new();
    let mut operands = Vec::new();
    let mut only_operands = false;
    for a in args {
        if only_operands {
            operands.push(a.as_str());
        } else if a == "--" {
            only_operands = true;
        } else if a.starts_with('-') && a.len() > 1 {
            if known.contains(&a.as_str()) {
                flags.push(a.as_str());
            } else {
                return Err(UsageError::new(format!("unknown option `{a}`")));
            }
        } else {
            operands.push(a.as_str());
        }
    }
    Ok((flags, operands))
}

/// Exactly one operand, for the commands that read a single file.
pub fn single_operand<'a>(args: &'a [String], command: &str) -> Result<&'a str, UsageError> {
    let (_, operands) = split_flags(args, &[])?;
    match operands.as_slice() {
        [one] => Ok(one),
        [] => Err(UsageError::new(format!("`{command}` needs a file"))),
        _ => Err(UsageError::new(format!(
            "`{command}` takes exactly one file"
        ))),
    }
}
