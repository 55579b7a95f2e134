//! The non-interactive commands: `check` and `score` (and shared input loading).

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::InputArgs;
use crate::decision::{Decision, EMBEDDED_NAME, EMBEDDED_SOURCE};
use crate::error::Failure;
use crate::report::Report;
use crate::score::Answers;
use crate::session::Session;
use crate::text::escape_path;

/// The decision named by `--data`, or the embedded one.
pub fn load_decision(data: Option<&Path>) -> Result<Decision, Failure> {
    match data {
        Some(path) => Ok(Decision::load(path)?),
        None => Ok(Decision::parse(EMBEDDED_SOURCE, EMBEDDED_NAME)?),
    }
}

/// The decision and answers named by the input arguments: the session's answers first,
/// then `--yes` added and `--stage` replacing the session's stage.
pub fn load_input(input: &InputArgs) -> Result<(Decision, Answers), Failure> {
    let decision = load_decision(input.data.as_deref())?;
    let mut answers = match &input.session {
        Some(path) => load_session(&decision, path)?,
        None => Answers::default(),
    };
    let extra = Answers::new(&decision, &input.yes, input.stage.as_deref()).map_err(Failure::answers)?;
    answers.yes.extend(extra.yes);
    if extra.stage.is_some() {
        answers.stage = extra.stage;
    }
    Ok((decision, answers))
}

/// The answers of a session file, checked against the decision.
pub fn load_session(decision: &Decision, path: &Path) -> Result<Answers, Failure> {
    Ok(Session::load_answers(path, decision)?)
}

/// `stackpick check [FILE...]`: validates each file and reports every problem.
pub fn check(files: &[PathBuf], out: &mut dyn Write) -> Result<(), Failure> {
    let mut failures = Vec::new();
    if files.is_empty() {
        let decision = load_decision(None)?;
        report_ok(out, EMBEDDED_NAME, &decision);
    }
    for file in files {
        match Decision::load(file) {
            Ok(decision) => report_ok(out, &escape_path(file), &decision),
            Err(e) => failures.push(e.to_string()),
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(Failure::BadInput(failures.join("\n")))
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

/// `stackpick score`: the text report, or the JSON object with `--json`.
pub fn score(input: &InputArgs, json: bool, out: &mut dyn Write) -> Result<(), Failure> {
    let (decision, answers) = load_input(input)?;
    let report = Report::new(&decision, &answers);
    let text = if json { report.to_json() } else { report.to_text() };
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| Failure::Other(format!("cannot write the report: {e}")))
}
