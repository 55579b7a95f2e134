//! The event loop: events become actions (with the `FrameMap` of the last frame), `update`
//! changes the model, and the frame is drawn again only when what it shows changed.

use std::io;

use crossterm::clipboard::CopyToClipboard;
use ratatui::crossterm::event::{Event, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use crate::source::watch::Watch;
use crate::tui::action::{Action, Pane, Tab};
use crate::tui::app::{App, Effect, ExportOutcome, ExportRequest, Mode, Ui};
use crate::tui::follow::Follow;
use crate::tui::terminal;
use crate::tui::terminal::input::{Happening, Input};
use crate::tui::view::frame_map::{FrameMap, Target};
use crate::tui::view::render;

/// The wheel scrolls three lines, like a list in any terminal app.
const WHEEL_LINES: isize = 3;

/// What the event loop does with effects: saving answers and writing exports.
pub trait Effects {
    /// Saves the answers; an error message goes to the status line. `Some` when another
    /// instance's answers were merged in: the app adopts them.
    fn save(&mut self, app: &App) -> Result<Option<crate::state::Merged>, String>;
    /// Writes an export; creates its missing directory only when `create_dir`, and writes a
    /// folder's next numbered record only when `numbered`.
    fn export(&mut self, app: &App, request: &ExportRequest) -> ExportOutcome;
}

/// The action an input event asks for, if any, given what the last frame drew.
pub fn action_for_event(app: &App, map: &FrameMap, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) => {
            let action = app.keymap().action_for(&app.scopes(), key)?;
            Some(with_extent(app, map, find_match(app, map, action)))
        }
        Event::Mouse(mouse) => action_for_mouse(app, map, *mouse),
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}

/// Gives the keys that move in a pane the size of what was drawn: a page key moves by what
/// fits on screen, and a document scrolls no further than its last line.
pub fn with_extent(app: &App, map: &FrameMap, action: Action) -> Action {
    let pane = match app.ui.mode {
        Mode::Normal => app.ui.focused_pane(),
        Mode::Help { .. } => Pane::Help,
        Mode::Messages { .. } => Pane::Messages,
        Mode::TeamNotes { .. } => Pane::TeamNotes,
        _ => return action,
    };
    let Some(extent) = map.pane(pane) else {
        return action;
    };
    let page = isize::try_from(extent.page).unwrap_or(isize::MAX);
    let by = match action {
        Action::Down => 1,
        Action::Up => -1,
        Action::First => isize::MIN,
        Action::Last => isize::MAX,
        Action::PageDown => page,
        Action::PageUp => -page,
        _ => return action,
    };
    match pane {
        // Lists move their selection; a page is the number of items that were visible.
        Pane::Checklist | Pane::Compare | Pane::Team | Pane::StagePicker | Pane::ChoicePicker => match action
        {
            Action::PageDown | Action::PageUp => Action::MoveBy { pane, by },
            _ => action,
        },
        _ => Action::ScrollPane {
            pane,
            by,
            top: extent.top,
            max: extent.max,
        },
    }
}

/// Turns `n`/`N`, and Enter on the search prompt, on a document tab into the match to show,
/// found in what was drawn (the frame drawn after the last key typed, so for this search). The
/// pane scrolls only when the match is not on screen already, and then puts it a third of the
/// way down, with what leads to it above.
pub fn find_match(app: &App, map: &FrameMap, action: Action) -> Action {
    let Some(find) = app.ui.find() else {
        return action;
    };
    let step = match (&app.ui.mode, action) {
        (Mode::Normal, Action::NextMatch) => true,
        (Mode::Normal, Action::PreviousMatch) => false,
        (Mode::Filter, Action::Confirm) if find.is_active() => true,
        _ => return action,
    };
    let count = map.found.len();
    if count == 0 {
        return Action::NoMatch;
    }
    // Matches are ordered by column (on the Strengths tab; the diagram before the text on
    // the Decision tab), then line.
    let order = |pane: Pane, line: usize| match pane {
        Pane::Strengths(column) => (column, line),
        Pane::Decision => (1, line),
        _ => (0, line),
    };
    let focused = app.ui.focused_pane();
    let top = order(focused, map.pane(focused).map_or(0, |e| e.top));
    let index = match (find.current, step) {
        (Some(current), true) => (current.min(count - 1) + 1) % count,
        (Some(current), false) => (current.min(count - 1) + count - 1) % count,
        // The first search from here: the first match at or below the top of the pane.
        (None, true) => map
            .found
            .iter()
            .position(|&(p, l)| order(p, l) >= top)
            .unwrap_or(0),
        (None, false) => map
            .found
            .iter()
            .rposition(|&(p, l)| order(p, l) < top)
            .unwrap_or(count - 1),
    };
    let (pane, line) = map.found[index];
    let scroll = match map.pane(pane) {
        Some(extent) if (extent.top..extent.top + extent.page).contains(&line) => extent.top,
        Some(extent) => line.saturating_sub(extent.page / 3).min(extent.max),
        // A column not on screen: the view clamps the offset to its content.
        None => line.saturating_sub(map.pane(focused).map_or(0, |e| e.page / 3)),
    };
    Action::ShowMatch { pane, index, scroll }
}

/// A click selects or ticks what was drawn under it; the wheel scrolls the pane under it.
fn action_for_mouse(app: &App, map: &FrameMap, mouse: MouseEvent) -> Option<Action> {
    if map.too_small {
        return None;
    }
    let position = Position::new(mouse.column, mouse.row);
    let down = match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => return click(&app.ui, map, position),
        MouseEventKind::ScrollDown => true,
        MouseEventKind::ScrollUp => false,
        _ => return None,
    };
    let extent = map.pane_at(position)?;
    // Over an overlay, only the overlay scrolls.
    if map.overlay.is_some_and(|o| !o.contains(position)) {
        return None;
    }
    let sign = if down { 1 } else { -1 };
    Some(match extent.pane {
        Pane::Compare | Pane::Team => Action::MoveBy {
            pane: extent.pane,
            by: sign * WHEEL_LINES,
        },
        Pane::StagePicker | Pane::ChoicePicker => Action::MoveBy {
            pane: extent.pane,
            by: sign,
        },
        pane => Action::ScrollPane {
            pane,
            by: sign * WHEEL_LINES,
            top: extent.top,
            max: extent.max,
        },
    })
}

fn click(ui: &Ui, map: &FrameMap, position: Position) -> Option<Action> {
    let target = map.target_at(position);
    match &ui.mode {
        Mode::Normal => {}
        Mode::Filter => return None,
        // Over an overlay: its entries, or a click outside closes it (the note and
        // justification editors ignore that: see `update_editor`).
        Mode::Help { .. }
        | Mode::Stage { .. }
        | Mode::Export(_)
        | Mode::Choose { .. }
        | Mode::Note { .. }
        | Mode::Because { .. }
        | Mode::ConfirmReset { .. }
        | Mode::Messages { .. }
        | Mode::TeamNotes { .. } => {
            if !map.overlay.is_some_and(|o: Rect| o.contains(position)) {
                return Some(Action::CloseOverlay);
            }
            return match target? {
                Target::Stage(entry) => Some(Action::PickStage(entry)),
                Target::Choice(entry) => Some(Action::PickChoice(entry)),
                Target::Format(format) => Some(Action::PickFormat(format)),
                _ => None,
            };
        }
    }
    Some(match target? {
        Target::Tab(tab) => Action::GoTab(tab),
        Target::QuestionBox(index) => Action::ToggleQuestion(index),
        // A click on the selected question ticks it; on another one, selects it.
        Target::Question(index) if ui.tab == Tab::Checklist && ui.checklist.selected == index => {
            Action::ToggleQuestion(index)
        }
        Target::Question(index) => Action::SelectQuestion(index),
        Target::CompareRow(row) => Action::SelectCompareRow(row),
        Target::TeamRow(row) => Action::SelectTeamRow(row),
        Target::StrengthsPane(index) => Action::FocusStrengthsPane(index),
        Target::Stage(_) | Target::Format(_) | Target::Choice(_) => return None,
    })
}

/// What decides whether the screen must be drawn again.
fn shown(app: &App) -> (Ui, u64) {
    (app.ui.clone(), app.scorecard.revision())
}

/// Saves the answers; a merge with another instance's answers is adopted and said.
fn save(app: &mut App, effects: &mut dyn Effects) {
    match effects.save(app) {
        Ok(None) => {}
        // Another instance saved meanwhile: show what the file now holds.
        Ok(Some(merged)) => {
            app.set_status(merged.message(), false);
            app.adopt_answers(merged.answers);
        }
        Err(message) => app.set_status(message, true),
    }
}

/// Puts `text` on the clipboard: an OSC 52 sequence through the terminal's own writer, after
/// the frame, so it never cuts one in half. The terminal that draws the app (over SSH too)
/// sets its clipboard.
fn copy(session: &mut terminal::Session, text: &str) -> io::Result<()> {
    let out = &mut session.terminal.backend_mut().0;
    ratatui::crossterm::queue!(out, CopyToClipboard::to_clipboard_from(text))?;
    io::Write::flush(out)
}

/// Runs the app until the user quits. The terminal is restored before this returns, and by
/// the signal thread if a signal ends the app instead (see `signals.rs`).
pub fn run(app: &mut App, mouse: bool, effects: &mut dyn Effects) -> io::Result<()> {
    run_started(start(mouse, None)?, app, effects)
}

/// The terminal in the app's mode, with the signals handled and its input open.
pub struct Started(terminal::Session, Input);

/// Handles the signals and puts the terminal in the app's mode: the part of [`run`] that
/// needs no model, so that a caller can load everything that may fail before it. With a
/// `watch`, the app follows the decision file's changes (`--watch`).
pub fn start(mouse: bool, watch: Option<Watch>) -> io::Result<Started> {
    terminal::signals::listen()?;
    let session = terminal::Session::start(mouse)?;
    let mut input = Input::open()?;
    if let Some(watch) = watch {
        input.follow(watch);
    }
    Ok(Started(session, input))
}

/// [`run`] on a terminal already [`start`]ed.
pub fn run_started(started: Started, app: &mut App, effects: &mut dyn Effects) -> io::Result<()> {
    let Started(mut session, mut input) = started;
    let mut work = terminal::signals::hold();
    let size = session.terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let mut map = FrameMap::default();
    let mut dirty = true;
    let mut follow = Follow::default();
    while !app.quit {
        if dirty {
            session.terminal.draw(|frame| map = render(app, frame))?;
            dirty = false;
        }
        // Block until something happens: an idle app draws nothing and uses no CPU. Only
        // while it waits may a signal end it: nothing is half drawn or unsaved then.
        drop(work);
        let happening = input.read();
        work = terminal::signals::hold();
        let event = match happening? {
            Happening::Terminal(event) => event,
            Happening::DataChanged => {
                let before = shown(app);
                if let Some(path) = input.followed() {
                    let id = app.scorecard.decision().id.clone();
                    if let Some(loaded) = follow.read(path, &id) {
                        app.reload(&crate::text::escape_path(path), loaded);
                    }
                }
                dirty |= shown(app) != before;
                continue;
            }
        };
        let before = shown(app);
        if let Event::Paste(text) = &event {
            app.paste(text);
            dirty |= shown(app) != before;
            continue;
        }
        let Some(action) = action_for_event(app, &map, &event) else {
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
        let effect = app.update(action);
        // A key that changes nothing draws nothing.
        dirty |= shown(app) != before;
        let Some(effect) = effect else {
            continue;
        };
        // Show the change before the work: a save's fsync must not delay the tick on screen.
        if dirty {
            session.terminal.draw(|frame| map = render(app, frame))?;
            dirty = false;
        }
        let before = shown(app);
        match effect {
            Effect::SaveAnswers => save(app, effects),
            // Ctrl-Z is a key in raw mode: do what SIGTSTP does. The loop stays marked busy, so
            // a signal that came meanwhile acts once the terminal is taken back.
            Effect::Suspend => {
                if !terminal::signals::suspend_if_resumable() {
                    app.set_status(
                        "Not suspended: no job-control shell started the app, so nothing could resume it (q quits)",
                        true,
                    );
                }
            }
            Effect::Copy(text) => {
                if let Err(e) = copy(&mut session, &text) {
                    app.set_status(format!("Could not copy: {e}"), true);
                }
            }
            Effect::Export(request) => {
                let outcome = effects.export(app, &request);
                let written = matches!(outcome, ExportOutcome::Written(_));
                app.export_done(outcome);
                // The status and deciders set in the dialog belong to the answers' choice.
                if written {
                    save(app, effects);
                }
            }
        }
        dirty |= shown(app) != before;
    }
    drop(session);
    drop(work);
    Ok(())
}
