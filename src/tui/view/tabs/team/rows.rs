//! The text of each row of the Team matrix, as the lines it takes in the question column: a
//! question that fits takes one line; a disagreement is shown whole (up to `most` lines); any
//! other is cut to one line ending in `…`, and takes more lines while its cut reads like
//! another row's, so that no two rows look alike ("Are you building…" three times says
//! nothing).

use std::collections::HashMap;

use crate::tui::view::widgets::doc::{ellipsis, wrap_cached};

/// A question's text in the column, its lines at the width once wrapped.
struct Row<'a> {
    text: &'a str,
    lines: Option<Vec<String>>,
}

impl Row<'_> {
    /// How many lines the whole text takes.
    fn whole(&mut self, width: usize) -> usize {
        if self.text.chars().count() <= width {
            return 1;
        }
        self.wrapped(width).len()
    }

    fn wrapped(&mut self, width: usize) -> &[String] {
        self.lines.get_or_insert_with(|| wrap_cached(self.text, width))
    }

    /// The text on `count` lines: the first lines of the whole text, the last ending in `…`
    /// when the rest does not fit on it.
    fn shape(&mut self, count: usize, width: usize) -> Vec<String> {
        let text = self.text;
        if count <= 1 {
            return vec![ellipsis(text, width)];
        }
        let lines = self.wrapped(width);
        if count >= lines.len() {
            return lines.to_vec();
        }
        // Where the last line shown starts in the text: the lines are its words in order.
        let mut from = 0;
        for line in &lines[..count - 1] {
            from = text[from..].find(line.as_str()).map_or(from, |i| from + i) + line.len();
        }
        let rest = text[from..].trim_start();
        let mut shown = lines[..count - 1].to_vec();
        shown.push(ellipsis(rest, width));
        shown
    }
}

/// The lines of each row's text in a column `width` cells wide, in the order given: `texts`
/// are the questions' texts, each with whether it is shown whole (a disagreement); a row
/// takes at most `most` lines.
pub fn shapes(texts: &[(&str, bool)], width: usize, most: usize) -> Vec<Vec<String>> {
    let (width, most) = (width.max(1), most.max(1));
    let mut rows: Vec<Row> = texts.iter().map(|&(text, _)| Row { text, lines: None }).collect();
    let mut counts: Vec<usize> = texts
        .iter()
        .zip(&mut rows)
        .map(|(&(_, whole), row)| if whole { row.whole(width).min(most) } else { 1 })
        .collect();
    loop {
        let shown: Vec<Vec<String>> = rows
            .iter_mut()
            .zip(&counts)
            .map(|(row, &count)| row.shape(count, width))
            .collect();
        let mut alike: HashMap<&[String], Vec<usize>> = HashMap::new();
        for (i, lines) in shown.iter().enumerate() {
            alike.entry(lines.as_slice()).or_default().push(i);
        }
        // Each row that reads like another takes a line more, while it has more to show.
        let mut grown = false;
        for &i in alike.values().filter(|same| same.len() > 1).flatten() {
            if counts[i] < rows[i].whole(width).min(most) {
                counts[i] += 1;
                grown = true;
            }
        }
        if !grown {
            return shown;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_alike_when_cut_take_lines_until_they_differ() {
        let texts = [
            ("Are you building primarily a REST API?", false),
            ("Are you building a content-heavy site?", false),
            ("Do you need an admin panel?", false),
            ("Short?", false),
        ];
        let shown = shapes(&texts, 16, 3);
        assert_eq!(shown[0], ["Are you building", "primarily a RES…"]);
        assert_eq!(shown[1], ["Are you building", "a content-heavy…"]);
        assert_eq!(shown[2], ["Do you need an …"], "unlike the others: one line");
        assert_eq!(shown[3], ["Short?"]);
        // Wide enough, each fits on one line.
        assert!(shapes(&texts, 40, 3).iter().all(|lines| lines.len() == 1));
    }

    #[test]
    fn a_disagreement_is_shown_whole_up_to_the_most_lines() {
        let text = "Will you have user accounts with different permission levels?";
        let whole = shapes(&[(text, true)], 23, 4);
        assert_eq!(
            whole[0],
            [
                "Will you have user",
                "accounts with different",
                "permission levels?"
            ]
        );
        let cut = shapes(&[(text, true)], 23, 2);
        assert_eq!(cut[0], ["Will you have user", "accounts with differen…"]);
    }

    #[test]
    fn the_same_text_twice_stops_growing_at_its_whole() {
        let text = "Do you want to pick your own tools for everything?";
        let shown = shapes(&[(text, false), (text, false)], 20, 9);
        assert_eq!(shown[0], shown[1]);
        assert_eq!(shown[0].concat().replace(' ', ""), text.replace(' ', ""));
    }
}
