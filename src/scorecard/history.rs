//! The session's undo history: snapshots of the answers before each change, with a short
//! label saying what the change was. Snapshots (not inverse operations) keep undo exact for
//! every kind of change, at the cost of a copy of the answers per change; the stack is
//! bounded so a long session cannot grow it without end.

use std::collections::VecDeque;

use crate::score::Answers;

/// How many changes can be undone.
pub const DEPTH: usize = 200;

/// How many characters of a question's text a label quotes before it is cut.
const QUOTED: usize = 26;

/// One step of the history: the answers on the other side of a change, and what it was.
#[derive(Debug, Clone)]
struct Step {
    answers: Answers,
    label: String,
}

/// The undo and redo stacks.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: VecDeque<Step>,
    redo: Vec<Step>,
}

impl History {
    /// Records a change made from `before`; a new change ends what could be redone.
    pub fn record(&mut self, before: Answers, label: String) {
        if self.undo.len() == DEPTH {
            self.undo.pop_front();
        }
        self.undo.push_back(Step {
            answers: before,
            label,
        });
        self.redo.clear();
    }

    /// Steps back from `current`: the answers to restore and the label of the change undone.
    pub fn undo(&mut self, current: &Answers) -> Option<(Answers, String)> {
        let step = self.undo.pop_back()?;
        self.redo.push(Step {
            answers: current.clone(),
            label: step.label.clone(),
        });
        Some((step.answers, step.label))
    }

    /// Steps forward from `current` again: the answers to restore and the label redone.
    pub fn redo(&mut self, current: &Answers) -> Option<(Answers, String)> {
        let step = self.redo.pop()?;
        self.undo.push_back(Step {
            answers: current.clone(),
            label: step.label.clone(),
        });
        Some((step.answers, step.label))
    }
}

/// A question's text quoted for a label, cut with an ellipsis when long: "'Do you need an
/// admin panel…'".
pub fn quote(text: &str) -> String {
    let text = text.trim();
    if text.chars().count() <= QUOTED {
        return format!("'{text}'");
    }
    let cut: String = text.chars().take(QUOTED).collect();
    format!("'{}…'", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(stage: &str) -> Answers {
        Answers {
            stage: Some(stage.to_owned()),
            ..Answers::default()
        }
    }

    #[test]
    fn undo_and_redo_walk_the_snapshots() {
        let mut history = History::default();
        history.record(answers("a"), "first".to_owned());
        history.record(answers("b"), "second".to_owned());
        let (restored, label) = history.undo(&answers("c")).expect("a step");
        assert_eq!((restored, label.as_str()), (answers("b"), "second"));
        let (restored, label) = history.redo(&answers("b")).expect("a step back");
        assert_eq!((restored, label.as_str()), (answers("c"), "second"));
        assert!(history.redo(&answers("c")).is_none());
        history.undo(&answers("c"));
        history.record(answers("b"), "other".to_owned());
        assert!(
            history.redo(&answers("d")).is_none(),
            "a new change ends the redo"
        );
    }

    #[test]
    fn the_history_is_bounded() {
        let mut history = History::default();
        for i in 0..DEPTH + 5 {
            history.record(answers(&i.to_string()), i.to_string());
        }
        let mut steps = 0;
        while history.undo(&Answers::default()).is_some() {
            steps += 1;
        }
        assert_eq!(steps, DEPTH);
    }

    #[test]
    fn long_questions_are_cut() {
        assert_eq!(quote("Short?"), "'Short?'");
        assert_eq!(
            quote("Do you need an admin panel for non-technical staff?"),
            "'Do you need an admin panel…'"
        );
    }
}
