//! The list every picker shows (stage, decision): entries marked `●`/`○` with the cursor's
//! `▶`, scrolled to keep the cursor in view, each entry recorded in the `FrameMap`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Widget};

use crate::tui::action::Pane;
use crate::tui::theme::Theme;
use crate::tui::view::frame_map::{FrameMap, PaneExtent, Target};
use crate::tui::view::layout;
use crate::tui::view::overlays::frame;
use crate::tui::view::widgets::doc::Doc;

/// A picker's lines, and the entry each line draws.
pub struct EntryList {
    doc: Doc,
    /// For each line of `doc`, the entry it draws, if any (an intro line draws none).
    entry_of_line: Vec<Option<usize>>,
    cursor: usize,
    /// The pane the page keys move, and what a click on an entry means.
    pane: Pane,
    target: fn(usize) -> Target,
}

impl EntryList {
    /// A list under the intro already in `doc`, the cursor on entry `cursor`; entries are
    /// recorded as `target(entry)` in `pane`.
    pub fn new(doc: Doc, cursor: usize, pane: Pane, target: fn(usize) -> Target) -> EntryList {
        let entry_of_line = vec![None; doc.len()];
        EntryList {
            doc,
            entry_of_line,
            cursor,
            pane,
            target,
        }
    }

    /// Adds the next entry, `chosen` when it is the current value.
    pub fn entry(&mut self, text: &str, chosen: bool, theme: &Theme) {
        let index = self
            .entry_of_line
            .iter()
            .flatten()
            .max()
            .map_or(0, |last| last + 1);
        let on_cursor = index == self.cursor;
        let pointer = if on_cursor { "▶" } else { " " };
        let mark = if chosen { "●" } else { "○" };
        let style = if on_cursor { theme.selected } else { theme.text };
        self.doc
            .wrapped(&format!("{pointer} {mark} "), "      ", text, style);
        self.entry_of_line.resize(self.doc.len(), Some(index));
    }

    /// The box's height for all the lines, borders included.
    pub fn height(&self) -> u16 {
        u16::try_from(self.doc.len() + 2).unwrap_or(u16::MAX)
    }

    /// Draws the list in a framed box at `area`, scrolled to keep the cursor's entry in view,
    /// and records each entry drawn, the box and the pane's extent.
    pub fn render(self, area: Rect, title: &str, theme: &Theme, buf: &mut Buffer, map: &mut FrameMap) {
        let inner = frame::frame(area, buf, title, theme);
        let start = self.entry_of_line.iter().position(|&e| e == Some(self.cursor));
        let end = self.entry_of_line.iter().rposition(|&e| e == Some(self.cursor));
        let (start, end) = start.zip(end).map_or((0, 0), |(s, e)| (s, e + 1));
        let total = self.doc.len();
        let height = usize::from(inner.height);
        let top = layout::centred_offset(start, end, total, height);
        for (line, entry) in self.entry_of_line.iter().enumerate().skip(top).take(height) {
            if let Some(entry) = *entry {
                let y = inner.y + u16::try_from(line - top).unwrap_or(u16::MAX);
                map.target(
                    Rect {
                        y,
                        height: 1,
                        ..inner
                    },
                    (self.target)(entry),
                );
            }
        }
        map.overlay = Some(area);
        map.pane_extent(PaneExtent {
            pane: self.pane,
            rect: area,
            top,
            page: height.max(1),
            max: total.saturating_sub(height),
        });
        let visible: Vec<_> = self.doc.lines.into_iter().skip(top).take(height).collect();
        Paragraph::new(visible).render(inner, buf);
    }
}
