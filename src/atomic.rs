//! Atomic file writes: a temporary file in the target's directory, fsync, then rename.
//!
//! A reader (or a crash) sees either the old file or the complete new one, never a partial
//! file, and no temporary file is left behind on any error this process can observe.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::export::ExportError;

/// Writes `contents` to `path` atomically.
///
/// Without `overwrite`, an existing `path` (even a dangling symlink) is left untouched and
/// [`ExportError::Exists`] is returned; the final rename refuses to clobber too, so a file
/// created in between by someone else is not replaced either.
pub fn write_file(path: &Path, contents: &str, overwrite: bool) -> Result<(), ExportError> {
    let write_error = |source: io::Error| ExportError::Write {
        path: path.to_path_buf(),
        source,
    };
    // `symlink_metadata` so that a dangling symlink counts as existing: renaming over it
    // would replace the link, which is a clobber too.
    let existing = fs::symlink_metadata(path).ok();
    if existing.is_some() && !overwrite {
        return Err(ExportError::Exists {
            path: path.to_path_buf(),
        });
    }
    let dir = parent_dir(path);
    let prefix = temp_prefix(path);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    if existing.is_none() {
        set_new_file_permissions(&mut builder);
    }
    let mut temp = builder.tempfile_in(&dir).map_err(write_error)?;
    // An error below drops `temp`, which deletes the temporary file.
    if let Some(meta) = existing.as_ref().filter(|m| m.is_file()) {
        // Keep the mode of the file being replaced exactly (the umask applied at creation).
        temp.as_file()
            .set_permissions(meta.permissions())
            .map_err(write_error)?;
    }
    temp.write_all(contents.as_bytes()).map_err(write_error)?;
    temp.as_file().sync_all().map_err(write_error)?;
    let persisted = if overwrite {
        temp.persist(path)
    } else {
        temp.persist_noclobber(path)
    };
    // On failure the error owns the temporary file; dropping it deletes the file.
    if let Err(e) = persisted {
        if !overwrite && e.error.kind() == io::ErrorKind::AlreadyExists {
            return Err(ExportError::Exists {
                path: path.to_path_buf(),
            });
        }
        return Err(write_error(e.error));
    }
    sync_dir(&dir);
    Ok(())
}

/// The directory holding `path`; `.` for a bare file name.
fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The name prefix of the temporary file (`.decision.md.XXXXXX.tmp`), so that one left by
/// a killed process is recognisable.
fn temp_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map_or_else(|| "stackpick".to_owned(), |n| n.to_string_lossy().into_owned());
    format!(".{name}.")
}

/// Gives a new file the mode of an ordinary new file, 0o666 less the umask; tempfile's
/// default of 0o600 would make an exported record private to its author.
#[cfg(unix)]
fn set_new_file_permissions(builder: &mut tempfile::Builder<'_, '_>) {
    use std::os::unix::fs::PermissionsExt;
    builder.permissions(fs::Permissions::from_mode(0o666));
}

#[cfg(not(unix))]
fn set_new_file_permissions(_builder: &mut tempfile::Builder<'_, '_>) {}

/// Makes the rename itself durable. Best effort: the file is already complete either way.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(handle) = fs::File::open(dir) {
        let _ = handle.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}
