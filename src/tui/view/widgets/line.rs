//! One styled line written into its row, a cell per character where that is safe: the
//! documents' lines ([`set_line`]) and the footer's ([`paragraph_line`]). Each is held to
//! what ratatui draws for the same line.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

/// Whether `c` is a grapheme of its own whatever is around it, one cell wide: printable
/// ASCII, and the Latin-1 letters and signs, punctuation, arrows, box drawing and shapes that
/// the app and its documents write (`•`, `—`, `…`, `→`, `●`, `✓`…). None of them joins the
/// character before or after it into one grapheme, so a line of them is a cell per
/// character. A test checks every one against ratatui's own drawing.
fn one_cell(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\u{A1}'..='\u{AC}' | '\u{AE}'..='\u{FF}' // Latin-1, less the soft hyphen
        | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' // general punctuation
        | '\u{2190}'..='\u{21FF}' // arrows
        | '\u{2500}'..='\u{25FC}' // box drawing, blocks, shapes, up to the wide ◽
        | '\u{2713}' | '\u{2717}' // ✓ ✗
    )
}

/// `Buffer::set_line` for a line in its row, one cell per character when every character is
/// [`one_cell`]. That skips the grapheme segmentation and width lookups, a tenth of the first
/// frame's instructions (issue 8); any other line goes through `set_line`.
pub fn set_line(buf: &mut Buffer, row: Rect, line: &Line) {
    if one_cell_line(line) {
        write_cells(buf, row, line);
    } else {
        buf.set_line(row.x, row.y, line, row.width);
    }
}

/// What a one-line `Paragraph` draws in `row`, a cell per character when every character is
/// [`one_cell`] (as [`set_line`]), else through the paragraph.
pub fn paragraph_line(buf: &mut Buffer, row: Rect, line: Line) {
    if one_cell_line(&line) {
        write_cells(buf, row, &line);
    } else {
        Paragraph::new(line).render(row, buf);
    }
}

fn one_cell_line(line: &Line) -> bool {
    line.spans.iter().all(|span| span.content.chars().all(one_cell))
}

/// Writes a line of [`one_cell`] characters in its row, a cell each, cut at the row's end.
fn write_cells(buf: &mut Buffer, row: Rect, line: &Line) {
    let end = row.right().min(buf.area.right());
    if row.x >= end {
        return;
    }
    // The row's cells, found once.
    let start = buf.index_of(row.x, row.y);
    let mut cells = buf.content[start..start + usize::from(end - row.x)].iter_mut();
    for span in &line.spans {
        let style = line.style.patch(span.style);
        for c in span.content.chars() {
            let Some(cell) = cells.next() else {
                return;
            };
            cell.set_char(c).set_style(style);
        }
    }
}

#[cfg(test)]
mod tests {
    use ratatui::style::Style;
    use ratatui::text::Span;

    use super::*;

    /// Any line: spans of ASCII, of one-cell symbols, or of wide, combining, joining and
    /// control characters, in a few styles, under a plain or bold line style.
    fn any_line() -> impl proptest::strategy::Strategy<Value = Line<'static>> {
        use proptest::strategy::Strategy;
        let text = "[ -~]{0,12}|[ -~é•—…→↑↓●○✓\u{A0}-\u{FF}\u{2010}-\u{2060}\u{2190}-\u{21FF}\u{2500}-\u{2600}]{0,8}|[ -~é—界😀\u{301}\u{200D}\t]{0,6}";
        let spans = proptest::collection::vec((text, 0usize..4), 0..5);
        (spans, proptest::bool::ANY).prop_map(|(spans, bold)| {
            let styles = [
                Style::new(),
                Style::new().green(),
                Style::new().on_blue().italic(),
                Style::new().not_bold(),
            ];
            let spans: Vec<Span> = spans
                .into_iter()
                .map(|(text, s)| Span::styled(text, styles[s]))
                .collect();
            Line::from(spans).style(if bold { Style::new().bold() } else { Style::new() })
        })
    }

    proptest::proptest! {
        /// The cell-per-character path draws what `Buffer::set_line` draws, for any spans,
        /// styles and row.
        #[test]
        fn a_line_is_drawn_as_set_line_draws_it(line in any_line(), x in 0u16..12, width in 0u16..20) {
            let area = Rect::new(0, 0, 16, 2);
            let row = Rect::new(x, 1, width, 1);
            let mut ours = Buffer::empty(area);
            let mut theirs = Buffer::empty(area);
            set_line(&mut ours, row, &line);
            theirs.set_line(row.x, row.y, &line, row.width);
            proptest::prop_assert_eq!(ours, theirs);
        }

        /// A line drawn by `paragraph_line` is what a one-line paragraph draws in its row.
        #[test]
        fn a_line_is_drawn_as_a_one_line_paragraph_draws_it(line in any_line(), x in 0u16..12, width in 0u16..20) {
            let area = Rect::new(0, 0, 16, 2);
            let row = Rect::new(x, 1, width, 1).intersection(area);
            let mut ours = Buffer::empty(area);
            let mut theirs = Buffer::empty(area);
            Paragraph::new(line.clone()).render(row, &mut theirs);
            paragraph_line(&mut ours, row, line);
            proptest::prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn every_one_cell_character_is_drawn_as_set_line_draws_it() {
        // Each one between others, and before a combining mark (which then goes the slow way).
        let chars = (' '..='\u{27FF}').filter(|&c| one_cell(c));
        for c in chars {
            for text in [format!("a{c}{c}b"), format!("{c}\u{301}")] {
                let line = Line::from(text.as_str());
                let row = Rect::new(0, 0, 6, 1);
                let (mut ours, mut theirs) = (Buffer::empty(row), Buffer::empty(row));
                set_line(&mut ours, row, &line);
                theirs.set_line(0, 0, &line, 6);
                assert_eq!(ours, theirs, "{c:?} (U+{:04X})", u32::from(c));
            }
        }
    }
}
