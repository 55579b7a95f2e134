//! The stage picker: "where are you now", whose advice breaks ties.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::{Paragraph, Widget};

use crate::score::join_names;
use crate::tui::app::App;
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
    let theme = &app.theme;
    let width = body.width.saturating_sub(4).min(70);
    let mut doc = Doc::new(width.saturating_sub(2));
    if !app.decision.stage_intro.is_empty() {
        doc.para(&app.decision.stage_intro, theme.muted);
        doc.blank();
    }
    let mut entry_of_line = vec![None; doc.len()];
    let current = app.answers.stage.as_deref();
    let mut entries = vec![(
        "No stage".to_owned(),
        "— let the checklist decide".to_owned(),
        current.is_none(),
    )];
    for stage in &app.decision.stages {
        let picks: Vec<&str> = stage.picks.iter().map(|p| app.decision.option_name(p)).collect();
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

/// The entry under a click, or `None` (with `false`) when the click is outside the picker.
pub fn entry_at(app: &App, cursor: usize, column: u16, row: u16) -> (bool, Option<usize>) {
    let picker = picker_layout(app, layout::body(app.area), cursor);
    let inner = layout::inner(picker.area);
    if !picker.area.contains(Position::new(column, row)) {
        return (false, None);
    }
    if !inner.contains(Position::new(column, row)) {
        return (true, None);
    }
    let line = usize::from(row - inner.y);
    (true, picker.entry_of_line.get(line).copied().flatten())
}

impl Widget for StagePicker<'_> {
    fn render(self, body: Rect, buf: &mut Buffer) {
        let picker = picker_layout(self.app, body, self.cursor);
        let inner = frame::frame(picker.area, buf, "Where are you now?", &self.app.theme);
        Paragraph::new(picker.doc.lines).render(inner, buf);
    }
}
