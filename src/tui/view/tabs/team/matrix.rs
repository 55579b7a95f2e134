//! The Team matrix: a row per question (the disagreements first), a column per person shown
//! (the user's own first, always), and the team's answer; under it each shown person's gauges
//! and verdict. Only what is on screen is built: the rows in the window and the columns that
//! fit, whatever the size of the team.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::score::Answer;
use crate::team::{Member, Team, TeamQuestion};
use crate::tui::theme::Theme;
use crate::tui::view::widgets::doc::ellipsis;
use crate::tui::view::widgets::gauge::ScoreGauge;

/// The cells before a question's text: the pointer, `≠` on a disagreement, `!` when pivotal.
const PREFIX: usize = 4;
/// The team's column: `Team`, and `tie` on a split.
const TEAM_WIDTH: usize = 4;
/// The widest the question's text is drawn (the selected one is shown whole beside).
const TEXT_MAX: usize = 72;
/// The bars of the people's gauges.
const BAR: usize = 6;

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

    /// A question's row.
    pub fn row(&self, question: &TeamQuestion, selected: bool, theme: &Theme) -> Line<'static> {
        let base = if selected { theme.selected } else { theme.text };
        let text_style = if question.disagreement && !selected {
            theme.highlight
        } else {
            base
        };
        let pointer = if selected { "▶" } else { " " };
        let split = if question.disagreement { "≠" } else { " " };
        let pivotal = if question.pivotal { "!" } else { " " };
        let text = ellipsis(&question.text, self.text);
        let mut spans = vec![
            Span::styled(pointer, base),
            Span::styled(format!("{split}{pivotal} "), theme.highlight.patch(base)),
            Span::styled(format!("{text:<w$}", w = self.text), text_style),
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
        Line::from(spans)
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

/// The heading of the people's lines: the options above their gauges.
pub fn people_heading(team: &Team, name_width: usize, gauges: bool, theme: &Theme) -> Line<'static> {
    let mut spans = vec![Span::styled(
        format!("{:<name_width$}  ", "People"),
        theme.heading,
    )];
    if gauges && let Some(member) = team.members.first() {
        for score in &member.evaluation.scores {
            spans.push(Span::styled(
                format!("{:<w$} ", ellipsis(&score.name, BAR + 1), w = BAR + 1),
                theme.heading,
            ));
        }
    }
    spans.push(Span::styled("Verdict", theme.heading));
    Line::from(spans)
}

/// The widest a person line's gauges are.
pub fn gauges_width(team: &Team) -> usize {
    team.members
        .first()
        .map_or(0, |m| m.evaluation.scores.len() * (BAR + 2))
}

/// A person's name as the people's lines and the notes show it: the user's marked "(you)".
pub fn person_name(member: &Member, you: bool) -> String {
    if you && member.name != "you" {
        format!("{} (you)", member.name)
    } else {
        member.name.clone()
    }
}

/// A person's line: the name, a gauge per option (the threshold marked, `✓` when it
/// qualifies) when `gauges`, and their verdict, with their own choice when it differs.
pub fn person_line(
    member: &Member,
    you: bool,
    name_width: usize,
    gauges: bool,
    theme: &Theme,
) -> Line<'static> {
    let name = ellipsis(&person_name(member, you), name_width);
    let mut spans = vec![Span::styled(format!("{name:<name_width$}  "), theme.heading)];
    if gauges {
        for score in &member.evaluation.scores {
            let gauge = ScoreGauge { score, theme };
            spans.extend(gauge.bar(u16::try_from(BAR).unwrap_or(u16::MAX)).spans);
            let state = if score.qualified { "✓ " } else { "  " };
            spans.push(Span::styled(state, theme.qualified));
        }
    }
    spans.push(Span::styled(
        member.evaluation.verdict.summary.clone(),
        theme.text,
    ));
    if member.choice.differs {
        let chosen = member.choice.name.as_deref().unwrap_or("not decided");
        spans.push(Span::styled(format!(" · chooses {chosen}"), theme.muted));
    }
    Line::from(spans)
}
