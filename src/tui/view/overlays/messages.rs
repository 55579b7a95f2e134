//! The message log: every status message of the session, newest first, wrapped, so that one
//! cut short in the footer (or gone at the next key) can be read in full.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::StatefulWidget;

use crate::tui::action::Pane;
use crate::tui::app::App;
use crate::tui::view::frame_map::FrameMap;
use crate::tui::view::overlays::frame;
use crate::tui::view::widgets::doc::Doc;

/// The message log overlay.
pub struct MessageLog<'a> {
    pub app: &'a App,
    pub scroll: usize,
}

impl StatefulWidget for MessageLog<'_> {
    type State = FrameMap;

    fn render(self, screen: Rect, buf: &mut Buffer, map: &mut FrameMap) {
        let theme = self.app.theme();
        let area = frame::centred(
            screen,
            screen.width.saturating_sub(4).min(72),
            screen.height.saturating_sub(2),
        );
        let inner = frame::frame(area, buf, "Messages, newest first — Esc closes", theme);
        let mut doc = Doc::new(inner.width);
        let messages = &self.app.messages;
        if messages.is_empty() {
            doc.para("No messages yet in this session.", theme.muted);
        }
        for (i, message) in messages.iter().rev().enumerate() {
            if i > 0 {
                doc.blank();
            }
            // Errors are marked in words too, for a screen without colour.
            let (marker, style) = if message.is_error {
                ("! ", theme.error)
            } else {
                ("  ", theme.text)
            };
            doc.wrapped(marker, "  ", &message.text, style);
        }
        let extent = doc.render_in(area, inner, self.scroll, buf, theme.border_focus);
        map.overlay = Some(area);
        map.pane_extent(extent.of(Pane::Messages, area));
    }
}
