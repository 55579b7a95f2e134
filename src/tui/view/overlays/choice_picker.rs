//! The picker of the user's own decision: follow the checklist, an option, the hybrid, or
//! not decided. The current choice is marked `●`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, StatefulWidget, Widget};

use crate::tui::action::Pane;
use crate::tui::app::{App, choice_entries};
use crate::tui::view::frame_map::{FrameMap, PaneExtent, Target};
use crate::tui::view::overlays::frame;
use crate::tui::view::widgets::doc::Doc;

/// The decision picker overlay, the cursor on entry `cursor`.
pub struct ChoicePicker<'a> {
    pub app: &'a App,
    pub cursor: usize,
}

impl StatefulWidget for ChoicePicker<'_> {
    type State = FrameMap;

    fn render(self, body: Rect, buf: &mut Buffer, map: &mut FrameMap) {
        let app = self.app;
        let theme = app.theme();
        let width = body.width.saturating_sub(4).min(60);
        let mut doc = Doc::new(width.saturating_sub(2));
        let suggested = app.scorecard.resolved_choice();
        let suggestion = match &suggested.suggested {
            Some(name) => format!("The checklist suggests {name}; the decision is yours."),
            None => "The checklist suggests nothing yet; the decision is yours.".to_owned(),
        };
        doc.para(&suggestion, theme.muted);
        doc.blank();
        let current = &app.scorecard.answers().choice.pick;
        let mut entry_of_line = vec![None; doc.len()];
        for (i, (pick, label)) in choice_entries(app.scorecard.decision()).iter().enumerate() {
            let pointer = if i == self.cursor { "▶" } else { " " };
            let mark = if pick == current { "●" } else { "○" };
            let style = if i == self.cursor {
                theme.selected
            } else {
                theme.text
            };
            doc.wrapped(&format!("{pointer} {mark} "), "      ", label, style);
            entry_of_line.resize(doc.len(), Some(i));
        }
        let height = u16::try_from(doc.len() + 2).unwrap_or(u16::MAX);
        let area = frame::centred(body, width, height);
        let inner = frame::frame(area, buf, "Your decision", theme);
        let rows = usize::from(inner.height);
        // Scrolled to keep the cursor's entry in view when the box is short.
        let cursor_line = entry_of_line
            .iter()
            .position(|&e| e == Some(self.cursor))
            .unwrap_or(0);
        let top = crate::tui::view::layout::centred_offset(cursor_line, cursor_line + 1, doc.len(), rows);
        for (line, entry) in entry_of_line.iter().enumerate().skip(top).take(rows) {
            if let Some(entry) = *entry {
                let y = inner.y + u16::try_from(line - top).unwrap_or(u16::MAX);
                map.target(
                    Rect {
                        y,
                        height: 1,
                        ..inner
                    },
                    Target::Choice(entry),
                );
            }
        }
        map.overlay = Some(area);
        map.pane_extent(PaneExtent {
            pane: Pane::ChoicePicker,
            rect: area,
            top,
            page: rows.max(1),
            max: doc.len().saturating_sub(rows),
        });
        let visible: Vec<_> = doc.lines.into_iter().skip(top).take(rows).collect();
        Paragraph::new(visible).render(inner, buf);
    }
}
