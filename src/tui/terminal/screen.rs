//! The real terminal's backend: crossterm's, with a `draw` that writes the escape sequences
//! itself.
//!
//! `CrosstermBackend::draw` queues a crossterm command for every cursor move, colour change
//! and cell, and each one goes through `write!` and the `fmt` machinery (an attribute even
//! allocates its number as a `String`). At 80×24 that was a seventh of the instructions to the
//! first frame (issue 8). [`Screen::draw`] writes the same bytes into one buffer (which
//! cannot fail), handed to the output at once: the same cursor moves, attribute changes and
//! colours in the same order, with crossterm's own `NO_COLOR` rule. The tests below hold it
//! to crossterm's backend byte for byte on any cells, with colours on and off. Everything
//! else is crossterm's backend.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, CrosstermBackend, IntoCrossterm, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::style::{Color as Crossterm, Colored};
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};

/// crossterm's backend over `W`, drawing without the `fmt` machinery.
#[derive(Debug)]
pub struct Screen<W: Write> {
    backend: CrosstermBackend<W>,
    /// The bytes of the frame being drawn, handed to the writer in one call: a sequence is a
    /// few bytes, and each `write_all` through crossterm's backend is a call of its own.
    frame: Vec<u8>,
}

impl<W: Write> Screen<W> {
    pub fn new(writer: W) -> Screen<W> {
        Screen {
            backend: CrosstermBackend::new(writer),
            frame: Vec::new(),
        }
    }
}

/// Commands of the app's own (the clipboard's OSC 52) go out with the frames.
impl<W: Write> Write for Screen<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.backend.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Write::flush(&mut self.backend)
    }
}

/// Which of a cell's colours a sequence sets: SGR 38/39, 48/49 or 58/59.
#[derive(Clone, Copy)]
enum Layer {
    Foreground,
    Background,
    Underline,
}

/// Writes the decimal digits of `n`.
fn number(out: &mut Vec<u8>, n: impl itoa::Integer) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// What crossterm's `Colored` writes for `color` (nothing at all when `NO_COLOR` is set,
/// by crossterm's own reading of it).
fn colour(out: &mut Vec<u8>, layer: Layer, color: Color, no_color: bool) {
    if no_color {
        return;
    }
    let (reset, set) = match layer {
        Layer::Foreground => ("39", "38;"),
        Layer::Background => ("49", "48;"),
        Layer::Underline => ("59", "58;"),
    };
    let index: u8 = match color.into_crossterm() {
        Crossterm::Reset => return out.extend_from_slice(reset.as_bytes()),
        Crossterm::Black => 0,
        Crossterm::DarkRed => 1,
        Crossterm::DarkGreen => 2,
        Crossterm::DarkYellow => 3,
        Crossterm::DarkBlue => 4,
        Crossterm::DarkMagenta => 5,
        Crossterm::DarkCyan => 6,
        Crossterm::Grey => 7,
        Crossterm::DarkGrey => 8,
        Crossterm::Red => 9,
        Crossterm::Green => 10,
        Crossterm::Yellow => 11,
        Crossterm::Blue => 12,
        Crossterm::Magenta => 13,
        Crossterm::Cyan => 14,
        Crossterm::White => 15,
        Crossterm::AnsiValue(value) => value,
        Crossterm::Rgb { r, g, b } => {
            out.extend_from_slice(set.as_bytes());
            out.extend_from_slice(b"2;");
            number(out, r);
            out.extend_from_slice(b";");
            number(out, g);
            out.extend_from_slice(b";");
            return number(out, b);
        }
    };
    out.extend_from_slice(set.as_bytes());
    out.extend_from_slice(b"5;");
    number(out, index);
}

/// `CSI <params> m` for one colour, as crossterm's `SetForegroundColor` and its kin write it.
fn set_colour(out: &mut Vec<u8>, layer: Layer, color: Color, no_color: bool) {
    out.extend_from_slice(b"\x1b[");
    colour(out, layer, color, no_color);
    out.extend_from_slice(b"m");
}

/// `CSI <n> m`: one attribute, as crossterm's `SetAttribute` writes it.
fn attribute(out: &mut Vec<u8>, sgr: &str) {
    out.extend_from_slice(b"\x1b[");
    out.extend_from_slice(sgr.as_bytes());
    out.extend_from_slice(b"m");
}

impl<W: Write> Backend for Screen<W> {
    type Error = io::Error;

    /// What `CrosstermBackend::draw` writes, in the same order.
    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let no_color = Colored::ansi_color_disabled_memoized();
        let out = &mut self.frame;
        out.clear();
        let mut fg = Color::Reset;
        let mut bg = Color::Reset;
        let mut underline_color = Color::Reset;
        let mut modifier = Modifier::empty();
        let mut last: Option<Position> = None;
        for (x, y, cell) in content {
            // crossterm's `MoveTo`, unless the cell follows the last one on its row.
            if !matches!(last, Some(p) if x == p.x + 1 && y == p.y) {
                out.extend_from_slice(b"\x1b[");
                number(out, u32::from(y) + 1);
                out.extend_from_slice(b";");
                number(out, u32::from(x) + 1);
                out.extend_from_slice(b"H");
            }
            last = Some(Position { x, y });
            if cell.modifier != modifier {
                modifier_change(out, modifier, cell.modifier);
                modifier = cell.modifier;
            }
            // crossterm's `SetColors`: both colours in one sequence.
            if cell.fg != fg || cell.bg != bg {
                out.extend_from_slice(b"\x1b[");
                colour(out, Layer::Foreground, cell.fg, no_color);
                out.extend_from_slice(b";");
                colour(out, Layer::Background, cell.bg, no_color);
                out.extend_from_slice(b"m");
                fg = cell.fg;
                bg = cell.bg;
            }
            if cell.underline_color != underline_color {
                set_colour(out, Layer::Underline, cell.underline_color, no_color);
                underline_color = cell.underline_color;
            }
            // crossterm's `Print` writes the symbol as it is.
            out.extend_from_slice(cell.symbol().as_bytes());
        }
        set_colour(out, Layer::Foreground, Color::Reset, no_color);
        set_colour(out, Layer::Background, Color::Reset, no_color);
        set_colour(out, Layer::Underline, Color::Reset, no_color);
        attribute(out, "0");
        self.backend.write_all(&self.frame)
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.backend.append_lines(n)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.backend.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.backend.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.backend.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.backend.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.backend.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.backend.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        self.backend.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.backend.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.backend)
    }
}

/// The attributes that take a cell from `from` to `to`, as ratatui's crossterm backend
/// writes them: removals first (bold and dim share one reset), then additions. The numbers
/// are crossterm's `Attribute::sgr`.
fn modifier_change(out: &mut Vec<u8>, from: Modifier, to: Modifier) {
    let removed = from - to;
    if removed.contains(Modifier::REVERSED) {
        attribute(out, "27");
    }
    let reset_intensity = removed.intersects(Modifier::BOLD | Modifier::DIM);
    if reset_intensity {
        attribute(out, "22");
        // What the reset took away and `to` keeps comes back.
        if to.contains(Modifier::DIM) {
            attribute(out, "2");
        }
        if to.contains(Modifier::BOLD) {
            attribute(out, "1");
        }
    }
    let removals = [
        (Modifier::ITALIC, "23"),
        (Modifier::UNDERLINED, "24"),
        (Modifier::CROSSED_OUT, "29"),
        (Modifier::HIDDEN, "28"),
    ];
    for (modifier, sgr) in removals {
        if removed.contains(modifier) {
            attribute(out, sgr);
        }
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        attribute(out, "25");
    }
    let added = to - from;
    let additions = [
        (Modifier::REVERSED, "7", true),
        (Modifier::BOLD, "1", !reset_intensity),
        (Modifier::ITALIC, "3", true),
        (Modifier::UNDERLINED, "4", true),
        (Modifier::DIM, "2", !reset_intensity),
        (Modifier::CROSSED_OUT, "9", true),
        (Modifier::HIDDEN, "8", true),
        (Modifier::SLOW_BLINK, "5", true),
        (Modifier::RAPID_BLINK, "6", true),
    ];
    for (modifier, sgr, applies) in additions {
        if applies && added.contains(modifier) {
            attribute(out, sgr);
        }
    }
}

/// For the tests that draw through a [`Screen`]: what it writes depends on crossterm's
/// process-wide `NO_COLOR` flag, which these tests set.
#[cfg(test)]
pub(crate) mod test_support {
    use std::sync::Mutex;

    use ratatui::crossterm::style::Colored;

    /// Held while a test reads or sets the flag.
    static NO_COLOR_FLAG: Mutex<()> = Mutex::new(());

    /// Runs `f` with crossterm's `NO_COLOR` flag set to `no_color`, while no other test reads
    /// or sets it.
    pub(crate) fn with_no_color<T>(no_color: bool, f: impl FnOnce() -> T) -> T {
        let _flag = NO_COLOR_FLAG
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let before = Colored::ansi_color_disabled_memoized();
        Colored::set_ansi_color_disabled(no_color);
        let result = f();
        Colored::set_ansi_color_disabled(before);
        result
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use proptest::test_runner::TestRunner;
    use ratatui::style::Style;

    use super::test_support::with_no_color;
    use super::*;

    /// Every named colour.
    const NAMED: [Color; 16] = [
        Color::Black,
        Color::Red,
        Color::Green,
        Color::Yellow,
        Color::Blue,
        Color::Magenta,
        Color::Cyan,
        Color::Gray,
        Color::DarkGray,
        Color::LightRed,
        Color::LightGreen,
        Color::LightYellow,
        Color::LightBlue,
        Color::LightMagenta,
        Color::LightCyan,
        Color::White,
    ];

    fn color() -> impl Strategy<Value = Color> {
        prop_oneof![
            Just(Color::Reset),
            (0usize..16).prop_map(|i| NAMED[i]),
            any::<u8>().prop_map(Color::Indexed),
            (any::<u8>(), any::<u8>(), any::<u8>()).prop_map(|(r, g, b)| Color::Rgb(r, g, b)),
        ]
    }

    /// Cells with any symbol, colours and modifiers, at positions that sometimes follow on,
    /// sometimes jump, and sometimes reach far columns and rows.
    fn cells() -> impl Strategy<Value = Vec<(u16, u16, Cell)>> {
        let cell = (
            "[ -~]|é|界|\u{301}|",
            color(),
            color(),
            color(),
            any::<u16>(),
            prop_oneof![Just(0u16), Just(1), Just(2), 0u16..2000],
            prop_oneof![Just(0u16), Just(1), 0u16..300],
        );
        proptest::collection::vec(cell, 0..40).prop_map(|cells| {
            let (mut x, mut y) = (0u16, 0u16);
            cells
                .into_iter()
                .map(|(symbol, fg, bg, underline, bits, dx, dy)| {
                    let mut cell = Cell::default();
                    cell.set_symbol(&symbol);
                    cell.set_style(
                        Style::new()
                            .fg(fg)
                            .bg(bg)
                            .underline_color(underline)
                            .add_modifier(Modifier::from_bits_truncate(bits)),
                    );
                    x = x.saturating_add(dx);
                    y = y.saturating_add(dy).min(u16::MAX - 1);
                    (x.min(u16::MAX - 1), y, cell)
                })
                .collect()
        })
    }

    /// What each backend writes for `cells`.
    fn both(cells: &[(u16, u16, Cell)]) -> (String, String) {
        let (mut ours, mut theirs) = (Vec::new(), Vec::new());
        Screen::new(&mut ours)
            .draw(cells.iter().map(|(x, y, c)| (*x, *y, c)))
            .expect("draw");
        CrosstermBackend::new(&mut theirs)
            .draw(cells.iter().map(|(x, y, c)| (*x, *y, c)))
            .expect("draw");
        (
            String::from_utf8(ours).expect("UTF-8"),
            String::from_utf8(theirs).expect("UTF-8"),
        )
    }

    #[test]
    fn a_frame_is_written_as_crossterm_s_backend_writes_it_with_colour_and_without() {
        for no_color in [false, true] {
            let result = with_no_color(no_color, || {
                TestRunner::default().run(&cells(), |cells| {
                    let (ours, theirs) = both(&cells);
                    prop_assert_eq!(ours, theirs);
                    Ok(())
                })
            });
            if let Err(e) = result {
                panic!("NO_COLOR {no_color}: {e}");
            }
        }
    }

    #[test]
    fn a_styled_run_is_written_as_crossterm_s_backend_writes_it() {
        // The usual case, spelt out: plain text, a bold green word, plain text further on.
        let plain = Cell::new("a");
        let mut bold = Cell::new("b");
        bold.set_style(Style::new().green().bold());
        let cells = [(0, 0, plain.clone()), (1, 0, bold), (5, 2, plain)];
        let (ours, theirs) = with_no_color(false, || both(&cells));
        assert_eq!(
            ours,
            "\u{1b}[1;1Ha\u{1b}[1m\u{1b}[38;5;2;49mb\u{1b}[3;6H\u{1b}[22m\u{1b}[39;49ma\
             \u{1b}[39m\u{1b}[49m\u{1b}[59m\u{1b}[0m"
        );
        assert_eq!(ours, theirs);
    }
}
