//! Hostile text in data files, file names and arguments: nothing of it reaches the terminal as
//! a control or bidi character, problems are still placed at `FILE:LINE:COL`, and the
//! Markdown record keeps its structure whatever the data says.

use std::ffi::OsStr;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::process::Output;

use assert_cmd::cargo::cargo_bin_cmd;
use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag};
use stackpick::decision::EMBEDDED_SOURCE;

const MINI: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/good/mini.ron"
));
/// A clear-screen, an OSC 52 clipboard write, a C1 CSI and a right-to-left override.
const HOSTILE: &str = "x\u{1b}[2J\u{1b}]52;c;aGFjaw==\u{7}\u{9b}31m\u{202E}evil";
/// Characters that must never be printed raw.
const FORBIDDEN: [char; 7] = [
    '\u{1b}', '\u{7}', '\u{9b}', '\u{202E}', '\u{2066}', '\u{200B}', '\u{FEFF}',
];

fn run(dir: &Path, args: &[&OsStr]) -> Output {
    cargo_bin_cmd!("stackpick")
        .current_dir(dir)
        .args(args)
        .env_remove("STACKPICK_CONFIG_DIR")
        .write_stdin("")
        .output()
        .expect("the binary runs")
}

fn os<'a>(args: &[&'a str]) -> Vec<&'a OsStr> {
    args.iter().map(|a| OsStr::new(*a)).collect()
}

/// Standard output and error together, after checking that no forbidden character (nor any
/// other control but a line feed) is in them.
#[track_caller]
fn printed(output: &Output) -> String {
    let mut bytes = output.stdout.clone();
    bytes.extend_from_slice(&output.stderr);
    assert!(!bytes.contains(&0x1b), "a raw ESC was printed: {bytes:?}");
    let text = String::from_utf8(bytes).expect("UTF-8 output");
    for c in FORBIDDEN {
        assert!(!text.contains(c), "{c:?} was printed raw:\n{text}");
    }
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "a control character was printed:\n{text:?}"
    );
    // Bidi controls and zero-width or invisible format characters.
    let format = |c: char| {
        matches!(c, '\u{61C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
    };
    assert!(
        !text.chars().any(format),
        "a format character was printed:\n{text:?}"
    );
    text
}

/// `needle`'s line and column (1-based, in characters) in `source`.
fn position(source: &str, needle: &str) -> (usize, usize) {
    let offset = source.find(needle).expect("the needle is in the source");
    let line_start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    (
        source[..offset].matches('\n').count() + 1,
        source[line_start..offset].chars().count() + 1,
    )
}

/// The mini decision with a hostile matrix pick (an unknown option) and a hostile option id.
fn hostile_decision() -> String {
    let source = MINI
        .replacen(r#"pick: "flask")"#, &format!("pick: \"{HOSTILE}\")"), 1)
        .replacen(r#"id: "flask""#, "id: \"fl\u{202E}ask\u{1b}[2J\"", 1);
    assert_ne!(source, MINI);
    source
}

#[test]
fn hostile_ids_are_escaped_in_check_and_score_and_keep_their_position() {
    let dir = tempfile::tempdir().unwrap();
    let source = hostile_decision();
    fs::write(dir.path().join("hostile.ron"), &source).unwrap();
    let (line, col) = position(&source, &format!("\"{HOSTILE}\""));
    let (id_line, id_col) = position(&source, "\"fl\u{202E}ask");
    for args in [["check", "hostile.ron"], ["score", "--data"]] {
        let mut args = os(&args).clone();
        if args.len() == 2 && args[1] == "--data" {
            args.push(OsStr::new("hostile.ron"));
        }
        let output = run(dir.path(), &args);
        let text = printed(&output);
        assert_eq!(output.status.code(), Some(2), "{text}");
        assert!(
            text.contains(&format!(
                "hostile.ron:{line}:{col}: matrix[0].pick: unknown option \"x\\u{{1b}}[2J"
            )),
            "{text}"
        );
        assert!(text.contains("\\u{9b}31m\\u{202e}evil"), "{text}");
        assert!(
            text.contains(&format!(
                "hostile.ron:{id_line}:{id_col}: options[1].id: invalid id"
            )),
            "{text}"
        );
        // The list of known options quotes the hostile id too.
        assert!(
            text.contains("known options: django, fl\\u{202e}ask\\u{1b}[2J"),
            "{text}"
        );
    }
}

#[test]
fn a_title_of_invisible_characters_is_empty_text_at_its_position() {
    let dir = tempfile::tempdir().unwrap();
    for (name, title) in [
        ("raw.ron", "\u{200B}\u{202E}\u{2066}\u{FEFF}"),
        ("escaped.ron", "\\u{200b}\\u{202e}\\u{200d}"),
    ] {
        let source = MINI.replacen("\"Django or Flask\"", &format!("\"{title}\""), 1);
        fs::write(dir.path().join(name), &source).unwrap();
        let (line, col) = position(&source, &format!("\"{title}\""));
        let output = run(dir.path(), &os(&["check", name]));
        let text = printed(&output);
        assert_eq!(output.status.code(), Some(2), "{text}");
        assert!(
            text.contains(&format!("{name}:{line}:{col}: title: empty text")),
            "{text}"
        );
    }
}

#[test]
fn hostile_file_names_are_escaped_wherever_they_are_printed() {
    let dir = tempfile::tempdir().unwrap();
    let name = "a\u{1b}[2J\u{202E}\u{9b}1m.ron";
    fs::write(dir.path().join(name), MINI).unwrap();
    let shown = "a\\u{1b}[2J\\u{202e}\\u{9b}1m.ron";

    let output = run(dir.path(), &os(&["check", name]));
    assert_eq!(output.status.code(), Some(0));
    assert!(printed(&output).contains(&format!("{shown}: ok")));

    let missing = "gone\u{1b}]52;c;eA==\u{7}.ron";
    let output = run(dir.path(), &os(&["check", missing]));
    assert_eq!(output.status.code(), Some(2));
    assert!(printed(&output).contains("gone\\u{1b}]52;c;eA==\\u{7}.ron: cannot read"));

    let output = run(dir.path(), &os(&["score", "--session", missing]));
    assert_eq!(output.status.code(), Some(2));
    assert!(printed(&output).contains("gone\\u{1b}]52;c;eA==\\u{7}.ron: cannot read"));

    let target = "out\u{1b}[2J\u{202E}.md";
    let output = run(
        dir.path(),
        &os(&["export", "--format", "md", "--data", name, "-o", target]),
    );
    assert_eq!(output.status.code(), Some(0));
    assert!(printed(&output).contains("wrote out\\u{1b}[2J\\u{202e}.md"));
    assert!(dir.path().join(target).is_file());

    // A name that is not UTF-8 at all.
    let bytes = OsStr::from_bytes(b"bad\x1b[2J\xff.ron");
    let output = run(dir.path(), &[OsStr::new("check"), bytes]);
    assert_eq!(output.status.code(), Some(2));
    assert!(printed(&output).contains("bad\\u{1b}[2J"));
}

#[test]
fn command_line_errors_quote_arguments_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let args: [&[&str]; 3] = [
        &["export", "--format", HOSTILE],
        &["export", "--format", "md", "--date", HOSTILE],
        &["score", "--yes", HOSTILE],
    ];
    for args in args {
        let output = run(dir.path(), &os(args));
        let text = printed(&output);
        assert_eq!(output.status.code(), Some(2), "{text}");
        assert!(text.contains("\\u{202e}evil"), "{text}");
    }
}

// ---- the Markdown record ------------------------------------------------------------------

/// Answers that fill every section of the record: drivers, a stage, a chosen option.
const ANSWERS: [&str; 4] = [
    "--yes",
    "django.admin-panel,django.permissions,django.security",
    "--stage",
    "pre-pmf",
];

/// The embedded decision with texts that would each break the record if inserted raw.
fn hostile_markdown_decision() -> String {
    let replacements = [
        (
            "title: \"Flask vs Django for your startup\"",
            "title: \"Flask <!-- vs Django\"",
        ),
        (
            "\"Which Python web framework should the startup build on: Django, Flask, a hybrid of both, or FastAPI?\"",
            "\"```js\\n# not a heading\"",
        ),
        ("\"The \\\"Batteries-Included\\\" Framework\"", "\"~~~\""),
        ("\"The \\\"Microframework\\\"\"", "\"---\""),
        (
            "\"FastAPI has emerged as a strong third option\"",
            "\"<!-- the rest is hidden\"",
        ),
        (
            "\"FastAPI is now the Python web framework and is particularly popular for ML/AI backends.\"",
            "\"<script>alert(1)</script>\"",
        ),
        ("\"A strong third option\"", "\"***\""),
        (
            "\"Do you need an admin panel for non-technical staff?\"",
            "\"- nested\\n---\\n> quote\"",
        ),
        (
            "\"Will you have user accounts with different permission levels?\"",
            "\"1. ordered\"",
        ),
        ("\"Batteries-included\"", "\"a | b | c\""),
        ("\"Pre-product-market-fit\"", "\"**# stage**\""),
        ("\"Instagram\"", "\"[x]: http://evil.example\""),
        ("\"Pinterest\"", "\"![img](http://evil.example/i.png)\""),
        ("\"Built-in admin panel\"", "\"`code` ``\""),
        ("name: \"Flask\"", "name: \"Fl|ask ###\""),
        ("\"Minimal footprint\"", "\"<div>html</div>\""),
        (
            "\"Use Flask. Ship fast, iterate faster. You can always migrate later.\"",
            "\"=====\\n    indented\"",
        ),
    ];
    let mut source = EMBEDDED_SOURCE.to_owned();
    for (from, to) in replacements {
        assert!(source.contains(from), "{from} is not in the embedded data");
        source = source.replacen(from, to, 1);
    }
    source
}

fn export_md(dir: &Path, extra: &[&str]) -> String {
    let mut args = vec!["export", "--format", "md", "-o", "-", "--date", "2026-01-15"];
    args.extend_from_slice(extra);
    let output = run(dir, &os(&args));
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn parser(md: &str) -> Parser<'_> {
    Parser::new_ext(
        md,
        Options::ENABLE_TABLES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_TASKLISTS
            | Options::ENABLE_FOOTNOTES
            | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS,
    )
}

/// The record's structure: every event but text, which the data changes.
fn structure(md: &str) -> Vec<String> {
    parser(md)
        .filter(|e| !matches!(e, Event::Text(_)))
        .map(|e| format!("{e:?}"))
        .collect()
}

fn hostile_record(dir: &Path) -> (String, String) {
    fs::write(dir.join("normal.ron"), EMBEDDED_SOURCE).unwrap();
    fs::write(dir.join("hostile.ron"), hostile_markdown_decision()).unwrap();
    let with = |data: &str| {
        let mut args = vec!["--data", data];
        args.extend_from_slice(&ANSWERS);
        export_md(dir, &args)
    };
    (with("normal.ron"), with("hostile.ron"))
}

#[test]
fn hostile_data_cannot_change_the_structure_of_the_record() {
    let dir = tempfile::tempdir().unwrap();
    let (normal, hostile) = hostile_record(dir.path());
    assert_eq!(structure(&hostile), structure(&normal), "{hostile}");

    let events: Vec<Event> = parser(&hostile).collect();
    let html = events
        .iter()
        .filter(|e| matches!(e, Event::Html(_) | Event::InlineHtml(_)))
        .count();
    assert_eq!(html, 0, "{hostile}");
    let code_blocks: Vec<&CodeBlockKind> = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::CodeBlock(kind)) => Some(kind),
            _ => None,
        })
        .collect();
    assert!(
        matches!(code_blocks.as_slice(), [CodeBlockKind::Fenced(info)] if info.as_ref() == "mermaid"),
        "{hostile}"
    );
    let flowchart = hostile.split("```mermaid\n").nth(1).unwrap();
    assert!(flowchart.starts_with("flowchart TB\n"), "{hostile}");
    assert!(flowchart.trim_end().ends_with("```"), "{hostile}");
}

#[test]
fn hostile_data_leaves_no_raw_markup_in_the_record_source() {
    let dir = tempfile::tempdir().unwrap();
    let (normal, hostile) = hostile_record(dir.path());
    for raw in ["<!--", "<script", "<div"] {
        assert!(!hostile.contains(raw), "{raw} in\n{hostile}");
    }
    let headings = |md: &str| md.lines().filter(|l| l.starts_with('#')).count();
    assert_eq!(headings(&hostile), headings(&normal), "{hostile}");
    let fences = hostile
        .lines()
        .filter(|l| l.trim_start().starts_with("```") || l.trim_start().starts_with("~~~"))
        .count();
    assert_eq!(fences, 2, "{hostile}");
    let breaks: Vec<usize> = hostile
        .lines()
        .enumerate()
        .filter(|(_, l)| {
            let l = l.trim();
            ["---", "***", "___", "==="].iter().any(|b| l.starts_with(b))
        })
        .map(|(i, _)| i)
        .collect();
    assert_eq!(breaks, [0, 3], "only the front matter's rules:\n{hostile}");
}

#[test]
fn user_templates_are_escaped_by_default_and_may_opt_out() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("hostile.ron"), hostile_markdown_decision()).unwrap();
    let template = "{{ question }}\n\n\
        {% for o in options %}{% for p in o.consider_when %}{{ p.detail }}\n\n{% endfor %}{% endfor %}\
        | x | {{ options[0].tagline | cell }} | {{ options[1].name | e }} |\n\n\
        {{ drivers[0].text }} {{ drivers[0].id | code }}\n\n\
        RAW {{ article.title | safe }}\n";
    fs::write(dir.path().join("mine.j2"), template).unwrap();
    let md = export_md(
        dir.path(),
        &[
            "--data",
            "hostile.ron",
            "--template",
            "mine.j2",
            "--yes",
            ANSWERS[1],
        ],
    );
    assert!(
        md.starts_with("\\`\\`\\`js \\# not a heading\n\n&lt;!-- the rest"),
        "{md}"
    );
    assert!(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{md}");
    assert!(md.contains("| x | \\~\\~\\~ | Fl\\|ask \\#\\#\\# |"), "{md}");
    assert!(
        md.contains("\\- nested --- &gt; quote `django.admin-panel`"),
        "{md}"
    );
    // `|safe` is the template author's explicit choice.
    assert!(md.contains("RAW Flask <!-- vs Django"), "{md}");
    // Paragraphs of text (and the one code span), nothing else.
    for event in parser(&md) {
        let plain = match &event {
            Event::Start(tag) => matches!(tag, Tag::Paragraph),
            Event::Html(_) | Event::InlineHtml(_) | Event::Rule => false,
            _ => true,
        };
        assert!(plain, "{event:?} in\n{md}");
    }
}

/// The texts a person gives (a note, a reason, a decider's name), on the command line or in a
/// session file, are cleaned at load like a data file's: no output of `score`, `export` or
/// `team`, text or JSON, carries a control (but a line feed), DEL, C1 or bidi / zero-width
/// character of them; a name that is empty once cleaned is no name.
#[test]
fn typed_texts_are_cleaned_at_load_in_every_output() {
    let dir = tempfile::tempdir().unwrap();
    let evil = format!("{HOSTILE}\u{7f}\u{85}\u{200B}\u{2066}done");
    let note = format!("django.admin-panel={evil}");
    let inputs: Vec<String> = vec![
        "--yes".into(),
        "django.admin-panel".into(),
        "--note".into(),
        note,
        "--because".into(),
        evil.clone(),
        "--choose".into(),
        "django".into(),
    ];
    let inputs: Vec<&str> = inputs.iter().map(String::as_str).collect();
    let check = |args: &[&str]| {
        let output = run(dir.path(), &os(args));
        assert!(output.status.success(), "{args:?}: {output:?}");
        let text = printed(&output);
        for c in ['\u{7f}', '\u{85}'] {
            assert!(!text.contains(c), "{c:?} in {args:?}:\n{text}");
        }
        text
    };
    let score = check(&[&["score"], &inputs[..]].concat());
    assert!(score.contains("done"), "{score}");
    check(&[&["score", "--json"], &inputs[..]].concat());
    let invisible = "\u{200B}\u{2066}\u{202E}";
    let json = check(
        &[
            &[
                "export",
                "--format",
                "json",
                "-o",
                "-",
                "--decider",
                invisible,
                "--decider",
                &evil,
            ],
            &inputs[..],
        ]
        .concat(),
    );
    let report: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let deciders = report["choice"]["deciders"].as_array().expect("deciders");
    assert_eq!(deciders.len(), 1, "the invisible name is no name: {deciders:?}");
    // A session written with them reads back clean, and so does a team of it.
    let session = dir.path().join("alice.ron");
    let session_arg = session.to_str().unwrap();
    check(
        &[
            &["export", "--format", "ron", "-o", session_arg, "--by", "Alice"],
            &inputs[..],
        ]
        .concat(),
    );
    let raw = fs::read_to_string(&session).unwrap();
    let dirty = raw.replace("done", &evil);
    fs::write(&session, dirty).unwrap();
    let from_session = check(&["score", "--session", session_arg]);
    assert!(from_session.contains("done"), "{from_session}");
    check(&["score", "--json", "--session", session_arg]);
    check(&["team", session_arg, "--json"]);
    check(&["team", session_arg]);
    // A teammate's file name is not cleaned text, and JSON still carries none of it raw.
    let renamed = dir.path().join("bob\u{202E}\u{85}.ron");
    fs::write(
        &renamed,
        fs::read_to_string(&session).unwrap().replace("Alice", "Bob"),
    )
    .unwrap();
    let json = check(&["team", "--json", session_arg, renamed.to_str().unwrap()]);
    assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok(), "{json}");
}

/// The front matter's values read back, with a YAML parser, as the names that were given:
/// `decision-makers` is the cleaned names joined, whatever YAML or Markdown syntax they hold.
fn front_matter_deciders(record: &str) -> Option<String> {
    let front = record.strip_prefix("---\n")?.split("\n---\n").next()?;
    let docs = yaml_rust2::YamlLoader::load_from_str(front).ok()?;
    let doc = docs.first()?;
    assert_eq!(doc["status"].as_str(), Some("proposed"), "{front}");
    doc["decision-makers"].as_str().map(str::to_owned)
}

fn record_with_deciders(names: &[String]) -> String {
    let decision = stackpick::decision::Decision::embedded();
    let mut answers = stackpick::score::Answers::default();
    answers.choice.deciders = stackpick::identity::clean_names(names);
    let date = stackpick::export::parse_date("2026-01-02").unwrap();
    stackpick::export::render(stackpick::export::Format::Md, &decision, &answers, date)
}

#[test]
fn front_matter_names_read_back_as_themselves() {
    for name in [
        "Ada: CTO",
        "!admin",
        "{team lead}",
        "'Quoted' Name",
        "R&D lead",
        "C*O",
        "yes",
        "- x",
        "#1",
        "a # b",
        "\"q\"",
        "back\\slash",
        "[x]",
        "%x",
        "@x",
        "`x`",
        "42",
    ] {
        let record = record_with_deciders(&[name.to_owned()]);
        assert_eq!(front_matter_deciders(&record).as_deref(), Some(name), "{record}");
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
    #[test]
    fn any_names_read_back_from_the_front_matter(names in proptest::collection::vec("\\PC{1,12}", 1..4)) {
        let cleaned = stackpick::identity::clean_names(&names);
        proptest::prop_assume!(!cleaned.is_empty());
        let record = record_with_deciders(&names);
        let expected = stackpick::text::join(&cleaned, ", ");
        proptest::prop_assert_eq!(front_matter_deciders(&record), Some(expected), "{}", record);
    }
}

/// A rendered record carries no C0 (but tab and line feed), DEL, C1, bidi or invisible
/// character to its reader, whatever the template's own text holds and whatever `|safe`
/// inserts; joiners inside an emoji stay.
#[test]
fn a_rendered_record_carries_no_control_character_whatever_the_template() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("t.j2");
    fs::write(
        &template,
        format!(
            "# {{{{ title|safe }}}}\r\n{HOSTILE}\u{7f}\u{85}\u{200B}\tcol\n{{{{ mermaid|safe }}}} 👩\u{200D}💻 {{{{ \"\\x1b[31m\"|safe }}}}\n"
        ),
    )
    .unwrap();
    for template_args in [vec!["--template", template.to_str().unwrap()], vec![]] {
        let args = [
            &["export", "-o", "-", "--because", HOSTILE][..],
            &template_args[..],
        ]
        .concat();
        let output = run(dir.path(), &os(&args));
        assert!(output.status.success(), "{args:?}: {output:?}");
        let record = String::from_utf8(output.stdout).unwrap();
        let bad: Vec<char> = record
            .chars()
            .filter(|&c| {
                (c.is_control() && c != '\t' && c != '\n')
                    || matches!(c, '\u{200B}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
            })
            .collect();
        assert!(bad.is_empty(), "{args:?}: {bad:?} in\n{record}");
        if !template_args.is_empty() {
            assert!(record.contains("evil\tcol\n"), "{record}");
            assert!(record.contains("👩\u{200D}💻"), "{record}");
        }
    }
}
