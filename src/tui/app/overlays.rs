//! How actions change the overlays and the filter: the help, the Compare filter and the
//! stage picker.

use super::{App, Effect, Mode};
use crate::score::evaluate;
use crate::tui::app::action::Action;
use crate::tui::app::typed::is_typeable;
use crate::tui::view::layout;

impl App {
    pub(super) fn update_help(&mut self, action: Action, scroll: usize) {
        let max = layout::help_max_scroll(self);
        let page = usize::from(layout::body(self.area).height.saturating_sub(4).max(1));
        let scroll = match action {
            Action::Close | Action::ToggleHelp => {
                self.mode = Mode::Normal;
                return;
            }
            Action::Down | Action::ScrollDown => scroll.saturating_add(1),
            Action::Up | Action::ScrollUp => scroll.saturating_sub(1),
            Action::First => 0,
            Action::Last => max,
            Action::PageDown => scroll.saturating_add(page),
            Action::PageUp => scroll.saturating_sub(page),
            _ => scroll,
        };
        self.mode = Mode::Help {
            scroll: scroll.min(max),
        };
    }

    pub(super) fn update_filter(&mut self, action: Action) {
        match action {
            Action::Input(c) if is_typeable(c) => {
                self.filter.push(c);
                self.compare_row = 0;
            }
            Action::Backspace => {
                self.filter.pop();
                self.compare_row = 0;
            }
            Action::Confirm => self.mode = Mode::Normal,
            Action::Close => {
                self.filter.clear();
                self.compare_row = 0;
                self.mode = Mode::Normal;
            }
            Action::Down | Action::Up => {
                let last = self.compare_rows().len().saturating_sub(1);
                self.compare_row = if action == Action::Down {
                    (self.compare_row + 1).min(last)
                } else {
                    self.compare_row.saturating_sub(1)
                };
            }
            _ => {}
        }
    }

    pub(super) fn update_stage(&mut self, action: Action, cursor: usize) -> Option<Effect> {
        let last = self.decision.stages.len();
        match action {
            Action::Down | Action::ScrollDown => {
                self.mode = Mode::Stage {
                    cursor: (cursor + 1).min(last),
                }
            }
            Action::Up | Action::ScrollUp => {
                self.mode = Mode::Stage {
                    cursor: cursor.saturating_sub(1),
                }
            }
            Action::First => self.mode = Mode::Stage { cursor: 0 },
            Action::Last => self.mode = Mode::Stage { cursor: last },
            Action::Close => self.mode = Mode::Normal,
            Action::Confirm => {
                self.mode = Mode::Normal;
                let stage = cursor.checked_sub(1).and_then(|i| self.decision.stages.get(i));
                self.answers.stage = stage.map(|s| s.id.clone());
                self.evaluation = evaluate(&self.decision, &self.answers);
                let text = match stage {
                    Some(stage) => format!("Stage: {}", stage.label),
                    None => "Stage cleared".to_owned(),
                };
                self.set_status(text, false);
                return Some(Effect::SaveAnswers);
            }
            _ => {}
        }
        None
    }
}
