//! The data model of a decision file (`data/*.ron`): its serde types, loading and validation.
//!
//! The default decision, `data/web-frameworks.ron`, is embedded in the binary. Any other
//! decision in the same format can be loaded with [`Decision::load`].

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::text::Text;

/// The embedded default decision's source text.
pub const EMBEDDED_SOURCE: &str = include_str!("../data/web-frameworks.ron");
/// The name used for the embedded decision in messages.
pub const EMBEDDED_NAME: &str = "<embedded>/web-frameworks.ron";

/// A whole decision: the options, the evidence and the rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// Slug naming the decision; sessions and saved answers refer to it.
    pub id: String,
    /// Title shown in the app and in exports.
    pub title: Text,
    /// The question being decided (the problem statement of a decision record).
    pub question: Text,
    /// The TL;DR: short verdicts for typical readers.
    #[serde(default)]
    pub summary: Vec<Summary>,
    /// The options being chosen between (frameworks, here).
    pub options: Vec<Choice>,
    /// The quick decision matrix: situation → option.
    #[serde(default)]
    pub matrix: Vec<Situation>,
    /// The detailed comparison, one aspect a row.
    #[serde(default)]
    pub comparison: Vec<Aspect>,
    /// The suggested stack diagram.
    pub stack: Stack,
    /// The line introducing the stages.
    #[serde(default)]
    pub stage_intro: Text,
    /// "Where are you now": stages whose advice breaks ties.
    #[serde(default)]
    pub stages: Vec<Stage>,
}

/// One TL;DR line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    pub heading: Text,
    pub text: Text,
    #[serde(default)]
    pub picks: Vec<String>,
}

/// One option (a framework): its evidence and its checklist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: String,
    pub name: Text,
    #[serde(default)]
    pub tagline: Text,
    /// Free-standing remarks about the option.
    #[serde(default)]
    pub notes: Vec<Text>,
    /// How many yes answers (by weight) make the option qualify.
    pub threshold: u32,
    #[serde(default)]
    pub strengths: Vec<Point>,
    #[serde(default)]
    pub best_for: Vec<Point>,
    /// Real-world users.
    #[serde(default)]
    pub users: Vec<Text>,
    /// A startup example.
    #[serde(default)]
    pub example: Option<Text>,
    pub questions: Vec<Question>,
}

/// A titled list item with an optional detail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Point {
    pub title: Text,
    #[serde(default)]
    pub detail: Text,
}

/// A yes/no checklist question. Its full id is `<option>.<id>`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub text: Text,
    #[serde(default = "default_weight")]
    pub weight: u32,
}

fn default_weight() -> u32 {
    1
}

/// A row of the quick decision matrix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Situation {
    pub situation: Text,
    pub pick: String,
}

/// A row of the detailed comparison: option id → what that option offers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Aspect {
    pub name: Text,
    pub values: BTreeMap<String, Text>,
}

/// The suggested-stack diagram.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stack {
    #[serde(default)]
    pub heading: Text,
    #[serde(default)]
    pub note: Text,
    pub title: Text,
    pub layers: Vec<Layer>,
}

/// A layer of the stack: an option's layer, or a shared one (no option) that is active when
/// two or more option layers are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Layer {
    pub title: Text,
    #[serde(default)]
    pub option: Option<String>,
    pub parts: Vec<Text>,
}

/// A "where are you now" stage and the options its advice picks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub id: String,
    pub label: Text,
    #[serde(default)]
    pub when: Text,
    pub advice: Text,
    pub picks: Vec<String>,
}

/// One problem found in a decision file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where in the document, e.g. `options[1].questions[2].id`.
    pub at: String,
    /// What is wrong, naming the offending id.
    pub message: String,
    /// Line and column in the source, when the offending value could be found there.
    pub position: Option<(usize, usize)>,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, col)) => write!(f, "{line}:{col}: {}: {}", self.at, self.message),
            None => write!(f, "{}: {}", self.at, self.message),
        }
    }
}

/// Why a decision file could not be loaded.
#[derive(Debug, Error)]
pub enum LoadError {
    #[error("{path}: cannot read: {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}:{col}: {message}")]
    Syntax {
        path: String,
        line: usize,
        col: usize,
        message: String,
    },
    #[error("{}", format_problems(path, problems))]
    Invalid { path: String, problems: Vec<Problem> },
}

fn format_problems(path: &str, problems: &[Problem]) -> String {
    let lines: Vec<String> = problems.iter().map(|p| format!("{path}:{p}")).collect();
    format!(
        "{}\n{path}: {} problem{} found",
        lines.join("\n"),
        problems.len(),
        if problems.len() == 1 { "" } else { "s" }
    )
}

impl Decision {
    /// The embedded default decision. It is checked by the test suite, so this cannot fail.
    pub fn embedded() -> Decision {
        Decision::parse(EMBEDDED_SOURCE, EMBEDDED_NAME)
            .unwrap_or_else(|e| panic!("the embedded decision is invalid: {e}"))
    }

    /// Reads, parses and validates a decision file.
    pub fn load(path: &Path) -> Result<Decision, LoadError> {
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|source| LoadError::Read {
            path: name.clone(),
            source,
        })?;
        let source = String::from_utf8(bytes).map_err(|e| {
            // Place the error at the first byte that is not UTF-8.
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let valid = std::str::from_utf8(valid).unwrap_or_default();
            let line_start = valid.rfind('\n').map_or(0, |i| i + 1);
            LoadError::Syntax {
                path: name.clone(),
                line: valid.matches('\n').count() + 1,
                col: valid[line_start..].chars().count() + 1,
                message: "invalid UTF-8: a decision file must be UTF-8 text".to_owned(),
            }
        })?;
        Decision::parse(&source, &name)
    }

    /// Parses and validates decision source text; `name` labels the messages.
    pub fn parse(source: &str, name: &str) -> Result<Decision, LoadError> {
        let decision: Decision = ron::from_str(source).map_err(|e| LoadError::Syntax {
            path: name.to_owned(),
            line: e.span.start.line,
            col: e.span.start.col,
            message: e.code.to_string(),
        })?;
        let problems = decision.check().finish(source);
        if problems.is_empty() {
            return Ok(decision);
        }
        Err(LoadError::Invalid {
            path: name.to_owned(),
            problems,
        })
    }

    /// Every semantic problem of the decision (without source positions).
    pub fn problems(&self) -> Vec<Problem> {
        self.check().problems
    }

    fn check(&self) -> Checker {
        let mut check = Checker::default();
        check.slug("id", &self.id);
        check.text("title", &self.title);
        check.text("question", &self.question);
        if self.options.is_empty() {
            check.push("options", "the decision has no options: add at least one".into());
        }
        let known: BTreeSet<&str> = self.options.iter().map(|o| o.id.as_str()).collect();
        let mut option_ids: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, option) in self.options.iter().enumerate() {
            let at = format!("options[{i}]");
            let nth = check.slug(&format!("{at}.id"), &option.id);
            let earlier = option_ids.entry(option.id.as_str()).or_insert(0);
            if *earlier > 0 {
                check.dup(&format!("{at}.id"), "option", &option.id, &option.id, nth);
            }
            *earlier += 1;
            check.text(&format!("{at}.name"), &option.name);
            check_option(&mut check, &at, option);
        }
        for (i, summary) in self.summary.iter().enumerate() {
            let at = format!("summary[{i}]");
            check.text(&format!("{at}.heading"), &summary.heading);
            check.text(&format!("{at}.text"), &summary.text);
            for pick in &summary.picks {
                check.known(&format!("{at}.picks"), pick, &known);
            }
        }
        for (i, row) in self.matrix.iter().enumerate() {
            let at = format!("matrix[{i}]");
            check.text(&format!("{at}.situation"), &row.situation);
            check.known(&format!("{at}.pick"), &row.pick, &known);
        }
        for (i, aspect) in self.comparison.iter().enumerate() {
            let at = format!("comparison[{i}]");
            check.text(&format!("{at}.name"), &aspect.name);
            for (option, value) in &aspect.values {
                check.known(&format!("{at}.values"), option, &known);
                check.text(&format!("{at}.values[{option:?}]"), value);
            }
        }
        check.text("stack.title", &self.stack.title);
        for (i, layer) in self.stack.layers.iter().enumerate() {
            let at = format!("stack.layers[{i}]");
            check.text(&format!("{at}.title"), &layer.title);
            if let Some(option) = &layer.option {
                check.known(&format!("{at}.option"), option, &known);
            }
            for (j, part) in layer.parts.iter().enumerate() {
                check.text(&format!("{at}.parts[{j}]"), part);
            }
        }
        let mut stage_ids: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, stage) in self.stages.iter().enumerate() {
            let at = format!("stages[{i}]");
            let nth = check.slug(&format!("{at}.id"), &stage.id);
            let earlier = stage_ids.entry(stage.id.as_str()).or_insert(0);
            if *earlier > 0 {
                check.dup(&format!("{at}.id"), "stage", &stage.id, &stage.id, nth);
            }
            *earlier += 1;
            check.text(&format!("{at}.label"), &stage.label);
            check.text(&format!("{at}.advice"), &stage.advice);
            if stage.picks.is_empty() {
                check.push(
                    &format!("{at}.picks"),
                    format!("stage {:?} picks no option", stage.id),
                );
            }
            for pick in &stage.picks {
                check.known(&format!("{at}.picks"), pick, &known);
            }
        }
        check
    }

    /// The option with this id.
    pub fn option(&self, id: &str) -> Option<&Choice> {
        self.options.iter().find(|o| o.id == id)
    }

    /// The stage with this id.
    pub fn stage(&self, id: &str) -> Option<&Stage> {
        self.stages.iter().find(|s| s.id == id)
    }

    /// Every question with its option, in display order.
    pub fn questions(&self) -> impl Iterator<Item = (&Choice, &Question)> {
        self.options
            .iter()
            .flat_map(|o| o.questions.iter().map(move |q| (o, q)))
    }

    /// Every full question id (`<option>.<question>`), in display order.
    pub fn question_ids(&self) -> Vec<String> {
        self.questions().map(|(o, q)| question_id(o, q)).collect()
    }

    /// The option name for an id, or the id itself when unknown.
    pub fn option_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.option(id).map_or(id, |o| o.name.as_str())
    }
}

/// The full id of a question: `<option>.<question>`.
pub fn question_id(option: &Choice, question: &Question) -> String {
    format!("{}.{}", option.id, question.id)
}

fn check_option(check: &mut Checker, at: &str, option: &Choice) {
    if option.questions.is_empty() {
        check.push(
            &format!("{at}.questions"),
            format!("option {:?} has an empty checklist", option.id),
        );
    }
    let mut ids: BTreeMap<&str, usize> = BTreeMap::new();
    let mut total: u64 = 0;
    for (j, question) in option.questions.iter().enumerate() {
        let qat = format!("{at}.questions[{j}]");
        let nth = check.slug(&format!("{qat}.id"), &question.id);
        let earlier = ids.entry(question.id.as_str()).or_insert(0);
        if *earlier > 0 {
            let full = format!("{}.{}", option.id, question.id);
            check.dup(&format!("{qat}.id"), "question", &full, &question.id, nth);
        }
        *earlier += 1;
        check.text(&format!("{qat}.text"), &question.text);
        if question.weight == 0 {
            check.push(
                &format!("{qat}.weight"),
                format!("question \"{}.{}\" has weight 0", option.id, question.id),
            );
        }
        total += u64::from(question.weight);
    }
    if option.threshold == 0 {
        check.push(
            &format!("{at}.threshold"),
            format!("option {:?} has threshold 0: it would always qualify", option.id),
        );
    } else if u64::from(option.threshold) > total && !option.questions.is_empty() {
        check.push(
            &format!("{at}.threshold"),
            format!(
                "option {:?} has threshold {} above its checklist's total weight {total}",
                option.id, option.threshold
            ),
        );
    }
    for (j, point) in option.strengths.iter().enumerate() {
        check.text(&format!("{at}.strengths[{j}].title"), &point.title);
    }
    for (j, point) in option.best_for.iter().enumerate() {
        check.text(&format!("{at}.best_for[{j}].title"), &point.title);
    }
}

/// Collects problems, each with the `field: "value"` to look for in the source to place it.
#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
    needles: Vec<Option<Needle>>,
    /// How many times each needle was already used, so repeated values are placed in turn.
    uses: BTreeMap<(Option<String>, String), usize>,
    /// How many `id` fields with each value were checked so far, in document order.
    ids_seen: BTreeMap<String, usize>,
}

/// A value to find in the source: `field: "value"`, its `nth` occurrence.
struct Needle {
    field: Option<String>,
    value: String,
    nth: usize,
}

impl Checker {
    fn push(&mut self, at: &str, message: String) {
        self.problems.push(Problem {
            at: at.to_owned(),
            message,
            position: None,
        });
        self.needles.push(None);
    }

    /// Records a problem placed at the `nth` occurrence of `field: "value"` (counting from 0);
    /// `nth: None` takes the next occurrence not yet used by an earlier problem.
    fn push_found(
        &mut self,
        at: &str,
        message: String,
        field: Option<&str>,
        value: &str,
        nth: Option<usize>,
    ) {
        let key = (field.map(str::to_owned), value.to_owned());
        let used = self.uses.entry(key).or_insert(0);
        let nth = nth.unwrap_or(*used);
        *used += 1;
        self.problems.push(Problem {
            at: at.to_owned(),
            message,
            position: None,
        });
        self.needles.push(Some(Needle {
            field: field.map(str::to_owned),
            value: value.to_owned(),
            nth,
        }));
    }

    fn text(&mut self, at: &str, text: &str) {
        if text.trim().is_empty() {
            let field = field_name(at);
            self.push_found(at, "empty text".into(), field, text, None);
        }
    }

    /// Checks an id and returns which occurrence of `id: "<id>"` in the document it is; ids
    /// are checked in document order, so this places problems on the right one even when
    /// options, questions and stages share an id.
    fn slug(&mut self, at: &str, id: &str) -> usize {
        let seen = self.ids_seen.entry(id.to_owned()).or_insert(0);
        let nth = *seen;
        *seen += 1;
        let valid = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if !valid {
            let message = format!("invalid id {id:?}: use lowercase letters, digits, '-' or '_'");
            self.push_found(at, message, Some("id"), id, Some(nth));
        }
        nth
    }

    /// A duplicate id, the `nth` occurrence of `id: "<short>"` in the document.
    fn dup(&mut self, at: &str, kind: &str, full_id: &str, short: &str, nth: usize) {
        let message = format!("duplicate {kind} id {full_id:?}");
        self.push_found(at, message, Some("id"), short, Some(nth));
    }

    fn known(&mut self, at: &str, id: &str, known: &BTreeSet<&str>) {
        if !known.contains(id) {
            let valid: Vec<&str> = known.iter().copied().collect();
            let list = if valid.is_empty() {
                "none".to_owned()
            } else {
                valid.join(", ")
            };
            let message = format!("unknown option {id:?} (known options: {list})");
            self.push_found(at, message, None, id, None);
        }
    }

    /// The problems, each placed in `source` where its value could be found.
    fn finish(self, source: &str) -> Vec<Problem> {
        let mut problems = self.problems;
        for (problem, needle) in problems.iter_mut().zip(self.needles) {
            if let Some(needle) = needle {
                problem.position = find_nth(source, needle.field.as_deref(), &needle.value, needle.nth);
            }
        }
        problems
    }
}

/// The last plain field name of a document path: `options[0].questions[2].text` → `text`.
fn field_name(at: &str) -> Option<&str> {
    let last = at.rsplit('.').next()?;
    let name = last.split('[').next()?;
    (!name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')).then_some(name)
}

/// Line and column (1-based) of the `nth` quoted `value`, preceded by `field:` when given.
fn find_nth(source: &str, field: Option<&str>, value: &str, nth: usize) -> Option<(usize, usize)> {
    let quoted = format!("{value:?}");
    let mut found = 0;
    for (offset, _) in source.match_indices(&quoted) {
        let before = source[..offset].trim_end();
        let matches_field = match field {
            Some(field) => before
                .strip_suffix(':')
                .is_some_and(|b| b.trim_end().ends_with(field)),
            None => true,
        };
        if !matches_field {
            continue;
        }
        if found == nth {
            let line = source[..offset].matches('\n').count() + 1;
            let line_start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
            let col = source[line_start..offset].chars().count() + 1;
            return Some((line, col));
        }
        found += 1;
    }
    None
}
