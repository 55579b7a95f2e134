//! The decisions folder: numbered records (`0007-use-django.md`), the next free number, the
//! record a new one supersedes, and marking that one superseded.
//!
//! Existing records are never touched, except the superseded one with `--mark-superseded`,
//! which is replaced atomically (or not at all: if that fails, the new record is removed
//! again, so the folder is as it was).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::text::escape_path;

mod lock;

pub use lock::{Busy, FolderLock, lock};

/// The folder `--adr-dir` writes to when given no value.
pub const DEFAULT_DIR: &str = "docs/decisions";

/// Why a record could not be numbered, found or marked.
#[derive(Debug, Error)]
pub enum AdrError {
    /// The folder could not be listed.
    #[error("cannot read {}: {source}", escape_path(dir))]
    List {
        dir: PathBuf,
        #[source]
        source: io::Error,
    },
    /// `--supersedes` names a number no record has.
    #[error(
        "--supersedes {number}: no record {number} in {} (records are named {number}-<title>.md)",
        escape_path(dir)
    )]
    NoRecord { number: String, dir: PathBuf },
    /// `--supersedes` is not a record number.
    #[error("--supersedes {input:?}: give the number of a record, e.g. 0007")]
    BadNumber { input: String },
    /// The superseded record could not be read.
    #[error("cannot read {}: {source}", escape_path(path))]
    Read {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// The superseded record has no status to change.
    #[error(
        "{}: no `status:` line to mark superseded (nothing was written)",
        escape_path(path)
    )]
    NoStatus { path: PathBuf },
    /// Marking the superseded record failed; it is unchanged and the new record was removed.
    #[error(
        "cannot mark {} superseded: {reason}; it is unchanged, and {} was not kept",
        escape_path(old),
        escape_path(new)
    )]
    Mark {
        old: PathBuf,
        new: PathBuf,
        reason: String,
    },
    /// A record's number is larger than records can be numbered: it would be neither
    /// counted nor followed.
    #[error(
        "{}: record numbers go up to {}; rename it or move it out of the folder",
        escape_path(path),
        u32::MAX
    )]
    TooLarge { path: PathBuf },
    /// The highest record has the largest number there is: there is no next one.
    #[error(
        "{}: record {} is the last number there is; move the old records out to start again",
        escape_path(dir),
        u32::MAX
    )]
    Full { dir: PathBuf },
    /// Another export kept the folder locked too long (see [`lock`]).
    #[error(
        "{} is being written by another export; try again once it is done",
        escape_path(dir)
    )]
    Busy { dir: PathBuf },
    /// The record's file name was taken by something other than an export, every time.
    #[error(
        "{} was created by something else while it was being written; nothing was \
         replaced: run the export again",
        escape_path(path)
    )]
    Taken { path: PathBuf },
    /// The new record could not be written.
    #[error(transparent)]
    Write(#[from] crate::export::ExportError),
}

/// A record of the folder: its number and file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub number: u32,
    pub path: PathBuf,
}

impl Record {
    /// The number as records write it: four digits at least, `0007`.
    pub fn label(&self) -> String {
        label(self.number)
    }

    /// The file's name, for a relative link from a record of the same folder.
    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }
}

/// `0007`.
pub fn label(number: u32) -> String {
    format!("{number:04}")
}

/// The number a record's file name starts with: four digits (or more) and a `-`. An error
/// for a record whose number is too large to hold (digits are all there is).
fn number_of(name: &str) -> Option<Result<u32, std::num::ParseIntError>> {
    let digits = name.bytes().take_while(u8::is_ascii_digit).count();
    if digits < 4 || name.as_bytes().get(digits) != Some(&b'-') {
        return None;
    }
    Some(name[..digits].parse())
}

/// The records of the folder, by number; none when it does not exist yet. Files whose names
/// do not start with `NNNN-` are not records and are ignored; a record whose number is too
/// large to hold is an error, since the next number could not follow it.
pub fn records(dir: &Path) -> Result<Vec<Record>, AdrError> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(AdrError::List {
                dir: dir.to_path_buf(),
                source,
            });
        }
    };
    let mut records = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let Some(number) = name.to_str().and_then(number_of) else {
            continue;
        };
        let path = entry.path();
        let number = number.map_err(|_| AdrError::TooLarge { path: path.clone() })?;
        records.push(Record { number, path });
    }
    records.sort_by(|a, b| a.number.cmp(&b.number).then_with(|| a.path.cmp(&b.path)));
    Ok(records)
}

/// The number after the highest record's: `0008` after `0007-…`, `0001` in a new folder;
/// `None` after the largest number there is.
pub fn next_number(records: &[Record]) -> Option<u32> {
    match records.iter().map(|r| r.number).max() {
        None => Some(1),
        Some(n) => n.checked_add(1),
    }
}

/// The record numbered `input` (`7`, `0007`): an error when it is not a number or no record
/// has it. A Markdown record is preferred when several files share the number.
pub fn find(records: &[Record], dir: &Path, input: &str) -> Result<Record, AdrError> {
    let trimmed = input.trim();
    let number: u32 = trimmed
        .parse()
        .ok()
        .filter(|_| trimmed.bytes().all(|b| b.is_ascii_digit()))
        .ok_or_else(|| AdrError::BadNumber {
            input: input.to_owned(),
        })?;
    let mut found: Vec<&Record> = records.iter().filter(|r| r.number == number).collect();
    found.sort_by_key(|r| r.path.extension().is_none_or(|e| e != "md"));
    found
        .first()
        .map(|r| (*r).clone())
        .ok_or_else(|| AdrError::NoRecord {
            number: label(number),
            dir: dir.to_path_buf(),
        })
}

/// The title as a file name: lower-case ASCII letters and digits joined by `-`, at most
/// [`SLUG_LENGTH`] characters, cut after a whole word when it can be; `decision` when nothing
/// is left.
pub fn slug(title: &str) -> String {
    let mut slug = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    // ASCII only, so any byte index is a character boundary.
    if slug.len() > SLUG_LENGTH {
        let cut = match slug.as_bytes()[SLUG_LENGTH] {
            b'-' => SLUG_LENGTH,
            _ => slug[..SLUG_LENGTH].rfind('-').unwrap_or(SLUG_LENGTH),
        };
        slug.truncate(cut);
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "decision".to_owned()
    } else {
        slug.to_owned()
    }
}

/// The longest slug: with its number, a record's name fits the export dialog at 80 columns.
pub const SLUG_LENGTH: usize = 50;

/// The path of record `number` titled `title` in `dir`: `dir/0008-use-django.md`.
pub fn record_path(dir: &Path, number: u32, title: &str) -> PathBuf {
    dir.join(format!("{}-{}.md", label(number), slug(title)))
}

/// The record's text with its status set to `superseded by NNNN`: the `status:` line of its
/// front matter, else the first status line of the body (`Status: …`, `* Status: …`), its
/// key and line ending kept. `None` when it has no status line.
pub fn mark_superseded(text: &str, by: &str) -> Option<String> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let front_matter_end = (lines.first().map(|l| l.trim_end()) == Some("---"))
        .then(|| {
            lines
                .iter()
                .skip(1)
                .position(|l| l.trim_end() == "---")
                .map(|i| i + 1)
        })
        .flatten();
    let in_front = |i: usize| front_matter_end.is_some_and(|end| i > 0 && i < end);
    let is_status = |line: &str| {
        let bare = line.trim_start().trim_start_matches(['*', '-']).trim_start();
        bare.len() >= 7 && bare[..7].eq_ignore_ascii_case("status:")
    };
    let index = match front_matter_end {
        Some(_) => (0..lines.len()).find(|&i| in_front(i) && is_status(lines[i]))?,
        None => (0..lines.len()).find(|&i| is_status(lines[i]))?,
    };
    let line = lines[index];
    let key_end = line.to_ascii_lowercase().find("status:")? + "status:".len();
    let ending = &line[line.trim_end_matches(['\n', '\r']).len()..];
    let mut out = String::with_capacity(text.len() + 16);
    for (i, l) in lines.iter().enumerate() {
        if i == index {
            out.push_str(&line[..key_end]);
            out.push_str(&format!(" superseded by {by}"));
            out.push_str(ending);
        } else {
            out.push_str(l);
        }
    }
    Some(out)
}

/// The writes of [`write_record`]: `(path, contents, overwrite)`; the real one is
/// [`crate::export::write_file`], a test's may fail on purpose.
pub type Write<'a> = dyn FnMut(&Path, &str, bool) -> Result<(), crate::export::ExportError> + 'a;

/// Writes the new record (never replacing a file), then, when `mark` holds the superseded
/// record and its marked text, replaces that record. If marking fails the new record is
/// removed again and the superseded one is as it was.
pub fn write_record(
    path: &Path,
    contents: &str,
    mark: Option<(&Path, &str)>,
    write: &mut Write<'_>,
) -> Result<(), AdrError> {
    write(path, contents, false)?;
    if let Some((old, marked)) = mark
        && let Err(e) = write(old, marked, true)
    {
        let _ = fs::remove_file(path);
        return Err(AdrError::Mark {
            old: old.to_path_buf(),
            new: path.to_path_buf(),
            reason: e.to_string(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests;
