//! `ScoreGauge`: a framework's score as a bar with the threshold marked, and its state in
//! words ("✓ qualifies" or "needs 2 more"), so colour is never the only signal.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::score::Score;
use crate::tui::theme::Theme;

/// Two lines: `Django 3/6 ✓ qualifies` and `███████┃░░░░░░`.
pub struct ScoreGauge<'a> {
    pub score: &'a Score,
    pub theme: &'a Theme,
}

/// One compact gauge line per score, the names padded to the longest so the bars line up.
pub fn compact_gauges(scores: &[Score], theme: &Theme, width: u16) -> Vec<Line<'static>> {
    let name_width = scores.iter().map(|s| s.name.chars().count()).max().unwrap_or(0);
    scores
        .iter()
        .map(|score| ScoreGauge { score, theme }.compact(width, name_width))
        .collect()
}

impl ScoreGauge<'_> {
    /// The label line.
    pub fn label(&self) -> Line<'static> {
        let s = self.score;
        let state = if s.qualified {
            Span::styled(" ✓ qualifies", self.theme.qualified)
        } else {
            Span::styled(format!(" (needs {})", s.threshold), self.theme.unqualified)
        };
        Line::from(vec![
            Span::styled(s.name.clone(), self.theme.heading),
            Span::styled(format!(" {}/{}", s.score, s.max), self.theme.text),
            state,
        ])
    }

    /// The bar line, `width` cells wide, with `┃` at the threshold.
    pub fn bar(&self, width: u16) -> Line<'static> {
        let s = self.score;
        let width = usize::from(width);
        if width == 0 {
            return Line::default();
        }
        // The mark takes a cell of its own, so at the very end it takes the last one.
        let (filled, mark) = s.gauge(width);
        let mark = mark.min(width - 1);
        let fill_style = if s.qualified {
            self.theme.gauge_fill_qualified
        } else {
            self.theme.gauge_fill
        };
        let spans: Vec<Span<'static>> = (0..width)
            .map(|i| {
                if i == mark {
                    Span::styled("┃", self.theme.threshold)
                } else if i < filled {
                    Span::styled("█", fill_style)
                } else {
                    Span::styled("░", self.theme.gauge_empty)
                }
            })
            .collect();
        Line::from(spans)
    }
}

/// The longest a bar is drawn: wider, its length says no more and its words drift away.
pub const BAR_MAX: usize = 36;

/// The widest state word of a compact gauge, so the bars of several gauges line up.
const STATE_WIDTH: usize = 11; // "✓ qualifies"

impl ScoreGauge<'_> {
    /// One line, `width` cells: `Django 0/6 ░░░┃░░ needs 3` — the name padded to
    /// `name_width`, the score, the bar, and the state in words.
    pub fn compact(&self, width: u16, name_width: usize) -> Line<'static> {
        let s = self.score;
        let head = format!("{:<name_width$} {}/{} ", s.name, s.score, s.max);
        let state = if s.qualified {
            Span::styled("✓ qualifies", self.theme.qualified)
        } else {
            Span::styled(format!("needs {}", s.threshold), self.theme.unqualified)
        };
        let state_width = STATE_WIDTH.max(state.width());
        // A bar stays a readable length on a wide screen, its words beside it.
        let room = usize::from(width)
            .saturating_sub(head.chars().count() + 1 + state_width)
            .min(BAR_MAX);
        // A whole number of cells per point, when there is room: the fill then meets the
        // threshold mark exactly when the score reaches it.
        let max = usize::try_from(s.max).unwrap_or(usize::MAX).max(1);
        let bar = if room >= max { room - room % max } else { room };
        let mut spans = vec![Span::styled(head, self.theme.heading)];
        // Too narrow for a bar: the words alone say it all.
        if bar >= 3 {
            spans.extend(self.bar(u16::try_from(bar).unwrap_or(u16::MAX)).spans);
            spans.push(Span::raw(" ".repeat(1 + room - bar)));
        }
        spans.push(state);
        // Too narrow even for the words: cut, and say so.
        crate::tui::view::widgets::doc::ellipsis_line(Line::from(spans), usize::from(width))
    }
}

impl Widget for ScoreGauge<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height == 0 {
            return;
        }
        buf.set_line(area.x, area.y, &self.label(), area.width);
        if area.height > 1 {
            let width = area.width.min(u16::try_from(BAR_MAX).unwrap_or(u16::MAX));
            buf.set_line(area.x, area.y + 1, &self.bar(width), area.width);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(value: u64, qualified: bool) -> Score {
        Score {
            option: "django".into(),
            name: "Django".into(),
            score: value,
            max: 6,
            threshold: 3,
            qualified,
        }
    }

    #[test]
    fn bar_fills_in_proportion_and_marks_the_threshold() {
        let theme = Theme::monochrome();
        let s = score(3, true);
        let bar = ScoreGauge {
            score: &s,
            theme: &theme,
        }
        .bar(12)
        .to_string();
        assert_eq!(bar, "██████┃░░░░░");
        let s = score(0, false);
        let bar = ScoreGauge {
            score: &s,
            theme: &theme,
        }
        .bar(12)
        .to_string();
        assert_eq!(bar, "░░░░░░┃░░░░░");
    }

    #[test]
    fn a_compact_gauge_is_one_line_with_its_state_in_words() {
        let theme = Theme::monochrome();
        let s = score(0, false);
        let gauge = ScoreGauge {
            score: &s,
            theme: &theme,
        };
        assert_eq!(gauge.compact(34, 6).to_string(), "Django 0/6 ░░░┃░░      needs 3");
        let s = score(3, true);
        let gauge = ScoreGauge {
            score: &s,
            theme: &theme,
        };
        assert_eq!(
            gauge.compact(34, 6).to_string(),
            "Django 3/6 ███┃░░      ✓ qualifies"
        );
        // Too narrow for its words: cut to the width, and it says so.
        assert_eq!(gauge.compact(22, 6).to_string(), "Django 3/6 ✓ qualifies");
        assert_eq!(gauge.compact(20, 6).to_string(), "Django 3/6 ✓ qualif…");
    }

    #[test]
    fn label_says_the_state_in_words() {
        let theme = Theme::ansi();
        let s = score(3, true);
        assert_eq!(
            ScoreGauge {
                score: &s,
                theme: &theme
            }
            .label()
            .to_string(),
            "Django 3/6 ✓ qualifies"
        );
        let s = score(2, false);
        assert_eq!(
            ScoreGauge {
                score: &s,
                theme: &theme
            }
            .label()
            .to_string(),
            "Django 2/6 (needs 3)"
        );
    }
}
