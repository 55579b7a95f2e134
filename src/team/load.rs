//! Making a team from session files: each file read and checked against the decision, every
//! problem of every file listed (placed at `FILE:LINE:COL` when the text is at hand), and
//! two sessions of the same person refused.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::decision::Decision;
use crate::identity::clean_name;
use crate::session::{Session, SessionError};
use crate::source::{self, Target};
use crate::text::and_more;
use crate::text::escape_path;

use super::{Person, Team};

/// How many problems are listed before "… and N more".
const LISTED: usize = 20;

/// A session and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionFile {
    pub path: PathBuf,
    /// The file's text, to place problems; `None` when the session was not read from text.
    pub source: Option<String>,
    pub session: Session,
}

impl SessionFile {
    /// Reads and parses a session file.
    pub fn read(path: &Path) -> Result<SessionFile, SessionError> {
        let name = escape_path(path);
        let source = crate::session::read(path, &name)?;
        let session = Session::parse(&source, &name)?;
        Ok(SessionFile {
            path: path.to_path_buf(),
            source: Some(source),
            session,
        })
    }

    /// Who the session belongs to: its `by`, else the file's stem.
    pub fn person(&self) -> String {
        clean_name(&self.session.by)
            .or_else(|| {
                let stem = self.path.file_stem()?;
                clean_name(&stem.to_string_lossy())
            })
            .unwrap_or_else(|| "someone".to_owned())
    }

    /// `FILE:LINE:COL` of a value of the session, or `FILE`.
    fn place(&self, target: &str) -> String {
        let name = escape_path(&self.path);
        let position = self
            .source
            .as_deref()
            .and_then(|source| source::locate(source, &[Target::Value(target.to_owned())])[0]);
        match position {
            Some((line, col)) => format!("{name}:{line}:{col}"),
            None => name,
        }
    }
}

/// Why a team could not be made: every problem of every file, one or more lines each.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TeamErrors {
    /// The first problems.
    pub problems: Vec<String>,
    /// How many problems in all.
    pub total: usize,
}

impl TeamErrors {
    /// Adds a problem (listed while fewer than the cap are).
    pub fn push(&mut self, problem: String) {
        if self.problems.len() < LISTED {
            self.problems.push(problem);
        }
        self.total += 1;
    }

    /// Whether there is no problem.
    pub fn is_empty(&self) -> bool {
        self.total == 0
    }
}

impl fmt::Display for TeamErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut lines = self.problems.clone();
        if self.total > self.problems.len() {
            lines.push(and_more(self.total - self.problems.len(), "problem", "problems"));
        }
        f.write_str(&lines.join("\n"))
    }
}

impl std::error::Error for TeamErrors {}

impl Team {
    /// The team of these sessions: refused, with every problem, when a session is of another
    /// decision, names ids the decision does not have, or is a second session of a person.
    pub fn from_sessions(decision: &Decision, files: Vec<SessionFile>) -> Result<Team, TeamErrors> {
        let mut roster = Roster::default();
        for file in files {
            roster.add(decision, file);
        }
        roster.team(decision)
    }

    /// Reads the session files and makes the team; problems reading a file are listed with
    /// the others, in the order of the files.
    pub fn load(decision: &Decision, paths: &[PathBuf]) -> Result<Team, TeamErrors> {
        let mut roster = Roster::default();
        for path in paths {
            match SessionFile::read(path) {
                Ok(file) => roster.add(decision, file),
                Err(e) => roster.errors.push(e.to_string()),
            }
        }
        roster.team(decision)
    }
}

/// The people checked so far, and the problems found.
#[derive(Default)]
struct Roster {
    people: Vec<Person>,
    /// Who is already in the team: name → the file that named them.
    seen: BTreeMap<String, String>,
    errors: TeamErrors,
}

impl Roster {
    /// Checks a file against the decision and the people before it, and adds its person.
    fn add(&mut self, decision: &Decision, file: SessionFile) {
        let name = escape_path(&file.path);
        let checked = match &file.source {
            Some(source) => file.session.answers_placed(source, &name, decision),
            None => file.session.answers(decision, &name),
        };
        let person = file.person();
        match self.seen.get(&person) {
            Some(first) => {
                let who = if clean_name(&file.session.by).is_some() {
                    format!("by: {person:?}")
                } else {
                    format!("{person:?} (the file's name: it has no `by`)")
                };
                self.errors.push(format!(
                    "{}: {who} already answered in {first}; a team has one session a person",
                    file.place("by")
                ));
            }
            None => {
                self.seen.insert(person.clone(), name);
            }
        }
        match checked {
            Ok(mut answers) => {
                answers.by = Some(crate::text::Text::from(person.clone()));
                self.people.push(Person {
                    name: person,
                    path: Some(file.path),
                    answers,
                });
            }
            Err(e) => self.errors.push(e.to_string()),
        }
    }

    /// The team, or every problem found.
    fn team(self, decision: &Decision) -> Result<Team, TeamErrors> {
        if self.errors.is_empty() {
            Ok(Team::new(decision, self.people))
        } else {
            Err(self.errors)
        }
    }
}
