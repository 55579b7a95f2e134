//! The model of the app and how each action changes it.
//!
//! `App` (`model.rs`) is the [`Scorecard`](crate::scorecard::Scorecard) (the domain), the
//! [`Ui`] (what is on screen apart from the model) and the
//! [`Settings`](crate::tui::config::Settings) (theme and keys). `update` changes it for one
//! [`Action`](crate::tui::Action); work
//! that leaves the model (saving the answers, writing an export) is returned as an [`Effect`]
//! and performed by the runtime. Nothing here draws or knows the terminal's size: the runtime
//! turns clicks and page keys into actions with what the view recorded.

pub use crate::tui::action;
mod choose;
mod copy;
mod export;
pub mod export_dialog;
pub mod export_path;
mod history;
pub mod line_editor;
mod model;
mod notes;
mod overlays;
mod picker;
mod reload;
mod search;
pub mod team;
mod team_edits;
pub mod typed;
pub mod ui;
mod update;

pub use choose::choice_entries;
pub use export_dialog::{ExportDialog, ExportField, ExportOutcome, ExportQuestion, FORMATS};
pub use export_path::default_export_path;
pub use line_editor::LineEditor;
pub use team::{AppTeam, YOU, your_name};
pub use ui::{
    ChecklistState, CompareState, DocState, Find, HelpState, Mode, NoteTarget, Problems, Status,
    StrengthsState, TeamState, Ui,
};

pub use model::{App, Effect, ExportRequest};
