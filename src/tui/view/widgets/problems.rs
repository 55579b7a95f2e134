//! The panel of the followed file's problems (`--watch`): a bordered block at the bottom of
//! the body while the file's last version is broken. It takes no keys: the app goes on with
//! the last good version above it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use crate::tui::app::Problems;
use crate::tui::theme::Theme;
use crate::tui::view::widgets::doc::{Doc, ellipsis};
use crate::tui::view::widgets::pane::pane;

/// The rows of the body the tab keeps, however many problems there are: its selection and
/// a few lines around it.
const TAB_KEEPS: u16 = 9;

/// The panel.
pub struct ProblemsPanel<'a> {
    pub problems: &'a Problems,
    pub theme: &'a Theme,
}

impl ProblemsPanel<'_> {
    /// The rows the panel takes of a body `width`×`height`: its lines and border, leaving
    /// the tab [`TAB_KEEPS`] rows to go on with.
    pub fn height(&self, width: u16, height: u16) -> u16 {
        let lines = self.lines(width.saturating_sub(2)).len();
        let most = height.saturating_sub(TAB_KEEPS).max(3);
        u16::try_from(lines + 2).unwrap_or(u16::MAX).min(most)
    }

    /// Each problem wrapped to `width`, continued lines indented.
    fn lines(&self, width: u16) -> Vec<Line<'static>> {
        let mut doc = Doc::new(width);
        for line in &self.problems.lines {
            // The lines were escaped as they came in: no control or bidi character is left.
            doc.wrapped("", "  ", line, self.theme.error);
        }
        doc.lines
    }
}

impl Widget for ProblemsPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let title = format!(
            " {} is not valid — the app shows its last good version ",
            self.problems.file
        );
        let inner = pane(area, buf, title, self.theme, true);
        let mut lines = self.lines(inner.width);
        let room = usize::from(inner.height);
        if lines.len() > room && room > 0 {
            // What does not fit is counted, so no problem goes unseen.
            let hidden = lines.len() - room + 1;
            lines.truncate(room - 1);
            let more = format!("… {hidden} more lines: `stackpick check` lists them all");
            lines.push(Line::styled(
                ellipsis(&more, usize::from(inner.width)),
                self.theme.muted,
            ));
        }
        Paragraph::new(lines).render(inner, buf);
    }
}
