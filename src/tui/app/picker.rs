//! The cursor of a picker overlay (stage, choice): one way to move it for every picker.

use crate::tui::action::{Action, Pane};

/// Moves a picker's `cursor` (over entries `0..=last`) for a movement action aimed at `pane`;
/// `false` when the action is not a movement.
pub(super) fn move_cursor(cursor: &mut usize, last: usize, action: &Action, pane: Pane) -> bool {
    match *action {
        Action::Down => *cursor = (*cursor + 1).min(last),
        Action::Up => *cursor = cursor.saturating_sub(1),
        Action::First => *cursor = 0,
        Action::Last => *cursor = last,
        Action::MoveBy { pane: target, by } if target == pane => {
            *cursor = cursor.saturating_add_signed(by).min(last);
        }
        _ => return false,
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_stays_within_the_entries() {
        let mut cursor = 0;
        assert!(move_cursor(&mut cursor, 3, &Action::Up, Pane::StagePicker));
        assert_eq!(cursor, 0);
        move_cursor(&mut cursor, 3, &Action::Last, Pane::StagePicker);
        assert_eq!(cursor, 3);
        move_cursor(&mut cursor, 3, &Action::Down, Pane::StagePicker);
        assert_eq!(cursor, 3);
        let page_up = Action::MoveBy {
            pane: Pane::StagePicker,
            by: -10,
        };
        move_cursor(&mut cursor, 3, &page_up, Pane::StagePicker);
        assert_eq!(cursor, 0);
        assert!(
            !move_cursor(&mut cursor, 3, &page_up, Pane::ChoicePicker),
            "another pane's page"
        );
        assert!(!move_cursor(&mut cursor, 3, &Action::Confirm, Pane::StagePicker));
    }
}
