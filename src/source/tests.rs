//! Tests of reading, parsing and locating.

use super::*;

/// Every path visited, with its position, in order (keys marked with a trailing `#key`).
fn visits(source: &str) -> Vec<(String, Position)> {
    let mut out = Vec::new();
    walk(source, |path, position, is_key| {
        let path = if is_key {
            format!("{path}#key")
        } else {
            path.to_owned()
        };
        out.push((path, position));
        true
    });
    out
}

fn at(source: &str, path: &str) -> Option<Position> {
    locate(source, &[Target::Value(path.to_owned())])[0]
}

#[test]
fn the_walk_names_every_value_with_its_path() {
    let source = "Decision(\n  id: \"x\",\n  options: [\n    Choice(id: \"a\", threshold: 0, questions: []),\n  ],\n  values: {\"k\": 1},\n  option: Some(\"a\"),\n  pair: (1, 2),\n)";
    let paths: Vec<(String, Position)> = visits(source);
    let expect = [
        ("", (1, 1)),
        ("id", (2, 7)),
        ("options", (3, 12)),
        ("options[0]", (4, 5)),
        ("options[0].id", (4, 16)),
        ("options[0].threshold", (4, 32)),
        ("options[0].questions", (4, 46)),
        ("values", (6, 11)),
        ("values[\"k\"]#key", (6, 12)),
        ("values[\"k\"]", (6, 17)),
        ("option", (7, 11)),
        ("option", (7, 16)),
        ("pair", (8, 9)),
        ("pair[0]", (8, 10)),
        ("pair[1]", (8, 13)),
    ];
    let expect: Vec<(String, Position)> = expect.iter().map(|(p, pos)| ((*p).to_owned(), *pos)).collect();
    assert_eq!(paths, expect);
}

#[test]
fn strings_and_comments_cannot_move_a_position() {
    // A comment and a string that both look like the field come first.
    let source = "Decision(\n  // id: \"django\",\n  /* id: \"django\" /* nested */ */\n  note: \"id: \\\"django\\\"\",\n  raw: r#\"id: \"django\"\"#,\n  c: '\"',\n  id: \"django\",\n)";
    assert_eq!(at(source, "id"), Some((7, 7)));
    assert_eq!(at(source, "c"), Some((6, 6)));
}

#[test]
fn escaped_and_multi_byte_text_is_counted_in_characters() {
    let source = "(a: \"é\\u{200B}\\t\", b: \"\")";
    assert_eq!(at(source, "b"), Some((1, 23)));
}

#[test]
fn the_walk_stops_when_told() {
    let mut seen = 0;
    walk("[1, 2, 3, 4]", |_, _, _| {
        seen += 1;
        seen < 3
    });
    assert_eq!(seen, 3);
    // Located targets stop the walk early, but never before `Some(x)` reaches `x`.
    let source = "(a: Some(\"x\"), b: [1, 2])";
    assert_eq!(locate(source, &[Target::Value("a".into())]), [Some((1, 10))]);
}

#[test]
fn a_default_value_is_placed_at_its_nearest_ancestor() {
    let source = "(options: [(id: \"a\")])";
    assert_eq!(at(source, "options[0].weight"), Some((1, 12)));
    assert_eq!(at(source, "nothing.here"), Some((1, 1)));
    assert_eq!(at("", "x"), None);
}

#[test]
fn map_keys_are_found_by_their_quoted_value() {
    let source = "(keys: {\n  \"quit\": [\"q\", \"x\"],\n  \"a.b[\\\"c\\\"]\": [],\n})";
    let targets = [
        Target::Key("keys[\"quit\"]".into()),
        Target::Value("keys[\"quit\"][1]".into()),
        Target::Value("keys[\"a.b[\\\"c\\\"]\"]".into()),
        Target::Key("keys[\"missing\"]".into()),
    ];
    assert_eq!(
        locate(source, &targets),
        [Some((2, 3)), Some((2, 17)), Some((3, 17)), Some((1, 8))]
    );
}

#[test]
fn the_walk_stops_quietly_on_text_it_does_not_understand() {
    for source in [
        "(a: [1, 2",
        "(a: }",
        "[[[[",
        "(a: \"open",
        "/* open",
        "r#\"x",
        "(a: 1 b: 2)",
    ] {
        let _ = visits(source);
    }
    let deep = "[".repeat(10_000);
    assert_eq!(visits(&deep).len(), walk::MAX_DEPTH + 1);
}

#[test]
fn a_byte_order_mark_is_skipped() {
    let value: (u32,) = parse("\u{feff}(1,)").expect("parses");
    assert_eq!(value, (1,));
    assert_eq!(text(b"\xef\xbb\xbf(1)".to_vec(), "a file").unwrap(), "(1)");
    assert_eq!(at("\u{feff}(a: 1)", "a"), Some((1, 5)));
}

#[test]
fn bytes_that_are_not_utf8_are_placed() {
    let error = text(b"(\n  a: \"ok\xff\")".to_vec(), "a session file").unwrap_err();
    assert_eq!(
        error,
        SyntaxError {
            line: 2,
            col: 9,
            message: "invalid UTF-8: a session file must be UTF-8 text".into()
        }
    );
}

#[test]
fn parent_paths() {
    assert_eq!(parent("a.b[2].c"), Some("a.b[2]"));
    assert_eq!(parent("a.b[2]"), Some("a.b"));
    assert_eq!(parent("a"), Some(""));
    assert_eq!(parent(""), None);
    assert_eq!(parent("m[\"x.y[1]\"]"), Some("m"));
}
