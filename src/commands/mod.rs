//! The non-interactive commands, one a file: `check`, `score`, `export`; and the input
//! loading they share (the decision, a session, `--yes`/`--stage`).

use std::path::Path;

use crate::cli::InputArgs;
use crate::decision::{Decision, EMBEDDED_NAME, EMBEDDED_SOURCE};
use crate::error::Failure;
use crate::score::Answers;
use crate::session::Session;

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

mod check;
mod export;
mod score;

pub use check::check;
pub use export::{ExportOptions, export};
pub use score::score;
