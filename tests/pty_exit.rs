//! What the interactive app says on the way out, on a real pseudo-terminal: a config file it
//! refuses is explained in the file's words (never a type of the program), and quitting after
//! a save failed says the answers were NOT saved, on stderr, with exit code 1; a signal that
//! comes before the first frame is handled once it is up.

#![cfg(unix)]

#[path = "support/pty.rs"]
mod pty;

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::thread;
use std::time::{Duration, Instant};

/// How long to wait for something that must happen (a frame, a message, an exit).
const PATIENCE: Duration = Duration::from_secs(20);

/// ron's and serde's names for the program's types, which no message may show.
const INTERNAL: &[&str] = &[
    "enum `",
    "struct `",
    "variant `",
    "`Option<",
    "`Vec<",
    "`BTreeMap<",
];

/// The app on a pty, with a thread reading all it writes.
struct PtyApp {
    child: Child,
    master: File,
    output: Receiver<Vec<u8>>,
    /// Everything written so far.
    transcript: Vec<u8>,
    root: tempfile::TempDir,
}

impl PtyApp {
    /// Starts the app on an 80×24 pty; `setup` sees the command and the temp root (with its
    /// `state`, `config` and `work` directories) before the start.
    fn start(setup: impl FnOnce(&mut Command, &Path)) -> PtyApp {
        let root = tempfile::tempdir().expect("temp dir");
        let (master, slave_name) = pty::open_master(80, 24);
        let slave = pty::open_slave(&slave_name);
        let mut command = Command::new(env!("CARGO_BIN_EXE_stackpick"));
        pty::attach(&mut command, &slave, root.path());
        setup(&mut command, root.path());
        let child = command.spawn().expect("start stackpick on the pty");
        drop(slave);
        let master = File::from(master);
        let mut reader = master.try_clone().expect("dup master");
        let (tx, rx) = channel();
        thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        PtyApp {
            child,
            master,
            output: rx,
            transcript: Vec::new(),
            root,
        }
    }

    /// The text written so far, without escape sequences.
    fn text(&self) -> String {
        plain(&self.transcript)
    }

    /// Reads until the screen shows `needle`.
    fn wait_for(&mut self, needle: &str) {
        let deadline = Instant::now() + PATIENCE;
        while !screen(&self.transcript).contains(needle) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(chunk) => self.transcript.extend_from_slice(&chunk),
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => {
                    panic!("no {needle:?} on screen:\n{}", screen(&self.transcript))
                }
            }
        }
    }

    fn keys(&mut self, keys: &str) {
        self.master.write_all(keys.as_bytes()).expect("write to the pty");
        self.master.flush().expect("flush the pty");
    }

    /// Waits for the exit; returns the code, with everything written on the way out read.
    fn wait_exit(&mut self) -> i32 {
        let deadline = Instant::now() + PATIENCE;
        loop {
            while let Ok(chunk) = self.output.try_recv() {
                self.transcript.extend_from_slice(&chunk);
            }
            if let Some(status) = self.child.try_wait().expect("wait for stackpick") {
                while let Ok(chunk) = self.output.recv_timeout(Duration::from_millis(300)) {
                    self.transcript.extend_from_slice(&chunk);
                }
                return status.code().expect("an exit code, not a signal");
            }
            assert!(Instant::now() < deadline, "no exit; screen: {}", self.text());
            thread::sleep(Duration::from_millis(20));
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.root.path().join(name)
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

/// The 80×24 screen the bytes draw, as rows of text: enough of a terminal for the app's
/// output, which places every change with a cursor move (CSI row;col H) and clears with
/// CSI 2J; other sequences only style, and are skipped.
fn screen(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut grid = vec![vec![' '; 80]; 24];
    let (mut row, mut col) = (0usize, 0usize);
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => {
                if chars.next() != Some('[') {
                    continue;
                }
                let mut params = String::new();
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        let numbers: Vec<usize> = params.split(';').map(|n| n.parse().unwrap_or(1)).collect();
                        match c {
                            'H' if !params.starts_with('?') => {
                                row = numbers.first().copied().unwrap_or(1).saturating_sub(1);
                                col = numbers.get(1).copied().unwrap_or(1).saturating_sub(1);
                            }
                            'J' if params == "2" => grid = vec![vec![' '; 80]; 24],
                            _ => {}
                        }
                        break;
                    }
                    params.push(c);
                }
            }
            '\r' => col = 0,
            '\n' => row += 1,
            c if !c.is_control() => {
                if let Some(cell) = grid.get_mut(row).and_then(|r| r.get_mut(col)) {
                    *cell = c;
                }
                col += 1;
            }
            _ => {}
        }
    }
    grid.iter()
        .map(|r| r.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Bytes as text without CSI, OSC and two-byte escape sequences.
fn plain(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\u{1b}' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('[') => {
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
            Some(']') => {
                while let Some(c) = chars.next() {
                    if c == '\u{7}' || (c == '\u{1b}' && chars.next_if_eq(&'\\').is_some()) {
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    out
}

#[test]
fn a_hostile_config_is_explained_in_the_files_words_and_exits_2() {
    let cases = [
        (
            "Config(theme: Purple)",
            "config.ron:1:15: theme must be one of: Dark, Light (not Purple)",
        ),
        (
            "Config(theme: \"Light\")",
            "config.ron:1:15: theme: expected a name (without quotes)",
        ),
        (
            "Config(colour: {})",
            "config.ron:1:8: unknown field colour; the fields are: theme, keys, name, colors",
        ),
        (
            "Config(colors: {\"muted\": true})",
            "config.ron:1:26: colors[\"muted\"]: expected a colour: \"#rrggbb\"",
        ),
        (
            "Config(colors: {\"accnet\": \"red\"})",
            "config.ron:1:17: colors: unknown role \"accnet\" (roles: accent,",
        ),
        (
            "Config(colors: {\"muted\": \"greyish\"})",
            "config.ron:1:26: colors.muted: \"greyish\" is not a colour; use \"#rrggbb\"",
        ),
        ("Config(keys: [])", "config.ron:1:13: keys: expected a map"),
        (
            "Config(name: Some(\"Ada\"))",
            "config.ron:1:13: name: expected a string in quotes",
        ),
        (
            "Settings()",
            "config.ron:1:1: unexpected name Settings before `(`",
        ),
    ];
    for (config, want) in cases {
        let mut app = PtyApp::start(|_, root| {
            std::fs::write(root.join("config/config.ron"), config).expect("write the config");
        });
        let code = app.wait_exit();
        let text = app.text();
        assert_eq!(code, 2, "{config}: {text}");
        assert!(text.contains(want), "{config}: want {want:?}; got {text}");
        for internal in INTERNAL {
            assert!(!text.contains(internal), "{config}: {internal:?} in {text}");
        }
    }
}

#[test]
fn quitting_after_a_failed_save_says_the_answers_were_not_saved_and_exits_1() {
    // The state directory is a file: no save can succeed.
    let mut app = PtyApp::start(|command, root| {
        let file = root.join("state-is-a-file");
        std::fs::write(&file, "").expect("write");
        command.env("STACKPICK_STATE_DIR", file);
    });
    app.wait_for("TL;DR");
    app.keys("4");
    app.wait_for("Questions · 0 of");
    app.keys("y");
    app.wait_for("cannot save answers");
    app.keys("q");
    let code = app.wait_exit();
    let text = app.text();
    assert_eq!(code, 1, "{text}");
    let after = &text[text.rfind("cannot save answers").unwrap()..];
    assert!(
        after.contains("stackpick: answers NOT saved: cannot create "),
        "said on exit: {after}"
    );
    assert!(!after.contains("answers saved in"), "{after}");
}

#[test]
fn a_save_that_fails_then_succeeds_exits_0_with_the_answers_saved() {
    let mut app = PtyApp::start(|_, _| {});
    app.wait_for("TL;DR");
    // The state directory goes away under the app, and a file takes its place.
    let state = app.path("state");
    std::fs::remove_dir_all(&state).expect("remove the state dir");
    std::fs::write(&state, "").expect("a file in its place");
    app.keys("4");
    app.wait_for("Questions · 0 of");
    app.keys("y");
    app.wait_for("cannot save answers");
    // It comes back: the next save succeeds, and nothing is lost.
    std::fs::remove_file(&state).expect("remove the file");
    app.keys("jy");
    app.wait_for("Questions · 2 of");
    app.keys("q");
    let code = app.wait_exit();
    let text = app.text();
    assert_eq!(code, 0, "{text}");
    assert!(!text.contains("NOT saved"), "{text}");
    let saved = std::fs::read_to_string(state.join("web-frameworks.ron")).expect("saved");
    assert!(
        saved.contains("django.admin-panel") && saved.contains("django.permissions"),
        "{saved}"
    );
}
