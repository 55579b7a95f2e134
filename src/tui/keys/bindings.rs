//! The default key table: every binding with its scope, action and label. The keymap built
//! from it (with any config overrides) dispatches keys and writes the footer and the help.

use ratatui::crossterm::event::KeyCode;

use crate::tui::action::{Action, Edit, Tab};
use crate::tui::keys::key::{Key, ch, ctrl, key};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every tab, when no overlay is open.
    Global,
    /// One tab, when no overlay is open.
    Tab(Tab),
    /// The help overlay.
    Help,
    /// Typing a search: the filter of the Compare or Checklist tab, the text to find on a
    /// document tab, or the help's filter.
    Filter,
    /// A tab whose search is in force, before the tab's own keys.
    Found,
    /// The stage picker.
    Stage,
    /// The export dialog.
    Export,
    /// The export dialog asking before it overwrites a file.
    Overwrite,
    /// The export dialog asking before it writes a format into a file named for another, or
    /// creates a missing directory.
    ExportQuestion,
    /// Typing a note or a justification in the line editor.
    Editor,
    /// The picker of the user's own decision.
    Choose,
    /// The question before starting over.
    Reset,
    /// The log of the session's messages.
    Messages,
    /// The terminal is too small to show anything: only the keys of `Global` that do one of
    /// [`WHILE_TOO_SMALL`] act, as the user bound them.
    TooSmall,
}

/// The actions that act while the terminal is too small: everything else would change what
/// cannot be seen.
pub const WHILE_TOO_SMALL: &[Action] = &[Action::Quit, Action::ToggleHelp];

impl Scope {
    /// The heading of the scope's section in the help overlay.
    pub fn title(self) -> String {
        match self {
            Scope::Global => "Everywhere".to_owned(),
            Scope::Tab(tab) => format!("{tab} tab"),
            Scope::Help => "Help".to_owned(),
            Scope::Filter => "Typing a search".to_owned(),
            Scope::Found => "While a search is in force".to_owned(),
            Scope::Stage => "Stage picker".to_owned(),
            Scope::Export => "Export dialog".to_owned(),
            Scope::Overwrite => "Overwrite question".to_owned(),
            Scope::ExportQuestion => "Export question".to_owned(),
            Scope::Editor => "Typing a note".to_owned(),
            Scope::Choose => "Decision picker".to_owned(),
            Scope::Reset => "Start over question".to_owned(),
            Scope::Messages => "Message log".to_owned(),
            Scope::TooSmall => "Terminal too small".to_owned(),
        }
    }

    /// Whether the scope takes free text (printable characters become `Action::Input`).
    pub fn takes_text(self) -> bool {
        // In the help, a letter no help key takes starts its filter, as in lazygit's.
        matches!(self, Scope::Filter | Scope::Export | Scope::Editor | Scope::Help)
    }

    /// Whether a config file may rebind keys here (the tabs; overlays keep their keys).
    pub fn rebindable(self) -> bool {
        matches!(self, Scope::Global | Scope::Tab(_) | Scope::Found)
    }
}

/// One row of the default key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [Key],
    pub action: Action,
    /// What the keys do, as shown in the footer and the help.
    pub label: &'static str,
    /// Whether the footer shows it.
    pub footer: bool,
    /// How long the footer keeps it when it is too narrow for every hint.
    pub priority: Priority,
}

/// Which footer hints stay when the footer is too narrow: the lowest go first, and among
/// equals the rightmost. The footer lists the `Forward` keys first, then the rest in table
/// order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Priority {
    /// Keys of every tab (next tab, stage, quit…): they are in the help too.
    Generic,
    /// Keys of this tab or overlay that do not move the decision on (the default there).
    Local,
    /// The key to every other key.
    Help,
    /// Keys that move the decision forward: answering, choosing, exporting.
    Forward,
}

const fn bind(
    scope: Scope,
    keys: &'static [Key],
    action: Action,
    label: &'static str,
    footer: bool,
) -> Binding {
    let priority = match scope {
        Scope::Global => Priority::Generic,
        _ => Priority::Local,
    };
    Binding {
        scope,
        keys,
        action,
        label,
        footer,
        priority,
    }
}

impl Binding {
    /// The binding, kept in the footer before any other (see [`Priority`]).
    const fn forward(self) -> Binding {
        self.priority(Priority::Forward)
    }

    /// The binding with this footer priority.
    const fn priority(self, priority: Priority) -> Binding {
        Binding { priority, ..self }
    }
}

/// Ctrl-C quits from anywhere, even while typing; it cannot be rebound.
pub const QUIT_ANYWHERE: Key = ctrl('c');

/// The name of an action in a config file's `keys` map, for the actions that can be rebound.
pub fn action_name(action: Action) -> Option<String> {
    let name = match action {
        Action::Down => "down",
        Action::Up => "up",
        Action::First => "first",
        Action::Last => "last",
        Action::PageDown => "page-down",
        Action::PageUp => "page-up",
        Action::Left => "left",
        Action::Right => "right",
        Action::Toggle => "tick",
        Action::AnswerYes => "yes",
        Action::AnswerNo => "no",
        Action::ClearAnswer => "clear",
        Action::EditNote => "note",
        Action::ChooseDecision => "choose",
        Action::ChooseStage => "stage",
        Action::Undo => "undo",
        Action::Redo => "redo",
        Action::StartOver => "start-over",
        Action::StartFilter => "filter",
        Action::NextMatch => "next-match",
        Action::PreviousMatch => "previous-match",
        Action::NextTab => "next-tab",
        Action::PreviousTab => "previous-tab",
        Action::GoTab(tab) => return Some(format!("tab-{}", tab.number())),
        Action::Export => "export",
        Action::Suspend => "suspend",
        Action::CopyDecision => "copy",
        Action::ToggleHelp => "help",
        Action::MessageLog => "messages",
        Action::Quit => "quit",
        Action::Close => "clear-filter",
        _ => return None,
    };
    Some(name.to_owned())
}

const MOVE_DOWN: &[Key] = &[ch('j'), key(KeyCode::Down)];
const MOVE_UP: &[Key] = &[ch('k'), key(KeyCode::Up)];
const FIRST: &[Key] = &[ch('g'), key(KeyCode::Home)];
const LAST: &[Key] = &[ch('G'), key(KeyCode::End)];
const PAGE_DOWN: &[Key] = &[key(KeyCode::PageDown), ctrl('d')];
const PAGE_UP: &[Key] = &[key(KeyCode::PageUp), ctrl('u')];
const LEFT: &[Key] = &[ch('h'), key(KeyCode::Left)];
const RIGHT: &[Key] = &[ch('l'), key(KeyCode::Right)];
const ESC: &[Key] = &[key(KeyCode::Esc)];
const ENTER: &[Key] = &[key(KeyCode::Enter)];

use Scope::{
    Choose, Editor, Export, ExportQuestion, Filter, Found, Global, Help, Messages, Overwrite, Reset, Stage,
};

/// The key table. Earlier rows win when two scopes bind the same key.
#[rustfmt::skip]
pub const DEFAULT_BINDINGS: &[Binding] = &[
    // Overlays and text fields first: they capture keys before the tabs see them.
    bind(Help, &[key(KeyCode::Esc), ch('?'), ch('q')], Action::Close, "close help", true),
    bind(Help, MOVE_DOWN, Action::Down, "scroll down", true),
    bind(Help, MOVE_UP, Action::Up, "scroll up", true),
    bind(Help, FIRST, Action::First, "top", false),
    bind(Help, LAST, Action::Last, "bottom", false),
    bind(Help, PAGE_DOWN, Action::PageDown, "page down", false),
    bind(Help, PAGE_UP, Action::PageUp, "page up", false),
    bind(Messages, &[key(KeyCode::Esc), ch('M'), ch('q')], Action::Close, "close messages", true),
    bind(Messages, MOVE_DOWN, Action::Down, "scroll down", true),
    bind(Messages, MOVE_UP, Action::Up, "scroll up", true),
    bind(Messages, FIRST, Action::First, "newest", false),
    bind(Messages, LAST, Action::Last, "oldest", false),
    bind(Messages, PAGE_DOWN, Action::PageDown, "page down", false),
    bind(Messages, PAGE_UP, Action::PageUp, "page up", false),
    bind(Help, &[ch('/')], Action::StartFilter, "filter keys (or just type)", true),
    bind(Filter, ENTER, Action::Confirm, "keep search", true),
    bind(Filter, ESC, Action::Close, "clear search", true),
    bind(Filter, &[key(KeyCode::Backspace)], Action::Backspace, "delete", true),
    bind(Filter, &[key(KeyCode::Down)], Action::Down, "next row or question", false),
    bind(Filter, &[key(KeyCode::Up)], Action::Up, "previous row or question", false),
    bind(Filter, &[key(KeyCode::Delete)], Action::Edit(Edit::Delete), "delete forward", false),
    bind(Filter, &[key(KeyCode::Left)], Action::Edit(Edit::Left), "cursor left", false),
    bind(Filter, &[key(KeyCode::Right)], Action::Edit(Edit::Right), "cursor right", false),
    bind(Filter, &[key(KeyCode::Home), ctrl('a')], Action::Edit(Edit::Home), "start of line", false),
    bind(Filter, &[key(KeyCode::End), ctrl('e')], Action::Edit(Edit::End), "end of line", false),
    bind(Filter, &[ctrl('w')], Action::Edit(Edit::DeleteWord), "delete word", false),
    bind(Filter, &[ctrl('u')], Action::Edit(Edit::DeleteToStart), "delete to start", false),
    bind(Filter, &[ctrl('k')], Action::Edit(Edit::DeleteToEnd), "delete to end", false),
    bind(Stage, MOVE_DOWN, Action::Down, "next stage", true),
    bind(Stage, MOVE_UP, Action::Up, "previous stage", true),
    bind(Stage, FIRST, Action::First, "first", false),
    bind(Stage, LAST, Action::Last, "last", false),
    bind(Stage, &[key(KeyCode::Enter), ch(' ')], Action::Confirm, "choose", true),
    bind(Stage, &[key(KeyCode::Esc), ch('s'), ch('q')], Action::Close, "cancel", true),
    bind(Export, &[key(KeyCode::Tab)], Action::NextFormat, "next format", true),
    bind(Export, &[key(KeyCode::BackTab)], Action::PreviousFormat, "previous format", false),
    bind(Export, &[key(KeyCode::Backspace)], Action::Backspace, "delete back", false),
    bind(Export, &[key(KeyCode::Delete)], Action::Edit(Edit::Delete), "delete", false),
    bind(Export, &[key(KeyCode::Left)], Action::Edit(Edit::Left), "cursor left", false),
    bind(Export, &[key(KeyCode::Right)], Action::Edit(Edit::Right), "cursor right", false),
    bind(Export, &[key(KeyCode::Home), ctrl('a')], Action::Edit(Edit::Home), "start of line", false),
    bind(Export, &[key(KeyCode::End), ctrl('e')], Action::Edit(Edit::End), "end of line", false),
    bind(Export, &[ctrl('w')], Action::Edit(Edit::DeleteWord), "delete word", false),
    bind(Export, &[ctrl('u')], Action::Edit(Edit::DeleteToStart), "delete to start", false),
    bind(Export, &[ctrl('k')], Action::Edit(Edit::DeleteToEnd), "delete to end", false),
    bind(Export, ENTER, Action::Confirm, "write file", true),
    bind(Export, ESC, Action::Close, "cancel", true),
    bind(Export, &[key(KeyCode::Down)], Action::NextField, "deciders field", true),
    bind(Export, &[key(KeyCode::Up)], Action::PreviousField, "path field", false),
    bind(Export, &[ctrl('t')], Action::NextStatus, "status", true),
    bind(Export, &[ctrl('y')], Action::CopyRecord, "copy as Markdown", false),
    bind(Overwrite, &[ch('y'), key(KeyCode::Enter)], Action::Confirm, "overwrite", true),
    bind(Overwrite, &[ch('n'), key(KeyCode::Esc)], Action::Close, "keep the file", true),
    bind(ExportQuestion, &[ch('y'), key(KeyCode::Enter)], Action::Confirm, "yes, write", true),
    bind(ExportQuestion, &[ch('n'), key(KeyCode::Esc)], Action::Close, "no, back to the dialog", true),
    bind(Reset, &[ch('y')], Action::Confirm, "start over", true),
    bind(Reset, &[ch('n'), key(KeyCode::Esc)], Action::Close, "keep the answers", true),
    bind(Editor, ENTER, Action::Confirm, "keep", true),
    bind(Editor, ESC, Action::Close, "cancel", true),
    bind(Editor, &[key(KeyCode::Backspace)], Action::Backspace, "delete back", false),
    bind(Editor, &[key(KeyCode::Delete)], Action::Edit(Edit::Delete), "delete", false),
    bind(Editor, &[key(KeyCode::Left)], Action::Edit(Edit::Left), "cursor left", false),
    bind(Editor, &[key(KeyCode::Right)], Action::Edit(Edit::Right), "cursor right", false),
    bind(Editor, &[key(KeyCode::Home), ctrl('a')], Action::Edit(Edit::Home), "start of line", false),
    bind(Editor, &[key(KeyCode::End), ctrl('e')], Action::Edit(Edit::End), "end of line", false),
    bind(Editor, &[ctrl('w')], Action::Edit(Edit::DeleteWord), "delete word", false),
    bind(Editor, &[ctrl('u')], Action::Edit(Edit::DeleteToStart), "delete to start", false),
    bind(Editor, &[ctrl('k')], Action::Edit(Edit::DeleteToEnd), "delete to end", false),
    bind(Choose, MOVE_DOWN, Action::Down, "next", true),
    bind(Choose, MOVE_UP, Action::Up, "previous", true),
    bind(Choose, FIRST, Action::First, "first", false),
    bind(Choose, LAST, Action::Last, "last", false),
    bind(Choose, &[key(KeyCode::Enter), ch(' ')], Action::Confirm, "choose", true),
    bind(Choose, &[key(KeyCode::Esc), ch('c'), ch('q')], Action::Close, "cancel", true),
    // A search in force on the tab in view: on the Checklist, `n` steps instead of answering.
    bind(Found, &[ch('n')], Action::NextMatch, "next match", true),
    bind(Found, &[ch('N')], Action::PreviousMatch, "previous match", true),
    bind(Found, ESC, Action::Close, "clear search", true),
    // The tabs.
    bind(Scope::Tab(Tab::Checklist), &[ch(' '), key(KeyCode::Enter), ch('x')], Action::Toggle, "cycle answer", true).forward(),
    bind(Scope::Tab(Tab::Checklist), &[ch('y')], Action::AnswerYes, "yes", true).forward(),
    bind(Scope::Tab(Tab::Checklist), &[ch('n')], Action::AnswerNo, "no", true).forward(),
    bind(Scope::Tab(Tab::Checklist), &[key(KeyCode::Backspace)], Action::ClearAnswer, "clear answer", false),
    bind(Scope::Tab(Tab::Checklist), &[ch('a')], Action::EditNote, "note", true),
    bind(Scope::Tab(Tab::Checklist), MOVE_DOWN, Action::Down, "next question", true),
    bind(Scope::Tab(Tab::Checklist), MOVE_UP, Action::Up, "previous question", false),
    bind(Scope::Tab(Tab::Checklist), LEFT, Action::Left, "previous framework", false),
    bind(Scope::Tab(Tab::Checklist), RIGHT, Action::Right, "next framework", true),
    bind(Scope::Tab(Tab::Decision), &[ch('a')], Action::EditNote, "decision note", true),
    bind(Scope::Tab(Tab::Team), &[ch('y')], Action::AnswerYes, "you: yes", true).forward(),
    bind(Scope::Tab(Tab::Team), &[ch('n')], Action::AnswerNo, "you: no", true).forward(),
    bind(Scope::Tab(Tab::Team), &[ch(' '), key(KeyCode::Enter), ch('x')], Action::Toggle, "cycle your answer", false),
    bind(Scope::Tab(Tab::Team), &[key(KeyCode::Backspace)], Action::ClearAnswer, "clear your answer", false),
    bind(Scope::Tab(Tab::Team), &[ch('a')], Action::EditNote, "your note", true),
    bind(Scope::Tab(Tab::Team), MOVE_DOWN, Action::Down, "next question", true),
    bind(Scope::Tab(Tab::Team), MOVE_UP, Action::Up, "previous question", false),
    bind(Scope::Tab(Tab::Team), LEFT, Action::Left, "earlier people", false),
    bind(Scope::Tab(Tab::Team), RIGHT, Action::Right, "more people", true),
    bind(Scope::Tab(Tab::Strengths), LEFT, Action::Left, "previous framework", false),
    bind(Scope::Tab(Tab::Strengths), RIGHT, Action::Right, "next framework", true),
    bind(Scope::Tab(Tab::Compare), &[ch('/')], Action::StartFilter, "filter", true),
    bind(Scope::Tab(Tab::Compare), &[ch('n')], Action::NextMatch, "next match", true),
    bind(Scope::Tab(Tab::Compare), &[ch('N')], Action::PreviousMatch, "previous match", true),
    bind(Scope::Tab(Tab::Compare), ESC, Action::Close, "clear filter", false),
    bind(Global, MOVE_DOWN, Action::Down, "down", false),
    bind(Global, MOVE_UP, Action::Up, "up", false),
    bind(Global, FIRST, Action::First, "first", false),
    bind(Global, LAST, Action::Last, "last", false),
    bind(Global, PAGE_DOWN, Action::PageDown, "page down", false),
    bind(Global, PAGE_UP, Action::PageUp, "page up", false),
    bind(Global, &[ch('/')], Action::StartFilter, "search the tab", false),
    bind(Global, &[ch('1')], Action::GoTab(Tab::Overview), "Overview", false),
    bind(Global, &[ch('2')], Action::GoTab(Tab::Strengths), "Strengths", false),
    bind(Global, &[ch('3')], Action::GoTab(Tab::Compare), "Compare", false),
    bind(Global, &[ch('4')], Action::GoTab(Tab::Checklist), "Checklist", false),
    bind(Global, &[ch('5')], Action::GoTab(Tab::Decision), "Decision", false),
    bind(Global, &[ch('6')], Action::GoTab(Tab::Team), "Team (with --team)", false),
    bind(Global, &[key(KeyCode::Tab)], Action::NextTab, "next tab", true),
    bind(Global, &[key(KeyCode::BackTab)], Action::PreviousTab, "previous tab", false),
    bind(Global, &[ch('s')], Action::ChooseStage, "stage", true),
    bind(Global, &[ch('c')], Action::ChooseDecision, "choose", true).forward(),
    bind(Global, &[ch('e')], Action::Export, "export", true).forward(),
    bind(Global, &[ch('u')], Action::Undo, "undo", false),
    bind(Global, &[ctrl('r')], Action::Redo, "redo", false),
    bind(Global, &[ch('R')], Action::StartOver, "start over", false),
    bind(Global, &[ch('M')], Action::MessageLog, "messages", false),
    bind(Global, &[ch('?')], Action::ToggleHelp, "help", true).priority(Priority::Help),
    bind(Global, &[ch('q'), ctrl('c')], Action::Quit, "quit", true),
    bind(Global, &[ch('Y')], Action::CopyDecision, "copy the decision", false),
    bind(Global, &[ctrl('z')], Action::Suspend, "suspend (fg resumes)", false),
];
