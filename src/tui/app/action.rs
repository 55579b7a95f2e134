//! What the user can ask for: the vocabulary between the keymap and `App::update`.

use strum::{Display, EnumCount, EnumIter, FromRepr};

/// The tabs, in order; `1`–`5` jump to them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Display, EnumIter, EnumCount, FromRepr)]
pub enum Tab {
    #[default]
    Overview,
    Strengths,
    Compare,
    Checklist,
    Decision,
}

impl Tab {
    /// The next tab, wrapping around.
    pub fn next(self) -> Tab {
        Tab::from_repr((self as usize + 1) % Tab::COUNT).unwrap_or_default()
    }

    /// The previous tab, wrapping around.
    pub fn previous(self) -> Tab {
        Tab::from_repr((self as usize + Tab::COUNT - 1) % Tab::COUNT).unwrap_or_default()
    }

    /// The tab's number, as shown and typed (1-based).
    pub fn number(self) -> usize {
        self as usize + 1
    }
}

/// An action, produced by the keymap or the mouse, consumed by `App::update`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    ToggleHelp,
    /// Esc: close the overlay, or clear the filter; never quits.
    Close,
    NextTab,
    PreviousTab,
    GoTab(Tab),
    Down,
    Up,
    First,
    Last,
    PageDown,
    PageUp,
    Left,
    Right,
    /// Tick or untick the selected question.
    Toggle,
    /// Open the "where are you now" stage picker.
    ChooseStage,
    /// Start typing a filter for the comparison table.
    StartFilter,
    NextMatch,
    PreviousMatch,
    /// A character typed into a text field.
    Input(char),
    Backspace,
    /// Enter in a dialog or a text field.
    Confirm,
    /// Open the export dialog.
    Export,
    /// Cycle the export format.
    NextFormat,
    PreviousFormat,
    /// A mouse click at a terminal cell.
    Click {
        column: u16,
        row: u16,
    },
    ScrollDown,
    ScrollUp,
    /// The terminal was resized.
    Resize {
        width: u16,
        height: u16,
    },
}
