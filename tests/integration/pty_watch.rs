//! `--watch` on a real pseudo-terminal: following an unchanged file, the app writes nothing
//! and uses no CPU (the watcher's socket is one more descriptor of the same blocking poll,
//! with no timer); a change is drawn, and then the app is idle again.

#![cfg(unix)]

use std::time::Duration;

use crate::support::pty::{PtyApp, Start, spawn};

/// How long an idle window is watched.
const IDLE_WINDOW: Duration = Duration::from_millis(1500);

const MINI: &str = include_str!("../fixtures/good/mini.ron");

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// Watches the app for an idle window: not a byte written, not a clock tick used.
fn assert_idle(app: &mut PtyApp, when: &str) {
    let ticks = app.cpu_ticks();
    let idle = app.read_for(IDLE_WINDOW, false);
    assert_eq!(
        idle.len(),
        0,
        "{when}, the app must write nothing, but wrote {:?}",
        String::from_utf8_lossy(&idle)
    );
    assert_eq!(app.cpu_ticks(), ticks, "{when}, the app used CPU");
}

#[test]
fn watching_an_unchanged_file_writes_nothing_and_uses_no_cpu() {
    let mut app = spawn(Start {
        args: &["--no-mouse", "--data", "mine.ron", "--watch"],
        files: &[("work/mine.ron", MINI)],
        ..Start::default()
    });
    app.read_until("the first frame", |b| {
        contains(b, "Overview") && contains(b, "Decision")
    });
    assert_idle(&mut app, "watching an unchanged file");

    // Read by another program (as an editor opening it): still no change.
    std::fs::read_to_string(app.path("work/mine.ron")).expect("read the file");
    assert_idle(&mut app, "after the file was only read");

    // Saved as an editor saves: a new file renamed over it.
    let temp = app.path("work/.mine.ron.swp");
    std::fs::write(&temp, MINI.replace("Django or Flask", "Django or Flask, again")).expect("write");
    std::fs::rename(&temp, app.path("work/mine.ron")).expect("rename");
    app.wait_for("Reloaded mine.ron");
    assert_idle(&mut app, "after a reload");

    app.type_bytes(b"q");
    assert_eq!(app.wait_exit().code(), Some(0));
}
