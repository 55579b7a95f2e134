use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // `stackpick` alone opens the app with every default: there is nothing to parse, and
    // building the parser of every subcommand would delay the first frame (issue 8).
    // `tests/cli.rs` checks that the defaults are what the parser gives.
    if std::env::args_os().len() <= 1 {
        return stackpick::run(&stackpick::cli::Cli::default());
    }
    match stackpick::cli::Cli::try_parse() {
        Ok(cli) => stackpick::run(&cli),
        Err(error) => stackpick::usage_error(&error),
    }
}
