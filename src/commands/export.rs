//! `stackpick export`: render the decision and write it, atomically, or to standard output.

use std::io::Write;
use std::path::Path;

use super::load_input;
use crate::choice::Status;
use crate::cli::InputArgs;
use crate::error::Failure;
use crate::export::{
    ExportError, Format, default_path, parse_date, render, render_template, stdout, today, write_file,
};
use crate::score::one_line;
use crate::text::escape_path;

/// The options of the `export` command besides the input.
#[derive(Debug, Clone)]
pub struct ExportOptions<'a> {
    /// `None`: Markdown with a template, else [`inferred_format`] from the output's extension.
    pub format: Option<Format>,
    /// Where to write; `-` for standard output; `None` for [`default_path`].
    pub output: Option<&'a Path>,
    /// Replace an existing file.
    pub force: bool,
    /// A template to render instead of the built-in Markdown record.
    pub template: Option<&'a Path>,
    /// `YYYY-MM-DD`; today when `None`.
    pub date: Option<&'a str>,
    /// The record's status, replacing the saved one.
    pub status: Option<Status>,
    /// Who decided, replacing the saved ones; when neither gives any, `default_decider`.
    pub deciders: &'a [String],
    /// The decision-maker when none is given: the config's `name` (else `$USER`).
    pub default_decider: Option<String>,
}

/// The default decision-maker: the login name (`$USER`, else `$USERNAME`), if any.
pub fn default_decider() -> Option<String> {
    ["USER", "USERNAME"]
        .iter()
        .filter_map(std::env::var_os)
        .map(|name| one_line(&name.to_string_lossy()))
        .find(|name| !name.is_empty())
}

/// `stackpick export`: renders the answers and writes them to a file (atomically, never
/// replacing one without `force`) or to `out` for `-o -`. The path written is reported on
/// `status` (standard error), so standard output carries only exported content.
pub fn export(
    input: &InputArgs,
    options: &ExportOptions<'_>,
    out: &mut dyn Write,
    status: &mut dyn Write,
) -> Result<(), Failure> {
    let format = match (options.format, options.template) {
        (Some(format), _) => format,
        // A template renders a Markdown record, whatever the file is called.
        (None, Some(_)) => Format::Md,
        (None, None) => inferred_format(options.output),
    };
    // Every bad-input check comes before anything is written.
    let date = options.date.map(parse_date).transpose()?.unwrap_or_else(today);
    let template = match options.template {
        Some(path) if format != Format::Md => {
            return Err(Failure::BadInput(format!(
                "--template {} renders a Markdown record: use it with --format md",
                path.display()
            )));
        }
        Some(path) => Some((path, read_template(path)?)),
        None => None,
    };
    let (decision, mut answers) = load_input(input)?;
    if let Some(status) = options.status {
        answers.choice.status = Some(status);
    }
    if !options.deciders.is_empty() {
        answers.choice.deciders = options.deciders.iter().map(|d| one_line(d)).collect();
    }
    if answers.choice.deciders.is_empty() {
        answers
            .choice
            .deciders
            .extend(options.default_decider.clone().or_else(default_decider));
    }
    let contents = match &template {
        Some((path, source)) => {
            render_template(source, &path.display().to_string(), &decision, &answers, date)?
        }
        None => render(format, &decision, &answers, date),
    };
    let path = options
        .output
        .map_or_else(|| default_path(format), Path::to_path_buf);
    if path.as_os_str() == "-" {
        // `out` is standard output; writes to a closed one "succeed" (see `stdout`).
        return stdout::check_open()
            .and_then(|()| out.write_all(contents.as_bytes()))
            .and_then(|()| out.flush())
            .map_err(|source| Failure::Output {
                what: "to standard output",
                source,
            });
    }
    write_file(&path, &contents, options.force)?;
    let _ = writeln!(status, "wrote {}", escape_path(&path));
    Ok(())
}

/// The format `-o PATH` implies when `--format` is not given: the format whose extension
/// `PATH` has (in any case), else Markdown, the default, as for `-`, no `-o` or an unknown
/// extension.
pub fn inferred_format(output: Option<&Path>) -> Format {
    let extension = output.and_then(Path::extension).and_then(|e| e.to_str());
    extension.and_then(Format::from_extension).unwrap_or(Format::Md)
}

fn read_template(path: &Path) -> Result<String, ExportError> {
    std::fs::read_to_string(path).map_err(|source| ExportError::ReadTemplate {
        path: path.to_path_buf(),
        source,
    })
}
