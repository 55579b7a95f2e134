//! A document tab's search on screen: where its text is in a document's lines (recorded in the
//! `FrameMap`, in the tab's order, for `n`/`N`), and the matches on the visible lines marked in
//! the theme's match style (reversed without colour); the current one also underlined.

use std::ops::Range;

use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use crate::tui::action::Pane;
use crate::tui::app::Find;
use crate::tui::search::find_folded;
use crate::tui::theme::Theme;
use crate::tui::view::frame_map::FrameMap;
use crate::tui::view::widgets::doc::Doc;

/// The search in a document pane: what to find, the current match (counted over the whole
/// tab) and the lines on screen.
pub struct Marks<'a> {
    pub pane: Pane,
    pub query: &'a str,
    pub current: Option<usize>,
    /// The first line drawn and how many are.
    pub top: usize,
    pub page: usize,
}

impl Marks<'_> {
    /// The search `find` over `doc`, drawn in `inner` scrolled by `scroll` (as `render_in`
    /// draws it).
    pub fn new<'a>(pane: Pane, find: &'a Find, doc: &Doc, inner: Rect, scroll: usize) -> Marks<'a> {
        let page = usize::from(inner.height);
        Marks {
            pane,
            query: find.query.value(),
            current: find.current,
            top: scroll.min(doc.len().saturating_sub(page)),
            page,
        }
    }

    /// Records where the lines hold the query, after the matches of the panes before it, and
    /// marks those on the visible lines. Every line is searched (the count and `n`/`N` need
    /// them all) but only the visible ones are restyled.
    pub fn apply(self, lines: &mut [Line<'static>], theme: &Theme, map: &mut FrameMap) {
        if self.query.is_empty() {
            return;
        }
        let before = map.found.len();
        let visible = self.top..self.top.saturating_add(self.page);
        for (index, line) in lines.iter_mut().enumerate() {
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            let ranges = find_folded(&text, self.query);
            if ranges.is_empty() {
                continue;
            }
            let first = map.found.len() - before;
            map.found
                .extend(std::iter::repeat_n((self.pane, index), ranges.len()));
            if visible.contains(&index) {
                let current = self
                    .current
                    .and_then(|c| c.checked_sub(before + first))
                    .filter(|&c| c < ranges.len());
                *line = mark_line(line, &ranges, current, theme.match_text);
            }
        }
    }
}

/// A line with the byte ranges of its text in `style` (patched over the text's own style);
/// the range `current` also bold and underlined, so it stands out from the others.
pub fn mark_line(
    line: &Line<'static>,
    ranges: &[Range<usize>],
    current: Option<usize>,
    style: Style,
) -> Line<'static> {
    let mut spans = Vec::new();
    let mut at = 0;
    for span in &line.spans {
        let content = span.content.as_ref();
        let end = at + content.len();
        // The span's text cut at each range's ends that fall inside it.
        let mut cuts = vec![at, end];
        for range in ranges {
            cuts.extend(
                [range.start, range.end]
                    .into_iter()
                    .filter(|&c| c > at && c < end),
            );
        }
        cuts.sort_unstable();
        cuts.dedup();
        for piece in cuts.windows(2) {
            let (start, stop) = (piece[0], piece[1]);
            let hit = ranges.iter().position(|r| r.start <= start && stop <= r.end);
            let piece_style = match hit {
                Some(i) if Some(i) == current => span
                    .style
                    .patch(style)
                    .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                Some(_) => span.style.patch(style),
                None => span.style,
            };
            spans.push(Span::styled(
                content[start - at..stop - at].to_owned(),
                piece_style,
            ));
        }
        at = end;
    }
    Line::from(spans).style(line.style)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_cut_across_spans_and_keep_the_text() {
        let line = Line::from(vec![
            Span::raw("Async "),
            Span::styled("ORM", Style::new().bold()),
        ]);
        let range = 4..8;
        let marked = mark_line(&line, std::slice::from_ref(&range), Some(0), Style::new());
        assert_eq!(marked.to_string(), "Async ORM");
        let styled: Vec<(&str, bool)> = marked
            .spans
            .iter()
            .map(|s| {
                (
                    s.content.as_ref(),
                    s.style.add_modifier.contains(Modifier::UNDERLINED),
                )
            })
            .collect();
        assert_eq!(
            styled,
            [("Asyn", false), ("c ", true), ("OR", true), ("M", false)]
        );
    }
}
