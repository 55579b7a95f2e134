//! The Strengths tab: a column per framework (strengths, best for, users, startup example);
//! as many columns as fit, paged with `h`/`l` when the terminal is narrow.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Block, Widget};

use crate::decision::Choice;
use crate::tui::app::App;
use crate::tui::view::layout;
use crate::tui::view::widgets::doc::Doc;

/// The narrowest a framework column gets before columns are paged.
const MIN_COLUMN: u16 = 36;

/// The Strengths pane.
pub struct StrengthsPane<'a>(pub &'a App);

/// The indexes of the frameworks shown side by side, keeping the focused one visible.
pub fn visible_columns(app: &App, width: u16) -> std::ops::Range<usize> {
    let count = app.decision.options.len();
    let fit = usize::from(width / MIN_COLUMN).clamp(1, count.max(1));
    let focus = app.framework.min(count.saturating_sub(1));
    let start = focus.saturating_sub(fit - 1).min(count.saturating_sub(fit));
    start..(start + fit).min(count)
}

fn column_areas(app: &App, area: Rect) -> Vec<(usize, Rect)> {
    let columns = visible_columns(app, area.width);
    let areas = Layout::horizontal(columns.clone().map(|_| Constraint::Fill(1))).split(area);
    columns.zip(areas.iter().copied()).collect()
}

/// The tallest visible column's line count and the columns' inner height.
pub fn content_height(app: &App, body: Rect) -> (usize, u16) {
    let lines = column_areas(app, body)
        .into_iter()
        .map(|(i, area)| doc(app, &app.decision.options[i], layout::inner(area).width).len())
        .max()
        .unwrap_or(0);
    (lines, layout::inner(body).height)
}

/// One framework's column.
pub fn doc(app: &App, option: &Choice, width: u16) -> Doc {
    let theme = &app.theme;
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
        let users: Vec<&str> = option.users.iter().map(|u| u.as_str()).collect();
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

impl Widget for StrengthsPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let count = app.decision.options.len();
        let columns = visible_columns(app, area.width);
        let paged = columns.len() < count;
        for (index, column) in column_areas(app, area) {
            let option = &app.decision.options[index];
            let focused = paged && index == app.framework.min(count - 1);
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
                title = format!("{left} {} ({}/{count}) {right}", option.name, index + 1);
            }
            let block = Block::bordered()
                .title(Span::styled(title, app.theme.title))
                .border_style(if focused {
                    app.theme.border_focus
                } else {
                    app.theme.border
                });
            let inner = block.inner(column);
            block.render(column, buf);
            let doc = doc(app, option, inner.width);
            doc.render_in(column, inner, app.strengths_scroll, buf, app.theme.border_focus);
        }
    }
}
