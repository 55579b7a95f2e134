//! The decisions folder: `export --adr-dir` numbering against an existing sequence,
//! `--supersedes` and `--mark-superseded` (the interrupted write of the superseded record is
//! tested in src/export/adr/tests.rs, where the write can be made to fail whoever runs it).

use std::fs;

use crate::support::run::{ok_in, run_in};

const OLD_RECORD: &str = "---\nstatus: accepted\ndate: 2025-01-02\n---\n\n# Use Django\n";

#[test]
fn adr_dir_continues_the_sequence_and_never_touches_existing_records() {
    let dir = tempfile::tempdir().unwrap();
    let adr = dir.path().join("adr");
    fs::create_dir(&adr).unwrap();
    let existing = [
        ("0001-record-architecture-decisions.md", "# one\n"),
        ("0007-use-django.md", OLD_RECORD),
        ("README.md", "index\n"),
        ("template.md", "---\nstatus: x\n---\n"),
        ("12-short.md", "not a record\n"),
    ];
    for (name, text) in existing {
        fs::write(adr.join(name), text).unwrap();
    }
    let run = ok_in(
        dir.path(),
        &[
            "export",
            "--adr-dir",
            "adr",
            "--yes",
            "flask.rest-api",
            "--choose",
            "fastapi",
            "--date",
            "2026-03-01",
        ],
    );
    // The file is named for the outcome, MADR's way.
    assert_eq!(run.stderr, "wrote adr/0008-use-fastapi.md\n");
    let run = ok_in(dir.path(), &["export", "--adr-dir", "adr", "--supersedes", "7"]);
    // An open decision is named for its question, and says it is open.
    assert_eq!(
        run.stderr,
        "wrote adr/0009-open-which-python-web-framework-should-the-startup.md\n"
    );
    let new =
        fs::read_to_string(adr.join("0009-open-which-python-web-framework-should-the-startup.md")).unwrap();
    assert!(
        new.contains("\n# Open: Which Python web framework should the startup build on: Django, Flask, a hybrid of both, or FastAPI?\n\nSupersedes [0007](0007-use-django.md)\n"),
        "{new}"
    );
    for (name, text) in existing {
        assert_eq!(
            fs::read_to_string(adr.join(name)).unwrap(),
            text,
            "{name} is untouched"
        );
    }
    // A number no record has: refused, nothing written.
    let run = run_in(
        dir.path(),
        &["export", "--adr-dir", "adr", "--supersedes", "0003"],
    );
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains("--supersedes 0003: no record 0003 in adr"),
        "{run:?}"
    );
    assert_eq!(fs::read_dir(&adr).unwrap().count(), existing.len() + 2);
}

#[test]
fn mark_superseded_sets_the_old_status_and_the_default_folder_is_docs_decisions() {
    let dir = tempfile::tempdir().unwrap();
    let run = ok_in(dir.path(), &["export", "--adr-dir"]);
    assert_eq!(
        run.stderr,
        "wrote docs/decisions/0001-open-which-python-web-framework-should-the-startup.md\n"
    );
    let decisions = dir.path().join("docs/decisions");
    fs::write(decisions.join("0002-use-django.md"), OLD_RECORD).unwrap();
    let run = ok_in(
        dir.path(),
        &["export", "--adr-dir", "--supersedes", "0002", "--mark-superseded"],
    );
    assert_eq!(
        run.stderr,
        "wrote docs/decisions/0003-open-which-python-web-framework-should-the-startup.md\n\
         marked docs/decisions/0002-use-django.md superseded by 0003\n"
    );
    assert_eq!(
        fs::read_to_string(decisions.join("0002-use-django.md")).unwrap(),
        OLD_RECORD.replace("status: accepted", "status: superseded by 0003")
    );
    // A record without a status line: refused before anything is written.
    fs::write(decisions.join("0004-plain.md"), "# Plain\n").unwrap();
    let run = run_in(
        dir.path(),
        &["export", "--adr-dir", "--supersedes", "4", "--mark-superseded"],
    );
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("0004-plain.md: no `status:` line"), "{run:?}");
    assert!(
        !decisions
            .join("0005-open-which-python-web-framework-should-the-startup.md")
            .exists()
    );
    // --mark-superseded needs --supersedes, which needs --adr-dir.
    assert_eq!(
        run_in(dir.path(), &["export", "--adr-dir", "--mark-superseded"]).code,
        2
    );
    assert_eq!(run_in(dir.path(), &["export", "--supersedes", "1"]).code, 2);
    // A record stackpick wrote is marked at the status line of its front matter.
    let first = decisions.join("0001-open-which-python-web-framework-should-the-startup.md");
    let before = fs::read_to_string(&first).unwrap();
    assert!(before.starts_with("---\nstatus: proposed\n"), "{before}");
    ok_in(
        dir.path(),
        &["export", "--adr-dir", "--supersedes", "1", "--mark-superseded"],
    );
    assert_eq!(
        fs::read_to_string(&first).unwrap(),
        before.replacen("status: proposed", "status: superseded by 0005", 1)
    );
}

/// Eight exports at once into one folder: each gets its own number, none is refused, and
/// nothing is overwritten.
#[test]
fn concurrent_exports_each_get_their_own_number() {
    let dir = tempfile::tempdir().unwrap();
    let adr = dir.path().join("adr");
    fs::create_dir(&adr).unwrap();
    fs::write(adr.join("0003-old.md"), OLD_RECORD).unwrap();
    let children: Vec<_> = (0..8)
        .map(|i| {
            std::process::Command::new(env!("CARGO_BIN_EXE_stackpick"))
                .current_dir(dir.path())
                .args(["export", "--adr-dir", "adr", "--decider", &format!("Person {i}")])
                .env("STACKPICK_CONFIG_DIR", dir.path().join("no-config"))
                .stdin(std::process::Stdio::null())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let mut names: Vec<String> = fs::read_dir(&adr)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let expected: Vec<String> = std::iter::once("0003-old.md".to_owned())
        .chain((4..12).map(|n| format!("{n:04}-open-which-python-web-framework-should-the-startup.md")))
        .collect();
    assert_eq!(names, expected);
    // Each person's record is there once: none replaced another.
    let mut deciders: Vec<String> = names[1..]
        .iter()
        .map(|name| {
            let text = fs::read_to_string(adr.join(name)).unwrap();
            text.lines()
                .find(|l| l.starts_with("decision-makers:"))
                .unwrap()
                .to_owned()
        })
        .collect();
    deciders.sort();
    deciders.dedup();
    assert_eq!(deciders.len(), 8, "{deciders:?}");
    assert_eq!(fs::read_to_string(adr.join("0003-old.md")).unwrap(), OLD_RECORD);
}

/// A record numbered past what records can count is refused, not followed by a reused number.
#[test]
fn a_record_number_too_large_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let adr = dir.path().join("adr");
    fs::create_dir(&adr).unwrap();
    fs::write(adr.join("0002-two.md"), OLD_RECORD).unwrap();
    fs::write(adr.join("4294967296-beyond.md"), OLD_RECORD).unwrap();
    let run = run_in(dir.path(), &["export", "--adr-dir", "adr"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr
            .contains("4294967296-beyond.md: record numbers go up to 4294967295"),
        "{run:?}"
    );
    fs::remove_file(adr.join("4294967296-beyond.md")).unwrap();
    fs::write(adr.join("4294967295-last.md"), OLD_RECORD).unwrap();
    let run = run_in(dir.path(), &["export", "--adr-dir", "adr"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("is the last number there is"), "{run:?}");
    let mut names: Vec<_> = fs::read_dir(&adr)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(names, ["0002-two.md", "4294967295-last.md"]);
}
