//! The frame every overlay shares: a centred, cleared, bordered box with a title.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Block, Clear, Widget};

use crate::tui::theme::Theme;

/// The box of `width`×`height` centred in `screen` (shrunk to fit).
pub fn centred(screen: Rect, width: u16, height: u16) -> Rect {
    screen.centered(
        Constraint::Length(width.min(screen.width)),
        Constraint::Length(height.min(screen.height)),
    )
}

/// Clears `area`, draws its border and title, and returns the inside.
pub fn frame(area: Rect, buf: &mut Buffer, title: &str, theme: &Theme) -> Rect {
    Clear.render(area, buf);
    let block = Block::bordered()
        .title(Span::styled(format!(" {title} "), theme.title))
        .border_style(theme.border_focus);
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}
