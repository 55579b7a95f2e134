//! The commands, one a file: the interactive app (`app.rs`), `new`, `check`, `score`, `export`,
//! `team`, `reset`, `completions`, `man`; the input loading they share (`input.rs`); and how a command
//! fails, with its exit code (`failure.rs`).

mod app;
mod check;
mod completions;
mod export;
pub mod failure;
mod input;
mod man;
mod new;
mod rescue;
mod reset;
mod score;
mod team;

pub use app::{exit_note, launch};
pub use check::check;
pub use completions::{COMPLETE_VAR, completion_script, completions};
pub use export::{AdrOptions, ExportOptions, export, inferred_format};
pub use failure::{Failure, say};
pub use input::{load_decision, load_input, load_saved, load_session};
pub use man::{man, man_page};
pub use new::new;
pub use reset::{Confirmation, reset};
pub use score::score;
pub use team::{load_team, team};
