//! How actions change the overlays: the help (and its filter), the message log, a Team row's
//! notes and the stage picker. Modes are changed in place.

use crate::tui::action::{Action, Pane};
use crate::tui::app::line_editor::FIELD_PASTE_LIMIT;
use crate::tui::app::model::App;
use crate::tui::app::model::Effect;
use crate::tui::app::ui::HelpState;
use crate::tui::app::ui::Mode;

impl App {
    pub(super) fn update_help(&mut self, action: Action) {
        let help = &mut self.ui.help;
        if help.typing {
            match action {
                Action::Input(c) => {
                    help.filter.insert(c);
                }
                Action::Backspace => help.filter.backspace(),
                Action::Edit(edit) => help.filter.edit(edit),
                Action::Confirm => help.typing = false,
                Action::Close => *help = HelpState::default(),
                Action::CloseOverlay => self.close_help(),
                _ => return,
            }
            // The list changed under the scroll offset: show the filtered keys from the top.
            if let Mode::Help { scroll } = &mut self.ui.mode {
                *scroll = 0;
            }
            return;
        }
        match action {
            Action::StartFilter => help.typing = true,
            // Typing a letter no help key takes filters at once.
            Action::Input(c) => {
                help.typing = true;
                help.filter.insert(c);
                if let Mode::Help { scroll } = &mut self.ui.mode {
                    *scroll = 0;
                }
            }
            // Esc clears a filter first, then closes.
            Action::Close if !help.filter.value().is_empty() => {
                *help = HelpState::default();
                if let Mode::Help { scroll } = &mut self.ui.mode {
                    *scroll = 0;
                }
            }
            Action::Close | Action::ToggleHelp | Action::CloseOverlay => self.close_help(),
            // Moving down needs the help's length: the runtime sends `ScrollPane` for it.
            Action::Up | Action::First => {
                let by = if action == Action::Up { -1 } else { isize::MIN };
                if let Mode::Help { scroll } = &mut self.ui.mode {
                    *scroll = scroll.saturating_add_signed(by);
                }
            }
            _ => {}
        }
    }

    /// A paste into the help's filter (starting it, as a typed letter does), cut at
    /// [`FIELD_PASTE_LIMIT`] characters; `true` when cut.
    pub(super) fn paste_into_help_filter(&mut self, text: &str) -> bool {
        let help = &mut self.ui.help;
        help.typing = true;
        let cut = help.filter.insert_str(text, Some(FIELD_PASTE_LIMIT));
        if let Mode::Help { scroll } = &mut self.ui.mode {
            *scroll = 0;
        }
        cut
    }

    /// The message log: it scrolls like the help, and closes with its key, Esc or a click
    /// outside.
    pub(super) fn update_messages(&mut self, action: Action) {
        match action {
            Action::Close | Action::MessageLog | Action::CloseOverlay => self.ui.mode = Mode::Normal,
            // Moving down needs the log's length: the runtime sends `ScrollPane` for it.
            Action::Up | Action::First => {
                let by = if action == Action::Up { -1 } else { isize::MIN };
                if let Mode::Messages { scroll } = &mut self.ui.mode {
                    *scroll = scroll.saturating_add_signed(by);
                }
            }
            _ => {}
        }
    }

    /// A Team row's notes: they scroll like the message log, and close with Esc, Enter, `q`
    /// or a click outside.
    pub(super) fn update_team_notes(&mut self, action: Action) {
        match action {
            Action::Close | Action::CloseOverlay => self.ui.mode = Mode::Normal,
            // Moving down needs the notes' length: the runtime sends `ScrollPane` for it.
            Action::Up | Action::First => {
                let by = if action == Action::Up { -1 } else { isize::MIN };
                if let Mode::TeamNotes { scroll } = &mut self.ui.mode {
                    *scroll = scroll.saturating_add_signed(by);
                }
            }
            _ => {}
        }
    }

    /// Closes the help; its filter goes with it.
    fn close_help(&mut self) {
        self.ui.mode = Mode::Normal;
        self.ui.help = HelpState::default();
    }

    pub(super) fn update_stage(&mut self, action: Action) -> Option<Effect> {
        let Mode::Stage { cursor } = &mut self.ui.mode else {
            return None;
        };
        let last = self.scorecard.decision().stages.len();
        if super::picker::move_cursor(cursor, last, &action, Pane::StagePicker) {
            return None;
        }
        match action {
            Action::Close | Action::CloseOverlay => self.ui.mode = Mode::Normal,
            Action::Confirm => {
                let entry = *cursor;
                return Some(self.pick_stage(entry));
            }
            Action::PickStage(entry) if entry <= last => return Some(self.pick_stage(entry)),
            _ => {}
        }
        None
    }

    /// Chooses the stage picker's entry (0 is "no stage") and closes the picker.
    fn pick_stage(&mut self, entry: usize) -> Effect {
        self.ui.mode = Mode::Normal;
        let stage = entry
            .checked_sub(1)
            .and_then(|i| self.scorecard.decision().stages.get(i))
            .map(|s| (s.id.clone(), s.label.to_string()));
        let text = match &stage {
            Some((_, label)) => format!("Stage: {label}"),
            None => "Stage cleared".to_owned(),
        };
        self.scorecard.set_stage(stage.map(|(id, _)| id));
        self.set_status(text, false);
        Effect::SaveAnswers
    }
}
