//! The model of the app and `App::update`, which changes it for each action.
//!
//! Rendering is a pure function of `App` (see `ui.rs`); side effects that leave the model
//! (saving the answers, writing an export) are returned from `update` as [`Effect`]s and
//! performed by the event loop.

use std::path::PathBuf;

use ratatui::layout::Rect;

use super::action::{Action, Tab};
use super::keymap::{Keymap, Scope};
use super::layout;
use super::theme::Theme;
use crate::cli::Format;
use crate::decision::{Decision, question_id};
use crate::score::{Answers, Evaluation, evaluate};

/// What is open over the tabs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Normal,
    /// The help overlay, scrolled by so many lines.
    Help { scroll: u16 },
    /// Typing the Compare filter.
    Filter,
    /// The stage picker; 0 is "no stage", then the stages in order.
    Stage { cursor: usize },
    /// The export dialog.
    Export(ExportDialog),
}

/// The export dialog's fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportDialog {
    pub format: Format,
    pub path: String,
    /// Set when the file exists and the dialog asks before replacing it.
    pub confirm_overwrite: bool,
}

impl ExportDialog {
    fn new(format: Format) -> ExportDialog {
        ExportDialog {
            format,
            path: default_export_path(format),
            confirm_overwrite: false,
        }
    }
}

/// The default export path for a format: `decision.<ext>` in the current directory.
pub fn default_export_path(format: Format) -> String {
    format!("decision.{}", format.extension())
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
    /// Leave the app.
    Quit,
}

/// How an export ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportOutcome {
    Written(PathBuf),
    /// The file exists and overwriting was not confirmed yet.
    Exists,
    Failed(String),
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
    pub overview_scroll: u16,
    pub strengths_scroll: u16,
    pub decision_scroll: u16,
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

    /// The key scopes active now, most specific first.
    pub fn scopes(&self) -> Vec<Scope> {
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

    /// Sets the answers (from a loaded session, say) and re-evaluates.
    pub fn set_answers(&mut self, answers: Answers) {
        self.answers = answers;
        self.evaluation = evaluate(&self.decision, &self.answers);
    }

    /// Shows a message in the status line.
    pub fn set_status(&mut self, text: impl Into<String>, is_error: bool) {
        self.status = Some(Status {
            text: text.into(),
            is_error,
        });
    }

    /// Changes the model for an action; returns the work left for the event loop.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        // A message lasts until the next key or click, like a message line in any editor.
        if !matches!(action, Action::Resize { .. }) {
            self.status = None;
        }
        match action {
            Action::Quit => {
                self.quit = true;
                return Some(Effect::Quit);
            }
            Action::Resize { width, height } => {
                self.area = Rect::new(0, 0, width, height);
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
        for option in &self.decision.options {
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
                let mut value = usize::from(*scroll);
                for _ in 0..times {
                    value = step(value, usize::from(max));
                }
                *scroll = u16::try_from(value).unwrap_or(max);
            }
        }
    }

    fn update_help(&mut self, action: Action, scroll: u16) {
        let max = layout::help_max_scroll(self);
        let page = layout::body(self.area).height.saturating_sub(4).max(1);
        let scroll = match action {
            Action::Close | Action::ToggleHelp => {
                self.mode = Mode::Normal;
                return;
            }
            Action::Down | Action::ScrollDown => scroll.saturating_add(1),
            Action::Up | Action::ScrollUp => scroll.saturating_sub(1),
            Action::First => 0,
            Action::Last => max,
            Action::PageDown => scroll.saturating_add(page),
            Action::PageUp => scroll.saturating_sub(page),
            _ => scroll,
        };
        self.mode = Mode::Help {
            scroll: scroll.min(max),
        };
    }

    fn update_filter(&mut self, action: Action) {
        match action {
            Action::Input(c) => {
                self.filter.push(c);
                self.compare_row = 0;
            }
            Action::Backspace => {
                self.filter.pop();
                self.compare_row = 0;
            }
            Action::Confirm => self.mode = Mode::Normal,
            Action::Close => {
                self.filter.clear();
                self.compare_row = 0;
                self.mode = Mode::Normal;
            }
            Action::Down | Action::Up => {
                let last = self.compare_rows().len().saturating_sub(1);
                self.compare_row = if action == Action::Down {
                    (self.compare_row + 1).min(last)
                } else {
                    self.compare_row.saturating_sub(1)
                };
            }
            _ => {}
        }
    }

    fn update_stage(&mut self, action: Action, cursor: usize) -> Option<Effect> {
        let last = self.decision.stages.len();
        match action {
            Action::Down | Action::ScrollDown => {
                self.mode = Mode::Stage {
                    cursor: (cursor + 1).min(last),
                }
            }
            Action::Up | Action::ScrollUp => {
                self.mode = Mode::Stage {
                    cursor: cursor.saturating_sub(1),
                }
            }
            Action::First => self.mode = Mode::Stage { cursor: 0 },
            Action::Last => self.mode = Mode::Stage { cursor: last },
            Action::Close => self.mode = Mode::Normal,
            Action::Confirm => {
                self.mode = Mode::Normal;
                let stage = cursor.checked_sub(1).and_then(|i| self.decision.stages.get(i));
                self.answers.stage = stage.map(|s| s.id.clone());
                self.evaluation = evaluate(&self.decision, &self.answers);
                let text = match stage {
                    Some(stage) => format!("Stage: {}", stage.label),
                    None => "Stage cleared".to_owned(),
                };
                self.set_status(text, false);
                return Some(Effect::SaveAnswers);
            }
            _ => {}
        }
        None
    }

    fn update_export(&mut self, action: Action, mut dialog: ExportDialog) -> Option<Effect> {
        if dialog.confirm_overwrite {
            return match action {
                Action::Confirm => {
                    let effect = Effect::Export {
                        format: dialog.format,
                        path: PathBuf::from(&dialog.path),
                        overwrite: true,
                    };
                    dialog.confirm_overwrite = false;
                    self.mode = Mode::Export(dialog);
                    Some(effect)
                }
                Action::Close => {
                    dialog.confirm_overwrite = false;
                    self.mode = Mode::Export(dialog);
                    None
                }
                _ => None,
            };
        }
        match action {
            Action::NextFormat | Action::PreviousFormat => {
                let formats = [Format::Md, Format::Json, Format::Ron];
                let index = formats.iter().position(|f| *f == dialog.format).unwrap_or(0);
                let next = if action == Action::NextFormat {
                    (index + 1) % formats.len()
                } else {
                    (index + formats.len() - 1) % formats.len()
                };
                // Keep a path the user typed; follow the format only while it is a default.
                if dialog.path == default_export_path(dialog.format) || dialog.path.is_empty() {
                    dialog.path = default_export_path(formats[next]);
                }
                dialog.format = formats[next];
            }
            Action::Input(c) => dialog.path.push(c),
            Action::Backspace => {
                dialog.path.pop();
            }
            Action::Close => {
                self.mode = Mode::Normal;
                return None;
            }
            Action::Confirm => {
                if dialog.path.trim().is_empty() {
                    self.set_status("Export: type a file name first", true);
                } else {
                    // The dialog stays open until the event loop reports the outcome.
                    let effect = Effect::Export {
                        format: dialog.format,
                        path: PathBuf::from(&dialog.path),
                        overwrite: false,
                    };
                    self.mode = Mode::Export(dialog);
                    return Some(effect);
                }
            }
            _ => {}
        }
        self.mode = Mode::Export(dialog);
        None
    }

    /// The outcome of an export the event loop performed.
    pub fn export_done(&mut self, outcome: ExportOutcome) {
        match outcome {
            ExportOutcome::Written(path) => {
                self.mode = Mode::Normal;
                self.set_status(format!("Wrote {}", path.display()), false);
                if !self.written.contains(&path) {
                    self.written.push(path);
                }
            }
            ExportOutcome::Exists => {
                if let Mode::Export(dialog) = &mut self.mode {
                    dialog.confirm_overwrite = true;
                }
            }
            ExportOutcome::Failed(message) => {
                // The dialog stays open so the user can fix the path; nothing is lost.
                self.set_status(format!("Export failed: {message}"), true);
            }
        }
    }

    fn click(&mut self, column: u16, row: u16) -> Option<Effect> {
        if self.mode != Mode::Normal {
            return None;
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
