use ratatui::crossterm::event::KeyEventState;
use strum::IntoEnumIterator;

use std::collections::BTreeMap;

use super::*;
use crate::tui::keys::bindings::Scope::{Export, Filter, Global, Help, Overwrite, Stage};
use ratatui::crossterm::event::KeyModifiers;

fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent {
        code,
        modifiers,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    }
}

#[track_caller]
fn assert_action(scopes: &[Scope], code: KeyCode, modifiers: KeyModifiers, expected: Option<Action>) {
    assert_eq!(
        Keymap::default().action_for(scopes, &press(code, modifiers)),
        expected
    );
}

const CHECKLIST: &[Scope] = &[Scope::Tab(Tab::Checklist), Scope::Global];

#[test]
fn tab_keys_win_over_global_ones() {
    assert_action(
        CHECKLIST,
        KeyCode::Char(' '),
        KeyModifiers::NONE,
        Some(Action::Toggle),
    );
    assert_action(
        CHECKLIST,
        KeyCode::Char('j'),
        KeyModifiers::NONE,
        Some(Action::Down),
    );
    assert_action(
        CHECKLIST,
        KeyCode::Char('3'),
        KeyModifiers::NONE,
        Some(Action::GoTab(Tab::Compare)),
    );
}

#[test]
fn shifted_letters_and_backtab_match() {
    assert_action(
        CHECKLIST,
        KeyCode::Char('G'),
        KeyModifiers::SHIFT,
        Some(Action::Last),
    );
    assert_action(
        CHECKLIST,
        KeyCode::BackTab,
        KeyModifiers::SHIFT,
        Some(Action::PreviousTab),
    );
}

#[test]
fn ctrl_c_quits_even_while_typing() {
    assert_action(
        &[Scope::Filter],
        KeyCode::Char('c'),
        KeyModifiers::CONTROL,
        Some(Action::Quit),
    );
}

#[test]
fn text_fields_take_characters_that_are_bound_elsewhere() {
    assert_action(
        &[Scope::Filter],
        KeyCode::Char('q'),
        KeyModifiers::NONE,
        Some(Action::Input('q')),
    );
    assert_action(
        &[Scope::Filter],
        KeyCode::Esc,
        KeyModifiers::NONE,
        Some(Action::Close),
    );
}

#[test]
fn esc_never_quits() {
    for scope in [
        Global,
        Help,
        Filter,
        Stage,
        Export,
        Overwrite,
        Scope::Tab(Tab::Compare),
    ] {
        assert_ne!(
            Keymap::default().action_for(&[scope, Global], &press(KeyCode::Esc, KeyModifiers::NONE)),
            Some(Action::Quit)
        );
    }
}

#[test]
fn releases_are_ignored() {
    let mut event = press(KeyCode::Char('q'), KeyModifiers::NONE);
    event.kind = KeyEventKind::Release;
    assert_eq!(Keymap::default().action_for(CHECKLIST, &event), None);
}

#[test]
fn footer_comes_from_the_table() {
    let keymap = Keymap::default();
    let hints = keymap.footer_hints(CHECKLIST);
    assert_eq!(hints[0], ("Space".to_owned(), "cycle answer"));
    assert!(hints.iter().any(|(k, l)| k == "?" && *l == "help"));
    assert!(
        hints
            .iter()
            .all(|(_, label)| keymap.bindings().iter().any(|b| b.label == *label && b.footer))
    );
}

#[test]
fn every_forward_key_of_a_tab_is_in_its_footer_at_every_width() {
    let keymap = Keymap::default();
    for tab in Tab::iter() {
        let scopes = [Scope::Tab(tab), Scope::Global];
        let forward: Vec<&str> = keymap
            .bindings()
            .iter()
            .filter(|b| scopes.contains(&b.scope) && b.footer && b.priority == Priority::Forward)
            .map(|b| b.label)
            .collect();
        assert!(forward.contains(&"export"), "{tab:?}");
        for width in usize::from(crate::tui::app::ui::MIN_WIDTH)..200 {
            let footer = keymap.footer(&scopes, width);
            for label in &forward {
                assert!(
                    footer.iter().any(|(_, l)| l == label),
                    "{tab:?} at {width}: {label} missing from {footer:?}"
                );
            }
        }
    }
}

#[test]
fn every_binding_is_in_the_help() {
    let keymap = Keymap::default();
    let sections = keymap.help_sections();
    for binding in keymap.bindings() {
        if matches!(binding.action, Action::GoTab(_)) {
            continue;
        }
        let title = binding.scope.title();
        let (_, rows) = sections
            .iter()
            .find(|(t, _)| *t == title)
            .expect("scope has a section");
        assert!(
            rows.iter()
                .any(|(keys, label)| keys.join("/") == binding.keys_label() && label == binding.label)
        );
    }
    let global = &sections[0].1;
    assert!(global.iter().any(|(keys, _)| keys == &["1–6"]));
}

fn overrides(pairs: &[(&str, &[&str])]) -> BTreeMap<String, Vec<String>> {
    pairs
        .iter()
        .map(|(name, keys)| ((*name).to_owned(), keys.iter().map(|k| (*k).to_owned()).collect()))
        .collect()
}

#[test]
fn an_override_rebinds_dispatch_footer_and_help_together() {
    let keymap = Keymap::with_overrides(&overrides(&[("tick", &["t"])])).expect("valid");
    let t = press(KeyCode::Char('t'), KeyModifiers::NONE);
    let space = press(KeyCode::Char(' '), KeyModifiers::NONE);
    assert_eq!(keymap.action_for(CHECKLIST, &t), Some(Action::Toggle));
    assert_eq!(keymap.action_for(CHECKLIST, &space), None);
    assert_eq!(
        keymap.footer_hints(CHECKLIST)[0],
        ("t".to_owned(), "cycle answer")
    );
    let sections = keymap.help_sections();
    let checklist = &sections.iter().find(|(t, _)| t == "Checklist tab").unwrap().1;
    assert!(
        checklist
            .iter()
            .any(|(keys, label)| keys == &["t"] && label == "cycle answer")
    );
}

#[test]
fn overrides_report_every_problem() {
    let bad = overrides(&[
        ("tikc", &["t"]),
        ("quit", &["ctrl-"]),
        ("help", &["j"]),
        ("export", &["ctrl-c"]),
    ]);
    let problems = Keymap::with_overrides(&bad).expect_err("invalid");
    assert_eq!(problems.len(), 4, "{problems:#?}");
    let places: Vec<&str> = problems.iter().map(|p| p.place.path()).collect();
    assert_eq!(
        places,
        [
            "keys[\"export\"][0]",
            "keys[\"quit\"][0]",
            "keys[\"tikc\"]",
            "keys[\"help\"][0]"
        ]
    );
    let problems: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    assert!(
        problems
            .iter()
            .any(|p| p.contains("unknown action \"tikc\"") && p.contains("tick"))
    );
    assert!(problems.iter().any(|p| p.contains("keys.quit: unknown key")));
    assert!(
        problems
            .iter()
            .any(|p| p.contains("keys.export: ctrl-c always quits"))
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("keys.help: j is already bound to down"))
    );
}

#[test]
fn tab_keys_may_reuse_a_key_of_another_tab() {
    // `h` moves between frameworks on both the Checklist and the Strengths tab; rebinding
    // the tab-5 key to `x` clashes with tick on the Checklist, so it is refused.
    assert!(Keymap::with_overrides(&overrides(&[("tab-5", &["x"])])).is_err());
    assert!(Keymap::with_overrides(&overrides(&[("tab-5", &["F5"])])).is_ok());
}

/// The label the key table gives an action in a scope.
fn label_of(keymap: &Keymap, scope: Scope, action: Action) -> &'static str {
    keymap
        .bindings()
        .iter()
        .find(|b| b.scope == scope && b.action == action)
        .map(|b| b.label)
        .expect("bound")
}

#[test]
fn at_80_columns_every_tab_keeps_the_keys_that_move_the_decision_forward() {
    use strum::IntoEnumIterator;
    let keymap = Keymap::default();
    for tab in Tab::iter() {
        let scopes = [Scope::Tab(tab), Global];
        let hints = keymap.footer(&scopes, 80);
        let used: usize = hints.iter().map(hint_width).sum();
        assert!(used <= 80, "{tab}: {used} columns: {hints:?}");
        let mut forward = vec![
            (Global, Action::Export),
            (Global, Action::ChooseDecision),
            (Global, Action::ToggleHelp),
        ];
        if tab == Tab::Checklist {
            let checklist = Scope::Tab(Tab::Checklist);
            forward.extend([
                (checklist, Action::Toggle),
                (checklist, Action::AnswerYes),
                (checklist, Action::AnswerNo),
            ]);
        }
        for (scope, action) in forward {
            let label = label_of(&keymap, scope, action);
            assert!(
                hints.iter().any(|(_, l)| *l == label),
                "{tab}: {label} missing from {hints:?}"
            );
        }
        // The keys that move the decision on come first.
        let export = hints.iter().position(|(_, l)| *l == "export").unwrap();
        let first_generic = hints.iter().position(|(_, l)| *l == "next tab" || *l == "help");
        assert!(first_generic.is_none_or(|g| export < g), "{tab}: {hints:?}");
    }
}

#[test]
fn a_narrow_footer_trims_generic_keys_first_and_help_last_but_the_forward_ones() {
    let keymap = Keymap::default();
    let all = keymap.footer(CHECKLIST, usize::MAX);
    assert!(all.iter().any(|(_, l)| *l == "quit") && all.iter().any(|(_, l)| *l == "next tab"));
    let labels = |width| -> Vec<&str> {
        keymap
            .footer(CHECKLIST, width)
            .into_iter()
            .map(|(_, l)| l)
            .collect()
    };
    // The forward keys (33 columns), then help (8), then this tab's others: cycling in
    // place (20) before the note (8).
    assert_eq!(
        labels(69),
        ["yes", "no", "choose", "export", "cycle answer", "note", "help"]
    );
    assert_eq!(
        labels(61),
        ["yes", "no", "choose", "export", "cycle answer", "help"]
    );
    assert_eq!(labels(41), ["yes", "no", "choose", "export", "help"]);
    assert_eq!(labels(33), ["yes", "no", "choose", "export"]);
    assert!(labels(0).is_empty());
}
