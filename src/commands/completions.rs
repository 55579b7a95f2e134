//! `stackpick completions SHELL`: the script that registers stackpick's completions with the
//! shell. Bash, Elvish, Fish, PowerShell and Zsh ask the program itself at each Tab
//! (`clap_complete`'s dynamic completion, [`COMPLETE_VAR`]), so every value is completed as the
//! parser reads it: the ids after `--stage`, `--yes`, `--no` (after a comma too) and
//! `--choose`, `ID=` after `--note`, files for `team` and after `--data`. Nushell, which that
//! engine does not serve, gets clap's generated script with the embedded decision's ids.

use std::io::Write;

use clap::CommandFactory;
use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Zsh};

use crate::cli::{Cli, Shell};
use crate::commands::failure::Failure;

/// The environment variable under which the program answers a shell's completion request
/// instead of running (see `main.rs`). Named for the program, so a `COMPLETE` set for
/// something else never turns stackpick into a completer.
pub const COMPLETE_VAR: &str = "STACKPICK_COMPLETE";

/// The completion script for `shell`, as text. The scripts call `stackpick` from `PATH`.
pub fn completion_script(shell: Shell) -> String {
    let dynamic: &dyn EnvCompleter = match shell {
        Shell::Bash => &Bash,
        Shell::Elvish => &Elvish,
        Shell::Fish => &Fish,
        Shell::PowerShell => &Powershell,
        Shell::Zsh => &Zsh,
        Shell::Nushell => {
            let mut script = Vec::new();
            clap_complete::generate(
                clap_complete_nushell::Nushell,
                &mut Cli::command(),
                "stackpick",
                &mut script,
            );
            return String::from_utf8_lossy(&script).into_owned();
        }
    };
    let mut script = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = dynamic.write_registration(COMPLETE_VAR, "stackpick", "stackpick", "stackpick", &mut script);
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
