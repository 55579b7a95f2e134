use super::*;
use crate::export::ExportError;

#[test]
fn slugs_are_lower_case_words_joined_by_dashes() {
    assert_eq!(
        slug("Flask vs Django for your startup"),
        "flask-vs-django-for-your-startup"
    );
    assert_eq!(slug("  Postgres / MySQL?! (2026) "), "postgres-mysql-2026");
    assert_eq!(slug("Café ✓ \u{202e}x"), "caf-x");
    assert_eq!(slug("¿¡!"), "decision");
    assert_eq!(
        slug(&"word ".repeat(40)),
        "word-".repeat(10).trim_end_matches('-')
    );
    assert_eq!(
        slug(&"words ".repeat(40)),
        "words-".repeat(8).trim_end_matches('-')
    );
    assert_eq!(slug(&"x".repeat(80)), "x".repeat(50), "a single word is cut");
}

#[test]
fn numbering_continues_the_sequence_and_ignores_other_files() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        next_number(&records(&dir.path().join("missing")).unwrap()),
        Some(1)
    );
    for name in [
        "0001-a.md",
        "0007-use-django.md",
        "README.md",
        "12-x.md",
        "0009x.md",
        "template.md",
    ] {
        fs::write(dir.path().join(name), "x").unwrap();
    }
    fs::create_dir(dir.path().join("assets")).unwrap();
    let found = records(dir.path()).unwrap();
    let numbers: Vec<u32> = found.iter().map(|r| r.number).collect();
    assert_eq!(numbers, [1, 7]);
    assert_eq!(next_number(&found), Some(8));
    assert_eq!(
        record_path(dir.path(), 8, "Use Django"),
        dir.path().join("0008-use-django.md")
    );
    let seven = find(&found, dir.path(), "7").unwrap();
    assert_eq!(seven.file_name(), "0007-use-django.md");
    assert_eq!(find(&found, dir.path(), "0007").unwrap(), seven);
    assert!(matches!(
        find(&found, dir.path(), "0003"),
        Err(AdrError::NoRecord { .. })
    ));
    assert!(matches!(
        find(&found, dir.path(), "seven"),
        Err(AdrError::BadNumber { .. })
    ));
    assert!(matches!(
        find(&found, dir.path(), "-7"),
        Err(AdrError::BadNumber { .. })
    ));
}

#[test]
fn the_front_matter_status_is_marked_and_nothing_else_changes() {
    let record = "---\nstatus: accepted\ndate: 2026-01-02\n---\n\n# Use Django\n\nstatus: not this one\n";
    assert_eq!(
        mark_superseded(record, "0008").unwrap(),
        "---\nstatus: superseded by 0008\ndate: 2026-01-02\n---\n\n# Use Django\n\nstatus: not this one\n"
    );
    let crlf = "---\r\nStatus: proposed\r\n---\r\n";
    assert_eq!(
        mark_superseded(crlf, "0002").unwrap(),
        "---\r\nStatus: superseded by 0002\r\n---\r\n"
    );
    let body = "# Old\n\n* Status: accepted\n* Date: 2020-01-01\n";
    assert_eq!(
        mark_superseded(body, "0003").unwrap(),
        "# Old\n\n* Status: superseded by 0003\n* Date: 2020-01-01\n"
    );
    assert_eq!(mark_superseded("# No status here\n", "0003"), None);
    assert_eq!(mark_superseded("---\ndate: x\n---\n", "0003"), None);
}

#[test]
fn an_interrupted_mark_leaves_the_old_record_as_it_was_and_keeps_no_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("0007-use-django.md");
    let original = "---\nstatus: accepted\ndate: 2026-01-02\n---\n\n# Use Django\n";
    fs::write(&old, original).unwrap();
    let new = dir.path().join("0008-use-flask.md");
    let marked = mark_superseded(original, "0008").unwrap();
    // The real atomic write for the new record; for the old one, the temporary file cannot
    // be created, as in a full disk or an unwritable folder.
    let mut write = |path: &Path, contents: &str, overwrite: bool| {
        if path == old {
            return Err(ExportError::Write {
                path: path.to_path_buf(),
                source: io::Error::new(io::ErrorKind::StorageFull, "no space left on device"),
            });
        }
        crate::export::write_file(path, contents, overwrite)
    };
    let error = write_record(&new, "# Use Flask\n", Some((&old, &marked)), &mut write).unwrap_err();
    let message = error.to_string();
    assert!(
        message.starts_with(&format!("cannot mark {} superseded: cannot write", old.display())),
        "{message}"
    );
    assert!(message.contains("no space left on device"), "{message}");
    assert!(
        message.ends_with(&format!("; it is unchanged, and {} was not kept", new.display())),
        "{message}"
    );
    assert_eq!(
        fs::read(&old).unwrap(),
        original.as_bytes(),
        "the old record is byte for byte the same"
    );
    assert!(!new.exists(), "the new record is removed again");
    let left: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        left,
        [std::ffi::OsString::from("0007-use-django.md")],
        "no temporary file left"
    );
}

#[test]
fn a_new_record_never_replaces_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("0001-x.md");
    fs::write(&path, "mine").unwrap();
    let mut write = |p: &Path, c: &str, o: bool| crate::export::write_file(p, c, o);
    assert!(write_record(&path, "new", None, &mut write).is_err());
    assert_eq!(fs::read_to_string(&path).unwrap(), "mine");
}

#[test]
fn a_number_too_large_to_hold_is_refused_and_the_last_one_has_no_next() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("0004294967295-last.md"), "x").unwrap();
    let found = records(dir.path()).unwrap();
    assert_eq!(found[0].number, u32::MAX);
    assert_eq!(next_number(&found), None);
    fs::write(dir.path().join("99999999999-beyond.md"), "x").unwrap();
    assert!(
        matches!(records(dir.path()), Err(AdrError::TooLarge { path }) if path.ends_with("99999999999-beyond.md"))
    );
}
