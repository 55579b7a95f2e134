//! Every screen rendered into a `TestBackend`: insta snapshots at 80×24 and 120×40, styles
//! asserted where colour carries meaning, and a sweep of sizes that must never panic.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use stackpick::decision::Decision;
use stackpick::score::Answers;
use stackpick::tui::app::Mode;
use stackpick::tui::theme::Theme;
use stackpick::tui::view::frame_map::Target;
use stackpick::tui::{Action, App, Tab};
use strum::IntoEnumIterator;

use crate::support::assert_snapshot;
use crate::support::backend::{Screen, render, text};
use crate::support::big_decision;

fn app_with(yes: &[&str], stage: Option<&str>, theme: Theme) -> App {
    let decision = Decision::embedded();
    let answers = Answers::new(&decision, yes, stage).expect("valid ids");
    App::new(decision, answers, theme)
}

const THREE_DJANGO: &[&str] = &["django.admin-panel", "django.permissions", "django.content-heavy"];

/// The cell where `needle` starts on screen.
fn find(buffer: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let width = buffer.area.width;
    for y in 0..buffer.area.height {
        let row: Vec<&str> = (0..width).map(|x| buffer[(x, y)].symbol()).collect();
        let line: String = row.concat();
        if let Some(byte) = line.find(needle) {
            let column = line[..byte].chars().count() as u16;
            return Some((column, y));
        }
    }
    None
}

#[test]
fn every_tab_at_80x24_and_120x40() {
    for (width, height) in [(80, 24), (120, 40)] {
        // The Team tab needs a team: tests/integration/tui_team.rs draws it.
        for tab in Tab::iter().filter(|t| *t != Tab::Team) {
            let mut app = app_with(THREE_DJANGO, None, Theme::ansi());
            app.ui.tab = tab;
            let screen = text(&render(&mut app, width, height));
            assert_snapshot!(format!("{tab}_{width}x{height}").to_lowercase(), screen);
        }
    }
}

#[test]
fn undecided_checklist_at_80x24() {
    let mut app = app_with(&[], None, Theme::ansi());
    app.ui.tab = Tab::Checklist;
    assert_snapshot!("checklist_undecided_80x24", text(&render(&mut app, 80, 24)));
}

/// Before any answer, the 80×24 Checklist shows the article's whole diagram beside
/// the questions, with the gauges and the verdict, states marked without words.
#[test]
fn the_80x24_checklist_with_no_answers_shows_every_part_of_the_diagram() {
    let mut app = app_with(&[], None, Theme::monochrome());
    app.ui.tab = Tab::Checklist;
    let screen = text(&render(&mut app, 80, 24));
    let parts = [
        "Core business logic",
        "Admin dashboards",
        "User management",
        "Main database",
        "ML model serving",
        "Webhook handlers",
        "Experimental features",
        "Third-party integrations",
        "Shared: JWT/OpenID Connect auth",
    ];
    for text in parts.iter().chain(&[
        "○ Django Monolith",
        "○ Flask Microservices",
        "Django 0/6",
        "needs 3",
        "Verdict:",
    ]) {
        assert!(screen.contains(text), "{text:?} missing at 80×24:\n{screen}");
    }
    assert!(
        !screen.contains("(active)") && !screen.contains("(dimmed)"),
        "{screen}"
    );
    // With an answer that suggests FastAPI, the callout and the whole diagram still fit.
    let mut app = app_with(&["flask.rest-api"], None, Theme::monochrome());
    app.ui.tab = Tab::Checklist;
    let screen = text(&render(&mut app, 80, 24));
    for text in parts {
        assert!(
            screen.contains(text),
            "{text:?} missing with the callout:\n{screen}"
        );
    }
    assert!(screen.contains("FastAPI"), "{screen}");
}

/// The Decision tab drops the parts of whole layers only for lack of room: with nothing
/// active, a short terminal still shows the parts of the layers that fit.
#[test]
fn the_decision_tab_keeps_the_parts_that_fit() {
    for height in 14..=24 {
        let mut app = app_with(&[], None, Theme::monochrome());
        app.ui.tab = Tab::Decision;
        let screen = text(&render(&mut app, 80, height));
        let body = screen.lines().count() - 2;
        // Titles and rules of the three layers, the box and its title: 10 lines; the first
        // layer's four parts fit from 14 lines inside the pane.
        if body - 2 >= 14 {
            assert!(
                screen.contains("Core business logic"),
                "at 80×{height}:\n{screen}"
            );
        }
    }
}

/// The titles on the top border of the panes, left to right.
fn pane_titles(buffer: &Buffer) -> Vec<String> {
    let row: String = (0..buffer.area.width).map(|x| buffer[(x, 1)].symbol()).collect();
    row.split('┌')
        .skip(1)
        .filter_map(|pane| pane.strip_prefix(' '))
        .map(|title| {
            let end = [" ─", " ┐"]
                .iter()
                .filter_map(|e| title.find(e))
                .min()
                .unwrap_or(title.len());
            title[..end].to_owned()
        })
        .collect()
}

/// A pane's title says the same at every width: the widest terminal's, or its start cut with
/// `…`, never another title; the article's stack heading titles the Decision tab at 80×24.
#[test]
fn pane_titles_say_the_same_at_every_width() {
    let widest = 220;
    // The Strengths tab pages its columns on narrow terminals, the others keep their panes.
    for tab in [Tab::Overview, Tab::Compare, Tab::Checklist, Tab::Decision] {
        let mut app = app_with(THREE_DJANGO, None, Theme::monochrome());
        app.ui.tab = tab;
        let full = pane_titles(&render(&mut app, widest, 40));
        for width in 50..widest {
            let titles = pane_titles(&render(&mut app, width, 24));
            assert_eq!(titles.len(), full.len(), "{tab} at {width}: {titles:?}");
            for (title, full) in titles.iter().zip(&full) {
                let same = title == full
                    || title
                        .strip_suffix('…')
                        .is_some_and(|start| full.starts_with(start));
                assert!(same, "{tab} at {width} columns: {title:?}, at {widest}: {full:?}");
            }
        }
    }
    let mut app = app_with(THREE_DJANGO, None, Theme::monochrome());
    app.ui.tab = Tab::Decision;
    let titles = pane_titles(&render(&mut app, 80, 24));
    let heading = app.scorecard.decision().stack.heading.to_string();
    assert_eq!(heading, "The Hybrid Approach (2026 Best Practice)");
    assert_eq!(titles[0], "The Hybrid Approach (2026 Best Pra…");
}

#[test]
fn hybrid_decision_at_120x40() {
    let yes = [
        THREE_DJANGO,
        &["flask.rest-api", "flask.own-tools", "flask.prototype"],
    ]
    .concat();
    let mut app = app_with(&yes, Some("pre-pmf"), Theme::ansi());
    app.ui.tab = Tab::Decision;
    assert_snapshot!("decision_hybrid_120x40", text(&render(&mut app, 120, 40)));
}

#[test]
fn filtered_compare_at_80x24() {
    let mut app = app_with(&[], None, Theme::ansi());
    app.ui.tab = Tab::Compare;
    app.update(Action::StartFilter);
    for c in "built".chars() {
        app.update(Action::Input(c));
    }
    let buffer = render(&mut app, 80, 24);
    assert_snapshot!("compare_filtered_80x24", text(&buffer));
    // The matched text is highlighted, not only the row.
    let (x, y) = find(&buffer, "Built-in").expect("a match on screen");
    assert_eq!(buffer[(x, y)].bg, Color::Yellow);
}

#[test]
fn overlays_at_80x24() {
    let mut app = app_with(THREE_DJANGO, None, Theme::ansi());
    app.ui.mode = Mode::Help { scroll: 0 };
    assert_snapshot!("help_80x24", text(&render(&mut app, 80, 24)));
    let mut app = app_with(THREE_DJANGO, Some("solo"), Theme::ansi());
    app.update(Action::ChooseStage);
    assert_snapshot!("stage_picker_80x24", text(&render(&mut app, 80, 24)));
    let mut app = app_with(THREE_DJANGO, None, Theme::ansi());
    app.update(Action::Export);
    assert_snapshot!("export_dialog_80x24", text(&render(&mut app, 80, 24)));
}

#[test]
fn too_small_screen() {
    let mut app = app_with(&[], None, Theme::ansi());
    let screen = text(&render(&mut app, 40, 10));
    let words = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("terminal too small: needs 50×14, have 40×10"),
        "{screen}"
    );
    assert_snapshot!("too_small_40x10", screen);
}

#[test]
fn every_tab_and_overlay_renders_at_every_size_without_panicking() {
    let modes = [
        Mode::Normal,
        Mode::Help { scroll: 3 },
        Mode::Stage { cursor: 2 },
        Mode::Filter,
    ];
    let mut app = app_with(THREE_DJANGO, Some("api-first"), Theme::ansi());
    app.ui.compare.filter = stackpick::tui::app::LineEditor::new("a");
    let mut terminal = Terminal::new(TestBackend::new(0, 0)).expect("test backend");
    for width in 0..=120 {
        for height in 0..=50 {
            terminal.backend_mut().resize(width, height);
            terminal
                .resize(ratatui::layout::Rect::new(0, 0, width, height))
                .expect("resize");
            app.update(Action::Resize { width, height });
            for tab in Tab::iter() {
                app.ui.tab = tab;
                // Overlays are drawn on every tab; one pass each keeps the sweep quick.
                app.ui.mode = modes[(usize::from(width) + usize::from(height)) % modes.len()].clone();
                terminal
                    .draw(|frame| {
                        stackpick::tui::view::render(&app, frame);
                    })
                    .expect("draw");
            }
        }
    }
}

#[test]
fn checked_boxes_and_qualified_gauges_are_green_and_say_so() {
    let mut app = app_with(THREE_DJANGO, None, Theme::ansi());
    app.ui.tab = Tab::Checklist;
    let buffer = render(&mut app, 80, 24);
    let (x, y) = find(&buffer, "[x]").expect("a ticked box");
    assert_eq!(buffer[(x, y)].fg, Color::Green);
    let (x, y) = find(&buffer, "✓ qualifies").expect("the state in words");
    assert_eq!(buffer[(x, y)].fg, Color::Green);
    let (x, y) = find(&buffer, "needs 3").expect("unqualified in words");
    assert_eq!(buffer[(x, y)].fg, Color::Yellow);
    let (x, y) = find(&buffer, "● Django Monolith").expect("active layer");
    assert!(buffer[(x, y)].modifier.contains(Modifier::BOLD));
    let (x, y) = find(&buffer, "○ Flask Microservices").expect("dimmed layer");
    assert_eq!(buffer[(x, y)].fg, Color::Indexed(245));
}

#[test]
fn the_selected_question_and_tab_are_reversed_or_highlighted() {
    let mut app = app_with(&[], None, Theme::ansi());
    app.ui.tab = Tab::Checklist;
    let buffer = render(&mut app, 80, 24);
    let (x, y) = find(&buffer, "▶ [ ] Do you need an admin panel").expect("selection marker");
    assert!(buffer[(x + 6, y)].modifier.contains(Modifier::REVERSED));
    let (x, y) = find(&buffer, " 4 Checklist ").expect("tab title");
    assert_eq!(buffer[(x + 1, y)].bg, Color::Cyan);
}

#[test]
fn matrix_rows_matching_the_verdict_are_marked_and_highlighted() {
    let mut app = app_with(THREE_DJANGO, None, Theme::ansi());
    let buffer = render(&mut app, 80, 24);
    let (x, y) = find(&buffer, "✓ Need an admin dashboard").expect("a marked Django row");
    assert_eq!(buffer[(x + 2, y)].fg, Color::Green);
    let screen = text(&buffer);
    assert!(
        screen.contains("  Building a simple REST API"),
        "Flask rows are not marked"
    );
}

#[test]
fn no_colour_theme_uses_no_colour_anywhere() {
    for tab in Tab::iter() {
        let mut app = app_with(THREE_DJANGO, None, Theme::monochrome());
        app.ui.tab = tab;
        let buffer = render(&mut app, 120, 40);
        for cell in &buffer.content {
            assert_eq!(cell.fg, Color::Reset, "{tab}: {:?}", cell.symbol());
            assert_eq!(cell.bg, Color::Reset, "{tab}: {:?}", cell.symbol());
        }
    }
    // Without colour, selection is still visible by reverse video.
    let mut app = app_with(&[], None, Theme::monochrome());
    app.ui.tab = Tab::Checklist;
    let buffer = render(&mut app, 80, 24);
    let (x, y) = find(&buffer, "▶ [ ]").expect("selection");
    assert!(buffer[(x + 6, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn gauge_and_verdict_move_with_each_tick() {
    let mut app = app_with(&[], None, Theme::ansi());
    app.ui.tab = Tab::Checklist;
    let mut seen = Vec::new();
    for _ in 0..3 {
        app.update(Action::Toggle);
        app.update(Action::Down);
        let screen = text(&render(&mut app, 80, 24));
        let gauge = screen
            .lines()
            .find_map(|l| {
                l.split('│')
                    .find(|c| c.starts_with("Django ") && !c.contains('—'))
                    .map(str::to_owned)
            })
            .expect("Django gauge");
        seen.push(gauge.trim().to_owned());
    }
    assert_eq!(
        seen,
        [
            "Django 1/6 █░░┃░░      needs 3",
            "Django 2/6 ██░┃░░      needs 3",
            "Django 3/6 ███┃░░      ✓ qualifies"
        ]
    );
    let screen = text(&render(&mut app, 80, 24));
    assert!(screen.contains("Verdict: Choose Django"), "{screen}");
    assert!(screen.contains("● Django Monolith"));
}

/// A decision with only the required fields: no TL;DR, matrix, comparison or stages.
const MINIMAL: &str = r#"Decision(
    id: "minimal",
    title: "Tea or coffee",
    question: "What should the office buy?",
    options: [
        Choice(id: "tea", name: "Tea", threshold: 1, questions: [Question(id: "calm", text: "Do you want calm?")]),
    ],
    stack: Stack(title: "Kitchen", layers: [Layer(title: "Kettle", option: Some("tea"), parts: ["Water"])]),
)"#;

#[test]
fn a_minimal_decision_leaves_out_the_sections_it_has_no_data_for() {
    let decision = Decision::parse(MINIMAL, "minimal.ron").expect("valid");
    for tab in Tab::iter().filter(|t| *t != Tab::Team) {
        let mut app = App::new(decision.clone(), Answers::default(), Theme::ansi());
        app.ui.tab = tab;
        let screen = text(&render(&mut app, 80, 24));
        assert!(
            !screen.contains("TL;DR") && !screen.contains("Quick Decision Matrix"),
            "{screen}"
        );
        assert_snapshot!(format!("minimal_{tab}_80x24").to_lowercase(), screen);
    }
}

#[test]
fn clicking_a_stage_in_the_picker_chooses_it_and_a_click_outside_closes_it() {
    let mut app = Screen::new(app_with(&[], None, Theme::ansi()), 80, 24);
    app.press("s");
    let post_validation = 1 + app
        .scorecard
        .decision()
        .stages
        .iter()
        .position(|s| s.id == "post-validation")
        .expect("a stage");
    app.click(Target::Stage(post_validation));
    assert_eq!(app.scorecard.answers().stage.as_deref(), Some("post-validation"));
    assert_eq!(app.ui.mode, Mode::Normal);

    app.press("s");
    app.click_at(0, 12);
    assert_eq!(app.ui.mode, Mode::Normal, "a click outside closes the picker");
    assert_eq!(
        app.scorecard.answers().stage.as_deref(),
        Some("post-validation"),
        "and chooses nothing"
    );
}

#[test]
fn a_click_outside_the_help_closes_it() {
    let mut app = Screen::new(app_with(&[], None, Theme::ansi()), 80, 24);
    app.press("?");
    let overlay = app.map.overlay.expect("the help's box");
    app.click_at(overlay.x + overlay.width / 2, overlay.y + overlay.height / 2);
    assert!(
        matches!(app.ui.mode, Mode::Help { .. }),
        "a click inside keeps it open"
    );
    app.click_at(0, 12);
    assert_eq!(app.ui.mode, Mode::Normal);
}

#[test]
fn a_tall_checklist_shows_how_close_the_call_is() {
    let mut app = app_with(&["django.admin-panel", "django.permissions"], None, Theme::ansi());
    app.ui.tab = Tab::Checklist;
    let short = text(&render(&mut app, 120, 20));
    assert!(!short.contains("One step away"), "no room at 120x20");
    let tall = text(&render(&mut app, 120, 50));
    assert!(tall.contains("One step away"), "{tall}");
    assert!(tall.contains("Django is 1 yes away"), "{tall}");
    assert_snapshot!("checklist_hints_120x50", tall);
}

/// A document longer than 65,535 lines: `G` reaches its very last line.
#[test]
fn the_last_line_of_a_document_past_65535_lines_can_be_reached() {
    let mut decision = Decision::embedded();
    let count = 70_000;
    decision.options[0].strengths = (0..count)
        .map(|i| stackpick::decision::Point {
            title: format!("point-{i}").into(),
            detail: stackpick::text::Text::default(),
        })
        .collect();
    // Nothing after the strengths, so the last point is the document's last line.
    decision.options[0].best_for.clear();
    decision.options[0].users.clear();
    decision.options[0].example = None;
    let mut app = Screen::new(
        App::new(decision, Answers::default(), Theme::monochrome()),
        80,
        24,
    );
    app.press("2G");
    assert!(
        app.ui.strengths.scroll(0) > usize::from(u16::MAX),
        "scrolled past 65,535"
    );
    let last = format!("point-{}", count - 1);
    let screen = app.text();
    assert!(screen.contains(&last), "{last} on screen:\n{screen}");
    // One line up, the last is gone and the one before it is at the bottom.
    app.press("k");
    let screen = app.text();
    assert!(!screen.contains(&last) && screen.contains(&format!("point-{}", count - 2)));
}

/// A note past 65,535 lines (here the decision's own, pasted on the Decision tab): the
/// document it is part of scrolls to its last line.
#[test]
fn a_note_past_65535_lines_scrolls_to_its_last_line() {
    let mut app = Screen::new(
        App::new(Decision::embedded(), Answers::default(), Theme::monochrome()),
        80,
        24,
    );
    let count = 420_000;
    let words: Vec<String> = (0..count).map(|i| format!("n{i}")).collect();
    app.press("5a");
    app.paste(&words.join(" "));
    app.press("⏎");
    assert_eq!(app.scorecard.answers().note.split(' ').count(), count);
    app.press("G");
    assert!(
        app.ui.decision.scroll > usize::from(u16::MAX),
        "scrolled past 65,535 lines: {}",
        app.ui.decision.scroll
    );
    // The document's last line, the Export section's, is at the bottom.
    let screen = app.text();
    assert!(screen.contains("an HTML page."), "{screen}");
    // A few pages up, the note's last word, below line 65,535.
    let last = format!("n{}", count - 1);
    let mut pages = 0;
    while !app.text().contains(&last) {
        assert!(pages < 20, "{last} within 20 pages of the end:\n{}", app.text());
        app.key(ratatui::crossterm::event::KeyCode::PageUp);
        pages += 1;
    }
    assert!(app.ui.decision.scroll > usize::from(u16::MAX));
    app.press("g");
    assert!(!app.text().contains(&last), "back at the top");
}

/// An absurd terminal size: the app draws into the top-left part, at most
/// `layout::MAX_WIDTH`×`layout::MAX_HEIGHT`, so no frame buffer of four billion cells.
#[test]
fn an_absurd_terminal_size_is_drawn_in_a_clamped_area() {
    use stackpick::tui::terminal::clamped::Clamped;
    use stackpick::tui::terminal::clamped::{MAX_HEIGHT, MAX_WIDTH};
    let mut app = app_with(THREE_DJANGO, None, Theme::monochrome());
    app.update(Action::Resize {
        width: u16::MAX,
        height: u16::MAX,
    });
    // The backend reports the clamped size, so ratatui's buffers are no bigger.
    let mut terminal = Terminal::new(Clamped(TestBackend::new(MAX_WIDTH, MAX_HEIGHT))).expect("test backend");
    let mut map = None;
    let frame = terminal
        .draw(|frame| map = Some(stackpick::tui::view::render(&app, frame)))
        .expect("draw");
    assert_eq!((frame.area.width, frame.area.height), (MAX_WIDTH, MAX_HEIGHT));
    assert_eq!(map.expect("a frame map").area, frame.area);
    let screen = text(frame.buffer);
    assert!(
        screen.lines().next().unwrap_or("").contains("1 Overview"),
        "the tab bar is drawn"
    );
    assert!(screen.contains("TL;DR"));
}

/// The bench's decision of 2,000 questions and a 5,000-row comparison, at 80×24.
fn big_app(tab: Tab) -> App {
    let source = big_decision::big_decision_ron(2000, 5000);
    let decision = Decision::parse(&source, "big.ron").unwrap_or_else(|e| panic!("{e}"));
    let mut app = App::new(decision, Answers::default(), Theme::ansi());
    app.ui.tab = tab;
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    app
}

/// Only the rows on screen are built, and `G` still shows the last one, selected.
#[test]
fn the_last_of_5000_compare_rows_is_drawn_after_g() {
    let mut app = big_app(Tab::Compare);
    app.update(Action::Last);
    assert_eq!(app.ui.compare.selected, 4999);
    let screen = text(&render(&mut app, 80, 24));
    let selected = screen
        .lines()
        .find(|line| line.contains('▶'))
        .unwrap_or_else(|| panic!("a selected row:\n{screen}"));
    assert!(selected.contains("Aspect 4999:"), "{screen}");
    assert!(!screen.contains("Aspect 4998:") || screen.find("Aspect 4998:") < screen.find("Aspect 4999:"));
    // One row up, the selection moves and the last row stays where it was drawn.
    app.update(Action::Up);
    let up = text(&render(&mut app, 80, 24));
    let selected = up.lines().find(|line| line.contains('▶')).unwrap_or_default();
    assert!(selected.contains("Aspect 4998:"), "{up}");
}

/// The Checklist wraps only what is on screen, and `G` shows the last question,
/// selected, with the list ending at the pane's bottom (no blank space after it).
#[test]
fn the_last_of_2000_questions_is_drawn_after_g() {
    let mut app = big_app(Tab::Checklist);
    app.update(Action::Last);
    assert_eq!(app.ui.checklist.selected, 1999);
    let buffer = render(&mut app, 80, 24);
    let screen = text(&buffer);
    let last = app.scorecard.decision().options[3]
        .questions
        .last()
        .expect("questions")
        .text
        .to_string();
    let first_words: String = last.split(' ').take(3).collect::<Vec<_>>().join(" ");
    let selected = screen
        .lines()
        .find(|line| line.contains('▶'))
        .unwrap_or_else(|| panic!("a selected question:\n{screen}"));
    assert!(selected.contains(&first_words), "{first_words:?} in\n{screen}");
    // The list's last inner row (above the bottom border and the footer) holds text.
    let lines: Vec<&str> = screen.lines().collect();
    let bottom = lines[lines.len() - 3];
    let list: String = bottom.chars().skip(1).take(40).collect();
    assert!(
        !list.trim().is_empty(),
        "blank space after the last question:\n{screen}"
    );
    // A tick re-scores; the window is the same.
    app.update(Action::Toggle);
    assert!(text(&render(&mut app, 80, 24)).contains("[x]"));
}

/// Who answered is a small line under the status of the user's decision.
#[test]
fn decision_answered_by_at_120x40() {
    let mut app = app_with(THREE_DJANGO, None, Theme::monochrome());
    let mut answers = app.scorecard.answers().clone();
    answers.by = Some("Alice".into());
    app.scorecard.replace_answers(answers);
    app.ui.tab = Tab::Decision;
    let screen = text(&render(&mut app, 120, 40));
    assert!(screen.contains("Answered by Alice"), "{screen}");
    assert_snapshot!("decision_answered_by_120x40", screen);
}

/// The Overview's matrix marks the rows of the decided option with ✓, never with the
/// cursor's ▶ (the Overview has no cursor, and ▶ would read as a selection).
#[test]
fn the_overview_marks_the_decided_rows_with_a_check_not_the_cursor() {
    let mut app = app_with(
        &["django.admin-panel", "django.permissions", "django.security"],
        None,
        Theme::monochrome(),
    );
    app.ui.tab = Tab::Overview;
    let screen = text(&render(&mut app, 120, 60));
    assert!(!screen.contains('▶'), "{screen}");
    let decision = Decision::embedded();
    for row in &decision.matrix {
        let line = screen
            .lines()
            .find(|l| l.contains(row.situation.as_str()))
            .unwrap_or_else(|| panic!("{:?} on screen:\n{screen}", row.situation));
        let marked = line.contains(&format!("✓ {}", row.situation));
        assert_eq!(marked, row.pick == "django", "{line}");
    }
    assert!(
        screen.contains("✓ marks the rows that match the decision (Django)."),
        "{screen}"
    );
}

/// The Compare tab breaks its cells between words and after a word's own hyphens, never in
/// the middle of a word that fits the column; a word longer than the column is cut with "-".
/// At 80×24 not every row fits, and a scrollbar says so.
#[test]
fn compare_cells_break_between_words_and_hidden_rows_show_a_scrollbar() {
    let decision = Decision::embedded();
    let words: Vec<String> = decision
        .comparison
        .iter()
        .flat_map(|a| std::iter::once(a.name.to_string()).chain(a.values.values().map(ToString::to_string)))
        .flat_map(|text| text.split(' ').map(str::to_owned).collect::<Vec<_>>())
        .collect();
    for (width, height) in [(60, 20), (50, 14), (80, 24)] {
        let mut app = app_with(&[], None, Theme::monochrome());
        app.ui.tab = Tab::Compare;
        let screen = text(&render(&mut app, width, height));
        // The table's lines: inside the pane, below its header row.
        for line in screen.lines().skip(3).filter(|l| l.starts_with('│')) {
            for piece in line.split(['│', ' ', '┃', '▶']).filter(|p| p.chars().count() > 2) {
                let piece = piece.trim_end_matches('-');
                // Every piece of text is a whole word, or a part of a hyphenated one up to
                // its hyphen, or a word cut because it is longer than the column.
                let whole = words.iter().any(|w| {
                    w == piece
                        || w.split_inclusive('-')
                            .any(|part| part.trim_end_matches('-') == piece)
                });
                let cut = words.iter().any(|w| w.starts_with(piece) || w.ends_with(piece));
                assert!(whole || cut, "{piece:?} at {width}×{height}:\n{screen}");
            }
        }
        assert!(
            !screen.contains("Batteries-incl") || screen.contains("Batteries-included"),
            "{width}×{height}:\n{screen}"
        );
    }
    let mut app = app_with(&[], None, Theme::monochrome());
    app.ui.tab = Tab::Compare;
    let screen = text(&render(&mut app, 80, 24));
    assert!(screen.contains("Detailed Comparison (12 aspects)"), "{screen}");
    let thumb = screen.lines().filter(|l| l.ends_with('┃')).count();
    assert!(thumb > 0, "a scrollbar thumb on the right border:\n{screen}");
}

/// One aspect is "1 aspect", not "1 aspects".
#[test]
fn the_compare_title_counts_one_aspect_in_the_singular() {
    let source = MINIMAL.replace(
        "    stack: Stack(",
        "    comparison: [Aspect(name: \"Warmth\", values: {\"tea\": \"Hot\"})],\n    stack: Stack(",
    );
    let decision = Decision::parse(&source, "one-aspect.ron").expect("valid");
    let mut app = App::new(decision, Answers::default(), Theme::monochrome());
    app.ui.tab = Tab::Compare;
    let screen = text(&render(&mut app, 80, 24));
    assert!(screen.contains("Detailed Comparison (1 aspect)"), "{screen}");
}

/// The Decision tab's text pane, the one the keys scroll, is drawn focused as on the other
/// tabs, and its export paragraph names every format.
#[test]
fn the_decision_tab_shows_its_focused_pane_and_every_export_format() {
    let theme = Theme::ansi();
    let mut app = app_with(&[], None, theme);
    app.ui.tab = Tab::Decision;
    let buffer = render(&mut app, 120, 60);
    let screen = text(&buffer);
    let words = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    for format in ["Markdown", "JSON", "session", "SVG", "HTML"] {
        assert!(words.contains(format), "{format}:\n{screen}");
    }
    let (x, y) = find(&buffer, "┌ Decision ").expect("the pane's title");
    assert_eq!(
        buffer[(x, y)].fg,
        theme.border_focus.fg.unwrap_or_default(),
        "the focused border"
    );
}

/// On a wide screen the questions take a readable measure, not a fixed 60 columns, and the
/// gauges stay a readable length instead of stretching across the pane.
#[test]
fn a_wide_screen_widens_the_questions_and_keeps_the_gauges_readable() {
    let mut app = app_with(&["django.admin-panel"], None, Theme::monochrome());
    app.ui.tab = Tab::Checklist;
    let screen = text(&render(&mut app, 200, 60));
    let top = screen.lines().nth(1).expect("the panes' top border");
    let split = top
        .find("┐┌")
        .map(|i| top[..i].chars().count())
        .expect("two panes");
    assert!(split > 80, "the question pane is {split} columns wide:\n{screen}");
    let gauge = screen
        .lines()
        .find(|l| l.contains("Django 1/6"))
        .expect("a gauge");
    let bar = gauge.chars().filter(|c| matches!(c, '█' | '░' | '┃')).count();
    assert!(
        bar <= stackpick::tui::view::widgets::gauge::BAR_MAX,
        "{bar} cells: {gauge}"
    );
}

/// At 50×14 text that does not fit is wrapped or ends in "…", never cut mid-word: the
/// Overview's first step, and the gauges' words.
#[test]
fn at_50x14_text_is_wrapped_or_ends_in_an_ellipsis() {
    let three = &["django.admin-panel", "django.permissions", "django.security"];
    let mut app = app_with(three, None, Theme::monochrome());
    app.ui.tab = Tab::Overview;
    let screen = text(&render(&mut app, 50, 14));
    let words = screen
        .replace('│', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(words.contains("answer the questions"), "{screen}");
    let mut app = app_with(three, None, Theme::monochrome());
    app.ui.tab = Tab::Checklist;
    let screen = text(&render(&mut app, 50, 14));
    let gauge = screen
        .lines()
        .find(|l| l.contains("Django 3/6"))
        .expect("the gauge");
    assert!(
        gauge.contains("✓ qualifies") || gauge.contains('…'),
        "the gauge's words whole or cut with …: {gauge}"
    );
}
