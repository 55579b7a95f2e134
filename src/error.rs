//! How a command fails, and the exit code each failure gets.

use std::process::ExitCode;

use thiserror::Error;

use crate::decision::LoadError;
use crate::score::AnswerError;
use crate::session::SessionError;

/// A failed command: bad input (exit 2) or anything else (exit 1).
#[derive(Debug, Error)]
pub enum Failure {
    /// Unreadable or invalid data, an unknown id, bad arguments.
    #[error("{0}")]
    BadInput(String),
    /// Anything else, such as an unwritable output path.
    #[error("{0}")]
    Other(String),
}

impl Failure {
    /// The process exit code for this failure.
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Failure::BadInput(_) => ExitCode::from(2),
            Failure::Other(_) => ExitCode::from(1),
        }
    }

    /// Every answer error, one a line.
    pub fn answers(errors: Vec<AnswerError>) -> Failure {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        Failure::BadInput(lines.join("\n"))
    }
}

impl From<LoadError> for Failure {
    fn from(e: LoadError) -> Self {
        Failure::BadInput(e.to_string())
    }
}

impl From<SessionError> for Failure {
    fn from(e: SessionError) -> Self {
        Failure::BadInput(e.to_string())
    }
}
