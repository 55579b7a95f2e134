//! The manual: `stackpick man` is one complete page (every command and option, the key table,
//! files, environment, exit status) that groff reads without a warning; usage lines bracket
//! what is optional; the README names every option.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Stdio};

use assert_cmd::cargo::cargo_bin_cmd;
use clap::CommandFactory;
use stackpick::cli::Cli;
use stackpick::tui::keys::keymap::Keymap;

/// The page as `stackpick man` prints it.
fn page() -> String {
    let output = cargo_bin_cmd!("stackpick").arg("man").output().expect("runs");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// Roff source as text: escapes undone, font changes dropped, so that words can be found.
fn plain(roff: &str) -> String {
    let mut text = roff
        .replace("\\fB", "")
        .replace("\\fI", "")
        .replace("\\fR", "")
        .replace("\\fP", "")
        .replace("\\-", "-")
        .replace("\\&", "")
        .replace("\\*(Aq", "'")
        .replace("\\(aq", "'")
        .replace("\\\\", "\\");
    // `\[u2190]` back to `←`.
    while let Some(start) = text.find("\\[u") {
        let end = start + text[start..].find(']').expect("closed escape");
        let code = u32::from_str_radix(&text[start + 3..end], 16).expect("hex");
        text.replace_range(start..=end, &char::from_u32(code).expect("a char").to_string());
    }
    text
}

/// The roff lines of section `name`: from its `.SH` to the next.
fn section<'a>(roff: &'a str, name: &str) -> &'a str {
    let heading = if name.contains(' ') {
        format!(".SH \"{name}\"\n")
    } else {
        format!(".SH {name}\n")
    };
    let start = roff.find(&heading).unwrap_or_else(|| panic!("no {name} section")) + heading.len();
    let end = roff[start..].find("\n.SH ").map_or(roff.len(), |i| start + i);
    &roff[start..end]
}

/// Every command of the tree, with its path of names from the top.
fn commands() -> Vec<(String, clap::Command)> {
    let mut top = Cli::command();
    top.build();
    let mut out = vec![("stackpick".to_owned(), top.clone())];
    for sub in top.get_subcommands() {
        out.push((format!("stackpick {}", sub.get_name()), sub.clone()));
    }
    out
}

#[test]
fn the_page_has_every_section() {
    let page = page();
    for heading in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH DESCRIPTION",
        ".SH OPTIONS",
        ".SH COMMANDS",
        ".SH KEYS",
        ".SH FILES",
        ".SH ENVIRONMENT",
        ".SH \"EXIT STATUS\"",
    ] {
        assert!(page.contains(&format!("{heading}\n")), "no {heading}");
    }
}

#[test]
fn every_command_and_every_long_option_is_on_the_page() {
    let page = page();
    let commands_section = plain(section(&page, "COMMANDS"));
    for (path, cmd) in commands() {
        if path != "stackpick" {
            assert!(
                commands_section.contains(&format!(".SS \"{path}\"\n")),
                "no subsection for {path}"
            );
        }
        let text = if path == "stackpick" {
            plain(section(&page, "OPTIONS"))
        } else {
            // The subsection of this command: up to the next one.
            let start = commands_section
                .find(&format!(".SS \"{path}\"\n"))
                .expect("found above");
            let rest = &commands_section[start + 4..];
            rest[..rest.find("\n.SS ").unwrap_or(rest.len())].to_owned()
        };
        if let Some(about) = cmd.get_about() {
            let described = if path == "stackpick" {
                plain(&page)
            } else {
                text.clone()
            };
            assert!(described.contains(&about.to_string()), "{path}: no description");
        }
        for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
            let name = match (arg.get_long(), arg.get_value_names()) {
                (Some(long), _) => format!("--{long}"),
                (None, Some(values)) => values[0].to_string(),
                (None, None) => continue,
            };
            assert!(
                text.contains(&name),
                "{path}: {name} is not in its part of the page"
            );
        }
    }
}

#[test]
fn keys_lists_every_binding_of_the_key_table() {
    let page = page();
    let keys = plain(section(&page, "KEYS"));
    let mut rows = 0;
    for (title, bindings) in Keymap::default().help_sections() {
        let start = keys
            .find(&format!(".SS \"{title}\"\n"))
            .or_else(|| keys.find(&format!(".SS {title}\n")))
            .unwrap_or_else(|| panic!("KEYS has no subsection {title:?}"));
        let rest = &keys[start + 4..];
        let part = format!("{}\n", &rest[..rest.find("\n.SS ").unwrap_or(rest.len())]);
        for (key_names, label) in bindings {
            let tag = key_names.join(", ");
            assert!(
                part.contains(&format!("\n{tag}\n{label}\n")),
                "KEYS {title}: no {tag:?} -> {label:?} in\n{part}"
            );
            rows += 1;
        }
    }
    assert!(rows > 40, "the key table has only {rows} rows");
}

#[test]
fn files_and_environment_name_the_real_paths_and_variables() {
    let page = page();
    let files = plain(section(&page, "FILES"));
    for needle in [
        "$XDG_STATE_HOME/stackpick/",
        "STACKPICK_STATE_DIR",
        "$XDG_CONFIG_HOME/stackpick/config.ron",
        "STACKPICK_CONFIG_DIR",
    ] {
        assert!(files.contains(needle), "FILES lacks {needle}");
    }
    let environment = plain(section(&page, "ENVIRONMENT"));
    for var in env_vars_read_by_the_code() {
        assert!(
            environment.contains(&var),
            "ENVIRONMENT lacks {var}, which the code reads"
        );
    }
    // etcetera reads these to find the XDG directories.
    for var in ["XDG_STATE_HOME", "XDG_CONFIG_HOME", "HOME"] {
        assert!(environment.contains(var), "ENVIRONMENT lacks {var}");
    }
}

/// The names of the environment variables the source reads: literals on a line that reads one
/// (or the line before), and the `*_ENV` constants such lines name.
fn env_vars_read_by_the_code() -> BTreeSet<String> {
    let mut files = Vec::new();
    collect_rs(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    let sources: Vec<String> = files
        .iter()
        .map(|f| std::fs::read_to_string(f).expect("source"))
        .collect();
    let mut constants = std::collections::BTreeMap::new();
    for source in &sources {
        for line in source.lines() {
            if let Some((name, rest)) = line
                .trim()
                .strip_prefix("pub const ")
                .and_then(|l| l.split_once(": &str = \""))
                && name.ends_with("_ENV")
            {
                constants.insert(name.to_owned(), rest.trim_end_matches("\";").to_owned());
            }
        }
    }
    let mut vars = BTreeSet::new();
    for source in &sources {
        let lines: Vec<&str> = source.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            if !(line.contains("var_os") || line.contains("env::var(")) {
                continue;
            }
            for nearby in &lines[i.saturating_sub(2)..=i] {
                for literal in nearby.split('"').skip(1).step_by(2) {
                    if !literal.is_empty() && literal.chars().all(|c| c.is_ascii_uppercase() || c == '_') {
                        vars.insert(literal.to_owned());
                    }
                }
                for (name, value) in &constants {
                    if nearby.contains(name.as_str()) {
                        vars.insert(value.clone());
                    }
                }
            }
        }
    }
    for expected in [
        "NO_COLOR",
        "TERM",
        "STACKPICK_STATE_DIR",
        "STACKPICK_CONFIG_DIR",
        "USER",
    ] {
        assert!(vars.contains(expected), "the scan missed {expected}: {vars:?}");
    }
    vars
}

fn collect_rs(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            collect_rs(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn exit_status_gives_every_code_of_the_design() {
    let page = page();
    let exit = plain(section(&page, "EXIT STATUS"));
    for code in ["\n0\n", "\n1\n", "\n2\n", "\n128+n\n"] {
        assert!(exit.contains(code), "EXIT STATUS lacks {code:?}");
    }
}

#[test]
fn the_page_names_no_page_that_is_not_generated() {
    let page = plain(&page());
    assert!(!page.contains("SEE ALSO"));
    // A reference is NAME(SECTION): stackpick-check(1) and the like.
    for (i, _) in page.match_indices("(1)") {
        let before = &page[..i];
        let word = before
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or_default();
        assert!(
            word.is_empty() || word == "stackpick",
            "the page refers to {word}(1)"
        );
    }
}

#[test]
fn the_page_is_ascii_roff_that_groff_reads_without_a_warning() {
    let page = page();
    assert!(page.is_ascii(), "non-ASCII characters should be groff escapes");
    assert!(
        page.starts_with(".ie") || page.starts_with(".TH"),
        "{}",
        &page[..40]
    );
    let mut groff = Command::new("groff")
        // -P-cbou: plain text, no overstriking for bold or underline.
        .args(["-man", "-Tutf8", "-ww", "-rLL=200n", "-P-cbou"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("groff is installed (.ci/run installs groff-base)");
    std::io::Write::write_all(&mut groff.stdin.take().expect("stdin"), page.as_bytes()).expect("write");
    let output = groff.wait_with_output().expect("groff runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success() && stderr.is_empty(), "groff: {stderr}");
    // Typeset, the keys read as they are drawn in the app.
    let text = String::from_utf8_lossy(&output.stdout);
    let text = text.replace(['\u{2010}', '\u{2212}'], "-");
    assert!(text.contains("KEYS"), "{text}");
    assert!(text.contains("j, ↓"), "{text}");
    assert!(text.contains("stackpick export"), "{text}");
}

#[test]
fn usage_lines_bracket_every_optional_argument() {
    for (path, mut cmd) in commands() {
        let usage = cmd.render_usage().to_string();
        let usage = usage.trim_start_matches("Usage: ");
        // What is left outside brackets must be the command's path and its required arguments.
        let mut depth = 0;
        let bare: String = usage
            .chars()
            .filter(|&c| {
                match c {
                    '[' => depth += 1,
                    ']' => depth -= 1,
                    _ => return depth == 0,
                }
                false
            })
            .collect();
        let bare = bare.trim_start_matches(path.as_str()).replace("...", "");
        let bare: Vec<&str> = bare.split_whitespace().collect();
        let required: Vec<String> = cmd
            .get_arguments()
            .filter(|a| a.is_required_set())
            .map(|a| {
                format!(
                    "<{}>",
                    a.get_value_names().map_or(a.get_id().as_str(), |v| v[0].as_str())
                )
            })
            .collect();
        assert_eq!(
            bare, required,
            "{path}: usage {usage:?} shows {bare:?} as required"
        );
    }
    let (_, mut export) = commands()
        .into_iter()
        .find(|(path, _)| path == "stackpick export")
        .expect("export");
    assert_eq!(
        export.render_usage().to_string(),
        "Usage: stackpick export [OPTIONS]"
    );
}

#[test]
fn the_commands_page_names_every_option_of_every_command() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/commands.md"))
        .expect("docs/commands.md");
    for (path, cmd) in commands() {
        for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
            let Some(long) = arg.get_long() else { continue };
            if long == "help" || long == "version" {
                continue;
            }
            assert!(
                readme.contains(&format!("--{long}")),
                "docs/commands.md does not name {path} --{long}"
            );
            if let Some(short) = arg.get_short() {
                assert!(
                    readme.contains(&format!("-{short}")),
                    "docs/commands.md does not name {path} -{short}"
                );
            }
        }
    }
}
