//! `stackpick check`: validate decision files, every problem of each.

use std::io::Write;
use std::path::PathBuf;

use crate::commands::failure::{Failure, say};
use crate::decision::{Decision, EMBEDDED_NAME, EMBEDDED_SOURCE};
use crate::source::watch::Watch;
use crate::text::escape_path;

/// `stackpick check [FILE...]`: validates each file and reports every problem. With
/// `watch`, checks the one file again each time it changes.
pub fn check(files: &[PathBuf], watch: bool, out: &mut dyn Write) -> Result<(), Failure> {
    if watch {
        return check_each_version(files, out);
    }
    let mut failures = Vec::new();
    if files.is_empty() {
        // The RON source itself, parsed and validated, not the JSON the app starts from.
        let decision = Decision::parse(EMBEDDED_SOURCE, EMBEDDED_NAME)?;
        report_ok(out, EMBEDDED_NAME, &decision);
    }
    for file in files {
        match Decision::load(file) {
            Ok(decision) => report_ok(out, &escape_path(file), &decision),
            Err(e) => failures.push(e),
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(Failure::Decisions(failures))
    }
}

fn report_ok(out: &mut dyn Write, name: &str, decision: &Decision) {
    let _ = writeln!(out, "{name}: ok ({})", contents(decision));
}

/// What a decision holds, as `check` and `new` say it: "3 options, 6 questions, 2 stages".
pub(super) fn contents(decision: &Decision) -> String {
    format!(
        "{} options, {} questions, {} stages",
        decision.options.len(),
        decision.questions().count(),
        decision.stages.len()
    )
}

/// `check --watch FILE`: the file's problems (on standard error, as `check` prints them) or
/// its "ok" line, now and after each change that changes what it holds. Runs until a signal
/// ends the process (Ctrl-C: 130, through `atomic::exit_on_signals`).
fn check_each_version(files: &[PathBuf], out: &mut dyn Write) -> Result<(), Failure> {
    let [file] = files else {
        return Err(Failure::BadInput(format!(
            "check --watch follows one file, not {}: name only one",
            files.len()
        )));
    };
    let name = escape_path(file);
    let mut watch = Watch::new(file).map_err(|e| Failure::BadInput(format!("--watch {name}: {e}")))?;
    let mut last = None;
    loop {
        // A second event of one save, or a `touch`: the same text, already reported.
        if let Some(read) = Decision::reread(file, &mut last) {
            match read.map(|source| Decision::parse(&source, &name)) {
                Ok(Ok(decision)) => report_ok(out, &name, &decision),
                Ok(Err(e)) => say(&e.to_string()),
                Err(message) => say(&message),
            }
            let _ = out.flush();
        }
        watch
            .wait()
            .map_err(|e| Failure::Other(format!("--watch {name}: {e}")))?;
    }
}
