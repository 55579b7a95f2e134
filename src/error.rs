//! How a command fails, and the exit code each failure gets.

use std::process::ExitCode;

use thiserror::Error;

use crate::decision::LoadError;
use crate::score::AnswerErrors;
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

    /// Unknown ids given on the command line: the first ones, one a line, then how many more
    /// and the valid ids, once.
    pub fn answers(errors: AnswerErrors) -> Failure {
        let lines: Vec<String> = errors
            .iter()
            .map(ToString::to_string)
            .chain(errors.trailer())
            .collect();
        Failure::BadInput(lines.join("\n"))
    }
}

/// "… and 199,980 more NOUN": the line that stands for the problems not listed.
pub fn and_more(count: usize, noun: &str) -> String {
    format!("… and {} more {noun}", thousands(count))
}

/// A count with thousands separators: `1,000,000`.
pub fn thousands(count: usize) -> String {
    let digits = count.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_get_thousands_separators() {
        let cases = [
            (0, "0"),
            (999, "999"),
            (1000, "1,000"),
            (199_980, "199,980"),
            (1_000_000, "1,000,000"),
        ];
        for (count, text) in cases {
            assert_eq!(thousands(count), text);
        }
        assert_eq!(and_more(999_980, "problems"), "… and 999,980 more problems");
    }
}
