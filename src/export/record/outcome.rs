//! The decision outcome of a record: what is chosen, and the "because" a MADR record gives.

use serde::Serialize;

use crate::decision::Decision;
use crate::report::Report;
use crate::score::{Score, VerdictKind, join_names};

/// The decision outcome, phrased for a MADR record.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    /// The verdict kind: single, hybrid, stage, leaning or undecided.
    pub kind: VerdictKind,
    /// Whether an option or the hybrid is decided (the record is then `accepted`), as the
    /// report's outcome says.
    pub decided: bool,
    /// What is decided as a MADR record names it, e.g. "Django + Flask (hybrid)"; `None`
    /// when nothing is decided yet.
    pub chosen: Option<String>,
    /// What follows "because" (or why nothing is chosen yet), ending with a full stop.
    pub because: String,
    /// The verdict's one-line summary.
    pub summary: String,
    /// A stage that points elsewhere than what is decided, as a sentence; empty when none.
    pub stage_against: String,
}

/// The sentence with a final full stop (or other end mark).
fn with_full_stop(sentence: &str) -> String {
    let trimmed = sentence.trim_end();
    if trimmed.ends_with(['.', '!', '?']) {
        trimmed.to_owned()
    } else {
        format!("{trimmed}.")
    }
}

/// The record's outcome: what is decided, from the report's outcome, and the "because" of
/// the checklist's verdict.
pub(super) fn outcome(decision: &Decision, report: &Report) -> Outcome {
    let verdict = &report.verdict;
    let score_of = |id: &str| report.scores.iter().find(|s| s.option == id);
    let tally = Score::tally;
    // Each option the verdict names, with its tally: "Django (3 of 6, needs 3)".
    let each: Vec<String> = verdict
        .options
        .iter()
        .filter_map(|id| score_of(id))
        .map(|s| format!("{} ({})", s.name, tally(s)))
        .collect();
    // What is decided is the outcome's; only the "because" comes from the verdict here.
    let because = match verdict.kind {
        VerdictKind::Single => {
            let id = verdict.options.first().map_or("", String::as_str);
            let yes: Vec<String> = report
                .questions
                .iter()
                .filter(|q| q.yes && q.option == id)
                .map(|q| format!("“{}”", q.text))
                .collect();
            format!(
                "its checklist is the only one that qualifies ({}): yes to {}.",
                score_of(id).map(tally).unwrap_or_default(),
                join_names(&yes.iter().map(String::as_str).collect::<Vec<_>>(), "and")
            )
        }
        VerdictKind::Hybrid => {
            let shared: Vec<&str> = report
                .stack
                .layers
                .iter()
                .filter(|l| l.option.is_none() && l.active)
                .flat_map(|l| l.parts.iter().map(String::as_str))
                .collect();
            let sharing = if shared.is_empty() {
                String::new()
            } else {
                format!(", sharing {}", join_names(&shared, "and"))
            };
            format!(
                "the checklists of {} {} qualify, so the stack uses them together{sharing}.",
                join_names(&each.iter().map(String::as_str).collect::<Vec<_>>(), "and"),
                if each.len() == 2 { "both" } else { "all" },
            )
        }
        VerdictKind::Stage => {
            let stage = report.stage.as_deref().and_then(|id| decision.stage(id));
            match stage {
                Some(stage) => format!(
                    "no checklist qualifies yet, and the article's advice for the stage “{}” is: “{}”",
                    stage.label,
                    with_full_stop(&stage.advice)
                ),
                None => with_full_stop(&verdict.summary),
            }
        }
        VerdictKind::Leaning => {
            format!(
                "no checklist qualifies yet; the answers lean towards {}.",
                join_names(&each.iter().map(String::as_str).collect::<Vec<_>>(), "or")
            )
        }
        VerdictKind::Undecided => "no checklist question is answered yes and no stage is chosen.".to_owned(),
    };
    Outcome {
        kind: verdict.kind,
        decided: report.outcome.is_decided(),
        chosen: report.outcome.chosen(decision),
        because,
        summary: verdict.summary.clone(),
        stage_against: report.outcome.stage_against.clone().unwrap_or_default(),
    }
}
