//! Escaping text for the Markdown decision record, so no data can change its structure.
//!
//! Every `{{ value }}` of a record template (the built-in one and users') goes through
//! [`escape`], by the template environment's formatter, unless marked `|safe`. One escape
//! must fit every place a template may put a value: inside a paragraph, at the start of a
//! line, after a list marker, in a heading, in a table cell. So it makes the value one
//! line, escapes what `CommonMark` and GitHub read anywhere in a line (code spans, emphasis,
//! links, HTML, table pipes, strikethrough), and escapes the value's first character when
//! it would start a block there (a heading, a list, a quote, a thematic break, a fence).
//! Characters that never mean anything in running text, such as `(`, `.`, `-`, `+` or a
//! lone `&`, are left as they are, so ordinary text reads the same in the Markdown source.
//!
//! Also here: the template environment's [`formatter`] and its `escape`/`cell` and `code`
//! filters.

use minijinja::{AutoEscape, Output, State, Value};

use crate::text::clean;

/// `text` as Markdown inline text that renders as exactly `text` and cannot open or close
/// any block or span: one line (line breaks become spaces, controls go), trimmed (leading
/// spaces would make a code block, trailing ones a line break).
pub fn escape(text: &str) -> String {
    let cleaned = clean(text);
    let text = cleaned.trim();
    let mut out = String::with_capacity(text.len() + 8);
    // A lone `~` is plain text; two of them can strike through or open a `~~~` fence.
    let tildes = text.matches('~').nth(1).is_some();
    let block_marker = block_marker_at(text);
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, c)| c);
        match c {
            '\\' | '`' | '*' | '[' | ']' | '|' | '#' => push_escaped(&mut out, c),
            // An underscore inside a word never emphasises (CommonMark), so `snake_case`
            // stays as it is.
            '_' if !(is_word(prev) && is_word(next)) => push_escaped(&mut out, c),
            '~' if tildes => push_escaped(&mut out, c),
            // Entities rather than backslashes, so no raw `<!--` or `<script` is left in the
            // source for a less strict reader to take for HTML.
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' if next.is_some_and(|n| n.is_ascii_alphanumeric() || n == '#') => out.push_str("&amp;"),
            _ if Some(i) == block_marker => push_escaped(&mut out, c),
            _ => out.push(c),
        }
        prev = Some(c);
    }
    out
}

/// `text` as a Markdown code span (`` `text` ``), with a backtick fence longer than any run
/// of backticks inside, so the span cannot end early.
pub fn code(text: &str) -> String {
    let cleaned = clean(text);
    let text = cleaned.as_ref();
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    // A space on each side keeps a backtick at either end apart from the fence.
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// The name of the Markdown auto-escape mode.
pub(super) const MODE: &str = "markdown";

/// Writes a value as the record shows it: escaped for Markdown in [`MODE`] mode (the
/// default), as minijinja would otherwise (`{% autoescape false %}`).
pub(super) fn formatter(out: &mut Output, state: &State, value: &Value) -> Result<(), minijinja::Error> {
    if value.is_safe() || state.auto_escape() != AutoEscape::Custom(MODE) {
        // Safe values are written as they are; other modes are minijinja's.
        return minijinja::escape_formatter(out, state, value);
    }
    let escaped = match value.as_str() {
        Some(text) => escape(text),
        None if value.is_undefined() || value.is_none() => value.to_string(),
        None => escape(&value.to_string()),
    };
    out.write_str(&escaped).map_err(minijinja::Error::from)
}

/// `|escape`, `|e`, `|cell`: the value escaped for Markdown, marked safe.
pub(super) fn escape_filter(value: &Value) -> Value {
    if value.is_safe() {
        return value.clone();
    }
    let text = value.as_str().map_or_else(|| value.to_string(), str::to_owned);
    Value::from_safe_string(escape(&text))
}

/// `|code`: the value as a Markdown code span, marked safe.
pub(super) fn code_filter(value: &Value) -> Value {
    let text = value.as_str().map_or_else(|| value.to_string(), str::to_owned);
    Value::from_safe_string(code(&text))
}

/// `|url`: the value as a link destination, every byte but the unreserved characters of
/// RFC 3986 and `/` percent-encoded, so no file name can end the link or open markup.
pub(super) fn url_filter(value: &Value) -> Value {
    let text = value.as_str().map_or_else(|| value.to_string(), str::to_owned);
    Value::from_safe_string(url(&clean(&text)))
}

/// `|yaml`: the value as a YAML scalar for the front matter, marked safe: plain when it can
/// only read back as itself, else double-quoted with JSON's escapes (a YAML double-quoted
/// scalar is a superset of a JSON string), so `Ada: CTO`, `!admin` or `{team lead}` keep the
/// front matter whole and read back as the same string.
pub(super) fn yaml_filter(value: &Value) -> Value {
    let text = value.as_str().map_or_else(|| value.to_string(), str::to_owned);
    Value::from_safe_string(yaml_scalar(&clean(&text)))
}

/// `text` as a YAML scalar (see [`yaml_filter`]).
pub fn yaml_scalar(text: &str) -> String {
    // Words YAML 1.1 readers take for booleans or null.
    const WORDS: [&str; 11] = [
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", "",
    ];
    let plain = text.starts_with(|c: char| c.is_ascii_alphabetic())
        && !text.ends_with(' ')
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '.' | '-' | '_' | ','))
        && !WORDS.contains(&text.to_ascii_lowercase().as_str());
    if plain {
        text.to_owned()
    } else {
        crate::text::json_safe(&serde_json::to_string(text).unwrap_or_default())
    }
}

/// `text` percent-encoded for a link destination.
pub fn url(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn push_escaped(out: &mut String, c: char) {
    out.push('\\');
    out.push(c);
}

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// Where the text, placed at the start of a line, would start a block that the escapes of
/// [`escape`] do not already stop: the byte index of the character to escape.
///
/// `-`, `+` or `=` followed by a space, another mark or nothing makes a list item, a
/// thematic break or a setext underline (`-3` and `-x` do not); up to nine digits followed
/// by `.` or `)` and a space or nothing make an ordered list item (`3.5` does not).
fn block_marker_at(text: &str) -> Option<usize> {
    let mut chars = text.chars();
    let first = chars.next()?;
    if matches!(first, '-' | '+' | '=') {
        let next = chars.next();
        return (!next.is_some_and(char::is_alphanumeric)).then_some(0);
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let mut rest = text[digits..].chars();
        let mark = rest.next();
        let after = rest.next();
        if matches!(mark, Some('.' | ')')) && after.is_none_or(char::is_whitespace) {
            return Some(digits);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_text_is_unchanged() {
        for text in [
            "The \"Batteries-Included\" Framework",
            "Authentication & permissions",
            "1,800+ contributors, 212,500+ StackOverflow questions",
            "~30 min for full project",
            "Django 3.0+ (ASGI)",
            "Pre-product-market-fit: use Flask. Ship fast!",
            "snake_case, -3 and 3.5",
            "café “quoted” ✓ 👩\u{200D}💻",
        ] {
            assert_eq!(escape(text), text);
        }
    }

    #[test]
    fn inline_markup_is_escaped() {
        assert_eq!(
            escape("a *b* _c_ `d` [e](f) g|h \\ i#"),
            r"a \*b\* \_c\_ \`d\` \[e\](f) g\|h \\ i\#"
        );
        assert_eq!(escape("~~gone~~"), r"\~\~gone\~\~");
        assert_eq!(
            escape("x <!-- y --> <script>z</script>"),
            "x &lt;!-- y --&gt; &lt;script&gt;z&lt;/script&gt;"
        );
        assert_eq!(escape("&lt; &#96; & ;"), r"&amp;lt; &amp;\#96; & ;");
    }

    #[test]
    fn block_starts_are_escaped() {
        for (text, escaped) in [
            ("# Title", r"\# Title"),
            ("- item", r"\- item"),
            ("+ item", r"\+ item"),
            ("---", r"\---"),
            ("===", r"\==="),
            ("* * *", r"\* \* \*"),
            ("___", r"\_\_\_"),
            ("> quote", "&gt; quote"),
            ("1. one", r"1\. one"),
            ("12) twelve", r"12\) twelve"),
            ("```rust", r"\`\`\`rust"),
            ("~~~", r"\~\~\~"),
            ("| a | b |", r"\| a \| b \|"),
            ("[x]: http://evil", r"\[x\]: http://evil"),
            ("    indented code", "indented code"),
        ] {
            assert_eq!(escape(text), escaped, "{text:?}");
        }
    }

    #[test]
    fn values_are_one_clean_line() {
        // Only the value's start can be at the start of a line.
        assert_eq!(escape("a\n# b\r\n---\u{1b}[2J\u{202E}"), r"a \# b ---\[2J");
        assert_eq!(escape("ends with two spaces  "), "ends with two spaces");
    }

    #[test]
    fn link_destinations_are_percent_encoded() {
        assert_eq!(url("0007-use-django.md"), "0007-use-django.md");
        assert_eq!(url("0007-a (b)<c>.md"), "0007-a%20%28b%29%3Cc%3E.md");
        assert_eq!(url("0007-café.md"), "0007-caf%C3%A9.md");
    }

    #[test]
    fn code_spans_cannot_end_early() {
        assert_eq!(code("django.admin-panel"), "`django.admin-panel`");
        assert_eq!(code("a`b``c"), "```a`b``c```");
        assert_eq!(code("`x"), "`` `x ``");
    }
}
