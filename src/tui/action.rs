//! What the user can ask for: the vocabulary between the event path and `App::update`. It
//! lives apart from `app/` and `keys/` so that both can use it without importing each other.
//!
//! Keys map to actions through the key table; clicks, the wheel and page keys are turned into
//! meaningful actions by the runtime with what was drawn (the `FrameMap`), before `update`.

use strum::{Display, EnumCount, EnumIter, FromRepr};

use crate::export::Format;

/// The tabs, in order; `1`–`6` jump to them. The Team tab exists only when a team is open
/// (`stackpick --team`): the tabs cycle through the first `count` (see [`Tab::next`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Display, EnumIter, EnumCount, FromRepr)]
pub enum Tab {
    #[default]
    Overview,
    Strengths,
    Compare,
    Checklist,
    Decision,
    /// Several people's answers side by side; only with a team.
    Team,
}

impl Tab {
    /// How many tabs there are without a team: the Team tab is the last, and comes only with one.
    pub const WITHOUT_TEAM: usize = Tab::COUNT - 1;

    /// The next of the first `count` tabs, wrapping around.
    #[must_use]
    pub fn next(self, count: usize) -> Tab {
        let count = count.clamp(1, Tab::COUNT);
        Tab::from_repr((self as usize + 1) % count).unwrap_or_default()
    }

    /// The previous of the first `count` tabs, wrapping around.
    #[must_use]
    pub fn previous(self, count: usize) -> Tab {
        let count = count.clamp(1, Tab::COUNT);
        Tab::from_repr((self as usize % count + count - 1) % count).unwrap_or_default()
    }

    /// The tab's number, as shown and typed (1-based).
    pub fn number(self) -> usize {
        self as usize + 1
    }
}

/// A scrollable or selectable pane: what a page key or the wheel acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Overview,
    /// One framework's column on the Strengths tab.
    Strengths(usize),
    Compare,
    Checklist,
    /// The Decision tab's reasons and hints.
    Decision,
    /// The Decision tab's stack diagram and the article's note under it: drawn to fit, so it
    /// never scrolls, but a search finds its words.
    Diagram,
    /// The Team tab's matrix of questions and people.
    Team,
    Help,
    /// The message log overlay.
    Messages,
    /// The notes of a Team row, over the tab.
    TeamNotes,
    StagePicker,
    ChoicePicker,
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
    /// A page key, before the runtime knows how big a page is.
    PageDown,
    PageUp,
    Left,
    Right,
    /// Cycle the selected question's answer: unanswered → yes → no → unanswered.
    Toggle,
    /// Answer the selected question yes.
    AnswerYes,
    /// Answer the selected question no.
    AnswerNo,
    /// Clear the selected question's answer.
    ClearAnswer,
    /// Edit the note of the selected question (on the Decision tab: the decision's note).
    EditNote,
    /// Open the picker of the user's own decision.
    ChooseDecision,
    /// Undo the last change to the answers, notes, stage or choice.
    Undo,
    /// Redo the last change undone.
    Redo,
    /// Ask, then clear every answer, note, the stage and the choice.
    StartOver,
    /// Choose this decision picker entry.
    PickChoice(usize),
    /// A line editing key in a text field.
    Edit(Edit),
    /// Move to the next text field of a dialog.
    NextField,
    /// Move to the previous text field of a dialog.
    PreviousField,
    /// Cycle the record's status in the export dialog.
    NextStatus,
    /// Open (or close) the log of this session's status messages.
    MessageLog,
    /// Open the "where are you now" stage picker.
    ChooseStage,
    /// Start typing the search of the tab in view (on the Compare and Checklist tabs, a
    /// filter); in the help, its filter.
    StartFilter,
    NextMatch,
    PreviousMatch,
    /// Show match `index` (in the tab's order) of a document tab's search, found in what was
    /// drawn: it is in `pane`, which scrolls to `scroll` (the runtime turns `n`/`N` and Enter
    /// into it). The prompt line then says which match of how many it is.
    ShowMatch {
        pane: Pane,
        index: usize,
        scroll: usize,
    },
    /// The document tab's search found nothing.
    NoMatch,
    /// A character typed into a text field.
    Input(char),
    Backspace,
    /// Enter in a dialog or a text field.
    Confirm,
    /// Open the export dialog.
    Export,
    /// Give the terminal back and stop, as Ctrl-Z does in a shell; `fg` continues.
    Suspend,
    /// Copy the decision (verdict, choice, reasons) to the clipboard as plain text.
    CopyDecision,
    /// In the export dialog: copy the Markdown decision record to the clipboard.
    CopyRecord,
    /// Cycle the export format.
    NextFormat,
    PreviousFormat,
    /// Select the question at this display index (a click on its text).
    SelectQuestion(usize),
    /// Select the question and cycle its answer (a click on its box, or on it when selected).
    ToggleQuestion(usize),
    /// Select this row of the Team matrix (an index into the team's questions).
    SelectTeamRow(usize),
    /// Open the selected Team row whole: its question, and everyone's answer and note.
    TeamNotes,
    /// Select this row among the rows the Compare filter keeps.
    SelectCompareRow(usize),
    /// Give this Strengths column the keys.
    FocusStrengthsPane(usize),
    /// Choose this stage picker entry (0 is "no stage").
    PickStage(usize),
    /// Choose this export format.
    PickFormat(Format),
    /// Close the open overlay (a click outside it).
    CloseOverlay,
    /// Move a list pane's selection by so many items (a page of what is visible).
    MoveBy {
        pane: Pane,
        by: isize,
    },
    /// Scroll a pane by so many lines from `top`, the first line drawn, to at most `max`.
    ScrollPane {
        pane: Pane,
        by: isize,
        top: usize,
        max: usize,
    },
    /// The terminal was resized.
    Resize {
        width: u16,
        height: u16,
    },
}

/// A line editing key in a text field (the line editor is `tui-input`'s).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Left,
    Right,
    Home,
    End,
    /// Delete the character after the cursor.
    Delete,
    /// Delete the word before the cursor.
    DeleteWord,
    /// Delete from the start of the line to the cursor.
    DeleteToStart,
    /// Delete from the cursor to the end of the line.
    DeleteToEnd,
}
