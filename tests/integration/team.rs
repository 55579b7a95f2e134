//! Deciding as a team on the command line: sessions recorded `by` someone, `stackpick team`,
//! the team's record (`export --team`), and sessions as stable text.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::support::run::{ok_in, run_in};

const ESC: char = '\u{1b}';

/// Alice, Bob and Carol export their sessions with the command line, as the README says.
fn three_sessions(dir: &Path) {
    ok_in(
        dir,
        &[
            "export",
            "--format",
            "ron",
            "--by",
            "Alice",
            "--yes",
            "django.admin-panel,django.permissions,django.security,django.content-heavy",
            "--no",
            "flask.rest-api",
            "--note",
            "django.permissions=staff, editors and clients",
            "-o",
            "alice.ron",
        ],
    );
    ok_in(
        dir,
        &[
            "export",
            "--format",
            "ron",
            "--by",
            "Bob",
            "--yes",
            "django.admin-panel,django.permissions,flask.rest-api,flask.prototype,flask.small-codebase",
            "--no",
            "django.security",
            "--choose",
            "flask",
            "--because",
            "we ship a mobile API first",
            "-o",
            "bob.ron",
        ],
    );
    ok_in(
        dir,
        &[
            "export",
            "--format",
            "ron",
            "--by",
            "Carol",
            "--yes",
            "django.admin-panel,django.security,flask.rest-api,flask.prototype",
            "--no",
            "django.permissions,flask.small-codebase",
            "--note",
            "flask.small-codebase=we will grow fast",
            "-o",
            "carol.ron",
        ],
    );
}

/// The whole flow: three sessions made by the command line, then `stackpick team`.
#[test]
fn three_people_s_sessions_name_the_disagreements_first_each_verdict_and_the_team_verdict() {
    let dir = tempfile::tempdir().unwrap();
    three_sessions(dir.path());
    let alice = fs::read_to_string(dir.path().join("alice.ron")).unwrap();
    assert!(alice.contains("    by: \"Alice\",\n"), "{alice}");

    let text = ok_in(dir.path(), &["team", "alice.ron", "bob.ron", "carol.ron"]).stdout;
    assert!(
        text.contains("A team of 3 people: Alice, Bob and Carol"),
        "{text}"
    );
    let disagreements = text.find("Disagreements (4):").expect("disagreements");
    let agreed = text
        .find("Agreed by two or more, nobody against (")
        .expect("agreed questions");
    assert!(disagreements < agreed, "disagreements come first:\n{text}");
    let split = &text[disagreements..agreed];
    for question in [
        "Will you have user accounts with different permission levels?",
        "Is security a primary concern",
        "Are you building primarily a REST API?",
        "Do you want the smallest possible codebase?",
    ] {
        assert!(split.contains(question), "{question}:\n{text}");
    }
    assert!(split.contains("Alice  yes: staff, editors and clients"), "{text}");
    assert!(split.contains("Carol  no: we will grow fast"), "{text}");
    assert!(
        split.contains("Team: a tie, counted as unanswered; pivotal: split evenly; a yes would make the team verdict “Hybrid: Django + Flask”"),
        "{text}"
    );
    assert!(!text[agreed..].contains("permission levels"), "{text}");
    assert!(
        text.contains("  Alice  Choose Django · chooses Django (following the checklist)"),
        "{text}"
    );
    assert!(text.contains("  Bob    Choose Flask · chooses Flask\n"), "{text}");
    assert!(
        text.contains("  Carol  Leaning towards Django or Flask · has not decided (following the checklist)"),
        "{text}"
    );
    assert!(text.contains("\nTeam verdict: Choose Django\n"), "{text}");
    assert!(text.contains("Pivotal: resolving any of these would change the team verdict:\n  - “Do you want the smallest possible codebase?” (flask.small-codebase)"), "{text}");
    // Content-heavy: only Alice answered it, so it is not "agreed", and the verdict says
    // it rests on her answer; Bob chose otherwise.
    assert!(
        text.contains("Answered by one person only (1):\n  “Are you building a content-heavy site (blog, CMS, e-commerce)?” (django.content-heavy): only Alice answered, yes"),
        "{text}"
    );
    assert!(
        text.contains("\nTeam verdict: Choose Django\n  Of the yes answers behind it, one person alone answered “Are you building a content-heavy site (blog, CMS, e-commerce)?” (Alice); Bob chose Flask.\n"),
        "{text}"
    );

    let json: Value = serde_json::from_str(
        &ok_in(
            dir.path(),
            &["team", "--json", "alice.ron", "bob.ron", "carol.ron"],
        )
        .stdout,
    )
    .unwrap();
    let team = &json["team"];
    let names: Vec<&str> = team["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Alice", "Bob", "Carol"]);
    let verdicts: Vec<&str> = team["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["verdict"]["summary"].as_str().unwrap())
        .collect();
    assert_eq!(
        verdicts,
        ["Choose Django", "Choose Flask", "Leaning towards Django or Flask"]
    );
    assert_eq!(team["people"][1]["choice"]["option"], "flask");
    assert_eq!(
        team["people"][1]["choice"]["because"],
        "we ship a mobile API first"
    );
    assert_eq!(
        team["disagreements"],
        serde_json::json!([
            "django.permissions",
            "django.security",
            "flask.rest-api",
            "flask.small-codebase"
        ])
    );
    let questions = team["questions"].as_array().unwrap();
    assert!(questions[..4].iter().all(|q| q["disagreement"] == true));
    assert!(questions[4..].iter().all(|q| q["disagreement"] == false));
    let permissions = &questions[0];
    assert_eq!(permissions["id"], "django.permissions");
    assert_eq!(permissions["team_answer"], "yes");
    assert_eq!(
        permissions["answers"][0],
        serde_json::json!({"person": "Alice", "answer": "yes", "note": "staff, editors and clients"})
    );
    assert_eq!(permissions["answers"][2]["answer"], "no");
    assert_eq!(questions[3]["team_answer"], Value::Null, "a tie is unanswered");
    assert_eq!(team["verdict"]["summary"], "Choose Django");
    assert_eq!(team["verdict"]["kind"], "single");
    assert_eq!(team["pivotal"], serde_json::json!(["flask.small-codebase"]));
    assert_eq!(json["decision"], "Flask vs Django for your startup");
}

#[test]
fn a_team_of_one_is_fine_and_none_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    three_sessions(dir.path());
    let one = ok_in(dir.path(), &["team", "bob.ron"]).stdout;
    assert!(one.contains("A team of 1 person: Bob"), "{one}");
    assert!(one.contains("No disagreements"), "{one}");
    assert!(one.contains("Team verdict: Choose Flask"), "{one}");
    let none = run_in(dir.path(), &["team"]);
    assert_eq!(none.code, 2, "{none:?}");
    assert!(none.stderr.contains("FILE"), "{none:?}");
}

#[test]
fn the_same_person_twice_and_another_decision_are_refused_with_every_place() {
    let dir = tempfile::tempdir().unwrap();
    three_sessions(dir.path());
    fs::copy(dir.path().join("bob.ron"), dir.path().join("bob-again.ron")).unwrap();
    fs::write(
        dir.path().join("dbs.ron"),
        "Session(\n    decision: \"databases\",\n    by: \"Dan\",\n)\n",
    )
    .unwrap();
    // No `by`: the file's name is the person's.
    fs::write(
        dir.path().join("Alice.ron"),
        "Session(decision: \"web-frameworks\")\n",
    )
    .unwrap();
    let run = run_in(
        dir.path(),
        &[
            "team",
            "alice.ron",
            "bob.ron",
            "bob-again.ron",
            "dbs.ron",
            "Alice.ron",
            "missing.ron",
        ],
    );
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stdout.is_empty(), "{run:?}");
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(
        lines[0],
        "stackpick: bob-again.ron:3:9: by: \"Bob\" already answered in bob.ron; a team has one session a person"
    );
    assert_eq!(
        lines[1],
        "dbs.ron:2:15: decision: the session is for decision \"databases\", not \"web-frameworks\""
    );
    assert!(
        lines[2].starts_with(
            "Alice.ron:1:1: \"Alice\" (the file's name: it has no `by`) already answered in alice.ron"
        ),
        "{run:?}"
    );
    assert!(lines[3].starts_with("missing.ron: cannot read: "), "{run:?}");
    assert_eq!(lines.len(), 4, "{run:?}");
}

#[test]
fn hostile_names_are_cleaned_at_load_and_nothing_reaches_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("evil.ron"),
        "Session(\n    decision: \"web-frameworks\",\n    by: \"Ev\\u{202e}e\\u{1b}]0;pwned\\u{7}\",\n    answers: [\"django.admin-panel\"],\n    notes: {\"django.admin-panel\": \"note \\u{1b}[2J\\u{2066}x\"},\n)\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("evil2.ron"),
        "Session(decision: \"web-frameworks\", by: \"E\\u{200b}ve]0;pwned\", no: [\"django.admin-panel\"])\n",
    )
    .unwrap();
    let run = run_in(dir.path(), &["team", "evil.ron"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("A team of 1 person: Eve]0;pwned"), "{run:?}");
    assert!(
        !run.stdout.contains(ESC) && !run.stdout.contains('\u{202e}') && !run.stdout.contains('\u{2066}'),
        "{run:?}"
    );
    // The same person under a hidden character is still the same person.
    let twice = run_in(dir.path(), &["team", "evil.ron", "evil2.ron"]);
    assert_eq!(twice.code, 2, "{twice:?}");
    assert!(
        twice
            .stderr
            .contains("by: \"Eve]0;pwned\" already answered in evil.ron"),
        "{twice:?}"
    );
    assert!(!twice.stderr.contains(ESC), "{twice:?}");
    let json = ok_in(dir.path(), &["team", "--json", "evil.ron"]).stdout;
    let json: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["team"]["people"][0]["name"], "Eve]0;pwned");
}

#[test]
fn by_comes_from_the_flag_else_the_config_else_user_and_every_export_writes_it() {
    let dir = tempfile::tempdir().unwrap();
    let json: Value = serde_json::from_str(&ok_in(dir.path(), &["score", "--json"]).stdout).unwrap();
    assert_eq!(json["by"], "nobody");
    let config = dir.path().join("no-config");
    fs::create_dir_all(&config).unwrap();
    fs::write(config.join("config.ron"), "Config(theme: Light, name: \"Grace\")").unwrap();
    let text = ok_in(dir.path(), &["score"]).stdout;
    assert!(
        text.starts_with("Flask vs Django for your startup\nAnswered by Grace\n"),
        "{text}"
    );
    let md = ok_in(dir.path(), &["export", "--by", "Ada", "-o", "-"]).stdout;
    assert!(md.contains("from the checklist answers of Ada listed"), "{md}");
    ok_in(
        dir.path(),
        &[
            "export",
            "--by",
            "Ada",
            "--yes",
            "django.security",
            "-o",
            "ada.ron",
        ],
    );
    // A session keeps who answered it, whoever exports it again.
    let json: Value = serde_json::from_str(
        &ok_in(
            dir.path(),
            &["export", "--session", "ada.ron", "--format", "json", "-o", "-"],
        )
        .stdout,
    )
    .unwrap();
    assert_eq!(json["by"], "Ada");
    // The picture and the page say it too.
    let export = |format: &str| {
        ok_in(
            dir.path(),
            &["export", "--session", "ada.ron", "--format", format, "-o", "-"],
        )
        .stdout
    };
    let svg = export("svg");
    assert!(svg.contains(">Answered by Ada</text>"), "{svg}");
    let html = export("html");
    assert!(html.contains("<li><b>Answered by:</b> Ada</li>"), "{html}");
    // Sessions written before `by` existed still load.
    fs::write(
        dir.path().join("old.ron"),
        "Session(decision: \"web-frameworks\", answers: [\"django.security\"])",
    )
    .unwrap();
    let json: Value =
        serde_json::from_str(&ok_in(dir.path(), &["score", "--json", "--session", "old.ron"]).stdout)
            .unwrap();
    assert_eq!(json["by"], "Grace");
}

#[test]
fn the_team_s_record_names_everyone_each_disagreement_and_the_team_verdict() {
    let dir = tempfile::tempdir().unwrap();
    three_sessions(dir.path());
    let md = ok_in(
        dir.path(),
        &[
            "export",
            "--team",
            "alice.ron",
            "bob.ron",
            "carol.ron",
            "--decider",
            "Dana",
            "--date",
            "2026-03-01",
            "-o",
            "-",
        ],
    )
    .stdout;
    assert!(
        md.contains("\ndecision-makers: Alice, Bob, Carol, Dana\n"),
        "{md}"
    );
    assert!(md.contains("### Disagreements\n\n#### Will you have user accounts with different permission levels?\n\n* Alice: yes (staff, editors and clients)\n* Bob: yes\n* Carol: no\n\nTeam answer: yes.\n"), "{md}");
    assert!(md.contains("#### Do you want the smallest possible codebase?\n\n* Alice: —\n* Bob: yes\n* Carol: no (we will grow fast)\n\nTeam answer: a tie. Pivotal: split evenly; a yes would make the team verdict “Hybrid: Django + Flask”.\n"), "{md}");
    assert!(
        md.contains(
            "* Only Alice answered “Are you building a content-heavy site (blog, CMS, e-commerce)?”: yes.\n"
        ),
        "{md}"
    );
    assert!(md.contains("Chosen option: \"Django\""), "{md}");
    assert!(md.contains("\nTeam verdict: Choose Django, from the answers of Alice, Bob and Carol. Of the yes answers behind it, one person alone answered “Are you building a content-heavy site (blog, CMS, e-commerce)?” (Alice); Bob chose Flask.\n\nQuestions whose resolution would change the team verdict:\n\n* Do you want the smallest possible codebase?\n\n### Consequences\n"), "{md}");
    let json: Value = serde_json::from_str(
        &ok_in(
            dir.path(),
            &[
                "export",
                "--format",
                "json",
                "--team",
                "alice.ron",
                "bob.ron",
                "carol.ron",
                "-o",
                "-",
            ],
        )
        .stdout,
    )
    .unwrap();
    assert_eq!(json["team"]["verdict"]["summary"], "Choose Django");
    assert_eq!(json["verdict"]["summary"], "Choose Django");
    assert_eq!(
        json["choice"]["deciders"],
        serde_json::json!(["Alice", "Bob", "Carol"])
    );
    // --yes and --team do not mix: the team's answers are the record's.
    let run = run_in(
        dir.path(),
        &[
            "export",
            "--team",
            "alice.ron",
            "--yes",
            "django.security",
            "-o",
            "-",
        ],
    );
    assert_eq!(run.code, 2, "{run:?}");
}

/// How many lines a line diff of `a` and `b` shows (removed plus added): the lines not in
/// their longest common subsequence.
fn changed_lines(a: &str, b: &str) -> usize {
    let a: Vec<&str> = a.lines().collect();
    let b: Vec<&str> = b.lines().collect();
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    a.len() + b.len() - 2 * lcs[0][0]
}

#[test]
fn sessions_are_stable_text_a_changed_answer_is_a_line_or_two() {
    let dir = tempfile::tempdir().unwrap();
    let base = [
        "--yes",
        "flask.prototype,django.security,django.admin-panel",
        "--no",
        "flask.rest-api",
    ];
    let session = |extra: &[&str], name: &str| {
        let mut args = vec!["export", "--by", "Alice", "-o", name];
        args.extend_from_slice(&base);
        args.extend_from_slice(extra);
        ok_in(dir.path(), &args);
        fs::read_to_string(dir.path().join(name)).unwrap()
    };
    let a = session(&[], "a.ron");
    assert!(
        a.contains("    answers: [\n        \"django.admin-panel\",\n        \"django.security\",\n        \"flask.prototype\",\n    ],\n"),
        "sorted ids, one a line:\n{a}"
    );
    // Unanswered → yes: one line; yes → no: two lines (out of one list, into the other).
    let b = session(&["--yes", "django.convention"], "b.ron");
    assert_eq!(changed_lines(&a, &b), 1, "{a}\n{b}");
    ok_in(
        dir.path(),
        &[
            "export",
            "--session",
            "a.ron",
            "--no",
            "django.security",
            "-o",
            "c.ron",
        ],
    );
    let c = fs::read_to_string(dir.path().join("c.ron")).unwrap();
    assert_eq!(changed_lines(&a, &c), 2, "{a}\n{c}");
    // The same answers give the same text.
    assert_eq!(session(&[], "d.ron"), a);
}

/// The team's page (`export --team --format html`) has the team's section: everyone, the team
/// verdict, each disagreement with who said what and their notes, and the pivotal questions.
#[test]
fn the_team_s_page_has_a_section_for_the_team() {
    let dir = tempfile::tempdir().unwrap();
    three_sessions(dir.path());
    let args = ["export", "--team", "alice.ron", "bob.ron", "carol.ron"];
    let html = ok_in(
        dir.path(),
        &[&args[..], &["--format", "html", "-o", "-"]].concat(),
    )
    .stdout;
    let team = html
        .split("<section id=\"team\">")
        .nth(1)
        .and_then(|rest| rest.split("</section>").next())
        .unwrap_or_else(|| panic!("a team section: {html}"));
    assert!(
        team.contains("the majority answer of Alice, Bob and Carol"),
        "{team}"
    );
    assert!(team.contains("<b>Team verdict:</b> Choose Django"), "{team}");
    assert!(
        team.contains("<h4>Will you have user accounts with different permission levels?</h4>"),
        "{team}"
    );
    assert!(
        team.contains("<li>Alice: yes (staff, editors and clients)</li>"),
        "{team}"
    );
    assert!(team.contains("<li>Carol: no (we will grow fast)</li>"), "{team}");
    assert!(
        team.contains("would change the team verdict</h3>\n  <ul>\n    <li>Do you want the smallest possible codebase?</li>"),
        "{team}"
    );
    assert!(
        html.contains("<li><b>Answers of:</b> Alice, Bob and Carol</li>"),
        "the header says whose answers: {html}"
    );
    // One person's page has no team section.
    let alone = ok_in(
        dir.path(),
        &["export", "--session", "alice.ron", "--format", "html", "-o", "-"],
    )
    .stdout;
    assert!(!alone.contains("<section id=\"team\">"), "{alone}");
}
