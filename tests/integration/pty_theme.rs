//! The `auto` theme, the default: before it takes the terminal, the app asks for the
//! terminal's background colour (OSC 11) and picks the Light or the Dark theme from the
//! answer; with no answer it starts Dark once the short timeout is over.

#![cfg(unix)]

use std::time::Instant;

use crate::support::pty::{PtyApp, spawn_on_pty};

/// The OSC 11 query and the DA1 query the app sends after it, which a terminal that cannot
/// answer OSC 11 still answers.
const QUERY: &[u8] = b"\x1b]11;?";
const DA1: &[u8] = b"\x1b[c";

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Answers the background query with `rgb` (`rrrr/gggg/bbbb`), then DA1, as xterm does, and
/// returns the bytes of the first frame.
fn answer(app: &mut PtyApp, rgb: &str) -> Vec<u8> {
    // At once: the app waits for the answer only so long.
    app.wait_text(0, "the background query", |t| {
        contains(t.as_bytes(), QUERY) && contains(t.as_bytes(), DA1)
    });
    app.type_bytes(format!("\x1b]11;rgb:{rgb}\x1b\\\x1b[?64;1c").as_bytes());
    app.read_until("the first frame", |b| contains(b, b"TL;DR"))
}

/// The Light theme's blue (256-colour index 25), which the Dark theme does not use.
const LIGHT_BLUE: &[u8] = b"38;5;25;";

#[test]
fn a_light_background_gets_the_light_theme_and_a_dark_one_the_dark() {
    let mut light = spawn_on_pty(&[], false);
    let frame = answer(&mut light, "ffff/ffff/ffff");
    assert!(
        contains(&frame, LIGHT_BLUE),
        "{}",
        String::from_utf8_lossy(&frame)
    );
    light.type_bytes(b"q");
    assert_eq!(light.wait_exit().code(), Some(0));

    let mut dark = spawn_on_pty(&[], false);
    let frame = answer(&mut dark, "0000/0000/0000");
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
    let mut app = spawn_on_pty(&[], false);
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
