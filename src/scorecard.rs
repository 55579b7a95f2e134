//! A decision with its answers and their evaluation, kept consistent: every mutator
//! re-evaluates, so the evaluation shown can never be stale, and records the change in the
//! session's undo history. No terminal code here.

use std::collections::HashMap;

use crate::decision::{Candidate, Decision, Question, question_id};
use crate::score::choice::UserChoice;
use crate::score::{Answer, Answers, Evaluation, evaluate, reevaluate};

mod history;

use history::{History, quote};

/// Which answers a change touched: what has to be evaluated again.
#[derive(Debug, Clone, Copy)]
enum Changed {
    /// Any number of answers (undo, redo, start over, another instance's save).
    Everything,
    /// Only answers to the questions of the option at this position in the decision.
    Option(usize),
    /// No answer to a question: a note, the stage or the choice.
    NoQuestion,
}

/// The decision, what the user answered, and what the engine makes of it.
#[derive(Debug, Clone)]
pub struct Scorecard {
    decision: Decision,
    answers: Answers,
    evaluation: Evaluation,
    /// Each question's full id, in display order; built once, as the decision never changes.
    ids: Vec<String>,
    /// The display index of each full question id.
    index_of: HashMap<String, usize>,
    /// For each display index, the option's and the question's positions in the decision.
    positions: Vec<(usize, usize)>,
    /// Bumped by every mutation: equal revisions show the same answers.
    revision: u64,
    /// The changes of this session, to undo and redo.
    history: History,
}

impl Scorecard {
    /// Evaluates the answers on the decision.
    pub fn new(decision: Decision, answers: Answers) -> Scorecard {
        let evaluation = evaluate(&decision, &answers);
        let mut ids = Vec::new();
        let mut positions = Vec::new();
        for (o, option) in decision.options.iter().enumerate() {
            for (q, question) in option.questions.iter().enumerate() {
                ids.push(question_id(option, question));
                positions.push((o, q));
            }
        }
        let index_of = ids.iter().enumerate().map(|(i, id)| (id.clone(), i)).collect();
        Scorecard {
            decision,
            answers,
            evaluation,
            ids,
            index_of,
            positions,
            revision: 0,
            history: History::default(),
        }
    }

    /// Puts a new version of the decision in place, with the answers carried over to it
    /// (which must be to its ids). The history starts afresh: its snapshots are answers to
    /// the old version, and undoing into one would bring back answers to questions no longer
    /// shown, under labels that quote them. Not a change to undo either: the file changed,
    /// not the answers.
    pub fn replace_decision(&mut self, decision: Decision, answers: Answers) {
        let revision = self.revision;
        *self = Scorecard::new(decision, answers);
        // Still a number no earlier state had: what is shown is compared by it.
        self.revision = revision + 1;
    }

    /// The decision.
    pub fn decision(&self) -> &Decision {
        &self.decision
    }

    /// The answers.
    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    /// The evaluation of the answers, always current.
    pub fn evaluation(&self) -> &Evaluation {
        &self.evaluation
    }

    /// A number that changes whenever the answers do.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The number of questions, over all frameworks.
    pub fn question_count(&self) -> usize {
        self.ids.len()
    }

    /// The full id of the question at this display index.
    pub fn question_id(&self, index: usize) -> Option<&str> {
        self.ids.get(index).map(String::as_str)
    }

    /// The display index of a full question id.
    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.index_of.get(id).copied()
    }

    /// The question at this display index, with its option.
    pub fn question(&self, index: usize) -> Option<(&Candidate, &Question)> {
        let &(o, q) = self.positions.get(index)?;
        let option = &self.decision.options[o];
        Some((option, &option.questions[q]))
    }

    /// Whether the question at this display index is answered yes.
    pub fn is_yes(&self, index: usize) -> bool {
        self.question_id(index).is_some_and(|id| self.answers.is_yes(id))
    }

    /// The display index of each framework's first question.
    pub fn framework_starts(&self) -> Vec<usize> {
        let mut starts = Vec::new();
        let mut index = 0;
        // Options without a checklist (also-consider ones) have no place in the list.
        for option in self.decision.options.iter().filter(|o| !o.questions.is_empty()) {
            starts.push(index);
            index += option.questions.len();
        }
        starts
    }

    /// Ticks the question if it was not, unticks it if it was; `false` when there is no such
    /// question.
    pub fn toggle(&mut self, index: usize) -> bool {
        let Some(id) = self.ids.get(index) else {
            return false;
        };
        let before = self.answers.clone();
        self.answers.toggle(id);
        self.commit(before, self.answer_label(index), self.changed_option(index));
        true
    }

    /// Sets the answer to the question at this display index (`None` clears it); `false`
    /// when there is no such question.
    pub fn set_answer(&mut self, index: usize, answer: Option<Answer>) -> bool {
        let Some(id) = self.ids.get(index) else {
            return false;
        };
        if self.answers.answer(id) != answer {
            let before = self.answers.clone();
            self.answers.set(id, answer);
            self.commit(before, self.answer_label(index), self.changed_option(index));
        }
        true
    }

    /// The answer to the question at this display index, `None` when unanswered.
    pub fn answer(&self, index: usize) -> Option<Answer> {
        self.question_id(index).and_then(|id| self.answers.answer(id))
    }

    /// Moves the question's answer along unanswered → yes → no → unanswered; `false` when
    /// there is no such question.
    pub fn cycle(&mut self, index: usize) -> bool {
        let Some(id) = self.ids.get(index) else {
            return false;
        };
        let before = self.answers.clone();
        self.answers.cycle(id);
        self.commit(before, self.answer_label(index), self.changed_option(index));
        true
    }

    /// The note of the question at this display index.
    pub fn note(&self, index: usize) -> Option<&str> {
        self.question_id(index).and_then(|id| self.answers.note_for(id))
    }

    /// Sets the note of the question at this display index (blank removes it).
    pub fn set_note(&mut self, index: usize, note: &str) -> bool {
        let Some(id) = self.ids.get(index) else {
            return false;
        };
        let before = self.answers.clone();
        self.answers.set_note(id, note);
        self.commit(
            before,
            format!("note on {}", self.quoted(index)),
            Changed::NoQuestion,
        );
        true
    }

    /// Sets the decision-wide note (its context), on one line.
    pub fn set_decision_note(&mut self, note: &str) {
        let before = self.answers.clone();
        self.answers.note = crate::text::Text::line(note);
        self.commit(before, "decision note".to_owned(), Changed::NoQuestion);
    }

    /// The user's decision resolved against the checklist's verdict.
    pub fn resolved_choice(&self) -> crate::score::choice::Resolved {
        self.answers
            .choice
            .resolve(&self.decision, &self.evaluation.verdict.suggestion())
    }

    /// Sets the user's own decision.
    pub fn set_choice(&mut self, choice: UserChoice) {
        if self.answers.choice != choice {
            let before = self.answers.clone();
            self.answers.choice = choice;
            self.commit(before, "your choice".to_owned(), Changed::NoQuestion);
        }
    }

    /// Chooses the stage (by id), or clears it.
    pub fn set_stage(&mut self, stage: Option<String>) {
        let before = self.answers.clone();
        self.answers.stage = stage;
        self.commit(before, "stage".to_owned(), Changed::NoQuestion);
    }

    /// Replaces all the answers with what another instance saved merged in. Not a change of
    /// the user's, so not one to undo: the history is left as it is.
    pub fn replace_answers(&mut self, answers: Answers) {
        self.answers = answers;
        self.changed(Changed::Everything);
    }

    /// Clears every answer, note, the stage and the choice ("start over"), keeping who
    /// answered; undoable.
    pub fn reset(&mut self) {
        // Who answered is not an answer: it stays.
        let by = self.answers.by.clone();
        let before = std::mem::replace(
            &mut self.answers,
            Answers {
                by,
                ..Answers::default()
            },
        );
        self.commit(before, "start over".to_owned(), Changed::Everything);
    }

    /// Undoes the last change; the label of the change undone, `None` when there is none.
    pub fn undo(&mut self) -> Option<String> {
        let (answers, label) = self.history.undo(&self.answers)?;
        self.answers = answers;
        self.changed(Changed::Everything);
        Some(label)
    }

    /// Redoes the last change undone; its label, `None` when there is none.
    pub fn redo(&mut self) -> Option<String> {
        let (answers, label) = self.history.redo(&self.answers)?;
        self.answers = answers;
        self.changed(Changed::Everything);
        Some(label)
    }

    /// Records a change from `before` to the answers now, if there was one, and re-evaluates.
    fn commit(&mut self, before: Answers, label: String, what: Changed) {
        if self.answers != before {
            self.history.record(before, label);
            self.changed(what);
        }
    }

    /// What a change to the answer at this display index can change: its option's score.
    fn changed_option(&self, index: usize) -> Changed {
        self.positions
            .get(index)
            .map_or(Changed::Everything, |&(o, _)| Changed::Option(o))
    }

    /// What the question at this display index was just answered: "yes to 'Do you…'".
    fn answer_label(&self, index: usize) -> String {
        let question = self.quoted(index);
        match self.answer(index) {
            Some(answer) => format!("{answer} to {question}"),
            None => format!("clear {question}"),
        }
    }

    /// The question's text, quoted and cut for a label.
    fn quoted(&self, index: usize) -> String {
        self.question(index)
            .map(|(_, q)| quote(&q.text))
            .unwrap_or_default()
    }

    fn changed(&mut self, what: Changed) {
        match what {
            Changed::Everything => self.evaluation = evaluate(&self.decision, &self.answers),
            Changed::NoQuestion => reevaluate(&self.decision, &self.answers, &mut self.evaluation, None),
            Changed::Option(o) => {
                let option = self.decision.options[o].id.as_str();
                reevaluate(&self.decision, &self.answers, &mut self.evaluation, Some(option));
            }
        }
        self.revision += 1;
    }
}

#[cfg(test)]
mod tests;
