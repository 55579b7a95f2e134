//! Integration tests of the `stackpick` binary: `check` and `score`, on good and bad input.
//!
//! The bare `stackpick` (no subcommand) starts the interactive app and is tested elsewhere.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::Value;

use crate::support::run::Run;

const BAD: &str = "tests/fixtures/bad";
const MINI: &str = "tests/fixtures/good/mini.ron";
const DJANGO3: &str = "django.admin-panel,django.permissions,django.content-heavy";
const FLASK3: &str = "flask.rest-api,flask.own-tools,flask.serverless-edge";
const ESC: u8 = 0x1b;

/// Runs `stackpick ARGS` from the package root (so fixture paths are relative to it).
#[track_caller]
fn run<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Run {
    let output = cargo_bin_cmd!("stackpick")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .env_remove("STACKPICK_CONFIG_DIR")
        .write_stdin("")
        .output()
        .expect("the binary runs");
    Run::of(&output)
}

/// Runs and asserts the exit code.
#[track_caller]
fn run_ok<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Run {
    let run = run(args);
    assert_eq!(run.code, 0, "{run:?}");
    run
}

/// Runs and asserts exit code 2 (bad input).
#[track_caller]
fn run_bad<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Run {
    let run = run(args);
    assert_eq!(run.code, 2, "{run:?}");
    run
}

/// `score --json ARGS`, parsed.
#[track_caller]
fn score_json(args: &[&str]) -> Value {
    let mut all = vec!["score", "--json"];
    all.extend_from_slice(args);
    let run = run_ok(&all);
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {run:?}"))
}

#[track_caller]
fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("not an array: {value}"))
        .iter()
        .map(|v| v.as_str().unwrap_or_else(|| panic!("not a string: {v}")))
        .collect()
}

/// The verdict's kind and options.
#[track_caller]
fn verdict(report: &Value) -> (&str, Vec<&str>) {
    (
        report["verdict"]["kind"].as_str().expect("verdict.kind"),
        strings(&report["verdict"]["options"]),
    )
}

/// Whether the stack layer with no option (the shared one) is active.
#[track_caller]
fn shared_active(report: &Value) -> bool {
    let layers = report["stack"]["layers"].as_array().expect("stack.layers");
    let shared: Vec<&Value> = layers.iter().filter(|l| l["option"].is_null()).collect();
    assert_eq!(shared.len(), 1, "one shared layer: {layers:?}");
    shared[0]["active"].as_bool().expect("layer.active")
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary directory")
}

fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, contents).expect("write a temporary file");
    path
}

fn mini_source() -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(MINI)).expect("the mini fixture")
}

// ---- check ---------------------------------------------------------------------------------

#[test]
fn check_passes_on_the_embedded_decision() {
    let run = run_ok(&["check"]);
    assert_eq!(
        run.stdout,
        "<embedded>/web-frameworks.ron: ok (3 options, 12 questions, 4 stages)\n"
    );
    assert_eq!(run.stderr, "");
}

#[test]
fn check_passes_on_the_shipped_data_file_and_a_custom_one() {
    let run = run_ok(&["check", "data/web-frameworks.ron", MINI]);
    assert_eq!(
        run.stdout,
        format!(
            "data/web-frameworks.ron: ok (3 options, 12 questions, 4 stages)\n\
             {MINI}: ok (2 options, 6 questions, 2 stages)\n"
        )
    );
}

/// The place an error line gives after `FILE:`: `LINE:COL: ` (every problem of a file is
/// placed, semantic ones too), or the final `N problems found` (after `… and N more problems`
/// when there are too many to list).
fn has_place(rest: &str) -> bool {
    let mut parts = rest.splitn(3, ':');
    let (a, b) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let number = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
    if number(a) && number(b) && parts.next().is_some_and(|m| m.starts_with(' ')) {
        return true;
    }
    rest.strip_prefix(' ').is_some_and(|count| {
        count.ends_with(" problem found")
            || count.ends_with(" problems found")
            || (count.starts_with("… and ") && count.ends_with(" more problems"))
    })
}

/// The bad fixtures, sorted: `(NAME.ron path relative to the package, NAME.expected contents)`.
fn bad_fixtures() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(BAD);
    let mut names: Vec<String> = fs::read_dir(&dir)
        .expect("the bad fixtures folder")
        .map(|e| {
            e.expect("a directory entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter_map(|name| name.strip_suffix(".ron").map(str::to_owned))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let expected = fs::read_to_string(dir.join(format!("{name}.expected")))
                .unwrap_or_else(|e| panic!("{BAD}/{name}.ron has no {name}.expected: {e}"));
            (format!("{BAD}/{name}.ron"), expected)
        })
        .collect()
}

/// Checks one refused file's standard error against its expected lines; returns the problems.
fn compare(file: &str, expected: &str, stderr: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let expected: Vec<String> = expected.lines().map(|l| l.replace("{FILE}", file)).collect();
    let actual: Vec<&str> = stderr.lines().collect();
    if expected.len() != actual.len() {
        problems.push(format!(
            "{file}: {} lines expected, {} printed",
            expected.len(),
            actual.len()
        ));
    }
    for (want, got) in expected.iter().zip(&actual) {
        if !got.contains(want.as_str()) {
            problems.push(format!(
                "{file}: expected a line containing\n  {want}\ngot\n  {got}"
            ));
        }
    }
    for got in &actual {
        let line = got.strip_prefix("stackpick: ").unwrap_or(got);
        match line.strip_prefix(&format!("{file}:")) {
            Some(rest) if has_place(rest) => {}
            _ => problems.push(format!("{file}: line does not name the file and a place: {got}")),
        }
    }
    problems
}

#[test]
fn every_bad_fixture_is_refused_with_its_expected_error() {
    let fixtures = bad_fixtures();
    assert!(fixtures.len() >= 12, "only {} bad fixtures", fixtures.len());
    let mut problems = Vec::new();
    for (file, expected) in &fixtures {
        assert!(!expected.trim().is_empty(), "{file}: empty .expected");
        let run = run(&["check", file.as_str()]);
        if run.code != 2 {
            problems.push(format!("{file}: exit {} instead of 2", run.code));
        }
        if !run.stdout.is_empty() {
            problems.push(format!("{file}: wrote to stdout: {}", run.stdout));
        }
        problems.extend(compare(file, expected, &run.stderr));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn bad_fixtures_are_refused_by_score_too() {
    for (file, expected) in bad_fixtures() {
        let run = run_bad(&["score", "--data", file.as_str()]);
        let first = expected.lines().next().unwrap().replace("{FILE}", &file);
        assert!(run.stderr.contains(&first), "{file}: {run:?}");
        assert_eq!(run.stdout, "", "{file}");
    }
}

#[test]
fn the_file_with_several_problems_reports_every_one() {
    let file = format!("{BAD}/several-problems.ron");
    let run = run_bad(&["check", file.as_str()]);
    for at in [
        ":4:12: title: empty text",
        ":16:30: options[0].questions[1].id: duplicate question id \"django.admin-panel\"",
        ":23:24: options[1].threshold: option \"flask\" has threshold 9",
        ":33:80: matrix[1].pick: unknown option \"rails\"",
        ":48:87: stages[1].picks: unknown option \"laravel\"",
        ": 5 problems found",
    ] {
        assert!(run.stderr.contains(&format!("{file}{at}")), "{at}: {run:?}");
    }
}

#[test]
fn check_reports_every_file_given() {
    let files = [
        MINI.to_owned(),
        format!("{BAD}/threshold-zero.ron"),
        format!("{BAD}/syntax-missing-comma.ron"),
        format!("{BAD}/several-problems.ron"),
        "data/web-frameworks.ron".to_owned(),
    ];
    let mut args = vec!["check"];
    args.extend(files.iter().map(String::as_str));
    let run = run_bad(&args);
    // The good files are still reported ok, in order.
    assert_eq!(
        run.stdout,
        format!(
            "{MINI}: ok (2 options, 6 questions, 2 stages)\n\
             data/web-frameworks.ron: ok (3 options, 12 questions, 4 stages)\n"
        )
    );
    // Every line each bad file must produce, in the order the files were given.
    let mut expected = Vec::new();
    for file in &files[1..4] {
        let name = file.strip_suffix(".ron").unwrap();
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("{name}.expected"));
        let lines = fs::read_to_string(path).unwrap();
        expected.extend(lines.lines().map(|l| l.replace("{FILE}", file)));
    }
    let actual: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(actual.len(), expected.len(), "{expected:#?}\n{run:?}");
    for (want, got) in expected.iter().zip(actual) {
        assert!(got.contains(want.as_str()), "expected {want:?}, got {got:?}");
    }
}

#[test]
fn check_names_a_missing_file() {
    let run = run_bad(&["check", "no/such/decision.ron"]);
    assert!(
        run.stderr.contains("no/such/decision.ron: cannot read"),
        "{run:?}"
    );
}

// ---- score: output -------------------------------------------------------------------------

#[test]
fn score_prints_gauges_verdict_stack_reasons_and_hints() {
    let run = run_ok(&["score", "--yes", DJANGO3]);
    let out = &run.stdout;
    for want in [
        "Flask vs Django for your startup",
        "Django  [██████|░░░░░░]  3/6 (needs 3) ✓ qualifies",
        "Flask   [░░░░░░|░░░░░░]  0/6 (needs 3)",
        "Verdict: Choose Django\n",
        "● Django Monolith\n",
        "○ Flask Microservices\n",
        "○ Shared\n",
        "Reasons:",
        "One step away:",
        "Django drops out if any one of these is no longer yes: “Do you need an admin panel for \
         non-technical staff?”, “Will you have user accounts with different permission levels?” or \
         “Are you building a content-heavy site (blog, CMS, e-commerce)?”.",
    ] {
        assert!(out.contains(want), "missing {want:?} in\n{out}");
    }
    // Kind names and ids belong in JSON only; FastAPI has no gauge.
    for unwanted in [
        "single",
        "django.admin-panel",
        "FastAPI  [",
        "[active]",
        "[dimmed]",
    ] {
        assert!(!out.contains(unwanted), "{unwanted:?} in\n{out}");
    }
    assert_eq!(run.stderr, "");
}

#[test]
fn score_without_answers_is_undecided() {
    let run = run_ok(&["score"]);
    assert!(run.stdout.contains("Verdict: Not decided yet"), "{run:?}");
    assert!(!run.stdout.contains('●'), "{run:?}");
}

#[test]
fn score_json_has_every_key_of_the_design_with_the_right_types() {
    let report = score_json(&["--yes", DJANGO3, "--stage", "pre-pmf"]);
    let keys = |v: &Value| -> Vec<String> {
        let mut keys: Vec<String> = v
            .as_object()
            .unwrap_or_else(|| panic!("not an object: {v}"))
            .keys()
            .cloned()
            .collect();
        keys.sort();
        keys
    };
    let sorted = |ks: &[&str]| {
        let mut ks: Vec<String> = ks.iter().map(ToString::to_string).collect();
        ks.sort();
        ks
    };
    assert_eq!(
        keys(&report),
        sorted(&[
            "decision",
            "answers",
            "no",
            "stage",
            "note",
            "questions",
            "outcome",
            "choice",
            "scores",
            "verdict",
            "stack",
            "reasons",
            "hints",
            "stages",
            "by"
        ])
    );
    assert_eq!(report["decision"], "Flask vs Django for your startup");
    assert_eq!(
        strings(&report["answers"]),
        DJANGO3.split(',').collect::<Vec<_>>()
    );
    assert_eq!(report["stage"], "pre-pmf");

    let questions = report["questions"].as_array().unwrap();
    assert_eq!(questions.len(), 12);
    for q in questions {
        assert_eq!(
            keys(q),
            sorted(&["id", "option", "text", "yes", "answer", "note"])
        );
        assert!(q["note"].is_null(), "{q}");
        let answer = if q["yes"].as_bool().unwrap() {
            Value::from("yes")
        } else {
            Value::Null
        };
        assert_eq!(q["answer"], answer, "{q}");
        let id = q["id"].as_str().unwrap();
        assert!(
            id.starts_with(&format!("{}.", q["option"].as_str().unwrap())),
            "{q}"
        );
        assert!(!q["text"].as_str().unwrap().is_empty());
        assert_eq!(
            q["yes"].as_bool().unwrap(),
            DJANGO3.split(',').any(|y| y == id),
            "{q}"
        );
    }

    let scores = report["scores"].as_array().unwrap();
    let rows: Vec<(&str, &str, u64, u64, u64, bool)> = scores
        .iter()
        .map(|s| {
            assert_eq!(
                keys(s),
                sorted(&["option", "name", "score", "max", "threshold", "qualified"])
            );
            (
                s["option"].as_str().unwrap(),
                s["name"].as_str().unwrap(),
                s["score"].as_u64().unwrap(),
                s["max"].as_u64().unwrap(),
                s["threshold"].as_u64().unwrap(),
                s["qualified"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("django", "Django", 3, 6, 3, true),
            ("flask", "Flask", 0, 6, 3, false),
        ]
    );

    assert_eq!(
        keys(&report["verdict"]),
        sorted(&["kind", "options", "summary", "also_consider"])
    );
    assert_eq!(verdict(&report), ("single", vec!["django"]));
    assert_eq!(report["verdict"]["summary"], "Choose Django");
    assert_eq!(report["verdict"]["also_consider"], serde_json::json!([]));
    assert_eq!(
        report["choice"],
        serde_json::json!({"option": "django", "follow_checklist": true, "because": "",
                           "status": "accepted", "deciders": []})
    );

    assert_eq!(
        keys(&report["outcome"]),
        sorted(&[
            "decided",
            "options",
            "basis",
            "headline",
            "because",
            "choice_against",
            "stage_against",
            "suggestion",
            "status"
        ])
    );
    assert_eq!(report["outcome"]["decided"], "option");
    assert_eq!(report["outcome"]["options"], serde_json::json!(["django"]));
    assert_eq!(report["outcome"]["headline"], "Django");
    assert_eq!(keys(&report["stack"]), sorted(&["title", "layers", "caption"]));
    assert_eq!(report["stack"]["caption"], "Lit: Django (the suggestion).");
    assert_eq!(report["stack"]["title"], "Your Startup Stack");
    let layers = report["stack"]["layers"].as_array().unwrap();
    assert_eq!(layers.len(), 3);
    for layer in layers {
        assert_eq!(keys(layer), sorted(&["title", "option", "parts", "active"]));
        assert!(layer["title"].is_string());
        assert!(
            layer["option"].is_string() || layer["option"].is_null(),
            "{layer}"
        );
        assert!(!strings(&layer["parts"]).is_empty());
        assert!(layer["active"].is_boolean());
    }
    assert!(!shared_active(&report));

    let reasons = strings(&report["reasons"]);
    assert!(
        reasons.iter().any(|r| r.contains("Django qualifies")),
        "{reasons:?}"
    );
    // The pre-PMF stage says Flask; with Django qualifying it is a reason, not the verdict.
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("Pre-product-market-fit") && r.starts_with("The checklist decides")),
        "{reasons:?}"
    );
    let hints = report["hints"].as_array().unwrap();
    assert_eq!(hints.len(), 2);
    for hint in hints {
        assert_eq!(keys(hint), sorted(&["text", "option", "needs", "questions"]));
    }
    assert_eq!(hints[0]["needs"], 0);
    assert_eq!(
        strings(&hints[0]["questions"]),
        ["django.admin-panel", "django.permissions", "django.content-heavy"]
    );
    assert_eq!(hints[1]["needs"], 3);

    let stages = report["stages"].as_array().unwrap();
    let stage_rows: Vec<(&str, Vec<&str>)> = stages
        .iter()
        .map(|s| {
            assert_eq!(keys(s), sorted(&["id", "text", "options"]));
            assert!(!s["text"].as_str().unwrap().is_empty());
            (s["id"].as_str().unwrap(), strings(&s["options"]))
        })
        .collect();
    assert_eq!(
        stage_rows,
        [
            ("pre-pmf", vec!["flask"]),
            ("post-validation", vec!["django"]),
            ("api-first", vec!["flask", "fastapi"]),
            ("solo", vec!["django"]),
        ]
    );
}

#[test]
fn score_json_stage_is_null_without_a_stage() {
    let report = score_json(&[]);
    assert!(report["stage"].is_null());
    assert!(strings(&report["answers"]).is_empty());
}

// ---- score: what each set of answers must give ---------------------------------------------

#[test]
fn done_when_table() {
    let both = format!("{DJANGO3},{FLASK3}");
    let cases: [(&[&str], &str, &[&str], bool); 8] = [
        (&["--yes", DJANGO3], "single", &["django"], false),
        (&["--yes", &both], "hybrid", &["django", "flask"], true),
        (&[], "undecided", &[], false),
        (&["--stage", "pre-pmf"], "stage", &["flask"], false),
        (&["--stage", "post-validation"], "stage", &["django"], false),
        // The API-first stage's picks are alternatives, not a hybrid: no shared layer.
        (&["--stage", "api-first"], "stage", &["flask", "fastapi"], false),
        (&["--stage", "solo"], "stage", &["django"], false),
        // Answers that qualify nothing leave the stage in charge.
        (
            &[
                "--yes",
                "django.admin-panel,flask.rest-api",
                "--stage",
                "post-validation",
            ],
            "stage",
            &["django"],
            false,
        ),
    ];
    for (args, kind, options, shared) in cases {
        let report = score_json(args);
        assert_eq!(verdict(&report), (kind, options.to_vec()), "{args:?}");
        assert_eq!(shared_active(&report), shared, "{args:?}: shared layer");
    }
}

#[test]
fn hybrid_text_report_shows_the_shared_auth_layer_active() {
    let run = run_ok(&["score", "--yes", DJANGO3, "--yes", FLASK3]);
    assert!(
        run.stdout.contains("Verdict: Hybrid: Django + Flask\n"),
        "{run:?}"
    );
    assert!(run.stdout.contains("● Shared\n"), "{run:?}");
    assert!(run.stdout.contains("JWT/OpenID Connect auth"), "{run:?}");
}

// ---- score: arguments ----------------------------------------------------------------------

#[test]
fn yes_may_repeat_or_be_comma_separated() {
    let comma = score_json(&["--yes", "flask.rest-api,flask.prototype,flask.own-tools"]);
    let repeated = score_json(&[
        "--yes",
        "flask.rest-api",
        "--yes",
        "flask.prototype",
        "--yes",
        "flask.own-tools",
    ]);
    let mixed = score_json(&[
        "--yes",
        "flask.rest-api,flask.prototype",
        "--yes",
        "flask.own-tools",
    ]);
    assert_eq!(
        strings(&comma["answers"]),
        ["flask.rest-api", "flask.own-tools", "flask.prototype"]
    );
    assert_eq!(comma, repeated);
    assert_eq!(comma, mixed);
    assert_eq!(verdict(&comma), ("single", vec!["flask"]));
}

#[test]
fn unknown_question_id_lists_the_valid_ids() {
    let run = run_bad(&["score", "--yes", "django.admin-panel,django.rocket-science"]);
    assert!(run.stderr.contains("\"django.rocket-science\""), "{run:?}");
    for id in [
        "django.admin-panel",
        "django.security",
        "flask.rest-api",
        "flask.prototype",
        "flask.own-tools",
    ] {
        assert!(run.stderr.contains(id), "{id} not listed: {run:?}");
    }
    assert_eq!(run.stdout, "");
}

#[test]
fn every_unknown_id_is_reported() {
    let run = run_bad(&["score", "--yes", "nope.one,nope.two", "--stage", "later"]);
    for want in ["\"nope.one\"", "\"nope.two\"", "\"later\""] {
        assert!(run.stderr.contains(want), "{want}: {run:?}");
    }
}

#[test]
fn unknown_stage_lists_the_stages() {
    let run = run_bad(&["score", "--stage", "series-b"]);
    assert!(run.stderr.contains("\"series-b\""), "{run:?}");
    assert!(
        run.stderr.contains("pre-pmf, post-validation, api-first, solo"),
        "{run:?}"
    );
}

#[test]
fn bad_arguments_exit_2() {
    run_bad(&["score", "--no-such-flag"]);
    run_bad(&["no-such-command"]);
}

#[test]
fn data_loads_a_custom_decision() {
    // mini.ron: Django's "security" weighs 2, which meets its threshold of 2 alone.
    let report = score_json(&["--data", MINI, "--yes", "django.security"]);
    assert_eq!(report["decision"], "Django or Flask");
    assert_eq!(verdict(&report), ("single", vec!["django"]));
    let django = &report["scores"][0];
    assert_eq!(
        (django["score"].as_u64(), django["max"].as_u64()),
        (Some(2), Some(4))
    );
    assert_eq!(report["questions"].as_array().unwrap().len(), 6);
    // The embedded decision's ids are unknown here.
    let run = run_bad(&["score", "--data", MINI, "--yes", "flask.own-tools"]);
    assert!(run.stderr.contains("valid ids: django.admin-panel"), "{run:?}");
}

#[test]
fn data_names_a_missing_file() {
    let run = run_bad(&["score", "--data", "missing/decision.ron"]);
    assert!(
        run.stderr.contains("missing/decision.ron: cannot read"),
        "{run:?}"
    );
    assert_eq!(run.stdout, "");
}

// ---- score: sessions -----------------------------------------------------------------------

const SESSION: &str = r#"Session(
    decision: "web-frameworks",
    answers: ["flask.rest-api", "flask.own-tools", "flask.serverless-edge"],
    stage: Some("solo"),
)
"#;

#[test]
fn session_loads_answers_and_stage() {
    let dir = tempdir();
    let session = write(dir.path(), "session.ron", SESSION);
    let session = session.to_str().unwrap();
    let report = score_json(&["--session", session]);
    assert_eq!(strings(&report["answers"]), FLASK3.split(',').collect::<Vec<_>>());
    assert_eq!(report["stage"], "solo");
    assert_eq!(verdict(&report), ("single", vec!["flask"]));

    // --yes adds to the session's answers; --stage replaces its stage.
    let report = score_json(&["--session", session, "--yes", DJANGO3, "--stage", "api-first"]);
    assert_eq!(verdict(&report), ("hybrid", vec!["django", "flask"]));
    assert_eq!(report["stage"], "api-first");
    assert_eq!(strings(&report["answers"]).len(), 6);
}

#[test]
fn a_session_written_by_the_library_loads_in_the_binary() {
    use stackpick::decision::Decision;
    use stackpick::score::Answers;
    use stackpick::session::Session;
    let decision = Decision::embedded();
    let answers = Answers::new(
        &decision,
        ["flask.rest-api", "django.security"],
        Some("api-first"),
    )
    .unwrap();
    let dir = tempdir();
    let path = write(
        dir.path(),
        "saved.ron",
        Session::new(&decision, &answers).to_ron(),
    );
    let report = score_json(&["--session", path.to_str().unwrap()]);
    assert_eq!(strings(&report["answers"]), ["django.security", "flask.rest-api"]);
    assert_eq!(report["stage"], "api-first");
}

#[test]
fn session_with_a_stale_id_is_refused() {
    let dir = tempdir();
    let stale = SESSION.replace("flask.own-tools", "flask.retired-question");
    let path = write(dir.path(), "stale.ron", stale);
    let run = run_bad(&["score", "--session", path.to_str().unwrap()]);
    assert!(run.stderr.contains(path.to_str().unwrap()), "{run:?}");
    assert!(run.stderr.contains("\"flask.retired-question\""), "{run:?}");
    assert!(run.stderr.contains("valid ids:"), "{run:?}");
}

#[test]
fn a_stale_session_places_every_unknown_id_and_never_prints_a_placeholder() {
    let dir = tempdir();
    let stale = SESSION
        .replace("flask.own-tools", "flask.retired-question")
        .replace("flask.serverless-edge", "flask.also-gone")
        .replace("Some(\"solo\")", "Some(\"series-b\")");
    let path = write(dir.path(), "stale.ron", stale);
    let path = path.to_str().unwrap();
    let run = run_bad(&["score", "--session", path]);
    assert!(!run.stderr.contains("{path}"), "{run:?}");
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(
        lines,
        [
            format!("stackpick: {path}:3:33: answers[1]: unknown question id \"flask.retired-question\""),
            format!("{path}:3:59: answers[2]: unknown question id \"flask.also-gone\""),
            format!("{path}:4:17: stage: unknown stage id \"series-b\""),
            format!("{path}: valid ids: {}", run_valid_ids()),
            format!("{path}: valid stages: pre-pmf, post-validation, api-first, solo"),
        ],
        "{run:?}"
    );
}

/// The embedded decision's question ids, as listed after unknown ones.
fn run_valid_ids() -> String {
    stackpick::decision::Decision::embedded()
        .question_ids()
        .join(", ")
}

#[test]
fn a_session_of_200000_unknown_ids_lists_twenty_and_the_valid_ids_once() {
    let dir = tempdir();
    let ids: Vec<String> = (0..200_000).map(|i| format!("\"nope.q{i}\"")).collect();
    let session = format!(
        "Session(\n    decision: \"web-frameworks\",\n    answers: [{}],\n)\n",
        ids.join(", ")
    );
    let path = write(dir.path(), "huge.ron", session);
    let path = path.to_str().unwrap();
    let run = run_bad(&["score", "--session", path]);
    assert!(run.stderr.len() < 10_000, "{} bytes of errors", run.stderr.len());
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 22, "{run:?}");
    assert_eq!(
        lines[0],
        format!("stackpick: {path}:3:15: answers[0]: unknown question id \"nope.q0\"")
    );
    assert!(lines[19].starts_with(&format!("{path}:3:")), "{run:?}");
    assert!(
        lines[19].ends_with("answers[19]: unknown question id \"nope.q19\""),
        "{run:?}"
    );
    assert_eq!(lines[20], format!("{path}: … and 199,980 more unknown ids"));
    assert_eq!(lines[21], format!("{path}: valid ids: {}", run_valid_ids()));
    assert_eq!(run.stderr.matches("django.admin-panel").count(), 1, "{run:?}");
}

#[test]
fn unknown_ids_given_with_yes_are_capped_too() {
    let ids: Vec<String> = (0..100).map(|i| format!("nope.q{i}")).collect();
    let run = run_bad(&["score", "--yes", &ids.join(",")]);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 22, "{run:?}");
    assert_eq!(lines[0], "stackpick: unknown question id \"nope.q0\"");
    assert_eq!(lines[20], "… and 80 more unknown ids");
    assert_eq!(lines[21], format!("valid ids: {}", run_valid_ids()));
}

/// `check` on the mini decision with `count` matrix rows that pick an unknown option: each is
/// a problem. Returns the file's path and the run.
fn check_bad_matrix_rows(dir: &Path, count: usize) -> (String, Run) {
    let rows: Vec<String> = (0..count)
        .map(|i| format!("        Situation(situation: \"Case {i}\", pick: \"rails\"),\n"))
        .collect();
    let source = mini_source().replacen("    matrix: [\n", &format!("    matrix: [\n{}", rows.concat()), 1);
    let path = write(dir, "many.ron", source);
    let path = path.to_str().unwrap().to_owned();
    let run = run_bad(&["check", &path]);
    (path, run)
}

#[test]
fn a_decision_with_thousands_of_problems_lists_twenty() {
    let dir = tempdir();
    let (path, run) = check_bad_matrix_rows(dir.path(), 5000);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 22, "{run:?}");
    let matrix_line = 1 + mini_source().lines().position(|l| l == "    matrix: [").unwrap();
    assert_eq!(
        lines[0],
        format!(
            "stackpick: {path}:{}:46: matrix[0].pick: unknown option \"rails\" (known options: django, flask)",
            matrix_line + 1
        )
    );
    assert_eq!(lines[20], format!("{path}: … and 4,980 more problems"));
    assert_eq!(lines[21], format!("{path}: 5,000 problems found"));
}

/// One problem more than are listed is printed, not counted: "… and 1 more problems" would
/// take its line and say less.
#[test]
fn a_decision_with_one_problem_more_than_listed_lists_them_all() {
    let dir = tempdir();
    let (path, run) = check_bad_matrix_rows(dir.path(), 21);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 22, "{run:?}");
    assert!(lines[20].contains("matrix[20].pick: unknown option"), "{run:?}");
    assert!(!run.stderr.contains(" more "), "{run:?}");
    assert_eq!(lines[21], format!("{path}: 21 problems found"));
}

#[test]
fn a_session_that_is_not_utf8_names_the_place() {
    let dir = tempdir();
    let mut bytes = SESSION.as_bytes().to_vec();
    let at = SESSION.find("flask.own-tools").unwrap();
    bytes[at] = 0xff;
    let path = write(dir.path(), "latin1.ron", bytes);
    let path = path.to_str().unwrap();
    let run = run_bad(&["score", "--session", path]);
    assert_eq!(
        run.stderr,
        format!("stackpick: {path}:3:34: invalid UTF-8: a session file must be UTF-8 text\n")
    );
}

#[test]
fn files_with_a_byte_order_mark_load() {
    let dir = tempdir();
    let decision = write(dir.path(), "bom.ron", format!("\u{feff}{}", mini_source()));
    let decision = decision.to_str().unwrap();
    let run = run_ok(&["check", decision]);
    assert_eq!(
        run.stdout,
        format!("{decision}: ok (2 options, 6 questions, 2 stages)\n")
    );
    let session = write(dir.path(), "session.ron", format!("\u{feff}{SESSION}"));
    let report = score_json(&["--session", session.to_str().unwrap()]);
    assert_eq!(verdict(&report), ("single", vec!["flask"]));
}

#[test]
fn session_for_another_decision_is_refused() {
    let dir = tempdir();
    let path = write(
        dir.path(),
        "other.ron",
        SESSION.replace("web-frameworks", "databases"),
    );
    let run = run_bad(&["score", "--session", path.to_str().unwrap()]);
    assert!(run.stderr.contains("\"databases\""), "{run:?}");
}

#[test]
fn session_with_a_syntax_error_names_the_place() {
    let dir = tempdir();
    let path = write(
        dir.path(),
        "broken.ron",
        "Session(\n    decision: web-frameworks,\n)\n",
    );
    let run = run_bad(&["score", "--session", path.to_str().unwrap()]);
    assert!(run.stderr.contains(&format!("{}:2:", path.display())), "{run:?}");
}

#[test]
fn missing_session_file_is_refused() {
    let run = run_bad(&["score", "--session", "no/such/session.ron"]);
    assert!(run.stderr.contains("no/such/session.ron"), "{run:?}");
}

// ---- escape sequences ----------------------------------------------------------------------

#[test]
fn escape_sequences_in_a_data_file_never_reach_the_output() {
    // Raw ESC bytes and RON escapes in every kind of displayed string.
    let source = mini_source()
        .replace(
            "title: \"Django or Flask\"",
            "title: \"\u{1b}[2J\u{1b}]0;pwned\u{7}Django or Flask\"",
        )
        .replace("name: \"Django\"", "name: \"\\u{1b}[31mDjango\\u{1b}[0m\"")
        .replace(
            "text: \"Is security a primary concern?\"",
            "text: \"Is security\\x1b[5m a primary concern?\"",
        )
        .replace("\"Admin dashboards\"", "\"Admin\u{1b}[1m dashboards\u{9b}31m\"")
        .replace(
            "advice: \"Use Flask. Ship fast.\"",
            "advice: \"Use \u{1b}[8mFlask.\"",
        )
        .replace(
            "title: \"Your Startup Stack\"",
            "title: \"Your \u{1b}P+q\u{1b}\\\\ Stack\"",
        );
    assert!(source.contains('\u{1b}') && source.contains("\\u{1b}") && source.contains("\\x1b"));
    let dir = tempdir();
    let path = write(dir.path(), "escapes.ron", &source);
    let path = path.to_str().unwrap();

    let check = run_ok(&["check", path]);
    assert!(!check.raw.contains(&ESC), "{check:?}");

    for args in [
        vec!["score", "--data", path, "--yes", "django.security"],
        vec![
            "score",
            "--data",
            path,
            "--yes",
            "django.security,flask.rest-api,flask.prototype",
        ],
        vec!["score", "--data", path, "--stage", "pre-pmf"],
        vec!["score", "--data", path, "--stage", "pre-pmf", "--json"],
        vec!["score", "--data", path, "--yes", "django.security", "--json"],
    ] {
        let run = run_ok(&args);
        assert!(!run.raw.contains(&ESC), "ESC in the output of {args:?}: {run:?}");
        assert!(!run.stdout.contains('\u{9b}'), "CSI in the output of {args:?}");
        assert!(
            !run.stdout.to_lowercase().contains("\\u001b"),
            "{args:?}: {run:?}"
        );
    }
    let text = run_ok(&["score", "--data", path, "--yes", "django.security"]).stdout;
    // The words survive; only the control characters go.
    for want in ["Django or Flask", "[31mDjango[0m", "Admin[1m dashboards"] {
        assert!(text.contains(want), "{want:?} in\n{text}");
    }
}

#[test]
fn escape_sequences_in_ids_and_arguments_are_not_echoed() {
    let dir = tempdir();
    let source = mini_source().replace("Question(id: \"rest-api\"", "Question(id: \"rest\u{1b}[2Japi\"");
    let path = write(dir.path(), "bad-id.ron", source);
    let run = run_bad(&["check", path.to_str().unwrap()]);
    assert!(run.stderr.contains("invalid id"), "{run:?}");
    assert!(!run.raw.contains(&ESC), "{run:?}");

    let run = run_bad(&[
        "score",
        "--yes",
        "django.\u{1b}[2Jadmin",
        "--stage",
        "\u{1b}]0;x\u{7}",
    ]);
    assert!(run.stderr.contains("unknown question id"), "{run:?}");
    assert!(!run.raw.contains(&ESC), "{run:?}");
}

// ---- other commands ------------------------------------------------------------------------

#[test]
fn completions_and_man_page_are_printed() {
    let run = run_ok(&["completions", "bash"]);
    assert!(run.stdout.contains("stackpick"), "{run:?}");
    let run = run_ok(&["man"]);
    assert!(run.stdout.contains(".TH stackpick"), "{run:?}");
}

#[test]
fn the_documented_example_decision_is_valid() {
    let readme = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/decision-format.md"))
        .expect("docs/decision-format.md");
    let start = readme
        .find("```ron\nDecision(")
        .expect("a ```ron block with a Decision in docs/decision-format.md")
        + "```ron\n".len();
    let end = start + readme[start..].find("```").expect("the end of the ron block");
    let dir = tempdir();
    let path = write(dir.path(), "example.ron", &readme[start..end]);
    let path = path.to_str().unwrap();
    run_ok(&["check", path]);
    let report = score_json(&["--data", path, "--yes", "postgres.json,postgres.gis"]);
    assert_eq!(verdict(&report), ("single", vec!["postgres"]));
}

// ---- yes, no, notes and the user's choice ----------------------------------------------------

#[test]
fn no_answers_and_notes_reach_the_json_and_a_no_is_not_a_way_forward() {
    let report = score_json(&[
        "--yes",
        "django.admin-panel,django.permissions",
        "--no",
        "django.content-heavy,django.convention",
        "--note",
        "django.convention=we pick our tools",
    ]);
    assert_eq!(
        strings(&report["no"]),
        ["django.content-heavy", "django.convention"]
    );
    let question = |id: &str| {
        report["questions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|q| q["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(question("django.admin-panel")["answer"], "yes");
    assert_eq!(question("django.convention")["answer"], "no");
    assert_eq!(question("django.convention")["note"], "we pick our tools");
    assert!(question("django.security")["answer"].is_null());
    let django = &report["hints"][0];
    assert_eq!(django["needs"], 1);
    assert_eq!(
        strings(&django["questions"]),
        ["django.large-monolith", "django.security"]
    );
    let text = django["text"].as_str().unwrap();
    assert!(
        !text.contains("content-heavy") && !text.contains("convention"),
        "{text}"
    );
}

#[test]
fn a_question_answered_both_ways_or_a_bad_note_is_refused() {
    let run = run_bad(&["score", "--yes", "django.security", "--no", "django.security"]);
    assert!(run.stderr.contains("answered both yes and no"), "{run:?}");
    let run = run_bad(&["score", "--note", "django.security"]);
    assert!(run.stderr.contains("ID=TEXT"), "{run:?}");
    let run = run_bad(&["score", "--note", "django.nope=x"]);
    assert!(run.stderr.contains("\"django.nope\""), "{run:?}");
}

#[test]
fn choose_and_because_make_the_users_choice() {
    let report = score_json(&["--yes", DJANGO3, "--choose", "fastapi", "--because", "async\nML"]);
    assert_eq!(
        report["choice"],
        serde_json::json!({"option": "fastapi", "follow_checklist": false, "because": "async ML",
                           "status": "accepted", "deciders": []})
    );
    assert_eq!(verdict(&report), ("single", vec!["django"]));
    let run = run_ok(&[
        "score",
        "--yes",
        DJANGO3,
        "--choose",
        "fastapi",
        "--because",
        "async",
    ]);
    assert!(
        run.stdout
            .contains("Decision: FastAPI — your choice\n  The checklist suggests Django.\n  Why: Async.\n"),
        "{run:?}"
    );
    assert_eq!(score_json(&["--choose", "hybrid"])["choice"]["option"], "hybrid");
    assert!(score_json(&["--choose", "none"])["choice"]["option"].is_null());
    let run = run_bad(&["score", "--choose", "rails"]);
    assert!(
        run.stderr.contains("django, flask, fastapi, hybrid, none"),
        "{run:?}"
    );
}

#[test]
fn a_session_written_before_no_answers_existed_still_loads() {
    let dir = tempdir();
    let path = write(
        dir.path(),
        "old.ron",
        "Session(decision: \"web-frameworks\", answers: [\"flask.rest-api\"], stage: Some(\"solo\"))",
    );
    let report = score_json(&["--session", path.to_str().unwrap()]);
    assert_eq!(strings(&report["answers"]), ["flask.rest-api"]);
    assert!(strings(&report["no"]).is_empty());
    assert_eq!(report["verdict"]["also_consider"][0]["option"], "fastapi");
}

#[test]
fn a_stale_id_in_a_sessions_no_list_is_placed() {
    let dir = tempdir();
    let path = write(
        dir.path(),
        "stale.ron",
        "Session(\n    decision: \"web-frameworks\",\n    no: [\"django.security\", \"django.gone\"],\n)",
    );
    let run = run_bad(&["score", "--session", path.to_str().unwrap()]);
    assert!(
        run.stderr
            .contains(":3:29: no[1]: unknown question id \"django.gone\""),
        "{run:?}"
    );
}

/// `stackpick ARGS` with the state directory set.
fn run_with_state(state: &Path, args: &[&str]) -> Run {
    let output = cargo_bin_cmd!("stackpick")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .env("STACKPICK_STATE_DIR", state)
        .env("USER", "ada")
        .write_stdin("")
        .output()
        .expect("the binary runs");
    Run::of(&output)
}

#[test]
fn saved_starts_from_the_autosaved_answers() {
    let state = tempdir();
    let run = run_with_state(state.path(), &["score", "--saved"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("no saved answers"), "{run:?}");
    write(
        state.path(),
        "web-frameworks.ron",
        "Session(decision: \"web-frameworks\", answers: [\"django.admin-panel\", \"django.gone\"], \
         no: [\"flask.rest-api\"], notes: {\"flask.rest-api\": \"HTML only\"})",
    );
    let run = run_with_state(
        state.path(),
        &["score", "--json", "--saved", "--yes", "django.security"],
    );
    assert_eq!(run.code, 0, "{run:?}");
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        strings(&report["answers"]),
        ["django.admin-panel", "django.security"]
    );
    assert_eq!(strings(&report["no"]), ["flask.rest-api"]);
    assert!(run.stderr.contains("dropped question \"django.gone\""), "{run:?}");
    // `--saved` only reads: the file and its directory are as they were.
    assert!(!state.path().join("web-frameworks.ron.bak").exists());
    let run = run_with_state(
        state.path(),
        &[
            "export", "--saved", "--format", "md", "-o", "-", "--status", "rejected",
        ],
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("status: rejected\n"), "{run:?}");
    assert!(run.stdout.contains("decision-makers: ada\n"), "{run:?}");
    assert!(
        run.stdout
            .contains("* Are you building primarily a REST API? **No.** HTML only.\n"),
        "{run:?}"
    );
    let both = run_with_state(state.path(), &["score", "--saved", "--session", "x.ron"]);
    assert_eq!(both.code, 2, "{both:?}");
}

/// minijinja's `**` on floats computes in a custom export template.
#[test]
fn a_template_s_power_operator_computes() {
    let dir = tempdir();
    let template = write(
        dir.path(),
        "powers.md.j2",
        "{{ 2 ** 0.5 }} {{ 9 ** 0.5 }} {{ 2.5 ** 2 }} {{ 10.0 ** -2 }} {{ 2 ** 10 }}\n",
    );
    let template = template.to_str().unwrap();
    let run = run_ok(&["export", "--format", "md", "-o", "-", "--template", template]);
    assert_eq!(run.stdout, "1.4142135623730951 3.0 6.25 0.01 1024\n");
}

/// A decision id too long to name the file its answers are saved in is refused by `check`
/// (and so by every command), at its place.
#[test]
fn a_decision_id_that_cannot_be_a_file_name_is_refused() {
    let dir = tempdir();
    let long = "a".repeat(300);
    let source =
        stackpick::decision::EMBEDDED_SOURCE.replace("id: \"web-frameworks\"", &format!("id: \"{long}\""));
    let path = write(dir.path(), "long-id.ron", source);
    let run = run_bad(&["check", path.to_str().unwrap()]);
    assert!(
        run.stderr
            .contains("long-id.ron:5:9: id: the decision id is 300 characters long: at most 128"),
        "{run:?}"
    );
}
