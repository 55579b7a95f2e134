//! The one key table: it dispatches keys, and it writes the footer hints and the help overlay,
//! so what is shown can never disagree with what is bound.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::{Action, Tab};

/// A key with its modifiers (Shift is ignored for characters: `G` is its own key).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

const fn key(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
    }
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every tab, when no overlay is open.
    Global,
    /// One tab, when no overlay is open.
    Tab(Tab),
    /// The help overlay.
    Help,
    /// Typing a filter on the Compare tab.
    Filter,
    /// The stage picker.
    Stage,
    /// The export dialog.
    Export,
    /// The export dialog asking before it overwrites a file.
    Overwrite,
}

impl Scope {
    /// The heading of the scope's section in the help overlay.
    pub fn title(self) -> String {
        match self {
            Scope::Global => "Everywhere".to_owned(),
            Scope::Tab(tab) => format!("{tab} tab"),
            Scope::Help => "Help".to_owned(),
            Scope::Filter => "Typing a filter".to_owned(),
            Scope::Stage => "Stage picker".to_owned(),
            Scope::Export => "Export dialog".to_owned(),
            Scope::Overwrite => "Overwrite question".to_owned(),
        }
    }
}

/// One row of the key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [Key],
    pub action: Action,
    /// What the keys do, as shown in the footer and the help.
    pub label: &'static str,
    /// Whether the footer shows it.
    pub footer: bool,
}

const fn bind(
    scope: Scope,
    keys: &'static [Key],
    action: Action,
    label: &'static str,
    footer: bool,
) -> Binding {
    Binding {
        scope,
        keys,
        action,
        label,
        footer,
    }
}

use Scope::{Export, Filter, Global, Help, Overwrite, Stage};

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

/// The key table. Earlier rows win when two scopes bind the same key.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    // Overlays and text fields first: they capture keys before the tabs see them.
    bind(Help, &[key(KeyCode::Esc), ch('?'), ch('q')], Action::Close, "close help", true),
    bind(Help, MOVE_DOWN, Action::Down, "scroll down", true),
    bind(Help, MOVE_UP, Action::Up, "scroll up", true),
    bind(Help, FIRST, Action::First, "top", false),
    bind(Help, LAST, Action::Last, "bottom", false),
    bind(Help, PAGE_DOWN, Action::PageDown, "page down", false),
    bind(Help, PAGE_UP, Action::PageUp, "page up", false),
    bind(Filter, ENTER, Action::Confirm, "keep filter", true),
    bind(Filter, ESC, Action::Close, "clear filter", true),
    bind(Filter, &[key(KeyCode::Backspace)], Action::Backspace, "delete", true),
    bind(Filter, &[key(KeyCode::Down)], Action::Down, "next row", false),
    bind(Filter, &[key(KeyCode::Up)], Action::Up, "previous row", false),
    bind(Stage, MOVE_DOWN, Action::Down, "next stage", true),
    bind(Stage, MOVE_UP, Action::Up, "previous stage", true),
    bind(Stage, FIRST, Action::First, "first", false),
    bind(Stage, LAST, Action::Last, "last", false),
    bind(Stage, &[key(KeyCode::Enter), ch(' ')], Action::Confirm, "choose", true),
    bind(Stage, &[key(KeyCode::Esc), ch('s'), ch('q')], Action::Close, "cancel", true),
    bind(Export, &[key(KeyCode::Tab), key(KeyCode::Right)], Action::NextFormat, "next format", true),
    bind(Export, &[key(KeyCode::BackTab), key(KeyCode::Left)], Action::PreviousFormat, "previous format", false),
    bind(Export, &[key(KeyCode::Backspace)], Action::Backspace, "delete", false),
    bind(Export, ENTER, Action::Confirm, "write file", true),
    bind(Export, ESC, Action::Close, "cancel", true),
    bind(Overwrite, &[ch('y'), key(KeyCode::Enter)], Action::Confirm, "overwrite", true),
    bind(Overwrite, &[ch('n'), key(KeyCode::Esc)], Action::Close, "keep the file", true),
    // The tabs.
    bind(Scope::Tab(Tab::Checklist), &[ch(' '), key(KeyCode::Enter), ch('x')], Action::Toggle, "tick", true),
    bind(Scope::Tab(Tab::Checklist), MOVE_DOWN, Action::Down, "next question", true),
    bind(Scope::Tab(Tab::Checklist), MOVE_UP, Action::Up, "previous question", false),
    bind(Scope::Tab(Tab::Checklist), LEFT, Action::Left, "previous framework", false),
    bind(Scope::Tab(Tab::Checklist), RIGHT, Action::Right, "next framework", true),
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
    bind(Global, &[ch('1')], Action::GoTab(Tab::Overview), "Overview", false),
    bind(Global, &[ch('2')], Action::GoTab(Tab::Strengths), "Strengths", false),
    bind(Global, &[ch('3')], Action::GoTab(Tab::Compare), "Compare", false),
    bind(Global, &[ch('4')], Action::GoTab(Tab::Checklist), "Checklist", false),
    bind(Global, &[ch('5')], Action::GoTab(Tab::Decision), "Decision", false),
    bind(Global, &[key(KeyCode::Tab)], Action::NextTab, "next tab", true),
    bind(Global, &[key(KeyCode::BackTab)], Action::PreviousTab, "previous tab", false),
    bind(Global, &[ch('s')], Action::ChooseStage, "stage", true),
    bind(Global, &[ch('e')], Action::Export, "export", true),
    bind(Global, &[ch('?')], Action::ToggleHelp, "help", true),
    bind(Global, &[ch('q'), ctrl('c')], Action::Quit, "quit", true),
];

/// Ctrl-C quits from anywhere, even while typing.
const QUIT_ANYWHERE: Key = ctrl('c');

/// Whether a scope takes free text (printable characters become `Action::Input`).
fn takes_text(scope: Scope) -> bool {
    matches!(scope, Scope::Filter | Scope::Export)
}

fn normalise(event: &KeyEvent) -> Key {
    let mut modifiers = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
    if !matches!(event.code, KeyCode::Char(_)) {
        modifiers |= event.modifiers & KeyModifiers::SHIFT;
    }
    // Shift-Tab arrives as BackTab, with or without the Shift flag.
    if event.code == KeyCode::BackTab {
        modifiers -= KeyModifiers::SHIFT;
    }
    Key {
        code: event.code,
        modifiers,
    }
}

/// The action a key event asks for, given the active scopes (most specific first).
pub fn action_for(scopes: &[Scope], event: &KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let pressed = normalise(event);
    if pressed == QUIT_ANYWHERE {
        return Some(Action::Quit);
    }
    for scope in scopes {
        let bound = BINDINGS
            .iter()
            .filter(|b| b.scope == *scope)
            .find(|b| b.keys.contains(&pressed));
        if let Some(binding) = bound {
            return Some(binding.action);
        }
        if takes_text(*scope) {
            return match pressed.code {
                KeyCode::Char(c) if pressed.modifiers.is_empty() => Some(Action::Input(c)),
                _ => None,
            };
        }
    }
    None
}

/// How a key is written in hints: `j`, `↓`, `Space`, `Ctrl-C`.
pub fn key_name(key: &Key) -> String {
    let base = match key.code {
        KeyCode::Char(' ') => "Space".to_owned(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Down => "↓".to_owned(),
        KeyCode::Up => "↑".to_owned(),
        KeyCode::Left => "←".to_owned(),
        KeyCode::Right => "→".to_owned(),
        KeyCode::Enter => "Enter".to_owned(),
        KeyCode::Esc => "Esc".to_owned(),
        KeyCode::Tab => "Tab".to_owned(),
        KeyCode::BackTab => "Shift-Tab".to_owned(),
        KeyCode::Backspace => "Backspace".to_owned(),
        KeyCode::PageDown => "PgDn".to_owned(),
        KeyCode::PageUp => "PgUp".to_owned(),
        KeyCode::Home => "Home".to_owned(),
        KeyCode::End => "End".to_owned(),
        other => format!("{other:?}"),
    };
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        let upper = base.to_uppercase();
        format!("Ctrl-{upper}")
    } else {
        base
    }
}

/// All keys of a binding, as shown: `j/↓`.
pub fn keys_label(binding: &Binding) -> String {
    binding.keys.iter().map(key_name).collect::<Vec<_>>().join("/")
}

/// The footer hints for the active scopes: (first key, label), most specific scope first.
pub fn footer_hints(scopes: &[Scope]) -> Vec<(String, &'static str)> {
    let mut hints = Vec::new();
    for scope in scopes {
        for binding in BINDINGS.iter().filter(|b| b.scope == *scope && b.footer) {
            if hints.iter().any(|(_, label)| *label == binding.label) {
                continue;
            }
            hints.push((key_name(&binding.keys[0]), binding.label));
        }
        if !matches!(scope, Scope::Tab(_)) {
            // Overlays and text fields show only their own keys.
            break;
        }
    }
    hints
}

/// A row of the help: the keys as shown, each on its own, and what they do.
pub type HelpRow = (Vec<String>, String);

/// The help overlay's sections: a title and its rows, in table order.
/// The rows of the digit keys that jump to tabs are merged into one row, `1–5`.
pub fn help_sections() -> Vec<(String, Vec<HelpRow>)> {
    let order = [
        Scope::Global,
        Scope::Tab(Tab::Checklist),
        Scope::Tab(Tab::Strengths),
        Scope::Tab(Tab::Compare),
        Scope::Filter,
        Scope::Stage,
        Scope::Export,
        Scope::Overwrite,
        Scope::Help,
    ];
    order
        .iter()
        .map(|scope| {
            let mut rows: Vec<HelpRow> = Vec::new();
            let mut tabs: Vec<String> = Vec::new();
            for binding in BINDINGS.iter().filter(|b| b.scope == *scope) {
                let keys: Vec<String> = binding.keys.iter().map(key_name).collect();
                if let Action::GoTab(_) = binding.action {
                    if tabs.is_empty() {
                        rows.push((Vec::new(), "jump to tab (Overview … Decision)".to_owned()));
                    }
                    tabs.extend(keys);
                    let index = rows.len() - 1;
                    rows[index].0 = vec![format!("{}–{}", tabs[0], tabs[tabs.len() - 1])];
                    continue;
                }
                rows.push((keys, binding.label.to_owned()));
            }
            (scope.title(), rows)
        })
        .collect()
}

/// The first key bound to an action in any scope, as shown (for hints inside panes).
pub fn first_key(action: Action) -> Option<String> {
    BINDINGS
        .iter()
        .find(|b| b.action == action)
        .map(|b| key_name(&b.keys[0]))
}

/// The key table as Markdown, for the README (a test keeps the two identical).
pub fn markdown_table() -> String {
    let mut out = String::from("| where | keys | action |\n|---|---|---|\n");
    for (title, rows) in help_sections() {
        for (keys, label) in rows {
            let keys: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
            out.push_str(&format!("| {title} | {} | {label} |\n", keys.join(" ")));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::KeyEventState;

    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent {
            code,
            modifiers,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        }
    }

    #[track_caller]
    fn assert_action(scopes: &[Scope], code: KeyCode, modifiers: KeyModifiers, expected: Option<Action>) {
        assert_eq!(action_for(scopes, &press(code, modifiers)), expected);
    }

    const CHECKLIST: &[Scope] = &[Scope::Tab(Tab::Checklist), Scope::Global];

    #[test]
    fn tab_keys_win_over_global_ones() {
        assert_action(
            CHECKLIST,
            KeyCode::Char(' '),
            KeyModifiers::NONE,
            Some(Action::Toggle),
        );
        assert_action(
            CHECKLIST,
            KeyCode::Char('j'),
            KeyModifiers::NONE,
            Some(Action::Down),
        );
        assert_action(
            CHECKLIST,
            KeyCode::Char('3'),
            KeyModifiers::NONE,
            Some(Action::GoTab(Tab::Compare)),
        );
    }

    #[test]
    fn shifted_letters_and_backtab_match() {
        assert_action(
            CHECKLIST,
            KeyCode::Char('G'),
            KeyModifiers::SHIFT,
            Some(Action::Last),
        );
        assert_action(
            CHECKLIST,
            KeyCode::BackTab,
            KeyModifiers::SHIFT,
            Some(Action::PreviousTab),
        );
    }

    #[test]
    fn ctrl_c_quits_even_while_typing() {
        assert_action(
            &[Scope::Filter],
            KeyCode::Char('c'),
            KeyModifiers::CONTROL,
            Some(Action::Quit),
        );
    }

    #[test]
    fn text_fields_take_characters_that_are_bound_elsewhere() {
        assert_action(
            &[Scope::Filter],
            KeyCode::Char('q'),
            KeyModifiers::NONE,
            Some(Action::Input('q')),
        );
        assert_action(
            &[Scope::Filter],
            KeyCode::Esc,
            KeyModifiers::NONE,
            Some(Action::Close),
        );
    }

    #[test]
    fn esc_never_quits() {
        for scope in [
            Global,
            Help,
            Filter,
            Stage,
            Export,
            Overwrite,
            Scope::Tab(Tab::Compare),
        ] {
            assert_ne!(
                action_for(&[scope, Global], &press(KeyCode::Esc, KeyModifiers::NONE)),
                Some(Action::Quit)
            );
        }
    }

    #[test]
    fn releases_are_ignored() {
        let mut event = press(KeyCode::Char('q'), KeyModifiers::NONE);
        event.kind = KeyEventKind::Release;
        assert_eq!(action_for(CHECKLIST, &event), None);
    }

    #[test]
    fn footer_comes_from_the_table() {
        let hints = footer_hints(CHECKLIST);
        assert_eq!(hints[0], ("Space".to_owned(), "tick"));
        assert!(hints.iter().any(|(k, l)| k == "?" && *l == "help"));
        assert!(
            hints
                .iter()
                .all(|(_, label)| BINDINGS.iter().any(|b| b.label == *label && b.footer))
        );
    }

    #[test]
    fn every_binding_is_in_the_help() {
        let sections = help_sections();
        for binding in BINDINGS {
            if matches!(binding.action, Action::GoTab(_)) {
                continue;
            }
            let title = binding.scope.title();
            let (_, rows) = sections
                .iter()
                .find(|(t, _)| *t == title)
                .expect("scope has a section");
            assert!(
                rows.iter()
                    .any(|(keys, label)| keys.join("/") == keys_label(binding) && label == binding.label)
            );
        }
        let global = &sections[0].1;
        assert!(global.iter().any(|(keys, _)| keys == &["1–5"]));
    }
}
