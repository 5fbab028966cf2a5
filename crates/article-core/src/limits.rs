//! Hard limits that bound the work on any input. Documented in the README.
//!
//! Why: the reader runs on whatever JSON a URL points at, in a browser tab. Every stage
//! is near-linear, but only if the input is bounded; these numbers are generous for
//! real articles (a long feature is ~100 KB of text and a few hundred figures) and
//! small enough that a hostile file cannot freeze the tab. Input size and nesting depth
//! are checked before any JSON parsing; the rest during validation.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;
pub const MAX_TEXT_BYTES: usize = 8 * 1024 * 1024;
pub const MAX_BLOCKS: usize = 100_000;
pub const MAX_FIGURES: usize = 50_000;
pub const MAX_MENTIONS: usize = 100_000;
pub const MAX_DEPTH: usize = 64;
/// Longest quote / prefix / suffix in code points.
pub const MAX_QUOTE_CHARS: usize = 2_000;
/// Errors listed before the list is cut (one more entry says it was cut).
pub const MAX_ERRORS: usize = 100;
/// Candidate quote matches the anchoring pass will examine in total before it gives up
/// with a [`crate::problem::Kind::Limit`] warning (only reachable by pathological input
/// such as thousands of quotes that are suffixes of each other in a repetitive text).
pub const MAX_ANCHOR_CANDIDATES: usize = 4_000_000;
