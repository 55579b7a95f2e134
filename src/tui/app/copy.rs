//! Copying to the clipboard: `Y` copies the decision as `stackpick score` prints it (the
//! gauges, the verdict, the user's choice, the stack and the reasons, plain text); the export
//! dialog copies the Markdown record. The text is returned as [`Effect::Copy`]; the runtime
//! writes it to the terminal (OSC 52), which puts it on the clipboard of the machine the
//! terminal runs on, over SSH too.

use crate::export::Format;
use crate::report::Report;
use crate::tui::app::model::App;
use crate::tui::app::model::Effect;

impl App {
    /// `Y`: the decision as plain text, to the clipboard.
    pub(super) fn copy_decision(&mut self) -> Effect {
        let report = Report::new(self.scorecard.decision(), self.scorecard.answers());
        self.copy(&report.to_text(), "the decision")
    }

    /// The export dialog's copy: the Markdown decision record, dated today as the file would be.
    pub(super) fn copy_record(&mut self) -> Effect {
        let record = self.export_text(Format::Md, crate::export::today());
        let what = match &self.ui.mode {
            crate::tui::app::Mode::Export(dialog) if dialog.team => "the team's Markdown record",
            _ => "the Markdown record",
        };
        self.copy(&record, what)
    }

    fn copy(&mut self, text: &str, what: &str) -> Effect {
        let text = clipboard_text(text);
        self.set_status(
            format!("Copied {what} ({} bytes) to the clipboard", text.len()),
            false,
        );
        Effect::Copy(text)
    }
}

/// `text` fit for the clipboard: each line cleaned of what could drive a terminal or hide
/// text (see `text::clean`), the line breaks kept, no blank lines at the end.
pub fn clipboard_text(text: &str) -> String {
    let lines: Vec<_> = text.lines().map(crate::text::clean).collect();
    let mut out = lines.join("\n");
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::clipboard_text;

    #[test]
    fn the_clipboard_gets_clean_lines() {
        assert_eq!(
            clipboard_text("Verdict: \u{1b}]52;c;x\u{7}Django\r\n\u{202e}Reasons:\n\n"),
            "Verdict: ]52;c;xDjango\nReasons:\n"
        );
    }
}
