//! The interactive app, in the Elm architecture.
//!
//! `runtime.rs` runs the loop: events become [`Action`]s (keys through the key table in
//! `keys/`; clicks, the wheel and page keys with the `FrameMap` the view recorded), `app/`
//! changes the model in `App::update`, and `view/` draws it and records what it drew.
//! `terminal/` owns the terminal's modes and signals; `config.rs` and `theme.rs` the settings.

pub mod app;
pub mod config;
pub mod keys;
pub mod launch;
pub mod runtime;
pub mod terminal;
pub mod theme;
pub mod view;

pub use app::action::{Action, Pane, Tab};
pub use app::{App, Effect, ExportOutcome};
pub use runtime::{Effects, action_for_event, run};
