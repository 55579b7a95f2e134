//! The `auto` theme, the default: before it takes the terminal, the app asks for the
//! terminal's background colour (OSC 11) and picks the Light or the Dark theme from the
//! answer; with no answer it starts Dark once the short timeout is over.

#![cfg(unix)]

use std::time::Instant;

use crate::support::pty::{Background, PtyApp, Start, spawn};

/// The OSC 11 query and the DA1 query the app sends after it, which a terminal that cannot
/// answer OSC 11 still answers.
const QUERY: &[u8] = b"\x1b]11;?";
const DA1: &[u8] = b"\x1b[c";

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The app on a terminal whose background is `background` (the harness answers the query as
/// xterm does), and the bytes of its first frame.
fn on(background: Background) -> (PtyApp, Vec<u8>) {
    let mut app = spawn(Start {
        background,
        ..Start::default()
    });
    let frame = app.read_until("the first frame", |b| contains(b, b"TL;DR"));
    assert!(
        contains(&app.transcript, QUERY) && contains(&app.transcript, DA1),
        "the background was asked for"
    );
    (app, frame)
}

/// The Light theme's blue (256-colour index 25), which the Dark theme does not use.
const LIGHT_BLUE: &[u8] = b"38;5;25;";

#[test]
fn a_light_background_gets_the_light_theme_and_a_dark_one_the_dark() {
    let (mut light, frame) = on(Background::White);
    assert!(
        contains(&frame, LIGHT_BLUE),
        "{}",
        String::from_utf8_lossy(&frame)
    );
    light.type_bytes(b"q");
    assert_eq!(light.wait_exit().code(), Some(0));

    let (mut dark, frame) = on(Background::Black);
    assert!(
        !contains(&frame, LIGHT_BLUE),
        "{}",
        String::from_utf8_lossy(&dark.transcript)
    );
    dark.type_bytes(b"q");
    assert_eq!(dark.wait_exit().code(), Some(0));
}

/// A terminal that never answers: the first frame comes once the query's timeout is over,
/// in the Dark theme.
#[test]
fn with_no_answer_the_first_frame_comes_after_the_timeout_in_the_dark_theme() {
    let started = Instant::now();
    let mut app = spawn(Start {
        background: Background::Silent,
        ..Start::default()
    });
    let frame = app.read_until("the first frame", |b| contains(b, b"TL;DR"));
    eprintln!(
        "first frame {:?} after the start, the query's timeout being {:?}",
        started.elapsed(),
        stackpick::tui::config::BACKGROUND_QUERY
    );
    assert!(contains(&app.transcript, QUERY), "the background was asked for");
    assert!(!contains(&frame, LIGHT_BLUE), "Dark");
    app.type_bytes(b"q");
    assert_eq!(app.wait_exit().code(), Some(0));
}
