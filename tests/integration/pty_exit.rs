//! What the interactive app says on the way out, on a real pseudo-terminal: a config file it
//! refuses is explained in the file's words (never a type of the program), and quitting after
//! a save failed says the answers were NOT saved, on stderr, with exit code 1.

#![cfg(unix)]

use crate::support::pty::PtyApp;

/// ron's and serde's names for the program's types, which no message may show.
const INTERNAL: &[&str] = &[
    "enum `",
    "struct `",
    "variant `",
    "`Option<",
    "`Vec<",
    "`BTreeMap<",
];

#[test]
fn a_hostile_config_is_explained_in_the_files_words_and_exits_2() {
    let cases = [
        (
            "Config(theme: Purple)",
            "config.ron:1:15: theme must be one of: Auto, Dark, Light (not Purple)",
        ),
        (
            "Config(theme: \"Light\")",
            "config.ron:1:15: theme: expected a name (without quotes)",
        ),
        (
            "Config(colour: {})",
            "config.ron:1:8: unknown field colour; the fields are: theme, keys, name, colors",
        ),
        (
            "Config(colors: {\"muted\": true})",
            "config.ron:1:26: colors[\"muted\"]: expected a colour: \"#rrggbb\"",
        ),
        (
            "Config(colors: {\"accnet\": \"red\"})",
            "config.ron:1:17: colors: unknown role \"accnet\" (roles: accent,",
        ),
        (
            "Config(colors: {\"muted\": \"greyish\"})",
            "config.ron:1:26: colors.muted: \"greyish\" is not a colour; use \"#rrggbb\"",
        ),
        ("Config(keys: [])", "config.ron:1:13: keys: expected a map"),
        (
            "Config(name: Some(\"Ada\"))",
            "config.ron:1:13: name: expected a string in quotes",
        ),
        (
            "Settings()",
            "config.ron:1:1: unexpected name Settings before `(`",
        ),
    ];
    for (config, want) in cases {
        let mut app = PtyApp::start(|_, root| {
            std::fs::write(root.join("config/config.ron"), config).expect("write the config");
        });
        let code = app.exit_code();
        let text = app.text();
        assert_eq!(code, 2, "{config}: {text}");
        assert!(text.contains(want), "{config}: want {want:?}; got {text}");
        for internal in INTERNAL {
            assert!(!text.contains(internal), "{config}: {internal:?} in {text}");
        }
    }
}

#[test]
fn quitting_after_a_failed_save_says_the_answers_were_not_saved_and_exits_1() {
    // The state directory is a file: no save can succeed.
    let mut app = PtyApp::start(|command, root| {
        let file = root.join("state-is-a-file");
        std::fs::write(&file, "").expect("write");
        command.env("STACKPICK_STATE_DIR", file);
    });
    app.wait_for("TL;DR");
    app.keys("4");
    app.wait_for("Questions · 0 of");
    app.keys("y");
    app.wait_for("cannot save answers");
    app.keys("q");
    let code = app.exit_code();
    let text = app.text();
    assert_eq!(code, 1, "{text}");
    let after = &text[text.rfind("cannot save answers").unwrap()..];
    assert!(
        after.contains("stackpick: answers NOT saved: cannot create "),
        "said on exit: {after}"
    );
    assert!(!after.contains("answers saved in"), "{after}");
    // They are kept where a file could be written, and the exit says where.
    let kept = app.path("work").join("stackpick-web-frameworks-answers.ron");
    assert!(
        after.replace(['\r', '\n'], "").contains("they are kept in "),
        "said on exit: {after}"
    );
    let session = std::fs::read_to_string(&kept).expect("the answers are kept");
    assert!(session.contains("\"django.admin-panel\""), "{session}");
}

#[test]
fn a_save_that_fails_then_succeeds_exits_0_with_the_answers_saved() {
    let mut app = PtyApp::start(|_, _| {});
    app.wait_for("TL;DR");
    // The state directory goes away under the app, and a file takes its place.
    let state = app.path("state");
    std::fs::remove_dir_all(&state).expect("remove the state dir");
    std::fs::write(&state, "").expect("a file in its place");
    app.keys("4");
    app.wait_for("Questions · 0 of");
    app.keys("y");
    app.wait_for("cannot save answers");
    // It comes back: the next save succeeds, and nothing is lost.
    std::fs::remove_file(&state).expect("remove the file");
    // y moved to the next question.
    app.keys("y");
    app.wait_for("Questions · 2 of");
    app.keys("q");
    let code = app.exit_code();
    let text = app.text();
    assert_eq!(code, 0, "{text}");
    assert!(!text.contains("NOT saved"), "{text}");
    let saved = std::fs::read_to_string(state.join("web-frameworks.ron")).expect("saved");
    assert!(
        saved.contains("django.admin-panel") && saved.contains("django.permissions"),
        "{saved}"
    );
}

/// `stackpick --session FILE`: the start says where answers go, an answer given in the app
/// is saved to FILE (not to the state directory), and the exit says how to export it.
#[test]
fn a_session_file_opened_is_the_file_saved() {
    let mut app = PtyApp::start(|command, root| {
        let made = std::process::Command::new(crate::support::stackpick())
            .current_dir(root.join("work"))
            .args(["export", "--format", "ron", "-o", "alice.ron", "--by", "Alice"])
            .args(["--yes", "django.admin-panel"])
            .output()
            .expect("export a session");
        assert!(made.status.success(), "{made:?}");
        command.args(["--session", "alice.ron"]);
    });
    app.wait_for("saved to alice.ron");
    app.type_bytes(b"4");
    app.wait_for("Questions ·");
    app.type_bytes(b"jy");
    app.wait_for("2 of 12 answered");
    app.type_bytes(b"q");
    assert_eq!(app.wait_exit().code(), Some(0));
    let saved = std::fs::read_to_string(app.path("work/alice.ron")).expect("the session file");
    assert!(
        saved.contains("django.admin-panel") && saved.contains("django.permissions"),
        "{saved}"
    );
    assert!(
        !app.path("state/web-frameworks.ron").exists(),
        "nothing in the state directory"
    );
    let printed = String::from_utf8_lossy(&app.transcript);
    assert!(
        printed.contains("answers saved in alice.ron; export them with: stackpick export --session alice.ron -o decision.md"),
        "{printed}"
    );
}
