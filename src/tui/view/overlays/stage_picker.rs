//! The stage picker: "where are you now", whose advice breaks ties.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, StatefulWidget, Widget};

use crate::score::join_names;
use crate::tui::action::Pane;
use crate::tui::app::App;
use crate::tui::view::frame_map::{FrameMap, PaneExtent, Target};
use crate::tui::view::layout;
use crate::tui::view::overlays::frame;
use crate::tui::view::widgets::doc::Doc;

/// The stage picker overlay; `cursor` 0 is "no stage".
pub struct StagePicker<'a> {
    pub app: &'a App,
    pub cursor: usize,
}

/// The picker laid out: its box, its lines, and the entry each line belongs to.
pub struct PickerLayout {
    pub area: Rect,
    pub doc: Doc,
    /// For each line of `doc`, the entry it draws (0 is "no stage"), if any.
    pub entry_of_line: Vec<Option<usize>>,
}

/// Lays the picker out in the panes' area (`body`), the cursor on entry `cursor`.
pub fn picker_layout(app: &App, body: Rect, cursor: usize) -> PickerLayout {
    let theme = app.theme();
    let width = body.width.saturating_sub(4).min(70);
    let mut doc = Doc::new(width.saturating_sub(2));
    if !app.scorecard.decision().stage_intro.is_empty() {
        doc.para(&app.scorecard.decision().stage_intro, theme.muted);
        doc.blank();
    }
    let mut entry_of_line = vec![None; doc.len()];
    let current = app.scorecard.answers().stage.as_deref();
    let mut entries = vec![(
        "No stage".to_owned(),
        "— let the checklist decide".to_owned(),
        current.is_none(),
    )];
    for stage in &app.scorecard.decision().stages {
        let picks: Vec<&str> = stage
            .picks
            .iter()
            .map(|p| app.scorecard.decision().option_name(p))
            .collect();
        let label = if stage.when.is_empty() {
            stage.label.to_string()
        } else {
            format!("{} ({})", stage.label, stage.when)
        };
        let chosen = current == Some(stage.id.as_str());
        entries.push((label, format!("→ {}", join_names(&picks, "or")), chosen));
    }
    for (i, (label, detail, chosen)) in entries.iter().enumerate() {
        let pointer = if i == cursor { "▶" } else { " " };
        let mark = if *chosen { "●" } else { "○" };
        let style = if i == cursor { theme.selected } else { theme.text };
        let first = format!("{pointer} {mark} ");
        doc.wrapped(&first, "      ", &format!("{label} {detail}"), style);
        entry_of_line.resize(doc.len(), Some(i));
    }
    let height = u16::try_from(doc.len() + 2).unwrap_or(u16::MAX);
    PickerLayout {
        area: frame::centred(body, width, height),
        doc,
        entry_of_line,
    }
}

impl StatefulWidget for StagePicker<'_> {
    type State = FrameMap;

    fn render(self, body: Rect, buf: &mut Buffer, map: &mut FrameMap) {
        let picker = picker_layout(self.app, body, self.cursor);
        let inner = frame::frame(picker.area, buf, "Where are you now?", self.app.theme());
        // Scrolled to keep the cursor's entry in view when the box is shorter than the list.
        let lines_of = |entry: usize| {
            let start = picker.entry_of_line.iter().position(|&e| e == Some(entry));
            let end = picker.entry_of_line.iter().rposition(|&e| e == Some(entry));
            start.zip(end).map_or((0, 0), |(s, e)| (s, e + 1))
        };
        let (start, end) = lines_of(self.cursor);
        let total = picker.doc.len();
        let height = usize::from(inner.height);
        let top = layout::centred_offset(start, end, total, height);
        for (line, entry) in picker.entry_of_line.iter().enumerate().skip(top).take(height) {
            if let Some(entry) = *entry {
                let y = inner.y + u16::try_from(line - top).unwrap_or(u16::MAX);
                map.target(
                    Rect {
                        y,
                        height: 1,
                        ..inner
                    },
                    Target::Stage(entry),
                );
            }
        }
        map.overlay = Some(picker.area);
        map.pane_extent(PaneExtent {
            pane: Pane::StagePicker,
            rect: picker.area,
            top,
            page: height.max(1),
            max: total.saturating_sub(height),
        });
        let visible: Vec<_> = picker.doc.lines.into_iter().skip(top).take(height).collect();
        Paragraph::new(visible).render(inner, buf);
    }
}
