//! The integration tests, one binary: a module for each part of the app they drive, and the
//! helpers they share in `tests/support`.

#[path = "../support/mod.rs"]
mod support;

mod adr;
mod architecture;
mod big_decision;
mod check_watch;
mod cli;
mod completions;
mod engine_props;
mod errors_in_words;
mod export;
mod export_format;
mod export_pictures;
mod export_targets;
mod footer;
mod hostile_text;
mod manual;
mod new_decision;
mod one_outcome;
mod plain_errors;
mod pty_copy;
mod pty_exit;
mod pty_idle;
mod pty_input;
mod pty_theme;
mod pty_watch;
mod readme;
mod reset;
mod screenshots;
mod state;
mod team;
mod tui_export;
mod tui_messages;
mod tui_render;
mod tui_search;
mod tui_team;
mod tui_update;
mod tui_watch;
