//! Hostile input never shows a type of the program: every file a user writes (a decision, a
//! session, the saved answers) that ron rejects is explained in the file's words, naming the
//! field and what it may hold. (The config file, read only by the interactive app, is tested on
//! a pty in `pty_exit.rs`.)

use assert_cmd::cargo::cargo_bin_cmd;

/// What a message must never contain: ron's and serde's names for the program's types.
pub const INTERNAL: &[&str] = &[
    "enum `",
    "struct `",
    "variant `",
    "`Option<",
    "`Vec<",
    "`BTreeMap<",
];

/// Runs the binary with a temp state dir; returns the exit code and stderr.
fn run(args: &[&str], state: &std::path::Path) -> (i32, String) {
    let output = cargo_bin_cmd!("stackpick")
        .args(args)
        .env("STACKPICK_STATE_DIR", state)
        .env_remove("STACKPICK_CONFIG_DIR")
        .write_stdin("")
        .output()
        .expect("the binary runs");
    (
        output.status.code().expect("an exit code"),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[track_caller]
fn assert_in_words(stderr: &str, want: &str) {
    for internal in INTERNAL {
        assert!(!stderr.contains(internal), "{internal:?} in: {stderr}");
    }
    assert!(stderr.contains(want), "want {want:?} in: {stderr}");
}

/// Hostile sessions, each with the words its error must have.
const SESSIONS: &[(&str, &str)] = &[
    (
        "Session(decision: \"web-frameworks\", status: Some(Maybe))",
        "status must be one of: ",
    ),
    (
        "Session(decision: \"web-frameworks\", status: Some(\"accepted\"))",
        "status: expected a name",
    ),
    (
        "Session(decision: \"web-frameworks\", colour: 1)",
        "unknown field colour; the fields are: decision,",
    ),
    ("Session(answers: [])", "missing field decision"),
    (
        "Session(decision: \"web-frameworks\", stage: 3)",
        "stage: expected Some(…) or None",
    ),
    (
        "Session(decision: \"web-frameworks\", answers: \"django.admin-panel\")",
        "answers: expected a list",
    ),
    (
        "Session(decision: \"web-frameworks\", notes: [])",
        "notes: expected a map",
    ),
    ("Session(decision: 7)", "decision: expected a string in quotes"),
    (
        "Config(decision: \"web-frameworks\")",
        "unexpected name Config before `(`",
    ),
    (
        "Session(decision: \"web-frameworks\", deciders: [1])",
        "deciders[0]: expected a string in quotes",
    ),
];

#[test]
fn a_hostile_session_file_is_explained_in_the_files_words() {
    let dir = tempfile::tempdir().unwrap();
    for (i, (text, want)) in SESSIONS.iter().enumerate() {
        let path = dir.path().join(format!("s{i}.ron"));
        std::fs::write(&path, text).unwrap();
        let (code, stderr) = run(&["score", "--session", path.to_str().unwrap()], dir.path());
        assert_eq!(code, 2, "{text}: {stderr}");
        assert_in_words(&stderr, want);
    }
}

#[test]
fn hostile_saved_answers_are_explained_in_the_files_words() {
    for (text, want) in SESSIONS {
        let state = tempfile::tempdir().unwrap();
        std::fs::write(state.path().join("web-frameworks.ron"), text).unwrap();
        let (code, stderr) = run(&["score", "--saved"], state.path());
        assert_ne!(code, 0, "{text}: {stderr}");
        assert_in_words(&stderr, want);
    }
}

#[test]
fn a_hostile_decision_file_is_explained_in_the_files_words() {
    let good = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/good/mini.ron"
    ))
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            good.replacen("threshold:", "threshhold:", 1),
            "unknown field threshhold; the fields are: id,",
        ),
        (
            good.replacen("Decision(", "Decisoin(", 1),
            "unexpected name Decisoin before `(`",
        ),
        (String::new(), "expected `(`"),
    ];
    for (i, (text, want)) in cases.iter().enumerate() {
        assert_ne!(text, &good, "the case changes the file");
        let path = dir.path().join(format!("d{i}.ron"));
        std::fs::write(&path, text).unwrap();
        let (code, stderr) = run(&["check", path.to_str().unwrap()], dir.path());
        assert_eq!(code, 2, "{stderr}");
        assert_in_words(&stderr, want);
    }
}
