//! The verdict, the stack, the reasons and the hints: everything the engine derives from the
//! answers, with the rules of the decision semantics in the README.

use serde::Serialize;

use crate::decision::Decision;
use crate::score::answers::Answers;
use crate::score::hints::{self, Hint};
use crate::score::outcome::{Basis, Decided, Outcome, outcome};
use crate::score::tally::{Score, score_option};
use crate::score::verdict::{AlsoConsider, Verdict, VerdictKind};
use crate::score::words::{join_names, quoted};

/// The suggested stack, each layer active or dimmed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StackView {
    pub title: String,
    pub layers: Vec<LayerView>,
    /// What is lit, and why: "Lit: Django (your choice).", "`FastAPI` (your choice) is not in
    /// this diagram: no layer is lit.", "Nothing lit: the decision is open between Flask and
    /// `FastAPI`."
    pub caption: String,
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
    /// What is decided: the verdict, the stage and the user's choice together. Every
    /// surface words the decision from it.
    pub outcome: Outcome,
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
    let outcome = outcome(decision, &verdict, answers.stage.as_deref(), &answers.choice);
    let stack = stack(decision, &outcome);
    let reasons = reasons(decision, answers, &scores, &verdict);
    Evaluation {
        scores,
        verdict,
        outcome,
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
            let causes = causes.join(" and ");
            let note = trigger.note.trim();
            // The note is the article's, so it is quoted.
            let why = if note.is_empty() {
                format!("{causes}.")
            } else {
                format!("{causes}: {}", quoted(note))
            };
            Some(AlsoConsider {
                option: option.id.clone(),
                name: option.name.to_string(),
                why,
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

/// The stack: an option's layer is lit when the outcome decides that option, the shared
/// layers only for the hybrid; open alternatives light nothing. The caption says what is lit,
/// and when the decided option has no layer (it is not in the article's diagram), says so.
fn stack(decision: &Decision, outcome: &Outcome) -> StackView {
    let hybrid = outcome.decided == Decided::Hybrid;
    let layers: Vec<LayerView> = decision
        .stack
        .layers
        .iter()
        .map(|layer| LayerView {
            title: layer.title.to_string(),
            option: layer.option.clone(),
            parts: layer.parts.iter().map(ToString::to_string).collect(),
            active: match &layer.option {
                Some(option) => outcome.decides(option),
                None => hybrid,
            },
        })
        .collect();
    let whose = if outcome.basis == Basis::Choice {
        "your choice"
    } else {
        "the suggestion"
    };
    let unlit: Vec<&str> = outcome
        .options
        .iter()
        .filter(|id| {
            outcome.is_decided()
                && !decision
                    .stack
                    .layers
                    .iter()
                    .any(|l| l.option.as_ref() == Some(*id))
        })
        .map(|id| decision.option_name(id))
        .collect();
    let caption = if unlit.is_empty() {
        let names: Vec<&str> = outcome
            .options
            .iter()
            .map(|id| decision.option_name(id))
            .collect();
        match (outcome.decided, outcome.basis) {
            (Decided::Option, _) => format!("Lit: {} ({whose}).", join_names(&names, "and")),
            (Decided::Hybrid, _) => format!("Lit: the hybrid of {} ({whose}).", join_names(&names, "and")),
            (Decided::Open, Basis::Leaning) => {
                format!(
                    "Nothing lit: the decision is open, leaning towards {}.",
                    join_names(&names, "or")
                )
            }
            (Decided::Open, _) => format!(
                "Nothing lit: the decision is open between {}.",
                join_names(&names, "and")
            ),
            (Decided::Nothing, _) => "Nothing lit: nothing is decided yet.".to_owned(),
        }
    } else {
        format!(
            "{} ({whose}) is not in this diagram: no layer is lit.",
            join_names(&unlit, "and")
        )
    };
    StackView {
        title: decision.stack.title.to_string(),
        layers,
        caption,
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
        // A stage agrees with one qualifying option it picks; it picks alternatives, never a
        // hybrid, so it never agrees with one.
        let agrees =
            verdict.kind == VerdictKind::Single && stage.picks.iter().any(|p| verdict.options.contains(p));
        let reason = match verdict.kind {
            VerdictKind::Stage => format!(
                "No checklist qualifies, so the stage {label} decides: {}",
                quoted(advice)
            ),
            VerdictKind::Single | VerdictKind::Hybrid if agrees => {
                format!("The stage {label} agrees with the checklist: {}", quoted(advice))
            }
            VerdictKind::Hybrid => {
                format!(
                    "The checklists decide; the stage {label} points to {picks} alone: {}",
                    quoted(advice)
                )
            }
            _ => format!(
                "The checklist decides; the stage {label} points to {picks}: {}",
                quoted(advice)
            ),
        };
        reasons.push(reason);
    }
    for also in &verdict.also_consider {
        reasons.push(also.to_string());
    }
    reasons
}
