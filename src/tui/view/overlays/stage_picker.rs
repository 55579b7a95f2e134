//! The stage picker: "where are you now", whose advice breaks ties.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::StatefulWidget;

use crate::score::join_names;
use crate::tui::action::Pane;
use crate::tui::app::App;
use crate::tui::view::frame_map::{FrameMap, Target};
use crate::tui::view::overlays::entry_list::EntryList;
use crate::tui::view::overlays::frame;
use crate::tui::view::widgets::doc::Doc;

/// The stage picker overlay; `cursor` 0 is "no stage".
pub struct StagePicker<'a> {
    pub app: &'a App,
    pub cursor: usize,
}

impl StatefulWidget for StagePicker<'_> {
    type State = FrameMap;

    fn render(self, body: Rect, buf: &mut Buffer, map: &mut FrameMap) {
        let app = self.app;
        let theme = app.theme();
        let decision = app.scorecard.decision();
        let width = body.width.saturating_sub(4).min(70);
        let mut doc = Doc::new(width.saturating_sub(2));
        if !decision.stage_intro.is_empty() {
            doc.para(&decision.stage_intro, theme.muted);
            doc.blank();
        }
        let current = app.scorecard.answers().stage.as_deref();
        // Entry 0 is "no stage", then the stages in order.
        let mut list = EntryList::new(doc, self.cursor, Pane::StagePicker, Target::Stage);
        list.entry("No stage — let the checklist decide", current.is_none(), theme);
        for stage in &decision.stages {
            let picks: Vec<&str> = stage.picks.iter().map(|p| decision.option_name(p)).collect();
            let label = if stage.when.is_empty() {
                stage.label.to_string()
            } else {
                format!("{} ({})", stage.label, stage.when)
            };
            let text = format!("{label} → {}", join_names(&picks, "or"));
            list.entry(&text, current == Some(stage.id.as_str()), theme);
        }
        let area = frame::centred(body, width, list.height());
        list.render(area, "Where are you now?", theme, buf, map);
    }
}
