//! A terminal frame as an SVG picture: each cell of a ratatui `Buffer` (its symbol, colours
//! and modifiers) becomes monospace SVG text over background rectangles, the theme's
//! terminal colours mapped to a fixed palette (One Dark). It draws what the app drew into a
//! `TestBackend`, so a picture made from it is a real frame, not a mock-up.
//!
//! Cells of one style in a row make one `<text>` run whose `textLength` is its cell count ×
//! the cell width, so box drawing and symbols from a fallback font keep the grid; runs of
//! one background make one `<rect>`.

use std::fmt::Write as _;

use ratatui::buffer::{Buffer, Cell};
use ratatui::style::{Color, Modifier};

/// A cell's width and height, in pixels, at a 14 px font: a row is as tall as a monospace
/// font's box-drawing glyphs (ascent and descent, about 1.16 em), so vertical borders join.
const CELL_W: f64 = 8.4;
const CELL_H: u32 = 16;
/// The padding around the grid.
const PAD: u32 = 12;
/// The terminal's default foreground and background.
const FG: &str = "#d7dae0";
const BG: &str = "#282c34";

/// The palette of the 16 ANSI colours, in the order of their indices.
const ANSI: [&str; 16] = [
    "#1e2127", "#e06c75", "#98c379", "#d19a66", "#61afef", "#c678dd", "#56b6c2", "#abb2bf", "#5c6370",
    "#ff7b86", "#b5e890", "#f0d58a", "#82c4ff", "#dc9cf0", "#7fd6e0", "#ffffff",
];

/// A colour as `#rrggbb`; `None` for the terminal's default.
fn hex(color: Color) -> Option<String> {
    let named = |i: usize| Some(ANSI[i].to_owned());
    match color {
        Color::Reset => None,
        Color::Black => named(0),
        Color::Red => named(1),
        Color::Green => named(2),
        Color::Yellow => named(3),
        Color::Blue => named(4),
        Color::Magenta => named(5),
        Color::Cyan => named(6),
        Color::Gray => named(7),
        Color::DarkGray => named(8),
        Color::LightRed => named(9),
        Color::LightGreen => named(10),
        Color::LightYellow => named(11),
        Color::LightBlue => named(12),
        Color::LightMagenta => named(13),
        Color::LightCyan => named(14),
        Color::White => named(15),
        Color::Rgb(r, g, b) => Some(format!("#{r:02x}{g:02x}{b:02x}")),
        Color::Indexed(i) => Some(indexed(i)),
    }
}

/// The xterm 256-colour palette: 16 ANSI colours, a 6×6×6 cube, 24 greys.
fn indexed(i: u8) -> String {
    match i {
        0..=15 => ANSI[usize::from(i)].to_owned(),
        16..=231 => {
            let i = i - 16;
            let level = |v: u8| if v == 0 { 0 } else { 55 + v * 40 };
            format!(
                "#{:02x}{:02x}{:02x}",
                level(i / 36),
                level(i / 6 % 6),
                level(i % 6)
            )
        }
        232..=255 => {
            let v = 8 + (i - 232) * 10;
            format!("#{v:02x}{v:02x}{v:02x}")
        }
    }
}

/// What a run of cells looks like: its text colour and the modifiers the picture shows.
#[derive(Debug, Clone, PartialEq)]
struct Look {
    fg: String,
    modifier: Modifier,
}

/// The modifiers drawn as attributes; the others (blinking…) draw nothing in a picture.
const SHOWN: Modifier = Modifier::BOLD
    .union(Modifier::DIM)
    .union(Modifier::ITALIC)
    .union(Modifier::UNDERLINED)
    .union(Modifier::CROSSED_OUT);

/// A cell's background and look, its colours swapped when reversed.
fn style(cell: &Cell) -> (String, Look) {
    let mut fg = hex(cell.fg).unwrap_or_else(|| FG.to_owned());
    let mut bg = hex(cell.bg).unwrap_or_else(|| BG.to_owned());
    let m = cell.modifier;
    if m.contains(Modifier::REVERSED) {
        std::mem::swap(&mut fg, &mut bg);
    }
    if m.contains(Modifier::HIDDEN) {
        fg.clone_from(&bg);
    }
    (
        bg,
        Look {
            fg,
            modifier: m.intersection(SHOWN),
        },
    )
}

/// `text` escaped for XML.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

fn x(column: usize) -> f64 {
    f64::from(PAD) + column as f64 * CELL_W
}

/// A length in pixels, to a tenth: the same on every machine.
fn px(value: f64) -> String {
    format!("{value:.1}")
}

/// The parts of a run to write as text, as cell ranges: no leading or trailing blank cells,
/// and split where two blanks meet, since renderers may collapse runs of spaces (a single
/// space between words survives collapsing).
fn segments(cells: &[Cell]) -> Vec<(usize, usize)> {
    let blank = |i: usize| cells[i].symbol() == " ";
    let mut out = Vec::new();
    let mut i = 0;
    while i < cells.len() {
        if blank(i) {
            i += 1;
            continue;
        }
        let from = i;
        let mut end = i + 1;
        while i < cells.len() && !(blank(i) && (i + 1 == cells.len() || blank(i + 1))) {
            i += 1;
            if !blank(i - 1) {
                end = i;
            }
        }
        out.push((from, end));
    }
    out
}

/// The presentation attributes of a look.
fn attributes(look: &Look) -> String {
    let mut attrs = format!("fill=\"{}\"", look.fg);
    let has = |m: Modifier| look.modifier.contains(m);
    if has(Modifier::BOLD) {
        attrs.push_str(" font-weight=\"bold\"");
    }
    if has(Modifier::DIM) {
        attrs.push_str(" opacity=\"0.6\"");
    }
    if has(Modifier::ITALIC) {
        attrs.push_str(" font-style=\"italic\"");
    }
    match (has(Modifier::UNDERLINED), has(Modifier::CROSSED_OUT)) {
        (true, true) => attrs.push_str(" text-decoration=\"underline line-through\""),
        (true, false) => attrs.push_str(" text-decoration=\"underline\""),
        (false, true) => attrs.push_str(" text-decoration=\"line-through\""),
        (false, false) => {}
    }
    attrs
}

/// The frame as a standalone SVG document, titled `title`.
pub fn svg(buffer: &Buffer, title: &str) -> String {
    let (columns, rows) = (usize::from(buffer.area.width), usize::from(buffer.area.height));
    let width = px(x(columns) + f64::from(PAD));
    let height = PAD * 2 + CELL_H * rows as u32;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" role=\"img\" xml:space=\"preserve\" \
         font-family=\"'DejaVu Sans Mono', 'Liberation Mono', Menlo, Consolas, monospace\" font-size=\"14\">"
    );
    let _ = writeln!(out, "<title>{}</title>", escape(title));
    let _ = writeln!(
        out,
        "<rect width=\"{width}\" height=\"{height}\" rx=\"8\" fill=\"{BG}\"/>"
    );
    let cells: Vec<&[Cell]> = buffer.content.chunks(columns.max(1)).collect();
    for (row, line) in cells.iter().enumerate() {
        let top = PAD + CELL_H * row as u32;
        // Backgrounds: one rectangle per run of a colour other than the default.
        let mut column = 0;
        while column < columns {
            let bg = style(&line[column]).0;
            let start = column;
            while column < columns && style(&line[column]).0 == bg {
                column += 1;
            }
            if bg != BG {
                let _ = writeln!(
                    out,
                    "<rect x=\"{}\" y=\"{top}\" width=\"{}\" height=\"{CELL_H}\" fill=\"{bg}\"/>",
                    px(x(start)),
                    px((column - start) as f64 * CELL_W)
                );
            }
        }
        // Text: one run per look; a wide symbol's trailing cell (an empty symbol) belongs
        // to the run of the symbol before it.
        // The glyphs' ascent (about 0.93 em) above the baseline, their descent below it.
        let baseline = top + 13;
        let mut column = 0;
        while column < columns {
            let look = style(&line[column]).1;
            let start = column;
            while column < columns && (style(&line[column]).1 == look || line[column].symbol().is_empty()) {
                column += 1;
            }
            for (from, to) in segments(&line[start..column]) {
                let text: String = line[start + from..start + to].iter().map(Cell::symbol).collect();
                let _ = writeln!(
                    out,
                    "<text x=\"{}\" y=\"{baseline}\" textLength=\"{}\" lengthAdjust=\"spacingAndGlyphs\" {}>{}</text>",
                    px(x(start + from)),
                    px((to - from) as f64 * CELL_W),
                    attributes(&look),
                    escape(&text)
                );
            }
        }
    }
    out.push_str("</svg>\n");
    out
}
