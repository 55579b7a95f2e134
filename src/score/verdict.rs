//! The checklist's verdict: its kind, the options it names, and the also-consider options
//! its answers trigger.

use std::fmt;

use serde::Serialize;

use crate::score::choice::Pick;

/// The kind of verdict. The kind names appear only in JSON; a reader sees the
/// summary.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, strum::Display, strum::EnumString, strum::EnumIter,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum VerdictKind {
    /// Exactly one scored option qualifies.
    Single,
    /// Two or more qualify: the hybrid approach.
    Hybrid,
    /// None qualifies and a stage is chosen: the stage's picks, as alternatives.
    Stage,
    /// None qualifies, some yes answers: the highest score ratio (all of them on a tie).
    Leaning,
    /// No yes answers and no stage.
    Undecided,
}

/// The verdict: its kind, the options it names, a one-line summary for a reader ("Choose
/// Django"), and the also-consider options its answers trigger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    pub kind: VerdictKind,
    pub options: Vec<String>,
    pub summary: String,
    pub also_consider: Vec<AlsoConsider>,
}

impl Verdict {
    /// The checklist's suggestion as a pick: the single option (or a stage's only pick), the
    /// hybrid, or not decided (a leaning, alternatives of a stage, nothing yet).
    pub fn suggestion(&self) -> Pick {
        match (self.kind, self.options.as_slice()) {
            (VerdictKind::Single | VerdictKind::Stage, [one]) => Pick::Option(one.clone()),
            (VerdictKind::Hybrid, _) => Pick::Hybrid,
            _ => Pick::Undecided,
        }
    }
}

/// An also-consider option suggested beside the verdict, and why, in the source's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AlsoConsider {
    pub option: String,
    pub name: String,
    /// What triggered it and the article's note: "Yes to “Are you building primarily a REST
    /// API?”: “Flask for simplicity, `FastAPI` for async performance.”"
    pub why: String,
}

impl fmt::Display for AlsoConsider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Also consider {}. {}", self.name, self.why)
    }
}
