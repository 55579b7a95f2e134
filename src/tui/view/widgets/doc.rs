//! A small builder of wrapped, styled lines for the document-like panes (Overview, Strengths,
//! Decision, help), so their height is known before rendering (for scrolling).

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::tui::action::Pane;
use crate::tui::view::frame_map::PaneExtent;

/// Wrapping options for every wrapped text: a width of at least one column, never a split at
/// a hyphen, so ids like `django.content-heavy` stay whole. Table cells, narrow, wrap with
/// these ([`wrap`]): the optimal fit's evener lines and its breaks after a slash or a dash.
pub fn options(width: usize) -> textwrap::Options<'static> {
    textwrap::Options::new(width.max(1)).word_splitter(textwrap::WordSplitter::NoHyphenation)
}

/// A document's lines: [`options`], filled in order and broken at spaces only, as a ratatui
/// paragraph breaks them (file text is cleaned, so its only breakable space is U+0020).
pub fn fill(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let options = options(width)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .initial_indent(first)
        .subsequent_indent(rest);
    textwrap::wrap(text, options)
        .into_iter()
        .map(std::borrow::Cow::into_owned)
        .collect()
}

/// Wrapped lines, built for one width.
#[derive(Debug, Clone)]
pub struct Doc {
    width: usize,
    pub lines: Vec<Line<'static>>,
}

impl Doc {
    /// An empty document for this width (at least one column).
    pub fn new(width: u16) -> Doc {
        Doc {
            width: usize::from(width).max(1),
            lines: Vec::new(),
        }
    }

    /// The width the document wraps to.
    pub fn width(&self) -> usize {
        self.width
    }

    /// A heading line.
    pub fn heading(&mut self, text: &str, style: Style) {
        self.wrapped("", "", text, style);
    }

    /// A blank line (never two in a row, never first).
    pub fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| l.width() > 0) {
            self.lines.push(Line::default());
        }
    }

    /// A paragraph, wrapped.
    pub fn para(&mut self, text: &str, style: Style) {
        self.wrapped("", "", text, style);
    }

    /// A wrapped paragraph with a first-line prefix and an indent for the rest.
    pub fn wrapped(&mut self, first: &str, rest: &str, text: &str, style: Style) {
        for line in fill(text, self.width, first, rest) {
            self.lines.push(Line::styled(line, style));
        }
    }

    /// A bullet: `• title — detail`, the title in its own style, wrapped with a hanging indent.
    pub fn bullet(&mut self, marker: &str, title: &str, detail: &str, title_style: Style, style: Style) {
        // "Heading: detail" reads as a sentence; a bare title gets a dash before its detail.
        let full = match (title.is_empty(), detail.is_empty()) {
            (true, _) => detail.to_owned(),
            (false, true) => title.to_owned(),
            (false, false) if title.ends_with(':') => format!("{title} {detail}"),
            (false, false) => format!("{title} — {detail}"),
        };
        let first = format!("{marker} ");
        let rest = " ".repeat(first.chars().count());
        // Style the title part of the text, which may span more than one line.
        let mut title_left = title.chars().count();
        for (i, line) in fill(&full, self.width, &first, &rest).into_iter().enumerate() {
            let indent = if i == 0 { &first } else { &rest }.chars().count();
            let (prefix, body) = line.split_at(char_offset(&line, indent));
            let cut = title_left.min(body.chars().count());
            let (t, d) = body.split_at(char_offset(body, cut));
            title_left = title_left.saturating_sub(cut + 1);
            self.lines.push(Line::from(vec![
                Span::styled(prefix.to_owned(), style),
                Span::styled(t.to_owned(), title_style),
                Span::styled(d.to_owned(), style),
            ]));
        }
    }

    /// A ready-made line, as is.
    pub fn line(&mut self, line: Line<'static>) {
        self.lines.push(line);
    }

    /// The number of lines.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// Draws the document inside a bordered `pane` (its inside is `inner`), scrolled by
    /// `scroll` lines (at most to where the last line is at the bottom), with a scrollbar on
    /// the border when it is taller than the inside; returns how it was drawn. Only the
    /// visible lines go to the paragraph, so any line can be reached (a paragraph's own
    /// scroll offset is a `u16`).
    pub fn render_in(self, pane: Rect, inner: Rect, scroll: usize, buf: &mut Buffer, style: Style) -> Extent {
        let len = self.len();
        let page = usize::from(inner.height);
        let max = len.saturating_sub(page);
        let top = scroll.min(max);
        // Each visible line in its row: left-aligned, its style covering its text, not the
        // rest of the row.
        for (line, row) in self.lines.iter().skip(top).take(page).zip(inner.rows()) {
            buf.set_line(row.x, row.y, line, row.width);
        }
        scrollbar(pane, buf, len, top, style);
        Extent {
            top,
            page: page.max(1),
            max,
        }
    }

    /// Whether there are no lines.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

/// How a document was drawn: the first line shown, a page of lines, the largest offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Extent {
    pub top: usize,
    pub page: usize,
    pub max: usize,
}

impl Extent {
    /// The extent as the `FrameMap` records it for `pane`, drawn at `rect`.
    pub fn of(self, pane: Pane, rect: Rect) -> PaneExtent {
        PaneExtent {
            pane,
            rect,
            top: self.top,
            page: self.page,
            max: self.max,
        }
    }
}

/// The text cut to `width` columns, ending in `…` when cut.
pub fn ellipsis(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// The text cut to `width` columns (see [`ellipsis`]) and padded with spaces to them.
pub fn fit(text: &str, width: usize) -> String {
    let mut cut = ellipsis(text, width);
    let pad = width.saturating_sub(cut.chars().count());
    cut.extend(std::iter::repeat_n(' ', pad));
    cut
}

/// A styled line cut to `width` display cells, ending in `…` (in the style of what it cuts)
/// when cut.
pub fn ellipsis_line(line: Line<'static>, width: usize) -> Line<'static> {
    if line.width() <= width {
        return line;
    }
    let room = width.saturating_sub(1);
    let mut used = 0;
    let mut spans = Vec::new();
    let mut style = line.style;
    for span in &line.spans {
        style = span.style;
        if used + span.width() <= room {
            used += span.width();
            spans.push(span.clone());
            continue;
        }
        let mut kept = String::new();
        for c in span.content.chars() {
            let cells = Span::raw(c.to_string()).width();
            if used + cells > room {
                break;
            }
            used += cells;
            kept.push(c);
        }
        spans.push(Span::styled(kept, span.style));
        break;
    }
    if width > 0 {
        spans.push(Span::styled("…", style));
    }
    Line { spans, ..line }
}

/// `text` without its first `cells` display cells.
pub fn skip_cells(text: &str, cells: usize) -> String {
    let mut skipped = 0;
    text.chars()
        .skip_while(|c| {
            if skipped >= cells {
                return false;
            }
            skipped += Line::raw(c.to_string()).width();
            true
        })
        .collect()
}

/// The byte offset of the `n`th character of `text` (its length when it has fewer).
fn char_offset(text: &str, n: usize) -> usize {
    text.char_indices().nth(n).map_or(text.len(), |(i, _)| i)
}

/// Wraps text to a width, for widgets that lay out their own lines.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    textwrap::wrap(text, options(width))
        .into_iter()
        .map(std::borrow::Cow::into_owned)
        .collect()
}

/// Wraps a styled line to a width, each piece keeping the styles of the text it came from.
pub fn wrap_line(line: &Line<'static>, width: usize) -> Vec<Line<'static>> {
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    // Each span's byte range in `text`, to style the wrapped pieces.
    let mut ranges = Vec::new();
    let mut at = 0;
    for span in &line.spans {
        ranges.push((at, at + span.content.len(), span.style));
        at += span.content.len();
    }
    let mut from = 0;
    let mut lines = Vec::new();
    for piece in wrap(&text, width) {
        // The pieces are the text's words in order, less the spaces at the breaks.
        let start = text[from..].find(piece.as_str()).map_or(from, |i| from + i);
        let end = start + piece.len();
        from = end;
        let spans: Vec<Span<'static>> = ranges
            .iter()
            .filter(|(s, e, _)| *s < end && *e > start)
            .map(|&(s, e, style)| Span::styled(text[s.max(start)..e.min(end)].to_owned(), style))
            .collect();
        lines.push(Line::from(spans));
    }
    lines
}

/// How many wrapped texts [`wrap_cached`] keeps: a few screens' worth of cells, so its memory
/// stays small whatever the size of the decision.
const WRAP_CACHE_ENTRIES: usize = 1024;

/// [`wrap`], remembered for the texts of the last few frames: the rows on screen are wrapped
/// again on every key otherwise (Compare, Checklist), and line breaking is the dearest part of
/// a frame. Keyed by the text itself and the width, so a hit is always what `wrap` would give.
pub fn wrap_cached(text: &str, width: usize) -> Vec<String> {
    cached(text, width, wrap)
}

/// [`wrap_cell`], remembered as [`wrap_cached`] remembers [`wrap`].
pub fn wrap_cell_cached(text: &str, width: usize) -> Vec<String> {
    cached(text, width, wrap_cell)
}

/// A table cell's lines: broken between words and after a word's own hyphens
/// ("Batteries-" / "included"); only a word longer than the column is cut, each piece but
/// the last ending in "-".
pub fn wrap_cell(text: &str, width: usize) -> Vec<String> {
    let width = width.max(2);
    let options = textwrap::Options::new(width)
        .word_splitter(textwrap::WordSplitter::HyphenSplitter)
        .break_words(false);
    let cells = |s: &str| Line::raw(s.to_owned()).width();
    let mut lines = Vec::new();
    for line in textwrap::wrap(text, options) {
        let mut rest: &str = &line;
        while cells(rest) > width {
            // The longest start that leaves a cell for the hyphen.
            let cut = rest
                .char_indices()
                .map(|(i, _)| i)
                .skip(1)
                .take_while(|&i| cells(&rest[..i]) < width)
                .last()
                .unwrap_or(0);
            if cut == 0 {
                break;
            }
            lines.push(format!("{}-", &rest[..cut]));
            rest = &rest[cut..];
        }
        lines.push(rest.to_owned());
    }
    lines
}

/// `wrap_with(text, width)`, remembered for the texts of the last few frames.
fn cached(text: &str, width: usize, wrap_with: fn(&str, usize) -> Vec<String>) -> Vec<String> {
    /// Entries by a hash of `(width, text, wrapping)`; each keeps them to confirm a hit.
    type Cache = HashMap<u64, (usize, usize, Box<str>, Vec<String>)>;
    thread_local! {
        static CACHE: RefCell<Cache> = RefCell::new(HashMap::new());
    }
    let wrapping = wrap_with as usize;
    let mut hasher = DefaultHasher::new();
    (width, text, wrapping).hash(&mut hasher);
    let key = hasher.finish();
    CACHE.with_borrow_mut(|cache| {
        if let Some((w, f, t, lines)) = cache.get(&key)
            && *w == width
            && *f == wrapping
            && **t == *text
        {
            return lines.clone();
        }
        let lines = wrap_with(text, width);
        if cache.len() >= WRAP_CACHE_ENTRIES {
            cache.clear();
        }
        cache.insert(key, (width, wrapping, text.into(), lines.clone()));
        lines
    })
}

/// A scrollbar over a pane's right border when its content is taller than the inside:
/// the sign that there is more to see.
pub fn scrollbar(
    pane: ratatui::layout::Rect,
    buf: &mut ratatui::buffer::Buffer,
    content: usize,
    position: usize,
    style: Style,
) {
    use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget};
    let viewport = usize::from(pane.height.saturating_sub(2));
    if content <= viewport || pane.width < 2 {
        return;
    }
    let track = pane.inner(Margin::new(0, 1));
    let mut state = ScrollbarState::new(content.saturating_sub(viewport)).position(position);
    Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None)
        .track_symbol(Some("│"))
        .thumb_symbol("┃")
        .style(style)
        .render(track, buf, &mut state);
}

#[cfg(test)]
mod tests {
    use ratatui::style::{Color, Modifier, Stylize};

    use super::*;

    #[test]
    fn a_line_s_style_covers_its_text_not_the_rest_of_its_row() {
        let mut doc = Doc::new(20);
        doc.heading("TL;DR", Style::new().underlined().green());
        doc.line(Line::from(vec!["a".bold(), "b".into()]));
        let area = Rect::new(0, 0, 12, 4);
        let mut buf = Buffer::empty(area);
        let extent = doc.render_in(area, Rect::new(1, 1, 10, 2), 0, &mut buf, Style::new());
        assert_eq!(extent.max, 0);
        assert_eq!(buf[(1, 1)].symbol(), "T");
        let (heading, after) = (&buf[(1, 1)], &buf[(6, 1)]);
        assert_eq!(
            (heading.fg, heading.modifier),
            (Color::Green, Modifier::UNDERLINED)
        );
        // Past the text the row is as it was: an underline across the pane would be new
        // output on every frame, and not what the user asked for.
        assert_eq!(
            (after.symbol(), after.fg, after.modifier),
            (" ", Color::Reset, Modifier::empty())
        );
        assert_eq!(buf[(1, 2)].modifier, Modifier::BOLD);
        assert_eq!(buf[(2, 2)].modifier, Modifier::empty());
    }

    #[test]
    fn a_line_too_wide_is_cut_with_an_ellipsis_in_the_style_it_cuts() {
        let line = Line::from(vec![
            "Bob  ".bold(),
            "Choose Django".into(),
            " · chooses Flask".dim(),
        ]);
        assert_eq!(ellipsis_line(line.clone(), 40), line, "it fits");
        let cut = ellipsis_line(line.clone(), 16);
        assert_eq!(cut.to_string(), "Bob  Choose Dja…");
        assert_eq!(cut.width(), 16);
        assert_eq!(cut.spans.last().unwrap().style, Style::new());
        let cut = ellipsis_line(line, 24);
        assert_eq!(cut.to_string(), "Bob  Choose Django · ch…");
        assert_eq!(cut.spans.last().unwrap().style, Style::new().dim());
    }

    #[test]
    fn a_document_wraps_as_a_ratatui_paragraph_does() {
        use ratatui::widgets::{Paragraph, Widget, Wrap};
        let texts = [
            "Flask for simplicity, FastAPI for async performance.",
            "Building APIs/microservices with client-server auth",
            "one two/three four-five six",
            "a-very-long-identifier-that-fills-more-than-a-line then words",
        ];
        for text in texts {
            for width in [8, 13, 20, 38] {
                let area = Rect::new(0, 0, width, 12);
                let mut doc = Doc::new(width);
                doc.para(text, Style::new());
                let mut ours = Buffer::empty(area);
                doc.render_in(area, area, 0, &mut ours, Style::new());
                let mut theirs = Buffer::empty(area);
                Paragraph::new(text)
                    .wrap(Wrap { trim: true })
                    .render(area, &mut theirs);
                assert_eq!(ours, theirs, "{text:?} at {width}");
            }
        }
    }

    #[test]
    fn a_wrapped_line_keeps_its_styles() {
        let line = Line::from(vec![
            "Verdict: ".bold(),
            "hybrid — ".into(),
            "Django + Flask".green(),
        ]);
        let lines = wrap_line(&line, 12);
        let texts: Vec<String> = lines.iter().map(ToString::to_string).collect();
        assert_eq!(texts, ["Verdict:", "hybrid —", "Django +", "Flask"]);
        assert_eq!(lines[0].spans[0].style, Style::new().bold());
        assert_eq!(lines[3].spans[0].style, Style::new().green());
    }

    #[test]
    fn cached_wrapping_is_wrapping_for_every_text_and_width() {
        let texts = [
            "",
            "one",
            "a few words that wrap",
            "a few words that wrap",
            "émoji 👩‍💻 text",
        ];
        for _ in 0..2 {
            for text in texts {
                for width in [1, 3, 8, 20] {
                    assert_eq!(wrap_cached(text, width), wrap(text, width), "{text:?} at {width}");
                }
            }
        }
    }
}
