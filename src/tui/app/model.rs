//! The model: the whole state of the app, and the effects `update` hands to the event loop.
//! The other files of `app/` add the methods of each part of the state.

use std::path::PathBuf;

use crate::decision::Decision;
use crate::export::Format;
use crate::score::Answers;
use crate::scorecard::Scorecard;
use crate::tui::config::Settings;
use crate::tui::keys::keymap::{Keymap, Scope};
use crate::tui::theme::Theme;

use crate::tui::app::export_dialog::ExportQuestion;
use crate::tui::app::line_editor::FIELD_PASTE_LIMIT;
use crate::tui::app::team::AppTeam;
use crate::tui::app::ui::{self, Mode, Status, Ui};
use crate::tui::search::contains_folded;

/// Work for the event loop, outside the model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// The answers changed: autosave them.
    SaveAnswers,
    /// Write the export the dialog asks for.
    Export(ExportRequest),
    /// Give the terminal back and stop (Ctrl-Z), as SIGTSTP does; `fg` continues.
    Suspend,
    /// Put this text on the clipboard, through the terminal (OSC 52).
    Copy(String),
}

/// An export for the event loop to write. `overwrite`, `create_dir` (its missing directory)
/// and `numbered` (the next numbered record of the folder `path` names) only once the user
/// confirmed them.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(clippy::struct_excessive_bools)] // Each is one answer the user gave the dialog.
pub struct ExportRequest {
    pub format: Format,
    pub path: PathBuf,
    pub overwrite: bool,
    pub create_dir: bool,
    pub numbered: bool,
}

/// The whole state of the app.
#[derive(Debug, Clone)]
pub struct App {
    /// The decision, the answers and their evaluation, kept consistent.
    pub scorecard: Scorecard,
    pub ui: Ui,
    /// Every status message of the session, oldest first (at most
    /// [`ui::MESSAGE_LOG_LENGTH`]), so that one cut short in the footer, or gone at the next
    /// key, can be read in full. Kept beside `ui`, not in it: each message also sets the
    /// status line, so comparing the log for a redraw would only repeat that comparison.
    pub messages: std::collections::VecDeque<Status>,
    pub settings: Settings,
    /// The team of `stackpick --team`, shown on the Team tab; `None` without one.
    pub team: Option<AppTeam>,
    /// Paths written by exports this session, printed after the app exits.
    pub written: Vec<PathBuf>,
    /// The directory relative export paths are written in (the process's working directory),
    /// so the export dialog can show the full path. Empty shows paths as typed.
    pub working_dir: PathBuf,
    pub quit: bool,
}

impl App {
    /// A new app on this decision and these answers, with the default keys.
    pub fn new(decision: Decision, answers: Answers, theme: Theme) -> App {
        let settings = Settings {
            theme,
            keymap: Keymap::default(),
            default_decider: None,
        };
        App::with_settings(decision, answers, settings)
    }

    /// The app on a decision and answers, with the settings read from the config file.
    pub fn with_settings(decision: Decision, answers: Answers, settings: Settings) -> App {
        let scorecard = Scorecard::new(decision, answers);
        let mut ui = Ui::default();
        ui.strengths.scroll = vec![0; scorecard.decision().options.len()];
        App {
            scorecard,
            ui,
            messages: std::collections::VecDeque::new(),
            settings,
            team: None,
            written: Vec::new(),
            working_dir: PathBuf::new(),
            quit: false,
        }
    }

    /// The key scopes active now, most specific first. While the terminal is too small to
    /// show anything, only the keys of `Scope::TooSmall` act: nothing happens unseen.
    pub fn scopes(&self) -> Vec<Scope> {
        if self.ui.too_small {
            return vec![Scope::TooSmall];
        }
        match &self.ui.mode {
            // While a search is in force, `n`/`N` step through it and Esc clears it.
            Mode::Normal if self.ui.searching() => vec![Scope::Found, Scope::Tab(self.ui.tab), Scope::Global],
            Mode::Normal => vec![Scope::Tab(self.ui.tab), Scope::Global],
            Mode::Help { .. } if self.ui.help.typing => vec![Scope::Filter],
            Mode::Help { .. } => vec![Scope::Help],
            Mode::Filter => vec![Scope::Filter],
            Mode::Stage { .. } => vec![Scope::Stage],
            Mode::Export(dialog) => match dialog.question {
                Some(ExportQuestion::Overwrite) => vec![Scope::Overwrite],
                Some(_) => vec![Scope::ExportQuestion],
                None => vec![Scope::Export],
            },
            Mode::Note { .. } | Mode::Because { .. } => vec![Scope::Editor],
            Mode::Choose { .. } => vec![Scope::Choose],
            Mode::ConfirmReset { .. } => vec![Scope::Reset],
            Mode::Messages { .. } => vec![Scope::Messages],
            Mode::TeamNotes { .. } => vec![Scope::TeamNotes],
        }
    }

    /// The Compare rows a filter keeps, as indexes into the comparison.
    pub fn compare_rows_for(&self, filter: &str) -> Vec<usize> {
        // Called on every key and frame on the Compare tab, so it allocates nothing per cell:
        // no filter keeps every row, and a filter is matched without lower-casing the cells.
        let comparison = &self.scorecard.decision().comparison;
        if filter.is_empty() {
            return (0..comparison.len()).collect();
        }
        let needle = filter.to_lowercase();
        comparison
            .iter()
            .enumerate()
            .filter(|(_, aspect)| {
                contains_folded(&aspect.name, &needle)
                    || aspect.values.values().any(|v| contains_folded(v, &needle))
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The Compare rows the current filter keeps.
    pub fn compare_rows(&self) -> Vec<usize> {
        self.compare_rows_for(self.ui.compare.filter.value())
    }

    /// How many Compare rows the current filter keeps: every row, uncounted, when there is
    /// no filter (a key on a comparison of thousands of rows lists none of them).
    pub fn compare_row_count(&self) -> usize {
        let filter = self.ui.compare.filter.value();
        if filter.is_empty() {
            return self.scorecard.decision().comparison.len();
        }
        self.compare_rows_for(filter).len()
    }

    /// The questions (display indexes, in order) the Checklist filter keeps: those whose
    /// text or note contains it, ignoring case. `None` when there is no filter.
    pub fn checklist_matches(&self) -> Option<Vec<usize>> {
        let filter = self.ui.checklist.filter.value();
        if filter.is_empty() {
            return None;
        }
        let needle = filter.to_lowercase();
        let kept = (0..self.scorecard.question_count())
            .filter(|&index| {
                self.scorecard
                    .question(index)
                    .is_some_and(|(_, q)| contains_folded(&q.text, &needle))
                    || self
                        .scorecard
                        .note(index)
                        .is_some_and(|n| contains_folded(n, &needle))
            })
            .collect();
        Some(kept)
    }

    /// Shows a message in the status line.
    pub fn set_status(&mut self, text: impl Into<String>, is_error: bool) {
        // Messages quote paths and file text: escape what could drive the terminal.
        let status = Status {
            text: crate::text::escape(&text.into()).into_owned(),
            is_error,
        };
        if self.messages.len() >= ui::MESSAGE_LOG_LENGTH {
            self.messages.pop_front();
        }
        self.messages.push_back(status.clone());
        self.ui.status = Some(status);
    }

    /// Pasted text goes into the text field being typed in, cleaned (see `typed.rs`), as one
    /// edit; anywhere else it is ignored, so a paste never acts as a string of keys. A note or
    /// a justification takes all of it; any other field holds at most [`FIELD_PASTE_LIMIT`]
    /// characters, and the status line says the paste was cut there.
    pub fn paste(&mut self, text: &str) {
        if !self.scopes().iter().any(|s| s.takes_text()) {
            return;
        }
        let text = crate::tui::app::typed::clean_paste(text);
        // A paste replaces the last message, as a key does.
        self.ui.status = None;
        let cut = match self.ui.mode {
            Mode::Note { .. } | Mode::Because { .. } => {
                self.paste_into_editor(&text);
                false
            }
            Mode::Export(_) => self.paste_into_export(&text),
            Mode::Filter => self.paste_into_query(&text),
            Mode::Help { .. } => self.paste_into_help_filter(&text),
            _ => false,
        };
        if cut {
            let limit = crate::text::thousands(FIELD_PASTE_LIMIT);
            self.set_status(
                format!("Paste cut at {limit} characters: a one-line field holds no more"),
                true,
            );
        }
    }

    /// The keys in force.
    pub fn keymap(&self) -> &Keymap {
        &self.settings.keymap
    }

    /// The colours in force.
    pub fn theme(&self) -> &Theme {
        &self.settings.theme
    }
}
