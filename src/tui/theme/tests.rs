//! The themes read: WCAG contrast of every role against the theme's background.

use ratatui::style::{Color, Modifier, Style};

use super::*;

impl Theme {
    /// Whether any style of the theme sets a colour.
    pub fn has_colour(&self) -> bool {
        self.roles()
            .iter()
            .any(|(_, s, _)| s.fg.is_some() || s.bg.is_some())
    }

    /// Every style with its name and whether it is text (4.5:1) or a mark (3:1).
    fn roles(&self) -> [(&'static str, Style, Kind); 23] {
        use Kind::{Mark, Text};
        [
            ("title", self.title, Text),
            ("tab", self.tab, Text),
            ("tab_active", self.tab_active, Text),
            ("border", self.border, Mark),
            ("border_focus", self.border_focus, Mark),
            ("heading", self.heading, Text),
            ("text", self.text, Text),
            ("muted", self.muted, Text),
            ("selected", self.selected, Text),
            ("key", self.key, Text),
            ("highlight", self.highlight, Text),
            ("match_text", self.match_text, Text),
            ("qualified", self.qualified, Text),
            ("unqualified", self.unqualified, Text),
            ("gauge_fill", self.gauge_fill, Mark),
            ("gauge_fill_qualified", self.gauge_fill_qualified, Mark),
            ("gauge_empty", self.gauge_empty, Mark),
            ("threshold", self.threshold, Mark),
            ("layer_active", self.layer_active, Text),
            // Dimmed on purpose, but it is text (layer titles and parts), so it reads as text.
            ("layer_dimmed", self.layer_dimmed, Text),
            ("status", self.status, Text),
            ("error", self.error, Text),
            ("checked", self.checked, Text),
        ]
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Text,
    Mark,
}

impl Kind {
    fn minimum(self) -> f64 {
        match self {
            Kind::Text => 4.5,
            Kind::Mark => 3.0,
        }
    }
}

/// A 16-colour palette: what the terminal shows for ANSI colours 0–15.
type Palette = [(u8, u8, u8); 16];

/// xterm's defaults.
#[rustfmt::skip]
const XTERM: Palette = [
    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
    (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
    (255, 0, 255), (0, 255, 255), (255, 255, 255),
];
/// The VGA text mode's (and the Linux console's).
#[rustfmt::skip]
const VGA: Palette = [
    (0, 0, 0), (170, 0, 0), (0, 170, 0), (170, 85, 0), (0, 0, 170), (170, 0, 170), (0, 170, 170),
    (170, 170, 170), (85, 85, 85), (255, 85, 85), (85, 255, 85), (255, 255, 85), (85, 85, 255),
    (255, 85, 255), (85, 255, 255), (255, 255, 255),
];
/// Windows Terminal's Campbell.
#[rustfmt::skip]
const CAMPBELL: Palette = [
    (12, 12, 12), (197, 15, 31), (19, 161, 14), (193, 156, 0), (0, 55, 218), (136, 23, 152),
    (58, 150, 221), (204, 204, 204), (118, 118, 118), (231, 72, 86), (22, 198, 12), (249, 241, 165),
    (59, 120, 255), (180, 0, 158), (97, 214, 214), (242, 242, 242),
];

/// The RGB of a colour in a palette; `None` for the terminal's default colour.
fn rgb(colour: Color, palette: &Palette) -> Option<(u8, u8, u8)> {
    #[rustfmt::skip]
    let ansi = [
        Color::Black, Color::Red, Color::Green, Color::Yellow, Color::Blue, Color::Magenta,
        Color::Cyan, Color::Gray, Color::DarkGray, Color::LightRed, Color::LightGreen,
        Color::LightYellow, Color::LightBlue, Color::LightMagenta, Color::LightCyan, Color::White,
    ];
    match colour {
        Color::Reset => None,
        Color::Rgb(r, g, b) => Some((r, g, b)),
        Color::Indexed(n) if n < 16 => Some(palette[usize::from(n)]),
        // The 6×6×6 cube and the grey ramp, the same in every 256-colour terminal.
        Color::Indexed(n) if n >= 232 => {
            let v = 8 + 10 * (n - 232);
            Some((v, v, v))
        }
        Color::Indexed(n) => {
            let level = |i: u8| [0, 95, 135, 175, 215, 255][usize::from(i)];
            let n = n - 16;
            Some((level(n / 36), level(n / 6 % 6), level(n % 6)))
        }
        named => ansi.iter().position(|&c| c == named).map(|i| palette[i]),
    }
}

/// WCAG 2 relative luminance.
fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.040_45 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/// WCAG 2 contrast ratio, 1 to 21.
fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (a, b) = (luminance(a), luminance(b));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// Every contrast below its minimum: the role's colour on its own background if it has one
/// (and that background against the theme's), else on the theme's background.
fn failures(theme: &Theme, background: (u8, u8, u8), palette: &Palette) -> Vec<String> {
    let mut failures = Vec::new();
    // How faint the faint attribute draws is the terminal's to decide (some halve the
    // colour): a coloured text role must read without it.
    for (name, style, kind) in theme.roles() {
        if kind == Kind::Text && style.fg.is_some() && style.add_modifier.contains(Modifier::DIM) {
            failures.push(format!(
                "{name}: faint, so its contrast is the terminal's to decide"
            ));
        }
    }
    let mut check = |what: String, a: (u8, u8, u8), b: (u8, u8, u8), minimum: f64| {
        let ratio = contrast(a, b);
        if ratio < minimum {
            failures.push(format!("{what}: {ratio:.2}:1 < {minimum}:1"));
        }
    };
    for (name, style, kind) in theme.roles() {
        let fg = style.fg.and_then(|c| rgb(c, palette));
        match style.bg.and_then(|c| rgb(c, palette)) {
            Some(bg) => {
                check(format!("{name} background"), bg, background, Kind::Mark.minimum());
                if let Some(fg) = fg {
                    check(format!("{name} on its background"), fg, bg, kind.minimum());
                }
            }
            None => {
                if let Some(fg) = fg {
                    check(name.to_owned(), fg, background, kind.minimum());
                }
            }
        }
    }
    failures
}

const WHITE: (u8, u8, u8) = (255, 255, 255);
const BLACK: (u8, u8, u8) = (0, 0, 0);

#[test]
fn the_light_theme_reads_on_white_whatever_the_palette() {
    let theme = Theme::light();
    // Its colours must not depend on the terminal's palette: none of the 16 ANSI colours.
    for (name, style, _) in theme.roles() {
        for colour in [style.fg, style.bg].into_iter().flatten() {
            let fixed = matches!(colour, Color::Rgb(..)) || matches!(colour, Color::Indexed(n) if n >= 16);
            assert!(
                fixed,
                "{name} uses {colour:?}, whose contrast depends on the palette"
            );
        }
    }
    assert_eq!(failures(&theme, WHITE, &XTERM), Vec::<String>::new());
}

#[test]
fn the_dark_theme_reads_on_black_and_its_muted_grey_in_every_common_palette() {
    let theme = Theme::ansi();
    assert_eq!(failures(&theme, BLACK, &XTERM), Vec::<String>::new());
    for (name, palette) in [("xterm", XTERM), ("VGA", VGA), ("Campbell", CAMPBELL)] {
        let muted = rgb(theme.muted.fg.expect("muted has a colour"), &palette).unwrap();
        let ratio = contrast(muted, BLACK);
        assert!(ratio >= 4.5, "muted in {name}: {ratio:.2}:1");
    }
}

#[test]
fn the_contrast_check_catches_the_old_light_theme() {
    // ANSI white borders on white, ANSI green ticks: the 1.26:1 and 2.16:1.
    let mut theme = Theme::light();
    theme.border = Style::new().fg(Color::Gray);
    theme.checked = Style::new().fg(Color::Green);
    let failed = failures(&theme, WHITE, &XTERM);
    assert_eq!(failed.len(), 2, "{failed:?}");
    assert!(failed[0].starts_with("border: 1.26:1"), "{failed:?}");
    assert!(failed[1].starts_with("checked: 2.16:1"), "{failed:?}");
    assert!((contrast((0, 0, 0), WHITE) - 21.0).abs() < 1e-9);
}

#[test]
fn monochrome_has_no_colour() {
    assert!(!Theme::monochrome().has_colour());
    assert!(Theme::ansi().has_colour());
    assert!(Theme::light().has_colour());
    assert_ne!(Theme::light(), Theme::ansi());
}
