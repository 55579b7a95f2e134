//! The Compare tab: the side-by-side table of aspects, with a `/` filter whose matches are
//! highlighted and stepped through with `n`/`N`.

use std::collections::HashMap;
use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Text};
use ratatui::widgets::{Cell, Paragraph, Row, StatefulWidget, Table, TableState, Widget};

use crate::tui::action::Pane;
use crate::tui::app::{App, Mode};
use crate::tui::search::find_folded;
use crate::tui::view::frame_map::{FrameMap, PaneExtent, Target};
use crate::tui::view::layout;
use crate::tui::view::widgets::doc::{scrollbar, wrap_cell_cached};
use crate::tui::view::widgets::found::mark_line;
use crate::tui::view::widgets::pane::pane;
use crate::tui::view::widgets::prompt::Prompt;

/// The Compare tab.
pub struct CompareTab<'a>(pub &'a App);

/// A cell's line in `style`, the case-insensitive matches of `needle` in `match_style`, found
/// as every search finds them (`find_folded`, which keeps ranges right outside ASCII too).
pub fn highlight(line: &str, needle: &str, style: Style, match_style: Style) -> Line<'static> {
    let plain = Line::styled(line.to_owned(), style);
    if needle.is_empty() {
        return plain;
    }
    mark_line(&plain, &find_folded(line, needle), None, match_style)
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
        let filter = app.ui.compare.filter.value();
        let title = if filter.is_empty() {
            format!(
                " Detailed Comparison ({total} aspect{}) ",
                if total == 1 { "" } else { "s" }
            )
        } else {
            format!(
                " Detailed Comparison: {} of {total} match “{}” ",
                rows.len(),
                filter
            )
        };
        let inner = pane(area, buf, title, app.theme(), false);
        let show_prompt = filtering || !filter.is_empty();
        let [table_area, prompt_area] = layout::split_bottom(inner, u16::from(show_prompt));

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
        // Only the rows on screen are wrapped and built: a comparison of thousands of rows
        // costs what a screenful costs. The header takes one line of the table's area.
        let rows_height = table_area.height.saturating_sub(1);
        let mut wrapped: HashMap<usize, Vec<Vec<String>>> = HashMap::new();
        let cells_of = |position: usize| -> Vec<Vec<String>> {
            let aspect = &decision.comparison[rows[position]];
            std::iter::once(wrap_cell_cached(&aspect.name, usize::from(aspect_width)))
                .chain(decision.options.iter().map(|option| {
                    let value = aspect.values.get(&option.id).map_or("—", |v| v.as_str());
                    wrap_cell_cached(value, usize::from(value_width))
                }))
                .collect()
        };
        let window = table_window(rows.len(), app.ui.compare.selected, rows_height, |position| {
            let cells = wrapped.entry(position).or_insert_with(|| cells_of(position));
            let lines = cells.iter().map(Vec::len).max().unwrap_or(1);
            u16::try_from(lines).unwrap_or(u16::MAX)
        });
        let (table_rows, heights): (Vec<Row>, Vec<u16>) = window
            .clone()
            .map(|position| {
                let aspect = &decision.comparison[rows[position]];
                let cells = wrapped.remove(&position).unwrap_or_else(|| cells_of(position));
                let height = cells.iter().map(Vec::len).max().unwrap_or(1);
                let styles = std::iter::once(theme.highlight).chain(decision.options.iter().map(|option| {
                    if aspect.values.contains_key(&option.id) {
                        theme.text
                    } else {
                        theme.muted
                    }
                }));
                let cells = cells.into_iter().zip(styles).map(|(lines, style)| {
                    Cell::from(Text::from(
                        lines
                            .iter()
                            .map(|line| highlight(line, filter, style, theme.match_text))
                            .collect::<Vec<_>>(),
                    ))
                });
                // A row taller than the table is cut to it, so that it is still drawn.
                let height = u16::try_from(height).unwrap_or(u16::MAX).min(rows_height.max(1));
                (Row::new(cells).height(height), height)
            })
            .unzip();
        let empty = rows.is_empty();
        let table = Table::new(table_rows, widths)
            .header(header)
            .column_spacing(1)
            .row_highlight_style(theme.selected)
            .highlight_symbol("▶ ");
        // The selection, as an index into the rows built: none when it is past the last row,
        // as a table given every row would highlight none.
        let selected = (app.ui.compare.selected < rows.len()).then(|| app.ui.compare.selected - window.start);
        let mut state = TableState::default().with_selected(selected);
        StatefulWidget::render(table, table_area, buf, &mut state);
        let whole = record_rows(
            &heights,
            window.start,
            rows.len(),
            table_area,
            state.offset(),
            map,
        );
        // Rows out of sight: a scrollbar says so, as on the Checklist and the Overview. It
        // moves by rows, so its range is the rows that do not fit.
        let hidden = rows.len().saturating_sub(whole);
        if hidden > 0 {
            let viewport = usize::from(area.height.saturating_sub(2));
            scrollbar(
                area,
                buf,
                viewport + hidden,
                window.start + state.offset(),
                theme.border_focus,
            );
        }
        if empty {
            let message = if total == 0 {
                "This decision has no comparison table.".to_owned()
            } else {
                format!("No aspect matches “{filter}”.")
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
            Prompt {
                editor: &app.ui.compare.filter,
                typing: filtering,
                found: format!("{} of {total} rows", rows.len()),
                theme,
            }
            .render(prompt_area, buf, map);
        }
    }
}

/// Records each visible table row (below the one-line header) from the first drawn, and the
/// table's extent: a page is as many rows as were wholly visible. `heights` are those of the
/// rows built, the first of which is row `first` of `count`. Returns how many rows were
/// wholly visible.
fn record_rows(
    heights: &[u16],
    first: usize,
    count: usize,
    area: Rect,
    offset: usize,
    map: &mut FrameMap,
) -> usize {
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
            Target::CompareRow(first + row),
        );
        y = y.saturating_add(height);
    }
    map.pane_extent(PaneExtent {
        pane: Pane::Compare,
        rect: area,
        top: first + offset,
        page: whole.max(1),
        max: count.saturating_sub(1),
    });
    whole
}

/// The rows `start..end` of a table of `count` rows that are drawn in `height` lines with row
/// `selected` selected: the rows ratatui's `Table` would draw from a zero offset (as many as
/// fit from the top; once the selection is below them, the rows that end with it; then one
/// more, cut, if a line is left), found by asking `row_height` only for the rows near the
/// selection. Heights are taken as at least 1 and at most `height`, so a row taller than the
/// table is still drawn (cut). Empty when there are no rows or no lines.
pub fn table_window(
    count: usize,
    selected: usize,
    height: u16,
    mut row_height: impl FnMut(usize) -> u16,
) -> Range<usize> {
    if count == 0 || height == 0 {
        return 0..0;
    }
    let mut row_height = move |row: usize| row_height(row).clamp(1, height);
    let selected = selected.min(count - 1);
    // As many rows as fit from the top: at most `height` of them, each at least a line.
    let mut end = 0;
    let mut used = 0;
    while end < count && end <= selected {
        let next = row_height(end);
        if used + next > height {
            break;
        }
        used += next;
        end += 1;
    }
    let mut start = 0;
    if selected >= end {
        // The selection is below: the rows that end with it, going up while they fit.
        start = selected;
        used = row_height(selected);
        while start > 0 {
            let next = row_height(start - 1);
            if used + next > height {
                break;
            }
            used += next;
            start -= 1;
        }
        end = selected + 1;
    } else {
        // The selection is among the top rows: fill the rest of the height below it.
        while end < count {
            let next = row_height(end);
            if used + next > height {
                break;
            }
            used += next;
            end += 1;
        }
    }
    // A partial row when a line is left.
    if used < height && end < count {
        end += 1;
    }
    start..end
}

#[cfg(test)]
mod tests;
