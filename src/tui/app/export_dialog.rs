//! The export dialog's state: the format, the path, the status and the deciders being typed,
//! and the question it asks before writing.

use std::path::PathBuf;

use crate::export::Format;
use crate::score::choice::{Status, UserChoice};
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
    /// Opened on the Team tab: it writes the team's record (see [`App::export_text`](crate::tui::App::export_text)).
    pub team: bool,
    /// Something was typed into a field: a click outside no longer closes the dialog.
    pub typed: bool,
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
    /// The path names a decisions folder: write its next numbered record, this file?
    Numbered(PathBuf),
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
            crate::text::join(&choice.deciders, ", ")
        };
        ExportDialog {
            format,
            path: LineEditor::new(&export_path::default_export_path(format)),
            status: choice.status,
            deciders: LineEditor::new(&deciders),
            field: ExportField::Path,
            question: None,
            working_dir,
            team: false,
            typed: false,
        }
    }

    /// The dialog writes the team's record, decided by everyone (`names`) unless the user
    /// says otherwise.
    pub(super) fn for_team(&mut self, names: &str) {
        self.team = true;
        self.deciders = LineEditor::new(names);
    }

    /// The deciders typed, one per comma-separated name.
    pub fn decider_list(&self) -> Vec<crate::text::Text> {
        let names: Vec<&str> = self.deciders.value().split(',').collect();
        crate::identity::clean_names(&names)
    }

    /// The full path the export writes: the typed path from the working directory.
    pub fn full_path(&self) -> PathBuf {
        export_path::resolve(&self.working_dir, self.path.value())
    }

    /// The field being typed into.
    pub(crate) fn editor(&mut self) -> &mut LineEditor {
        match self.field {
            ExportField::Path => &mut self.path,
            ExportField::Deciders => &mut self.deciders,
        }
    }

    /// Switches the format; the path follows it when it is named for a format (see
    /// `export_path::path_for_format`), and is kept when the user named it otherwise.
    pub(crate) fn set_format(&mut self, format: Format) {
        let path = export_path::path_for_format(self.path.value(), format);
        self.path.set_value(&path);
        self.format = format;
    }
}

/// The export formats, in the order the dialog shows and cycles them.
pub const FORMATS: [Format; 5] = [Format::Md, Format::Json, Format::Ron, Format::Svg, Format::Html];

/// How an export ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportOutcome {
    Written(PathBuf),
    /// The file exists and overwriting was not confirmed yet.
    Exists,
    /// The file's directory (this one, as the path names it) does not exist and creating it
    /// was not confirmed yet.
    MissingDirectory(PathBuf),
    /// The path names a decisions folder; its next numbered record would be this file, and
    /// writing it was not confirmed yet.
    Numbered(PathBuf),
    Failed(String),
}
