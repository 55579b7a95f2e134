//! How an atomic write fails.

use std::io;
use std::path::PathBuf;

use thiserror::Error;

/// Why an atomic write failed. Every message names the target, never the temporary file,
/// and is one line.
#[derive(Debug, Error)]
pub enum WriteError {
    /// The target exists and replacing it was not allowed; it is untouched.
    #[error("{} already exists", path.display())]
    Exists { path: PathBuf },
    /// The target is a directory (or a symlink to one); it is untouched.
    #[error("{} is a directory", path.display())]
    IsDirectory { path: PathBuf },
    /// The target is neither a regular file nor something that can be written through, such
    /// as a block device or a socket; it is untouched.
    #[error("{} is {kind}, not a regular file", path.display())]
    NotRegular {
        path: PathBuf,
        /// What it is, with its article: "a block device", "a socket".
        kind: &'static str,
    },
    /// The write itself failed (missing or unwritable directory, full disk, a FIFO nobody
    /// reads…); any previous file at the path is untouched.
    #[error("cannot write {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}
