//! "Idle means idle": on a real pseudo-terminal, the app writes nothing while nothing
//! happens, redraws after a key that changes something, and writes nothing for a key that is
//! bound to nothing. Byte counts are exact; the only waits are the windows we read for.
//!
//! The pty is opened with portable-pty; the child gets it as stdin, stdout and stderr and as
//! its controlling terminal, exactly as a shell would give it.

#![cfg(unix)]

use std::thread;
use std::time::{Duration, Instant};

use crate::support::pty::{PATIENCE, PtyApp, Start, spawn, spawn_on_pty};

/// How long an idle window is watched.
const IDLE_WINDOW: Duration = Duration::from_millis(1500);

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// Waits for the first frame: the tab bar and the Overview's TL;DR, then quiet.
fn first_frame(app: &mut PtyApp) -> Vec<u8> {
    app.read_until("the first frame (Overview and TL;DR)", |b| {
        contains(b, "Overview") && contains(b, "TL;DR")
    })
}

#[test]
fn idle_app_writes_nothing_and_only_changes_are_drawn() {
    let mut app = spawn_on_pty(&[], false);
    let first = first_frame(&mut app);
    assert!(
        contains(&first, "\x1b[?1049h"),
        "the app should enter the alternate screen"
    );

    let ticks = app.cpu_ticks();
    let idle = app.read_for(IDLE_WINDOW, false);
    assert_eq!(
        idle.len(),
        0,
        "while idle the app must write nothing, but wrote {:?}",
        String::from_utf8_lossy(&idle)
    );
    // Blocked on its input, it uses no CPU at all: not one clock tick.
    assert_eq!(app.cpu_ticks(), ticks, "the idle app used CPU");

    // A key that changes something is drawn.
    app.type_bytes(b"2");
    let redraw = app.read_until("a redraw after `2`", |b| !b.is_empty());
    assert!(!redraw.is_empty(), "switching tabs should redraw");

    // Idle again after the redraw.
    let idle = app.read_for(IDLE_WINDOW, false);
    assert_eq!(
        idle.len(),
        0,
        "idle after a redraw, the app must write nothing, but wrote {:?}",
        String::from_utf8_lossy(&idle)
    );

    // A key bound to nothing is not drawn.
    app.type_bytes(b"z");
    let unbound = app.read_for(IDLE_WINDOW, false);
    assert_eq!(
        unbound.len(),
        0,
        "an unbound key must not redraw, but the app wrote {:?}",
        String::from_utf8_lossy(&unbound)
    );

    // A bound key that changes nothing (`2` on the tab already shown) is not drawn either.
    app.type_bytes(b"2");
    let unchanged = app.read_for(IDLE_WINDOW, false);
    assert_eq!(
        unchanged.len(),
        0,
        "a key that changes nothing must not redraw, but the app wrote {:?}",
        String::from_utf8_lossy(&unchanged)
    );

    // The app still answers after all that, and quits cleanly.
    app.type_bytes(b"q");
    let status = app.wait_exit();
    assert_eq!(status.code(), Some(0), "q should quit with exit 0");
    let tail = app.transcript.rsplit(|&b| b == b'\x1b').next().unwrap_or(&[]);
    assert!(
        contains(&app.transcript, "\x1b[?1049l"),
        "the app should leave the alternate screen on quit; last sequence {:?}",
        String::from_utf8_lossy(tail)
    );
}

#[test]
fn resize_redraws_once_and_then_idles() {
    let mut app = spawn_on_pty(&[], false);
    first_frame(&mut app);

    // The terminal grows: SIGWINCH goes to the foreground process group.
    app.resize(120, 40);
    let redraw = app.read_until("a redraw after a resize", |b| !b.is_empty());
    assert!(!redraw.is_empty(), "a resize should redraw");

    let idle = app.read_for(IDLE_WINDOW, false);
    assert_eq!(
        idle.len(),
        0,
        "after the resize the app must go idle, but wrote {:?}",
        String::from_utf8_lossy(&idle)
    );

    app.type_bytes(b"q");
    assert_eq!(app.wait_exit().code(), Some(0));
}

#[test]
fn stdin_not_a_terminal_writes_one_plain_line_even_to_a_terminal() {
    // stdout and stderr are the pty; only stdin is /dev/null.
    let mut app = spawn_on_pty(&[], true);
    let status = app.wait_exit();
    assert_eq!(status.code(), Some(2), "no terminal on stdin: exit 2");
    let text = String::from_utf8_lossy(&app.transcript).into_owned();
    assert!(
        !app.transcript.contains(&0x1b),
        "no escape codes may be written without a terminal, got {text:?}"
    );
    // The pty turns \n into \r\n.
    let lines: Vec<&str> = text.split_terminator("\r\n").collect();
    assert_eq!(lines.len(), 1, "exactly one line, got {text:?}");
    assert!(
        lines[0].contains("score") && lines[0].contains("export"),
        "the line should point at `score` and `export`, got {text:?}"
    );
}

#[test]
fn bad_input_is_refused_before_the_terminal_changes_mode() {
    let config = "Config(keys: {\"qiut\": [\"q\"], \"help\": [\"j\"]})";
    let with_config: &[(&str, &str)] = &[("config/config.ron", config)];
    // (arguments, files to write first, what the message must say)
    type Case<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)], &'a [&'a str]);
    let cases: [Case; 2] = [
        (
            &[],
            with_config,
            &[
                "config.ron:1:15: keys: unknown action \"qiut\"",
                "config.ron:1:39: keys.help: j is already bound",
            ],
        ),
        (
            &["--data", "/nonexistent/decision.ron"],
            &[],
            &["/nonexistent/decision.ron: cannot read"],
        ),
    ];
    for (args, files, expected) in cases {
        let mut app = spawn(Start {
            args,
            files,
            ..Start::default()
        });
        let status = app.wait_exit();
        let text = String::from_utf8_lossy(&app.transcript).into_owned();
        assert_eq!(status.code(), Some(2), "bad input: exit 2, got {text:?}");
        assert!(
            !app.transcript.contains(&0x1b),
            "no escape codes before raw mode: {text:?}"
        );
        for needle in expected {
            assert!(text.contains(needle), "{needle:?} in {text:?}");
        }
    }
}

#[test]
fn a_corrupt_state_file_is_ignored_and_a_stale_one_keeps_its_valid_answers() {
    let stale = "Session(decision: \"web-frameworks\", answers: [\"django.gone\"], stage: None)";
    for (state, status) in [
        ("Session(decision: ", "Saved answers ignored"),
        (stale, "dropped question \"django.gone\""),
    ] {
        let mut app = spawn(Start {
            args: &["--no-mouse"],
            files: &[("state/web-frameworks.ron", state)],
            ..Start::default()
        });
        let frame = app.read_until("the first frame with the status", |b| contains(b, status));
        // The corrupt file's status names it; the stale one's leads with the dropped id.
        assert!(
            state == stale || contains(&frame, "web-frameworks.ron"),
            "the status names the file"
        );
        app.type_bytes(b"q");
        assert_eq!(
            app.wait_exit().code(),
            Some(0),
            "the app runs on, and quits cleanly"
        );
    }
}

#[test]
fn a_killed_saves_temporary_file_is_swept_once_the_app_is_up() {
    // A temporary file of an earlier version's atomic write: no live process owns it.
    let stale = "state/.web-frameworks.ron.Q87r22.tmp";
    let mut app = spawn(Start {
        args: &["--no-mouse"],
        files: &[(stale, "partial"), ("state/notes.tmp", "mine")],
        ..Start::default()
    });
    first_frame(&mut app);
    let path = app.dirs.path().join(stale);
    let deadline = Instant::now() + PATIENCE;
    while path.exists() && Instant::now() < deadline {
        thread::sleep(Duration::from_millis(20));
    }
    assert!(!path.exists(), "the stale temporary file is swept");
    assert!(
        app.dirs.path().join("state/notes.tmp").exists(),
        "a file not ours is kept"
    );
    app.type_bytes(b"q");
    assert_eq!(app.wait_exit().code(), Some(0));
}

#[test]
fn no_color_means_no_colour_codes_at_all() {
    let mut app = spawn(Start {
        args: &["--no-mouse"],
        no_color: true,
        ..Start::default()
    });
    let mut frames = first_frame(&mut app);
    app.type_bytes(b"4 ");
    frames.extend(app.read_until("the Checklist after a tick", |b| contains(b, "[x]")));
    app.type_bytes(b"q");
    assert_eq!(app.wait_exit().code(), Some(0));
    let text = String::from_utf8_lossy(&frames).into_owned();
    // Colours are SGR parameters 30-38, 40-48, 90-97 and 100-107 (39 and 49 are the defaults).
    for sequence in text.split('\x1b').skip(1) {
        if let Some(end) = sequence.find('m').filter(|_| sequence.starts_with('[')) {
            let params = &sequence[1..end];
            let coloured = params
                .split(';')
                .any(|p| matches!(p.parse::<u16>(), Ok(30..=38 | 40..=48 | 90..=97 | 100..=107)));
            assert!(!coloured, "a colour code \\e[{params}m under NO_COLOR");
        }
    }
    assert!(text.contains("[x]"), "state is still shown without colour");
}

/// A terminal that cannot draw the app: the same one plain line as without a
/// terminal, exit 2, and not one escape code.
#[test]
fn a_dumb_or_unnamed_terminal_is_refused_like_no_terminal() {
    for term in [Some("dumb"), Some(""), None] {
        let mut app = spawn(Start {
            term: Some(term),
            ..Start::default()
        });
        let status = app.wait_exit();
        let text = String::from_utf8_lossy(&app.transcript).into_owned();
        assert_eq!(status.code(), Some(2), "TERM={term:?}: exit 2, got {text:?}");
        assert!(
            !app.transcript.contains(&0x1b),
            "TERM={term:?}: no escape codes: {text:?}"
        );
        let lines: Vec<&str> = text.split_terminator("\r\n").collect();
        assert_eq!(lines.len(), 1, "TERM={term:?}: one line, got {text:?}");
        assert!(
            lines[0].contains("score") && lines[0].contains("export"),
            "TERM={term:?}: points at `score` and `export`: {text:?}"
        );
    }
}

/// An absurd terminal size: the app draws (into its clamped area) instead of
/// aborting on a four-billion-cell buffer, and still quits cleanly, after growing to it too.
#[test]
fn an_absurd_terminal_size_draws_and_quits_cleanly() {
    let mut app = spawn(Start {
        size: Some((u16::MAX, u16::MAX)),
        ..Start::default()
    });
    first_frame(&mut app);
    app.type_bytes(b"2");
    app.read_until("the Strengths tab", |b| contains(b, "Strengths"));
    app.type_bytes(b"q");
    assert_eq!(app.wait_exit().code(), Some(0), "q quits with exit 0");

    let mut app = spawn_on_pty(&[], false);
    first_frame(&mut app);
    app.resize(u16::MAX, u16::MAX);
    app.read_until("a redraw at the absurd size", |b| contains(b, "TL;DR"));
    app.type_bytes(b"q");
    assert_eq!(
        app.wait_exit().code(),
        Some(0),
        "q quits with exit 0 after the resize"
    );
}
