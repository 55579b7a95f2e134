//! The export dialog's state and how actions change it.

use std::path::PathBuf;

use super::{App, Effect, Mode};
use strum::IntoEnumIterator;

use crate::choice::{Status, UserChoice};
use crate::cli::Format;
use crate::scorecard::Scorecard;
use crate::tui::action::Action;
use crate::tui::app::export_path;
use crate::tui::app::line_editor::LineEditor;

/// The export dialog's fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportDialog {
    pub format: Format,
    /// The path as typed; see [`ExportDialog::full_path`] for where it writes.
    pub path: LineEditor,
    /// The record's status as set here; `None` follows the choice (see `UserChoice::status`).
    pub status: Option<Status>,
    /// Who decided, comma-separated.
    pub deciders: LineEditor,
    /// The text field typed into.
    pub field: ExportField,
    /// The question the dialog asks before it writes, if any.
    pub question: Option<ExportQuestion>,
    /// The directory a relative path is written in: the app's working directory.
    pub working_dir: PathBuf,
    /// Opened on the Team tab: it writes the team's record (see [`App::export_text`]).
    pub team: bool,
}

/// What the export dialog asks before it writes (y/n; no keeps the dialog open).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportQuestion {
    /// The path is named for another format (JSON into `x.md`): write anyway?
    Mismatch { named: Format },
    /// The file exists: replace it?
    Overwrite,
    /// The file's directory does not exist (this full path): create it, then write?
    CreateDir(PathBuf),
}

/// The export dialog's text fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ExportField {
    #[default]
    Path,
    Deciders,
}

impl ExportDialog {
    /// The dialog for these answers: the status and deciders of their choice, the deciders
    /// defaulting to `default_decider` when none was given; relative paths from `working_dir`.
    pub(super) fn new(
        format: Format,
        choice: &UserChoice,
        default_decider: Option<String>,
        working_dir: PathBuf,
    ) -> ExportDialog {
        let deciders = if choice.deciders.is_empty() {
            default_decider.unwrap_or_default()
        } else {
            choice.deciders.join(", ")
        };
        ExportDialog {
            format,
            path: LineEditor::new(&default_export_path(format)),
            status: choice.status,
            deciders: LineEditor::new(&deciders),
            field: ExportField::Path,
            question: None,
            working_dir,
            team: false,
        }
    }

    /// The dialog writes the team's record, decided by everyone (`names`) unless the user
    /// says otherwise.
    pub(super) fn for_team(&mut self, names: &str) {
        self.team = true;
        self.deciders = LineEditor::new(names);
    }

    /// The deciders typed, one per comma-separated name.
    pub fn decider_list(&self) -> Vec<String> {
        self.deciders
            .value()
            .split(',')
            .map(crate::score::one_line)
            .filter(|name| !name.is_empty())
            .collect()
    }

    /// The full path the export writes: the typed path from the working directory.
    pub fn full_path(&self) -> PathBuf {
        export_path::resolve(&self.working_dir, self.path.value())
    }

    /// The field being typed into.
    fn editor(&mut self) -> &mut LineEditor {
        match self.field {
            ExportField::Path => &mut self.path,
            ExportField::Deciders => &mut self.deciders,
        }
    }

    /// Switches the format; the path follows it when it is named for a format (see
    /// `export_path::path_for_format`), and is kept when the user named it otherwise.
    fn set_format(&mut self, format: Format) {
        let path = export_path::path_for_format(self.path.value(), format);
        self.path.set_value(&path);
        self.format = format;
    }
}

/// The export formats, in the order the dialog shows and cycles them.
pub const FORMATS: [Format; 5] = [Format::Md, Format::Json, Format::Ron, Format::Svg, Format::Html];

/// The default export path for a format: `decision.<ext>` in the current directory.
pub fn default_export_path(format: Format) -> String {
    format!("decision.{}", format.extension())
}

/// The export the dialog asks for. The status and deciders belong to the choice: the export
/// writes them, and the next save keeps them.
fn write_export(
    scorecard: &mut Scorecard,
    dialog: &ExportDialog,
    overwrite: bool,
    create_dir: bool,
) -> Effect {
    let mut choice = scorecard.answers().choice.clone();
    choice.status = dialog.status;
    // The team's deciders are the team record's, not the user's own choice's.
    if !dialog.team {
        choice.deciders = dialog.decider_list();
    }
    scorecard.set_choice(choice);
    Effect::Export {
        format: dialog.format,
        path: PathBuf::from(dialog.path.value()),
        overwrite,
        create_dir,
    }
}

/// How an export ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportOutcome {
    Written(PathBuf),
    /// The file exists and overwriting was not confirmed yet.
    Exists,
    /// The file's directory (this one, as the path names it) does not exist and creating it
    /// was not confirmed yet.
    MissingDirectory(PathBuf),
    Failed(String),
}

impl App {
    /// The text an export writes in `format`: the user's decision, or, from the export
    /// dialog opened on the Team tab, the team's record (the team's answers and verdict, the
    /// deciders of the dialog, a section per disagreement), as `export --team` writes it.
    pub fn export_text(&self, format: Format, date: time::Date) -> String {
        let decision = self.scorecard.decision();
        let own = self.scorecard.answers();
        match (&self.ui.mode, &self.team) {
            (Mode::Export(dialog), Some(team)) if dialog.team => {
                let answers = team.team.record_answers(own, dialog.decider_list());
                let extras = crate::export::RecordExtras {
                    team: Some(crate::export::TeamInfo::new(&team.team)),
                    ..crate::export::RecordExtras::default()
                };
                crate::export::render_with(format, decision, &answers, date, extras)
            }
            _ => crate::export::render(format, decision, own, date),
        }
    }

    pub(super) fn update_export(&mut self, action: Action) -> Option<Effect> {
        let Mode::Export(dialog) = &mut self.ui.mode else {
            return None;
        };
        if let Some(question) = dialog.question.clone() {
            return match action {
                Action::Confirm => {
                    dialog.question = None;
                    let (overwrite, create_dir) = match question {
                        ExportQuestion::Mismatch { .. } => (false, false),
                        ExportQuestion::Overwrite => (true, false),
                        ExportQuestion::CreateDir(_) => (false, true),
                    };
                    Some(write_export(&mut self.scorecard, dialog, overwrite, create_dir))
                }
                Action::Close => {
                    dialog.question = None;
                    None
                }
                Action::CloseOverlay => {
                    self.ui.mode = Mode::Normal;
                    None
                }
                _ => None,
            };
        }
        match action {
            Action::NextFormat | Action::PreviousFormat => {
                let index = FORMATS.iter().position(|f| *f == dialog.format).unwrap_or(0);
                let next = if action == Action::NextFormat {
                    (index + 1) % FORMATS.len()
                } else {
                    (index + FORMATS.len() - 1) % FORMATS.len()
                };
                dialog.set_format(FORMATS[next]);
            }
            Action::PickFormat(format) => dialog.set_format(format),
            Action::NextField => dialog.field = ExportField::Deciders,
            Action::PreviousField => dialog.field = ExportField::Path,
            Action::NextStatus => {
                // From the status in force (the choice's own when none was set here).
                let current = dialog
                    .status
                    .unwrap_or_else(|| self.scorecard.resolved_choice().status);
                let statuses: Vec<Status> = Status::iter().collect();
                let index = statuses.iter().position(|s| *s == current).unwrap_or(0);
                dialog.status = Some(statuses[(index + 1) % statuses.len()]);
            }
            Action::Input(c) => {
                dialog.editor().insert(c);
            }
            Action::Backspace => dialog.editor().backspace(),
            Action::Edit(edit) => dialog.editor().edit(edit),
            Action::CopyRecord => return Some(self.copy_record()),
            Action::Close | Action::CloseOverlay => self.ui.mode = Mode::Normal,
            Action::Confirm => {
                if dialog.path.value().trim().is_empty() {
                    self.set_status("Export: type a file name first", true);
                } else if let Some(named) = export_path::mismatch(dialog.path.value(), dialog.format) {
                    dialog.question = Some(ExportQuestion::Mismatch { named });
                } else {
                    // The dialog stays open until the event loop reports the outcome.
                    return Some(write_export(&mut self.scorecard, dialog, false, false));
                }
            }
            _ => {}
        }
        None
    }

    /// The outcome of an export the event loop performed.
    pub fn export_done(&mut self, outcome: ExportOutcome) {
        match outcome {
            ExportOutcome::Written(path) => {
                self.ui.mode = Mode::Normal;
                self.set_status(format!("Wrote {}", path.display()), false);
                if !self.written.contains(&path) {
                    self.written.push(path);
                }
            }
            ExportOutcome::Exists => {
                if let Mode::Export(dialog) = &mut self.ui.mode {
                    dialog.question = Some(ExportQuestion::Overwrite);
                }
            }
            ExportOutcome::MissingDirectory(dir) => {
                if let Mode::Export(dialog) = &mut self.ui.mode {
                    let full = export_path::resolve(&dialog.working_dir, &dir.to_string_lossy());
                    dialog.question = Some(ExportQuestion::CreateDir(full));
                }
            }
            ExportOutcome::Failed(message) => {
                // The dialog stays open so the user can fix the path; nothing is lost.
                self.set_status(format!("Export failed: {message}"), true);
            }
        }
    }
}
