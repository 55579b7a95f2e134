//! The Decision tab: the stack diagram at full size beside the verdict, the reasons, the
//! one-step-away hints, the user's own decision and note, the stage, and how to export.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, StatefulWidget, Widget};

use crate::tui::action::{Action, Pane};
use crate::tui::app::App;
use crate::tui::view::frame_data::FrameData;
use crate::tui::view::frame_map::FrameMap;
use crate::tui::view::layout;
use crate::tui::view::widgets::doc::{Doc, Extent};
use crate::tui::view::widgets::found::Marks;
use crate::tui::view::widgets::pane::pane;
use crate::tui::view::widgets::stack_diagram::StackDiagram;

/// The Decision tab.
pub struct DecisionTab<'a> {
    pub app: &'a App,
    pub data: &'a FrameData,
}

/// The record of the user's decision: why, its status and deciders; then the decision's note.
fn your_decision(app: &App, doc: &mut Doc) {
    let theme = app.theme();
    let resolved = app.scorecard.resolved_choice();
    doc.blank();
    doc.heading("Your record", theme.heading);
    if !resolved.because.is_empty() {
        doc.para(
            &format!("Why: {}", crate::text::sentence(&resolved.because)),
            theme.text,
        );
    }
    let deciders = if resolved.deciders.is_empty() {
        String::new()
    } else {
        format!(" · decided by {}", crate::text::join(&resolved.deciders, ", "))
    };
    doc.para(&format!("Status: {}{deciders}", resolved.status), theme.muted);
    if let Some(by) = &app.scorecard.answers().by {
        doc.para(&format!("Answered by {by}"), theme.muted);
    }
    if !app.scorecard.answers().note.is_empty() {
        doc.para(&format!("Context: {}", app.scorecard.answers().note), theme.text);
    }
    let keys = app
        .keymap()
        .first_key(Action::ChooseDecision)
        .zip(app.keymap().first_key(Action::EditNote));
    if let Some((choose, note)) = keys {
        doc.para(
            &format!("Press {choose} to choose, {note} for the decision's note."),
            theme.muted,
        );
    }
}

/// The right-hand document at this width.
pub fn doc(app: &App, width: u16) -> Doc {
    let theme = app.theme();
    let evaluation = &app.scorecard.evaluation();
    let mut doc = Doc::new(width);
    // The decision first, worded from the outcome as every other surface words it.
    let outcome = &evaluation.outcome;
    doc.heading("Decision", theme.heading);
    doc.para(&outcome.line(), theme.qualified);
    for against in outcome.against() {
        doc.para(against, theme.highlight);
    }
    doc.para(&format!("Diagram: {}", evaluation.stack.caption), theme.muted);
    doc.para(
        &format!("Checklist verdict: {}", evaluation.verdict.summary),
        theme.muted,
    );
    for also in &evaluation.verdict.also_consider {
        doc.bullet("+", "", &also.to_string(), theme.highlight, theme.highlight);
    }
    your_decision(app, &mut doc);
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
    if !app.scorecard.decision().stages.is_empty() {
        doc.blank();
        doc.heading("Where are you now?", theme.heading);
        let stage = app
            .scorecard
            .answers()
            .stage
            .as_deref()
            .and_then(|id| app.scorecard.decision().stage(id));
        match stage {
            Some(stage) => doc.para(&format!("● {}: {}", stage.label, stage.advice), theme.highlight),
            None => doc.para("○ No stage chosen.", theme.muted),
        }
        if let Some(key) = app.keymap().first_key(Action::ChooseStage) {
            let what = if stage.is_some() { "change the" } else { "choose a" };
            doc.para(&format!("Press {key} to {what} stage."), theme.muted);
        }
    }
    doc.blank();
    doc.heading("Export", theme.heading);
    if let Some(key) = app.keymap().first_key(Action::Export) {
        doc.para(
            &format!(
                "Press {key} to write a Markdown decision record (a path ending in / numbers it into a decisions folder), the JSON report, a session to reload, an SVG picture or an HTML page."
            ),
            theme.muted,
        );
    }
    doc
}

impl StatefulWidget for DecisionTab<'_> {
    type State = FrameMap;

    fn render(self, area: Rect, buf: &mut Buffer, map: &mut FrameMap) {
        let app = self.app;
        let theme = app.theme();
        let [diagram_area, text_area] = layout::decision_panes(area);
        // The article's heading at every width (the pane cuts it when it must); a decision
        // file without one gets a plain name.
        let heading = app.scorecard.decision().stack.heading.as_str();
        let title = if heading.is_empty() {
            "Suggested stack"
        } else {
            heading
        };
        let inner = pane(diagram_area, buf, format!(" {title} "), app.theme(), false);
        let diagram = StackDiagram {
            stack: &app.scorecard.evaluation().stack,
            theme,
        };
        // The diagram, then the article's note under it when there is room: one block of
        // lines, which the tab's search marks like the text beside it.
        let mut lines = diagram.lines(inner.width, inner.height);
        let note = app.scorecard.decision().stack.note.as_str();
        if !note.is_empty() && usize::from(inner.height) > lines.len() + 1 {
            let mut doc = Doc::new(inner.width);
            doc.line(ratatui::text::Line::default());
            doc.para(note, theme.muted);
            lines.extend(doc.lines);
        }
        let state = &app.ui.decision;
        let page = usize::from(inner.height);
        Marks {
            pane: Pane::Diagram,
            query: state.find.query.value(),
            current: state.find.current,
            top: 0,
            page,
        }
        .apply(&mut lines, theme, map);
        map.pane_extent(Extent { top: 0, page, max: 0 }.of(Pane::Diagram, diagram_area));
        if inner.width >= 4 {
            Paragraph::new(lines).render(inner, buf);
        }

        // The pane the keys scroll is the focused one, as on the other tabs.
        let inner = pane(text_area, buf, " Decision ".to_owned(), app.theme(), true);
        let mut doc = doc(app, inner.width);
        Marks::new(Pane::Decision, &state.find, &doc, inner, state.scroll).apply(&mut doc.lines, theme, map);
        let extent = doc.render_in(text_area, inner, state.scroll, buf, theme.border_focus);
        map.pane_extent(extent.of(Pane::Decision, text_area));
    }
}
