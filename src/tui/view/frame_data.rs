//! What more than one widget of a frame draws from, built once at the top of render.

use ratatui::text::{Line, Span};

use crate::tui::app::App;

/// Per-frame values shared by the widgets.
pub struct FrameData {
    /// `Verdict: hybrid — Django + Flask`, the kind and the options in words.
    pub verdict: Line<'static>,
}

impl FrameData {
    /// Builds the frame's shared values from the model.
    pub fn new(app: &App) -> FrameData {
        FrameData {
            verdict: verdict_line(app),
        }
    }
}

fn verdict_line(app: &App) -> Line<'static> {
    let theme = app.theme();
    let decision = app.scorecard.decision();
    let verdict = &app.scorecard.evaluation().verdict;
    let names: Vec<&str> = verdict
        .options
        .iter()
        .map(|id| decision.option_name(id))
        .collect();
    let what = if names.is_empty() {
        "no pick yet".to_owned()
    } else {
        names.join(" + ")
    };
    Line::from(vec![
        Span::styled("Verdict: ", theme.heading),
        Span::styled(format!("{} — ", verdict.kind), theme.text),
        Span::styled(what, theme.qualified),
    ])
}
