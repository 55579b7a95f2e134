//! The bordered, titled box every pane is drawn in, written once.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Widget};

use crate::tui::theme::Theme;

/// Draws a pane's border and title; returns its inside. The focused pane (the one the keys
/// act on) has the bright border.
pub fn pane(area: Rect, buf: &mut Buffer, title: String, theme: &Theme, focused: bool) -> Rect {
    let border = if focused { theme.border_focus } else { theme.border };
    let block = Block::bordered()
        .title(Span::styled(title, theme.title))
        .border_style(border);
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}
