//! Exports: the Markdown decision record, the JSON report, the RON session, the SVG image
//! and the HTML page, and the atomic file write they go through.
//!
//! No terminal code here: the TUI's export dialog calls [`render`], [`default_path`] and
//! [`write_file`] as the command line does.

pub mod adr;
mod format;
mod html;
mod markdown;
pub mod markup;
mod mermaid;
mod record;
pub mod stdout;
pub mod svg;

use std::path::{Path, PathBuf};

use minijinja::{AutoEscape, Environment, UndefinedBehavior, Value, context};
use thiserror::Error;
use time::{Date, Month};

use crate::atomic::{self, WriteError};
use crate::decision::Decision;
use crate::report::Report;
use crate::score::Answers;
use crate::session::Session;
pub use format::Format;
pub use mermaid::{flowchart as mermaid_flowchart, label as mermaid_label};
pub use record::{
    ChoiceInfo, Consequence, Disagreement, Driver, Fact, OptionInfo, Outcome, PersonSaid, PointInfo,
    RecordContext, RecordExtras, StageInfo, Supersedes, TeamInfo,
};

/// The built-in Markdown decision record (MADR 4.0), a minijinja template.
pub const RECORD_TEMPLATE: &str = include_str!("../assets/templates/decision.md.j2");
/// The name the built-in template goes by in messages.
pub const RECORD_TEMPLATE_NAME: &str = "decision.md.j2";

/// Why an export failed. Each message is one line, fit for a status bar.
#[derive(Debug, Error)]
pub enum ExportError {
    /// The target exists and replacing it was not allowed; it is untouched.
    #[error("{} already exists", path.display())]
    Exists { path: PathBuf },
    /// The target is a directory; it is untouched.
    #[error("{} is a directory", path.display())]
    IsDirectory { path: PathBuf },
    /// The target is something that is neither replaced nor written through, such as a
    /// block device or a socket; it is untouched.
    #[error("{} is {kind}, not a regular file", path.display())]
    NotRegular { path: PathBuf, kind: &'static str },
    /// The file could not be written (missing or unwritable directory, full disk…); any
    /// previous file at the path is untouched.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A `--template` file could not be read.
    #[error("cannot read template {}: {source}", path.display())]
    ReadTemplate {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A template failed to compile or render.
    #[error("{name}{}: {message}", place(*line, *column))]
    Template {
        /// The template's name (its file name for `--template`).
        name: String,
        /// The line of the template at fault, when known.
        line: Option<usize>,
        /// The column (in characters, from 1) at fault, when known.
        column: Option<usize>,
        message: String,
    },
    /// A `--date` that is not `YYYY-MM-DD`.
    #[error("invalid date {input:?}: expected YYYY-MM-DD, e.g. 2026-01-31")]
    Date { input: String },
}

impl From<WriteError> for ExportError {
    fn from(e: WriteError) -> Self {
        match e {
            WriteError::Exists { path } => ExportError::Exists { path },
            WriteError::IsDirectory { path } => ExportError::IsDirectory { path },
            WriteError::NotRegular { path, kind } => ExportError::NotRegular { path, kind },
            WriteError::Io { path, source } => ExportError::Write { path, source },
        }
    }
}

/// Writes an export to `path` atomically, never replacing a file without `overwrite`; see
/// [`atomic::write_file`] for devices, FIFOs, directories and symlinks.
pub fn write_file(path: &Path, contents: &str, overwrite: bool) -> Result<(), ExportError> {
    atomic::write_file(path, contents, overwrite).map_err(ExportError::from)
}

/// The default file name for a format, in the current directory: `decision.md` and so on.
pub fn default_path(format: Format) -> PathBuf {
    PathBuf::from(format!("decision.{}", format.extension()))
}

/// The title of the record of these answers, which names its outcome ("Use Django"): the
/// heading of the Markdown record and, slugged, its file name in a decisions folder.
pub fn record_title(decision: &Decision, answers: &Answers) -> String {
    crate::score::evaluate(decision, answers)
        .outcome
        .record_title(decision)
}

/// The export in a built-in format. JSON is exactly `score --json`; RON is a session that
/// `--session` loads back; Markdown is the decision record, dated `date`; SVG is the
/// decision at a glance; HTML is the record as a page with that SVG inline.
pub fn render(format: Format, decision: &Decision, answers: &Answers, date: Date) -> String {
    render_with(format, decision, answers, date, RecordExtras::default())
}

/// [`render`] with a team (JSON gets its `team` object, the record its disagreements and
/// verdict) or a superseded record (a link in the Markdown record).
pub fn render_with(
    format: Format,
    decision: &Decision,
    answers: &Answers,
    date: Date,
    extras: RecordExtras,
) -> String {
    match format {
        Format::Json => {
            let mut report = Report::new(decision, answers);
            report.team = extras.team.map(|team| team.report);
            report.to_json()
        }
        Format::Ron => Session::new(decision, answers).to_ron(),
        // The built-in template is rendered for every answer set by the test suite, and its
        // context holds only plain strings, lists and numbers, so it cannot fail.
        Format::Md => render_record(
            RECORD_TEMPLATE,
            RECORD_TEMPLATE_NAME,
            decision,
            answers,
            date,
            extras,
        )
        .unwrap_or_else(|e| panic!("the built-in decision record failed to render: {e}")),
        Format::Svg => svg::render(
            &RecordContext::with_extras(decision, answers, format_date(date), extras),
            true,
        ),
        Format::Html => html::render(&RecordContext::with_extras(
            decision,
            answers,
            format_date(date),
            extras,
        )),
    }
}

/// Renders a user's minijinja template with the [`RecordContext`] of these answers, a team or
/// a superseded record in it when `extras` has one. `template_name` (the file name) labels
/// errors, which give the line at fault.
///
/// A template is at most [`MAX_TEMPLATE_BYTES`] long, and renders on a thread with a stack
/// of [`RENDER_STACK`]: minijinja parses and evaluates expressions recursively, so a long
/// enough chain of operators or filters would overflow any stack; within the size limit it
/// fits this one several times over.
pub fn render_record(
    template_source: &str,
    template_name: &str,
    decision: &Decision,
    answers: &Answers,
    date: Date,
    extras: RecordExtras,
) -> Result<String, ExportError> {
    if template_source.len() > MAX_TEMPLATE_BYTES {
        let (line, column) = line_column(template_source, MAX_TEMPLATE_BYTES);
        return Err(ExportError::Template {
            name: template_name.to_owned(),
            line: Some(line),
            column: Some(column),
            message: format!(
                "the template goes on past {} KiB, the most a template may be",
                MAX_TEMPLATE_BYTES / 1024
            ),
        });
    }
    let render = || render_unchecked(template_source, template_name, decision, answers, date, extras);
    std::thread::scope(|scope| {
        let renderer = std::thread::Builder::new()
            .name("template".to_owned())
            .stack_size(RENDER_STACK)
            .spawn_scoped(scope, render)
            .map_err(|e| ExportError::Template {
                name: template_name.to_owned(),
                line: None,
                column: None,
                message: format!("cannot start rendering: {e}"),
            })?;
        renderer
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })
}

/// The longest template [`render_record`] renders: 128 KiB, some twenty times the built-in
/// one.
pub const MAX_TEMPLATE_BYTES: usize = 128 * 1024;

/// The renderer's stack: 256 MiB of address space, of which only what a template needs is
/// ever touched. The deepest template of [`MAX_TEMPLATE_BYTES`] (a chain of unary minus
/// signs, one byte a link) needs under 64 MiB in a debug build.
const RENDER_STACK: usize = 256 << 20;

/// [`render_record`] on the current thread, whatever the template's size.
fn render_unchecked(
    template_source: &str,
    template_name: &str,
    decision: &Decision,
    answers: &Answers,
    date: Date,
    extras: RecordExtras,
) -> Result<String, ExportError> {
    let env = environment();
    let template = env
        .template_from_named_str(template_name, template_source)
        .map_err(|e| template_error(template_name, template_source, &e))?;
    let record = RecordContext::with_extras(decision, answers, format_date(date), extras);
    // The diagram is Mermaid source, its labels already escaped for Mermaid: it goes into
    // its code block as it is, so it is the one value marked safe.
    let mermaid = Value::from_safe_string(record.mermaid.clone());
    let context = context! { mermaid => mermaid, ..Value::from_serialize(&record) };
    // Whatever `|safe` let through, and whatever the template's own text holds, no control,
    // bidi or invisible character reaches the record's reader.
    template
        .render(context)
        .map(|record| match crate::text::document_safe(&record) {
            std::borrow::Cow::Borrowed(_) => record,
            std::borrow::Cow::Owned(cleaned) => cleaned,
        })
        .map_err(|e| template_error(template_name, template_source, &e))
}

/// The environment both the built-in and users' templates render in.
fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    // Block tags on lines of their own leave no blank lines behind: the template stays
    // readable and so does the Markdown.
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.set_keep_trailing_newline(true);
    // A misspelt variable is an error naming the line, not a silently empty section.
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    // Every `{{ value }}` is escaped for Markdown unless marked `|safe`, in users' templates
    // as in the built-in one, so no data can open a code block or an HTML comment, or start
    // a heading, a list or a table row.
    env.set_auto_escape_callback(|_| AutoEscape::Custom(markdown::MODE));
    env.set_formatter(markdown::formatter);
    // `escape` (`e`) and `cell` (table cells, which `escape` also fits) escape at once.
    for name in ["escape", "e", "cell"] {
        env.add_filter(name, markdown::escape_filter);
    }
    env.add_filter("code", markdown::code_filter);
    env.add_filter("url", markdown::url_filter);
    env.add_filter("yaml", markdown::yaml_filter);
    env
}

fn template_error(name: &str, source: &str, error: &minijinja::Error) -> ExportError {
    let mut message = error.kind().to_string();
    if let Some(detail) = error.detail() {
        message = format!("{message}: {detail}");
    }
    // The range is into this template's source unless the error names another one.
    let own = error.name().is_none_or(|n| n == name);
    let column = error
        .range()
        .filter(|range| own && range.start <= source.len())
        .map(|range| line_column(source, range.start).1);
    ExportError::Template {
        name: error.name().unwrap_or(name).to_owned(),
        line: error.line(),
        column,
        message,
    }
}

/// The line and column (both from 1, the column in characters) of byte `at` of `source`.
fn line_column(source: &str, at: usize) -> (usize, usize) {
    let at = (0..=at).rev().find(|&i| source.is_char_boundary(i)).unwrap_or(0);
    let before = &source[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// `:LINE:COL`, `:LINE` or nothing.
fn place(line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(line), Some(column)) => format!(":{line}:{column}"),
        (Some(line), None) => format!(":{line}"),
        _ => String::new(),
    }
}

/// `YYYY-MM-DD`.
pub fn format_date(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// Parses a `YYYY-MM-DD` date, strictly (four-digit year, two-digit month and day).
pub fn parse_date(input: &str) -> Result<Date, ExportError> {
    let bad = || ExportError::Date {
        input: input.to_owned(),
    };
    let parts: Vec<&str> = input.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return Err(bad());
    };
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(year, 4) && digits(month, 2) && digits(day, 2)) {
        return Err(bad());
    }
    let year: i32 = year.parse().map_err(|_| bad())?;
    let month: u8 = month.parse().map_err(|_| bad())?;
    let day: u8 = day.parse().map_err(|_| bad())?;
    let month = Month::try_from(month).map_err(|_| bad())?;
    Date::from_calendar_date(year, month, day).map_err(|_| bad())
}

/// Today's date, in UTC.
pub fn today() -> Date {
    time::OffsetDateTime::now_utc().date()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_paths_use_the_format_extension() {
        assert_eq!(default_path(Format::Md), PathBuf::from("decision.md"));
        assert_eq!(default_path(Format::Json), PathBuf::from("decision.json"));
        assert_eq!(default_path(Format::Ron), PathBuf::from("decision.ron"));
        assert_eq!(default_path(Format::Svg), PathBuf::from("decision.svg"));
        assert_eq!(default_path(Format::Html), PathBuf::from("decision.html"));
    }

    #[test]
    fn dates_parse_strictly_and_format_back() {
        let date = parse_date("2026-02-28").unwrap();
        assert_eq!(format_date(date), "2026-02-28");
        for bad in [
            "2026-02-30",
            "2026-2-28",
            "26-02-28",
            "2026-13-01",
            "2026-02-28x",
            "",
            "today",
            "+026-02-28",
        ] {
            assert!(
                matches!(parse_date(bad), Err(ExportError::Date { .. })),
                "{bad:?} was accepted"
            );
        }
    }

    #[test]
    fn error_messages_are_one_line() {
        let errors = [
            ExportError::Exists {
                path: "a/decision.md".into(),
            },
            ExportError::Write {
                path: "a/decision.md".into(),
                source: std::io::Error::new(std::io::ErrorKind::PermissionDenied, "denied"),
            },
            ExportError::Template {
                name: "t.j2".into(),
                line: Some(3),
                column: Some(7),
                message: "syntax error: unexpected end".into(),
            },
        ];
        for e in errors {
            let text = e.to_string();
            assert!(!text.contains('\n') && !text.is_empty(), "{text:?}");
        }
    }

    #[test]
    fn template_errors_name_the_template_line_and_column() {
        let decision = Decision::embedded();
        let date = parse_date("2026-01-15").unwrap();
        let render = |source: &str| {
            render_record(
                source,
                "mine.j2",
                &decision,
                &Answers::default(),
                date,
                RecordExtras::default(),
            )
            .unwrap_err()
        };
        let err = render("ok\n{% if %}\n");
        assert!(err.to_string().starts_with("mine.j2:2:7: syntax error"), "{err}");
        let err = render("é {{ nope }}");
        assert!(
            err.to_string().starts_with("mine.j2:1:6: undefined value"),
            "{err}"
        );
    }

    #[test]
    fn table_cells_escape_pipes() {
        assert_eq!(markdown::escape_filter(&Value::from("a|b")).to_string(), "a\\|b");
    }
}
