//! The footer of every tab at 80 columns, in one snapshot: the keys that move the decision
//! forward first, and what is left out when the line is full (the key table's priorities).

use stackpick::decision::Decision;
use stackpick::score::Answers;
use stackpick::tui::theme::Theme;
use stackpick::tui::{App, Tab};
use strum::IntoEnumIterator;

use crate::support::assert_snapshot;
use crate::support::backend::{render, text};

fn footer(app: &mut App) -> String {
    text(&render(app, 80, 24))
        .lines()
        .last()
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn every_tabs_footer_at_80x24() {
    let mut app = App::new(Decision::embedded(), Answers::default(), Theme::monochrome());
    let mut footers = String::new();
    for tab in Tab::iter() {
        app.ui.tab = tab;
        footers.push_str(&format!("{tab:>9} │{}\n", footer(&mut app)));
    }
    app.ui.tab = Tab::Checklist;
    app.set_status("Restored your saved answers", false);
    footers.push_str(&format!("{:>9} │{}\n", "+ status", footer(&mut app)));
    app.set_status(
        "cannot save answers: cannot create /home/ada/.local/state/stackpick: Permission denied (os error 13)",
        true,
    );
    footers.push_str(&format!("{:>9} │{}\n", "+ long", footer(&mut app)));
    assert_snapshot!("footers_80x24", footers);
}

#[test]
fn the_overviews_first_screen_says_where_to_start_with_the_key_as_bound() {
    let mut app = App::new(Decision::embedded(), Answers::default(), Theme::monochrome());
    let first_screen = text(&render(&mut app, 80, 24));
    assert!(
        first_screen.contains("│Where to start: 4 Checklist: answer the questions"),
        "{first_screen}"
    );
    let rebound = [("tab-4".to_owned(), vec!["f4".to_owned()])]
        .into_iter()
        .collect();
    app.settings.keymap = stackpick::tui::keys::keymap::Keymap::with_overrides(&rebound).expect("valid");
    let first_screen = text(&render(&mut app, 80, 24));
    assert!(
        first_screen.contains("│Where to start: F4 Checklist: answer the questions"),
        "{first_screen}"
    );
}
