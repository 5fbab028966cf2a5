//! `article suggest TEXT_FILE`: print a draft `article/1` document (see `article_suggest`).
use crate::report;
use crate::{single_operand, Outcome};
use article_core::limits::MAX_TEXT_BYTES;
use article_suggest::suggest;
use std::io::Write;

pub fn run(
    args: &[String],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome, crate::CliError> {
    let file = single_operand(args, "suggest")?;
    let Some(text) = crate::input::read_or_report(file, MAX_TEXT_BYTES, err)? else {
        return Ok(Outcome::Failure);
    };
    match suggest(&text) {
        Ok(draft) => {
            out.write_all(draft.json.as_bytes())?;
            for why in &draft.dropped {
                writeln!(err, "{file}: note: {why}")?;
            }
            writeln!(
                err,
                "{file}: drafted {} figure(s); review labels and units before publishing",
                draft.figures
            )?;
            Ok(Outcome::Success)
        }
        Err(problems) => {
            for p in &problems {
                err.write_all(report::render(file, p).as_bytes())?;
            }
            Ok(Outcome::Failure)
        }
    }
}
