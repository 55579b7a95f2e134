use std::process::ExitCode;

use clap::{CommandFactory, Parser};

fn main() -> ExitCode {
    // A shell asking for completions (the scripts of `stackpick completions`) is answered
    // here, and the process ends.
    clap_complete::CompleteEnv::with_factory(stackpick::cli::Cli::command)
        .var(stackpick::commands::COMPLETE_VAR)
        .complete();
    match stackpick::cli::Cli::try_parse() {
        Ok(cli) => stackpick::run(&cli),
        Err(error) => stackpick::usage_error(&error),
    }
}
