//! Input is always read, on a real pseudo-terminal: after a burst of keys far larger than one
//! read, and after an escape sequence the terminal never finished (a cut mouse report, a
//! paste start without its end), Ctrl-C and q still quit. A hang fails at the harness's
//! bounded waits.

#![cfg(unix)]

use std::time::{Duration, Instant};

use crate::support::pty::{PtyApp, spawn_on_pty};

/// Longer than the app waits for the rest of a paste that stopped coming (two seconds).
const PASTE_GIVEN_UP: Duration = Duration::from_secs(3);

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

fn first_frame(app: &mut PtyApp) {
    app.read_until("the first frame (Overview and TL;DR)", |b| {
        contains(b, "Overview") && contains(b, "TL;DR")
    });
}

#[test]
fn ctrl_c_after_a_burst_of_ten_thousand_keys_quits() {
    let mut app = spawn_on_pty(&["--no-mouse"], false);
    first_frame(&mut app);
    app.type_bytes(b"4");
    app.wait_for("Questions ·");
    app.type_burst("j".repeat(10_000).as_bytes());
    let burst_end = Instant::now();
    app.type_bytes(b"\x03");
    let status = app.wait_exit();
    eprintln!(
        "exited {:?} after the end of the 10,000-key burst",
        burst_end.elapsed()
    );
    assert_eq!(status.code(), Some(0), "Ctrl-C quits with exit 0");
    // The j's were read: the selection went down to the last question.
    let screen = crate::support::pty::screen(&app.transcript);
    assert!(
        screen.contains("▶ [ ] Do you want to prototype"),
        "the last question is selected:\n{screen}"
    );
}

#[test]
fn q_after_a_truncated_mouse_report_quits() {
    let mut app = spawn_on_pty(&[], false);
    first_frame(&mut app);
    // A report cut after its column: `;row M` never comes.
    app.type_bytes(b"\x1b[<0;12");
    app.type_bytes(b"q");
    assert_eq!(app.wait_exit().code(), Some(0), "q quits with exit 0");
}

#[test]
fn ctrl_c_after_a_truncated_mouse_report_quits() {
    let mut app = spawn_on_pty(&[], false);
    first_frame(&mut app);
    app.type_bytes(b"\x1b[<0;1");
    app.type_bytes(b"2\x03");
    assert_eq!(app.wait_exit().code(), Some(0), "Ctrl-C quits with exit 0");
}

#[test]
fn ctrl_c_after_a_lone_paste_start_quits() {
    let mut app = spawn_on_pty(&[], false);
    first_frame(&mut app);
    app.type_bytes(b"\x1b[200~");
    app.type_bytes(b"\x03");
    assert_eq!(app.wait_exit().code(), Some(0), "Ctrl-C quits with exit 0");
}

/// What follows a paste start at once is pasted text, which never acts as keys (the app
/// turns bracketed paste on for that); once no more of it comes, the paste is given up and
/// keys act again, q included; the paste's end marker coming later does nothing.
#[test]
fn keys_after_a_lone_paste_start_are_text_until_the_paste_is_given_up() {
    let mut app = spawn_on_pty(&[], false);
    first_frame(&mut app);
    app.type_bytes(b"\x1b[200~2q");
    let held = app.read_for(PASTE_GIVEN_UP, false);
    assert!(
        held.is_empty() && app.child.try_wait().expect("wait").is_none(),
        "pasted `2q` on a tab does nothing; wrote {:?}",
        String::from_utf8_lossy(&held)
    );
    app.type_bytes(b"\x1b[201~");
    app.type_bytes(b"2");
    app.read_until("the Strengths tab after the paste was given up", |b| {
        contains(b, "Flask (2/3)")
    });
    app.type_bytes(b"q");
    assert_eq!(app.wait_exit().code(), Some(0));
    assert!(
        contains(&app.transcript, "\x1b[?2004l"),
        "bracketed paste is turned off on exit"
    );
}

/// A megabyte pasted into a note (bracketed, as a terminal pastes) is one edit: it lands
/// whole, is saved on Enter, and the app quits within the harness's patience (one update a
/// character took minutes for this).
#[test]
fn a_megabyte_paste_into_a_note_is_saved_whole() {
    let mut app = spawn_on_pty(&["--no-mouse"], false);
    first_frame(&mut app);
    app.type_bytes(b"4");
    app.wait_for("Questions ·");
    app.type_bytes(b"a");
    app.wait_for("Note on this question");
    let words = "a pasted note of many words\n";
    let text = words.repeat(1_000_000 / words.len() + 1);
    let mut paste = b"\x1b[200~".to_vec();
    paste.extend_from_slice(text.as_bytes());
    paste.extend_from_slice(b"\x1b[201~");
    let pasted = Instant::now();
    app.type_burst(&paste);
    app.type_bytes(b"\r");
    app.wait_for("Note saved");
    eprintln!(
        "a {}-byte paste was saved {:?} after it began",
        text.len(),
        pasted.elapsed()
    );
    app.type_bytes(b"q");
    assert_eq!(app.wait_exit().code(), Some(0));
    // Line breaks become spaces; the note is the whole paste, trimmed.
    let note = text.replace('\n', " ");
    let saved = std::fs::read_to_string(app.path("state/web-frameworks.ron")).expect("saved answers");
    assert!(
        saved.contains(&format!("\"{}\"", note.trim_end())),
        "the whole {}-byte note is saved; the file has {} bytes",
        note.trim_end().len(),
        saved.len()
    );
}
