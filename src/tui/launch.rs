//! Starting the interactive app from the command line: load everything that can fail before
//! the terminal changes mode, run, then report the files written on the normal screen.

use std::io::{IsTerminal, Write};
use std::path::Path;

use crate::cli::{Cli, Format};
use crate::commands::{load_decision, load_session};
use crate::error::Failure;
use crate::export::{self, ExportError};
use crate::score::Answers;
use crate::state::{Merged, StateStore};
use crate::text::{escape, escape_path};
use crate::tui::Effects;
use crate::tui::app::{App, ExportOutcome};
use crate::tui::config::settings_from_env;
use crate::tui::run;

/// The effects of the real app: autosave to the state directory and atomic exports.
struct DiskEffects {
    store: Option<StateStore>,
}

impl Effects for DiskEffects {
    fn save(&mut self, app: &App) -> Result<Option<Merged>, String> {
        match &mut self.store {
            Some(store) => store.save(app.scorecard.decision(), app.scorecard.answers()),
            None => Ok(None),
        }
    }

    fn export(&mut self, app: &App, format: Format, path: &Path, overwrite: bool) -> ExportOutcome {
        let text = export::render(
            format,
            app.scorecard.decision(),
            app.scorecard.answers(),
            export::today(),
        );
        match export::write_file(path, &text, overwrite) {
            Ok(()) => ExportOutcome::Written(path.to_path_buf()),
            Err(ExportError::Exists { .. }) => ExportOutcome::Exists,
            Err(e) => ExportOutcome::Failed(e.to_string()),
        }
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
    let decision = load_decision(cli.data.as_deref())?;
    let settings = settings_from_env()?;
    let mut store = StateStore::from_env();
    let mut status = None;
    let answers = match &cli.session {
        Some(path) => load_session(&decision, path)?,
        None => match store.as_mut().map(|s| s.load(&decision)) {
            Some(Ok(Some(saved))) => {
                status = Some(match saved.notice {
                    Some(notice) => (format!("Restored saved answers; {}", escape(&notice)), true),
                    None => ("Restored your saved answers".to_owned(), false),
                });
                saved.answers
            }
            Some(Err(message)) => {
                status = Some((format!("Saved answers ignored: {}", escape(&message)), true));
                Answers::default()
            }
            Some(Ok(None)) | None => Answers::default(),
        },
    };
    let mut app = App::new(decision, answers, settings.theme);
    app.settings = settings;
    if let Some((text, is_error)) = status {
        app.set_status(text, is_error);
    }
    let mut effects = DiskEffects { store };
    run(&mut app, !cli.no_mouse, &mut effects).map_err(|e| Failure::Other(format!("terminal error: {e}")))?;
    for path in &app.written {
        let _ = writeln!(out, "stackpick: wrote {}", escape_path(path));
    }
    Ok(())
}
