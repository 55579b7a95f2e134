//! The string literals of a RON source, decoded, so a problem can be placed on the literal
//! that holds its value however the file spells it: raw characters, `\u{..}` escapes or a
//! raw string, and also when the value was cleaned at load (a title made only of bidi
//! controls is the empty text it became).

use std::collections::HashMap;

use serde::Deserialize;

use crate::text::clean;

/// Where each string value occurs in a source, in document order.
pub(super) struct Literals {
    offsets: HashMap<String, Vec<usize>>,
    /// The byte offset of each line feed, to turn an offset into a line at once.
    line_feeds: Vec<usize>,
}

impl Literals {
    /// Every string literal of `source` (comments and character literals skipped), indexed
    /// by its decoded value and, when different, by that value as [`clean`] leaves it.
    pub(super) fn new(source: &str) -> Literals {
        let mut offsets: HashMap<String, Vec<usize>> = HashMap::new();
        let bytes = source.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let rest = &source[i..];
            let starts_token = i == 0 || !is_ident_byte(bytes[i - 1]);
            if rest.starts_with("//") {
                i += rest.find('\n').unwrap_or(rest.len());
            } else if rest.starts_with("/*") {
                i += block_comment_len(rest);
            } else if bytes[i] == b'\'' {
                i += char_literal_len(rest);
            } else if bytes[i] == b'"' || (starts_token && is_raw_string_start(rest)) {
                match decode(rest) {
                    Some((value, len)) => {
                        let cleaned = clean(&value).into_owned();
                        if cleaned != value {
                            offsets.entry(cleaned).or_default().push(i);
                        }
                        offsets.entry(value).or_default().push(i);
                        i += len.max(1);
                    }
                    None => i += 1,
                }
            } else {
                i += rest.chars().next().map_or(1, char::len_utf8);
            }
        }
        let line_feeds = source.match_indices('\n').map(|(i, _)| i).collect();
        Literals { offsets, line_feeds }
    }

    /// The line and column (1-based, the column in characters) of a byte offset of the
    /// source these literals were read from.
    pub(super) fn position(&self, source: &str, offset: usize) -> (usize, usize) {
        let line = self.line_feeds.partition_point(|&i| i < offset);
        let line_start = line.checked_sub(1).map_or(0, |i| self.line_feeds[i] + 1);
        (line + 1, source[line_start..offset].chars().count() + 1)
    }

    /// The byte offsets (of the opening quote or `r`) of the literals whose value is
    /// `value`, in document order.
    pub(super) fn offsets(&self, value: &str) -> &[usize] {
        self.offsets.get(value).map_or(&[], Vec::as_slice)
    }
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// `r"…"`, `r#"…"#` and so on.
fn is_raw_string_start(rest: &str) -> bool {
    rest.strip_prefix('r')
        .is_some_and(|r| r.trim_start_matches('#').starts_with('"'))
}

/// The literal at the start of `rest`, decoded by RON itself, and how many bytes it spans.
fn decode(rest: &str) -> Option<(String, usize)> {
    let mut de = ron::Deserializer::from_str(rest).ok()?;
    let value = String::deserialize(&mut de).ok()?;
    Some((value, rest.len() - de.remainder().len()))
}

/// The length of the (nested, as in RON) block comment at the start of `rest`.
fn block_comment_len(rest: &str) -> usize {
    let mut depth = 0usize;
    let mut i = 0;
    while i < rest.len() {
        if rest[i..].starts_with("/*") {
            depth += 1;
            i += 2;
        } else if rest[i..].starts_with("*/") {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            i += rest[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    rest.len()
}

/// The length of the character literal at the start of `rest` (`'"'`, `'\''`…), so a quote
/// inside one is not taken for a string.
fn char_literal_len(rest: &str) -> usize {
    let mut chars = rest.char_indices().skip(1);
    if let Some((_, '\\')) = chars.next() {
        chars.next();
    }
    chars.find(|&(_, c)| c == '\'').map_or(rest.len(), |(i, _)| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_are_found_however_they_are_written() {
        let source = "A(a: \"x\", b: \"\\u{1b}[2J\", c: r#\"q\"q\"#, d: \"\u{1b}[2J\", e: \"x\")";
        let at = |field: &str| source.find(field).unwrap() + field.len();
        let literals = Literals::new(source);
        assert_eq!(literals.offsets("x"), [at("a: "), at("e: ")]);
        assert_eq!(literals.offsets("\u{1b}[2J"), [at("b: "), at("d: ")]);
        assert_eq!(literals.offsets("q\"q"), [at("c: ")]);
        assert!(literals.offsets("nope").is_empty());
    }

    #[test]
    fn offsets_become_lines_and_columns() {
        let source = "(\n  a: \"é\", b: \"x\",\n\"y\")";
        let literals = Literals::new(source);
        assert_eq!(literals.position(source, 0), (1, 1));
        assert_eq!(literals.position(source, literals.offsets("x")[0]), (2, 14));
        assert_eq!(literals.position(source, literals.offsets("y")[0]), (3, 1));
    }

    #[test]
    fn cleaned_values_point_at_the_raw_literal() {
        let source = "(title: \"\u{200B}\u{202E}\", b: \"\\u{202e}ok\")";
        let literals = Literals::new(source);
        assert_eq!(literals.offsets(""), [8]);
        assert_eq!(literals.offsets("ok"), [source.find("\"\\u").unwrap()]);
    }

    #[test]
    fn comments_and_char_literals_hide_no_strings() {
        let source = "// \"a\"\n/* \"a\" /* \"a\" */ */ ('\"', '\\'', \"a\")";
        let literals = Literals::new(source);
        assert_eq!(literals.offsets("a"), [source.rfind("\"a\"").unwrap()]);
    }
}
