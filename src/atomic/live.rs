//! The temporary files being written right now, so that a signal that ends the process can
//! remove them first: an export interrupted by Ctrl-C, a `kill` or a closed terminal leaves
//! nothing beside its target.
//!
//! Every step that creates, renames or deletes one of them holds [`LIVE`], and so does
//! [`remove_all`]: whenever the list is free, it names exactly the files that exist.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use tempfile::NamedTempFile;

/// The temporary files of this process's writes under way.
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn live() -> MutexGuard<'static, Vec<PathBuf>> {
    LIVE.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A temporary file of a write under way: deleted when dropped, unless persisted.
pub struct Temp {
    /// `None` once persisted or deleted.
    file: Option<NamedTempFile>,
}

impl Temp {
    /// Creates a temporary file in `dir` with `open` (see [`super::temp::builder`]).
    pub fn create_in(dir: &Path, open: impl FnMut(&Path) -> io::Result<File>) -> io::Result<Self> {
        let mut list = live();
        let file = super::temp::builder().make_in(dir, open)?;
        list.push(file.path().to_path_buf());
        Ok(Self { file: Some(file) })
    }

    /// The open file.
    pub fn as_file(&self) -> &File {
        self.named().as_file()
    }

    /// The open file, to write to.
    pub fn as_file_mut(&mut self) -> &mut File {
        self.file.as_mut().expect("a live temporary file").as_file_mut()
    }

    fn named(&self) -> &NamedTempFile {
        self.file.as_ref().expect("a live temporary file")
    }

    /// Renames the file to `path` (never over an existing file without `overwrite`). On an
    /// error the temporary file is deleted and the error returned.
    pub fn persist(mut self, path: &Path, overwrite: bool) -> io::Result<()> {
        let mut list = live();
        let file = self.file.take().expect("a live temporary file");
        let temp_path = file.path().to_path_buf();
        let persisted = if overwrite {
            file.persist(path)
        } else {
            file.persist_noclobber(path)
        };
        forget(&mut list, &temp_path);
        // On failure the error owns the temporary file; dropping it here deletes it.
        persisted.map(drop).map_err(|e| e.error)
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        if let Some(file) = self.file.take() {
            let mut list = live();
            forget(&mut list, file.path());
            drop(file);
        }
    }
}

fn forget(list: &mut Vec<PathBuf>, path: &Path) {
    list.retain(|p| p != path);
}

/// Deletes every temporary file of a write under way and keeps new ones from being made or
/// renamed into place until the process ends: for a signal's handler, just before it exits.
pub fn remove_all() {
    let list = live();
    for path in list.iter() {
        let _ = fs::remove_file(path);
    }
    // Held until exit: a write that was under way can neither rename a deleted file nor
    // start another.
    std::mem::forget(list);
}

/// Ends the process on SIGTERM, SIGINT or SIGHUP with 128+n, as their default actions would
/// be reported, but after [`remove_all`]. For the commands; the app handles its own signals
/// and calls [`remove_all`] itself.
pub fn exit_on_signals() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP])?;
    std::thread::Builder::new()
        .name("signals".to_owned())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                remove_all();
                std::process::exit(128 + signal);
            }
        })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open(path: &Path) -> io::Result<File> {
        fs::OpenOptions::new().write(true).create_new(true).open(path)
    }

    #[test]
    fn the_list_names_the_files_that_exist() {
        let dir = tempfile::tempdir().unwrap();
        let listed = |dir: &Path| live().iter().filter(|p| p.starts_with(dir)).count();
        let kept = Temp::create_in(dir.path(), open).unwrap();
        let dropped = Temp::create_in(dir.path(), open).unwrap();
        assert_eq!(listed(dir.path()), 2);
        drop(dropped);
        assert_eq!(listed(dir.path()), 1);
        kept.persist(&dir.path().join("target"), false).unwrap();
        assert_eq!(listed(dir.path()), 0);
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["target"]);
    }
}
