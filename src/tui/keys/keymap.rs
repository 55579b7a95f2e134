//! The keymap: the default key table with any config overrides. It dispatches keys, and it
//! writes the footer hints and the help overlay, so what is shown can never disagree with what
//! is bound.

use std::borrow::Cow;
use std::collections::BTreeMap;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind};

use crate::source::Target;
use crate::tui::action::{Action, Tab};
pub use crate::tui::keys::bindings::Scope;
use crate::tui::keys::bindings::{Binding, DEFAULT_BINDINGS, Priority, QUIT_ANYWHERE, WHILE_TOO_SMALL};
use crate::tui::keys::key::Key;

/// A footer hint: the first key, as shown, and what it does.
pub type Hint = (String, &'static str);

/// The columns a hint takes in the footer: `key label` and two spaces.
pub fn hint_width((key, label): &Hint) -> usize {
    key.chars().count() + label.chars().count() + 3
}

/// The keys in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            bindings: DEFAULT_BINDINGS.to_vec(),
        }
    }
}

/// A problem of the `keys` of a config file: the message (`keys.quit: unknown key "ctrl-"`)
/// and the value it is about, to place it in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyProblem {
    pub message: String,
    pub place: Target,
}

impl KeyProblem {
    fn new(message: String, place: Target) -> KeyProblem {
        KeyProblem { message, place }
    }
}

/// The document path of an action's key list in the config: `keys["quit"]`.
fn keys_path(name: &str) -> String {
    format!("keys[{name:?}]")
}

/// A row of the help: the keys as shown, each on its own, and what they do.
pub type HelpRow = (Vec<String>, String);

/// The names of the actions a config can rebind, in the key table's order.
pub fn action_names() -> Vec<&'static str> {
    Keymap::default()
        .bindings
        .iter()
        .filter(|b| b.scope.rebindable())
        .filter_map(|b| b.name)
        .fold(Vec::new(), |mut names, name| {
            if !names.contains(&name) {
                names.push(name);
            }
            names
        })
}

impl Keymap {
    /// The default keys with some actions rebound: action name → keys, e.g.
    /// `"quit": ["q", "ctrl-q"]`. Every problem is reported, not only the first.
    pub fn with_overrides(overrides: &BTreeMap<String, Vec<String>>) -> Result<Keymap, Vec<KeyProblem>> {
        let mut keymap = Keymap::default();
        let mut problems = Vec::new();
        let names = action_names();
        for (name, texts) in overrides {
            let path = keys_path(name);
            if !names.contains(&name.as_str()) {
                problems.push(KeyProblem::new(
                    format!("keys: unknown action {name:?} (actions: {})", names.join(", ")),
                    Target::Key(path),
                ));
                continue;
            }
            let mut keys = Vec::new();
            for (i, text) in texts.iter().enumerate() {
                let place = || Target::Value(format!("{path}[{i}]"));
                match Key::parse(text) {
                    Ok(key) if key == QUIT_ANYWHERE && name != "quit" => problems.push(KeyProblem::new(
                        format!("keys.{name}: ctrl-c always quits and cannot be rebound"),
                        place(),
                    )),
                    Ok(key) => keys.push(key),
                    Err(e) => problems.push(KeyProblem::new(format!("keys.{name}: {e}"), place())),
                }
            }
            if keys.is_empty() && texts.is_empty() {
                problems.push(KeyProblem::new(
                    format!("keys.{name}: give at least one key"),
                    Target::Value(path),
                ));
            }
            for binding in keymap.bindings.iter_mut().filter(|b| b.scope.rebindable()) {
                if binding.name == Some(name.as_str()) {
                    binding.keys = Cow::Owned(keys.clone());
                }
            }
        }
        problems.extend(keymap.conflicts(overrides));
        if problems.is_empty() {
            Ok(keymap)
        } else {
            Err(problems)
        }
    }

    /// Keys that a rebinding put on two different actions that can be active together.
    fn conflicts(&self, overrides: &BTreeMap<String, Vec<String>>) -> Vec<KeyProblem> {
        let mut problems: Vec<KeyProblem> = Vec::new();
        let together = |a: Scope, b: Scope| a == b || a == Scope::Global || b == Scope::Global;
        for (i, first) in self.bindings.iter().enumerate() {
            let Some(first_name) = first.name else {
                continue;
            };
            if !first.scope.rebindable() || !overrides.contains_key(first_name) {
                continue;
            }
            for (j, second) in self.bindings.iter().enumerate() {
                let second_name = second.name;
                if i == j || !second.scope.rebindable() || second_name == Some(first_name) {
                    continue;
                }
                if !together(first.scope, second.scope) {
                    continue;
                }
                for key in first.keys.iter().filter(|k| second.keys.contains(k)) {
                    let other = second_name.unwrap_or(second.label);
                    let message = format!("keys.{first_name}: {} is already bound to {other}", key.name());
                    // One message per clash, naming the first scope where it happens.
                    if !problems.iter().any(|p| p.message.starts_with(&message)) {
                        // Placed at the text that gave this key.
                        let index = overrides[first_name]
                            .iter()
                            .position(|text| Key::parse(text).as_ref() == Ok(key))
                            .map_or(String::new(), |i| format!("[{i}]"));
                        problems.push(KeyProblem::new(
                            format!("{message} ({})", second.scope.title()),
                            Target::Value(format!("{}{index}", keys_path(first_name))),
                        ));
                    }
                }
            }
        }
        problems
    }

    /// The action a key event asks for, given the active scopes (most specific first).
    pub fn action_for(&self, scopes: &[Scope], event: &KeyEvent) -> Option<Action> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        let pressed = Key::from_event(event);
        if pressed == QUIT_ANYWHERE {
            return Some(Action::Quit);
        }
        // Suspending works from anywhere, a text field included (as in lazygit), when its key
        // cannot be text: with Ctrl or Alt.
        let suspend = self
            .bindings
            .iter()
            .any(|b| b.action == Action::Suspend && b.keys.contains(&pressed));
        if suspend && !pressed.modifiers.is_empty() {
            return Some(Action::Suspend);
        }
        for scope in scopes {
            let bound = self
                .bindings
                .iter()
                .filter(|b| match scope {
                    Scope::TooSmall => b.scope == Scope::Global && WHILE_TOO_SMALL.contains(&b.action),
                    _ => b.scope == *scope,
                })
                .find(|b| b.keys.contains(&pressed));
            if let Some(binding) = bound {
                return Some(binding.action);
            }
            if scope.takes_text() {
                return match pressed.code {
                    KeyCode::Char(c) if pressed.modifiers.is_empty() => Some(Action::Input(c)),
                    _ => None,
                };
            }
        }
        None
    }

    /// The footer hints for the active scopes: (first key, label), most specific scope first.
    pub fn footer_hints(&self, scopes: &[Scope]) -> Vec<Hint> {
        self.footer_bindings(scopes)
            .into_iter()
            .map(|(hint, _)| hint)
            .collect()
    }

    /// The footer's hints with their priorities, most specific scope first.
    fn footer_bindings(&self, scopes: &[Scope]) -> Vec<(Hint, Priority)> {
        let mut hints: Vec<(Hint, Priority)> = Vec::new();
        for scope in scopes {
            for binding in self.bindings.iter().filter(|b| b.scope == *scope && b.footer) {
                let Some(first) = binding.keys.first().map(Key::name) else {
                    continue;
                };
                // A key an earlier scope took (`n` while a search is in force) is not offered
                // for what it does no longer.
                if hints
                    .iter()
                    .any(|((key, label), _)| *label == binding.label || *key == first)
                {
                    continue;
                }
                hints.push(((first, binding.label), binding.priority));
            }
            if !matches!(scope, Scope::Tab(_) | Scope::Found) {
                // Overlays and text fields show only their own keys.
                break;
            }
        }
        hints
    }

    /// The footer for the active scopes in `width` columns: the keys that move the decision
    /// forward first, then the others in table order; when they do not all fit, the generic
    /// keys go first, then this tab's others, then help, the rightmost of each first.
    pub fn footer(&self, scopes: &[Scope], width: usize) -> Vec<Hint> {
        let mut hints = self.footer_bindings(scopes);
        // Stable: within each group the table's order stays.
        hints.sort_by_key(|(_, priority)| *priority != Priority::Forward);
        let mut used: usize = hints.iter().map(|(hint, _)| hint_width(hint)).sum();
        while used > width {
            let Some(lowest) = hints.iter().map(|(_, p)| *p).min() else {
                break;
            };
            let Some(index) = hints.iter().rposition(|(_, p)| *p == lowest) else {
                break;
            };
            used -= hint_width(&hints.remove(index).0);
        }
        hints.into_iter().map(|(hint, _)| hint).collect()
    }

    /// The help overlay's sections: a title and its rows, in table order.
    /// The rows of the digit keys that jump to tabs are merged into one row, `1–6`.
    pub fn help_sections(&self) -> Vec<(String, Vec<HelpRow>)> {
        let order = [
            Scope::Global,
            Scope::Tab(Tab::Checklist),
            Scope::Tab(Tab::Decision),
            Scope::Tab(Tab::Strengths),
            Scope::Tab(Tab::Compare),
            Scope::Tab(Tab::Team),
            Scope::Found,
            Scope::Filter,
            Scope::Stage,
            Scope::Choose,
            Scope::Editor,
            Scope::Export,
            Scope::Overwrite,
            Scope::ExportQuestion,
            Scope::Reset,
            Scope::Messages,
            Scope::TeamNotes,
            Scope::Help,
        ];
        order
            .iter()
            .map(|scope| {
                let mut rows: Vec<HelpRow> = Vec::new();
                let mut tabs: Vec<String> = Vec::new();
                for binding in self.bindings.iter().filter(|b| b.scope == *scope) {
                    let keys: Vec<String> = binding.keys.iter().map(Key::name).collect();
                    if let Action::GoTab(_) = binding.action {
                        let merge = keys.len() == 1 && keys[0].chars().all(|c| c.is_ascii_digit());
                        if merge {
                            if tabs.is_empty() {
                                rows.push((Vec::new(), "jump to tab (Overview … Decision, Team)".to_owned()));
                            }
                            tabs.extend(keys);
                            let index = rows
                                .iter()
                                .rposition(|(_, l)| l.starts_with("jump to tab"))
                                .unwrap_or(0);
                            rows[index].0 = vec![format!("{}–{}", tabs[0], tabs[tabs.len() - 1])];
                            continue;
                        }
                    }
                    rows.push((keys, binding.label.to_owned()));
                }
                (scope.title(), rows)
            })
            .collect()
    }

    /// The first key bound to an action in any scope, as shown (for hints inside panes).
    pub fn first_key(&self, action: Action) -> Option<String> {
        self.bindings
            .iter()
            .find(|b| b.action == action)
            .and_then(|b| b.keys.first())
            .map(Key::name)
    }

    /// The key table as Markdown, for docs/keys.md (a test keeps the two identical).
    pub fn markdown_table(&self) -> String {
        let mut out = String::from("| where | keys | action |\n|---|---|---|\n");
        for (title, rows) in self.help_sections() {
            for (keys, label) in rows {
                let keys: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
                out.push_str(&format!("| {title} | {} | {label} |\n", keys.join(" ")));
            }
        }
        out
    }

    /// Every binding in force.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }
}

#[cfg(test)]
mod tests;
