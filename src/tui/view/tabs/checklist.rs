//! The Checklist tab: the questions grouped by framework with `[ ]`/`[x]` boxes, and beside
//! them a gauge per framework, the verdict and the stack diagram, all live.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, StatefulWidget, Widget};

use crate::decision::question_id;
use crate::tui::action::Pane;
use crate::tui::app::App;
use crate::tui::view::frame_data::FrameData;
use crate::tui::view::frame_map::{FrameMap, PaneExtent, Target};
use crate::tui::view::layout;
use crate::tui::view::widgets::doc::{Doc, scrollbar, wrap, wrap_line};
use crate::tui::view::widgets::gauge::ScoreGauge;
use crate::tui::view::widgets::pane::pane;
use crate::tui::view::widgets::stack_diagram::StackDiagram;

/// The Checklist tab.
pub struct ChecklistTab<'a> {
    pub app: &'a App,
    pub data: &'a FrameData,
}

/// One entry of the question list: a framework heading or a question, with its lines.
pub struct ListRow {
    pub question: Option<usize>,
    pub lines: Vec<Line<'static>>,
}

/// The list's rows at this width.
pub fn rows(app: &App, width: u16) -> Vec<ListRow> {
    let theme = app.theme();
    let mut rows = Vec::new();
    let mut index = 0;
    for (o, option) in app.scorecard.decision().options.iter().enumerate() {
        let score = &app.scorecard.evaluation().scores[o];
        let state = if score.qualified { "✓" } else { " " };
        let heading = format!(
            "{} — yes to {}+ of {}  {}/{} {state}",
            option.name,
            option.threshold,
            option.questions.len(),
            score.score,
            score.max
        );
        let mut heading_lines: Vec<Line<'static>> = Vec::new();
        if o > 0 {
            heading_lines.push(Line::default());
        }
        heading_lines.extend(
            wrap(&heading, usize::from(width))
                .into_iter()
                .map(|l| Line::styled(l, theme.heading)),
        );
        rows.push(ListRow {
            question: None,
            lines: heading_lines,
        });
        for question in &option.questions {
            let yes = app.scorecard.answers().is_yes(&question_id(option, question));
            let selected = index == app.ui.checklist.selected;
            let pointer = if selected { "▶" } else { " " };
            let boxed = if yes { "[x]" } else { "[ ]" };
            let weight = if question.weight > 1 {
                format!(" (×{})", question.weight)
            } else {
                String::new()
            };
            let text = format!("{}{weight}", question.text);
            let body_width = usize::from(width).saturating_sub(6).max(1);
            let mut lines = Vec::new();
            for (i, part) in wrap(&text, body_width).into_iter().enumerate() {
                let style = if selected { theme.selected } else { theme.text };
                let lead = if i == 0 {
                    vec![
                        Span::styled(format!("{pointer} "), style),
                        Span::styled(boxed, if yes { theme.checked.patch(style) } else { style }),
                        Span::styled(" ", style),
                    ]
                } else {
                    vec![Span::styled("      ", style)]
                };
                let mut spans = lead;
                let pad = body_width.saturating_sub(part.chars().count());
                spans.push(Span::styled(part, style));
                if selected {
                    spans.push(Span::styled(" ".repeat(pad), style));
                }
                lines.push(Line::from(spans));
            }
            rows.push(ListRow {
                question: Some(index),
                lines,
            });
            index += 1;
        }
    }
    rows
}

/// The first visible line of the list, derived from the selection.
fn offset(rows: &[ListRow], selected: usize, height: u16) -> usize {
    let mut start = 0;
    let mut end = 0;
    let mut total = 0;
    for (i, row) in rows.iter().enumerate() {
        if row.question == Some(selected) {
            // Keep the framework heading in view with its first question.
            let heading = if i > 0 && rows[i - 1].question.is_none() {
                rows[i - 1].lines.len()
            } else {
                0
            };
            start = total - heading;
            end = total + row.lines.len();
        }
        total += row.lines.len();
    }
    layout::centred_offset(start, end, total, usize::from(height))
}

impl StatefulWidget for ChecklistTab<'_> {
    type State = FrameMap;

    fn render(self, area: Rect, buf: &mut Buffer, map: &mut FrameMap) {
        let app = self.app;
        let theme = app.theme();
        let [list_area, side_area] = layout::checklist_panes(area);

        let answered = app.scorecard.answers().yes.len();
        let inner = pane(
            list_area,
            buf,
            format!(" Questions to Ask ({answered} yes) "),
            app.theme(),
            true,
        );
        let rows = rows(app, inner.width);
        let total: usize = rows.iter().map(|r| r.lines.len()).sum();
        let max = total.saturating_sub(usize::from(inner.height));
        // The list follows the selection until the wheel scrolls it.
        let skip = match app.ui.checklist.scroll {
            Some(scroll) => scroll.min(max),
            None => offset(&rows, app.ui.checklist.selected, inner.height),
        };
        record_rows(&rows, inner, skip, map);
        map.pane_extent(PaneExtent {
            pane: Pane::Checklist,
            rect: list_area,
            top: skip,
            page: visible_questions(&rows, skip, inner.height),
            max,
        });
        let lines: Vec<Line> = rows.into_iter().flat_map(|r| r.lines).collect();
        Paragraph::new(lines.into_iter().skip(skip).collect::<Vec<_>>()).render(inner, buf);
        scrollbar(list_area, buf, total, skip, theme.border_focus);

        let side = pane(side_area, buf, " Scores ".to_owned(), app.theme(), false);
        render_side(app, self.data, side, buf);
    }
}

/// Records each visible question's row and box, from the list's lines scrolled by `skip`.
fn record_rows(rows: &[ListRow], inner: Rect, skip: usize, map: &mut FrameMap) {
    let height = usize::from(inner.height);
    let mut line = 0;
    for row in rows {
        let (start, end) = (line, line + row.lines.len());
        line = end;
        let Some(question) = row.question else { continue };
        let first = start.max(skip);
        let last = end.min(skip + height);
        if first >= last {
            continue;
        }
        let y = inner.y + u16::try_from(first - skip).unwrap_or(u16::MAX);
        let rows_drawn = u16::try_from(last - first).unwrap_or(u16::MAX);
        map.target(
            Rect {
                y,
                height: rows_drawn,
                ..inner
            },
            Target::Question(question),
        );
        if start >= skip {
            // `▶ [ ] text`: the box is columns 2 to 4 of the question's first line.
            let boxed = Rect::new(inner.x + 2, y, 3, 1).intersection(inner);
            map.target(boxed, Target::QuestionBox(question));
        }
        if end >= skip + height {
            break;
        }
    }
}

/// How many questions are wholly visible from line `skip`: a page, for the page keys.
fn visible_questions(rows: &[ListRow], skip: usize, height: u16) -> usize {
    let bottom = skip + usize::from(height);
    let mut line = 0;
    let mut count = 0;
    for row in rows {
        let end = line + row.lines.len();
        if row.question.is_some() && line >= skip && end <= bottom {
            count += 1;
        }
        line = end;
    }
    count.max(1)
}

/// The gauges, the verdict line and the diagram, top to bottom.
fn render_side(app: &App, data: &FrameData, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let gauges = app.scorecard.evaluation().scores.len() as u16 * 2;
    // Wrapped once: its height lays the column out, its lines are drawn.
    let verdict = wrap_line(&data.verdict, usize::from(area.width));
    let verdict_height = u16::try_from(verdict.len()).unwrap_or(1);
    let [gauge_area, _, verdict_area, _, diagram_area] = Layout::vertical([
        Constraint::Length(gauges),
        Constraint::Length(1),
        Constraint::Length(verdict_height),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    for (i, score) in app.scorecard.evaluation().scores.iter().enumerate() {
        let y = gauge_area.y + i as u16 * 2;
        if y >= gauge_area.bottom() {
            break;
        }
        let rect = Rect {
            y,
            height: 2.min(gauge_area.bottom() - y),
            ..gauge_area
        };
        ScoreGauge { score, theme }.render(rect, buf);
    }
    Paragraph::new(verdict).render(verdict_area, buf);
    let diagram = StackDiagram {
        stack: &app.scorecard.evaluation().stack,
        theme,
    };
    let mut fitting = diagram.fitting(diagram_area.width);
    // A tall terminal has room for how close the call is: the hints go under the diagram,
    // which gives up the parts of its dimmed layers for them, never those of active ones.
    let mut hints = Doc::new(diagram_area.width);
    hints.line(Line::default());
    hints.heading("One step away", theme.heading);
    for hint in &app.scorecard.evaluation().hints {
        hints.bullet("→", "", hint, theme.text, theme.text);
    }
    let hints_height = u16::try_from(hints.len()).unwrap_or(u16::MAX);
    let rest = diagram_area.height.saturating_sub(hints_height);
    if diagram_area.width >= 4 && fitting.fits_active_parts(rest) {
        let lines = fitting.fit(rest);
        let drawn = u16::try_from(lines.len()).unwrap_or(rest);
        Paragraph::new(lines).render(diagram_area, buf);
        let below = Rect {
            y: diagram_area.y + drawn,
            height: diagram_area.height - drawn,
            ..diagram_area
        };
        Paragraph::new(hints.lines).render(below, buf);
    } else if diagram_area.width >= 4 {
        Paragraph::new(fitting.fit(diagram_area.height)).render(diagram_area, buf);
    }
}
