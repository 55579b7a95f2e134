//! The data model of a decision file (`data/*.ron`): its serde types, loading and validation.
//!
//! The default decision, `data/web-frameworks.ron`, is embedded in the binary. Any other
//! decision in the same format can be loaded with [`Decision::load`].

use std::fmt;
use std::path::Path;

use litemap::LiteMap;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::source::{self, ReadError, SyntaxError};
use crate::text::Text;

mod validate;

/// The embedded default decision's source text.
pub const EMBEDDED_SOURCE: &str = include_str!("../data/web-frameworks.ron");
/// The name used for the embedded decision in messages.
pub const EMBEDDED_NAME: &str = "<embedded>/web-frameworks.ron";

/// A whole decision: the options, the evidence and the rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// Slug naming the decision; sessions and saved answers refer to it.
    pub id: String,
    /// Title shown in the app and in exports.
    pub title: Text,
    /// The question being decided (the problem statement of a decision record).
    pub question: Text,
    /// The TL;DR: short verdicts for typical readers.
    #[serde(default)]
    pub summary: Vec<Summary>,
    /// The options being chosen between (frameworks, here).
    pub options: Vec<Choice>,
    /// The quick decision matrix: situation → option.
    #[serde(default)]
    pub matrix: Vec<Situation>,
    /// The detailed comparison, one aspect a row.
    #[serde(default)]
    pub comparison: Vec<Aspect>,
    /// The suggested stack diagram.
    pub stack: Stack,
    /// The line introducing the stages.
    #[serde(default)]
    pub stage_intro: Text,
    /// "Where are you now": stages whose advice breaks ties.
    #[serde(default)]
    pub stages: Vec<Stage>,
}

/// One TL;DR line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    pub heading: Text,
    pub text: Text,
    #[serde(default)]
    pub picks: Vec<String>,
}

/// One option (a framework): its evidence, and either a checklist (a **scored** option) or a
/// trigger (an **also-consider** option, suggested beside the verdict; design.md §2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: String,
    pub name: Text,
    #[serde(default)]
    pub tagline: Text,
    /// Free-standing remarks about the option.
    #[serde(default)]
    pub notes: Vec<Text>,
    /// How many yes answers (by weight) make a scored option qualify; absent (0) for an
    /// also-consider option.
    #[serde(default)]
    pub threshold: u32,
    #[serde(default)]
    pub strengths: Vec<Point>,
    #[serde(default)]
    pub best_for: Vec<Point>,
    /// When to consider the option ("Consider it when"), for an also-consider option.
    #[serde(default)]
    pub consider_when: Vec<Point>,
    /// Real-world users.
    #[serde(default)]
    pub users: Vec<Text>,
    /// A startup example.
    #[serde(default)]
    pub example: Option<Text>,
    /// The checklist of a scored option; empty for an also-consider option.
    #[serde(default)]
    pub questions: Vec<Question>,
    /// What makes an also-consider option worth suggesting; `None` for a scored option.
    #[serde(default)]
    pub trigger: Option<Trigger>,
}

impl Choice {
    /// Whether the option is scored (has a checklist) rather than also-consider.
    pub fn is_scored(&self) -> bool {
        self.trigger.is_none()
    }
}

/// When an also-consider option is suggested: any of these questions answered yes, or any of
/// these stages chosen; `note` says why, in the source's words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Trigger {
    /// Full question ids (`<option>.<question>`) whose yes triggers the option.
    #[serde(default)]
    pub questions: Vec<String>,
    /// Stage ids whose choice triggers the option.
    #[serde(default)]
    pub stages: Vec<String>,
    /// Why the option is suggested, e.g. "Flask for simplicity, `FastAPI` for async performance."
    pub note: Text,
}

/// A titled list item with an optional detail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Point {
    pub title: Text,
    #[serde(default)]
    pub detail: Text,
}

/// A yes/no checklist question. Its full id is `<option>.<id>`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub text: Text,
    #[serde(default = "default_weight")]
    pub weight: u32,
    /// The full id (`<option>.<question>`), written once at load: the engine hands it out on
    /// every tick, and a shared string costs no allocation. Empty until [`Decision::parse`].
    #[serde(skip)]
    pub full_id: std::sync::Arc<str>,
}

fn default_weight() -> u32 {
    1
}

/// A row of the quick decision matrix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Situation {
    pub situation: Text,
    pub pick: String,
}

/// A row of the detailed comparison: option id → what that option offers, in the order of
/// the ids. The few values of a row are kept in one sorted `Vec` (a `LiteMap`): a B-tree
/// takes a 544-byte node for each row, over a quarter of the heap of a 5,000-row
/// comparison (issue 8).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Aspect {
    pub name: Text,
    pub values: LiteMap<String, Text>,
}

/// The suggested-stack diagram.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stack {
    #[serde(default)]
    pub heading: Text,
    #[serde(default)]
    pub note: Text,
    pub title: Text,
    pub layers: Vec<Layer>,
}

/// A layer of the stack: an option's layer, or a shared one (no option) that is active when
/// two or more option layers are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Layer {
    pub title: Text,
    #[serde(default)]
    pub option: Option<String>,
    pub parts: Vec<Text>,
}

/// A "where are you now" stage and the options its advice picks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub id: String,
    pub label: Text,
    #[serde(default)]
    pub when: Text,
    pub advice: Text,
    pub picks: Vec<String>,
}

/// One problem found in a decision file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where in the document, e.g. `options[1].questions[2].id`.
    pub at: String,
    /// What is wrong, naming the offending id.
    pub message: String,
    /// Line and column in the source, when the offending value could be found there.
    pub position: Option<(usize, usize)>,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, col)) => write!(f, "{line}:{col}: {}: {}", self.at, self.message),
            None => write!(f, "{}: {}", self.at, self.message),
        }
    }
}

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
    /// Semantic problems: the first [`LoadError::LISTED`] of them, and how many in all.
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

fn format_problems(path: &str, problems: &[Problem], total: usize) -> String {
    let mut lines: Vec<String> = problems.iter().map(|p| format!("{path}:{p}")).collect();
    if total > problems.len() {
        let more = crate::error::and_more(total - problems.len(), "problems");
        lines.push(format!("{path}: {more}"));
    }
    lines.push(format!(
        "{path}: {} problem{} found",
        crate::error::thousands(total),
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
        let name = crate::text::escape_path(path);
        let syntax = |e: SyntaxError| LoadError::Syntax {
            path: name.clone(),
            line: e.line,
            col: e.col,
            message: e.message,
        };
        let source = source::read(path, "a decision file").map_err(|e| match e {
            ReadError::Io(source) => LoadError::Read {
                path: name.clone(),
                source,
            },
            ReadError::Syntax(e) => syntax(e),
        })?;
        Decision::parse(&source, &name)
    }

    /// Parses and validates decision source text (a byte-order mark is skipped); `name`
    /// labels the messages.
    pub fn parse(source: &str, name: &str) -> Result<Decision, LoadError> {
        let source = source::strip_bom(source);
        let decision: Decision = source::parse(source).map_err(|e| LoadError::Syntax {
            path: name.to_owned(),
            line: e.line,
            col: e.col,
            message: e.message,
        })?;
        let (problems, total) = validate::check(&decision, LoadError::LISTED).finish(source);
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

    /// The option with this id.
    pub fn option(&self, id: &str) -> Option<&Choice> {
        self.options.iter().find(|o| o.id == id)
    }

    /// The scored options (those with a checklist), in order.
    pub fn scored(&self) -> impl Iterator<Item = &Choice> {
        self.options.iter().filter(|o| o.is_scored())
    }

    /// The question with this full id, with its option.
    pub fn question(&self, id: &str) -> Option<(&Choice, &Question)> {
        let (option, question) = id.split_once('.')?;
        let option = self.option(option)?;
        option
            .questions
            .iter()
            .find(|q| q.id == question)
            .map(|q| (option, q))
    }

    /// The text of the question with this full id, or the id itself when unknown.
    pub fn question_text<'a>(&'a self, id: &'a str) -> &'a str {
        self.question(id).map_or(id, |(_, q)| q.text.as_str())
    }

    /// The stage with this id.
    pub fn stage(&self, id: &str) -> Option<&Stage> {
        self.stages.iter().find(|s| s.id == id)
    }

    /// Every question with its option, in display order.
    pub fn questions(&self) -> impl Iterator<Item = (&Choice, &Question)> {
        self.options
            .iter()
            .flat_map(|o| o.questions.iter().map(move |q| (o, q)))
    }

    /// Every full question id (`<option>.<question>`), in display order.
    pub fn question_ids(&self) -> Vec<String> {
        self.questions().map(|(o, q)| question_id(o, q)).collect()
    }

    /// The option name for an id, or the id itself when unknown.
    pub fn option_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.option(id).map_or(id, |o| o.name.as_str())
    }
}

/// The full id of a question: `<option>.<question>`.
pub fn question_id(option: &Choice, question: &Question) -> String {
    format!("{}.{}", option.id, question.id)
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
