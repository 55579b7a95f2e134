//! The report of a decision: the JSON object of `score --json` and the plain-text summary.
//!
//! `score --json` and `export --format json` both print [`Report`], so they cannot differ.

use std::fmt::Write as _;

use serde::Serialize;

use crate::decision::{Decision, question_id};
use crate::score::choice::Resolved;
use crate::score::{
    Answer, Answers, Evaluation, Hint, LayerView, Outcome, Score, StackView, Verdict, evaluate,
};
use crate::text::Text;

/// The whole decision as one serialisable object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub decision: String,
    /// Who answered, `null` when nobody is named.
    pub by: Option<Text>,
    /// The question ids answered yes.
    pub answers: Vec<String>,
    /// The question ids answered no.
    pub no: Vec<String>,
    pub stage: Option<String>,
    /// The decision-wide note (empty when none).
    pub note: Text,
    pub questions: Vec<QuestionRow>,
    /// The scored options' scores.
    pub scores: Vec<Score>,
    pub verdict: Verdict,
    /// What is decided: the verdict, the stage and the user's choice together.
    pub outcome: Outcome,
    /// The user's decision, resolved against the verdict.
    pub choice: Resolved,
    pub stack: StackView,
    pub reasons: Vec<String>,
    pub hints: Vec<Hint>,
    pub stages: Vec<StageRow>,
    /// The team, when several sessions are given (`export --team`); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team: Option<crate::team::report::TeamReport>,
}

/// A question, its answer and its note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuestionRow {
    pub id: String,
    pub option: String,
    pub text: String,
    /// Whether it is answered yes (kept for readers of the first JSON shape).
    pub yes: bool,
    /// `"yes"`, `"no"` or `null` (unanswered).
    pub answer: Option<Answer>,
    /// The question's note, `null` when none.
    pub note: Option<String>,
}

/// A stage and the options it picks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StageRow {
    pub id: String,
    pub text: String,
    pub options: Vec<String>,
}

impl Report {
    /// Evaluates the answers and gathers everything into a report.
    pub fn new(decision: &Decision, answers: &Answers) -> Report {
        Report::from_evaluation(decision, answers, evaluate(decision, answers))
    }

    /// A report from an evaluation already computed for these answers.
    pub fn from_evaluation(decision: &Decision, answers: &Answers, evaluation: Evaluation) -> Report {
        let questions = decision
            .questions()
            .map(|(option, question)| {
                let id = question_id(option, question);
                QuestionRow {
                    yes: answers.is_yes(&id),
                    answer: answers.answer(&id),
                    note: answers.note_for(&id).map(str::to_owned),
                    id,
                    option: option.id.clone(),
                    text: question.text.to_string(),
                }
            })
            .collect::<Vec<_>>();
        let answered = questions.iter().filter(|q| q.yes).map(|q| q.id.clone()).collect();
        let no = questions
            .iter()
            .filter(|q| q.answer == Some(Answer::No))
            .map(|q| q.id.clone())
            .collect();
        let choice = answers.choice.resolve(decision, &evaluation.verdict.suggestion());
        let stages = decision
            .stages
            .iter()
            .map(|stage| StageRow {
                id: stage.id.clone(),
                text: format!("{}: {}", stage.label, stage.advice),
                options: stage.picks.clone(),
            })
            .collect();
        Report {
            decision: decision.title.to_string(),
            by: answers.by.clone(),
            answers: answered,
            no,
            stage: answers.stage.clone(),
            note: answers.note.clone(),
            questions,
            scores: evaluation.scores,
            verdict: evaluation.verdict,
            outcome: evaluation.outcome,
            choice,
            stack: evaluation.stack,
            reasons: evaluation.reasons,
            hints: evaluation.hints,
            stages,
            team: None,
        }
    }

    /// The report as pretty-printed JSON, ending with a newline.
    pub fn to_json(&self) -> String {
        let json = serde_json::to_string_pretty(self).expect("a report always serialises");
        let mut json = crate::text::json_safe(&json);
        json.push('\n');
        json
    }

    /// A short human-readable report: gauges, verdict, stack, reasons and hints.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{}", self.decision);
        if let Some(by) = &self.by {
            let _ = writeln!(out, "Answered by {by}");
        }
        out.push('\n');
        let width = self
            .scores
            .iter()
            .map(|s| s.name.chars().count())
            .max()
            .unwrap_or(0);
        for score in &self.scores {
            let mark = if score.qualified { "✓ qualifies" } else { "" };
            let _ = writeln!(
                out,
                "  {:<width$}  {}  {}/{} (needs {}) {mark}",
                score.name,
                text_gauge(score, 12),
                score.score,
                score.max,
                score.threshold,
            );
        }
        let _ = writeln!(out, "\nVerdict: {}", self.verdict.summary);
        for also in &self.verdict.also_consider {
            let _ = writeln!(out, "  {also}");
        }
        let _ = writeln!(out, "Decision: {}", self.outcome.line());
        for against in self.outcome.against() {
            let _ = writeln!(out, "  {against}");
        }
        if !self.choice.because.is_empty() {
            let because = crate::text::sentence(&self.choice.because);
            let _ = writeln!(out, "  Why: {because}");
        }
        if !self.note.is_empty() {
            let _ = writeln!(out, "Note: {}", self.note);
        }
        let _ = writeln!(out, "\n{}", self.stack.title);
        for layer in &self.stack.layers {
            let _ = writeln!(out, "{}", layer_line(layer));
            for (i, part) in layer.parts.iter().enumerate() {
                let branch = if i + 1 == layer.parts.len() {
                    "└──"
                } else {
                    "├──"
                };
                let _ = writeln!(out, "    {branch} {part}");
            }
        }
        section(&mut out, "Reasons", &self.reasons);
        let hints: Vec<String> = self.hints.iter().map(ToString::to_string).collect();
        section(&mut out, "One step away", &hints);
        out
    }
}

fn layer_line(layer: &LayerView) -> String {
    let mark = if layer.active { "●" } else { "○" };
    format!("  {mark} {}", layer.title)
}

fn section(out: &mut String, title: &str, lines: &[String]) {
    if lines.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{title}:");
    for line in lines {
        let _ = writeln!(out, "  - {line}");
    }
}

/// A text gauge of `width` cells, with `|` marking the threshold: `[███|░░░]`.
pub fn text_gauge(score: &Score, width: usize) -> String {
    let (filled, mark) = score.gauge(width);
    let mut gauge = String::from("[");
    for i in 0..width {
        if i == mark && mark > 0 {
            gauge.push('|');
        }
        gauge.push(if i < filled { '█' } else { '░' });
    }
    if mark >= width {
        gauge.push('|');
    }
    gauge.push(']');
    gauge
}
