//! A throwaway frame for start-up. The first frame of a process runs on cold code: the
//! drawing, wrapping and Unicode tables are paged in and initialised as it goes, which makes
//! it twice as slow as the next one. Start-up draws this frame on the core that would
//! otherwise wait for the decision to be parsed, so that the first real frame runs warm
//! (issue 8). Nothing of it reaches the terminal.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::tui::theme::Theme;
use crate::tui::view::widgets::doc::{Doc, ellipsis};
use crate::tui::view::widgets::pane::pane;

/// Text with what the app's own text has: words to wrap, punctuation, a dash, a non-ASCII
/// letter and a wide character.
const SAMPLE: &str = "Which Python web framework should a startup build on — Django, Flask, a hybrid \
                      of both, or FastAPI? Café ✓ 決定 (built-in admin, ORM/migrations).";

/// Draws the pieces every screen is made of (a layout, bordered panes, wrapped and styled
/// text, a paragraph) into a scratch buffer of the usual size, and returns it to be dropped.
pub fn warm_up(theme: &Theme) -> Buffer {
    let area = Rect::new(0, 0, 80, 24);
    let mut buf = Buffer::empty(area);
    let [bar, body, footer] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    let [left, right] = Layout::horizontal([Constraint::Fill(3), Constraint::Fill(2)]).areas(body);
    Line::from(vec![
        Span::styled(" 1 Overview ", theme.tab_active),
        Span::styled(" 2 Strengths ", theme.tab),
    ])
    .render(bar, &mut buf);
    let inner = pane(left, &mut buf, " Overview ".to_owned(), theme, true);
    let mut doc = Doc::new(inner.width);
    doc.heading("TL;DR", theme.heading);
    doc.para(SAMPLE, theme.text);
    doc.bullet("•", "For a startup MVP:", SAMPLE, theme.highlight, theme.text);
    doc.render_in(left, inner, 0, &mut buf, theme.text);
    let inner = pane(right, &mut buf, " Stack ".to_owned(), theme, false);
    Paragraph::new(ellipsis(SAMPLE, usize::from(inner.width))).render(inner, &mut buf);
    Line::styled(SAMPLE, theme.muted).render(footer, &mut buf);
    buf
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The frame must go through the same code as a real one: panes, wrapped text, the tab
    /// bar and the footer all drawn.
    #[test]
    fn the_warm_up_frame_draws_what_a_real_frame_does() {
        for theme in [Theme::ansi(), Theme::monochrome()] {
            let buf = warm_up(&theme);
            let text: String = buf.content().iter().map(ratatui::buffer::Cell::symbol).collect();
            for drawn in [
                "1 Overview",
                "┌ Overview",
                "TL;DR",
                "• For a startup MVP:",
                "┌ Stack",
                "Which Python",
            ] {
                assert!(text.contains(drawn), "{drawn} is drawn: {text}");
            }
            assert!(
                text.matches("Django").count() >= 3,
                "the sample is wrapped and drawn: {text}"
            );
        }
    }
}
