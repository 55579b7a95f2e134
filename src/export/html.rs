//! The decision as one self-contained HTML page: the record's content (context, drivers,
//! options with their evidence and the comparison, outcome, reasons and hints) with the SVG
//! of [`svg`](super::svg) inline. No script, no remote font, image or stylesheet: the page
//! makes no request. Its stylesheet reads on a phone (tables scroll sideways) and prints.

use crate::export::markup;
use crate::export::record::RecordContext;
use crate::export::svg;

/// The page for a record.
pub fn render(record: &RecordContext) -> String {
    let env = markup::environment();
    let template = env
        .get_template(markup::HTML)
        .expect("the HTML template is built in");
    // The SVG is markup this module built, its text already escaped: the one safe value.
    let diagram = minijinja::Value::from_safe_string(svg::render(record, false));
    let context = minijinja::context! {
        svg => diagram,
        ..minijinja::Value::from_serialize(record)
    };
    template
        .render(context)
        // The context holds only strings, numbers and lists; the tests render it for the
        // embedded decision and for hostile data.
        .unwrap_or_else(|e| panic!("the built-in HTML page failed to render: {e}"))
}
