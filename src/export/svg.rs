//! The decision at a glance as one SVG image: the title, a gauge per scored option with its
//! threshold marked and its state in words, the verdict and the user's choice, the
//! also-consider suggestions, and the stack diagram with active layers emphasised and the
//! others dimmed and marked "inactive" (so it reads without colour).
//!
//! This module computes the layout (positions and wrapped lines); the template
//! `assets/templates/decision.svg.j2` only writes the elements. Text is set in a monospace
//! font so that a line of `n` characters is about `n` × [`CHAR_WIDTH`] wide, which is what
//! makes wrapping by character count safe without measuring fonts. The diagram comes from
//! the same [`StackView`](crate::score::StackView) as the terminal's and the Mermaid one.

use serde::Serialize;

use crate::export::markup;
use crate::export::record::RecordContext;
use crate::score::{LayerView, Score};

/// The image's width in user units, a phone's: on a 390 px screen the picture is drawn at
/// about its own size, so its smallest text stays above 12 px. It has no fixed size (a
/// `viewBox` only) and scales to what shows it.
const WIDTH: u32 = 360;
/// The margin on every side.
const MARGIN: u32 = 16;
/// The width of a character of the body font (14 px monospace fonts are 8.4 px wide; a
/// little more keeps lines inside the box with any of them).
const CHAR_WIDTH: f64 = 8.6;
/// The body text's line height.
const LINE: u32 = 20;
/// The title's font size relative to the body's (22 px against 14 px).
const TITLE_SCALE: f64 = 22.0 / 14.0;
/// The title's line height.
const TITLE_LINE: u32 = 30;
/// The gauge bar's height.
const BAR: u32 = 16;
/// Padding inside a layer's box.
const PAD: u32 = 12;

/// A line of text and its baseline.
#[derive(Debug, Clone, Serialize)]
pub struct TextLine {
    pub y: u32,
    pub text: String,
}

/// A scored option's gauge.
#[derive(Debug, Clone, Serialize)]
pub struct Gauge {
    /// The option's name, wrapped.
    pub name: Vec<TextLine>,
    /// Its state in words: "4 of 6, needs 3 — qualifies".
    pub words: TextLine,
    pub qualified: bool,
    /// The bar's top.
    pub bar_y: u32,
    /// The filled part's width.
    pub fill: f64,
    /// Where the threshold mark is, from the left margin.
    pub mark: f64,
}

/// A layer of the stack diagram: its box and its lines.
#[derive(Debug, Clone, Serialize)]
pub struct Layer {
    pub y: u32,
    pub height: u32,
    pub active: bool,
    /// `● Django Monolith` or `○ Flask Microservices (inactive)`, wrapped.
    pub title: Vec<TextLine>,
    /// `├── Core business logic`, one line each (wrapped when long).
    pub parts: Vec<TextLine>,
}

/// The whole image, laid out.
#[derive(Debug, Clone, Serialize)]
pub struct Layout {
    pub width: u32,
    pub height: u32,
    pub margin: u32,
    /// The width between the margins.
    pub inner: u32,
    pub title: Vec<TextLine>,
    pub question: Vec<TextLine>,
    /// Whose answers these are ("Answered by Ada", "The answers of Ada, Bo and Cy"), when
    /// known.
    pub answered: Vec<TextLine>,
    pub scores_heading: TextLine,
    pub gauges: Vec<Gauge>,
    pub verdict_heading: TextLine,
    pub verdict: Vec<TextLine>,
    pub choice: Vec<TextLine>,
    pub also_heading: Option<TextLine>,
    pub also: Vec<TextLine>,
    pub stack_heading: Vec<TextLine>,
    pub layers: Vec<Layer>,
    pub footer: TextLine,
}

/// A pen going down the page.
struct Pen {
    y: u32,
}

impl Pen {
    /// `text` wrapped to `columns` characters, a line each `line` pixels, from the pen down.
    fn lines(&mut self, text: &str, columns: usize, line: u32) -> Vec<TextLine> {
        let text = markup::text(text);
        let wrapped = textwrap::wrap(text.trim(), columns.max(8));
        wrapped
            .into_iter()
            .map(|l| {
                self.y += line;
                TextLine {
                    y: self.y,
                    text: l.into_owned(),
                }
            })
            .collect()
    }

    fn gap(&mut self, pixels: u32) {
        self.y += pixels;
    }
}

/// How many body characters fit in `pixels`.
fn columns(pixels: u32) -> usize {
    (f64::from(pixels) / CHAR_WIDTH) as usize
}

/// The state in words: "4 of 6, needs 3 — qualifies", "1 of 6, needs 3 — 2 more to qualify".
pub fn gauge_words(score: &Score) -> String {
    let state = if score.qualified {
        "qualifies".to_owned()
    } else {
        format!("{} more to qualify", score.threshold.saturating_sub(score.score))
    };
    format!("{} — {state}", score.tally())
}

/// A layer's title as the terminal's diagram words it ([`LayerView::title_line`]), with
/// "(inactive)" after a dimmed layer's.
pub fn layer_title(layer: &LayerView) -> String {
    let state = if layer.active { "" } else { " (inactive)" };
    format!("{}{state}", layer.title_line())
}

/// What is decided, worded from the outcome as every other surface words it, and what the
/// diagram lights.
fn choice_text(record: &RecordContext) -> String {
    let outcome = &record.report.outcome;
    let mut text = format!("Decision: {}.", outcome.line());
    for against in outcome.against() {
        text.push_str(&format!(" {against}"));
    }
    if !record.choice.because.is_empty() {
        text.push_str(&format!(
            " Why: {}",
            crate::text::sentence(&record.choice.because)
        ));
    }
    text.push_str(&format!(" {}", record.report.stack.caption));
    text
}

/// Whose answers the image shows: the team's people, or the one who answered.
fn answered_by(record: &RecordContext) -> Option<String> {
    match (&record.team, &record.by) {
        (Some(team), _) => Some(format!("The answers of {}", team.names)),
        (None, Some(by)) => Some(format!("Answered by {by}")),
        (None, None) => None,
    }
}

/// Lays the decision out.
pub fn layout(record: &RecordContext) -> Layout {
    let inner = WIDTH - 2 * MARGIN;
    let body = columns(inner);
    let mut pen = Pen { y: MARGIN };
    let title = pen.lines(
        &record.title,
        (f64::from(inner) / (CHAR_WIDTH * TITLE_SCALE)) as usize,
        TITLE_LINE,
    );
    pen.gap(4);
    let question = pen.lines(&record.question, body, LINE);
    let answered = answered_by(record).map_or_else(Vec::new, |who| pen.lines(&who, body, LINE));
    pen.gap(16);
    let scores_heading = pen.lines("Checklist scores", body, LINE).remove(0);
    let gauges = record
        .scores
        .iter()
        .map(|score| {
            pen.gap(6);
            let name = pen.lines(&score.name, body, LINE);
            let words = pen.lines(&gauge_words(score), body, LINE).remove(0);
            pen.gap(6);
            let bar_y = pen.y;
            pen.gap(BAR);
            let max = score.max.max(1) as f64;
            let at = |value: u64| (f64::from(inner) * (value as f64 / max).min(1.0)).round();
            Gauge {
                name,
                words,
                qualified: score.qualified,
                bar_y,
                fill: at(score.score),
                mark: at(score.threshold),
            }
        })
        .collect();
    pen.gap(16);
    let verdict_heading = pen.lines("Verdict", body, LINE).remove(0);
    let verdict = pen.lines(&record.outcome.summary, body, LINE);
    let choice = pen.lines(&choice_text(record), body, LINE);
    let also_consider = &record.report.verdict.also_consider;
    let (also_heading, also) = if also_consider.is_empty() {
        (None, Vec::new())
    } else {
        pen.gap(16);
        let heading = pen.lines("Also consider", body, LINE).remove(0);
        let lines = also_consider
            .iter()
            .flat_map(|a| pen.lines(&format!("{}: {}", a.name, a.why), body, LINE))
            .collect();
        (Some(heading), lines)
    };
    pen.gap(16);
    let stack_heading = pen.lines(&record.report.stack.title, body, LINE);
    let box_columns = columns(inner - 2 * PAD);
    let layers = record
        .report
        .stack
        .layers
        .iter()
        .map(|layer| {
            pen.gap(10);
            let y = pen.y;
            pen.gap(PAD - 4);
            let title = pen.lines(&layer_title(layer), box_columns, LINE);
            let parts = if layer.option.is_some() {
                let count = layer.parts.len();
                layer
                    .parts
                    .iter()
                    .enumerate()
                    .flat_map(|(i, part)| {
                        let branch = if i + 1 == count { "└──" } else { "├──" };
                        pen.lines(&format!("{branch} {part}"), box_columns - 2, LINE)
                    })
                    .collect()
            } else {
                Vec::new()
            };
            pen.gap(PAD);
            Layer {
                y,
                height: pen.y - y,
                active: layer.active,
                title,
                parts,
            }
        })
        .collect();
    pen.gap(24);
    let footer = pen.lines(
        &format!("stackpick · {} · {}", record.date, record.status),
        body,
        LINE,
    );
    pen.gap(MARGIN);
    Layout {
        width: WIDTH,
        height: pen.y,
        margin: MARGIN,
        inner,
        title,
        question,
        answered,
        scores_heading,
        gauges,
        verdict_heading,
        verdict,
        choice,
        also_heading,
        also,
        stack_heading,
        layers,
        footer: footer.into_iter().next().unwrap_or(TextLine {
            y: 0,
            text: String::new(),
        }),
    }
}

/// The SVG markup: a standalone file (with the XML declaration) or, for an HTML page, the
/// `<svg>` element alone.
pub fn render(record: &RecordContext, standalone: bool) -> String {
    let env = markup::environment();
    let template = env
        .get_template(markup::SVG)
        .expect("the SVG template is built in");
    let layout = layout(record);
    template
        .render(minijinja::context! { standalone, ..minijinja::Value::from_serialize(&layout) })
        // The layout holds only strings, numbers and lists, which cannot fail to render;
        // the tests render it for hostile data.
        .unwrap_or_else(|e| panic!("the built-in SVG failed to render: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(value: u64, qualified: bool) -> Score {
        Score {
            option: "django".into(),
            name: "Django".into(),
            score: value,
            max: 6,
            threshold: 3,
            qualified,
        }
    }

    #[test]
    fn gauge_words_say_the_state() {
        assert_eq!(gauge_words(&score(4, true)), "4 of 6, needs 3 — qualifies");
        assert_eq!(
            gauge_words(&score(1, false)),
            "1 of 6, needs 3 — 2 more to qualify"
        );
    }

    #[test]
    fn inactive_layers_say_so_in_words() {
        let mut layer = LayerView {
            title: "Flask Microservices".into(),
            option: Some("flask".into()),
            parts: vec!["ML".into()],
            active: false,
        };
        assert_eq!(layer_title(&layer), "○ Flask Microservices (inactive)");
        layer.active = true;
        assert_eq!(layer_title(&layer), "● Flask Microservices");
        layer.option = None;
        layer.title = "Shared".into();
        assert_eq!(layer_title(&layer), "● Shared: ML");
    }
}
