//! The decision engine: answers and a stage in, scores, verdict, stack, reasons and hints out.
//!
//! Pure: no terminal, no files. The rules are those of design.md §2.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::decision::{Choice, Decision, question_id};

/// What the user said: the questions answered yes and the stage chosen.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answers {
    /// Full question ids (`<option>.<question>`) answered yes.
    pub yes: BTreeSet<String>,
    /// The chosen stage id, if any.
    pub stage: Option<String>,
}

/// An answer set that names ids the decision does not have.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AnswerError {
    #[error("unknown question id {id:?}; valid ids: {}", valid.join(", "))]
    UnknownQuestion { id: String, valid: Vec<String> },
    #[error("unknown stage id {id:?}; valid stages: {}", valid.join(", "))]
    UnknownStage { id: String, valid: Vec<String> },
}

impl Answers {
    /// Answers from ids, checked against the decision; every unknown id is reported.
    pub fn new<I, S>(decision: &Decision, yes: I, stage: Option<&str>) -> Result<Answers, Vec<AnswerError>>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let valid = decision.question_ids();
        let mut errors = Vec::new();
        let mut answers = Answers::default();
        for id in yes {
            let id = id.as_ref().trim();
            if id.is_empty() {
                continue;
            }
            if valid.iter().any(|v| v == id) {
                answers.yes.insert(id.to_owned());
            } else {
                errors.push(AnswerError::UnknownQuestion {
                    id: id.to_owned(),
                    valid: valid.clone(),
                });
            }
        }
        if let Some(stage) = stage {
            if decision.stage(stage).is_some() {
                answers.stage = Some(stage.to_owned());
            } else {
                errors.push(AnswerError::UnknownStage {
                    id: stage.to_owned(),
                    valid: decision.stages.iter().map(|s| s.id.clone()).collect(),
                });
            }
        }
        if errors.is_empty() {
            Ok(answers)
        } else {
            Err(errors)
        }
    }

    /// Whether the question is answered yes.
    pub fn is_yes(&self, id: &str) -> bool {
        self.yes.contains(id)
    }

    /// Ticks the question if it was not, unticks it if it was.
    pub fn toggle(&mut self, id: &str) {
        if !self.yes.remove(id) {
            self.yes.insert(id.to_owned());
        }
    }
}

/// One option's score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Score {
    pub option: String,
    pub name: String,
    pub score: u32,
    pub max: u32,
    pub threshold: u32,
    pub qualified: bool,
}

impl Score {
    /// A gauge of `width` cells: how many are filled, and the cell where the threshold falls
    /// (`width` when it is at the very end). Shared by the text report and the TUI.
    pub fn gauge(&self, width: usize) -> (usize, usize) {
        let max = self.max.max(1) as usize;
        let filled = (self.score as usize * width / max).min(width);
        let threshold = (self.threshold as usize * width).div_ceil(max).min(width);
        (filled, threshold)
    }
}

/// The kind of verdict (design.md §2).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, strum::Display, strum::EnumString, strum::EnumIter,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum VerdictKind {
    /// Exactly one option qualifies.
    Single,
    /// Two or more qualify: the hybrid approach.
    Hybrid,
    /// None qualifies and a stage is chosen: the stage's pick.
    Stage,
    /// None qualifies, some answers given: the highest score ratio.
    Leaning,
    /// No answers and no stage.
    Undecided,
}

/// The verdict: its kind, the options it names, and a one-line summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    pub kind: VerdictKind,
    pub options: Vec<String>,
    pub summary: String,
}

/// The suggested stack, each layer active or dimmed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StackView {
    pub title: String,
    pub layers: Vec<LayerView>,
}

/// One layer of the suggested stack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LayerView {
    pub title: String,
    pub option: Option<String>,
    pub parts: Vec<String>,
    pub active: bool,
}

/// Everything the engine derives from the answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evaluation {
    pub scores: Vec<Score>,
    pub verdict: Verdict,
    pub stack: StackView,
    pub reasons: Vec<String>,
    pub hints: Vec<String>,
}

/// Scores every option, decides the verdict, and explains it.
pub fn evaluate(decision: &Decision, answers: &Answers) -> Evaluation {
    let scores: Vec<Score> = decision
        .options
        .iter()
        .map(|o| score_option(o, answers))
        .collect();
    let verdict = verdict(decision, answers, &scores);
    let stack = stack(decision, &verdict);
    let reasons = reasons(decision, answers, &scores, &verdict);
    let hints = hints(decision, answers, &scores);
    Evaluation {
        scores,
        verdict,
        stack,
        reasons,
        hints,
    }
}

fn score_option(option: &Choice, answers: &Answers) -> Score {
    let mut score = 0;
    let mut max = 0;
    for question in &option.questions {
        max += question.weight;
        if answers.is_yes(&question_id(option, question)) {
            score += question.weight;
        }
    }
    Score {
        option: option.id.clone(),
        name: option.name.to_string(),
        score,
        max,
        threshold: option.threshold,
        qualified: score >= option.threshold,
    }
}

fn names(decision: &Decision, ids: &[String]) -> String {
    let names: Vec<&str> = ids.iter().map(|id| decision.option_name(id)).collect();
    join_names(&names, "and")
}

/// "A", "A and B", "A, B and C".
pub fn join_names(names: &[&str], last: &str) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., tail] => format!("{} {last} {tail}", init.join(", ")),
    }
}

fn verdict(decision: &Decision, answers: &Answers, scores: &[Score]) -> Verdict {
    let qualified: Vec<String> = scores
        .iter()
        .filter(|s| s.qualified)
        .map(|s| s.option.clone())
        .collect();
    let stage = answers.stage.as_deref().and_then(|id| decision.stage(id));
    let (kind, options, summary) = match (qualified.len(), stage) {
        (1, _) => {
            let s = scores.iter().find(|s| s.qualified).expect("one qualifies");
            let summary = format!(
                "Choose {}: it qualifies with {} of {} (needs {}).",
                s.name, s.score, s.max, s.threshold
            );
            (VerdictKind::Single, qualified, summary)
        }
        (n, _) if n >= 2 => {
            let all = if qualified.len() == 2 { "both" } else { "all" };
            let summary = format!(
                "Hybrid: {} {all} qualify; use them together in one stack.",
                names(decision, &qualified)
            );
            (VerdictKind::Hybrid, qualified, summary)
        }
        (_, Some(stage)) => {
            let summary = format!(
                "No option qualifies yet; as {}, the advice is: {}",
                stage.label.to_lowercase(),
                stage.advice
            );
            (VerdictKind::Stage, stage.picks.clone(), summary)
        }
        _ if answers.yes.is_empty() => (
            VerdictKind::Undecided,
            Vec::new(),
            if decision.stages.is_empty() {
                "Undecided: answer the questions that apply.".to_owned()
            } else {
                "Undecided: answer the questions that apply, or choose a stage.".to_owned()
            },
        ),
        _ => {
            let leaders = leaders(scores);
            let detail: Vec<String> = scores
                .iter()
                .filter(|s| leaders.contains(&s.option))
                .map(|s| format!("{} {}/{}, needs {}", s.name, s.score, s.max, s.threshold))
                .collect();
            let summary = format!(
                "Leaning {} ({}); nothing qualifies yet.",
                join_names(
                    &leaders
                        .iter()
                        .map(|id| decision.option_name(id))
                        .collect::<Vec<_>>(),
                    "or"
                ),
                detail.join("; ")
            );
            (VerdictKind::Leaning, leaders, summary)
        }
    };
    Verdict {
        kind,
        options,
        summary,
    }
}

/// The options with the highest score ratio (score / max), all of them on a tie.
fn leaders(scores: &[Score]) -> Vec<String> {
    // Compare a/b with c/d as a*d against c*b: exact, no floats.
    let ratio_cmp = |a: &Score, b: &Score| {
        (u64::from(a.score) * u64::from(b.max)).cmp(&(u64::from(b.score) * u64::from(a.max)))
    };
    let Some(best) = scores.iter().filter(|s| s.max > 0).max_by(|a, b| ratio_cmp(a, b)) else {
        return Vec::new();
    };
    if best.score == 0 {
        return Vec::new();
    }
    scores
        .iter()
        .filter(|s| s.max > 0 && ratio_cmp(s, best).is_eq())
        .map(|s| s.option.clone())
        .collect()
}

fn stack(decision: &Decision, verdict: &Verdict) -> StackView {
    let mut layers: Vec<LayerView> = decision
        .stack
        .layers
        .iter()
        .map(|layer| LayerView {
            title: layer.title.to_string(),
            option: layer.option.clone(),
            parts: layer.parts.iter().map(ToString::to_string).collect(),
            active: layer.option.as_ref().is_some_and(|o| verdict.options.contains(o)),
        })
        .collect();
    let active_options = layers.iter().filter(|l| l.option.is_some() && l.active).count();
    for layer in layers.iter_mut().filter(|l| l.option.is_none()) {
        layer.active = active_options >= 2;
    }
    StackView {
        title: decision.stack.title.to_string(),
        layers,
    }
}

fn reasons(decision: &Decision, answers: &Answers, scores: &[Score], verdict: &Verdict) -> Vec<String> {
    let mut reasons = Vec::new();
    for (option, score) in decision.options.iter().zip(scores).filter(|(_, s)| s.qualified) {
        let yes: Vec<String> = option
            .questions
            .iter()
            .filter(|q| answers.is_yes(&question_id(option, q)))
            .map(|q| format!("“{}”", q.text))
            .collect();
        reasons.push(format!(
            "{} qualifies with {} of {} (needs {}): yes to {}",
            score.name,
            score.score,
            score.max,
            score.threshold,
            yes.join(", ")
        ));
    }
    if verdict.kind == VerdictKind::Hybrid {
        let shared: Vec<String> = decision
            .stack
            .layers
            .iter()
            .filter(|l| l.option.is_none())
            .flat_map(|l| l.parts.iter().map(ToString::to_string))
            .collect();
        if shared.is_empty() {
            reasons.push("Several options qualify: use them together.".to_owned());
        } else {
            reasons.push(format!(
                "Several options qualify: use them together, sharing {}.",
                shared.join(", ")
            ));
        }
    }
    if verdict.kind == VerdictKind::Leaning {
        for score in scores.iter().filter(|s| verdict.options.contains(&s.option)) {
            reasons.push(format!(
                "{} leads with {} of {}, but needs {} to qualify.",
                score.name, score.score, score.max, score.threshold
            ));
        }
    }
    if let Some(stage) = answers.stage.as_deref().and_then(|id| decision.stage(id)) {
        let picks = names(decision, &stage.picks);
        let applied = match verdict.kind {
            VerdictKind::Stage => "applied, since no option qualifies".to_owned(),
            _ if stage.picks.iter().all(|p| verdict.options.contains(p)) => {
                "it agrees with the checklist".to_owned()
            }
            _ => "kept as a reason, not applied: the checklist decides".to_owned(),
        };
        reasons.push(format!(
            "Stage “{}” points to {picks} ({applied}): {}",
            stage.label, stage.advice
        ));
    }
    reasons
}

fn hints(decision: &Decision, answers: &Answers, scores: &[Score]) -> Vec<String> {
    let mut hints = Vec::new();
    for (option, score) in decision.options.iter().zip(scores) {
        if score.qualified {
            let slack = score.score - score.threshold;
            let droppers: Vec<String> = option
                .questions
                .iter()
                .filter(|q| answers.is_yes(&question_id(option, q)) && q.weight > slack)
                .map(|q| question_id(option, q))
                .collect();
            if droppers.is_empty() {
                hints.push(format!(
                    "{} stays qualified if any one answer is unticked ({}/{}, needs {}).",
                    score.name, score.score, score.max, score.threshold
                ));
            } else {
                hints.push(format!(
                    "{} drops out if you untick any one of: {}.",
                    score.name,
                    droppers.join(", ")
                ));
            }
        } else {
            let needed = score.threshold - score.score;
            let open: Vec<_> = option
                .questions
                .iter()
                .filter(|q| !answers.is_yes(&question_id(option, q)))
                .collect();
            let single: Vec<String> = open
                .iter()
                .filter(|q| q.weight >= needed)
                .map(|q| question_id(option, q))
                .collect();
            let plural = if needed == 1 { "" } else { "es" };
            if !single.is_empty() {
                let lead = if needed == 1 {
                    "1 yes away"
                } else {
                    "one heavy yes away"
                };
                hints.push(format!(
                    "{} is {lead}: any one of {}.",
                    score.name,
                    single.join(", ")
                ));
            } else {
                let ids: Vec<String> = open.iter().map(|q| question_id(option, q)).collect();
                hints.push(format!(
                    "{} needs {needed} more yes{plural} ({}/{}, needs {}) from: {}.",
                    score.name,
                    score.score,
                    score.max,
                    score.threshold,
                    ids.join(", ")
                ));
            }
        }
    }
    hints
}

#[cfg(test)]
mod tests;
