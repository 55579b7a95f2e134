//! Targets that are not regular files: which ones are written through (character devices
//! and FIFOs, as the shell's `>` would) and which are refused.

use std::fs::FileType;
use std::path::Path;

use super::WriteError;

/// `None` when a file of this type is written through; otherwise what it is, for the
/// refusal ("a block device"). Only called for what is neither a directory nor a regular file.
#[cfg(unix)]
pub fn kind(file_type: &FileType) -> Option<&'static str> {
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

/// Writes `contents` into the character device or FIFO at `path`.
///
/// The open does not block: a FIFO with no reader fails at once (`ENXIO`), and is refused
/// with a message saying so, rather than hanging the export until someone reads. Once open,
/// the file is made blocking again, so a slow reader is waited for as with `>`.
#[cfg(unix)]
pub fn write_through(path: &Path, contents: &[u8]) -> Result<(), WriteError> {
    use std::io::Write;
    use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};

    use rustix::fs::OFlags;

    let io_error = |source: std::io::Error| WriteError::Io {
        path: path.to_path_buf(),
        source,
    };
    let flags = OFlags::NONBLOCK | OFlags::NOCTTY;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .custom_flags(flags.bits() as i32)
        .open(path)
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
    if !(file_type.is_char_device() || file_type.is_fifo()) {
        return Err(io_error(std::io::Error::other(
            "it changed while it was being opened; nothing was written",
        )));
    }
    let blocking = rustix::fs::fcntl_getfl(&file).map_err(|e| io_error(e.into()))? - OFlags::NONBLOCK;
    rustix::fs::fcntl_setfl(&file, blocking).map_err(|e| io_error(e.into()))?;
    file.write_all(contents)
        .and_then(|()| file.flush())
        .map_err(io_error)
}

#[cfg(not(unix))]
pub fn write_through(path: &Path, _contents: &[u8]) -> Result<(), WriteError> {
    Err(WriteError::NotRegular {
        path: path.to_path_buf(),
        kind: "a special file",
    })
}
