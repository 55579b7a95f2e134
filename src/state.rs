//! Autosave of the answers: one session file per decision in the state directory
//! (`$XDG_STATE_HOME/stackpick/`, or `$STACKPICK_STATE_DIR`), written atomically.
//!
//! Loading never fails loudly: a corrupt or stale file is reported as a one-line message
//! naming the file, for the caller to show and then ignore.
//!
//! Two instances of the app may share the file. The store remembers the answers it last
//! read or wrote; before saving, it reads the file again, and if another instance saved
//! meanwhile, merges that instance's changes in (see [`merge`]) instead of overwriting them.
//! Between that read and the rename there is a window of a few milliseconds in which a
//! third save could still be lost; closing it would take a lock file, which a killed
//! instance could leave behind.

mod merge;

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};

use etcetera::BaseStrategy;

use crate::atomic::{sweep_stale_temps, write_file};
use crate::decision::Decision;
use crate::score::{AnswerError, Answers};
use crate::session::{Session, SessionError};
pub use merge::{ChangedBy, Merged, merge};

/// Saved answers as restored: the answers, and a one-line notice when ids the decision no
/// longer has were dropped from them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    pub answers: Answers,
    /// "dropped question "x" (the decision no longer has it) from …; the old file is kept as …".
    pub notice: Option<String>,
}

/// The saved file as read: the valid answers, what was dropped, and the text.
struct ReadState {
    answers: Answers,
    /// The dropped ids, described (`question "x"`), and how many in all.
    dropped: Vec<String>,
    dropped_total: usize,
    source: String,
}

/// The environment variable that overrides the state directory.
pub const STATE_DIR_ENV: &str = "STACKPICK_STATE_DIR";

/// Where the answers of each decision are saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateStore {
    dir: PathBuf,
    /// The one file answers go to, for `--session FILE`; `None` for the state directory's
    /// `<decision id>.ron`.
    file: Option<PathBuf>,
    /// By decision id: the answers its file held when this store last read or wrote it, the
    /// base against which another instance's changes are told from this one's.
    base: BTreeMap<String, Answers>,
    /// Whether stale temporary files were swept from the directory yet.
    swept: bool,
}

impl StateStore {
    /// A store in `dir` (created on the first save).
    pub fn new(dir: impl Into<PathBuf>) -> StateStore {
        StateStore {
            dir: dir.into(),
            file: None,
            base: BTreeMap::new(),
            swept: false,
        }
    }

    /// A store that saves to `file` (a session of `--session FILE`), merged as in the state
    /// directory; `answers` are what the file held when it was read.
    pub fn for_file(file: &Path, decision: &Decision, answers: &Answers) -> StateStore {
        let dir = file
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let mut store = StateStore::new(dir);
        store.file = Some(file.to_path_buf());
        store.base.insert(decision.id.clone(), answers.clone());
        store
    }

    /// The store in `$STACKPICK_STATE_DIR`, else in the XDG state directory
    /// (`$XDG_STATE_HOME/stackpick`, by default `~/.local/state/stackpick`). `None` when no
    /// home directory can be found, in which case answers are simply not kept.
    pub fn from_env() -> Option<StateStore> {
        let base = etcetera::choose_base_strategy().ok();
        state_dir(
            std::env::var_os(STATE_DIR_ENV),
            base.as_ref().map(|b| b as &dyn BaseStrategy),
        )
        .map(StateStore::new)
    }

    /// The directory the files are in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file holding this decision's answers: the store's own file, else `<decision
    /// id>.ron`. Decision ids are validated slugs, so they are safe as file names.
    pub fn path_for(&self, decision: &Decision) -> PathBuf {
        match &self.file {
            Some(file) => file.clone(),
            None => self.dir.join(format!("{}.ron", decision.id)),
        }
    }

    /// Removes the temporary files that an instance killed in the middle of a save left in
    /// the state directory, and returns how many. Done by the app as it starts, and by the
    /// first save if none was done; only our own temporary files, never
    /// through a symlink (see [`sweep_stale_temps`]).
    pub fn sweep_stale_temps(&mut self) -> usize {
        self.swept = true;
        sweep_stale_temps(&self.dir)
    }

    /// The saved answers: `Ok(None)` when none were saved; `Err` with a one-line message
    /// naming the file when it cannot be read or is corrupt. Ids the decision no longer has
    /// are dropped, every other answer and note kept, and the notice says which; the old file
    /// is first copied to `<id>.ron.bak`, since the next save will replace it.
    ///
    /// What is loaded (no answers when there is no file) becomes the base of the merge at
    /// the next save; after an `Err` the next save replaces the file.
    pub fn load(&mut self, decision: &Decision) -> Result<Option<Restored>, String> {
        let loaded = self.read(decision);
        let Ok(state) = loaded else {
            self.base.remove(&decision.id);
            return loaded.map(|_| None);
        };
        let base = state.as_ref().map(|s| s.answers.clone()).unwrap_or_default();
        self.base.insert(decision.id.clone(), base);
        let Some(state) = state else {
            return Ok(None);
        };
        let notice = if state.dropped_total == 0 {
            None
        } else {
            let path = self.path_for(decision);
            let backup = backup_path(&path);
            let kept = match write_file(&backup, &state.source, true) {
                Ok(()) => format!("the old file is kept as {}", crate::text::escape_path(&backup)),
                Err(e) => format!("no copy of the old file could be kept: {e}"),
            };
            Some(dropped_notice(&path, &state, &kept))
        };
        Ok(Some(Restored {
            answers: state.answers,
            notice,
        }))
    }

    /// The saved answers without touching the store or the directory (for `--saved`): as
    /// [`StateStore::load`], but no copy of the file is made.
    pub fn peek(&self, decision: &Decision) -> Result<Option<Restored>, String> {
        let path = self.path_for(decision);
        Ok(self.read(decision)?.map(|state| Restored {
            notice: (state.dropped_total > 0).then(|| dropped_notice(&path, &state, "the file is unchanged")),
            answers: state.answers,
        }))
    }

    /// Saves the answers, creating the directory if needed; the write is atomic, so a crash
    /// leaves the previous answers or the new ones. `Err` is a one-line message.
    ///
    /// When another instance saved since this store last read or wrote the file, its
    /// changes to questions (and the stage) these answers did not change are kept, and the
    /// merged answers are saved and returned: the caller adopts them and shows
    /// [`Merged::message`]. Without a base (nothing loaded or saved yet, or an unreadable
    /// file) the file is simply replaced.
    pub fn save(&mut self, decision: &Decision, answers: &Answers) -> Result<Option<Merged>, String> {
        std::fs::create_dir_all(&self.dir).map_err(|e| {
            format!(
                "cannot save answers: cannot create {}: {e}",
                crate::text::escape_path(&self.dir)
            )
        })?;
        self.sweep_once();
        let merged = match (self.base.get(&decision.id), self.read(decision)) {
            (Some(base), Ok(Some(theirs))) => merge(base, answers, &theirs.answers),
            // Gone since it was read or written: reset, which is a change like another's save.
            (Some(base), Ok(None)) => merge(base, answers, &Answers::default()).map(|merged| Merged {
                by: ChangedBy::Reset,
                ..merged
            }),
            _ => None,
        };
        let saved = merged.as_ref().map_or(answers, |m| &m.answers);
        let text = Session::new(decision, saved).to_ron();
        write_file(&self.path_for(decision), &text, true).map_err(|e| format!("cannot save answers: {e}"))?;
        self.base.insert(decision.id.clone(), saved.clone());
        Ok(merged)
    }

    fn sweep_once(&mut self) {
        if !self.swept {
            self.sweep_stale_temps();
        }
    }

    /// The answers in the file now, without the ids the decision no longer has.
    fn read(&self, decision: &Decision) -> Result<Option<ReadState>, String> {
        let path = self.path_for(decision);
        let name = crate::text::escape_path(&path);
        // A FIFO would block the start until someone writes to it, `/dev/zero` would fill
        // the memory: only a regular file is read.
        match std::fs::metadata(&path) {
            Ok(meta) if !meta.is_file() => {
                return Err(format!("{name}: cannot read: it is not a regular file"));
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            _ => {}
        }
        // Read through `source`, as every other file: a byte-order mark is skipped and bytes
        // that are not UTF-8 are placed.
        let source = match crate::source::read(&path, "a session file") {
            Ok(source) => source,
            Err(crate::source::ReadError::Io(e)) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(crate::source::ReadError::Io(e)) => return Err(format!("{name}: cannot read: {e}")),
            Err(crate::source::ReadError::Syntax(e)) => {
                return Err(format!(
                    "{name}:{}:{}: the file is corrupt: {}",
                    e.line, e.col, e.message
                ));
            }
        };
        let session = Session::parse(&source, &name).map_err(|e| restore_error(&name, e))?;
        if session.decision != decision.id {
            return Err(format!(
                "{name}: it is for decision {:?}, not {:?}",
                session.decision, decision.id
            ));
        }
        let (answers, errors) = session.answers_lenient(decision);
        Ok(Some(ReadState {
            answers,
            dropped: errors.iter().map(describe).collect(),
            dropped_total: errors.total,
            source,
        }))
    }
}

/// The state directory given the environment: `override_dir` (the value of
/// `$STACKPICK_STATE_DIR`) when set and not empty, else `stackpick` in the base strategy's
/// state directory, or in its data directory on platforms without one.
pub fn state_dir(override_dir: Option<OsString>, base: Option<&dyn BaseStrategy>) -> Option<PathBuf> {
    if let Some(dir) = override_dir.filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    let base = base?;
    Some(
        base.state_dir()
            .unwrap_or_else(|| base.data_dir())
            .join("stackpick"),
    )
}

/// The one-line message for a state file that cannot be restored.
fn restore_error(name: &str, error: SessionError) -> String {
    match error {
        SessionError::Syntax {
            line, col, message, ..
        } => {
            format!("{name}:{line}:{col}: the file is corrupt: {message}")
        }
        SessionError::OtherDecision { found, expected, .. } => {
            format!("{name}: it is for decision {found:?}, not {expected:?}")
        }
        SessionError::Stale { errors, .. } => {
            let ids: Vec<String> = errors.iter().map(describe).collect();
            format!("{name}: the decision no longer has {}", ids.join(", "))
        }
        SessionError::Read { source, .. } => format!("{name}: cannot read: {source}"),
    }
}

/// `<file>.bak`: where the old state file is copied before ids are dropped from it.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".bak");
    PathBuf::from(name)
}

/// A dropped id for a status line: `question "x"`, `stage "y"`.
pub fn describe(error: &AnswerError) -> String {
    match error {
        AnswerError::UnknownQuestion { id, .. } => format!("question {id:?}"),
        AnswerError::UnknownStage { id } => format!("stage {id:?}"),
        AnswerError::UnknownChoice { id } => format!("option {id:?}"),
        AnswerError::Both { id, .. } => format!("the no answer of {id:?} (also answered yes)"),
    }
}

/// "dropped question "x" (the decision no longer has it) from FILE; KEPT".
fn dropped_notice(path: &Path, state: &ReadState, kept: &str) -> String {
    let more = state.dropped_total - state.dropped.len();
    let mut ids = state.dropped.join(", ");
    if more > 0 {
        ids.push_str(&format!(" {}", crate::text::and_more(more, "", "")));
    }
    // The ids first: a status line may be cut at the right.
    format!(
        "dropped {} (the decision no longer has {}) from {}; {kept}",
        ids.trim_end(),
        if state.dropped_total == 1 { "it" } else { "them" },
        crate::text::escape_path(path),
    )
}
