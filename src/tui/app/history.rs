//! Undo, redo and starting over: the Scorecard keeps the history; here the keys reach it,
//! the status line says what happened, and starting over asks first.

use crate::tui::action::Action;
use crate::tui::app::model::App;
use crate::tui::app::model::Effect;
use crate::tui::app::ui::Mode;

impl App {
    /// `u`: undoes the last change, says which, and saves.
    pub(super) fn undo(&mut self) -> Option<Effect> {
        let Some(label) = self.scorecard.undo() else {
            self.set_status("Nothing to undo", false);
            return None;
        };
        self.set_status(format!("Undid: {label}"), false);
        Some(Effect::SaveAnswers)
    }

    /// Ctrl-R: redoes the last change undone, says which, and saves.
    pub(super) fn redo(&mut self) -> Option<Effect> {
        let Some(label) = self.scorecard.redo() else {
            self.set_status("Nothing to redo", false);
            return None;
        };
        self.set_status(format!("Redid: {label}"), false);
        Some(Effect::SaveAnswers)
    }

    /// `R`: asks before starting over, saying what would go.
    pub(super) fn ask_start_over(&mut self) {
        match self.scorecard.answers().summary() {
            Some(what) => {
                self.ui.mode = Mode::ConfirmReset {
                    question: format!("Reset {what}? y/n"),
                };
            }
            None => self.set_status("Nothing to reset: no answers, notes, stage or choice", false),
        }
    }

    /// The start-over question: `y` clears everything (undoable), `n` or Esc keeps it.
    pub(super) fn update_confirm_reset(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::Confirm => {
                self.ui.mode = Mode::Normal;
                self.scorecard.reset();
                self.set_status("Started over; u undoes it", false);
                Some(Effect::SaveAnswers)
            }
            Action::Close | Action::CloseOverlay => {
                self.ui.mode = Mode::Normal;
                self.set_status("Kept the answers", false);
                None
            }
            _ => None,
        }
    }
}
