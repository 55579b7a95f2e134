//! A program on a real pseudo-terminal, as a shell would start it: the pty's slave side is its
//! stdin, stdout, stderr and controlling terminal (portable-pty makes it a session leader), in
//! a temp root of its own, and a thread reads everything it writes, stamping each chunk as it
//! is read. Used by the pty tests and by `benches/pty.rs`.

use std::io::{ErrorKind, Read, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, ExitStatus};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, MasterPty, PtySize, native_pty_system};
use rustix::process::{Pid, Signal, kill_process};

pub use super::stackpick;

/// The pty's size unless a test asks for another, columns × rows.
pub const COLS: u16 = 80;
pub const ROWS: u16 = 24;
/// How long to wait for something that must happen (a frame, a message, an exit).
pub const PATIENCE: Duration = Duration::from_secs(20);
/// Output counts as settled after this long without a byte (unless [`PtyApp::quiet`] says
/// otherwise): long enough that a loaded machine running tests side by side does not split a
/// frame in two.
pub const QUIET: Duration = Duration::from_millis(400);

/// What the pty answers when stackpick asks for the background colour (OSC 11, then DA1),
/// as a terminal would.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Background {
    /// Black, as xterm's default.
    #[default]
    Black,
    White,
    /// No answer at all, as a terminal that ignores the queries.
    Silent,
}

/// How to start a program on the pty.
#[derive(Default)]
pub struct Start<'a> {
    /// What the terminal says its background is (stackpick asks before its first frame).
    pub background: Background,
    /// The program (default: stackpick).
    pub program: Option<&'a Path>,
    pub args: &'a [&'a str],
    /// Run it through `sh -c 'exec … </dev/null'`, so only stdin is not the pty.
    pub stdin_null: bool,
    /// Files to write first, by path under the temp root (`config/…`, `state/…`, `work/…`).
    pub files: &'a [(&'a str, &'a str)],
    /// Set `NO_COLOR=1`.
    pub no_color: bool,
    /// `TERM`: `Some(None)` unsets it, `Some(Some(value))` sets it (default xterm-256color).
    #[allow(clippy::option_option)] // unset, set to a value, or left as it is
    pub term: Option<Option<&'a str>>,
    /// The pty's size, columns × rows (default [`COLS`]×[`ROWS`]).
    pub size: Option<(u16, u16)>,
}

/// A program on a pseudo-terminal, with a thread reading all it writes.
pub struct PtyApp {
    pub child: Child,
    /// Just before the spawn: where a bench's times start.
    pub started: Instant,
    /// How long output must stay quiet to end a frame.
    pub quiet: Duration,
    /// Every byte read so far, for failure messages and final checks.
    pub transcript: Vec<u8>,
    /// The temp root (`config/`, `state/`, `work/`).
    pub dirs: tempfile::TempDir,
    master: Box<dyn MasterPty + Send>,
    keyboard: Box<dyn Write + Send>,
    output: Receiver<(Instant, Vec<u8>)>,
    reader: Option<JoinHandle<()>>,
}

/// What a program wrote for one step: the bytes, and when the last of them arrived.
pub struct Burst {
    pub bytes: Vec<u8>,
    pub last: Instant,
}

/// Starts stackpick with these arguments on a fresh 80×24 pty; with `stdin_null`, stdin is
/// `/dev/null` instead.
pub fn spawn_on_pty(args: &[&str], stdin_null: bool) -> PtyApp {
    PtyApp::spawn(Start {
        args,
        stdin_null,
        ..Start::default()
    })
}

/// Starts a program as `start` says.
pub fn spawn(start: Start) -> PtyApp {
    PtyApp::spawn(start)
}

impl PtyApp {
    /// Starts a program as `start` says.
    pub fn spawn(start: Start) -> PtyApp {
        PtyApp::launch(start, |_, _| {})
    }

    /// Starts stackpick on an 80×24 pty; `setup` sees the command and the temp root (with its
    /// `state`, `config` and `work` directories) before the start.
    pub fn start(setup: impl FnOnce(&mut CommandBuilder, &Path)) -> PtyApp {
        PtyApp::launch(Start::default(), setup)
    }

    fn launch(start: Start, setup: impl FnOnce(&mut CommandBuilder, &Path)) -> PtyApp {
        let dirs = tempfile::tempdir().expect("temp dir");
        let root = dirs.path();
        let (state, config, work) = (root.join("state"), root.join("config"), root.join("work"));
        for dir in [&state, &config, &work] {
            std::fs::create_dir_all(dir).expect("create temp dirs");
        }
        let program: &Path = start.program.unwrap_or_else(|| stackpick());
        let mut command = if start.stdin_null {
            let mut c = CommandBuilder::new("sh");
            c.args(["-c", "exec \"$0\" \"$@\" </dev/null"]);
            c.arg(program);
            c
        } else {
            CommandBuilder::new(program)
        };
        command.args(start.args);
        // A directory of its own, its state and config kept there, colour allowed.
        command.cwd(&work);
        command.env("STACKPICK_STATE_DIR", &state);
        command.env("XDG_STATE_HOME", &state);
        command.env("STACKPICK_CONFIG_DIR", &config);
        command.env("XDG_CONFIG_HOME", &config);
        command.env("TERM", "xterm-256color");
        command.env_remove("NO_COLOR");
        if start.no_color {
            command.env("NO_COLOR", "1");
        }
        match start.term {
            None => {}
            Some(None) => command.env_remove("TERM"),
            Some(Some(term)) => command.env("TERM", term),
        }
        for (path, text) in start.files {
            std::fs::write(root.join(path), text).expect("write a test file");
        }
        setup(&mut command, root);

        let (cols, rows) = start.size.unwrap_or((COLS, ROWS));
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let mut reader = pair.master.try_clone_reader().expect("a reader of the pty");
        let keyboard = pair.master.take_writer().expect("a writer to the pty");
        let (tx, output) = channel();
        // Started before the child (the slave side still open here keeps the master from
        // reading EOF) and stamping each chunk as it is read, so a late `recv` skews no time.
        let reader = thread::spawn(move || {
            let mut buf = [0u8; 65536];
            loop {
                match reader.read(&mut buf) {
                    Ok(n) if n > 0 => {
                        if tx.send((Instant::now(), buf[..n].to_vec())).is_err() {
                            break;
                        }
                    }
                    Err(e) if e.kind() == ErrorKind::Interrupted => {}
                    // EOF (portable-pty's word for EIO) once the last slave descriptor closes.
                    _ => break,
                }
            }
        });
        let started = Instant::now();
        let child = pair
            .slave
            .spawn_command(command)
            .unwrap_or_else(|e| panic!("start {} on the pty: {e}", program.display()));
        // The parent's slave side must go, or the master never sees the end of the output.
        drop(pair.slave);
        // portable-pty's own exit status names a signal but loses its number; the process
        // under it is a std Child, whose status keeps it.
        let child: Box<dyn portable_pty::Child> = child;
        let child = *child
            .downcast::<Child>()
            .unwrap_or_else(|_| panic!("portable-pty starts a std::process::Child on unix"));
        let mut app = PtyApp {
            child,
            started,
            quiet: QUIET,
            transcript: Vec::new(),
            dirs,
            master: pair.master,
            keyboard,
            output,
            reader: Some(reader),
        };
        // stackpick asks unless NO_COLOR or the terminal makes colours moot.
        let stackpick_runs = start
            .program
            .is_none_or(|p| p.file_name().is_some_and(|n| n == "stackpick"));
        let asks = stackpick_runs
            && !start.stdin_null
            && !start.no_color
            && matches!(start.term, None | Some(Some("xterm-256color")));
        if asks {
            app.answer_background(start.background);
        }
        app
    }

    /// Answers stackpick's background query as a terminal does: waits for the query (it comes
    /// before anything else), then writes the colour and the DA1 answer after it. What was
    /// read is kept in the transcript.
    fn answer_background(&mut self, background: Background) {
        let rgb = match background {
            Background::Black => "0000/0000/0000",
            Background::White => "ffff/ffff/ffff",
            Background::Silent => return,
        };
        let deadline = Instant::now() + Duration::from_secs(2);
        let query: &[u8] = b"\x1b]11;?";
        while !self.transcript.windows(query.len()).any(|w| w == query) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok((_, chunk)) => self.transcript.extend_from_slice(&chunk),
                // The program did not ask (it stopped first, or was told the theme).
                Err(_) => return,
            }
        }
        self.type_bytes(format!("\x1b]11;rgb:{rgb}\x1b\\\x1b[?64;1c").as_bytes());
    }

    /// A path under the temp root.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dirs.path().join(name)
    }

    /// Reads until `done` holds for the bytes read by this call, then until output has been
    /// quiet for [`PtyApp::quiet`].
    pub fn read_frame(&mut self, what: &str, done: impl Fn(&[u8]) -> bool) -> Burst {
        let deadline = Instant::now() + PATIENCE;
        let mut burst = Burst {
            bytes: Vec::new(),
            last: Instant::now(),
        };
        while !done(&burst.bytes) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok((at, chunk)) => {
                    burst.bytes.extend_from_slice(&chunk);
                    burst.last = at;
                }
                Err(e) => panic!(
                    "{} while waiting for {what}; got {} bytes: {:?}",
                    match e {
                        RecvTimeoutError::Timeout => "timed out",
                        RecvTimeoutError::Disconnected => "the app closed the terminal",
                    },
                    burst.bytes.len(),
                    String::from_utf8_lossy(&burst.bytes)
                ),
            }
        }
        while let Ok((at, chunk)) = self.output.recv_timeout(self.quiet) {
            burst.bytes.extend_from_slice(&chunk);
            burst.last = at;
        }
        self.transcript.extend_from_slice(&burst.bytes);
        burst
    }

    /// [`PtyApp::read_frame`]'s bytes.
    pub fn read_until(&mut self, what: &str, done: impl Fn(&[u8]) -> bool) -> Vec<u8> {
        self.read_frame(what, done).bytes
    }

    /// Everything written during `window`; with `until_quiet`, the window restarts on each
    /// chunk, so it ends once output has been quiet for `window`.
    pub fn read_for(&mut self, window: Duration, until_quiet: bool) -> Vec<u8> {
        let mut got = Vec::new();
        let mut deadline = Instant::now() + window;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            match self.output.recv_timeout(left) {
                Ok((_, chunk)) => {
                    got.extend_from_slice(&chunk);
                    if until_quiet {
                        deadline = Instant::now() + window;
                    }
                }
                Err(_) => break,
            }
        }
        self.transcript.extend_from_slice(&got);
        got
    }

    /// Reads until the screen the transcript draws shows `needle`.
    pub fn wait_for(&mut self, needle: &str) {
        let deadline = Instant::now() + PATIENCE;
        while !screen(&self.transcript).contains(needle) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok((_, chunk)) => self.transcript.extend_from_slice(&chunk),
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => {
                    panic!("no {needle:?} on screen:\n{}", screen(&self.transcript))
                }
            }
        }
    }

    /// Reads until `done` holds for the text of the transcript from byte `since` on; returns
    /// that text.
    pub fn wait_text(&mut self, since: usize, what: &str, done: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let text = String::from_utf8_lossy(&self.transcript[since..]).into_owned();
            if done(&text) {
                return text;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok((_, chunk)) => self.transcript.extend_from_slice(&chunk),
                Err(e) => panic!("waited for {what} ({e}); got: {text}"),
            }
        }
    }

    /// The text written so far, without escape sequences.
    pub fn text(&self) -> String {
        plain(&self.transcript)
    }

    /// Types bytes on the terminal's keyboard.
    pub fn type_bytes(&mut self, bytes: &[u8]) {
        self.keyboard.write_all(bytes).expect("write to the pty");
        self.keyboard.flush().expect("flush the pty");
    }

    /// Types a burst of bytes from a thread of its own: the terminal takes only a few KiB
    /// ahead of the program, so an app that stops reading its input fails the test here
    /// instead of leaving it blocked on the write.
    pub fn type_burst(&mut self, bytes: &[u8]) {
        let mut keyboard = std::mem::replace(&mut self.keyboard, Box::new(std::io::sink()));
        let burst = bytes.to_vec();
        let (done, written) = channel();
        thread::spawn(move || {
            let result = keyboard.write_all(&burst).and_then(|()| keyboard.flush());
            let _ = done.send((result, keyboard));
        });
        match written.recv_timeout(PATIENCE) {
            Ok((result, keyboard)) => {
                result.expect("write to the pty");
                self.keyboard = keyboard;
            }
            Err(e) => panic!(
                "the program took not all of a {}-byte burst ({e}); screen:\n{}",
                bytes.len(),
                screen(&self.transcript)
            ),
        }
    }

    /// Types text on the terminal's keyboard.
    pub fn keys(&mut self, keys: &str) {
        self.type_bytes(keys.as_bytes());
    }

    /// Presses keys and waits for their redraw to end: (time to its last byte, bytes).
    pub fn press(&mut self, keys: &[u8], what: &str) -> (Duration, usize) {
        let pressed = Instant::now();
        self.type_bytes(keys);
        let burst = self.read_frame(what, |b| !b.is_empty());
        (burst.last.saturating_duration_since(pressed), burst.bytes.len())
    }

    /// The terminal is resized: the kernel sends SIGWINCH to its foreground process group.
    pub fn resize(&self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the pty");
    }

    /// Sends the program a signal.
    pub fn signal(&self, signal: Signal) {
        let pid = Pid::from_raw(self.child.id().cast_signed()).expect("a child's pid is positive");
        kill_process(pid, signal).expect("send a signal");
    }

    /// The CPU time the program has used, user and system, in clock ticks, from
    /// `/proc/<pid>/stat` (fields 14 and 15, after the parenthesised name).
    pub fn cpu_ticks(&self) -> u64 {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.child.id()))
            .expect("read /proc/<pid>/stat");
        let after_name = &stat[stat.rfind(')').expect("a stat line names the command") + 2..];
        let fields: Vec<&str> = after_name.split_whitespace().collect();
        // After the name: state is field 3, so utime (14) and stime (15) are at 11 and 12.
        fields[11].parse::<u64>().expect("utime") + fields[12].parse::<u64>().expect("stime")
    }

    /// (`VmHWM`, `VmRSS`) from `/proc/<pid>/status`, in KiB.
    pub fn memory_kib(&self) -> (u64, u64) {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .expect("read /proc/<pid>/status");
        let field = |name: &str| -> u64 {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
                .unwrap_or_else(|| panic!("no {name} in /proc/<pid>/status"))
        };
        (field("VmHWM:"), field("VmRSS:"))
    }

    /// Waits for the program to exit, at most [`PATIENCE`]; returns its status, with all it
    /// wrote on the way out read into the transcript.
    pub fn wait_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + PATIENCE;
        loop {
            // Keep draining, so a failure message shows the latest screen.
            while let Ok((_, chunk)) = self.output.try_recv() {
                self.transcript.extend_from_slice(&chunk);
            }
            if let Some(status) = self.child.try_wait().expect("wait for the program") {
                self.read_to_end();
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "the program did not exit within {PATIENCE:?}; screen:\n{}",
                screen(&self.transcript)
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// [`PtyApp::wait_exit`]'s exit code, as a shell reports it: 128 + n for signal n.
    pub fn exit_code(&mut self) -> i32 {
        let status = self.wait_exit();
        status
            .code()
            .or_else(|| status.signal().map(|n| 128 + n))
            .expect("an exit code or a signal")
    }

    /// Blocks until the program exits and returns its status and the time from the spawn to
    /// the exit (a polling wait would round it up), then reads all it wrote.
    pub fn wait_exit_timed(&mut self) -> (ExitStatus, Duration) {
        let status = self.child.wait().expect("wait for the program");
        let elapsed = self.started.elapsed();
        self.read_to_end();
        (status, elapsed)
    }

    /// Reads until the reader thread ends (the last slave descriptor closed), at most
    /// [`PATIENCE`].
    fn read_to_end(&mut self) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok((_, chunk)) => self.transcript.extend_from_slice(&chunk),
                Err(RecvTimeoutError::Disconnected) => break,
                Err(RecvTimeoutError::Timeout) => return,
            }
        }
        if let Some(reader) = self.reader.take() {
            reader.join().expect("the pty reader thread");
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

/// The screen ([`COLS`]×[`ROWS`]) the bytes draw on a blank terminal, as rows of text: just
/// enough of a terminal for the app's output, which places every change with a cursor move
/// (`CSI row;col H`) and clears with `CSI 2J`; other control sequences only style, and are
/// skipped, and any other escape is two characters (`ESC 7`, `ESC =`, …). Needed because a
/// frame is written as a diff: a blank cell is skipped with a cursor move, so "5 Decision" is
/// not in the bytes as such.
pub fn screen_rows(bytes: &[u8]) -> Vec<String> {
    screen_rows_of((COLS, ROWS), bytes)
}

/// [`screen_rows`] on a screen of `cols`×`rows`.
pub fn screen_rows_of((cols, rows): (u16, u16), bytes: &[u8]) -> Vec<String> {
    let blank = || vec![vec![' '; usize::from(cols)]; usize::from(rows)];
    let mut grid = blank();
    let (mut row, mut col) = (0usize, 0usize);
    let text = String::from_utf8_lossy(bytes);
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
                            'J' if params == "2" => grid = blank(),
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
    grid.into_iter().map(|r| r.into_iter().collect()).collect()
}

/// [`screen_rows`], a line a row.
pub fn screen(bytes: &[u8]) -> String {
    screen_rows(bytes).join("\n")
}

/// Bytes as text without CSI, OSC and two-byte escape sequences.
pub fn plain(bytes: &[u8]) -> String {
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
