//! The export dialog: pick the format, edit the path, confirm before overwriting.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::cli::Format;
use crate::tui::app::{App, ExportDialog};
use crate::tui::view::overlays::frame;

/// The export dialog overlay.
pub struct ExportOverlay<'a> {
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

impl Widget for ExportOverlay<'_> {
    fn render(self, screen: Rect, buf: &mut Buffer) {
        let theme = &self.app.theme;
        let dialog = self.dialog;
        let area = frame::centred(screen, screen.width.saturating_sub(4).min(64), 8);
        let inner = frame::frame(area, buf, "Export the decision", theme);

        let mut formats = vec![Span::styled("Format: ", theme.heading)];
        for format in [Format::Md, Format::Json, Format::Ron] {
            let name = format.to_string();
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
                Span::styled("▏", theme.key),
            ]));
            if let Some(status) = self.app.status.as_ref().filter(|s| s.is_error) {
                lines.push(Line::styled(status.text.clone(), theme.error));
            }
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(inner, buf);
    }
}
