//! Reading a file as text without ever panicking on what is in it.
use article_core::problem::{Kind, Problem};
use std::io::Read;

/// The file as UTF-8 text, or a problem positioned like the core's (line:column in code
/// points) so it is reported the same way.
///
/// Reads at most `limit + 1` bytes: a file larger than the core would accept is refused
/// without loading it all. A leading byte-order mark is dropped, as a browser's
/// `TextDecoder` does for the reader, so the CLI accepts exactly what the site renders.
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
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    String::from_utf8(bytes).map_err(|e| not_utf8(e.as_bytes(), e.utf8_error()))
}

fn not_utf8(bytes: &[u8], e: std::str::Utf8Error) -> Problem {
    let offset = e.valid_up_to();
    // The prefix is valid by definition, so line and column can be counted in it.
    let valid = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
    let line = valid.matches('\n').count() + 1;
    let column = valid.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    Problem::error(
        Kind::Syntax,
        "",
        format!(
            "file is not valid UTF-8: byte 0x{:02X} at byte offset {offset}",
            bytes[offset]
        ),
    )
    .with_hint("save the file as UTF-8")
    .at(line, column)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_positioned() {
        let bytes = b"{\n  \"a\": \"\xC3x\"\n}".to_vec();
        let e = String::from_utf8(bytes).unwrap_err();
        let p = not_utf8(e.as_bytes(), e.utf8_error());
        assert_eq!((p.line, p.column), (Some(2), Some(9)));
        assert!(p.message.contains("byte offset 10"), "{}", p.message);
    }
}
