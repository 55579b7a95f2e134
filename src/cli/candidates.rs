//! What the shells offer after `--stage`, `--yes`, `--no`, `--choose` and `--note`: the ids of the embedded
//! decision, as clap possible values that the completion generators write into their scripts.
//!
//! They are candidates, not a restriction: `--data FILE` may name a decision with other ids,
//! so any value parses here and is checked against the decision actually loaded.

use std::ffi::OsStr;
use std::sync::OnceLock;

use clap::builder::{PossibleValue, StringValueParser, TypedValueParser};

use crate::decision::Decision;
use crate::text::one_line;

/// Which ids an argument takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ids {
    /// Full question ids (`django.admin-panel`), for `--yes` and `--no`.
    Questions,
    /// Stage ids, for `--stage`.
    Stages,
    /// Option ids and the words `hybrid`, `none` and `checklist`, for `--choose`.
    Choices,
    /// `<question id>=`, the start of a note, for `--note` (never a file name).
    Notes,
}

/// A value parser that takes any string and offers the embedded decision's `Ids` to the
/// completion scripts (and to clap's messages).
#[derive(Debug, Clone, Copy)]
pub struct Candidates(pub Ids);

impl TypedValueParser for Candidates {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<String, clap::Error> {
        StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(candidates(self.0).into_iter()))
    }
}

/// The embedded decision, parsed once, and only when candidates are asked for (help,
/// completions), so that parsing a command line costs nothing more.
fn embedded() -> &'static Decision {
    static EMBEDDED: OnceLock<Decision> = OnceLock::new();
    EMBEDDED.get_or_init(Decision::embedded)
}

/// The candidates for `ids`, each with a short description for the shells that show one.
pub fn candidates(ids: Ids) -> Vec<PossibleValue> {
    let decision = embedded();
    // The decision is static, so its ids are `&'static str`, as clap's values want.
    let value = |id: &'static str, help: &str| PossibleValue::new(id).help(describe(help));
    match ids {
        Ids::Questions => decision
            .questions()
            .map(|(_, question)| value(&question.full_id, question.text.as_str()))
            .collect(),
        Ids::Stages => decision
            .stages
            .iter()
            .map(|stage| value(&stage.id, stage.label.as_str()))
            .collect(),
        Ids::Notes => note_starts()
            .iter()
            .zip(decision.questions())
            .map(|(start, (_, question))| value(start.as_str(), question.text.as_str()))
            .collect(),
        Ids::Choices => decision
            .options
            .iter()
            .map(|option| value(&option.id, option.name.as_str()))
            .chain([
                value("hybrid", "the hybrid of the options"),
                value("none", "not decided"),
                value("checklist", "follow the checklist's verdict"),
            ])
            .collect(),
    }
}

/// `django.admin-panel=` for every question of the embedded decision, made once.
fn note_starts() -> &'static [String] {
    static STARTS: OnceLock<Vec<String>> = OnceLock::new();
    STARTS.get_or_init(|| {
        embedded()
            .questions()
            .map(|(_, question)| format!("{}=", question.full_id))
            .collect()
    })
}

/// A description short enough for a completion menu, on one line.
fn describe(text: &str) -> String {
    const MAX: usize = 60;
    let line = one_line(text);
    if line.chars().count() <= MAX {
        return line;
    }
    let cut: String = line.chars().take(MAX - 1).collect();
    format!("{}…", cut.trim_end())
}
