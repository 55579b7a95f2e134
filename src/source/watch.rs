//! Following one file as it changes (`--watch`): its directory is watched (through inotify on
//! Linux, with `notify`), so that an editor that saves by writing a new file and renaming it
//! over the old one is followed too, and the events are filtered for the file's name.
//!
//! The watcher's thread writes a byte to a socket for each event; the owner polls the other
//! end with whatever else it waits for (the app's terminal), so nothing runs while nothing
//! changes. A burst of events (an editor's save is several) becomes one change: the file is
//! read at once after an event that ends a write (a close after writing, a rename onto the
//! name), and otherwise once the events have stopped for [`SETTLE`].

use std::ffi::OsString;
use std::io::{self, Read, Write};
use std::os::fd::{AsFd, BorrowedFd};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode, ModifyKind, RenameMode};
use notify::{EventKind, EventKindMask, RecommendedWatcher, RecursiveMode, Watcher};

/// How long the events of a write that has not ended must stop before the file is read: long
/// enough for the writes of one save, short enough not to be seen.
pub const SETTLE: Duration = Duration::from_millis(40);

/// The byte for an event after which the file is whole (a close after writing, a rename onto
/// the name).
const WHOLE: u8 = b'w';
/// The byte for any other event naming the file (created, written to, removed, renamed away).
const PARTIAL: u8 = b'p';

/// A file followed through its directory.
pub struct Watch {
    path: PathBuf,
    /// Kept for as long as the file is followed: dropping it stops the watcher's thread.
    _watcher: RecommendedWatcher,
    /// Readable once an event came.
    wake: UnixStream,
    /// When the file is to be read, once an event came.
    due: Option<Instant>,
}

impl Watch {
    /// Starts following `path`. Fails when its directory cannot be watched (missing, or the
    /// system's limit of watches reached).
    pub fn new(path: &Path) -> io::Result<Watch> {
        let name: OsString = path
            .file_name()
            .ok_or_else(|| io::Error::other("not a file name"))?
            .to_owned();
        let dir = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let (wake, mut sender) = UnixStream::pair()?;
        wake.set_nonblocking(true)?;
        sender.set_nonblocking(true)?;
        let handler = move |event: notify::Result<notify::Event>| {
            // An error of the watcher is a change too: read the file, and say what it holds.
            let byte = match event {
                Ok(event) => match kind_for(&event, &name) {
                    Some(byte) => byte,
                    None => return,
                },
                Err(_) => PARTIAL,
            };
            // A full socket already holds a wake-up.
            let _ = sender.write(&[byte]);
        };
        // Not the opens and closes after reading: reading the file must not wake its reader.
        let config =
            notify::Config::default().with_event_kinds(EventKindMask::CORE | EventKindMask::ACCESS_CLOSE);
        let mut watcher = RecommendedWatcher::new(handler, config).map_err(io::Error::other)?;
        watcher
            .watch(&dir, RecursiveMode::NonRecursive)
            .map_err(|e| io::Error::other(format!("cannot watch {}: {e}", crate::text::escape_path(&dir))))?;
        Ok(Watch {
            path: path.to_path_buf(),
            _watcher: watcher,
            wake,
            due: None,
        })
    }

    /// The file followed.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// What to poll: readable when events came (then call [`Watch::take_events`]).
    pub fn fd(&self) -> BorrowedFd<'_> {
        self.wake.as_fd()
    }

    /// Reads the events that came: the file is due at once after one that ends a write, else
    /// [`SETTLE`] after the last one.
    pub fn take_events(&mut self) {
        let mut whole = false;
        let mut any = false;
        let mut buffer = [0; 64];
        while let Ok(n @ 1..) = (&self.wake).read(&mut buffer) {
            any = true;
            whole |= buffer[..n].contains(&WHOLE);
        }
        if !any {
            return;
        }
        let now = Instant::now();
        self.due = match self.due {
            // Already due: the read to come sees these changes too.
            Some(due) if due <= now => Some(due),
            _ if whole => Some(now),
            _ => Some(now + SETTLE),
        };
    }

    /// When the file is to be read next, if a change is pending.
    pub fn due(&self) -> Option<Instant> {
        self.due
    }

    /// Whether the file is to be read now; if so, the change is taken.
    pub fn take_due(&mut self) -> bool {
        if self.due.is_some_and(|due| due <= Instant::now()) {
            self.due = None;
            return true;
        }
        false
    }

    /// Blocks until the file is to be read: for a caller with nothing else to wait for.
    pub fn wait(&mut self) -> io::Result<()> {
        use rustix::event::{PollFd, PollFlags, Timespec, poll};
        loop {
            if self.take_due() {
                return Ok(());
            }
            let timeout = self
                .due
                .map(|due| Timespec::try_from(due.saturating_duration_since(Instant::now())))
                .transpose()
                .map_err(io::Error::other)?;
            let mut fds = [PollFd::from_borrowed_fd(self.fd(), PollFlags::IN)];
            match poll(&mut fds, timeout.as_ref()) {
                Ok(_) | Err(rustix::io::Errno::INTR) => {}
                Err(e) => return Err(e.into()),
            }
            if !fds[0].revents().is_empty() {
                self.take_events();
            }
        }
    }
}

/// The byte an event of the directory is worth for the file `name`, `None` when it is not
/// about the file.
fn kind_for(event: &notify::Event, name: &OsString) -> Option<u8> {
    let names = |path: &PathBuf| path.file_name() == Some(name.as_os_str());
    match event.kind {
        // Closed after writing, or renamed onto the name: the file is whole (`Both` lists the
        // old name first).
        EventKind::Access(AccessKind::Close(AccessMode::Write))
        | EventKind::Modify(ModifyKind::Name(RenameMode::To))
            if event.paths.iter().any(names) =>
        {
            Some(WHOLE)
        }
        EventKind::Modify(ModifyKind::Name(RenameMode::Both)) if event.paths.last().is_some_and(names) => {
            Some(WHOLE)
        }
        EventKind::Access(_) => None,
        _ if event.paths.iter().any(names) => Some(PARTIAL),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Waits for the watch to say the file is due, or gives up after a few seconds.
    fn changed(watch: &mut Watch) -> bool {
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            watch.take_events();
            if watch.take_due() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        false
    }

    #[test]
    fn a_rename_over_the_file_and_a_rewrite_are_followed_and_other_files_are_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mine.ron");
        std::fs::write(&path, "one").unwrap();
        let mut watch = Watch::new(&path).unwrap();
        // Another file of the directory: nothing.
        std::fs::write(dir.path().join("other.ron"), "x").unwrap();
        std::thread::sleep(Duration::from_millis(200));
        watch.take_events();
        assert_eq!(watch.due(), None, "another file's events are not the file's");
        // Reading the file is no change either.
        std::fs::read_to_string(&path).unwrap();
        std::thread::sleep(Duration::from_millis(200));
        watch.take_events();
        assert_eq!(watch.due(), None, "reading the file must not wake its reader");
        // An editor's save: a new file beside it, renamed over it.
        let temp = dir.path().join(".mine.ron.swp");
        std::fs::write(&temp, "two").unwrap();
        std::fs::rename(&temp, &path).unwrap();
        assert!(changed(&mut watch), "a rename over the file is a change");
        // Written in place.
        std::fs::write(&path, "three").unwrap();
        assert!(changed(&mut watch), "a rewrite is a change");
        // Removed, then made again.
        std::fs::remove_file(&path).unwrap();
        assert!(changed(&mut watch), "a removal is a change");
        std::fs::write(&path, "four").unwrap();
        assert!(changed(&mut watch), "the file made again is a change");
    }
}
