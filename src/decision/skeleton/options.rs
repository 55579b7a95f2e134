//! What a skeleton is made of: the decision's id and the options', from the file name and
//! the names given on the command line, cleaned as any text of a file is ([`Text::line`]).

use thiserror::Error;

use crate::decision::validate::MAX_DECISION_ID;
use crate::text::Text;

/// The option names used when none are given.
pub const PLACEHOLDER_NAMES: [&str; 2] = ["Option A", "Option B"];

/// The longest option id made from a name: a question's full id stays short enough to type.
const MAX_OPTION_ID: usize = 40;

/// Why no skeleton can be made of these option names.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum SkeletonError {
    /// A single option: there is nothing to choose between.
    #[error("one --option is not a choice: give two or more (or none, for two placeholders)")]
    OneOption,
    /// A name with nothing visible left once cleaned.
    #[error("--option {0:?} has no visible character: give the option a name")]
    EmptyName(String),
    /// The same name twice (in any case).
    #[error("--option {0:?} is given twice: each option needs a name of its own")]
    SameName(String),
}

/// A decision to write: its id, its scored options and an also-consider option, each with an
/// id and a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skeleton {
    pub(super) id: String,
    /// The scored options, in the order given.
    pub(super) options: Vec<Named>,
    /// The also-consider option, there to show its fields.
    pub(super) other: Named,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Named {
    pub(super) id: String,
    pub(super) name: String,
}

impl Skeleton {
    /// The skeleton of a decision whose file is called `stem` (`mine` for `mine.ron`: the
    /// decision's id), between the options `names` (none: [`PLACEHOLDER_NAMES`]).
    pub fn new(stem: &str, names: &[String]) -> Result<Skeleton, SkeletonError> {
        let names: Vec<String> = if names.is_empty() {
            PLACEHOLDER_NAMES.iter().map(|&n| n.to_owned()).collect()
        } else {
            names.to_vec()
        };
        if names.len() == 1 {
            return Err(SkeletonError::OneOption);
        }
        let mut options: Vec<Named> = Vec::new();
        for raw in &names {
            let name = Text::line(raw).as_str().to_owned();
            if name.is_empty() {
                return Err(SkeletonError::EmptyName(raw.clone()));
            }
            if options
                .iter()
                .any(|o| o.name.to_lowercase() == name.to_lowercase())
            {
                return Err(SkeletonError::SameName(name));
            }
            let fallback = format!("option-{}", options.len() + 1);
            let id = unique(slug(&name, MAX_OPTION_ID, &fallback), &options);
            options.push(Named { id, name });
        }
        let other = Named {
            id: unique("also-consider".to_owned(), &options),
            name: "Another option to consider".to_owned(),
        };
        Ok(Skeleton {
            id: slug(stem, MAX_DECISION_ID, "decision"),
            options,
            other,
        })
    }
}

/// An id made of `text`, as the validator accepts ids: lowercase ASCII letters, digits and
/// `_`, any other run of characters as one `-`, at most `max` long; `fallback` when nothing
/// is left.
pub(super) fn slug(text: &str, max: usize, fallback: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() || c == '_' {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    // ASCII only, so any byte index is a character boundary.
    slug.truncate(max);
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        fallback.to_owned()
    } else {
        slug.to_owned()
    }
}

/// `id`, or `id-2`, `id-3`… when an option has it already.
fn unique(id: String, options: &[Named]) -> String {
    let taken = |candidate: &str| options.iter().any(|o| o.id == candidate);
    if !taken(&id) {
        return id;
    }
    // Among n options, one of the n + 1 suffixes from 2 is free.
    (2..=options.len() + 2)
        .map(|n| format!("{id}-{n}"))
        .find(|candidate| !taken(candidate))
        .unwrap_or(id)
}
