//! `stackpick check --watch FILE`: checks the file at once, then again each time it is
//! saved, printing its problems or an "ok" line, until Ctrl-C ends it with 130.

#![cfg(unix)]

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::thread;
use std::time::Duration;

use rustix::process::{Pid, Signal, kill_process};

use crate::support::pty::PATIENCE;
use crate::support::stackpick;

const MINI: &str = include_str!("../fixtures/good/mini.ron");

/// Saves as an editor does: a new file beside the old one, renamed over it.
fn save(path: &Path, text: &str) {
    let temp = path.with_extension("ron.new");
    std::fs::write(&temp, text).expect("write the new version");
    std::fs::rename(&temp, path).expect("rename it over the file");
}

/// The next line of either stream, as ("out" or "err", line).
fn next(lines: &Receiver<(&'static str, String)>, what: &str) -> (&'static str, String) {
    lines
        .recv_timeout(PATIENCE)
        .unwrap_or_else(|e| panic!("no line for {what}: {e}"))
}

#[test]
fn check_watch_reports_each_version_until_ctrl_c() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("mine.ron");
    std::fs::write(&path, MINI).expect("write the decision");
    let mut child = Command::new(stackpick())
        .args(["check", "--watch", "mine.ron"])
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start check --watch");
    let (tx, lines) = channel();
    for (name, stream) in [
        (
            "out",
            Box::new(child.stdout.take().unwrap()) as Box<dyn std::io::Read + Send>,
        ),
        ("err", Box::new(child.stderr.take().unwrap())),
    ] {
        let tx = tx.clone();
        thread::spawn(move || {
            for line in BufReader::new(stream).lines().map_while(Result::ok) {
                let _ = tx.send((name, line));
            }
        });
    }
    let ok = (
        "out",
        "mine.ron: ok (2 options, 6 questions, 2 stages)".to_owned(),
    );
    assert_eq!(next(&lines, "the first check"), ok);

    // Broken: the problem, placed, on standard error as `check` prints it.
    save(&path, &MINI.replace("title: \"Django or Flask\"", "title: \"\""));
    assert_eq!(
        next(&lines, "the broken version"),
        ("err", "stackpick: mine.ron:4:12: title: empty text".to_owned())
    );
    assert_eq!(
        next(&lines, "the count"),
        ("err", "mine.ron: 1 problem found".to_owned())
    );

    // Fixed, with a question more.
    save(
        &path,
        &MINI.replace(
            "weight: 2),\n",
            "weight: 2),\n                Question(id: \"orm\", text: \"Do you want an ORM?\"),\n",
        ),
    );
    assert_eq!(
        next(&lines, "the fixed version"),
        (
            "out",
            "mine.ron: ok (2 options, 7 questions, 2 stages)".to_owned()
        )
    );
    // Nothing more without a change.
    assert!(lines.recv_timeout(Duration::from_millis(500)).is_err());

    let pid = Pid::from_raw(child.id().cast_signed()).expect("a pid");
    kill_process(pid, Signal::INT).expect("send SIGINT");
    let status = child.wait().expect("wait for check --watch");
    assert_eq!(status.code(), Some(130), "Ctrl-C ends it with 130");
}

#[test]
fn check_watch_follows_one_file() {
    let run = Command::new(stackpick())
        .args(["check", "--watch", "a.ron", "b.ron"])
        .output()
        .expect("run check --watch");
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("check --watch follows one file"), "{stderr}");
}

#[test]
fn the_app_s_watch_needs_a_data_file_and_no_team() {
    for (args, says) in [
        (&["--watch"][..], "--data <FILE>"),
        (&["--data", "a.ron", "--watch", "--team", "t.ron"][..], "--team"),
    ] {
        let run = Command::new(stackpick())
            .args(args)
            .stdin(Stdio::null())
            .output()
            .expect("run stackpick");
        assert_eq!(run.status.code(), Some(2), "{args:?}: a usage error");
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    }
}
