//! `--watch` in the model and the view: a broken version of the file shows its problems in a
//! panel below the tab, escaped, while the last good version stays in use; a good one takes
//! its place with the answers it still has.

use stackpick::decision::Decision;
use stackpick::score::{Answer, Answers};
use stackpick::tui::theme::Theme;
use stackpick::tui::{App, Tab};

use crate::support::assert_snapshot;
use crate::support::backend::Screen;

const MINI: &str = include_str!("../fixtures/good/mini.ron");
const SEVERAL: &str = include_str!("../fixtures/bad/several-problems.ron");

fn screen() -> Screen {
    let decision = Decision::parse(MINI, "mine.ron").expect("mini is valid");
    let mut answers = Answers::default();
    answers.set("django.admin-panel", Some(Answer::Yes));
    let mut app = App::new(decision, answers, Theme::monochrome());
    app.ui.tab = Tab::Checklist;
    Screen::new(app, 80, 24)
}

/// The problems `check` prints for this source, a line each.
fn problems(source: &str) -> Vec<String> {
    let error = Decision::parse(source, "mine.ron").expect_err("a broken decision");
    error.to_string().lines().map(str::to_owned).collect()
}

#[test]
fn the_problems_panel_at_80x24() {
    let mut screen = screen();
    screen.reload("mine.ron", Err(problems(SEVERAL)));
    let text = screen.text();
    assert_snapshot!("problems_panel_80x24", text);
}

#[test]
fn the_app_goes_on_under_the_panel_and_the_panel_goes_with_a_good_version() {
    let mut screen = screen();
    screen.reload("mine.ron", Err(problems(SEVERAL)));
    assert!(screen.text().contains("mine.ron:4:12: title: empty text"));
    // Keys act on the last good version: the next question is answered.
    screen.press("jy");
    assert_eq!(
        screen.scorecard.answers().answer("django.permissions"),
        Some(Answer::Yes)
    );
    assert!(screen.text().contains("is not valid"), "the panel stays");
    screen.reload(
        "mine.ron",
        Ok(Decision::parse(MINI, "mine.ron").expect("mini is valid")),
    );
    let text = screen.text();
    assert!(!text.contains("is not valid"), "{text}");
    assert!(text.contains("Reloaded mine.ron"), "{text}");
    assert_eq!(
        screen.scorecard.answers().answer("django.permissions"),
        Some(Answer::Yes),
        "the answers given meanwhile are kept"
    );
}

#[test]
fn file_text_in_the_panel_cannot_drive_the_terminal() {
    let mut screen = screen();
    let hostile = "mine.ron:4:12: title: \u{1b}]0;owned\u{7}\u{202e}gnp.exe\u{1b}[2J".to_owned();
    screen.reload("mine\u{1b}[31m.ron", Err(vec![hostile]));
    let buffer = screen.draw();
    for cell in &buffer.content {
        assert!(
            !cell
                .symbol()
                .chars()
                .any(|c| c.is_control() || stackpick::text::is_unsafe_char(c)),
            "{:?} reached the screen",
            cell.symbol()
        );
    }
    assert!(screen.text().contains("\\u{1b}]0;owned"), "shown escaped");
}
