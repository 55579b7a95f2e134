//! The interactive app, in the Elm architecture.
//!
//! `runtime.rs` runs the loop: events become [`Action`]s (keys through the key table in
//! `keys/`; clicks, the wheel and page keys with the `FrameMap` the view recorded), `app/`
//! changes the model in `App::update`, and `view/` draws it and records what it drew.
//! `action.rs` is the vocabulary shared by `keys/` and `app/`; `search.rs` the text matching
//! both `app/` and `view/` call; `terminal/` owns the terminal's modes and signals;
//! `follow.rs` reads the file `--watch` follows; `config.rs` and `theme.rs` the settings. No
//! module imports one that imports it back: `view/` reads `app/`, `app/` reads `keys/` and `action.rs`, never `view/`.

pub mod action;
pub mod app;
pub mod config;
pub mod follow;
pub mod keys;
pub mod runtime;
pub mod search;
pub mod terminal;
pub mod theme;
pub mod view;

pub use action::{Action, Pane, Tab};
pub use app::{App, Effect, ExportOutcome};
pub use runtime::{Effects, action_for_event, run};
