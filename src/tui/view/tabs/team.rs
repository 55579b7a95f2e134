//! The Team tab: the matrix of questions × people (the disagreements first, marked `≠` and
//! highlighted, `!` on those that would change the team's verdict), each shown person's
//! gauges and verdict, and beside it the team's verdict, gauges, the selected question's
//! notes and the team's stack diagram.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, StatefulWidget, Widget};

use crate::tui::action::Pane;
use crate::tui::app::{App, AppTeam, YOU};
use crate::tui::view::frame_map::{FrameMap, PaneExtent, Target};
use crate::tui::view::layout;
use crate::tui::view::widgets::doc::{scrollbar, wrap};
use crate::tui::view::widgets::gauge::compact_gauges;
use crate::tui::view::widgets::pane::pane;
use crate::tui::view::widgets::stack_diagram::StackDiagram;

mod matrix;

pub use matrix::{Columns, glyph, person_name};

/// What a pivotal question (`!`) is, in words.
pub const PIVOTAL: &str = "resolving it changes the team verdict";

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
        let [matrix_area, side_area] = layout::team_panes(area);
        render_matrix(app, team, matrix_area, buf, map);
        render_side(app, team, side_area, buf);
    }
}

/// The matrix pane: the header, the window of rows around the selection, then the people.
fn render_matrix(app: &App, team: &AppTeam, area: Rect, buf: &mut Buffer, map: &mut FrameMap) {
    let theme = app.theme();
    let team_ = &team.team;
    let disagreements = team_.disagreements().count();
    let title = format!(
        " Team · {} people · {disagreements} disagreement{} ",
        team_.members.len(),
        if disagreements == 1 { "" } else { "s" }
    );
    let inner = pane(area, buf, title, theme, true);
    if inner.width < 8 || inner.height < 2 {
        return;
    }
    let width = usize::from(inner.width);
    let columns = Columns::new(team_, app.ui.team.column, width);
    let rows = app.team_rows();
    map.kept = rows.len();

    // The people's lines take what the questions leave, the questions at least half.
    let height = usize::from(inner.height);
    let people_wanted = 1 + columns.members.len();
    let questions_wanted = rows.len().max(1) + 1;
    let people = people_wanted.min(height.saturating_sub(questions_wanted.min(height / 2 + 1)));
    let list_height = height - people - 1;

    let mut lines = vec![columns.header(team_, theme)];
    let mut drawn = 0;
    let position = rows.partition_point(|&r| r < app.ui.team.selected);
    let top = layout::centred_offset(position, position + 1, rows.len(), list_height);
    let shown = rows.iter().skip(top).take(list_height);
    for (y, &row) in shown.enumerate() {
        let question = &team_.questions[row];
        lines.push(columns.row(question, row == app.ui.team.selected, theme));
        drawn += 1;
        let y = inner.y + 1 + u16::try_from(y).unwrap_or(u16::MAX);
        map.target(
            Rect {
                y,
                height: 1,
                ..inner
            },
            Target::TeamRow(row),
        );
    }
    if rows.is_empty() {
        lines.push(Line::styled("  No question matches the search", theme.muted));
    }
    map.pane_extent(PaneExtent {
        pane: Pane::Team,
        rect: area,
        top,
        page: list_height.max(1),
        max: rows.len().saturating_sub(list_height),
    });
    scrollbar(area, buf, rows.len() + 1 + people, top, theme.border_focus);
    Paragraph::new(lines).render(inner, buf);

    if people > 0 {
        let name_width = columns
            .members
            .iter()
            .map(|&m| {
                let name = &team_.members[m].name;
                name.chars().count() + if m == YOU && name != "you" { 6 } else { 0 }
            })
            .max()
            .unwrap_or(0)
            .min(width / 3);
        let gauges = name_width + 2 + matrix::gauges_width(team_) + 16 <= width;
        let mut people_lines = vec![matrix::people_heading(team_, name_width, gauges, theme)];
        for &member in &columns.members {
            people_lines.push(matrix::person_line(
                &team_.members[member],
                member == YOU,
                name_width,
                gauges,
                theme,
            ));
        }
        // Right under the questions (after a blank line when there is room for one).
        let height = u16::try_from(people).unwrap_or(u16::MAX);
        let gap = usize::from(list_height > drawn.max(1));
        let under = u16::try_from(1 + drawn.max(1) + gap).unwrap_or(u16::MAX);
        let y = (inner.y + under).min(inner.bottom() - height);
        let below = Rect { y, height, ..inner };
        Paragraph::new(people_lines).render(below, buf);
    }
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
    lines.extend(
        wrap(&verdict, width)
            .into_iter()
            .map(|l| Line::styled(l, theme.qualified)),
    );
    lines.extend(compact_gauges(&evaluation.scores, theme, inner.width));
    // The selected question, whole, and what each person noted on it: at most a third of
    // the pane, so the diagram keeps its active layers.
    let room = usize::from(inner.height) / 3;
    let mut about = Vec::new();
    if let Some(question) = app.team_question() {
        about.push(Line::default());
        about.extend(
            wrap(&question.text, width)
                .into_iter()
                .map(|l| Line::styled(l, theme.heading)),
        );
        if question.pivotal {
            about.push(Line::styled(format!("! {PIVOTAL}"), theme.highlight));
        }
        for (member, note) in team.team.members.iter().zip(&question.notes) {
            if let Some(note) = note {
                let text = format!("{}: {note}", member.name);
                about.extend(
                    wrap(&text, width)
                        .into_iter()
                        .map(|l| Line::styled(l, theme.text)),
                );
            }
        }
    }
    about.truncate(room);
    lines.extend(about);
    let top = u16::try_from(lines.len()).unwrap_or(u16::MAX).min(inner.height);
    Paragraph::new(lines).render(Rect { height: top, ..inner }, buf);
    let diagram = StackDiagram {
        stack: &evaluation.stack,
        theme,
    };
    let fitting = diagram.fitting(area.width);
    let y = fitting.draw_in_pane(inner.height - top, area, inner, inner.y + top, buf);
    // The marks, in words, when the lines are left.
    let legend = wrap("✓ yes ✗ no — none * note ≠ split ! pivotal", width);
    let rows = u16::try_from(legend.len()).unwrap_or(u16::MAX);
    if y + rows <= inner.bottom() {
        for (i, line) in (0..rows).zip(legend) {
            buf.set_line(
                inner.x,
                inner.bottom() - rows + i,
                &Line::styled(line, theme.muted),
                inner.width,
            );
        }
    }
}
