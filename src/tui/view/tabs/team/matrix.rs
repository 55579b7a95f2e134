//! The Team matrix: a row per question (the disagreements first), a column per person shown
//! (the user's own first, always), and the team's answer. A row's text may take several lines
//! (see `rows.rs`): its marks and answers are on the first. Only the columns that fit are
//! built, whatever the size of the team.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::score::Answer;
use crate::team::{Team, TeamQuestion};
use crate::tui::theme::Theme;
use crate::tui::view::widgets::doc::ellipsis;

/// The cells before a question's text: the pointer, `≠` on a disagreement, `!` when pivotal.
const PREFIX: usize = 4;
/// The team's column: `Team`, and `tie` on a split.
const TEAM_WIDTH: usize = 4;
/// The widest the question's text is drawn.
const TEXT_MAX: usize = 72;

/// The columns shown at a width: the user's, then the others from `first` on while they fit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    /// Members' indexes, the user's first.
    pub members: Vec<usize>,
    /// Each column's width, in the same order.
    pub widths: Vec<usize>,
    /// The width of the question's text.
    pub text: usize,
    /// People hidden to the left and to the right (h and l bring them in).
    pub hidden_left: usize,
    pub hidden_right: usize,
}

/// A column's width: its header's, between 3 and 8 cells.
fn column_width(header: &str) -> usize {
    header.chars().count().clamp(3, 8)
}

/// The header of a member's column: "you" for the user.
pub fn header(team: &Team, member: usize) -> String {
    if member == crate::tui::app::YOU {
        "you".to_owned()
    } else {
        team.members[member].name.clone()
    }
}

impl Columns {
    /// The columns for a matrix `width` cells wide, the others starting at `first` (an index
    /// among the others, clamped).
    pub fn new(team: &Team, first: usize, width: usize) -> Columns {
        let others = team.members.len().saturating_sub(1);
        let first = first.min(others.saturating_sub(1));
        // The text keeps a third of the width, at least 12 cells, at most 40.
        let text_min = (width / 3).clamp(12, 40);
        let you = column_width(&header(team, 0));
        let mut used = PREFIX + 1 + you + 1 + TEAM_WIDTH;
        let mut members = vec![0];
        let mut widths = vec![you];
        for member in (1 + first)..team.members.len() {
            let w = column_width(&team.members[member].name);
            if used + w + 1 + text_min > width {
                break;
            }
            used += w + 1;
            members.push(member);
            widths.push(w);
        }
        let shown = members.len() - 1;
        Columns {
            // Wide terminals keep the answers near their questions.
            text: width.saturating_sub(used).clamp(1, TEXT_MAX),
            hidden_left: first.min(others),
            hidden_right: others - first.min(others) - shown,
            members,
            widths,
        }
    }

    /// The header row: the people's names (`‹`/`›` when some are hidden), then `Team`.
    pub fn header(&self, team: &Team, theme: &Theme) -> Line<'static> {
        let left = if self.hidden_left > 0 {
            format!("‹ {} more", self.hidden_left)
        } else {
            String::new()
        };
        let mut spans = vec![Span::styled(
            format!(
                "{:<w$}",
                ellipsis(&format!("    Question {left}"), PREFIX + self.text),
                w = PREFIX + self.text
            ),
            theme.heading,
        )];
        for (&member, &width) in self.members.iter().zip(&self.widths) {
            let name = ellipsis(&header(team, member), width);
            spans.push(Span::styled(format!(" {name:^width$}"), theme.heading));
        }
        let right = if self.hidden_right > 0 { "›" } else { " " };
        spans.push(Span::styled(format!("{right}Team"), theme.heading));
        Line::from(spans)
    }

    /// A question's row: its text on `text`'s lines (from [`shapes`](super::rows::shapes)),
    /// the marks and the answers on the first.
    pub fn row(
        &self,
        question: &TeamQuestion,
        text: &[String],
        selected: bool,
        theme: &Theme,
    ) -> Vec<Line<'static>> {
        let base = if selected { theme.selected } else { theme.text };
        let text_style = if question.disagreement && !selected {
            theme.highlight
        } else {
            base
        };
        let pointer = if selected { "▶" } else { " " };
        let split = if question.disagreement { "≠" } else { " " };
        let pivotal = if question.pivotal { "!" } else { " " };
        let first = text.first().map_or("", String::as_str);
        let mut spans = vec![
            Span::styled(pointer, base),
            Span::styled(format!("{split}{pivotal} "), theme.highlight.patch(base)),
            Span::styled(format!("{first:<w$}", w = self.text), text_style),
        ];
        for (&member, &width) in self.members.iter().zip(&self.widths) {
            let answer = question.answers[member];
            let note = if question.notes[member].is_some() { "*" } else { "" };
            let cell = format!("{}{note}", glyph(answer));
            spans.push(Span::styled(
                format!(" {cell:^width$}"),
                answer_style(answer, theme).patch(base),
            ));
        }
        let team = match question.team_answer {
            None if question.is_tie() => "tie",
            answer => glyph(answer),
        };
        spans.push(Span::styled(
            format!(" {team:^w$}", w = TEAM_WIDTH - 1),
            answer_style(question.team_answer, theme).patch(base),
        ));
        let mut lines = vec![Line::from(spans)];
        // The rest of the text under the first line's, the cells blank: the selection
        // covers the whole row.
        let cells: usize = self.widths.iter().map(|w| w + 1).sum::<usize>() + TEAM_WIDTH;
        for more in text.iter().skip(1) {
            lines.push(Line::from(vec![
                Span::styled(" ".repeat(PREFIX), base),
                Span::styled(format!("{more:<w$}", w = self.text), text_style),
                Span::styled(" ".repeat(cells), base),
            ]));
        }
        lines
    }
}

/// An answer in a cell, readable without colour.
pub fn glyph(answer: Option<Answer>) -> &'static str {
    match answer {
        Some(Answer::Yes) => "✓",
        Some(Answer::No) => "✗",
        None => "—",
    }
}

fn answer_style(answer: Option<Answer>, theme: &Theme) -> Style {
    match answer {
        Some(Answer::Yes) => theme.qualified,
        Some(Answer::No) => theme.unqualified,
        None => theme.muted,
    }
}
