//! Validation of a decision: every problem at once, each placed in the source where its value
//! can be found.

use std::collections::{BTreeMap, BTreeSet};

use super::literals::Literals;
use super::{Choice, Decision, Problem};

/// Every semantic problem of the decision, in document order.
pub(super) fn check(decision: &Decision) -> Checker {
    let mut check = Checker::default();
    check.slug("id", &decision.id);
    check.text("title", &decision.title);
    check.text("question", &decision.question);
    if decision.options.is_empty() {
        check.push("options", "the decision has no options: add at least one".into());
    }
    let known: BTreeSet<&str> = decision.options.iter().map(|o| o.id.as_str()).collect();
    let mut option_ids: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, option) in decision.options.iter().enumerate() {
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
    for (i, summary) in decision.summary.iter().enumerate() {
        let at = format!("summary[{i}]");
        check.text(&format!("{at}.heading"), &summary.heading);
        check.text(&format!("{at}.text"), &summary.text);
        for pick in &summary.picks {
            check.known(&format!("{at}.picks"), pick, &known);
        }
    }
    for (i, row) in decision.matrix.iter().enumerate() {
        let at = format!("matrix[{i}]");
        check.text(&format!("{at}.situation"), &row.situation);
        check.known(&format!("{at}.pick"), &row.pick, &known);
    }
    for (i, aspect) in decision.comparison.iter().enumerate() {
        let at = format!("comparison[{i}]");
        check.text(&format!("{at}.name"), &aspect.name);
        for (option, value) in &aspect.values {
            check.known(&format!("{at}.values"), option, &known);
            check.text(&format!("{at}.values[{option:?}]"), value);
        }
    }
    check.text("stack.title", &decision.stack.title);
    for (i, layer) in decision.stack.layers.iter().enumerate() {
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
    for (i, stage) in decision.stages.iter().enumerate() {
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
pub(super) struct Checker {
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
    pub(super) fn finish(self, source: &str) -> Vec<Problem> {
        let mut problems = self.problems;
        // A valid file (the usual case) is not scanned at all.
        if self.needles.iter().all(Option::is_none) {
            return problems;
        }
        let literals = Literals::new(source);
        for (problem, needle) in problems.iter_mut().zip(self.needles) {
            if let Some(needle) = needle {
                let (field, nth) = (needle.field.as_deref(), needle.nth);
                problem.position = find_nth(source, &literals, field, &needle.value, nth);
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

/// Line and column (1-based) of the `nth` string literal whose value is `value` (however it
/// is written), preceded by `field:` when given.
fn find_nth(
    source: &str,
    literals: &Literals,
    field: Option<&str>,
    value: &str,
    nth: usize,
) -> Option<(usize, usize)> {
    let offsets = literals.offsets(value);
    let offset = match field {
        None => *offsets.get(nth)?,
        Some(field) => offsets
            .iter()
            .copied()
            .filter(|&offset| {
                source[..offset]
                    .trim_end()
                    .strip_suffix(':')
                    .is_some_and(|b| b.trim_end().ends_with(field))
            })
            .nth(nth)?,
    };
    Some(literals.position(source, offset))
}
