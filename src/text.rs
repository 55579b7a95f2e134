//! Text that may reach the terminal: `Text`, a string from a data file cleaned at load, and
//! the two ways of making any other string safe, [`clean`] (drop) and [`escape`] (show).
//!
//! A file must never be able to send escape sequences to the terminal, nor reorder or hide
//! what the user reads (Trojan Source), so every human-readable string in the data model is
//! a `Text`, and every message that quotes file text or a path goes through [`escape`].
//!
//! What is unsafe ([`is_unsafe_char`]): C0 and C1 controls, every Unicode format character
//! (general category Cf: the bidi controls U+202A–U+202E, U+2066–U+2069, U+200E, U+200F,
//! U+061C, the zero-width characters U+200B–U+200D and U+2060–U+2064, the byte-order mark,
//! the soft hyphen, U+180E, the tag characters, the interlinear annotations…), the line and
//! paragraph separators U+2028 and U+2029, and the letters Unicode lists as invisible
//! (the Hangul fillers, the combining grapheme joiner, the Mongolian variation selectors
//! and the Khmer inherent vowels). Categories come from `finl_unicode` (Unicode 17).
//!
//! The joiners U+200C (ZWNJ) and U+200D (ZWJ) are the one exception [`clean`] makes: they
//! are kept between two visible non-ASCII characters, where they build emoji sequences
//! (👩‍💻) and shape Persian and Indic words, and dropped elsewhere (between ASCII letters
//! they only ever disguise a name, and alone they hide one). Emoji tag sequences (the
//! flags of England or Scotland) lose their tags and show as a black flag.

use std::borrow::Cow;
use std::fmt::{self, Write as _};
use std::ops::Deref;
use std::path::Path;

use finl_unicode::categories::{CharacterCategories, MinorCategory};
use serde::{Deserialize, Serialize};

/// A cleaned, human-readable string from a data or session file: it cannot hold a character
/// [`is_unsafe_char`] refuses, because the only ways to make one clean it.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub struct Text(String);

impl Text {
    /// The text as a `&str`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Whether `c` must not reach the terminal from file or typed text: a control, a format
/// character (bidi controls, zero-width characters…), a line or paragraph separator, or an
/// invisible letter. See the module documentation for the full list.
pub fn is_unsafe_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_control();
    }
    c.is_control()
        || matches!(
            c.get_minor_category(),
            MinorCategory::Cf | MinorCategory::Zl | MinorCategory::Zp
        )
        || is_invisible_letter(c)
}

/// Letters and marks that Unicode lists as default-ignorable (they draw nothing) although
/// their category is not Cf. Variation selectors are not here: emoji need U+FE0F.
fn is_invisible_letter(c: char) -> bool {
    matches!(
        c,
        '\u{034F}' // combining grapheme joiner
            | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' // Hangul fillers
            | '\u{17B4}' | '\u{17B5}' // Khmer inherent vowels
            | '\u{180B}'..='\u{180D}' | '\u{180F}' // Mongolian free variation selectors
    )
}

/// Whether `c` breaks a line: shown as one space by [`clean`] so words stay apart.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Whether `c` is a joiner that [`clean`] keeps between two visible non-ASCII characters.
fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}')
}

/// Whether a joiner may stand next to `c`: a visible character outside ASCII (an emoji, a
/// Persian or Indic letter, or the variation selector of an emoji).
fn joins(c: Option<char>) -> bool {
    c.is_some_and(|c| !c.is_ascii() && !c.is_whitespace() && !is_unsafe_char(c))
}

/// `raw` without unsafe characters; tabs and line breaks become single spaces so words stay
/// apart. Borrowed when `raw` is already clean, which is the usual case.
pub fn clean(raw: &str) -> Cow<'_, str> {
    // Printable ASCII, most of any data file, holds nothing unsafe: one pass over the bytes
    // instead of a test per character (a large decision is cleaned at every start).
    if raw.bytes().all(|b| (0x20..0x7f).contains(&b)) || !raw.chars().any(is_unsafe_char) {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if !is_unsafe_char(c) {
            out.push(c);
        } else if is_line_break(c) {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else if is_joiner(c) && joins(out.chars().next_back()) && joins(chars.peek().copied()) {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A document (a rendered record) without the characters [`is_unsafe_char`] refuses but tab
/// and line feed, which lay it out; joiners stay between visible characters outside ASCII, as
/// in [`clean`]. Carriage returns go too: a line ends with a line feed alone.
pub fn document_safe(document: &str) -> Cow<'_, str> {
    let refused = |c: char| c != '\t' && c != '\n' && is_unsafe_char(c);
    if !document.chars().any(refused) {
        return Cow::Borrowed(document);
    }
    let mut out = String::with_capacity(document.len());
    let mut chars = document.chars().peekable();
    while let Some(c) = chars.next() {
        if !refused(c) || (is_joiner(c) && joins(out.chars().next_back()) && joins(chars.peek().copied())) {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `message` with every unsafe character shown as a Rust escape (`\u{1b}`, `\u{202e}`), so
/// a message quoting file text or a path can be printed as is. Line feeds are kept: a
/// message may have several lines. Nothing else changes, so escaping twice is harmless.
pub fn escape(message: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| c != '\n' && is_unsafe_char(c);
    if !message.chars().any(unsafe_char) {
        return Cow::Borrowed(message);
    }
    let mut out = String::with_capacity(message.len() + 16);
    for c in message.chars() {
        if unsafe_char(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A path as a message shows it: [`Path::display`], escaped, with line feeds escaped too
/// (a file name is one line, whatever it contains).
pub fn escape_path(path: &Path) -> String {
    escape(&path.display().to_string()).replace('\n', "\\u{a}")
}

impl From<String> for Text {
    fn from(raw: String) -> Self {
        match clean(&raw) {
            Cow::Borrowed(_) => Text(raw),
            Cow::Owned(cleaned) => Text(cleaned),
        }
    }
}

impl From<&str> for Text {
    fn from(raw: &str) -> Self {
        Text(clean(raw).into_owned())
    }
}

impl From<Text> for String {
    fn from(text: Text) -> Self {
        text.0
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        self.0 == *other
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The text on one line, trimmed: a note is a line, whatever was pasted into it.
pub fn one_line(text: &str) -> String {
    text.split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

impl Text {
    /// `raw` cleaned and on one line ([`one_line`]): a note or a reason as typed or given on
    /// the command line.
    pub fn line(raw: &str) -> Text {
        Text::from(one_line(raw))
    }
}

/// The texts joined with `separator`.
pub fn join(texts: &[Text], separator: &str) -> String {
    texts.iter().map(Text::as_str).collect::<Vec<_>>().join(separator)
}

/// JSON text with every character [`is_unsafe_char`] refuses, and DEL, written as a `\uXXXX`
/// escape, which any JSON reader decodes to the same string. `serde_json` escapes only C0
/// controls; outside its strings JSON is ASCII, so every such character is inside a string.
pub fn json_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if c == '\u{7f}' || (!c.is_ascii() && is_unsafe_char(c)) {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// `text` as a sentence of its own: its first letter a capital, a full stop (or other end
/// mark) at its end. "the admin saves weeks" → "The admin saves weeks."
pub fn sentence(text: &str) -> String {
    let text = text.trim();
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let mut out: String = first.to_uppercase().chain(chars).collect();
    if !out.ends_with(['.', '!', '?', '…']) {
        out.push('.');
    }
    out
}

/// "… and 199,980 more problems": the line that stands for what is not listed; `one` and
/// `many` are the noun for one and for more ("problem", "problems"; both may be empty).
pub fn and_more(count: usize, one: &str, many: &str) -> String {
    let noun = if count == 1 { one } else { many };
    format!("… and {} more {noun}", thousands(count))
}

/// A count with thousands separators: `1,000,000`.
pub fn thousands(count: usize) -> String {
    let digits = count.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_made_safe_reads_back_as_the_same_strings() {
        for s in [
            "plain",
            "del\u{7f}",
            "c1\u{85}\u{9b}",
            "bidi\u{202e}\u{2066}",
            "zw\u{200b}",
            "👩\u{200d}💻",
            "astral 𝄞 \u{e0041}",
        ] {
            let json = json_safe(&serde_json::to_string(&vec![s]).unwrap());
            assert!(
                !json.chars().any(|c| c == '\u{7f}' || is_unsafe_char(c)),
                "{json}"
            );
            assert_eq!(serde_json::from_str::<Vec<String>>(&json).unwrap(), [s], "{json}");
        }
    }

    #[test]
    fn counts_get_thousands_separators() {
        let cases = [
            (0, "0"),
            (999, "999"),
            (1000, "1,000"),
            (199_980, "199,980"),
            (1_000_000, "1,000,000"),
        ];
        for (count, text) in cases {
            assert_eq!(thousands(count), text);
        }
        assert_eq!(
            and_more(999_980, "problem", "problems"),
            "… and 999,980 more problems"
        );
        assert_eq!(and_more(1, "problem", "problems"), "… and 1 more problem");
    }

    /// Every character the issue names as a way to reorder or hide text.
    const INVISIBLE: &[char] = &[
        '\u{202A}',
        '\u{202B}',
        '\u{202C}',
        '\u{202D}',
        '\u{202E}',
        '\u{2066}',
        '\u{2067}',
        '\u{2068}',
        '\u{2069}',
        '\u{200E}',
        '\u{200F}',
        '\u{061C}',
        '\u{200B}',
        '\u{200C}',
        '\u{200D}',
        '\u{2060}',
        '\u{2061}',
        '\u{2062}',
        '\u{2063}',
        '\u{2064}',
        '\u{FEFF}',
        '\u{00AD}',
        '\u{180E}',
        '\u{E0001}',
        '\u{E0041}',
        '\u{E007F}',
        '\u{FFF9}',
        '\u{FFFA}',
        '\u{FFFB}',
        '\u{2028}',
        '\u{2029}',
        '\u{3164}',
        '\u{115F}',
        '\u{034F}',
        '\u{9B}',
        '\u{85}',
        '\u{7F}',
        '\u{1B}',
        '\u{0}',
    ];

    #[test]
    fn escape_sequences_are_removed() {
        let text = Text::from("\u{1b}[2JDjango\u{7}");
        assert_eq!(text.as_str(), "[2JDjango");
        assert_eq!(Text::from("a\u{9b}31mb").as_str(), "a31mb");
    }

    #[test]
    fn line_breaks_become_one_space() {
        assert_eq!(Text::from("a\r\n\tb").as_str(), "a b");
        assert_eq!(Text::from("a\u{2028}b\u{2029}c").as_str(), "a b c");
    }

    #[test]
    fn clean_text_is_unchanged_and_borrowed() {
        let raw = "Batteries “included” ✓ — café, 日本語, עברית, العربية, 👍🏽, ❤️";
        assert!(matches!(clean(raw), Cow::Borrowed(_)));
        assert_eq!(Text::from(raw).as_str(), raw);
    }

    #[test]
    fn every_bidi_and_format_character_is_unsafe_and_removed() {
        for &c in INVISIBLE {
            assert!(is_unsafe_char(c), "{c:?} is not unsafe");
            let text = Text::from(format!("a{c}b"));
            assert!(["ab", "a b"].contains(&text.as_str()), "{c:?} gave {text:?}");
        }
    }

    #[test]
    fn trojan_source_cannot_reorder_a_name() {
        let text = Text::from("Django\u{202E}ksalF\u{202C} \u{2066}x\u{2069}");
        assert_eq!(text.as_str(), "DjangoksalF x");
    }

    #[test]
    fn a_name_of_invisible_characters_is_empty() {
        let all: String = INVISIBLE.iter().filter(|c| !is_line_break(**c)).collect();
        assert_eq!(Text::from(all).as_str(), "");
        assert_eq!(Text::from("\u{200B}\u{202E}").as_str(), "");
        assert_eq!(Text::from("\u{200D}\u{200C}\u{200D}").as_str(), "");
    }

    #[test]
    fn visible_characters_are_safe() {
        for c in [
            'a', ' ', 'é', '“', '✓', '日', 'ا', '\u{FE0F}', '\u{0301}', '👍', '\u{E000}',
        ] {
            assert!(!is_unsafe_char(c), "{c:?} is unsafe");
        }
    }

    #[test]
    fn joiners_stay_inside_emoji_and_words_only() {
        // Woman technologist, heart on fire (with a variation selector), a Persian word.
        for kept in ["👩\u{200D}💻", "❤\u{FE0F}\u{200D}🔥", "می\u{200C}خواهم"] {
            assert_eq!(Text::from(kept).as_str(), kept);
        }
        assert_eq!(Text::from("Dj\u{200D}ango").as_str(), "Django");
        assert_eq!(Text::from("\u{200D}👩").as_str(), "👩");
        assert_eq!(Text::from("👩\u{200D}").as_str(), "👩");
        assert_eq!(Text::from("👩\u{200D}\u{202E}💻").as_str(), "👩💻");
    }

    #[test]
    fn deserialising_strips_controls() {
        let text: Text = ron::from_str("\"a\\u{1b}b\\u{202e}c\"").unwrap();
        assert_eq!(text.as_str(), "abc");
    }

    #[test]
    fn escape_shows_unsafe_characters_and_keeps_lines() {
        assert_eq!(
            escape("a\u{1b}]52;c;eA==\u{7}\nb\u{202E}c\u{9b}2J\td"),
            "a\\u{1b}]52;c;eA==\\u{7}\nb\\u{202e}c\\u{9b}2J\\u{9}d"
        );
        assert!(matches!(escape("plain “text”\nline ✓"), Cow::Borrowed(_)));
        let once = escape("x\u{200B}y").into_owned();
        assert_eq!(escape(&once), once);
    }

    #[test]
    fn escaped_paths_are_one_line() {
        let path = Path::new("dir/a\u{1b}[2J\nb\u{202E}.ron");
        assert_eq!(escape_path(path), "dir/a\\u{1b}[2J\\u{a}b\\u{202e}.ron");
    }
}
