//! Every colour and emphasis of the app, named by role.
//!
//! The default theme uses the 16 ANSI colours so the terminal's palette applies. With
//! `NO_COLOR` set there is no colour at all: state is carried by bold, reverse, dim and symbols.

use ratatui::style::{Color, Modifier, Style};

/// The styles of the app, by role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub title: Style,
    pub tab: Style,
    pub tab_active: Style,
    pub border: Style,
    pub border_focus: Style,
    pub heading: Style,
    pub text: Style,
    pub muted: Style,
    pub selected: Style,
    pub key: Style,
    pub highlight: Style,
    pub match_text: Style,
    pub qualified: Style,
    pub unqualified: Style,
    pub gauge_fill: Style,
    pub gauge_fill_qualified: Style,
    pub gauge_empty: Style,
    pub threshold: Style,
    pub layer_active: Style,
    pub layer_dimmed: Style,
    pub status: Style,
    pub error: Style,
    pub checked: Style,
}

impl Theme {
    /// The default theme, in the terminal's 16 ANSI colours.
    pub fn ansi() -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            title: bold.fg(Color::Cyan),
            tab: Style::new(),
            tab_active: bold.fg(Color::Black).bg(Color::Cyan),
            border: Style::new().fg(Color::DarkGray),
            border_focus: Style::new().fg(Color::Cyan),
            heading: bold.fg(Color::Yellow),
            text: Style::new(),
            muted: Style::new().fg(Color::DarkGray),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            key: bold.fg(Color::Cyan),
            highlight: bold.fg(Color::Green),
            match_text: bold.fg(Color::Black).bg(Color::Yellow),
            qualified: bold.fg(Color::Green),
            unqualified: Style::new().fg(Color::Yellow),
            gauge_fill: Style::new().fg(Color::Yellow),
            gauge_fill_qualified: Style::new().fg(Color::Green),
            gauge_empty: Style::new().fg(Color::DarkGray),
            threshold: bold.fg(Color::White),
            layer_active: bold.fg(Color::Green),
            layer_dimmed: Style::new().fg(Color::DarkGray).add_modifier(Modifier::DIM),
            status: Style::new().fg(Color::Green),
            error: bold.fg(Color::Red),
            checked: bold.fg(Color::Green),
        }
    }

    /// The 16 ANSI colours, chosen to read on a light background.
    pub fn light() -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            title: bold.fg(Color::Blue),
            tab_active: bold.fg(Color::White).bg(Color::Blue),
            border: Style::new().fg(Color::Gray),
            border_focus: Style::new().fg(Color::Blue),
            heading: bold.fg(Color::Magenta),
            muted: Style::new().fg(Color::DarkGray),
            key: bold.fg(Color::Blue),
            highlight: bold.fg(Color::Green),
            match_text: bold.fg(Color::White).bg(Color::Magenta),
            unqualified: Style::new().fg(Color::Red),
            gauge_fill: Style::new().fg(Color::Red),
            threshold: bold.fg(Color::Black),
            layer_dimmed: Style::new().fg(Color::Gray),
            ..Theme::ansi()
        }
    }

    /// No colour: emphasis by modifiers only (`NO_COLOR`).
    pub fn monochrome() -> Theme {
        let plain = Style::new();
        let bold = plain.add_modifier(Modifier::BOLD);
        let reverse = plain.add_modifier(Modifier::REVERSED);
        let dim = plain.add_modifier(Modifier::DIM);
        Theme {
            title: bold,
            tab: plain,
            tab_active: reverse.add_modifier(Modifier::BOLD),
            border: plain,
            border_focus: bold,
            heading: bold.add_modifier(Modifier::UNDERLINED),
            text: plain,
            muted: dim,
            selected: reverse,
            key: bold,
            highlight: bold,
            match_text: reverse,
            qualified: bold,
            unqualified: plain,
            gauge_fill: plain,
            gauge_fill_qualified: bold,
            gauge_empty: dim,
            threshold: bold,
            layer_active: bold,
            layer_dimmed: dim,
            status: bold,
            error: bold,
            checked: bold,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    impl Theme {
        /// Whether any style of the theme sets a colour.
        pub fn has_colour(&self) -> bool {
            self.all().iter().any(|s| s.fg.is_some() || s.bg.is_some())
        }

        fn all(&self) -> [Style; 23] {
            [
                self.title,
                self.tab,
                self.tab_active,
                self.border,
                self.border_focus,
                self.heading,
                self.text,
                self.muted,
                self.selected,
                self.key,
                self.highlight,
                self.match_text,
                self.qualified,
                self.unqualified,
                self.gauge_fill,
                self.gauge_fill_qualified,
                self.gauge_empty,
                self.threshold,
                self.layer_active,
                self.layer_dimmed,
                self.status,
                self.error,
                self.checked,
            ]
        }
    }

    #[test]
    fn monochrome_has_no_colour() {
        assert!(!Theme::monochrome().has_colour());
        assert!(Theme::ansi().has_colour());
        assert!(Theme::light().has_colour());
        assert_ne!(Theme::light(), Theme::ansi());
    }
}
