//! The Checklist tab: the questions grouped by framework with `[x]` yes, `[-]` no and `[ ]`
//! unanswered boxes and their notes, and beside them a gauge per framework, the verdict and
//! the stack diagram, all live.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, StatefulWidget, Widget};

use crate::tui::action::Pane;
use crate::tui::app::App;
use crate::tui::view::frame_data::FrameData;
use crate::tui::view::frame_map::{FrameMap, PaneExtent, Target};
use crate::tui::view::layout;
use crate::tui::view::widgets::doc::{Doc, scrollbar, wrap_line};
use crate::tui::view::widgets::gauge::compact_gauges;
use crate::tui::view::widgets::pane::pane;
use crate::tui::view::widgets::stack_diagram::StackDiagram;

/// The Checklist tab.
pub struct ChecklistTab<'a> {
    pub app: &'a App,
    pub data: &'a FrameData,
}

mod list;

#[cfg(test)]
use list::EXACT_SCROLLBAR_ROWS;
pub use list::{ListRow, ListWindow, VisibleRow, rows, visible_rows, window};

impl StatefulWidget for ChecklistTab<'_> {
    type State = FrameMap;

    fn render(self, area: Rect, buf: &mut Buffer, map: &mut FrameMap) {
        let app = self.app;
        let theme = app.theme();
        let [list_area, side_area] = layout::checklist_panes(area);

        let answered = app.scorecard.answers().answered();
        let total = app.scorecard.question_count();
        let inner = pane(
            list_area,
            buf,
            format!(" Questions · {answered} of {total} answered "),
            app.theme(),
            true,
        );
        // Only the rows on screen are built (see `window`).
        let window = window(app, inner);
        map.kept = window.questions;
        let max = window.content.saturating_sub(usize::from(inner.height));
        record_rows(&window.rows, inner, map);
        map.pane_extent(PaneExtent {
            pane: Pane::Checklist,
            rect: list_area,
            top: window.position,
            page: visible_questions(&window.rows, inner),
            max,
        });
        scrollbar(
            list_area,
            buf,
            window.content,
            window.position,
            theme.border_focus,
        );
        let lines: Vec<Line> = window.rows.into_iter().flat_map(|r| r.lines).collect();
        Paragraph::new(lines).render(inner, buf);

        render_side(app, self.data, side_area, buf);
    }
}

/// Records each visible question's row and, when its first line is drawn, its box.
fn record_rows(rows: &[VisibleRow], inner: Rect, map: &mut FrameMap) {
    for row in rows {
        let Some(question) = row.question else { continue };
        map.target(
            Rect {
                y: row.y,
                height: row.height,
                ..inner
            },
            Target::Question(question),
        );
        if row.starts {
            // `▶ [ ] text`: the box is columns 2 to 4 of the question's first line.
            let boxed = Rect::new(inner.x + 2, row.y, 3, 1).intersection(inner);
            map.target(boxed, Target::QuestionBox(question));
        }
    }
}

/// How many questions are wholly visible: a page, for the page keys.
fn visible_questions(rows: &[VisibleRow], inner: Rect) -> usize {
    let whole = |r: &&VisibleRow| r.question.is_some() && r.y >= inner.y && r.y + r.height <= inner.bottom();
    rows.iter().filter(whole).count().max(1)
}

/// The side pane, whose border is the stack diagram's box: a compact gauge per framework,
/// the verdict, then the article's diagram with every layer and part, and the one-step-away
/// hints when there is room for them.
fn render_side(app: &App, data: &FrameData, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let evaluation = app.scorecard.evaluation();
    let title = format!(" {} ", evaluation.stack.title);
    let inner = pane(area, buf, title, theme, false);
    if inner.width < 4 || inner.height == 0 {
        return;
    }
    let width = usize::from(inner.width);
    let mut lines: Vec<Line<'static>> = Vec::new();
    lines.extend(compact_gauges(&evaluation.scores, theme, inner.width));
    lines.extend(wrap_line(&data.verdict, width));
    let top = u16::try_from(lines.len()).unwrap_or(u16::MAX).min(inner.height);
    let rest = inner.height - top;
    let diagram = StackDiagram {
        stack: &evaluation.stack,
        theme,
    };
    let fitting = diagram.fitting(area.width);
    // A tall terminal has room for how close the call is: the hints go under the diagram,
    // which gives up the parts of its dimmed layers for them, never those of active ones.
    // Hints too long for the pane (a checklist of thousands lists thousands of ids) cannot
    // fit whatever their wrapping: a line holds at most `width` characters. They are then
    // not wrapped at all, so a frame costs what the pane can show.
    let least_lines: usize = 2 + evaluation
        .hints
        .iter()
        .map(|hint| (hint.text.chars().count() + 2).div_ceil(width))
        .sum::<usize>();
    let mut hints = Doc::new(inner.width);
    let mut diagram_height = rest;
    if fitting.active_rows() + least_lines <= usize::from(rest) {
        hints.line(Line::default());
        hints.heading("One step away", theme.heading);
        for hint in &evaluation.hints {
            hints.bullet("→", "", &hint.text, theme.text, theme.text);
        }
        let hints_height = u16::try_from(hints.len()).unwrap_or(u16::MAX);
        // The diagram keeps every part when both fit; the hints are cut otherwise.
        diagram_height = if fitting.fits_all_rows(rest.saturating_sub(hints_height)) {
            rest.saturating_sub(hints_height)
        } else {
            rest.saturating_sub(hints_height)
                .max(u16::try_from(fitting.active_rows()).unwrap_or(u16::MAX))
        };
    }
    Paragraph::new(lines).render(Rect { height: top, ..inner }, buf);
    let y = fitting.draw_in_pane(diagram_height, area, inner, inner.y + top, buf);
    if !hints.is_empty() && y < inner.bottom() {
        let below = Rect {
            y,
            height: inner.bottom() - y,
            ..inner
        };
        Paragraph::new(hints.lines).render(below, buf);
    }
}

#[cfg(test)]
mod tests;
