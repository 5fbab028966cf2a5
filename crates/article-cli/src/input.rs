//! Reading a file as text without ever panicking on what is in it.
use article_core::problem::{Kind, Problem};
use std::io::Read;

/// The file as UTF-8 text, or a problem positioned like the core's (line:column in code
/// points) so it is reported the same way.
///
/// Reads at most `limit + 1` bytes: a file larger than the core would accept is refused
/// without loading it all. Decoded by [`article_core::text::decode`], as the reader decodes
/// a download: UTF-8 only, a leading byte-order mark dropped, the same message otherwise.
pub fn read_text(path: &str, limit: usize) -> Result<String, Problem> {
    let file = std::fs::File::open(path)
        .map_err(|e| Problem::error(Kind::Other, "", format!("cannot read file: {e}")))?;
    let mut bytes = Vec::new();
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Problem::error(Kind::Other, "", format!("cannot read file: {e}")))?;
    if bytes.len() > limit {
        return Err(Problem::error(
            Kind::Limit,
            "",
            format!("file is larger than {limit} bytes"),
        )
        .with_hint("split the article, or move large content out of the document"));
    }
    // One decoder for the CLI and the reader: the same files pass, with the same message.
    article_core::text::decode(bytes)
}

/// [`read_text`] for a command's one input file, with a failure already reported on `err`
/// like a compiler would: `None` means stop with exit status 1.
pub fn read_or_report(
    path: &str,
    limit: usize,
    err: &mut dyn std::io::Write,
) -> std::io::Result<Option<String>> {
    match read_text(path, limit) {
        Ok(text) => Ok(Some(text)),
        Err(p) => {
            err.write_all(crate::report::render(path, &p).as_bytes())?;
            Ok(None)
        }
    }
}
