//! One export numbers records in a folder at a time: the next number is only free until a
//! record takes it, so finding it and writing the record happen under an exclusive lock on
//! the folder itself (`File::try_lock`, a `flock`, which leaves no lock file in the user's folder and goes with
//! the process, however it ends).

use std::fs::{File, TryLockError};
use std::path::Path;
use std::time::{Duration, Instant};

/// Another export kept the folder locked for longer than an export waits.
#[derive(Debug)]
pub struct Busy;

/// How long an export waits for another to finish with the folder: a record's write takes
/// milliseconds, so a longer wait means something is stuck, and no wait is forever.
const PATIENCE: Duration = Duration::from_secs(10);

/// The folder, locked until dropped.
pub struct FolderLock {
    /// Held open for its lock; `None` where the folder cannot be locked (a file system
    /// without `flock`), which numbers as before, without the guarantee.
    _folder: Option<File>,
}

/// Locks `dir` (which exists) against other exports, waiting for them up to ten seconds.
pub fn lock(dir: &Path) -> Result<FolderLock, Busy> {
    let Ok(folder) = File::open(dir) else {
        return Ok(FolderLock { _folder: None });
    };
    let deadline = Instant::now() + PATIENCE;
    loop {
        match try_lock(&folder) {
            Some(true) => {
                return Ok(FolderLock {
                    _folder: Some(folder),
                });
            }
            Some(false) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(5)),
            Some(false) => return Err(Busy),
            None => return Ok(FolderLock { _folder: None }),
        }
    }
}

/// `Some(true)` when locked, `Some(false)` when another holds it, `None` when the folder
/// cannot be locked at all.
fn try_lock(folder: &File) -> Option<bool> {
    match folder.try_lock() {
        Ok(()) => Some(true),
        Err(TryLockError::WouldBlock) => Some(false),
        Err(TryLockError::Error(_)) => None,
    }
}
