//! The autosave store: answers survive a save and load; corrupt, stale and missing files are
//! told apart; the directory follows `$STACKPICK_STATE_DIR` and `$XDG_STATE_HOME`.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use etcetera::BaseStrategy;
use stackpick::decision::Decision;
use stackpick::score::Answers;
use stackpick::state::{StateStore, state_dir};

fn answers(decision: &Decision, yes: &[&str], stage: Option<&str>) -> Answers {
    Answers::new(decision, yes, stage).expect("valid ids")
}

#[test]
fn saved_answers_load_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = StateStore::new(dir.path());
    let decision = Decision::embedded();
    let saved = answers(
        &decision,
        &["django.admin-panel", "flask.rest-api", "flask.own-tools"],
        Some("solo"),
    );
    store.save(&decision, &saved).unwrap();
    assert_eq!(store.load(&decision).unwrap().map(|r| r.answers), Some(saved));
}

#[test]
fn a_later_save_replaces_the_earlier_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = StateStore::new(dir.path());
    let decision = Decision::embedded();
    store
        .save(
            &decision,
            &answers(&decision, &["django.admin-panel"], Some("pre-pmf")),
        )
        .unwrap();
    let later = answers(&decision, &["flask.prototype"], None);
    store.save(&decision, &later).unwrap();
    assert_eq!(store.load(&decision).unwrap().map(|r| r.answers), Some(later));
    // One file per decision, and no temporary file left beside it.
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec![OsString::from("web-frameworks.ron")]);
}

#[test]
fn the_file_is_named_after_the_decision_and_is_a_session() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = StateStore::new(dir.path().join("nested").join("state"));
    let decision = Decision::embedded();
    let path = store.path_for(&decision);
    assert_eq!(path, dir.path().join("nested/state/web-frameworks.ron"));
    // The directory is created on the first save.
    store
        .save(&decision, &answers(&decision, &["django.security"], None))
        .unwrap();
    let text = fs::read_to_string(&path).unwrap();
    let session = stackpick::session::Session::parse(&text, "state").unwrap();
    assert_eq!(session.decision, "web-frameworks");
    assert_eq!(session.answers, vec!["django.security".to_owned()]);
    assert_eq!(session.stage, None);
}

#[test]
fn no_file_is_no_saved_answers() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = StateStore::new(dir.path().join("never-created"));
    assert_eq!(store.load(&Decision::embedded()), Ok(None));
}

#[test]
fn a_corrupt_file_is_an_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = StateStore::new(dir.path());
    let decision = Decision::embedded();
    let path = store.path_for(&decision);
    for corrupt in [
        "Session(decision: \"web-frameworks\", answers: [",
        "\u{0}\u{1}garbage",
        "",
    ] {
        fs::write(&path, corrupt).unwrap();
        let message = store.load(&decision).unwrap_err();
        assert!(message.contains(&path.display().to_string()), "{message}");
        assert!(message.contains("corrupt"), "{message}");
        assert!(
            !message.contains('\n'),
            "one line for the status bar: {message:?}"
        );
    }
    fs::write(&path, [0xff, 0xfe, 0x00]).unwrap();
    let message = store.load(&decision).unwrap_err();
    assert!(
        message.contains(&path.display().to_string()),
        "not UTF-8: {message}"
    );
}

#[test]
fn a_stale_file_keeps_every_valid_answer_names_the_dropped_ids_and_keeps_a_copy() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = StateStore::new(dir.path());
    let decision = Decision::embedded();
    let path = store.path_for(&decision);
    let old = "Session(decision: \"web-frameworks\", answers: [\"django.admin-panel\", \"django.removed\"], \
               no: [\"flask.prototype\"], notes: {\"django.admin-panel\": \"ops team\", \"flask.gone\": \"x\"}, \
               stage: Some(\"solo\"), note: \"context\")";
    fs::write(&path, old).unwrap();
    let restored = store
        .load(&decision)
        .unwrap()
        .expect("the valid answers are kept");
    let answers = restored.answers;
    assert!(answers.is_yes("django.admin-panel") && answers.is_no("flask.prototype"));
    assert_eq!(answers.note_for("django.admin-panel"), Some("ops team"));
    assert_eq!(
        (answers.stage.as_deref(), answers.note.as_str()),
        (Some("solo"), "context")
    );
    let notice = restored.notice.expect("the dropped ids are named");
    for part in [
        path.display().to_string(),
        "\"django.removed\"".to_owned(),
        "\"flask.gone\"".to_owned(),
        format!("{}.bak", path.display()),
    ] {
        assert!(notice.contains(&part), "{part} missing from {notice}");
    }
    assert!(!notice.contains('\n'), "one line for the status bar: {notice:?}");
    // The old file is copied before the next save replaces it.
    assert_eq!(
        fs::read_to_string(format!("{}.bak", path.display())).unwrap(),
        old
    );
    store.save(&decision, &answers).unwrap();
    let again = store.load(&decision).unwrap().unwrap();
    assert_eq!((again.answers, again.notice), (answers, None));
    // Peeking (what `--saved` does) never writes.
    fs::remove_file(format!("{}.bak", path.display())).unwrap();
    fs::write(&path, old).unwrap();
    let peeked = store.peek(&decision).unwrap().unwrap();
    assert!(peeked.notice.unwrap().contains("unchanged"));
    assert!(!Path::new(&format!("{}.bak", path.display())).exists());
}

#[test]
fn no_answers_notes_and_the_choice_survive_a_save() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = StateStore::new(dir.path());
    let decision = Decision::embedded();
    let mut saved = answers(&decision, &["django.admin-panel"], None);
    saved.set("flask.rest-api", Some(stackpick::score::Answer::No));
    saved.set_note("flask.rest-api", "we serve HTML");
    saved.note = "A clinic booking app".into();
    saved.choice.pick = stackpick::score::choice::Pick::Option("fastapi".into());
    saved.choice.because = "async".into();
    saved.choice.status = Some(stackpick::score::choice::Status::Accepted);
    saved.choice.deciders = vec!["Ada".into()];
    store.save(&decision, &saved).unwrap();
    assert_eq!(store.load(&decision).unwrap().map(|r| r.answers), Some(saved));
}

#[test]
fn a_file_for_another_decision_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = StateStore::new(dir.path());
    let decision = Decision::embedded();
    fs::write(
        store.path_for(&decision),
        "Session(decision: \"databases\", answers: [])",
    )
    .unwrap();
    let message = store.load(&decision).unwrap_err();
    assert!(message.contains("\"databases\""), "{message}");
}

#[cfg(unix)]
#[test]
fn only_a_regular_file_is_read() {
    // A FIFO would block the start and `/dev/zero` fill the memory; `/dev/null` stands for
    // them all, harmlessly.
    let dir = tempfile::tempdir().unwrap();
    let mut store = StateStore::new(dir.path());
    let decision = Decision::embedded();
    std::os::unix::fs::symlink("/dev/null", store.path_for(&decision)).unwrap();
    let message = store.load(&decision).unwrap_err();
    assert!(message.contains("not a regular file"), "{message}");
}

#[test]
fn an_unwritable_state_directory_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("file"), "").unwrap();
    let mut store = StateStore::new(dir.path().join("file").join("state"));
    let decision = Decision::embedded();
    let message = store.save(&decision, &Answers::default()).unwrap_err();
    assert!(
        message.contains(&dir.path().join("file").join("state").display().to_string()),
        "{message}"
    );
}

#[test]
fn two_instances_keep_each_others_answers() {
    let dir = tempfile::tempdir().unwrap();
    let decision = Decision::embedded();
    let mut first = StateStore::new(dir.path());
    let mut second = StateStore::new(dir.path());
    let start = answers(&decision, &["django.admin-panel"], None);
    first.save(&decision, &start).unwrap();
    assert_eq!(
        first.load(&decision).unwrap().map(|r| r.answers),
        Some(start.clone())
    );
    assert_eq!(second.load(&decision).unwrap().map(|r| r.answers), Some(start));

    // The first ticks a question and saves: nothing to merge.
    let mine = answers(&decision, &["django.admin-panel", "flask.rest-api"], None);
    assert_eq!(first.save(&decision, &mine).unwrap(), None);

    // The second, which never saw that, unticks another and saves: both changes are kept.
    let merged = second
        .save(&decision, &answers(&decision, &[], None))
        .unwrap()
        .expect("the first instance's change is merged in");
    let both = answers(&decision, &["flask.rest-api"], None);
    assert_eq!(merged.answers, both);
    assert_eq!(merged.adopted, 1);
    assert_eq!(
        merged.message(),
        "Merged answers saved by another stackpick: 1 question"
    );
    assert_eq!(
        StateStore::new(dir.path())
            .load(&decision)
            .unwrap()
            .map(|r| r.answers),
        Some(both.clone())
    );

    // The first now merges the second's change in turn, at its next save.
    let merged = first
        .save(
            &decision,
            &answers(
                &decision,
                &["django.admin-panel", "flask.rest-api", "flask.own-tools"],
                None,
            ),
        )
        .unwrap()
        .expect("the second instance's change is merged in");
    assert_eq!(
        merged.answers,
        answers(&decision, &["flask.rest-api", "flask.own-tools"], None)
    );
    // The second, still showing its own last save, adopts that at its next save.
    assert_eq!(
        second.save(&decision, &both).unwrap().map(|m| m.answers),
        Some(merged.answers)
    );
}

#[test]
fn a_file_created_by_another_instance_is_merged_into_a_fresh_start() {
    let dir = tempfile::tempdir().unwrap();
    let decision = Decision::embedded();
    let mut first = StateStore::new(dir.path());
    let mut second = StateStore::new(dir.path());
    assert_eq!(first.load(&decision).unwrap().map(|r| r.answers), None);
    assert_eq!(second.load(&decision).unwrap().map(|r| r.answers), None);
    first
        .save(&decision, &answers(&decision, &["django.security"], None))
        .unwrap();
    let merged = second
        .save(&decision, &answers(&decision, &["flask.prototype"], None))
        .unwrap()
        .expect("merged");
    assert_eq!(
        merged.answers,
        answers(&decision, &["django.security", "flask.prototype"], None)
    );
}

#[test]
fn when_both_change_the_stage_the_later_save_wins_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let decision = Decision::embedded();
    let mut first = StateStore::new(dir.path());
    let mut second = StateStore::new(dir.path());
    first
        .save(&decision, &answers(&decision, &[], Some("solo")))
        .unwrap();
    second.load(&decision).unwrap().map(|r| r.answers);
    first
        .save(
            &decision,
            &answers(&decision, &["django.security"], Some("pre-pmf")),
        )
        .unwrap();
    let merged = second
        .save(&decision, &answers(&decision, &[], Some("api-first")))
        .unwrap()
        .expect("a conflict is reported");
    let expected = answers(&decision, &["django.security"], Some("api-first"));
    assert_eq!(merged.answers, expected);
    assert!(merged.stage_kept);
    assert!(
        merged.message().contains("your stage replaced theirs"),
        "{}",
        merged.message()
    );
    assert_eq!(
        StateStore::new(dir.path())
            .load(&decision)
            .unwrap()
            .map(|r| r.answers),
        Some(expected)
    );
}

#[test]
fn a_single_instance_never_reports_a_merge() {
    let dir = tempfile::tempdir().unwrap();
    let decision = Decision::embedded();
    let mut store = StateStore::new(dir.path());
    assert_eq!(store.load(&decision).unwrap().map(|r| r.answers), None);
    for yes in [
        &["django.security"][..],
        &[],
        &["flask.prototype", "django.security"],
    ] {
        assert_eq!(
            store.save(&decision, &answers(&decision, yes, None)).unwrap(),
            None
        );
    }
}

/// The pid of a process that has exited.
#[cfg(unix)]
fn dead_pid() -> u32 {
    let mut child = Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    pid
}

#[cfg(unix)]
#[test]
fn stale_temporary_files_in_the_state_directory_are_swept() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let dead = format!(".stackpick-{}-aB3dE9.tmp", dead_pid());
    let legacy = ".web-frameworks.ron.Q87r22.tmp";
    let live = format!(".stackpick-{}-zZ9yY8.tmp", std::process::id());
    let link = format!(".stackpick-{}-lInK00.tmp", dead_pid());
    for name in [&dead, legacy, &live, "notes.tmp", ".other.txt.Q87r22.tmp"] {
        fs::write(dir.path().join(name), "partial").unwrap();
    }
    let precious = outside.path().join("precious");
    fs::write(&precious, "keep").unwrap();
    std::os::unix::fs::symlink(&precious, dir.path().join(&link)).unwrap();

    let mut store = StateStore::new(dir.path());
    assert_eq!(store.sweep_stale_temps(), 2);
    let left: Vec<String> = {
        let mut names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    // Only our own regular files, of a dead process or an earlier version, are removed.
    let mut expected = vec![
        live,
        link,
        "notes.tmp".to_owned(),
        ".other.txt.Q87r22.tmp".to_owned(),
    ];
    expected.sort();
    assert_eq!(left, expected);
    assert_eq!(fs::read_to_string(&precious).unwrap(), "keep");
}

/// A base strategy with fixed directories, standing in for the environment.
struct FixedBase {
    home: PathBuf,
    state: Option<PathBuf>,
}

impl BaseStrategy for FixedBase {
    fn home_dir(&self) -> &Path {
        &self.home
    }
    fn config_dir(&self) -> PathBuf {
        self.home.join("config")
    }
    fn data_dir(&self) -> PathBuf {
        self.home.join("data")
    }
    fn cache_dir(&self) -> PathBuf {
        self.home.join("cache")
    }
    fn state_dir(&self) -> Option<PathBuf> {
        self.state.clone()
    }
    fn runtime_dir(&self) -> Option<PathBuf> {
        None
    }
}

#[test]
fn the_state_dir_is_stackpick_in_the_base_state_dir() {
    let base = FixedBase {
        home: "/home/u".into(),
        state: Some("/home/u/.local/state".into()),
    };
    assert_eq!(
        state_dir(None, Some(&base)),
        Some(PathBuf::from("/home/u/.local/state/stackpick"))
    );
}

#[test]
fn without_a_state_dir_the_data_dir_is_used() {
    let base = FixedBase {
        home: "/home/u".into(),
        state: None,
    };
    assert_eq!(
        state_dir(None, Some(&base)),
        Some(PathBuf::from("/home/u/data/stackpick"))
    );
}

#[test]
fn the_override_wins_unless_empty() {
    let base = FixedBase {
        home: "/home/u".into(),
        state: Some("/s".into()),
    };
    assert_eq!(
        state_dir(Some("/tmp/mine".into()), Some(&base)),
        Some(PathBuf::from("/tmp/mine"))
    );
    assert_eq!(
        state_dir(Some("/tmp/mine".into()), None),
        Some(PathBuf::from("/tmp/mine"))
    );
    assert_eq!(
        state_dir(Some(OsString::new()), Some(&base)),
        Some(PathBuf::from("/s/stackpick"))
    );
    assert_eq!(state_dir(None, None), None);
}

/// Set by [`xdg_state_home_and_the_override_are_respected`] for the child process it runs.
const EXPECT_ENV: &str = "STACKPICK_TEST_EXPECT_STATE_DIR";

/// `from_env` agrees with `state_dir` on this process's environment, and, in a child run
/// with a prepared environment, with the directory the parent expects.
#[test]
fn from_env_follows_the_environment() {
    let store = StateStore::from_env();
    if let Some(expected) = std::env::var_os(EXPECT_ENV) {
        assert_eq!(
            store.as_ref().map(|s| s.dir().to_path_buf()),
            Some(PathBuf::from(expected))
        );
    }
    let base = etcetera::choose_base_strategy().ok();
    let dir = state_dir(
        std::env::var_os("STACKPICK_STATE_DIR"),
        base.as_ref().map(|b| b as &dyn BaseStrategy),
    );
    assert_eq!(store.map(|s| s.dir().to_path_buf()), dir);
}

/// Runs [`from_env_follows_the_environment`] in a child process with the given environment,
/// since changing this process's environment would race the tests running beside it.
fn child_sees(envs: &[(&str, &Path)], remove: &[&str], expected: &Path) {
    // The test's name in this binary is its path under the crate: `state::from_env_…`.
    let (_, module) = module_path!()
        .split_once("::")
        .expect("a module of the test crate");
    let test = format!("{module}::from_env_follows_the_environment");
    let mut child = Command::new(std::env::current_exe().unwrap());
    child.args(["--exact", &test, "--test-threads=1"]);
    for (key, value) in envs {
        child.env(key, value);
    }
    for key in remove {
        child.env_remove(key);
    }
    let output = child.env(EXPECT_ENV, expected).output().unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{text}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(text.contains("1 passed"), "the child ran the test: {text}");
}

#[test]
fn xdg_state_home_and_the_override_are_respected() {
    let dir = tempfile::tempdir().unwrap();
    let xdg = dir.path().join("xdg-state");
    child_sees(
        &[("XDG_STATE_HOME", &xdg)],
        &["STACKPICK_STATE_DIR"],
        &xdg.join("stackpick"),
    );
    let mine = dir.path().join("mine");
    child_sees(
        &[("XDG_STATE_HOME", &xdg), ("STACKPICK_STATE_DIR", &mine)],
        &[],
        &mine,
    );
}

/// `stackpick reset --yes` while the app runs is not undone by the app's next save: what the
/// app had not changed since is cleared, its latest change is saved, and the message says so.
#[test]
fn a_reset_while_the_app_runs_is_not_silently_undone() {
    let dir = tempfile::tempdir().unwrap();
    let decision = Decision::embedded();
    let mut store = StateStore::new(dir.path());
    let before = answers(&decision, &["django.admin-panel", "flask.rest-api"], Some("solo"));
    assert_eq!(store.save(&decision, &before).unwrap(), None);
    let reset = Command::new(env!("CARGO_BIN_EXE_stackpick"))
        .args(["reset", "--yes"])
        .env("STACKPICK_STATE_DIR", dir.path())
        .output()
        .unwrap();
    assert!(
        reset.status.success(),
        "{}",
        String::from_utf8_lossy(&reset.stderr)
    );
    assert!(!store.path_for(&decision).exists());
    let mine = answers(
        &decision,
        &["django.admin-panel", "flask.rest-api", "flask.own-tools"],
        Some("solo"),
    );
    let merged = store
        .save(&decision, &mine)
        .unwrap()
        .expect("the reset is noticed");
    assert_eq!(merged.by, stackpick::state::ChangedBy::Reset);
    assert_eq!(merged.answers, answers(&decision, &["flask.own-tools"], None));
    assert_eq!(
        merged.message(),
        "The saved answers were reset outside the app: cleared 2 questions and the stage \
         here too; saved your changes since"
    );
    assert_eq!(
        store.load(&decision).unwrap().map(|r| r.answers),
        Some(answers(&decision, &["flask.own-tools"], None))
    );
}

/// `--session FILE`'s store saves to FILE, and merges what another instance saved there
/// meanwhile, as the state directory's store does.
#[test]
fn a_session_files_store_saves_to_it_and_keeps_another_instances_answer() {
    let dir = tempfile::tempdir().unwrap();
    let decision = Decision::embedded();
    let file = dir.path().join("alice.ron");
    let start = answers(&decision, &["django.admin-panel"], None);
    fs::write(
        &file,
        stackpick::session::Session::new(&decision, &start).to_ron(),
    )
    .unwrap();
    let mut mine = StateStore::for_file(&file, &decision, &start);
    let mut theirs = StateStore::for_file(&file, &decision, &start);
    assert_eq!(mine.path_for(&decision), file);
    theirs
        .save(
            &decision,
            &answers(&decision, &["django.admin-panel", "flask.rest-api"], None),
        )
        .unwrap();
    let merged = mine
        .save(
            &decision,
            &answers(&decision, &["django.admin-panel", "django.security"], None),
        )
        .unwrap()
        .expect("the other instance's answer is merged in");
    let all = answers(
        &decision,
        &["django.admin-panel", "django.security", "flask.rest-api"],
        None,
    );
    assert_eq!(merged.answers, all);
    let saved = stackpick::session::Session::parse(&fs::read_to_string(&file).unwrap(), "alice.ron").unwrap();
    assert_eq!(saved.answers_lenient(&decision).0, all);
    // Nothing went to a state directory, and no temporary file is left.
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["alice.ron"]);
}
