//! `App::update` driven by key scripts and the mouse, through the real key table and the
//! `FrameMap` the real render records, as the runtime does.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use stackpick::decision::Decision;
use stackpick::score::{Answers, VerdictKind};
use stackpick::tui::app::{Effect, ExportOutcome, ExportRequest, Mode, Ui};
use stackpick::tui::theme::Theme;
use stackpick::tui::view::frame_map::Target;
use stackpick::tui::{Action, App, Tab};

use crate::support::backend::Screen;

fn app() -> Screen {
    Screen::new(
        App::new(Decision::embedded(), Answers::default(), Theme::monochrome()),
        80,
        24,
    )
}

/// What decides a redraw: the UI state and the answers' revision.
fn shown(app: &App) -> (Ui, u64) {
    (app.ui.clone(), app.scorecard.revision())
}

#[test]
fn digits_and_tab_switch_tabs() {
    let mut app = app();
    app.press("3");
    assert_eq!(app.ui.tab, Tab::Compare);
    app.press("⇥");
    assert_eq!(app.ui.tab, Tab::Checklist);
    app.key(KeyCode::BackTab);
    app.key(KeyCode::BackTab);
    assert_eq!(app.ui.tab, Tab::Strengths);
    app.press("5⇥");
    assert_eq!(app.ui.tab, Tab::Overview, "Tab wraps around");
}

#[test]
fn ticking_three_django_questions_makes_django_the_single_verdict() {
    let mut app = app();
    let effects = app.press("4 j j ");
    assert_eq!(
        effects,
        vec![Effect::SaveAnswers; 3],
        "each tick asks for an autosave"
    );
    assert_eq!(app.scorecard.evaluation().scores[0].score, 3);
    assert!(app.scorecard.evaluation().scores[0].qualified);
    assert_eq!(app.scorecard.evaluation().verdict.kind, VerdictKind::Single);
    assert_eq!(
        app.scorecard.evaluation().verdict.options,
        vec!["django".to_owned()]
    );
    assert!(app.scorecard.answers().is_yes("django.admin-panel"));
    assert!(app.scorecard.answers().is_yes("django.content-heavy"));
}

#[test]
fn untick_lowers_the_score_again() {
    let mut app = app();
    app.press("4 j j ");
    app.press(" ");
    assert_eq!(app.scorecard.evaluation().scores[0].score, 2);
    assert_eq!(app.scorecard.evaluation().verdict.kind, VerdictKind::Leaning);
}

#[test]
fn x_and_enter_tick_too() {
    let mut app = app();
    app.press("4x");
    app.press("j⏎");
    assert_eq!(app.scorecard.answers().yes.len(), 2);
}

#[test]
fn l_jumps_to_the_next_framework_and_h_back() {
    let mut app = app();
    app.press("4l");
    assert_eq!(
        app.scorecard.question_id(app.ui.checklist.selected),
        Some("flask.rest-api")
    );
    // Flask is the last checklist (FastAPI has none): `l` stays there.
    app.press("l ");
    assert!(app.scorecard.answers().is_yes("flask.rest-api"));
    app.press("h");
    assert_eq!(
        app.scorecard.question_id(app.ui.checklist.selected),
        Some("django.admin-panel")
    );
    app.press("ljh");
    assert_eq!(
        app.scorecard.question_id(app.ui.checklist.selected),
        Some("flask.rest-api"),
        "h inside a group goes to its first question"
    );
    app.press("G");
    assert_eq!(
        app.scorecard.question_id(app.ui.checklist.selected),
        Some("flask.prototype")
    );
    app.press("g");
    assert_eq!(app.ui.checklist.selected, 0);
}

#[test]
fn hybrid_when_django_and_flask_both_qualify() {
    let mut app = app();
    app.press("4 j j l j j ");
    assert_eq!(app.scorecard.evaluation().verdict.kind, VerdictKind::Hybrid);
    let shared = app
        .scorecard
        .evaluation()
        .stack
        .layers
        .iter()
        .find(|l| l.option.is_none())
        .unwrap();
    assert!(shared.active);
}

#[test]
fn space_does_nothing_outside_the_checklist() {
    let mut app = app();
    for tab in ["1", "2", "3", "5"] {
        let effects = app.press(&format!("{tab} x"));
        assert!(effects.is_empty());
    }
    assert!(app.scorecard.answers().yes.is_empty());
}

#[test]
fn filter_narrows_the_comparison_and_esc_clears_it() {
    let mut app = app();
    app.press("3/auth");
    assert_eq!(app.ui.mode, Mode::Filter);
    assert_eq!(app.ui.compare.filter.value(), "auth");
    let rows = app.compare_rows();
    assert_eq!(rows.len(), 1);
    assert_eq!(app.compare_row_count(), 1);
    assert_eq!(
        app.scorecard.decision().comparison[rows[0]].name.as_str(),
        "Authentication"
    );
    app.press("⏎");
    assert_eq!(app.ui.mode, Mode::Normal);
    assert_eq!(app.ui.compare.filter.value(), "auth", "Enter keeps the filter");
    app.press("⎋");
    assert!(app.ui.compare.filter.value().is_empty());
    assert_eq!(app.compare_rows().len(), 12);
    assert_eq!(app.compare_row_count(), 12);
}

#[test]
fn typing_a_filter_takes_letters_that_are_keys_elsewhere() {
    let mut app = app();
    app.press("3/qs?");
    assert_eq!(app.ui.compare.filter.value(), "qs?");
    assert!(!app.quit);
    app.press("⌫⌫⌫⌫");
    assert!(app.ui.compare.filter.value().is_empty());
}

#[test]
fn n_and_shift_n_step_through_the_matches_and_wrap() {
    let mut app = app();
    app.press("3/built⏎");
    let count = app.compare_rows().len();
    assert!(count >= 3, "several aspects say built-in");
    assert_eq!(app.ui.compare.selected, 0);
    app.press("n");
    assert_eq!(app.ui.compare.selected, 1);
    app.press("N");
    app.press("N");
    assert_eq!(app.ui.compare.selected, count - 1, "N wraps to the last match");
    app.press("n");
    assert_eq!(app.ui.compare.selected, 0, "n wraps to the first match");
}

#[test]
fn choosing_a_stage_breaks_the_tie() {
    let mut app = app();
    let effects = app.press("sjj⏎");
    assert_eq!(effects, vec![Effect::SaveAnswers]);
    assert_eq!(app.scorecard.answers().stage.as_deref(), Some("post-validation"));
    assert_eq!(app.scorecard.evaluation().verdict.kind, VerdictKind::Stage);
    assert_eq!(
        app.scorecard.evaluation().verdict.options,
        vec!["django".to_owned()]
    );
    // Row 0 of the picker is "no stage".
    app.press("sgk⏎");
    assert_eq!(app.scorecard.answers().stage, None);
    assert_eq!(app.scorecard.evaluation().verdict.kind, VerdictKind::Undecided);
}

#[test]
fn esc_closes_the_stage_picker_without_choosing() {
    let mut app = app();
    app.press("sj⎋");
    assert_eq!(app.ui.mode, Mode::Normal);
    assert_eq!(app.scorecard.answers().stage, None);
}

/// Words typed into the help filter it, whatever their letters: `quit` neither closes the
/// help nor undoes anything, `jump` filters by "jump".
#[test]
fn a_word_typed_into_the_help_filters_it_and_acts_on_nothing() {
    let mut app = app();
    app.press("4y");
    let before = app.scorecard.revision();
    app.press("?quit");
    assert!(matches!(app.ui.mode, Mode::Help { .. }), "still the help");
    assert_eq!(app.ui.help.filter.value(), "quit");
    assert_eq!(app.scorecard.revision(), before, "nothing undone");
    assert!(!app.quit);
    app.press("⎋⎋?jump");
    assert_eq!(app.ui.help.filter.value(), "jump");
}

#[test]
fn help_opens_and_esc_closes_it_without_quitting() {
    let mut app = app();
    app.press("?");
    assert!(matches!(app.ui.mode, Mode::Help { .. }));
    app.press("⎋");
    assert_eq!(app.ui.mode, Mode::Normal);
    app.press("⎋⎋");
    assert!(!app.quit, "Esc never quits");
    // In the help, q is a letter of the filter: it neither quits nor closes it.
    app.press("?q");
    assert!(!app.quit, "q does not quit from the help");
    assert!(matches!(app.ui.mode, Mode::Help { .. }));
    app.press("⎋⎋");
    assert_eq!(app.ui.mode, Mode::Normal);
    assert!(
        app.press("q").is_empty(),
        "quitting leaves no work for the event loop"
    );
    assert!(app.quit);
}

#[test]
fn ctrl_c_quits_from_a_text_field() {
    let mut app = app();
    app.press("3/");
    let event = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    let action = app.keymap().action_for(&app.scopes(), &event);
    assert_eq!(action, Some(Action::Quit));
    app.update(Action::Quit);
    assert!(app.quit);
}

#[test]
fn export_dialog_edits_the_path_and_cycles_formats() {
    let mut app = app();
    app.press("e");
    let Mode::Export(dialog) = &app.ui.mode else {
        panic!("export dialog open")
    };
    assert_eq!(dialog.path.value(), "decision.md");
    app.press("⇥");
    let Mode::Export(dialog) = &app.ui.mode else {
        panic!()
    };
    assert_eq!(
        dialog.path.value(),
        "decision.json",
        "a default path follows the format"
    );
    app.press("⌫⌫⌫⌫xyz");
    let effects = app.press("⏎");
    assert_eq!(
        effects,
        vec![Effect::Export(ExportRequest {
            format: stackpick::export::Format::Json,
            path: "decision.xyz".into(),
            overwrite: false,
            create_dir: false,
            numbered: false,
        })]
    );
}

#[test]
fn export_asks_before_overwriting_and_n_keeps_the_file() {
    let mut app = app();
    app.press("e⏎");
    app.export_done(ExportOutcome::Exists);
    assert!(matches!(&app.ui.mode, Mode::Export(d) if d.question.is_some()));
    assert!(app.press("n").is_empty());
    assert!(matches!(&app.ui.mode, Mode::Export(d) if d.question.is_none()));
    app.press("⏎");
    app.export_done(ExportOutcome::Exists);
    let effects = app.press("y");
    assert_eq!(
        effects,
        vec![Effect::Export(ExportRequest {
            format: stackpick::export::Format::Md,
            path: "decision.md".into(),
            overwrite: true,
            create_dir: false,
            numbered: false,
        })]
    );
    app.export_done(ExportOutcome::Written("decision.md".into()));
    assert_eq!(app.ui.mode, Mode::Normal);
    assert_eq!(app.written, vec![std::path::PathBuf::from("decision.md")]);
}

#[test]
fn a_failed_export_keeps_the_dialog_and_the_answers() {
    let mut app = app();
    app.press("4 e");
    app.export_done(ExportOutcome::Failed(
        "cannot write /nope/decision.md: denied".into(),
    ));
    assert!(matches!(app.ui.mode, Mode::Export(_)));
    assert!(
        app.ui
            .status
            .as_ref()
            .is_some_and(|s| s.is_error && s.text.contains("denied"))
    );
    assert!(app.scorecard.answers().is_yes("django.admin-panel"));
}

#[test]
fn clicking_a_tab_and_a_checkbox() {
    let mut app = app();
    app.click(Target::Tab(Tab::Checklist));
    assert_eq!(app.ui.tab, Tab::Checklist);
    let effects = app.click(Target::QuestionBox(0));
    assert_eq!(effects, vec![Effect::SaveAnswers]);
    assert!(app.scorecard.answers().is_yes("django.admin-panel"));
}

#[test]
fn scrolling_documents_stops_at_the_end() {
    let mut app = app();
    app.press("G");
    let end = app.ui.overview.scroll;
    assert!(end > 0, "the overview is longer than one screen at 80x24");
    app.press("j");
    assert_eq!(app.ui.overview.scroll, end);
    app.press("k");
    assert_eq!(app.ui.overview.scroll, end - 1);
    app.press("g");
    assert_eq!(app.ui.overview.scroll, 0);
}

#[test]
fn only_actions_that_change_the_view_change_the_view_state() {
    let mut app = app();
    let before = shown(&app);
    app.press("1kgh");
    assert!(shown(&app) == before, "nothing to change on the first tab's top");
    app.press("2");
    assert!(shown(&app) != before);
}

#[test]
fn exporting_the_same_path_twice_lists_it_once() {
    let mut app = app();
    app.export_done(ExportOutcome::Written("decision.md".into()));
    app.export_done(ExportOutcome::Written("decision.md".into()));
    assert_eq!(app.written.len(), 1);
}

#[test]
fn a_status_message_lasts_until_the_next_key() {
    let mut app = app();
    app.press("sj⏎");
    assert!(
        app.ui
            .status
            .as_ref()
            .is_some_and(|s| s.text.starts_with("Stage: "))
    );
    app.resize(100, 30);
    assert!(app.ui.status.is_some(), "a resize keeps the message");
    app.press("j");
    assert_eq!(app.ui.status, None);
}

// ---------------------------------------------------------------------------------------------
// Nothing acts unseen, and typed text is only text
// ---------------------------------------------------------------------------------------------

fn shrink(app: &mut Screen) {
    app.resize(30, 10);
}

#[test]
fn q_quits_from_the_too_small_screen_even_over_the_export_dialog() {
    let mut app = app();
    app.press("e");
    shrink(&mut app);
    let effects = app.press("q");
    assert!(effects.is_empty());
    assert!(app.quit, "q quits: the hidden export field must not take it");
    let Mode::Export(dialog) = &app.ui.mode else {
        panic!("the dialog is still the mode underneath")
    };
    assert_eq!(
        dialog.path.value(),
        "decision.md",
        "nothing was typed into the hidden field"
    );
}

#[test]
fn keys_that_would_act_unseen_do_nothing_while_the_terminal_is_too_small() {
    let mut app = app();
    app.press("4");
    shrink(&mut app);
    let before = shown(&app);
    let effects = app.press(" x⏎jjlG3se/⇥2");
    assert!(effects.is_empty(), "no tick, no export: {effects:?}");
    assert!(
        app.scorecard.answers().yes.is_empty(),
        "Space ticked a question nobody could see"
    );
    assert!(shown(&app) == before, "nothing changed while too small");
    assert_eq!(app.ui.tab, Tab::Checklist);
    assert_eq!(app.ui.mode, Mode::Normal);
    // The mouse neither: a click where the first checkbox would be, the wheel.
    assert!(app.click_at(5, 3).is_empty());
    app.wheel(5, 3, true);
    assert!(shown(&app) == before);
    // The help opens and closes; back at a usable size the keys act again.
    app.press("?");
    assert!(matches!(app.ui.mode, Mode::Help { .. }));
    app.press("?");
    assert_eq!(app.ui.mode, Mode::Normal);
    app.resize(80, 24);
    assert_eq!(app.press(" "), vec![Effect::SaveAnswers]);
}

#[test]
fn a_rebound_quit_key_is_the_one_that_quits_while_too_small() {
    let mut app = app();
    let overrides = [("quit".to_owned(), vec!["ctrl-q".to_owned()])].into();
    app.settings.keymap =
        stackpick::tui::keys::keymap::Keymap::with_overrides(&overrides).expect("valid keys");
    shrink(&mut app);
    app.press("q");
    assert!(!app.quit, "q is not bound to quit any more");
    let event = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL);
    assert_eq!(app.keymap().action_for(&app.scopes(), &event), Some(Action::Quit));
}

#[test]
fn typed_controls_bidi_and_invisible_characters_are_refused() {
    let hostile = [
        '\u{1b}', '\u{9b}', '\u{85}', '\u{202e}', '\u{2066}', '\u{200b}', '\u{feff}', '\u{ad}',
    ];
    let mut app = app();
    app.press("3/");
    for c in hostile {
        app.update(Action::Input(c));
    }
    app.press("bu");
    assert_eq!(app.ui.compare.filter.value(), "bu");

    let mut app = self::app();
    app.press("e⌫⌫⌫⌫⌫⌫⌫⌫⌫⌫⌫");
    for c in "out/".chars().chain(hostile).chain("x.md".chars()) {
        app.update(Action::Input(c));
    }
    let Mode::Export(dialog) = &app.ui.mode else {
        panic!("dialog open")
    };
    assert_eq!(dialog.path.value(), "out/x.md");
}

#[test]
fn a_paste_goes_into_the_field_cleaned_and_never_acts_as_keys() {
    let mut app = app();
    // On a tab, a paste of "q4 " neither quits, switches tab nor ticks.
    app.paste("q4 ");
    assert!(!app.quit);
    assert_eq!(app.ui.tab, Tab::Overview);
    assert!(app.scorecard.answers().yes.is_empty());
    // In the export field it is typed, on one line, without controls.
    app.press("e⌫⌫⌫⌫⌫⌫⌫⌫⌫⌫⌫");
    app.paste("out/\u{202e}dm.x\u{1b}[2J\r\nv2.md");
    let Mode::Export(dialog) = &app.ui.mode else {
        panic!("dialog open")
    };
    assert_eq!(dialog.path.value(), "out/dm.x[2J  v2.md");
    // Too small: nothing is typed unseen.
    shrink(&mut app);
    app.paste("zzz");
    let Mode::Export(dialog) = &app.ui.mode else {
        panic!("dialog open")
    };
    assert!(!dialog.path.value().contains("zzz"));
}

/// A megabyte pasted into a note lands whole (cleaned onto one line), as one edit: kept by
/// one Enter and undone by one `u`.
#[test]
fn a_megabyte_paste_lands_whole_in_a_note_as_one_step() {
    let mut app = app();
    app.press("4a");
    let line = "0123456789abcdefghijklmnopqrstuvwxyz\u{1b}[31m\n";
    let paste = line.repeat(1_000_000 / line.len() + 1);
    assert!(paste.len() >= 1_000_000);
    app.paste(&paste);
    // The note field takes all of it, on one line, without the control characters.
    let Mode::Note { editor, .. } = &app.ui.mode else {
        panic!("the note editor is open")
    };
    let cleaned = "0123456789abcdefghijklmnopqrstuvwxyz[31m ".repeat(paste.len() / line.len());
    assert_eq!(editor.value().len(), cleaned.len());
    assert_eq!(editor.value(), cleaned);
    assert_eq!(app.ui.status, None, "nothing was cut");
    assert_eq!(app.press("⏎"), vec![Effect::SaveAnswers]);
    assert_eq!(
        app.scorecard.note(0).map(str::len),
        Some(cleaned.trim_end().len())
    );
    app.press("u");
    assert_eq!(app.scorecard.note(0), None, "one undo takes the whole paste back");
}

/// A one-line field keeps at most `FIELD_PASTE_LIMIT` characters of a paste and says so.
#[test]
fn a_paste_into_a_one_line_field_is_cut_at_the_limit_and_says_so() {
    use stackpick::tui::app::line_editor::FIELD_PASTE_LIMIT;
    let said = format!(
        "Paste cut at {} characters: a one-line field holds no more",
        stackpick::text::thousands(FIELD_PASTE_LIMIT)
    );
    let big = "é".repeat(200_000);
    // The Compare tab's filter.
    let mut app = self::app();
    app.press("3/ab");
    app.paste(&big);
    assert_eq!(app.ui.compare.filter.value().chars().count(), FIELD_PASTE_LIMIT);
    assert!(app.ui.compare.filter.value().starts_with("abéé"));
    let status = app.ui.status.clone().expect("a message");
    assert_eq!((status.text.as_str(), status.is_error), (said.as_str(), true));
    // The export path.
    let mut app = self::app();
    app.press("e");
    app.paste(&big);
    let Mode::Export(dialog) = &app.ui.mode else {
        panic!("dialog open")
    };
    assert_eq!(dialog.path.value().chars().count(), FIELD_PASTE_LIMIT);
    assert_eq!(
        app.ui.status.as_ref().map(|s| s.text.as_str()),
        Some(said.as_str())
    );
    // The help's filter.
    let mut app = self::app();
    app.press("?");
    app.paste(&big);
    assert_eq!(app.ui.help.filter.value().chars().count(), FIELD_PASTE_LIMIT);
    assert_eq!(
        app.ui.status.as_ref().map(|s| s.text.as_str()),
        Some(said.as_str())
    );
    // A paste that fits says nothing.
    let mut app = self::app();
    app.press("3/");
    app.paste("async");
    assert_eq!(app.ui.compare.filter.value(), "async");
    assert_eq!(app.ui.status, None);
}

// ---------------------------------------------------------------------------------------------
// Pages, panes, overlays and the mouse: targets looked up in the FrameMap
// ---------------------------------------------------------------------------------------------

use stackpick::tui::Pane;

fn app_at(width: u16, height: u16) -> Screen {
    Screen::new(
        App::new(Decision::embedded(), Answers::default(), Theme::monochrome()),
        width,
        height,
    )
}

#[test]
fn page_keys_move_the_checklist_by_one_screen_of_questions() {
    let mut app = app_at(80, 16);
    app.press("4");
    let count = app.scorecard.question_count();
    let page = app.map.pane(Pane::Checklist).expect("the list").page;
    assert!(page > 1 && page < count - 1, "a page of {page} out of {count}");
    app.key(KeyCode::PageDown);
    assert_eq!(
        app.ui.checklist.selected, page,
        "one screen of questions, not the last"
    );
    assert!(
        app.map.target_rect(Target::Question(page)).is_some(),
        "and in view"
    );
    // A page is what is visible now: up by that many.
    let now = app.map.pane(Pane::Checklist).expect("the list").page;
    app.key(KeyCode::PageUp);
    assert_eq!(app.ui.checklist.selected, page.saturating_sub(now));
    app.press("g");
    app.ctrl('d');
    let down = app.ui.checklist.selected;
    assert!(down > 0 && down < count - 1, "Ctrl-D pages too: {down}");
    app.ctrl('u');
    assert!(app.ui.checklist.selected < down, "Ctrl-U pages back");
}

#[test]
fn page_keys_move_compare_by_one_screen_of_rows() {
    let mut app = app_at(80, 16);
    app.press("3");
    let rows = app.compare_rows().len();
    let page = app.map.pane(Pane::Compare).expect("the table").page;
    assert!(page < rows - 1, "a page of {page} out of {rows}");
    app.key(KeyCode::PageDown);
    assert_eq!(app.ui.compare.selected, page, "one screen of rows, not the last");
    app.ctrl('d');
    assert!(app.ui.compare.selected < rows - 1 || 2 * page >= rows - 1);
    app.key(KeyCode::PageUp);
    app.ctrl('u');
    assert_eq!(app.ui.compare.selected, 0);
}

#[test]
fn each_strengths_pane_has_its_own_offset_clamped_to_its_content() {
    let mut app = app();
    app.press("2G");
    let django = app.map.pane(Pane::Strengths(0)).expect("Django's column").top;
    assert!(django > 0, "Django's column scrolled to its end");
    app.press("ll");
    let fastapi = *app
        .map
        .pane(Pane::Strengths(2))
        .expect("FastAPI's column is shown");
    assert_eq!(fastapi.top, 0, "FastAPI's column has not moved");
    assert_eq!(
        app.ui.strengths.scroll(0),
        django,
        "Django's column keeps its place"
    );
    // FastAPI's column draws from its first line: its tagline is on screen.
    let tagline = app.scorecard.decision().options[2].tagline.to_string();
    let first_word = tagline.split_whitespace().next().expect("a tagline");
    assert!(app.text().contains(first_word));
    // Scrolled to its end, it stops at its own last line.
    app.press("G");
    let max = app.map.pane(Pane::Strengths(2)).expect("FastAPI").max;
    assert_eq!(app.ui.strengths.scroll(2), max);
}

#[test]
fn the_stage_picker_scrolls_to_keep_the_cursor_in_view_at_50x14() {
    let mut app = app_at(50, 14);
    app.press("sG");
    let last = app.scorecard.decision().stages.len();
    let rect = app.rect(Target::Stage(last));
    let screen = app.text();
    let row = screen.lines().nth(usize::from(rect.y)).expect("the row");
    assert!(row.contains('▶'), "the cursor is drawn: {row}\n{screen}");
    app.press("⏎");
    let id = app.scorecard.decision().stages[last - 1].id.clone();
    assert_eq!(app.scorecard.answers().stage.as_deref(), Some(id.as_str()));
}

#[test]
fn esc_on_a_compare_filter_keeps_the_selected_row() {
    let mut app = app();
    app.press("3jjj/⎋");
    assert_eq!(
        app.ui.compare.selected, 3,
        "an empty filter, escaped, loses nothing"
    );
    app.press("/auth");
    app.press("⎋");
    let rows = app.compare_rows();
    let aspect = &app.scorecard.decision().comparison[rows[app.ui.compare.selected]];
    assert_eq!(
        aspect.name.as_str(),
        "Authentication",
        "the same aspect stays selected"
    );
    app.press("/auth⏎⎋");
    let rows = app.compare_rows();
    let aspect = &app.scorecard.decision().comparison[rows[app.ui.compare.selected]];
    assert_eq!(aspect.name.as_str(), "Authentication");
}

#[test]
fn a_click_on_a_question_selects_it_and_a_second_click_or_its_box_ticks_it() {
    let mut app = app();
    app.press("4");
    assert!(
        app.click_end(Target::Question(2)).is_empty(),
        "the text of an unselected question"
    );
    assert_eq!(app.ui.checklist.selected, 2);
    assert!(
        app.scorecard.answers().yes.is_empty(),
        "nothing ticked by accident"
    );
    assert_eq!(app.click_end(Target::Question(2)), vec![Effect::SaveAnswers]);
    assert!(
        app.scorecard.is_yes(2),
        "a click on the selected question ticks it"
    );
    assert_eq!(app.click(Target::QuestionBox(4)), vec![Effect::SaveAnswers]);
    assert!(app.scorecard.is_yes(4), "a click on a box ticks it");
    assert_eq!(app.ui.checklist.selected, 4);
}

#[test]
fn a_click_selects_a_compare_row_and_a_strengths_pane() {
    let mut app = app();
    app.press("3");
    app.click(Target::CompareRow(2));
    assert_eq!(app.ui.compare.selected, 2);
    app.press("2");
    app.click(Target::StrengthsPane(1));
    assert_eq!(app.ui.strengths.focus, 1);
    app.press("j");
    assert_eq!(app.ui.strengths.scroll(1), 1, "the keys go to the clicked pane");
    assert_eq!(app.ui.strengths.scroll(0), 0);
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer() {
    let mut app = app_at(80, 16);
    app.press("4");
    let list = app.map.pane(Pane::Checklist).expect("the list").rect;
    app.wheel(list.x + 10, list.y + 3, true);
    assert_eq!(
        app.ui.checklist.selected, 0,
        "the wheel does not move the question cursor"
    );
    assert_eq!(app.map.pane(Pane::Checklist).expect("the list").top, 3);
    app.wheel(list.x + 10, list.y + 3, false);
    assert_eq!(app.map.pane(Pane::Checklist).expect("the list").top, 0);

    let mut app = self::app();
    app.press("2");
    let flask = app.map.pane(Pane::Strengths(1)).expect("Flask's column").rect;
    app.wheel(flask.x + 5, flask.y + 5, true);
    assert_eq!(app.ui.strengths.scroll(1), 3);
    assert_eq!(app.ui.strengths.scroll(0), 0, "not the column with the keys");

    app.press("5");
    let decision = app.map.pane(Pane::Decision).expect("the reasons").rect;
    let max = app.map.pane(Pane::Decision).expect("the reasons").max;
    app.wheel(decision.x + 5, decision.y + 5, true);
    assert_eq!(app.ui.decision.scroll, 3.min(max));
}

#[test]
fn clicks_work_in_the_export_dialog_and_a_click_outside_closes_it() {
    let mut app = app();
    app.press("e");
    app.click(Target::Format(stackpick::export::Format::Json));
    let Mode::Export(dialog) = &app.ui.mode else {
        panic!("the dialog is open")
    };
    assert_eq!(dialog.format, stackpick::export::Format::Json);
    assert_eq!(dialog.path.value(), "decision.json");
    let overlay = app.map.overlay.expect("the dialog's box");
    app.click_at(overlay.x.saturating_sub(2), overlay.y);
    assert_eq!(app.ui.mode, Mode::Normal);
}

/// Once a path or a decider is typed, a click outside the export dialog keeps it open with
/// what was typed (and says how to close it); Esc closes it.
#[test]
fn a_click_outside_the_export_dialog_keeps_what_was_typed() {
    let mut app = app();
    app.press("e");
    app.press("x");
    let overlay = app.map.overlay.expect("the dialog's box");
    app.click_at(overlay.x.saturating_sub(2), overlay.y);
    let Mode::Export(dialog) = &app.ui.mode else {
        panic!("the dialog stays open: {:?}", app.ui.mode)
    };
    assert_eq!(dialog.path.value(), "decision.mdx");
    assert!(
        app.text().contains("Esc closes the export dialog"),
        "{}",
        app.text()
    );
    app.press("⎋");
    assert_eq!(app.ui.mode, Mode::Normal);
}

#[test]
fn text_fields_use_the_terminal_cursor() {
    let mut app = app();
    app.press("3/bu");
    let cursor = app.cursor().expect("a cursor while typing");
    let row = app
        .text()
        .lines()
        .nth(usize::from(cursor.y))
        .expect("the row")
        .to_owned();
    let before: String = row.chars().take(usize::from(cursor.x)).collect();
    assert!(
        before.ends_with("/bu"),
        "the cursor follows the typed text: {row}"
    );
    app.press("⏎");
    assert_eq!(app.cursor(), None, "no cursor when not typing");
    app.press("e");
    let cursor = app.cursor().expect("a cursor in the path field");
    let row = app
        .text()
        .lines()
        .nth(usize::from(cursor.y))
        .expect("the row")
        .to_owned();
    let before: String = row.chars().take(usize::from(cursor.x)).collect();
    assert!(before.ends_with("decision.md"), "{row}");
}

#[test]
fn answers_are_yes_no_or_unanswered_on_the_checklist() {
    use stackpick::score::Answer;
    let mut app = app();
    app.press("4");
    assert_eq!(app.press("y"), vec![Effect::SaveAnswers]);
    assert_eq!(app.scorecard.answer(0), Some(Answer::Yes));
    // Answering moves on: n answers the next question.
    assert!(
        app.text().contains("▶ [ ] Will you have user accounts"),
        "{}",
        app.text()
    );
    app.press("n");
    assert_eq!(
        app.scorecard.answer(1),
        Some(Answer::No),
        "n answers no on the Checklist"
    );
    assert!(app.text().contains("Questions · 2 of 12 answered"));
    let screen = app.text();
    assert!(screen.contains("[x] Do you need an admin panel"), "{screen}");
    assert!(screen.contains("[-] Will you have user accounts"), "{screen}");
    // Space, x and Enter cycle unanswered → yes → no → unanswered, in place (n moved the
    // selection to the third question).
    for (key, expected) in [(" ", Some(Answer::Yes)), ("x", Some(Answer::No)), ("⏎", None)] {
        app.press(key);
        assert_eq!(app.scorecard.answer(2), expected, "after {key:?}");
    }
    app.press("k⌫");
    assert_eq!(app.scorecard.answer(1), None, "Backspace clears");
    assert_eq!(
        app.press("⌫"),
        vec![],
        "clearing an unanswered question saves nothing"
    );
    // A click on a box cycles it.
    app.click(Target::QuestionBox(3));
    assert_eq!(app.scorecard.answer(3), Some(Answer::Yes));
    app.click(Target::QuestionBox(3));
    assert_eq!(app.scorecard.answer(3), Some(Answer::No));
    // On Compare, n still steps through the filter's matches.
    app.press("3/a⏎");
    let before = app.scorecard.revision();
    app.press("n");
    assert_eq!(app.scorecard.revision(), before);
    assert_eq!(app.ui.compare.selected, 1);
}

#[test]
fn a_note_is_typed_in_a_line_editor_and_saved_with_the_answers() {
    let mut app = app();
    app.press("4j");
    app.press("a");
    assert!(matches!(app.ui.mode, Mode::Note { .. }));
    assert!(app.text().contains("Note on this question"));
    let cursor = app.cursor().expect("the terminal cursor is in the field");
    assert!(
        app.press("Only staff log in").is_empty(),
        "typing saves nothing yet"
    );
    let moved = app.cursor().expect("cursor");
    assert_eq!(
        (moved.x - cursor.x, moved.y),
        (17, cursor.y),
        "the cursor follows the text"
    );
    // Line editing: Home, a word deleted at the end, a control character refused.
    app.key(KeyCode::Home);
    app.press("X");
    app.key(KeyCode::End);
    app.ctrl('w');
    app.paste("in\u{1b}[31m\u{202e}!");
    assert_eq!(app.press("⏎"), vec![Effect::SaveAnswers]);
    assert_eq!(app.scorecard.note(1), Some("XOnly staff log in[31m!"));
    assert!(
        app.text().contains("✎ XOnly staff log in[31m!"),
        "shown under its question"
    );
    // Esc drops an edit; the note stays as it was.
    app.press("a⌫⌫⎋");
    assert_eq!(app.scorecard.note(1), Some("XOnly staff log in[31m!"));
    assert_eq!(app.ui.mode, Mode::Normal);
    // On the Decision tab, a edits the decision's own note.
    app.press("5aB2B SaaS for clinics⏎");
    assert_eq!(app.scorecard.answers().note, "B2B SaaS for clinics");
}

/// What the note or justification editor holds, if one is open.
fn draft(app: &App) -> Option<&str> {
    match &app.ui.mode {
        Mode::Note { editor, .. } | Mode::Because { editor, .. } => Some(editor.value()),
        _ => None,
    }
}

#[test]
fn a_click_outside_a_note_or_justification_keeps_the_draft_and_only_esc_cancels() {
    let mut app = app();
    // The question's note: clicks on a tab, a question and a checkbox outside the editor.
    app.press("4ja");
    app.press("Only staff");
    for target in [
        Target::Tab(Tab::Overview),
        Target::Question(5),
        Target::QuestionBox(0),
    ] {
        let before = app.scorecard.revision();
        assert!(app.click(target).is_empty(), "{target:?} saves nothing");
        assert_eq!(draft(&app), Some("Only staff"), "after a click on {target:?}");
        assert_eq!(app.scorecard.revision(), before, "{target:?} changes no answer");
        assert_eq!(app.ui.tab, Tab::Checklist);
    }
    let overlay = app.map.overlay.expect("the editor's box");
    app.click_at(overlay.x.saturating_sub(2), overlay.y);
    assert_eq!(draft(&app), Some("Only staff"));
    assert_eq!(app.press(" log in⏎"), vec![Effect::SaveAnswers]);
    assert_eq!(app.scorecard.note(1), Some("Only staff log in"));

    // The justification of a choice: the same, and Esc drops it.
    app.press("cjjj⏎Async ML");
    app.click_at(0, 0);
    assert_eq!(draft(&app), Some("Async ML"), "a click on the tab bar");
    assert!(matches!(app.ui.mode, Mode::Because { .. }));
    app.press("⎋");
    assert_eq!(app.ui.mode, Mode::Normal);
    assert_eq!(app.scorecard.answers().choice.because, "", "Esc cancels");
}

#[test]
fn c_chooses_the_users_decision_with_a_justification() {
    use stackpick::score::choice::Pick;
    let mut app = app();
    app.press("c");
    assert_eq!(app.ui.mode, Mode::Choose { cursor: 0 });
    let screen = app.text();
    for entry in [
        "Follow the checklist",
        "Django",
        "Flask",
        "FastAPI",
        "Hybrid: Django + Flask",
        "Not decided",
    ] {
        assert!(screen.contains(entry), "{entry} in\n{screen}");
    }
    app.press("jjj");
    assert!(
        app.press("⏎").is_empty(),
        "choosing asks for the justification first"
    );
    assert!(matches!(app.ui.mode, Mode::Because { .. }));
    assert!(app.text().contains("Why FastAPI?"));
    assert_eq!(app.press("Async ML serving⏎"), vec![Effect::SaveAnswers]);
    let choice = &app.scorecard.answers().choice;
    assert_eq!(choice.pick, Pick::Option("fastapi".into()));
    assert_eq!(choice.because, "Async ML serving");
    let decision = app.press("5").is_empty().then(|| app.text()).expect("no effect");
    assert!(decision.contains("FastAPI — your choice"), "{decision}");
    assert!(decision.contains("FastAPI (your choice) is not"), "{decision}");
    assert!(decision.contains("no layer is lit"), "{decision}");
    assert!(decision.contains("Async ML serving"), "{decision}");
    // A click on a picker entry chooses it.
    app.press("c");
    app.click(Target::Choice(0));
    app.press("⏎");
    assert_eq!(app.scorecard.answers().choice.pick, Pick::Checklist);
}

#[test]
fn the_export_dialog_sets_the_status_and_the_deciders() {
    use stackpick::score::choice::Status;
    let mut app = app();
    app.settings.default_decider = Some("ana".into());
    app.press("e");
    let Mode::Export(dialog) = &app.ui.mode else {
        panic!("export dialog")
    };
    assert_eq!(dialog.deciders.value(), "ana", "the default decider");
    assert!(app.text().contains("Status:   proposed"));
    app.ctrl('t');
    assert!(app.text().contains("Status:   accepted"));
    app.ctrl('t');
    assert!(app.text().contains("Status:   rejected"));
    app.key(KeyCode::Down);
    app.press(", Bo");
    let effects = app.press("⏎");
    assert!(matches!(effects.as_slice(), [Effect::Export { .. }]));
    let choice = &app.scorecard.answers().choice;
    assert_eq!(choice.deciders, vec!["ana".to_owned(), "Bo".to_owned()]);
    assert_eq!(choice.status, Some(Status::Rejected));
}

#[test]
fn the_stage_hint_says_change_once_a_stage_is_chosen() {
    let mut app = app();
    app.press("G");
    assert!(app.text().contains("Press s to choose where you are now"));
    app.press("sj⏎G");
    assert!(app.text().contains("Press s to change where you are now"));
    app.press("5");
    let screen = app.text();
    assert!(!screen.contains("choose a stage"), "{screen}");
}

/// The status line's text, if any.
fn status(app: &App) -> String {
    app.ui.status.as_ref().map(|s| s.text.clone()).unwrap_or_default()
}

#[test]
fn u_undoes_a_tick_and_ctrl_r_redoes_it_each_saved() {
    let mut app = app();
    app.press("4 ");
    assert!(app.scorecard.answers().is_yes("django.admin-panel"));
    assert_eq!(app.press("u"), vec![Effect::SaveAnswers], "the undo is saved");
    assert!(app.scorecard.answers().is_unanswered("django.admin-panel"));
    assert_eq!(app.scorecard.evaluation().scores[0].score, 0, "re-evaluated");
    let text = status(&app);
    assert!(text.starts_with("Undid: yes to '"), "{text}");
    assert!(text.ends_with("…'"), "a long question is cut: {text}");
    assert_eq!(app.ctrl('r'), vec![Effect::SaveAnswers], "the redo is saved");
    assert!(app.scorecard.answers().is_yes("django.admin-panel"));
    assert_eq!(app.scorecard.evaluation().scores[0].score, 1);
    assert!(status(&app).starts_with("Redid: yes to '"), "{}", status(&app));
    app.ctrl('r');
    assert_eq!(status(&app), "Nothing to redo");
    app.press("uu");
    assert_eq!(status(&app), "Nothing to undo");
}

#[test]
fn u_undoes_a_stage_change() {
    let mut app = app();
    app.press("s");
    app.key(KeyCode::Down);
    app.key(KeyCode::Enter);
    let stage = app.scorecard.answers().stage.clone();
    assert!(stage.is_some());
    app.press("sj⏎");
    assert_ne!(app.scorecard.answers().stage, stage);
    app.press("u");
    assert_eq!(app.scorecard.answers().stage, stage, "back to the first stage");
    assert_eq!(status(&app), "Undid: stage");
    app.press("u");
    assert_eq!(app.scorecard.answers().stage, None);
}

#[test]
fn capital_r_asks_then_starts_over_and_u_brings_everything_back() {
    let mut app = app();
    app.press("4 j j a");
    app.press("admin matters⏎");
    app.press("sj⏎");
    let before = app.scorecard.answers().clone();
    assert_eq!(before.answered(), 3);
    assert!(app.press("R").is_empty(), "nothing is reset before the answer");
    let Mode::ConfirmReset { question } = &app.ui.mode else {
        panic!("R asks first: {:?}", app.ui.mode);
    };
    assert_eq!(question, "Reset 3 answers, 1 note and the stage? y/n");
    assert!(
        app.text().contains("Reset 3 answers, 1 note and the stage? y/n"),
        "the question is shown"
    );
    assert_eq!(app.press("n"), Vec::new());
    assert_eq!(app.scorecard.answers(), &before, "n keeps everything");
    app.press("R");
    assert_eq!(app.press("y"), vec![Effect::SaveAnswers]);
    assert_eq!(app.ui.mode, Mode::Normal);
    assert_eq!(app.scorecard.answers(), &Answers::default(), "all cleared");
    assert_eq!(app.scorecard.evaluation().scores[0].score, 0);
    assert_eq!(app.press("u"), vec![Effect::SaveAnswers]);
    assert_eq!(status(&app), "Undid: start over");
    assert_eq!(app.scorecard.answers(), &before, "all back");
}

#[test]
fn q_quits_from_the_too_small_screen_whatever_is_open() {
    // The search field, the help's filter, the stage picker, the export dialog and its
    // overwrite question, on the Checklist tab.
    for keys in ["4/", "?/", "4s", "e", "4c"] {
        let mut app = app();
        app.press(keys);
        assert_ne!(app.ui.mode, Mode::Normal, "{keys:?} opens something");
        shrink(&mut app);
        app.press("q");
        assert!(app.quit, "{keys:?}: q quits from the too-small screen");
    }
}
