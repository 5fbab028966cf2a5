//! `article`: check, list and draft `article/1` documents from the command line.
//!
//! Every command takes its arguments as plain strings, computes values, and writes to the
//! two streams it is given; only this file knows about the process (argv, exit codes).
//! Arguments are parsed with `lexopt` (getopt conventions: `--name=value`, `-q`, `--` ends
//! the options); they arrive as `OsString`, so a file name that is not UTF-8 is a usage
//! error naming it, never a panic.

mod check;
mod figures;
mod generate;
mod input;
mod report;
mod site;
mod suggest;

use lexopt::Arg;
use std::ffi::OsString;
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
  article generate [--bytes N] [--figures N] [--seed N] [--articles N --into DIR]
      Print a large synthetic article for benchmarks (defaults: 1000000 bytes,
      5000 figures, seed 1); with --articles, write N such articles (seeds
      SEED…SEED+N-1) into DIR as a publisher's archive.
  article site DIST [--base-url URL] [--cards all|articles|none]
      Turn a built site (Trunk's dist/) into static pages: DIST/articles/ID/index.html
      for every DIST/articles/*.json (documents with errors are reported and skipped),
      a share page per figure (articles/ID/figures/FIG/), share cards (1200×630 PNG,
      per article and per figure; drawn with the TrueType font in DIST/fonts), the
      catalog DIST/articles/index.json from the documents, newest first, and its
      first page in DIST/index.html. --base-url makes canonical and preview URLs
      absolute. Idempotent.
  article help | --help | -h
      This text.

Options may come before or after files; `--` ends them (`article check -- -draft.json`).
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

/// Why a command stopped: a usage mistake, an I/O failure writing its output, or
/// something it needs that is not there (said in the message).
#[derive(Debug)]
pub enum CliError {
    Usage(UsageError),
    Io(io::Error),
    Failed(String),
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
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
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
        Err(CliError::Failed(why)) => {
            let _ = out.flush();
            let _ = writeln!(err, "article: {why}");
            ExitCode::from(1)
        }
    }
}

/// Dispatch on the command word. `out` gets the command's product (report, table, JSON),
/// `err` gets diagnostics that are not the product. `-h` / `--help` anywhere before `--`
/// prints the usage, whatever the command.
fn run(args: &[OsString], out: &mut dyn Write, err: &mut dyn Write) -> Result<Outcome, CliError> {
    let mut parser = lexopt::Parser::from_args(args);
    let command = match parser.next().map_err(usage)? {
        None => return Err(UsageError::new("no command given").into()),
        Some(Arg::Short('h') | Arg::Long("help")) => return help(out),
        Some(Arg::Value(word)) => word,
        Some(option) => {
            return Err(UsageError::new(format!("unknown command `{}`", spelled(&option))).into())
        }
    };
    let rest: Vec<OsString> = parser.raw_args().map_err(usage)?.collect();
    if wants_help(&rest) {
        return help(out);
    }
    let name = command.to_string_lossy();
    match &*name {
        "help" => help(out),
        "check" => check::run(&utf8(rest)?, out),
        "figures" => figures::run(&utf8(rest)?, out, err),
        "suggest" => suggest::run(&utf8(rest)?, out, err),
        "generate" => generate::run(&generate_args(&utf8(rest)?)?, out),
        "site" => site::run(&utf8(rest)?, out, err),
        _ => Err(UsageError::new(format!("unknown command `{name}`")).into()),
    }
}

fn help(out: &mut dyn Write) -> Result<Outcome, CliError> {
    out.write_all(USAGE.as_bytes())?;
    Ok(Outcome::Success)
}

/// A parse error from lexopt ("missing argument for option '--bytes'") as a usage error.
fn usage(e: lexopt::Error) -> UsageError {
    UsageError::new(e.to_string())
}

/// An option as it was written: `--quiet`, `-q`; a value as itself (lossily if not UTF-8).
pub(crate) fn spelled(arg: &Arg) -> String {
    match arg {
        Arg::Short(c) => format!("-{c}"),
        Arg::Long(name) => format!("--{name}"),
        Arg::Value(v) => v.to_string_lossy().into_owned(),
    }
}

/// Is `-h` or `--help` among the options (not after `--`, where it is a file name)?
fn wants_help(args: &[OsString]) -> bool {
    let mut parser = lexopt::Parser::from_args(args);
    loop {
        match parser.next() {
            Ok(Some(Arg::Short('h') | Arg::Long("help"))) => return true,
            // The attached value of another long option ("--bytes=5") is not an option.
            Ok(Some(Arg::Long(_))) => drop(parser.optional_value()),
            Ok(Some(_)) => {}
            Ok(None) | Err(_) => return false,
        }
    }
}

/// The arguments as text. The commands read files by UTF-8 names (their reports print
/// them in `FILE:LINE:COL:` form), so another name is refused here, shown with its bytes
/// escaped, rather than read under a lossy spelling that may name another file.
fn utf8(args: Vec<OsString>) -> Result<Vec<String>, UsageError> {
    args.into_iter()
        .map(|a| {
            a.into_string().map_err(|a| {
                UsageError::new(format!(
                    "argument {a:?} is not valid UTF-8: files are read by UTF-8 names \
                     only (rename the file)"
                ))
            })
        })
        .collect()
}

/// `generate`'s options checked here and passed on spelled one way, `--name=value`; the
/// command itself reads the numbers (`1_000_000` is accepted).
fn generate_args(args: &[String]) -> Result<Vec<String>, UsageError> {
    let mut parser = lexopt::Parser::from_args(args);
    let mut spelled_out = Vec::new();
    while let Some(arg) = parser.next().map_err(usage)? {
        let name = match arg {
            Arg::Long(name @ ("bytes" | "figures" | "seed" | "articles" | "into")) => {
                format!("--{name}")
            }
            other => {
                return Err(UsageError::new(format!(
                    "`generate` does not understand `{}`",
                    spelled(&other)
                )))
            }
        };
        let what = if name == "--into" {
            "a directory"
        } else {
            "a number"
        };
        let value = parser
            .value()
            .map_err(|_| UsageError::new(format!("`{name}` needs {what}")))?;
        spelled_out.push(format!("{name}={}", value.to_string_lossy()));
    }
    Ok(spelled_out)
}

/// Split a command's arguments into recognised flags and positional operands; `--` ends
/// the flags so a file named `-x` can still be checked. Short flags may be combined
/// (`-qq`); a flag given a value (`--quiet=yes`) is a usage error.
pub fn split_flags<'a>(
    args: &'a [String],
    known: &[&'a str],
) -> Result<(Vec<&'a str>, Vec<&'a str>), UsageError> {
    let mut flags = Vec::new();
    let mut operands = Vec::new();
    let mut parser = lexopt::Parser::from_args(args);
    while let Some(arg) = parser.next().map_err(usage)? {
        if let Arg::Value(_) = arg {
            // lexopt hands out a copy; a positional value is always one whole argument,
            // the one just before those left, so the command can keep borrowing `args`.
            let left = parser.raw_args().map_err(usage)?.as_slice().len();
            let at = args.len().checked_sub(left + 1);
            let operand = at.and_then(|at| args.get(at)).ok_or_else(|| {
                UsageError::new(format!("cannot tell the operands apart in {args:?}"))
            })?;
            operands.push(operand.as_str());
            continue;
        }
        let name = spelled(&arg);
        match known.iter().find(|k| **k == name) {
            Some(flag) => flags.push(*flag),
            None => return Err(UsageError::new(format!("unknown option `{name}`"))),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Run the command line; the exit status it would get, stdout and the usage message.
    fn run_with(args: &[OsString]) -> (u8, String, String) {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let (status, message) = match run(args, &mut out, &mut err) {
            Ok(Outcome::Success) => (0, String::new()),
            Ok(Outcome::Failure) => (1, String::new()),
            Err(CliError::Usage(UsageError(m))) => (2, m),
            Err(CliError::Io(e)) => panic!("{e}"),
            Err(CliError::Failed(why)) => (1, why),
        };
        (status, String::from_utf8(out).unwrap(), message)
    }

    fn cli(args: &[&str]) -> (u8, String, String) {
        run_with(&args.iter().map(OsString::from).collect::<Vec<_>>())
    }

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|a| a.to_string()).collect()
    }

    #[test]
    fn help_anywhere_before_the_end_of_options() {
        for args in [
            &["--help"][..],
            &["-h"],
            &["help"],
            &["check", "--help"],
            &["check", "file.json", "-h"],
            &["generate", "--bytes=5", "--help"],
            &["frobnicate", "--help"],
        ] {
            let (status, out, _) = cli(args);
            assert_eq!(status, 0, "{args:?}");
            assert!(out.starts_with("article — check"), "{args:?}: {out}");
        }
        // After `--`, `-h` is a file name.
        let (status, out, _) = cli(&["check", "--", "-h"]);
        assert_eq!(status, 1);
        assert!(out.starts_with("-h: error: cannot read file"), "{out}");
    }

    #[test]
    fn usage_errors_say_what_is_wrong() {
        for (args, message) in [
            (&[][..], "no command given"),
            (&["frobnicate"], "unknown command `frobnicate`"),
            (&["--frob"], "unknown command `--frob`"),
            (&["check"], "`check` needs at least one file"),
            (&["check", "--frob", "a.json"], "unknown option `--frob`"),
            (&["check", "-x", "a.json"], "unknown option `-x`"),
            (&["check", "-qx", "a.json"], "unknown option `-x`"),
            (&["check", "--quiet=yes", "a.json"], "'--quiet'"),
            (&["figures"], "`figures` needs a file"),
            (
                &["figures", "a.json", "b.json"],
                "`figures` takes exactly one file",
            ),
            (&["suggest"], "`suggest` needs a file"),
            (
                &["suggest", "a.txt", "b.txt"],
                "`suggest` takes exactly one file",
            ),
            (&["suggest", "--quiet", "a.txt"], "unknown option `--quiet`"),
            (&["generate", "--bytes"], "`--bytes` needs a number"),
            (
                &["generate", "--bytes", "lots"],
                "`--bytes` needs a number, not `lots`",
            ),
            (
                &["generate", "--seed=-3"],
                "`--seed` needs a number, not `-3`",
            ),
            (
                &["generate", "--size", "3"],
                "`generate` does not understand `--size`",
            ),
            (&["generate", "7"], "`generate` does not understand `7`"),
        ] {
            let (status, _, got) = cli(args);
            assert_eq!(status, 2, "{args:?}");
            assert!(got.contains(message), "{args:?}: {got}");
        }
    }

    #[test]
    fn generate_takes_both_spellings() {
        let (status, out, _) = cli(&["generate", "--bytes", "3_000", "--figures=4", "--seed", "2"]);
        assert_eq!(status, 0);
        assert_eq!(
            generate_args(&strings(&["--bytes", "3_000", "--figures=4"])).unwrap(),
            ["--bytes=3_000", "--figures=4"]
        );
        let doc = article_core::load(&out).unwrap();
        assert_eq!(doc.article.figures.len(), 4);
    }

    #[test]
    fn flags_and_operands_in_any_order() {
        let args = strings(&[
            "a.json", "-q", "--quiet", "b.json", "-qq", "--", "-c.json", "--quiet",
        ]);
        let (flags, operands) = split_flags(&args, &["--quiet", "-q"]).unwrap();
        assert_eq!(flags, ["-q", "--quiet", "-q", "-q"]);
        assert_eq!(operands, ["a.json", "b.json", "-c.json", "--quiet"]);
        // A lone dash is an operand (standard input by convention), as before.
        assert_eq!(single_operand(&strings(&["-"]), "suggest").unwrap(), "-");
    }

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_are_usage_errors_not_panics() {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"caf\xE9.txt").to_os_string();
        for command in ["check", "figures", "suggest", "generate"] {
            let (status, _, message) = run_with(&[command.into(), name.clone()]);
            assert_eq!(status, 2, "{command}");
            assert!(
                message.contains(r#""caf\xE9.txt" is not valid UTF-8"#),
                "{command}: {message}"
            );
        }
        let (status, _, message) = run_with(std::slice::from_ref(&name));
        assert_eq!(
            (status, message.as_str()),
            (2, "unknown command `caf\u{FFFD}.txt`")
        );
        let option = std::ffi::OsStr::from_bytes(b"--qu\xE9t").to_os_string();
        let (status, _, message) = run_with(&["check".into(), option, "a.json".into()]);
        assert_eq!(status, 2);
        assert!(
            message.contains(r#""--qu\xE9t" is not valid UTF-8"#),
            "{message}"
        );
    }
}
