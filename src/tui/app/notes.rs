//! Typing a one-line note (a question's, or the decision's own) and the justification of the
//! user's decision: the same line editor, saved with the answers on Enter.

use crate::tui::action::{Action, Tab};
use crate::tui::app::line_editor::LineEditor;
use crate::tui::app::model::App;
use crate::tui::app::model::Effect;
use crate::tui::app::ui::Mode;
use crate::tui::app::ui::NoteTarget;

impl App {
    /// Opens the note editor: on the Checklist for the selected question, on the Decision tab
    /// for the decision's own note.
    pub(super) fn open_note(&mut self) {
        let target = match self.ui.tab {
            Tab::Checklist => NoteTarget::Question(self.ui.checklist.selected),
            Tab::Decision => NoteTarget::Decision,
            // The user's own note, in their column.
            Tab::Team => match self.team_selected_index() {
                Some(index) => NoteTarget::Question(index),
                None => return,
            },
            _ => return,
        };
        let text = match target {
            NoteTarget::Question(index) => self.scorecard.note(index).unwrap_or_default().to_owned(),
            NoteTarget::Decision => self.scorecard.answers().note.to_string(),
        };
        self.ui.mode = Mode::Note {
            target,
            editor: LineEditor::new(&text),
        };
    }

    /// Keys while a note or a justification is typed: Enter keeps it, Esc drops the edit, and
    /// nothing else closes the editor.
    pub(super) fn update_editor(&mut self, action: Action) -> Option<Effect> {
        let (Mode::Note { editor, .. } | Mode::Because { editor, .. }) = &mut self.ui.mode else {
            return None;
        };
        match action {
            Action::Input(c) => {
                editor.insert(c);
            }
            Action::Backspace => editor.backspace(),
            Action::Edit(edit) => editor.edit(edit),
            Action::Close => self.ui.mode = Mode::Normal,
            Action::Confirm => return self.keep_edit(),
            // A click outside (`CloseOverlay`) is ignored too, as lazygit's commit box does: a
            // stray click neither throws the draft away nor saves a half-typed line.
            _ => {}
        }
        None
    }

    /// A paste into the note or justification being typed: all of it, as one edit (kept, like
    /// typing, only on Enter, so one step of undo).
    pub(super) fn paste_into_editor(&mut self, text: &str) {
        if let Mode::Note { editor, .. } | Mode::Because { editor, .. } = &mut self.ui.mode {
            editor.insert_str(text, None);
        }
    }

    /// Enter in the editor: the note or the decision is kept, and saved.
    fn keep_edit(&mut self) -> Option<Effect> {
        match std::mem::take(&mut self.ui.mode) {
            Mode::Note {
                target: NoteTarget::Question(index),
                editor,
            } => {
                self.scorecard.set_note(index, editor.value());
                self.set_status("Note saved", false);
            }
            Mode::Note {
                target: NoteTarget::Decision,
                editor,
            } => {
                self.scorecard.set_decision_note(editor.value());
                self.set_status("Decision note saved", false);
            }
            Mode::Because { pick, editor } => {
                let mut choice = self.scorecard.answers().choice.clone();
                choice.pick = pick;
                choice.because = crate::text::Text::line(editor.value());
                self.scorecard.set_choice(choice);
                let resolved = self.scorecard.resolved_choice();
                let text = match resolved.name {
                    Some(name) if resolved.follow_checklist => {
                        format!("Decision: follow the checklist ({name})")
                    }
                    Some(name) => format!("Decision: {name}"),
                    None if resolved.follow_checklist => "Decision: follow the checklist".to_owned(),
                    None => "Decision: not decided".to_owned(),
                };
                self.set_status(text, false);
            }
            other => {
                self.ui.mode = other;
                return None;
            }
        }
        Some(Effect::SaveAnswers)
    }
}
