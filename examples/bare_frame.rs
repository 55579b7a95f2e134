//! The floor for the pty bench: the least a ratatui program does to show a frame. It enters
//! raw mode and the alternate screen (`ratatui::init`), draws one bordered paragraph, and waits
//! for `q`. `benches/pty.rs` compares stackpick's first frame with this one's.
//!
//! Run: `cargo run --release --example bare_frame`.

use std::io;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind};
use ratatui::widgets::{Block, Paragraph};

fn main() -> io::Result<()> {
    let mut terminal = ratatui::init();
    let result = run(&mut terminal);
    ratatui::restore();
    result
}

/// Draws the paragraph (again after a resize) until `q` is pressed.
fn run(terminal: &mut DefaultTerminal) -> io::Result<()> {
    loop {
        terminal.draw(|frame| {
            let paragraph = Paragraph::new("A bare ratatui frame. Press q to quit.")
                .block(Block::bordered().title("bare"));
            frame.render_widget(paragraph, frame.area());
        })?;
        if let Event::Key(key) = event::read()?
            && key.kind == KeyEventKind::Press
            && key.code == KeyCode::Char('q')
        {
            return Ok(());
        }
    }
}
