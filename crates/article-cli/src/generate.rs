//! `article generate`: a big synthetic article for benchmarks, deterministic per seed.
use crate::{Outcome, UsageError};
use std::io::Write;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub bytes: usize,
    pub figures: usize,
    pub seed: u64,
    /// An archive: this many articles written into `into`, instead of one printed.
    pub articles: Option<u64>,
    pub into: Option<String>,
}

impl Default for Options {
    /// About a megabyte: ten times a long feature, so benchmarks measure scaling rather
    /// than constant overheads.
    fn default() -> Self {
        Options {
            bytes: 1_000_000,
            figures: 5_000,
            seed: 1,
            articles: None,
            into: None,
        }
    }
}

/// `--bytes N`, `--figures N`, `--seed N`, also as `--bytes=N`; `1_000_000` is accepted.
pub fn parse_options(args: &[String]) -> Result<Options, UsageError> {
    let mut options = Options::default();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (arg.as_str(), None),
        };
        if !matches!(
            name,
            "--bytes" | "--figures" | "--seed" | "--articles" | "--into"
        ) {
            return Err(UsageError::new(format!(
                "`generate` does not understand `{arg}`"
            )));
        }
        let value = match inline {
            Some(v) => v,
            None => it
                .next()
                .cloned()
                .ok_or_else(|| UsageError::new(format!("`{name}` needs a number")))?,
        };
        if name == "--into" {
            options.into = Some(value);
            continue;
        }
        let n = parse_count(&value)
            .ok_or_else(|| UsageError::new(format!("`{name}` needs a number, not `{value}`")))?;
        match name {
            "--bytes" => options.bytes = usize::try_from(n).unwrap_or(usize::MAX),
            "--figures" => options.figures = usize::try_from(n).unwrap_or(usize::MAX),
            "--articles" => options.articles = Some(n),
            _ => options.seed = n,
        }
    }
    if options.articles.is_some() != options.into.is_some() {
        return Err(UsageError::new(
            "`--articles N` and `--into DIR` go together",
        ));
    }
    Ok(options)
}

fn parse_count(s: &str) -> Option<u64> {
    let digits: String = s.chars().filter(|&c| c != '_').collect();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

pub fn run(args: &[String], out: &mut dyn Write) -> Result<Outcome, crate::CliError> {
    let o = parse_options(args)?;
    if let (Some(n), Some(dir)) = (o.articles, o.into.as_deref()) {
        let dir = std::path::Path::new(dir);
        std::fs::create_dir_all(dir)?;
        for i in 0..n {
            let seed = o.seed.wrapping_add(i);
            let json = article_core::generate::big_article(o.bytes, o.figures, seed);
            std::fs::write(dir.join(format!("bench-{seed}.json")), json)?;
        }
        writeln!(out, "generate: {n} articles in {}", dir.display())?;
        return Ok(Outcome::Success);
    }
    let json = article_core::generate::big_article(o.bytes, o.figures, o.seed);
    out.write_all(json.as_bytes())?;
    if !json.ends_with('\n') {
        out.write_all(b"\n")?;
    }
    Ok(Outcome::Success)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &[&str]) -> Vec<String> {
        s.iter().map(|a| a.to_string()).collect()
    }

    #[test]
    fn defaults_and_both_spellings() {
        assert_eq!(parse_options(&[]).unwrap(), Options::default());
        let o = parse_options(&args(&["--bytes", "1_000", "--figures=7", "--seed", "9"])).unwrap();
        assert_eq!(
            o,
            Options {
                bytes: 1000,
                figures: 7,
                seed: 9,
                articles: None,
                into: None,
            }
        );
    }

    #[test]
    fn rejects_garbage() {
        assert!(parse_options(&args(&["--bytes"])).is_err());
        assert!(parse_options(&args(&["--bytes", "-3"])).is_err());
        assert!(parse_options(&args(&["--size", "3"])).is_err());
        assert!(
            parse_options(&args(&["--articles", "3"])).is_err(),
            "needs --into"
        );
    }
}
