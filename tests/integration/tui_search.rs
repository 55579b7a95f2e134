//! Search on every tab, driven by key scripts through the real key table and the `FrameMap`
//! the real render records (as `tui_update.rs` does): the Checklist filter, finding text on
//! Overview, Strengths and Decision with `n`/`N`, the help's filter, the search field's line
//! editing; and the new screens as snapshots at 80×24.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Modifier;
use stackpick::decision::Decision;
use stackpick::score::Answers;
use stackpick::tui::app::Mode;
use stackpick::tui::theme::Theme;
use stackpick::tui::{App, Tab};

use crate::support::assert_snapshot;
use crate::support::backend::{Screen, text};
use crate::support::big_decision;

fn app() -> Screen {
    Screen::new(
        App::new(Decision::embedded(), Answers::default(), Theme::monochrome()),
        80,
        24,
    )
}

/// The screen's row `y`, as text.
fn row(screen: &mut Screen, y: usize) -> String {
    screen.text().lines().nth(y).unwrap_or_default().to_owned()
}

/// The search prompt: the line above the footer.
fn prompt(screen: &mut Screen) -> String {
    row(screen, 22)
}

/// The cells of the first place `word` is drawn, with their modifiers.
fn modifiers_of(buffer: &Buffer, word: &str) -> Option<Vec<Modifier>> {
    let screen = text(buffer);
    let (y, line) = screen.lines().enumerate().find(|(_, l)| l.contains(word))?;
    let column = line[..line.find(word)?].chars().count();
    let (x, y) = (u16::try_from(column).ok()?, u16::try_from(y).ok()?);
    let width = u16::try_from(word.chars().count()).ok()?;
    Some((x..x + width).map(|x| buffer[(x, y)].modifier).collect())
}

#[test]
fn overview_find_scrolls_to_the_match_marks_it_and_esc_clears_it() {
    let mut app = app();
    app.press("/recommendation");
    assert_eq!(app.ui.mode, Mode::Filter);
    assert_eq!(app.ui.overview.find.query.value(), "recommendation");
    assert_eq!(prompt(&mut app), "/recommendation  1 match");
    let cursor = app.cursor().expect("the terminal's cursor is in the prompt");
    assert_eq!((cursor.x, cursor.y), (15, 22), "after the typed text");
    assert!(
        !app.text().contains("My Recommendation"),
        "below the first screen"
    );

    app.press("⏎");
    assert_eq!(app.ui.mode, Mode::Normal);
    assert!(app.cursor().is_none(), "no cursor once the search is kept");
    assert!(app.ui.overview.scroll > 0);
    assert!(
        app.text().contains("My Recommendation for You"),
        "scrolled to the match"
    );
    assert_eq!(prompt(&mut app), "/recommendation  match 1 of 1");
    // Marked without colour: reversed (the monochrome match style), the current underlined.
    let buffer = app.draw();
    let marked = modifiers_of(&buffer, "Recommendation").expect("drawn");
    assert!(
        marked
            .iter()
            .all(|m| m.contains(Modifier::REVERSED | Modifier::UNDERLINED))
    );
    let plain = modifiers_of(&buffer, "for You").expect("drawn");
    assert!(plain.iter().all(|m| !m.contains(Modifier::REVERSED)));

    app.press("⎋");
    assert!(app.ui.overview.find.query.value().is_empty());
    assert!(!app.text().contains("/recommendation"), "the prompt goes");
    let buffer = app.draw();
    let unmarked = modifiers_of(&buffer, "Recommendation").expect("still drawn");
    assert!(unmarked.iter().all(|m| !m.contains(Modifier::REVERSED)));
}

#[test]
fn n_and_shift_n_step_through_matches_and_wrap() {
    let mut app = app();
    app.press("/django⏎");
    let count: usize = prompt(&mut app)
        .rsplit(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("match i of n");
    assert!(count > 3, "Django is named often: {count}");
    assert_eq!(prompt(&mut app), format!("/django  match 1 of {count}"));
    app.press("n");
    assert_eq!(prompt(&mut app), format!("/django  match 2 of {count}"));
    app.press("N");
    app.press("N");
    assert_eq!(
        prompt(&mut app),
        format!("/django  match {count} of {count}"),
        "wraps back"
    );
    // The last match is in the stage advice, far down: it was scrolled into view.
    assert!(app.ui.overview.scroll > 0);
    let buffer = app.draw();
    let screen = text(&buffer);
    let current = screen
        .lines()
        .enumerate()
        .filter_map(|(y, line)| {
            line.to_lowercase()
                .find("django")
                .map(|x| (y, line[..x].chars().count()))
        })
        .filter(|&(y, x)| {
            let cell = &buffer[(u16::try_from(x).unwrap_or(0), u16::try_from(y).unwrap_or(0))];
            cell.modifier.contains(Modifier::UNDERLINED)
        })
        .count();
    assert_eq!(current, 1, "exactly one match is the current one");
    app.press("n");
    assert_eq!(
        prompt(&mut app),
        format!("/django  match 1 of {count}"),
        "wraps forward"
    );
    assert_eq!(app.ui.tab, Tab::Overview);
}

#[test]
fn a_search_that_finds_nothing_says_so() {
    let mut app = app();
    app.press("/xyzzy⏎");
    assert_eq!(prompt(&mut app), "/xyzzy  no match for 'xyzzy'");
    assert_eq!(
        app.ui.status.as_ref().map(|s| s.text.as_str()),
        Some("no match for 'xyzzy'")
    );
    app.press("n");
    assert_eq!(
        app.ui.status.as_ref().map(|s| s.text.as_str()),
        Some("no match for 'xyzzy'")
    );
    assert_eq!(app.ui.overview.scroll, 0);
}

#[test]
fn strengths_find_moves_to_the_column_with_the_match() {
    let mut app = app();
    app.press("2");
    assert!(
        !app.text().contains("FastAPI (3/3)"),
        "two of three columns fit at 80"
    );
    app.press("/pydantic⏎");
    assert_eq!(app.ui.strengths.focus, 2, "the third framework has the match");
    assert!(app.text().contains("Pydantic"));
    assert_eq!(prompt(&mut app), "/pydantic  match 1 of 1");
    // Matches in every column count, in column order: N from the first wraps to the last.
    app.press("⎋");
    app.key(KeyCode::Home);
    app.press("hh");
    assert_eq!(app.ui.strengths.focus, 0);
    app.press("/api⏎");
    let first = app.ui.strengths.focus;
    assert!(first < 2, "an earlier column mentions APIs");
    let found = prompt(&mut app);
    let count: usize = found
        .rsplit(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("match i of n");
    assert_eq!(found, format!("/api  match 1 of {count}"));
    app.press("N");
    assert_eq!(prompt(&mut app), format!("/api  match {count} of {count}"));
    assert_eq!(app.ui.strengths.focus, 2, "FastAPI's column mentions APIs last");
    let screen = app.text();
    assert!(screen.contains("FastAPI (3/3)"), "its column is shown:\n{screen}");
    app.press("n");
    assert_eq!(prompt(&mut app), format!("/api  match 1 of {count}"));
    assert_eq!(
        app.ui.strengths.focus, first,
        "n wraps to the first column's match"
    );
}

#[test]
fn decision_find_scrolls_the_decision_pane() {
    let mut app = app();
    app.press("5/export⏎");
    assert_eq!(app.ui.tab, Tab::Decision);
    assert!(
        app.ui.decision.scroll > 0,
        "how to export is at the end of the pane"
    );
    assert!(prompt(&mut app).starts_with("/export  match 1 of "));
    let buffer = app.draw();
    let marked = modifiers_of(&buffer, "xport").expect("the match is on screen");
    assert!(marked.iter().all(|m| m.contains(Modifier::REVERSED)));
}

#[test]
fn decision_find_searches_the_diagram_too() {
    let mut app = app();
    app.press("5");
    assert!(app.text().contains("Webhook handlers"), "{}", app.text());
    app.press("/webhook");
    let prompt = prompt(&mut app);
    assert!(
        prompt.starts_with("/webhook  1 match") || prompt.starts_with("/webhook  match 1 of"),
        "the diagram's words are found: {prompt}"
    );
    let buffer = app.draw();
    let marked = modifiers_of(&buffer, "Webhook").expect("the match is on screen");
    assert!(
        marked.iter().all(|m| m.contains(Modifier::REVERSED)),
        "{marked:?}"
    );
    // Enter shows it where it is: the diagram does not scroll, the text beside it stays.
    app.press("⏎");
    assert_eq!(app.ui.decision.scroll, 0);
    assert!(
        prompt_or_status(&mut app).contains("match 1 of"),
        "{}",
        app.text()
    );
}

/// The line above the footer, or the footer (where `n` reports the match it moved to).
fn prompt_or_status(screen: &mut Screen) -> String {
    let text = screen.text();
    let lines: Vec<&str> = text.lines().collect();
    format!("{}\n{}", lines[22], lines[23])
}

#[test]
fn checklist_filter_narrows_keeps_and_clears_keeping_the_selection() {
    let mut app = app();
    app.press("4j/you");
    let kept = app.checklist_matches().expect("a filter");
    assert!(kept.len() > 2 && kept.len() < app.scorecard.question_count());
    assert!(prompt(&mut app).starts_with(&format!("/you  {} of 12 questions", kept.len())));
    // Only the kept questions are listed.
    let listed = app.text().matches("[ ]").count();
    assert_eq!(listed, kept.len().min(listed));
    assert!(kept.contains(&app.ui.checklist.selected));
    app.press("admin");
    assert_eq!(
        app.checklist_matches().map(|k| k.len()),
        Some(0),
        "'youadmin' matches nothing"
    );
    assert!(prompt(&mut app).ends_with("no match for 'youadmin'"));
    app.press("⌫⌫⌫⌫⌫");
    assert_eq!(app.ui.checklist.filter.value(), "you");

    app.press("⏎");
    assert_eq!(app.ui.mode, Mode::Normal);
    assert_eq!(app.ui.checklist.filter.value(), "you", "Enter keeps the filter");
    // The footer offers `n` for what it does now, however wide the terminal.
    let hints = app.keymap().footer_hints(&app.scopes());
    assert!(hints.contains(&("n".to_owned(), "next match")), "{hints:?}");
    assert!(!hints.contains(&("n".to_owned(), "no")), "{hints:?}");
    let before = app.ui.checklist.selected;
    let at = kept.iter().position(|&q| q == before).expect("selected is kept");
    app.press("n");
    assert_eq!(
        app.ui.checklist.selected,
        kept[(at + 1) % kept.len()],
        "n steps to the next match"
    );
    assert!(
        app.scorecard.answers().no.is_empty(),
        "n does not answer no while searching"
    );
    app.press("N");
    app.press("N");
    assert_eq!(
        app.ui.checklist.selected,
        kept[(at + kept.len() - 1) % kept.len()]
    );
    app.press("j");
    assert_eq!(
        app.ui.checklist.selected, kept[at],
        "j moves among the kept questions"
    );

    let selected = app.ui.checklist.selected;
    app.press("⎋");
    assert!(app.ui.checklist.filter.value().is_empty());
    assert_eq!(
        app.ui.checklist.selected, selected,
        "Esc keeps the selected question"
    );
    let hints = app.keymap().footer_hints(&app.scopes());
    assert!(
        hints.contains(&("n".to_owned(), "no")),
        "n answers no again: {hints:?}"
    );
    assert!(
        app.text().matches("[ ]").count() > listed,
        "every question is listed again"
    );
    app.press("n");
    let id = app
        .scorecard
        .question_id(selected)
        .expect("a question")
        .to_owned();
    assert!(
        app.scorecard.answers().no.contains(&id),
        "without a search, n answers no"
    );
}

#[test]
fn checklist_filter_on_a_big_decision_steps_through_all_its_matches() {
    let source = big_decision::big_decision_ron(2000, 5000);
    let decision = Decision::parse(&source, "big.ron").expect("valid");
    let mut app = Screen::new(
        App::new(decision, Answers::default(), Theme::monochrome()),
        80,
        24,
    );
    let needle = app.scorecard.question(1999).expect("last").1.text.to_string();
    // Past the "Do you need" every question starts with: three words of its own.
    let needle: String = needle
        .split_whitespace()
        .skip(3)
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    app.press("4/");
    app.press(&needle);
    app.press("⏎");
    let kept = app.checklist_matches().expect("a filter");
    assert!(!kept.is_empty() && kept.len() < 2000);
    assert!(kept.contains(&1999));
    app.key(KeyCode::End);
    assert_eq!(
        app.ui.checklist.selected,
        *kept.last().expect("kept"),
        "End goes to the last match"
    );
    app.press("n");
    assert_eq!(app.ui.checklist.selected, kept[0], "n wraps to the first match");
    // Every question on screen is a kept one.
    let rows = stackpick::tui::view::tabs::checklist::visible_rows(&app.app, app.map.panes[0].rect);
    assert!(rows.iter().filter_map(|r| r.question).all(|q| kept.contains(&q)));
}

#[test]
fn the_help_filters_its_keys_on_slash_and_esc_clears_before_closing() {
    let mut app = app();
    app.press("?");
    let full = app.text();
    assert!(
        full.contains("/ filter (or type any letter)"),
        "the help says how to filter"
    );
    app.press("/undo");
    assert!(app.ui.help.typing);
    let screen = app.text();
    assert!(
        screen.contains("│/undo"),
        "the filter at the top of the help:\n{screen}"
    );
    assert!(screen.contains("undo"));
    assert!(!screen.contains("export"), "rows without the text are gone");
    assert!(app.cursor().is_some());
    app.press("⌫⌫⌫⌫redo⏎");
    assert!(!app.ui.help.typing);
    assert_eq!(app.ui.help.filter.value(), "redo");
    assert!(
        app.text().contains("Ctrl-R"),
        "labels match: redo's key is listed"
    );
    app.press("j");
    assert!(
        matches!(app.ui.mode, Mode::Help { .. }),
        "j scrolls once the filter is kept"
    );
    // Key names match too, ignoring case: Ctrl-W deletes a word in every text field.
    app.press("/");
    app.ctrl('u');
    app.press("ctrl-w");
    let screen = app.text();
    assert!(
        screen.contains("delete word") && !screen.contains("undo"),
        "{screen}"
    );
    app.ctrl('u');
    app.press("zzzz");
    assert!(app.text().contains("No key matches 'zzzz'."));
    app.press("⏎");
    app.press("⎋");
    assert!(
        app.ui.help.filter.value().is_empty(),
        "Esc clears the filter first"
    );
    assert!(matches!(app.ui.mode, Mode::Help { .. }));
    // As in lazygit's keybindings menu, any letter starts the filter at once, j included:
    // the arrows scroll.
    app.key(KeyCode::Down);
    assert!(!app.ui.help.typing, "↓ scrolls the help");
    app.press("exp");
    assert!(app.ui.help.typing, "a letter starts the filter");
    assert_eq!(app.ui.help.filter.value(), "exp");
    let screen = app.text();
    assert!(
        screen.contains("export") && !screen.contains("undo"),
        "typing filtered the keys:\n{screen}"
    );
    app.press("j");
    assert_eq!(app.ui.help.filter.value(), "expj", "while typing, j is text");
    app.press("⎋");
    assert!(matches!(app.ui.mode, Mode::Help { .. }) && app.ui.help.filter.value().is_empty());

    app.press("/PgDn⏎");
    assert!(app.text().contains("page down"), "key names are matched");
    app.press("⎋⎋");
    assert_eq!(app.ui.mode, Mode::Normal, "then Esc closes");
}

#[test]
fn the_search_field_is_a_line_editor() {
    let mut app = app();
    app.press("/abd");
    app.key(KeyCode::Left);
    app.press("c");
    assert_eq!(app.ui.overview.find.query.value(), "abcd");
    app.ctrl('a');
    app.press("X");
    app.ctrl('e');
    app.press("Y");
    assert_eq!(app.ui.overview.find.query.value(), "XabcdY");
    app.key(KeyCode::Home);
    app.key(KeyCode::Delete);
    app.key(KeyCode::End);
    app.ctrl('w');
    assert_eq!(app.ui.overview.find.query.value(), "");
    // What the runtime does with a paste event.
    app.app.paste("admin panel");
    app.draw();
    assert_eq!(app.ui.overview.find.query.value(), "admin panel");
    app.key(KeyCode::Left);
    app.key(KeyCode::Left);
    app.ctrl('k');
    assert_eq!(app.ui.overview.find.query.value(), "admin pan");
    let cursor = app.cursor().expect("cursor");
    assert_eq!(cursor.x, 1 + 9, "the cursor after the text");
    app.ctrl('u');
    assert_eq!(app.ui.overview.find.query.value(), "");
    // The Compare filter is the same field.
    app.press("⎋3/auht");
    app.key(KeyCode::Left);
    app.key(KeyCode::Left);
    app.key(KeyCode::Delete);
    app.key(KeyCode::Right);
    app.press("h");
    assert_eq!(app.ui.compare.filter.value(), "auth");
    assert_eq!(app.compare_rows().len(), 1);
}

#[test]
fn search_screens_at_80x24() {
    let mut app = app();
    app.press("/recommendation");
    assert_snapshot!("search_prompt_80x24", app.text());
    app.press("⏎");
    assert_snapshot!("search_match_80x24", app.text());
    app.press("⎋4/build");
    assert_snapshot!("checklist_filtered_80x24", app.text());
    app.press("⎋⎋?/tab");
    assert_snapshot!("help_filtered_80x24", app.text());
}
