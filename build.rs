//! Compiles the embedded decision (`data/web-frameworks.ron`) to Rust at build time, and has
//! the linker put the start-up code together ([`order_startup_code`]).
//!
//! The decision becomes the expression that builds its `Decision`, included by
//! `Decision::embedded`. Starting the app
//! then parses nothing: ron's parser took a third of the first frame's wait, and `serde_json`
//! reading a JSON copy still took a tenth of it (issue 8).
//!
//! [`SCHEMA`] mirrors the serde types of `src/decision.rs`: a field it lacks or misnames does
//! not compile, a field the file has and the schema lacks stops the build, and the test
//! `the_embedded_decision_is_the_ron_decision` holds the result equal to what parsing,
//! cleaning and validating the RON gives.

use std::fmt::Write as _;
use std::path::Path;

use ron::Value;

const SOURCE: &str = "data/web-frameworks.ron";
/// The functions the app runs up to its first frame, in the order they first run.
const STARTUP_SYMBOLS: &str = "assets/startup-symbols.txt";

/// What a field holds, as the Rust code that builds it needs to know.
#[derive(Clone, Copy)]
enum Kind {
    /// `String`: an id.
    Id,
    /// `Text`: shown text.
    Text,
    U32,
    Option(&'static Kind),
    Vec(&'static Kind),
    /// `LiteMap<String, Text>`.
    TextById,
    Struct(&'static str),
}

use Kind::{Id, Option as Opt, Struct, Text, TextById, U32, Vec as List};

/// A field: its name, its kind, and the Rust expression of its serde default when the file
/// may leave it out ([`D`]: the kind's own default).
type Field = (&'static str, Kind, Option<&'static str>);

/// `#[serde(default)]`.
const D: Option<&str> = Some("");

/// The Rust expression of `kind`'s `Default::default()`, spelt as its type's.
fn default_of(kind: Kind) -> &'static str {
    match kind {
        Id => "String::new()",
        Text => "Text::default()",
        U32 => "0",
        Opt(_) => "None",
        List(_) => "Vec::new()",
        TextById => "LiteMap::new()",
        Struct(name) => panic!("build.rs: {name} has no default"),
    }
}

/// The serde types of `src/decision.rs`, field by field.
const SCHEMA: &[(&str, &[Field])] = &[
    (
        "Decision",
        &[
            ("id", Id, None),
            ("title", Text, None),
            ("question", Text, None),
            ("summary", List(&Struct("Summary")), D),
            ("options", List(&Struct("Choice")), None),
            ("matrix", List(&Struct("Situation")), D),
            ("comparison", List(&Struct("Aspect")), D),
            ("stack", Struct("Stack"), None),
            ("stage_intro", Text, D),
            ("stages", List(&Struct("Stage")), D),
        ],
    ),
    (
        "Summary",
        &[
            ("heading", Text, None),
            ("text", Text, None),
            ("picks", List(&Id), D),
        ],
    ),
    (
        "Choice",
        &[
            ("id", Id, None),
            ("name", Text, None),
            ("tagline", Text, D),
            ("notes", List(&Text), D),
            ("threshold", U32, D),
            ("strengths", List(&Struct("Point")), D),
            ("best_for", List(&Struct("Point")), D),
            ("consider_when", List(&Struct("Point")), D),
            ("users", List(&Text), D),
            ("example", Opt(&Text), D),
            ("questions", List(&Struct("Question")), D),
            ("trigger", Opt(&Struct("Trigger")), D),
        ],
    ),
    (
        "Trigger",
        &[
            ("questions", List(&Id), D),
            ("stages", List(&Id), D),
            ("note", Text, None),
        ],
    ),
    ("Point", &[("title", Text, None), ("detail", Text, D)]),
    (
        "Question",
        &[("id", Id, None), ("text", Text, None), ("weight", U32, Some("1"))],
    ),
    ("Situation", &[("situation", Text, None), ("pick", Id, None)]),
    ("Aspect", &[("name", Text, None), ("values", TextById, None)]),
    (
        "Stack",
        &[
            ("heading", Text, D),
            ("note", Text, D),
            ("title", Text, None),
            ("layers", List(&Struct("Layer")), None),
        ],
    ),
    (
        "Layer",
        &[
            ("title", Text, None),
            ("option", Opt(&Id), D),
            ("parts", List(&Text), None),
        ],
    ),
    (
        "Stage",
        &[
            ("id", Id, None),
            ("label", Text, None),
            ("when", Text, D),
            ("advice", Text, None),
            ("picks", List(&Id), None),
        ],
    ),
];

fn main() {
    println!("cargo::rerun-if-changed={SOURCE}");
    let text = std::fs::read_to_string(SOURCE).unwrap_or_else(|e| panic!("{SOURCE}: {e}"));
    let value: Value = ron::from_str(&text).unwrap_or_else(|e| panic!("{SOURCE}:{e}"));
    let mut code = String::new();
    build(&mut code, "", Struct("Decision"), &value, "");
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("web-frameworks.rs"), code).expect("write the Rust");
    order_startup_code();
}

/// Has the linker lay out the functions of [`STARTUP_SYMBOLS`] first, in its order, so that
/// starting up maps a few pages of code rather than pages all over the binary (see the file).
///
/// A symbol's name carries a hash that changes with the build: `cargo bench` and `cargo
/// build` (other features, another profile) give the same function other names. So the file
/// holds patterns, the hash a wildcard, and the linker gets a script that `INSERT`s them into
/// its default layout: each function's section (`.text.<name>`), in the file's order, at the
/// start of `.text`.
///
/// Only for the binary, and only where the linker is rust-lld: the default of
/// `x86_64-unknown-linux-gnu` since Rust 1.90, unless a linker is chosen.
fn order_startup_code() {
    println!("cargo::rerun-if-changed={STARTUP_SYMBOLS}");
    let target = std::env::var("TARGET").unwrap_or_default();
    let flags = std::env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    let linker_chosen = std::env::var_os("RUSTC_LINKER").is_some() || flags.contains("link");
    if target != "x86_64-unknown-linux-gnu" || linker_chosen || rustc_minor() < Some(90) {
        return;
    }
    let list = std::fs::read_to_string(STARTUP_SYMBOLS).unwrap_or_else(|e| panic!("{STARTUP_SYMBOLS}: {e}"));
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let script = Path::new(&out).join("startup.ld");
    std::fs::write(&script, linker_script(&list)).expect("write the linker script");
    println!("cargo::rustc-link-arg-bins=-Wl,-T,{}", script.display());
    // For `tests/cli.rs`, which checks the layout where there is one.
    println!("cargo::rustc-env=STACKPICK_STARTUP_LAYOUT=1");
}

/// The linker script that puts the sections of the functions `list` names first in `.text`.
fn linker_script(list: &str) -> String {
    let mut script = String::from("SECTIONS\n{\n  .text : {\n");
    let patterns = list.lines().filter(|l| !l.is_empty() && !l.starts_with('#'));
    for name in patterns {
        assert!(
            name.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"_$.*".contains(&b)),
            "{STARTUP_SYMBOLS}: not a symbol's name: {name}"
        );
        // LLVM puts a function it deems cold in `.text.unlikely.<name>`, and ThinLTO (a
        // debug build's) renames a function it makes local `<name>.llvm.<number>`.
        let local = format!("{name}.llvm.*");
        writeln!(
            script,
            "    *(.text.{name} .text.{local} .text.unlikely.{name} .text.unlikely.{local})"
        )
        .expect("write to a String");
    }
    script.push_str("  }\n}\nINSERT BEFORE .init;\n");
    script
}

/// The minor version of the compiler (`rustc 1.95.0 …` is 95).
fn rustc_minor() -> Option<u32> {
    let rustc = std::env::var_os("RUSTC")?;
    let output = std::process::Command::new(rustc).arg("-V").output().ok()?;
    let version = String::from_utf8(output.stdout).ok()?;
    version.split(['.', ' ']).nth(2)?.parse().ok()
}

/// Writes the Rust expression of `value` as a `kind` to `code`; `at` names it in panics.
/// `option` is the id of the option (`Choice`) it is in, for a question's full id.
fn build(code: &mut String, at: &str, kind: Kind, value: &Value, option: &str) {
    match (kind, value) {
        (Id, Value::String(s)) => write!(code, "s({s:?})"),
        (Text, Value::String(s)) => write!(code, "t({s:?})"),
        (U32, Value::Number(n)) => {
            let n = n.into_f64();
            assert!(
                n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n),
                "{SOURCE}: {at}: not a whole number: {n}"
            );
            write!(code, "{n}")
        }
        (Opt(_), Value::Option(None) | Value::Unit) => write!(code, "None"),
        (Opt(inner), Value::Option(Some(value))) => {
            code.push_str("Some(");
            build(code, at, *inner, value, option);
            write!(code, ")")
        }
        (List(inner), Value::Seq(items)) => {
            code.push_str("vec![");
            for (i, item) in items.iter().enumerate() {
                build(code, &format!("{at}[{i}]"), *inner, item, option);
                code.push(',');
            }
            write!(code, "]")
        }
        (TextById, Value::Map(map)) => {
            code.push_str("LiteMap::from_iter([");
            for (key, value) in map.iter() {
                let Value::String(key) = key else {
                    panic!("{SOURCE}: {at}: a key that is not a string: {key:?}")
                };
                write!(code, "(s({key:?}),").expect("write to a String");
                build(code, &format!("{at}.{key}"), Text, value, option);
                code.push_str("),");
            }
            write!(code, "])")
        }
        (Struct(name), Value::Map(map)) => {
            let fields = SCHEMA
                .iter()
                .find(|(n, _)| *n == name)
                .unwrap_or_else(|| panic!("build.rs: no schema for {name}"))
                .1;
            let field = |key: &str| {
                map.iter()
                    .find_map(|(k, v)| matches!(k, Value::String(k) if k == key).then_some(v))
            };
            for (key, _) in map.iter() {
                assert!(
                    matches!(key, Value::String(k) if fields.iter().any(|(f, ..)| f == k)),
                    "{SOURCE}: {at}: {name} has no field {key:?}"
                );
            }
            let id = match field("id") {
                Some(Value::String(id)) => id.as_str(),
                _ => "",
            };
            let option = if name == "Choice" { id } else { option };
            write!(code, "{name} {{").expect("write to a String");
            for (key, kind, default) in fields {
                write!(code, "{key}:").expect("write to a String");
                match (field(key), default) {
                    (Some(value), _) => build(code, &format!("{at}.{key}"), *kind, value, option),
                    (None, Some("")) => code.push_str(default_of(*kind)),
                    (None, Some(default)) => code.push_str(default),
                    (None, None) => panic!("{SOURCE}: {at}: {name} needs {key}"),
                }
                code.push(',');
            }
            // A question's full id is `<option>.<question>` (`Question::full_id`).
            if name == "Question" {
                write!(code, "full_id: Arc::from({:?}),", format!("{option}.{id}"))
                    .expect("write to a String");
            }
            write!(code, "}}")
        }
        (_, value) => panic!("{SOURCE}: {at}: unexpected {value:?}"),
    }
    .expect("write to a String");
}
