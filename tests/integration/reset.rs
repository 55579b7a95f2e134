//! `stackpick reset`: the answers the app autosaved for a decision are forgotten with
//! `--yes`, kept without it when nothing can be asked, and a missing file is said so.

use std::path::{Path, PathBuf};

use assert_cmd::cargo::cargo_bin_cmd;
use stackpick::decision::Decision;
use stackpick::score::{Answer, Answers};
use stackpick::state::StateStore;

/// Saves two answers of the embedded decision in `dir`, as the app would; the file's path.
fn save_two(dir: &Path) -> PathBuf {
    let decision = Decision::embedded();
    let mut store = StateStore::new(dir);
    let mut answers = Answers::default();
    let ids = decision.question_ids();
    answers.set(&ids[0], Some(Answer::Yes));
    answers.set(&ids[1], Some(Answer::No));
    store.save(&decision, &answers).expect("saved");
    store.path_for(&decision)
}

/// `stackpick reset ARGS` with this state directory and this standard input (a pipe, not a
/// terminal): exit code, standard output, standard error.
fn reset(state: &Path, args: &[&str], stdin: &str) -> (i32, String, String) {
    let output = cargo_bin_cmd!("stackpick")
        .arg("reset")
        .args(args)
        .env("STACKPICK_STATE_DIR", state)
        .env_remove("STACKPICK_CONFIG_DIR")
        .write_stdin(stdin)
        .output()
        .expect("the binary runs");
    (
        output.status.code().expect("an exit code"),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn reset_yes_removes_the_saved_answers_and_says_so() {
    let state = tempfile::tempdir().expect("a temp dir");
    let file = save_two(state.path());
    let (code, stdout, stderr) = reset(state.path(), &["--yes"], "");
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(!file.exists(), "the saved answers are gone");
    assert!(stdout.starts_with("Reset 2 answers saved for "), "{stdout}");
    assert!(stdout.contains("removed"), "{stdout}");
    let decision = Decision::embedded();
    let restored = StateStore::new(state.path()).peek(&decision).expect("readable");
    assert!(restored.is_none(), "nothing is saved any more");
}

#[test]
fn reset_without_a_terminal_or_yes_keeps_the_answers_and_exits_2() {
    let state = tempfile::tempdir().expect("a temp dir");
    let file = save_two(state.path());
    let before = std::fs::read(&file).expect("the file");
    let (code, stdout, stderr) = reset(state.path(), &[], "n\n");
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(
        stderr.contains("--yes"),
        "the refusal says how to reset: {stderr}"
    );
    assert!(stderr.contains("2 answers"), "it says what would go: {stderr}");
    assert_eq!(
        std::fs::read(&file).expect("still there"),
        before,
        "the answers are kept"
    );
}

#[test]
fn reset_with_no_saved_answers_says_so() {
    let state = tempfile::tempdir().expect("a temp dir");
    let (code, stdout, stderr) = reset(state.path(), &[], "");
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.starts_with("No saved answers for "), "{stdout}");
    assert!(stdout.contains("nothing to reset"), "{stdout}");
}
