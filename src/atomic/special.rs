//! Targets that are not regular files: which ones are written through (character devices
//! and FIFOs, as the shell's `>` would) and which are refused.

use std::fs::FileType;
use std::path::Path;

use crate::atomic::error::WriteError;

/// `None` when a file of this type is written through; otherwise what it is, for the
/// refusal ("a block device"). Only called for what is neither a directory nor a regular file.
#[cfg(unix)]
pub fn kind(file_type: FileType) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    if file_type.is_char_device() || file_type.is_fifo() {
        None
    } else if file_type.is_block_device() {
        // Writing a record over a disk is never what was meant.
        Some("a block device")
    } else if file_type.is_socket() {
        Some("a socket")
    } else {
        Some("a special file")
    }
}

#[cfg(not(unix))]
pub fn kind(_file_type: &FileType) -> Option<&'static str> {
    Some("a special file")
}

/// What a write-through target is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Through {
    /// A character device or a FIFO.
    Device,
    /// A link to a descriptor the process has open (`/dev/stdout`, `/dev/fd/1`), whatever it
    /// is: a regular file there is truncated and written, as the shell's `>` would.
    Descriptor { regular: bool },
}

/// Whether `path` is a symlink that leads, through any chain of symlinks, to a descriptor
/// link in `/proc` (`/dev/stdout` → `/proc/self/fd/1`). Replacing such a link would replace
/// `/dev/stdout` itself (as root), and writing anywhere else would lose the output.
pub fn is_descriptor_link(path: &Path) -> bool {
    let mut current = path.to_path_buf();
    // The kernel gives up after 40 links too.
    for _ in 0..40 {
        let is_link = std::fs::symlink_metadata(&current).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link {
            return false;
        }
        let parent = match current.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => Path::new(".").to_path_buf(),
        };
        if std::fs::canonicalize(&parent).is_ok_and(|dir| dir.starts_with("/proc")) {
            return true;
        }
        let Ok(next) = std::fs::read_link(&current) else {
            return false;
        };
        current = parent.join(next);
    }
    false
}

/// Writes `contents` into the character device, FIFO or open descriptor at `path`.
///
/// The open does not block: a FIFO with no reader fails at once (`ENXIO`), and is refused
/// with a message saying so, rather than hanging the export until someone reads. Once open,
/// the file is made blocking again, so a slow reader is waited for as with `>`.
#[cfg(unix)]
pub fn write_through(path: &Path, contents: &[u8], through: Through) -> Result<(), WriteError> {
    use std::io::Write;
    use std::os::unix::fs::FileTypeExt;

    use rustix::fs::OFlags;

    let io_error = |source: std::io::Error| WriteError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut flags = OFlags::NOCTTY;
    if through == (Through::Descriptor { regular: true }) {
        flags |= OFlags::TRUNC;
    }
    let mut file = crate::source::open_without_waiting(std::fs::OpenOptions::new().write(true), flags, path)
        .map_err(|e| match e.raw_os_error() {
            Some(code) if code == rustix::io::Errno::NXIO.raw_os_error() => io_error(std::io::Error::new(
                e.kind(),
                "it is a FIFO and nothing is reading from it",
            )),
            _ => io_error(e),
        })?;
    // What was opened is what gets written: if the path was swapped for a regular file
    // since it was looked at, writing into that in place would not be atomic.
    let file_type = file.metadata().map_err(io_error)?.file_type();
    if through == Through::Device && !(file_type.is_char_device() || file_type.is_fifo()) {
        return Err(io_error(std::io::Error::other(
            "it changed while it was being opened; nothing was written",
        )));
    }
    file.write_all(contents)
        .and_then(|()| file.flush())
        .map_err(io_error)
}

#[cfg(not(unix))]
pub fn write_through(path: &Path, _contents: &[u8], _through: Through) -> Result<(), WriteError> {
    Err(WriteError::NotRegular {
        path: path.to_path_buf(),
        kind: "a special file",
    })
}
