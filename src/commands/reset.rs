//! `stackpick reset`: forgets the answers the app autosaved for a decision, after asking.

use std::io::{BufRead, Write};
use std::path::Path;

use crate::commands::failure::Failure;
use crate::commands::input::load_decision;
use crate::decision::Decision;
use crate::state::StateStore;

/// How `reset` gets its yes: `--yes`, or a question on a terminal.
pub struct Confirmation<'a> {
    /// `--yes`: reset without asking.
    pub assume_yes: bool,
    /// Whether standard input is a terminal; without one (and without `--yes`) nothing is
    /// asked and nothing reset, so a script never deletes answers by accident.
    pub interactive: bool,
    /// Where the answer is read from.
    pub input: &'a mut dyn BufRead,
    /// Where the question is asked (standard error, so standard output stays the result).
    pub prompt: &'a mut dyn Write,
}

/// `stackpick reset`: removes the saved answers of the decision (`--data`, else the
/// embedded one) from the state directory, after a y/N question unless `--yes`.
pub fn reset(data: Option<&Path>, confirm: Confirmation<'_>, out: &mut dyn Write) -> Result<(), Failure> {
    let decision = load_decision(data)?;
    let store = StateStore::from_env().ok_or_else(|| {
        Failure::BadInput("reset: no state directory (set STACKPICK_STATE_DIR or HOME)".to_owned())
    })?;
    reset_in(&store, &decision, confirm, out)
}

/// `reset` on a given store and decision.
fn reset_in(
    store: &StateStore,
    decision: &Decision,
    confirm: Confirmation<'_>,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let path = store.path_for(decision);
    let name = crate::text::escape(&decision.id).into_owned();
    let what = match store.peek(decision) {
        Ok(Some(restored)) => restored.answers.summary(),
        Ok(None) => None,
        // An unreadable file is still the decision's saved answers: resetting removes it.
        Err(message) => Some(format!("the unreadable saved answers ({message})")),
    };
    let Some(what) = what else {
        let text = format!("No saved answers for {name:?}: nothing to reset.\n");
        return write(out, &text);
    };
    if !confirm.assume_yes {
        if !confirm.interactive {
            return Err(Failure::BadInput(format!(
                "reset: standard input is not a terminal, so nothing was asked or reset; \
                 pass --yes to reset {what} saved for {name:?}"
            )));
        }
        let question = format!("Reset {what} saved for {name:?}? [y/N] ");
        confirm
            .prompt
            .write_all(question.as_bytes())
            .and_then(|()| confirm.prompt.flush())
            .map_err(|source| Failure::Output {
                what: "the question",
                source,
            })?;
        let mut answer = String::new();
        confirm
            .input
            .read_line(&mut answer)
            .map_err(|e| Failure::BadInput(format!("reset: cannot read the answer: {e}")))?;
        if !matches!(answer.trim().to_lowercase().as_str(), "y" | "yes") {
            return write(out, &format!("Kept the saved answers for {name:?}.\n"));
        }
    }
    match std::fs::remove_file(&path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => {
            return Err(Failure::Other(format!(
                "cannot remove {}: {e}",
                crate::text::escape_path(&path)
            )));
        }
    }
    let text = format!(
        "Reset {what} saved for {name:?}: removed {}\n",
        crate::text::escape_path(&path)
    );
    write(out, &text)
}

fn write(out: &mut dyn Write, text: &str) -> Result<(), Failure> {
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|source| Failure::Output {
            what: "the result",
            source,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::{Answer, Answers};

    /// A store holding one saved answer of the embedded decision.
    fn saved() -> (tempfile::TempDir, StateStore, Decision) {
        let dir = tempfile::tempdir().expect("a temp dir");
        let mut store = StateStore::new(dir.path());
        let decision = Decision::embedded();
        let mut answers = Answers::default();
        answers.set(&decision.question_ids()[0], Some(Answer::Yes));
        store.save(&decision, &answers).expect("saved");
        (dir, store, decision)
    }

    fn run(store: &StateStore, decision: &Decision, typed: &str) -> (String, String) {
        let (mut prompt, mut out) = (Vec::new(), Vec::new());
        let confirm = Confirmation {
            assume_yes: false,
            interactive: true,
            input: &mut typed.as_bytes(),
            prompt: &mut prompt,
        };
        reset_in(store, decision, confirm, &mut out).expect("reset runs");
        (
            String::from_utf8_lossy(&prompt).into_owned(),
            String::from_utf8_lossy(&out).into_owned(),
        )
    }

    #[test]
    fn no_keeps_the_answers_and_yes_removes_them() {
        let (_dir, store, decision) = saved();
        let (prompt, out) = run(&store, &decision, "n\n");
        assert!(prompt.starts_with("Reset 1 answer saved for "), "{prompt}");
        assert!(prompt.ends_with("? [y/N] "), "{prompt}");
        assert!(out.starts_with("Kept"), "{out}");
        assert!(store.path_for(&decision).exists());
        let (_, out) = run(&store, &decision, "y\n");
        assert!(out.starts_with("Reset 1 answer saved for "), "{out}");
        assert!(!store.path_for(&decision).exists());
    }

    #[test]
    fn an_empty_answer_means_no() {
        let (_dir, store, decision) = saved();
        run(&store, &decision, "");
        assert!(store.path_for(&decision).exists());
    }
}
