//! A session: which decision, the answers and the stage. Saved as RON, loaded back by
//! `--session FILE`, and autosaved to the state directory.

use std::path::Path;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::decision::Decision;
use crate::score::{AnswerError, Answers};

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
    #[error("{path}: the session is for decision {found:?}, not {expected:?}")]
    OtherDecision {
        path: String,
        found: String,
        expected: String,
    },
    #[error("{path}: {}", errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n{path}: "))]
    Stale { path: String, errors: Vec<AnswerError> },
}

impl Session {
    /// The session of these answers to this decision.
    pub fn new(decision: &Decision, answers: &Answers) -> Session {
        Session {
            decision: decision.id.clone(),
            answers: decision
                .question_ids()
                .into_iter()
                .filter(|id| answers.is_yes(id))
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

    /// Parses session text; `name` labels the messages.
    pub fn parse(source: &str, name: &str) -> Result<Session, SessionError> {
        ron::from_str(source).map_err(|e| SessionError::Syntax {
            path: name.to_owned(),
            line: e.span.start.line,
            col: e.span.start.col,
            message: e.code.to_string(),
        })
    }

    /// Reads and parses a session file.
    pub fn load(path: &Path) -> Result<Session, SessionError> {
        let name = crate::text::escape_path(path);
        let source = std::fs::read_to_string(path).map_err(|source| SessionError::Read {
            path: name.clone(),
            source,
        })?;
        Session::parse(&source, &name)
    }

    /// The answers, checked against the decision; `name` labels the messages.
    pub fn answers(&self, decision: &Decision, name: &str) -> Result<Answers, SessionError> {
        if self.decision != decision.id {
            return Err(SessionError::OtherDecision {
                path: name.to_owned(),
                found: self.decision.clone(),
                expected: decision.id.clone(),
            });
        }
        Answers::new(decision, &self.answers, self.stage.as_deref()).map_err(|errors| SessionError::Stale {
            path: name.to_owned(),
            errors,
        })
    }
}
