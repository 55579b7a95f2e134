//! The data model of a decision file (`data/*.ron`): its serde types, loading and validation.
//!
//! The default decision, `data/web-frameworks.ron`, is embedded in the binary. Any other
//! decision in the same format can be loaded with [`Decision::load`].

mod load;
mod model;
mod validate;

pub use load::{EMBEDDED_NAME, EMBEDDED_SOURCE, LoadError};
pub use model::{
    Aspect, Candidate, Decision, Layer, Point, Question, Situation, Stack, Stage, Summary, Trigger,
    question_id,
};
pub use validate::Problem;
