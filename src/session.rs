//! A session: which decision, the answers and the stage. Saved as RON, loaded back by
//! `--session FILE`, and autosaved to the state directory.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::decision::Decision;
use crate::score::choice::{Pick, Status, UserChoice};
use crate::score::{AnswerError, AnswerErrors, AnswerIds, AnswerList, Answers};
use crate::source::{self, Position, ReadError, SyntaxError, Target};
use crate::text::Text;

/// The saved form of the answers. Every field but `decision` may be left out, so sessions
/// written before "no" answers, notes and choices existed still load (their answers are yes).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// The decision's id.
    pub decision: String,
    /// Who answered; cleaned of control and bidi characters at load. Empty (and not
    /// written) when nobody is named, as in sessions written before it existed.
    #[serde(default, skip_serializing_if = "is_blank")]
    pub by: Text,
    /// Full question ids answered yes.
    #[serde(default)]
    pub answers: Vec<String>,
    /// Full question ids answered no.
    #[serde(default)]
    pub no: Vec<String>,
    /// A note per question: full id → one line.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub notes: BTreeMap<String, Text>,
    /// The chosen stage id.
    #[serde(default)]
    pub stage: Option<String>,
    /// The decision-wide note (its context).
    #[serde(default, skip_serializing_if = "is_blank")]
    pub note: Text,
    /// The user's choice: an option id, `hybrid` or `none`; absent to follow the checklist.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choose: Option<String>,
    /// Why the user chose so.
    #[serde(default, skip_serializing_if = "is_blank")]
    pub because: Text,
    /// The record's status; absent to follow the choice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Who decided.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deciders: Vec<Text>,
}

fn is_blank(text: &Text) -> bool {
    text.trim().is_empty()
}

/// Why a session could not be loaded.
#[derive(Debug, Error)]
pub enum SessionError {
    #[error("{path}: cannot read: {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}:{col}: {message}")]
    Syntax {
        path: String,
        line: usize,
        col: usize,
        message: String,
    },
    #[error("{}: decision: the session is for decision {found:?}, not {expected:?}", place(path, *position))]
    OtherDecision {
        path: String,
        found: String,
        expected: String,
        /// Where the decision id is written, when the source was at hand.
        position: Option<Position>,
    },
    /// Ids the decision does not have: the first ones, each placed when the source was at
    /// hand (`positions` runs parallel to `errors.listed`, or is empty).
    #[error("{}", stale_lines(path, errors, positions))]
    Stale {
        path: String,
        /// Boxed: the error of every session function would otherwise be this large.
        errors: Box<AnswerErrors>,
        positions: Vec<Option<Position>>,
    },
}

/// `FILE:LINE:COL`, or `FILE` when the place is unknown.
fn place(path: &str, position: Option<Position>) -> String {
    match position {
        Some((line, col)) => format!("{path}:{line}:{col}"),
        None => path.to_owned(),
    }
}

/// The document path of an unknown id in a session.
fn document_path(error: &AnswerError) -> String {
    match error {
        AnswerError::UnknownQuestion {
            index,
            list: AnswerList::Yes,
            ..
        } => format!("answers[{index}]"),
        AnswerError::UnknownQuestion {
            index,
            list: AnswerList::No,
            ..
        }
        | AnswerError::Both { index, .. } => format!("no[{index}]"),
        AnswerError::UnknownQuestion {
            id,
            list: AnswerList::Notes,
            ..
        } => format!("notes[{id:?}]"),
        AnswerError::UnknownStage { .. } => "stage".to_owned(),
        AnswerError::UnknownChoice { .. } => "choose".to_owned(),
    }
}

/// Where in the source an unknown id is: a note's key, any other id's value.
fn target(error: &AnswerError) -> Target {
    match error {
        AnswerError::UnknownQuestion {
            list: AnswerList::Notes,
            ..
        } => Target::Key(document_path(error)),
        _ => Target::Value(document_path(error)),
    }
}

fn stale_lines(path: &str, errors: &AnswerErrors, positions: &[Option<Position>]) -> String {
    let listed = errors.iter().enumerate().map(|(i, error)| {
        let position = positions.get(i).copied().flatten();
        format!("{}: {}: {error}", place(path, position), document_path(error))
    });
    let trailer = errors.trailer().into_iter().map(|line| format!("{path}: {line}"));
    listed.chain(trailer).collect::<Vec<_>>().join("\n")
}

impl Session {
    /// The session of these answers to this decision.
    pub fn new(decision: &Decision, answers: &Answers) -> Session {
        // Sorted ids, one a line (see `to_ron`): a changed answer is a changed line or two
        // in a diff. `yes` and `no` are sorted sets of ids the decision has.
        let known = |id: &&String| decision.question(id).is_some();
        Session {
            decision: decision.id.clone(),
            by: answers.by.clone().unwrap_or_default(),
            answers: answers.yes.iter().filter(known).cloned().collect(),
            no: answers.no.iter().filter(known).cloned().collect(),
            notes: answers.notes.clone().into_iter().collect(),
            stage: answers.stage.clone(),
            note: answers.note.clone(),
            choose: answers.choice.pick.to_word(),
            because: answers.choice.because.clone(),
            status: answers.choice.status,
            deciders: answers.choice.deciders.clone(),
        }
    }

    /// The session as RON text, ending with a newline: one field a line, and every id of a
    /// list or a map on a line of its own, so sessions kept in git diff line by line.
    pub fn to_ron(&self) -> String {
        let config = ron::ser::PrettyConfig::new().struct_names(true);
        let mut text = ron::ser::to_string_pretty(self, config).expect("a session always serialises");
        text.push('\n');
        text
    }

    /// Parses session text (a byte-order mark is skipped); `name` labels the messages.
    pub fn parse(source: &str, name: &str) -> Result<Session, SessionError> {
        source::parse(source).map_err(|e| syntax(name, e))
    }

    /// Reads and parses a session file.
    pub fn load(path: &Path) -> Result<Session, SessionError> {
        let name = crate::text::escape_path(path);
        let source = read(path, &name)?;
        Session::parse(&source, &name)
    }

    /// The answers, checked against the decision; `name` labels the messages, which have no
    /// line and column (see [`Session::parse_answers`] for that).
    pub fn answers(&self, decision: &Decision, name: &str) -> Result<Answers, SessionError> {
        if self.decision != decision.id {
            return Err(SessionError::OtherDecision {
                path: name.to_owned(),
                found: self.decision.clone(),
                expected: decision.id.clone(),
                position: None,
            });
        }
        let (answers, errors) = self.answers_lenient(decision);
        if errors.total == 0 {
            return Ok(answers);
        }
        Err(SessionError::Stale {
            path: name.to_owned(),
            errors: Box::new(errors),
            positions: Vec::new(),
        })
    }

    /// Every valid answer, note and choice of the session, and the problems of the others
    /// (`total` 0 when none): a stale id costs only itself. The decision id is not checked.
    pub fn answers_lenient(&self, decision: &Decision) -> (Answers, AnswerErrors) {
        let notes: Vec<(String, String)> = self
            .notes
            .iter()
            .map(|(id, note)| (id.clone(), note.to_string()))
            .collect();
        let ids = AnswerIds {
            yes: &self.answers,
            no: &self.no,
            notes: &notes,
            stage: self.stage.as_deref(),
        };
        let (mut answers, mut errors) = Answers::from_ids_lenient(decision, &ids);
        answers.note = Text::line(&self.note);
        answers.by = crate::identity::clean_name(&self.by).map(Text::from);
        let pick = match self.choose.as_deref() {
            None => Pick::Checklist,
            Some(word) => Pick::parse(decision, word).unwrap_or_else(|| {
                errors.push_listed(AnswerError::UnknownChoice { id: word.to_owned() });
                Pick::Checklist
            }),
        };
        answers.choice = UserChoice {
            pick,
            because: Text::line(&self.because),
            status: self.status,
            deciders: crate::identity::clean_names(&self.deciders),
        };
        (answers, errors)
    }

    /// Parses session text and checks its answers against the decision, each problem placed
    /// in the source.
    pub fn parse_answers(source: &str, name: &str, decision: &Decision) -> Result<Answers, SessionError> {
        Session::parse(source, name)?.answers_placed(source, name, decision)
    }

    /// The answers of a session parsed from `source`, checked against the decision, each
    /// problem placed in the source.
    pub fn answers_placed(
        &self,
        source: &str,
        name: &str,
        decision: &Decision,
    ) -> Result<Answers, SessionError> {
        self.answers(decision, name).map_err(|error| match error {
            SessionError::OtherDecision {
                path,
                found,
                expected,
                ..
            } => SessionError::OtherDecision {
                position: source::locate(source, &[Target::Value("decision".into())])[0],
                path,
                found,
                expected,
            },
            SessionError::Stale { path, errors, .. } => {
                let targets: Vec<Target> = errors.iter().map(target).collect();
                SessionError::Stale {
                    positions: source::locate(source, &targets),
                    path,
                    errors,
                }
            }
            other => other,
        })
    }

    /// Reads a session file and checks its answers against the decision, each problem placed.
    pub fn load_answers(path: &Path, decision: &Decision) -> Result<Answers, SessionError> {
        let name = crate::text::escape_path(path);
        let source = read(path, &name)?;
        Session::parse_answers(&source, &name, decision)
    }
}

/// A session file's text; `name` labels the errors.
pub(crate) fn read(path: &Path, name: &str) -> Result<String, SessionError> {
    source::read(path, "a session file").map_err(|e| match e {
        ReadError::Io(source) => SessionError::Read {
            path: name.to_owned(),
            source,
        },
        ReadError::Syntax(e) => syntax(name, e),
    })
}

fn syntax(name: &str, e: SyntaxError) -> SessionError {
    SessionError::Syntax {
        path: name.to_owned(),
        line: e.line,
        col: e.col,
        message: e.message,
    }
}
