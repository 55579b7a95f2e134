//! Malformed session and decision files are refused in the file's words: the place, and what
//! was expected, never the name of a Rust type ("struct `Session`", "enum `Status`").

use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;

/// Words that only the program's types could have put in a message.
const TYPE_WORDS: [&str; 9] = [
    "struct `",
    "enum `",
    "variant `",
    "`Session`",
    "`Decision`",
    "`Status`",
    "`Stage`",
    "`Question`",
    "`Choice`",
];

/// Runs `stackpick ARGS... FILE` on `contents` and returns standard error, after checking the
/// exit code (2, bad input) and the place.
fn refused(args: &[&str], contents: &str, dir: &Path) -> String {
    let file = dir.join("input.ron");
    std::fs::write(&file, contents).expect("write");
    let output = cargo_bin_cmd!("stackpick")
        .current_dir(dir)
        .args(args)
        .arg("input.ron")
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(2), "{contents}: {stderr}");
    assert!(stderr.contains("input.ron:"), "{stderr}");
    // A name the file itself wrote may be quoted back ("found the name `Decision`").
    for word in TYPE_WORDS
        .iter()
        .filter(|w| !contents.contains(w.trim_matches('`')))
    {
        assert!(
            !stderr.contains(word),
            "{contents}\n-> {stderr}names a type ({word})"
        );
    }
    stderr
}

#[test]
fn malformed_sessions_are_refused_without_type_names() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cases = [
        ("{}", "1:1: expected `(`"),
        ("[1, 2]", "1:1: expected `(`"),
        (
            "Foo(decision: \"web-frameworks\")",
            "unexpected name Foo before `(`",
        ),
        (
            "Decision(decision: \"web-frameworks\")",
            "unexpected name Decision before `(`",
        ),
        (
            "(decision: \"web-frameworks\", status: Some(Bogus))",
            "status must be one of: proposed, accepted, rejected, deprecated, superseded (not Bogus)",
        ),
        (
            "(decision: \"web-frameworks\", status: Some(3))",
            "expected a name (without quotes), found 3",
        ),
        (
            "(decision: \"web-frameworks\", status: 3)",
            "status: expected Some(…) or None",
        ),
        (
            "(decision: \"web-frameworks\", bogus: 1)",
            "unknown field bogus; the fields are: decision, by, answers",
        ),
        ("(answers: [])", "missing field decision"),
        (
            "(decision: \"web-frameworks\", decision: \"x\")",
            "field decision is given twice",
        ),
        (
            "(decision: \"web-frameworks\", notes: [1])",
            "notes: expected a map `{ … }`",
        ),
    ];
    for (contents, expected) in cases {
        let stderr = refused(&["score", "--session"], contents, dir.path());
        assert!(stderr.contains(expected), "{contents}: {stderr}");
    }
}

#[test]
fn malformed_decision_files_are_refused_without_type_names() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mini = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/good/mini.ron"
    ))
    .expect("mini.ron");
    let cases = [
        ("{}".to_owned(), "1:1: expected `(`"),
        (
            "Session(id: \"x\")".to_owned(),
            "unexpected name Session before `(`",
        ),
        (
            "(id: \"x\", kind: 1)".to_owned(),
            "unknown field kind; the fields are: id, title",
        ),
        (
            mini.replacen("Stage(id: \"solo\"", "Stage(idx: \"solo\"", 1),
            "stages[1]: unknown field idx",
        ),
        (
            mini.replacen("Question(id: \"security\"", "Questio(id: \"security\"", 1),
            "unexpected name Questio before `(`",
        ),
        (mini.replacen("id: \"mini\",", "", 1), "missing field id"),
    ];
    for (contents, expected) in cases {
        for args in [&["check"][..], &["score", "--data"]] {
            let stderr = refused(args, &contents, dir.path());
            assert!(stderr.contains(expected), "{args:?} {contents}: {stderr}");
        }
    }
}
