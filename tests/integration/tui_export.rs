//! The export dialog driven by key scripts through the real key
//! table, as the runtime drives it: its line editors, the path and format kept in step, the
//! full path it writes, its questions, and copying the record; and snapshots of what it shows.

use ratatui::crossterm::event::KeyCode;
use stackpick::decision::Decision;
use stackpick::export::Format;
use stackpick::score::Answers;
use stackpick::tui::App;
use stackpick::tui::app::{Effect, ExportDialog, ExportOutcome, ExportQuestion, ExportRequest, Mode};
use stackpick::tui::theme::Theme;

use crate::support::assert_snapshot;
use crate::support::backend;
use crate::support::backend::{Screen, text};

/// The app at 80×24 in `/home/ana/project`, the export dialog open.
fn dialog() -> Screen {
    let mut app = App::new(Decision::embedded(), Answers::default(), Theme::monochrome());
    app.working_dir = "/home/ana/project".into();
    let mut screen = Screen::new(app, 80, 24);
    screen.press("e");
    screen
}

#[track_caller]
fn open(screen: &Screen) -> &ExportDialog {
    match &screen.ui.mode {
        Mode::Export(dialog) => dialog,
        other => panic!("the export dialog is not open: {other:?}"),
    }
}

fn path(screen: &Screen) -> &str {
    open(screen).path.value()
}

fn export(format: Format, path: &str, overwrite: bool, create_dir: bool) -> Vec<Effect> {
    vec![Effect::Export(ExportRequest {
        format,
        path: path.into(),
        overwrite,
        create_dir,
        numbered: false,
    })]
}

#[test]
fn the_path_is_edited_at_the_cursor() {
    let mut app = dialog();
    // To just before ".md", and type there: the cursor moves, the format does not.
    for _ in 0..3 {
        app.key(KeyCode::Left);
    }
    assert_eq!(
        open(&app).format,
        Format::Md,
        "Left moves the cursor, not the format"
    );
    app.press("-v2");
    assert_eq!(path(&app), "decision-v2.md");
    let cursor = app.cursor().expect("the terminal cursor is in the field");
    let row = backend::text(&app.draw())
        .lines()
        .nth(usize::from(cursor.y))
        .expect("the cursor's row")
        .to_owned();
    assert!(row.contains("Path:     decision-v2.md"), "{row}");
    let start = row.find("decision-v2.md").expect("the field");
    let column = row[..start].chars().count() + "decision-v2".len();
    assert_eq!(
        usize::from(cursor.x),
        column,
        "the cursor is after the typed text"
    );
    app.key(KeyCode::Home);
    app.press("out/");
    app.key(KeyCode::Right);
    app.key(KeyCode::Delete);
    assert_eq!(path(&app), "out/dcision-v2.md");
    app.ctrl('e');
    app.ctrl('w');
    assert_eq!(
        path(&app),
        "out/dcision-v2.",
        "Ctrl-W deletes the word before the cursor"
    );
    app.ctrl('a');
    app.ctrl('k');
    assert_eq!(path(&app), "");
    app.press("x.md");
    app.ctrl('u');
    assert_eq!(path(&app), "");
    app.paste("notes/\u{1b}[2Jx.md\n");
    assert_eq!(path(&app), "notes/[2Jx.md ");
}

#[test]
fn tab_changes_the_format_and_right_does_not() {
    let mut app = dialog();
    app.key(KeyCode::Right);
    assert_eq!(open(&app).format, Format::Md);
    app.press("⇥");
    assert_eq!(open(&app).format, Format::Json);
    app.key(KeyCode::BackTab);
    app.key(KeyCode::BackTab);
    assert_eq!(
        open(&app).format,
        Format::Html,
        "Shift-Tab wraps to the last format"
    );
    // Up and Down switch fields; the deciders field is a line editor too.
    app.key(KeyCode::Down);
    app.press("ana, bo");
    app.key(KeyCode::Left);
    app.key(KeyCode::Left);
    app.press("X");
    assert_eq!(open(&app).deciders.value(), "ana, Xbo");
    app.key(KeyCode::Up);
    app.press("z");
    assert_eq!(path(&app), "decision.htmlz");
}

#[test]
fn a_path_named_for_a_format_follows_it_and_another_is_kept() {
    let mut app = dialog();
    app.ctrl('u');
    app.press("out/v2.md⇥");
    assert_eq!(path(&app), "out/v2.json", "md → json");
    app.press("⇥");
    assert_eq!(path(&app), "out/v2.ron");
    app.ctrl('u');
    app.press("notes.txt⇥⇥⇥");
    assert_eq!(path(&app), "notes.txt", "a path of the user's own is kept");
    assert_eq!(open(&app).format, Format::Md);
    // Written as typed: a name that is no format's is not asked about.
    assert_eq!(app.press("⏎"), export(Format::Md, "notes.txt", false, false));
}

#[test]
fn writing_a_format_into_a_file_named_for_another_asks_first() {
    let mut app = dialog();
    app.press("⇥");
    app.ctrl('u');
    app.press("x.md");
    assert_eq!(open(&app).format, Format::Json);
    assert!(app.press("⏎").is_empty(), "nothing is written before the answer");
    assert_eq!(
        open(&app).question,
        Some(ExportQuestion::Mismatch { named: Format::Md })
    );
    let screen = app.text();
    assert!(
        screen.contains("The path ends in .md, but the format is json."),
        "{screen}"
    );
    assert!(screen.contains("Write json to it anyway? (y/n)"), "{screen}");
    // No: back to the dialog, nothing typed into the path meanwhile.
    assert!(app.press("n").is_empty());
    assert_eq!(open(&app).question, None);
    assert_eq!(path(&app), "x.md");
    app.press("⏎");
    assert_eq!(app.press("y"), export(Format::Json, "x.md", false, false));
}

#[test]
fn a_missing_directory_is_created_after_asking() {
    let mut app = dialog();
    app.ctrl('u');
    app.press("out/deep/x.md");
    assert_eq!(app.press("⏎"), export(Format::Md, "out/deep/x.md", false, false));
    app.export_done(ExportOutcome::MissingDirectory("out/deep".into()));
    assert_eq!(
        open(&app).question,
        Some(ExportQuestion::CreateDir("/home/ana/project/out/deep".into()))
    );
    let screen = app.text();
    assert!(
        screen.contains("Create directory /home/ana/project/out/deep? (y/n)"),
        "{screen}"
    );
    // No keeps the dialog open with the path; yes writes, creating the directory.
    assert!(app.press("n").is_empty());
    assert!(matches!(app.ui.mode, Mode::Export(_)));
    app.press("⏎");
    app.export_done(ExportOutcome::MissingDirectory("out/deep".into()));
    assert_eq!(app.press("y"), export(Format::Md, "out/deep/x.md", false, true));
    // An existing file there is then asked about as ever.
    app.export_done(ExportOutcome::Exists);
    assert_eq!(open(&app).question, Some(ExportQuestion::Overwrite));
    assert_eq!(app.press("y"), export(Format::Md, "out/deep/x.md", true, false));
}

#[test]
fn ctrl_y_copies_the_markdown_record() {
    let mut app = dialog();
    // The deciders typed into the dialog are in the copy, as in the file Enter writes.
    app.key(KeyCode::Down);
    app.press("Ada, Grace");
    let effects = app.ctrl('y');
    let [Effect::Copy(text)] = effects.as_slice() else {
        panic!("one copy: {effects:?}")
    };
    assert!(text.contains("\ndecision-makers: Ada, Grace\n"), "{text}");
    assert!(text.contains("\n# Open: Which Python web framework"), "{text}");
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "only clean text is copied"
    );
    let copied = text.clone();
    let status = app.ui.status.clone();
    app.press("⏎");
    // What the event loop writes on Enter, dated as the copy was.
    let written = app.export_text(Format::Md, stackpick::export::today());
    assert_eq!(copied, written, "Ctrl-Y copies what Enter writes");
    app.ui.status = status;
    let status = app.ui.status.as_ref().expect("a message");
    assert_eq!(
        status.text,
        format!(
            "Copied the Markdown record ({} bytes) to the clipboard",
            text.len()
        )
    );
    assert!(matches!(app.ui.mode, Mode::Export(_)), "the dialog stays open");
}

#[test]
fn y_copies_the_decision_as_score_prints_it() {
    let mut app = dialog();
    app.press("⎋4");
    app.press(" ");
    let effects = app.press("Y");
    let [Effect::Copy(text)] = effects.as_slice() else {
        panic!("one copy: {effects:?}")
    };
    let report = stackpick::report::Report::new(app.scorecard.decision(), app.scorecard.answers());
    assert_eq!(text, &report.to_text(), "the text of `stackpick score`");
    assert!(text.contains("Verdict: "));
    assert!(
        app.ui
            .status
            .as_ref()
            .is_some_and(|s| s.text.starts_with("Copied the decision ("))
    );
    assert_eq!(
        app.scorecard.answers().yes.len(),
        1,
        "Y is not y: no answer changed"
    );
}

#[test]
fn ctrl_z_suspends_from_anywhere_even_a_text_field() {
    let mut app = dialog();
    assert_eq!(app.ctrl('z'), vec![Effect::Suspend]);
    assert_eq!(path(&app), "decision.md", "nothing typed");
    app.press("⎋");
    assert_eq!(app.ctrl('z'), vec![Effect::Suspend]);
}

// ---------------------------------------------------------------------------------------------
// What the dialog shows
// ---------------------------------------------------------------------------------------------

#[test]
fn the_dialog_shows_the_full_path() {
    let mut app = dialog();
    app.ctrl('u');
    app.press("./reports/../decisions/stack.md");
    assert_snapshot!("export_full_path_80x24", app.text());
    // A long path keeps its end: the file name.
    app.ctrl('u');
    app.press(&format!("{}/the-file.md", "deep/".repeat(20)));
    let screen = app.text();
    let line = screen
        .lines()
        .find(|l| l.contains("Writes to"))
        .expect("the full path");
    assert!(line.contains("Writes to …"), "{line}");
    assert!(line.contains("deep/the-file.md"), "{line}");
}

#[test]
fn the_dialog_asks_about_a_mismatch_and_a_missing_directory() {
    let mut app = dialog();
    app.press("⇥");
    app.ctrl('u');
    app.press("x.md⏎");
    assert_snapshot!("export_mismatch_80x24", app.text());
    app.press("n");
    app.ctrl('u');
    app.press("out/x.json⏎");
    app.export_done(ExportOutcome::MissingDirectory("out".into()));
    assert_snapshot!("export_create_dir_80x24", text(&app.draw()));
}

/// A path ending in `/` is a decisions folder: the dialog shows the record's file name,
/// named for the outcome and numbered when written; the runtime's next file is asked
/// about, and only a yes writes it.
#[test]
fn a_folder_path_writes_the_next_numbered_record_after_showing_its_name() {
    let mut app = dialog();
    app.ctrl('u');
    app.press("docs/decisions/");
    let screen = app.text();
    assert!(
        screen.contains("/home/ana/project/docs/decisions")
            && screen.contains("NNNN-open-which-python-web-framework"),
        "{screen}"
    );
    let request = |numbered| {
        vec![Effect::Export(ExportRequest {
            format: Format::Md,
            path: "docs/decisions/".into(),
            overwrite: false,
            create_dir: false,
            numbered,
        })]
    };
    assert_eq!(app.press("⏎"), request(false));
    app.export_done(ExportOutcome::Numbered(
        "docs/decisions/0004-use-django.md".into(),
    ));
    let screen = app.text();
    assert!(
        screen.contains("0004-use-django.md is the next record in docs/decisions."),
        "{screen}"
    );
    assert!(screen.contains("Write it? (y/n)"), "{screen}");
    // No keeps the dialog; yes writes the numbered record.
    assert!(app.press("n").is_empty());
    assert!(matches!(app.ui.mode, Mode::Export(_)));
    app.press("⏎");
    app.export_done(ExportOutcome::Numbered(
        "docs/decisions/0004-use-django.md".into(),
    ));
    assert_eq!(app.press("y"), request(true));
}

/// Replacing a file takes an explicit `y`: Enter (the key that asked to write) and Esc keep
/// the file and go back to the dialog, so `e ⏎ e ⏎ ⏎` never overwrites.
#[test]
fn only_y_overwrites_enter_and_esc_keep_the_file() {
    let mut app = dialog();
    assert_eq!(app.press("⏎"), export(Format::Md, "decision.md", false, false));
    app.export_done(ExportOutcome::Exists);
    assert_eq!(open(&app).question, Some(ExportQuestion::Overwrite));
    assert!(app.press("⏎").is_empty(), "Enter does not overwrite");
    assert_eq!(open(&app).question, None, "back to the dialog");
    app.press("⏎");
    app.export_done(ExportOutcome::Exists);
    assert!(app.press("⎋").is_empty(), "Esc does not overwrite");
    assert_eq!(open(&app).question, None);
    app.press("⏎");
    app.export_done(ExportOutcome::Exists);
    assert_eq!(app.press("y"), export(Format::Md, "decision.md", true, false));
}

/// An export error in the dialog is wrapped whole, never cut into another error: at 50
/// columns "os error 20" stays "os error 20", not "os error 2".
#[test]
fn an_export_error_in_the_dialog_is_wrapped_not_cut() {
    let app = App::new(Decision::embedded(), Answers::default(), Theme::monochrome());
    let mut screen = Screen::new(app, 50, 24);
    screen.press("e");
    let message = "cannot write /home/ana/project/decision.md/x: Not a directory (os error 20)";
    screen.export_done(ExportOutcome::Failed(message.into()));
    let text = screen.text();
    // The dialog's inside, line by line: the columns between its borders.
    let top = text
        .lines()
        .find(|l| l.contains("┌ Export the decision"))
        .expect("the dialog");
    let chars: Vec<char> = top.chars().collect();
    let left = chars.iter().position(|&c| c == '┌').expect("its corner") + 1;
    let right = chars.iter().rposition(|&c| c == '┐').expect("its corner");
    let inside: String = text
        .lines()
        .map(|l| {
            l.chars()
                .skip(left)
                .take(right.saturating_sub(left))
                .collect::<String>()
        })
        .map(|l| l.trim().to_owned())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(inside.contains("(os error 20)"), "{text}");
}
