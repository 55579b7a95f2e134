//! The stage picker: "where are you now", whose advice breaks ties.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Widget};

use super::app::App;
use super::doc::Doc;
use super::overlay;
use crate::score::join_names;

/// The stage picker overlay; `cursor` 0 is "no stage".
pub struct StagePicker<'a> {
    pub app: &'a App,
    pub cursor: usize,
}

impl Widget for StagePicker<'_> {
    fn render(self, screen: Rect, buf: &mut Buffer) {
        let app = self.app;
        let theme = &app.theme;
        let width = screen.width.saturating_sub(4).min(70);
        let mut doc = Doc::new(width.saturating_sub(2));
        if !app.decision.stage_intro.is_empty() {
            doc.para(&app.decision.stage_intro, theme.muted);
            doc.blank();
        }
        let current = app.answers.stage.as_deref();
        let mut entries = vec![(
            "No stage".to_owned(),
            "— let the checklist decide".to_owned(),
            current.is_none(),
        )];
        for stage in &app.decision.stages {
            let picks: Vec<&str> = stage.picks.iter().map(|p| app.decision.option_name(p)).collect();
            let label = if stage.when.is_empty() {
                stage.label.to_string()
            } else {
                format!("{} ({})", stage.label, stage.when)
            };
            entries.push((
                label,
                format!("→ {}", join_names(&picks, "or")),
                current == Some(stage.id.as_str()),
            ));
        }
        for (i, (label, detail, chosen)) in entries.iter().enumerate() {
            let pointer = if i == self.cursor { "▶" } else { " " };
            let mark = if *chosen { "●" } else { "○" };
            let style = if i == self.cursor {
                theme.selected
            } else {
                theme.text
            };
            doc.wrapped(
                &format!("{pointer} {mark} "),
                "      ",
                &format!("{label} {detail}"),
                style,
            );
        }
        let height = u16::try_from(doc.len() + 2).unwrap_or(u16::MAX);
        let area = overlay::centred(screen, width, height);
        let inner = overlay::frame(area, buf, "Where are you now?", theme);
        Paragraph::new(doc.lines).render(inner, buf);
    }
}
