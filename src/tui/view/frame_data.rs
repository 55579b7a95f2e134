//! What more than one widget of a frame draws from, built once at the top of render.

use ratatui::text::{Line, Span};

use crate::tui::app::App;

/// Per-frame values shared by the widgets.
pub struct FrameData {
    /// `Verdict: Hybrid: Django + Flask`, with any also-consider callout beside it.
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
    let verdict = &app.scorecard.evaluation().verdict;
    let mut spans = vec![
        Span::styled("Verdict: ", theme.heading),
        Span::styled(verdict.summary.clone(), theme.qualified),
    ];
    // The decision beside it when the user's choice or the stage says otherwise.
    let outcome = &app.scorecard.evaluation().outcome;
    if outcome.basis == crate::score::Basis::Choice {
        spans.push(Span::styled(
            format!(" · Decision: {}", outcome.line()),
            theme.qualified,
        ));
    }
    if let Some(stage) = &outcome.stage_against {
        spans.push(Span::styled(format!(" · {stage}"), theme.highlight));
    }
    // The also-consider callout goes beside the verdict, in the article's words.
    for also in &verdict.also_consider {
        spans.push(Span::styled(format!(" · {also}"), theme.highlight));
    }
    Line::from(spans)
}
