//! The people under the Team matrix: a line each, with their gauges and their verdict, and
//! the team's own line when no side pane shows the team's verdict. What does not fit is cut
//! with `…`, and people left out for height are counted, never dropped in silence.

use ratatui::text::{Line, Span};

use crate::team::{Member, Team};
use crate::tui::app::YOU;
use crate::tui::theme::Theme;
use crate::tui::view::widgets::doc::{ellipsis, ellipsis_line};
use crate::tui::view::widgets::gauge::ScoreGauge;

/// The bars of the people's gauges.
const BAR: usize = 6;
/// The name of the team's own line.
const TEAM: &str = "Team";

/// A person's name as the people's lines and the notes show it: the user's marked "(you)".
pub fn person_name(member: &Member, you: bool) -> String {
    if you && member.name != "you" {
        format!("{} (you)", member.name)
    } else {
        member.name.clone()
    }
}

/// The people's lines of the matrix pane.
pub struct People<'a> {
    pub team: &'a Team,
    /// Members' indexes, as the matrix's columns show them.
    pub members: &'a [usize],
    /// Whether the team's verdict has a line here (no side pane shows it).
    pub team_line: bool,
    /// The pane's inner width.
    pub width: usize,
    pub theme: &'a Theme,
}

impl People<'_> {
    /// How many lines the people take whole: a heading, a line each, and the team's.
    pub fn wanted(&self) -> usize {
        1 + self.members.len() + usize::from(self.team_line)
    }

    /// The people's lines in at most `room` lines: whole when they fit; else without the
    /// heading and the gauges; else the first people, a line that counts the others, and the
    /// team's line.
    pub fn lines(&self, room: usize) -> Vec<Line<'static>> {
        let wanted = self.wanted();
        if room >= wanted {
            return self.section(true, self.members.len());
        }
        if room + 1 >= wanted {
            return self.section(false, self.members.len());
        }
        if room < 2 {
            return Vec::new();
        }
        let shown = room - 1 - usize::from(self.team_line);
        let mut lines = self.section(false, shown);
        let more = format!(
            "… {} more (a taller window shows them)",
            self.members.len() - shown
        );
        let more = Line::styled(ellipsis(&more, self.width), self.theme.muted);
        lines.insert(shown, more);
        lines
    }

    /// The heading (with the gauges), the first `shown` people, and the team's line.
    fn section(&self, heading: bool, shown: usize) -> Vec<Line<'static>> {
        let (team, theme) = (self.team, self.theme);
        let name_width = self
            .members
            .iter()
            .map(|&m| person_name(&team.members[m], m == YOU).chars().count())
            .chain(self.team_line.then_some(TEAM.len()))
            .max()
            .unwrap_or(0)
            .min(self.width / 3);
        let gauges = heading && name_width + 2 + gauges_width(team) + 16 <= self.width;
        let mut lines = Vec::new();
        if heading {
            lines.push(self.heading(name_width, gauges));
        }
        for &member in self.members.iter().take(shown) {
            let member_ = &team.members[member];
            let name = person_name(member_, member == YOU);
            let mut spans = self.name_and_gauges(&name, member_, name_width, gauges);
            spans.push(Span::styled(
                member_.evaluation.verdict.summary.clone(),
                theme.text,
            ));
            if member_.choice.differs {
                let chosen = member_.choice.name.as_deref().unwrap_or("not decided");
                spans.push(Span::styled(format!(" · chooses {chosen}"), theme.muted));
            }
            lines.push(ellipsis_line(Line::from(spans), self.width));
        }
        if self.team_line {
            let evaluation = &team.evaluation;
            let mut spans = vec![Span::styled(format!("{TEAM:<name_width$}  "), theme.heading)];
            if gauges {
                spans.extend(self.gauges(&evaluation.scores));
            }
            spans.push(Span::styled(evaluation.verdict.summary.clone(), theme.qualified));
            lines.push(ellipsis_line(Line::from(spans), self.width));
        }
        lines
    }

    /// The heading: the options above their gauges.
    fn heading(&self, name_width: usize, gauges: bool) -> Line<'static> {
        let theme = self.theme;
        let mut spans = vec![Span::styled(
            format!("{:<name_width$}  ", "People"),
            theme.heading,
        )];
        if gauges && let Some(member) = self.team.members.first() {
            for score in &member.evaluation.scores {
                spans.push(Span::styled(
                    format!("{:<w$} ", ellipsis(&score.name, BAR + 1), w = BAR + 1),
                    theme.heading,
                ));
            }
        }
        spans.push(Span::styled("Verdict", theme.heading));
        ellipsis_line(Line::from(spans), self.width)
    }

    /// A person's name, then a gauge per option (the threshold marked, `✓` when it qualifies)
    /// when `gauges`.
    fn name_and_gauges(
        &self,
        name: &str,
        member: &Member,
        name_width: usize,
        gauges: bool,
    ) -> Vec<Span<'static>> {
        let name = ellipsis(name, name_width);
        let mut spans = vec![Span::styled(format!("{name:<name_width$}  "), self.theme.heading)];
        if gauges {
            spans.extend(self.gauges(&member.evaluation.scores));
        }
        spans
    }

    fn gauges(&self, scores: &[crate::score::Score]) -> Vec<Span<'static>> {
        let theme = self.theme;
        let mut spans = Vec::new();
        for score in scores {
            let gauge = ScoreGauge { score, theme };
            spans.extend(gauge.bar(u16::try_from(BAR).unwrap_or(u16::MAX)).spans);
            let state = if score.qualified { "✓ " } else { "  " };
            spans.push(Span::styled(state, theme.qualified));
        }
        spans
    }
}

/// The widest a person line's gauges are.
fn gauges_width(team: &Team) -> usize {
    team.members
        .first()
        .map_or(0, |m| m.evaluation.scores.len() * (BAR + 2))
}
