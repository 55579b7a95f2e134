//! ron's error messages in the words of the file, not of the program: ron names the Rust types
//! it was filling ("Unexpected variant named `Purple` in enum `ThemeName`", "Expected struct
//! `Config` but found…"), which mean nothing to whoever wrote the file. Here each such error
//! says which field is wrong and what it may hold ("theme must be one of: Dark, Light (not
//! Purple)"), with the field found from the error's position by the same walk that places
//! problems found after parsing.

use ron::error::Error;

use crate::source::walk::{Position, walk};

/// The message for a ron error at `position` in `source`.
pub(super) fn describe(code: &Error, source: &str, position: Position) -> String {
    match code {
        Error::NoSuchEnumVariant { expected, found, .. } => {
            let allowed = list(expected);
            match value_path(source, position) {
                Some(path) => format!("{path} must be one of: {allowed} (not {found})"),
                None => format!("{found} is not one of: {allowed}"),
            }
        }
        Error::NoSuchStructField { expected, found, .. } => {
            let place = field_parent(source, position, found)
                .filter(|p| !p.is_empty())
                .map_or(String::new(), |p| format!("{p}: "));
            if expected.is_empty() {
                format!("{place}unknown field {found}: this takes no fields")
            } else {
                format!("{place}unknown field {found}; the fields are: {}", list(expected))
            }
        }
        Error::MissingStructField { field, .. } => format!("missing field {field}"),
        Error::DuplicateStructField { field, .. } => format!("field {field} is given twice"),
        Error::InvalidValueForType { expected, found } => {
            let expected = expected_words(expected);
            at_value(source, position, &format!("expected {expected}, found {found}"))
        }
        Error::ExpectedDifferentStructName { found, .. } => {
            format!("unexpected name {found} before `(`: write `(` alone")
        }
        Error::ExpectedNamedStructLike(_) => at_value(source, position, "expected `(`"),
        Error::ExpectedStructName(_) => "expected a name before `(`".to_owned(),
        // Where a value of the wrong kind starts: say which field, and what it takes.
        Error::ExpectedBoolean => at_value(source, position, "expected true or false"),
        Error::ExpectedInteger => at_value(source, position, "expected a whole number"),
        Error::IntegerOutOfBounds => match last_value_path(source, position) {
            Some(path) if !path.is_empty() => format!("{path}: number out of range"),
            _ => "number out of range".to_owned(),
        },
        Error::ExpectedFloat => at_value(source, position, "expected a number"),
        Error::ExpectedString => at_value(source, position, "expected a string in quotes"),
        Error::ExpectedOption => at_value(source, position, "expected Some(…) or None"),
        Error::ExpectedMap => at_value(source, position, "expected a map `{ … }`"),
        Error::ExpectedArray => at_value(source, position, "expected a list `[ … ]`"),
        Error::ExpectedIdentifier => at_value(source, position, "expected a name (without quotes)"),
        // ron's advice for Rust field names that are keywords; in a data file, a bad name.
        Error::SuggestRawIdentifier(found) => at_value(
            source,
            position,
            &format!("expected a name (without quotes), found {found}"),
        ),
        other => other.to_string(),
    }
}

/// The message, after the path of the value at `position` when there is one.
fn at_value(source: &str, position: Position, message: &str) -> String {
    match value_path(source, position) {
        Some(path) if !path.is_empty() => format!("{path}: {message}"),
        _ => message.to_owned(),
    }
}

/// Names as a list: `Dark, Light`.
fn list(names: &[&str]) -> String {
    names.join(", ")
}

/// What serde expected, in the file's words: a type name becomes the shape it is written in.
fn expected_words(expected: &str) -> String {
    let words = match expected {
        e if e.starts_with("struct ") || e.starts_with("tuple struct ") => "a `( … )` group",
        e if e.starts_with("enum ") => "a name (without quotes)",
        "option" => "Some(…) or None",
        "a boolean" | "bool" => "true or false",
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => "a whole number of 0 or more",
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => "a whole number",
        "f32" | "f64" => "a number",
        "a sequence" => "a list `[ … ]`",
        "a map" => "a map `{ … }`",
        other => other,
    };
    words.to_owned()
}

/// The document path of the value at `position`: ron places a value's error at the value or
/// at the blank before it, so it is the first value the walk finds there or after.
fn value_path(source: &str, position: Position) -> Option<String> {
    let mut found = None;
    walk(source, |path, at, is_key| {
        if at < position || is_key {
            return true;
        }
        found = Some(path.to_owned());
        false
    });
    found
}

/// The document path of the value that `position` is in: ron places a number's range error
/// inside it, so it is the last value the walk finds that starts there or before.
fn last_value_path(source: &str, position: Position) -> Option<String> {
    let mut found = None;
    walk(source, |path, at, is_key| {
        if at > position {
            return false;
        }
        if !is_key {
            found = Some(path.to_owned());
        }
        true
    });
    found
}

/// The path of the structure holding the field `name` written at `position`: the first value
/// after it is the field's, whose path ends in `.name`.
fn field_parent(source: &str, position: Position, name: &str) -> Option<String> {
    let mut found = None;
    walk(source, |path, at, _| {
        if at <= position {
            return true;
        }
        if let Some(parent) = path.strip_suffix(name).and_then(|p| p.strip_suffix('.')) {
            found = Some(parent.to_owned());
        } else if path == name {
            found = Some(String::new());
        }
        false
    });
    found
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Deserialize;

    use crate::source::parse;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Config {
        #[serde(default)]
        theme: ThemeName,
        #[serde(default)]
        inner: Option<Inner>,
        #[serde(default)]
        keys: BTreeMap<String, Vec<String>>,
        #[serde(default)]
        count: u32,
    }

    #[derive(Debug, Default, Deserialize)]
    enum ThemeName {
        #[default]
        Dark,
        Light,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        name: String,
        flag: bool,
    }

    fn message(source: &str) -> String {
        let e = parse::<Config>(source).expect_err("refused");
        format!("{}:{}: {}", e.line, e.col, e.message)
    }

    #[test]
    fn errors_name_fields_and_what_they_take_never_a_type() {
        let cases = [
            (
                "Config(theme: Purple)",
                "1:15: theme must be one of: Dark, Light (not Purple)",
            ),
            (
                "(theme: \"Light\")",
                "1:9: theme: expected a name (without quotes)",
            ),
            (
                "(inner: Some((name: \"a\", flag: true, colour: 1)))",
                "1:38: inner: unknown field colour; the fields are: name, flag",
            ),
            (
                "(colour: 1)",
                "1:2: unknown field colour; the fields are: theme, inner, keys, count",
            ),
            ("(inner: Some((name: \"a\")))", "1:24: missing field flag"),
            (
                "(inner: Some((name: \"a\", name: \"b\", flag: true)))",
                "1:26: field name is given twice",
            ),
            (
                "(inner: Some((name: \"a\", flag: 3)))",
                "1:31: inner.flag: expected true or false",
            ),
            ("(count: -1)", "1:10: count: number out of range"),
            ("(inner: 3)", "1:8: inner: expected Some(…) or None"),
            ("(keys: [])", "1:7: keys: expected a map `{ … }`"),
            ("(inner: Some(\"x\"))", "1:14: inner: expected `(`"),
            (
                "(inner: Some((name: 2, flag: true)))",
                "1:20: inner.name: expected a string in quotes",
            ),
            (
                "Settings(count: 1)",
                "1:1: unexpected name Settings before `(`: write `(` alone",
            ),
            ("", "1:1: expected `(`"),
        ];
        let mut wrong = Vec::new();
        for (source, want) in cases {
            let got = message(source);
            if got != want {
                wrong.push(format!("{source}\n  got:  {got}\n  want: {want}"));
            }
            for internal in [
                "enum `",
                "struct `",
                "variant `",
                "`Option<",
                "ThemeName",
                "Inner",
            ] {
                assert!(!got.contains(internal), "{source}: {got}");
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }
}
