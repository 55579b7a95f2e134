//! The Decision tab: the stack diagram at full size beside the verdict, the reasons, the
//! one-step-away hints, the stage, and how to export.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Paragraph, Widget};

use crate::tui::app::App;
use crate::tui::app::action::Action;
use crate::tui::view::layout;
use crate::tui::view::widgets::doc::Doc;
use crate::tui::view::widgets::stack_diagram::StackDiagram;

/// The Decision pane.
pub struct DecisionPane<'a>(pub &'a App);

/// The right-hand document at this width.
pub fn doc(app: &App, width: u16) -> Doc {
    let theme = &app.theme;
    let evaluation = &app.evaluation;
    let mut doc = Doc::new(width);
    doc.heading(&format!("Verdict: {}", evaluation.verdict.kind), theme.heading);
    doc.para(&evaluation.verdict.summary, theme.qualified);
    if !evaluation.reasons.is_empty() {
        doc.blank();
        doc.heading("Reasons", theme.heading);
        for reason in &evaluation.reasons {
            doc.bullet("•", "", reason, theme.text, theme.text);
        }
    }
    if !evaluation.hints.is_empty() {
        doc.blank();
        doc.heading("One step away", theme.heading);
        for hint in &evaluation.hints {
            doc.bullet("→", "", &hint.text, theme.text, theme.text);
        }
    }
    if !app.decision.stages.is_empty() {
        doc.blank();
        doc.heading("Where are you now?", theme.heading);
        let stage = app.answers.stage.as_deref().and_then(|id| app.decision.stage(id));
        match stage {
            Some(stage) => doc.para(&format!("● {}: {}", stage.label, stage.advice), theme.highlight),
            None => doc.para("○ No stage chosen.", theme.muted),
        }
        if let Some(key) = app.keymap.first_key(Action::ChooseStage) {
            doc.para(&format!("Press {key} to choose a stage."), theme.muted);
        }
    }
    doc.blank();
    doc.heading("Export", theme.heading);
    if let Some(key) = app.keymap.first_key(Action::Export) {
        doc.para(
            &format!(
                "Press {key} to write a Markdown decision record, the JSON report, or a session to reload."
            ),
            theme.muted,
        );
    }
    doc
}

impl Widget for DecisionPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let theme = &app.theme;
        let [diagram_area, text_area] = layout::decision_panes(area);
        let title = app.decision.stack.heading.to_string();
        // The article's heading when it fits the pane's border, a short one otherwise.
        let fits = title.chars().count() + 4 <= usize::from(diagram_area.width);
        let title = if title.is_empty() || !fits {
            "Suggested stack".to_owned()
        } else {
            title
        };
        let block = Block::bordered()
            .title(Span::styled(format!(" {title} "), theme.title))
            .border_style(theme.border);
        let inner = block.inner(diagram_area);
        block.render(diagram_area, buf);
        let diagram = StackDiagram {
            stack: &app.evaluation.stack,
            theme,
        };
        let drawn = diagram.lines(inner.width, inner.height).len() as u16;
        diagram.render(inner, buf);
        // The article's note under the diagram, when there is room for it.
        let note = app.decision.stack.note.as_str();
        let below = Rect {
            y: inner.y + drawn.min(inner.height),
            height: inner.height.saturating_sub(drawn),
            ..inner
        };
        if !note.is_empty() && below.height > 1 {
            let mut doc = Doc::new(below.width);
            doc.line(ratatui::text::Line::default());
            doc.para(note, theme.muted);
            Paragraph::new(doc.lines).render(below, buf);
        }

        let block = Block::bordered()
            .title(Span::styled(" Decision ", theme.title))
            .border_style(theme.border);
        let inner = block.inner(text_area);
        block.render(text_area, buf);
        let doc = doc(app, inner.width);
        doc.render_in(text_area, inner, app.decision_scroll, buf, theme.border_focus);
    }
}
