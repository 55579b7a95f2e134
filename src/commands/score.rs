//! `stackpick score`: the text report, or the JSON object.

use std::io::Write;

use crate::cli::InputArgs;
use crate::commands::failure::Failure;
use crate::commands::input::load_input;
use crate::report::Report;

/// `stackpick score`: the text report, or the JSON object with `--json`.
pub fn score(input: &InputArgs, json: bool, out: &mut dyn Write) -> Result<(), Failure> {
    let (decision, answers) = load_input(input)?;
    let report = Report::new(&decision, &answers);
    let text = if json { report.to_json() } else { report.to_text() };
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|source| Failure::Output {
            what: "the report",
            source,
        })
}
