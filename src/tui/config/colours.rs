//! The `colors` of the config file: role → colour, checked with the place of each problem.

use std::collections::BTreeMap;

use ratatui::style::Color;
use serde::Deserialize;

use crate::source::Target;
use crate::tui::theme::{ROLES, Theme};

/// A colour as written in the config: text (`"#0366d6"`, `"dark-gray"`, `"245"`) or a
/// number (`245`), kept as text until it is checked with its place in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColourText(pub String);

impl<'de> Deserialize<'de> for ColourText {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<ColourText, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = ColourText;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                write!(f, "a colour: {COLOUR_FORMS}")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<ColourText, E> {
                Ok(ColourText(text.to_owned()))
            }
            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<ColourText, E> {
                Ok(ColourText(n.to_string()))
            }
            fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<ColourText, E> {
                Ok(ColourText(n.to_string()))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// The forms a colour may take, for messages.
const COLOUR_FORMS: &str = "\"#rrggbb\", a colour name (black, red, green, yellow, blue, magenta, \
cyan, gray, dark-gray, light-red, light-green, light-yellow, light-blue, light-magenta, light-cyan, \
white, reset) or a 256-colour index 0-255";

impl ColourText {
    /// The colour, or why it is not one.
    fn colour(&self) -> Result<Color, String> {
        let text = self.0.trim();
        // ratatui reads the digits with `from_str_radix`, which also takes a sign: `#+12345`.
        let hex_only = text
            .strip_prefix('#')
            .is_none_or(|digits| digits.len() == 6 && digits.bytes().all(|b| b.is_ascii_hexdigit()));
        hex_only
            .then_some(text)
            .and_then(|text| text.parse::<Color>().ok())
            .ok_or_else(|| {
                format!(
                    "{:?} is not a colour; use {COLOUR_FORMS}",
                    crate::text::escape(&self.0)
                )
            })
    }
}

/// Every unknown role and every colour that is not one, with the place to name.
pub(super) fn problems(colors: &BTreeMap<String, ColourText>) -> Vec<(String, Target)> {
    let mut problems = Vec::new();
    for (role, text) in colors {
        let path = format!("colors[{role:?}]");
        if !ROLES.contains(&role.as_str()) {
            let role = crate::text::escape(role);
            let message = format!("colors: unknown role {role:?} (roles: {})", ROLES.join(", "));
            problems.push((message, Target::Key(path)));
        } else if let Err(e) = text.colour() {
            problems.push((format!("colors.{role}: {e}"), Target::Value(path)));
        }
    }
    problems
}

/// Gives the theme the configured colours (checked by [`problems`] first).
pub(super) fn apply(colors: &BTreeMap<String, ColourText>, theme: &mut Theme) {
    for (role, text) in colors {
        if let Ok(colour) = text.colour() {
            let _ = theme.set_colour(role, colour);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_colours_take_six_hex_digits_and_nothing_else() {
        let colour = |text: &str| ColourText(text.to_owned()).colour();
        assert_eq!(colour("#0366d6"), Ok(Color::Rgb(3, 102, 214)));
        for bad in ["#+12345", "#-12345", "#12345", "#1234567", "#12345g", "# 12345"] {
            assert!(colour(bad).is_err(), "{bad}");
        }
        assert_eq!(colour("dark-gray"), Ok(Color::DarkGray));
    }
}
