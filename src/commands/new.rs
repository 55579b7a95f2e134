//! `stackpick new`: write a decision skeleton to fill in, atomically, never over an existing
//! file without `--force` (the export's rules), or to standard output.

use std::io::Write;
use std::path::Path;

use crate::atomic::WriteError;
use crate::commands::check::contents;
use crate::commands::failure::Failure;
use crate::decision::{Decision, Skeleton};
use crate::export::{ExportError, stdout};
use crate::text::escape_path;

/// The decision id of a skeleton written to standard output, which has no file name.
const STDOUT_ID: &str = "decision";

/// `stackpick new FILE [--option NAME]... [--force]`: writes the skeleton of a decision
/// between the options `names` to `path` (`-`: to `out`), and says on `status` what to do
/// next.
pub fn new(
    path: &Path,
    names: &[String],
    force: bool,
    out: &mut dyn Write,
    status: &mut dyn Write,
) -> Result<(), Failure> {
    let to_stdout = path.as_os_str() == "-";
    let stem = if to_stdout {
        STDOUT_ID.into()
    } else {
        path.file_stem().unwrap_or_default().to_string_lossy()
    };
    let text = Skeleton::new(&stem, names)?.render();
    // Parsed as `check` parses it, for what the message says it holds.
    let decision = Decision::parse(&text, &escape_path(path))?;
    if to_stdout {
        return stdout::check_open()
            .and_then(|()| out.write_all(text.as_bytes()))
            .and_then(|()| out.flush())
            .map_err(|source| Failure::Output {
                what: "to standard output",
                source,
            });
    }
    crate::atomic::write_file(path, &text, force).map_err(|e| match e {
        // The export's wording would point to its -o.
        WriteError::IsDirectory { path } => Failure::Other(format!(
            "{} is a directory; give the path of a file",
            escape_path(&path)
        )),
        other => Failure::Export(ExportError::from(other)),
    })?;
    let _ = writeln!(status, "{}", next_steps(path, &decision));
    Ok(())
}

/// What was written, and the commands to run next with the path quoted for a shell.
fn next_steps(path: &Path, decision: &Decision) -> String {
    let shown = escape_path(path);
    let quoted = shlex::try_quote(&shown).map_or_else(|_| shown.clone(), std::borrow::Cow::into_owned);
    format!(
        "Wrote {shown} (decision {:?}: {}). \
         Edit it, then: stackpick check {quoted} · stackpick --data {quoted} --watch",
        decision.id,
        contents(decision)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_steps_quote_the_path_for_a_shell() {
        let text = Skeleton::new("my db", &[]).expect("a skeleton").render();
        let decision = Decision::parse(&text, "my db.ron").expect("valid");
        assert_eq!(
            next_steps(Path::new("my db.ron"), &decision),
            "Wrote my db.ron (decision \"my-db\": 3 options, 6 questions, 2 stages). \
             Edit it, then: stackpick check 'my db.ron' · stackpick --data 'my db.ron' --watch"
        );
    }
}
