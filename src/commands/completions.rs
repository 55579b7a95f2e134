//! `stackpick completions SHELL`: the completion script, with the embedded decision's ids as
//! the values of `--stage`, `--yes`, `--no` and `--choose` (see `cli::Candidates`).

use std::io::Write;

use clap::CommandFactory;

use crate::cli::{Cli, Shell};
use crate::commands::failure::Failure;

/// The completion script for `shell`, as text.
pub fn completion_script(shell: Shell) -> String {
    use clap_complete::Shell as Std;
    match shell {
        Shell::Bash => script(Std::Bash),
        Shell::Elvish => script(Std::Elvish),
        Shell::Fish => script(Std::Fish),
        Shell::Nushell => script(clap_complete_nushell::Nushell),
        Shell::PowerShell => script(Std::PowerShell),
        Shell::Zsh => script(Std::Zsh),
    }
}

fn script(generator: impl clap_complete::Generator) -> String {
    let mut script = Vec::new();
    clap_complete::generate(generator, &mut Cli::command(), "stackpick", &mut script);
    String::from_utf8_lossy(&script).into_owned()
}

/// `stackpick completions SHELL`. The script is made in memory first: the generators panic
/// on a failed write, and a closed standard output must be an error, not a panic.
pub fn completions(shell: Shell, out: &mut dyn Write) -> Result<(), Failure> {
    out.write_all(completion_script(shell).as_bytes())
        .and_then(|()| out.flush())
        .map_err(|source| Failure::Output {
            what: "the completion script",
            source,
        })
}
