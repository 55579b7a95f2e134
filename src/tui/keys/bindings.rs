//! The default key table: every binding with its scope, action and label. The keymap built
//! from it (with any config overrides) dispatches keys and writes the footer and the help.

use std::borrow::Cow;

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
    /// A Team row's notes, opened with Enter.
    TeamNotes,
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
            Scope::TeamNotes => "Team notes".to_owned(),
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

/// One row of the key table: the default table's, or the keymap's once a config rebinds its
/// keys (the keys are the table's own until then).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub scope: Scope,
    pub keys: Cow<'static, [Key]>,
    pub action: Action,
    /// The action's name in a config file's `keys` map (`"quit": ["q"]`), on the rows a
    /// config may rebind; every row of one action has the same name.
    pub name: Option<&'static str>,
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
    /// Keys that move the decision forward: answering (`y`, `n`: cycling in place is local),
    /// choosing, exporting.
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
        keys: Cow::Borrowed(keys),
        action,
        name: None,
        label,
        footer,
        priority,
    }
}

impl Binding {
    /// The binding, with the name a config file rebinds it by.
    const fn named(mut self, name: &'static str) -> Binding {
        self.name = Some(name);
        self
    }

    /// All keys, as shown: `j/↓`.
    pub fn keys_label(&self) -> String {
        self.keys.iter().map(Key::name).collect::<Vec<_>>().join("/")
    }

    /// The binding, kept in the footer before any other (see [`Priority`]).
    const fn forward(self) -> Binding {
        self.priority(Priority::Forward)
    }

    /// The binding with this footer priority.
    const fn priority(mut self, priority: Priority) -> Binding {
        self.priority = priority;
        self
    }
}

/// Ctrl-C quits from anywhere, even while typing; it cannot be rebound.
pub const QUIT_ANYWHERE: Key = ctrl('c');

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
    TeamNotes,
};

/// The key table. Earlier rows win when two scopes bind the same key.
#[rustfmt::skip]
pub const DEFAULT_BINDINGS: &[Binding] = &[
    // Overlays and text fields first: they capture keys before the tabs see them.
    // In the help every letter filters (as lazygit's and yazi's filter prompts do), so a
    // word typed there never acts: it moves, closes and pages with keys that are no letter.
    bind(Help, &[key(KeyCode::Esc), ch('?')], Action::Close, "close help", true),
    bind(Help, &[key(KeyCode::Down)], Action::Down, "scroll down", true),
    bind(Help, &[key(KeyCode::Up)], Action::Up, "scroll up", true),
    bind(Help, &[key(KeyCode::Home)], Action::First, "top", false),
    bind(Help, &[key(KeyCode::End)], Action::Last, "bottom", false),
    bind(Help, PAGE_DOWN, Action::PageDown, "page down", false),
    bind(Help, PAGE_UP, Action::PageUp, "page up", false),
    bind(Messages, &[key(KeyCode::Esc), ch('M'), ch('q')], Action::Close, "close messages", true),
    bind(Messages, MOVE_DOWN, Action::Down, "scroll down", true),
    bind(Messages, MOVE_UP, Action::Up, "scroll up", true),
    bind(Messages, FIRST, Action::First, "newest", false),
    bind(Messages, LAST, Action::Last, "oldest", false),
    bind(Messages, PAGE_DOWN, Action::PageDown, "page down", false),
    bind(Messages, PAGE_UP, Action::PageUp, "page up", false),
    bind(TeamNotes, &[key(KeyCode::Esc), key(KeyCode::Enter), ch('q')], Action::Close, "close notes", true),
    bind(TeamNotes, MOVE_DOWN, Action::Down, "scroll down", true),
    bind(TeamNotes, MOVE_UP, Action::Up, "scroll up", true),
    bind(TeamNotes, FIRST, Action::First, "top", false),
    bind(TeamNotes, LAST, Action::Last, "bottom", false),
    bind(TeamNotes, PAGE_DOWN, Action::PageDown, "page down", false),
    bind(TeamNotes, PAGE_UP, Action::PageUp, "page up", false),
    bind(Help, &[ch('/')], Action::StartFilter, "filter (or type any letter)", true),
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
    // Replacing a file takes an explicit y: Enter, the key pressed to write, keeps it.
    bind(Overwrite, &[ch('y')], Action::Confirm, "overwrite", true),
    bind(Overwrite, &[ch('n'), key(KeyCode::Esc), key(KeyCode::Enter)], Action::Close, "keep the file", true),
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
    bind(Found, &[ch('n')], Action::NextMatch, "next match", true).named("next-match"),
    bind(Found, &[ch('N')], Action::PreviousMatch, "previous match", true).named("previous-match"),
    bind(Found, ESC, Action::Close, "clear search", true).named("clear-filter"),
    // The tabs.
    bind(Scope::Tab(Tab::Checklist), &[ch(' '), key(KeyCode::Enter), ch('x')], Action::Toggle, "cycle answer", true).named("tick"),
    bind(Scope::Tab(Tab::Checklist), &[ch('y')], Action::AnswerYes, "yes", true).forward().named("yes"),
    bind(Scope::Tab(Tab::Checklist), &[ch('n')], Action::AnswerNo, "no", true).forward().named("no"),
    bind(Scope::Tab(Tab::Checklist), &[key(KeyCode::Backspace)], Action::ClearAnswer, "clear answer", false).named("clear"),
    bind(Scope::Tab(Tab::Checklist), &[ch('a')], Action::EditNote, "note", true).named("note"),
    bind(Scope::Tab(Tab::Checklist), MOVE_DOWN, Action::Down, "next question", true).named("down"),
    bind(Scope::Tab(Tab::Checklist), MOVE_UP, Action::Up, "previous question", false).named("up"),
    bind(Scope::Tab(Tab::Checklist), LEFT, Action::Left, "previous framework", false).named("left"),
    bind(Scope::Tab(Tab::Checklist), RIGHT, Action::Right, "next framework", true).named("right"),
    bind(Scope::Tab(Tab::Decision), &[ch('a')], Action::EditNote, "decision note", true).named("note"),
    bind(Scope::Tab(Tab::Team), &[ch('y')], Action::AnswerYes, "you: yes", true).forward().named("yes"),
    bind(Scope::Tab(Tab::Team), &[ch('n')], Action::AnswerNo, "you: no", true).forward().named("no"),
    // Enter opens the row, as in a list of lazygit's; Space and x still cycle the answer.
    bind(Scope::Tab(Tab::Team), &[ch(' '), ch('x')], Action::Toggle, "cycle your answer", false).named("tick"),
    bind(Scope::Tab(Tab::Team), ENTER, Action::TeamNotes, "notes", true).named("team-notes"),
    bind(Scope::Tab(Tab::Team), &[key(KeyCode::Backspace)], Action::ClearAnswer, "clear your answer", false).named("clear"),
    bind(Scope::Tab(Tab::Team), &[ch('a')], Action::EditNote, "your note", true).named("note"),
    bind(Scope::Tab(Tab::Team), MOVE_DOWN, Action::Down, "next question", true).named("down"),
    bind(Scope::Tab(Tab::Team), MOVE_UP, Action::Up, "previous question", false).named("up"),
    bind(Scope::Tab(Tab::Team), LEFT, Action::Left, "earlier people", false).named("left"),
    bind(Scope::Tab(Tab::Team), RIGHT, Action::Right, "more people", true).named("right"),
    bind(Scope::Tab(Tab::Strengths), LEFT, Action::Left, "previous framework", false).named("left"),
    bind(Scope::Tab(Tab::Strengths), RIGHT, Action::Right, "next framework", true).named("right"),
    bind(Scope::Tab(Tab::Compare), &[ch('/')], Action::StartFilter, "filter", true).named("filter"),
    bind(Scope::Tab(Tab::Compare), &[ch('n')], Action::NextMatch, "next match", true).named("next-match"),
    bind(Scope::Tab(Tab::Compare), &[ch('N')], Action::PreviousMatch, "previous match", true).named("previous-match"),
    bind(Scope::Tab(Tab::Compare), ESC, Action::Close, "clear filter", false).named("clear-filter"),
    bind(Global, MOVE_DOWN, Action::Down, "down", false).named("down"),
    bind(Global, MOVE_UP, Action::Up, "up", false).named("up"),
    bind(Global, FIRST, Action::First, "first", false).named("first"),
    bind(Global, LAST, Action::Last, "last", false).named("last"),
    bind(Global, PAGE_DOWN, Action::PageDown, "page down", false).named("page-down"),
    bind(Global, PAGE_UP, Action::PageUp, "page up", false).named("page-up"),
    bind(Global, &[ch('/')], Action::StartFilter, "search the tab", false).named("filter"),
    bind(Global, &[ch('1')], Action::GoTab(Tab::Overview), "Overview", false).named("tab-1"),
    bind(Global, &[ch('2')], Action::GoTab(Tab::Strengths), "Strengths", false).named("tab-2"),
    bind(Global, &[ch('3')], Action::GoTab(Tab::Compare), "Compare", false).named("tab-3"),
    bind(Global, &[ch('4')], Action::GoTab(Tab::Checklist), "Checklist", false).named("tab-4"),
    bind(Global, &[ch('5')], Action::GoTab(Tab::Decision), "Decision", false).named("tab-5"),
    bind(Global, &[ch('6')], Action::GoTab(Tab::Team), "Team (with --team)", false).named("tab-6"),
    bind(Global, &[key(KeyCode::Tab)], Action::NextTab, "next tab", true).named("next-tab"),
    bind(Global, &[key(KeyCode::BackTab)], Action::PreviousTab, "previous tab", false).named("previous-tab"),
    bind(Global, &[ch('s')], Action::ChooseStage, "stage", true).named("stage"),
    bind(Global, &[ch('c')], Action::ChooseDecision, "choose", true).forward().named("choose"),
    bind(Global, &[ch('e')], Action::Export, "export", true).forward().named("export"),
    bind(Global, &[ch('u')], Action::Undo, "undo", false).named("undo"),
    bind(Global, &[ctrl('r')], Action::Redo, "redo", false).named("redo"),
    bind(Global, &[ch('R')], Action::StartOver, "start over", false).named("start-over"),
    bind(Global, &[ch('M')], Action::MessageLog, "messages", false).named("messages"),
    bind(Global, &[ch('?')], Action::ToggleHelp, "help", true).priority(Priority::Help).named("help"),
    bind(Global, &[ch('q'), ctrl('c')], Action::Quit, "quit", true).named("quit"),
    bind(Global, &[ch('Y')], Action::CopyDecision, "copy the decision", false).named("copy"),
    bind(Global, &[ctrl('z')], Action::Suspend, "suspend (fg resumes)", false).named("suspend"),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// A config rebinds an action by its name: every row a config may rebind has one, the
    /// rows of one action share it, and no two actions have the same name.
    #[test]
    fn each_rebindable_action_has_one_name_and_each_name_one_action() {
        let mut names: Vec<(Action, &str)> = Vec::new();
        for binding in DEFAULT_BINDINGS {
            if !binding.scope.rebindable() {
                assert_eq!(
                    binding.name, None,
                    "{binding:?}: an overlay's key is not rebindable"
                );
                continue;
            }
            let name = binding.name.unwrap_or_else(|| panic!("{binding:?} has no name"));
            for &(action, other) in &names {
                assert_eq!(
                    action == binding.action,
                    other == name,
                    "{action:?} {other:?} / {binding:?}"
                );
            }
            names.push((binding.action, name));
        }
    }
}
