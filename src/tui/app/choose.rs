//! The picker of the user's own decision: follow the checklist (the default), an option, the
//! hybrid, or not decided; choosing one asks for its justification.

use crate::decision::Decision;
use crate::score::choice::{Pick, hybrid_names};
use crate::tui::action::{Action, Pane};
use crate::tui::app::line_editor::LineEditor;
use crate::tui::app::model::App;
use crate::tui::app::model::Effect;
use crate::tui::app::ui::Mode;

/// The picker's entries, in order: the pick and its label.
pub fn choice_entries(decision: &Decision) -> Vec<(Pick, String)> {
    let mut entries = vec![(Pick::Checklist, "Follow the checklist".to_owned())];
    for option in &decision.options {
        entries.push((Pick::Option(option.id.clone()), option.name.to_string()));
    }
    let hybrid = hybrid_names(decision);
    if hybrid.len() > 1 {
        entries.push((Pick::Hybrid, format!("Hybrid: {}", hybrid.join(" + "))));
    }
    entries.push((Pick::Undecided, "Not decided".to_owned()));
    entries
}

impl App {
    /// Opens the picker on the current choice.
    pub(super) fn open_choose(&mut self) {
        let current = &self.scorecard.answers().choice.pick;
        let cursor = choice_entries(self.scorecard.decision())
            .iter()
            .position(|(pick, _)| pick == current)
            .unwrap_or(0);
        self.ui.mode = Mode::Choose { cursor };
    }

    pub(super) fn update_choose(&mut self, action: Action) -> Option<Effect> {
        let last = choice_entries(self.scorecard.decision()).len() - 1;
        let Mode::Choose { cursor } = &mut self.ui.mode else {
            return None;
        };
        if super::picker::move_cursor(cursor, last, &action, Pane::ChoicePicker) {
            return None;
        }
        match action {
            Action::Close | Action::CloseOverlay => self.ui.mode = Mode::Normal,
            Action::Confirm => {
                let entry = *cursor;
                self.pick_choice(entry);
            }
            Action::PickChoice(entry) if entry <= last => self.pick_choice(entry),
            _ => {}
        }
        None
    }

    /// Takes the picker's entry and asks for the justification (the current one to edit).
    fn pick_choice(&mut self, entry: usize) {
        let Some((pick, _)) = choice_entries(self.scorecard.decision()).into_iter().nth(entry) else {
            return;
        };
        let because = self.scorecard.answers().choice.because.clone();
        self.ui.mode = Mode::Because {
            pick,
            editor: LineEditor::new(&because),
        };
    }
}
