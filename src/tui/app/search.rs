//! How actions change the searches: typing the search of the tab in view (a filter on the
//! Compare and Checklist tabs, text to find on Overview, Strengths and Decision), stepping
//! through its matches, and clearing it. Where a document's matches are is known only from
//! what was drawn: the runtime turns `n`/`N` and Enter into `ShowMatch` with the `FrameMap`.

use crate::tui::action::{Action, Pane, Tab};
use crate::tui::app::line_editor::{FIELD_PASTE_LIMIT, LineEditor};
use crate::tui::app::model::App;
use crate::tui::app::ui::Mode;
use crate::tui::search::{kept_or_next, move_within, step_match};

impl App {
    /// Typing the search of the tab in view.
    pub(super) fn update_filter(&mut self, action: Action) {
        match action {
            Action::Input(c) => self.type_query(c),
            Action::Backspace | Action::Edit(_) => {
                let before = self.ui.query().value().to_owned();
                match action {
                    Action::Edit(edit) => self.ui.query_mut().edit(edit),
                    _ => self.ui.query_mut().backspace(),
                }
                if self.ui.query().value() != before {
                    self.query_changed();
                }
            }
            // On a document tab the runtime turns Enter into `ShowMatch` or `NoMatch`.
            Action::Confirm => {
                self.ui.mode = Mode::Normal;
                if !self.ui.searching() {
                    self.clear_search();
                }
            }
            Action::Close => {
                self.clear_search();
                self.ui.mode = Mode::Normal;
            }
            Action::Down | Action::Up => {
                let by = if action == Action::Down { 1 } else { -1 };
                match self.ui.tab {
                    Tab::Compare => {
                        let last = self.compare_row_count().saturating_sub(1);
                        let selected = &mut self.ui.compare.selected;
                        *selected = selected.saturating_add_signed(by).min(last);
                    }
                    Tab::Checklist => self.move_checklist(by),
                    Tab::Team => self.move_team(by),
                    _ => {}
                }
            }
            _ => {}
        }
    }

    /// Types a character into the search; one that is refused changes nothing.
    fn type_query(&mut self, c: char) {
        if self.ui.query_mut().insert(c) {
            self.query_changed();
        }
    }

    /// A paste into the search, cut at [`FIELD_PASTE_LIMIT`] characters; `true` when cut.
    pub(super) fn paste_into_query(&mut self, text: &str) -> bool {
        let before = self.ui.query().value().len();
        let cut = self.ui.query_mut().insert_str(text, Some(FIELD_PASTE_LIMIT));
        if self.ui.query().value().len() != before {
            self.query_changed();
        }
        cut
    }

    /// The search changed: the lists show their first match, as incremental search does; a
    /// document's next match is again the first below the top of the pane.
    fn query_changed(&mut self) {
        match self.ui.tab {
            Tab::Compare => self.ui.compare.selected = 0,
            Tab::Checklist => {
                // Keep the selected question when it still matches, else the next that does.
                let kept = self.checklist_matches().unwrap_or_default();
                if let Some(next) = kept_or_next(&kept, self.ui.checklist.selected) {
                    self.ui.checklist.select(next);
                }
            }
            Tab::Team => self.team_query_changed(),
            _ => {}
        }
        if let Some(find) = self.ui.find_mut() {
            find.current = None;
        }
    }

    /// Clears the search of the tab in view. The selected question or row stays selected.
    pub(super) fn clear_search(&mut self) {
        match self.ui.tab {
            Tab::Compare => self.clear_compare_filter(),
            Tab::Checklist => {
                self.ui.checklist.filter = LineEditor::default();
                // The list follows the selection again, now among every question.
                let selected = self.ui.checklist.selected;
                self.ui.checklist.select(selected);
            }
            Tab::Team => self.ui.team.filter = LineEditor::default(),
            _ => {
                if let Some(find) = self.ui.find_mut() {
                    *find = crate::tui::app::Find::default();
                }
            }
        }
    }

    /// `n`/`N` on the Checklist: the next or previous question the filter keeps, wrapping.
    pub(super) fn step_checklist_match(&mut self, forward: bool) {
        let Some(kept) = self.checklist_matches() else {
            return;
        };
        let Some(index) = step_match(&kept, self.ui.checklist.selected, forward) else {
            let query = self.ui.checklist.filter.value().to_owned();
            self.set_status(format!("no match for '{query}'"), true);
            return;
        };
        self.ui.checklist.select(kept[index]);
        self.set_status(format!("match {} of {}", index + 1, kept.len()), false);
    }

    /// Moves the Checklist's selection by `by` questions among those the filter keeps (all of
    /// them without a filter), within the list.
    pub(super) fn move_checklist(&mut self, by: isize) {
        let selected = self.ui.checklist.selected;
        let next = match self.checklist_matches() {
            None => {
                let count = self.scorecard.question_count();
                selected.saturating_add_signed(by).min(count.saturating_sub(1))
            }
            Some(kept) => match move_within(&kept, selected, by) {
                Some(next) => next,
                None => return,
            },
        };
        self.ui.checklist.select(next);
    }

    /// A match of a document tab's search, found by the runtime in what was drawn.
    pub(super) fn show_match(&mut self, action: Action) {
        if self.ui.mode == Mode::Filter {
            self.ui.mode = Mode::Normal;
        }
        let query = self.ui.query().value().to_owned();
        match action {
            Action::ShowMatch { pane, index, scroll } => {
                if let Some(find) = self.ui.find_mut() {
                    find.current = Some(index);
                }
                if let Pane::Strengths(column) = pane {
                    self.ui.strengths.focus = column;
                }
                self.ui.scroll_pane(pane, 0, scroll, scroll);
            }
            _ if query.is_empty() => self.clear_search(),
            _ => self.set_status(format!("no match for '{query}'"), true),
        }
    }
}
