//! The outcome: what is decided, derived once from the checklist's verdict, the stage and the
//! user's own choice, and worded once, so that every screen and every record says the same.
//!
//! Alternatives ("Flask or `FastAPI`", a leaning, a tie) are never decided: they stay open
//! until the user chooses, and the record stays `proposed`.

use serde::Serialize;

use crate::decision::Decision;
use crate::score::choice::{Pick, Status, UserChoice, hybrid_ids};
use crate::score::verdict::{Verdict, VerdictKind};
use crate::score::words::{join_names, quoted};

/// What is decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, strum::Display)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Decided {
    /// One option.
    Option,
    /// The hybrid: its options together.
    Hybrid,
    /// Alternatives, none of them chosen: a stage's picks, or the options the answers lean to.
    Open,
    /// Nothing yet.
    Nothing,
}

/// What the outcome rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, strum::Display)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Basis {
    /// The user's own choice.
    Choice,
    /// The checklist: one option qualifies, or several (the hybrid).
    Checklist,
    /// No checklist qualifies: the stage's advice.
    Stage,
    /// No checklist qualifies, and no stage: the answers lean.
    Leaning,
    /// No answer yes, no stage, no choice.
    Nothing,
}

/// The outcome and its words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub decided: Decided,
    /// The option ids: the one decided, the hybrid's, or the open alternatives.
    pub options: Vec<String>,
    pub basis: Basis,
    /// What is decided, for a reader: "Django", "Hybrid: Django + Flask", "Flask or `FastAPI`
    /// (open)", "Nothing decided yet".
    pub headline: String,
    /// Why, in a few words: "your choice", "the checklist", "the stage's advice".
    pub because: String,
    /// The checklist's suggestion when the user chose otherwise, as a sentence.
    pub choice_against: Option<String>,
    /// A stage that points elsewhere than what is decided, as a sentence.
    pub stage_against: Option<String>,
    /// What the checklist itself suggests, for a reader ("Django", "Flask or `FastAPI`");
    /// `None` when it suggests nothing.
    pub suggestion: Option<String>,
    /// The record's status when the user set none: accepted once an option or the hybrid is
    /// decided, proposed otherwise.
    pub status: Status,
}

impl Outcome {
    /// Whether an option (or the hybrid) is decided.
    pub fn is_decided(&self) -> bool {
        matches!(self.decided, Decided::Option | Decided::Hybrid)
    }

    /// Whether `option` is part of what is decided (the hybrid counting as its options).
    pub fn decides(&self, option: &str) -> bool {
        self.is_decided() && self.options.iter().any(|o| o == option)
    }

    /// What disagrees with the outcome, each a sentence.
    pub fn against(&self) -> impl Iterator<Item = &str> {
        self.choice_against
            .iter()
            .chain(&self.stage_against)
            .map(String::as_str)
    }

    /// The title of a record of this outcome, MADR's way: "Use Django", "Use Django + Flask
    /// (hybrid)"; an open decision is titled by its question and says it is open.
    pub fn record_title(&self, decision: &Decision) -> String {
        match self.chosen(decision) {
            Some(chosen) => format!("Use {chosen}"),
            None => format!("Open: {}", decision.question),
        }
    }

    /// What is decided, as a record names it: "Django", "Django + Flask (hybrid)"; `None`
    /// when nothing is.
    pub fn chosen(&self, decision: &Decision) -> Option<String> {
        let names: Vec<&str> = self.options.iter().map(|id| decision.option_name(id)).collect();
        match self.decided {
            Decided::Option => Some(join_names(&names, "and")),
            Decided::Hybrid => Some(format!("{} (hybrid)", names.join(" + "))),
            Decided::Open | Decided::Nothing => None,
        }
    }

    /// The headline with its basis: "Django — your choice".
    pub fn line(&self) -> String {
        format!("{} — {}", self.headline, self.because)
    }
}

/// The outcome of `verdict`, the stage `stage` and the user's `choice`.
pub fn outcome(decision: &Decision, verdict: &Verdict, stage: Option<&str>, choice: &UserChoice) -> Outcome {
    let suggested = suggested(verdict);
    let (decided, options, basis) = match &choice.pick {
        Pick::Checklist => suggested.clone(),
        Pick::Option(id) => (Decided::Option, vec![id.clone()], Basis::Choice),
        Pick::Hybrid => (Decided::Hybrid, hybrid_ids(decision), Basis::Choice),
        Pick::Undecided => (Decided::Nothing, Vec::new(), Basis::Choice),
    };
    let names = |ids: &[String], last: &str| {
        let names: Vec<&str> = ids.iter().map(|id| decision.option_name(id)).collect();
        join_names(&names, last)
    };
    let words = headline(decision, decided, &options, basis);
    let all = if options.len() == 2 { "both" } else { "all" };
    let because = match (basis, decided) {
        (Basis::Choice, Decided::Nothing) => "you left it open".to_owned(),
        (Basis::Choice, _) => "your choice".to_owned(),
        (Basis::Checklist, Decided::Hybrid) => format!("the checklists of {all} qualify"),
        (Basis::Checklist, _) => "its checklist qualifies".to_owned(),
        (Basis::Stage, Decided::Open) => "the stage's advice; choose one".to_owned(),
        (Basis::Stage, _) => "the stage's advice; no checklist qualifies".to_owned(),
        (Basis::Leaning, _) => "no checklist qualifies yet".to_owned(),
        (Basis::Nothing, _) => "no answer is yes and no stage is chosen".to_owned(),
    };
    let suggestion =
        (suggested.0 != Decided::Nothing).then(|| headline(decision, suggested.0, &suggested.1, suggested.2));
    let mut choice_against = None;
    if basis == Basis::Choice
        && (decided, &options) != (suggested.0, &suggested.1)
        && let Some(suggestion) = &suggestion
    {
        {
            // Choosing one of the open alternatives follows them; anything else goes against.
            let among = decided == Decided::Option && suggested.1.iter().any(|o| options.contains(o));
            let too = if among { " too" } else { "" };
            choice_against = Some(match suggested.2 {
                Basis::Stage if among => format!(
                    "It is one of the stage's alternatives, {}.",
                    names(&suggested.1, "or")
                ),
                Basis::Stage => format!("The stage's advice is {}.", names(&suggested.1, "or")),
                Basis::Leaning => format!(
                    "The answers lean towards {}{too}, though no checklist qualifies.",
                    names(&suggested.1, "or")
                ),
                _ => format!("The checklist suggests {suggestion}."),
            });
        }
    }
    let mut stage_against = None;
    if let Some(stage) = stage.and_then(|id| decision.stage(id))
        && basis != Basis::Stage
        && matches!(decided, Decided::Option | Decided::Hybrid)
    {
        let agrees = decided == Decided::Option && stage.picks.iter().any(|p| options.contains(p));
        if !agrees {
            let picks = names(&stage.picks, "or");
            let alone = if decided == Decided::Hybrid && stage.picks.len() == 1 {
                " alone"
            } else {
                ""
            };
            stage_against = Some(format!(
                "The stage {} points to {picks}{alone}.",
                quoted(&stage.label)
            ));
        }
    }
    let status = if matches!(decided, Decided::Option | Decided::Hybrid) {
        Status::Accepted
    } else {
        Status::Proposed
    };
    Outcome {
        decided,
        options,
        basis,
        headline: words,
        because,
        choice_against,
        stage_against,
        suggestion,
        status,
    }
}

/// "Django", "Hybrid: Django + Flask", "Open: Flask or `FastAPI`", "Open: leaning towards
/// Django", "Nothing decided yet".
fn headline(decision: &Decision, decided: Decided, options: &[String], basis: Basis) -> String {
    let names: Vec<&str> = options.iter().map(|id| decision.option_name(id)).collect();
    match (decided, basis) {
        (Decided::Option, _) => join_names(&names, "and"),
        (Decided::Hybrid, _) => format!("Hybrid: {}", names.join(" + ")),
        (Decided::Open, Basis::Leaning) => format!("Open: leaning towards {}", join_names(&names, "or")),
        (Decided::Open, _) => format!("Open: {}", join_names(&names, "or")),
        (Decided::Nothing, _) => "Nothing decided yet".to_owned(),
    }
}

/// What the checklist (with the stage) suggests on its own.
fn suggested(verdict: &Verdict) -> (Decided, Vec<String>, Basis) {
    let options = verdict.options.clone();
    match verdict.kind {
        VerdictKind::Single => (Decided::Option, options, Basis::Checklist),
        VerdictKind::Hybrid => (Decided::Hybrid, options, Basis::Checklist),
        VerdictKind::Stage if options.len() == 1 => (Decided::Option, options, Basis::Stage),
        VerdictKind::Stage => (Decided::Open, options, Basis::Stage),
        VerdictKind::Leaning => (Decided::Open, options, Basis::Leaning),
        VerdictKind::Undecided => (Decided::Nothing, options, Basis::Nothing),
    }
}
