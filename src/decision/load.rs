//! Reading a decision: the embedded one or a file, parsed, cleaned and validated, with every
//! problem placed in the source.

use std::path::Path;

use thiserror::Error;

use crate::decision::model::Decision;
use crate::decision::validate::{self, Problem};
use crate::source::{self, ReadError, SyntaxError};

/// The embedded default decision's source text.
pub const EMBEDDED_SOURCE: &str = include_str!("../../data/web-frameworks.ron");
/// The name used for the embedded decision in messages.
pub const EMBEDDED_NAME: &str = "<embedded>/web-frameworks.ron";

/// Why a decision file could not be loaded.
#[derive(Debug, Error)]
pub enum LoadError {
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
    /// Several values of the wrong kind, in a file that otherwise parses: each as a
    /// [`LoadError::Syntax`] would be.
    #[error("{}", format_syntax(path, errors))]
    Syntaxes { path: String, errors: Vec<SyntaxError> },
    /// Semantic problems: the first [`LoadError::LISTED`] of them (all of them when there is
    /// only one more), and how many in all.
    #[error("{}", format_problems(path, problems, *total))]
    Invalid {
        path: String,
        problems: Vec<Problem>,
        total: usize,
    },
}

impl LoadError {
    /// How many problems of a file are listed; the others are counted.
    pub const LISTED: usize = 20;
}

fn format_syntax(path: &str, errors: &[SyntaxError]) -> String {
    let mut lines: Vec<String> = errors
        .iter()
        .map(|e| format!("{path}:{}:{}: {}", e.line, e.col, e.message))
        .collect();
    lines.push(format!(
        "{path}: {} problems found",
        crate::text::thousands(errors.len())
    ));
    lines.join("\n")
}

fn format_problems(path: &str, problems: &[Problem], total: usize) -> String {
    let mut lines: Vec<String> = problems.iter().map(|p| format!("{path}:{p}")).collect();
    if total > problems.len() {
        let more = crate::text::and_more(total - problems.len(), "problem", "problems");
        lines.push(format!("{path}: {more}"));
    }
    lines.push(format!(
        "{path}: {} problem{} found",
        crate::text::thousands(total),
        if total == 1 { "" } else { "s" }
    ));
    lines.join("\n")
}

impl Decision {
    /// The embedded default decision: [`EMBEDDED_SOURCE`] parsed, cleaned and validated as
    /// any `--data` file is. A test holds it valid, so it cannot fail in a build that passed.
    pub fn embedded() -> Decision {
        Decision::parse(EMBEDDED_SOURCE, EMBEDDED_NAME)
            .unwrap_or_else(|e| unreachable!("the embedded decision is valid (tested): {e}"))
    }

    /// The decision with each question's full id written (see [`Question::full_id`]).
    fn with_full_ids(mut self) -> Decision {
        for option in &mut self.options {
            for question in &mut option.questions {
                question.full_id = std::sync::Arc::from(format!("{}.{}", option.id, question.id));
            }
        }
        self
    }

    /// Reads, parses and validates a decision file.
    pub fn load(path: &Path) -> Result<Decision, LoadError> {
        let source = Decision::read_source(path)?;
        Decision::parse(&source, &crate::text::escape_path(path))
    }

    /// The file's text (or why it cannot be read, in words) when it differs from what `last`
    /// held, which then holds it: `None` for a read that changed nothing (a second event of
    /// one save, a `touch`). For those who follow a file (`--watch`).
    pub fn reread(path: &Path, last: &mut Option<Result<String, String>>) -> Option<Result<String, String>> {
        let read = Decision::read_source(path).map_err(|e| e.to_string());
        if last.as_ref() == Some(&read) {
            return None;
        }
        *last = Some(read.clone());
        Some(read)
    }

    /// A decision file's text, as [`Decision::load`] reads it (for [`Decision::parse`] with
    /// the file's escaped path as its name).
    pub fn read_source(path: &Path) -> Result<String, LoadError> {
        let name = crate::text::escape_path(path);
        source::read(path, "a decision file").map_err(|e| match e {
            ReadError::Io(source) => LoadError::Read { path: name, source },
            ReadError::Syntax(e) => LoadError::Syntax {
                path: name,
                line: e.line,
                col: e.col,
                message: e.message,
            },
        })
    }

    /// Parses and validates decision source text (a byte-order mark is skipped); `name`
    /// labels the messages.
    pub fn parse(source: &str, name: &str) -> Result<Decision, LoadError> {
        let source = source::strip_bom(source);
        let decision: Decision = source::parse_every(source).map_err(|mut errors| {
            if errors.len() > 1 {
                return LoadError::Syntaxes {
                    path: name.to_owned(),
                    errors,
                };
            }
            let e = errors.remove(0);
            LoadError::Syntax {
                path: name.to_owned(),
                line: e.line,
                col: e.col,
                message: e.message,
            }
        })?;
        // One more than is listed is kept: "… and 1 more" would take the line the problem
        // itself takes.
        let (mut problems, total) = validate::check(&decision, LoadError::LISTED + 1).finish(source);
        if total > LoadError::LISTED + 1 {
            problems.truncate(LoadError::LISTED);
        }
        if total == 0 {
            return Ok(decision.with_full_ids());
        }
        Err(LoadError::Invalid {
            path: name.to_owned(),
            problems,
            total,
        })
    }

    /// Every semantic problem of the decision (without source positions).
    pub fn problems(&self) -> Vec<Problem> {
        validate::check(self, usize::MAX).finish("").0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_decision_is_valid_and_has_full_ids() {
        let embedded = Decision::parse(EMBEDDED_SOURCE, EMBEDDED_NAME).expect("the embedded RON is valid");
        // Every question's full id is written.
        let ids: Vec<&str> = embedded.questions().map(|(_, q)| &*q.full_id).collect();
        assert!(ids.contains(&"django.admin-panel"), "{ids:?}");
        assert!(ids.iter().all(|id| id.contains('.')), "{ids:?}");
    }
}
