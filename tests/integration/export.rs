//! `stackpick export`: golden files of every format, round trips, the Markdown record's
//! structure, and the safety of the write (no clobbering, no partial or temporary files).
//!
//! Golden files live in `tests/golden/`. After an intended change to an export, regenerate
//! them with `UPDATE_GOLDEN=1 cargo test --test integration export` and review the diff before
//! committing; without `UPDATE_GOLDEN` the output must match them byte for byte.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use stackpick::decision::{Decision, EMBEDDED_SOURCE};
use stackpick::export::Format;
use stackpick::export::{self, ExportError};
use stackpick::score::Answers;

const DATE: &str = "2026-01-15";

/// An answer set exported in every format.
struct Case {
    name: &'static str,
    args: &'static [&'static str],
    /// Arguments only `export` takes (`--status`, `--decider`).
    export_args: &'static [&'static str],
    /// The deciders the export records: those given, else the login name.
    deciders: &'static [&'static str],
}

const NONE: Case = Case {
    name: "none",
    args: &[],
    export_args: &[],
    deciders: &["ada"],
};
const SINGLE_DJANGO: Case = Case {
    name: "single-django",
    args: &["--yes", "django.admin-panel,django.permissions,django.security"],
    export_args: &[],
    deciders: &["ada"],
};
const HYBRID: Case = Case {
    name: "hybrid-django-flask",
    args: &[
        "--yes",
        "django.admin-panel,django.permissions,django.security",
        "--yes",
        "flask.rest-api,flask.microservices,flask.prototype",
    ],
    export_args: &[],
    deciders: &["ada"],
};
const STAGE_API_FIRST: Case = Case {
    name: "stage-api-first",
    args: &["--stage", "api-first"],
    export_args: &[],
    deciders: &["ada"],
};
const LEANING: Case = Case {
    name: "leaning",
    args: &["--yes", "django.admin-panel,django.convention,flask.rest-api"],
    export_args: &[],
    deciders: &["ada"],
};
/// The user's own decision over the checklist's: yes and no answers with notes, a chosen
/// option that differs from the suggestion, a reason, a status and two deciders.
const CHOICE_FASTAPI: Case = Case {
    name: "choice-fastapi",
    args: &[
        "--yes",
        "django.admin-panel,django.permissions,django.security,flask.rest-api",
        "--no",
        "flask.serverless-edge,django.convention",
        "--note",
        "flask.rest-api=a mobile app talks to it",
        "--note",
        "django.convention=we like to pick",
        "--choose",
        "fastapi",
        "--because",
        "async performance for the ML backend",
    ],
    export_args: &["--status", "accepted", "--decider", "Ada", "--decider", "Grace"],
    deciders: &["Ada", "Grace"],
};
const CASES: [&Case; 6] = [
    &NONE,
    &SINGLE_DJANGO,
    &HYBRID,
    &STAGE_API_FIRST,
    &LEANING,
    &CHOICE_FASTAPI,
];
const FORMATS: [&str; 5] = ["md", "json", "ron", "svg", "html"];

/// The binary, with a fixed login name: it is the record's default decision-maker.
fn stackpick() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_stackpick"));
    command.env("USER", "ada").env_remove("USERNAME");
    // No user's config: its `name` would become the default decision-maker.
    command.env("STACKPICK_CONFIG_DIR", "/nonexistent/stackpick-config");
    command
}

fn run(args: &[&str]) -> Output {
    stackpick().args(args).output().expect("the binary runs")
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    stackpick()
        .current_dir(dir)
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("utf-8 stdout")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("utf-8 stderr")
}

#[track_caller]
fn assert_exit(output: &Output, code: i32) {
    assert_eq!(
        output.status.code(),
        Some(code),
        "exit status; stdout:\n{}\nstderr:\n{}",
        stdout(output),
        stderr(output)
    );
}

/// `export --format <format> -o - --date DATE <case args>`, which must succeed.
fn export_stdout(case: &Case, format: &str) -> String {
    let mut args = vec!["export", "--format", format, "-o", "-", "--date", DATE];
    args.extend_from_slice(case.args);
    args.extend_from_slice(case.export_args);
    let output = run(&args);
    assert_exit(&output, 0);
    assert!(
        output.stderr.is_empty(),
        "`-o -` prints only the export: {}",
        stderr(&output)
    );
    stdout(&output)
}

fn score_json(args: &[&str]) -> String {
    let mut all = vec!["score", "--json"];
    all.extend_from_slice(args);
    let output = run(&all);
    assert_exit(&output, 0);
    stdout(&output)
}

fn golden_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

/// Compares `actual` with the golden file, or rewrites the file when `UPDATE_GOLDEN=1`.
#[track_caller]
fn assert_golden(name: &str, actual: &str) {
    let path = golden_path(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1") {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, actual).unwrap();
        return;
    }
    let expected = fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; create it with UPDATE_GOLDEN=1", path.display()));
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "{} differs from the export at line {}:\n  golden: {:?}\n  actual: {:?}\n\
             (if the change is intended, rerun with UPDATE_GOLDEN=1 and review the diff)",
            path.display(),
            line + 1,
            expected.lines().nth(line),
            actual.lines().nth(line),
        );
    }
}

fn golden_case(case: &Case) {
    for format in FORMATS {
        assert_golden(&format!("{}.{format}", case.name), &export_stdout(case, format));
    }
}

#[test]
fn golden_none() {
    golden_case(&NONE);
}

#[test]
fn golden_single_django() {
    golden_case(&SINGLE_DJANGO);
}

#[test]
fn golden_hybrid_django_flask() {
    golden_case(&HYBRID);
}

#[test]
fn golden_stage_api_first() {
    golden_case(&STAGE_API_FIRST);
}

#[test]
fn golden_leaning() {
    golden_case(&LEANING);
}

#[test]
fn golden_choice_fastapi() {
    golden_case(&CHOICE_FASTAPI);
}

#[test]
fn json_export_equals_score_json() {
    // The same object, but for what only `export` sets: the deciders (and the status).
    for case in CASES {
        let exported: serde_json::Value = serde_json::from_str(&export_stdout(case, "json")).unwrap();
        let mut scored: serde_json::Value = serde_json::from_str(&score_json(case.args)).unwrap();
        scored["choice"]["deciders"] = serde_json::json!(case.deciders);
        scored["choice"]["status"] = exported["choice"]["status"].clone();
        assert_eq!(exported, scored, "case {}", case.name);
    }
}

#[test]
fn ron_export_loads_back_to_the_same_answers_and_stage() {
    let dir = tempfile::tempdir().unwrap();
    for case in CASES {
        let path = dir.path().join(format!("{}.ron", case.name));
        fs::write(&path, export_stdout(case, "ron")).unwrap();
        let reloaded = score_json(&["--session", path.to_str().unwrap()]);
        let exported: serde_json::Value = serde_json::from_str(&export_stdout(case, "json")).unwrap();
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&reloaded).unwrap(),
            exported,
            "case {}",
            case.name
        );
    }
}

#[test]
fn library_render_matches_the_command_line() {
    let decision = Decision::embedded();
    let answers = Answers::new(
        &decision,
        ["django.admin-panel", "django.permissions", "django.security"],
        None,
    )
    .unwrap();
    let date = export::parse_date(DATE).unwrap();
    // The command line records the login name as the decider and as who answered; the
    // library what it is given.
    let mut answers = answers;
    answers.choice.deciders = vec!["ada".into()];
    answers.by = Some("ada".into());
    for (format, name) in [(Format::Md, "md"), (Format::Json, "json"), (Format::Ron, "ron")] {
        assert_eq!(
            export::render(format, &decision, &answers, date),
            export_stdout(&SINGLE_DJANGO, name),
            "format {name}"
        );
    }
}

const MADR_SECTIONS: [&str; 7] = [
    "## Context and Problem Statement",
    "## Decision Drivers",
    "## Considered Options",
    "## Decision Outcome",
    "### Consequences",
    "## Pros and Cons of the Options",
    "## More Information",
];

/// The record's front matter, its MADR sections in order, and a well-formed Mermaid block.
fn check_record(md: &str) -> Result<(), String> {
    let front = md
        .strip_prefix("---\n")
        .and_then(|rest| rest.split_once("\n---\n"))
        .ok_or("no front matter")?
        .0;
    let fields: BTreeMap<&str, &str> = front.lines().filter_map(|l| l.split_once(": ")).collect();
    if !matches!(fields.get("status"), Some(&"accepted" | &"proposed")) {
        return Err(format!("bad status in front matter: {front:?}"));
    }
    if fields.get("date") != Some(&DATE) {
        return Err(format!("bad date in front matter: {front:?}"));
    }
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
    let mut from = 0;
    for section in MADR_SECTIONS {
        match headings[from..].iter().position(|h| *h == section) {
            Some(i) => from += i + 1,
            None => return Err(format!("missing or out-of-order section {section:?}")),
        }
    }
    if headings.iter().filter(|h| h.starts_with("# ")).count() != 1 {
        return Err("expected exactly one title heading".into());
    }
    let outcome = md.split("## Decision Outcome\n\n").nth(1).ok_or("no outcome")?;
    if !(outcome.starts_with("Chosen option: \"") || outcome.starts_with("No option is chosen yet")) {
        return Err(format!(
            "the outcome does not start with the chosen option: {outcome:.60?}"
        ));
    }
    let blocks: Vec<&str> = md.split("```mermaid\n").skip(1).collect();
    let [block] = blocks.as_slice() else {
        return Err(format!("expected one mermaid block, found {}", blocks.len()));
    };
    let body = block.split_once("```").ok_or("unterminated mermaid block")?.0;
    check_flowchart(body)
}

fn is_id(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// `ID["label"]`: the id, after checking the label has no raw `"`.
fn node_definition(text: &str) -> Result<&str, String> {
    let (id, rest) = text
        .split_once("[\"")
        .ok_or_else(|| format!("not a node definition: {text:?}"))?;
    let label = rest
        .strip_suffix("\"]")
        .ok_or_else(|| format!("label not closed: {text:?}"))?;
    if label.contains('"') {
        return Err(format!("unescaped quote in label: {text:?}"));
    }
    if !is_id(id) {
        return Err(format!("unsafe node id {id:?}"));
    }
    Ok(id)
}

/// A small checker of the flowchart subset the export writes: every `subgraph` closed by
/// `end`, every id referenced defined, every class used defined, labels escaped.
fn check_flowchart(body: &str) -> Result<(), String> {
    let mut lines = body.lines();
    let first = lines.next().unwrap_or_default();
    if !first.starts_with("flowchart ") {
        return Err(format!("does not start with `flowchart`: {first:?}"));
    }
    let mut defined = BTreeSet::new();
    let mut referenced = BTreeSet::new();
    let mut classes = BTreeSet::new();
    let mut used_classes = BTreeSet::new();
    let mut open = 0usize;
    for line in lines.map(str::trim).filter(|l| !l.is_empty()) {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            ["subgraph", ..] => {
                defined.insert(node_definition(line.trim_start_matches("subgraph").trim())?.to_owned());
                open += 1;
            }
            ["end"] => open = open.checked_sub(1).ok_or("`end` without `subgraph`")?,
            ["direction", dir] if ["TB", "TD", "BT", "LR", "RL"].contains(dir) => {}
            [from, "---" | "-.-" | "-->" | "-.->", to] => {
                referenced.insert((*from).to_owned());
                referenced.insert((*to).to_owned());
            }
            ["classDef", name, _, ..] => {
                classes.insert((*name).to_owned());
            }
            ["class", ids, name] => {
                referenced.extend(ids.split(',').map(str::to_owned));
                used_classes.insert((*name).to_owned());
            }
            _ => {
                defined.insert(node_definition(line)?.to_owned());
            }
        }
    }
    if open != 0 {
        return Err(format!("{open} subgraph(s) not closed by `end`"));
    }
    if let Some(id) = referenced.difference(&defined).next() {
        return Err(format!("id {id:?} is referenced but not defined"));
    }
    if let Some(class) = used_classes.difference(&classes).next() {
        return Err(format!("class {class:?} is used but not defined"));
    }
    Ok(())
}

#[test]
fn markdown_has_every_madr_section_and_a_well_formed_flowchart() {
    for case in CASES {
        let md = export_stdout(case, "md");
        if let Err(e) = check_record(&md) {
            panic!("case {}: {e}\n{md}", case.name);
        }
    }
}

#[test]
fn the_record_checker_rejects_broken_flowcharts() {
    let good = "flowchart TB\n    subgraph L0[\"A\"]\n        L0P0[\"a\"]\n    end\n    class L0,L0P0 on\n    classDef on fill:#fff\n";
    assert_eq!(check_flowchart(good), Ok(()));
    for (broken, why) in [
        ("graph TB\n", "not a flowchart"),
        (
            "flowchart TB\n    subgraph L0[\"A\"]\n        L0P0[\"a\"]\n",
            "unclosed subgraph",
        ),
        ("flowchart TB\n    end\n", "stray end"),
        ("flowchart TB\n    L0P0[\"say \"hi\"\"]\n", "raw quote"),
        ("flowchart TB\n    L0P0[\"a\"]\n    L0P0 --- L9\n", "undefined id"),
        (
            "flowchart TB\n    L0P0[\"a\"]\n    class L0P0 off\n",
            "undefined class",
        ),
        ("flowchart TB\n    a-b[\"a\"]\n", "unsafe id"),
    ] {
        assert!(check_flowchart(broken).is_err(), "accepted ({why}): {broken}");
    }
}

#[test]
fn the_outcome_follows_the_verdict() {
    let outcome = |case: &Case| {
        let md = export_stdout(case, "md");
        let status = md.lines().nth(1).unwrap().to_owned();
        let line = md
            .split("## Decision Outcome\n\n")
            .nth(1)
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .to_owned();
        (status, line)
    };
    let (status, line) = outcome(&SINGLE_DJANGO);
    assert_eq!(status, "status: accepted");
    assert!(line.starts_with("Chosen option: \"Django\", because "), "{line}");
    let (status, line) = outcome(&HYBRID);
    assert_eq!(status, "status: accepted");
    assert!(
        line.starts_with("Chosen option: \"Django + Flask (hybrid)\", because "),
        "{line}"
    );
    for case in [&NONE, &LEANING] {
        let (status, line) = outcome(case);
        assert_eq!(status, "status: proposed", "case {}", case.name);
        assert!(line.starts_with("No option is chosen yet, because "), "{line}");
    }
}

#[test]
fn consequences_come_from_the_chosen_options_strengths_only() {
    let md = export_stdout(&SINGLE_DJANGO, "md");
    let consequences = md
        .split("### Consequences\n\n")
        .nth(1)
        .unwrap()
        .split("\n## ")
        .next()
        .unwrap();
    let decision = Decision::embedded();
    let django = decision.option("django").unwrap();
    let lines: Vec<&str> = consequences.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(
        lines.len(),
        1,
        "one line for the one option decided: {consequences}"
    );
    assert!(
        lines[0].starts_with("* We get the strengths the article gives Django: "),
        "{consequences}"
    );
    for strength in &django.strengths {
        assert!(lines[0].contains(strength.title.as_str()), "{consequences}");
    }
    for other in decision.options.iter().filter(|o| o.id != "django") {
        for strength in &other.strengths {
            assert!(!consequences.contains(strength.title.as_str()), "{consequences}");
        }
    }
    // No option's record invents a con: the data has none.
    assert!(!md.contains("Bad, because"), "{md}");
}

/// A copy of the embedded decision with characters that need escaping in its stack and table.
fn awkward_decision(dir: &Path) -> PathBuf {
    let source = EMBEDDED_SOURCE
        .replace(
            "\"Main database\"",
            r#""Main \"primary\" database <pg> #1 & `co`""#,
        )
        .replace("\"Batteries-included\"", "\"Batteries|included\"");
    assert_ne!(source, EMBEDDED_SOURCE);
    let path = dir.join("awkward.ron");
    fs::write(&path, source).unwrap();
    path
}

#[test]
fn labels_and_cells_from_the_data_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let data = awkward_decision(dir.path());
    let output = run(&[
        "export",
        "--format",
        "md",
        "-o",
        "-",
        "--date",
        DATE,
        "--data",
        data.to_str().unwrap(),
        "--yes",
        "django.admin-panel,django.permissions,django.security",
    ]);
    assert_exit(&output, 0);
    let md = stdout(&output);
    check_record(&md).unwrap_or_else(|e| panic!("{e}\n{md}"));
    assert!(
        md.contains(r#"L0P3["Main #quot;primary#quot; database #lt;pg#gt; #35;1 #amp; #96;co#96;"]"#),
        "{md}"
    );
    assert!(md.contains("| Philosophy | Batteries\\|included |"), "{md}");
}

/// The names in a directory, to show that nothing (such as a temporary file) was left behind.
fn names(dir: &Path) -> BTreeSet<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn an_existing_file_is_replaced_only_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.md");
    fs::write(&path, "keep me\n").unwrap();
    let target = path.to_str().unwrap();
    let args = ["export", "--format", "md", "--date", DATE, "-o", target];

    let refused = run(&args);
    assert_exit(&refused, 1);
    let message = stderr(&refused);
    assert!(
        message.contains(target) && message.contains("already exists"),
        "{message}"
    );
    assert!(
        message.contains("--force"),
        "the message says how to proceed: {message}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), "keep me\n");
    assert_eq!(names(dir.path()), BTreeSet::from(["record.md".to_owned()]));

    let forced = run(&[&args[..], &["--force"]].concat());
    assert_exit(&forced, 0);
    assert_eq!(fs::read_to_string(&path).unwrap(), export_stdout(&NONE, "md"));
    assert_eq!(names(dir.path()), BTreeSet::from(["record.md".to_owned()]));
}

#[test]
fn the_default_path_is_decision_dot_extension_in_the_current_directory() {
    let dir = tempfile::tempdir().unwrap();
    for format in FORMATS {
        let output = run_in(dir.path(), &["export", "--format", format, "--date", DATE]);
        assert_exit(&output, 0);
        let file = format!("decision.{format}");
        assert!(
            stderr(&output).contains(&file),
            "the path written is reported: {}",
            stderr(&output)
        );
        assert!(
            output.stdout.is_empty(),
            "stdout stays clean: {}",
            stdout(&output)
        );
        assert_eq!(
            fs::read_to_string(dir.path().join(&file)).unwrap(),
            export_stdout(&NONE, format)
        );
    }
    // A second export does not replace the first.
    let again = run_in(
        dir.path(),
        &["export", "--format", "json", "--yes", "django.admin-panel"],
    );
    assert_exit(&again, 1);
    assert_eq!(
        fs::read_to_string(dir.path().join("decision.json")).unwrap(),
        export_stdout(&NONE, "json")
    );
    let expected: BTreeSet<String> = FORMATS.iter().map(|f| format!("decision.{f}")).collect();
    assert_eq!(names(dir.path()), expected);
}

#[test]
fn stdout_output_writes_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let output = run_in(
        dir.path(),
        &["export", "--format", "ron", "-o", "-", "--stage", "solo"],
    );
    assert_exit(&output, 0);
    assert!(
        stdout(&output).contains("stage: Some(\"solo\")"),
        "{}",
        stdout(&output)
    );
    assert!(names(dir.path()).is_empty());
}

#[test]
fn a_path_under_a_regular_file_fails_cleanly() {
    // A regular file as the parent directory blocks the write even for root.
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("plain"), "not a directory").unwrap();
    let target = dir.path().join("plain").join("decision.md");
    let output = run(&["export", "--format", "md", "-o", target.to_str().unwrap()]);
    assert_exit(&output, 1);
    let message = stderr(&output);
    assert!(
        message.contains("cannot write") && message.contains(target.to_str().unwrap()),
        "{message}"
    );
    assert_eq!(message.lines().count(), 1, "one clear line: {message}");
    assert_eq!(names(dir.path()), BTreeSet::from(["plain".to_owned()]));
    assert_eq!(
        fs::read_to_string(dir.path().join("plain")).unwrap(),
        "not a directory"
    );
}

#[test]
fn a_missing_directory_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("missing").join("decision.json");
    let output = run(&["export", "--format", "json", "-o", target.to_str().unwrap()]);
    assert_exit(&output, 1);
    let message = stderr(&output);
    assert!(
        message.contains("cannot write") && message.contains(target.to_str().unwrap()),
        "{message}"
    );
    assert!(names(dir.path()).is_empty());
}

#[test]
fn write_file_refuses_to_clobber_and_replaces_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.md");
    export::write_file(&path, "first", false).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), "first");

    let err = export::write_file(&path, "second", false).unwrap_err();
    assert!(
        matches!(&err, ExportError::Exists { path: p } if *p == path),
        "{err:?}"
    );
    assert_eq!(err.to_string(), format!("{} already exists", path.display()));
    assert_eq!(fs::read_to_string(&path).unwrap(), "first");

    export::write_file(&path, "third", true).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), "third");
    assert_eq!(names(dir.path()), BTreeSet::from(["out.md".to_owned()]));
}

#[cfg(unix)]
#[test]
fn write_file_keeps_the_mode_of_the_file_it_replaces() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.md");
    fs::write(&path, "old").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    export::write_file(&path, "new", true).unwrap();
    assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
}

#[cfg(unix)]
#[test]
fn write_file_does_not_replace_a_dangling_symlink() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink(dir.path().join("nowhere"), &link).unwrap();
    let err = export::write_file(&link, "x", false).unwrap_err();
    assert!(matches!(err, ExportError::Exists { .. }), "{err:?}");
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
}

#[test]
fn a_failed_rename_leaves_no_temporary_file() {
    // Renaming onto `FILE/` fails (not a directory) after the temporary file is written.
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("taken"), "kept").unwrap();
    let target = dir.path().join("taken/");
    let err = export::write_file(&target, "contents", true).unwrap_err();
    assert!(
        matches!(&err, ExportError::Write { path, .. } if *path == target),
        "{err:?}"
    );
    assert!(
        err.to_string()
            .starts_with(&format!("cannot write {}: ", target.display())),
        "{err}"
    );
    assert_eq!(names(dir.path()), BTreeSet::from(["taken".to_owned()]));
    assert_eq!(fs::read_to_string(dir.path().join("taken")).unwrap(), "kept");
}

#[test]
fn a_custom_template_renders_the_record_context() {
    // Templates render with trim_blocks, like the built-in one: a block tag ending a line
    // takes the line break with it, hence the doubled `\n` after `endfor`.
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("short.md.j2");
    fs::write(
        &template,
        "{{ title }}: {{ outcome.chosen }} ({{ status }}, {{ date }})\n\
         {% for s in scores %}{{ s.option }}={{ s.score }}/{{ s.max }}{% if not loop.last %} {% endif %}{% endfor %}\n\n\
         {{ report.verdict.kind }}\n",
    )
    .unwrap();
    let mut args = vec![
        "export",
        "--format",
        "md",
        "-o",
        "-",
        "--date",
        DATE,
        "--template",
        template.to_str().unwrap(),
    ];
    args.extend_from_slice(SINGLE_DJANGO.args);
    let output = run(&args);
    assert_exit(&output, 0);
    assert_eq!(
        stdout(&output),
        "Use Django: Django (accepted, 2026-01-15)\ndjango=3/6 flask=0/6\nsingle\n"
    );
}

#[test]
fn a_template_with_a_syntax_error_is_bad_input_naming_the_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("broken.md.j2");
    fs::write(&template, "# {{ title }}\n{% for x in %}\n{% endfor %}\n").unwrap();
    let output = run_in(
        dir.path(),
        &[
            "export",
            "--format",
            "md",
            "--template",
            template.to_str().unwrap(),
        ],
    );
    assert_exit(&output, 2);
    let message = stderr(&output);
    assert!(
        message.contains(&format!("{}:2:13: syntax error", template.display())),
        "{message}"
    );
    assert!(
        names(dir.path()) == BTreeSet::from(["broken.md.j2".to_owned()]),
        "nothing is written"
    );
}

#[test]
fn an_unreadable_template_is_bad_input_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("absent.j2");
    let output = run(&[
        "export",
        "--format",
        "md",
        "-o",
        "-",
        "--template",
        template.to_str().unwrap(),
    ]);
    assert_exit(&output, 2);
    assert!(
        stderr(&output).contains(template.to_str().unwrap()),
        "{}",
        stderr(&output)
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn a_template_only_goes_with_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("t.j2");
    fs::write(&template, "{{ title }}").unwrap();
    let output = run(&[
        "export",
        "--format",
        "json",
        "-o",
        "-",
        "--template",
        template.to_str().unwrap(),
    ]);
    assert_exit(&output, 2);
    assert!(stderr(&output).contains("--format md"), "{}", stderr(&output));
}

#[test]
fn a_bad_date_is_bad_input() {
    for date in ["2026-02-30", "15/01/2026", "yesterday"] {
        let output = run(&["export", "--format", "md", "-o", "-", "--date", date]);
        assert_exit(&output, 2);
        assert!(stderr(&output).contains("invalid date"), "{}", stderr(&output));
        assert!(output.stdout.is_empty());
    }
}

#[test]
fn without_a_date_the_record_is_dated_today() {
    let today = export::format_date(export::today());
    let md = stdout(&run(&["export", "--format", "md", "-o", "-"]));
    let dated = md.lines().nth(2).unwrap();
    // Around midnight UTC the export may fall on the next day; accept either.
    let after = export::format_date(export::today());
    assert!(
        dated == format!("date: {today}") || dated == format!("date: {after}"),
        "{dated}"
    );
}

/// The default decision-maker is the config's `name`, else `$USER`.
#[test]
fn the_default_decider_is_the_configs_name_then_the_login() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("config.ron"), "Config(name: \"Grace Hopper\")\n").expect("config");
    let with_name = stackpick()
        .env("STACKPICK_CONFIG_DIR", dir.path())
        .args(["export", "--format", "json", "-o", "-"])
        .output()
        .expect("run");
    assert!(with_name.status.success());
    let json: serde_json::Value = serde_json::from_slice(&with_name.stdout).expect("json");
    assert_eq!(json["choice"]["deciders"], serde_json::json!(["Grace Hopper"]));
    let without = stackpick()
        .args(["export", "--format", "json", "-o", "-"])
        .output()
        .expect("run");
    let json: serde_json::Value = serde_json::from_slice(&without.stdout).expect("json");
    assert_eq!(json["choice"]["deciders"], serde_json::json!(["ada"]));
}

/// Machine-made templates: a long chain of operators, filters, calls or lookups renders or
/// is refused as bad input with its place, never overflows the stack; a template past the
/// size limit is refused at the place where it goes past.
#[test]
fn no_template_crashes_the_program() {
    let dir = tempfile::tempdir().unwrap();
    let limit = export::MAX_TEMPLATE_BYTES;
    let chain = |head: &str, link: &str, tail: &str| {
        let links = (limit - head.len() - tail.len()) / link.len();
        format!("{head}{}{tail}", link.repeat(links))
    };
    let cases = [
        chain("{{ ", "-", "1 }}"),
        chain("{{ 1", "+1", " }}"),
        chain("{{ 1", "|abs", " }}"),
        chain("{{ 1", " if 1 else 1", " }}"),
        chain("{{ ", "not ", "1 }}"),
        chain("{{ decision", ".title", " }}"),
        chain("{{ x", "()", " }}"),
        chain("{{ ", "(", "1 }}"),
        chain("{% if 1 %}", "{% if 1 %}", ""),
    ];
    for (i, template) in cases.iter().enumerate() {
        let path = dir.path().join(format!("t{i}.j2"));
        fs::write(&path, template).unwrap();
        let output = run(&["export", "--template", path.to_str().unwrap(), "-o", "-"]);
        let code = output.status.code();
        assert!(
            code == Some(0) || code == Some(2),
            "case {i}: {:?} {}",
            output.status,
            stderr(&output)
        );
        if code == Some(2) {
            let place = format!("stackpick: {}:1:", path.display());
            assert!(
                stderr(&output).starts_with(&place),
                "case {i}: {}",
                stderr(&output)
            );
        }
    }
    let path = dir.path().join("long.j2");
    fs::write(&path, format!("{}\n{}", "a".repeat(limit - 10), "b".repeat(20))).unwrap();
    let output = run(&["export", "--template", path.to_str().unwrap(), "-o", "-"]);
    assert_exit(&output, 2);
    assert!(
        stderr(&output).starts_with("stackpick: ")
            && stderr(&output).contains("long.j2:2:10: the template goes on past 128 KiB"),
        "{}",
        stderr(&output)
    );
}

/// The text of each Markdown element a parser sees: headings with their level, tables with
/// their rows of cells, and the plain text of paragraphs and list items.
#[derive(Default)]
struct Structure {
    headings: Vec<(u8, String)>,
    tables: Vec<Vec<Vec<String>>>,
    sentences: Vec<String>,
}

fn structure(md: &str) -> Structure {
    use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
    let mut out = Structure::default();
    let mut text = String::new();
    let mut row: Vec<String> = Vec::new();
    let options = Options::ENABLE_TABLES | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Start(Tag::Table(_)) => out.tables.push(Vec::new()),
            Event::Start(Tag::Heading { .. } | Tag::Paragraph | Tag::Item | Tag::TableCell) => text.clear(),
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak => text.push(' '),
            Event::End(TagEnd::Heading(level)) => {
                let level = match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    _ => 4,
                };
                out.headings.push((level, std::mem::take(&mut text)));
            }
            Event::End(TagEnd::TableCell) => row.push(std::mem::take(&mut text)),
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                out.tables
                    .last_mut()
                    .expect("a table")
                    .push(std::mem::take(&mut row));
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item) if !text.is_empty() => {
                out.sentences.push(std::mem::take(&mut text));
            }
            _ => {}
        }
    }
    out
}

/// Every golden record, read by a Markdown parser: one title naming the outcome, MADR's
/// sections, one comparison table with a column per option and "—" where the article says
/// nothing, the quick decision matrix marking only what is decided, and prose with no label
/// glued into a sentence and no judgement the article does not make.
#[test]
fn the_records_read_as_written_by_a_person() {
    let decision = Decision::embedded();
    for case in CASES {
        let md = fs::read_to_string(golden_path(&format!("{}.md", case.name))).unwrap();
        let name = case.name;
        let doc = structure(&md);
        let report: serde_json::Value = serde_json::from_str(&score_json(case.args)).unwrap();
        let decided: Vec<String> = match report["outcome"]["decided"].as_str() {
            Some("option" | "hybrid") => report["outcome"]["options"]
                .as_array()
                .unwrap()
                .iter()
                .map(|o| o.as_str().unwrap().to_owned())
                .collect(),
            _ => Vec::new(),
        };

        let titles: Vec<&String> = doc
            .headings
            .iter()
            .filter(|(l, _)| *l == 1)
            .map(|(_, t)| t)
            .collect();
        assert_eq!(titles.len(), 1, "{name}: one title");
        let names: Vec<&str> = decided.iter().map(|id| decision.option_name(id)).collect();
        match names.as_slice() {
            [] => assert!(titles[0].starts_with("Open: "), "{name}: {}", titles[0]),
            [one] => assert_eq!(titles[0], &format!("Use {one}"), "{name}"),
            many => assert_eq!(titles[0], &format!("Use {} (hybrid)", many.join(" + ")), "{name}"),
        }
        let sections: Vec<&str> = doc
            .headings
            .iter()
            .filter(|(l, _)| *l == 2)
            .map(|(_, t)| t.as_str())
            .collect();
        assert_eq!(
            sections,
            [
                "Context and Problem Statement",
                "Decision Drivers",
                "Considered Options",
                "Decision Outcome",
                "Pros and Cons of the Options",
                "More Information"
            ],
            "{name}"
        );

        // One comparison table, a column per option, "—" where the data has no value.
        let comparisons: Vec<&Vec<Vec<String>>> = doc.tables.iter().filter(|t| t[0][0] == "Aspect").collect();
        assert_eq!(comparisons.len(), 1, "{name}: one comparison table");
        let table = comparisons[0];
        let header: Vec<&str> = table[0].iter().map(String::as_str).collect();
        let mut expected = vec!["Aspect"];
        expected.extend(decision.options.iter().map(|o| o.name.as_str()));
        assert_eq!(header, expected, "{name}");
        assert_eq!(table.len(), decision.comparison.len() + 1, "{name}");
        for (row, aspect) in table[1..].iter().zip(&decision.comparison) {
            assert_eq!(row[0], aspect.name.as_str(), "{name}");
            for (cell, option) in row[1..].iter().zip(&decision.options) {
                let want = aspect.values.get(&option.id).map_or("—", |v| v.as_str());
                assert_eq!(cell, want, "{name}: {} / {}", aspect.name, option.id);
            }
        }

        // The matrix marks the rows whose pick is decided, and only those.
        let matrix = doc
            .tables
            .iter()
            .find(|t| t[0][0] == "Situation")
            .unwrap_or_else(|| panic!("{name}: the quick decision matrix"));
        assert_eq!(matrix.len(), decision.matrix.len() + 1, "{name}");
        for (row, situation) in matrix[1..].iter().zip(&decision.matrix) {
            assert_eq!(row[0], situation.situation.as_str(), "{name}");
            let marked = row[2] == "✓";
            assert_eq!(marked, decided.contains(&situation.pick), "{name}: {}", row[0]);
        }

        // The article's TL;DR is in the context.
        for line in &decision.summary {
            assert!(
                doc.sentences.iter().any(|s| s.contains(line.text.as_str())),
                "{name}: TL;DR {:?}",
                line.heading
            );
        }
        for sentence in &doc.sentences {
            for glued in [
                "Good, because",
                "Bad, because",
                "Neutral, ",
                "because The ",
                ": Also consider",
            ] {
                assert!(!sentence.contains(glued), "{name}: {glued:?} in {sentence:?}");
            }
            // A label followed by a capitalised sentence, mid-sentence ("…, because The …").
            assert!(
                !sentence.contains(", because ")
                    || !sentence
                        .split(", because ")
                        .nth(1)
                        .unwrap()
                        .starts_with(char::is_uppercase),
                "{name}: {sentence:?}"
            );
        }
    }
}
