//! The export dialog's state and how actions change it.

use std::path::PathBuf;

use super::{App, Effect, Mode};
use strum::IntoEnumIterator;

use crate::choice::{Status, UserChoice};
use crate::cli::Format;
use crate::tui::action::Action;
use crate::tui::app::typed::is_typeable;

/// The export dialog's fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportDialog {
    pub format: Format,
    pub path: String,
    /// The record's status as set here; `None` follows the choice (see `UserChoice::status`).
    pub status: Option<Status>,
    /// Who decided, comma-separated.
    pub deciders: String,
    /// The text field typed into.
    pub field: ExportField,
    /// Set when the file exists and the dialog asks before replacing it.
    pub confirm_overwrite: bool,
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
    /// defaulting to `default_decider` when none was given.
    pub(super) fn new(format: Format, choice: &UserChoice, default_decider: Option<String>) -> ExportDialog {
        let deciders = if choice.deciders.is_empty() {
            default_decider.unwrap_or_default()
        } else {
            choice.deciders.join(", ")
        };
        ExportDialog {
            format,
            path: default_export_path(format),
            status: choice.status,
            deciders,
            field: ExportField::Path,
            confirm_overwrite: false,
        }
    }

    /// The deciders typed, one per comma-separated name.
    pub fn decider_list(&self) -> Vec<String> {
        self.deciders
            .split(',')
            .map(crate::score::one_line)
            .filter(|name| !name.is_empty())
            .collect()
    }

    /// The field being typed into.
    fn text(&mut self) -> &mut String {
        match self.field {
            ExportField::Path => &mut self.path,
            ExportField::Deciders => &mut self.deciders,
        }
    }

    /// Switches the format; a path the user typed stays, a default one follows the format.
    fn set_format(&mut self, format: Format) {
        if self.path == default_export_path(self.format) || self.path.is_empty() {
            self.path = default_export_path(format);
        }
        self.format = format;
    }
}

/// The export formats, in the order the dialog shows and cycles them.
pub const FORMATS: [Format; 5] = [Format::Md, Format::Json, Format::Ron, Format::Svg, Format::Html];

/// The default export path for a format: `decision.<ext>` in the current directory.
pub fn default_export_path(format: Format) -> String {
    format!("decision.{}", format.extension())
}

/// How an export ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportOutcome {
    Written(PathBuf),
    /// The file exists and overwriting was not confirmed yet.
    Exists,
    Failed(String),
}

impl App {
    pub(super) fn update_export(&mut self, action: Action) -> Option<Effect> {
        let Mode::Export(dialog) = &mut self.ui.mode else {
            return None;
        };
        if dialog.confirm_overwrite {
            return match action {
                Action::Confirm => {
                    dialog.confirm_overwrite = false;
                    Some(Effect::Export {
                        format: dialog.format,
                        path: PathBuf::from(&dialog.path),
                        overwrite: true,
                    })
                }
                Action::Close => {
                    dialog.confirm_overwrite = false;
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
            Action::Input(c) if is_typeable(c) => dialog.text().push(c),
            Action::Backspace => {
                dialog.text().pop();
            }
            Action::Close | Action::CloseOverlay => self.ui.mode = Mode::Normal,
            Action::Confirm => {
                if dialog.path.trim().is_empty() {
                    self.set_status("Export: type a file name first", true);
                } else {
                    // The status and deciders belong to the choice: the export writes them,
                    // and the next save keeps them.
                    let mut choice = self.scorecard.answers().choice.clone();
                    choice.status = dialog.status;
                    choice.deciders = dialog.decider_list();
                    let (format, path) = (dialog.format, PathBuf::from(&dialog.path));
                    self.scorecard.set_choice(choice);
                    // The dialog stays open until the event loop reports the outcome.
                    return Some(Effect::Export {
                        format,
                        path,
                        overwrite: false,
                    });
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
                    dialog.confirm_overwrite = true;
                }
            }
            ExportOutcome::Failed(message) => {
                // The dialog stays open so the user can fix the path; nothing is lost.
                self.set_status(format!("Export failed: {message}"), true);
            }
        }
    }
}
