//! The Team tab: the matrix of questions × people (the disagreements first, marked `≠` and
//! highlighted, `!` on those that would change the team's verdict, shown whole), each shown
//! person's gauges and verdict, the marks' legend on the matrix's border, and beside it, when
//! the width allows, the team's verdict, gauges, the selected question's notes and the team's
//! stack diagram (narrower, the team's verdict is a line under the people). Enter opens a row
//! with everyone's notes (`overlays/team_notes.rs`).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, StatefulWidget, Widget};

use crate::tui::action::Pane;
use crate::tui::app::{App, AppTeam};
use crate::tui::theme::Theme;
use crate::tui::view::frame_map::{FrameMap, PaneExtent, Target};
use crate::tui::view::layout;
use crate::tui::view::widgets::doc::{ellipsis, scrollbar, wrap};
use crate::tui::view::widgets::gauge::compact_gauges;
use crate::tui::view::widgets::pane::pane;
use crate::tui::view::widgets::stack_diagram::StackDiagram;

mod matrix;
mod people;
mod rows;

pub use matrix::{Columns, glyph};
pub use people::person_name;

/// The marks of the matrix, in words, on its bottom border; the shorter one where the longer
/// does not fit.
const LEGEND: [&str; 2] = [
    "✓ yes ✗ no — none * note ≠ split ! pivotal",
    "✓yes ✗no —none *note ≠split !pivotal",
];

/// The Team tab.
pub struct TeamTab<'a> {
    pub app: &'a App,
}

impl StatefulWidget for TeamTab<'_> {
    type State = FrameMap;

    fn render(self, area: Rect, buf: &mut Buffer, map: &mut FrameMap) {
        let app = self.app;
        let Some(team) = &app.team else {
            // Only reachable by a test setting the tab: the app has no Team tab then.
            let inner = pane(area, buf, " Team ".to_owned(), app.theme(), true);
            Paragraph::new("No team: open one with stackpick --team FILE...").render(inner, buf);
            return;
        };
        let (matrix_area, side_area) = layout::team_panes(area);
        render_matrix(app, team, matrix_area, side_area.is_none(), buf, map);
        if let Some(side_area) = side_area {
            render_side(app, team, side_area, buf);
        }
    }
}

/// The matrix pane: the header, the window of rows around the selection, then the people
/// (and the team's verdict when `team_line`: no side pane shows it).
fn render_matrix(
    app: &App,
    team: &AppTeam,
    area: Rect,
    team_line: bool,
    buf: &mut Buffer,
    map: &mut FrameMap,
) {
    let theme = app.theme();
    let team_ = &team.team;
    let disagreements = team_.disagreements().count();
    let title = format!(
        " Team · {} people · {disagreements} disagreement{} ",
        team_.names().len(),
        if disagreements == 1 { "" } else { "s" }
    );
    let inner = pane(area, buf, title, theme, true);
    legend(area, buf, theme);
    if inner.width < 8 || inner.height < 2 {
        return;
    }
    let width = usize::from(inner.width);
    let columns = Columns::new(team_, app.ui.team.column, width);
    let rows = app.team_rows();
    map.kept = rows.len();

    // Each row's text on its lines: a row takes at most a fifth of the pane (two lines at
    // least), and never more than the questions are sure to get, so it is drawn whole.
    let height = usize::from(inner.height);
    let most = (height / 5).max(2).min(height / 2 - 1).max(1);
    let texts: Vec<(&str, bool)> = rows
        .iter()
        .map(|&r| (team_.questions[r].text.as_str(), team_.questions[r].disagreement))
        .collect();
    let shapes = rows::shapes(&texts, columns.text, most);
    let mut starts = vec![0];
    for shape in &shapes {
        starts.push(starts[starts.len() - 1] + shape.len());
    }
    let total = starts[starts.len() - 1];

    // The people's lines take what the questions leave, the questions at least half. The
    // user's column is there to answer in, but until they say something they are not one
    // of the people.
    let counted: Vec<usize> = columns
        .members
        .iter()
        .copied()
        .filter(|&m| team_.members[m].counted)
        .collect();
    let people = people::People {
        team: team_,
        members: &counted,
        team_line,
        width,
        theme,
    };
    let room = height.saturating_sub((total.max(1) + 1).min(height / 2));
    let people_lines = people.lines(room.min(people.wanted()));
    let list_height = height - people_lines.len() - 1;

    // The window: the first row at or after the line that centres the selection, and the
    // rows that fit whole after it.
    let position = rows.partition_point(|&r| r < app.ui.team.selected);
    let (start, end) = (starts[position], starts[(position + 1).min(shapes.len())]);
    let top_line = layout::centred_offset(start, end, total, list_height);
    let top = starts.partition_point(|&s| s < top_line).min(rows.len());
    let mut lines = vec![columns.header(team_, theme)];
    let (mut used, mut drawn) = (0, 0);
    for (&row, shape) in rows.iter().zip(&shapes).skip(top) {
        if used + shape.len() > list_height && drawn > 0 {
            break;
        }
        let question = &team_.questions[row];
        let row_lines = columns.row(question, shape, row == app.ui.team.selected, theme);
        let row_lines: Vec<Line> = row_lines.into_iter().take(list_height - used).collect();
        if row_lines.is_empty() {
            break;
        }
        // Every line of the row is its target.
        let y = inner.y + 1 + u16::try_from(used).unwrap_or(u16::MAX);
        let rows_height = u16::try_from(row_lines.len()).unwrap_or(u16::MAX);
        map.target(
            Rect {
                y,
                height: rows_height,
                ..inner
            },
            Target::TeamRow(row),
        );
        used += row_lines.len();
        drawn += 1;
        lines.extend(row_lines);
    }
    if rows.is_empty() {
        lines.push(Line::styled("  No question matches the search", theme.muted));
    }
    map.pane_extent(PaneExtent {
        pane: Pane::Team,
        rect: area,
        top,
        page: drawn.max(1),
        max: rows.len().saturating_sub(drawn),
    });
    scrollbar(
        area,
        buf,
        total + 1 + people_lines.len(),
        starts[top],
        theme.border_focus,
    );
    Paragraph::new(lines).render(inner, buf);

    if !people_lines.is_empty() {
        // Right under the questions (after a blank line when there is room for one).
        let height = u16::try_from(people_lines.len()).unwrap_or(u16::MAX);
        let gap = usize::from(list_height > used.max(1));
        let under = u16::try_from(1 + used.max(1) + gap).unwrap_or(u16::MAX);
        let y = (inner.y + under).min(inner.bottom() - height);
        let below = Rect { y, height, ..inner };
        Paragraph::new(people_lines).render(below, buf);
    }
}

/// The marks in words, on the bottom border of the matrix's pane `area`: there at every
/// size, taking no line from the rows.
fn legend(area: Rect, buf: &mut Buffer, theme: &Theme) {
    if area.height < 2 || area.width < 4 {
        return;
    }
    let room = usize::from(area.width - 2);
    let text = LEGEND
        .iter()
        .map(|legend| format!(" {legend} "))
        .find(|legend| legend.chars().count() <= room)
        .unwrap_or_else(|| format!(" {} ", ellipsis(LEGEND[1], room.saturating_sub(2))));
    buf.set_span(
        area.x + 1,
        area.bottom() - 1,
        &Span::styled(text, theme.muted),
        area.width - 2,
    );
}

/// The side pane, whose border is the team's diagram's box: the team's verdict and gauges,
/// the selected question in full with everyone's notes, then the diagram in what is left.
fn render_side(app: &App, team: &AppTeam, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let evaluation = &team.team.evaluation;
    let title = format!(" Team: {} ", evaluation.stack.title);
    let inner = pane(area, buf, title, theme, false);
    if inner.width < 4 || inner.height == 0 {
        return;
    }
    let width = usize::from(inner.width);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let verdict = format!("Team verdict: {}", evaluation.verdict.summary);
    lines.extend(styled(&verdict, width, theme.qualified));
    lines.extend(compact_gauges(&evaluation.scores, theme, inner.width));
    // The selected question, whole, and what each person noted on it: a third of the pane,
    // so the diagram keeps its active layers, or what the question and its hint need (up
    // to half); the notes that do not fit are one line saying Enter shows them.
    let height = usize::from(inner.height);
    let mut about = Vec::new();
    if let Some(question) = app.team_question() {
        about.push(Line::default());
        about.extend(styled(&question.text, width, theme.heading));
        if let Some(pivot) = question.pivot_words() {
            about.extend(styled(&format!("! pivotal: {pivot}"), width, theme.highlight));
        }
        let head = about.len();
        for (member, note) in team.team.members.iter().zip(&question.notes) {
            if let Some(note) = note {
                about.extend(styled(&format!("{}: {note}", member.name), width, theme.text));
            }
        }
        let room = (height / 3).max(head + 1).min(height / 2);
        if about.len() > room {
            about.truncate(room.saturating_sub(1));
            if room > 0 {
                about.push(Line::styled(
                    ellipsis("… Enter: all the notes", width),
                    theme.muted,
                ));
            }
        }
    }
    lines.extend(about);
    let top = u16::try_from(lines.len()).unwrap_or(u16::MAX).min(inner.height);
    Paragraph::new(lines).render(Rect { height: top, ..inner }, buf);
    let diagram = StackDiagram {
        stack: &evaluation.stack,
        theme,
    };
    let fitting = diagram.fitting(area.width);
    fitting.draw_in_pane(inner.height - top, area, inner, inner.y + top, buf);
}

/// `text` wrapped to `width`, each line in `style`.
fn styled(text: &str, width: usize, style: Style) -> impl Iterator<Item = Line<'static>> {
    wrap(text, width).into_iter().map(move |l| Line::styled(l, style))
}
