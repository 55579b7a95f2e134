//! The Compare tab: the side-by-side table of aspects, with a `/` filter whose matches are
//! highlighted and stepped through with `n`/`N`.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Cell, Paragraph, Row, StatefulWidget, Table, TableState, Widget};

use crate::tui::action::Pane;
use crate::tui::app::{App, Mode};
use crate::tui::view::frame_map::{FrameMap, PaneExtent, Target};
use crate::tui::view::widgets::doc::wrap;
use crate::tui::view::widgets::pane::pane;

/// The Compare tab.
pub struct CompareTab<'a>(pub &'a App);

/// A cell's text, wrapped, with every occurrence of the filter highlighted.
fn cell_text(text: &str, width: u16, needle: &str, style: Style, match_style: Style) -> Text<'static> {
    let lines = wrap(text, usize::from(width));
    Text::from(
        lines
            .into_iter()
            .map(|line| highlight(&line, needle, style, match_style))
            .collect::<Vec<_>>(),
    )
}

/// Splits a line into spans, the case-insensitive matches of `needle` in `match_style`.
pub fn highlight(line: &str, needle: &str, style: Style, match_style: Style) -> Line<'static> {
    if needle.is_empty() {
        return Line::styled(line.to_owned(), style);
    }
    let lower = line.to_lowercase();
    let needle = needle.to_lowercase();
    // Lower-casing can change byte lengths outside ASCII; highlight only when it did not.
    if lower.len() != line.len() {
        return Line::styled(line.to_owned(), style);
    }
    let mut spans = Vec::new();
    let mut at = 0;
    while let Some(found) = lower[at..].find(&needle) {
        let start = at + found;
        let end = start + needle.len();
        if start > at {
            spans.push(Span::styled(line[at..start].to_owned(), style));
        }
        spans.push(Span::styled(line[start..end].to_owned(), match_style));
        at = end;
    }
    if at < line.len() {
        spans.push(Span::styled(line[at..].to_owned(), style));
    }
    Line::from(spans)
}

impl StatefulWidget for CompareTab<'_> {
    type State = FrameMap;

    fn render(self, area: Rect, buf: &mut Buffer, map: &mut FrameMap) {
        let app = self.0;
        let theme = app.theme();
        let decision = &app.scorecard.decision();
        let rows = app.compare_rows();
        let total = decision.comparison.len();
        let filtering = app.ui.mode == Mode::Filter;
        let title = if app.ui.compare.filter.is_empty() {
            format!(" Detailed Comparison ({total} aspects) ")
        } else {
            format!(
                " Detailed Comparison: {} of {total} match “{}” ",
                rows.len(),
                app.ui.compare.filter
            )
        };
        let inner = pane(area, buf, title, app.theme(), false);
        let show_prompt = filtering || !app.ui.compare.filter.is_empty();
        let [table_area, prompt_area] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(u16::from(show_prompt))]).areas(inner);

        let columns = decision.options.len() + 1;
        let aspect_width = (table_area.width / 5).clamp(10, 20);
        let spacing = u16::try_from(columns - 1).unwrap_or(0);
        let value_width =
            table_area.width.saturating_sub(aspect_width + spacing + 2) / (columns as u16 - 1).max(1);
        let mut widths = vec![Constraint::Length(aspect_width)];
        widths.extend(decision.options.iter().map(|_| Constraint::Length(value_width)));

        let header = Row::new(
            std::iter::once(Cell::from("Aspect"))
                .chain(decision.options.iter().map(|o| Cell::from(o.name.to_string()))),
        )
        .style(theme.heading);
        let (table_rows, heights): (Vec<Row>, Vec<u16>) = rows
            .iter()
            .map(|&index| {
                let aspect = &decision.comparison[index];
                let mut cells = vec![cell_text(
                    &aspect.name,
                    aspect_width,
                    &app.ui.compare.filter,
                    theme.highlight,
                    theme.match_text,
                )];
                for option in &decision.options {
                    let value = aspect.values.get(&option.id).map_or("—", |v| v.as_str());
                    let style = if aspect.values.contains_key(&option.id) {
                        theme.text
                    } else {
                        theme.muted
                    };
                    cells.push(cell_text(
                        value,
                        value_width,
                        &app.ui.compare.filter,
                        style,
                        theme.match_text,
                    ));
                }
                let height = cells.iter().map(|c| c.height()).max().unwrap_or(1);
                let height = u16::try_from(height).unwrap_or(1);
                (Row::new(cells.into_iter().map(Cell::from)).height(height), height)
            })
            .unzip();
        let empty = table_rows.is_empty();
        let table = Table::new(table_rows, widths)
            .header(header)
            .column_spacing(1)
            .row_highlight_style(theme.selected)
            .highlight_symbol("▶ ");
        let mut state = TableState::default().with_selected((!empty).then_some(app.ui.compare.selected));
        StatefulWidget::render(table, table_area, buf, &mut state);
        record_rows(&heights, table_area, state.offset(), map);
        if empty {
            let message = if total == 0 {
                "This decision has no comparison table.".to_owned()
            } else {
                format!("No aspect matches “{}”.", app.ui.compare.filter)
            };
            let y = table_area
                .y
                .saturating_add(2)
                .min(table_area.bottom().saturating_sub(1));
            Paragraph::new(Line::styled(message, theme.muted)).render(
                Rect {
                    y,
                    height: 1.min(table_area.height),
                    ..table_area
                },
                buf,
            );
        }
        if show_prompt {
            let count = format!("  {} of {total} rows", rows.len());
            if filtering {
                // The terminal's own cursor, after the typed text.
                let typed =
                    u16::try_from(Line::raw(app.ui.compare.filter.as_str()).width()).unwrap_or(u16::MAX);
                let x = prompt_area.x.saturating_add(1).saturating_add(typed);
                map.cursor = Some(Position::new(
                    x.min(prompt_area.right().saturating_sub(1)),
                    prompt_area.y,
                ));
            }
            Paragraph::new(Line::from(vec![
                Span::styled("/", theme.key),
                Span::styled(app.ui.compare.filter.clone(), theme.text),
                Span::styled(count, theme.muted),
            ]))
            .render(prompt_area, buf);
        }
    }
}

/// Records each visible table row (below the one-line header) from the first drawn, and the
/// table's extent: a page is as many rows as were wholly visible.
fn record_rows(heights: &[u16], area: Rect, offset: usize, map: &mut FrameMap) {
    let mut y = area.y.saturating_add(1);
    let mut whole = 0;
    for (row, &height) in heights.iter().enumerate().skip(offset) {
        if y >= area.bottom() {
            break;
        }
        let drawn = height.min(area.bottom() - y);
        if drawn == height {
            whole += 1;
        }
        map.target(
            Rect {
                y,
                height: drawn,
                ..area
            },
            Target::CompareRow(row),
        );
        y = y.saturating_add(height);
    }
    map.pane_extent(PaneExtent {
        pane: Pane::Compare,
        rect: area,
        top: offset,
        page: whole.max(1),
        max: heights.len().saturating_sub(1),
    });
}
