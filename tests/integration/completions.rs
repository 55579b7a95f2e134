//! `stackpick completions SHELL` completes values, not only option names: the stage ids after
//! `--stage`, the question ids after `--yes`/`--no`, the formats after `--format`, files after
//! `--data`/`--session`/`-o`/`--template`; and the ids stay candidates, not a restriction.

use std::process::Command;

use assert_cmd::cargo::cargo_bin_cmd;
use stackpick::decision::Decision;

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
        "source '{}'; COMP_WORDS=({}); COMP_CWORD={cword}; _stackpick stackpick '{}' '{}'; \
         printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        path.display(),
        quoted.join(" "),
        words[cword],
        words[cword - 1],
    );
    let output = Command::new("bash")
        .args(["--norc", "-c", &program])
        .current_dir(dir.path())
        .output()
        .expect("bash runs");
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
fn zsh_and_fish_scripts_carry_the_ids() {
    let zsh = script("zsh");
    let fish = script("fish");
    let stages = stage_ids();
    let question = "django.admin-panel";
    for id in &stages {
        assert!(zsh.contains(&format!("{id}\\:")), "zsh lacks stage {id}");
        assert!(fish.contains(&format!("{id}\\t")), "fish lacks stage {id}");
    }
    let zsh_stage = zsh
        .lines()
        .find(|l| l.starts_with("'--stage="))
        .expect("zsh --stage");
    assert!(zsh_stage.contains(&stages[0]), "{zsh_stage}");
    let zsh_yes = zsh
        .lines()
        .find(|l| l.starts_with("'*--yes="))
        .expect("zsh --yes");
    assert!(zsh_yes.contains(question), "{zsh_yes}");
    let fish_stage = fish
        .lines()
        .find(|l| l.contains("-l stage"))
        .expect("fish --stage");
    assert!(fish_stage.contains(&stages[0]), "{fish_stage}");
    let fish_yes = fish.lines().find(|l| l.contains("-l yes")).expect("fish --yes");
    assert!(fish_yes.contains(question), "{fish_yes}");
    for option in ["data", "session", "output", "template"] {
        let line = fish
            .lines()
            .find(|l| l.contains("subcommand export") && l.contains(&format!("-l {option} ")))
            .unwrap_or_else(|| panic!("fish --{option}"));
        assert!(
            line.ends_with("-r -F"),
            "fish --{option} does not complete files: {line}"
        );
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
        assert!(script(shell).contains("--stage"), "{shell}");
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
