//! Every value of the wrong type in a file, not only the first: ron stops at the first error,
//! so each wrong value is reported, then stood in for by a value of the kind expected, and
//! the text parsed again, until it parses or an error is not one of a value's kind.
//!
//! A stand-in takes the wrong value's place and keeps its line breaks, so what follows keeps
//! its position; when the stand-in is longer than the value's first line, the rest of that
//! line moves, and positions found later on it are moved back.

use ron::error::Error;
use serde::de::DeserializeOwned;

use super::message;
use super::syntax::SyntaxError;
use super::walk::{Position, value_span};

/// The most errors collected: beyond them, a file is not worth reading further.
const MOST: usize = 200;

/// Parses `source` (without a byte-order mark) as [`super::parse`] does, but on an error that
/// is a value of the wrong kind, goes on to find every other such error. The first error is
/// the one `parse` gives.
pub fn parse_every<T: DeserializeOwned>(source: &str) -> Result<T, Vec<SyntaxError>> {
    match parse_standing_in(source) {
        (Some(value), errors) if errors.is_empty() => Ok(value),
        (_, errors) => Err(errors),
    }
}

/// [`parse_every`], with the value the stand-ins gave when they made the text parse, so that
/// a caller can check the rest of it too (a config's keys and colours beside a bad theme).
pub fn parse_standing_in<T: DeserializeOwned>(source: &str) -> (Option<T>, Vec<SyntaxError>) {
    let mut text = source.to_owned();
    let mut errors: Vec<SyntaxError> = Vec::new();
    // Each stand-in that moved the rest of its line: (line, column after it, how far).
    let mut moves: Vec<(usize, usize, usize)> = Vec::new();
    loop {
        let e = match ron::from_str::<T>(&text) {
            Ok(value) => return (Some(value), errors),
            Err(e) => e,
        };
        let position = (e.span.start.line, e.span.start.col);
        let stand_in = stand_in(&e.code);
        // After the first, only errors of a value's kind are reported: any other could be an
        // effect of a stand-in (a `( … )` group missing its fields).
        if !errors.is_empty() && stand_in.is_none() {
            return (None, errors);
        }
        let (line, col) = moved_back(position, &moves);
        errors.push(SyntaxError {
            line,
            col,
            message: message::describe(&e.code, &text, position),
        });
        let inside = matches!(e.code, Error::IntegerOutOfBounds);
        let (Some(stand_in), Some((start, end))) = (stand_in, value_span(&text, position, inside)) else {
            return (None, errors);
        };
        if errors.len() >= MOST {
            return (None, errors);
        }
        let (replacement, moved) = replacement(&text[start..end], stand_in);
        if moved > 0 {
            let value_start = position_of(&text, start);
            moves.push((value_start.0, value_start.1 + stand_in.chars().count(), moved));
        }
        text.replace_range(start..end, &replacement);
    }
}

/// A value of the kind the error expected, when it is one of a value's kind.
fn stand_in(code: &Error) -> Option<&'static str> {
    Some(match code {
        Error::ExpectedInteger | Error::IntegerOutOfBounds => "0",
        Error::ExpectedFloat => "0.0",
        Error::ExpectedString => "\"\"",
        Error::ExpectedBoolean => "false",
        Error::ExpectedArray => "[]",
        Error::ExpectedMap => "{}",
        Error::ExpectedOption => "None",
        // An enum's unknown variant: its first one.
        Error::NoSuchEnumVariant { expected, .. } => expected.first()?,
        Error::InvalidValueForType { expected, .. } => match expected.as_str() {
            "u8" | "u16" | "u32" | "u64" | "u128" | "usize" | "i8" | "i16" | "i32" | "i64" | "i128"
            | "isize" => "0",
            "f32" | "f64" => "0.0",
            "a string" | "string" => "\"\"",
            "a boolean" | "bool" => "false",
            "a sequence" => "[]",
            "a map" => "{}",
            "option" => "None",
            _ => return None,
        },
        _ => return None,
    })
}

/// The stand-in with the value's line breaks kept, and how many columns it moves the rest of
/// the value's first line.
fn replacement(value: &str, stand_in: &str) -> (String, usize) {
    let first_line = value.split('\n').next().unwrap_or_default().chars().count();
    let width = stand_in.chars().count();
    let mut out = String::with_capacity(value.len() + width);
    out.push_str(stand_in);
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    out.extend(value.chars().skip(width.min(first_line)).map(blank));
    (out, width.saturating_sub(first_line))
}

/// The line and column of byte `at` of `text`.
fn position_of(text: &str, at: usize) -> Position {
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// A position in the text with stand-ins, in the original text.
fn moved_back((line, mut col): Position, moves: &[(usize, usize, usize)]) -> Position {
    for &(moved_line, after, by) in moves.iter().rev() {
        if moved_line == line && col >= after {
            col -= by;
        }
    }
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Thing {
        name: String,
        count: u32,
        tags: Vec<String>,
        on: bool,
    }

    fn places(source: &str) -> Vec<(usize, usize, String)> {
        parse_every::<Thing>(source)
            .unwrap_err()
            .into_iter()
            .map(|e| (e.line, e.col, e.message))
            .collect()
    }

    #[test]
    fn every_wrong_kind_is_placed_in_the_original_text() {
        // `5` stands in as `""`, a column longer: `count`'s place is still the original one.
        let found = places("(name: 5, count: \"x\",\n tags: \"a\", on: [\n 1])");
        assert_eq!(
            found,
            [
                (1, 7, "name: expected a string in quotes".to_owned()),
                (1, 17, "count: expected a whole number".to_owned()),
                (2, 7, "tags: expected a list `[ … ]`".to_owned()),
                (2, 16, "on: expected true or false".to_owned()),
            ]
        );
    }

    #[test]
    fn after_the_first_only_wrong_kinds_are_reported() {
        // A missing field after a wrong kind may be the stand-in's doing: it is not reported.
        let found = places("(name: 5, count: 1, tags: [])");
        assert_eq!(found, [(1, 7, "name: expected a string in quotes".to_owned())]);
        // A first error of another kind is the one error, as `parse` gives it.
        let found = places("(name: \"a\", count: 1, tags: [], on: true, extra: 1)");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].2.contains("unknown field extra"), "{found:?}");
    }
}
