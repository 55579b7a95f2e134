//! `stackpick completions SHELL`: the completion script, with the embedded decision's ids as
//! the values of `--stage`, `--yes`, `--no` and `--choose` (see `cli::Candidates`).

use std::io::Write;

use clap::CommandFactory;

use crate::cli::{Cli, Shell};
use crate::error::Failure;

/// The completion script for `shell`, as text.
pub fn completion_script(shell: Shell) -> String {
    let mut cmd = Cli::command();
    let mut script = Vec::new();
    let name = "stackpick";
    match shell {
        Shell::Nushell => {
            clap_complete::generate(clap_complete_nushell::Nushell, &mut cmd, name, &mut script)
        }
        Shell::Bash => clap_complete::generate(clap_complete::Shell::Bash, &mut cmd, name, &mut script),
        Shell::Elvish => clap_complete::generate(clap_complete::Shell::Elvish, &mut cmd, name, &mut script),
        Shell::Fish => clap_complete::generate(clap_complete::Shell::Fish, &mut cmd, name, &mut script),
        Shell::PowerShell => {
            clap_complete::generate(clap_complete::Shell::PowerShell, &mut cmd, name, &mut script);
        }
        Shell::Zsh => clap_complete::generate(clap_complete::Shell::Zsh, &mut cmd, name, &mut script),
    }
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
