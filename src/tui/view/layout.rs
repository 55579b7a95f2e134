//! Where things go on screen: pure geometry of rectangles, used by render. What was drawn
//! where is recorded in the `FrameMap`, which the event path reads.

use ratatui::layout::{Constraint, Layout, Rect};
use strum::IntoEnumIterator;

use crate::tui::action::Tab;
pub use crate::tui::app::ui::{MIN_HEIGHT, MIN_WIDTH};

/// Whether the terminal is below the minimum size.
pub fn too_small(area: Rect) -> bool {
    crate::tui::app::ui::too_small(area.width, area.height)
}

/// The tab bar, the panes and the footer: a row, the rest, a row.
fn rows(area: Rect) -> [Rect; 3] {
    Layout::vertical([Constraint::Length(1), Constraint::Fill(1), Constraint::Length(1)]).areas(area)
}

/// The tab bar: the first row.
pub fn tabs_row(area: Rect) -> Rect {
    rows(area)[0]
}

/// The footer: the last row.
pub fn footer(area: Rect) -> Rect {
    rows(area)[2]
}

/// The panes: everything between the tab bar and the footer.
pub fn body(area: Rect) -> Rect {
    rows(area)[1]
}

/// The titles of the first `count` tabs at this width, `selected` among them: each tab's
/// label and its columns on the first row. On a narrow terminal the selected tab keeps its
/// name whole and the others are shortened with `…` (`2 Str…`), then to their number, so
/// every tab fits and no name reads as another word.
pub fn tab_titles(width: u16, count: usize, selected: Tab) -> (bool, Vec<(Tab, String, u16, u16)>) {
    let tabs = || Tab::iter().take(count);
    // `letters`: how many letters of the other tabs' names show (`None`: all of them).
    let label = |tab: Tab, letters: Option<usize>| {
        let (number, name) = (tab.number(), tab.to_string());
        match letters {
            Some(0) if tab != selected => format!(" {number} "),
            Some(n) if tab != selected && name.chars().count() > n + 1 => {
                format!(" {number} {}… ", name.chars().take(n).collect::<String>())
            }
            _ => format!(" {number} {name} "),
        }
    };
    let labels = |letters: Option<usize>| -> Vec<String> { tabs().map(|t| label(t, letters)).collect() };
    let used = |labels: &[String]| labels.iter().map(|s| s.chars().count() + 1).sum::<usize>();
    let full = labels(None);
    let show_name = usize::from(width) >= used(&full) + "stackpick ".len();
    let labels = [None, Some(4), Some(3), Some(0)]
        .into_iter()
        .map(labels)
        .find(|labels| used(labels) <= usize::from(width))
        .unwrap_or_else(|| labels(Some(0)));
    let mut x = if show_name { "stackpick ".len() as u16 } else { 0 };
    let mut titles = Vec::new();
    for (tab, label) in tabs().zip(labels) {
        let w = label.chars().count() as u16;
        titles.push((tab, label, x, w));
        x += w + 1;
    }
    (show_name, titles)
}

/// The width from which the Team tab has its side pane (the team's verdict and diagram):
/// narrower, the matrix takes the whole width, for its questions and people.
const TEAM_SIDE_FROM: u16 = 80;

/// The Team tab's panes: the matrix, and the team's verdict with its diagram when the
/// width leaves the matrix room to read its questions.
pub fn team_panes(body: Rect) -> (Rect, Option<Rect>) {
    if body.width < TEAM_SIDE_FROM {
        return (body, None);
    }
    let right = if body.width >= 120 {
        52
    } else {
        (body.width * 32 / 100).max(26)
    };
    let [matrix, side] = split_right(body, right);
    (matrix, Some(side))
}

/// The Checklist tab's two panes: the questions, and the scores with the diagram.
pub fn checklist_panes(body: Rect) -> [Rect; 2] {
    // The questions grow with the screen up to a readable measure (some 80 characters of
    // text); the diagram and the gauges take the rest.
    let left = (body.width * 56 / 100).clamp(28, 90);
    split_left(body, left)
}

/// The Decision tab's two panes: the stack diagram, and the reasons and hints.
pub fn decision_panes(body: Rect) -> [Rect; 2] {
    let left = (body.width / 2).clamp(30, 52);
    split_left(body, left)
}

/// `area` split into the rows above its last `height` rows, and those (all of `area` when it
/// is shorter).
pub fn split_bottom(area: Rect, height: u16) -> [Rect; 2] {
    Layout::vertical([Constraint::Fill(1), Constraint::Length(height)]).areas(area)
}

/// `area` split into the columns left of its last `width` columns, and those.
pub fn split_right(area: Rect, width: u16) -> [Rect; 2] {
    Layout::horizontal([Constraint::Fill(1), Constraint::Length(width)]).areas(area)
}

/// `area` split into its first `width` columns, and the columns right of them.
pub fn split_left(area: Rect, width: u16) -> [Rect; 2] {
    Layout::horizontal([Constraint::Length(width), Constraint::Fill(1)]).areas(area)
}

/// The inside of a bordered pane.
pub fn inner(area: Rect) -> Rect {
    area.inner(ratatui::layout::Margin::new(1, 1))
}

/// The first visible line that keeps lines `start..end` of `total` in a viewport of `height`,
/// centred when it can be: derived from the selection alone, so no scroll state is kept.
pub fn centred_offset(start: usize, end: usize, total: usize, height: usize) -> usize {
    if total <= height {
        return 0;
    }
    let selection = end.saturating_sub(start);
    let above = height.saturating_sub(selection) / 2;
    start.saturating_sub(above).min(total - height)
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::EnumCount;

    #[test]
    fn tabs_fit_every_width_from_the_minimum() {
        for count in [Tab::WITHOUT_TEAM, Tab::COUNT] {
            for width in MIN_WIDTH..200 {
                for selected in Tab::iter().take(count) {
                    let (_, titles) = tab_titles(width, count, selected);
                    assert_eq!(titles.len(), count);
                    let (_, _, x, w) = titles.last().unwrap();
                    assert!(x + w <= width, "width {width}");
                    let (_, label, _, _) = titles.iter().find(|t| t.0 == selected).unwrap();
                    assert!(label.contains(&selected.to_string()), "{label} at {width}");
                    for (tab, label, _, _) in &titles {
                        let name = label.trim().split_once(' ').map_or("", |(_, name)| name);
                        assert!(
                            name.is_empty() || name.ends_with('…') || name == tab.to_string(),
                            "{label:?} at {width} is cut without …"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn centred_offset_keeps_the_selection_visible() {
        for total in 1..30 {
            for height in 1..12 {
                for start in 0..total {
                    let offset = centred_offset(start, start + 1, total, height);
                    assert!(
                        offset <= start && start < offset + height.max(1),
                        "{total} {height} {start}"
                    );
                    assert!(offset + height <= total.max(height));
                }
            }
        }
    }
}
