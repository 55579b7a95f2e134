//! Where things go on screen. Rendering and mouse hit-testing both use these functions, so a
//! click always lands on what was drawn there.

use ratatui::layout::{Constraint, Layout, Rect};

use crate::tui::app::App;
use crate::tui::app::action::Tab;
use crate::tui::view::overlays::help;
use crate::tui::view::tabs::checklist;
use crate::tui::view::tabs::decision;
use crate::tui::view::tabs::overview;
use crate::tui::view::tabs::strengths;
use strum::IntoEnumIterator;

/// The smallest terminal the app draws into; below it, a "too small" screen.
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 14;

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
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
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

/// The tab titles at this width: each tab's label and its columns on the first row.
/// Narrow terminals get shorter labels so all five tabs always fit.
pub fn tab_titles(width: u16) -> (bool, Vec<(Tab, String, u16, u16)>) {
    let full: Vec<String> = Tab::iter().map(|t| format!(" {} {t} ", t.number())).collect();
    let full_width: usize = full.iter().map(|s| s.chars().count() + 1).sum();
    let show_name = usize::from(width) >= full_width + "stackpick ".len();
    let labels: Vec<String> = if usize::from(width) >= full_width {
        full
    } else {
        Tab::iter()
            .map(|t| format!(" {} {} ", t.number(), &t.to_string()[..4]))
            .collect()
    };
    let mut x = if show_name { "stackpick ".len() as u16 } else { 0 };
    let mut titles = Vec::new();
    for (tab, label) in Tab::iter().zip(labels) {
        let w = label.chars().count() as u16;
        titles.push((tab, label, x, w));
        x += w + 1;
    }
    (show_name, titles)
}

/// The tab under a click on the tab bar.
pub fn tab_at(area: Rect, column: u16, row: u16) -> Option<Tab> {
    if too_small(area) || row != area.y {
        return None;
    }
    let (_, titles) = tab_titles(area.width);
    titles
        .into_iter()
        .find(|(_, _, x, w)| column >= area.x + x && column < area.x + x + w)
        .map(|(tab, ..)| tab)
}

/// The Checklist tab's two panes: the questions, and the scores with the diagram.
pub fn checklist_panes(body: Rect) -> [Rect; 2] {
    let left = if body.width >= 120 {
        60
    } else {
        (body.width * 56 / 100).max(28)
    };
    Layout::horizontal([Constraint::Length(left), Constraint::Fill(1)]).areas(body)
}

/// The Decision tab's two panes: the stack diagram, and the reasons and hints.
pub fn decision_panes(body: Rect) -> [Rect; 2] {
    let left = (body.width / 2).clamp(30, 52);
    Layout::horizontal([Constraint::Length(left), Constraint::Fill(1)]).areas(body)
}

/// The inside of a bordered pane.
pub fn inner(area: Rect) -> Rect {
    area.inner(ratatui::layout::Margin::new(1, 1))
}

/// How far the current document tab can scroll.
pub fn max_scroll(app: &App) -> usize {
    let body = body(app.area);
    let (lines, height) = match app.tab {
        Tab::Overview => {
            let inner = inner(body);
            (overview::doc(app, inner.width).len(), inner.height)
        }
        Tab::Strengths => strengths::content_height(app, body),
        Tab::Decision => {
            let inner = inner(decision_panes(body)[1]);
            (decision::doc(app, inner.width).len(), inner.height)
        }
        Tab::Compare | Tab::Checklist => (0, 0),
    };
    lines.saturating_sub(usize::from(height))
}

/// How far the help overlay can scroll.
pub fn help_max_scroll(app: &App) -> usize {
    let inner = inner(help::area(body(app.area)));
    let lines = help::doc(&app.keymap, inner.width, &app.theme).len();
    lines.saturating_sub(usize::from(inner.height))
}

/// The question under a click on the Checklist tab.
pub fn question_at(app: &App, column: u16, row: u16) -> Option<usize> {
    let [list, _] = checklist_panes(body(app.area));
    let inner = inner(list);
    if !inner.contains(ratatui::layout::Position::new(column, row)) {
        return None;
    }
    checklist::question_at_row(app, inner, row - inner.y)
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

    #[test]
    fn tabs_fit_every_width_from_the_minimum() {
        for width in MIN_WIDTH..200 {
            let (_, titles) = tab_titles(width);
            let (_, _, x, w) = titles.last().unwrap();
            assert!(x + w <= width, "width {width}");
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
