//! Running the `stackpick` binary from a test: what a run produced, and running it in a
//! directory of the test's own as a user called `nobody` without a config file. Used by
//! `tests/integration/cli.rs`, `team.rs` and `adr.rs`.

use std::ffi::OsStr;
use std::path::Path;
use std::process::Output;

use assert_cmd::cargo::cargo_bin_cmd;

/// What a run of the binary produced.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    /// Standard output then standard error, as bytes (for escape sequences).
    pub raw: Vec<u8>,
}

impl Run {
    /// The run behind a finished process.
    pub fn of(output: &Output) -> Run {
        let mut raw = output.stdout.clone();
        raw.extend_from_slice(&output.stderr);
        Run {
            code: output.status.code().expect("an exit code, not a signal"),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            raw,
        }
    }
}

impl std::fmt::Debug for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit {}\n--- stdout\n{}--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// Runs `stackpick ARGS` in `dir`, as a user called `nobody` without a config file.
#[track_caller]
pub fn run_in<S: AsRef<OsStr>>(dir: &Path, args: &[S]) -> Run {
    let output = cargo_bin_cmd!("stackpick")
        .current_dir(dir)
        .args(args)
        .env("USER", "nobody")
        .env_remove("USERNAME")
        .env("STACKPICK_CONFIG_DIR", dir.join("no-config"))
        .write_stdin("")
        .output()
        .expect("the binary runs");
    Run::of(&output)
}

/// [`run_in`], asserting success.
#[track_caller]
pub fn ok_in<S: AsRef<OsStr>>(dir: &Path, args: &[S]) -> Run {
    let run = run_in(dir, args);
    assert_eq!(run.code, 0, "{run:?}");
    run
}
