//! `Text`: a string from a data file, stripped of control characters at load.
//!
//! A decision file must never be able to send escape sequences to the terminal, so every
//! human-readable string in the data model is a `Text`, cleaned as it is deserialised.

use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Serialize};

/// A cleaned, human-readable string from a data or session file.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub struct Text(String);

impl Text {
    /// The text as a `&str`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Removes control characters; tabs and line breaks become single spaces so words stay apart.
pub fn strip_controls(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        if matches!(c, '\t' | '\n' | '\r') {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else if !c.is_control() {
            out.push(c);
        }
    }
    out
}

impl From<String> for Text {
    fn from(raw: String) -> Self {
        if raw.chars().any(char::is_control) {
            Text(strip_controls(&raw))
        } else {
            Text(raw)
        }
    }
}

impl From<&str> for Text {
    fn from(raw: &str) -> Self {
        Text::from(raw.to_owned())
    }
}

impl From<Text> for String {
    fn from(text: Text) -> Self {
        text.0
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_removed() {
        let text = Text::from("\u{1b}[2JDjango\u{7}");
        assert_eq!(text.as_str(), "[2JDjango");
    }

    #[test]
    fn line_breaks_become_one_space() {
        assert_eq!(Text::from("a\r\n\tb").as_str(), "a b");
    }

    #[test]
    fn clean_text_is_unchanged() {
        assert_eq!(
            Text::from("Batteries “included” ✓").as_str(),
            "Batteries “included” ✓"
        );
    }

    #[test]
    fn deserialising_strips_controls() {
        let text: Text = ron::from_str("\"a\\u{1b}b\"").unwrap();
        assert_eq!(text.as_str(), "ab");
    }
}
