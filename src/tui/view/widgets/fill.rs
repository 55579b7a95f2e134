//! Filling a document's lines in order, broken at spaces: what `textwrap::wrap` does with the
//! documents' options (first fit, ASCII spaces, no hyphenation, long words broken), without
//! its general machinery. A paragraph is split into words as offsets into it, with no boxed
//! iterators, per-word splitter or floating-point widths, and each line is built once: the
//! first frame wrapped every bullet of the Overview through textwrap, a twelfth of its
//! instructions (issue 8). Text with a control character (a newline, an escape sequence) goes
//! to textwrap itself. The tests hold the two equal on any text, width and indents.

use textwrap::core::display_width;

/// Wrapping options for every wrapped text: a width of at least one column, never a split at
/// a hyphen, so ids like `django.content-heavy` stay whole. Table cells, narrow, wrap with
/// these (`doc::wrap`): the optimal fit's evener lines and its breaks after a slash or a dash.
pub fn options(width: usize) -> textwrap::Options<'static> {
    textwrap::Options::new(width.max(1)).word_splitter(textwrap::WordSplitter::NoHyphenation)
}

/// The options `fill` stands for: [`options`], with lines filled in order and broken at
/// spaces only, as a ratatui paragraph breaks them (file text is cleaned, so its only
/// breakable space is U+0020). Documents are wide, where the optimal fit's evener lines and
/// breaks after a slash or a dash matter little, and finding them took a sixth of the first
/// frame's instructions (issue 8).
pub fn document_options(width: usize) -> textwrap::Options<'static> {
    options(width)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
}

/// One word: `text[start..end]`, then spaces up to `next`; `width` columns.
#[derive(Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    next: usize,
    width: usize,
}

/// `text` wrapped to `width` columns, the first line after `first`, the others after
/// `rest`: `textwrap::wrap(text, document_options(width).initial_indent(first).subsequent_indent(rest))`.
pub fn fill(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let width = width.max(1);
    if text.chars().any(char::is_control) {
        return by_textwrap(text, width, first, rest);
    }
    // textwrap's shortcut: a line that fits, with no indent, is the text less its last spaces.
    if text.len() < width && first.is_empty() {
        return vec![text.trim_end_matches(' ').to_owned()];
    }
    let first_width = width.saturating_sub(display_width(first));
    let rest_width = width.saturating_sub(display_width(rest));
    let words = words(text, rest_width, !first.is_empty());
    // First fit: a word goes on the line unless it would overflow a line already holding one.
    let mut lines = Vec::new();
    let (mut start, mut used) = (0, 0);
    for (i, word) in words.iter().enumerate() {
        let line_width = if lines.is_empty() { first_width } else { rest_width };
        if used + word.width > line_width && i > start {
            lines.push(&words[start..i]);
            start = i;
            used = 0;
        }
        used += word.width + (word.next - word.end);
    }
    lines.push(&words[start..]);
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    for line in lines {
        let (Some(head), Some(last)) = (line.first(), line.last()) else {
            out.push(String::new());
            continue;
        };
        let indent = if out.is_empty() { first } else { rest };
        let mut filled = String::with_capacity(indent.len() + last.end - head.start);
        filled.push_str(indent);
        filled.push_str(&text[head.start..last.end]);
        out.push(filled);
    }
    out
}

/// What `fill` stands for, from textwrap itself.
fn by_textwrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let options = document_options(width)
        .initial_indent(first)
        .subsequent_indent(rest);
    textwrap::wrap(text, options)
        .into_iter()
        .map(std::borrow::Cow::into_owned)
        .collect()
}

/// The words of `text` as textwrap's ASCII-space separator finds them (each word takes the
/// spaces after it), those wider than `max` broken into pieces that fit, after an empty word
/// when `indented` (textwrap's, so that the first word may start the second line).
fn words(text: &str, max: usize, indented: bool) -> Vec<Word> {
    let mut words = Vec::with_capacity(text.len() / 4 + 2);
    if indented {
        words.push(Word {
            start: 0,
            end: 0,
            next: 0,
            width: 0,
        });
    }
    let mut push = |start: usize, next: usize| {
        let end = start + text[start..next].trim_end_matches(' ').len();
        let word = &text[start..end];
        let width = if word.is_ascii() {
            word.len()
        } else {
            display_width(word)
        };
        if width <= max {
            words.push(Word {
                start,
                end,
                next,
                width,
            });
            return;
        }
        // Broken apart as `textwrap::core::Word::break_apart` does; the last piece keeps
        // the spaces.
        let (mut offset, mut used) = (start, 0);
        for (i, c) in word.char_indices() {
            let columns = char_width(c);
            if used > 0 && used + columns > max {
                words.push(Word {
                    start: offset,
                    end: start + i,
                    next: start + i,
                    width: used,
                });
                offset = start + i;
                used = columns;
            } else {
                used += columns;
            }
        }
        if offset < end {
            words.push(Word {
                start: offset,
                end,
                next,
                width: used,
            });
        }
    };
    // A word ends where a non-space follows a space. A space is one byte, so that is always
    // the start of a character.
    let (mut start, mut in_space) = (0, false);
    for (i, &byte) in text.as_bytes().iter().enumerate() {
        if in_space && byte != b' ' {
            push(start, i);
            start = i;
        }
        in_space = byte == b' ';
    }
    if start < text.len() {
        push(start, text.len());
    }
    words
}

/// The columns of one character, as textwrap counts them.
fn char_width(c: char) -> usize {
    if c.is_ascii() {
        1
    } else {
        display_width(c.encode_utf8(&mut [0; 4]))
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn indent() -> impl Strategy<Value = &'static str> {
        prop_oneof![
            Just(""),
            Just("• "),
            Just("  "),
            Just("    "),
            Just("-"),
            Just("界 "),
            Just("0123456789")
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn lines_are_filled_as_textwrap_fills_them(
            words in proptest::collection::vec(
                "[a-z]{0,12}|[A-Za-z.,:()/-]{1,30}|—|é|界界|e\u{301}|\u{1F600}|\u{1b}\\[1m|\n",
                0..30,
            ),
            spaces in proptest::collection::vec(0usize..4, 30),
            width in 0usize..40,
            first in indent(),
            rest in indent(),
        ) {
            let mut text = String::new();
            for (word, n) in words.iter().zip(&spaces) {
                text.push_str(word);
                text.push_str(&" ".repeat(*n));
            }
            prop_assert_eq!(
                fill(&text, width, first, rest),
                by_textwrap(&text, width, first, rest),
                "{:?} at {}", text, width
            );
        }
    }

    #[test]
    fn a_bullet_wraps_under_its_text_and_a_long_word_is_broken() {
        let text = "Flask — minimal footprint and a supercalifragilistic word";
        let lines = fill(text, 16, "• ", "  ");
        assert_eq!(
            lines,
            [
                "• Flask —",
                "  minimal",
                "  footprint and",
                "  a",
                "  supercalifragi",
                "  listic word"
            ]
        );
        assert_eq!(lines, by_textwrap(text, 16, "• ", "  "));
    }
}
