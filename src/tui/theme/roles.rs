//! The roles a config file may colour, by name: `colors: { "accent": "#0366d6" }`. Most names
//! are one style of the [`Theme`]; `accent` is the colour the theme uses for titles, keys,
//! the focused border and the active tab, and the `-background` names are the background of
//! the active tab and of search matches.

use ratatui::style::Color;

use crate::tui::theme::palette::Theme;

/// Every role name a config file may give a colour, in the order the help lists them.
pub const ROLES: &[&str] = &[
    "accent",
    "title",
    "tab",
    "tab-active",
    "tab-active-background",
    "border",
    "border-focus",
    "heading",
    "text",
    "muted",
    "selected",
    "key",
    "highlight",
    "match",
    "match-background",
    "qualified",
    "unqualified",
    "gauge-fill",
    "gauge-fill-qualified",
    "gauge-empty",
    "threshold",
    "layer-active",
    "layer-dimmed",
    "status",
    "error",
    "checked",
];

/// A role name that is not in [`ROLES`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRole;

impl Theme {
    /// Gives a role its colour (the foreground, or the background for the `-background`
    /// roles). Emphasis (bold, reverse) is kept: only the colour is the user's.
    pub fn set_colour(&mut self, role: &str, colour: Color) -> Result<(), UnknownRole> {
        let fg = |style: &mut ratatui::style::Style| *style = style.fg(colour);
        match role {
            "accent" => {
                for style in [&mut self.title, &mut self.key, &mut self.border_focus] {
                    fg(style);
                }
                self.tab_active = self.tab_active.bg(colour);
            }
            "tab-active-background" => self.tab_active = self.tab_active.bg(colour),
            "match-background" => self.match_text = self.match_text.bg(colour),
            _ => fg(self.style_mut(role).ok_or(UnknownRole)?),
        }
        Ok(())
    }

    /// The style of a role named after one style.
    fn style_mut(&mut self, role: &str) -> Option<&mut ratatui::style::Style> {
        Some(match role {
            "title" => &mut self.title,
            "tab" => &mut self.tab,
            "tab-active" => &mut self.tab_active,
            "border" => &mut self.border,
            "border-focus" => &mut self.border_focus,
            "heading" => &mut self.heading,
            "text" => &mut self.text,
            "muted" => &mut self.muted,
            "selected" => &mut self.selected,
            "key" => &mut self.key,
            "highlight" => &mut self.highlight,
            "match" => &mut self.match_text,
            "qualified" => &mut self.qualified,
            "unqualified" => &mut self.unqualified,
            "gauge-fill" => &mut self.gauge_fill,
            "gauge-fill-qualified" => &mut self.gauge_fill_qualified,
            "gauge-empty" => &mut self.gauge_empty,
            "threshold" => &mut self.threshold,
            "layer-active" => &mut self.layer_active,
            "layer-dimmed" => &mut self.layer_dimmed,
            "status" => &mut self.status,
            "error" => &mut self.error,
            "checked" => &mut self.checked,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_role_can_be_coloured_and_nothing_else() {
        for role in ROLES {
            let mut theme = Theme::ansi();
            theme.set_colour(role, Color::Rgb(1, 2, 3)).expect(role);
            assert_ne!(theme, Theme::ansi(), "{role} changed nothing");
        }
        assert_eq!(Theme::ansi().set_colour("accnet", Color::Red), Err(UnknownRole));
        let mut theme = Theme::light();
        theme.set_colour("accent", Color::Rgb(3, 102, 214)).unwrap();
        assert_eq!(theme.key.fg, Some(Color::Rgb(3, 102, 214)));
        assert_eq!(theme.tab_active.bg, Some(Color::Rgb(3, 102, 214)));
        assert!(
            theme.key.add_modifier.contains(ratatui::style::Modifier::BOLD),
            "emphasis kept"
        );
    }
}
