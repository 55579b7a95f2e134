//! The pty side of `benches/pty.rs`: a pseudo-terminal kept open across the processes of a run,
//! a process on it whose every byte is timestamped as it is read, frame detection by quiet
//! period, and just enough of a terminal to tell what a frame shows.

use std::ffi::CString;
use std::fs::File;
use std::io::{ErrorKind, Read, Write};
use std::path::Path;
use std::process::{Child, Command, ExitStatus};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use crate::pty;

pub(crate) const COLS: u16 = 80;
pub(crate) const ROWS: u16 = 24;
/// How long to wait for something that must happen (a frame, an exit).
const PATIENCE: Duration = Duration::from_secs(20);
/// Output counts as settled after this long without a byte. Long enough that a loaded
/// machine does not split one frame in two; the wait is never part of a measurement.
pub(crate) const QUIET: Duration = Duration::from_millis(250);

/// The stackpick binary under test: the one cargo built for this bench.
pub(crate) fn stackpick() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_stackpick"))
}

/// A pseudo-terminal, kept open across the processes of one run.
pub(crate) struct Pty {
    master: File,
    slave_name: CString,
}

impl Pty {
    pub(crate) fn open() -> Pty {
        let (master, slave_name) = pty::open_master(COLS, ROWS);
        Pty {
            master: File::from(master),
            slave_name,
        }
    }

    /// Starts `program` with the slave side as its stdin, stdout, stderr and controlling
    /// terminal, as a shell would. The clock starts just before the spawn.
    pub(crate) fn spawn(&self, program: &Path, args: &[&str], root: &Path) -> App {
        let slave = pty::open_slave(&self.slave_name);
        let mut command = Command::new(program);
        command.args(args);
        pty::attach(&mut command, &slave, root);
        let mut reader = self.master.try_clone().expect("dup master");
        let (tx, rx) = channel();
        // Started before the child (our slave descriptor keeps the master from reading EIO)
        // and stamping each chunk as it is read, so a late `recv` does not skew times.
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
                    // EIO once the last slave descriptor closes: the child is gone.
                    _ => break,
                }
            }
        });
        let started = Instant::now();
        let child = command
            .spawn()
            .unwrap_or_else(|e| panic!("start {} on the pty: {e}", program.display()));
        // The parent's copy of the slave must go, or the master never sees the end.
        drop(slave);
        App {
            child,
            started,
            keyboard: self.master.try_clone().expect("dup master"),
            output: rx,
            reader: Some(reader),
        }
    }
}

/// A process on the pty, with a thread reading everything it writes.
pub(crate) struct App {
    child: Child,
    pub(crate) started: Instant,
    keyboard: File,
    output: Receiver<(Instant, Vec<u8>)>,
    reader: Option<JoinHandle<()>>,
}

/// What a process wrote for one step: the bytes, and when the last of them arrived.
pub(crate) struct Burst {
    pub(crate) bytes: Vec<u8>,
    pub(crate) last: Instant,
}

impl App {
    /// Reads until `done` holds for the bytes read by this call, then until output has been
    /// quiet for [`QUIET`].
    pub(crate) fn read_frame(&mut self, what: &str, done: impl Fn(&[u8]) -> bool) -> Burst {
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
        while let Ok((at, chunk)) = self.output.recv_timeout(QUIET) {
            burst.bytes.extend_from_slice(&chunk);
            burst.last = at;
        }
        burst
    }

    /// Presses keys and waits for their redraw to end: (time to its last byte, bytes).
    pub(crate) fn press(&mut self, keys: &[u8], what: &str) -> (Duration, usize) {
        let pressed = Instant::now();
        self.type_bytes(keys);
        let burst = self.read_frame(what, |b| !b.is_empty());
        (burst.last.saturating_duration_since(pressed), burst.bytes.len())
    }

    pub(crate) fn type_bytes(&mut self, bytes: &[u8]) {
        self.keyboard.write_all(bytes).expect("write to the pty");
        self.keyboard.flush().expect("flush the pty");
    }

    /// (`VmHWM`, `VmRSS`) from `/proc/<pid>/status`, in KiB.
    pub(crate) fn memory_kib(&self) -> (u64, u64) {
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

    /// Waits for the process to exit, draining its output; the time is from the spawn.
    pub(crate) fn wait_exit(mut self) -> (ExitStatus, Duration) {
        let status = self.child.wait().expect("wait for the process");
        let elapsed = self.started.elapsed();
        // The reader ends at EIO; only then may the next process open the slave side.
        while self.output.recv_timeout(PATIENCE).is_ok() {}
        if let Some(reader) = self.reader.take() {
            reader.join().expect("the pty reader thread");
        }
        (status, elapsed)
    }
}

impl Drop for App {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The screen's rows after `output` is written to a blank terminal. Just enough of a
/// terminal for ratatui's output: cursor moves (`CSI row;col H`) and text; other escape
/// sequences are skipped. Needed because a frame is written as a diff: a blank cell is
/// skipped with a cursor move, so "5 Decision" is not in the bytes as such.
pub(crate) fn screen_rows(output: &[u8]) -> Vec<String> {
    let mut cells = vec![vec![' '; usize::from(COLS)]; usize::from(ROWS)];
    let (mut row, mut col) = (0usize, 0usize);
    let text = String::from_utf8_lossy(output);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // A control sequence: parameters, then a final byte; only cursor moves matter.
            '\x1b' if chars.next_if_eq(&'[').is_some() => {
                let mut params = String::new();
                for p in chars.by_ref() {
                    if ('\x40'..='\x7e').contains(&p) {
                        if p == 'H' {
                            let mut at = params.split(';').map(|n| n.parse::<usize>().unwrap_or(1));
                            row = at.next().unwrap_or(1).saturating_sub(1);
                            col = at.next().unwrap_or(1).saturating_sub(1);
                        }
                        break;
                    }
                    params.push(p);
                }
            }
            // Any other escape is two characters (ESC 7, ESC =, ...).
            '\x1b' => {
                chars.next();
            }
            '\r' => col = 0,
            '\n' => row += 1,
            c if c.is_control() => {}
            c => {
                if let Some(cell) = cells.get_mut(row).and_then(|r| r.get_mut(col)) {
                    *cell = c;
                }
                col += 1;
            }
        }
    }
    cells.into_iter().map(|r| r.into_iter().collect()).collect()
}

/// Whether `output` draws a whole screen: the tab bar on the first row (its last tab) and
/// the footer on the last (its last hint).
pub(crate) fn is_complete_frame(output: &[u8]) -> bool {
    let rows = screen_rows(output);
    rows[0].contains("5 Decision") && rows[usize::from(ROWS) - 1].contains("q quit")
}
