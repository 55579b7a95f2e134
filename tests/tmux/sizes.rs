//! The screens at the sizes people use them, in a real terminal: 50×14 (the smallest the app
//! draws), 60×24, 80×24 and 200×60. Each test starts at 80×24 and resizes the window.

use crate::support::tmux::{Launch, SESSION, Tmux};
use crate::{line_with, tick_three_django};

fn resize(tmux: &Tmux, width: u16, height: u16) {
    let (width, height) = (width.to_string(), height.to_string());
    tmux.tmux(&["resize-window", "-t", SESSION, "-x", &width, "-y", &height]);
}

/// Waits for a frame drawn for `width` columns showing `text`: no line is wider and the
/// tab bar is the first line.
fn wait_at(tmux: &Tmux, width: usize, text: &str) -> String {
    tmux.wait_screen(&format!("{text:?} at {width} columns"), |s| {
        s.contains(text)
            && s.lines().all(|l| l.chars().count() <= width)
            && s.lines()
                .next()
                .is_some_and(|l| l.contains("1 ") && l.contains("5 "))
            && s.lines().last().is_some_and(|l| !l.is_empty())
    })
}

/// The column (in characters) where `text` starts on `line`.
fn column(line: &str, text: &str) -> usize {
    line[..line
        .find(text)
        .unwrap_or_else(|| panic!("{text:?} not in {line:?}"))]
        .chars()
        .count()
}

#[test]
fn compare_breaks_between_words_at_60_columns_and_has_a_scrollbar_at_80() {
    let tmux = Tmux::start("compare-sizes", Launch::default());
    tmux.wait_first_frame();
    tmux.keys(&["3"]);
    let screen = tmux.wait_for(&["Detailed Comparison (12 aspects)"]);
    // At 80×24 not every row fits: the right border carries the scrollbar's thumb.
    let thumb = screen.lines().filter(|l| l.ends_with('┃')).count();
    assert!(thumb > 0, "no scrollbar:\n{screen}");

    resize(&tmux, 60, 24);
    let screen = wait_at(&tmux, 60, "Philosophy");
    // The cuts: "Batteries-incl / uded", "Authenticat / ion".
    assert!(!screen.contains("Batteries-incl"), "{screen}");
    assert!(!screen.contains("Authenticat "), "{screen}");
    let lines: Vec<&str> = screen.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("Philosophy"))
        .expect("the first row");
    let django = column(lines[at], "Batteries-");
    assert_eq!(
        column(lines[at + 1], "included"),
        django,
        "the compound breaks at its hyphen, in its column:\n{screen}"
    );
    assert!(screen.lines().any(|l| l.ends_with('┃')), "{screen}");
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_exit(1), 0);
}

#[test]
fn at_50x14_every_cut_ends_in_an_ellipsis_and_export_stays_in_the_footer() {
    let tmux = Tmux::start("small-screen", Launch::default());
    tmux.wait_first_frame();
    resize(&tmux, 50, 14);
    let screen = wait_at(&tmux, 50, "Where to start");
    // The Overview's first step wraps whole.
    let words = screen
        .replace('│', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(words.contains("answer the questions"), "{screen}");
    for (key, tab) in [
        ("1", "Overview"),
        ("2", "Strengths"),
        ("3", "Compare"),
        ("4", "Checklist"),
        ("5", "Decision"),
    ] {
        tmux.keys(&[key]);
        let screen = wait_at(&tmux, 50, &format!("{key} {tab}"));
        let bar = screen.lines().next().unwrap_or_default();
        // The tab in view by its whole name; the others shortened with … or by number.
        for label in bar.split("   ").map(str::trim).filter(|l| !l.is_empty()) {
            let name = label.split_once(' ').map_or("", |(_, name)| name);
            let whole = ["Overview", "Strengths", "Compare", "Checklist", "Decision"].contains(&name);
            assert!(
                name.is_empty() || name.ends_with('…') || whole,
                "{label:?} is cut without …: {bar}"
            );
        }
        let footer = screen.lines().last().unwrap_or_default();
        assert!(footer.contains("e export"), "{tab}: {footer}");
    }
    resize(&tmux, 80, 24);
    tick_three_django(&tmux);
    resize(&tmux, 50, 14);
    let screen = wait_at(&tmux, 50, "Django 3/6");
    let gauge = line_with(&screen, "Django 3/6");
    assert!(
        gauge.contains("✓ qualifies") || gauge.contains('…'),
        "the gauge's words whole or cut with …: {gauge}"
    );
    let title = line_with(&screen, "Questions · ");
    assert!(
        title.contains("3 of 12 answered") || title.contains('…'),
        "{title}"
    );
    let footer = screen.lines().last().unwrap_or_default();
    assert!(footer.contains("e export"), "{footer}");
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_exit(1), 0);
}

#[test]
fn at_200x60_the_question_pane_grows_to_a_readable_measure_and_the_gauges_stay_short() {
    let tmux = Tmux::start("wide-screen", Launch::default());
    tmux.wait_first_frame();
    resize(&tmux, 200, 60);
    tmux.keys(&["4"]);
    let screen = tmux.wait_screen("the Checklist at 200 columns", |s| {
        s.contains("Questions · 0 of 12") && s.lines().any(|l| l.chars().count() > 150)
    });
    let top = line_with(&screen, "Questions · 0 of 12");
    let pane = column(top, "┐") + 1;
    assert!(
        (80..=92).contains(&pane),
        "the question pane is {pane} columns wide:\n{top}"
    );
    let gauge = line_with(&screen, "Django 0/6");
    let bar = gauge.chars().filter(|c| matches!(c, '█' | '░' | '┃')).count();
    assert!(bar <= 40, "a gauge of {bar} cells: {gauge}");
    // A question reads on one line at this width.
    assert!(
        screen.contains("[ ] Will you have user accounts with different permission levels?"),
        "{screen}"
    );
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_exit(1), 0);
}

#[test]
fn y_and_n_answer_and_move_to_the_next_question_at_80x24() {
    let tmux = Tmux::start("yes-no-move-on", Launch::default());
    tmux.wait_first_frame();
    tmux.keys(&["4"]);
    tmux.wait_for(&["Questions · 0 of 12 answered"]);
    tmux.keys(&["y"]);
    let screen = tmux.wait_for(&["Questions · 1 of 12 answered"]);
    assert!(
        line_with(&screen, "▶").contains("Will you have user accounts"),
        "{screen}"
    );
    tmux.keys(&["n"]);
    let screen = tmux.wait_for(&["Questions · 2 of 12 answered"]);
    assert!(
        line_with(&screen, "▶").contains("Are you building a content-heavy"),
        "{screen}"
    );
    assert!(
        line_with(&screen, "Do you need an admin panel").contains("[x]"),
        "{screen}"
    );
    assert!(
        line_with(&screen, "Will you have user accounts").contains("[-]"),
        "{screen}"
    );
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_exit(1), 0);
}

#[test]
fn the_overview_marks_the_decided_rows_with_a_check_at_80x24() {
    let tmux = Tmux::start("overview-marks", Launch::default());
    tmux.wait_first_frame();
    tick_three_django(&tmux);
    tmux.keys(&["1", "/"]);
    tmux.type_text("Quick Decision");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for(&["Quick Decision Matrix", "✓"]);
    let marked: Vec<&str> = screen.lines().filter(|l| l.contains('✓')).collect();
    assert!(!marked.is_empty(), "{screen}");
    assert!(
        !screen.contains('▶'),
        "the cursor's glyph marks nothing here:\n{screen}"
    );
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_exit(1), 0);
}

#[test]
fn the_decision_tab_finds_the_words_of_its_diagram_at_80x24() {
    let tmux = Tmux::start("decision-find", Launch::default());
    tmux.wait_first_frame();
    tmux.keys(&["5"]);
    tmux.wait_for(&["Webhook handlers", "One step away"]);
    tmux.keys(&["/"]);
    tmux.type_text("webhook");
    let screen = tmux.wait_for(&["/webhook"]);
    let prompt = line_with(&screen, "/webhook");
    assert!(!prompt.contains("no match"), "{prompt}");
    assert!(
        prompt.contains("1 match") || prompt.contains("match 1 of"),
        "{prompt}"
    );
    // Esc and q apart: together they would read as Alt-q.
    tmux.keys(&["Escape"]);
    tmux.wait_screen("the search closed", |s| !s.contains("/webhook"));
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_exit(1), 0);
}
