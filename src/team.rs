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
    /// Whether they count as one of the team: everyone from a file does, anyone else (the
    /// app's user) only once they answered, gave a stage or chose something.
    pub counted: bool,
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
            counted: person.path.is_some() || says_anything(&person.answers),
            name: person.name,
            path: person.path,
            answers: person.answers,
            evaluation,
            choice,
        }
    }
}

/// Whether these answers say anything: an answer, a stage or a choice of one's own.
pub fn says_anything(answers: &Answers) -> bool {
    answers.answered() > 0
        || answers.stage.is_some()
        || answers.choice != crate::score::choice::UserChoice::default()
}

/// How far the team agrees on a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Agreement {
    /// Some answered yes and some no.
    Split,
    /// At least two answered, all the same.
    Agreed,
    /// One person answered.
    One,
    /// Nobody answered.
    Nobody,
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
    /// For a pivotal question: each resolution that changes the team verdict, with the
    /// verdict it gives ("Choose Django").
    pub pivots: Vec<(Answer, String)>,
}

impl TeamQuestion {
    /// How far the team agrees on it.
    pub fn agreement(&self) -> Agreement {
        match (self.yes, self.no) {
            (0, 0) => Agreement::Nobody,
            (y, n) if y > 0 && n > 0 => Agreement::Split,
            (y, n) if y + n == 1 => Agreement::One,
            _ => Agreement::Agreed,
        }
    }

    /// What resolving it would do, in words that fit the case: "split evenly; a yes would
    /// make the team verdict “Hybrid: Django + Flask”", "had the no side won, the team verdict
    /// would be “Choose Flask”". `None` when it is not pivotal.
    pub fn pivot_words(&self) -> Option<String> {
        if self.pivots.is_empty() {
            return None;
        }
        let quoted = crate::score::quoted;
        Some(if self.team_answer.is_none() {
            let each: Vec<String> = self
                .pivots
                .iter()
                .map(|(answer, verdict)| {
                    format!("a {answer} would make the team verdict {}", quoted(verdict))
                })
                .collect();
            let each: Vec<&str> = each.iter().map(String::as_str).collect();
            format!("split evenly; {}", crate::score::join_names(&each, "and"))
        } else {
            let (answer, verdict) = &self.pivots[0];
            format!(
                "had the {answer} side won, the team verdict would be {}",
                quoted(verdict)
            )
        })
    }

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
                // Someone not counted has said nothing: their column is all blank.
                let answers: Vec<Option<Answer>> = members
                    .iter()
                    .map(|m| m.answers.answer(&id).filter(|_| m.counted))
                    .collect();
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
                    pivots: Vec::new(),
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
            q.pivots = [Answer::Yes, Answer::No]
                .into_iter()
                .filter(|resolved| q.team_answer != Some(*resolved))
                .filter_map(|resolved| {
                    let mut resolved_answers = answers.clone();
                    resolved_answers.set(&q.id, Some(resolved));
                    let verdict = evaluate(decision, &resolved_answers).verdict;
                    (!same_verdict(&verdict, &evaluation.verdict)).then_some((resolved, verdict.summary))
                })
                .collect();
            q.pivotal = !q.pivots.is_empty();
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
    /// The member counts as one of the team when their answers came from a file or say
    /// something (see [`says_anything`]).
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

    /// The members who count as the team.
    pub fn people(&self) -> impl Iterator<Item = &Member> {
        self.members.iter().filter(|m| m.counted)
    }

    /// What the team verdict rests on: the questions behind it that one person answered, and
    /// who chose something else.
    pub fn basis(&self) -> VerdictBasis {
        let verdict = &self.evaluation.verdict;
        let one_person = self
            .questions
            .iter()
            .filter(|q| {
                q.team_answer == Some(Answer::Yes)
                    && q.agreement() == Agreement::One
                    && verdict.options.contains(&q.option)
            })
            .filter_map(|q| {
                let who = self.members.iter().zip(&q.answers).find(|(_, a)| a.is_some())?.0;
                Some((q.id.clone(), q.text.clone(), who.name.clone()))
            })
            .collect();
        let chose_otherwise = self
            .people()
            .filter(|m| !m.choice.follow_checklist)
            .filter_map(|m| {
                let same = match m.choice.option.as_deref()? {
                    "hybrid" => verdict.kind == crate::score::VerdictKind::Hybrid,
                    id => verdict.options == [id],
                };
                (!same).then(|| (m.name.clone(), m.choice.name.clone().unwrap_or_default()))
            })
            .collect();
        VerdictBasis {
            one_person,
            chose_otherwise,
        }
    }

    /// Who gave which stage, when the team has none of its own.
    pub fn stages_said(&self, decision: &Decision) -> Vec<(String, String)> {
        if self.answers.stage.is_some() {
            return Vec::new();
        }
        self.people()
            .filter_map(|m| {
                let stage = decision.stage(m.answers.stage.as_deref()?)?;
                Some((m.name.clone(), stage.label.to_string()))
            })
            .collect()
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

    /// The names of the members who count as the team, in order.
    pub fn names(&self) -> Vec<&str> {
        self.people().map(|m| m.name.as_str()).collect()
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

/// The team's stage: one that at least two people gave and most of those who gave a stage
/// gave; `None` otherwise (one person's stage is theirs, not the team's).
fn majority_stage(members: &[Member]) -> Option<String> {
    let mut votes: BTreeMap<&str, usize> = BTreeMap::new();
    let mut given = 0;
    for stage in members
        .iter()
        .filter(|m| m.counted)
        .filter_map(|m| m.answers.stage.as_deref())
    {
        *votes.entry(stage).or_default() += 1;
        given += 1;
    }
    votes
        .into_iter()
        .find(|(_, n)| *n >= 2 && 2 * n > given)
        .map(|(stage, _)| stage.to_owned())
}

/// What a team verdict rests on.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VerdictBasis {
    /// The questions behind the verdict that one person answered: id, text, who.
    pub one_person: Vec<(String, String, String)>,
    /// Who chose something other than the team verdict, and what.
    pub chose_otherwise: Vec<(String, String)>,
}

impl VerdictBasis {
    /// The basis in a sentence, empty when the verdict rests on more than one person's
    /// answers and nobody chose otherwise: "Of the yes answers behind it, one person alone
    /// answered “…” (Alice); Bob chose Django."
    pub fn sentence(&self) -> String {
        let mut parts = Vec::new();
        if !self.one_person.is_empty() {
            let each: Vec<String> = self
                .one_person
                .iter()
                .map(|(_, text, who)| format!("{} ({who})", crate::score::quoted(text)))
                .collect();
            parts.push(format!(
                "of the yes answers behind it, one person alone answered {}",
                crate::score::join_names(&each.iter().map(String::as_str).collect::<Vec<_>>(), "and")
            ));
        }
        if !self.chose_otherwise.is_empty() {
            let each: Vec<String> = self
                .chose_otherwise
                .iter()
                .map(|(who, what)| format!("{who} chose {what}"))
                .collect();
            parts.push(crate::score::join_names(
                &each.iter().map(String::as_str).collect::<Vec<_>>(),
                "and",
            ));
        }
        if parts.is_empty() {
            String::new()
        } else {
            crate::text::sentence(&parts.join("; "))
        }
    }
}

/// Whether two verdicts point the same way (same kind, same options).
fn same_verdict(a: &Verdict, b: &Verdict) -> bool {
    a.kind == b.kind && a.options == b.options
}

#[cfg(test)]
mod tests;
