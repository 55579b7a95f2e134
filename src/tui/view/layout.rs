//! Where things go on screen: pure geometry of rectangles, used by render. What was drawn
//! where is recorded in the `FrameMap`, which the event path reads.

use ratatui::layout::Rect;
use strum::IntoEnumIterator;

use crate::tui::action::Tab;
pub use crate::tui::app::ui::{MIN_HEIGHT, MIN_WIDTH};

/// The largest area the app draws into. A bigger terminal gets the app in its top-left part:
/// the frame buffers hold a cell per position, and an absurd size (65535×65535, four billion
/// cells) would abort on allocation before the terminal could be restored.
pub const MAX_WIDTH: u16 = 1000;
pub const MAX_HEIGHT: u16 = 500;

/// The area the app draws into on a terminal of this size.
pub fn drawable(width: u16, height: u16) -> Rect {
    Rect::new(0, 0, width.min(MAX_WIDTH), height.min(MAX_HEIGHT))
}

/// Whether the terminal is below the minimum size.
pub fn too_small(area: Rect) -> bool {
    crate::tui::app::ui::too_small(area.width, area.height)
}

/// The tab bar: the first row.
pub fn tabs_row(area: Rect) -> Rect {
    Rect {
        height: 1.min(area.height),
        ..area
    }
}

/// The footer: the last row.
pub fn footer(area: Rect) -> Rect {
    Rect {
        y: area.bottom().saturating_sub(1),
        height: 1.min(area.height),
        ..area
    }
}

/// The panes: everything between the tab bar and the footer.
pub fn body(area: Rect) -> Rect {
    Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(2),
        ..area
    }
}

/// The titles of the first `count` tabs at this width: each tab's label and its columns on
/// the first row. Narrow terminals get shorter labels so all the tabs always fit.
pub fn tab_titles(width: u16, count: usize) -> (bool, Vec<(Tab, String, u16, u16)>) {
    let tabs = || Tab::iter().take(count);
    let full: Vec<String> = tabs().map(|t| format!(" {} {t} ", t.number())).collect();
    let fits =
        |labels: &[String]| labels.iter().map(|s| s.chars().count() + 1).sum::<usize>() <= usize::from(width);
    let full_width: usize = full.iter().map(|s| s.chars().count() + 1).sum();
    let show_name = usize::from(width) >= full_width + "stackpick ".len();
    // Shorter and shorter names until they fit: four letters, then three (six tabs at 50).
    let short = |letters: usize| -> Vec<String> {
        tabs()
            .map(|t| {
                let name: String = t.to_string().chars().take(letters).collect();
                format!(" {} {name} ", t.number())
            })
            .collect()
    };
    let labels = [full, short(4), short(3)]
        .into_iter()
        .find(|labels| fits(labels))
        .unwrap_or_else(|| short(1));
    let mut x = if show_name { "stackpick ".len() as u16 } else { 0 };
    let mut titles = Vec::new();
    for (tab, label) in tabs().zip(labels) {
        let w = label.chars().count() as u16;
        titles.push((tab, label, x, w));
        x += w + 1;
    }
    (show_name, titles)
}

/// The Team tab's two panes: the matrix, and the team's verdict with its diagram.
pub fn team_panes(body: Rect) -> [Rect; 2] {
    let right = if body.width >= 120 {
        52
    } else {
        (body.width * 40 / 100).max(24)
    };
    split_right(body, right)
}

/// The Checklist tab's two panes: the questions, and the scores with the diagram.
pub fn checklist_panes(body: Rect) -> [Rect; 2] {
    let left = if body.width >= 120 {
        60
    } else {
        (body.width * 56 / 100).max(28)
    };
    split_left(body, left)
}

/// The Decision tab's two panes: the stack diagram, and the reasons and hints.
pub fn decision_panes(body: Rect) -> [Rect; 2] {
    let left = (body.width / 2).clamp(30, 52);
    split_left(body, left)
}

// Two-part splits are plain arithmetic: they give what `Layout` gives for `Fill(1)` beside a
// `Length` (the tests check it), without running its constraint solver, whose first run cost
// about a tenth of the first frame (issue 8).

/// `area` split into the rows above its last `height` rows, and those (all of `area` when it
/// is shorter).
pub fn split_bottom(area: Rect, height: u16) -> [Rect; 2] {
    let height = height.min(area.height);
    let top = Rect {
        height: area.height - height,
        ..area
    };
    [
        top,
        Rect {
            y: top.bottom(),
            height,
            ..area
        },
    ]
}

/// `area` split into the columns left of its last `width` columns, and those.
pub fn split_right(area: Rect, width: u16) -> [Rect; 2] {
    let width = width.min(area.width);
    let left = Rect {
        width: area.width - width,
        ..area
    };
    [
        left,
        Rect {
            x: left.right(),
            width,
            ..area
        },
    ]
}

/// `area` split into its first `width` columns, and the columns right of them.
pub fn split_left(area: Rect, width: u16) -> [Rect; 2] {
    let width = width.min(area.width);
    let left = Rect { width, ..area };
    [
        left,
        Rect {
            x: left.right(),
            width: area.width - width,
            ..area
        },
    ]
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
                let (_, titles) = tab_titles(width, count);
                assert_eq!(titles.len(), count);
                let (_, _, x, w) = titles.last().unwrap();
                assert!(x + w <= width, "width {width}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn the_two_part_splits_are_what_layout_gives(
            x in 0u16..50, y in 0u16..50, width in 0u16..300, height in 0u16..300, size in 0u16..400,
        ) {
            use ratatui::layout::{Constraint, Layout};
            let area = Rect::new(x, y, width, height);
            let (fill, length) = (Constraint::Fill(1), Constraint::Length(size));
            proptest::prop_assert_eq!(split_bottom(area, size), Layout::vertical([fill, length]).areas(area));
            proptest::prop_assert_eq!(split_right(area, size), Layout::horizontal([fill, length]).areas(area));
            proptest::prop_assert_eq!(split_left(area, size), Layout::horizontal([length, fill]).areas(area));
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
