//! Keys: how a key press is matched, written in hints, and read from a config file.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key with its modifiers. Shift is part of a character (`G`), not a modifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

/// A key without modifiers.
pub const fn key(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

/// A character key.
pub const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

/// Ctrl and a character.
pub const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
    }
}

impl Key {
    /// The key of a terminal key event, normalised for matching.
    pub fn from_event(event: &KeyEvent) -> Key {
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

    /// How the key is written in hints: `j`, `↓`, `Space`, `Ctrl-C`.
    pub fn name(&self) -> String {
        let base = match self.code {
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
            KeyCode::Delete => "Del".to_owned(),
            KeyCode::PageDown => "PgDn".to_owned(),
            KeyCode::PageUp => "PgUp".to_owned(),
            KeyCode::Home => "Home".to_owned(),
            KeyCode::End => "End".to_owned(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        let mut name = String::new();
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            name.push_str("Ctrl-");
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            name.push_str("Alt-");
        }
        if self.modifiers.is_empty() {
            base
        } else {
            name + &base.to_uppercase()
        }
    }

    /// Reads a key as written in a config file: `q`, `G`, `space`, `ctrl-d`, `alt-x`, `pgdn`,
    /// `f1`, `shift-tab`. Case matters only for single characters.
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            if let Some(tail) = lower.strip_prefix("ctrl-").map(|_| &rest[5..]) {
                modifiers |= KeyModifiers::CONTROL;
                rest = tail;
            } else if let Some(tail) = lower.strip_prefix("alt-").map(|_| &rest[4..]) {
                modifiers |= KeyModifiers::ALT;
                rest = tail;
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() => {
                // Ctrl and Alt combine with lower-case letters, as terminals report them.
                let c = if modifiers.is_empty() {
                    c
                } else {
                    c.to_ascii_lowercase()
                };
                KeyCode::Char(c)
            }
            _ => match rest.to_ascii_lowercase().as_str() {
                "space" => KeyCode::Char(' '),
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "shift-tab" | "backtab" => KeyCode::BackTab,
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "pgup" | "pageup" => KeyCode::PageUp,
                "pgdn" | "pagedown" => KeyCode::PageDown,
                other => match other.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                    Some(n) if (1..=12).contains(&n) => KeyCode::F(n),
                    _ => return Err(format!("unknown key {text:?}")),
                },
            },
        };
        // A terminal sends these as the same byte as another key: they could never arrive.
        if modifiers.contains(KeyModifiers::CONTROL)
            && let KeyCode::Char(c @ ('m' | 'i' | '[')) = code
        {
            let same = match c {
                'm' => "Enter",
                'i' => "Tab",
                _ => "Esc",
            };
            return Err(format!("{text:?} cannot be bound: a terminal sends it as {same}"));
        }
        Ok(Key { code, modifiers })
    }
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::{KeyEventKind, KeyEventState};

    use super::*;

    #[test]
    fn keys_a_terminal_cannot_tell_apart_are_refused_with_the_reason() {
        for (text, same) in [
            ("ctrl-m", "Enter"),
            ("ctrl-i", "Tab"),
            ("ctrl-[", "Esc"),
            ("Ctrl-M", "Enter"),
        ] {
            let error = Key::parse(text).unwrap_err();
            assert!(
                error.ends_with(&format!("a terminal sends it as {same}")),
                "{error}"
            );
        }
        assert!(Key::parse("ctrl-d").is_ok());
    }

    #[test]
    fn parses_what_it_writes() {
        for text in [
            "q",
            "G",
            "space",
            "ctrl-d",
            "alt-x",
            "pgdn",
            "f5",
            "shift-tab",
            "enter",
            "?",
            "/",
        ] {
            let key = Key::parse(text).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(
                Key::parse(&key.name().replace('↓', "down")).ok(),
                Some(key),
                "{text}"
            );
        }
        assert_eq!(Key::parse("Ctrl-D"), Ok(ctrl('d')));
        assert!(Key::parse("ctrl-").is_err());
        assert!(Key::parse("hyper-q").is_err());
    }

    #[test]
    fn shift_is_part_of_the_character() {
        let event = KeyEvent {
            code: KeyCode::Char('G'),
            modifiers: KeyModifiers::SHIFT,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        };
        assert_eq!(Key::from_event(&event), ch('G'));
        let backtab = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(&backtab), key(KeyCode::BackTab));
    }
}
