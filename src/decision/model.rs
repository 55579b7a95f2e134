//! The serde types of a decision file, and the questions they answer about themselves.

use litemap::LiteMap;
use serde::{Deserialize, Serialize};

use crate::text::Text;

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
    pub options: Vec<Candidate>,
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

/// One option of the decision (a framework): its evidence, and either a checklist (a
/// **scored** option) or a trigger (an **also-consider** option, suggested beside the
/// verdict). Decision files write it `Choice(…)`, the format's word since its first version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Choice")]
pub struct Candidate {
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

impl Candidate {
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
/// the ids. The few values of a row are kept in one sorted `Vec` (a `LiteMap`), not in a
/// B-tree node each, so a comparison of thousands of rows stays small.
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

impl Decision {
    /// The option with this id.
    pub fn option(&self, id: &str) -> Option<&Candidate> {
        self.options.iter().find(|o| o.id == id)
    }

    /// The scored options (those with a checklist), in order.
    pub fn scored(&self) -> impl Iterator<Item = &Candidate> {
        self.options.iter().filter(|o| o.is_scored())
    }

    /// The question with this full id, with its option.
    pub fn question(&self, id: &str) -> Option<(&Candidate, &Question)> {
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
    pub fn questions(&self) -> impl Iterator<Item = (&Candidate, &Question)> {
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
pub fn question_id(option: &Candidate, question: &Question) -> String {
    format!("{}.{}", option.id, question.id)
}
