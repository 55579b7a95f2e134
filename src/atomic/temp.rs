//! The temporary files of atomic writes: their names, and sweeping the ones a killed process
//! left behind.
//!
//! A temporary file is `.stackpick-<pid>-XXXXXX.tmp`: short, so that any legal target name
//! (up to 255 bytes) can be written, recognisably ours, and carrying the pid of the process
//! that made it, so that a sweep can tell a live write from a dead one.

use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

/// The start of every temporary file's name.
const PREFIX: &str = ".stackpick-";
/// The end of every temporary file's name.
const SUFFIX: &str = ".tmp";
/// The random part's length.
const RANDOM_LEN: usize = 6;
/// A temporary file this old is stale whoever made it: a write takes milliseconds, and a pid
/// can be reused.
const STALE_AGE: Duration = Duration::from_hours(1);

/// A builder for this process's temporary files.
pub fn builder() -> tempfile::Builder<'static, 'static> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(own_prefix()).suffix(SUFFIX).rand_bytes(RANDOM_LEN);
    builder
}

/// `.stackpick-<pid>-`, made once per process.
fn own_prefix() -> &'static str {
    static PREFIX_WITH_PID: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    PREFIX_WITH_PID.get_or_init(|| format!("{PREFIX}{}-", std::process::id()))
}

/// Whose temporary file a name is.
#[derive(Debug, PartialEq, Eq)]
enum Owner {
    /// `.stackpick-<pid>-XXXXXX.tmp`.
    Pid(u32),
    /// `.<name>.ron.XXXXXX.tmp`, the name earlier versions gave a state file's temporary
    /// file; the pid is unknown.
    Legacy,
}

/// Whether `name` is one of our temporary files' names, and whose.
fn owner(name: &str) -> Option<Owner> {
    let random_ok = |s: &str| s.len() == RANDOM_LEN && s.bytes().all(|b| b.is_ascii_alphanumeric());
    let body = name.strip_suffix(SUFFIX)?;
    if let Some(rest) = body.strip_prefix(PREFIX) {
        let (pid, random) = rest.split_once('-')?;
        let pid_ok = !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit());
        if !(pid_ok && random_ok(random)) {
            return None;
        }
        return pid.parse().ok().map(Owner::Pid);
    }
    let (stem, random) = body.strip_prefix('.')?.rsplit_once('.')?;
    let stem_ok = stem.strip_suffix(".ron").is_some_and(|s| !s.is_empty());
    (stem_ok && random_ok(random)).then_some(Owner::Legacy)
}

/// Removes the temporary files a killed process left in `dir` and returns how many.
///
/// Only regular files named as ours are touched, never followed symlinks nor anything
/// else; one is stale when the process that made it is gone or it is older than an hour.
/// Temporary files named by earlier versions (`.<decision>.ron.XXXXXX.tmp`) carry no pid,
/// so they are removed whatever their age: at worst an old version running at that very
/// moment loses one autosave, which it reports and redoes at the next change.
///
/// Meant for the state directory, which is ours; never for a user's export directory.
pub fn sweep_stale_temps(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let now = SystemTime::now();
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(owner) = name.to_str().and_then(owner) else {
            continue;
        };
        // `DirEntry::metadata` does not follow symlinks.
        let Ok(meta) = entry.metadata() else {
            continue;
        };
        if !meta.file_type().is_file() {
            continue;
        }
        let old = meta
            .modified()
            .ok()
            .and_then(|modified| now.duration_since(modified).ok())
            .is_some_and(|age| age > STALE_AGE);
        let stale = match owner {
            Owner::Legacy => true,
            Owner::Pid(pid) => old || !process_alive(pid),
        };
        if stale && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Whether a process with this pid exists (ours counts).
#[cfg(unix)]
fn process_alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let Some(pid) = i32::try_from(pid).ok().and_then(rustix::process::Pid::from_raw) else {
        return false;
    };
    // EPERM: it exists but belongs to someone else.
    !matches!(
        rustix::process::test_kill_process(pid),
        Err(rustix::io::Errno::SRCH)
    )
}

/// Without a way to ask, every process is taken to be alive: only age makes a file stale.
#[cfg(not(unix))]
fn process_alive(_pid: u32) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn our_names_are_recognised_with_their_owner() {
        assert_eq!(owner(".stackpick-4242-aB3dE9.tmp"), Some(Owner::Pid(4242)));
        assert_eq!(owner(".web-frameworks.ron.Q87r22.tmp"), Some(Owner::Legacy));
        for other in [
            "web-frameworks.ron",
            ".stackpick-4242-aB3dE9",
            ".stackpick--aB3dE9.tmp",
            ".stackpick-42x-aB3dE9.tmp",
            ".stackpick-4242-aB3dE.tmp",
            ".stackpick-4242-aB3d.9.tmp",
            ".notes.txt.Q87r22.tmp",
            "..ron.Q87r22.tmp",
            ".x.ron.Q87r2!.tmp",
            ".stackpick-99999999999999999999-aB3dE9.tmp",
        ] {
            assert_eq!(owner(other), None, "{other}");
        }
    }

    #[test]
    fn temporary_names_are_short_and_ours() {
        let dir = tempfile::tempdir().unwrap();
        let temp = builder().tempfile_in(dir.path()).unwrap();
        let name = temp.path().file_name().unwrap().to_str().unwrap().to_owned();
        assert_eq!(owner(&name), Some(Owner::Pid(std::process::id())));
        assert!(name.len() < 40, "{name}");
    }
}
