//! Telling a closed standard output from a working one.
//!
//! Writing to a closed standard output must fail, but it cannot: before `main`, Rust's
//! runtime reopens a closed descriptor 0, 1 or 2 as `/dev/null` (so that a file opened later
//! cannot land on it), and every write then succeeds. A descriptor reopened that way is
//! `/dev/null` open for reading *and* writing; a shell's `> /dev/null` opens it for writing
//! only. That difference is how a closed standard output is recognised.

use std::io;

/// `Err` when standard output was closed when the process started.
pub fn check_open() -> io::Result<()> {
    if was_closed() {
        return Err(io::Error::new(io::ErrorKind::BrokenPipe, "it is closed"));
    }
    Ok(())
}

#[cfg(unix)]
fn was_closed() -> bool {
    use rustix::fs::{FileType, OFlags};

    let stdout = io::stdout();
    let (Ok(stat), Ok(flags), Ok(null)) = (
        rustix::fs::fstat(&stdout),
        rustix::fs::fcntl_getfl(&stdout),
        rustix::fs::stat("/dev/null"),
    ) else {
        return false;
    };
    FileType::from_raw_mode(stat.st_mode) == FileType::CharacterDevice
        && stat.st_rdev == null.st_rdev
        && flags & OFlags::ACCMODE == OFlags::RDWR
}

#[cfg(not(unix))]
fn was_closed() -> bool {
    false
}
