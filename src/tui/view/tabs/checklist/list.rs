//! The Checklist's question list as rows built one at a time, and the window of them that an
//! area shows: a key costs the rows on screen, not the questions that exist.

use std::collections::HashMap;

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::decision::Candidate;
use crate::score::Answer;
use crate::tui::app::App;
use crate::tui::search::find_folded;
use crate::tui::view::widgets::doc::{ellipsis, wrap, wrap_cached};
use crate::tui::view::widgets::found::mark_line;

/// One entry of the question list: a framework heading or a question, with its lines.
pub struct ListRow {
    pub question: Option<usize>,
    pub lines: Vec<Line<'static>>,
}

/// Every row of the list at this width. Wraps every question: for small lists and tests;
/// drawing and hit-testing use [`visible_rows`], which wraps only what is on screen.
pub fn rows(app: &App, width: u16) -> Vec<ListRow> {
    let list = List::new(app, width);
    (0..list.len()).map(|row| list.row(row)).collect()
}

/// Lists of up to this many rows are measured exactly for the scrollbar (every row wrapped);
/// longer ones get an estimate from the rows on screen, so a key costs what is visible.
pub(super) const EXACT_SCROLLBAR_ROWS: usize = 400;

/// A row of the list as drawn: a framework heading (`question` is `None`) or a question, at
/// screen line `y`, `height` lines tall. A row cut by the top or the bottom of the list holds
/// only its visible lines.
#[derive(Debug, Clone)]
pub struct VisibleRow {
    pub question: Option<usize>,
    /// Whether the row's first line is drawn (not cut off by the top of the list).
    pub starts: bool,
    pub y: u16,
    pub height: u16,
    pub lines: Vec<Line<'static>>,
}

/// What the list shows in an area: its visible rows, top to bottom, and the scrollbar's
/// figures in lines (`content` is exact for short lists, estimated for long ones).
#[derive(Debug, Clone, Default)]
pub struct ListWindow {
    pub rows: Vec<VisibleRow>,
    pub content: usize,
    pub position: usize,
    /// How many questions the list holds: all, or those a search keeps.
    pub questions: usize,
}

/// The rows of the list visible in `area` (the list pane's inside), with their screen lines.
/// Render and hit-testing both use it, so a click lands on what was drawn.
pub fn visible_rows(app: &App, area: Rect) -> Vec<VisibleRow> {
    window(app, area).rows
}

/// The list's window in `area`: the selected question centred when it can be, its framework
/// heading kept with it when it is the framework's first (and both fit), and no blank space after the last
/// question (the view `layout::centred_offset` gives over every line, found from the
/// selection outwards, so only the rows on screen are wrapped).
pub fn window(app: &App, area: Rect) -> ListWindow {
    let list = List::new(app, area.width);
    let questions = list.counts.iter().sum();
    let height = usize::from(area.height);
    if height == 0 || list.len() == 0 {
        return ListWindow {
            questions,
            ..ListWindow::default()
        };
    }
    let mut built: HashMap<usize, Vec<Line<'static>>> = HashMap::new();
    let mut lines_of =
        |row: usize| -> usize { built.entry(row).or_insert_with(|| list.row(row).lines).len() };
    let selected = list.row_of_question(app.ui.checklist.selected);
    // The heading goes with its first question when both fit: the question itself comes first.
    let first = if selected > 0
        && list.is_heading(selected - 1)
        && lines_of(selected - 1) + lines_of(selected) <= height
    {
        selected - 1
    } else {
        selected
    };
    let selection: usize = (first..=selected).map(&mut lines_of).sum();
    let above = height.saturating_sub(selection) / 2;
    // Up from the selection by `above` lines: the top row, and how many of its lines are cut.
    let (mut top, mut got) = (first, 0);
    while got < above && top > 0 {
        top -= 1;
        got += lines_of(top);
    }
    let mut cut = got.saturating_sub(above);
    // Once the wheel has scrolled the list, it shows from that line instead (short lists,
    // whose lines are all counted anyway; a long one keeps following the selection).
    if let Some(scroll) = app.ui.checklist.scroll
        && list.len() <= EXACT_SCROLLBAR_ROWS
    {
        let lines: Vec<usize> = (0..list.len()).map(&mut lines_of).collect();
        let total: usize = lines.iter().sum();
        let mut left = scroll.min(total.saturating_sub(height));
        top = 0;
        while top + 1 < list.len() && left >= lines[top] {
            left -= lines[top];
            top += 1;
        }
        cut = left;
    }
    // Down from there, a screenful; at the end of the list, back up to fill what is left.
    let mut filled = lines_of(top) - cut;
    let mut bottom = top;
    while filled < height && bottom + 1 < list.len() {
        bottom += 1;
        filled += lines_of(bottom);
    }
    while filled < height && (cut > 0 || top > 0) {
        if cut > 0 {
            let back = cut.min(height - filled);
            cut -= back;
            filled += back;
        } else {
            top -= 1;
            let lines = lines_of(top);
            let back = lines.min(height - filled);
            cut = lines - back;
            filled += back;
        }
    }
    let (content, position) = if list.len() <= EXACT_SCROLLBAR_ROWS {
        let lines: Vec<usize> = (0..list.len()).map(&mut lines_of).collect();
        (lines.iter().sum(), lines[..top].iter().sum::<usize>() + cut)
    } else {
        // The rows on screen stand for the others: their lines per row, times the rows.
        let shown: usize = (top..=bottom).map(&mut lines_of).sum();
        let per_row = shown as f64 / (bottom - top + 1) as f64;
        let content = (list.len() as f64 * per_row).round() as usize;
        let position = (top as f64 * per_row).round() as usize + cut;
        (content.max(height), position.min(content.saturating_sub(height)))
    };
    let mut rows = Vec::new();
    let mut y = area.y;
    let mut left = height;
    for row in top..=bottom {
        let lines = built.remove(&row).unwrap_or_else(|| list.row(row).lines);
        let skip = if row == top { cut } else { 0 };
        let lines: Vec<Line<'static>> = lines.into_iter().skip(skip).take(left).collect();
        if lines.is_empty() {
            break;
        }
        let drawn = u16::try_from(lines.len()).unwrap_or(u16::MAX);
        left -= lines.len();
        rows.push(VisibleRow {
            question: list.question(row),
            starts: skip == 0,
            y,
            height: drawn,
            lines,
        });
        y = y.saturating_add(drawn);
    }
    ListWindow {
        rows,
        content,
        position,
        questions,
    }
}

/// The list as rows that can be built one at a time: for each framework a heading row, then
/// a row per question (per question the filter keeps, when there is one; a framework with none
/// is left out). Row `heads[o]` is framework `o`'s heading.
struct List<'a> {
    app: &'a App,
    width: u16,
    /// The frameworks with a checklist (also-consider options have none, hence no rows).
    options: Vec<&'a Candidate>,
    /// The row of each framework's heading.
    heads: Vec<usize>,
    /// The index of each framework's first question.
    firsts: Vec<usize>,
    /// The questions the filter keeps (display indexes, in order); `None` without a filter.
    kept: Option<Vec<usize>>,
    /// Where each framework's questions start in `kept`, and how many it shows.
    offsets: Vec<usize>,
    counts: Vec<usize>,
    len: usize,
}

impl<'a> List<'a> {
    fn new(app: &'a App, width: u16) -> List<'a> {
        let (mut heads, mut firsts, mut offsets, mut counts) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let (mut row, mut question) = (0, 0);
        let kept = app.checklist_matches();
        let mut options = Vec::new();
        for option in app.scorecard.decision().scored() {
            let span = question..question + option.questions.len();
            question = span.end;
            let (offset, count) = match &kept {
                None => (0, option.questions.len()),
                Some(kept) => {
                    let offset = kept.partition_point(|&q| q < span.start);
                    (offset, kept.partition_point(|&q| q < span.end) - offset)
                }
            };
            if kept.is_some() && count == 0 {
                continue;
            }
            options.push(option);
            heads.push(row);
            firsts.push(span.start);
            offsets.push(offset);
            counts.push(count);
            row += 1 + count;
        }
        List {
            app,
            width,
            options,
            heads,
            firsts,
            kept,
            offsets,
            counts,
            len: row,
        }
    }

    fn len(&self) -> usize {
        self.len
    }

    /// The framework a row belongs to.
    fn option_of(&self, row: usize) -> usize {
        self.heads.partition_point(|&head| head <= row).saturating_sub(1)
    }

    fn is_heading(&self, row: usize) -> bool {
        self.heads.get(self.option_of(row)) == Some(&row)
    }

    /// The question on a row; `None` on a heading.
    fn question(&self, row: usize) -> Option<usize> {
        let o = self.option_of(row);
        let k = row.checked_sub(self.heads[o] + 1)?;
        match &self.kept {
            None => Some(self.firsts[o] + k),
            Some(kept) => kept.get(self.offsets[o] + k).copied(),
        }
    }

    /// The row of a question (the last question's for one past the end; the first row when
    /// there are no questions).
    fn row_of_question(&self, question: usize) -> usize {
        let o = self
            .firsts
            .partition_point(|&first| first <= question)
            .saturating_sub(1);
        if self.options.is_empty() {
            return 0;
        }
        let within = match &self.kept {
            None => question - self.firsts[o],
            Some(kept) => {
                kept[self.offsets[o]..self.offsets[o] + self.counts[o]].partition_point(|&q| q < question)
            }
        };
        let within = within.min(self.counts[o].saturating_sub(1));
        if self.counts[o] == 0 {
            self.heads[o]
        } else {
            self.heads[o] + 1 + within
        }
    }

    /// A row's lines.
    fn row(&self, row: usize) -> ListRow {
        let o = self.option_of(row);
        match self.question(row) {
            None => ListRow {
                question: None,
                lines: self.heading(o),
            },
            Some(index) => ListRow {
                question: Some(index),
                lines: self.question_lines(o, index),
            },
        }
    }

    fn heading(&self, o: usize) -> Vec<Line<'static>> {
        let app = self.app;
        let option = self.options[o];
        let Some(score) = app.scorecard.evaluation().score(&option.id) else {
            return Vec::new();
        };
        let state = if score.qualified { "✓" } else { " " };
        let heading = format!(
            "{} — yes to {}+ of {}  {}/{} {state}",
            option.name,
            option.threshold,
            option.questions.len(),
            score.score,
            score.max
        );
        let mut lines: Vec<Line<'static>> = Vec::new();
        if o > 0 {
            lines.push(Line::default());
        }
        lines.extend(
            wrap(&heading, usize::from(self.width))
                .into_iter()
                .map(|l| Line::styled(l, app.theme().heading)),
        );
        lines
    }

    fn question_lines(&self, o: usize, index: usize) -> Vec<Line<'static>> {
        let app = self.app;
        let theme = app.theme();
        let option = self.options[o];
        let question = &option.questions[index - self.firsts[o]];
        let answer = app.scorecard.answer(index);
        let yes = answer == Some(Answer::Yes);
        let selected = index == app.ui.checklist.selected;
        let pointer = if selected { "▶" } else { " " };
        // Readable without colour: `[x]` yes, `[-]` no, `[ ]` unanswered.
        let boxed = match answer {
            Some(Answer::Yes) => "[x]",
            Some(Answer::No) => "[-]",
            None => "[ ]",
        };
        let weight = if question.weight > 1 {
            format!(" (×{})", question.weight)
        } else {
            String::new()
        };
        let text = format!("{}{weight}", question.text);
        let body_width = usize::from(self.width).saturating_sub(6).max(1);
        let style = if selected { theme.selected } else { theme.text };
        let mut lines = Vec::new();
        for (i, part) in wrap_cached(&text, body_width).into_iter().enumerate() {
            let mut spans = if i == 0 {
                vec![
                    Span::styled(format!("{pointer} "), style),
                    Span::styled(boxed, if yes { theme.checked.patch(style) } else { style }),
                    Span::styled(" ", style),
                ]
            } else {
                vec![Span::styled("      ", style)]
            };
            let pad = body_width.saturating_sub(part.chars().count());
            // What the filter matched, marked as a document search marks it.
            let ranges = find_folded(&part, app.ui.checklist.filter.value());
            let line = Line::from(Span::styled(part, style));
            spans.extend(mark_line(&line, &ranges, None, theme.match_text).spans);
            if selected {
                spans.push(Span::styled(" ".repeat(pad), style));
            }
            lines.push(Line::from(spans));
        }
        // The note goes on a line of its own under the question, cut to the width.
        if let Some(note) = app.scorecard.note(index) {
            let text = ellipsis(&format!("✎ {note}"), body_width);
            let pad = body_width.saturating_sub(text.chars().count());
            let mut spans = vec![
                Span::styled("      ", style),
                Span::styled(text, theme.muted.patch(style)),
            ];
            if selected {
                spans.push(Span::styled(" ".repeat(pad), style));
            }
            lines.push(Line::from(spans));
        }
        lines
    }
}
