//! Validation of a decision: every problem at once, each placed in the source by the document
//! path of its value.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use crate::decision::model::{Candidate, Decision};
use crate::source::{self, Target};

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

/// Every semantic problem of the decision, in document order; only the first `limit` are
/// written out, the others are counted.
pub(super) fn check(decision: &Decision, limit: usize) -> Checker {
    let mut check = Checker::new(limit);
    check.slug("id", &decision.id);
    // The id names the file the app saves the answers in (`<id>.ron`, and `<id>.ron.bak`).
    if decision.id.len() > MAX_DECISION_ID {
        check.push("id", || {
            format!(
                "the decision id is {} characters long: at most {MAX_DECISION_ID}, since it names the file the answers are saved in",
                decision.id.len()
            )
        });
    }
    check.text("title", &decision.title);
    check.text("question", &decision.question);
    if decision.options.is_empty() {
        check.push("options", || {
            "the decision has no options: add at least one".into()
        });
    }
    if !decision.options.is_empty() && decision.scored().next().is_none() {
        check.push("options", || {
            "the decision has no scored option: give at least one option a checklist".into()
        });
    }
    let known: BTreeSet<&str> = decision.options.iter().map(|o| o.id.as_str()).collect();
    let mut option_ids: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, option) in decision.options.iter().enumerate() {
        let at = format!("options[{i}]");
        check.slug(&format!("{at}.id"), &option.id);
        let earlier = option_ids.entry(option.id.as_str()).or_insert(0);
        if *earlier > 0 {
            check.dup(&format!("{at}.id"), "option", &option.id);
        }
        *earlier += 1;
        check.text(&format!("{at}.name"), &option.name);
        check_option(&mut check, &at, option);
    }
    check_triggers(&mut check, decision);
    for (i, summary) in decision.summary.iter().enumerate() {
        let at = format!("summary[{i}]");
        check.text(&format!("{at}.heading"), &summary.heading);
        check.text(&format!("{at}.text"), &summary.text);
        for (k, pick) in summary.picks.iter().enumerate() {
            check.known(
                &format!("{at}.picks"),
                Target::Value(format!("{at}.picks[{k}]")),
                pick,
                &known,
            );
        }
    }
    for (i, row) in decision.matrix.iter().enumerate() {
        let at = format!("matrix[{i}]");
        check.text(&format!("{at}.situation"), &row.situation);
        check.known(
            &format!("{at}.pick"),
            Target::Value(format!("{at}.pick")),
            &row.pick,
            &known,
        );
    }
    // The comparison can hold thousands of cells: their paths are written out only for a
    // cell with a problem, so a valid file costs no string per cell.
    for (i, aspect) in decision.comparison.iter().enumerate() {
        let at = || format!("comparison[{i}]");
        if aspect.name.trim().is_empty() {
            check.text(&format!("{}.name", at()), &aspect.name);
        }
        for (option, value) in &aspect.values {
            if !known.contains(option.as_str()) {
                let key = Target::Key(format!("{}.values[{option:?}]", at()));
                check.known(&format!("{}.values", at()), key, option, &known);
            }
            if value.trim().is_empty() {
                check.text(&format!("{}.values[{option:?}]", at()), value);
            }
        }
    }
    check.text("stack.title", &decision.stack.title);
    for (i, layer) in decision.stack.layers.iter().enumerate() {
        let at = format!("stack.layers[{i}]");
        check.text(&format!("{at}.title"), &layer.title);
        if let Some(option) = &layer.option {
            check.known(
                &format!("{at}.option"),
                Target::Value(format!("{at}.option")),
                option,
                &known,
            );
            if decision.option(option).is_some_and(|o| !o.is_scored()) {
                check.push(&format!("{at}.option"), || {
                    format!(
                        "option {option:?} is an also-consider option: only scored options \
                         have a layer of the stack"
                    )
                });
            }
        }
        for (j, part) in layer.parts.iter().enumerate() {
            check.text(&format!("{at}.parts[{j}]"), part);
        }
    }
    let mut stage_ids: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, stage) in decision.stages.iter().enumerate() {
        let at = format!("stages[{i}]");
        check.slug(&format!("{at}.id"), &stage.id);
        let earlier = stage_ids.entry(stage.id.as_str()).or_insert(0);
        if *earlier > 0 {
            check.dup(&format!("{at}.id"), "stage", &stage.id);
        }
        *earlier += 1;
        check.text(&format!("{at}.label"), &stage.label);
        check.text(&format!("{at}.advice"), &stage.advice);
        if stage.picks.is_empty() {
            check.push(&format!("{at}.picks"), || {
                format!("stage {:?} picks no option", stage.id)
            });
        }
        for (k, pick) in stage.picks.iter().enumerate() {
            check.known(
                &format!("{at}.picks"),
                Target::Value(format!("{at}.picks[{k}]")),
                pick,
                &known,
            );
        }
    }
    check
}

/// The triggers of the also-consider options: each names questions and stages the decision has.
fn check_triggers(check: &mut Checker, decision: &Decision) {
    let questions: BTreeSet<String> = decision.question_ids().into_iter().collect();
    let stages: BTreeSet<&str> = decision.stages.iter().map(|s| s.id.as_str()).collect();
    for (i, option) in decision.options.iter().enumerate() {
        let Some(trigger) = &option.trigger else {
            continue;
        };
        let at = format!("options[{i}].trigger");
        if trigger.questions.is_empty() && trigger.stages.is_empty() {
            check.push(&at, || {
                format!(
                    "option {:?} has a trigger with no question and no stage",
                    option.id
                )
            });
        }
        for (k, id) in trigger.questions.iter().enumerate() {
            if !questions.contains(id) {
                check.push(&format!("{at}.questions[{k}]"), || {
                    format!("unknown question id {id:?}: use <option>.<question> of a scored option")
                });
            }
        }
        for (k, id) in trigger.stages.iter().enumerate() {
            if !stages.contains(id.as_str()) {
                check.push(&format!("{at}.stages[{k}]"), || {
                    format!("unknown stage id {id:?}")
                });
            }
        }
        check.text(&format!("{at}.note"), &trigger.note);
    }
}

fn check_option(check: &mut Checker, at: &str, option: &Candidate) {
    for (j, point) in option.strengths.iter().enumerate() {
        check.text(&format!("{at}.strengths[{j}].title"), &point.title);
    }
    for (j, point) in option.best_for.iter().enumerate() {
        check.text(&format!("{at}.best_for[{j}].title"), &point.title);
    }
    for (j, point) in option.consider_when.iter().enumerate() {
        check.text(&format!("{at}.consider_when[{j}].title"), &point.title);
    }
    if !option.is_scored() {
        // An also-consider option is suggested, never scored: a checklist or a threshold
        // would be a rule nobody applies.
        if option.threshold != 0 {
            check.push(&format!("{at}.threshold"), || {
                format!(
                    "option {:?} has a trigger and a threshold: an also-consider option is not scored",
                    option.id
                )
            });
        }
        if !option.questions.is_empty() {
            check.push(&format!("{at}.questions"), || {
                format!(
                    "option {:?} has a trigger and a checklist: an also-consider option has no checklist",
                    option.id
                )
            });
        }
        return;
    }
    if option.questions.is_empty() {
        check.push(&format!("{at}.questions"), || {
            format!(
                "option {:?} has an empty checklist (an also-consider option needs a trigger)",
                option.id
            )
        });
    }
    let mut ids: BTreeMap<&str, usize> = BTreeMap::new();
    let mut total: u64 = 0;
    for (j, question) in option.questions.iter().enumerate() {
        // Written out only for a question with a problem (see the comparison's cells).
        let qat = || format!("{at}.questions[{j}]");
        if !is_slug(&question.id) {
            check.slug(&format!("{}.id", qat()), &question.id);
        }
        let earlier = ids.entry(question.id.as_str()).or_insert(0);
        if *earlier > 0 {
            let full = format!("{}.{}", option.id, question.id);
            check.dup(&format!("{}.id", qat()), "question", &full);
        }
        *earlier += 1;
        if question.text.trim().is_empty() {
            check.text(&format!("{}.text", qat()), &question.text);
        }
        if question.weight == 0 {
            check.push(&format!("{}.weight", qat()), || {
                format!("question \"{}.{}\" has weight 0", option.id, question.id)
            });
        }
        // The same u64 sum as the engine's (score.rs), so what validates is what is scored.
        total = total.saturating_add(u64::from(question.weight));
    }
    if option.threshold == 0 {
        check.push(&format!("{at}.threshold"), || {
            format!(
                "option {:?} has threshold 0: it would always qualify (a scored option needs a \
                 threshold of 1 or more)",
                option.id
            )
        });
    } else if u64::from(option.threshold) > total && !option.questions.is_empty() {
        check.push(&format!("{at}.threshold"), || {
            format!(
                "option {:?} has threshold {} above its checklist's total weight {total}",
                option.id, option.threshold
            )
        });
    }
}

/// Whether an id is made of lowercase letters, digits, '-' and '_' (and is not empty).
/// The longest decision id: `<id>.ron.bak` then fits in a file name (255 bytes) with room
/// to spare.
pub const MAX_DECISION_ID: usize = 128;

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// Collects problems, each with the document path of its value, to place it in the source.
pub(super) struct Checker {
    /// The first `limit` problems.
    problems: Vec<Problem>,
    /// Where each of them is, parallel to `problems`.
    places: Vec<Target>,
    /// How many problems there are in all.
    total: usize,
    limit: usize,
    /// The "known options" list, written once when first needed.
    known_list: Option<String>,
}

/// How many known options an "unknown option" message names before it only counts them.
const KNOWN_LISTED: usize = 20;

impl Checker {
    fn new(limit: usize) -> Checker {
        Checker {
            problems: Vec::new(),
            places: Vec::new(),
            total: 0,
            limit,
            known_list: None,
        }
    }

    /// Records a problem at `at`, placed at the value `place`. The message is only written
    /// for the problems kept, so a file of a million problems costs a million counts, not a
    /// million messages.
    fn report(&mut self, at: &str, place: Target, message: impl FnOnce(&mut Self) -> String) {
        self.total += 1;
        if self.problems.len() < self.limit {
            let message = message(self);
            self.problems.push(Problem {
                at: at.to_owned(),
                message,
                position: None,
            });
            self.places.push(place);
        }
    }

    /// A problem placed at its own path.
    fn push(&mut self, at: &str, message: impl FnOnce() -> String) {
        self.report(at, Target::Value(at.to_owned()), |_| message());
    }

    fn text(&mut self, at: &str, text: &str) {
        if text.trim().is_empty() {
            self.push(at, || "empty text".into());
        }
    }

    fn slug(&mut self, at: &str, id: &str) {
        if !is_slug(id) {
            self.push(at, || {
                format!("invalid id {id:?}: use lowercase letters, digits, '-' or '_'")
            });
        }
    }

    fn dup(&mut self, at: &str, kind: &str, full_id: &str) {
        self.push(at, || format!("duplicate {kind} id {full_id:?}"));
    }

    /// An option id that must be one of `known`, reported at `at` and placed at `place`.
    fn known(&mut self, at: &str, place: Target, id: &str, known: &BTreeSet<&str>) {
        if known.contains(id) {
            return;
        }
        self.report(at, place, |check| {
            let list = check.known_list.get_or_insert_with(|| {
                let mut list: Vec<&str> = known.iter().copied().take(KNOWN_LISTED).collect();
                if list.is_empty() {
                    list.push("none");
                }
                let mut list = list.join(", ");
                if known.len() > KNOWN_LISTED {
                    list.push_str(&format!(
                        ", {}",
                        crate::text::and_more(known.len() - KNOWN_LISTED, "", "")
                    ));
                }
                list.trim_end().to_owned()
            });
            format!("unknown option {id:?} (known options: {list})")
        });
    }

    /// The problems kept, each placed in `source`, and how many there are in all.
    pub(super) fn finish(self, source: &str) -> (Vec<Problem>, usize) {
        let mut problems = self.problems;
        // A valid file is not scanned for positions at all.
        if problems.is_empty() {
            return (problems, self.total);
        }
        let positions = source::locate(source, &self.places);
        for (problem, position) in problems.iter_mut().zip(positions) {
            problem.position = position;
        }
        (problems, self.total)
    }
}
