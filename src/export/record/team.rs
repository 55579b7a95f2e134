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
    pub fn new(team: &Team) -> TeamInfo {
        let report = TeamReport::new(team);
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
        TeamInfo {
            people: team.names().into_iter().map(str::to_owned).collect(),
            names: join_names(&team.names(), "and"),
            verdict: report.verdict.summary.clone(),
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
