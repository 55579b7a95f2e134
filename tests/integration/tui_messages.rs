//! Status messages can be read whole: a message cut short in the footer says so and names the
//! message log's key, and the log lists the session's messages, newest first, wrapped.

use ratatui::crossterm::event::KeyCode;
use stackpick::decision::Decision;
use stackpick::score::Answers;
use stackpick::tui::app::Mode;
use stackpick::tui::theme::Theme;
use stackpick::tui::{App, Tab};

use crate::support::backend::Screen;

fn screen() -> Screen {
    let mut app = App::new(Decision::embedded(), Answers::default(), Theme::monochrome());
    app.ui.tab = Tab::Checklist;
    Screen::new(app, 80, 24)
}

const LONG: &str = "Saved answers ignored: /home/ada/.local/state/stackpick/web-frameworks.ron:3:14: \
    unknown question id \"django.admin-panle\" (the decision has no such question)";

fn footer(screen: &mut Screen) -> String {
    screen.text().lines().last().unwrap_or_default().to_owned()
}

#[test]
fn a_message_too_long_for_the_footer_is_cut_with_an_ellipsis_and_names_the_log_key() {
    let mut screen = screen();
    screen.set_status(LONG, true);
    let footer = footer(&mut screen);
    assert!(
        footer.starts_with(" Saved answers ignored: /home/ada"),
        "{footer}"
    );
    assert!(footer.ends_with("… M full message"), "{footer}");
    assert_eq!(footer.chars().count(), 80, "{footer}");
}

#[test]
fn a_short_message_shares_the_footer_with_the_forward_keys() {
    let mut screen = screen();
    screen.set_status("Restored your saved answers", false);
    let footer = footer(&mut screen);
    assert!(footer.ends_with(" Restored your saved answers"), "{footer}");
    assert!(footer.starts_with("y yes  n no  c choose  e export"), "{footer}");
    assert!(!footer.contains('…'), "{footer}");
}

#[test]
fn the_log_shows_every_message_whole_newest_first_and_closes() {
    let mut screen = screen();
    screen.set_status(LONG, true);
    screen.press("j");
    assert!(
        screen.ui.status.is_none(),
        "the footer's message went with the key"
    );
    screen.set_status("Restored your saved answers", false);
    screen.press("M");
    assert_eq!(screen.ui.mode, Mode::Messages { scroll: 0 });
    let text = screen.text();
    let inside: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split('│').nth(2))
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let joined = inside.join(" ");
    let newest = joined.find("Restored your saved answers").expect(&text);
    let oldest = joined.find("! Saved answers ignored:").expect(&text);
    assert!(newest < oldest, "newest first:\n{text}");
    // Wrapped, not cut: every character of the long message is there, in order.
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    assert!(squeeze(&joined).contains(&squeeze(LONG)), "whole:\n{text}");
    assert!(!joined.contains('…'), "{text}");
    screen.key(KeyCode::Esc);
    assert_eq!(screen.ui.mode, Mode::Normal);
    screen.press("M");
    screen.press("M");
    assert_eq!(screen.ui.mode, Mode::Normal, "its key closes it too");
}

#[test]
fn a_long_log_scrolls_and_keeps_the_last_hundred() {
    let mut screen = screen();
    for i in 0..150 {
        screen.set_status(format!("message number {i}"), false);
    }
    assert_eq!(screen.messages.len(), 100);
    assert_eq!(screen.messages[0].text, "message number 50");
    screen.press("M");
    assert!(screen.text().contains("message number 149"));
    screen.press("G");
    let text = screen.text();
    assert!(text.contains("message number 50"), "{text}");
    assert!(!text.contains("message number 149"), "{text}");
    screen.press("g");
    assert!(screen.text().contains("message number 149"));
}

#[test]
fn an_empty_log_says_so() {
    let mut screen = screen();
    screen.press("M");
    assert!(screen.text().contains("No messages yet in this session."));
}

#[test]
fn the_wheel_scrolls_the_log_and_a_click_outside_closes_it() {
    let mut screen = screen();
    for i in 0..40 {
        screen.set_status(format!("message number {i}"), false);
    }
    screen.press("M");
    assert!(screen.text().contains("message number 39"));
    let overlay = screen.map.overlay.expect("the log is an overlay");
    // 79 lines (40 messages and the blanks between) in an 18-line page: 61 lines to scroll.
    for _ in 0..25 {
        screen.wheel(overlay.x + 2, overlay.y + 2, true);
    }
    let text = screen.text();
    assert!(!text.contains("message number 39"), "scrolled:\n{text}");
    assert!(text.contains("message number 0"), "to the oldest:\n{text}");
    screen.click_at(0, 0);
    assert_eq!(screen.ui.mode, Mode::Normal);
}
