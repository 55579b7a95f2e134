//! The theme: every style the app draws with, named by role, for dark and light terminals
//! and for none at all (`NO_COLOR`).

use ratatui::style::{Color, Modifier, Style};

/// The 256-colour palette's grey #8a8a8a: 6.1:1 on black, whatever the 16-colour palette.
const GREY_245: u8 = 245;

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
    /// The default theme, for dark backgrounds, in the terminal's 16 ANSI colours (and a
    /// fixed mid grey for muted text).
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
            muted: Style::new().fg(Color::Indexed(GREY_245)),
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
            // Grey, not the terminal's faint attribute: a layer outside the decision is still
            // text to read.
            layer_dimmed: Style::new().fg(Color::Indexed(GREY_245)),
            status: Style::new().fg(Color::Green),
            // ANSI red reads 3.6:1 on black in xterm's palette; light red reads in all.
            error: bold.fg(Color::LightRed),
            checked: bold.fg(Color::Green),
        }
    }

    /// For light backgrounds: the 256-colour palette's fixed colours, each reading on white
    /// (the contrast of each is in the comments, and tested).
    pub fn light() -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let blue = Color::Indexed(25); // #005faf, 6.4:1 on white
        let green = Color::Indexed(28); // #008700, 4.7:1
        let red = Color::Indexed(160); // #d70000, 5.4:1
        let orange = Color::Indexed(130); // #af5f00, 4.7:1
        let magenta = Color::Indexed(90); // #870087, 8.8:1
        let black = Color::Indexed(16); // #000000, 21:1
        let white = Color::Indexed(231); // #ffffff, on blue and magenta
        let grey = Color::Indexed(242); // #6c6c6c, 5.3:1: muted text
        let mark = Color::Indexed(245); // #8a8a8a, 3.4:1: borders and empty gauges
        let dimmed = Color::Indexed(243); // #767676, 4.5:1: layers not in the verdict, still text
        Theme {
            title: bold.fg(blue),
            tab: Style::new(),
            tab_active: bold.fg(white).bg(blue),
            border: Style::new().fg(mark),
            border_focus: Style::new().fg(blue),
            heading: bold.fg(magenta),
            text: Style::new(),
            muted: Style::new().fg(grey),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            key: bold.fg(blue),
            highlight: bold.fg(green),
            match_text: bold.fg(white).bg(magenta),
            qualified: bold.fg(green),
            unqualified: Style::new().fg(red),
            gauge_fill: Style::new().fg(orange),
            gauge_fill_qualified: Style::new().fg(green),
            gauge_empty: Style::new().fg(mark),
            threshold: bold.fg(black),
            layer_active: bold.fg(green),
            layer_dimmed: Style::new().fg(dimmed),
            status: Style::new().fg(green),
            error: bold.fg(red),
            checked: bold.fg(green),
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
