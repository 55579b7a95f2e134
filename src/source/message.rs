//! ron's error messages in the file's words rather than the program's: ron names the Rust
//! type it was filling ("Expected opening `(` for struct `Session`", "in enum `ThemeName`"),
//! which means nothing to whoever wrote the file. Those parts are dropped or said plainly;
//! every other message is ron's own.

use ron::error::Error;

/// The message for a ron error, without Rust type names.
pub fn message(code: &Error) -> String {
    match code {
        Error::ExpectedNamedStructLike(_) | Error::ExpectedStructName(_) => "Expected opening `(`".to_owned(),
        Error::ExpectedOption => "Expected `Some(…)` or `None`".to_owned(),
        // ron's advice for Rust field names that are keywords; in a data file, a bad name.
        Error::SuggestRawIdentifier(found) => format!("Expected a name but found `{found}`"),
        Error::ExpectedDifferentStructName { found, .. } => {
            format!("Expected opening `(` but found the name `{found}`")
        }
        // The same messages without " in `Type`".
        Error::NoSuchStructField {
            expected,
            found,
            outer: Some(_),
        } => Error::NoSuchStructField {
            expected,
            found: found.clone(),
            outer: None,
        }
        .to_string(),
        Error::MissingStructField {
            field,
            outer: Some(_),
        } => Error::MissingStructField { field, outer: None }.to_string(),
        Error::DuplicateStructField {
            field,
            outer: Some(_),
        } => Error::DuplicateStructField { field, outer: None }.to_string(),
        Error::NoSuchEnumVariant { expected, found, .. } => {
            let names: Vec<String> = expected.iter().map(|name| format!("`{name}`")).collect();
            format!("Unknown value `{found}`; use one of {}", names.join(", "))
        }
        Error::InvalidValueForType { expected, found } => {
            format!("Expected {} but found {found} instead", plain(expected))
        }
        Error::ExpectedDifferentLength { expected, found } => {
            let count = match found {
                0 => "zero elements".to_owned(),
                1 => "one element".to_owned(),
                n => format!("{n} elements"),
            };
            format!("Expected {} but found {count} instead", plain(expected))
        }
        other => other.to_string(),
    }
}

/// What serde says it expected, in plain words: serde's derives name the type (`struct
/// Session`, `enum ThemeName`, `tuple variant Trigger::Any`), other values are already
/// plain ("a string").
fn plain(expected: &str) -> String {
    let kinds = [
        ("struct variant ", "a value in parentheses `( … )`"),
        ("tuple variant ", "a value in parentheses `( … )`"),
        ("unit struct ", "`()`"),
        ("tuple struct ", "a value in parentheses `( … )`"),
        ("struct ", "a value in parentheses `( … )`"),
        ("enum ", "a name"),
    ];
    if expected.ends_with(" identifier") {
        return "a name".to_owned();
    }
    kinds
        .iter()
        .find(|(prefix, _)| expected.starts_with(prefix))
        .map_or_else(|| expected.to_owned(), |(_, words)| (*words).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Type names as ron writes them: "struct `X`", "enum `X`", "variant `X`", or bare.
    fn has_type_name(message: &str) -> bool {
        ["struct `", "enum `", "variant `", "Session", "ThemeName"]
            .iter()
            .any(|word| message.contains(word))
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Session {
        name: String,
        theme: ThemeName,
        pair: (u32, u32),
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    enum ThemeName {
        Dark,
        Light,
    }

    #[test]
    fn messages_name_no_rust_type() {
        let cases = [
            "{}",
            "[1]",
            "Config(name: \"x\")",
            "(name: 1, theme: Dark, pair: (1, 2))",
            "(name: \"x\", theme: Blue, pair: (1, 2))",
            "(name: \"x\", theme: 3, pair: (1, 2))",
            "(name: \"x\", theme: Dark, pair: (1, 2), extra: 1)",
            "(name: \"x\", theme: Dark)",
            "(name: \"x\", name: \"y\", theme: Dark, pair: (1, 2))",
            "(name: \"x\", theme: Dark, pair: (1))",
            "(name: \"x\", theme: Dark, pair: 1)",
        ];
        for source in cases {
            let error = ron::from_str::<Session>(source).expect_err(source);
            let message = message(&error.code);
            assert!(
                !has_type_name(&message),
                "{source}: {message} (ron: {})",
                error.code
            );
            assert!(!message.is_empty());
        }
    }

    #[test]
    fn the_plain_messages_keep_what_was_found_and_what_is_allowed() {
        let error = ron::from_str::<Session>("(name: \"x\", theme: Blue, pair: (1, 2))").unwrap_err();
        assert_eq!(
            message(&error.code),
            "Unknown value `Blue`; use one of `Dark`, `Light`"
        );
        let error =
            ron::from_str::<Session>("(name: \"x\", theme: Dark, pair: (1, 2), extra: 1)").unwrap_err();
        assert_eq!(
            message(&error.code),
            "Unexpected field named `extra`, expected one of `name`, `theme`, or `pair` instead"
        );
        let error = ron::from_str::<Session>("(name: \"x\", theme: Dark)").unwrap_err();
        assert_eq!(message(&error.code), "Unexpected missing field named `pair`");
        let error = ron::from_str::<Option<Session>>("3").unwrap_err();
        assert_eq!(message(&error.code), "Expected `Some(…)` or `None`");
        let error = ron::from_str::<Session>("Config(name: \"x\")").unwrap_err();
        assert_eq!(
            message(&error.code),
            "Expected opening `(` but found the name `Config`"
        );
    }
}
