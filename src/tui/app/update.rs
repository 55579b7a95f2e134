//! `App::update`: how an action changes the model on the tabs. The overlays and the filter
//! are in `overlays.rs` and `export.rs`.

use crate::export::Format;
use crate::score::Answer;
use crate::tui::action::{Action, Pane, Tab};
use crate::tui::app::export_dialog::ExportDialog;
use crate::tui::app::model::App;
use crate::tui::app::model::Effect;
use crate::tui::app::ui::Mode;
use crate::tui::app::ui::too_small;

impl App {
    /// Changes the model for an action; returns the work left for the event loop.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        let effect = self.dispatch(action);
        // The team's column of the user's answers follows any change to them (an answer,
        // an undo, a reset): the team is evaluated again then, and only then.
        self.sync_team();
        effect
    }

    fn dispatch(&mut self, action: Action) -> Option<Effect> {
        // While the terminal is too small, what would change is not on screen: only quitting,
        // the help and a resize act (the key table maps nothing else; this covers the mouse).
        // Suspending changes nothing on screen either.
        let visible = matches!(
            action,
            Action::Quit | Action::ToggleHelp | Action::Suspend | Action::Resize { .. }
        );
        if self.ui.too_small && !visible {
            return None;
        }
        // A message lasts until the next key or click, like a message line in any editor.
        if !matches!(action, Action::Resize { .. }) {
            self.ui.status = None;
        }
        match action {
            Action::Quit => {
                self.quit = true;
                return None;
            }
            Action::Resize { width, height } => {
                self.ui.too_small = too_small(width, height);
                return None;
            }
            // From anywhere, a text field included, as lazygit does.
            Action::Suspend => return Some(Effect::Suspend),
            Action::ScrollPane { pane, by, top, max } => {
                self.ui.scroll_pane(pane, by, top, max);
                return None;
            }
            Action::ShowMatch { .. } | Action::NoMatch => {
                self.show_match(action);
                return None;
            }
            _ => {}
        }
        match self.ui.mode {
            Mode::Normal => self.update_normal(action),
            Mode::Help { .. } => {
                self.update_help(action);
                None
            }
            Mode::Filter => {
                self.update_filter(action);
                None
            }
            Mode::Stage { .. } => self.update_stage(action),
            Mode::Export(_) => self.update_export(action),
            Mode::Note { .. } | Mode::Because { .. } => self.update_editor(action),
            Mode::Choose { .. } => self.update_choose(action),
            Mode::ConfirmReset { .. } => self.update_confirm_reset(action),
            Mode::Messages { .. } => {
                self.update_messages(action);
                None
            }
            Mode::TeamNotes { .. } => {
                self.update_team_notes(action);
                None
            }
        }
    }

    fn update_normal(&mut self, action: Action) -> Option<Effect> {
        let tabs = self.tab_count();
        let ui = &mut self.ui;
        match action {
            Action::ToggleHelp => ui.mode = Mode::Help { scroll: 0 },
            Action::MessageLog => ui.mode = Mode::Messages { scroll: 0 },
            Action::NextTab => ui.tab = ui.tab.next(tabs),
            Action::PreviousTab => ui.tab = ui.tab.previous(tabs),
            // No Team tab without a team.
            Action::GoTab(Tab::Team) if self.team.is_none() => {}
            Action::GoTab(tab) => ui.tab = tab,
            Action::ChooseStage => {
                let cursor = self
                    .scorecard
                    .answers()
                    .stage
                    .as_deref()
                    .and_then(|id| self.scorecard.decision().stages.iter().position(|s| s.id == id))
                    .map_or(0, |i| i + 1);
                self.ui.mode = Mode::Stage { cursor };
            }
            Action::Export => {
                let choice = &self.scorecard.answers().choice;
                let mut dialog = ExportDialog::new(
                    Format::Md,
                    choice,
                    self.settings.default_decider.clone(),
                    self.working_dir.clone(),
                );
                // From the Team tab the dialog writes the team's record, decided by everyone.
                if let Some(team) = self.team.as_ref().filter(|_| ui.tab == Tab::Team) {
                    dialog.for_team(&team.team.names().join(", "));
                }
                self.ui.mode = Mode::Export(dialog);
            }
            Action::Close => self.clear_search(),
            Action::Toggle if ui.tab == Tab::Checklist => {
                let selected = ui.checklist.selected;
                return self.toggle(selected);
            }
            Action::AnswerYes | Action::AnswerNo | Action::ClearAnswer if ui.tab == Tab::Checklist => {
                let answer = match action {
                    Action::AnswerYes => Some(Answer::Yes),
                    Action::AnswerNo => Some(Answer::No),
                    _ => None,
                };
                let selected = ui.checklist.selected;
                let before = self.scorecard.revision();
                self.scorecard.set_answer(selected, answer);
                // A questionnaire moves on once a question is answered: y and n go to the
                // next question (Space, x and Enter cycle in place; Backspace clears in place).
                if answer.is_some() {
                    self.move_checklist(1);
                }
                return (self.scorecard.revision() != before).then_some(Effect::SaveAnswers);
            }
            Action::Toggle if ui.tab == Tab::Team => return self.answer_in_team(None, true),
            Action::AnswerYes if ui.tab == Tab::Team => return self.answer_in_team(Some(Answer::Yes), false),
            Action::AnswerNo if ui.tab == Tab::Team => return self.answer_in_team(Some(Answer::No), false),
            Action::ClearAnswer if ui.tab == Tab::Team => return self.answer_in_team(None, false),
            Action::SelectTeamRow(row)
                if self.team.as_ref().is_some_and(|t| row < t.team.questions.len()) =>
            {
                ui.tab = Tab::Team;
                ui.team.selected = row;
            }
            Action::NextMatch | Action::PreviousMatch if ui.tab == Tab::Team => {
                self.step_team_match(action == Action::NextMatch);
            }
            Action::TeamNotes if ui.tab == Tab::Team => self.open_team_notes(),
            Action::EditNote => self.open_note(),
            Action::CopyDecision => return Some(self.copy_decision()),
            Action::ChooseDecision => self.open_choose(),
            Action::Undo => return self.undo(),
            Action::Redo => return self.redo(),
            Action::StartOver => self.ask_start_over(),
            Action::SelectQuestion(index) if index < self.scorecard.question_count() => {
                ui.tab = Tab::Checklist;
                ui.checklist.select(index);
            }
            Action::ToggleQuestion(index) => {
                ui.tab = Tab::Checklist;
                return self.toggle(index);
            }
            Action::SelectCompareRow(row) => {
                ui.tab = Tab::Compare;
                ui.compare.selected = row;
            }
            Action::FocusStrengthsPane(index) if index < self.scorecard.decision().options.len() => {
                ui.strengths.focus = index;
            }
            Action::StartFilter => ui.mode = Mode::Filter,
            Action::NextMatch | Action::PreviousMatch if ui.tab == Tab::Checklist => {
                self.step_checklist_match(action == Action::NextMatch);
            }
            Action::NextMatch | Action::PreviousMatch if ui.tab == Tab::Compare => {
                let count = self.compare_row_count();
                let selected = &mut self.ui.compare.selected;
                if count > 0 {
                    *selected = if action == Action::NextMatch {
                        (*selected + 1) % count
                    } else {
                        (*selected + count - 1) % count
                    };
                }
            }
            Action::Left | Action::Right => self.move_sideways(action == Action::Right),
            Action::Down | Action::Up | Action::First | Action::Last => {
                let by = match action {
                    Action::Down => 1,
                    Action::Up => -1,
                    Action::First => isize::MIN,
                    _ => isize::MAX,
                };
                self.move_selection(self.ui.focused_pane(), by);
            }
            Action::MoveBy { pane, by } => self.move_selection(pane, by),
            _ => {}
        }
        None
    }

    /// Cycles a question's answer (unanswered → yes → no), and selects it.
    fn toggle(&mut self, index: usize) -> Option<Effect> {
        if !self.scorecard.cycle(index) {
            return None;
        }
        self.ui.checklist.select(index);
        Some(Effect::SaveAnswers)
    }

    /// Moves a list's selection by `by` items, within the list. Documents scroll only through
    /// `Action::ScrollPane`, which carries how far they can go.
    fn move_selection(&mut self, pane: Pane, by: isize) {
        let step =
            |current: usize, count: usize| current.saturating_add_signed(by).min(count.saturating_sub(1));
        match pane {
            Pane::Checklist => self.move_checklist(by),
            Pane::Team => self.move_team(by),
            Pane::Compare => {
                let count = self.compare_row_count();
                self.ui.compare.selected = step(self.ui.compare.selected, count);
            }
            Pane::StagePicker => {
                let count = self.scorecard.decision().stages.len() + 1;
                if let Mode::Stage { cursor } = &mut self.ui.mode {
                    *cursor = step(*cursor, count);
                }
            }
            Pane::ChoicePicker => {
                let count = crate::tui::app::choice_entries(self.scorecard.decision()).len();
                if let Mode::Choose { cursor } = &mut self.ui.mode {
                    *cursor = step(*cursor, count);
                }
            }
            // Up and Home need no extent: the top is 0 whatever the document.
            Pane::Overview | Pane::Decision | Pane::Strengths(_) | Pane::Help if by < 0 => {
                let top = match pane {
                    Pane::Overview => self.ui.overview.scroll,
                    Pane::Decision => self.ui.decision.scroll,
                    Pane::Strengths(i) => self.ui.strengths.scroll(i),
                    _ => match self.ui.mode {
                        Mode::Help { scroll } => scroll,
                        _ => 0,
                    },
                };
                self.ui.scroll_pane(pane, by, top, top);
            }
            Pane::Overview
            | Pane::Decision
            | Pane::Strengths(_)
            | Pane::Help
            | Pane::Messages
            | Pane::TeamNotes
            | Pane::Diagram => {}
        }
    }

    fn move_sideways(&mut self, right: bool) {
        match self.ui.tab {
            Tab::Checklist => {
                // Jump to the first question of the previous or next framework.
                let starts = self.scorecard.framework_starts();
                let question = self.ui.checklist.selected;
                let current = starts.iter().rposition(|&s| s <= question).unwrap_or(0);
                let target = if right {
                    (current + 1).min(starts.len().saturating_sub(1))
                } else if question > starts[current] {
                    current
                } else {
                    current.saturating_sub(1)
                };
                self.ui.checklist.select(starts.get(target).copied().unwrap_or(0));
            }
            Tab::Team => self.scroll_team_columns(right),
            Tab::Strengths => {
                let count = self.scorecard.decision().options.len();
                let focus = &mut self.ui.strengths.focus;
                *focus = if right {
                    (*focus + 1).min(count.saturating_sub(1))
                } else {
                    focus.saturating_sub(1)
                };
            }
            _ => {}
        }
    }

    /// Clears the Compare filter. The selected aspect stays selected: among every row, its
    /// position is its index.
    pub(super) fn clear_compare_filter(&mut self) {
        let aspect = self.compare_rows().get(self.ui.compare.selected).copied();
        self.ui.compare.selected = aspect.unwrap_or(0);
        self.ui.compare.filter = crate::tui::app::LineEditor::default();
    }
}
