//! `--watch` on the loop's side: the file read again once it changed, and parsed and checked
//! as `--data` and `check` do, for the model to switch to ([`App::reload`]). The model never
//! reads a file; this is where the reading is.
//!
//! [`App::reload`]: crate::tui::app::App::reload

use std::path::Path;

use crate::decision::Decision;
use crate::source::{Target, locate};
use crate::text::escape_path;

/// What the file held when it was last read, so that an event that changed nothing (a second
/// event of the same save, a `touch`) reads it but reloads nothing.
#[derive(Debug, Default)]
pub struct Follow {
    last: Option<Result<String, String>>,
}

/// A version of the file: the decision, or its problems, one line each, in the form `check`
/// prints them (`FILE:LINE:COL: where: message`).
pub type Loaded = Result<Decision, Vec<String>>;

impl Follow {
    /// Reads the file; `None` when it holds what it held last time. `id` is the decision the
    /// app shows: a file that now has another id is a problem, since the answers are kept
    /// (and autosaved) by decision id.
    pub fn read(&mut self, path: &Path, id: &str) -> Option<Loaded> {
        let source = match Decision::reread(path, &mut self.last)? {
            Ok(source) => source,
            Err(message) => return Some(Err(lines(&message))),
        };
        let name = escape_path(path);
        let decision = match Decision::parse(&source, &name) {
            Ok(decision) => decision,
            Err(e) => return Some(Err(lines(&e.to_string()))),
        };
        if decision.id != id {
            let place = match locate(&source, &[Target::Value("id".to_owned())]).first() {
                Some(Some((line, col))) => format!("{name}:{line}:{col}"),
                _ => name,
            };
            return Some(Err(vec![format!(
                "{place}: id: the app follows decision {id:?}, whose answers it saves; \
                 put the id back, or start the app again to open {:?}",
                decision.id
            )]));
        }
        Some(Ok(decision))
    }
}

fn lines(message: &str) -> Vec<String> {
    message.lines().map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINI: &str = include_str!("../../tests/fixtures/good/mini.ron");

    #[test]
    fn a_file_is_reloaded_once_per_version_and_its_problems_are_placed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mini.ron");
        std::fs::write(&path, MINI).unwrap();
        let mut follow = Follow::default();
        assert!(matches!(follow.read(&path, "mini"), Some(Ok(_))));
        assert!(
            follow.read(&path, "mini").is_none(),
            "the same text again is no change"
        );
        std::fs::write(
            &path,
            MINI.replace(
                "threshold: 2,\n            questions: [\n                Question(id: \"rest-api\"",
                "threshold: 2\n            questions: [\n                Question(id: \"rest-api\"",
            ),
        )
        .unwrap();
        let problems = follow.read(&path, "mini").unwrap().unwrap_err();
        let name = escape_path(&path);
        assert!(problems[0].starts_with(&format!("{name}:24:")), "{problems:?}");
        std::fs::remove_file(&path).unwrap();
        let problems = follow.read(&path, "mini").unwrap().unwrap_err();
        assert!(problems[0].contains("cannot read"), "{problems:?}");
        assert!(follow.read(&path, "mini").is_none(), "still missing is no change");
        std::fs::write(&path, MINI.replace("id: \"mini\"", "id: \"other\"")).unwrap();
        let problems = follow.read(&path, "mini").unwrap().unwrap_err();
        assert!(
            problems[0].starts_with(&format!("{name}:3:9: id: ")),
            "{problems:?}"
        );
        std::fs::write(&path, MINI).unwrap();
        assert!(matches!(follow.read(&path, "mini"), Some(Ok(_))));
    }
}
