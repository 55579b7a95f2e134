//! The real-terminal suite: the binary runs in tmux, keys go in with `send-keys`, and the screen
//! comes back with `capture-pane -p` (the harness is `tests/support/tmux.rs`).
//!
//! Every test has its own tmux server (`tmux -S` with a socket in its own temp dir), its own
//! state, config and working directories, and an 80×24 window. The app runs under a small shell
//! script that records the terminal settings before and after it (`stty -g`) and its exit code,
//! then keeps the pane open so the screen left behind can be read. We poll the screen until
//! what we expect appears (generously: a loaded machine only makes us wait longer); nothing
//! here asserts timing.
//!
//! tmux must be installed (`.ci/run` installs it); without it these tests fail and say so.

#![cfg(unix)]

#[path = "support/mod.rs"]
mod support;

#[path = "tmux/sizes.rs"]
mod sizes;

use std::path::Path;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use stackpick::decision::Decision;

use support::stackpick;
use support::tmux::{Launch, PATIENCE, PROMPT, SESSION, SETTLE, TAB_BAR, Tmux, path_str, sh_quote};

// ---------------------------------------------------------------------------------------------
// What the screens show
// ---------------------------------------------------------------------------------------------

/// Text that only its own tab shows, in tab order.
const TAB_MARKS: [&str; 5] = [
    "TL;DR",
    "The \"Batteries-Included\" Framework",
    "Detailed Comparison",
    "Questions · ",
    "One step away",
];

/// Waits for tab `index` (0-based): its mark shown and no other tab's.
fn wait_tab(tmux: &Tmux, index: usize) -> String {
    tmux.wait_screen(&format!("tab {} ({:?})", index + 1, TAB_MARKS[index]), |s| {
        s.contains(TAB_BAR)
            && TAB_MARKS
                .iter()
                .enumerate()
                .all(|(i, mark)| s.contains(mark) == (i == index))
    })
}

/// The ids of the first `n` questions, in the Checklist's order (Django's come first).
fn first_question_ids(n: usize) -> Vec<String> {
    let ids = Decision::embedded().question_ids();
    assert!(ids.len() >= n);
    assert!(
        ids[..n].iter().all(|id| id.starts_with("django.")),
        "the Checklist should open on Django's questions: {ids:?}"
    );
    ids[..n].to_vec()
}

/// The screen's line holding `text`.
fn line_with<'a>(screen: &'a str, text: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(text))
        .unwrap_or_else(|| panic!("no line holds {text:?}:\n{screen}"))
}

/// Ticks the first three questions (all Django's) on the Checklist, one at a time, watching
/// the gauge, the verdict and the diagram move.
fn tick_three_django(tmux: &Tmux) {
    tmux.keys(&["4"]);
    let screen = tmux.wait_for(&["Questions · 0 of 12 answered"]);
    assert!(screen.contains("Django 0/6 "), "{screen}");
    assert!(screen.contains("Verdict: Not decided yet"), "{screen}");
    assert!(screen.contains("○ Django Monolith"), "{screen}");

    tmux.keys(&["Space"]);
    tmux.wait_for(&["Questions · 1 of 12 answered", "Django 1/6 "]);
    tmux.keys(&["j", "Space"]);
    tmux.wait_for(&["Questions · 2 of 12 answered", "Django 2/6 "]);
    tmux.keys(&["j", "Space"]);
    let screen = tmux.wait_for(&[
        "Questions · 3 of 12 answered",
        "Django 3/6 ███┃░░      ✓ qualifies",
        "Verdict: Choose Django",
        "● Django Monolith",
    ]);
    assert!(!screen.contains("○ Django Monolith"), "{screen}");
    assert_eq!(screen.matches("[x]").count(), 3, "three boxes ticked:\n{screen}");
    // The gauge bar beside the Django score is filled now.
    let gauge = line_with(&screen, "Django 3/6");
    assert!(gauge.contains('█'), "Django's gauge is filled: {gauge:?}");
}

// ---------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------

/// The whole user flow: tabs, filter, ticks, help, resizes, quit.
#[test]
fn whole_user_flow_at_80x24() {
    let tmux = Tmux::start("flow", Launch::default());
    let screen = tmux.wait_first_frame();
    assert!(screen.contains("Flask vs Django for your startup"), "{screen}");
    assert_eq!(
        tmux.display("#{alternate_on}"),
        "1",
        "the app uses the alternate screen"
    );
    assert_eq!(tmux.display("#{pane_width}x#{pane_height}"), "80x24");
    assert_eq!(screen.lines().count(), 24, "the frame fills 24 lines:\n{screen}");

    // Every tab by number...
    for (index, key) in ["2", "3", "4", "5", "1"].iter().enumerate() {
        tmux.keys(&[key]);
        wait_tab(&tmux, (index + 1) % 5);
    }
    tmux.keys(&["5"]);
    let decision = wait_tab(&tmux, 4);
    assert!(decision.contains("Your Startup Stack"), "{decision}");
    // ...and by Tab, wrapping around, and back with Shift-Tab.
    for index in 0..5 {
        tmux.keys(&["Tab"]);
        wait_tab(&tmux, index);
    }
    tmux.keys(&["BTab"]);
    wait_tab(&tmux, 3);
    tmux.keys(&["BTab"]);
    wait_tab(&tmux, 2);

    // At 80 columns the Strengths tab pages through the frameworks: FastAPI is not beside them.
    tmux.keys(&["2"]);
    let strengths = wait_tab(&tmux, 1);
    assert!(!strengths.contains("┌ FastAPI"), "{strengths}");

    // Filter the comparison down to the Authentication row, keep it, then clear it.
    let aspects: Vec<String> = Decision::embedded()
        .comparison
        .iter()
        .map(|a| a.name.to_string())
        .collect();
    let total = aspects.len();
    tmux.keys(&["3"]);
    tmux.wait_for(&[&format!("Detailed Comparison ({total} aspects)"), "Philosophy"]);
    tmux.keys(&["/"]);
    tmux.wait_for(&["Enter keep search", "Esc clear search"]);
    tmux.type_text("auth");
    tmux.wait_for(&[&format!("1 of {total} match “auth”")]);
    tmux.keys(&["Enter"]);
    let filtered = tmux.wait_screen("the filter kept", |s| {
        // The prompt is gone; the footer offers the filter's keys.
        !s.contains("Enter keep search")
            && s.contains("Esc clear search")
            && s.contains(&format!("1 of {total} match"))
    });
    assert!(line_with(&filtered, "▶ Authentication").contains("Built-in"));
    for name in aspects.iter().filter(|n| *n != "Authentication") {
        let first_word = name.split_whitespace().next().unwrap_or(name);
        assert!(
            !filtered.contains(first_word),
            "the filter should hide {name:?}:\n{filtered}"
        );
    }
    tmux.keys(&["Escape"]);
    tmux.wait_for(&[&format!("Detailed Comparison ({total} aspects)"), "Philosophy"]);

    // Tick three Django questions: the gauge, the verdict and the diagram follow each tick.
    tick_three_django(&tmux);

    // The help overlay opens and closes.
    tmux.keys(&["?"]);
    let help = tmux.wait_for(&["Keys — Esc closes", "Esc close help"]);
    // The keys the 80-column footer leaves out (next tab, quit…) are in the help.
    assert!(
        help.contains("next tab") && help.contains("start over") && help.contains("search the tab"),
        "{help}"
    );
    tmux.keys(&["Escape"]);
    tmux.wait_screen("the help closed", |s| {
        !s.contains("Keys — Esc closes") && s.contains("Questions · 3 of 12 answered")
    });

    // Wider: the three Strengths columns side by side, the frame filling 120×40.
    tmux.tmux(&["resize-window", "-t", SESSION, "-x", "120", "-y", "40"]);
    tmux.keys(&["2"]);
    let wide = tmux.wait_screen("three columns at 120×40", |s| {
        s.lines()
            .any(|l| l.contains("┌ Django") && l.contains("┌ Flask") && l.contains("┌ FastAPI"))
    });
    let lines: Vec<&str> = wide.lines().collect();
    assert_eq!(lines.len(), 40, "{wide}");
    assert!(
        lines[39].contains("q quit"),
        "the footer is on the last line:\n{wide}"
    );
    assert_eq!(
        lines[38].chars().count(),
        120,
        "the panes span 120 columns:\n{wide}"
    );
    assert!(lines[38].ends_with('┘'), "{wide}");

    // Too small, then back to the design size.
    tmux.tmux(&["resize-window", "-t", SESSION, "-x", "30", "-y", "10"]);
    let small = tmux.wait_for(&["terminal too small", "have 30×10"]);
    assert!(small.contains("50×14"), "the minimum is named:\n{small}");
    assert!(!small.contains("Overview"), "{small}");
    tmux.tmux(&["resize-window", "-t", SESSION, "-x", "80", "-y", "24"]);
    let back = wait_tab(&tmux, 1);
    assert!(back.contains("Django (1/3)"), "{back}");
    assert!(!back.contains("┌ FastAPI"), "{back}");
    assert!(!back.contains("terminal too small"), "{back}");

    // The ticks survived all that.
    tmux.keys(&["4"]);
    tmux.wait_for(&[
        "Questions · 3 of 12 answered",
        "Django 3/6 ███┃░░      ✓ qualifies",
    ]);

    // Quit: exit 0 and the terminal as it was.
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_exit(1), 0, "q quits with exit 0");
    tmux.assert_restored(1);
}

/// Export through the dialog, the overwrite question, JSON equal to `score --json`.
#[test]
fn export_dialog_writes_confirms_overwrites_and_reports() {
    let tmux = Tmux::start("export", Launch::default());
    tmux.wait_first_frame();
    tick_three_django(&tmux);
    let ids = first_question_ids(3);
    let markdown = tmux.work().join("decision.md");

    // e, Enter: decision.md in the working directory.
    tmux.keys(&["e"]);
    tmux.wait_for(&["Export the decision", "Format: [md]", "Path:     decision.md"]);
    tmux.keys(&["Enter"]);
    tmux.wait_screen("the export written", |s| {
        s.contains("Wrote decision.md") && !s.contains("Export the decision")
    });
    let first = tmux.wait_file(&markdown, "a decision record", |t| !t.is_empty());
    assert!(first.contains("## Decision Outcome"), "{first}");
    assert!(first.contains("Chosen option: \"Django\""), "{first}");
    let mermaid = first
        .split("```mermaid")
        .nth(1)
        .expect("a ```mermaid block")
        .split("```")
        .next()
        .expect("the block closes");
    assert!(
        mermaid.trim_start().starts_with("flowchart"),
        "the Mermaid block is a flowchart: {mermaid}"
    );
    let names: Vec<String> = std::fs::read_dir(tmux.work())
        .expect("list the working dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["decision.md"], "no temporary file is left behind");

    // Export again: the app asks; `n` keeps the file as it is.
    let mine = "my own notes, not to be lost\n";
    std::fs::write(&markdown, mine).expect("edit decision.md");
    tmux.keys(&["e"]);
    tmux.wait_for(&["Export the decision", "Path:     decision.md"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["decision.md already exists", "Overwrite it?", "y overwrite"]);
    // Enter is no yes to a question that destroys: it goes back to the dialog.
    tmux.keys(&["Enter"]);
    tmux.wait_screen("Enter withdrawing the question", |s| {
        !s.contains("Overwrite it?") && s.contains("Path:     decision.md")
    });
    assert_eq!(
        std::fs::read_to_string(&markdown).expect("decision.md"),
        mine,
        "Enter must leave the file untouched"
    );
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["Overwrite it?"]);
    tmux.keys(&["n"]);
    tmux.wait_screen("the question withdrawn", |s| {
        !s.contains("Overwrite it?") && s.contains("Path:     decision.md")
    });
    assert_eq!(
        std::fs::read_to_string(&markdown).expect("decision.md"),
        mine,
        "`n` must leave the file untouched"
    );

    // Asked again, `y` replaces it.
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["Overwrite it?"]);
    tmux.keys(&["y"]);
    tmux.wait_screen("the dialog closed", |s| !s.contains("Export the decision"));
    let replaced = tmux.wait_file(&markdown, "the new record", |t| t != mine);
    assert!(replaced.contains("## Decision Outcome"), "{replaced}");

    // JSON: Tab switches the format and the default path follows.
    tmux.keys(&["e"]);
    tmux.wait_for(&["Format: [md]"]);
    tmux.keys(&["Tab"]);
    tmux.wait_for(&["[json]", "Path:     decision.json"]);
    tmux.keys(&["Enter"]);
    tmux.wait_screen("the JSON written", |s| {
        s.contains("Wrote decision.json") && !s.contains("Export the decision")
    });
    let json_path = tmux.work().join("decision.json");
    let written = tmux.wait_file(&json_path, "JSON", |t| !t.is_empty());
    let written: serde_json::Value = serde_json::from_str(&written).expect("decision.json parses");
    let score = Command::new(stackpick())
        .args(["export", "--format", "json", "-o", "-", "--yes", &ids.join(",")])
        .env("STACKPICK_STATE_DIR", tmux.state())
        .env("STACKPICK_CONFIG_DIR", tmux.dir.path().join("config"))
        .stdin(Stdio::null())
        .output()
        .expect("run stackpick score");
    assert!(score.status.success(), "export --format json: {score:?}");
    let expected: serde_json::Value = serde_json::from_slice(&score.stdout).expect("export parses");
    // The same deciders by default ($USER) and the same report as `score --json`.
    assert_eq!(
        written, expected,
        "the exported JSON equals `export --format json`"
    );
    assert_eq!(written["answers"], serde_json::json!(ids));
    assert_eq!(written["verdict"]["kind"], "single");
    assert_eq!(written["verdict"]["options"], serde_json::json!(["django"]));

    // After quitting, the normal screen lists what was written.
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_exit(1), 0);
    tmux.assert_restored(1);
    let screen = tmux.settled_screen();
    assert!(screen.contains("stackpick: wrote decision.md"), "{screen}");
    assert!(screen.contains("stackpick: wrote decision.json"), "{screen}");
}

/// Answers autosave and come back on the next start.
#[test]
fn answers_survive_a_restart() {
    let tmux = Tmux::start(
        "restart",
        Launch {
            runs: 2,
            ..Launch::default()
        },
    );
    let screen = tmux.wait_first_frame();
    assert!(!screen.contains("Restored your saved answers"), "{screen}");
    tmux.keys(&["4"]);
    tmux.wait_for(&["Questions · 0 of 12 answered"]);
    tmux.keys(&["Space", "j", "Space"]);
    tmux.wait_for(&["Questions · 2 of 12 answered", "Django 2/6 "]);
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_exit(1), 0);
    let saved = tmux.state().join("stackpick").join("web-frameworks.ron");
    let saved = std::fs::read_to_string(&saved).expect("answers saved in $XDG_STATE_HOME/stackpick/");
    assert!(
        saved.contains("django.admin-panel") && saved.contains("django.permissions"),
        "{saved}"
    );

    // The second run, same state directory.
    tmux.wait_for(&[TAB_BAR, "TL;DR", "Restored your saved answers"]);
    tmux.keys(&["4"]);
    let screen = tmux.wait_for(&["Questions · 2 of 12 answered", "Django 2/6 "]);
    assert_eq!(screen.matches("[x]").count(), 2, "{screen}");
    assert!(line_with(&screen, "admin panel").contains("[x]"), "{screen}");
    assert!(line_with(&screen, "user accounts").contains("[x]"), "{screen}");
    assert!(line_with(&screen, "content-heavy").contains("[ ]"), "{screen}");
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_exit(2), 0);
    tmux.assert_restored(2);
}

/// Two instances on one state directory keep each other's answers, and the one
/// that merges shows the other's answer and says so.
#[test]
fn two_instances_merge_their_answers() {
    let first = Tmux::start("merge-a", Launch::default());
    let shared = first.state();
    let second = Tmux::start(
        "merge-b",
        Launch {
            state_home: Some(&shared),
            ..Launch::default()
        },
    );
    for tmux in [&first, &second] {
        tmux.wait_first_frame();
        tmux.keys(&["4"]);
        tmux.wait_for(&["Questions · 0 of 12 answered"]);
    }
    let saved = shared.join("stackpick").join("web-frameworks.ron");
    first.keys(&["Space"]);
    first.wait_for(&["Questions · 1 of 12 answered"]);
    first.wait_file(&saved, "the first answer", |t| t.contains("django.admin-panel"));

    second.keys(&["j", "Space"]);
    let screen = second.wait_for(&[
        "Questions · 2 of 12 answered",
        "Merged answers saved by another stackpick: 1 question",
    ]);
    assert!(line_with(&screen, "admin panel").contains("[x]"), "{screen}");
    assert!(line_with(&screen, "user accounts").contains("[x]"), "{screen}");
    second.wait_file(&saved, "both answers", |t| {
        t.contains("django.admin-panel") && t.contains("django.permissions")
    });
    for tmux in [&first, &second] {
        tmux.keys(&["q"]);
        assert_eq!(tmux.wait_exit(1), 0);
    }
    let text = std::fs::read_to_string(&saved).unwrap();
    assert!(
        text.contains("django.admin-panel") && text.contains("django.permissions"),
        "{text}"
    );
}

/// Ctrl-C quits cleanly; Esc on the Overview does not quit.
#[test]
fn ctrl_c_quits_cleanly_and_esc_does_not_quit() {
    let tmux = Tmux::start("ctrlc", Launch::default());
    tmux.wait_first_frame();
    tmux.keys(&["Escape"]);
    thread::sleep(SETTLE);
    assert!(!tmux.exited(1), "Esc must not quit:\n{}", tmux.screen());
    // Still running and answering keys.
    tmux.keys(&["2"]);
    wait_tab(&tmux, 1);
    tmux.keys(&["1"]);
    wait_tab(&tmux, 0);
    assert!(!tmux.exited(1));
    assert_eq!(tmux.display("#{alternate_on}"), "1");

    tmux.keys(&["C-c"]);
    assert_eq!(tmux.wait_exit(1), 0, "Ctrl-C quits with exit 0");
    tmux.assert_restored(1);
}

/// Not a terminal: one plain line, exit 2, no escape codes, the terminal untouched.
#[test]
fn without_a_terminal_one_line_and_exit_2() {
    let binary = stackpick();
    let check = |what: &str, output: std::process::Output| {
        assert_eq!(output.status.code(), Some(2), "{what}: exit 2, {output:?}");
        let mut all = output.stdout.clone();
        all.extend_from_slice(&output.stderr);
        let text = String::from_utf8_lossy(&all);
        assert!(!all.contains(&0x1b), "{what}: no escape codes: {text:?}");
        assert_eq!(text.lines().count(), 1, "{what}: one line: {text:?}");
        assert!(text.ends_with('\n'), "{what}: {text:?}");
        assert!(
            text.contains("score") && text.contains("export"),
            "{what}: points at score / export: {text:?}"
        );
    };
    let dirs = tempfile::tempdir().expect("temp dir");
    let run = |stdin: Stdio| {
        Command::new(binary)
            .current_dir(dirs.path())
            .env("STACKPICK_STATE_DIR", dirs.path())
            .env("STACKPICK_CONFIG_DIR", dirs.path())
            .stdin(stdin)
            .output()
            .expect("run stackpick")
    };
    check("stdin /dev/null", run(Stdio::null()));
    check("stdin a pipe", run(Stdio::piped()));
    assert_eq!(
        std::fs::read_dir(dirs.path()).expect("dir").count(),
        0,
        "nothing is written"
    );

    // In a terminal, with stdout redirected to a file: still not the TUI.
    let tmux = Tmux::start(
        "notty",
        Launch {
            redirect: ">out.txt 2>err.txt",
            ..Launch::default()
        },
    );
    assert_eq!(tmux.wait_exit(1), 2, "stdout not a terminal: exit 2");
    let read = |name: &str| std::fs::read(tmux.work().join(name)).expect("output file");
    let (stdout, stderr) = (read("out.txt"), read("err.txt"));
    assert!(stdout.is_empty(), "nothing on stdout: {stdout:?}");
    let text = String::from_utf8_lossy(&stderr);
    assert!(!stderr.contains(&0x1b), "no escape codes: {text:?}");
    assert_eq!(text.lines().count(), 1, "one line: {text:?}");
    tmux.assert_restored(1);
}

// ---------------------------------------------------------------------------------------------
// Signals
// ---------------------------------------------------------------------------------------------

/// Ticks a question, sends the app `signal`, and checks the exit code, the terminal and that
/// the tick was saved.
fn killed_by(name: &str, signal: &str, code: i32) {
    let tmux = Tmux::start(name, Launch::default());
    tmux.wait_first_frame();
    tmux.keys(&["4", "Space"]);
    tmux.wait_for(&["Questions · 1 of 12 answered"]);
    tmux.signal(1, signal);
    assert_eq!(tmux.wait_exit(1), code, "SIG{signal}: exit 128+n");
    tmux.assert_restored(1);
    let saved = tmux.state().join("stackpick").join("web-frameworks.ron");
    let text = std::fs::read_to_string(&saved).expect("the answers were saved");
    assert!(text.contains(&first_question_ids(1)[0]), "{text}");
}

#[test]
fn sigterm_restores_the_terminal_and_exits_143() {
    killed_by("sigterm", "TERM", 143);
}

#[test]
fn sighup_restores_the_terminal_and_exits_129() {
    killed_by("sighup", "HUP", 129);
}

#[test]
fn sigint_restores_the_terminal_and_exits_130() {
    killed_by("sigint", "INT", 130);
}

/// SIGTSTP: the app gives the terminal back before it stops; SIGCONT brings it back whole.
#[test]
fn sigtstp_stops_with_the_terminal_restored_and_sigcont_redraws_everything() {
    let tmux = Tmux::start("sigtstp", Launch::default());
    tmux.wait_first_frame();
    tmux.keys(&["2"]);
    wait_tab(&tmux, 1);
    tmux.signal(1, "TSTP");
    // Stopped for real: the process is in state T.
    let pid = tmux.pid(1);
    let deadline = Instant::now() + PATIENCE;
    loop {
        let ps = Command::new("ps")
            .args(["-o", "stat=", "-p", &pid])
            .output()
            .expect("run ps");
        if String::from_utf8_lossy(&ps.stdout).trim_start().starts_with('T') {
            break;
        }
        assert!(Instant::now() < deadline, "the app did not stop on SIGTSTP");
        thread::sleep(Duration::from_millis(50));
    }
    assert!(!tmux.exited(1), "stopped, not ended");
    // The shell's screen and the shell's terminal settings while it is stopped.
    tmux.wait_screen("the normal screen while stopped", |s| {
        !s.contains(TAB_BAR) && s.contains("before stackpick run 1")
    });
    assert_eq!(tmux.display("#{alternate_on}"), "0", "alternate screen left");
    assert_eq!(
        tmux.display("#{mouse_any_flag}#{mouse_button_flag}#{mouse_all_flag}#{mouse_sgr_flag}"),
        "0000",
        "mouse reporting off while stopped"
    );
    assert_eq!(tmux.display("#{cursor_flag}"), "1", "cursor shown while stopped");
    let before = std::fs::read_to_string(tmux.dir.path().join("stty-before-1")).expect("stty");
    assert_eq!(tmux.stty_now(), before, "not raw while stopped");

    // Continued: the whole screen is drawn again, on the tab it was on, and keys act.
    tmux.signal(1, "CONT");
    wait_tab(&tmux, 1);
    assert_eq!(tmux.display("#{alternate_on}"), "1");
    assert_ne!(tmux.stty_now(), before, "raw again");
    tmux.keys(&["3"]);
    wait_tab(&tmux, 2);
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_exit(1), 0);
    tmux.assert_restored(1);
}

/// A word typed into the help filters it, whatever its letters: `quit` neither closes the
/// help nor reaches the app (its `u` would undo); Esc clears, then closes.
#[test]
fn typing_quit_into_the_help_filters_it_and_acts_on_nothing() {
    let tmux = Tmux::start("help-quit", Launch::default());
    tmux.wait_first_frame();
    tmux.keys(&["4", "y"]);
    tmux.wait_for(&["Questions · 1 of 12 answered"]);
    tmux.keys(&["?"]);
    tmux.wait_for(&["/ filter (or type any letter)"]);
    tmux.type_text("quit");
    let screen = tmux.wait_for(&["/quit"]);
    assert!(!screen.contains("Undid"), "{screen}");
    tmux.keys(&["Escape", "Escape"]);
    tmux.wait_for(&["Questions · 1 of 12 answered"]);
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_exit(1), 0);
}

/// `FastAPI` chosen at 80×24: the Decision tab and its diagram agree (`FastAPI` is not in the
/// article's diagram, so nothing is lit, and it says so); the export dialog writes the
/// record into a decisions folder as its next numbered file, named for the outcome, and
/// that file is exactly what `Ctrl-Y` copied.
#[test]
fn fastapi_chosen_is_numbered_into_a_decisions_folder_as_ctrl_y_copies_it() {
    let tmux = Tmux::start("decisions-folder", Launch::default());
    // tmux keeps what an application copies with OSC 52 in its paste buffer.
    tmux.tmux(&["set-option", "-s", "set-clipboard", "on"]);
    tmux.wait_first_frame();
    tmux.keys(&["4", "l"]);
    tmux.wait_for(&["▶ [ ] Are you building primarily a REST"]);
    tmux.keys(&["y"]);
    tmux.wait_for(&["Questions · 1 of 12 answered"]);
    tmux.keys(&["c"]);
    tmux.wait_for(&["Your decision", "Follow the checklist"]);
    tmux.keys(&["j", "j", "j", "Enter"]);
    tmux.wait_for(&["Why FastAPI?"]);
    tmux.type_text("async model serving");
    tmux.keys(&["Enter", "5"]);
    let screen = tmux.wait_for(&[
        "FastAPI — your choice",
        "Diagram: FastAPI (your choice) is not",
        "in this diagram: no layer is lit.",
    ]);
    assert!(!screen.contains('●'), "no layer is lit for FastAPI:\n{screen}");
    assert!(screen.contains("○ Django Monolith"), "{screen}");

    tmux.keys(&["e"]);
    tmux.wait_for(&["Export the decision", "Path:     decision.md"]);
    tmux.keys(&["C-u"]);
    tmux.type_text("docs/decisions/");
    tmux.wait_for(&["NNNN-use-fastapi.md"]);
    tmux.keys(&["C-y"]);
    tmux.wait_for(&["Copied the Markdown record"]);
    let copied = tmux.tmux(&["show-buffer"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["Create directory"]);
    tmux.keys(&["y"]);
    tmux.wait_for(&["0001-use-fastapi.md is the next record in", "Write it? (y/n)"]);
    tmux.keys(&["y"]);
    tmux.wait_for(&["Wrote docs/decisions/0001-use-fastapi.md"]);
    let file = tmux.work().join("docs/decisions/0001-use-fastapi.md");
    let written = tmux.wait_file(&file, "the numbered record", |t| !t.is_empty());
    assert!(written.contains("\n# Use FastAPI\n"), "{written}");
    assert!(
        written.contains("Chosen option: \"FastAPI\", by our own choice."),
        "{written}"
    );
    assert_eq!(copied, written, "Ctrl-Y copied what Enter wrote");
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_exit(1), 0);
}

/// A newcomer at 80×24: the whole diagram before any answer; a REST API brings the
/// article's "also consider" callout; the API-first stage gives alternatives, not a hybrid;
/// yes and no answers, a note and the user's own choice with a reason all reach the Markdown
/// record; on exit the app says where the answers are.
#[test]
fn a_newcomer_answers_notes_chooses_and_exports() {
    let tmux = Tmux::start("newcomer", Launch::default());
    tmux.wait_first_frame();
    tmux.keys(&["4"]);
    tmux.wait_for(&[
        "Questions · 0 of 12 answered",
        "○ Django Monolith",
        "Core business logic",
        "Main database",
        "○ Flask Microservices",
        "Third-party integrations",
        "○ Shared: JWT/OpenID Connect auth",
        "Verdict: Not decided yet",
    ]);

    // "Are you building primarily a REST API?" is Flask's first question.
    tmux.keys(&["l"]);
    tmux.wait_for(&["▶ [ ] Are you building primarily a REST"]);
    tmux.keys(&["y"]);
    tmux.wait_for(&[
        "Questions · 1 of 12 answered",
        "Also consider FastAPI",
        "FastAPI for async performance.",
    ]);

    // The API-first stage: its picks are alternatives.
    tmux.keys(&["s"]);
    tmux.wait_for(&["Where are you now?"]);
    tmux.keys(&["j", "j", "j", "Enter"]);
    let screen = tmux.wait_for(&["Verdict: Stage advice: Flask or", "Stage: API-first product"]);
    assert!(!screen.contains("Hybrid"), "{screen}");

    // A no (the y moved to this question), then a note on it.
    tmux.keys(&["n"]);
    tmux.wait_for(&[
        "[-] Do you want to pick your own tools",
        "Questions · 2 of 12 answered",
    ]);
    tmux.keys(&["k", "a"]);
    tmux.wait_for(&["Note on this question"]);
    tmux.type_text("our platform team picks them");
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["✎ our platform team picks them"]);

    // The user's decision: FastAPI, with a reason.
    tmux.keys(&["c"]);
    tmux.wait_for(&["Your decision", "Follow the checklist", "Not decided"]);
    tmux.keys(&["j", "j", "j", "Enter"]);
    tmux.wait_for(&["Why FastAPI?"]);
    tmux.type_text("async model serving for the ML team");
    tmux.keys(&["Enter"]);
    tmux.keys(&["5"]);
    let screen = tmux.wait_for(&[
        "Checklist verdict: Stage advice",
        "FastAPI — your choice",
        "Why: Async model",
    ]);
    // No hybrid is decided or lit (the pane's title is the article's "The Hybrid Approach").
    assert!(!screen.contains("Django + Flask"), "{screen}");

    // Export the Markdown record.
    tmux.keys(&["e"]);
    tmux.wait_for(&["Export the decision", "Path:     decision.md"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["Wrote decision.md"]);
    let record = tmux.wait_file(&tmux.work().join("decision.md"), "the record", |t| !t.is_empty());
    for text in [
        "# Use FastAPI\n",
        "* Are you building primarily a REST API? **Yes.**",
        "* Do you want to pick your own tools for everything? **No.** Our platform team picks them.",
        "Chosen option: \"FastAPI\", by our own choice.",
        "> Async model serving for the ML team.",
        "Flask or FastAPI",
        "Flask for simplicity, FastAPI for async performance.",
    ] {
        assert!(record.contains(text), "{text:?} not in the record:\n{record}");
    }

    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_exit(1), 0);
    tmux.assert_restored(1);
    let screen = tmux.settled_screen().replace('\n', "");
    assert!(
        screen.contains("stackpick: answers saved in")
            // decision.md was written from the app: the hint names a free file, so that it
            // works as printed.
            && screen.contains("stackpick export --saved -o decision-2.md"),
        "{screen}"
    );
}

// ---------------------------------------------------------------------------------------------
// Ctrl-Z in a shell
// ---------------------------------------------------------------------------------------------

/// Started without a job-control shell (here by a script, as a tmux key binding or a
/// launcher would), Ctrl-Z does not stop the app, which nothing could resume: the status
/// line says why, and the app goes on.
#[test]
fn ctrl_z_without_a_job_control_shell_does_not_stop_and_says_why() {
    let tmux = Tmux::start("ctrl-z-orphan", Launch::default());
    tmux.wait_first_frame();
    tmux.keys(&["C-z"]);
    tmux.wait_for(&["Not suspended: no job-control shell"]);
    assert_eq!(tmux.display("#{alternate_on}"), "1", "still the app's screen");
    tmux.keys(&["2"]);
    wait_tab(&tmux, 1);
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_exit(1), 0);
    tmux.assert_restored(1);
}

/// Ctrl-Z gives the shell back its prompt and its terminal settings, the app listed as a
/// stopped job; `fg` brings the app back with every cell of its frame drawn again.
#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_redraws_the_whole_frame() {
    let tmux = Tmux::shell("ctrl-z");
    let dir = path_str(tmux.dir.path());
    let file = |name: &str| sh_quote(&format!("{dir}/{name}"));
    tmux.run(&format!(
        "stty -g > {}; {}",
        file("stty-before"),
        sh_quote(&path_str(stackpick()))
    ));
    tmux.wait_first_frame();
    tmux.keys(&["2"]);
    let frame = wait_tab(&tmux, 1);

    tmux.keys(&["C-z"]);
    tmux.wait_screen("the shell's prompt after Ctrl-Z", |s| {
        !s.contains(TAB_BAR) && s.contains("Stopped") && s.trim_end().ends_with(PROMPT)
    });
    assert_eq!(tmux.display("#{alternate_on}"), "0", "alternate screen left");
    assert_eq!(tmux.display("#{cursor_flag}"), "1", "cursor shown");
    tmux.run(&format!(
        "stty -g > {}; jobs > {}",
        file("stty-stopped"),
        file("jobs")
    ));
    let jobs = tmux.wait_file(&tmux.dir.path().join("jobs"), "the jobs", |t| !t.is_empty());
    assert!(jobs.contains("Stopped") && jobs.contains("stackpick"), "{jobs}");
    let read = |name: &str| std::fs::read_to_string(tmux.dir.path().join(name)).expect("stty output");
    assert_eq!(
        read("stty-stopped"),
        read("stty-before"),
        "the terminal is in the shell's (cooked) mode while the app is stopped"
    );

    // Back: the same frame, every cell of it, on the tab it was on; keys act.
    tmux.run("fg");
    tmux.wait_screen("the whole frame again after fg", |s| s == frame);
    assert_eq!(tmux.display("#{alternate_on}"), "1");
    tmux.keys(&["3"]);
    wait_tab(&tmux, 2);
    tmux.keys(&["q"]);
    tmux.wait_screen("the prompt after quitting", |s| {
        !s.contains(TAB_BAR) && s.trim_end().ends_with(PROMPT)
    });
    tmux.run(&format!("echo \"exit=$?\"; stty -g > {}", file("stty-after")));
    tmux.wait_for(&["exit=0"]);
    tmux.wait_file(&tmux.dir.path().join("stty-after"), "the settings", |t| {
        !t.is_empty()
    });
    assert_eq!(
        read("stty-after"),
        read("stty-before"),
        "restored exactly on exit"
    );
}

/// The export dialog on the real binary: the path follows the format, the full
/// path is shown, JSON into a `.md` file asks first, and a missing directory is created after
/// asking (and not before).
#[test]
fn export_dialog_follows_the_format_and_creates_a_directory_after_asking() {
    let tmux = Tmux::start("export-dir", Launch::default());
    tmux.wait_first_frame();
    let work = tmux.work();
    let full = |name: &str| path_str(&work.join(name));
    tmux.keys(&["e"]);
    tmux.wait_for(&[
        "Path:     decision.md",
        &format!("Writes to {}", full("decision.md")),
    ]);
    // Edit in the middle: the cursor moves with ←, the format stays.
    tmux.keys(&["Left", "Left", "Left", "C-w"]);
    tmux.type_text("out/deep/x");
    tmux.wait_for(&["Path:     out/deep/x.md", "Format: [md]"]);
    tmux.keys(&["Tab"]);
    tmux.wait_for(&["Path:     out/deep/x.json", "Format:  md  [json]"]);

    // JSON into a file named .md: asked, and `n` writes nothing.
    tmux.keys(&["End", "BSpace", "BSpace", "BSpace", "BSpace"]);
    tmux.type_text("md");
    tmux.keys(&["Enter"]);
    tmux.wait_for(&[
        "The path ends in .md, but the format is json.",
        "Write json to it anyway?",
    ]);
    tmux.keys(&["y"]);
    let dir = full("out/deep");
    tmux.wait_for(&["The file's directory does not exist."]);
    tmux.wait_screen("the create-directory question", |s| {
        s.lines()
            .any(|l| l.contains("Create directory") && l.contains("out/deep? (y/n)"))
    });
    tmux.keys(&["n"]);
    tmux.wait_screen("the question withdrawn", |s| {
        !s.contains("Create directory") && s.contains("Path:     out/deep/x.md")
    });
    assert!(!work.join("out").exists(), "nothing created on no: {dir}");

    tmux.keys(&["Enter"]);
    tmux.wait_for(&["Write json to it anyway?"]);
    tmux.keys(&["y"]);
    tmux.wait_for(&["Create directory"]);
    tmux.keys(&["y"]);
    tmux.wait_screen("the export written", |s| s.contains("Wrote out/deep/x.md"));
    let written = tmux.wait_file(&work.join("out/deep/x.md"), "the JSON report", |t| !t.is_empty());
    assert!(
        written.trim_start().starts_with('{'),
        "JSON, as chosen: {written}"
    );
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_exit(1), 0);
}

/// Search on the real binary: `/` finds text on the Overview with the terminal's
/// cursor in the prompt, Enter scrolls to the match and marks it with an attribute the terminal
/// draws (not only a colour); on the Checklist `/` filters, `n` steps through the matches
/// while the filter is in force and answers no once Esc has cleared it.
#[test]
fn search_finds_text_filters_questions_and_steps_with_n() {
    let tmux = Tmux::start("search", Launch::default());
    tmux.wait_first_frame();
    tmux.keys(&["/"]);
    tmux.type_text("recommendation");
    tmux.wait_for(&["/recommendation  1 match"]);
    assert_eq!(
        tmux.display("#{cursor_x},#{cursor_y}"),
        "15,22",
        "the terminal's cursor stands after the typed text"
    );
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["My Recommendation for You", "/recommendation  match 1 of 1"]);
    let styled = tmux.tmux(&["capture-pane", "-p", "-e", "-t", SESSION]);
    // The heading is one run of text; the match is cut out of it by attributes of its own.
    let line = line_with(&styled, "Recommendation");
    let at = line.find("Recommendation").expect("on the line");
    let (before, after) = (&line[..at], &line[at + "Recommendation".len()..]);
    assert!(
        before.ends_with('m') && before.contains("\u{1b}[") && after.starts_with("\u{1b}["),
        "the match is drawn with attributes of its own: {line:?}"
    );
    tmux.keys(&["Escape"]);
    thread::sleep(SETTLE);
    tmux.wait_screen("the prompt to go", |s| !s.contains("/recommendation"));

    tmux.keys(&["4", "/"]);
    tmux.type_text("build");
    tmux.wait_for(&[
        "/build  3 of 12 questions",
        "▶ [ ] Are you building a content-heavy",
    ]);
    tmux.keys(&["Enter", "n"]);
    let screen = tmux.wait_for(&["▶ [ ] Are you building primarily a REST", "match 2 of 3"]);
    assert!(
        !screen.contains("[-]"),
        "n steps while searching, it does not answer:\n{screen}"
    );
    tmux.keys(&["Escape"]);
    thread::sleep(SETTLE);
    tmux.wait_for(&[
        "Questions · 0 of 12 answered",
        "▶ [ ] Are you building primarily a REST",
    ]);
    // Without a search, n answers no and moves on to the next question.
    tmux.keys(&["n"]);
    tmux.wait_for(&[
        "[-] Are you building primarily a REST",
        "▶ [ ] Do you want to pick your own tools",
        "Questions · 1 of 12 answered",
    ]);
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_exit(1), 0);
    tmux.assert_restored(1);
}

// ---------------------------------------------------------------------------------------------
// The Team tab
// ---------------------------------------------------------------------------------------------

/// Runs the binary with these arguments in `dir`, as a user without a config file;
/// it must succeed.
fn cli_ok(dir: &Path, args: &[&str]) {
    let output = Command::new(stackpick())
        .current_dir(dir)
        .args(args)
        .env("USER", "nobody")
        .env("STACKPICK_CONFIG_DIR", dir.join("no-config"))
        .stdin(Stdio::null())
        .output()
        .expect("run stackpick");
    assert!(output.status.success(), "stackpick {args:?}: {output:?}");
}

/// A person's session as the command line makes it: the name, the ids answered yes, those
/// answered no, and any more arguments (`--note`, `--choose`).
type Session<'a> = (&'a str, &'a str, &'a str, &'a [&'a str]);

/// Each person exports their session with the command line, into `dir` (`alice.ron`…).
fn sessions(dir: &Path, people: &[Session]) {
    for &(name, yes, no, extra) in people {
        let file = format!("{}.ron", name.to_lowercase());
        let mut args = vec!["export", "--format", "ron", "--by", name, "--yes", yes];
        if !no.is_empty() {
            args.extend(["--no", no]);
        }
        args.extend_from_slice(extra);
        args.extend(["-o", &file]);
        cli_ok(dir, &args);
    }
}

/// Alice, Bob and Carol export their sessions with the command line, into `dir`.
fn three_sessions(dir: &Path) {
    sessions(
        dir,
        &[
            (
                "Alice",
                "django.admin-panel,django.permissions,django.security,django.content-heavy",
                "flask.rest-api",
                &["--note", "django.permissions=staff, editors and clients"],
            ),
            (
                "Bob",
                "django.admin-panel,django.permissions,flask.rest-api,flask.prototype,flask.small-codebase",
                "django.security",
                &["--choose", "flask"],
            ),
            (
                "Carol",
                "django.admin-panel,django.security,flask.rest-api,flask.prototype",
                "django.permissions,flask.small-codebase",
                &["--note", "flask.small-codebase=we will grow fast"],
            ),
        ],
    );
}

/// Alice, Bob and Carol split on two questions only: all three noted the permissions
/// (pivotal), and the smallest codebase is a tie Carol noted without answering.
fn two_disagreements(dir: &Path) {
    sessions(
        dir,
        &[
            (
                "Alice",
                "django.admin-panel,django.permissions,django.security,flask.rest-api",
                "flask.small-codebase",
                &["--note", "django.permissions=staff, editors and clients"],
            ),
            (
                "Bob",
                "django.admin-panel,django.permissions,django.security,flask.rest-api,flask.small-codebase",
                "",
                &[
                    "--note",
                    "django.permissions=admins only at first",
                    "--choose",
                    "flask",
                ],
            ),
            (
                "Carol",
                "django.admin-panel,django.security,flask.rest-api",
                "django.permissions",
                &[
                    "--note",
                    "django.permissions=one role is enough for now",
                    "--note",
                    "flask.small-codebase=we will grow fast",
                ],
            ),
        ],
    );
}

/// The rows of the Team matrix on `screen`: each row's question, its lines of the question
/// column joined, and the marks in its cells (the people's answers, then the team's), read
/// from the columns of the header's names.
fn matrix_rows(screen: &str) -> Vec<(String, Vec<String>)> {
    let lines: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    let header = lines
        .iter()
        .position(|l| l.iter().collect::<String>().contains("    Question"))
        .unwrap_or_else(|| panic!("no matrix header:\n{screen}"));
    let text: String = lines[header].iter().collect();
    let names = "you Alice Bob Carol Team";
    let at = text
        .find(names)
        .unwrap_or_else(|| panic!("the people's columns:\n{screen}"));
    let cells_from = text[..at].chars().count();
    let cells_to = cells_from + names.len();
    let mut rows: Vec<(String, Vec<String>)> = Vec::new();
    for line in &lines[header + 1..] {
        let row: String = line.iter().collect();
        if row.contains("People") || row.starts_with('└') {
            break;
        }
        let question: String = line.iter().take(cells_from).skip(5).collect();
        let cells: String = line.iter().take(cells_to).skip(cells_from).collect();
        let cells: Vec<String> = cells.split_whitespace().map(str::to_owned).collect();
        match rows.last_mut() {
            // A line with blank cells goes on with the row above.
            Some((text, _)) if cells.is_empty() => {
                text.push(' ');
                text.push_str(question.trim());
            }
            _ => rows.push((question.trim().to_owned(), cells)),
        }
    }
    rows
}

/// The Team tab's side pane on `screen` as one text: its lines (right of the matrix's pane)
/// joined with spaces, so a verdict reads the same however the pane wraps it.
fn side_text(screen: &str) -> String {
    let top = screen.lines().nth(1).unwrap_or_default();
    let Some(from) = top.chars().skip(1).position(|c| c == '┌') else {
        return String::new();
    };
    screen
        .lines()
        .skip(2)
        .map(|line| line.chars().skip(from + 2).collect::<String>())
        .map(|line| line.trim_end_matches(['│', '┃', ' ']).trim().to_owned())
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// At 80×24, a team of three split on two questions: each disagreement's question is on
/// screen whole with everyone's answers beside it, without a key pressed, and the marks'
/// legend is there; Enter on a row opens everyone's answer and note, and closes again.
#[test]
fn the_team_tab_at_80x24_reads_the_disagreements_whole_and_enter_shows_everyone_s_notes() {
    let files = tempfile::tempdir().expect("temp dir");
    two_disagreements(files.path());
    let path = |name: &str| path_str(&files.path().join(name));
    let (alice, bob, carol) = (path("alice.ron"), path("bob.ron"), path("carol.ron"));
    let tmux = Tmux::start(
        "team-read",
        Launch {
            args: &["--team", &alice, &bob, &carol],
            env: &["USER=dave"],
            ..Launch::default()
        },
    );
    tmux.wait_first_frame();
    tmux.keys(&["6"]);
    let screen = tmux.wait_screen("the team's matrix and verdict", |s| {
        s.contains("2 disagreements") && side_text(s).contains("Team verdict: Choose Django")
    });
    let rows = matrix_rows(&screen);
    let find = |question: &str| {
        rows.iter()
            .find(|(text, _)| text == question)
            .unwrap_or_else(|| panic!("{question:?} is not whole on screen ({rows:?}):\n{screen}"))
            .1
            .clone()
    };
    assert_eq!(
        find("Will you have user accounts with different permission levels?"),
        ["—", "✓*", "✓*", "✗*", "✓"],
        "{screen}"
    );
    assert_eq!(
        find("Do you want the smallest possible codebase?"),
        ["—", "✗", "✓", "—*", "tie"],
        "{screen}"
    );
    assert!(
        rows[0].0.contains("permission") && rows[1].0.contains("smallest"),
        "{screen}"
    );
    // No two rows read alike, and the cut ones say so.
    for (i, (text, _)) in rows.iter().enumerate() {
        assert!(rows[i + 1..].iter().all(|(other, _)| other != text), "{screen}");
        assert!(text.ends_with('?') || text.ends_with('…'), "{text:?}:\n{screen}");
    }
    assert!(
        screen.contains("✓ yes ✗ no — none * note ≠ split ! pivotal"),
        "the legend:\n{screen}"
    );
    assert!(
        line_with(&screen, "Bob  ").contains("Choose Django · chooses"),
        "{screen}"
    );
    assert!(screen.lines().last().unwrap().contains("Enter notes"), "{screen}");

    // Enter on the first row: the question whole, then each person's answer and note.
    tmux.keys(&["Enter"]);
    let notes = tmux.wait_for(&["Notes — Esc closes", "Team: ✓ yes (2 yes, 1 no)"]);
    assert!(
        notes.contains("Will you have user accounts with different permission levels?"),
        "{notes}"
    );
    let lines: Vec<&str> = notes.lines().collect();
    for (name, answer, note) in [
        ("dave (you)", "— no answer", "no note"),
        ("Alice", "✓ yes", "staff, editors and clients"),
        ("Bob", "✓ yes", "admins only at first"),
        ("Carol", "✗ no", "one role is enough for now"),
    ] {
        let at = lines
            .iter()
            .position(|l| l.contains(&format!("│{name} ")))
            .unwrap_or_else(|| panic!("{name} is not in the notes:\n{notes}"));
        assert!(lines[at].contains(answer), "{name}:\n{notes}");
        assert!(lines[at + 1].contains(&format!("│  {note}")), "{name}:\n{notes}");
    }
    tmux.keys(&["Escape"]);
    thread::sleep(SETTLE);
    let screen = tmux.wait_screen("the notes to close", |s| {
        !s.contains("Notes — Esc closes") && s.contains("Enter notes")
    });
    assert!(screen.contains("2 disagreements"), "{screen}");

    // The tie: Carol noted it without answering; q closes the notes, not the app.
    tmux.keys(&["j", "Enter"]);
    let notes = tmux.wait_for(&["Notes — Esc closes", "Team: tie (1 yes, 1 no)"]);
    assert!(notes.contains("│  we will grow fast"), "{notes}");
    assert_eq!(notes.matches("no note").count(), 3, "{notes}");
    tmux.keys(&["q"]);
    tmux.wait_screen("the notes to close", |s| {
        !s.contains("Notes — Esc closes") && s.contains("Enter notes")
    });
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_exit(1), 0);
    tmux.assert_restored(1);
}

/// Three sessions made by the command line, opened with `--team`: the Team tab shows
/// the matrix with the disagreements first and marked, everyone's verdict and the team's; an
/// answer in the user's column changes the team verdict; the app quits cleanly.
#[test]
fn the_team_tab_shows_three_people_and_the_user_s_answer_changes_the_team_verdict() {
    let files = tempfile::tempdir().expect("temp dir");
    three_sessions(files.path());
    let path = |name: &str| path_str(&files.path().join(name));
    let (alice, bob, carol) = (path("alice.ron"), path("bob.ron"), path("carol.ron"));
    let tmux = Tmux::start(
        "team",
        Launch {
            args: &["--team", &alice, &bob, &carol],
            env: &["USER=dave"],
            ..Launch::default()
        },
    );
    let screen = tmux.wait_first_frame();
    assert!(screen.contains("5 Decision   6 Team"), "{screen}");
    tmux.keys(&["6"]);
    // The user has answered nothing yet: three people, not four.
    let screen = tmux.wait_screen("the team's matrix and verdict", |s| {
        s.contains("Team · 3 people · 4 disagreements")
            && side_text(s).contains("Team verdict: Choose Django")
    });
    assert!(
        line_with(&screen, "Question").contains("you Alice Bob Carol Team"),
        "{screen}"
    );
    // The four disagreements first, marked; the split one is a tie that would change the verdict.
    let rows: Vec<&str> = screen
        .lines()
        .filter(|l| l.contains(" — ") || l.contains("≠"))
        .collect();
    assert!(rows[..4].iter().all(|l| l.contains('≠')), "{screen}");
    assert!(!rows[4].contains('≠'), "{screen}");
    assert!(rows[3].contains("≠!") && rows[3].contains("tie"), "{screen}");
    assert!(rows[0].contains("✓*"), "Alice's note is marked:\n{screen}");
    assert!(line_with(&screen, "Choose Flask").contains("Bob"), "{screen}");
    // Not one of the people until they say something: only their column to answer in.
    assert!(!screen.contains("dave (you)"), "{screen}");

    // The user answers the tie yes: the team has a majority, and its verdict changes.
    tmux.keys(&["j", "j", "j"]);
    tmux.wait_for(&["▶≠! Do you want the", "Carol: we will grow fast"]);
    tmux.keys(&["y"]);
    let screen = tmux.wait_screen("the team verdict to change", |s| {
        s.contains("Team verdict:") && !side_text(s).contains("Team verdict: Choose Django")
    });
    assert!(
        screen.contains("Team · 4 people"),
        "the user is one of the team now:\n{screen}"
    );
    assert!(!line_with(&screen, "≠ ").contains("tie"), "{screen}");
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_exit(1), 0);
    tmux.assert_restored(1);
    let saved = std::fs::read_to_string(tmux.state().join("stackpick").join("web-frameworks.ron"))
        .expect("the user's answer is saved");
    assert!(saved.contains("flask.small-codebase"), "{saved}");
}

/// A team file that does not parse is reported with its place before the app starts: exit 2.
#[test]
fn a_bad_team_file_is_reported_before_the_app_starts() {
    let files = tempfile::tempdir().expect("temp dir");
    three_sessions(files.path());
    let bad = files.path().join("bad.ron");
    std::fs::write(&bad, "(\n    answers: [\"django.admin-panel\",\n").expect("write");
    let alice = path_str(&files.path().join("alice.ron"));
    let bad = path_str(&bad);
    let tmux = Tmux::start(
        "team-bad",
        Launch {
            args: &["--team", &alice, &bad],
            ..Launch::default()
        },
    );
    assert_eq!(tmux.wait_exit(1), 2);
    let screen = tmux.settled_screen();
    assert!(screen.contains("bad.ron:"), "{screen}");
    assert!(!screen.contains(TAB_BAR), "{screen}");
}

/// `--watch`: the file saved as an editor saves it (a new file renamed over it) is followed
/// at once, the answers kept; a broken save shows its problem, placed, while the app goes on
/// with the last good version; the fix takes the panel away.
#[test]
fn watch_follows_the_decision_file_through_an_editor_s_saves() {
    const MINI: &str = include_str!("fixtures/good/mini.ron");
    let files = tempfile::tempdir().expect("temp dir");
    let path = files.path().join("mine.ron");
    std::fs::write(&path, MINI).expect("write the decision");
    // An editor writes the new version beside the file, then renames it over.
    let save = |text: &str| {
        let temp = files.path().join(".mine.ron.swp");
        std::fs::write(&temp, text).expect("write the new version");
        std::fs::rename(&temp, &path).expect("rename it over the file");
    };
    let data = path_str(&path);
    let tmux = Tmux::start(
        "watch",
        Launch {
            args: &["--data", &data, "--watch"],
            ..Launch::default()
        },
    );
    tmux.wait_for(&[TAB_BAR]);
    tmux.keys(&["4"]);
    tmux.wait_for(&["Questions · 0 of 6 answered"]);
    tmux.keys(&["y"]);
    tmux.wait_for(&["Questions · 1 of 6 answered"]);

    let with_orm = MINI.replace(
        "weight: 2),\n",
        "weight: 2),\n                Question(id: \"orm\", text: \"Do you want an ORM?\"),\n",
    );
    save(&with_orm);
    let screen = tmux.wait_for(&[
        "Do you want an ORM?",
        "Questions · 1 of 7 answered",
        "mine.ron: 1 question added",
    ]);
    assert!(line_with(&screen, "admin panel").contains("[x]"), "{screen}");

    // A comma left out: the problem at its line and column, the last good version in use.
    save(&with_orm.replacen("threshold: 2,", "threshold: 2", 1));
    let screen = tmux.wait_for(&["is not valid", ":14:13: Expected comma"]);
    assert!(screen.contains("Do you want an ORM?"), "{screen}");
    // Keys still act: the next question is answered.
    tmux.keys(&["y"]);
    let screen = tmux.wait_for(&["Questions · 2 of 7 answered"]);
    assert!(
        screen.contains(":14:13: Expected comma"),
        "the panel stays:\n{screen}"
    );

    save(&with_orm);
    let screen = tmux.wait_screen("the panel gone", |s| {
        !s.contains("is not valid") && s.contains("Reloaded ")
    });
    assert!(screen.contains("Questions · 2 of 7 answered"), "{screen}");
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_exit(1), 0);
    tmux.assert_restored(1);
}
