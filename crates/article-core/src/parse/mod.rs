//! JSON text → validated, NFC-normalised [`Article`] plus warnings, or every error found.
//!
//! Why a hand-written walk over `serde_json::Value` instead of `#[derive(Deserialize)]`:
//! derive stops at the first problem and words it for Rust programmers ("invalid type:
//! string \"54\", expected f64"). A publisher editing JSON by hand needs all problems at
//! once, each with its JSON path, line:column and a fix ("remove the quotes"), and
//! unknown block kinds must be skipped rather than fatal. Work is bounded before
//! serde_json ever runs: input size and nesting depth are checked on the raw bytes.
//!
//! Where things are: [`syntax`] (raw text: bounds, syntax errors), [`fields`] (one typed
//! field with its problem), then one module per part of the document: [`article`]
//! (header fields, categories), [`blocks`], [`figures`] (ids, value and style, category,
//! qualifier, mentions, references) and [`cycles`].
mod article;
mod blocks;
mod cycles;
mod fields;
mod figures;
mod sources;
mod syntax;
#[cfg(test)]
mod tests;

pub use blocks::check_src;

use crate::limits::MAX_ERRORS;
use crate::model::Article;
use crate::position::locate_problems;
use crate::problem::{Kind, Problem};
use crate::unicode::Normalizer;
use fields::Ctx;

/// The most digits after the decimal mark a figure may ask for with `"decimals"`.
pub const MAX_DECIMALS: u64 = 20;

/// `MentionSpec::block` value for a mention whose block was dropped (unknown kind or
/// refused image): it can never resolve and is reported as an orphan.
pub const DROPPED_BLOCK: usize = usize::MAX;

/// Parse and validate, every string NFC by `norm`. Every problem carries line:column where
/// it could be located.
pub(crate) fn parse(
    json: &str,
    norm: &dyn Normalizer,
) -> Result<(Article, Vec<Problem>), Vec<Problem>> {
    syntax::check_bounds(json)?;
    let (value, duplicates) = match crate::json::parse(json) {
        Ok(v) => v,
        Err(e) => return Err(vec![syntax::syntax_problem(json, &e)]),
    };
    let mut cx = Ctx::new(duplicates, norm);
    let article = article::article(&value, &mut cx);
    if cx.full() {
        let more = if cx.dropped_errors > 0 {
            format!(" ({} more found before stopping)", cx.dropped_errors)
        } else {
            String::new()
        };
        cx.errors.push(
            Problem::error(
                Kind::Limit,
                "$",
                format!("too many errors: stopped listing after {MAX_ERRORS}{more}"),
            )
            .with_hint("fix these and check again"),
        );
    }
    match article {
        Some(a) if cx.errors.is_empty() => {
            locate_problems(json, &mut cx.warnings);
            Ok((a, cx.warnings))
        }
        _ => {
            if cx.errors.is_empty() {
                cx.errors.push(Problem::error(
                    Kind::Other,
                    "$",
                    "the document could not be read",
                ));
            }
            // The warnings too (an unknown key is often the cause of a missing field):
            // a publisher fixing the file sees everything at once, errors first.
            cx.errors.append(&mut cx.warnings);
            locate_problems(json, &mut cx.errors);
            Err(cx.errors)
        }
    }
}
