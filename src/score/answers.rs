//! What the user said: each question yes, no or unanswered, with an optional note; the stage;
//! the decision's own note. Checked against the decision when built from ids.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::decision::{Candidate, Decision, Question};
use crate::score::choice::UserChoice;
use crate::text::Text;

/// An answer to a question. Unanswered is the absence of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, strum::Display)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Answer {
    Yes,
    No,
}

/// What the user said: the questions answered yes and no (any other is unanswered), notes,
/// the stage chosen, and the user's own choice.
///
/// `yes` and `no` never share an id: every change goes through [`Answers::set`] or a method
/// built on it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answers {
    /// Full question ids (`<option>.<question>`) answered yes.
    pub yes: BTreeSet<String>,
    /// Full question ids answered no.
    #[serde(default)]
    pub no: BTreeSet<String>,
    /// The chosen stage id, if any.
    pub stage: Option<String>,
    /// A one-line note per question (full id → note); notes are kept whatever the answer.
    #[serde(default)]
    pub notes: BTreeMap<String, Text>,
    /// The decision-wide note (its context).
    #[serde(default)]
    pub note: Text,
    /// The user's own decision on top of the checklist's suggestion.
    #[serde(default)]
    pub choice: UserChoice,
    /// Who answered (a session's `by`), cleaned; `None` when nobody is named. Not an answer:
    /// starting over keeps it, and [`Answers::summary`] does not count it.
    #[serde(default)]
    pub by: Option<Text>,
}

/// Which list of an answer set an id was given in, to place a problem in a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerList {
    /// The yes list (`answers` in a session, `--yes` on the command line).
    Yes,
    /// The no list (`no`, `--no`).
    No,
    /// The keys of the notes (`notes`, `--note`).
    Notes,
}

/// One id of an answer set that the decision does not have, or a question answered twice.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AnswerError {
    /// `index` is the id's place among the ids of `list` (a session's `answers[index]`).
    #[error("unknown question id {id:?}")]
    UnknownQuestion {
        id: String,
        index: usize,
        list: AnswerList,
    },
    #[error("unknown stage id {id:?}")]
    UnknownStage { id: String },
    /// A question both in the yes and the no list; `index` is its place in the no list.
    #[error("question {id:?} is answered both yes and no")]
    Both { id: String, index: usize },
    /// A chosen option the decision does not have.
    #[error("unknown option {id:?} to choose (use an option id, \"hybrid\" or \"none\")")]
    UnknownChoice { id: String },
}

/// Every unknown id of an answer set: the first [`AnswerErrors::LISTED`] of them, how many
/// there are in all, and the valid ids once, so that a file of a million unknown ids costs
/// neither a million copies of the valid ids nor a million messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerErrors {
    /// The first unknown ids, in the order given (the stage last).
    pub listed: Vec<AnswerError>,
    /// How many unknown ids there are in all (listed or not).
    pub total: usize,
    /// The valid question ids, when a question id is unknown (else empty).
    pub valid_questions: Vec<String>,
    /// The valid stage ids, when the stage is unknown (else empty).
    pub valid_stages: Vec<String>,
}

impl AnswerErrors {
    /// How many unknown ids are kept and shown; the others are only counted.
    pub const LISTED: usize = 20;

    fn empty() -> AnswerErrors {
        AnswerErrors {
            listed: Vec::new(),
            total: 0,
            valid_questions: Vec::new(),
            valid_stages: Vec::new(),
        }
    }

    /// The listed errors.
    pub fn iter(&self) -> std::slice::Iter<'_, AnswerError> {
        self.listed.iter()
    }

    /// How many unknown ids are not listed.
    pub fn unlisted(&self) -> usize {
        self.total - self.listed.len()
    }

    fn push(&mut self, error: AnswerError) {
        self.total += 1;
        if self.listed.len() < Self::LISTED {
            self.listed.push(error);
        }
    }

    /// Always listed: there is only one, and it is easily missed after many ids.
    pub(crate) fn push_listed(&mut self, error: AnswerError) {
        self.total += 1;
        self.listed.push(error);
    }

    /// The lines after the listed errors: "… and N more", then the valid ids, once each.
    pub fn trailer(&self) -> Vec<String> {
        let mut lines = Vec::new();
        if self.unlisted() > 0 {
            lines.push(crate::text::and_more(
                self.unlisted(),
                "unknown id",
                "unknown ids",
            ));
        }
        if !self.valid_questions.is_empty() {
            lines.push(format!("valid ids: {}", self.valid_questions.join(", ")));
        }
        if !self.valid_stages.is_empty() {
            lines.push(format!("valid stages: {}", self.valid_stages.join(", ")));
        }
        lines
    }
}

/// The ids of an answer set, before they are checked against a decision.
#[derive(Debug, Clone, Default)]
pub struct AnswerIds<'a> {
    pub yes: &'a [String],
    pub no: &'a [String],
    /// Question id → note.
    pub notes: &'a [(String, String)],
    pub stage: Option<&'a str>,
}

impl Answers {
    /// What starting over would clear, in words: "5 answers, 2 notes, the stage and your
    /// choice"; `None` when there is nothing to clear.
    pub fn summary(&self) -> Option<String> {
        let count = |n: usize, noun: &str| format!("{n} {noun}{}", if n == 1 { "" } else { "s" });
        let answered = self.yes.len() + self.no.len();
        let notes = self.notes.len() + usize::from(!self.note.is_empty());
        let mut parts = Vec::new();
        if answered > 0 {
            parts.push(count(answered, "answer"));
        }
        if notes > 0 {
            parts.push(count(notes, "note"));
        }
        if self.stage.is_some() {
            parts.push("the stage".to_owned());
        }
        if self.choice != UserChoice::default() {
            parts.push("your choice".to_owned());
        }
        let last = parts.pop()?;
        Some(if parts.is_empty() {
            last
        } else {
            format!("{} and {last}", parts.join(", "))
        })
    }

    /// Answers from ids, checked against the decision; every unknown id is counted, and the
    /// first ones are kept for the message.
    pub fn new<I, S>(decision: &Decision, yes: I, stage: Option<&str>) -> Result<Answers, AnswerErrors>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let yes: Vec<String> = yes.into_iter().map(|s| s.as_ref().to_owned()).collect();
        Answers::from_ids(
            decision,
            &AnswerIds {
                yes: &yes,
                stage,
                ..AnswerIds::default()
            },
        )
    }

    /// Answers from every kind of id, checked against the decision: `Err` when any is unknown
    /// or a question is answered both ways.
    pub fn from_ids(decision: &Decision, ids: &AnswerIds<'_>) -> Result<Answers, AnswerErrors> {
        let (answers, errors) = Answers::from_ids_lenient(decision, ids);
        if errors.total == 0 {
            Ok(answers)
        } else {
            Err(errors)
        }
    }

    /// Answers from ids, keeping every valid one: the answers and the problems (none when
    /// `total` is 0). A saved state with one stale id keeps all the rest this way.
    pub fn from_ids_lenient(decision: &Decision, ids: &AnswerIds<'_>) -> (Answers, AnswerErrors) {
        let valid: Vec<String> = decision.question_ids();
        let known: HashSet<&str> = valid.iter().map(String::as_str).collect();
        let mut errors = AnswerErrors::empty();
        let mut answers = Answers::default();
        let check = |id: &str, index: usize, list: AnswerList, errors: &mut AnswerErrors| {
            let id = id.trim();
            if id.is_empty() {
                return None;
            }
            if known.contains(id) {
                return Some(id.to_owned());
            }
            errors.push(AnswerError::UnknownQuestion {
                id: id.to_owned(),
                index,
                list,
            });
            None
        };
        for (index, id) in ids.yes.iter().enumerate() {
            if let Some(id) = check(id, index, AnswerList::Yes, &mut errors) {
                answers.yes.insert(id);
            }
        }
        for (index, id) in ids.no.iter().enumerate() {
            if let Some(id) = check(id, index, AnswerList::No, &mut errors) {
                if answers.yes.contains(&id) {
                    errors.push(AnswerError::Both { id, index });
                } else {
                    answers.no.insert(id);
                }
            }
        }
        for (index, (id, note)) in ids.notes.iter().enumerate() {
            if let Some(id) = check(id, index, AnswerList::Notes, &mut errors) {
                answers.set_note(&id, note);
            }
        }
        let questions_unknown = errors
            .iter()
            .any(|e| matches!(e, AnswerError::UnknownQuestion { .. }))
            || errors.unlisted() > 0;
        drop(known);
        if questions_unknown {
            errors.valid_questions = valid;
        }
        if let Some(stage) = ids.stage {
            if decision.stage(stage).is_some() {
                answers.stage = Some(stage.to_owned());
            } else {
                errors.push_listed(AnswerError::UnknownStage { id: stage.to_owned() });
                errors.valid_stages = decision.stages.iter().map(|s| s.id.clone()).collect();
            }
        }
        (answers, errors)
    }

    /// The answer to the question, `None` when unanswered.
    pub fn answer(&self, id: &str) -> Option<Answer> {
        if self.yes.contains(id) {
            Some(Answer::Yes)
        } else if self.no.contains(id) {
            Some(Answer::No)
        } else {
            None
        }
    }

    /// Sets the answer to the question (`None` clears it).
    pub fn set(&mut self, id: &str, answer: Option<Answer>) {
        self.yes.remove(id);
        self.no.remove(id);
        match answer {
            Some(Answer::Yes) => self.yes.insert(id.to_owned()),
            Some(Answer::No) => self.no.insert(id.to_owned()),
            None => false,
        };
    }

    /// Whether the question is answered yes.
    pub fn is_yes(&self, id: &str) -> bool {
        self.yes.contains(id)
    }

    /// Whether this option's question is answered yes: [`Answers::is_yes`] on its full id,
    /// without writing the id out (scoring asks this of every question on every tick).
    pub fn is_yes_to(&self, option: &Candidate, question: &Question) -> bool {
        with_id(option, question, |id| self.yes.contains(id))
    }

    /// Whether this option's question is unanswered, without writing its id out.
    pub fn is_unanswered_to(&self, option: &Candidate, question: &Question) -> bool {
        with_id(option, question, |id| {
            !self.yes.contains(id) && !self.no.contains(id)
        })
    }

    /// Whether the question is answered no.
    pub fn is_no(&self, id: &str) -> bool {
        self.no.contains(id)
    }

    /// Whether the question is unanswered (neither yes nor no).
    pub fn is_unanswered(&self, id: &str) -> bool {
        self.answer(id).is_none()
    }

    /// How many questions are answered (yes or no).
    pub fn answered(&self) -> usize {
        self.yes.len() + self.no.len()
    }

    /// Ticks the question yes if it was not, clears it if it was.
    pub fn toggle(&mut self, id: &str) {
        let next = if self.is_yes(id) { None } else { Some(Answer::Yes) };
        self.set(id, next);
    }

    /// The next answer in the cycle unanswered → yes → no → unanswered.
    pub fn cycle(&mut self, id: &str) {
        let next = match self.answer(id) {
            None => Some(Answer::Yes),
            Some(Answer::Yes) => Some(Answer::No),
            Some(Answer::No) => None,
        };
        self.set(id, next);
    }

    /// The question's note, if it has one.
    pub fn note_for(&self, id: &str) -> Option<&str> {
        self.notes.get(id).map(Text::as_str)
    }

    /// Sets the question's note; a blank note removes it. Notes are one line: line breaks
    /// become spaces.
    pub fn set_note(&mut self, id: &str, note: &str) {
        let note = Text::line(note);
        if note.is_empty() {
            self.notes.remove(id);
        } else {
            self.notes.insert(id.to_owned(), note);
        }
    }
}

impl<'a> IntoIterator for &'a AnswerErrors {
    type Item = &'a AnswerError;
    type IntoIter = std::slice::Iter<'a, AnswerError>;

    fn into_iter(self) -> Self::IntoIter {
        self.listed.iter()
    }
}

/// Calls `f` with the full id of an option's question: the one written once at load
/// ([`Question::full_id`]), so scoring every question on every tick writes no id. A decision
/// built without [`Decision::parse`] has none, and gets it written here.
fn with_id<R>(option: &Candidate, question: &Question, f: impl FnOnce(&str) -> R) -> R {
    if question.full_id.is_empty() {
        f(&crate::decision::question_id(option, question))
    } else {
        f(&question.full_id)
    }
}

#[cfg(test)]
mod tests;
