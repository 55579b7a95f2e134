//! `stackpick completions SHELL` completes values, not only option names: the stage ids after
//! `--stage`, the question ids after `--yes`/`--no` (after a comma too), the formats after
//! `--format`, files after `--data`/`--session`/`-o`/`--template` and for `team`; and the ids
//! stay candidates, not a restriction. The scripts ask the program itself at each Tab, so the
//! tests run the shells' own functions with the binary on `PATH`.

use std::process::Command;

use assert_cmd::cargo::cargo_bin_cmd;
use stackpick::decision::Decision;

use crate::support::stackpick;

fn script(shell: &str) -> String {
    let output = cargo_bin_cmd!("stackpick")
        .args(["completions", shell])
        .output()
        .expect("runs");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).expect("UTF-8")
}

fn stage_ids() -> Vec<String> {
    Decision::embedded().stages.iter().map(|s| s.id.clone()).collect()
}

/// `PATH` with the binary's folder first, as after `cargo install`.
fn path_with_stackpick() -> String {
    let dir = stackpick().parent().expect("the binary's folder");
    format!("{}:{}", dir.display(), std::env::var("PATH").unwrap_or_default())
}

/// What bash's completion offers for the command line `words`, the last being the word under
/// the cursor: the script is sourced and its function called as bash's `complete` would.
fn bash_complete(words: &[&str]) -> Vec<String> {
    let script = script("bash");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("stackpick.bash");
    std::fs::write(&path, script).expect("write");
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let cword = words.len() - 1;
    let program = format!(
        "source '{}'; COMP_WORDS=({}); COMP_CWORD={cword}; _clap_complete_stackpick stackpick '{}' '{}'; \
         printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        path.display(),
        quoted.join(" "),
        words[cword],
        words[cword - 1],
    );
    let output = Command::new("bash")
        .args(["--norc", "-c", &program])
        .current_dir(dir.path())
        .env("PATH", path_with_stackpick())
        .output()
        .expect("bash runs");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::to_owned)
        .collect()
}

/// What the program answers a fish or zsh script for `words` (the last one under the
/// cursor): the values, each with its description after a tab (fish) or a colon (zsh).
fn asked_by(shell: &str, words: &[&str], dir: &std::path::Path) -> Vec<String> {
    let output = Command::new(stackpick())
        .env("STACKPICK_COMPLETE", shell)
        .env("_CLAP_COMPLETE_INDEX", (words.len() - 1).to_string())
        .env("_CLAP_IFS", "\n")
        .arg("--")
        .args(words)
        .current_dir(dir)
        .output()
        .expect("runs");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn bash_offers_the_stage_ids_after_stage() {
    for command in ["score", "export"] {
        assert_eq!(bash_complete(&["stackpick", command, "--stage", ""]), stage_ids());
    }
    assert_eq!(
        bash_complete(&["stackpick", "score", "--stage", "pre"]),
        ["pre-pmf"]
    );
}

#[test]
fn bash_offers_the_question_ids_after_yes_and_no() {
    let decision = Decision::embedded();
    let all = decision.question_ids();
    assert_eq!(bash_complete(&["stackpick", "score", "--yes", ""]), all);
    let django: Vec<String> = all
        .iter()
        .filter(|id| id.starts_with("django."))
        .cloned()
        .collect();
    assert!(!django.is_empty());
    assert_eq!(bash_complete(&["stackpick", "export", "--no", "django."]), django);
}

#[test]
fn bash_offers_the_formats_choices_and_files() {
    assert_eq!(
        bash_complete(&["stackpick", "export", "--format", ""]),
        ["md", "json", "ron", "svg", "html"]
    );
    let choices = bash_complete(&["stackpick", "score", "--choose", ""]);
    for word in ["django", "flask", "fastapi", "hybrid", "none", "checklist"] {
        assert!(
            choices.iter().any(|c| c == word),
            "--choose lacks {word}: {choices:?}"
        );
    }
    // Files: the temporary directory holds the script itself.
    for option in ["--data", "--session", "-o", "--template"] {
        assert_eq!(
            bash_complete(&["stackpick", "export", option, "stackpick."]),
            ["stackpick.bash"],
            "{option}"
        );
    }
}

#[test]
fn bash_completes_after_a_comma_and_offers_files_to_team() {
    let flask: Vec<String> = Decision::embedded()
        .question_ids()
        .into_iter()
        .filter(|id| id.starts_with("flask."))
        .map(|id| format!("django.admin-panel,{id}"))
        .collect();
    assert!(!flask.is_empty());
    assert_eq!(
        bash_complete(&["stackpick", "score", "--yes", "django.admin-panel,fl"]),
        flask
    );
    // The temporary directory holds the script itself: a file, offered first.
    let offered = bash_complete(&["stackpick", "team", ""]);
    assert_eq!(
        offered.first().map(String::as_str),
        Some("stackpick.bash"),
        "{offered:?}"
    );
    assert_eq!(bash_complete(&["stackpick", "team", "stack"]), ["stackpick.bash"]);
}

#[test]
fn zsh_and_fish_ask_the_program_and_get_the_ids_with_their_words() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("alice.ron"), "").expect("write");
    for (shell, separator) in [("fish", '\t'), ("zsh", ':')] {
        let registration = script(shell);
        assert!(
            registration.contains("STACKPICK_COMPLETE=") || registration.contains("STACKPICK_COMPLETE\""),
            "{shell}: {registration}"
        );
        let stages: Vec<String> = asked_by(shell, &["stackpick", "score", "--stage", ""], dir.path())
            .into_iter()
            .map(|line| line.split(separator).next().unwrap_or_default().to_owned())
            .collect();
        assert_eq!(stages, stage_ids(), "{shell}");
        let yes = asked_by(shell, &["stackpick", "export", "--yes", "django.adm"], dir.path());
        assert_eq!(yes.len(), 1, "{shell}: {yes:?}");
        assert!(
            yes[0].starts_with(&format!(
                "django.admin-panel{separator}Do you need an admin panel"
            )),
            "{shell}: the id and its question: {yes:?}"
        );
        let after_comma = asked_by(
            shell,
            &["stackpick", "score", "--no", "flask.rest-api,django.adm"],
            dir.path(),
        );
        assert!(
            after_comma[0].starts_with("flask.rest-api,django.admin-panel"),
            "{shell}: {after_comma:?}"
        );
        let team = asked_by(shell, &["stackpick", "team", "al"], dir.path());
        assert_eq!(team, ["alice.ron"], "{shell}");
    }
}

#[test]
fn nushell_and_the_other_shells_generate() {
    let nu = script("nushell");
    assert!(nu.contains("export extern \"stackpick export\""), "{nu}");
    assert!(
        nu.contains("--stage: string@\"nu-complete stackpick export stage\""),
        "{nu}"
    );
    let stage_candidates = &nu[nu
        .find("def \"nu-complete stackpick export stage\"")
        .expect("stage candidates")..];
    assert!(stage_candidates.contains(&format!("\"{}\"", stage_ids()[0])));
    assert!(nu.contains("--data: path"));
    for shell in ["elvish", "powershell"] {
        assert!(script(shell).contains("STACKPICK_COMPLETE"), "{shell}");
    }
}

#[test]
fn the_candidates_do_not_restrict_what_parses() {
    // A custom decision has ids the embedded one has not: they parse, and are checked
    // against the loaded decision.
    let dir = tempfile::tempdir().expect("tempdir");
    let mini = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/good/mini.ron"
    ))
    .expect("mini.ron")
    .replace("id: \"security\"", "id: \"audits\"")
    .replace("id: \"solo\"", "id: \"indie\"");
    let data = dir.path().join("custom.ron");
    std::fs::write(&data, mini).expect("write");
    let output = cargo_bin_cmd!("stackpick")
        .args([
            "score",
            "--json",
            "--yes",
            "django.audits",
            "--stage",
            "indie",
            "--choose",
            "django",
        ])
        .arg("--data")
        .arg(&data)
        .output()
        .expect("runs");
    assert!(output.status.success(), "{output:?}");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(report["stage"], "indie");
    // An id no decision has is refused by the loader, which names it, not by clap.
    let output = cargo_bin_cmd!("stackpick")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["score", "--yes", "no-such.question"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr.contains("no-such.question"), "{stderr}");
    assert!(!stderr.contains("invalid value"), "clap refused it: {stderr}");
    let help = cargo_bin_cmd!("stackpick")
        .args(["score", "--help"])
        .output()
        .expect("runs");
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(
        !help.contains("possible values"),
        "the ids would swamp --help:\n{help}"
    );
}

/// After `--note`, the shells offer the start of a note (`django.security=`), never a file.
#[test]
fn bash_offers_note_starts_not_files_after_note() {
    let offered = bash_complete(&["stackpick", "score", "--note", "django.se"]);
    assert_eq!(offered, ["django.security="]);
    let offered = bash_complete(&["stackpick", "score", "--note", "stackpick."]);
    assert!(offered.iter().all(String::is_empty), "no file name: {offered:?}");
}
