//! Atomic file writes: a temporary file in the target's directory, fsync, then rename.
//!
//! A reader (or a crash) sees either the old file or the complete new one, never a partial
//! file, and no temporary file is left behind on any error this process can observe (one
//! left by a killed process is swept by [`sweep_stale_temps`]). A signal that ends the
//! process removes the temporary files of writes under way first ([`remove_live_temps`],
//! [`exit_on_signals`]).
//!
//! What the target is decides what happens:
//!
//! - nothing, a regular file, or a symlink to one (or to nothing): replaced atomically, an
//!   existing one only with `overwrite`. A symlink is replaced itself, not its target, and
//!   the new file gets the mode of any new file (0o666 less the umask); a regular file keeps
//!   its mode.
//! - a character device or a FIFO (`/dev/null`, `/dev/tty`, a named pipe), directly or
//!   through a symlink: written through, as the shell's `>` does, since nothing is replaced.
//!   A FIFO nobody is reading is refused rather than waited on forever.
//! - a link to an open descriptor (`/dev/stdout`, `/dev/fd/1`), whatever it leads to:
//!   written through as well (a regular file there is truncated first, as by `>`); the link
//!   is never replaced.
//! - a directory: [`WriteError::IsDirectory`], before any question of overwriting.
//! - anything else (a block device, a socket): [`WriteError::NotRegular`], untouched.

mod error;
mod live;
mod special;
mod temp;

use std::fs::{self, File, Metadata};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

pub use error::WriteError;
pub use live::{exit_on_signals, remove_all as remove_live_temps};
pub use temp::sweep_stale_temps;

/// What is at the target path, as far as writing to it goes.
enum Target {
    /// Nothing: a new file.
    Missing,
    /// A regular file, whose mode the new file keeps.
    File(Metadata),
    /// A symlink to a regular file or a dangling one: the link itself is replaced.
    Link,
    /// A character device or a FIFO, directly or through a symlink, or a link to an open
    /// descriptor: written through.
    Through(special::Through),
}

/// Writes `contents` to `path` atomically (or through, for a device or FIFO: see the module
/// documentation).
///
/// Without `overwrite`, an existing `path` (even a dangling symlink) is left untouched and
/// [`WriteError::Exists`] is returned; the final rename refuses to clobber too, so a file
/// created in between by someone else is not replaced either.
pub fn write_file(path: &Path, contents: &str, overwrite: bool) -> Result<(), WriteError> {
    match classify(path)? {
        Target::Through(through) => special::write_through(path, contents.as_bytes(), through),
        Target::File(_) | Target::Link if !overwrite => Err(WriteError::Exists {
            path: path.to_path_buf(),
        }),
        Target::File(meta) => replace(path, contents, Some(&meta), true),
        Target::Link => replace(path, contents, None, true),
        Target::Missing => replace(path, contents, None, overwrite),
    }
}

/// What is at `path`. Directories and unwritable kinds of file are refused here, before
/// anything is created.
fn classify(path: &Path) -> Result<Target, WriteError> {
    // `symlink_metadata` so that a dangling symlink counts as existing: renaming over it
    // would replace the link, which is a clobber too. Any other error (a parent that is not
    // a directory, a name too long…) is left for the write, which reports it.
    let Ok(own) = fs::symlink_metadata(path) else {
        return Ok(Target::Missing);
    };
    let is_link = own.file_type().is_symlink();
    let meta = if is_link {
        match fs::metadata(path) {
            Ok(target) => target,
            // Dangling (or a loop): there is only the link to replace.
            Err(_) => return Ok(Target::Link),
        }
    } else {
        own
    };
    let file_type = meta.file_type();
    if file_type.is_dir() {
        return Err(WriteError::IsDirectory {
            path: path.to_path_buf(),
        });
    }
    if is_link && special::is_descriptor_link(path) {
        return Ok(Target::Through(special::Through::Descriptor {
            regular: file_type.is_file(),
        }));
    }
    if file_type.is_file() {
        return Ok(if is_link { Target::Link } else { Target::File(meta) });
    }
    match special::kind(file_type) {
        None => Ok(Target::Through(special::Through::Device)),
        Some(kind) => Err(WriteError::NotRegular {
            path: path.to_path_buf(),
            kind,
        }),
    }
}

/// Writes a temporary file beside `path` and renames it over `path`; `keep` is the file
/// being replaced, whose mode the new one takes.
fn replace(path: &Path, contents: &str, keep: Option<&Metadata>, overwrite: bool) -> Result<(), WriteError> {
    let io_error = |source: io::Error| WriteError::Io {
        path: path.to_path_buf(),
        source,
    };
    let dir = parent_dir(path);
    // `make_in` with our own open, and writes through `as_file_mut`: tempfile's own methods
    // wrap errors with the temporary file's name, which means nothing to the user.
    let mut temp = live::Temp::create_in(&dir, new_file).map_err(io_error)?;
    // An error below drops `temp`, which deletes the temporary file.
    if let Some(meta) = keep {
        // Keep the mode of the file being replaced exactly (the umask applied at creation).
        temp.as_file()
            .set_permissions(meta.permissions())
            .map_err(io_error)?;
    }
    temp.as_file_mut()
        .write_all(contents.as_bytes())
        .map_err(io_error)?;
    temp.as_file().sync_all().map_err(io_error)?;
    if let Err(e) = temp.persist(path, overwrite) {
        return Err(match e.kind() {
            io::ErrorKind::AlreadyExists if !overwrite => WriteError::Exists {
                path: path.to_path_buf(),
            },
            // Made a directory since `classify` looked.
            io::ErrorKind::IsADirectory => WriteError::IsDirectory {
                path: path.to_path_buf(),
            },
            _ => io_error(e),
        });
    }
    sync_dir(&dir);
    Ok(())
}

/// Creates a new file with the mode of an ordinary new file, 0o666 less the umask; the
/// 0o600 of tempfile's default would make an exported record private to its author.
fn new_file(path: &Path) -> io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o666);
    options.open(path)
}

/// The directory holding `path`; `.` for a bare file name.
fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Makes the rename itself durable. Best effort: the file is already complete either way.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(handle) = File::open(dir) {
        let _ = handle.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}
