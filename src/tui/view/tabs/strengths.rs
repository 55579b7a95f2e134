//! The Strengths tab: a column per framework (strengths, best for, users, startup example);
//! as many columns as fit, paged with `h`/`l` when the terminal is narrow.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::widgets::StatefulWidget;

use crate::decision::Candidate;
use crate::tui::action::Pane;
use crate::tui::app::App;
use crate::tui::view::frame_map::{FrameMap, Target};
use crate::tui::view::widgets::doc::Doc;
use crate::tui::view::widgets::found::Marks;
use crate::tui::view::widgets::pane::pane;

/// The narrowest a framework column gets before columns are paged.
const MIN_COLUMN: u16 = 36;

/// The Strengths tab.
pub struct StrengthsTab<'a>(pub &'a App);

/// The indexes of the frameworks shown side by side, keeping the focused one visible.
pub fn visible_columns(app: &App, width: u16) -> std::ops::Range<usize> {
    let count = app.scorecard.decision().options.len();
    let fit = usize::from(width / MIN_COLUMN).clamp(1, count.max(1));
    let focus = app.ui.strengths.focus.min(count.saturating_sub(1));
    let start = focus.saturating_sub(fit - 1).min(count.saturating_sub(fit));
    start..(start + fit).min(count)
}

fn column_areas(app: &App, area: Rect) -> Vec<(usize, Rect)> {
    let columns = visible_columns(app, area.width);
    let areas = Layout::horizontal(columns.clone().map(|_| Constraint::Fill(1))).split(area);
    columns.zip(areas.iter().copied()).collect()
}

/// One framework's column.
pub fn doc(app: &App, option: &Candidate, width: u16) -> Doc {
    let theme = app.theme();
    let mut doc = Doc::new(width);
    if !option.tagline.is_empty() {
        doc.para(&option.tagline, theme.muted);
    }
    for note in &option.notes {
        doc.para(note, theme.text);
    }
    if !option.strengths.is_empty() {
        doc.blank();
        doc.heading("Strengths", theme.heading);
        for point in &option.strengths {
            doc.bullet("✓", &point.title, &point.detail, theme.highlight, theme.text);
        }
    }
    if !option.best_for.is_empty() {
        doc.blank();
        doc.heading("Best for", theme.heading);
        for point in &option.best_for {
            doc.bullet("•", &point.title, &point.detail, theme.text, theme.muted);
        }
    }
    if !option.consider_when.is_empty() {
        doc.blank();
        doc.heading("Consider it when", theme.heading);
        for point in &option.consider_when {
            doc.bullet("•", &point.title, &point.detail, theme.text, theme.muted);
        }
    }
    if !option.users.is_empty() {
        doc.blank();
        doc.heading("Real-world users", theme.heading);
        let users: Vec<&str> = option.users.iter().map(crate::text::Text::as_str).collect();
        doc.para(&users.join(", "), theme.text);
    }
    if let Some(example) = &option.example {
        doc.blank();
        doc.heading("Startup example", theme.heading);
        doc.para(example, theme.text);
    }
    if doc.is_empty() {
        doc.para(
            &format!("The decision records no evidence for {}.", option.name),
            theme.muted,
        );
    }
    doc
}

impl StatefulWidget for StrengthsTab<'_> {
    type State = FrameMap;

    fn render(self, area: Rect, buf: &mut Buffer, map: &mut FrameMap) {
        let app = self.0;
        let count = app.scorecard.decision().options.len();
        let columns = visible_columns(app, area.width);
        let paged = columns.len() < count;
        let areas = column_areas(app, area);
        let theme = app.theme();
        // A column's inside, for the columns off screen: the search counts their matches too.
        let hidden = areas
            .first()
            .map_or(area, |&(_, column)| column.inner(Margin::new(1, 1)));
        for index in 0..count {
            let Some(&(_, column)) = areas.iter().find(|(i, _)| *i == index) else {
                if app.ui.strengths.find.is_active() {
                    let option = &app.scorecard.decision().options[index];
                    let mut doc = doc(app, option, hidden.width);
                    let scroll = app.ui.strengths.scroll(index);
                    let find = &app.ui.strengths.find;
                    let marks = Marks::new(Pane::Strengths(index), find, &doc, hidden, scroll);
                    Marks { page: 0, ..marks }.apply(&mut doc.lines, theme, map);
                }
                continue;
            };
            let option = &app.scorecard.decision().options[index];
            // The column with the keys has the bright border, as in lazygit.
            let focused = index == app.ui.strengths.focus.min(count - 1);
            let mut title = format!(" {} ", option.name);
            if paged {
                let left = if index == columns.start && index > 0 {
                    "◀ "
                } else {
                    ""
                };
                let right = if index + 1 == columns.end && index + 1 < count {
                    " ▶"
                } else {
                    ""
                };
                title = format!(" {left}{} ({}/{count}){right} ", option.name, index + 1);
            }
            let inner = pane(column, buf, title, app.theme(), focused);
            let mut doc = doc(app, option, inner.width);
            // Each column keeps its own offset, clamped to its own content.
            let scroll = app.ui.strengths.scroll(index);
            let find = &app.ui.strengths.find;
            Marks::new(Pane::Strengths(index), find, &doc, inner, scroll).apply(&mut doc.lines, theme, map);
            let extent = doc.render_in(column, inner, scroll, buf, theme.border_focus);
            map.target(column, Target::StrengthsPane(index));
            map.pane_extent(extent.of(Pane::Strengths(index), column));
        }
    }
}
