//! The export dialog: pick the format, edit the path and the deciders (line editors), see the
//! full path it writes, set the record's status, and answer its questions (a path named for
//! another format, a file that exists, a directory that does not).

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, StatefulWidget, Widget};

use std::path::Path;

use crate::export::{Format, adr};
use crate::text::escape_path;
use crate::tui::app::{App, ExportDialog, ExportField, ExportQuestion, FORMATS, LineEditor, export_path};
use crate::tui::view::frame_map::{FrameMap, Target};
use crate::tui::view::overlays::frame;
use crate::tui::view::widgets::doc::skip_cells;

/// The export dialog overlay.
pub struct ExportDialogView<'a> {
    pub app: &'a App,
    pub dialog: &'a ExportDialog,
}

fn describe(format: Format) -> &'static str {
    match format {
        Format::Md => {
            "Markdown decision record (MADR 4.0) with a Mermaid diagram; a path ending in / \
             writes the folder's next numbered record"
        }
        Format::Json => "the JSON report, as `stackpick score --json`",
        Format::Ron => "a session (answers and stage) to reload with --session",
        Format::Svg => "an SVG image: gauges, verdict, choice and the stack diagram",
        Format::Html => "one self-contained web page of the record, with the SVG",
    }
}

/// The fields' labels, one width so the values line up.
const PATH: &str = "Path:     ";
const FULL: &str = "Writes to ";
const DECIDERS: &str = "Deciders: ";
const STATUS: &str = "Status:   ";
const LABEL: u16 = 10;

impl StatefulWidget for ExportDialogView<'_> {
    type State = FrameMap;

    fn render(self, screen: Rect, buf: &mut Buffer, map: &mut FrameMap) {
        let theme = self.app.theme();
        let dialog = self.dialog;
        let width = screen.width.saturating_sub(4).min(72);
        // Inside the border, after the labels.
        let value_width = usize::from(width.saturating_sub(2 + LABEL)).max(1);

        // The format row comes first; it is made once the box's place is known.
        let mut lines = Vec::new();
        let wrapped = textwrap::wrap(describe(dialog.format), value_width);
        lines.extend(
            wrapped
                .iter()
                .map(|part| Line::styled(format!("        {part}"), theme.muted)),
        );
        lines.push(Line::default());
        let full = shorten_left(&escape_path(&dialog.full_path()), value_width);
        // A folder gets the next numbered record, on a line of its own: its number is found
        // when it is written.
        let numbered = (dialog.format == Format::Md && export_path::is_folder(dialog.path.value()))
            .then(|| format!("NNNN-{}.md", adr::slug(&self.app.record_title())));
        let path_row = lines.len() + 1;
        let typing = dialog.question.is_none();
        lines.push(field(
            self.app,
            PATH,
            &dialog.path,
            typing && dialog.field == ExportField::Path,
            value_width,
        ));
        lines.push(Line::from(vec![
            Span::styled(FULL, theme.heading),
            Span::styled(full, theme.muted),
        ]));
        if let Some(name) = numbered {
            lines.push(Line::from(vec![
                Span::raw(" ".repeat(usize::from(LABEL))),
                Span::styled(shorten_left(&name, value_width), theme.muted),
            ]));
        }
        let mut focused = (dialog.field == ExportField::Path).then_some((path_row, &dialog.path));
        match &dialog.question {
            None => {
                let status = self.app.export_status();
                if dialog.field == ExportField::Deciders {
                    focused = Some((lines.len() + 1, &dialog.deciders));
                }
                lines.push(field(
                    self.app,
                    DECIDERS,
                    &dialog.deciders,
                    dialog.field == ExportField::Deciders,
                    value_width,
                ));
                lines.push(Line::from(vec![
                    Span::styled(STATUS, theme.heading),
                    Span::styled(status.to_string(), theme.text),
                ]));
                // An error is wrapped, never cut: "os error 20" cut short reads as another.
                if let Some(status) = self.app.ui.status.as_ref().filter(|s| s.is_error) {
                    lines.extend(
                        crate::tui::view::widgets::doc::wrap(
                            &status.text,
                            usize::from(width.saturating_sub(2)),
                        )
                        .into_iter()
                        .map(|line| Line::styled(line, theme.error)),
                    );
                }
            }
            Some(question) => {
                focused = None;
                let (said, asked) = question_text(dialog, question, usize::from(width - 2));
                lines.push(Line::styled(said, theme.error));
                lines.push(Line::styled(asked, theme.heading));
            }
        }
        let height = u16::try_from(lines.len() + 3).unwrap_or(u16::MAX);
        let area = frame::centred(screen, width, height);
        // From the Team tab: the team's record, said in the title so the user knows.
        let title = if dialog.team {
            "Export the team record"
        } else {
            "Export the decision"
        };
        let inner = frame::frame(area, buf, title, theme);
        map.overlay = Some(area);
        lines.insert(0, self.formats(inner, map));
        let rows = lines.len();
        Paragraph::new(lines).render(inner, buf);
        // The terminal's cursor sits in the field being typed in.
        if let Some((row, editor)) = focused.filter(|_| rows <= usize::from(inner.height)) {
            let column = editor.cursor_column() - editor.scroll(value_width);
            let x = inner.x + LABEL + u16::try_from(column).unwrap_or(u16::MAX);
            let y = inner.y + u16::try_from(row).unwrap_or(u16::MAX);
            if x < inner.right() && y < inner.bottom() {
                map.cursor = Some(Position::new(x, y));
            }
        }
    }
}

impl ExportDialogView<'_> {
    /// The format row; each format is a click target.
    fn formats(&self, inner: Rect, map: &mut FrameMap) -> Line<'static> {
        let theme = self.app.theme();
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
            if format == self.dialog.format {
                formats.push(Span::styled(format!("[{name}]"), theme.selected));
            } else {
                formats.push(Span::styled(format!(" {name} "), theme.text));
            }
            formats.push(Span::raw(" "));
        }
        formats.push(Span::styled("Tab", theme.muted));
        Line::from(formats)
    }
}

/// A labelled text field, scrolled sideways so its cursor stays in view.
fn field(app: &App, label: &'static str, editor: &LineEditor, focused: bool, width: usize) -> Line<'static> {
    let theme = app.theme();
    let style = if focused { theme.selected } else { theme.text };
    let shown = skip_cells(editor.value(), editor.scroll(width));
    Line::from(vec![
        Span::styled(label, theme.heading),
        Span::styled(shown, style),
    ])
}

/// What a question says and what it asks, each on one line of `width` cells (paths shortened
/// from the left, so their ends and the question stay).
fn question_text(dialog: &ExportDialog, question: &ExportQuestion, width: usize) -> (String, String) {
    let format = dialog.format;
    match question {
        ExportQuestion::Mismatch { named } => (
            format!(
                "The path ends in .{}, but the format is {format}.",
                named.extension()
            ),
            format!("Write {format} to it anyway? (y/n)"),
        ),
        ExportQuestion::Overwrite => {
            let said = " already exists.";
            let name = shorten_left(
                &escape_path(&dialog.full_path()),
                width.saturating_sub(said.len()),
            );
            (
                format!("{name}{said}"),
                "Overwrite it? (y overwrites; n, Esc or Enter keep it)".to_owned(),
            )
        }
        ExportQuestion::Numbered(file) => {
            let name = file
                .file_name()
                .map(|n| escape_path(Path::new(n)))
                .unwrap_or_default();
            let folder = file.parent().map(escape_path).unwrap_or_default();
            let (before, after) = (" is the next record in ", ".");
            let room = width.saturating_sub(before.len() + after.len() + name.chars().count());
            (
                format!("{name}{before}{}{after}", shorten_left(&folder, room)),
                "Write it? (y/n)".to_owned(),
            )
        }
        ExportQuestion::CreateDir(dir) => {
            let (before, after) = ("Create directory ", "? (y/n)");
            let room = width.saturating_sub(before.len() + after.len());
            let asked = format!("{before}{}{after}", shorten_left(&escape_path(dir), room));
            ("The file's directory does not exist.".to_owned(), asked)
        }
    }
}

/// `text` in at most `width` cells: when longer, its start gives way to `…`, so the end (the
/// file name) stays visible.
pub fn shorten_left(text: &str, width: usize) -> String {
    let cells = |s: &str| Line::raw(s.to_owned()).width();
    if cells(text) <= width {
        return text.to_owned();
    }
    let mut kept: Vec<char> = Vec::new();
    let mut used = 1;
    for c in text.chars().rev() {
        let w = cells(&c.to_string());
        if used + w > width {
            break;
        }
        used += w;
        kept.push(c);
    }
    std::iter::once('…').chain(kept.into_iter().rev()).collect()
}

#[cfg(test)]
mod tests {
    use super::shorten_left;

    #[test]
    fn long_paths_keep_their_end() {
        assert_eq!(shorten_left("/home/ana/x.md", 20), "/home/ana/x.md");
        assert_eq!(shorten_left("/home/ana/project/out/x.md", 12), "…ct/out/x.md");
        assert_eq!(shorten_left("/漢字/x.md", 7), "…/x.md");
    }
}
