//! The picker of the user's own decision: follow the checklist, an option, the hybrid, or
//! not decided. The current choice is marked `●`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::StatefulWidget;

use crate::tui::action::Pane;
use crate::tui::app::{App, choice_entries};
use crate::tui::view::frame_map::{FrameMap, Target};
use crate::tui::view::overlays::entry_list::EntryList;
use crate::tui::view::overlays::frame;
use crate::tui::view::widgets::doc::Doc;

/// The decision picker overlay, the cursor on entry `cursor`.
pub struct ChoicePicker<'a> {
    pub app: &'a App,
    pub cursor: usize,
}

impl StatefulWidget for ChoicePicker<'_> {
    type State = FrameMap;

    fn render(self, body: Rect, buf: &mut Buffer, map: &mut FrameMap) {
        let app = self.app;
        let theme = app.theme();
        let width = body.width.saturating_sub(4).min(60);
        let mut doc = Doc::new(width.saturating_sub(2));
        // The checklist's verdict in the words the Scores pane uses.
        let verdict = &app.scorecard.evaluation().verdict.summary;
        let suggestion = format!("Checklist verdict: {verdict}; the decision is yours.");
        doc.para(&suggestion, theme.muted);
        doc.blank();
        let current = &app.scorecard.answers().choice.pick;
        let mut list = EntryList::new(doc, self.cursor, Pane::ChoicePicker, Target::Choice);
        for (pick, label) in choice_entries(app.scorecard.decision()) {
            list.entry(&label, &pick == current, theme);
        }
        let area = frame::centred(body, width, list.height());
        list.render(area, "Your decision", theme, buf, map);
    }
}
