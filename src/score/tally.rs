//! One option's score: the weight of its questions answered yes, against its threshold.

use serde::Serialize;

use crate::decision::Candidate;
use crate::score::answers::Answers;

/// One option's score.
///
/// Weights are `u32` in the file but sums are `u64`: no checklist can be long enough to
/// overflow it, so a score only ever grows when a box is ticked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Score {
    pub option: String,
    pub name: String,
    pub score: u64,
    pub max: u64,
    pub threshold: u64,
    pub qualified: bool,
}

impl Score {
    /// The score in words, as the hints, records and pictures give it: "3 of 6, needs 3".
    pub fn tally(&self) -> String {
        format!("{} of {}, needs {}", self.score, self.max, self.threshold)
    }

    /// A gauge of `width` cells: how many are filled, and the cell where the threshold falls
    /// (`width` when it is at the very end). Shared by the text report and the TUI.
    pub fn gauge(&self, width: usize) -> (usize, usize) {
        // In u128, `value * width` cannot overflow whatever the weights and the width.
        let max = u128::from(self.max.max(1));
        let cells = |value: u128| usize::try_from(value).unwrap_or(usize::MAX).min(width);
        let width128 = width as u128;
        let filled = cells(u128::from(self.score) * width128 / max);
        let threshold = cells((u128::from(self.threshold) * width128).div_ceil(max));
        (filled, threshold)
    }
}

/// The score of one scored option under these answers.
pub(crate) fn score_option(option: &Candidate, answers: &Answers) -> Score {
    let mut score: u64 = 0;
    let mut max: u64 = 0;
    for question in &option.questions {
        // Saturating: 2^32 questions of weight u32::MAX would be needed to reach the limit.
        max = max.saturating_add(u64::from(question.weight));
        if answers.is_yes_to(option, question) {
            score = score.saturating_add(u64::from(question.weight));
        }
    }
    let threshold = u64::from(option.threshold);
    Score {
        option: option.id.clone(),
        name: option.name.to_string(),
        score,
        max,
        threshold,
        qualified: score >= threshold,
    }
}
