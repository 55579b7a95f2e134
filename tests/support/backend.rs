//! Helpers shared by the test files that draw the app into a `TestBackend`: a `Screen` that
//! runs the app as the runtime does (events become actions with the last frame's `FrameMap`,
//! then `update`, then a new frame), and plain rendering for snapshots.

use std::ops::{Deref, DerefMut};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};
use ratatui::layout::{Position, Rect};
use stackpick::tui::view::frame_map::{FrameMap, Target};
use stackpick::tui::{Action, App, Effect, action_for_event};

/// Draws the app at a size, as the event loop does after a resize.
pub fn render(app: &mut App, width: u16, height: u16) -> Buffer {
    render_map(app, width, height).0
}

/// Draws the app at a size; returns the screen and the record of what went where.
pub fn render_map(app: &mut App, width: u16, height: u16) -> (Buffer, FrameMap) {
    app.update(Action::Resize { width, height });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    let mut map = FrameMap::default();
    terminal
        .draw(|frame| map = stackpick::tui::view::render(app, frame))
        .expect("draw");
    (terminal.backend().buffer().clone(), map)
}

/// The screen's text, a line a row, without trailing spaces.
pub fn text(buffer: &Buffer) -> String {
    let width = usize::from(buffer.area.width).max(1);
    buffer
        .content
        .chunks(width)
        .map(|row| {
            row.iter()
                .map(ratatui::buffer::Cell::symbol)
                .collect::<String>()
                .trim_end()
                .to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The app on a test terminal, driven by events as the runtime drives it.
pub struct Screen {
    pub app: App,
    pub terminal: Terminal<TestBackend>,
    /// What the last frame drew where.
    pub map: FrameMap,
}

impl Deref for Screen {
    type Target = App;
    fn deref(&self) -> &App {
        &self.app
    }
}

impl DerefMut for Screen {
    fn deref_mut(&mut self) -> &mut App {
        &mut self.app
    }
}

impl Screen {
    /// The app on a terminal of this size, first frame drawn.
    pub fn new(app: App, width: u16, height: u16) -> Screen {
        let terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
        let mut screen = Screen {
            app,
            terminal,
            map: FrameMap::default(),
        };
        screen.resize(width, height);
        screen
    }

    /// Draws a frame; returns it.
    pub fn draw(&mut self) -> Buffer {
        let app = &self.app;
        let mut map = FrameMap::default();
        self.terminal
            .draw(|frame| map = stackpick::tui::view::render(app, frame))
            .expect("draw");
        self.map = map;
        self.terminal.backend().buffer().clone()
    }

    /// The screen's text now.
    pub fn text(&mut self) -> String {
        text(&self.draw())
    }

    /// The terminal is resized.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.terminal.backend_mut().resize(width, height);
        self.terminal
            .resize(Rect::new(0, 0, width, height))
            .expect("resize");
        self.send(Event::Resize(width, height));
    }

    /// One event through the event path, then a frame; returns the effect asked for.
    pub fn send(&mut self, event: Event) -> Vec<Effect> {
        let action = action_for_event(&self.app, &self.map, &event);
        let effect = action.and_then(|action| self.app.update(action));
        self.draw();
        effect.into_iter().collect()
    }

    /// Each character is a key; `⏎` is Enter, `⎋` Esc, `⇥` Tab, `⌫` Backspace.
    pub fn press(&mut self, keys: &str) -> Vec<Effect> {
        let mut effects = Vec::new();
        for c in keys.chars() {
            let code = match c {
                '⏎' => KeyCode::Enter,
                '⎋' => KeyCode::Esc,
                '⇥' => KeyCode::Tab,
                '⌫' => KeyCode::Backspace,
                c => KeyCode::Char(c),
            };
            effects.extend(self.key(code));
        }
        effects
    }

    /// A key without modifiers (Shift for capitals and Shift-Tab).
    pub fn key(&mut self, code: KeyCode) -> Vec<Effect> {
        let modifiers = match code {
            KeyCode::Char(c) if c.is_ascii_uppercase() => KeyModifiers::SHIFT,
            KeyCode::BackTab => KeyModifiers::SHIFT,
            _ => KeyModifiers::NONE,
        };
        self.send(Event::Key(KeyEvent {
            code,
            modifiers,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        }))
    }

    /// Ctrl and a letter.
    pub fn ctrl(&mut self, c: char) -> Vec<Effect> {
        self.send(Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)))
    }

    /// Where the last frame drew a target.
    #[track_caller]
    pub fn rect(&self, target: Target) -> Rect {
        self.map
            .target_rect(target)
            .unwrap_or_else(|| panic!("{target:?} is not on screen"))
    }

    /// A left click on a cell.
    pub fn click_at(&mut self, column: u16, row: u16) -> Vec<Effect> {
        self.mouse(MouseEventKind::Down(MouseButton::Left), column, row)
    }

    /// A left click in the middle of where a target was drawn.
    #[track_caller]
    pub fn click(&mut self, target: Target) -> Vec<Effect> {
        let rect = self.rect(target);
        self.click_at(rect.x + rect.width / 2, rect.y + rect.height / 2)
    }

    /// A left click on the last column of a target's first row (on text, away from any box).
    #[track_caller]
    pub fn click_end(&mut self, target: Target) -> Vec<Effect> {
        let rect = self.rect(target);
        self.click_at(rect.right() - 1, rect.y)
    }

    /// A turn of the wheel over a cell.
    pub fn wheel(&mut self, column: u16, row: u16, down: bool) -> Vec<Effect> {
        let kind = if down {
            MouseEventKind::ScrollDown
        } else {
            MouseEventKind::ScrollUp
        };
        self.mouse(kind, column, row)
    }

    fn mouse(&mut self, kind: MouseEventKind, column: u16, row: u16) -> Vec<Effect> {
        self.send(Event::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        }))
    }

    /// Where the terminal's cursor is, when shown.
    pub fn cursor(&mut self) -> Option<Position> {
        self.map.cursor
    }
}
