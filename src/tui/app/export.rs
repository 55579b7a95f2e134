//! The export dialog's state and how actions change it.

use std::path::PathBuf;

use super::{App, Effect, Mode};
use crate::cli::Format;
use crate::tui::action::Action;
use crate::tui::app::typed::is_typeable;

/// The export dialog's fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportDialog {
    pub format: Format,
    pub path: String,
    /// Set when the file exists and the dialog asks before replacing it.
    pub confirm_overwrite: bool,
}

impl ExportDialog {
    pub(super) fn new(format: Format) -> ExportDialog {
        ExportDialog {
            format,
            path: default_export_path(format),
            confirm_overwrite: false,
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
pub const FORMATS: [Format; 3] = [Format::Md, Format::Json, Format::Ron];

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
            Action::Input(c) if is_typeable(c) => dialog.path.push(c),
            Action::Backspace => {
                dialog.path.pop();
            }
            Action::Close | Action::CloseOverlay => self.ui.mode = Mode::Normal,
            Action::Confirm => {
                if dialog.path.trim().is_empty() {
                    self.set_status("Export: type a file name first", true);
                } else {
                    // The dialog stays open until the event loop reports the outcome.
                    return Some(Effect::Export {
                        format: dialog.format,
                        path: PathBuf::from(&dialog.path),
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
