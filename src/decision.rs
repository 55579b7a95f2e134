//! The data model of a decision file (`data/*.ron`): its serde types, loading, validation,
//! and the skeleton `stackpick new` writes.
//!
//! The default decision, `data/web-frameworks.ron`, is embedded in the binary. Any other
//! decision in the same format can be loaded with [`Decision::load`].

mod load;
mod model;
mod skeleton;
mod validate;

pub use load::{EMBEDDED_NAME, EMBEDDED_SOURCE, LoadError};
pub use model::{
    Aspect, Candidate, Decision, Layer, Point, Question, Situation, Stack, Stage, Summary, Trigger,
    question_id,
};
pub use skeleton::{PLACEHOLDER_NAMES, Skeleton, SkeletonError};
pub use validate::Problem;
