//! The verdict, the stack, the reasons and the hints: everything the engine derives from the
//! answers, with the rules of the decision semantics in the README.

use std::fmt;

use serde::Serialize;

use crate::decision::Decision;
use crate::score::answers::Answers;
use crate::score::choice::Pick;
use crate::score::hints::{self, Hint};
use crate::score::tally::{Score, score_option};
use crate::score::words::{join_names, quoted};

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
    /// What triggered it and its note: "Yes to “Are you building primarily a REST API?”:
    /// Flask for simplicity, `FastAPI` for async performance."
    pub why: String,
}

impl fmt::Display for AlsoConsider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Also consider {}. {}", self.name, self.why)
    }
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

impl LayerView {
    /// The layer's title as the diagrams word it: `● Django Monolith`; a shared layer names
    /// its parts inline, as the article does: `○ Shared: JWT/OpenID Connect auth`.
    pub fn title_line(&self) -> String {
        let mark = if self.active { "●" } else { "○" };
        if self.option.is_none() && !self.parts.is_empty() {
            format!("{mark} {}: {}", self.title, self.parts.join(", "))
        } else {
            format!("{mark} {}", self.title)
        }
    }
}

/// Everything the engine derives from the answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evaluation {
    /// The scored options' scores, in order (also-consider options have none).
    pub scores: Vec<Score>,
    pub verdict: Verdict,
    pub stack: StackView,
    pub reasons: Vec<String>,
    pub hints: Vec<Hint>,
}

impl Evaluation {
    /// The score of the option with this id; `None` for an also-consider or unknown option.
    pub fn score(&self, option: &str) -> Option<&Score> {
        self.scores.iter().find(|s| s.option == option)
    }
}

/// Scores every scored option, decides the verdict, and explains it.
pub fn evaluate(decision: &Decision, answers: &Answers) -> Evaluation {
    let (scores, hints) = decision
        .scored()
        .map(|option| {
            let score = score_option(option, answers);
            let hint = hints::hint(option, answers, &score);
            (score, hint)
        })
        .unzip();
    assemble(decision, answers, scores, hints)
}

/// [`evaluate`] again, in place, after the answers to one option's questions changed
/// (`changed`, an option id) or none did (`None`: a note, the stage or the choice). The other
/// options' scores and hints are kept from `evaluation`, which must be the evaluation of the
/// same decision before the change; the result equals `evaluate(decision, answers)`. A tick on
/// a checklist of thousands of questions costs one option's questions instead of all of them.
pub fn reevaluate(
    decision: &Decision,
    answers: &Answers,
    evaluation: &mut Evaluation,
    changed: Option<&str>,
) {
    let mut scores = std::mem::take(&mut evaluation.scores);
    let mut hints = std::mem::take(&mut evaluation.hints);
    let same_options = scores.len() == hints.len()
        && scores.len() == decision.scored().count()
        && decision
            .scored()
            .zip(&scores)
            .all(|(option, score)| score.option == option.id);
    if !same_options {
        *evaluation = evaluate(decision, answers);
        return;
    }
    for ((option, score), hint) in decision.scored().zip(&mut scores).zip(&mut hints) {
        if changed == Some(option.id.as_str()) {
            *score = score_option(option, answers);
            *hint = hints::hint(option, answers, score);
        }
    }
    *evaluation = assemble(decision, answers, scores, hints);
}

/// The parts that depend on every option at once: cheap, so always computed again.
fn assemble(decision: &Decision, answers: &Answers, scores: Vec<Score>, hints: Vec<Hint>) -> Evaluation {
    let mut verdict = verdict(decision, answers, &scores);
    verdict.also_consider = also_consider(decision, answers);
    let stack = stack(decision, &verdict);
    let reasons = reasons(decision, answers, &scores, &verdict);
    Evaluation {
        scores,
        verdict,
        stack,
        reasons,
        hints,
    }
}

/// The options' names joined: "A and B", "A or B".
fn names(decision: &Decision, ids: &[String], last: &str) -> String {
    let names: Vec<&str> = ids.iter().map(|id| decision.option_name(id)).collect();
    join_names(&names, last)
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
            let summary = format!("Choose {}", names(decision, &qualified, "and"));
            (VerdictKind::Single, qualified, summary)
        }
        (n, _) if n >= 2 => {
            let names: Vec<&str> = qualified.iter().map(|id| decision.option_name(id)).collect();
            let summary = format!("Hybrid: {}", names.join(" + "));
            (VerdictKind::Hybrid, qualified, summary)
        }
        (_, Some(stage)) => {
            // A stage's picks are alternatives ("Flask or FastAPI"), never a hybrid.
            let summary = format!("Stage advice: {}", names(decision, &stage.picks, "or"));
            (VerdictKind::Stage, stage.picks.clone(), summary)
        }
        _ if answers.yes.is_empty() => (VerdictKind::Undecided, Vec::new(), "Not decided yet".to_owned()),
        _ => {
            let leaders = leaders(scores);
            let summary = format!("Leaning towards {}", names(decision, &leaders, "or"));
            (VerdictKind::Leaning, leaders, summary)
        }
    };
    Verdict {
        kind,
        options,
        summary,
        also_consider: Vec::new(),
    }
}

/// The also-consider options whose trigger holds, each with why.
fn also_consider(decision: &Decision, answers: &Answers) -> Vec<AlsoConsider> {
    decision
        .options
        .iter()
        .filter_map(|option| {
            let trigger = option.trigger.as_ref()?;
            let questions: Vec<String> = trigger
                .questions
                .iter()
                .filter(|id| answers.is_yes(id))
                .map(|id| quoted(decision.question_text(id)))
                .collect();
            let stage = answers
                .stage
                .as_deref()
                .filter(|id| trigger.stages.iter().any(|s| s == id))
                .and_then(|id| decision.stage(id));
            let mut causes = Vec::new();
            if !questions.is_empty() {
                let questions: Vec<&str> = questions.iter().map(String::as_str).collect();
                causes.push(format!("Yes to {}", join_names(&questions, "and")));
            }
            if let Some(stage) = stage {
                let lead = if causes.is_empty() { "Stage" } else { "stage" };
                causes.push(format!("{lead} {}", quoted(&stage.label)));
            }
            if causes.is_empty() {
                return None;
            }
            Some(AlsoConsider {
                option: option.id.clone(),
                name: option.name.to_string(),
                why: format!("{}: {}", causes.join(" and "), trigger.note),
            })
        })
        .collect()
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

/// The stack: each option's layer is active when the verdict names it; the shared layers only
/// for a hybrid (a tie of a leaning, or a stage's alternatives, are not one).
fn stack(decision: &Decision, verdict: &Verdict) -> StackView {
    let hybrid = verdict.kind == VerdictKind::Hybrid;
    let layers: Vec<LayerView> = decision
        .stack
        .layers
        .iter()
        .map(|layer| LayerView {
            title: layer.title.to_string(),
            option: layer.option.clone(),
            parts: layer.parts.iter().map(ToString::to_string).collect(),
            active: match &layer.option {
                Some(option) => verdict.options.contains(option),
                None => hybrid,
            },
        })
        .collect();
    StackView {
        title: decision.stack.title.to_string(),
        layers,
    }
}

fn reasons(decision: &Decision, answers: &Answers, scores: &[Score], verdict: &Verdict) -> Vec<String> {
    let mut reasons = Vec::new();
    for (option, score) in decision.scored().zip(scores).filter(|(_, s)| s.qualified) {
        let yes: Vec<String> = option
            .questions
            .iter()
            .filter(|q| answers.is_yes_to(option, q))
            .map(|q| quoted(&q.text))
            .collect();
        reasons.push(format!(
            "{} qualifies with {} of {} (needs {}): yes to {}.",
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
        let picks = names(decision, &stage.picks, "or");
        let label = quoted(&stage.label);
        let advice = stage.advice.trim_end();
        let reason = match verdict.kind {
            VerdictKind::Stage => format!("No checklist qualifies, so the stage {label} decides: {advice}"),
            _ if stage.picks.iter().all(|p| verdict.options.contains(p)) => {
                format!("The stage {label} agrees with the checklist: {advice}")
            }
            _ => format!("The checklist decides; the stage {label} would point to {picks} instead: {advice}"),
        };
        reasons.push(reason);
    }
    for also in &verdict.also_consider {
        reasons.push(also.to_string());
    }
    reasons
}
