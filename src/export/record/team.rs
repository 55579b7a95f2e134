//! The team in a team's record (`export --team`): everyone, the team verdict, and who said
//! what on each question the team answered differently.

use serde::Serialize;

use crate::score::join_names;
use crate::team::Team;
use crate::team::report::TeamReport;
use crate::team::report::word;

/// The team behind a team's record.
#[derive(Debug, Clone, Serialize)]
pub struct TeamInfo {
    /// Everyone, in the order given.
    pub people: Vec<String>,
    /// Everyone for a sentence: "Alice, Bob and Carol".
    pub names: String,
    /// The team verdict's summary ("Choose Django").
    pub verdict: String,
    /// What the verdict rests on, as a sentence (one person's answers, who chose otherwise);
    /// empty when nothing needs saying.
    pub basis: String,
    /// Who gave which stage, as a sentence, when the team has no stage of its own; empty
    /// otherwise.
    pub stages_said: String,
    /// The questions only one person answered, with who and what.
    pub one_answer: Vec<String>,
    /// The questions answered differently, each with who said what.
    pub disagreements: Vec<Disagreement>,
    /// The texts of the questions whose resolution would change the team verdict.
    pub pivotal: Vec<String>,
    /// Everything `team --json` prints under `team`.
    pub report: TeamReport,
}

/// A question the team answered differently.
#[derive(Debug, Clone, Serialize)]
pub struct Disagreement {
    pub id: String,
    pub text: String,
    /// `yes`, `no` (the majority's) or `a tie`.
    pub team_answer: String,
    /// Whether resolving it would change the team verdict.
    pub pivotal: bool,
    /// What resolving it would do, in words; empty when not pivotal.
    pub pivot: String,
    /// Each person's answer (`yes`, `no` or `—`) and note.
    pub answers: Vec<PersonSaid>,
}

/// What one person answered to a disputed question.
#[derive(Debug, Clone, Serialize)]
pub struct PersonSaid {
    pub person: String,
    pub answer: String,
    pub note: String,
}

impl TeamInfo {
    /// The record's view of a team.
    pub fn new(team: &Team, decision: &crate::decision::Decision) -> TeamInfo {
        let report = TeamReport::new(team, decision);
        let disagreements = report
            .questions
            .iter()
            .filter(|q| q.disagreement)
            .map(|q| Disagreement {
                id: q.id.clone(),
                text: q.text.clone(),
                team_answer: q
                    .team_answer
                    .map_or_else(|| "a tie".to_owned(), |a| a.to_string()),
                pivotal: q.pivotal,
                pivot: q.pivot.clone().unwrap_or_default(),
                answers: q
                    .answers
                    .iter()
                    .map(|a| PersonSaid {
                        person: a.person.clone(),
                        answer: word(a.answer).to_owned(),
                        note: a.note.clone().unwrap_or_default(),
                    })
                    .collect(),
            })
            .collect();
        let stages_said = if report.stages_said.is_empty() {
            String::new()
        } else {
            let each: Vec<String> = report
                .stages_said
                .iter()
                .map(|s| format!("{} gave the stage “{}”", s.person, s.stage))
                .collect();
            let each: Vec<&str> = each.iter().map(String::as_str).collect();
            format!("The team has no stage of its own: {}.", join_names(&each, "and"))
        };
        let one_answer = report
            .questions
            .iter()
            .filter(|q| q.agreement == crate::team::Agreement::One)
            .filter_map(|q| {
                let a = q.answers.iter().find(|a| a.answer.is_some())?;
                Some(format!(
                    "Only {} answered {}: {}.",
                    a.person,
                    crate::score::quoted(&q.text),
                    word(a.answer)
                ))
            })
            .collect();
        TeamInfo {
            people: team.names().into_iter().map(str::to_owned).collect(),
            names: join_names(&team.names(), "and"),
            verdict: report.verdict.summary.clone(),
            basis: report.basis.clone(),
            stages_said,
            one_answer,
            disagreements,
            pivotal: report
                .questions
                .iter()
                .filter(|q| q.pivotal)
                .map(|q| q.text.clone())
                .collect(),
            report,
        }
    }
}
