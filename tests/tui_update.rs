//! `App::update` driven by key scripts, through the real key table.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use stackpick::decision::Decision;
use stackpick::score::{Answers, VerdictKind};
use stackpick::tui::app::{Effect, ExportOutcome, Mode};
use stackpick::tui::view::theme::Theme;
use stackpick::tui::{Action, App, Tab};

fn app() -> App {
    App::new(Decision::embedded(), Answers::default(), Theme::monochrome())
}

/// Presses keys through the key table, as the event loop does; returns the effects.
trait Press {
    fn press(&mut self, keys: &str) -> Vec<Effect>;
    fn key(&mut self, code: KeyCode) -> Vec<Effect>;
}

impl Press for App {
    /// Each character is a key; `⏎` is Enter, `⎋` Esc, `⇥` Tab, `⌫` Backspace.
    fn press(&mut self, keys: &str) -> Vec<Effect> {
        let mut effects = Vec::new();
        for c in keys.chars() {
            let code = match c {
                '⏎' => KeyCode::Enter,
                '⎋' => KeyCode::Esc,
                '⇥' => KeyCode::Tab,
                '⌫' => KeyCode::Backspace,
                c => KeyCode::Char(c),
            };
            effects.extend(self.key(code));
        }
        effects
    }

    fn key(&mut self, code: KeyCode) -> Vec<Effect> {
        let modifiers = match code {
            KeyCode::Char(c) if c.is_ascii_uppercase() => KeyModifiers::SHIFT,
            KeyCode::BackTab => KeyModifiers::SHIFT,
            _ => KeyModifiers::NONE,
        };
        let event = KeyEvent {
            code,
            modifiers,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        };
        self.keymap
            .action_for(&self.scopes(), &event)
            .and_then(|action| self.update(action))
            .into_iter()
            .collect()
    }
}

#[test]
fn digits_and_tab_switch_tabs() {
    let mut app = app();
    app.press("3");
    assert_eq!(app.tab, Tab::Compare);
    app.press("⇥");
    assert_eq!(app.tab, Tab::Checklist);
    app.key(KeyCode::BackTab);
    app.key(KeyCode::BackTab);
    assert_eq!(app.tab, Tab::Strengths);
    app.press("5⇥");
    assert_eq!(app.tab, Tab::Overview, "Tab wraps around");
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
    assert_eq!(app.evaluation.scores[0].score, 3);
    assert!(app.evaluation.scores[0].qualified);
    assert_eq!(app.evaluation.verdict.kind, VerdictKind::Single);
    assert_eq!(app.evaluation.verdict.options, vec!["django".to_owned()]);
    assert!(app.answers.is_yes("django.admin-panel"));
    assert!(app.answers.is_yes("django.content-heavy"));
}

#[test]
fn untick_lowers_the_score_again() {
    let mut app = app();
    app.press("4 j j ");
    app.press(" ");
    assert_eq!(app.evaluation.scores[0].score, 2);
    assert_eq!(app.evaluation.verdict.kind, VerdictKind::Leaning);
}

#[test]
fn x_and_enter_tick_too() {
    let mut app = app();
    app.press("4x");
    app.press("j⏎");
    assert_eq!(app.answers.yes.len(), 2);
}

#[test]
fn l_jumps_to_the_next_framework_and_h_back() {
    let mut app = app();
    app.press("4l");
    assert_eq!(
        app.question_id_at(app.question).as_deref(),
        Some("flask.rest-api")
    );
    // Flask is the last checklist (FastAPI has none): `l` stays there.
    app.press("l ");
    assert!(app.answers.is_yes("flask.rest-api"));
    app.press("h");
    assert_eq!(
        app.question_id_at(app.question).as_deref(),
        Some("django.admin-panel")
    );
    app.press("ljh");
    assert_eq!(
        app.question_id_at(app.question).as_deref(),
        Some("flask.rest-api"),
        "h inside a group goes to its first question"
    );
    app.press("G");
    assert_eq!(
        app.question_id_at(app.question).as_deref(),
        Some("flask.prototype")
    );
    app.press("g");
    assert_eq!(app.question, 0);
}

#[test]
fn hybrid_when_django_and_flask_both_qualify() {
    let mut app = app();
    app.press("4 j j l j j ");
    assert_eq!(app.evaluation.verdict.kind, VerdictKind::Hybrid);
    let shared = app
        .evaluation
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
    assert!(app.answers.yes.is_empty());
}

#[test]
fn filter_narrows_the_comparison_and_esc_clears_it() {
    let mut app = app();
    app.press("3/auth");
    assert_eq!(app.mode, Mode::Filter);
    assert_eq!(app.filter, "auth");
    let rows = app.compare_rows();
    assert_eq!(rows.len(), 1);
    assert_eq!(app.decision.comparison[rows[0]].name.as_str(), "Authentication");
    app.press("⏎");
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(app.filter, "auth", "Enter keeps the filter");
    app.press("⎋");
    assert!(app.filter.is_empty());
    assert_eq!(app.compare_rows().len(), 12);
}

#[test]
fn typing_a_filter_takes_letters_that_are_keys_elsewhere() {
    let mut app = app();
    app.press("3/qs?");
    assert_eq!(app.filter, "qs?");
    assert!(!app.quit);
    app.press("⌫⌫⌫⌫");
    assert!(app.filter.is_empty());
}

#[test]
fn n_and_shift_n_step_through_the_matches_and_wrap() {
    let mut app = app();
    app.press("3/built⏎");
    let count = app.compare_rows().len();
    assert!(count >= 3, "several aspects say built-in");
    assert_eq!(app.compare_row, 0);
    app.press("n");
    assert_eq!(app.compare_row, 1);
    app.press("N");
    app.press("N");
    assert_eq!(app.compare_row, count - 1, "N wraps to the last match");
    app.press("n");
    assert_eq!(app.compare_row, 0, "n wraps to the first match");
}

#[test]
fn choosing_a_stage_breaks_the_tie() {
    let mut app = app();
    let effects = app.press("sjj⏎");
    assert_eq!(effects, vec![Effect::SaveAnswers]);
    assert_eq!(app.answers.stage.as_deref(), Some("post-validation"));
    assert_eq!(app.evaluation.verdict.kind, VerdictKind::Stage);
    assert_eq!(app.evaluation.verdict.options, vec!["django".to_owned()]);
    // Row 0 of the picker is "no stage".
    app.press("sgk⏎");
    assert_eq!(app.answers.stage, None);
    assert_eq!(app.evaluation.verdict.kind, VerdictKind::Undecided);
}

#[test]
fn esc_closes_the_stage_picker_without_choosing() {
    let mut app = app();
    app.press("sj⎋");
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(app.answers.stage, None);
}

#[test]
fn help_opens_and_esc_closes_it_without_quitting() {
    let mut app = app();
    app.press("?");
    assert!(matches!(app.mode, Mode::Help { .. }));
    app.press("⎋");
    assert_eq!(app.mode, Mode::Normal);
    app.press("⎋⎋");
    assert!(!app.quit, "Esc never quits");
    app.press("?q");
    assert!(!app.quit, "q closes the help first");
    assert_eq!(app.mode, Mode::Normal);
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
    let action = app.keymap.action_for(&app.scopes(), &event);
    assert_eq!(action, Some(Action::Quit));
    app.update(Action::Quit);
    assert!(app.quit);
}

#[test]
fn export_dialog_edits_the_path_and_cycles_formats() {
    let mut app = app();
    app.press("e");
    let Mode::Export(dialog) = &app.mode else {
        panic!("export dialog open")
    };
    assert_eq!(dialog.path, "decision.md");
    app.press("⇥");
    let Mode::Export(dialog) = &app.mode else { panic!() };
    assert_eq!(dialog.path, "decision.json", "a default path follows the format");
    app.press("⌫⌫⌫⌫xyz");
    let effects = app.press("⏎");
    assert_eq!(
        effects,
        vec![Effect::Export {
            format: stackpick::cli::Format::Json,
            path: "decision.xyz".into(),
            overwrite: false
        }]
    );
}

#[test]
fn export_asks_before_overwriting_and_n_keeps_the_file() {
    let mut app = app();
    app.press("e⏎");
    app.export_done(ExportOutcome::Exists);
    assert!(matches!(&app.mode, Mode::Export(d) if d.confirm_overwrite));
    assert!(app.press("n").is_empty());
    assert!(matches!(&app.mode, Mode::Export(d) if !d.confirm_overwrite));
    app.press("⏎");
    app.export_done(ExportOutcome::Exists);
    let effects = app.press("y");
    assert_eq!(
        effects,
        vec![Effect::Export {
            format: stackpick::cli::Format::Md,
            path: "decision.md".into(),
            overwrite: true
        }]
    );
    app.export_done(ExportOutcome::Written("decision.md".into()));
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(app.written, vec![std::path::PathBuf::from("decision.md")]);
}

#[test]
fn a_failed_export_keeps_the_dialog_and_the_answers() {
    let mut app = app();
    app.press("4 e");
    app.export_done(ExportOutcome::Failed(
        "cannot write /nope/decision.md: denied".into(),
    ));
    assert!(matches!(app.mode, Mode::Export(_)));
    assert!(
        app.status
            .as_ref()
            .is_some_and(|s| s.is_error && s.text.contains("denied"))
    );
    assert!(app.answers.is_yes("django.admin-panel"));
}

#[test]
fn clicking_a_tab_and_a_checkbox() {
    let mut app = app();
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    // Find the Checklist tab's title on the first row.
    let (_, titles) = stackpick::tui::view::layout::tab_titles(80);
    let (_, _, x, _) = titles.iter().find(|(t, ..)| *t == Tab::Checklist).unwrap();
    app.update(Action::Click {
        column: *x + 1,
        row: 0,
    });
    assert_eq!(app.tab, Tab::Checklist);
    // The first question is drawn on the row below the Django heading, inside the border.
    let effect = app.update(Action::Click { column: 5, row: 3 });
    assert_eq!(effect, Some(Effect::SaveAnswers));
    assert!(app.answers.is_yes("django.admin-panel"));
    // A click on the heading ticks nothing.
    assert_eq!(app.update(Action::Click { column: 5, row: 2 }), None);
}

#[test]
fn scrolling_documents_stops_at_the_end() {
    let mut app = app();
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    app.press("G");
    let end = app.overview_scroll;
    assert!(end > 0, "the overview is longer than one screen at 80x24");
    app.press("j");
    assert_eq!(app.overview_scroll, end);
    app.press("k");
    assert_eq!(app.overview_scroll, end - 1);
    app.press("g");
    assert_eq!(app.overview_scroll, 0);
}

#[test]
fn only_actions_that_change_the_view_change_the_view_state() {
    let mut app = app();
    let before = app.view_state();
    app.press("1kgh");
    assert!(
        app.view_state() == before,
        "nothing to change on the first tab's top"
    );
    app.press("2");
    assert!(app.view_state() != before);
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
    assert!(app.status.as_ref().is_some_and(|s| s.text.starts_with("Stage: ")));
    app.update(Action::Resize {
        width: 100,
        height: 30,
    });
    assert!(app.status.is_some(), "a resize keeps the message");
    app.press("j");
    assert_eq!(app.status, None);
}

// ---------------------------------------------------------------------------------------------
// Nothing acts unseen (issue 7.8), and typed text is only text (issue 7.2)
// ---------------------------------------------------------------------------------------------

fn shrink(app: &mut App) {
    app.update(Action::Resize {
        width: 30,
        height: 10,
    });
}

#[test]
fn q_quits_from_the_too_small_screen_even_over_the_export_dialog() {
    let mut app = app();
    app.press("e");
    shrink(&mut app);
    let effects = app.press("q");
    assert!(effects.is_empty());
    assert!(app.quit, "q quits: the hidden export field must not take it");
    let Mode::Export(dialog) = &app.mode else {
        panic!("the dialog is still the mode underneath")
    };
    assert_eq!(
        dialog.path, "decision.md",
        "nothing was typed into the hidden field"
    );
}

#[test]
fn keys_that_would_act_unseen_do_nothing_while_the_terminal_is_too_small() {
    let mut app = app();
    app.press("4");
    shrink(&mut app);
    let before = app.view_state();
    let effects = app.press(" x⏎jjlG3se/⇥2");
    assert!(effects.is_empty(), "no tick, no export: {effects:?}");
    assert!(
        app.answers.yes.is_empty(),
        "Space ticked a question nobody could see"
    );
    assert!(app.view_state() == before, "nothing changed while too small");
    assert_eq!(app.tab, Tab::Checklist);
    assert_eq!(app.mode, Mode::Normal);
    // The mouse neither: a click where the first checkbox would be, the wheel.
    assert_eq!(app.update(Action::Click { column: 5, row: 3 }), None);
    app.update(Action::ScrollDown);
    assert!(app.view_state() == before);
    // The help opens and closes; back at a usable size the keys act again.
    app.press("?");
    assert!(matches!(app.mode, Mode::Help { .. }));
    app.press("?");
    assert_eq!(app.mode, Mode::Normal);
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    assert_eq!(app.press(" "), vec![Effect::SaveAnswers]);
}

#[test]
fn a_rebound_quit_key_is_the_one_that_quits_while_too_small() {
    let mut app = app();
    let overrides = [("quit".to_owned(), vec!["ctrl-q".to_owned()])].into();
    app.keymap = stackpick::tui::keys::keymap::Keymap::with_overrides(&overrides).expect("valid keys");
    shrink(&mut app);
    app.press("q");
    assert!(!app.quit, "q is not bound to quit any more");
    let event = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL);
    assert_eq!(app.keymap.action_for(&app.scopes(), &event), Some(Action::Quit));
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
    assert_eq!(app.filter, "bu");

    let mut app = self::app();
    app.press("e⌫⌫⌫⌫⌫⌫⌫⌫⌫⌫⌫");
    for c in "out/".chars().chain(hostile).chain("x.md".chars()) {
        app.update(Action::Input(c));
    }
    let Mode::Export(dialog) = &app.mode else {
        panic!("dialog open")
    };
    assert_eq!(dialog.path, "out/x.md");
}

#[test]
fn a_paste_goes_into_the_field_cleaned_and_never_acts_as_keys() {
    let mut app = app();
    // On a tab, a paste of "q4 " neither quits, switches tab nor ticks.
    app.paste("q4 ");
    assert!(!app.quit);
    assert_eq!(app.tab, Tab::Overview);
    assert!(app.answers.yes.is_empty());
    // In the export field it is typed, on one line, without controls.
    app.press("e⌫⌫⌫⌫⌫⌫⌫⌫⌫⌫⌫");
    app.paste("out/\u{202e}dm.x\u{1b}[2J\r\nv2.md");
    let Mode::Export(dialog) = &app.mode else {
        panic!("dialog open")
    };
    assert_eq!(dialog.path, "out/dm.x[2J  v2.md");
    // Too small: nothing is typed unseen.
    shrink(&mut app);
    app.paste("zzz");
    let Mode::Export(dialog) = &app.mode else {
        panic!("dialog open")
    };
    assert!(!dialog.path.contains("zzz"));
}
