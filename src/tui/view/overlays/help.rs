//! The help overlay, written from the key table.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::StatefulWidget;

use crate::tui::action::Pane;
use crate::tui::app::App;
use crate::tui::keys::keymap::Keymap;
use crate::tui::theme::Theme;
use crate::tui::view::frame_map::FrameMap;
use crate::tui::view::overlays::frame;
use crate::tui::view::widgets::doc::Doc;

/// The help overlay.
pub struct HelpOverlay<'a> {
    pub app: &'a App,
    pub scroll: usize,
}

/// Where the overlay goes.
pub fn area(screen: Rect) -> Rect {
    frame::centred(
        screen,
        screen.width.saturating_sub(4).min(72),
        screen.height.saturating_sub(2),
    )
}

/// The help's lines at this width.
pub fn doc(keymap: &Keymap, width: u16, theme: &Theme) -> Doc {
    let mut doc = Doc::new(width);
    for (title, rows) in keymap.help_sections() {
        doc.blank();
        doc.heading(&title, theme.heading);
        let rows: Vec<(String, String)> = rows
            .into_iter()
            .map(|(keys, label)| (keys.join("/"), label))
            .collect();
        let key_width = rows.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0);
        for (keys, label) in rows {
            doc.line(Line::from(vec![
                Span::styled(format!("  {keys:<key_width$}  "), theme.key),
                Span::styled(label, theme.text),
            ]));
        }
    }
    doc.blank();
    doc.para(
        "Mouse: a click selects a tab, a question, a row, a column or a stage; a click on a box, or on the selected question, ticks it; the wheel scrolls the pane under the pointer; a click outside an overlay closes it.",
        theme.muted,
    );
    doc
}

impl StatefulWidget for HelpOverlay<'_> {
    type State = FrameMap;

    fn render(self, screen: Rect, buf: &mut Buffer, map: &mut FrameMap) {
        let theme = self.app.theme();
        let area = area(screen);
        let inner = frame::frame(area, buf, "Keys — Esc closes", theme);
        let doc = doc(self.app.keymap(), inner.width, theme);
        let extent = doc.render_in(area, inner, self.scroll, buf, theme.border_focus);
        map.overlay = Some(area);
        map.pane_extent(extent.of(Pane::Help, area));
    }
}
