//! A session: which decision, the answers and the stage. Saved as RON, loaded back by
//! `--session FILE`, and autosaved to the state directory.

use std::path::Path;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::decision::Decision;
use crate::score::{AnswerError, AnswerErrors, Answers};
use crate::source::{self, Position, ReadError, SyntaxError, Target};

/// The saved form of the answers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// The decision's id.
    pub decision: String,
    /// Full question ids answered yes.
    #[serde(default)]
    pub answers: Vec<String>,
    /// The chosen stage id.
    #[serde(default)]
    pub stage: Option<String>,
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
        AnswerError::UnknownQuestion { index, .. } => format!("answers[{index}]"),
        AnswerError::UnknownStage { .. } => "stage".to_owned(),
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
        Session {
            decision: decision.id.clone(),
            answers: decision
                .questions()
                .filter(|(o, q)| answers.is_yes_to(o, q))
                .map(|(o, q)| crate::decision::question_id(o, q))
                .collect(),
            stage: answers.stage.clone(),
        }
    }

    /// The session as RON text, ending with a newline.
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
        Answers::new(decision, &self.answers, self.stage.as_deref()).map_err(|errors| SessionError::Stale {
            path: name.to_owned(),
            errors: Box::new(errors),
            positions: Vec::new(),
        })
    }

    /// Parses session text and checks its answers against the decision, each problem placed
    /// in the source.
    pub fn parse_answers(source: &str, name: &str, decision: &Decision) -> Result<Answers, SessionError> {
        let session = Session::parse(source, name)?;
        session.answers(decision, name).map_err(|error| match error {
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
                let targets: Vec<Target> = errors.iter().map(|e| Target::Value(document_path(e))).collect();
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

fn read(path: &Path, name: &str) -> Result<String, SessionError> {
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
