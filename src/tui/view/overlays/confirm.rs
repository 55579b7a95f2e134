//! A yes/no question over the tabs (starting over): the question, wrapped, and its keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, StatefulWidget, Widget, Wrap};

use crate::tui::app::App;
use crate::tui::view::frame_map::FrameMap;
use crate::tui::view::overlays::frame;

/// The question box; `question` is already worded ("Reset 5 answers…? y/n").
pub struct ConfirmView<'a> {
    pub app: &'a App,
    pub title: &'a str,
    pub question: &'a str,
}

impl StatefulWidget for ConfirmView<'_> {
    type State = FrameMap;

    fn render(self, body: Rect, buf: &mut Buffer, map: &mut FrameMap) {
        let theme = self.app.theme();
        let width = body.width.saturating_sub(4).min(60);
        // The question wraps onto at most a few lines inside the border.
        let inner_width = usize::from(width.saturating_sub(4)).max(1);
        let lines = self.question.chars().count().div_ceil(inner_width).max(1) + 1;
        let height = u16::try_from(lines + 2).unwrap_or(u16::MAX);
        let area = frame::centred(body, width, height);
        let inner = frame::frame(area, buf, self.title, theme);
        map.overlay = Some(area);
        Paragraph::new(self.question)
            .style(theme.text)
            .wrap(Wrap { trim: true })
            .render(inner, buf);
    }
}
