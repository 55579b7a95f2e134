//! `stackpick export`: render the decision and write it, atomically, or to standard output.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::InputArgs;
use crate::commands::failure::Failure;
use crate::commands::input::load_input;
use crate::decision::Decision;
use crate::export::adr::AdrError;
use crate::export::{
    ExportError, Format, RecordExtras, Supersedes, TeamInfo, adr, default_path, parse_date, render_record,
    render_with, stdout, today, write_file,
};
use crate::score::Answers;
use crate::score::choice::Status;
use crate::team::Team;
use crate::text::Text;
use crate::text::escape_path;
use time::Date;

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
    /// The team's session files (`--team`): the record is then the team's.
    pub team: &'a [PathBuf],
    /// Write a numbered record into a decisions folder (`--adr-dir`).
    pub adr: Option<AdrOptions<'a>>,
}

/// `--adr-dir`, `--supersedes` and `--mark-superseded`.
#[derive(Debug, Clone, Copy)]
pub struct AdrOptions<'a> {
    /// The decisions folder, created if missing.
    pub dir: &'a Path,
    /// The number of the record the new one replaces.
    pub supersedes: Option<&'a str>,
    /// Set the replaced record's status to `superseded by NNNN`.
    pub mark_superseded: bool,
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
    let mut extras = RecordExtras::default();
    if !options.team.is_empty() {
        let team = Team::load(&decision, options.team)?;
        // The team's record: the team's answers and stage; the choice, its reason, status
        // and the decision note stay the exporter's. Everyone decided, and whoever --decider
        // adds.
        let mut deciders: Vec<Text> = team.names().into_iter().map(Text::from).collect();
        for decider in crate::identity::clean_names(options.deciders) {
            if !deciders.contains(&decider) {
                deciders.push(decider);
            }
        }
        answers = team.record_answers(&answers, deciders);
        extras.team = Some(TeamInfo::new(&team, &decision));
    } else if !options.deciders.is_empty() {
        answers.choice.deciders = crate::identity::clean_names(options.deciders);
    }
    if let Some(status) = options.status {
        answers.choice.status = Some(status);
    }
    if answers.choice.deciders.is_empty() {
        answers.choice.deciders.extend(
            options
                .default_decider
                .clone()
                .or_else(crate::identity::login_name)
                .map(Text::from),
        );
    }
    if let Some(adr) = options.adr {
        if format != Format::Md {
            return Err(Failure::BadInput(format!(
                "--adr-dir writes Markdown records: drop --format {format}"
            )));
        }
        return export_adr(
            &adr,
            &decision,
            &answers,
            (date, template.as_ref()),
            extras,
            status,
        );
    }
    let contents = render(format, template.as_ref(), &decision, &answers, date, extras)?;
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

/// The record: the user's `--template` (a path and its text) when given, else the format's
/// built-in one.
fn render(
    format: Format,
    template: Option<&(&Path, String)>,
    decision: &Decision,
    answers: &Answers,
    date: Date,
    extras: RecordExtras,
) -> Result<String, ExportError> {
    Ok(match template {
        Some((path, source)) => render_record(
            source,
            &path.display().to_string(),
            decision,
            answers,
            date,
            extras,
        )?,
        None => render_with(format, decision, answers, date, extras),
    })
}

/// The format `-o PATH` implies when `--format` is not given: the format whose extension
/// `PATH` has (in any case), else Markdown, the default, as for `-`, no `-o` or an unknown
/// extension.
pub fn inferred_format(output: Option<&Path>) -> Format {
    let extension = output.and_then(Path::extension).and_then(|e| e.to_str());
    extension.and_then(Format::from_extension).unwrap_or(Format::Md)
}

/// Writes the next numbered record into the decisions folder, linking the record it
/// supersedes and, with `--mark-superseded`, marking that one; every check comes first (see
/// [`write_next_record`]).
fn export_adr(
    adr: &AdrOptions<'_>,
    decision: &Decision,
    answers: &Answers,
    (date, template): (Date, Option<&(&Path, String)>),
    extras: RecordExtras,
    status: &mut dyn Write,
) -> Result<(), Failure> {
    let plan = |records: &[adr::Record]| -> Result<AdrPlan, Failure> {
        plan_record(adr, records, decision, answers, (date, template), extras.clone())
    };
    let AdrPlan {
        number, path, mark, ..
    } = write_next_record(adr.dir, &plan)?;
    let _ = writeln!(status, "wrote {}", escape_path(&path));
    if let Some((old, _)) = &mark {
        let _ = writeln!(
            status,
            "marked {} superseded by {}",
            escape_path(old),
            adr::label(number)
        );
    }
    Ok(())
}

/// Writes the record `plan` makes for the records in `dir` (made if missing) and returns it.
///
/// The plan runs once before the folder is made, so that bad input leaves nothing behind,
/// and again under the folder's lock, where the number is found and taken: concurrent
/// exports each get their own.
pub(crate) fn write_next_record(
    dir: &Path,
    plan: &dyn Fn(&[adr::Record]) -> Result<AdrPlan, Failure>,
) -> Result<AdrPlan, Failure> {
    plan(&adr::records(dir)?)?;
    std::fs::create_dir_all(dir).map_err(|source| ExportError::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    let _lock = adr::lock(dir).map_err(|adr::Busy| AdrError::Busy {
        dir: dir.to_path_buf(),
    })?;
    // Something other than an export may take a name between the listing and the write:
    // then the next number is tried, a few times.
    let mut taken = None;
    for _ in 0..3 {
        let plan = plan(&adr::records(dir)?)?;
        let mut write = |p: &Path, c: &str, o: bool| write_file(p, c, o);
        match adr::write_record(
            &plan.path,
            &plan.contents,
            plan.mark.as_ref().map(|(p, text)| (p.as_path(), text.as_str())),
            &mut write,
        ) {
            Err(AdrError::Write(ExportError::Exists { .. })) => {
                taken = Some(plan.path);
                continue;
            }
            result => result?,
        }
        return Ok(plan);
    }
    Err(AdrError::Taken {
        path: taken.unwrap_or_default(),
    }
    .into())
}

/// A record ready to write: its number and path, its text, and the superseded record's
/// path and marked text.
pub(crate) struct AdrPlan {
    pub number: u32,
    pub path: std::path::PathBuf,
    pub contents: String,
    pub mark: Option<(std::path::PathBuf, String)>,
}

/// The next record of a folder holding `records`, with every check made.
fn plan_record(
    adr: &AdrOptions<'_>,
    records: &[adr::Record],
    decision: &Decision,
    answers: &Answers,
    (date, template): (Date, Option<&(&Path, String)>),
    mut extras: RecordExtras,
) -> Result<AdrPlan, Failure> {
    let number = adr::next_number(records).ok_or_else(|| AdrError::Full {
        dir: adr.dir.to_path_buf(),
    })?;
    let superseded = adr
        .supersedes
        .map(|n| adr::find(records, adr.dir, n))
        .transpose()?;
    extras.supersedes = superseded.as_ref().map(|record| Supersedes {
        number: record.label(),
        file: record.file_name(),
    });
    let mark = match (&superseded, adr.mark_superseded) {
        (Some(record), true) => {
            let text = crate::source::read_string(&record.path).map_err(|source| AdrError::Read {
                path: record.path.clone(),
                source,
            })?;
            let marked =
                adr::mark_superseded(&text, &adr::label(number)).ok_or_else(|| AdrError::NoStatus {
                    path: record.path.clone(),
                })?;
            Some((record.path.clone(), marked))
        }
        _ => None,
    };
    let contents = render(Format::Md, template, decision, answers, date, extras)?;
    Ok(AdrPlan {
        number,
        path: adr::record_path(adr.dir, number, &crate::export::record_title(decision, answers)),
        contents,
        mark,
    })
}

fn read_template(path: &Path) -> Result<String, ExportError> {
    crate::source::read_string(path).map_err(|source| ExportError::ReadTemplate {
        path: path.to_path_buf(),
        source,
    })
}
