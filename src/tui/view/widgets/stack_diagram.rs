//! `StackDiagram`: the suggested stack drawn with box-drawing characters as in the article,
//! active layers emphasised and marked `●`/"active", dimmed ones `○`/"dimmed". It drops detail
//! (the parts of dimmed layers, then all parts) when the space is short.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::score::{LayerView, StackView};
use crate::tui::theme::Theme;
use crate::tui::view::widgets::doc::{ellipsis, wrap};

/// The stack diagram widget.
pub struct StackDiagram<'a> {
    pub stack: &'a StackView,
    pub theme: &'a Theme,
}

/// How much of each layer to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Detail {
    All,
    ActiveParts,
    Titles,
    /// Titles without the rules between layers.
    Compact,
}

impl StackDiagram<'_> {
    /// The diagram's lines for a width and a height.
    pub fn lines(&self, width: u16, height: u16) -> Vec<Line<'static>> {
        self.fitting(width).fit(height)
    }

    /// The diagram at one width, each level of detail built at most once.
    pub fn fitting(&self, width: u16) -> Fitting<'_> {
        Fitting {
            diagram: self,
            width,
            built: Default::default(),
        }
    }
    fn build(&self, width: u16, detail: Detail) -> Vec<Line<'static>> {
        let inner = usize::from(width.saturating_sub(2));
        let border = self.theme.border;
        let rule =
            |left: &str, right: &str| Line::styled(format!("{left}{}{right}", "─".repeat(inner)), border);
        let mut lines = vec![rule("┌", "┐")];
        lines.push(boxed(
            &format!(" {}", self.stack.title),
            inner,
            self.theme.title,
            border,
        ));
        for (i, layer) in self.stack.layers.iter().enumerate() {
            if detail != Detail::Compact || i == 0 {
                lines.push(rule("├", "┤"));
            }
            let style = if layer.active {
                self.theme.layer_active
            } else {
                self.theme.layer_dimmed
            };
            // The title wraps rather than losing its state word at the right edge.
            let title = title_line(layer);
            for (i, part) in wrap(&title, inner.saturating_sub(1)).into_iter().enumerate() {
                let text = if i == 0 {
                    format!(" {part}")
                } else {
                    format!("   {part}")
                };
                lines.push(boxed(&text, inner, style, border));
            }
            let show_parts = layer.option.is_some()
                && match detail {
                    Detail::All => true,
                    Detail::ActiveParts => layer.active,
                    Detail::Titles | Detail::Compact => false,
                };
            if show_parts {
                let part_style = if layer.active {
                    self.theme.text
                } else {
                    self.theme.layer_dimmed
                };
                for (i, part) in layer.parts.iter().enumerate() {
                    let branch = if i + 1 == layer.parts.len() {
                        "└──"
                    } else {
                        "├──"
                    };
                    lines.push(boxed(&format!("   {branch} {part}"), inner, part_style, border));
                }
            }
        }
        lines.push(rule("└", "┘"));
        lines
    }
}

/// The diagram at one width, its levels of detail built on demand and kept, so a frame
/// that tries several heights builds each at most once.
pub struct Fitting<'a> {
    diagram: &'a StackDiagram<'a>,
    width: u16,
    built: [Option<Vec<Line<'static>>>; 4],
}

impl Fitting<'_> {
    fn detail(&mut self, detail: Detail) -> &Vec<Line<'static>> {
        let slot = match detail {
            Detail::All => 0,
            Detail::ActiveParts => 1,
            Detail::Titles => 2,
            Detail::Compact => 3,
        };
        let (diagram, width) = (self.diagram, self.width);
        self.built[slot].get_or_insert_with(|| diagram.build(width, detail))
    }

    /// Whether the diagram, with the parts of its active layers, fits this height.
    pub fn fits_active_parts(&mut self, height: u16) -> bool {
        self.detail(Detail::ActiveParts).len() <= usize::from(height)
    }

    /// The most detailed lines that fit this height (the most compact when none does).
    pub fn fit(&mut self, height: u16) -> Vec<Line<'static>> {
        for detail in [Detail::All, Detail::ActiveParts, Detail::Titles] {
            if self.detail(detail).len() <= usize::from(height) {
                return self.detail(detail).clone();
            }
        }
        self.detail(Detail::Compact).clone()
    }
}

/// A layer's title line: `● Django Monolith (active)`; a shared layer names its parts inline,
/// as the article does: `Shared: JWT/OpenID Connect auth`.
fn title_line(layer: &LayerView) -> String {
    let (mark, state) = if layer.active {
        ("●", "active")
    } else {
        ("○", "dimmed")
    };
    let title = if layer.option.is_none() && !layer.parts.is_empty() {
        format!("{}: {}", layer.title, layer.parts.join(", "))
    } else {
        layer.title.clone()
    };
    format!("{mark} {title} ({state})")
}

/// `│text…padding│`, cut to fit.
fn boxed(text: &str, inner: usize, style: Style, border: Style) -> Line<'static> {
    let cut = ellipsis(text, inner);
    let content = format!("{cut}{}", " ".repeat(inner.saturating_sub(cut.chars().count())));
    Line::from(vec![
        Span::styled("│", border),
        Span::styled(content, style),
        Span::styled("│", border),
    ])
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
