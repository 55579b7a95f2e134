//! The context the Markdown decision record is rendered from (built-in or `--template`).
//!
//! Everything a template can use is here, serialisable, so a user's template sees the same
//! values as the built-in one: the whole [`Report`] (the JSON object of `score --json`) plus the
//! decision's evidence and a few phrases already composed for a MADR record.

use serde::Serialize;

use crate::decision::{Candidate, Decision, Point, question_id};
use crate::export::mermaid;
use crate::report::Report;
use crate::score::{Answers, Score};
use crate::text::Text;

mod outcome;
mod team;

pub use outcome::Outcome;
use outcome::outcome;

pub use team::{Disagreement, PersonSaid, TeamInfo};

/// The values a decision-record template is rendered with.
#[derive(Debug, Clone, Serialize)]
pub struct RecordContext {
    /// The record's title, which says its outcome: "Use Django"; for an open decision, the
    /// question and that it is open.
    pub title: String,
    /// The article the decision's evidence comes from: its title, TL;DR, quick decision
    /// matrix, stage advice and hybrid note.
    pub article: Article,
    /// The question being decided (the problem statement).
    pub question: String,
    /// The record's date, `YYYY-MM-DD`.
    pub date: String,
    /// MADR status: the user's, else `accepted` when an option is chosen, else `proposed`.
    pub status: String,
    /// The decision-makers (MADR `decision-makers`), possibly none.
    pub deciders: Vec<Text>,
    /// Who answered the checklist, `None` when nobody is named.
    pub by: Option<Text>,
    /// The decision-wide note (context), possibly empty.
    pub note: Text,
    /// The user's choice on top of the checklist's suggestion.
    pub choice: ChoiceInfo,
    /// The chosen stage, if any.
    pub stage: Option<StageInfo>,
    /// The questions answered (yes or no), in display order.
    pub drivers: Vec<Driver>,
    /// Every option with its evidence.
    pub options: Vec<OptionInfo>,
    /// The decision outcome.
    pub outcome: Outcome,
    /// The decided options' strengths (empty when nothing is decided).
    pub consequences: Vec<Consequence>,
    /// The comparison table: a column per option, "—" where the data says nothing.
    pub comparison: Comparison,
    /// Each option's score, as in the report.
    pub scores: Vec<Score>,
    /// The title of the suggested stack.
    pub stack_title: String,
    /// The suggested stack as a Mermaid `flowchart` (without the code fence).
    pub mermaid: String,
    /// The full report: everything `score --json` prints.
    pub report: Report,
    /// The team, for a team's record (`export --team`); `None` otherwise.
    pub team: Option<TeamInfo>,
    /// The earlier record this one replaces (`export --adr-dir --supersedes`), if any.
    pub supersedes: Option<Supersedes>,
}

/// What a record adds beyond one person's answers: the team, the record it supersedes.
#[derive(Debug, Clone, Default)]
pub struct RecordExtras {
    pub team: Option<TeamInfo>,
    pub supersedes: Option<Supersedes>,
}

/// The earlier record a new one replaces.
#[derive(Debug, Clone, Serialize)]
pub struct Supersedes {
    /// Its number, `0007`.
    pub number: String,
    /// Its file name in the same folder, the link's target.
    pub file: String,
}

/// The chosen stage.
#[derive(Debug, Clone, Serialize)]
pub struct StageInfo {
    pub id: String,
    pub label: String,
    /// When the stage applies, e.g. "validating an idea" (may be empty).
    pub when: String,
    pub advice: String,
    /// The names of the options the stage picks.
    pub picks: Vec<String>,
}

/// A question answered yes or no.
#[derive(Debug, Clone, Serialize)]
pub struct Driver {
    /// The full id, `<option>.<question>`.
    pub id: String,
    pub option: String,
    pub option_name: String,
    pub text: String,
    /// `yes` or `no`.
    pub answer: String,
    /// The question's note, possibly empty.
    pub note: String,
    /// The note as a sentence of its own, possibly empty.
    pub note_sentence: String,
}

/// The user's choice, phrased for a record.
#[derive(Debug, Clone, Serialize)]
pub struct ChoiceInfo {
    /// Whether the user follows the checklist (then `outcome` says what is chosen).
    pub follow_checklist: bool,
    /// The chosen option id, `hybrid`, or `None` when nothing is chosen.
    pub option: Option<String>,
    /// What is chosen, for a reader ("`FastAPI`", "Hybrid: Django + Flask"); `None` when nothing.
    pub name: Option<String>,
    /// The justification, possibly empty.
    pub because: Text,
    /// The justification ending with a full stop, possibly empty.
    pub because_sentence: String,
}

/// An option and the evidence the data gives for it.
#[derive(Debug, Clone, Serialize)]
pub struct OptionInfo {
    pub id: String,
    pub name: String,
    pub tagline: String,
    pub notes: Vec<String>,
    pub strengths: Vec<PointInfo>,
    pub best_for: Vec<PointInfo>,
    /// When to consider an also-consider option.
    pub consider_when: Vec<PointInfo>,
    /// Whether the option is scored (has a checklist) rather than also-consider.
    pub scored: bool,
    /// Real-world users.
    pub users: Vec<String>,
    /// A startup example.
    pub example: Option<String>,
    /// The option's cells of the comparison table, by aspect.
    pub facts: Vec<Fact>,
    /// Whether the verdict names this option.
    pub chosen: bool,
}

/// A titled list item.
#[derive(Debug, Clone, Serialize)]
pub struct PointInfo {
    pub title: String,
    pub detail: String,
}

/// One cell of the comparison table.
#[derive(Debug, Clone, Serialize)]
pub struct Fact {
    pub aspect: String,
    pub value: String,
}

/// What comes with a decided option: its strengths, as the article lists them.
#[derive(Debug, Clone, Serialize)]
pub struct Consequence {
    pub option_name: String,
    /// The strengths' titles.
    pub strengths: Vec<String>,
    /// The titles as a list in words: "A, B and C".
    pub listed: String,
}

/// The comparison table: one row per aspect, one cell per option.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// The options' names, the columns.
    pub options: Vec<String>,
    pub rows: Vec<ComparisonRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ComparisonRow {
    pub aspect: String,
    /// One cell per option, "—" where the data gives no value.
    pub values: Vec<String>,
}

/// The article's own framing of the decision.
#[derive(Debug, Clone, Serialize)]
pub struct Article {
    pub title: String,
    /// The TL;DR lines.
    pub summary: Vec<SummaryLine>,
    /// The quick decision matrix.
    pub matrix: Vec<MatrixRow>,
    /// The line introducing the stages.
    pub stage_intro: String,
    /// Every stage with its advice.
    pub stages: Vec<StageLine>,
    /// The heading and note of the article's stack (the hybrid approach).
    pub hybrid: HybridNote,
}

/// One TL;DR line; `matches` when it picks what is decided.
#[derive(Debug, Clone, Serialize)]
pub struct SummaryLine {
    pub heading: String,
    pub text: String,
    pub matches: bool,
}

/// One row of the quick decision matrix; `matches` when its pick is part of what is decided.
#[derive(Debug, Clone, Serialize)]
pub struct MatrixRow {
    pub situation: String,
    /// The picked option's name.
    pub pick: String,
    pub matches: bool,
}

/// One stage and its advice; `chosen` for the user's stage.
#[derive(Debug, Clone, Serialize)]
pub struct StageLine {
    pub label: String,
    pub when: String,
    pub advice: String,
    pub chosen: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct HybridNote {
    pub heading: String,
    pub note: String,
}

impl RecordContext {
    /// The context for these answers; `date` is already formatted.
    pub fn new(decision: &Decision, answers: &Answers, date: String) -> RecordContext {
        RecordContext::with_extras(decision, answers, date, RecordExtras::default())
    }

    /// The context for these answers, with a team or a superseded record.
    pub fn with_extras(
        decision: &Decision,
        answers: &Answers,
        date: String,
        extras: RecordExtras,
    ) -> RecordContext {
        let report = Report::new(decision, answers);
        // The options the record treats as chosen: those the outcome decides; open
        // alternatives are none of them.
        let chosen_ids: Vec<String> = if report.outcome.is_decided() {
            report.outcome.options.clone()
        } else {
            Vec::new()
        };
        let resolved = &report.choice;
        let choice = ChoiceInfo {
            follow_checklist: resolved.follow_checklist,
            option: resolved.option.clone(),
            name: resolved.name.clone(),
            because: resolved.because.clone(),
            because_sentence: crate::text::sentence(&resolved.because.replace('\n', " ")),
        };
        let outcome = outcome(decision, &report);
        let consequences = chosen_ids
            .iter()
            .filter_map(|id| decision.option(id))
            .filter(|option| !option.strengths.is_empty())
            .map(|option| {
                let strengths: Vec<String> = option.strengths.iter().map(|p| p.title.to_string()).collect();
                let titles: Vec<&str> = strengths.iter().map(String::as_str).collect();
                Consequence {
                    option_name: option.name.to_string(),
                    listed: crate::score::join_names(&titles, "and"),
                    strengths,
                }
            })
            .collect();
        let stage = answers
            .stage
            .as_deref()
            .and_then(|id| decision.stage(id))
            .map(|s| StageInfo {
                id: s.id.clone(),
                label: s.label.to_string(),
                when: s.when.to_string(),
                advice: s.advice.to_string(),
                picks: s
                    .picks
                    .iter()
                    .map(|p| decision.option_name(p).to_owned())
                    .collect(),
            });
        let drivers = decision
            .questions()
            .filter_map(|(o, q)| {
                let id = question_id(o, q);
                let answer = answers.answer(&id)?;
                Some(Driver {
                    option: o.id.clone(),
                    option_name: o.name.to_string(),
                    text: q.text.to_string(),
                    answer: answer.to_string(),
                    note: answers.note_for(&id).unwrap_or_default().to_owned(),
                    note_sentence: crate::text::sentence(answers.note_for(&id).unwrap_or_default()),
                    id,
                })
            })
            .collect();
        let options = decision
            .options
            .iter()
            .map(|o| option_info(decision, o, chosen_ids.contains(&o.id)))
            .collect();
        RecordContext {
            title: report.outcome.record_title(decision),
            article: article(decision, answers, &report.outcome),
            comparison: comparison(decision),
            question: decision.question.to_string(),
            date,
            status: resolved.status.to_string(),
            deciders: resolved.deciders.clone(),
            by: answers.by.clone(),
            note: answers.note.clone(),
            choice,
            stage,
            drivers,
            options,
            outcome,
            consequences,
            scores: report.scores.clone(),
            stack_title: report.stack.title.clone(),
            mermaid: mermaid::flowchart(&report.stack),
            report,
            team: extras.team,
            supersedes: extras.supersedes,
        }
    }
}

fn article(decision: &Decision, answers: &Answers, outcome: &crate::score::Outcome) -> Article {
    let decides = |picks: &[String]| !picks.is_empty() && picks.iter().all(|p| outcome.decides(p));
    Article {
        title: decision.title.to_string(),
        summary: decision
            .summary
            .iter()
            .map(|s| SummaryLine {
                heading: s.heading.to_string(),
                text: s.text.to_string(),
                matches: decides(&s.picks),
            })
            .collect(),
        matrix: decision
            .matrix
            .iter()
            .map(|row| MatrixRow {
                situation: row.situation.to_string(),
                pick: decision.option_name(&row.pick).to_owned(),
                matches: outcome.decides(&row.pick),
            })
            .collect(),
        stage_intro: decision.stage_intro.to_string(),
        stages: decision
            .stages
            .iter()
            .map(|s| StageLine {
                label: s.label.to_string(),
                when: s.when.to_string(),
                advice: s.advice.to_string(),
                chosen: answers.stage.as_deref() == Some(s.id.as_str()),
            })
            .collect(),
        hybrid: HybridNote {
            heading: decision.stack.heading.to_string(),
            note: decision.stack.note.to_string(),
        },
    }
}

fn comparison(decision: &Decision) -> Comparison {
    Comparison {
        options: decision.options.iter().map(|o| o.name.to_string()).collect(),
        rows: decision
            .comparison
            .iter()
            .map(|aspect| ComparisonRow {
                aspect: aspect.name.to_string(),
                values: decision
                    .options
                    .iter()
                    .map(|o| {
                        aspect
                            .values
                            .get(&o.id)
                            .map_or_else(|| "—".to_owned(), ToString::to_string)
                    })
                    .collect(),
            })
            .collect(),
    }
}

fn option_info(decision: &Decision, option: &Candidate, chosen: bool) -> OptionInfo {
    let points = |points: &[Point]| {
        points
            .iter()
            .map(|p| PointInfo {
                title: p.title.to_string(),
                detail: p.detail.to_string(),
            })
            .collect()
    };
    OptionInfo {
        id: option.id.clone(),
        name: option.name.to_string(),
        tagline: option.tagline.to_string(),
        notes: option.notes.iter().map(ToString::to_string).collect(),
        strengths: points(&option.strengths),
        best_for: points(&option.best_for),
        consider_when: points(&option.consider_when),
        scored: option.is_scored(),
        users: option.users.iter().map(ToString::to_string).collect(),
        example: option.example.as_ref().map(ToString::to_string),
        facts: decision
            .comparison
            .iter()
            .filter_map(|aspect| {
                aspect.values.get(&option.id).map(|value| Fact {
                    aspect: aspect.name.to_string(),
                    value: value.to_string(),
                })
            })
            .collect(),
        chosen,
    }
}
