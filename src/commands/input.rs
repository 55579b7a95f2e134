//! The input the commands share: the decision, a session or the saved answers, and the
//! answers given on the command line (`--yes`, `--no`, `--note`, `--stage`, `--choose`).

use std::path::Path;

use crate::cli::InputArgs;
use crate::commands::failure::Failure;
use crate::decision::Decision;
use crate::score::choice::Pick;
use crate::score::{Answer, AnswerIds, Answers};
use crate::session::Session;
use crate::state::StateStore;
use crate::text::Text;

/// The decision named by `--data`, or the embedded one.
pub fn load_decision(data: Option<&Path>) -> Result<Decision, Failure> {
    match data {
        Some(path) => Ok(Decision::load(path)?),
        None => Ok(Decision::embedded()),
    }
}

/// The decision and answers named by the input arguments: the session's (or the autosaved)
/// answers first, then `--yes`, `--no` and `--note` over them, and `--stage`, `--choose` and
/// `--because` replacing theirs.
pub fn load_input(input: &InputArgs) -> Result<(Decision, Answers), Failure> {
    let decision = load_decision(input.data.as_deref())?;
    let mut answers = match &input.session {
        Some(path) => load_session(&decision, path)?,
        None if input.saved => load_saved(&decision)?,
        None => Answers::default(),
    };
    let notes = input
        .notes
        .iter()
        .map(|note| match note.split_once('=') {
            Some((id, text)) => Ok((id.trim().to_owned(), text.to_owned())),
            None => Err(Failure::BadInput(format!(
                "--note {note:?}: write it as ID=TEXT, e.g. --note 'django.security=patient data'"
            ))),
        })
        .collect::<Result<Vec<_>, _>>()?;
    let ids = AnswerIds {
        yes: &input.yes,
        no: &input.no,
        notes: &notes,
        stage: input.stage.as_deref(),
    };
    let extra = Answers::from_ids(&decision, &ids).map_err(Failure::answers)?;
    for id in &extra.yes {
        answers.set(id, Some(Answer::Yes));
    }
    for id in &extra.no {
        answers.set(id, Some(Answer::No));
    }
    for (id, note) in &extra.notes {
        answers.set_note(id, note);
    }
    if extra.stage.is_some() {
        answers.stage = extra.stage;
    }
    if let Some(word) = &input.choose {
        answers.choice.pick = Pick::parse(&decision, word).ok_or_else(|| {
            let ids: Vec<&str> = decision.options.iter().map(|o| o.id.as_str()).collect();
            Failure::BadInput(format!(
                "--choose {word:?}: not an option; use one of {}, hybrid, none or checklist",
                ids.join(", ")
            ))
        })?;
    }
    if let Some(because) = &input.because {
        answers.choice.because = Text::line(because);
    }
    // `--by`, else the session's own, else the config's name or the login name.
    match input.by.as_deref().and_then(crate::identity::clean_name) {
        Some(by) => answers.by = Some(Text::from(by)),
        None if answers.by.is_none() => answers.by = crate::identity::who(None).map(Text::from),
        None => {}
    }
    Ok((decision, answers))
}

/// The answers the app autosaved for this decision (`--saved`). Ids the decision no longer
/// has are dropped with a warning on standard error; the file is left as it is.
pub fn load_saved(decision: &Decision) -> Result<Answers, Failure> {
    let store = StateStore::from_env().ok_or_else(|| {
        Failure::BadInput("--saved: no state directory (set STACKPICK_STATE_DIR or HOME)".to_owned())
    })?;
    match store.peek(decision) {
        Ok(Some(restored)) => {
            if let Some(notice) = restored.notice {
                crate::commands::failure::say(&format!("warning: {notice}"));
            }
            Ok(restored.answers)
        }
        Ok(None) => Err(Failure::BadInput(format!(
            "--saved: no saved answers for {:?} in {}; answer in the app first, or use --session",
            decision.id,
            crate::text::escape_path(store.dir())
        ))),
        Err(message) => Err(Failure::BadInput(format!("--saved: {message}"))),
    }
}

/// The answers of a session file, checked against the decision.
pub fn load_session(decision: &Decision, path: &Path) -> Result<Answers, Failure> {
    Ok(Session::load_answers(path, decision)?)
}
