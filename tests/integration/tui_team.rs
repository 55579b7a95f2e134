//! The Team tab (`stackpick --team alice.ron bob.ron carol.ron`): the matrix of questions ×
//! people at 80×24 and 200×60, the user's own column edited with keys (the team verdict
//! following), the filter, the mouse, the columns of a big team, and the team's record from
//! the export dialog.

use stackpick::decision::Decision;
use stackpick::export::Format;
use stackpick::score::{Answer, Answers};
use stackpick::team::{Person, Team};
use stackpick::tui::app::{Effect, Mode};
use stackpick::tui::theme::Theme;
use stackpick::tui::view::frame_map::Target;
use stackpick::tui::{App, Tab};

use crate::support::assert_snapshot;
use crate::support::backend;
use crate::support::backend::Screen;

/// Answers with these yes and no ids and notes.
fn answers(yes: &[&str], no: &[&str], notes: &[(&str, &str)]) -> Answers {
    let mut answers = Answers::default();
    for id in yes {
        answers.set(id, Some(Answer::Yes));
    }
    for id in no {
        answers.set(id, Some(Answer::No));
    }
    for (id, note) in notes {
        answers.set_note(id, note);
    }
    answers
}

fn person(name: &str, answers: Answers) -> Person {
    Person {
        name: name.to_owned(),
        path: Some(format!("{}.ron", name.to_lowercase()).into()),
        answers,
    }
}

/// Alice, Bob and Carol, as tests/integration/team.rs makes them with the command line.
fn three() -> Vec<Person> {
    let mut bob = answers(
        &[
            "django.admin-panel",
            "django.permissions",
            "flask.rest-api",
            "flask.prototype",
            "flask.small-codebase",
        ],
        &["django.security"],
        &[],
    );
    bob.choice.pick = stackpick::score::choice::Pick::Option("flask".to_owned());
    bob.choice.because = "we ship a mobile API first".into();
    vec![
        person(
            "Alice",
            answers(
                &[
                    "django.admin-panel",
                    "django.permissions",
                    "django.security",
                    "django.content-heavy",
                ],
                &["flask.rest-api"],
                &[("django.permissions", "staff, editors and clients")],
            ),
        ),
        person("Bob", bob),
        person(
            "Carol",
            answers(
                &[
                    "django.admin-panel",
                    "django.security",
                    "flask.rest-api",
                    "flask.prototype",
                ],
                &["django.permissions", "flask.small-codebase"],
                &[("flask.small-codebase", "we will grow fast")],
            ),
        ),
    ]
}

/// Alice, Bob and Carol again, split on two questions only: everyone noted the permissions
/// (pivotal), and the smallest codebase is a tie Carol noted without answering.
fn two_disagreements() -> Vec<Person> {
    let mut bob = answers(
        &[
            "django.admin-panel",
            "django.permissions",
            "django.security",
            "flask.rest-api",
            "flask.small-codebase",
        ],
        &[],
        &[("django.permissions", "admins only at first")],
    );
    bob.choice.pick = stackpick::score::choice::Pick::Option("flask".to_owned());
    vec![
        person(
            "Alice",
            answers(
                &[
                    "django.admin-panel",
                    "django.permissions",
                    "django.security",
                    "flask.rest-api",
                ],
                &["flask.small-codebase"],
                &[("django.permissions", "staff, editors and clients")],
            ),
        ),
        person("Bob", bob),
        person(
            "Carol",
            answers(
                &["django.admin-panel", "django.security", "flask.rest-api"],
                &["django.permissions"],
                &[
                    ("django.permissions", "one role is enough for now"),
                    ("flask.small-codebase", "we will grow fast"),
                ],
            ),
        ),
    ]
}

/// The sizes the Team tab must read at: the usual terminal and two smaller ones.
const SIZES: [(u16, u16); 3] = [(80, 24), (60, 20), (50, 14)];

/// The app of a user called `by` (nobody when `None`), with these people as the team.
fn team_app(by: Option<&str>, people: Vec<Person>, width: u16, height: u16) -> Screen {
    let answers = Answers {
        by: by.map(stackpick::text::Text::from),
        ..Answers::default()
    };
    let mut app = App::new(Decision::embedded(), answers, Theme::monochrome());
    app.set_team(Team::new(&Decision::embedded(), people));
    Screen::new(app, width, height)
}

/// The line of the screen that contains `needle`.
#[track_caller]
fn line_with(screen: &str, needle: &str) -> String {
    screen
        .lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} not on screen:\n{screen}"))
        .to_owned()
}

/// The index of the team's question whose text contains `text`.
#[track_caller]
fn question(screen: &Screen, text: &str) -> usize {
    let team = &screen.app.team.as_ref().expect("a team").team;
    team.questions
        .iter()
        .position(|q| q.text.contains(text))
        .unwrap_or_else(|| panic!("no question holds {text:?}"))
}

/// What the matrix draws of row `row` (an index into the team's questions): each of its
/// lines, within the matrix pane, as the last frame drew them.
#[track_caller]
fn row_text(screen: &mut Screen, row: usize) -> Vec<String> {
    let buffer = screen.draw();
    let rect = screen.rect(Target::TeamRow(row));
    (rect.y..rect.bottom())
        .map(|y| {
            (rect.x..rect.right())
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                .trim_end()
                .to_owned()
        })
        .collect()
}

/// Selects the row of the question whose text contains `text`, with j and k.
fn select(screen: &mut Screen, text: &str) {
    let team = &screen.app.team.as_ref().expect("a team").team;
    let row = team
        .questions
        .iter()
        .position(|q| q.text.contains(text))
        .expect("question");
    screen.press("g");
    for _ in 0..row {
        screen.press("j");
    }
    assert!(screen.app.team_question().is_some_and(|q| q.text.contains(text)));
}

#[test]
fn the_team_tab_at_80x24_and_200x60() {
    for (width, height) in [(80, 24), (200, 60)] {
        let mut screen = team_app(None, three(), width, height);
        screen.press("6");
        assert_eq!(screen.ui.tab, Tab::Team);
        assert_snapshot!(format!("team_{width}x{height}"), screen.text());
    }
}

/// The rows the last frame drew, in order (indexes into the team's questions).
fn rows_on_screen(screen: &Screen) -> Vec<usize> {
    let mut rows: Vec<(u16, usize)> = screen
        .map
        .targets
        .iter()
        .filter_map(|(rect, target)| match target {
            Target::TeamRow(row) => Some((rect.y, *row)),
            _ => None,
        })
        .collect();
    rows.sort_unstable();
    rows.into_iter().map(|(_, row)| row).collect()
}

/// The question column of a row as drawn: each of its lines up to the first person's column
/// (where the header's `you` starts), trimmed, joined with spaces.
fn question_cell(screen: &mut Screen, row: usize) -> String {
    let text = screen.text();
    let header = line_with(&text, "Question");
    let column = header
        .char_indices()
        .position(|(i, _)| header[i..].starts_with(" you "))
        .expect("the user's column");
    let rect = screen.rect(Target::TeamRow(row));
    row_text(screen, row)
        .iter()
        .map(|line| {
            line.chars()
                .take(column - usize::from(rect.x))
                .skip(4)
                .collect::<String>()
                .trim()
                .to_owned()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_team_tab_of_two_disagreements_at_80x24_60x20_and_50x14() {
    for (width, height) in SIZES {
        let mut screen = team_app(Some("dave"), two_disagreements(), width, height);
        screen.press("6");
        assert_snapshot!(format!("team_two_{width}x{height}"), screen.text());
    }
}

/// At every size, each row on screen reads unlike every other (the filter `/build` keeps
/// three "Are you building…"); a question cut says so with `…`; the disagreements are there
/// whole at 80×24; the legend is on screen; a verdict cut ends in `…`.
#[test]
fn no_two_rows_on_screen_look_alike_and_every_cut_ends_in_an_ellipsis() {
    for (width, height) in SIZES {
        for filter in ["", "/build⏎"] {
            let mut screen = team_app(Some("dave"), two_disagreements(), width, height);
            screen.press("6");
            screen.press(filter);
            let text = screen.text();
            let rows = rows_on_screen(&screen);
            assert!(rows.len() >= 2, "{width}x{height} {filter}:\n{text}");
            let cells: Vec<String> = rows.iter().map(|&row| question_cell(&mut screen, row)).collect();
            for (i, cell) in cells.iter().enumerate() {
                for other in &cells[i + 1..] {
                    assert_ne!(cell, other, "{width}x{height} {filter}: two rows alike:\n{text}");
                }
                let whole = &screen.app.team.as_ref().unwrap().team.questions[rows[i]].text;
                assert!(
                    cell == whole || cell.ends_with('…'),
                    "{width}x{height} {filter}: {cell:?} is cut without saying so:\n{text}"
                );
            }
            assert!(
                text.contains("✓ yes ✗ no — none * note ≠ split ! pivotal"),
                "{width}x{height}: the legend:\n{text}"
            );
            // Bob's verdict, whole or cut with `…`.
            // Inside the matrix pane: up to its top right corner's column.
            let corner = text
                .lines()
                .nth(1)
                .unwrap()
                .chars()
                .position(|c| c == '┐')
                .unwrap();
            let bob: String = line_with(&text, "Bob  ").chars().take(corner).skip(1).collect();
            let bob = bob.trim_end();
            assert!(
                bob.ends_with("Choose Django · chooses Flask") || bob.ends_with('…'),
                "{width}x{height}: {bob:?}"
            );
        }
    }
    // At 80×24 both disagreements are whole, with everyone's answers beside.
    let mut screen = team_app(Some("dave"), two_disagreements(), 80, 24);
    screen.press("6");
    let permissions = question(&screen, "permission levels");
    let codebase = question(&screen, "smallest possible");
    assert_eq!(
        question_cell(&mut screen, permissions),
        "Will you have user accounts with different permission levels?"
    );
    assert_eq!(
        question_cell(&mut screen, codebase),
        "Do you want the smallest possible codebase?"
    );
    let answers = |line: &str| -> Vec<String> {
        let column = line.find(" — ").expect("the user's answer");
        line[column..]
            .split(['│', '┃'])
            .next()
            .unwrap()
            .split_whitespace()
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(
        answers(&row_text(&mut screen, permissions)[0]),
        ["—", "✓*", "✓*", "✗*", "✓"]
    );
    assert_eq!(
        answers(&row_text(&mut screen, codebase)[0]),
        ["—", "✗", "✓", "—*", "tie"]
    );
    // The pivotal hint is whole beside it.
    let text = screen.text();
    assert!(text.contains("│! pivotal: had the      │"), "{text}");
    assert!(text.contains("│no side won, the        │"), "{text}");
}

/// A row on several lines is one target: a click on any of its lines selects it.
#[test]
fn a_row_on_several_lines_is_selected_by_a_click_on_any_of_them() {
    let mut screen = team_app(Some("dave"), two_disagreements(), 80, 24);
    screen.press("6j");
    let rect = screen.rect(Target::TeamRow(0));
    assert!(rect.height >= 2, "{}", screen.text());
    for y in rect.y..rect.bottom() {
        screen.press("j");
        assert_ne!(screen.ui.team.selected, 0);
        screen.click_at(rect.x + 10, y);
        assert_eq!(screen.ui.team.selected, 0, "line {y}");
    }
}

/// Enter on a row opens it over the tab: the question whole, the team's answer, then each
/// person's answer and note ("no note" where there is none); Esc, Enter and q close it, and
/// Space, not Enter, cycles the user's answer now.
#[test]
fn enter_on_a_row_shows_everyone_s_answer_and_note() {
    let mut screen = team_app(Some("dave"), two_disagreements(), 80, 24);
    screen.press("6");
    let text = screen.text();
    assert!(text.lines().last().unwrap().contains("Enter notes"), "{text}");
    select(&mut screen, "permission levels");
    screen.press("⏎");
    assert_eq!(screen.ui.mode, Mode::TeamNotes { scroll: 0 });
    let text = screen.text();
    assert!(text.contains("Notes — Esc closes"), "{text}");
    assert!(
        text.contains("Will you have user accounts with different permission levels?"),
        "{text}"
    );
    assert!(text.contains("Team: ✓ yes (2 yes, 1 no)"), "{text}");
    assert!(
        text.contains("! pivotal: had the no side won, the team verdict would be “Leaning"),
        "{text}"
    );
    let lines: Vec<&str> = text.lines().collect();
    let after = |name: &str| -> (String, String) {
        let at = lines
            .iter()
            .position(|l| l.contains(&format!("│{name} ")))
            .unwrap_or_else(|| panic!("{name} not in the notes:\n{text}"));
        (lines[at].to_owned(), lines[at + 1].to_owned())
    };
    for (name, answer, note) in [
        ("dave (you)", "— no answer", "no note"),
        ("Alice", "✓ yes", "staff, editors and clients"),
        ("Bob", "✓ yes", "admins only at first"),
        ("Carol", "✗ no", "one role is enough for now"),
    ] {
        let (first, second) = after(name);
        assert!(first.contains(answer), "{name}: {first}\n{text}");
        assert!(second.contains(&format!("│  {note}")), "{name}: {second}\n{text}");
    }
    assert!(text.lines().last().unwrap().contains("Esc close notes"), "{text}");
    for close in ["⎋", "⏎", "q"] {
        screen.press(close);
        assert_eq!(screen.ui.mode, Mode::Normal, "{close}");
        assert!(!screen.app.quit, "{close} closes the notes, never the app");
        screen.press("⏎");
    }
    screen.press("⎋");

    // The tie: Carol's note without an answer, nobody else's.
    select(&mut screen, "smallest possible");
    screen.press("⏎");
    let text = screen.text();
    assert!(text.contains("Team: tie (1 yes, 1 no)"), "{text}");
    assert!(text.contains("we will grow fast"), "{text}");
    assert_eq!(text.matches("no note").count(), 3, "{text}");
    screen.press("⎋");

    // Space cycles the user's answer; Enter no longer does.
    screen.press(" ");
    assert_eq!(
        screen.scorecard.answers().answer("flask.small-codebase"),
        Some(Answer::Yes)
    );
    screen.press("⏎⎋");
    assert_eq!(
        screen.scorecard.answers().answer("flask.small-codebase"),
        Some(Answer::Yes)
    );
}

#[test]
fn the_matrix_puts_the_disagreements_first_marked_with_everyone_s_answers_and_notes() {
    let mut screen = team_app(None, three(), 120, 40);
    screen.press("6");
    let text = screen.text();
    let lines: Vec<&str> = text.lines().collect();
    let header = lines.iter().position(|l| l.contains("Question")).expect("header");
    assert!(
        lines[header].contains("you") && lines[header].contains("Alice"),
        "{text}"
    );
    assert!(
        lines[header].contains("Carol") && lines[header].contains("Team"),
        "{text}"
    );
    // The four disagreements come first, each marked ≠, and under the header.
    assert_eq!(screen.rect(Target::TeamRow(0)).y, header as u16 + 1, "{text}");
    for row in 0..4 {
        assert!(row_text(&mut screen, row)[0].contains('≠'), "{text}");
    }
    assert!(!row_text(&mut screen, 4)[0].contains('≠'), "{text}");
    // Alice noted the permissions question; Bob and Carol split on the smallest codebase.
    let permissions = question(&screen, "user accou");
    assert!(row_text(&mut screen, permissions)[0].contains("✓*"), "{text}");
    let codebase = question(&screen, "smallest");
    let codebase = &row_text(&mut screen, codebase)[0];
    assert!(codebase.contains('!') && codebase.contains("tie"), "{codebase}");
    assert!(text.contains("Team verdict: Choose Django"), "{text}");
    assert!(line_with(&text, "Choose Flask").starts_with("│Bob "), "{text}");
}

#[test]
fn editing_your_column_changes_the_team_verdict_and_undo_brings_it_back() {
    let mut screen = team_app(None, three(), 120, 40);
    screen.press("6");
    select(&mut screen, "smallest possible codebase");
    assert!(screen.text().contains("Team verdict: Choose Django"));
    let effects = screen.press("y");
    assert_eq!(effects, vec![Effect::SaveAnswers]);
    assert_eq!(
        screen.scorecard.answers().answer("flask.small-codebase"),
        Some(Answer::Yes)
    );
    let team = &screen.app.team.as_ref().unwrap().team;
    assert_eq!(
        team.questions[screen.ui.team.selected].id, "flask.small-codebase",
        "the selection follows its question"
    );
    let text = screen.text();
    let verdict = line_with(&text, "Team verdict:");
    assert!(!verdict.contains("Choose Django"), "{text}");
    let codebase = question(&screen, "smallest");
    assert!(row_text(&mut screen, codebase)[0].contains('✓'), "{text}");
    // Through the Scorecard: undo takes the answer back, and the team with it.
    screen.press("u");
    assert_eq!(screen.scorecard.answers().answer("flask.small-codebase"), None);
    assert!(screen.text().contains("Team verdict: Choose Django"));
    // n, Space and Backspace act on the user's answer too.
    screen.press("n");
    assert_eq!(
        screen.scorecard.answers().answer("flask.small-codebase"),
        Some(Answer::No)
    );
    screen.press(" ");
    assert_eq!(screen.scorecard.answers().answer("flask.small-codebase"), None);
    screen.press("y⌫");
    assert_eq!(screen.scorecard.answers().answer("flask.small-codebase"), None);
    // The others' columns are read only: nothing here changes them.
    let team = &screen.app.team.as_ref().unwrap().team;
    assert_eq!(
        team.member("Bob").unwrap().answers.answer("flask.small-codebase"),
        Some(Answer::Yes)
    );
}

#[test]
fn a_note_in_your_column_is_marked_and_shown_beside() {
    let mut screen = team_app(None, three(), 120, 40);
    screen.press("6");
    select(&mut screen, "smallest possible codebase");
    screen.press("a");
    assert!(matches!(screen.ui.mode, Mode::Note { .. }));
    screen.press("later⏎");
    assert_eq!(
        screen.scorecard.answers().note_for("flask.small-codebase"),
        Some("later")
    );
    let text = screen.text();
    let codebase = question(&screen, "smallest");
    assert!(row_text(&mut screen, codebase)[0].contains("—*"), "{text}");
    assert!(text.contains("you: later"), "{text}");
    assert!(text.contains("Carol: we will grow fast"), "{text}");
}

#[test]
fn without_a_team_there_are_five_tabs() {
    let mut screen = Screen::new(
        App::new(Decision::embedded(), Answers::default(), Theme::monochrome()),
        80,
        24,
    );
    screen.press("6");
    assert_eq!(screen.ui.tab, Tab::Overview, "no Team tab to go to");
    assert!(!screen.text().lines().next().unwrap().contains("Team"));
    screen.press("5⇥");
    assert_eq!(screen.ui.tab, Tab::Overview);

    let mut screen = team_app(None, three(), 80, 24);
    assert!(screen.text().lines().next().unwrap().contains("6 Team"));
    screen.press("5⇥");
    assert_eq!(screen.ui.tab, Tab::Team);
    screen.press("⇥");
    assert_eq!(screen.ui.tab, Tab::Overview);
    screen.key(ratatui::crossterm::event::KeyCode::BackTab);
    assert_eq!(screen.ui.tab, Tab::Team);
}

#[test]
fn the_user_who_is_in_the_team_is_not_shown_twice() {
    let mut screen = team_app(Some("Bob"), three(), 80, 24);
    let team = &screen.app.team.as_ref().unwrap().team;
    assert_eq!(team.names(), ["Bob", "Alice", "Carol"]);
    screen.press("6");
    let text = screen.text();
    assert!(text.contains("Bob (you)"), "{text}");
    assert_eq!(text.matches("Bob").count(), 1, "{text}");
}

#[test]
fn a_click_selects_a_row_and_the_search_keeps_the_matching_ones() {
    let mut screen = team_app(None, three(), 80, 24);
    screen.press("6");
    // The last row on screen.
    let row = screen
        .map
        .targets
        .iter()
        .filter_map(|(_, target)| match target {
            Target::TeamRow(row) => Some(*row),
            _ => None,
        })
        .max()
        .expect("rows on screen");
    assert!(row >= 3, "{}", screen.text());
    let first = screen.rect(Target::TeamRow(0));
    screen.click(Target::TeamRow(row));
    assert_eq!(screen.ui.team.selected, row);
    // The wheel over the matrix moves the selection, three rows a turn.
    screen.wheel(first.x + 2, first.y, false);
    assert_eq!(screen.ui.team.selected, row - 3);
    screen.wheel(first.x + 2, first.y, true);
    assert_eq!(screen.ui.team.selected, row);

    screen.press("/grow⏎");
    assert_eq!(screen.app.team_rows().len(), 1, "Carol's note matches");
    let text = screen.text();
    assert!(text.contains("1 of 12 questions"), "{text}");
    assert!(screen.app.team_question().unwrap().text.contains("smallest"));
    screen.press("⎋");
    assert_eq!(screen.app.team_rows().len(), 12);
}

/// Twenty people: the columns that fit are shown, h and l bring the others in, and the
/// frame is built from what is visible.
#[test]
fn twenty_people_render_and_scroll_sideways() {
    let ids = [
        "django.admin-panel",
        "django.security",
        "flask.rest-api",
        "flask.prototype",
    ];
    let people: Vec<Person> = (0..20)
        .map(|i| {
            let yes: Vec<&str> = (0..ids.len())
                .filter(|j| (i + j) % 3 != 0)
                .map(|j| ids[j])
                .collect();
            let no: Vec<&str> = (0..ids.len())
                .filter(|j| (i + j) % 3 == 0)
                .map(|j| ids[j])
                .collect();
            person(&format!("P{i:02}"), answers(&yes, &no, &[]))
        })
        .collect();
    // The smallest terminal has room for the user's column only, but draws.
    let mut screen = team_app(None, people.clone(), 50, 14);
    screen.press("6jjy");
    // The user answered: one of the team now.
    assert!(screen.text().contains("21 people"));
    for (width, height) in [(80, 24), (200, 60)] {
        let mut screen = team_app(None, people.clone(), width, height);
        screen.press("6");
        let text = screen.text();
        // The user has said nothing here: twenty people, not twenty-one.
        assert!(text.contains("20 people"), "{text}");
        assert!(text.contains("P00"), "{text}");
        if width < 200 {
            assert!(
                !text.contains("P19"),
                "{width}: the last person is off to the right:\n{text}"
            );
        }
        for _ in 0..19 {
            screen.press("l");
        }
        let text = screen.text();
        assert!(text.contains("P19"), "{text}");
        if width < 200 {
            assert!(text.contains("‹"), "{text}");
        }
        screen.press("y");
        assert!(screen.text().contains("Team verdict:"));
    }
}

#[test]
fn the_export_dialog_on_the_team_tab_writes_the_team_s_record() {
    let mut screen = team_app(None, three(), 80, 24);
    screen.press("6e");
    let Mode::Export(dialog) = &screen.ui.mode else {
        panic!("the export dialog")
    };
    assert!(dialog.team);
    // The user has said nothing yet: not one of the team, nor a decider.
    assert_eq!(dialog.deciders.value(), "Alice, Bob, Carol");
    assert!(screen.text().contains("Export the team record"));
    // The status shown is the team record's, as the file says (the user's own would be
    // proposed: they have answered nothing).
    assert!(screen.text().contains("Status:   accepted"), "{}", screen.text());
    let date = time::macros::date!(2026 - 01 - 02);
    let record = screen.app.export_text(Format::Md, date);
    assert!(record.contains("decision-makers: Alice, Bob, Carol"), "{record}");
    assert!(record.contains("Team verdict: Choose Django"), "{record}");
    assert!(
        record.contains("Team answer: a tie. Pivotal: split evenly;"),
        "{record}"
    );
    let json = screen.app.export_text(Format::Json, date);
    assert!(json.contains("\"team\""), "{json}");

    // From another tab, the user's own decision.
    screen.press("⎋4e");
    let record = screen.app.export_text(Format::Md, date);
    assert!(!record.contains("Team verdict"), "{record}");
    assert!(!screen.text().contains("team record"));
}

/// Every size from nothing to 120×50, with each overlay in turn: the Team tab never panics
/// and draws inside the frame.
#[test]
fn the_team_tab_draws_at_every_size_without_panicking() {
    let mut screen = team_app(None, three(), 80, 24);
    screen.press("6");
    for width in (0..=120).step_by(3) {
        for height in (0..=50).step_by(2) {
            screen.resize(width, height);
        }
    }
    screen.resize(80, 24);
    for keys in ["?", "e", "a", "s", "c", "/x"] {
        screen.press(keys);
        for (width, height) in [(50, 14), (60, 20), (80, 24), (200, 60)] {
            screen.resize(width, height);
        }
        screen.press("⎋");
        screen.press("⎋");
        assert_eq!(screen.ui.mode, Mode::Normal, "{keys}");
    }
}

/// Without colour (`NO_COLOR`), the tab uses none, and its marks still say everything.
#[test]
fn the_team_tab_uses_no_colour_in_the_monochrome_theme() {
    let mut screen = team_app(None, three(), 120, 40);
    screen.press("6");
    let buffer = screen.draw();
    for cell in &buffer.content {
        assert_eq!(cell.fg, ratatui::style::Color::Reset, "{:?}", cell.symbol());
        assert_eq!(cell.bg, ratatui::style::Color::Reset, "{:?}", cell.symbol());
    }
    let text = backend::text(&buffer);
    for mark in ["≠", "✓", "✗", "—", "*", "tie", "Team verdict:"] {
        assert!(text.contains(mark), "{mark}:\n{text}");
    }
}
