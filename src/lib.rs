//! stackpick: choose a startup's web stack (Django, Flask, `FastAPI` or a hybrid) from the
//! evidence of an article, in the terminal.
//!
//! The domain (`decision`, `score`, `report`, `session`) never touches the terminal; the
//! binary is a thin layer over [`run`].

pub mod atomic;
pub mod cli;
pub mod commands;
pub mod decision;
pub mod export;
pub mod identity;
pub mod report;
pub mod score;
pub mod scorecard;
pub mod session;
pub mod source;
pub mod state;
pub mod team;
pub mod text;
pub mod tui;

use std::io::Write;
use std::process::ExitCode;

use crate::cli::{Cli, Command};

/// Runs the parsed command line and returns the process exit code.
pub fn run(cli: &Cli) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    // The app handles signals itself, once it takes the terminal.
    if cli.command.is_some()
        && let Err(e) = atomic::exit_on_signals()
    {
        commands::say(&format!("cannot handle signals: {e}"));
    }
    let result = match &cli.command {
        None => commands::launch(cli, &mut out),
        Some(Command::New { file, options, force }) => {
            commands::new(file, options, *force, &mut out, &mut std::io::stderr())
        }
        Some(Command::Check { files, watch }) => commands::check(files, *watch, &mut out),
        Some(Command::Score { input, json }) => commands::score(input, *json, &mut out),
        Some(Command::Export {
            input,
            format,
            output,
            force,
            template,
            date,
            status,
            deciders,
            team,
            adr_dir,
            supersedes,
            mark_superseded,
        }) => commands::export(
            input,
            &commands::ExportOptions {
                format: *format,
                output: output.as_deref(),
                force: *force,
                template: template.as_deref(),
                date: date.as_deref(),
                status: *status,
                deciders,
                default_decider: identity::configured_name(),
                team,
                adr: adr_dir.as_deref().map(|dir| commands::AdrOptions {
                    dir,
                    supersedes: supersedes.as_deref(),
                    mark_superseded: *mark_superseded,
                }),
            },
            &mut out,
            &mut std::io::stderr(),
        ),
        Some(Command::Team { files, data, json }) => commands::team(data.as_deref(), files, *json, &mut out),
        Some(Command::Reset { data, yes }) => {
            let stdin = std::io::stdin();
            let interactive = std::io::IsTerminal::is_terminal(&stdin);
            commands::reset(
                data.as_deref(),
                commands::Confirmation {
                    assume_yes: *yes,
                    interactive,
                    input: &mut stdin.lock(),
                    prompt: &mut std::io::stderr(),
                },
                &mut out,
            )
        }
        Some(Command::Completions { shell }) => commands::completions(*shell, &mut out),
        Some(Command::Man) => commands::man(&mut out),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            let _ = out.flush();
            // The one place every failure is printed: whatever file text or path a message
            // quotes, no control or bidi character of it reaches the terminal.
            commands::say(&failure.to_string());
            failure.exit_code()
        }
    }
}

/// Prints a command-line error (or the help or version clap was asked for) and returns its
/// exit code. Errors quote the arguments, which may come from file names, so they are
/// printed plain and escaped rather than in clap's colours.
pub fn usage_error(error: &clap::Error) -> ExitCode {
    if !error.use_stderr() {
        // --help and --version: only our own text, on standard output.
        let _ = error.print();
        return ExitCode::SUCCESS;
    }
    let _ = std::io::stderr().write_all(text::escape(&error.render().to_string()).as_bytes());
    ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2))
}
