//! `stackpick check`: validate decision files, every problem of each.

use std::io::Write;
use std::path::PathBuf;

use crate::commands::failure::Failure;
use crate::decision::{Decision, EMBEDDED_NAME, EMBEDDED_SOURCE};
use crate::text::escape_path;

/// `stackpick check [FILE...]`: validates each file and reports every problem.
pub fn check(files: &[PathBuf], out: &mut dyn Write) -> Result<(), Failure> {
    let mut failures = Vec::new();
    if files.is_empty() {
        // The RON source itself, parsed and validated, not the JSON the app starts from.
        let decision = Decision::parse(EMBEDDED_SOURCE, EMBEDDED_NAME)?;
        report_ok(out, EMBEDDED_NAME, &decision);
    }
    for file in files {
        match Decision::load(file) {
            Ok(decision) => report_ok(out, &escape_path(file), &decision),
            Err(e) => failures.push(e),
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(Failure::Decisions(failures))
    }
}

fn report_ok(out: &mut dyn Write, name: &str, decision: &Decision) {
    let questions = decision.questions().count();
    let _ = writeln!(
        out,
        "{name}: ok ({} options, {questions} questions, {} stages)",
        decision.options.len(),
        decision.stages.len()
    );
}
