//! Answers the state directory could not keep, kept anyway when the app exits: written as a
//! session file where one can be written, else printed as a command line that makes one.

use std::path::{Path, PathBuf};

use crate::atomic::{WriteError, write_file};
use crate::decision::Decision;
use crate::score::Answers;
use crate::session::Session;
use crate::text::escape_path;

/// How many names (`stackpick-<id>-answers.ron`, `…-2.ron`, …) are tried in one folder
/// before the next folder.
const NAMES_PER_FOLDER: usize = 20;

/// Where the answers went, as the sentence that follows "answers NOT saved: …; ".
pub fn rescue(decision: &Decision, answers: &Answers, folders: &[PathBuf], data: Option<&Path>) -> String {
    let text = Session::new(decision, answers).to_ron();
    let data = data.map_or(String::new(), |path| {
        format!(" --data {}", quote(&escape_path(path)))
    });
    for folder in folders {
        for n in 1..=NAMES_PER_FOLDER {
            let suffix = if n == 1 { String::new() } else { format!("-{n}") };
            let path = folder.join(format!("stackpick-{}-answers{suffix}.ron", decision.id));
            match write_file(&path, &text, false) {
                Ok(()) => {
                    let shown = escape_path(&path);
                    return format!(
                        "they are kept in {shown}; open them with: stackpick{data} --session {}",
                        quote(&shown)
                    );
                }
                Err(WriteError::Exists { .. }) => {}
                Err(_) => break,
            }
        }
    }
    format!(
        "no file could be written; make one with: {}",
        command_line(answers, &data)
    )
}

/// `stackpick export --format ron -o answers.ron --yes … --no … --stage … --note … --choose …
/// --because …`: a session file with these answers.
fn command_line(answers: &Answers, data: &str) -> String {
    let mut words = vec![format!("stackpick export{data} --format ron -o answers.ron")];
    let list = |ids: &std::collections::BTreeSet<String>| ids.iter().cloned().collect::<Vec<_>>().join(",");
    if !answers.yes.is_empty() {
        words.push(format!("--yes {}", list(&answers.yes)));
    }
    if !answers.no.is_empty() {
        words.push(format!("--no {}", list(&answers.no)));
    }
    if let Some(stage) = &answers.stage {
        words.push(format!("--stage {stage}"));
    }
    for (id, note) in &answers.notes {
        words.push(format!("--note {}", quote(&format!("{id}={}", note.as_str()))));
    }
    if let Some(pick) = answers.choice.pick.to_word() {
        words.push(format!("--choose {pick}"));
    }
    if !answers.choice.because.is_empty() {
        words.push(format!("--because {}", quote(answers.choice.because.as_str())));
    }
    if let Some(status) = answers.choice.status {
        words.push(format!("--status {status}"));
    }
    for decider in &answers.choice.deciders {
        words.push(format!("--decider {}", quote(decider.as_str())));
    }
    let mut line = words.join(" ");
    if !answers.note.is_empty() {
        line.push_str(" (the decision note cannot be given on the command line)");
    }
    line
}

/// `text` quoted for a POSIX shell when it needs it.
fn quote(text: &str) -> String {
    shlex::try_quote(text).map_or_else(|_| text.to_owned(), std::borrow::Cow::into_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn some_answers(decision: &Decision) -> Answers {
        let mut answers = Answers::new(decision, ["django.admin-panel"], Some("solo")).unwrap();
        answers.set_note("django.security", "patient's data");
        answers
    }

    #[test]
    fn the_answers_go_to_the_first_folder_that_takes_them_under_a_new_name() {
        let decision = Decision::embedded();
        let dir = tempfile::tempdir().unwrap();
        let taken = dir.path().join("stackpick-web-frameworks-answers.ron");
        std::fs::write(&taken, "someone else's").unwrap();
        let folders = [dir.path().join("missing"), dir.path().to_path_buf()];
        let said = rescue(&decision, &some_answers(&decision), &folders, None);
        let kept = dir.path().join("stackpick-web-frameworks-answers-2.ron");
        assert_eq!(
            said,
            format!(
                "they are kept in {0}; open them with: stackpick --session {0}",
                kept.display()
            )
        );
        assert_eq!(std::fs::read_to_string(&taken).unwrap(), "someone else's");
        let source = std::fs::read_to_string(&kept).unwrap();
        let back = Session::parse_answers(&source, "kept", &decision).unwrap();
        assert_eq!(back, some_answers(&decision));
    }

    #[test]
    fn without_a_writable_folder_they_are_a_command_line() {
        let decision = Decision::embedded();
        let dir = tempfile::tempdir().unwrap();
        let said = rescue(
            &decision,
            &some_answers(&decision),
            &[dir.path().join("missing")],
            Some(Path::new("my decision.ron")),
        );
        assert_eq!(
            said,
            "no file could be written; make one with: stackpick export --data 'my decision.ron' \
             --format ron -o answers.ron --yes django.admin-panel --stage solo \
             --note \"django.security=patient's data\""
        );
    }
}
