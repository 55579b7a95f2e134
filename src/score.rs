//! The decision engine: answers and a stage in, scores, verdict, stack, reasons and hints out.
//!
//! Pure: no terminal, no files. The rules are those of design.md §2.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::decision::{Choice, Decision, Question, question_id};

/// What the user said: the questions answered yes and the stage chosen.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answers {
    /// Full question ids (`<option>.<question>`) answered yes.
    pub yes: BTreeSet<String>,
    /// The chosen stage id, if any.
    pub stage: Option<String>,
}

/// One id of an answer set that the decision does not have.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AnswerError {
    /// `index` is the id's place among the ids given (a session's `answers[index]`).
    #[error("unknown question id {id:?}")]
    UnknownQuestion { id: String, index: usize },
    #[error("unknown stage id {id:?}")]
    UnknownStage { id: String },
}

/// Every unknown id of an answer set: the first [`AnswerErrors::LISTED`] of them, how many
/// there are in all, and the valid ids once, so that a file of a million unknown ids costs
/// neither a million copies of the valid ids nor a million messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerErrors {
    /// The first unknown ids, in the order given (the stage last).
    pub listed: Vec<AnswerError>,
    /// How many unknown ids there are in all (listed or not).
    pub total: usize,
    /// The valid question ids, when a question id is unknown (else empty).
    pub valid_questions: Vec<String>,
    /// The valid stage ids, when the stage is unknown (else empty).
    pub valid_stages: Vec<String>,
}

impl AnswerErrors {
    /// How many unknown ids are kept and shown; the others are only counted.
    pub const LISTED: usize = 20;

    /// The listed errors.
    pub fn iter(&self) -> std::slice::Iter<'_, AnswerError> {
        self.listed.iter()
    }

    /// How many unknown ids are not listed.
    pub fn unlisted(&self) -> usize {
        self.total - self.listed.len()
    }

    fn push(&mut self, error: AnswerError) {
        self.total += 1;
        if self.listed.len() < Self::LISTED {
            self.listed.push(error);
        }
    }

    /// The lines after the listed errors: "… and N more", then the valid ids, once each.
    pub fn trailer(&self) -> Vec<String> {
        let mut lines = Vec::new();
        if self.unlisted() > 0 {
            lines.push(crate::error::and_more(self.unlisted(), "unknown ids"));
        }
        if !self.valid_questions.is_empty() {
            lines.push(format!("valid ids: {}", self.valid_questions.join(", ")));
        }
        if !self.valid_stages.is_empty() {
            lines.push(format!("valid stages: {}", self.valid_stages.join(", ")));
        }
        lines
    }
}

impl Answers {
    /// Answers from ids, checked against the decision; every unknown id is counted, and the
    /// first ones are kept for the message.
    pub fn new<I, S>(decision: &Decision, yes: I, stage: Option<&str>) -> Result<Answers, AnswerErrors>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        // Borrowed (option, question) pairs: no id is written out unless one is unknown.
        let known: std::collections::HashSet<(&str, &str)> = decision
            .questions()
            .map(|(o, q)| (o.id.as_str(), q.id.as_str()))
            .collect();
        let mut errors = AnswerErrors {
            listed: Vec::new(),
            total: 0,
            valid_questions: Vec::new(),
            valid_stages: Vec::new(),
        };
        let mut answers = Answers::default();
        for (index, id) in yes.into_iter().enumerate() {
            let id = id.as_ref().trim();
            if id.is_empty() {
                continue;
            }
            if id.split_once('.').is_some_and(|pair| known.contains(&pair)) {
                answers.yes.insert(id.to_owned());
            } else {
                errors.push(AnswerError::UnknownQuestion {
                    id: id.to_owned(),
                    index,
                });
            }
        }
        let questions_unknown = errors.total > 0;
        drop(known);
        if questions_unknown {
            errors.valid_questions = decision.question_ids();
        }
        if let Some(stage) = stage {
            if decision.stage(stage).is_some() {
                answers.stage = Some(stage.to_owned());
            } else {
                // Always listed: there is only one, and it is easily missed after many ids.
                errors.total += 1;
                errors
                    .listed
                    .push(AnswerError::UnknownStage { id: stage.to_owned() });
                errors.valid_stages = decision.stages.iter().map(|s| s.id.clone()).collect();
            }
        }
        if errors.total == 0 {
            Ok(answers)
        } else {
            Err(errors)
        }
    }

    /// Whether the question is answered yes.
    pub fn is_yes(&self, id: &str) -> bool {
        self.yes.contains(id)
    }

    /// Whether this option's question is answered yes: [`Answers::is_yes`] on its full id,
    /// without writing the id out (scoring asks this of every question on every tick).
    pub fn is_yes_to(&self, option: &Choice, question: &Question) -> bool {
        thread_local! {
            static ID: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
        }
        ID.with_borrow_mut(|id| {
            id.clear();
            id.push_str(&option.id);
            id.push('.');
            id.push_str(&question.id);
            self.yes.contains(id.as_str())
        })
    }

    /// Ticks the question if it was not, unticks it if it was.
    pub fn toggle(&mut self, id: &str) {
        if !self.yes.remove(id) {
            self.yes.insert(id.to_owned());
        }
    }
}

/// One option's score.
///
/// Weights are `u32` in the file but sums are `u64`: no checklist can be long enough to
/// overflow it, so a score only ever grows when a box is ticked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Score {
    pub option: String,
    pub name: String,
    pub score: u64,
    pub max: u64,
    pub threshold: u64,
    pub qualified: bool,
}

impl Score {
    /// A gauge of `width` cells: how many are filled, and the cell where the threshold falls
    /// (`width` when it is at the very end). Shared by the text report and the TUI.
    pub fn gauge(&self, width: usize) -> (usize, usize) {
        // In u128, `value * width` cannot overflow whatever the weights and the width.
        let max = u128::from(self.max.max(1));
        let cells = |value: u128| usize::try_from(value).unwrap_or(usize::MAX).min(width);
        let width128 = width as u128;
        let filled = cells(u128::from(self.score) * width128 / max);
        let threshold = cells((u128::from(self.threshold) * width128).div_ceil(max));
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
    let mut score: u64 = 0;
    let mut max: u64 = 0;
    for question in &option.questions {
        // Saturating: 2^32 questions of weight u32::MAX would be needed to reach the limit.
        max = max.saturating_add(u64::from(question.weight));
        if answers.is_yes_to(option, question) {
            score = score.saturating_add(u64::from(question.weight));
        }
    }
    let threshold = u64::from(option.threshold);
    Score {
        option: option.id.clone(),
        name: option.name.to_string(),
        score,
        max,
        threshold,
        qualified: score >= threshold,
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
    // Compare a/b with c/d as a*d against c*b: exact, no floats, and no overflow in u128.
    let ratio_cmp = |a: &Score, b: &Score| {
        (u128::from(a.score) * u128::from(b.max)).cmp(&(u128::from(b.score) * u128::from(a.max)))
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
            .filter(|q| answers.is_yes_to(option, q))
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
            let slack = score.score.saturating_sub(score.threshold);
            let droppers: Vec<String> = option
                .questions
                .iter()
                .filter(|q| answers.is_yes_to(option, q) && u64::from(q.weight) > slack)
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
            let needed = score.threshold.saturating_sub(score.score);
            let open: Vec<_> = option
                .questions
                .iter()
                .filter(|q| !answers.is_yes_to(option, q))
                .collect();
            let single: Vec<String> = open
                .iter()
                .filter(|q| u64::from(q.weight) >= needed)
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
