//! The command line, as clap definitions.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum, ValueHint};

use crate::export::Format;

mod candidates;

pub use candidates::{Candidates, Ids, candidates};

/// Choose your startup's web stack (Django, Flask, a hybrid, or FastAPI where the article
/// suggests it) from the evidence.
///
/// Without a command, opens the interactive app on the embedded decision.
// The doc comment is the --help text: product names go in plain words, not code spans.
#[allow(clippy::doc_markdown)]
#[derive(Debug, Parser)]
#[command(name = "stackpick", version, about, long_about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// A decision file to open instead of the embedded one.
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub data: Option<PathBuf>,

    /// A session file (answers and stage) to open: the app saves its changes back to it.
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub session: Option<PathBuf>,

    /// The team's sessions, one a person: the app opens with a sixth tab, Team, where
    /// everyone's answers stand side by side (yours, editable, first).
    #[arg(long, value_name = "FILE", num_args = 1.., value_hint = ValueHint::FilePath)]
    pub team: Vec<PathBuf>,

    /// Follow the decision file of --data: each time it is saved, the app switches to the
    /// new version (keeping the answers whose questions remain), or shows its problems and
    /// goes on with the last good one.
    #[arg(long, requires = "data", conflicts_with = "team")]
    pub watch: bool,

    /// Do not capture the mouse.
    #[arg(long)]
    pub no_mouse: bool,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a decision skeleton to fill in: every field of the format, each commented.
    ///
    /// Each option gets a checklist of three questions, a threshold, a summary line, a matrix
    /// row, comparison values and a stack layer; the file also has an also-consider option
    /// and two stages. Every text is a placeholder to replace. Never replaces an existing
    /// file without --force.
    New {
        /// The file to write; its name gives the decision's id (mine.ron: mine). `-` writes
        /// to standard output.
        #[arg(value_name = "FILE", value_hint = ValueHint::FilePath)]
        file: PathBuf,
        /// An option's name (repeat it: two or more; a single one is refused). Without any,
        /// two placeholders, Option A and Option B.
        #[arg(long = "option", value_name = "NAME")]
        options: Vec<String>,
        /// Replace an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Validate decision files (default: the embedded one).
    Check {
        /// Decision files to check.
        #[arg(value_name = "FILE", value_hint = ValueHint::FilePath)]
        files: Vec<PathBuf>,
        /// Check the file again each time it is saved, until Ctrl-C (one file).
        #[arg(long, requires = "files")]
        watch: bool,
    },
    /// Print the scores, the verdict, the stack, the reasons and the hints.
    Score {
        #[command(flatten)]
        input: InputArgs,
        /// Print the JSON object instead of the text report.
        #[arg(long)]
        json: bool,
    },
    /// Write the decision as a Markdown record, JSON, a reloadable RON session, an SVG image or an HTML page.
    Export {
        #[command(flatten)]
        input: InputArgs,
        /// The format to write (default: from the extension of -o, else md).
        #[arg(long, value_enum)]
        format: Option<Format>,
        /// Where to write; `-` for standard output (default: decision.<ext>).
        #[arg(short, long, value_name = "FILE", value_hint = ValueHint::FilePath)]
        output: Option<PathBuf>,
        /// Replace an existing file.
        #[arg(long)]
        force: bool,
        /// A minijinja template to render instead of the built-in Markdown record.
        #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
        template: Option<PathBuf>,
        /// The date written in the record (YYYY-MM-DD; default: today).
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        /// The record's status (default: accepted when an option is chosen, else proposed).
        #[arg(long, value_enum, value_name = "STATUS")]
        status: Option<crate::score::choice::Status>,
        /// Who decided (may repeat; default: the saved deciders, else $USER).
        #[arg(long = "decider", value_name = "NAME")]
        deciders: Vec<String>,
        /// The team's sessions, one a person: the record is the team's (its answers, everyone
        /// as decision-makers, a section per disagreement, the team verdict).
        #[arg(long, value_name = "FILE", num_args = 1.., value_hint = ValueHint::FilePath,
              conflicts_with_all = ["yes", "no", "notes"])]
        team: Vec<PathBuf>,
        /// Write a numbered record, NNNN-<title>.md with the next free number, into DIR
        /// (default: docs/decisions).
        #[arg(long, value_name = "DIR", num_args = 0..=1, default_missing_value = crate::export::adr::DEFAULT_DIR,
              value_hint = ValueHint::DirPath, conflicts_with = "output")]
        adr_dir: Option<PathBuf>,
        /// The number of the earlier record this one replaces: the new record links to it.
        #[arg(long, value_name = "NNNN", requires = "adr_dir")]
        supersedes: Option<String>,
        /// Also set the superseded record's status to "superseded by NNNN" (atomically).
        #[arg(long, requires = "supersedes")]
        mark_superseded: bool,
    },
    /// Compare several people's sessions of one decision: disagreements first, each person's
    /// verdict, the team's answers and verdict, and the questions that would change it.
    Team {
        /// Session files, one a person (e.g. decisions/web-stack/*.ron).
        #[arg(value_name = "FILE", value_hint = ValueHint::FilePath, required = true)]
        files: Vec<PathBuf>,
        /// The decision file the sessions answer (default: the embedded one).
        #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
        data: Option<PathBuf>,
        /// Print the JSON object instead of the text report.
        #[arg(long)]
        json: bool,
    },
    /// Forget the answers the app saved for a decision (asks first).
    Reset {
        /// The decision file whose saved answers to reset (default: the embedded one).
        #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
        data: Option<PathBuf>,
        /// Reset without asking.
        #[arg(long)]
        yes: bool,
    },
    /// Print a shell completion script.
    Completions {
        /// The shell.
        shell: Shell,
    },
    /// Print the man page (roff).
    Man,
}

/// Where the answers come from.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// A decision file to use instead of the embedded one.
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub data: Option<PathBuf>,

    /// A saved session (answers and stage) to start from.
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath, conflicts_with = "saved")]
    pub session: Option<PathBuf>,

    /// Start from the answers the app autosaved for this decision.
    #[arg(long)]
    pub saved: bool,

    /// Question ids answered yes, e.g. django.admin-panel (comma-separated, may repeat).
    #[arg(long, value_name = "ID[,ID...]", value_delimiter = ',', value_parser = Candidates(Ids::Questions),
          hide_possible_values = true)]
    pub yes: Vec<String>,

    /// Question ids answered no (comma-separated, may repeat).
    #[arg(long, value_name = "ID[,ID...]", value_delimiter = ',', value_parser = Candidates(Ids::Questions),
          hide_possible_values = true)]
    pub no: Vec<String>,

    /// A note on a question, e.g. --note 'django.security=patient data' (may repeat).
    #[arg(long = "note", value_name = "ID=TEXT", value_parser = Candidates(Ids::Notes), hide_possible_values = true)]
    pub notes: Vec<String>,

    /// The stage ("where are you now"), e.g. pre-pmf.
    #[arg(long, value_name = "ID", value_parser = Candidates(Ids::Stages), hide_possible_values = true)]
    pub stage: Option<String>,

    /// Your choice: an option id, `hybrid`, `none` (not decided) or `checklist` (follow it).
    #[arg(long, value_name = "OPTION", value_parser = Candidates(Ids::Choices), hide_possible_values = true)]
    pub choose: Option<String>,

    /// Why you chose so (one line).
    #[arg(long, value_name = "TEXT")]
    pub because: Option<String>,

    /// Who answered (default: the session's, else the config's name, else $USER).
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
}

/// The shells `completions` writes a script for: those of `clap_complete`, and Nushell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Elvish,
    Fish,
    Nushell,
    #[value(name = "powershell")]
    PowerShell,
    Zsh,
}
