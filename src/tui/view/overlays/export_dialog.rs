//! The export dialog: pick the format, edit the path, confirm before overwriting.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, StatefulWidget, Widget, Wrap};

use crate::cli::Format;
use crate::tui::app::{App, ExportDialog, FORMATS};
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
    }
}

impl StatefulWidget for ExportDialogView<'_> {
    type State = FrameMap;

    fn render(self, screen: Rect, buf: &mut Buffer, map: &mut FrameMap) {
        let theme = self.app.theme();
        let dialog = self.dialog;
        let area = frame::centred(screen, screen.width.saturating_sub(4).min(64), 8);
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
            lines.push(Line::from(vec![
                Span::styled("Path:   ", theme.heading),
                Span::styled(dialog.path.clone(), theme.text),
            ]));
            // The terminal's own cursor at the end of the path, on the line it wraps to.
            let width = usize::from(inner.width.max(1));
            let end = 8 + Line::raw(dialog.path.as_str()).width();
            let (row, column) = (end / width, end % width);
            let y = inner.y + 3 + u16::try_from(row).unwrap_or(u16::MAX);
            if y < inner.bottom() {
                let x = inner.x + u16::try_from(column).unwrap_or(0);
                map.cursor = Some(Position::new(x, y));
            }
            if let Some(status) = self.app.ui.status.as_ref().filter(|s| s.is_error) {
                lines.push(Line::styled(status.text.clone(), theme.error));
            }
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(inner, buf);
    }
}
