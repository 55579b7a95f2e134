use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    stackpick::run(stackpick::cli::Cli::parse())
}
