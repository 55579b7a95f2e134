//! The report of a decision: the JSON object of design.md §5 and the plain-text summary.
//!
//! `score --json` and `export --format json` both print [`Report`], so they cannot differ.

use std::fmt::Write as _;

use serde::Serialize;

use crate::decision::{Decision, question_id};
use crate::score::{Answers, Evaluation, LayerView, Score, StackView, Verdict, evaluate};

/// The whole decision as one serialisable object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub decision: String,
    pub answers: Vec<String>,
    pub stage: Option<String>,
    pub questions: Vec<QuestionRow>,
    pub scores: Vec<Score>,
    pub verdict: Verdict,
    pub stack: StackView,
    pub reasons: Vec<String>,
    pub hints: Vec<String>,
    pub stages: Vec<StageRow>,
}

/// A question and whether it is answered yes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuestionRow {
    pub id: String,
    pub option: String,
    pub text: String,
    pub yes: bool,
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
                    id,
                    option: option.id.clone(),
                    text: question.text.to_string(),
                }
            })
            .collect::<Vec<_>>();
        let answered = questions.iter().filter(|q| q.yes).map(|q| q.id.clone()).collect();
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
            answers: answered,
            stage: answers.stage.clone(),
            questions,
            scores: evaluation.scores,
            verdict: evaluation.verdict,
            stack: evaluation.stack,
            reasons: evaluation.reasons,
            hints: evaluation.hints,
            stages,
        }
    }

    /// The report as pretty-printed JSON, ending with a newline.
    pub fn to_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(self).expect("a report always serialises");
        json.push('\n');
        json
    }

    /// A short human-readable report: gauges, verdict, stack, reasons and hints.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{}\n", self.decision);
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
        let _ = writeln!(out, "\nVerdict ({}): {}", self.verdict.kind, self.verdict.summary);
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
        section(&mut out, "One step away", &self.hints);
        out
    }
}

fn layer_line(layer: &LayerView) -> String {
    let state = if layer.active { "[active]" } else { "[dimmed]" };
    let mark = if layer.active { "●" } else { "○" };
    format!("  {mark} {} {state}", layer.title)
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
