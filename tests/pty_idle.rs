//! "Idle means idle" (issue 3): on a real pseudo-terminal, the app writes nothing while nothing
//! happens, redraws after a key that changes something, and writes nothing for a key that is
//! bound to nothing. Byte counts are exact; the only waits are the windows we read for.
//!
//! The pty is opened with rustix; the child gets it as stdin, stdout and stderr and as its
//! controlling terminal, exactly as a shell would give it.

#![cfg(unix)]

#[path = "support/pty.rs"]
mod pty;

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::AsFd;
use std::process::{Child, Command, ExitStatus};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::thread;
use std::time::{Duration, Instant};

use rustix::termios::{Winsize, tcsetwinsize};

/// How long to wait for something that must happen (a first frame, a redraw, an exit).
const PATIENCE: Duration = Duration::from_secs(20);
/// Output counts as settled after this long without a byte.
const QUIET: Duration = Duration::from_millis(400);
/// How long an idle window is watched.
const IDLE_WINDOW: Duration = Duration::from_millis(1500);

/// The app on a pseudo-terminal, with a thread that reads everything it writes.
struct PtyApp {
    child: Child,
    master: File,
    output: Receiver<Vec<u8>>,
    /// Every byte read so far, for failure messages and final checks.
    transcript: Vec<u8>,
    /// The temp root (`config/`, `state/`, `work/`).
    dirs: tempfile::TempDir,
}

/// How to start the app for a test.
#[derive(Default)]
struct Start<'a> {
    args: &'a [&'a str],
    /// Run it through `sh -c 'exec … </dev/null'`, so only stdin is not the pty.
    stdin_null: bool,
    /// Files to write first, by path under the temp root (`config/…`, `state/…`, `work/…`).
    files: &'a [(&'a str, &'a str)],
    /// Set `NO_COLOR=1`.
    no_color: bool,
    /// `TERM`: `Some(None)` unsets it, `Some(Some(value))` sets it (default xterm-256color).
    #[allow(clippy::option_option)] // unset, set to a value, or left as it is
    term: Option<Option<&'a str>>,
    /// The pty's size, columns × rows (default 80×24).
    size: Option<(u16, u16)>,
}

/// Starts the app with the slave side of a fresh 80×24 pty as its controlling terminal.
fn spawn_on_pty(args: &[&str], stdin_null: bool) -> PtyApp {
    spawn(Start {
        args,
        stdin_null,
        ..Start::default()
    })
}

fn spawn(start: Start) -> PtyApp {
    let dirs = tempfile::tempdir().expect("temp dir");
    let (cols, rows) = start.size.unwrap_or((80, 24));
    let (master, slave_name) = pty::open_master(cols, rows);
    let slave = pty::open_slave(&slave_name);
    let binary = env!("CARGO_BIN_EXE_stackpick");
    let mut command = if start.stdin_null {
        let mut c = Command::new("sh");
        c.arg("-c").arg("exec \"$0\" \"$@\" </dev/null").arg(binary);
        c
    } else {
        Command::new(binary)
    };
    command.args(start.args);
    pty::attach(&mut command, &slave, dirs.path());
    if start.no_color {
        command.env("NO_COLOR", "1");
    }
    match start.term {
        None => {}
        Some(None) => {
            command.env_remove("TERM");
        }
        Some(Some(term)) => {
            command.env("TERM", term);
        }
    }
    for (path, text) in start.files {
        std::fs::write(dirs.path().join(path), text).expect("write a test file");
    }
    let child = command.spawn().expect("start stackpick on the pty");
    // The parent's copy of the slave must go, or the master never sees the end of output.
    drop(slave);
    let master = File::from(master);
    let mut reader = master.try_clone().expect("dup master");
    let (tx, rx) = channel();
    thread::spawn(move || {
        let mut buf = [0u8; 65536];
        loop {
            match reader.read(&mut buf) {
                // EIO once the last slave descriptor closes: the child is gone.
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    if tx.send(buf[..n].to_vec()).is_err() {
                        break;
                    }
                }
            }
        }
    });
    PtyApp {
        child,
        master,
        output: rx,
        transcript: Vec::new(),
        dirs,
    }
}

impl PtyApp {
    /// Reads until `done` holds for the bytes read by this call, then until output is quiet.
    fn read_until(&mut self, what: &str, done: impl Fn(&[u8]) -> bool) -> Vec<u8> {
        let deadline = Instant::now() + PATIENCE;
        let mut got = Vec::new();
        while !done(&got) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(chunk) => got.extend_from_slice(&chunk),
                Err(RecvTimeoutError::Timeout) => panic!(
                    "waited {PATIENCE:?} for {what}; got {} bytes: {}",
                    got.len(),
                    String::from_utf8_lossy(&got)
                ),
                Err(RecvTimeoutError::Disconnected) => panic!(
                    "the app closed the terminal before {what}; got: {}",
                    String::from_utf8_lossy(&got)
                ),
            }
        }
        got.extend(self.read_for(QUIET, true));
        self.transcript.extend_from_slice(&got);
        got
    }

    /// Everything written during `window`; with `until_quiet`, the window restarts on each
    /// chunk, so it ends once output has been quiet for `window`.
    fn read_for(&mut self, window: Duration, until_quiet: bool) -> Vec<u8> {
        let mut got = Vec::new();
        let mut deadline = Instant::now() + window;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            match self.output.recv_timeout(left) {
                Ok(chunk) => {
                    got.extend_from_slice(&chunk);
                    if until_quiet {
                        deadline = Instant::now() + window;
                    }
                }
                Err(_) => break,
            }
        }
        if !until_quiet {
            self.transcript.extend_from_slice(&got);
        }
        got
    }

    /// Types bytes on the terminal's keyboard.
    fn type_bytes(&mut self, bytes: &[u8]) {
        self.master.write_all(bytes).expect("write to the pty");
        self.master.flush().expect("flush the pty");
    }

    /// Waits for the child to exit, reading (and keeping) what it writes on the way out.
    fn wait_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + PATIENCE;
        loop {
            // Keep draining, so the child never blocks on a full pty buffer.
            while let Ok(chunk) = self.output.try_recv() {
                self.transcript.extend_from_slice(&chunk);
            }
            if let Some(status) = self.child.try_wait().expect("wait for stackpick") {
                // The reader thread ends at EIO; collect what is left.
                while let Ok(chunk) = self.output.recv_timeout(QUIET) {
                    self.transcript.extend_from_slice(&chunk);
                }
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "stackpick did not exit within {PATIENCE:?}"
            );
            thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for PtyApp {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

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

    let idle = app.read_for(IDLE_WINDOW, false);
    assert_eq!(
        idle.len(),
        0,
        "while idle the app must write nothing, but wrote {:?}",
        String::from_utf8_lossy(&idle)
    );

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
    tcsetwinsize(
        app.master.as_fd(),
        Winsize {
            ws_row: 40,
            ws_col: 120,
            ws_xpixel: 0,
            ws_ypixel: 0,
        },
    )
    .expect("resize the pty");
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

/// A terminal that cannot draw the app (issue 7.10): the same one plain line as without a
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

/// An absurd terminal size (issue 7.6): the app draws (into its clamped area) instead of
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
    let huge = Winsize {
        ws_row: u16::MAX,
        ws_col: u16::MAX,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    tcsetwinsize(app.master.as_fd(), huge).expect("resize the pty");
    app.read_until("a redraw at the absurd size", |b| contains(b, "TL;DR"));
    app.type_bytes(b"q");
    assert_eq!(
        app.wait_exit().code(),
        Some(0),
        "q quits with exit 0 after the resize"
    );
}

/// Stuck input (issue 7.11), where it stands. crossterm 0.29 keeps an unfinished escape
/// sequence until it ends, with no timeout: after a truncated SGR mouse report every byte
/// joins the report until an `M` or `m` ends it (the report then fails to parse and is
/// dropped), so the keys in between, Ctrl-C included, are lost. This test pins that down,
/// and that the app recovers once the report ends.
#[test]
fn a_truncated_mouse_report_swallows_keys_until_an_m_ends_it() {
    let mut app = spawn_on_pty(&[], false);
    first_frame(&mut app);
    app.type_bytes(b"\x1b[<0;1");
    app.type_bytes(b"2\x03");
    let swallowed = app.read_for(IDLE_WINDOW, false);
    assert!(
        swallowed.is_empty() && app.child.try_wait().expect("wait").is_none(),
        "`2` and Ctrl-C inside the unfinished report do nothing (crossterm's limit); wrote {:?}",
        String::from_utf8_lossy(&swallowed)
    );
    // The next `M` (any mouse event ends with one) ends the report; it is dropped whole.
    app.type_bytes(b"M");
    app.type_bytes(b"2");
    app.read_until("the Strengths tab after the report ended", |b| {
        contains(b, "Flask (2/3)")
    });
    app.type_bytes(b"q");
    assert_eq!(app.wait_exit().code(), Some(0));
}

/// A stray bracketed-paste start (issue 7.11): with bracketed paste on (the app turns it on,
/// so a paste arrives as text and never as keys that act), the end marker the terminal puts
/// after any paste ends it; what came in between is a paste, not keys.
#[test]
fn a_stray_paste_start_ends_with_the_next_paste_and_never_acts_as_keys() {
    let mut app = spawn_on_pty(&[], false);
    let first = first_frame(&mut app);
    assert!(contains(&first, "\x1b[?2004h"), "bracketed paste is turned on");
    app.type_bytes(b"\x1b[200~");
    app.type_bytes(b"2q");
    let swallowed = app.read_for(IDLE_WINDOW, false);
    assert!(
        swallowed.is_empty() && app.child.try_wait().expect("wait").is_none(),
        "keys after a stray paste start are held (crossterm's limit); wrote {:?}",
        String::from_utf8_lossy(&swallowed)
    );
    // The next paste's end marker ends it: "2q" arrives as pasted text, which does nothing
    // outside a text field (no tab change, no quit).
    app.type_bytes(b"\x1b[201~");
    let after = app.read_for(IDLE_WINDOW, false);
    assert!(
        after.is_empty(),
        "a paste on a tab does nothing: {:?}",
        String::from_utf8_lossy(&after)
    );
    assert!(
        app.child.try_wait().expect("wait").is_none(),
        "the pasted q did not quit"
    );
    app.type_bytes(b"2");
    app.read_until("the Strengths tab after the paste ended", |b| {
        contains(b, "Flask (2/3)")
    });
    app.type_bytes(b"q");
    assert_eq!(app.wait_exit().code(), Some(0));
    assert!(
        contains(&app.transcript, "\x1b[?2004l"),
        "bracketed paste is turned off on exit"
    );
}
