//! `StackDiagram`: the suggested stack drawn with box-drawing characters as in the article,
//! active layers emphasised and marked `●`, dimmed ones `○` (the marks, not the colour, carry
//! the state). When the space is short it drops the rules between layers, then the parts of
//! whole layers, dimmed ones first; it never drops a layer's parts while they fit.
//!
//! The diagram is drawn in its own box ([`Fitting::fit`]) or as the body of a pane whose
//! border is the diagram's box ([`Fitting::fit_rows`]).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::score::{LayerView, StackView};
use crate::tui::theme::Theme;
use crate::tui::view::widgets::doc::{fill, fit};

/// The stack diagram widget.
pub struct StackDiagram<'a> {
    pub stack: &'a StackView,
    pub theme: &'a Theme,
}

/// A row of the diagram's body: a rule between layers (`├───┤`, drawn over the box's
/// sides), or a line of text inside the box.
#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    Rule,
    Text(Line<'static>),
}

/// What of the diagram is drawn: which layers show their parts, and whether rules separate
/// the layers.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Detail {
    parts: Vec<bool>,
    rules: bool,
}

impl StackDiagram<'_> {
    /// The diagram's lines, in its own box, for a width and a height.
    pub fn lines(&self, width: u16, height: u16) -> Vec<Line<'static>> {
        self.fitting(width).fit(height)
    }

    /// The diagram at one width (the width of its box), measured once.
    pub fn fitting(&self, width: u16) -> Fitting<'_> {
        let inner = usize::from(width.saturating_sub(2));
        let titles = self
            .stack
            .layers
            .iter()
            // Wrapped with the indents the rows draw it with, so no piece is cut.
            .map(|layer| fill(&layer.title_line(), inner.max(1), " ", "   "))
            .collect();
        Fitting {
            diagram: self,
            inner,
            titles,
        }
    }

    fn layer_style(&self, layer: &LayerView) -> Style {
        if layer.active {
            self.theme.layer_active
        } else {
            self.theme.layer_dimmed
        }
    }
}

/// The diagram at one width: each layer's title wrapped once, so the frame can try several
/// heights and build only the rows it draws.
pub struct Fitting<'a> {
    diagram: &'a StackDiagram<'a>,
    /// The width inside the box.
    inner: usize,
    /// Each layer's title, wrapped.
    titles: Vec<Vec<String>>,
}

impl Fitting<'_> {
    /// How many parts a layer can show (a shared layer names its parts in its title).
    fn part_count(&self, layer: usize) -> usize {
        let layer = &self.diagram.stack.layers[layer];
        if layer.option.is_some() {
            layer.parts.len()
        } else {
            0
        }
    }

    /// The rows of a level of detail.
    fn count(&self, detail: &Detail) -> usize {
        let layers = self.titles.len();
        let rules = if detail.rules { layers } else { layers.min(1) };
        let titles: usize = self.titles.iter().map(Vec::len).sum();
        let parts: usize = (0..layers)
            .filter(|&i| detail.parts[i])
            .map(|i| self.part_count(i))
            .sum();
        rules + titles + parts
    }

    /// The most detailed body that fits `height` rows: every part, with rules between the
    /// layers, then without them; else the parts of as many whole layers as fit, active
    /// layers first, then in order; else the titles alone, then without the rules.
    fn detail(&self, height: usize) -> Detail {
        let layers = &self.diagram.stack.layers;
        let all = vec![true; layers.len()];
        for rules in [true, false] {
            let detail = Detail {
                parts: all.clone(),
                rules,
            };
            if self.count(&detail) <= height {
                return detail;
            }
        }
        let mut detail = Detail {
            parts: vec![false; layers.len()],
            rules: true,
        };
        if self.count(&detail) > height {
            detail.rules = false;
            return detail;
        }
        let mut order: Vec<usize> = (0..layers.len()).filter(|&i| layers[i].active).collect();
        order.extend((0..layers.len()).filter(|&i| !layers[i].active));
        for i in order {
            detail.parts[i] = true;
            if self.count(&detail) > height {
                detail.parts[i] = false;
            }
        }
        detail
    }

    /// Whether every layer's parts fit in `height` rows of a pane-bordered body.
    pub fn fits_all_rows(&self, height: u16) -> bool {
        let all = Detail {
            parts: vec![true; self.titles.len()],
            rules: true,
        };
        self.count(&all) <= usize::from(height)
    }

    /// How many body rows the parts of the active layers need with every title and rule.
    pub fn active_rows(&self) -> usize {
        let layers = &self.diagram.stack.layers;
        self.count(&Detail {
            parts: layers.iter().map(|l| l.active).collect(),
            rules: true,
        })
    }

    /// The body for a pane whose border is the diagram's box: rules and text rows, the most
    /// detailed that fits `height` rows, with a rule above the first layer.
    pub fn fit_rows(&self, height: u16) -> Vec<Row> {
        self.rows(&self.detail(usize::from(height)))
    }

    /// Draws the most detailed diagram that fits `height` lines inside a pane, from line `y`
    /// of the pane's `inner` area down (never past its bottom): its rules run into the
    /// pane's own border at `area`'s edges, as the diagram's box does. Returns the line after
    /// the last one drawn.
    pub fn draw_in_pane(&self, height: u16, area: Rect, inner: Rect, mut y: u16, buf: &mut Buffer) -> u16 {
        let rule = format!("├{}┤", "─".repeat(usize::from(inner.width)));
        for row in self.fit_rows(height) {
            if y >= inner.bottom() {
                break;
            }
            match row {
                Row::Rule => {
                    buf.set_string(area.x, y, &rule, self.diagram.theme.border);
                }
                Row::Text(line) => {
                    buf.set_line(inner.x, y, &line, inner.width);
                }
            }
            y += 1;
        }
        y
    }

    /// The diagram in its own box, the most detailed that fits `height` lines.
    pub fn fit(&self, height: u16) -> Vec<Line<'static>> {
        let theme = self.diagram.theme;
        let (inner, border) = (self.inner, theme.border);
        // The box's top, its title and its bottom take three lines.
        let rows = self.rows(&self.detail(usize::from(height).saturating_sub(3)));
        let rule =
            |left: &str, right: &str| Line::styled(format!("{left}{}{right}", "─".repeat(inner)), border);
        let mut lines = vec![rule("┌", "┐")];
        lines.push(boxed(
            padded(&format!(" {}", self.diagram.stack.title), inner, theme.title),
            border,
        ));
        for row in rows {
            lines.push(match row {
                Row::Rule => rule("├", "┤"),
                Row::Text(line) => boxed(line, border),
            });
        }
        lines.push(rule("└", "┘"));
        lines
    }

    fn rows(&self, detail: &Detail) -> Vec<Row> {
        let diagram = self.diagram;
        let theme = diagram.theme;
        let inner = self.inner;
        let mut rows = Vec::new();
        for (i, layer) in diagram.stack.layers.iter().enumerate() {
            if detail.rules || i == 0 {
                rows.push(Row::Rule);
            }
            let style = diagram.layer_style(layer);
            // The title wraps rather than losing its end at the right edge.
            for part in &self.titles[i] {
                rows.push(Row::Text(padded(part, inner, style)));
            }
            if detail.parts[i] {
                let part_style = if layer.active {
                    theme.text
                } else {
                    theme.layer_dimmed
                };
                let count = self.part_count(i);
                for (j, part) in layer.parts.iter().take(count).enumerate() {
                    let branch = if j + 1 == count { "└──" } else { "├──" };
                    rows.push(Row::Text(padded(
                        &format!("   {branch} {part}"),
                        inner,
                        part_style,
                    )));
                }
            }
        }
        rows
    }
}

/// `text` cut to `inner` cells and padded to them, in one style.
fn padded(text: &str, inner: usize, style: Style) -> Line<'static> {
    Line::styled(fit(text, inner), style)
}

/// `│line│`, for a line padded to the inside of the box.
fn boxed(line: Line<'static>, border: Style) -> Line<'static> {
    let style = line.style;
    let mut spans = vec![Span::styled("│", border)];
    spans.extend(
        line.spans
            .into_iter()
            .map(|span| Span::styled(span.content, style.patch(span.style))),
    );
    spans.push(Span::styled("│", border));
    Line::from(spans)
}

impl Widget for StackDiagram<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < 4 || area.height == 0 {
            return;
        }
        let lines = self.lines(area.width, area.height);
        Paragraph::new(lines).render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::Decision;
    use crate::score::{Answers, evaluate};

    fn text(lines: &[Line]) -> String {
        lines
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn states_are_marks_not_words() {
        let decision = Decision::embedded();
        let stack = evaluate(&decision, &Answers::default()).stack;
        let theme = Theme::monochrome();
        let lines = StackDiagram {
            stack: &stack,
            theme: &theme,
        }
        .lines(40, 40);
        let text = text(&lines);
        assert!(text.contains("○ Django Monolith"), "{text}");
        assert!(!text.contains("(active)") && !text.contains("(dimmed)"), "{text}");
        assert!(text.contains("Third-party integrations"), "{text}");
    }

    #[test]
    fn layer_titles_wrap_whole_at_every_width() {
        let decision = Decision::embedded();
        let stack = evaluate(&decision, &Answers::default()).stack;
        let theme = Theme::monochrome();
        let diagram = StackDiagram {
            stack: &stack,
            theme: &theme,
        };
        // From the narrowest a pane gives it (the Checklist's at 50 columns), where its
        // longest word fits.
        for width in 20..60 {
            let text = text(&diagram.lines(width, 40));
            // The shared layer's title is the longest: every word of it is on screen.
            let letters: String = text.chars().filter(|c| !c.is_whitespace() && *c != '│').collect();
            assert!(
                letters.contains("Shared:JWT/OpenIDConnectauth"),
                "at {width}:\n{text}"
            );
            let titles = text.lines().filter(|l| l.contains('○'));
            for line in titles {
                assert!(!line.contains('…'), "a title cut at {width}: {line}");
            }
        }
    }

    #[test]
    fn parts_are_dropped_a_whole_layer_at_a_time_and_only_when_they_do_not_fit() {
        let decision = Decision::embedded();
        let stack = evaluate(&decision, &Answers::default()).stack;
        let theme = Theme::monochrome();
        let diagram = StackDiagram {
            stack: &stack,
            theme: &theme,
        };
        let fitting = diagram.fitting(40);
        // Every part: 3 rules + 3 titles + 8 parts; then the rules between layers go.
        assert_eq!(fitting.fit_rows(14).len(), 14);
        assert_eq!(fitting.fit_rows(13).len(), 12);
        let rows = text(
            &fitting
                .fit_rows(11)
                .into_iter()
                .filter_map(|r| match r {
                    Row::Text(line) => Some(line),
                    Row::Rule => None,
                })
                .collect::<Vec<_>>(),
        );
        assert!(
            rows.contains("Core business logic"),
            "the first layer keeps its parts:\n{rows}"
        );
        assert!(!rows.contains("ML model serving"), "{rows}");
        assert_eq!(fitting.fit_rows(3).len(), 4, "titles without rules but the first");
    }
}
