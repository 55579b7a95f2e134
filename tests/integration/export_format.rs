//! `export` without `--format`: the format of `-o`'s extension, else Markdown.

use std::path::Path;
use std::process::{Command, Output};

const ARGS: [&str; 5] = ["export", "--yes", "django.admin-panel", "--date", "2026-01-02"];

fn export_in(dir: &Path, extra: &[&str]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_stackpick"))
        .current_dir(dir)
        .env("USER", "ada")
        .env("STACKPICK_CONFIG_DIR", "/nonexistent/stackpick-config")
        .args(ARGS)
        .args(extra)
        .output()
        .expect("runs");
    assert!(output.status.success(), "{extra:?}: {output:?}");
    output
}

/// What `--format FORMAT -o -` prints: the reference for each format.
fn reference(format: &str) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let output = export_in(dir.path(), &["--format", format, "-o", "-"]);
    String::from_utf8(output.stdout).expect("UTF-8")
}

fn written(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn the_extension_of_o_gives_the_format() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, format) in [
        ("x.json", "json"),
        ("x.ron", "ron"),
        ("x.md", "md"),
        ("upper.JSON", "json"),
        ("sub.dir.Ron", "ron"),
    ] {
        let output = export_in(dir.path(), &["-o", name]);
        assert_eq!(written(dir.path(), name), reference(format), "{name}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(&format!("wrote {name}")), "{stderr}");
    }
    // The three really differ, so the comparisons above tell them apart.
    assert!(reference("json").starts_with('{'));
    assert!(reference("ron").starts_with("Session("));
    assert!(reference("md").starts_with("---"));
}

#[test]
fn any_other_extension_standard_output_or_no_o_is_markdown() {
    let dir = tempfile::tempdir().expect("tempdir");
    let markdown = reference("md");
    export_in(dir.path(), &["-o", "record.txt"]);
    assert_eq!(written(dir.path(), "record.txt"), markdown);
    export_in(dir.path(), &["-o", "no-extension"]);
    assert_eq!(written(dir.path(), "no-extension"), markdown);
    let output = export_in(dir.path(), &["-o", "-"]);
    assert_eq!(String::from_utf8_lossy(&output.stdout), markdown);
    export_in(dir.path(), &[]);
    assert_eq!(written(dir.path(), "decision.md"), markdown);
}

#[test]
fn an_explicit_format_wins_over_the_extension() {
    let dir = tempfile::tempdir().expect("tempdir");
    export_in(dir.path(), &["--format", "json", "-o", "data.md"]);
    assert_eq!(written(dir.path(), "data.md"), reference("json"));
    export_in(dir.path(), &["--format", "ron"]);
    assert_eq!(written(dir.path(), "decision.ron"), reference("ron"));
}

#[test]
fn a_template_renders_markdown_whatever_the_extension() {
    let dir = tempfile::tempdir().expect("tempdir");
    let template = dir.path().join("page.html.j2");
    std::fs::write(&template, "<h1>{{ title }}</h1>\n").expect("write");
    let template = template.to_str().expect("UTF-8 path");
    export_in(dir.path(), &["--template", template, "-o", "page.json"]);
    let page = written(dir.path(), "page.json");
    assert!(page.starts_with("<h1>") && !page.contains('{'), "{page}");
}
