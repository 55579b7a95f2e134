//! The interactive app, in the Elm architecture: events become [`Action`]s through the key
//! table, [`App::update`] changes the model, and `ui.rs` renders it.

pub mod app;
pub mod config;
pub mod keys;
pub mod launch;
pub mod terminal;
pub mod view;

use std::io;

use ratatui::crossterm::event::{self, Event, MouseButton, MouseEventKind};
use ratatui::layout::Rect;

pub use app::action::{Action, Tab};
pub use app::{App, Effect, ExportOutcome};

/// What the event loop does with effects: saving answers and writing exports.
pub trait Effects {
    /// Saves the answers; an error message goes to the status line. `Some` when another
    /// instance's answers were merged in: the app adopts them.
    fn save(&mut self, app: &App) -> Result<Option<crate::state::Merged>, String>;
    /// Writes an export.
    fn export(
        &mut self,
        app: &App,
        format: crate::cli::Format,
        path: &std::path::Path,
        overwrite: bool,
    ) -> ExportOutcome;
}

/// The action an input event asks for, if any.
pub fn action_for_event(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) => app.keymap.action_for(&app.scopes(), key),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: mouse.column,
                row: mouse.row,
            }),
            MouseEventKind::ScrollDown => Some(Action::ScrollDown),
            MouseEventKind::ScrollUp => Some(Action::ScrollUp),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}

/// Draws one frame of the app.
fn draw(terminal: &mut terminal::Term, app: &App) -> io::Result<()> {
    terminal.draw(|frame| frame.render_widget(app, frame.area()))?;
    Ok(())
}

/// Runs the app until the user quits. The terminal is restored before this returns, and by
/// the signal thread if a signal ends the app instead (see `signals.rs`).
pub fn run(app: &mut App, mouse: bool, effects: &mut dyn Effects) -> io::Result<()> {
    terminal::signals::install()?;
    let mut session = terminal::Session::start(mouse)?;
    let mut work = terminal::signals::hold();
    let size = session.terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let mut dirty = true;
    while !app.quit {
        if dirty {
            draw(&mut session.terminal, app)?;
            dirty = false;
        }
        // Block until something happens: an idle app draws nothing and uses no CPU. Only
        // while it waits may a signal end it: nothing is half drawn or unsaved then.
        drop(work);
        let event = event::read();
        work = terminal::signals::hold();
        let event = event?;
        if let Event::Paste(text) = &event {
            let before = app.view_state();
            app.paste(text);
            dirty |= app.view_state() != before;
            continue;
        }
        let Some(action) = action_for_event(app, &event) else {
            continue;
        };
        if let Action::Resize { .. } = action {
            session.terminal.autoresize()?;
            if terminal::signals::take_redraw() {
                // Back from a stop: the screen was the shell's; draw every cell again.
                let size = session.terminal.size()?;
                session
                    .terminal
                    .resize(Rect::new(0, 0, size.width, size.height))?;
            }
            dirty = true;
        }
        let before = app.view_state();
        let effect = app.update(action);
        // A key that changes nothing draws nothing.
        dirty |= app.view_state() != before;
        let Some(effect) = effect else {
            continue;
        };
        // Show the change before the work: a save's fsync must not delay the tick on screen.
        if dirty {
            draw(&mut session.terminal, app)?;
            dirty = false;
        }
        let before = app.view_state();
        match effect {
            Effect::SaveAnswers => match effects.save(app) {
                Ok(None) => {}
                // Another instance saved meanwhile: show what the file now holds.
                Ok(Some(merged)) => {
                    app.set_status(merged.message(), false);
                    app.evaluation = crate::score::evaluate(&app.decision, &merged.answers);
                    app.answers = merged.answers;
                }
                Err(message) => app.set_status(message, true),
            },
            Effect::Export {
                format,
                path,
                overwrite,
            } => {
                let outcome = effects.export(app, format, &path, overwrite);
                app.export_done(outcome);
            }
        }
        dirty |= app.view_state() != before;
    }
    drop(session);
    drop(work);
    Ok(())
}
