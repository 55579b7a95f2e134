//! The first frame, drawn without comparing every cell with a blank one.
//!
//! `Terminal::draw` sends the difference between the last frame and this one, and for the
//! first frame the last is a blank buffer: ratatui's diff then compares each of the 1,920
//! cells of an 80×24 screen with a blank cell and measures its width, a sixth of the
//! instructions to the first frame (issue 8). Against a blank buffer the difference is the
//! cells that are not blank, found here with a few field tests each; the tests below hold it
//! to ratatui's diff on any cells, wide, emoji, skipped and forced-width ones included.

use ratatui::Frame;
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::buffer::{Buffer, Cell, CellDiffOption, CellWidth};
use ratatui::layout::Position;
use ratatui::style::Color;

/// Draws the first frame on a terminal just made: `render` draws it and says where the
/// cursor goes (`None` hides it). The bytes are the ones `Terminal::draw` would send; they
/// go out before the buffer that held nothing is cleared for the next frame.
pub fn draw_first<B: Backend>(
    terminal: &mut Terminal<B>,
    render: impl FnOnce(&mut Frame) -> Option<Position>,
) -> Result<(), B::Error> {
    let cursor = render(&mut terminal.get_frame());
    // The backend and the buffer are both the terminal's: the buffer is lent out meanwhile.
    let buffer = std::mem::take(terminal.current_buffer_mut());
    let drawn = terminal.backend_mut().draw(AgainstBlank::new(&buffer));
    *terminal.current_buffer_mut() = buffer;
    drawn?;
    match cursor {
        None => terminal.hide_cursor()?,
        Some(position) => {
            terminal.show_cursor()?;
            terminal.set_cursor_position(position)?;
        }
    }
    terminal.backend_mut().flush()?;
    terminal.swap_buffers();
    Ok(())
}

/// What `Buffer::empty(next.area).diff(next)` yields, without the blank buffer: the cells of
/// `next` that are not blank, and what ratatui's diff adds for wide emoji.
pub struct AgainstBlank<'a> {
    cells: &'a [Cell],
    width: usize,
    origin: Position,
    pos: usize,
    /// Within an emoji with VS16: the next trailing cell to look at, and the end of them.
    trailing: Option<(usize, usize)>,
}

impl<'a> AgainstBlank<'a> {
    pub fn new(next: &'a Buffer) -> AgainstBlank<'a> {
        AgainstBlank {
            cells: &next.content,
            width: usize::from(next.area.width),
            origin: next.area.as_position(),
            pos: 0,
            trailing: None,
        }
    }

    fn at(&self, index: usize) -> (u16, u16, &'a Cell) {
        let x = index % self.width + usize::from(self.origin.x);
        let y = index / self.width + usize::from(self.origin.y);
        (x as u16, y as u16, &self.cells[index])
    }
}

/// `Cell::EMPTY == cell`, field by field.
#[allow(deprecated)]
fn is_blank(cell: &Cell) -> bool {
    cell.symbol() == " "
        && matches!(cell.fg, Color::Reset)
        && matches!(cell.bg, Color::Reset)
        && matches!(cell.underline_color, Color::Reset)
        && cell.modifier.is_empty()
        && matches!(cell.diff_option, CellDiffOption::None)
        && !cell.skip
}

/// Whether ratatui's diff passes over the cell.
#[allow(deprecated)]
fn is_skip(cell: &Cell) -> bool {
    matches!(cell.diff_option, CellDiffOption::Skip)
        || (cell.skip && matches!(cell.diff_option, CellDiffOption::None))
}

impl<'a> Iterator for AgainstBlank<'a> {
    type Item = (u16, u16, &'a Cell);

    // The steps of ratatui's `BufferDiff::next` with a blank cell for every previous one: a
    // blank cell is one column wide with no background or attribute.
    fn next(&mut self) -> Option<Self::Item> {
        let len = self.cells.len();
        if let Some((next, end)) = &mut self.trailing {
            while *next < *end {
                let j = *next;
                *next += usize::from(self.cells[j].cell_width().max(1));
                *end = (*end).max(*next).min(len);
                if !is_skip(&self.cells[j]) && self.cells[j].symbol() != " " {
                    return Some(self.at(j));
                }
            }
            self.pos = *end;
            self.trailing = None;
        }
        while self.pos < len {
            let i = self.pos;
            self.pos += 1;
            let cell = &self.cells[i];
            match cell.diff_option {
                CellDiffOption::Skip => {}
                _ if is_skip(cell) => {}
                CellDiffOption::ForcedWidth(width) => {
                    self.pos = self.pos.saturating_add(usize::from(width.get() - 1));
                    if !is_blank(cell) {
                        return Some(self.at(i));
                    }
                }
                CellDiffOption::None | CellDiffOption::AlwaysUpdate => {
                    if is_blank(cell) {
                        continue;
                    }
                    // A one-byte symbol is one column wide, as `cell_width` says of it.
                    let symbol = cell.symbol();
                    let width = if symbol.len() == 1 {
                        1
                    } else {
                        usize::from(cell.cell_width())
                    };
                    if width > 1 && symbol.contains('\u{FE0F}') {
                        self.trailing = Some((i + 1, (i + width).min(len)));
                    } else if width > 1 {
                        self.pos += width - 1;
                    }
                    return Some(self.at(i));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::io::{self, Write};
    use std::num::NonZeroU16;
    use std::rc::Rc;

    use proptest::prelude::*;
    use ratatui::layout::Rect;
    use ratatui::style::{Modifier, Style};
    use ratatui::widgets::{Block, Paragraph, Widget};
    use ratatui::{TerminalOptions, Viewport};

    use super::*;
    use crate::tui::terminal::screen::Screen;
    use crate::tui::terminal::screen::test_support::with_no_color;

    /// Symbols of every width ratatui's diff treats apart: blank, narrow, wide, emoji with
    /// VS16 (whose trailing cells it visits), zero-width and empty.
    const SYMBOLS: &[&str] = &[
        " ",
        " ",
        " ",
        " ",
        "a",
        "x",
        "─",
        "●",
        "界",
        "😀",
        "❤\u{fe0f}",
        "☀\u{fe0f}",
        "e\u{301}",
        "",
        "\u{200b}",
        "ｶﾞ",
    ];

    fn colour() -> impl Strategy<Value = Color> {
        prop_oneof![
            6 => Just(Color::Reset),
            1 => Just(Color::Red),
            1 => (0u8..=255).prop_map(Color::Indexed),
            1 => (0u8..=255, 0u8..=255, 0u8..=255).prop_map(|(r, g, b)| Color::Rgb(r, g, b)),
        ]
    }

    fn diff_option() -> impl Strategy<Value = CellDiffOption> {
        prop_oneof![
            12 => Just(CellDiffOption::None),
            1 => Just(CellDiffOption::Skip),
            1 => Just(CellDiffOption::AlwaysUpdate),
            1 => (1u16..4).prop_map(|w| CellDiffOption::ForcedWidth(NonZeroU16::new(w).unwrap())),
        ]
    }

    #[allow(deprecated)]
    fn cell() -> impl Strategy<Value = Cell> {
        (
            0..SYMBOLS.len(),
            colour(),
            colour(),
            colour(),
            prop_oneof![6 => Just(0u16), 1 => 0u16..0x1000],
            diff_option(),
            prop_oneof![12 => Just(false), 1 => Just(true)],
        )
            .prop_map(|(symbol, fg, bg, underline, modifier, option, skip)| {
                let mut cell = Cell::new(SYMBOLS[symbol]);
                cell.set_style(Style::new().fg(fg).bg(bg).underline_color(underline));
                cell.modifier = Modifier::from_bits_truncate(modifier);
                cell.set_diff_option(option);
                cell.skip = skip;
                cell
            })
    }

    fn buffer() -> impl Strategy<Value = Buffer> {
        (0u16..5, 0u16..5, 1u16..12, 1u16..6).prop_flat_map(|(x, y, width, height)| {
            let area = Rect::new(x, y, width, height);
            proptest::collection::vec(cell(), usize::from(width * height)).prop_map(move |cells| {
                let mut buffer = Buffer::empty(area);
                buffer.content = cells;
                buffer
            })
        })
    }

    fn ratatuis(next: &Buffer) -> Vec<(u16, u16, Cell)> {
        let blank = Buffer::empty(next.area);
        blank
            .diff(next)
            .into_iter()
            .map(|(x, y, c)| (x, y, c.clone()))
            .collect()
    }

    fn ours(next: &Buffer) -> Vec<(u16, u16, Cell)> {
        AgainstBlank::new(next)
            .map(|(x, y, c)| (x, y, c.clone()))
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn the_cells_against_blank_are_ratatuis_diff_against_a_blank_buffer(next in buffer()) {
            prop_assert_eq!(ours(&next), ratatuis(&next));
        }
    }

    #[test]
    fn every_symbol_alone_and_before_another_is_diffed_as_ratatui_does() {
        for first in SYMBOLS {
            for second in SYMBOLS {
                let mut next = Buffer::empty(Rect::new(0, 0, 4, 1));
                next.content[0].set_symbol(first);
                next.content[1].set_symbol(second);
                next.content[2].set_symbol(first);
                assert_eq!(ours(&next), ratatuis(&next), "{first:?} then {second:?}");
            }
        }
    }

    #[test]
    fn a_blank_screen_sends_nothing_and_a_styled_blank_cell_is_sent() {
        let mut next = Buffer::empty(Rect::new(0, 0, 3, 2));
        assert!(ours(&next).is_empty());
        next.content[4].set_bg(Color::Blue);
        assert_eq!(ours(&next), vec![(1, 1, next.content[4].clone())]);
    }

    /// What a terminal writes, kept where the test can read it.
    #[derive(Clone, Default)]
    struct Written(Rc<RefCell<Vec<u8>>>);

    impl Write for Written {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(buf);
            Ok(buf.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    fn terminal(written: &Written) -> Terminal<Screen<Written>> {
        let viewport = Viewport::Fixed(Rect::new(0, 0, 30, 6));
        Terminal::with_options(Screen::new(written.clone()), TerminalOptions { viewport })
            .expect("a terminal over a Vec")
    }

    /// A first frame and a second one, drawn with `draw_first` then `Terminal::draw`, or with
    /// `Terminal::draw` twice: the bytes written.
    fn two_frames(first_by_draw_first: bool, cursor: Option<Position>) -> Vec<u8> {
        let written = Written::default();
        let mut terminal = terminal(&written);
        let first = |frame: &mut Frame| {
            Paragraph::new("Django ● Flask\n界😀 ❤\u{fe0f}")
                .block(Block::bordered().title("first"))
                .render(frame.area(), frame.buffer_mut());
            if let Some(position) = cursor {
                frame.set_cursor_position(position);
            }
        };
        if first_by_draw_first {
            draw_first(&mut terminal, |frame| {
                first(frame);
                cursor
            })
            .unwrap();
        } else {
            terminal.draw(first).unwrap();
        }
        terminal
            .draw(|frame| Paragraph::new("second").render(frame.area(), frame.buffer_mut()))
            .unwrap();
        written.0.take()
    }

    #[test]
    fn the_first_frame_and_the_next_are_written_as_terminal_draw_writes_them() {
        for (no_color, cursor) in [(false, None), (false, Some(Position::new(3, 2))), (true, None)] {
            // Both drawings under one setting of crossterm's `NO_COLOR` flag.
            let (ours, theirs) =
                with_no_color(no_color, || (two_frames(true, cursor), two_frames(false, cursor)));
            assert!(ours.len() > 100, "{cursor:?}: {}", String::from_utf8_lossy(&ours));
            assert_eq!(
                String::from_utf8_lossy(&ours),
                String::from_utf8_lossy(&theirs),
                "NO_COLOR {no_color}, cursor {cursor:?}"
            );
        }
    }
}
