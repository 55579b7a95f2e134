use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    match stackpick::cli::Cli::try_parse() {
        Ok(cli) => stackpick::run(&cli),
        Err(error) => stackpick::usage_error(&error),
    }
}
