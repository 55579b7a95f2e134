//! How actions change the export dialog, and the export it asks the event loop for.

use std::path::PathBuf;

use strum::IntoEnumIterator;

use crate::export::Format;
use crate::score::choice::{Status, UserChoice};
use crate::scorecard::Scorecard;
use crate::tui::action::Action;
use crate::tui::app::export_dialog::{ExportDialog, ExportField, ExportOutcome, ExportQuestion, FORMATS};
use crate::tui::app::export_path;
use crate::tui::app::line_editor::FIELD_PASTE_LIMIT;
use crate::tui::app::model::{App, Effect, ExportRequest};
use crate::tui::app::ui::Mode;

/// The user's choice with what the dialog sets on it: the status and, for the user's own
/// record, the deciders. Enter saves it; the record, written or copied, carries it.
fn dialog_choice(choice: &UserChoice, dialog: &ExportDialog) -> UserChoice {
    let mut choice = choice.clone();
    choice.status = dialog.status;
    // The team's deciders are the team record's, not the user's own choice's.
    if !dialog.team {
        choice.deciders = dialog.decider_list();
    }
    choice
}

/// The export the dialog asks for. The status and deciders belong to the choice: the export
/// writes them, and the next save keeps them.
fn write_export(
    scorecard: &mut Scorecard,
    dialog: &ExportDialog,
    confirmed: Option<&ExportQuestion>,
) -> Effect {
    let choice = dialog_choice(&scorecard.answers().choice, dialog);
    scorecard.set_choice(choice);
    Effect::Export(ExportRequest {
        format: dialog.format,
        path: PathBuf::from(dialog.path.value()),
        overwrite: matches!(confirmed, Some(ExportQuestion::Overwrite)),
        create_dir: matches!(confirmed, Some(ExportQuestion::CreateDir(_))),
        numbered: matches!(confirmed, Some(ExportQuestion::Numbered(_))),
    })
}

impl App {
    /// The text an export writes in `format`: the user's decision, or, from the export
    /// dialog opened on the Team tab, the team's record (the team's answers and verdict, the
    /// deciders of the dialog, a section per disagreement), as `export --team` writes it.
    /// With the dialog open, its status and deciders count as set, so that `Ctrl-Y` copies
    /// exactly what `Enter` writes.
    pub fn export_text(&self, format: Format, date: time::Date) -> String {
        let (answers, extras) = self.export_answers();
        crate::export::render_with(format, self.scorecard.decision(), &answers, date, extras)
    }

    /// The title of the record the dialog writes, which names its outcome ("Use Django").
    pub fn record_title(&self) -> String {
        crate::export::record_title(self.scorecard.decision(), &self.export_answers().0)
    }

    /// The status the record the dialog writes has: the one set, else the outcome's (of the
    /// team's answers, for the team's record), so the dialog shows what the file says.
    pub fn export_status(&self) -> Status {
        let (answers, _) = self.export_answers();
        let decision = self.scorecard.decision();
        let verdict = crate::score::evaluate(decision, &answers).verdict;
        answers.choice.resolve(decision, &verdict.suggestion()).status
    }

    /// The answers an export writes: the user's own with the dialog's status and deciders,
    /// or, from the Team tab, the team's.
    fn export_answers(&self) -> (crate::score::Answers, crate::export::RecordExtras) {
        let mut own = self.scorecard.answers().clone();
        if let Mode::Export(dialog) = &self.ui.mode {
            own.choice = dialog_choice(&own.choice, dialog);
        }
        match (&self.ui.mode, &self.team) {
            (Mode::Export(dialog), Some(team)) if dialog.team => {
                let answers = team.team.record_answers(&own, dialog.decider_list());
                let extras = crate::export::RecordExtras {
                    team: Some(crate::export::TeamInfo::new(
                        &team.team,
                        self.scorecard.decision(),
                    )),
                    ..crate::export::RecordExtras::default()
                };
                (answers, extras)
            }
            _ => (own, crate::export::RecordExtras::default()),
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
                    Some(write_export(&mut self.scorecard, dialog, Some(&question)))
                }
                Action::Close => {
                    dialog.question = None;
                    None
                }
                Action::CloseOverlay if !dialog.typed => {
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
                // From the status in force (the record's own when none was set here).
                let current = match dialog.status {
                    Some(status) => status,
                    None => self.export_status(),
                };
                let Mode::Export(dialog) = &mut self.ui.mode else {
                    return None;
                };
                let statuses: Vec<Status> = Status::iter().collect();
                let index = statuses.iter().position(|s| *s == current).unwrap_or(0);
                dialog.status = Some(statuses[(index + 1) % statuses.len()]);
            }
            Action::Input(c) => {
                dialog.typed = true;
                dialog.editor().insert(c);
            }
            Action::Backspace => {
                dialog.typed = true;
                dialog.editor().backspace();
            }
            Action::Edit(edit) => {
                dialog.typed = true;
                dialog.editor().edit(edit);
            }
            Action::CopyRecord => return Some(self.copy_record()),
            // Once something is typed, a stray click outside keeps it: only Esc closes.
            Action::CloseOverlay if dialog.typed => {
                self.set_status(
                    "Esc closes the export dialog; what you typed is kept until then",
                    false,
                );
            }
            Action::Close | Action::CloseOverlay => self.ui.mode = Mode::Normal,
            Action::Confirm => {
                if dialog.path.value().trim().is_empty() {
                    self.set_status("Export: type a file name first", true);
                } else if let Some(named) = export_path::mismatch(dialog.path.value(), dialog.format) {
                    dialog.question = Some(ExportQuestion::Mismatch { named });
                } else {
                    // The dialog stays open until the event loop reports the outcome.
                    return Some(write_export(&mut self.scorecard, dialog, None));
                }
            }
            _ => {}
        }
        None
    }

    /// A paste into the export dialog's field in focus, cut at [`FIELD_PASTE_LIMIT`]
    /// characters; `true` when cut.
    pub(super) fn paste_into_export(&mut self, text: &str) -> bool {
        match &mut self.ui.mode {
            Mode::Export(dialog) if dialog.question.is_none() => {
                dialog.typed = true;
                dialog.editor().insert_str(text, Some(FIELD_PASTE_LIMIT))
            }
            _ => false,
        }
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
            ExportOutcome::Numbered(file) => {
                if let Mode::Export(dialog) = &mut self.ui.mode {
                    dialog.question = Some(ExportQuestion::Numbered(file));
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
