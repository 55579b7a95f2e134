//! The decision engine: answers and a stage in, scores, verdict, stack, reasons and hints out.
//!
//! Pure: no terminal, no files. `answers.rs` holds what the user said, `choice.rs` what they
//! chose, `tally.rs` an option's score, `hints.rs` what one answer would change, and
//! `evaluate.rs` the verdict and its reasons. This file only names what the others export.

mod answers;
pub mod choice;
mod evaluate;
mod hints;
pub mod outcome;
mod tally;
mod verdict;
mod words;

pub use answers::{Answer, AnswerError, AnswerErrors, AnswerIds, AnswerList, Answers};
pub use evaluate::{Evaluation, LayerView, StackView, evaluate, reevaluate};
pub use hints::Hint;
pub use outcome::{Basis, Decided, Outcome};
pub use tally::Score;
pub use verdict::{AlsoConsider, Verdict, VerdictKind};
pub use words::{join_names, quoted};

#[cfg(test)]
mod tests;
