//! The interactive app as a command: load everything that can fail before
//! the terminal changes mode, run, then report the files written on the normal screen.

use std::io::{IsTerminal, Write};
use std::path::Path;

use crate::cli::Cli;
use crate::commands::export::{AdrPlan, write_next_record};
use crate::commands::failure::Failure;
use crate::commands::input::{load_decision, load_session};
use crate::export::Format;
use crate::export::adr;
use crate::export::{self, ExportError};
use crate::score::Answers;
use crate::source::watch::Watch;
use crate::state::{Merged, StateStore};
use crate::team::Team;
use crate::text::escape_path;
use crate::tui::Effects;
use crate::tui::app::{App, ExportOutcome, ExportRequest};
use crate::tui::config::settings_from_env;
use crate::tui::runtime::{run_started, start};

/// The effects of the real app: autosave to the state directory and atomic exports.
struct DiskEffects {
    store: Option<StateStore>,
    /// Why the last save failed, while no later save has succeeded: the answers on screen
    /// are not on disk, which the exit must say.
    unsaved: Option<String>,
}

impl Effects for DiskEffects {
    fn save(&mut self, app: &App) -> Result<Option<Merged>, String> {
        let saved = match &mut self.store {
            Some(store) => store.save(app.scorecard.decision(), app.scorecard.answers()),
            None => Ok(None),
        };
        self.unsaved = saved.as_ref().err().cloned();
        saved
    }

    fn export(&mut self, app: &App, request: &ExportRequest) -> ExportOutcome {
        let path = request.path.as_path();
        if crate::tui::app::export_path::is_folder(&path.to_string_lossy()) || path.is_dir() {
            return export_numbered(app, request);
        }
        // A missing directory is created only once the user said yes to it.
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty() && !d.exists()) {
            if !request.create_dir {
                return ExportOutcome::MissingDirectory(dir.to_path_buf());
            }
            if let Err(e) = std::fs::create_dir_all(dir) {
                return ExportOutcome::Failed(format!("cannot create {}: {e}", escape_path(dir)));
            }
        }
        let text = app.export_text(request.format, export::today());
        match export::write_file(path, &text, request.overwrite) {
            Ok(()) => ExportOutcome::Written(path.to_path_buf()),
            Err(ExportError::Exists { .. }) => ExportOutcome::Exists,
            Err(e) => ExportOutcome::Failed(e.to_string()),
        }
    }
}

/// The next numbered record of the decisions folder `request.path`, as `--adr-dir` writes
/// it: its file name is asked about first (`ExportOutcome::Numbered`), then it is written
/// under the folder's lock, with the number free by then.
fn export_numbered(app: &App, request: &ExportRequest) -> ExportOutcome {
    let dir = request.path.as_path();
    if request.format != Format::Md {
        return ExportOutcome::Failed(format!(
            "{} is a folder: only a Markdown record is numbered into one; choose md or name a file",
            escape_path(dir)
        ));
    }
    if !dir.exists() && !request.create_dir && !request.numbered {
        return ExportOutcome::MissingDirectory(dir.to_path_buf());
    }
    let title = app.record_title();
    let contents = app.export_text(Format::Md, export::today());
    let plan = |records: &[adr::Record]| -> Result<AdrPlan, Failure> {
        let number = adr::next_number(records).ok_or_else(|| adr::AdrError::Full {
            dir: dir.to_path_buf(),
        })?;
        Ok(AdrPlan {
            number,
            path: adr::record_path(dir, number, &title),
            contents: contents.clone(),
            mark: None,
        })
    };
    if !request.numbered {
        let planned = adr::records(dir)
            .map_err(Failure::from)
            .and_then(|records| plan(&records));
        return match planned {
            Ok(plan) => ExportOutcome::Numbered(plan.path),
            Err(e) => ExportOutcome::Failed(e.to_string()),
        };
    }
    match write_next_record(dir, &plan) {
        Ok(plan) => ExportOutcome::Written(plan.path),
        Err(e) => ExportOutcome::Failed(e.to_string()),
    }
}

/// Whether `TERM` names a terminal that can draw the app: set, not empty, not `dumb`.
fn capable_term() -> bool {
    std::env::var_os("TERM").is_some_and(|term| !term.is_empty() && term != "dumb")
}

/// `stackpick` with no command: the TUI.
pub fn launch(cli: &Cli, out: &mut dyn Write) -> Result<(), Failure> {
    // A terminal that cannot move the cursor (TERM=dumb, or no TERM at all) cannot show the
    // app either: it gets the same refusal as no terminal, before anything changes mode.
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() || !capable_term() {
        return Err(Failure::BadInput(
            "the interactive app needs a terminal; in scripts use `stackpick score` or `stackpick export` (see --help)"
                .to_owned(),
        ));
    }
    // Everything that can fail is loaded before the terminal changes mode, so that a bad file
    // is reported on the normal screen.
    let decision = load_decision(cli.data.as_deref())?;
    let session_answers = match &cli.session {
        Some(path) => Some(load_session(&decision, path)?),
        None => None,
    };
    // The file opened is the file edited: `--session FILE` saves to FILE.
    let mut store = match (&cli.session, &session_answers) {
        (Some(path), Some(answers)) => Some(StateStore::for_file(path, &decision, answers)),
        _ => StateStore::from_env(),
    };
    // The temporary files a killed instance left behind.
    if let Some(store) = &mut store {
        store.sweep_stale_temps();
    }
    let settings = settings_from_env()?;
    // Every team file is read and checked before the terminal changes mode.
    let team = if cli.team.is_empty() {
        None
    } else {
        Some(Team::load(&decision, &cli.team)?)
    };
    // Followed from before the terminal changes mode, so a directory that cannot be watched
    // is said on the normal screen.
    let watch = match (&cli.data, cli.watch) {
        (Some(path), true) => Some(
            Watch::new(path).map_err(|e| Failure::BadInput(format!("--watch {}: {e}", escape_path(path))))?,
        ),
        _ => None,
    };
    let started = start(!cli.no_mouse, watch).map_err(Failure::Terminal)?;
    let mut status = None;
    let answers = match session_answers {
        Some(answers) => {
            let path = cli.session.as_deref().map(escape_path).unwrap_or_default();
            status = Some((format!("Answers are read from and saved to {path}"), false));
            answers
        }
        None => match store.as_mut().map(|s| s.load(&decision)) {
            Some(Ok(Some(saved))) => {
                status = Some(match saved.notice {
                    Some(notice) => (format!("Restored saved answers; {notice}"), true),
                    None => ("Restored your saved answers".to_owned(), false),
                });
                saved.answers
            }
            Some(Err(message)) => {
                // `set_status` escapes what could drive the terminal.
                status = Some((format!("Saved answers ignored: {message}"), true));
                Answers::default()
            }
            Some(Ok(None)) | None => Answers::default(),
        },
    };
    let mut answers = answers;
    // Who answers: the session's own, else the config's name or the login name. The
    // autosave records it, and the Decision tab shows it.
    if answers.by.is_none() {
        answers.by = settings.default_decider.clone().map(crate::text::Text::from);
    }
    if let Some(team) = &team
        && let Some(note) = start_from_own_file(team, &mut answers, cli.session.is_some())
    {
        status = Some((note, false));
    }
    let mut app = App::with_settings(decision, answers, settings);
    if let Some(team) = team {
        app.set_team(team);
    }
    // Relative export paths are written from here; the export dialog shows them from it.
    app.working_dir = std::env::current_dir().unwrap_or_default();
    if let Some((text, is_error)) = status {
        app.set_status(text, is_error);
    }
    let mut effects = DiskEffects { store, unsaved: None };
    run_started(started, &mut app, &mut effects).map_err(Failure::Terminal)?;
    for path in &app.written {
        let _ = writeln!(out, "stackpick: wrote {}", escape_path(path));
    }
    // The last save failed: the answers are kept elsewhere and the user told where (stderr,
    // exit 1).
    if let Some(reason) = effects.unsaved {
        let reason = reason.strip_prefix("cannot save answers: ").unwrap_or(&reason);
        let answers = app.scorecard.answers();
        if answers.summary().is_none() {
            return Err(Failure::Other(format!("answers NOT saved: {reason}")));
        }
        let folders = [app.working_dir.clone(), std::env::temp_dir()];
        let kept = super::rescue::rescue(app.scorecard.decision(), answers, &folders, cli.data.as_deref());
        return Err(Failure::Other(format!("answers NOT saved: {reason}; {kept}")));
    }
    // Where the answers are, once something saved them, and how to export them.
    let saved = effects
        .store
        .as_ref()
        .map(|store| store.path_for(app.scorecard.decision()))
        .filter(|path| path.is_file());
    if let Some(saved) = saved {
        let session = cli.session.is_some();
        // A name no file has, so that the command works as printed.
        let record = free_record_name(|name| app.working_dir.join(name).exists());
        let _ = writeln!(
            out,
            "{}",
            exit_note(&saved, cli.data.as_deref(), session, &record)
        );
    }
    Ok(())
}

/// The user's own column in a team is the app's answers. When one of the team's files is the
/// user's (the same `by`) and the app has no answers of its own yet (no session given,
/// nothing saved), the user's column starts from that file rather than blank. Returns what
/// the status line says about it.
fn start_from_own_file(team: &Team, answers: &mut Answers, session_given: bool) -> Option<String> {
    let name = crate::tui::app::your_name(answers);
    let member = team.member(&name)?;
    let file = member.path.as_deref().map(escape_path).unwrap_or_default();
    let blank = answers.answered() == 0 && answers.stage.is_none() && answers.note.is_empty();
    if session_given || !blank {
        return (member.answers.answered() > 0 && !same_answers(&member.answers, answers))
            .then(|| format!("Your column shows your own answers, not those of {file}"));
    }
    let by = answers.by.clone();
    *answers = member.answers.clone();
    answers.by = by;
    Some(format!("Your column starts from {file}"))
}

/// Whether two sets of answers say the same yes and no to every question.
fn same_answers(a: &Answers, b: &Answers) -> bool {
    a.yes == b.yes && a.no == b.no
}

/// The line printed after the app exits: where the answers are saved and the command that
/// exports them (with the decision file when one was given), every path escaped, and the
/// command's path quoted for the shell so it can be pasted.
/// `decision.md`, else `decision-2.md`, `decision-3.md`…: the first name `taken` says no file
/// has.
pub fn free_record_name(taken: impl Fn(&str) -> bool) -> String {
    std::iter::once("decision.md".to_owned())
        .chain((2..u32::MAX).map(|n| format!("decision-{n}.md")))
        .find(|name| !taken(name))
        .unwrap_or_default()
}

pub fn exit_note(saved: &Path, data: Option<&Path>, session: bool, record: &str) -> String {
    let quote = |path: &Path| {
        let path = escape_path(path);
        shlex::try_quote(&path).map_or_else(|_| path.clone(), std::borrow::Cow::into_owned)
    };
    let data = data.map_or(String::new(), |path| format!(" --data {}", quote(path)));
    // A session file is exported from itself; the state file through `--saved`.
    let from = if session {
        format!("--session {}", quote(saved))
    } else {
        "--saved".to_owned()
    };
    format!(
        "stackpick: answers saved in {}; export them with: stackpick export {from}{data} -o {}",
        escape_path(saved),
        quote(Path::new(record))
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::Decision;
    use crate::score::Answer;
    use crate::team::Person;

    /// A team of Alice (yes to the admin panel, from alice.ron) and Bob.
    fn team() -> Team {
        let decision = Decision::embedded();
        let mut alice = Answers::default();
        alice.set("django.admin-panel", Some(Answer::Yes));
        let people = ["Alice", "Bob"]
            .into_iter()
            .map(|name| Person {
                name: name.to_owned(),
                path: Some(format!("{}.ron", name.to_lowercase()).into()),
                answers: if name == "Alice" {
                    alice.clone()
                } else {
                    Answers::default()
                },
            })
            .collect();
        Team::new(&decision, people)
    }

    #[test]
    fn a_user_without_answers_starts_from_their_own_team_file() {
        let mut answers = Answers {
            by: Some("Alice".into()),
            ..Answers::default()
        };
        let note = start_from_own_file(&team(), &mut answers, false);
        assert_eq!(note.as_deref(), Some("Your column starts from alice.ron"));
        assert_eq!(answers.answer("django.admin-panel"), Some(Answer::Yes));
        assert_eq!(answers.by.as_deref(), Some("Alice"));
    }

    #[test]
    fn a_user_s_own_answers_win_over_their_team_file_and_the_difference_is_said() {
        let mut answers = Answers {
            by: Some("Alice".into()),
            ..Answers::default()
        };
        answers.set("flask.rest-api", Some(Answer::No));
        let before = answers.clone();
        let note = start_from_own_file(&team(), &mut answers, false);
        assert_eq!(
            note.as_deref(),
            Some("Your column shows your own answers, not those of alice.ron")
        );
        assert_eq!(answers, before);
        // A session given on the command line is the user's answers, even blank.
        let mut answers = Answers {
            by: Some("Alice".into()),
            ..Answers::default()
        };
        assert!(start_from_own_file(&team(), &mut answers, true).is_some());
        assert_eq!(answers.answered(), 0);
        // Someone who is not in the team keeps their answers, and nothing is said.
        let mut answers = Answers {
            by: Some("Dave".into()),
            ..Answers::default()
        };
        assert_eq!(start_from_own_file(&team(), &mut answers, false), None);
    }

    #[test]
    fn the_exit_hint_names_a_record_file_that_does_not_exist() {
        assert_eq!(free_record_name(|_| false), "decision.md");
        let taken = ["decision.md", "decision-2.md"];
        assert_eq!(free_record_name(|n| taken.contains(&n)), "decision-3.md");
    }

    #[test]
    fn the_exit_note_names_the_file_and_a_command_that_can_be_pasted() {
        let note = exit_note(
            Path::new("/home/a/.local/state/stackpick/web.ron"),
            None,
            false,
            "decision.md",
        );
        assert_eq!(
            note,
            "stackpick: answers saved in /home/a/.local/state/stackpick/web.ron; \
             export them with: stackpick export --saved -o decision.md"
        );
        let note = exit_note(
            Path::new("/s/x\u{1b}]0;t\u{7}.ron"),
            Some(Path::new("my decision.ron")),
            false,
            "decision.md",
        );
        assert!(!note.chars().any(char::is_control), "{note:?}");
        assert!(
            note.ends_with("stackpick export --saved --data 'my decision.ron' -o decision.md"),
            "{note}"
        );
        let note = exit_note(Path::new("team/alice.ron"), None, true, "decision.md");
        assert!(
            note.ends_with("saved in team/alice.ron; export them with: stackpick export --session team/alice.ron -o decision.md"),
            "{note}"
        );
    }
}
