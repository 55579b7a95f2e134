//! The state of the screen apart from the model: the tab, the mode, the status line and one
//! small state struct per tab. Compared as a whole to decide whether to redraw.

use crate::score::choice::Pick;
use crate::tui::action::{Pane, Tab};
use crate::tui::app::export_dialog::ExportDialog;
use crate::tui::app::line_editor::LineEditor;

/// The smallest terminal the app draws into; below it, a "too small" screen.
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 14;

/// Whether a terminal of this size is below the minimum.
pub fn too_small(width: u16, height: u16) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}

/// What is open over the tabs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Normal,
    /// The help overlay, scrolled by so many lines.
    Help { scroll: usize },
    /// Typing the search of the tab in view (the Compare and Checklist filters, or the text
    /// to find on a document tab).
    Filter,
    /// The stage picker; 0 is "no stage", then the stages in order.
    Stage { cursor: usize },
    /// The export dialog.
    Export(ExportDialog),
    /// Typing a one-line note.
    Note { target: NoteTarget, editor: LineEditor },
    /// The picker of the user's own decision; `cursor` is an index into `choice_entries`.
    Choose { cursor: usize },
    /// Typing the justification of the decision being chosen.
    Because { pick: Pick, editor: LineEditor },
    /// The log of this session's status messages, scrolled by so many lines.
    Messages { scroll: usize },
    /// The selected Team row whole (its question, everyone's answer and note), scrolled by
    /// so many lines.
    TeamNotes { scroll: usize },
    /// Asking before starting over; `question` says what would go.
    ConfirmReset { question: String },
}

/// Whose note is being typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteTarget {
    /// A question's, by display index.
    Question(usize),
    /// The decision's own note (its context).
    Decision,
}

/// How many status messages the log keeps; older ones are dropped.
pub const MESSAGE_LOG_LENGTH: usize = 100;

/// A message in the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub is_error: bool,
}

/// A document tab's search: the text to find and the match last shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Find {
    pub query: LineEditor,
    /// The match shown by Enter or `n`/`N`, counted over the tab's matches in order; `None`
    /// until one is (the next then is the first at or below the top of the pane).
    pub current: Option<usize>,
}

impl Find {
    /// Whether a search is in force (its matches are highlighted, `n`/`N` step through them).
    pub fn is_active(&self) -> bool {
        !self.query.value().is_empty()
    }
}

/// A document pane's scroll offset, in lines, and its search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocState {
    pub scroll: usize,
    pub find: Find,
}

/// The Strengths tab: the framework with the keys, and each column's own scroll offset.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StrengthsState {
    pub focus: usize,
    /// One offset per framework, so scrolling one column leaves the others where they were.
    pub scroll: Vec<usize>,
    /// The search, over every framework's column in order.
    pub find: Find,
}

impl StrengthsState {
    /// The scroll offset of a framework's column.
    pub fn scroll(&self, index: usize) -> usize {
        self.scroll.get(index).copied().unwrap_or(0)
    }

    fn set_scroll(&mut self, index: usize, value: usize) {
        if self.scroll.len() <= index {
            self.scroll.resize(index + 1, 0);
        }
        self.scroll[index] = value;
    }
}

/// The Checklist tab: the selected question, the list's offset once the wheel moved it, and
/// the filter that narrows the list to the questions it matches.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChecklistState {
    /// A display index into the decision's questions.
    pub selected: usize,
    /// `None` while the list follows the selection; the wheel scrolls it away from it.
    pub scroll: Option<usize>,
    pub filter: LineEditor,
}

impl ChecklistState {
    /// Selects a question; the list follows the selection again.
    pub fn select(&mut self, index: usize) {
        self.selected = index;
        self.scroll = None;
    }
}

/// The Compare tab: the selected row (among the rows the filter keeps) and the filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CompareState {
    pub selected: usize,
    pub filter: LineEditor,
}

/// The Team tab: the selected question (an index into the team's questions, which put the
/// disagreements first), the first of the other people's columns shown, and the filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TeamState {
    pub selected: usize,
    /// The user's own column is always shown; the others from this one on.
    pub column: usize,
    pub filter: LineEditor,
}

/// The help overlay's filter: the keys and labels it keeps, and whether it is being typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HelpState {
    pub filter: LineEditor,
    pub typing: bool,
}

/// The problems of the followed file (`--watch`) while its last version is broken: the app
/// goes on with the last good one, and shows them until the file is valid again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problems {
    /// The file, as messages name it (escaped).
    pub file: String,
    /// One a line, `FILE:LINE:COL: where: message`, escaped.
    pub lines: Vec<String>,
}

/// Everything on screen that is not the model.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ui {
    pub tab: Tab,
    pub mode: Mode,
    pub status: Option<Status>,
    /// The followed file's problems, shown below the tab until it is valid again.
    pub problems: Option<Problems>,
    /// Set from the last resize: below the minimum size only a "too small" screen is drawn.
    pub too_small: bool,
    pub overview: DocState,
    pub strengths: StrengthsState,
    pub compare: CompareState,
    pub checklist: ChecklistState,
    pub decision: DocState,
    pub team: TeamState,
    pub help: HelpState,
}

impl Ui {
    /// The pane that page keys act on now.
    pub fn focused_pane(&self) -> Pane {
        match self.tab {
            Tab::Overview => Pane::Overview,
            Tab::Strengths => Pane::Strengths(self.strengths.focus),
            Tab::Compare => Pane::Compare,
            Tab::Checklist => Pane::Checklist,
            Tab::Decision => Pane::Decision,
            Tab::Team => Pane::Team,
        }
    }

    /// The search field of the tab in view.
    pub fn query(&self) -> &LineEditor {
        match self.tab {
            Tab::Overview => &self.overview.find.query,
            Tab::Strengths => &self.strengths.find.query,
            Tab::Compare => &self.compare.filter,
            Tab::Checklist => &self.checklist.filter,
            Tab::Decision => &self.decision.find.query,
            Tab::Team => &self.team.filter,
        }
    }

    /// The search field of the tab in view, to type in.
    pub fn query_mut(&mut self) -> &mut LineEditor {
        match self.tab {
            Tab::Overview => &mut self.overview.find.query,
            Tab::Strengths => &mut self.strengths.find.query,
            Tab::Compare => &mut self.compare.filter,
            Tab::Checklist => &mut self.checklist.filter,
            Tab::Decision => &mut self.decision.find.query,
            Tab::Team => &mut self.team.filter,
        }
    }

    /// The search of the document tab in view; `None` on the tabs that filter.
    pub fn find(&self) -> Option<&Find> {
        match self.tab {
            Tab::Overview => Some(&self.overview.find),
            Tab::Strengths => Some(&self.strengths.find),
            Tab::Decision => Some(&self.decision.find),
            Tab::Compare | Tab::Checklist | Tab::Team => None,
        }
    }

    /// The search of the document tab in view, to change.
    pub fn find_mut(&mut self) -> Option<&mut Find> {
        match self.tab {
            Tab::Overview => Some(&mut self.overview.find),
            Tab::Strengths => Some(&mut self.strengths.find),
            Tab::Decision => Some(&mut self.decision.find),
            Tab::Compare | Tab::Checklist | Tab::Team => None,
        }
    }

    /// Whether the tab in view has a search in force (typed, kept with Enter).
    pub fn searching(&self) -> bool {
        !self.query().value().is_empty()
    }

    /// Scrolls a pane by `by` lines from `top` (what is on screen), within `0..=max`.
    pub fn scroll_pane(&mut self, pane: Pane, by: isize, top: usize, max: usize) {
        let value = top.saturating_add_signed(by).min(max);
        match pane {
            Pane::Overview => self.overview.scroll = value,
            Pane::Decision => self.decision.scroll = value,
            Pane::Strengths(index) => self.strengths.set_scroll(index, value),
            Pane::Checklist => self.checklist.scroll = Some(value),
            Pane::Help => {
                if let Mode::Help { scroll } = &mut self.mode {
                    *scroll = value;
                }
            }
            Pane::Messages => {
                if let Mode::Messages { scroll } = &mut self.mode {
                    *scroll = value;
                }
            }
            Pane::TeamNotes => {
                if let Mode::TeamNotes { scroll } = &mut self.mode {
                    *scroll = value;
                }
            }
            Pane::Compare | Pane::Team | Pane::StagePicker | Pane::ChoicePicker | Pane::Diagram => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_strengths_column_scrolls_on_its_own() {
        let mut ui = Ui::default();
        ui.scroll_pane(Pane::Strengths(2), 5, 0, 10);
        ui.scroll_pane(Pane::Strengths(2), 100, 5, 10);
        assert_eq!(ui.strengths.scroll(2), 10, "clamped to the column's content");
        assert_eq!(ui.strengths.scroll(0), 0);
        ui.scroll_pane(Pane::Strengths(2), isize::MIN, 10, 10);
        assert_eq!(ui.strengths.scroll(2), 0);
    }
}
