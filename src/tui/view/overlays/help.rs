//! The help overlay, written from the key table.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::StatefulWidget;

use crate::tui::action::Pane;
use crate::tui::app::App;
use crate::tui::keys::keymap::Keymap;
use crate::tui::search::contains_folded;
use crate::tui::theme::Theme;
use crate::tui::view::frame_map::FrameMap;
use crate::tui::view::overlays::frame;
use crate::tui::view::widgets::doc::Doc;
use crate::tui::view::widgets::prompt::Prompt;

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

/// The help's lines at this width: the rows whose keys or label contain `filter` (ignoring
/// case), under their sections' headings; every row without a filter.
pub fn doc(keymap: &Keymap, width: u16, theme: &Theme, filter: &str) -> Doc {
    let mut doc = Doc::new(width);
    for (title, rows) in keymap.help_sections() {
        let rows: Vec<(String, String)> = rows
            .into_iter()
            .map(|(keys, label)| (keys.join("/"), label))
            .filter(|(keys, label)| {
                filter.is_empty() || contains_folded(keys, filter) || contains_folded(label, filter)
            })
            .collect();
        if rows.is_empty() {
            continue;
        }
        doc.blank();
        doc.heading(&title, theme.heading);
        let key_width = rows.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0);
        for (keys, label) in rows {
            doc.line(Line::from(vec![
                Span::styled(format!("  {keys:<key_width$}  "), theme.key),
                Span::styled(label, theme.text),
            ]));
        }
    }
    if !filter.is_empty() {
        if doc.is_empty() {
            doc.para(
                &format!("No key matches '{}'.", crate::text::escape(filter)),
                theme.muted,
            );
        }
        return doc;
    }
    doc.blank();
    doc.para(
        "Answering: y and n answer the selected question and move on to the next; Space, x and Enter cycle it in place; Backspace clears it.",
        theme.muted,
    );
    doc.para(
        "Mouse: a click selects a tab, a question, a row, a column or a stage; a click on a box, or on the selected question, ticks it; the wheel scrolls the pane under the pointer; a click outside an overlay closes it, except outside a note or a justification being typed, or the export dialog once typed in, which only Esc cancels.",
        theme.muted,
    );
    doc
}

impl StatefulWidget for HelpOverlay<'_> {
    type State = FrameMap;

    fn render(self, screen: Rect, buf: &mut Buffer, map: &mut FrameMap) {
        let theme = self.app.theme();
        let area = area(screen);
        let help = &self.app.ui.help;
        let mut inner = frame::frame(area, buf, "Keys — Esc closes", theme);
        // The filter, typed or kept, stands on the first line; the keys it keeps below.
        if help.typing || !help.filter.value().is_empty() {
            Prompt {
                editor: &help.filter,
                typing: help.typing,
                found: String::new(),
                theme,
            }
            .render(inner, buf, map);
            inner.y += 1;
            inner.height = inner.height.saturating_sub(1);
        }
        let doc = doc(self.app.keymap(), inner.width, theme, help.filter.value());
        let extent = doc.render_in(area, inner, self.scroll, buf, theme.border_focus);
        map.overlay = Some(area);
        map.pane_extent(extent.of(Pane::Help, area));
    }
}
