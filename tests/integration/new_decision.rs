//! `stackpick new`: the skeleton it writes passes `check`, has every field of the format,
//! works with every command and in the app, keeps hostile option names, and never replaces
//! a file.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use serde_json::Value;
use stackpick::decision::{Decision, Skeleton};
use stackpick::score::Answers;
use stackpick::tui::theme::Theme;
use stackpick::tui::{App, Tab};

use crate::support::assert_snapshot;
use crate::support::backend::{render, text};
use crate::support::run::{ok_in, run_in};

/// A name made to break a RON string, a comment, the terminal and the reading order.
const HOSTILE: &str = "\"); //\\ r#\"x\"# \u{1b}[2J\u{202E}Café\n日本語";
/// It as the file keeps it: cleaned, on one line.
const HOSTILE_CLEAN: &str = "\"); //\\ r#\"x\"# [2JCafé 日本語";

/// `new FILE --option NAME...` in `dir`, asserting success.
#[track_caller]
fn new_in(dir: &Path, file: &str, names: &[&str]) -> String {
    let mut args = vec!["new", file];
    for name in names {
        args.extend(["--option", name]);
    }
    let run = ok_in(dir, &args);
    assert_eq!(run.stdout, "", "the file is the output: {run:?}");
    fs::read_to_string(dir.join(file)).expect("the file was written")
}

#[test]
fn new_writes_a_decision_that_check_accepts_and_says_what_next() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (file, names, options) in [
        ("mine.ron", &[][..], 2),
        ("three.ron", &["Postgres", "MySQL", "SQLite"], 3),
        ("four.ron", &["A", "B", "C", "D"], 4),
        ("hostile.ron", &[HOSTILE, "Plain"], 2),
    ] {
        new_in(dir.path(), file, names);
        let run = ok_in(dir.path(), &["check", file]);
        // The scored options, the also-consider one, three questions each, two stages.
        let expected = format!(
            "{file}: ok ({} options, {} questions, 2 stages)\n",
            options + 1,
            options * 3
        );
        assert_eq!(run.stdout, expected);
    }
    let run = ok_in(
        dir.path(),
        &[
            "new",
            "postgres-vs-mysql.ron",
            "--option",
            "Postgres",
            "--option",
            "MySQL",
        ],
    );
    assert_eq!(
        run.stderr,
        "Wrote postgres-vs-mysql.ron (decision \"postgres-vs-mysql\": 3 options, 6 questions, 2 \
         stages). Edit it, then: stackpick check postgres-vs-mysql.ron · stackpick --data \
         postgres-vs-mysql.ron --watch\n"
    );
}

#[test]
fn the_skeleton_works_with_score_export_and_team() {
    let dir = tempfile::tempdir().expect("tempdir");
    new_in(dir.path(), "db.ron", &["Postgres", "MySQL"]);
    // Question 3 weighs 2: with question 1, Postgres reaches its threshold of 2 twice over.
    let run = ok_in(
        dir.path(),
        &[
            "score",
            "--data",
            "db.ron",
            "--json",
            "--yes",
            "postgres.question-1,postgres.question-3",
        ],
    );
    let report: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(
        report["verdict"]["options"],
        serde_json::json!(["postgres"]),
        "{report}"
    );
    // The also-consider option is triggered by postgres.question-1.
    assert!(
        run.stdout.contains("Another option to consider"),
        "{}",
        run.stdout
    );
    for (who, yes) in [("Alice", "postgres.question-1"), ("Bob", "mysql.question-3")] {
        let file = format!("{}.ron", who.to_lowercase());
        ok_in(
            dir.path(),
            &[
                "export", "--data", "db.ron", "--format", "ron", "-o", &file, "--by", who, "--yes", yes,
            ],
        );
    }
    let run = ok_in(dir.path(), &["team", "--data", "db.ron", "alice.ron", "bob.ron"]);
    assert!(
        run.stdout.contains("Alice") && run.stdout.contains("Bob"),
        "{run:?}"
    );
    ok_in(
        dir.path(),
        &[
            "export",
            "--data",
            "db.ron",
            "-o",
            "decision.md",
            "--yes",
            "mysql.question-3",
        ],
    );
    let record = fs::read_to_string(dir.path().join("decision.md")).expect("the record");
    assert!(record.contains("Use MySQL"), "{record}");
}

#[test]
fn the_app_shows_the_skeletons_options() {
    let names = ["Postgres".to_owned(), "MySQL".to_owned()];
    let text_of = Skeleton::new("postgres-vs-mysql", &names)
        .expect("a skeleton")
        .render();
    let decision = Decision::parse(&text_of, "postgres-vs-mysql.ron").expect("valid");
    let answers = Answers::new(&decision, ["postgres.question-1"], None).expect("valid ids");
    let mut app = App::new(decision, answers, Theme::monochrome());
    app.ui.tab = Tab::Checklist;
    let screen = text(&render(&mut app, 80, 24));
    for shown in ["Postgres", "MySQL", "Question 1 for Postgres?"] {
        assert!(screen.contains(shown), "{shown} is not shown:\n{screen}");
    }
    assert_snapshot!("checklist_80x24", screen);
}

#[test]
fn hostile_option_names_are_cleaned_and_come_back_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let names = [HOSTILE, "back\\slash \"quote\"", "👩\u{200D}💻 ünïcödé"];
    new_in(dir.path(), "hostile.ron", &names);
    let run = ok_in(dir.path(), &["score", "--data", "hostile.ron", "--json"]);
    let report: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let shown: Vec<&str> = report["scores"]
        .as_array()
        .expect("scores")
        .iter()
        .map(|s| s["name"].as_str().expect("a name"))
        .collect();
    assert_eq!(
        shown,
        [HOSTILE_CLEAN, "back\\slash \"quote\"", "👩\u{200D}💻 ünïcödé"]
    );
    assert!(!run.raw.contains(&0x1b), "{run:?}");
}

#[test]
fn new_never_replaces_a_file_without_force() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("mine.ron");
    fs::write(&path, "my own decision\n").expect("write");
    let run = run_in(dir.path(), &["new", "mine.ron", "--option", "A", "--option", "B"]);
    assert_eq!(run.code, 1, "as export -o without --force: {run:?}");
    assert_eq!(
        run.stderr,
        "stackpick: mine.ron already exists; use --force to replace it\n"
    );
    assert_eq!(fs::read_to_string(&path).expect("read"), "my own decision\n");
    ok_in(dir.path(), &["new", "mine.ron", "--force"]);
    assert!(fs::read_to_string(&path).expect("read").contains("Option A"));
    ok_in(dir.path(), &["check", "mine.ron"]);
    // The atomic write leaves nothing beside the file.
    let names: Vec<String> = fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["mine.ron"]);
}

#[test]
fn one_option_or_the_same_name_twice_is_bad_input_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (args, message) in [
        (
            &["--option", "Postgres"][..],
            "stackpick: one --option is not a choice: give two or more (or none, for two placeholders)\n",
        ),
        (
            &["--option", "Postgres", "--option", "postgres"],
            "stackpick: --option \"postgres\" is given twice: each option needs a name of its own\n",
        ),
        (
            &["--option", "A", "--option", "\u{200B}\u{1b}"],
            "stackpick: --option \"\\u{200b}\\u{1b}\" has no visible character: give the option a name\n",
        ),
    ] {
        let mut all = vec!["new", "mine.ron"];
        all.extend_from_slice(args);
        let run = run_in(dir.path(), &all);
        assert_eq!(run.code, 2, "{run:?}");
        assert_eq!(run.stderr, message);
        assert!(!dir.path().join("mine.ron").exists());
    }
}

#[test]
fn new_to_standard_output_writes_no_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let run = ok_in(dir.path(), &["new", "-", "--option", "X", "--option", "Y"]);
    let decision = Decision::parse(&run.stdout, "-").expect("valid");
    assert_eq!(decision.id, "decision");
    assert_eq!(run.stderr, "");
    assert_eq!(fs::read_dir(dir.path()).expect("list").count(), 0);
}

/// The fields and the struct names of the decision format, from its serde types in
/// src/decision/model.rs: every field that is not `#[serde(skip)]`, every struct by its
/// serde name.
fn format_words() -> (BTreeSet<String>, BTreeSet<String>) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/decision/model.rs");
    let file = syn::parse_file(&fs::read_to_string(path).expect("model.rs")).expect("Rust");
    let (mut fields, mut structs) = (BTreeSet::new(), BTreeSet::new());
    for item in file.items {
        let syn::Item::Struct(item) = item else { continue };
        let (rename, _) = serde_attrs(&item.attrs);
        structs.insert(rename.unwrap_or_else(|| item.ident.to_string()));
        for field in &item.fields {
            if !serde_attrs(&field.attrs).1 {
                fields.insert(field.ident.as_ref().expect("a named field").to_string());
            }
        }
    }
    assert!(
        fields.len() > 30 && structs.contains("Choice"),
        "{fields:?} {structs:?}"
    );
    (fields, structs)
}

/// A `#[serde(...)]` list's `rename`, and whether it has `skip`.
fn serde_attrs(attrs: &[syn::Attribute]) -> (Option<String>, bool) {
    let (mut rename, mut skip) = (None, false);
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        attr.parse_nested_meta(|meta| {
            if meta.input.peek(syn::Token![=]) {
                let value: syn::Expr = meta.value()?.parse()?;
                if meta.path.is_ident("rename")
                    && let syn::Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Str(s),
                        ..
                    }) = value
                {
                    rename = Some(s.value());
                }
            }
            skip |= meta.path.is_ident("skip");
            Ok(())
        })
        .expect("a serde attribute");
    }
    (rename, skip)
}

/// The words a RON text writes outside its strings and comments: the names before `:`
/// (fields) and before `(` (structs).
fn ron_words(ron: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let (mut fields, mut structs) = (BTreeSet::new(), BTreeSet::new());
    let chars: Vec<char> = ron.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '"' {
            i += 1;
            while chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
        } else if c == '/' && chars.get(i + 1) == Some(&'/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            match chars.get(i) {
                Some(':') => fields.insert(word),
                Some('(') => structs.insert(word),
                _ => false,
            };
        } else {
            i += 1;
        }
    }
    (fields, structs)
}

#[test]
fn the_skeleton_writes_every_field_of_the_format_each_commented() {
    let (fields, structs) = format_words();
    for names in [&[][..], &[HOSTILE.to_owned(), "B".to_owned(), "C".to_owned()]] {
        let ron = Skeleton::new("mine", names).expect("a skeleton").render();
        let (written, made) = ron_words(&ron);
        let missing: Vec<&String> = fields.difference(&written).collect();
        assert!(
            missing.is_empty(),
            "the skeleton lacks the fields {missing:?}:\n{ron}"
        );
        let missing: Vec<&String> = structs.difference(&made).collect();
        assert!(
            missing.is_empty(),
            "the skeleton lacks the structs {missing:?}:\n{ron}"
        );
    }
    // Each field's first line is under a comment of its own, or shares the comment of the
    // line that opens it (a Point's title and detail, a Question's id and text).
    let ron = Skeleton::new("mine", &[]).expect("a skeleton").render();
    let lines: Vec<&str> = ron.lines().map(str::trim).collect();
    for field in &fields {
        let first = lines
            .iter()
            .position(|l| ron_words(l).0.contains(field))
            .expect("written");
        let commented = lines[..first]
            .iter()
            .rev()
            .take_while(|l| l.starts_with("//") || l.ends_with('(') || l.ends_with('['))
            .any(|l| l.starts_with("//"));
        assert!(
            commented || lines[first - 1].starts_with("//"),
            "{field} has no comment above it:\n{ron}"
        );
    }
}

/// The README's filled-in example.
const EXAMPLE: &str = "tests/fixtures/good/postgres-vs-mysql.ron";

/// The commands of the README's "Write your own decision", one a line, comments dropped.
fn walkthrough_commands() -> Vec<Vec<String>> {
    use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};
    let readme = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    let start = readme
        .find("\n## Write your own decision\n")
        .expect("the section");
    let end = readme[start + 1..]
        .find("\n## ")
        .map_or(readme.len(), |i| start + 1 + i);
    let (mut commands, mut in_sh) = (Vec::new(), false);
    for event in Parser::new(&readme[start..end]) {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(lang))) => in_sh = &*lang == "sh",
            Event::End(TagEnd::CodeBlock) => in_sh = false,
            Event::Text(code) if in_sh => {
                for line in code.lines() {
                    commands.push(shlex::split(line).expect("a shell line"));
                }
            }
            _ => {}
        }
    }
    commands
}

#[test]
fn every_command_of_the_readme_walkthrough_runs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut ran = Vec::new();
    for words in walkthrough_commands() {
        // The editor, git, and the app (no subcommand: it takes the terminal) are the reader's.
        let Some(("stackpick", args)) = words.split_first().map(|(w, a)| (w.as_str(), a)) else {
            continue;
        };
        if args.first().is_none_or(|a| a.starts_with('-')) {
            assert!(args.contains(&"--data".to_owned()), "{words:?}");
            continue;
        }
        let run = ok_in(dir.path(), args);
        if args[0] == "new" {
            // What `new` writes is valid as it is; the example is it filled in.
            ok_in(dir.path(), &["check", &args[1]]);
            let example = Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE);
            assert_eq!(example.file_name().expect("a name"), args[1].as_str());
            fs::copy(&example, dir.path().join(&args[1])).expect("copy the example");
        }
        if args[0] == "team" {
            assert!(
                run.stdout.contains("Alice") && run.stdout.contains("Bob"),
                "{run:?}"
            );
        }
        ran.push(args[0].clone());
    }
    assert_eq!(ran, ["new", "check", "score", "export", "export", "team"]);
}

/// Every string of a decision file, ids and texts, as its JSON has them (the keys of a
/// comparison's values are option ids; other keys are field names).
fn strings(decision: &Decision) -> BTreeSet<String> {
    fn walk(value: &Value, out: &mut BTreeSet<String>) {
        match value {
            Value::String(s) => {
                out.insert(s.clone());
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
            Value::Object(map) => map.iter().for_each(|(k, v)| {
                if let (true, Value::Object(values)) = (k == "values", v) {
                    out.extend(values.keys().cloned());
                }
                walk(v, out);
            }),
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    walk(&serde_json::to_value(decision).expect("JSON"), &mut out);
    out
}

#[test]
fn the_readme_example_has_no_placeholder_left() {
    let example = Decision::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE)).expect("valid");
    let names = ["Postgres".to_owned(), "MySQL".to_owned()];
    let skeleton = Skeleton::new("postgres-vs-mysql", &names)
        .expect("a skeleton")
        .render();
    let skeleton = Decision::parse(&skeleton, "skeleton").expect("valid");
    // What the example keeps of the skeleton on purpose: its id, the option names and ids.
    let kept: BTreeSet<String> = ["postgres-vs-mysql", "postgres", "mysql", "MySQL"]
        .map(str::to_owned)
        .into();
    let left: Vec<String> = strings(&skeleton)
        .intersection(&strings(&example))
        .filter(|s| !kept.contains(*s))
        .cloned()
        .collect();
    assert!(left.is_empty(), "{EXAMPLE} still has the placeholders {left:?}");
}
