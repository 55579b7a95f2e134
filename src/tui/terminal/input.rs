//! The terminal's input, read by the app itself rather than by crossterm's `event::read`, so
//! that it is always read. crossterm 0.29's reader reads once per wake-up of an edge-triggered
//! registration, so after a burst of more than 1 KiB the rest waits in the terminal until more
//! keys come (crossterm PR #1057 would fix it upstream), and its parser holds an unfinished escape sequence until the sequence ends, with
//! every key typed meanwhile. Here the terminal is polled level-triggered (bytes left unread
//! wake the next poll), and the decoder gives up a sequence the terminal left unfinished.
//! An idle app still blocks in `poll` with no timeout: a timeout runs only while a sequence is
//! unfinished, or while a followed file's change settles (`--watch`, `source/watch.rs`).

pub mod decode;

use std::fs::File;
use std::io::{self, IsTerminal, Read};
use std::os::fd::AsFd;
use std::os::unix::net::UnixStream;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::Event;
use rustix::event::{PollFd, PollFlags, Timespec, poll};
use signal_hook::consts::SIGWINCH;

use crate::source::watch::Watch;
use crate::tui::terminal::input::decode::Decoder;

/// How long an escape sequence may stay unfinished with no byte coming: a terminal writes
/// one whole, so a pause this long means it was cut (over a slow link too).
const CUT_SEQUENCE_AFTER: Duration = Duration::from_millis(500);
/// The same for a bracketed paste, longer: a big paste over a network may stall, and text
/// taken as keys after a paste given up too soon would act.
const CUT_PASTE_AFTER: Duration = Duration::from_secs(2);
/// The most one read takes.
const READ_SIZE: usize = 1 << 16;

/// What the loop waits for: the terminal's events, and the followed file's changes.
#[derive(Debug)]
pub enum Happening {
    Terminal(Event),
    /// The file of `--watch` changed, and is whole: read it.
    DataChanged,
}

/// The terminal's input and the window's resizes, as crossterm events, and the changes of
/// the file followed.
pub struct Input {
    tty: File,
    /// Readable after a SIGWINCH (signal-hook's self-pipe).
    winch: UnixStream,
    resized: bool,
    /// The decision file of `--watch`.
    watch: Option<Watch>,
    decoder: Decoder,
    buffer: Vec<u8>,
    /// When the last byte came, to know when an unfinished sequence was cut.
    last_byte: Instant,
}

impl Input {
    /// Reads the terminal on standard input (or `/dev/tty`, as crossterm does), and resizes.
    pub fn open() -> io::Result<Input> {
        let stdin = io::stdin();
        let tty = if stdin.is_terminal() {
            File::from(stdin.as_fd().try_clone_to_owned()?)
        } else {
            File::options().read(true).write(true).open("/dev/tty")?
        };
        let (winch, sender) = UnixStream::pair()?;
        winch.set_nonblocking(true)?;
        sender.set_nonblocking(true)?;
        signal_hook::low_level::pipe::register(SIGWINCH, sender)?;
        Ok(Input {
            tty,
            winch,
            resized: false,
            watch: None,
            decoder: Decoder::default(),
            buffer: vec![0; READ_SIZE],
            last_byte: Instant::now(),
        })
    }

    /// Also waits for the changes of this file.
    pub fn follow(&mut self, watch: Watch) {
        self.watch = Some(watch);
    }

    /// The file followed, if any.
    pub fn followed(&self) -> Option<&std::path::Path> {
        self.watch.as_ref().map(Watch::path)
    }

    /// The next thing that happens, waiting for it as long as it takes.
    pub fn read(&mut self) -> io::Result<Happening> {
        loop {
            if let Some(event) = self.next()? {
                return Ok(event);
            }
            self.fill()?;
        }
    }

    fn next(&mut self) -> io::Result<Option<Happening>> {
        if std::mem::take(&mut self.resized) {
            let (width, height) = ratatui::crossterm::terminal::size()?;
            return Ok(Some(Happening::Terminal(Event::Resize(width, height))));
        }
        if let Some(event) = self.decoder.event() {
            return Ok(Some(Happening::Terminal(event)));
        }
        // Keys typed before the file changed act first.
        Ok(self
            .watch
            .as_mut()
            .is_some_and(Watch::take_due)
            .then_some(Happening::DataChanged))
    }

    /// Waits for the terminal, the resize pipe or the file's changes (without a timeout
    /// unless a sequence is unfinished, until it is cut, or a change settles), then reads once
    /// what came.
    fn fill(&mut self) -> io::Result<()> {
        let cut_at = self.decoder.unfinished().map(|paste| {
            self.last_byte
                + if paste {
                    CUT_PASTE_AFTER
                } else {
                    CUT_SEQUENCE_AFTER
                }
        });
        let due = self.watch.as_ref().and_then(Watch::due);
        let wake_at = match (cut_at, due) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let timeout = wake_at
            .map(|at| Timespec::try_from(at.saturating_duration_since(Instant::now())))
            .transpose()
            .map_err(io::Error::other)?;
        let mut fds = vec![
            PollFd::new(&self.tty, PollFlags::IN),
            PollFd::new(&self.winch, PollFlags::IN),
        ];
        if let Some(watch) = &self.watch {
            fds.push(PollFd::from_borrowed_fd(watch.fd(), PollFlags::IN));
        }
        match poll(&mut fds, timeout.as_ref()) {
            Ok(_) => {}
            // A signal (a resize among them): the caller polls again.
            Err(rustix::io::Errno::INTR) => return Ok(()),
            Err(e) => return Err(e.into()),
        }
        let (tty, winch) = (!fds[0].revents().is_empty(), !fds[1].revents().is_empty());
        let changed = fds.get(2).is_some_and(|fd| !fd.revents().is_empty());
        drop(fds);
        if changed && let Some(watch) = &mut self.watch {
            watch.take_events();
        }
        if winch {
            while matches!((&self.winch).read(&mut [0; 64]), Ok(n) if n > 0) {}
            self.resized = true;
        }
        if tty {
            let read = loop {
                match self.tty.read(&mut self.buffer) {
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    read => break read?,
                }
            };
            if read == 0 {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "the terminal closed",
                ));
            }
            // An ESC at the end is the Esc key unless the rest of a sequence is already there.
            let more = read == self.buffer.len() || (self.buffer[read - 1] == 0x1b && self.readable()?);
            self.decoder.feed(&self.buffer[..read], more);
            self.last_byte = Instant::now();
        } else if cut_at.is_some_and(|at| Instant::now() >= at) {
            self.decoder.flush();
        }
        Ok(())
    }

    /// Whether the terminal has bytes to read now.
    fn readable(&self) -> io::Result<bool> {
        let mut fds = [PollFd::new(&self.tty, PollFlags::IN)];
        match poll(&mut fds, Some(&Timespec::default())) {
            Ok(_) => Ok(!fds[0].revents().is_empty()),
            Err(rustix::io::Errno::INTR) => Ok(false),
            Err(e) => Err(e.into()),
        }
    }
}
