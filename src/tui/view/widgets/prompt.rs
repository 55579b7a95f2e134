//! The search prompt: `/` and the text typed, in the line editor shared by every text field,
//! with what the search found after it. While it is typed, the terminal's own cursor stands at
//! the editor's cursor (recorded in the `FrameMap`).

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::tui::app::LineEditor;
use crate::tui::theme::Theme;
use crate::tui::view::frame_map::FrameMap;
use crate::tui::view::widgets::doc::skip_cells;

/// A search prompt: the field, whether it is being typed, and what was found (`2 of 5`).
pub struct Prompt<'a> {
    pub editor: &'a LineEditor,
    pub typing: bool,
    pub found: String,
    pub theme: &'a Theme,
}

impl Prompt<'_> {
    /// Draws the prompt on the first line of `area`.
    pub fn render(self, area: Rect, buf: &mut Buffer, map: &mut FrameMap) {
        if area.is_empty() {
            return;
        }
        let theme = self.theme;
        let found = format!("  {}", self.found);
        // The field gets what the count leaves, and scrolls to keep the cursor in it.
        let room = usize::from(area.width.saturating_sub(1));
        let field = room
            .saturating_sub(Line::raw(found.as_str()).width())
            .max(room.min(12))
            .max(1);
        let scroll = self.editor.scroll(field);
        let shown: String = skip_cells(self.editor.value(), scroll)
            .chars()
            .scan(0, |cells, c| {
                *cells += Line::raw(c.to_string()).width();
                (*cells <= field).then_some(c)
            })
            .collect();
        let style = if self.typing { theme.key } else { theme.muted };
        Paragraph::new(Line::from(vec![
            Span::styled("/", style),
            Span::styled(shown, theme.text),
            Span::styled(found, theme.muted),
        ]))
        .render(Rect { height: 1, ..area }, buf);
        if self.typing {
            let column = self.editor.cursor_column().saturating_sub(scroll);
            let x = area
                .x
                .saturating_add(1)
                .saturating_add(u16::try_from(column).unwrap_or(u16::MAX));
            map.cursor = Some(Position::new(x.min(area.right().saturating_sub(1)), area.y));
        }
    }
}
