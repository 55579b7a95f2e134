//! The decision as one self-contained HTML page: the record's content (context, drivers,
//! options with their evidence and the comparison, outcome, reasons and hints) with the SVG
//! of [`svg`](super::svg) inline. No script, no remote font, image or stylesheet: the page
//! makes no request. Its stylesheet reads on a phone (tables scroll sideways) and prints.

use serde::Serialize;

use crate::decision::Decision;
use crate::export::markup;
use crate::export::record::RecordContext;
use crate::export::svg;

/// The comparison table: one row per aspect, one cell per option (empty when the data
/// gives no value).
#[derive(Debug, Clone, Serialize)]
struct Comparison {
    options: Vec<String>,
    rows: Vec<ComparisonRow>,
}

#[derive(Debug, Clone, Serialize)]
struct ComparisonRow {
    aspect: String,
    values: Vec<String>,
}

fn comparison(decision: &Decision) -> Comparison {
    Comparison {
        options: decision.options.iter().map(|o| o.name.to_string()).collect(),
        rows: decision
            .comparison
            .iter()
            .map(|aspect| ComparisonRow {
                aspect: aspect.name.to_string(),
                values: decision
                    .options
                    .iter()
                    .map(|o| {
                        aspect
                            .values
                            .get(&o.id)
                            .map(ToString::to_string)
                            .unwrap_or_default()
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// The page for a record of `decision`.
pub fn render(decision: &Decision, record: &RecordContext) -> String {
    let env = markup::environment();
    let template = env
        .get_template(markup::HTML)
        .expect("the HTML template is built in");
    // The SVG is markup this module built, its text already escaped: the one safe value.
    let diagram = minijinja::Value::from_safe_string(svg::render(record, false));
    let context = minijinja::context! {
        svg => diagram,
        comparison => minijinja::Value::from_serialize(comparison(decision)),
        ..minijinja::Value::from_serialize(record)
    };
    template
        .render(context)
        // The context holds only strings, numbers and lists; the tests render it for the
        // embedded decision and for hostile data.
        .unwrap_or_else(|e| panic!("the built-in HTML page failed to render: {e}"))
}
