//! The Checklist tab: the questions grouped by framework with `[ ]`/`[x]` boxes, and beside
//! them a gauge per framework, the verdict and the stack diagram, all live.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use crate::decision::question_id;
use crate::tui::app::App;
use crate::tui::view::layout;
use crate::tui::view::widgets::doc::{Doc, scrollbar, wrap};
use crate::tui::view::widgets::gauge::ScoreGauge;
use crate::tui::view::widgets::stack_diagram::StackDiagram;

/// The Checklist pane.
pub struct ChecklistPane<'a>(pub &'a App);

/// One entry of the question list: a framework heading or a question, with its lines.
pub struct ListRow {
    pub question: Option<usize>,
    pub lines: Vec<Line<'static>>,
}

/// The list's rows at this width.
pub fn rows(app: &App, width: u16) -> Vec<ListRow> {
    let theme = &app.theme;
    let mut rows = Vec::new();
    let mut index = 0;
    // Also-consider options have no checklist, hence no rows.
    for (o, option) in app.decision.scored().enumerate() {
        let Some(score) = app.evaluation.score(&option.id) else {
            continue;
        };
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
            let yes = app.answers.is_yes(&question_id(option, question));
            let selected = index == app.question;
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

/// The question drawn at a row of the list's inner area.
pub fn question_at_row(app: &App, inner: Rect, row: u16) -> Option<usize> {
    let rows = rows(app, inner.width);
    let mut line = offset(&rows, app.question, inner.height) + usize::from(row);
    for entry in &rows {
        if line < entry.lines.len() {
            return entry.question;
        }
        line -= entry.lines.len();
    }
    None
}

impl Widget for ChecklistPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let theme = &app.theme;
        let [list_area, side_area] = layout::checklist_panes(area);

        let answered = app.answers.yes.len();
        let list_block = Block::bordered()
            .title(Span::styled(
                format!(" Questions to Ask ({answered} yes) "),
                theme.title,
            ))
            .border_style(theme.border_focus);
        let inner = list_block.inner(list_area);
        list_block.render(list_area, buf);
        let rows = rows(app, inner.width);
        let skip = offset(&rows, app.question, inner.height);
        let lines: Vec<Line> = rows.into_iter().flat_map(|r| r.lines).collect();
        let total = lines.len();
        Paragraph::new(lines.into_iter().skip(skip).collect::<Vec<_>>()).render(inner, buf);
        scrollbar(list_area, buf, total, skip, theme.border_focus);

        let side_block = Block::bordered()
            .title(Span::styled(" Scores ", theme.title))
            .border_style(theme.border);
        let side = side_block.inner(side_area);
        side_block.render(side_area, buf);
        render_side(app, side, buf);
    }
}

/// The gauges, the verdict line and the diagram, top to bottom.
fn render_side(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let gauges = app.evaluation.scores.len() as u16 * 2;
    let verdict = verdict_line(app);
    let verdict_height =
        u16::try_from(wrap(&verdict.to_string(), usize::from(area.width)).len()).unwrap_or(1);
    let [gauge_area, _, verdict_area, _, diagram_area] = Layout::vertical([
        Constraint::Length(gauges),
        Constraint::Length(1),
        Constraint::Length(verdict_height),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    for (i, score) in app.evaluation.scores.iter().enumerate() {
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
    Paragraph::new(verdict)
        .wrap(Wrap { trim: true })
        .render(verdict_area, buf);
    let diagram = StackDiagram {
        stack: &app.evaluation.stack,
        theme,
    };
    // A tall terminal has room for how close the call is: the hints go under the diagram,
    // which gives up the parts of its dimmed layers for them, never those of active ones.
    let mut hints = Doc::new(diagram_area.width);
    hints.line(Line::default());
    hints.heading("One step away", theme.heading);
    for hint in &app.evaluation.hints {
        hints.bullet("→", "", &hint.text, theme.text, theme.text);
    }
    let hints_height = u16::try_from(hints.len()).unwrap_or(u16::MAX);
    let rest = diagram_area.height.saturating_sub(hints_height);
    if diagram.fits_active_parts(diagram_area.width, rest) {
        let drawn = u16::try_from(diagram.lines(diagram_area.width, rest).len()).unwrap_or(rest);
        diagram.render(
            Rect {
                height: drawn,
                ..diagram_area
            },
            buf,
        );
        let below = Rect {
            y: diagram_area.y + drawn,
            height: diagram_area.height - drawn,
            ..diagram_area
        };
        Paragraph::new(hints.lines).render(below, buf);
    } else {
        diagram.render(diagram_area, buf);
    }
}

/// `Verdict: hybrid — Django + Flask`, the kind and the options in words.
pub fn verdict_line(app: &App) -> Line<'static> {
    let theme = &app.theme;
    let verdict = &app.evaluation.verdict;
    let names: Vec<&str> = verdict
        .options
        .iter()
        .map(|id| app.decision.option_name(id))
        .collect();
    let what = if names.is_empty() {
        "no pick yet".to_owned()
    } else {
        names.join(" + ")
    };
    Line::from(vec![
        Span::styled("Verdict: ", theme.heading),
        Span::styled(format!("{} — ", verdict.kind), theme.text),
        Span::styled(what, theme.qualified),
    ])
}
