use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{EXACT_SCROLLBAR_ROWS, rows, visible_rows, window};
use crate::decision::Decision;
use crate::score::Answers;
use crate::tui::app::App;
use crate::tui::view::layout::centred_offset;
use crate::tui::view::theme::Theme;

fn app() -> App {
    let decision = Decision::embedded();
    let answers = Answers::new(&decision, ["django.admin-panel"], None).expect("a valid id");
    App::new(decision, answers, Theme::ansi())
}

/// The list as it was drawn before windowing: every row wrapped, the lines of the selection
/// (with its heading when it is its framework's first question and both fit) centred over all of them.
fn every_line(app: &App, area: Rect) -> (Vec<(Option<usize>, Line<'static>)>, usize) {
    let rows = rows(app, area.width);
    let (mut start, mut end, mut total) = (0, 0, 0);
    for (i, row) in rows.iter().enumerate() {
        if row.question == Some(app.ui.checklist.selected) {
            let heading = if i > 0
                && rows[i - 1].question.is_none()
                && rows[i - 1].lines.len() + row.lines.len() <= usize::from(area.height)
            {
                rows[i - 1].lines.len()
            } else {
                0
            };
            start = total - heading;
            end = total + row.lines.len();
        }
        total += row.lines.len();
    }
    let offset = centred_offset(start, end, total, usize::from(area.height));
    let lines = rows
        .into_iter()
        .flat_map(|row| row.lines.into_iter().map(move |line| (row.question, line)))
        .skip(offset)
        .take(usize::from(area.height))
        .collect();
    (lines, offset)
}

#[test]
fn the_window_draws_what_the_whole_list_drew_for_every_selection_and_height() {
    let mut app = app();
    let questions = app.scorecard.question_count();
    for width in [20, 34, 58] {
        for height in 1..40 {
            let area = Rect::new(3, 5, width, height);
            for question in 0..questions {
                app.ui.checklist.selected = question;
                let window = window(&app, area);
                let drawn: Vec<(Option<usize>, Line)> = window
                    .rows
                    .iter()
                    .flat_map(|row| row.lines.iter().map(|line| (row.question, line.clone())))
                    .collect();
                let (expected, offset) = every_line(&app, area);
                assert_eq!(
                    drawn, expected,
                    "width {width}, height {height}, question {question}"
                );
                assert_eq!(window.position, offset, "width {width}, height {height}");
                assert_eq!(
                    window.content,
                    rows(&app, width).iter().map(|r| r.lines.len()).sum::<usize>()
                );
            }
        }
    }
}

/// How many lines the whole list takes at this width.
fn rows_of(app: &App, width: u16) -> usize {
    rows(app, width).iter().map(|r| r.lines.len()).sum()
}

#[test]
fn visible_rows_fill_the_area_from_its_top_and_hold_the_selection() {
    let mut app = app();
    for height in 1..30 {
        let area = Rect::new(0, 2, 40, height);
        for question in 0..app.scorecard.question_count() {
            app.ui.checklist.selected = question;
            let rows = visible_rows(&app, area);
            let mut y = area.y;
            for row in &rows {
                assert_eq!(row.y, y, "rows follow each other");
                assert_eq!(usize::from(row.height), row.lines.len());
                y += row.height;
            }
            // The list fills the area, or shows all of itself when it is shorter.
            let total: usize = rows_of(&app, area.width);
            let expected = area.y + u16::try_from(total.min(usize::from(height))).unwrap_or(height);
            assert_eq!(y, expected, "height {height}, question {question}");
            assert!(
                rows.iter().any(|row| row.question == Some(question)),
                "height {height}: question {question} is not on screen"
            );
        }
    }
}

#[test]
fn a_list_too_long_to_wrap_gets_an_estimated_scrollbar_inside_its_range() {
    // Many frameworks of one question each: more rows than are measured exactly.
    let count = EXACT_SCROLLBAR_ROWS;
    let mut source = String::from("(id: \"many\", title: \"Many\", question: \"Which?\", options: [");
    for i in 0..count {
        source.push_str(&format!(
            "(id: \"o{i}\", name: \"Option {i}\", threshold: 1, questions: [(id: \"q\", text: \"Is it {i}?\")]),"
        ));
    }
    source.push_str("], stack: (title: \"Stack\", layers: []))");
    let decision = Decision::parse(&source, "many.ron").unwrap_or_else(|e| panic!("{e}"));
    let mut app = App::new(decision, Answers::default(), Theme::ansi());
    let area = Rect::new(0, 0, 40, 10);
    for question in [0, 1, count / 2, count - 1] {
        app.ui.checklist.selected = question;
        let window = window(&app, area);
        assert!(window.content >= 2 * count, "two lines a framework, about");
        assert!(window.position + 10 <= window.content);
        assert!(window.rows.iter().any(|row| row.question == Some(question)));
    }
    app.ui.checklist.selected = count - 1;
    assert_eq!(window(&app, area).position + 10, window(&app, area).content);
}
