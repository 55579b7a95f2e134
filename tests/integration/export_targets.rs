//! Odd export targets: nothing is destroyed that should not be. Devices and FIFOs are
//! written through or refused, never replaced; directories are named as such at once; a
//! replaced symlink gets an ordinary mode; a closed standard output is a failure; any legal
//! file name can be written; and errors name the target, never a temporary file.

#![cfg(unix)]

use std::collections::BTreeSet;
use std::fs;
use std::io::Read;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::Path;
use std::process::{Command, Output};

use stackpick::export::{self, ExportError};

fn stackpick() -> Command {
    Command::new(env!("CARGO_BIN_EXE_stackpick"))
}

fn export_json(target: &Path, extra: &[&str]) -> Output {
    stackpick()
        .args(["export", "--format", "json", "-o"])
        .arg(target)
        .args(extra)
        .output()
        .expect("the binary runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[track_caller]
fn assert_exit(output: &Output, code: i32) {
    assert_eq!(output.status.code(), Some(code), "stderr: {}", stderr(output));
}

/// The names in a directory, to show that nothing (such as a temporary file) was left behind.
fn names(dir: &Path) -> BTreeSet<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

fn mkfifo(path: &Path) {
    rustix::fs::mknodat(
        rustix::fs::CWD,
        path,
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o644),
        0,
    )
    .expect("mkfifo");
}

fn is_fifo(path: &Path) -> bool {
    fs::symlink_metadata(path).unwrap().file_type().is_fifo()
}

#[test]
fn a_fifo_nobody_reads_is_refused_not_replaced_nor_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    mkfifo(&fifo);
    let output = export_json(&fifo, &["--force"]);
    assert_exit(&output, 1);
    let message = stderr(&output);
    assert!(
        message.contains(fifo.to_str().unwrap()) && message.contains("nothing is reading"),
        "{message}"
    );
    assert!(is_fifo(&fifo), "the FIFO is still a FIFO");
    assert_eq!(names(dir.path()), BTreeSet::from(["pipe".to_owned()]));
}

#[test]
fn a_fifo_with_a_reader_is_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    mkfifo(&fifo);
    // A non-blocking open for reading succeeds at once; what the export writes waits in
    // the pipe until it is read after the export has finished.
    let reader = rustix::fs::open(
        &fifo,
        rustix::fs::OFlags::RDONLY | rustix::fs::OFlags::NONBLOCK,
        rustix::fs::Mode::empty(),
    )
    .unwrap();
    let output = export_json(&fifo, &[]);
    assert_exit(&output, 0);
    let mut reader = fs::File::from(reader);
    let mut received = String::new();
    reader.read_to_string(&mut received).unwrap();
    let expected = stackpick()
        .args(["export", "--format", "json", "-o", "-"])
        .output()
        .unwrap();
    assert_eq!(received.as_bytes(), expected.stdout);
    assert!(is_fifo(&fifo));
}

#[test]
fn a_symlink_to_a_device_is_written_through_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("sink.json");
    std::os::unix::fs::symlink("/dev/null", &link).unwrap();
    for extra in [&[][..], &["--force"][..]] {
        let output = export_json(&link, extra);
        assert_exit(&output, 0);
        let meta = fs::symlink_metadata(&link).unwrap();
        assert!(
            meta.file_type().is_symlink(),
            "the link is still a link ({extra:?})"
        );
        assert_eq!(fs::read_link(&link).unwrap(), Path::new("/dev/null"));
    }
    assert!(fs::metadata("/dev/null").unwrap().file_type().is_char_device());
}

/// `/dev/stdout` leads to `/proc/self/fd/1`; with standard output redirected to a file it
/// leads to a regular file, which is written through, never replaced by renaming over the link.
#[cfg(target_os = "linux")]
#[test]
fn a_link_to_standard_output_is_written_through_even_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.json");
    let link = dir.path().join("stdout-link");
    std::os::unix::fs::symlink("/proc/self/fd/1", &link).unwrap();
    let expected = stackpick()
        .args(["export", "--format", "json", "-o", "-"])
        .output()
        .unwrap()
        .stdout;
    for (target, extra) in [(Path::new("/dev/stdout"), &[][..]), (&link, &["--force"][..])] {
        let output = stackpick()
            .args(["export", "--format", "json", "-o"])
            .arg(target)
            .args(extra)
            .stdout(fs::File::create(&out).unwrap())
            .output()
            .unwrap();
        assert_exit(&output, 0);
        assert_eq!(fs::read(&out).unwrap(), expected, "{}", target.display());
    }
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
}

#[test]
fn a_socket_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sock");
    let _listener = std::os::unix::net::UnixListener::bind(&path).unwrap();
    let output = export_json(&path, &["--force"]);
    assert_exit(&output, 1);
    let message = stderr(&output);
    assert!(message.contains("is a socket, not a regular file"), "{message}");
    assert!(fs::symlink_metadata(&path).unwrap().file_type().is_socket());
    let err = export::write_file(&path, "x", true).unwrap_err();
    assert!(matches!(err, ExportError::NotRegular { .. }), "{err:?}");
}

#[test]
fn a_directory_is_named_as_such_before_any_question_of_overwriting() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("records");
    fs::create_dir(&target).unwrap();
    for extra in [&[][..], &["--force"][..]] {
        let output = export_json(&target, extra);
        assert_exit(&output, 1);
        let message = stderr(&output);
        assert!(
            message.contains(&format!("{} is a directory", target.display())),
            "{message}"
        );
        assert!(!message.contains("already exists"), "{message}");
    }
    // The TUI's dialog sees it on its first, non-overwriting attempt, and never asks.
    let err = export::write_file(&target, "x", false).unwrap_err();
    assert!(
        matches!(&err, ExportError::IsDirectory { path } if *path == target),
        "{err:?}"
    );
    let link = dir.path().join("link");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let err = export::write_file(&link, "x", true).unwrap_err();
    assert!(matches!(&err, ExportError::IsDirectory { .. }), "{err:?}");
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert!(names(&target).is_empty());
}

#[test]
fn a_replaced_symlink_gets_the_mode_of_a_new_file() {
    let dir = tempfile::tempdir().unwrap();
    let fresh = dir.path().join("fresh.md");
    export::write_file(&fresh, "new", false).unwrap();
    let new_mode = fs::metadata(&fresh).unwrap().permissions().mode() & 0o777;

    let target = dir.path().join("target.md");
    fs::write(&target, "old").unwrap();
    fs::set_permissions(&target, fs::Permissions::from_mode(0o640)).unwrap();
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    export::write_file(&link, "replaced", true).unwrap();

    // The link itself is replaced by a regular file; its target is untouched.
    let meta = fs::symlink_metadata(&link).unwrap();
    assert!(meta.file_type().is_file());
    assert_eq!(meta.permissions().mode() & 0o777, new_mode);
    assert_eq!(fs::read_to_string(&link).unwrap(), "replaced");
    assert_eq!(fs::read_to_string(&target).unwrap(), "old");
}

#[test]
fn a_closed_standard_output_is_a_failure() {
    let output = Command::new("sh")
        .args(["-c", r#"exec "$0" export --format json -o - >&-"#])
        .arg(env!("CARGO_BIN_EXE_stackpick"))
        .output()
        .unwrap();
    assert_exit(&output, 1);
    assert!(
        stderr(&output).contains("cannot write to standard output"),
        "{}",
        stderr(&output)
    );
    // Writing to /dev/null on purpose still succeeds.
    let output = Command::new("sh")
        .args(["-c", r#"exec "$0" export --format json -o - >/dev/null"#])
        .arg(env!("CARGO_BIN_EXE_stackpick"))
        .output()
        .unwrap();
    assert_exit(&output, 0);
}

#[test]
fn the_longest_legal_file_name_can_be_written() {
    let dir = tempfile::tempdir().unwrap();
    let name = format!("{}.json", "r".repeat(250));
    assert_eq!(name.len(), 255);
    let output = export_json(&dir.path().join(&name), &[]);
    assert_exit(&output, 0);
    assert_eq!(names(dir.path()), BTreeSet::from([name]));
}

#[test]
fn write_errors_name_the_target_not_a_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("missing").join("decision.json");
    let output = export_json(&target, &[]);
    assert_exit(&output, 1);
    let message = stderr(&output);
    assert!(message.contains(target.to_str().unwrap()), "{message}");
    // (The test's own directory is called `.tmpXXXXXX`, hence the target is taken out first.)
    let rest = message.replace(target.to_str().unwrap(), "TARGET");
    assert!(!rest.contains(".tmp") && !rest.contains("at path"), "{message}");

    // A rename that fails after the temporary file was written: the parent is a file.
    fs::write(dir.path().join("plain"), "kept").unwrap();
    let target = dir.path().join("plain/");
    let err = export::write_file(&target, "contents", true).unwrap_err();
    let text = err.to_string();
    assert!(
        text.starts_with(&format!("cannot write {}: ", target.display())),
        "{text}"
    );
    let rest = text.replace(target.to_str().unwrap(), "TARGET");
    assert!(!rest.contains(".tmp"), "{text}");
    assert_eq!(names(dir.path()), BTreeSet::from(["plain".to_owned()]));
    assert_eq!(fs::read_to_string(dir.path().join("plain")).unwrap(), "kept");
}

/// Runs `stackpick` with `args`, killing it if it takes longer than a few seconds: a read that
/// waits for a FIFO's writer would otherwise hang the suite.
fn run_bounded(args: &[&std::ffi::OsStr]) -> Output {
    let mut child = stackpick()
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while child.try_wait().expect("wait").is_none() {
        if std::time::Instant::now() > deadline {
            child.kill().expect("kill");
            panic!("stackpick {args:?} waited forever on a FIFO with no writer");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

/// A FIFO nobody writes to, given where a file is read (a team session, a template, a record
/// to mark superseded), is read as the empty file it is, at once; one with a writer is read.
#[test]
fn a_fifo_with_no_writer_is_never_waited_on_where_a_file_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    mkfifo(&fifo);
    let records = dir.path().join("decisions");
    fs::create_dir(&records).unwrap();
    fs::write(
        records.join("0001-use-django.md"),
        "---\nstatus: accepted\n---\n# Use Django\n",
    )
    .unwrap();
    let old = records.join("0002-use-flask.md");
    let f = fifo.as_os_str();
    // An empty session or decision is bad input; an empty template renders an empty record.
    let template: Vec<&std::ffi::OsStr> = vec![
        "export".as_ref(),
        "--template".as_ref(),
        f,
        "-o".as_ref(),
        "-".as_ref(),
    ];
    let cases: Vec<(Vec<&std::ffi::OsStr>, i32)> = vec![
        (vec!["team".as_ref(), f], 2),
        (vec!["score".as_ref(), "--session".as_ref(), f], 2),
        (vec!["check".as_ref(), f], 2),
        (template, 0),
    ];
    for (args, code) in cases {
        let output = run_bounded(&args);
        assert_eq!(output.status.code(), Some(code), "{args:?}: {}", stderr(&output));
    }
    // A record to mark superseded that is a FIFO with no writer.
    rustix::fs::mknodat(
        rustix::fs::CWD,
        &old,
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o644),
        0,
    )
    .expect("mkfifo");
    let output = run_bounded(&[
        "export".as_ref(),
        "--adr-dir".as_ref(),
        records.as_os_str(),
        "--supersedes".as_ref(),
        "0002".as_ref(),
        "--mark-superseded".as_ref(),
    ]);
    assert_ne!(output.status.code(), Some(0), "{}", stderr(&output));
    // With a writer, as a shell's `<(…)` gives, it is read.
    let output = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "exec {} score --session <(echo '(decision: \"web-frameworks\", answers: [\"django.admin-panel\"])')",
            env!("CARGO_BIN_EXE_stackpick")
        ))
        .output()
        .expect("bash runs");
    assert_exit(&output, 0);
}

/// A signal that ends an export while it writes (TERM, INT, HUP) removes the temporary file
/// first: the folder is as it was, and the exit code is 128+n. The record is made big enough
/// (a template of about 200 MB) that the write is caught under way.
#[test]
fn a_signal_during_an_export_leaves_no_temporary_file() {
    use rustix::process::{Pid, Signal, kill_process};
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("big.j2");
    fs::write(
        &template,
        format!(
            "{{% for i in range(2000) %}}{{% for j in range(1000) %}}{}{{% endfor %}}{{% endfor %}}",
            "x".repeat(100)
        ),
    )
    .unwrap();
    let out = dir.path().join("out");
    fs::create_dir(&out).unwrap();
    for (signal, number) in [(Signal::TERM, 15), (Signal::INT, 2), (Signal::HUP, 1)] {
        let mut child = stackpick()
            .args(["export", "--template"])
            .arg(&template)
            .arg("-o")
            .arg(out.join("decision.md"))
            .stdin(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("the binary runs");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        // Wait for the temporary file to appear, then signal.
        loop {
            let temp = names(&out).iter().any(|n| n.starts_with(".stackpick-"));
            if temp {
                break;
            }
            assert!(
                child.try_wait().unwrap().is_none(),
                "the export finished before its write was seen"
            );
            assert!(std::time::Instant::now() < deadline, "no write under way");
            std::thread::sleep(std::time::Duration::from_micros(200));
        }
        let pid = Pid::from_raw(child.id() as i32).unwrap();
        kill_process(pid, signal).unwrap();
        let output = child.wait_with_output().unwrap();
        assert_eq!(
            output.status.code(),
            Some(128 + number),
            "{signal:?}: {}",
            stderr(&output)
        );
        let left = names(&out);
        assert!(
            left.iter().all(|n| !n.starts_with(".stackpick-")),
            "{signal:?} left {left:?}"
        );
        // Renamed into place just before the signal: then it is whole.
        if let Ok(meta) = fs::metadata(out.join("decision.md")) {
            assert_eq!(meta.len(), 200_000_000);
            fs::remove_file(out.join("decision.md")).unwrap();
        }
    }
}
