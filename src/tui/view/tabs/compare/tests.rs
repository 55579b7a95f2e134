use proptest::prelude::*;

use ratatui::style::{Color, Style};

use super::{highlight, table_window};

#[test]
fn a_filter_match_is_highlighted_outside_ascii_too() {
    let (text, matched) = (Style::new().fg(Color::White), Style::new().fg(Color::Yellow));
    // "İ" lower-cases to two characters: the text's length changes, the match must not move.
    let line = highlight("İstanbul: Async ORM", "async", text, matched);
    let hits: Vec<&str> = line
        .spans
        .iter()
        .filter(|s| s.style.fg == Some(Color::Yellow))
        .map(|s| s.content.as_ref())
        .collect();
    assert_eq!(hits, ["Async"]);
    assert_eq!(line.to_string(), "İstanbul: Async ORM");
    assert_eq!(
        highlight("Async", "", text, matched).spans.len(),
        1,
        "no filter, no marks"
    );
}

/// ratatui's own choice (`Table::visible_rows` from a zero offset), over every row: what the
/// windowed table must reproduce without asking for the rows far from the selection.
fn every_row(heights: &[u16], selected: usize, height: u16) -> std::ops::Range<usize> {
    let heights: Vec<u16> = heights.iter().map(|h| (*h).clamp(1, height)).collect();
    let selected = selected.min(heights.len() - 1);
    let (mut start, mut end, mut used) = (0, 0, 0);
    for h in &heights {
        if used + h > height {
            break;
        }
        used += h;
        end += 1;
    }
    while selected >= end {
        used += heights[end];
        end += 1;
        while used > height {
            used -= heights[start];
            start += 1;
        }
    }
    if used < height && end < heights.len() {
        end += 1;
    }
    start..end
}

#[test]
fn no_rows_or_no_lines_is_an_empty_window() {
    assert_eq!(table_window(0, 0, 10, |_| 1), 0..0);
    assert_eq!(table_window(5, 2, 0, |_| 1), 0..0);
}

#[test]
fn the_last_row_of_thousands_is_found_asking_only_for_a_screenful() {
    let mut asked = Vec::new();
    let window = table_window(5000, 4999, 19, |row| {
        asked.push(row);
        3
    });
    assert_eq!(window, 4994..5000);
    assert!(asked.len() < 30, "asked for {} rows", asked.len());
}

#[test]
fn a_row_taller_than_the_table_is_still_drawn() {
    assert_eq!(table_window(3, 1, 4, |row| if row == 1 { 9 } else { 1 }), 1..2);
}

proptest! {
    #[test]
    fn the_window_is_ratatuis_and_holds_the_selection(
        heights in prop::collection::vec(1u16..8, 1..60),
        selected in 0usize..80,
        height in 1u16..30,
    ) {
        let window = table_window(heights.len(), selected, height, |row| heights[row]);
        prop_assert_eq!(window.clone(), every_row(&heights, selected, height));
        prop_assert!(window.contains(&selected.min(heights.len() - 1)));
    }
}
