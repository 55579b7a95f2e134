//! The export dialog: pick the format, edit the path and the deciders, set the record's
//! status, confirm before overwriting.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, StatefulWidget, Widget, Wrap};

use crate::cli::Format;
use crate::tui::app::{App, ExportDialog, ExportField, FORMATS};
use crate::tui::view::frame_map::{FrameMap, Target};
use crate::tui::view::overlays::frame;

/// The export dialog overlay.
pub struct ExportDialogView<'a> {
    pub app: &'a App,
    pub dialog: &'a ExportDialog,
}

fn describe(format: Format) -> &'static str {
    match format {
        Format::Md => "Markdown decision record (MADR 4.0) with a Mermaid diagram",
        Format::Json => "the JSON report, as `stackpick score --json`",
        Format::Ron => "a session (answers and stage) to reload with --session",
        Format::Svg => "an SVG image: gauges, verdict, choice and the stack diagram",
        Format::Html => "one self-contained web page of the record, with the SVG",
    }
}

impl StatefulWidget for ExportDialogView<'_> {
    type State = FrameMap;

    fn render(self, screen: Rect, buf: &mut Buffer, map: &mut FrameMap) {
        let theme = self.app.theme();
        let dialog = self.dialog;
        let area = frame::centred(screen, screen.width.saturating_sub(4).min(64), 10);
        let inner = frame::frame(area, buf, "Export the decision", theme);

        map.overlay = Some(area);
        let mut formats = vec![Span::styled("Format: ", theme.heading)];
        let mut x = inner.x + 8;
        for format in FORMATS {
            let name = format.to_string();
            let width = u16::try_from(name.chars().count() + 2).unwrap_or(u16::MAX);
            map.target(
                Rect::new(x, inner.y, width, 1).intersection(inner),
                Target::Format(format),
            );
            x = x.saturating_add(width + 1);
            if format == dialog.format {
                formats.push(Span::styled(format!("[{name}]"), theme.selected));
            } else {
                formats.push(Span::styled(format!(" {name} "), theme.text));
            }
            formats.push(Span::raw(" "));
        }
        let mut lines = vec![
            Line::from(formats),
            Line::styled(format!("        {}", describe(dialog.format)), theme.muted),
            Line::default(),
        ];
        if dialog.confirm_overwrite {
            lines.push(Line::styled(
                format!("{} already exists.", dialog.path),
                theme.error,
            ));
            lines.push(Line::styled("Overwrite it?", theme.heading));
        } else {
            let status = dialog
                .status
                .unwrap_or_else(|| self.app.scorecard.resolved_choice().status);
            let field = |label: &'static str, value: &str, focused: bool| {
                let style = if focused { theme.selected } else { theme.text };
                Line::from(vec![
                    Span::styled(label, theme.heading),
                    Span::styled(value.to_owned(), style),
                ])
            };
            lines.push(field(PATH, &dialog.path, dialog.field == ExportField::Path));
            lines.push(field(
                DECIDERS,
                &dialog.deciders,
                dialog.field == ExportField::Deciders,
            ));
            lines.push(field(STATUS, &status.to_string(), false));
            if let Some(status) = self.app.ui.status.as_ref().filter(|s| s.is_error) {
                lines.push(Line::styled(status.text.clone(), theme.error));
            }
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(inner, buf);
        if !dialog.confirm_overwrite {
            map.cursor = match dialog.field {
                ExportField::Path => field_end(buf, inner, PATH, &dialog.path),
                ExportField::Deciders => field_end(buf, inner, DECIDERS, &dialog.deciders),
            };
        }
    }
}

/// The fields' labels, one width so the values line up.
const PATH: &str = "Path:     ";
const DECIDERS: &str = "Deciders: ";
const STATUS: &str = "Status:   ";

/// Where a text field ends on screen: the description above it may wrap, so the field's
/// row is found where its label was drawn.
fn field_end(buf: &Buffer, inner: Rect, label: &str, value: &str) -> Option<Position> {
    let start = label.len();
    let label = label.trim_end();
    let y = (inner.y..inner.bottom()).find(|&y| {
        (0..label.len()).all(|i| {
            let x = inner.x + u16::try_from(i).unwrap_or(0);
            buf.cell((x, y)).map(ratatui::buffer::Cell::symbol) == label.get(i..=i)
        })
    })?;
    let width = usize::from(inner.width.max(1));
    let end = start + Line::raw(value).width();
    let y = y + u16::try_from(end / width).ok()?;
    let x = inner.x + u16::try_from(end % width).ok()?;
    (y < inner.bottom()).then_some(Position::new(x, y))
}
