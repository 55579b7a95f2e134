//! Reading a data file and parsing its RON, written once for decision files, sessions and the
//! config: the bytes must be UTF-8 (else the place of the first bad byte is named), a UTF-8
//! byte-order mark is skipped, syntax errors are placed, and [`locate`] maps a document path
//! such as `options[1].questions[2].weight` to the line and column of its value, so that a
//! problem found after parsing can be placed too.

use std::collections::HashMap;
use std::path::Path;

use serde::de::DeserializeOwned;

mod every;
mod message;
mod syntax;
mod walk;
pub mod watch;

pub use every::{parse_every, parse_standing_in};
pub use syntax::SyntaxError;
pub use walk::{Position, walk};

/// Why a file could not be read as text.
#[derive(Debug)]
pub enum ReadError {
    /// The file could not be read at all (missing, a directory, no permission…).
    Io(std::io::Error),
    /// The file is not UTF-8.
    Syntax(SyntaxError),
}

/// The byte-order mark some editors put at the start of a UTF-8 file.
const BOM: char = '\u{feff}';

/// Reads a file as text; `kind` names it in the message for bytes that are not UTF-8
/// ("a session file").
pub fn read(path: &Path, kind: &str) -> Result<String, ReadError> {
    let bytes = read_bytes(path).map_err(ReadError::Io)?;
    text(bytes, kind).map_err(ReadError::Syntax)
}

/// A file's bytes, without waiting forever on a FIFO nobody writes to: opening one blocks
/// until a writer comes, so it is opened without blocking and then read as usual, which
/// gives whatever a writer sends (`<(…)`) or, with no writer at all, nothing.
pub fn read_bytes(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    #[cfg(unix)]
    let mut file = open_without_waiting(
        std::fs::OpenOptions::new().read(true),
        rustix::fs::OFlags::empty(),
        path,
    )?;
    #[cfg(not(unix))]
    let mut file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// [`read_bytes`] as UTF-8 text (the error of `fs::read_to_string` when it is not).
pub fn read_string(path: &Path) -> std::io::Result<String> {
    String::from_utf8(read_bytes(path)?).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
}

/// Opens `path` with `options` and `flags` without waiting for a FIFO's other end, then makes
/// the file blocking again, so reads and writes wait as usual once it is open. Shared by the
/// reads here and the atomic writer's writes through a FIFO or device.
#[cfg(unix)]
pub fn open_without_waiting(
    options: &mut std::fs::OpenOptions,
    flags: rustix::fs::OFlags,
    path: &Path,
) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;

    use rustix::fs::{OFlags, fcntl_getfl, fcntl_setfl};
    let file = options
        .custom_flags((flags | OFlags::NONBLOCK).bits().cast_signed())
        .open(path)?;
    let blocking = fcntl_getfl(&file)? - OFlags::NONBLOCK;
    fcntl_setfl(&file, blocking)?;
    Ok(file)
}

/// The bytes as text, without a leading byte-order mark; bytes that are not UTF-8 are an
/// error placed at the first of them.
pub fn text(bytes: Vec<u8>, kind: &str) -> Result<String, SyntaxError> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let valid = std::str::from_utf8(valid).unwrap_or_default();
        let (line, col) = position_after(strip_bom(valid));
        SyntaxError {
            line,
            col,
            message: format!("invalid UTF-8: {kind} must be UTF-8 text"),
        }
    })?;
    Ok(match text.strip_prefix(BOM) {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

/// The text without a leading byte-order mark.
pub fn strip_bom(source: &str) -> &str {
    source.strip_prefix(BOM).unwrap_or(source)
}

/// Parses RON text (a leading byte-order mark is skipped). Errors are in the file's words,
/// never naming a type of the program (see `message.rs`).
pub fn parse<T: DeserializeOwned>(source: &str) -> Result<T, SyntaxError> {
    let source = strip_bom(source);
    ron::from_str(source).map_err(|e| {
        let (line, col) = (e.span.start.line, e.span.start.col);
        SyntaxError {
            line,
            col,
            message: message::describe(&e.code, source, (line, col)),
        }
    })
}

/// The position just after `text`: where the next character would be.
fn position_after(text: &str) -> Position {
    let line_start = text.rfind('\n').map_or(0, |i| i + 1);
    (
        text.matches('\n').count() + 1,
        text[line_start..].chars().count() + 1,
    )
}

/// Something to find in a document.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    /// The value at a document path: `options[1].threshold`, `keys["quit"][0]`.
    Value(String),
    /// The key of a map entry, given by the entry's path: `comparison[0].values["rails"]`.
    Key(String),
}

impl Target {
    /// The document path.
    pub fn path(&self) -> &str {
        match self {
            Target::Value(path) | Target::Key(path) => path,
        }
    }
}

/// Where each target is in `source` (which must have parsed). A value not written in the file
/// (a field left to its default) is placed at its nearest written ancestor, and a key not
/// found at its value; `None` only when nothing around it could be found.
///
/// One pass over the source, whatever the number of targets.
pub fn locate(source: &str, targets: &[Target]) -> Vec<Option<Position>> {
    let mut values: HashMap<&str, Option<Position>> = HashMap::new();
    let mut keys: HashMap<&str, Option<Position>> = HashMap::new();
    for target in targets {
        if let Target::Key(path) = target {
            keys.insert(path, None);
        }
        let mut path = Some(target.path());
        while let Some(p) = path {
            values.insert(p, None);
            path = parent(p);
        }
    }
    let mut unfound = values.len() + keys.len();
    walk(strip_bom(source), |path, position, is_key| {
        let map = if is_key { &mut keys } else { &mut values };
        match map.get_mut(path) {
            Some(slot) => {
                unfound -= usize::from(slot.is_none());
                // The last visit wins: `Some("x")` is placed at `"x"`, not at `Some`.
                *slot = Some(position);
                true
            }
            // Every target was found, and the walk has moved past the last one: stop, so a
            // huge file costs only the walk up to its first problems.
            None => unfound > 0,
        }
    });
    targets
        .iter()
        .map(|target| {
            if let Target::Key(path) = target
                && let Some(Some(position)) = keys.get(path.as_str())
            {
                return Some(*position);
            }
            let mut path = Some(target.path());
            while let Some(p) = path {
                if let Some(Some(position)) = values.get(p) {
                    return Some(*position);
                }
                path = parent(p);
            }
            None
        })
        .collect()
}

/// The path one level up: `a.b[2]` → `a.b` → `a` → the root `""`; `m["k"]` → `m`.
fn parent(path: &str) -> Option<&str> {
    if path.is_empty() {
        return None;
    }
    // A quoted key is written with `{:?}`, which escapes every `"` inside it, so `["` can only
    // be where the key starts.
    let cut = if path.ends_with("\"]") {
        path.rfind("[\"")
    } else if path.ends_with(']') {
        path.rfind('[')
    } else {
        path.rfind('.')
    };
    Some(&path[..cut.unwrap_or(0)])
}

#[cfg(test)]
mod tests;
