//! The Overview tab: the TL;DR, the quick decision matrix (rows matching the verdict marked),
//! and the stage advice.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::StatefulWidget;

use crate::tui::action::{Action, Pane, Tab};
use crate::tui::app::App;
use crate::tui::view::frame_map::FrameMap;
use crate::tui::view::widgets::doc::{Doc, fit};
use crate::tui::view::widgets::found::Marks;
use crate::tui::view::widgets::pane::pane;

/// The Overview tab.
pub struct OverviewTab<'a>(pub &'a App);

/// The Overview's lines at this width. Sections the decision has no data for are left out.
pub fn doc(app: &App, width: u16) -> Doc {
    let mut doc = Doc::new(width);
    doc.para(&app.scorecard.decision().question, app.theme().text);
    where_to_start(app, &mut doc);
    summary(app, &mut doc);
    matrix(app, &mut doc);
    stages(app, &mut doc);
    doc
}

/// The app's own guidance, not the article's: the first screen says where the decision is
/// made, with the key that goes there (as bound).
fn where_to_start(app: &App, doc: &mut Doc) {
    let theme = app.theme();
    let Some(key) = app.keymap().first_key(Action::GoTab(Tab::Checklist)) else {
        return;
    };
    doc.blank();
    let line = Line::from(vec![
        Span::styled("Where to start: ", theme.muted),
        Span::styled(key, theme.key),
        Span::styled(
            format!(" {}: answer the questions", Tab::Checklist),
            theme.highlight,
        ),
    ]);
    // Wrapped on a narrow screen, never cut.
    for part in crate::tui::view::widgets::doc::wrap_line(&line, doc.width()) {
        doc.line(part);
    }
}

fn summary(app: &App, doc: &mut Doc) {
    if app.scorecard.decision().summary.is_empty() {
        return;
    }
    let theme = app.theme();
    doc.blank();
    doc.heading("TL;DR", theme.heading);
    for summary in &app.scorecard.decision().summary {
        let heading = format!("{}:", summary.heading);
        doc.bullet("•", &heading, &summary.text, theme.highlight, theme.text);
    }
}

fn matrix(app: &App, doc: &mut Doc) {
    let decision = &app.scorecard.decision();
    if decision.matrix.is_empty() {
        return;
    }
    let theme = app.theme();
    doc.blank();
    doc.heading("Quick Decision Matrix", theme.heading);
    let outcome = &app.scorecard.evaluation().outcome;
    let pick_width = decision
        .options
        .iter()
        .map(|o| o.name.chars().count())
        .max()
        .unwrap_or(0);
    let situation_width = doc.width().saturating_sub(pick_width + 5).max(10);
    doc.line(Line::styled(
        format!("  {:<situation_width$} {}", "Your situation", "Pick"),
        theme.muted,
    ));
    for row in &decision.matrix {
        let matches = outcome.decides(&row.pick);
        // ✓, not ▶: the cursor's glyph marks a selection, and this is none.
        let marker = if matches { "✓ " } else { "  " };
        let style = if matches { theme.highlight } else { theme.text };
        let mut situation = fit(&row.situation, situation_width);
        situation.push(' ');
        doc.line(Line::from(vec![
            Span::styled(marker, theme.highlight),
            Span::styled(situation, style),
            Span::styled(decision.option_name(&row.pick).to_owned(), style),
        ]));
    }
    let marked = if outcome.is_decided() {
        format!("✓ marks the rows that match the decision ({}).", outcome.headline)
    } else {
        format!("No row is marked: nothing is decided yet ({}).", outcome.headline)
    };
    doc.para(&marked, theme.muted);
}

fn stages(app: &App, doc: &mut Doc) {
    let decision = &app.scorecard.decision();
    if decision.stages.is_empty() {
        return;
    }
    let theme = app.theme();
    doc.blank();
    doc.heading("My Recommendation for You", theme.heading);
    if !decision.stage_intro.is_empty() {
        doc.para(&decision.stage_intro, theme.text);
    }
    let plain_heading = theme
        .heading
        .remove_modifier(ratatui::style::Modifier::UNDERLINED);
    for stage in &decision.stages {
        let chosen = app.scorecard.answers().stage.as_deref() == Some(stage.id.as_str());
        let marker = if chosen { "●" } else { "○" };
        let mut title = stage.label.to_string();
        if !stage.when.is_empty() {
            title = format!("{title} ({})", stage.when);
        }
        if chosen {
            title.push_str(" [your stage]");
        }
        let style = if chosen { theme.highlight } else { plain_heading };
        doc.bullet(marker, &format!("{title}:"), &stage.advice, style, theme.text);
    }
    if let Some(key) = app.keymap().first_key(Action::ChooseStage) {
        // Once a stage is chosen, the key changes it.
        let verb = if app.scorecard.answers().stage.is_some() {
            "change"
        } else {
            "choose"
        };
        doc.para(&format!("Press {key} to {verb} where you are now."), theme.muted);
    }
}

impl StatefulWidget for OverviewTab<'_> {
    type State = FrameMap;

    fn render(self, area: Rect, buf: &mut Buffer, map: &mut FrameMap) {
        let app = self.0;
        let theme = app.theme();
        let inner = pane(
            area,
            buf,
            format!(" {} ", app.scorecard.decision().title),
            app.theme(),
            false,
        );
        let mut doc = doc(app, inner.width);
        let state = &app.ui.overview;
        Marks::new(Pane::Overview, &state.find, &doc, inner, state.scroll).apply(&mut doc.lines, theme, map);
        let extent = doc.render_in(area, inner, state.scroll, buf, theme.border_focus);
        map.pane_extent(extent.of(Pane::Overview, area));
    }
}
