//! The one-line editor overlay: a note for a question or the decision, or the justification
//! of the user's decision. The terminal's cursor is placed in the field (see `FrameMap`).

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, StatefulWidget, Widget};

use crate::tui::app::{App, LineEditor};
use crate::tui::view::frame_map::FrameMap;
use crate::tui::view::overlays::frame;
use crate::tui::view::widgets::doc::{Doc, skip_cells};

/// The editor overlay: a title, what the text is about, and the field.
pub struct LineEditorView<'a> {
    pub app: &'a App,
    pub title: &'a str,
    /// What is being written about (the question's text), wrapped above the field.
    pub about: String,
    pub editor: &'a LineEditor,
}

impl StatefulWidget for LineEditorView<'_> {
    type State = FrameMap;

    fn render(self, body: Rect, buf: &mut Buffer, map: &mut FrameMap) {
        let theme = self.app.theme();
        let width = body.width.saturating_sub(4).min(72);
        let mut doc = Doc::new(width.saturating_sub(2));
        if !self.about.is_empty() {
            doc.para(&self.about, theme.muted);
        }
        let about = doc.len().min(usize::from(body.height.saturating_sub(4)));
        let height = u16::try_from(about + 3).unwrap_or(u16::MAX);
        let area = frame::centred(body, width, height);
        let inner = frame::frame(area, buf, self.title, theme);
        map.overlay = Some(area);
        let mut lines: Vec<Line> = doc.lines.into_iter().take(about).collect();
        // The field scrolls sideways to keep the cursor in view; `› ` marks it.
        let field_width = usize::from(inner.width.saturating_sub(2)).max(1);
        let scroll = self.editor.scroll(field_width);
        let shown: String = skip_cells(self.editor.value(), scroll);
        lines.push(Line::styled(format!("› {shown}"), theme.selected));
        let field_y = inner.y + u16::try_from(lines.len() - 1).unwrap_or(0);
        Paragraph::new(lines).render(inner, buf);
        let column = self.editor.cursor_column() - scroll;
        let x = inner.x + 2 + u16::try_from(column).unwrap_or(0);
        if field_y < inner.bottom() && x < inner.right() {
            map.cursor = Some(Position::new(x, field_y));
        }
    }
}
