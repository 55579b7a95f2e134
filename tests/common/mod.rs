//! Helpers shared by the test files that draw the app into a `TestBackend`.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use stackpick::tui::{Action, App};

/// Draws the app at a size, as the event loop does after a resize.
pub fn render(app: &mut App, width: u16, height: u16) -> Buffer {
    app.update(Action::Resize { width, height });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal
        .draw(|frame| frame.render_widget(&*app, frame.area()))
        .expect("draw");
    terminal.backend().buffer().clone()
}

/// The screen's text, a line a row, without trailing spaces.
pub fn text(buffer: &Buffer) -> String {
    let width = usize::from(buffer.area.width).max(1);
    buffer
        .content
        .chunks(width)
        .map(|row| {
            row.iter()
                .map(|c| c.symbol())
                .collect::<String>()
                .trim_end()
                .to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
}
