//! The model of the app and `App::update`, which changes it for each action.
//!
//! Rendering is a pure function of `App` (see `ui.rs`); side effects that leave the model
//! (saving the answers, writing an export) are returned from `update` as [`Effect`]s and
//! performed by the event loop.

use std::path::PathBuf;

use ratatui::layout::{Position, Rect};

use crate::tui::app::action::{Action, Tab};
use crate::tui::keys::keymap::{Keymap, Scope};
use crate::tui::view::layout;
use crate::tui::view::overlays::help;
use crate::tui::view::overlays::stage_picker;
use crate::tui::view::theme::Theme;

pub mod action;
mod export;
mod overlays;
pub mod typed;

use crate::cli::Format;
use crate::decision::{Decision, question_id};
use crate::score::{Answers, Evaluation, evaluate};
pub use export::{ExportDialog, ExportOutcome, default_export_path};

/// What is open over the tabs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Normal,
    /// The help overlay, scrolled by so many lines.
    Help { scroll: usize },
    /// Typing the Compare filter.
    Filter,
    /// The stage picker; 0 is "no stage", then the stages in order.
    Stage { cursor: usize },
    /// The export dialog.
    Export(ExportDialog),
}

/// A message in the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub is_error: bool,
}

/// Work for the event loop, outside the model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// The answers changed: autosave them.
    SaveAnswers,
    /// Write the export; `overwrite` only after the user confirmed.
    Export {
        format: Format,
        path: PathBuf,
        overwrite: bool,
    },
}

/// The whole state of the app.
#[derive(Debug, Clone)]
pub struct App {
    pub decision: Decision,
    pub answers: Answers,
    /// Derived from `decision` and `answers`; recomputed whenever the answers change.
    pub evaluation: Evaluation,
    pub theme: Theme,
    /// The keys in force: the defaults with any config overrides.
    pub keymap: Keymap,
    pub tab: Tab,
    pub mode: Mode,
    /// The terminal's size, for paging and mouse hit-testing.
    pub area: Rect,
    /// The selected question, an index into the decision's questions in display order.
    pub question: usize,
    /// The framework in focus on the Strengths tab.
    pub framework: usize,
    /// Scroll offsets of the document tabs.
    pub overview_scroll: usize,
    pub strengths_scroll: usize,
    pub decision_scroll: usize,
    /// The Compare tab's selected row (among the rows the filter keeps) and filter text.
    pub compare_row: usize,
    pub filter: String,
    pub status: Option<Status>,
    /// Paths written by exports this session, printed after the app exits.
    pub written: Vec<PathBuf>,
    pub quit: bool,
}

impl App {
    /// A new app on this decision and these answers.
    pub fn new(decision: Decision, answers: Answers, theme: Theme) -> App {
        let evaluation = evaluate(&decision, &answers);
        App {
            decision,
            answers,
            evaluation,
            theme,
            keymap: Keymap::default(),
            tab: Tab::default(),
            mode: Mode::default(),
            area: Rect::new(0, 0, 80, 24),
            question: 0,
            framework: 0,
            overview_scroll: 0,
            strengths_scroll: 0,
            decision_scroll: 0,
            compare_row: 0,
            filter: String::new(),
            status: None,
            written: Vec::new(),
            quit: false,
        }
    }

    /// Everything the screen shows that an action can change: two equal values draw the same
    /// frame, so the event loop redraws only when this changes.
    pub fn view_state(&self) -> impl PartialEq + use<> {
        (
            (
                self.tab,
                self.mode.clone(),
                self.area,
                self.question,
                self.framework,
            ),
            (self.overview_scroll, self.strengths_scroll, self.decision_scroll),
            (self.compare_row, self.filter.clone(), self.status.clone()),
            self.answers.clone(),
        )
    }

    /// The key scopes active now, most specific first. While the terminal is too small to
    /// show anything, only the keys of `Scope::TooSmall` act: nothing happens unseen.
    pub fn scopes(&self) -> Vec<Scope> {
        if layout::too_small(self.area) {
            return vec![Scope::TooSmall];
        }
        match &self.mode {
            Mode::Normal => vec![Scope::Tab(self.tab), Scope::Global],
            Mode::Help { .. } => vec![Scope::Help],
            Mode::Filter => vec![Scope::Filter],
            Mode::Stage { .. } => vec![Scope::Stage],
            Mode::Export(dialog) if dialog.confirm_overwrite => vec![Scope::Overwrite],
            Mode::Export(_) => vec![Scope::Export],
        }
    }

    /// The number of questions, over all frameworks.
    pub fn question_count(&self) -> usize {
        self.decision.options.iter().map(|o| o.questions.len()).sum()
    }

    /// The full id of the question at this index.
    pub fn question_id_at(&self, index: usize) -> Option<String> {
        self.decision
            .questions()
            .nth(index)
            .map(|(o, q)| question_id(o, q))
    }

    /// The Compare rows the filter keeps, as indexes into the comparison.
    pub fn compare_rows(&self) -> Vec<usize> {
        let needle = self.filter.to_lowercase();
        self.decision
            .comparison
            .iter()
            .enumerate()
            .filter(|(_, aspect)| {
                needle.is_empty()
                    || aspect.name.to_lowercase().contains(&needle)
                    || aspect.values.values().any(|v| v.to_lowercase().contains(&needle))
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// Shows a message in the status line.
    pub fn set_status(&mut self, text: impl Into<String>, is_error: bool) {
        // Messages quote paths and file text: escape what could drive the terminal.
        self.status = Some(Status {
            text: crate::text::escape(&text.into()).into_owned(),
            is_error,
        });
    }

    /// Pasted text goes into the text field being typed in, cleaned (see `typed.rs`);
    /// anywhere else it is ignored, so a paste never acts as a string of keys.
    pub fn paste(&mut self, text: &str) {
        if !self.scopes().iter().any(|s| s.takes_text()) {
            return;
        }
        for c in typed::clean_paste(text).chars() {
            self.update(Action::Input(c));
        }
    }

    /// Changes the model for an action; returns the work left for the event loop.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        // While the terminal is too small, what would change is not on screen: only quitting,
        // the help and a resize act (the key table maps nothing else; this covers the mouse).
        let visible = matches!(action, Action::Quit | Action::ToggleHelp | Action::Resize { .. });
        if layout::too_small(self.area) && !visible {
            return None;
        }
        // A message lasts until the next key or click, like a message line in any editor.
        if !matches!(action, Action::Resize { .. }) {
            self.status = None;
        }
        match action {
            Action::Quit => {
                self.quit = true;
                return None;
            }
            Action::Resize { width, height } => {
                self.area = layout::drawable(width, height);
                return None;
            }
            Action::Click { column, row } => return self.click(column, row),
            _ => {}
        }
        match self.mode.clone() {
            Mode::Normal => self.update_normal(action),
            Mode::Help { scroll } => {
                self.update_help(action, scroll);
                None
            }
            Mode::Filter => {
                self.update_filter(action);
                None
            }
            Mode::Stage { cursor } => self.update_stage(action, cursor),
            Mode::Export(dialog) => self.update_export(action, dialog),
        }
    }

    fn update_normal(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::ToggleHelp => self.mode = Mode::Help { scroll: 0 },
            Action::NextTab => self.tab = self.tab.next(),
            Action::PreviousTab => self.tab = self.tab.previous(),
            Action::GoTab(tab) => self.tab = tab,
            Action::ChooseStage => {
                let cursor = self
                    .answers
                    .stage
                    .as_deref()
                    .and_then(|id| self.decision.stages.iter().position(|s| s.id == id))
                    .map_or(0, |i| i + 1);
                self.mode = Mode::Stage { cursor };
            }
            Action::Export => self.mode = Mode::Export(ExportDialog::new(Format::Md)),
            Action::Close if self.tab == Tab::Compare => {
                self.filter.clear();
                self.compare_row = 0;
            }
            Action::Toggle if self.tab == Tab::Checklist => return self.toggle_selected(),
            Action::StartFilter if self.tab == Tab::Compare => {
                self.mode = Mode::Filter;
                self.compare_row = 0;
            }
            Action::NextMatch | Action::PreviousMatch if self.tab == Tab::Compare => {
                let count = self.compare_rows().len();
                if count > 0 {
                    self.compare_row = if action == Action::NextMatch {
                        (self.compare_row + 1) % count
                    } else {
                        (self.compare_row + count - 1) % count
                    };
                }
            }
            Action::Left | Action::Right => self.move_sideways(action == Action::Right),
            Action::Down
            | Action::Up
            | Action::First
            | Action::Last
            | Action::PageDown
            | Action::PageUp
            | Action::ScrollDown
            | Action::ScrollUp => self.move_vertically(action),
            _ => {}
        }
        None
    }

    fn toggle_selected(&mut self) -> Option<Effect> {
        let id = self.question_id_at(self.question)?;
        self.answers.toggle(&id);
        self.evaluation = evaluate(&self.decision, &self.answers);
        Some(Effect::SaveAnswers)
    }

    fn move_sideways(&mut self, right: bool) {
        match self.tab {
            Tab::Checklist => {
                // Jump to the first question of the previous or next framework.
                let starts = self.framework_starts();
                let current = starts.iter().rposition(|&s| s <= self.question).unwrap_or(0);
                let target = if right {
                    (current + 1).min(starts.len().saturating_sub(1))
                } else if self.question > starts[current] {
                    current
                } else {
                    current.saturating_sub(1)
                };
                self.question = starts.get(target).copied().unwrap_or(0);
            }
            Tab::Strengths => {
                let count = self.decision.options.len();
                self.framework = if right {
                    (self.framework + 1).min(count.saturating_sub(1))
                } else {
                    self.framework.saturating_sub(1)
                };
            }
            _ => {}
        }
    }

    /// The index of each framework's first question.
    fn framework_starts(&self) -> Vec<usize> {
        let mut starts = Vec::new();
        let mut index = 0;
        // Only scored options have questions to jump to.
        for option in self.decision.scored() {
            starts.push(index);
            index += option.questions.len();
        }
        starts
    }

    fn move_vertically(&mut self, action: Action) {
        let page = usize::from(layout::body(self.area).height.saturating_sub(3)).max(1);
        let step = |current: usize, last: usize| -> usize {
            match action {
                Action::Down | Action::ScrollDown => (current + 1).min(last),
                Action::Up | Action::ScrollUp => current.saturating_sub(1),
                Action::First => 0,
                Action::Last => last,
                Action::PageDown => (current + page).min(last),
                Action::PageUp => current.saturating_sub(page),
                _ => current,
            }
        };
        match self.tab {
            Tab::Checklist => {
                let last = self.question_count().saturating_sub(1);
                // The mouse wheel scrolls by three questions, like a list in any terminal app.
                let times = if matches!(action, Action::ScrollDown | Action::ScrollUp) {
                    3
                } else {
                    1
                };
                for _ in 0..times {
                    self.question = step(self.question, last);
                }
            }
            Tab::Compare => {
                let last = self.compare_rows().len().saturating_sub(1);
                self.compare_row = step(self.compare_row, last);
            }
            Tab::Overview | Tab::Strengths | Tab::Decision => {
                let max = layout::max_scroll(self);
                let scroll = match self.tab {
                    Tab::Overview => &mut self.overview_scroll,
                    Tab::Strengths => &mut self.strengths_scroll,
                    _ => &mut self.decision_scroll,
                };
                let times = if matches!(action, Action::ScrollDown | Action::ScrollUp) {
                    3
                } else {
                    1
                };
                for _ in 0..times {
                    *scroll = step(*scroll, max);
                }
            }
        }
    }

    fn click(&mut self, column: u16, row: u16) -> Option<Effect> {
        match self.mode {
            Mode::Normal => {}
            // A click on a stage chooses it; a click outside the picker closes it.
            Mode::Stage { cursor } => {
                return match stage_picker::entry_at(self, cursor, column, row) {
                    (true, Some(entry)) => self.update_stage(Action::Confirm, entry),
                    (true, None) => None,
                    (false, _) => {
                        self.mode = Mode::Normal;
                        None
                    }
                };
            }
            Mode::Help { .. } => {
                let inside = help::area(layout::body(self.area)).contains(Position::new(column, row));
                if !inside {
                    self.mode = Mode::Normal;
                }
                return None;
            }
            Mode::Filter | Mode::Export(_) => return None,
        }
        if let Some(tab) = layout::tab_at(self.area, column, row) {
            self.tab = tab;
            return None;
        }
        if self.tab == Tab::Checklist
            && let Some(index) = layout::question_at(self, column, row)
        {
            self.question = index;
            return self.toggle_selected();
        }
        None
    }
}
