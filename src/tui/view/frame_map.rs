//! What render drew, recorded once per frame: where the tabs, the questions, the rows and the
//! overlay entries are, each pane's scroll extent, the overlay's box and the text cursor.
//! The event path reads it to turn clicks, the wheel and page keys into meaningful actions,
//! so what a click hits is what was drawn there.

use ratatui::layout::{Position, Rect};

use crate::export::Format;
use crate::tui::action::{Pane, Tab};

/// Something a click can hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Tab(Tab),
    /// A question's row (its display index).
    Question(usize),
    /// A question's `[ ]` box.
    QuestionBox(usize),
    /// A row of the Team matrix (an index into the team's questions).
    TeamRow(usize),
    /// A Compare row, among the rows the filter keeps.
    CompareRow(usize),
    /// A framework's column on the Strengths tab.
    StrengthsPane(usize),
    /// A stage picker entry; 0 is "no stage".
    Stage(usize),
    /// A decision picker entry (see `choice_entries`).
    Choice(usize),
    /// A format in the export dialog.
    Format(Format),
}

/// How a pane was drawn: its box, the first line shown, a page and how far it can scroll.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaneExtent {
    pub pane: Pane,
    pub rect: Rect,
    /// The first line (for lists: the first item) drawn.
    pub top: usize,
    /// What one page moves: lines for documents, items for lists (as many as were visible).
    pub page: usize,
    /// The largest scroll offset, in lines: the last line is then at the bottom.
    pub max: usize,
}

/// The record of one frame.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrameMap {
    /// The area drawn into.
    pub area: Rect,
    pub tabs: Vec<(Rect, Tab)>,
    /// Targets in drawing order: a later one is drawn over an earlier one.
    pub targets: Vec<(Rect, Target)>,
    pub panes: Vec<PaneExtent>,
    /// The open overlay's box.
    pub overlay: Option<Rect>,
    /// Where the terminal's cursor goes: the end of the text being typed.
    pub cursor: Option<Position>,
    /// Where the search of a document tab found its text, in the tab's order: each match's
    /// pane and line (in the pane's document, not on screen).
    pub found: Vec<(Pane, usize)>,
    /// How many questions the Checklist or Team list holds (those its search keeps), for
    /// the search prompt's count.
    pub kept: usize,
    /// Nothing but the "too small" screen was drawn.
    pub too_small: bool,
}

impl FrameMap {
    /// An empty record for a frame of this area.
    pub fn new(area: Rect) -> FrameMap {
        FrameMap {
            area,
            ..FrameMap::default()
        }
    }

    /// Records a target.
    pub fn target(&mut self, rect: Rect, target: Target) {
        if !rect.is_empty() {
            self.targets.push((rect, target));
        }
    }

    /// Records a pane's extent.
    pub fn pane_extent(&mut self, extent: PaneExtent) {
        self.panes.push(extent);
    }

    /// What a click at this cell hits: the last drawn target there.
    pub fn target_at(&self, position: Position) -> Option<Target> {
        let tab = self
            .tabs
            .iter()
            .find(|(rect, _)| rect.contains(position))
            .map(|&(_, tab)| Target::Tab(tab));
        let target = self
            .targets
            .iter()
            .rev()
            .find(|(rect, _)| rect.contains(position))
            .map(|&(_, target)| target);
        target.or(tab)
    }

    /// Where a target was drawn.
    pub fn target_rect(&self, target: Target) -> Option<Rect> {
        if let Target::Tab(tab) = target {
            return self.tabs.iter().find(|(_, t)| *t == tab).map(|&(rect, _)| rect);
        }
        self.targets
            .iter()
            .find(|(_, t)| *t == target)
            .map(|&(rect, _)| rect)
    }

    /// The pane under this cell: the last drawn there.
    pub fn pane_at(&self, position: Position) -> Option<&PaneExtent> {
        self.panes.iter().rev().find(|p| p.rect.contains(position))
    }

    /// How this pane was drawn, if it was.
    pub fn pane(&self, pane: Pane) -> Option<&PaneExtent> {
        self.panes.iter().find(|p| p.pane == pane)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_later_target_is_hit_before_an_earlier_one_under_it() {
        let mut map = FrameMap::new(Rect::new(0, 0, 80, 24));
        map.target(Rect::new(0, 2, 40, 1), Target::Question(0));
        map.target(Rect::new(2, 2, 3, 1), Target::QuestionBox(0));
        map.tabs.push((Rect::new(0, 0, 10, 1), Tab::Overview));
        assert_eq!(map.target_at(Position::new(3, 2)), Some(Target::QuestionBox(0)));
        assert_eq!(map.target_at(Position::new(20, 2)), Some(Target::Question(0)));
        assert_eq!(
            map.target_at(Position::new(5, 0)),
            Some(Target::Tab(Tab::Overview))
        );
        assert_eq!(map.target_at(Position::new(5, 5)), None);
        assert_eq!(map.target_rect(Target::Question(0)), Some(Rect::new(0, 2, 40, 1)));
    }
}
