//! A team: several people's sessions of one decision, side by side.
//!
//! Each person's answers are evaluated as they are; the team's answer to a question is the
//! majority of those who answered it (a tie is a disagreement and counts as unanswered), the
//! team's stage likewise, and the team verdict is evaluated from those answers. A question is
//! a disagreement when some answered yes and some no; it is pivotal when resolving it (to yes
//! or to no) would change the team verdict.
//!
//! Pure: no terminal, no files (reading them is [`load`]'s). The TUI's Team tab and the
//! `team` command both show a [`Team`].

pub mod load;
pub mod report;

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::decision::{Decision, question_id};
use crate::score::choice::Resolved;
use crate::score::{Answer, Answers, Evaluation, Verdict, evaluate};
use crate::text::Text;

/// One person of the team, before evaluation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Who: the session's `by`, else its file's stem. Unique in a team.
    pub name: String,
    /// The session file, when the answers came from one.
    pub path: Option<PathBuf>,
    pub answers: Answers,
}

/// A person with what their own answers give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub name: String,
    pub path: Option<PathBuf>,
    pub answers: Answers,
    /// Their answers evaluated: scores, verdict, stack.
    pub evaluation: Evaluation,
    /// Their own choice, resolved against their verdict.
    pub choice: Resolved,
}

impl Member {
    /// A person with their answers evaluated.
    pub fn new(decision: &Decision, person: Person) -> Member {
        let evaluation = evaluate(decision, &person.answers);
        let choice = person
            .answers
            .choice
            .resolve(decision, &evaluation.verdict.suggestion());
        Member {
            name: person.name,
            path: person.path,
            answers: person.answers,
            evaluation,
            choice,
        }
    }
}

/// A question with every member's answer and note, and the team's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamQuestion {
    /// The full id, `<option>.<question>`.
    pub id: String,
    /// The option whose checklist it is on.
    pub option: String,
    pub text: String,
    /// Each member's answer, in the order of [`Team::members`].
    pub answers: Vec<Option<Answer>>,
    /// Each member's note, in the same order.
    pub notes: Vec<Option<String>>,
    /// How many answered yes, and no.
    pub yes: usize,
    pub no: usize,
    /// Some answered yes and some no.
    pub disagreement: bool,
    /// The majority of those who answered; `None` when nobody did or on a tie.
    pub team_answer: Option<Answer>,
    /// Resolving it would change the team verdict.
    pub pivotal: bool,
}

impl TeamQuestion {
    /// Whether the team is split evenly on it (a disagreement without a majority).
    pub fn is_tie(&self) -> bool {
        self.disagreement && self.yes == self.no
    }
}

/// Several people's answers to one decision, and the team's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Team {
    /// The people, in the order given.
    pub members: Vec<Member>,
    /// Every question: the disagreements first, then the others, each group in the decision's
    /// order.
    pub questions: Vec<TeamQuestion>,
    /// The team's answers: per question the majority, and the majority stage.
    pub answers: Answers,
    /// The team's answers evaluated: the team verdict.
    pub evaluation: Evaluation,
}

impl Team {
    /// The team of these people (whose names the caller keeps unique, as [`load`] does).
    pub fn new(decision: &Decision, people: Vec<Person>) -> Team {
        let members = people
            .into_iter()
            .map(|person| Member::new(decision, person))
            .collect();
        Team::of_members(decision, members)
    }

    /// The team of these members, each already evaluated: the questions, the team's answers
    /// and verdict, and the pivotal questions.
    pub fn of_members(decision: &Decision, members: Vec<Member>) -> Team {
        let mut questions: Vec<TeamQuestion> = decision
            .questions()
            .map(|(option, question)| {
                let id = question_id(option, question);
                let answers: Vec<Option<Answer>> = members.iter().map(|m| m.answers.answer(&id)).collect();
                let notes = members
                    .iter()
                    .map(|m| m.answers.note_for(&id).map(str::to_owned))
                    .collect();
                let yes = answers.iter().filter(|a| **a == Some(Answer::Yes)).count();
                let no = answers.iter().filter(|a| **a == Some(Answer::No)).count();
                TeamQuestion {
                    option: option.id.clone(),
                    text: question.text.to_string(),
                    answers,
                    notes,
                    yes,
                    no,
                    disagreement: yes > 0 && no > 0,
                    team_answer: majority(yes, no),
                    pivotal: false,
                    id,
                }
            })
            .collect();
        let mut answers = Answers::default();
        for q in &questions {
            answers.set(&q.id, q.team_answer);
        }
        answers.stage = majority_stage(&members);
        let evaluation = evaluate(decision, &answers);
        for q in questions.iter_mut().filter(|q| q.disagreement) {
            q.pivotal = [Answer::Yes, Answer::No]
                .into_iter()
                .filter(|resolved| q.team_answer != Some(*resolved))
                .any(|resolved| {
                    let mut resolved_answers = answers.clone();
                    resolved_answers.set(&q.id, Some(resolved));
                    !same_verdict(
                        &evaluate(decision, &resolved_answers).verdict,
                        &evaluation.verdict,
                    )
                });
        }
        // Stable: each group keeps the decision's order.
        questions.sort_by_key(|q| !q.disagreement);
        Team {
            members,
            questions,
            answers,
            evaluation,
        }
    }

    /// The team with the answers of member `index` replaced (the app's editable column of
    /// the user's own answers): that member and the team's answers are evaluated again, the
    /// others are not. `None` when there is no such member.
    pub fn with_answers(&self, decision: &Decision, index: usize, answers: Answers) -> Option<Team> {
        let mut members = self.members.clone();
        let member = members.get_mut(index)?;
        let person = Person {
            name: std::mem::take(&mut member.name),
            path: member.path.take(),
            answers,
        };
        // Only this member's answers changed: the others keep their evaluations.
        *member = Member::new(decision, person);
        Some(Team::of_members(decision, members))
    }

    /// The answers of the team's record: the team's answers and stage, with the exporter's
    /// own choice (its reason and status) and decision note, decided by `deciders` (everyone
    /// when empty).
    pub fn record_answers(&self, own: &Answers, deciders: Vec<Text>) -> Answers {
        let mut answers = self.answers.clone();
        answers.choice = own.choice.clone();
        answers.note.clone_from(&own.note);
        answers.choice.deciders = if deciders.is_empty() {
            self.names().into_iter().map(Text::from).collect()
        } else {
            deciders
        };
        answers
    }

    /// The questions the team disagrees on.
    pub fn disagreements(&self) -> impl Iterator<Item = &TeamQuestion> {
        self.questions.iter().filter(|q| q.disagreement)
    }

    /// The ids of the questions whose resolution would change the team verdict.
    pub fn pivotal(&self) -> Vec<String> {
        self.questions
            .iter()
            .filter(|q| q.pivotal)
            .map(|q| q.id.clone())
            .collect()
    }

    /// The members' names, in order.
    pub fn names(&self) -> Vec<&str> {
        self.members.iter().map(|m| m.name.as_str()).collect()
    }

    /// The member of this name.
    pub fn member(&self, name: &str) -> Option<&Member> {
        self.members.iter().find(|m| m.name == name)
    }
}

/// The majority answer of `yes` and `no` votes; `None` on a tie (or no votes).
fn majority(yes: usize, no: usize) -> Option<Answer> {
    match yes.cmp(&no) {
        std::cmp::Ordering::Greater => Some(Answer::Yes),
        std::cmp::Ordering::Less => Some(Answer::No),
        std::cmp::Ordering::Equal => None,
    }
}

/// The stage most of those who chose one chose; `None` on a tie or when nobody chose.
fn majority_stage(members: &[Member]) -> Option<String> {
    let mut votes: BTreeMap<&str, usize> = BTreeMap::new();
    for stage in members.iter().filter_map(|m| m.answers.stage.as_deref()) {
        *votes.entry(stage).or_default() += 1;
    }
    let best = votes.values().copied().max()?;
    let mut leaders = votes.into_iter().filter(|(_, n)| *n == best);
    let (stage, _) = leaders.next()?;
    leaders.next().is_none().then(|| stage.to_owned())
}

/// Whether two verdicts point the same way (same kind, same options).
fn same_verdict(a: &Verdict, b: &Verdict) -> bool {
    a.kind == b.kind && a.options == b.options
}

#[cfg(test)]
mod tests;
