//! The template environment of the SVG and HTML exports: HTML auto-escape, which is also
//! valid XML, so every `{{ value }}` of data is escaped in both files.
//!
//! It is separate from the Markdown record's environment, whose formatter escapes for
//! Markdown instead. Here the formatter cleans text of control and bidi characters (most
//! controls cannot appear in XML at all, not even as character references) and then
//! escapes `<`, `>`, `&`, `"`, `'` and `/`.

use minijinja::{AutoEscape, Environment, HtmlEscape, Output, State, UndefinedBehavior, Value};

use crate::text::clean;

/// The SVG template's name.
pub(super) const SVG: &str = "decision.svg.j2";
/// The HTML template's name.
pub(super) const HTML: &str = "decision.html.j2";

/// The environment with both built-in templates loaded.
pub(super) fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.set_keep_trailing_newline(true);
    // A misspelt variable is an error caught by the tests, not a silently empty element.
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.set_formatter(formatter);
    for (name, source) in [
        (SVG, include_str!("../../assets/templates/decision.svg.j2")),
        (HTML, include_str!("../../assets/templates/decision.html.j2")),
    ] {
        // Both templates are compiled by every test that exports SVG or HTML.
        env.add_template(name, source)
            .unwrap_or_else(|e| panic!("the built-in template {name} does not compile: {e}"));
    }
    env
}

/// `raw` fit for XML and HTML text: one line, without controls, bidi or format characters
/// ([`clean`]) and without the two noncharacters XML forbids.
pub fn text(raw: &str) -> String {
    clean(raw)
        .chars()
        .filter(|c| !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
        .collect()
}

/// Writes a value: safe values as they are, everything else cleaned ([`text`]) and escaped.
fn formatter(out: &mut Output, state: &State, value: &Value) -> Result<(), minijinja::Error> {
    if value.is_safe() {
        return minijinja::escape_formatter(out, state, value);
    }
    let raw = value.as_str().map_or_else(|| value.to_string(), str::to_owned);
    write!(out, "{}", HtmlEscape(&text(&raw))).map_err(minijinja::Error::from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use minijinja::context;

    #[test]
    fn values_are_cleaned_and_escaped() {
        let env = environment();
        let out = env
            .render_str(
                "<t a=\"{{ v }}\">{{ v }}</t>",
                context! { v => "<script>\"x\" & 'y' </svg>]]>\u{1b}[2J\u{202e}\u{ffff}" },
            )
            .unwrap();
        assert_eq!(
            out,
            "<t a=\"&lt;script&gt;&quot;x&quot; &amp; &#x27;y&#x27; &lt;&#x2f;svg&gt;]]&gt;[2J\">\
             &lt;script&gt;&quot;x&quot; &amp; &#x27;y&#x27; &lt;&#x2f;svg&gt;]]&gt;[2J</t>"
        );
    }
}
