//! "One step away": for each scored option, what would make it qualify, or drop it.
//!
//! Sentences name questions by their text; the structured fields give ids (for JSON). Only
//! unanswered questions are offered as ways forward: a "no" is an answer the user gave.

use std::fmt;
use std::sync::Arc;

use serde::Serialize;

use crate::decision::{Candidate, Question, question_id};
use crate::score::answers::Answers;
use crate::score::tally::Score;
use crate::score::words::{join_names, quoted};

/// A hint about one scored option.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hint {
    /// The sentence a person reads.
    pub text: String,
    /// The option's id.
    pub option: String,
    /// How much more yes weight the option needs to qualify; 0 when it qualifies.
    pub needs: u64,
    /// Question ids: for an option that does not qualify, the unanswered ones that would
    /// help; for one that qualifies, the yes answers any one of which would drop it.
    pub questions: Vec<Arc<str>>,
}

impl fmt::Display for Hint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl AsRef<str> for Hint {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

/// The hint about one scored option, given its score.
pub(super) fn hint(option: &Candidate, answers: &Answers, score: &Score) -> Hint {
    if score.qualified {
        qualified(option, answers, score)
    } else {
        not_qualified(option, answers, score)
    }
}

/// How many questions a sentence names; the others are counted. A checklist of hundreds
/// would otherwise make a sentence nobody reads (the ids are all in `Hint::questions`).
const NAMED: usize = 8;

/// "“A”, “B” or “C”"; past [`NAMED`] questions, "“A”, “B”, … “H” or 492 more".
fn texts(questions: &[&Question], last: &str) -> String {
    let named = questions.len().min(NAMED);
    let quoted: Vec<String> = questions[..named].iter().map(|q| quoted(&q.text)).collect();
    let mut names: Vec<&str> = quoted.iter().map(String::as_str).collect();
    let more = questions.len() - named;
    let rest = format!("{} more", crate::text::thousands(more));
    if more > 0 {
        names.push(&rest);
    }
    join_names(&names, last)
}

fn ids(option: &Candidate, questions: &[&Question]) -> Vec<Arc<str>> {
    questions
        .iter()
        .map(|q| {
            if q.full_id.is_empty() {
                // A decision built without `Decision::parse`.
                Arc::from(question_id(option, q))
            } else {
                Arc::clone(&q.full_id)
            }
        })
        .collect()
}

fn qualified(option: &Candidate, answers: &Answers, score: &Score) -> Hint {
    let slack = score.score.saturating_sub(score.threshold);
    let droppers: Vec<&Question> = option
        .questions
        .iter()
        .filter(|q| answers.is_yes_to(option, q) && u64::from(q.weight) > slack)
        .collect();
    let text = if droppers.is_empty() {
        format!(
            "{} stays qualified whichever single yes changes ({}).",
            score.name,
            score.tally()
        )
    } else {
        format!(
            "{} drops out if any one of these is no longer yes: {}.",
            score.name,
            texts(&droppers, "or")
        )
    };
    Hint {
        text,
        option: option.id.clone(),
        needs: 0,
        questions: ids(option, &droppers),
    }
}

fn not_qualified(option: &Candidate, answers: &Answers, score: &Score) -> Hint {
    let needed = score.threshold.saturating_sub(score.score);
    let open: Vec<&Question> = option
        .questions
        .iter()
        .filter(|q| answers.is_unanswered_to(option, q))
        .collect();
    let reachable: u64 = open
        .iter()
        .fold(0u64, |sum, q| sum.saturating_add(u64::from(q.weight)));
    let single: Vec<&Question> = open
        .iter()
        .copied()
        .filter(|q| u64::from(q.weight) >= needed)
        .collect();
    let (text, questions) = if !single.is_empty() {
        let lead = if needed == 1 {
            "1 yes away"
        } else {
            "one heavy yes away"
        };
        (
            format!("{} is {lead}: any one of {}.", score.name, texts(&single, "or")),
            single,
        )
    } else if reachable >= needed {
        let plural = if needed == 1 { "" } else { "es" };
        (
            format!(
                "{} needs {needed} more yes{plural} ({}) from: {}.",
                score.name,
                score.tally(),
                texts(&open, "and")
            ),
            open,
        )
    } else {
        // The unanswered questions cannot make it: only changing a "no" could.
        (
            format!(
                "{} cannot qualify from the questions left unanswered ({}): only changing a no to \
                 yes would.",
                score.name,
                score.tally()
            ),
            open,
        )
    };
    Hint {
        text,
        option: option.id.clone(),
        needs: needed,
        questions: ids(option, &questions),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(n: usize) -> Question {
        Question {
            id: format!("q{n}"),
            text: format!("Q{n}?").into(),
            weight: 1,
            full_id: Arc::from(format!("o.q{n}")),
        }
    }

    #[test]
    fn a_sentence_names_at_most_eight_questions_and_counts_the_rest() {
        let questions: Vec<Question> = (0..500).map(question).collect();
        let refs: Vec<&Question> = questions.iter().collect();
        let text = texts(&refs, "or");
        assert!(text.starts_with("“Q0?”, “Q1?”"), "{text}");
        assert!(text.ends_with("“Q7?” or 492 more"), "{text}");
        let few = texts(&refs[..3], "or");
        assert_eq!(few, "“Q0?”, “Q1?” or “Q2?”");
    }
}
