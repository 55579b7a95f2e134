//! The team as the `team` command prints it: the JSON object (`team` in the JSON docs/commands.md describes) and
//! the plain text, both from [`TeamReport`], so they hold the same facts.

use std::fmt::Write as _;

use serde::Serialize;

use crate::score::choice::Resolved;
use crate::score::{Answer, Score, Verdict};
use crate::text::escape_path;

use super::{Agreement, Team};

/// The team's facts, serialisable: who, what each answered, what they disagree on, each
/// person's verdict and choice, the team's answers, verdict and pivotal questions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TeamReport {
    /// The people, in the order given.
    pub people: Vec<PersonRow>,
    /// Every question, disagreements first.
    pub questions: Vec<QuestionRow>,
    /// The ids of the questions answered differently.
    pub disagreements: Vec<String>,
    /// The team's answers: the question ids the majority answered yes, and no.
    pub answers: Vec<String>,
    pub no: Vec<String>,
    /// The team's stage: one that at least two people and most of those who gave a stage
    /// gave (`null` otherwise).
    pub stage: Option<String>,
    /// Who gave which stage (labels), when the team has no stage of its own.
    pub stages_said: Vec<PersonStage>,
    /// The scores of the team's answers.
    pub scores: Vec<Score>,
    /// The verdict of the team's answers.
    pub verdict: Verdict,
    /// The ids of the questions whose resolution would change the team verdict.
    pub pivotal: Vec<String>,
    /// What the team verdict rests on, as a sentence; empty when on more than one person's
    /// answers and nobody chose otherwise.
    pub basis: String,
    /// The ids of the questions behind the team verdict that one person answered.
    pub one_person: Vec<String>,
}

/// A stage one person gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonStage {
    pub person: String,
    pub stage: String,
}

/// One person: their verdict and choice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonRow {
    pub name: String,
    /// The session file, `null` when the answers came from elsewhere.
    pub file: Option<String>,
    pub scores: Vec<Score>,
    pub verdict: Verdict,
    pub choice: Resolved,
}

/// A question and what each person answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuestionRow {
    pub id: String,
    pub option: String,
    pub text: String,
    /// Each person's answer and note, in the order of `people`.
    pub answers: Vec<PersonAnswer>,
    pub disagreement: bool,
    /// `split`, `agreed` (two or more answered, all the same), `one` (one person answered)
    /// or `nobody`.
    pub agreement: Agreement,
    /// The majority's answer; `null` when nobody answered or on a tie.
    pub team_answer: Option<Answer>,
    pub pivotal: bool,
    /// For a pivotal question, what resolving it would do, in words.
    pub pivot: Option<String>,
}

/// One person's answer to a question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonAnswer {
    pub person: String,
    /// `"yes"`, `"no"` or `null`.
    pub answer: Option<Answer>,
    pub note: Option<String>,
}

impl TeamReport {
    /// The report of a team: only its members who count (see [`Member::counted`](super::Member)).
    pub fn new(team: &Team, decision: &crate::decision::Decision) -> TeamReport {
        let people = team
            .people()
            .map(|m| PersonRow {
                name: m.name.clone(),
                file: m.path.as_deref().map(escape_path),
                scores: m.evaluation.scores.clone(),
                verdict: m.evaluation.verdict.clone(),
                choice: m.choice.clone(),
            })
            .collect();
        let questions = team
            .questions
            .iter()
            .map(|q| QuestionRow {
                id: q.id.clone(),
                option: q.option.clone(),
                text: q.text.clone(),
                answers: team
                    .members
                    .iter()
                    .zip(q.answers.iter().zip(&q.notes))
                    .filter(|(m, _)| m.counted)
                    .map(|(m, (answer, note))| PersonAnswer {
                        person: m.name.clone(),
                        answer: *answer,
                        note: note.clone(),
                    })
                    .collect(),
                disagreement: q.disagreement,
                agreement: q.agreement(),
                team_answer: q.team_answer,
                pivotal: q.pivotal,
                pivot: q.pivot_words(),
            })
            .collect();
        let basis = team.basis();
        TeamReport {
            people,
            questions,
            disagreements: team.disagreements().map(|q| q.id.clone()).collect(),
            answers: team.answers.yes.iter().cloned().collect(),
            no: team.answers.no.iter().cloned().collect(),
            stage: team.answers.stage.clone(),
            stages_said: team
                .stages_said(decision)
                .into_iter()
                .map(|(person, stage)| PersonStage { person, stage })
                .collect(),
            scores: team.evaluation.scores.clone(),
            verdict: team.evaluation.verdict.clone(),
            pivotal: team.pivotal(),
            basis: basis.sentence(),
            one_person: basis.one_person.into_iter().map(|(id, _, _)| id).collect(),
        }
    }

    /// The plain-text report: the disagreements first, each person's answer and note; the
    /// other questions; each person's verdict and choice; the team verdict; the pivotal
    /// questions. Text from the sessions is as loaded: the caller escapes the whole.
    pub fn to_text(&self, title: &str) -> String {
        let mut out = String::new();
        let names: Vec<&str> = self.people.iter().map(|p| p.name.as_str()).collect();
        let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
        let _ = writeln!(out, "{title}");
        let people = if names.len() == 1 { "person" } else { "people" };
        let _ = writeln!(
            out,
            "A team of {} {people}: {}",
            names.len(),
            crate::score::join_names(&names, "and")
        );
        let (split, agreed): (Vec<&QuestionRow>, Vec<&QuestionRow>) =
            self.questions.iter().partition(|q| q.disagreement);
        if split.is_empty() {
            let _ = writeln!(
                out,
                "\nNo disagreements: everyone who answered a question gave the same answer."
            );
        } else {
            let _ = writeln!(out, "\nDisagreements ({}):", split.len());
            for q in split {
                let _ = writeln!(out, "  {} ({})", crate::score::quoted(&q.text), q.id);
                for a in &q.answers {
                    let _ = writeln!(out, "    {}", answer_line(a, width));
                }
                let team = match q.team_answer {
                    Some(answer) => format!("{answer} (the majority)"),
                    None => "a tie, counted as unanswered".to_owned(),
                };
                let pivotal = q
                    .pivot
                    .as_ref()
                    .map_or_else(String::new, |words| format!("; pivotal: {words}"));
                let _ = writeln!(out, "    Team: {team}{pivotal}");
            }
        }
        let (answered, unanswered): (Vec<&QuestionRow>, Vec<&QuestionRow>) =
            agreed.into_iter().partition(|q| q.agreement != Agreement::Nobody);
        let (together, alone): (Vec<&QuestionRow>, Vec<&QuestionRow>) = answered
            .into_iter()
            .partition(|q| q.agreement == Agreement::Agreed);
        let unanswered = unanswered.len();
        if !together.is_empty() {
            let _ = writeln!(
                out,
                "\nAgreed by two or more, nobody against ({}):",
                together.len()
            );
            for q in together {
                let each: Vec<String> = q
                    .answers
                    .iter()
                    .map(|a| format!("{} {}", a.person, word(a.answer)))
                    .collect();
                let _ = writeln!(
                    out,
                    "  {} {} ({}): {}",
                    word(q.team_answer),
                    crate::score::quoted(&q.text),
                    q.id,
                    each.join(", ")
                );
                for a in q.answers.iter().filter(|a| a.note.is_some()) {
                    let _ = writeln!(out, "    {}: {}", a.person, a.note.as_deref().unwrap_or_default());
                }
            }
        }
        if !alone.is_empty() {
            let _ = writeln!(out, "\nAnswered by one person only ({}):", alone.len());
            for q in alone {
                for a in q.answers.iter().filter(|a| a.answer.is_some()) {
                    let _ = writeln!(
                        out,
                        "  {} ({}): only {} answered, {}",
                        crate::score::quoted(&q.text),
                        q.id,
                        a.person,
                        word(a.answer)
                    );
                }
                for a in q.answers.iter().filter(|a| a.note.is_some()) {
                    let _ = writeln!(out, "    {}: {}", a.person, a.note.as_deref().unwrap_or_default());
                }
            }
        }
        if unanswered > 0 {
            let plural = if unanswered == 1 { "" } else { "s" };
            let _ = writeln!(out, "  ({unanswered} question{plural} nobody answered)");
        }
        let _ = writeln!(out, "\nEach person:");
        for p in &self.people {
            let _ = writeln!(
                out,
                "  {:<width$}  {} · {}",
                p.name,
                p.verdict.summary,
                choice_words(&p.choice)
            );
        }
        if self.stage.is_none() && !self.stages_said.is_empty() {
            let each: Vec<String> = self
                .stages_said
                .iter()
                .map(|s| format!("{}: {}", s.person, s.stage))
                .collect();
            let _ = writeln!(out, "\nNo team stage; stages given: {}", each.join("; "));
        }
        let _ = writeln!(out, "\nTeam verdict: {}", self.verdict.summary);
        if !self.basis.is_empty() {
            let _ = writeln!(out, "  {}", self.basis);
        }
        for also in &self.verdict.also_consider {
            let _ = writeln!(out, "  {also}");
        }
        if !self.pivotal.is_empty() {
            let _ = writeln!(
                out,
                "\nPivotal: resolving any of these would change the team verdict:"
            );
            for q in self.questions.iter().filter(|q| q.pivotal) {
                let words = q.pivot.as_deref().unwrap_or_default();
                let _ = writeln!(out, "  - {} ({}): {words}", crate::score::quoted(&q.text), q.id);
            }
        }
        out
    }
}

/// "Alice  yes: we need it".
fn answer_line(answer: &PersonAnswer, width: usize) -> String {
    let mut line = format!("{:<width$}  {}", answer.person, word(answer.answer));
    if let Some(note) = &answer.note {
        line.push_str(&format!(": {note}"));
    }
    line
}

/// `yes`, `no`, or `—` for unanswered.
pub fn word(answer: Option<Answer>) -> &'static str {
    match answer {
        Some(Answer::Yes) => "yes",
        Some(Answer::No) => "no",
        None => "—",
    }
}

/// A person's choice in words: "chooses Django (following the checklist)".
fn choice_words(choice: &Resolved) -> String {
    let follow = if choice.follow_checklist {
        " (following the checklist)"
    } else {
        ""
    };
    match &choice.name {
        Some(name) => format!("chooses {name}{follow}"),
        None => format!("has not decided{follow}"),
    }
}
