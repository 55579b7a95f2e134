//! `export --format svg` and `--format html`: the SVG is well-formed XML showing every gauge,
//! the verdict, the choice, the also-consider options and every layer of the stack in its
//! state; the page is self-contained and holds the whole record with the SVG inline; data
//! that looks like markup (`<script>`, `</svg>`, quotes, `&`, `]]>`) stays text in both.
//! The export dialog offers both formats.

use std::process::Command;

use stackpick::decision::{Decision, EMBEDDED_SOURCE};
use stackpick::export::Format;
use stackpick::export::svg::{gauge_words, layer_title};
use stackpick::score::{Answers, evaluate};
use stackpick::tui::App;
use stackpick::tui::app::{Effect, ExportRequest, Mode};
use stackpick::tui::theme::Theme;

use crate::support::backend;

const SVG_NS: &str = "http://www.w3.org/2000/svg";
const HYBRID: &str = "django.admin-panel,django.permissions,django.security,flask.rest-api,flask.microservices,flask.prototype";

/// `stackpick export --format FORMAT -o - ARGS`, which must succeed.
fn export(format: &str, args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_stackpick"))
        .env("USER", "ada")
        .env("STACKPICK_CONFIG_DIR", "/nonexistent/stackpick-config")
        .args(["export", "--format", format, "-o", "-", "--date", "2026-01-15"])
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(
        output.status.success(),
        "export failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("utf-8")
}

/// The text of every `<text>` element, in order.
fn texts(doc: &roxmltree::Document) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name((SVG_NS, "text")))
        .map(|n| n.text().unwrap_or_default().to_owned())
        .collect()
}

/// The `<svg>…</svg>` element of a page.
fn inline_svg(html: &str) -> &str {
    let start = html.find("<svg").expect("the page has an <svg>");
    let end = html.rfind("</svg>").expect("the <svg> is closed") + "</svg>".len();
    &html[start..end]
}

#[test]
fn the_svg_is_standalone_xml_with_gauges_verdict_choice_and_every_layer() {
    let svg = export("svg", &["--yes", HYBRID]);
    assert!(
        svg.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns="),
        "{svg}"
    );
    let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
    let root = doc.root_element();
    assert!(root.has_tag_name((SVG_NS, "svg")));
    // It scales to what shows it: a viewBox, no fixed size.
    assert_eq!(root.attribute("width"), None, "{svg}");
    assert_eq!(root.attribute("height"), None, "{svg}");
    let view_box: Vec<u32> = root
        .attribute("viewBox")
        .expect("a viewBox")
        .split(' ')
        .map(|n| n.parse().expect("a number"))
        .collect();
    assert!(
        matches!(view_box[..], [0, 0, width, height] if width > 0 && height > width),
        "{view_box:?}"
    );
    assert!(root.attribute("font-family").unwrap().ends_with("monospace"));

    let decision = Decision::embedded();
    let answers = Answers::new(&decision, HYBRID.split(','), None).unwrap();
    let evaluation = evaluate(&decision, &answers);
    let texts = texts(&doc);
    // The picture is narrow: a long line wraps onto the next.
    let words = texts.join(" ");
    let has = |phrase: &str| words.contains(phrase);
    assert!(has("Use Django + Flask (hybrid)"), "{texts:?}");
    for score in &evaluation.scores {
        assert!(
            has(&score.name) && has(&gauge_words(score)),
            "{score:?}: {texts:?}"
        );
    }
    assert!(has("3 of 6, needs 3 — qualifies"), "{texts:?}");
    assert!(has("Hybrid: Django + Flask"), "{texts:?}");
    assert!(has("Decision: Hybrid: Django + Flask — "), "{texts:?}");
    // flask.rest-api is yes: FastAPI is suggested.
    assert!(has("FastAPI: Yes to"), "{texts:?}");
    // One threshold mark per gauge, inside its bar.
    let marks: Vec<_> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("threshold"))
        .collect();
    assert_eq!(marks.len(), evaluation.scores.len());
    // Every layer in its state, its parts under it.
    let layers: Vec<_> = doc
        .descendants()
        .filter(|n| n.attribute("class").is_some_and(|c| c.starts_with("layer ")))
        .collect();
    assert_eq!(layers.len(), evaluation.stack.layers.len());
    for (node, layer) in layers.iter().zip(&evaluation.stack.layers) {
        let state = if layer.active {
            "layer active"
        } else {
            "layer inactive"
        };
        assert_eq!(node.attribute("class"), Some(state));
        let lines: Vec<&str> = node
            .descendants()
            .filter(|n| n.has_tag_name((SVG_NS, "text")))
            .filter_map(|n| n.text())
            .collect();
        // A long title wraps onto the next line.
        assert!(lines.join(" ").starts_with(&layer_title(layer)), "{lines:?}");
        if layer.option.is_some() {
            for part in &layer.parts {
                assert!(
                    lines.iter().any(|l| l.ends_with(&format!("── {part}"))),
                    "{part}: {lines:?}"
                );
            }
        }
    }
}

#[test]
fn inactive_layers_are_dimmed_and_say_so() {
    let svg = export(
        "svg",
        &["--yes", "django.admin-panel,django.permissions,django.security"],
    );
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let inactive: Vec<_> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("layer inactive"))
        .collect();
    assert_eq!(inactive.len(), 2, "Flask's layer and the shared one");
    for layer in inactive {
        let rect = layer
            .children()
            .find(|n| n.has_tag_name((SVG_NS, "rect")))
            .unwrap();
        assert!(rect.attribute("stroke-dasharray").is_some());
        // The title's lines come first; the parts' start with their branch.
        let title: Vec<&str> = layer
            .children()
            .filter(|n| n.has_tag_name((SVG_NS, "text")))
            .filter_map(|n| n.text())
            .take_while(|t| !t.starts_with(['├', '└']))
            .collect();
        assert!(title.join(" ").ends_with(" (inactive)"), "{title:?}");
    }
    let active = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("layer active"))
        .unwrap();
    let title = active
        .children()
        .find(|n| n.has_tag_name((SVG_NS, "text")))
        .unwrap();
    assert_eq!(title.text(), Some("● Django Monolith"));
    assert_eq!(title.attribute("font-weight"), Some("bold"));
}

#[test]
fn the_page_is_self_contained_and_holds_the_whole_record() {
    let note = "a mobile app talks to it";
    let html = export(
        "html",
        &[
            "--yes",
            HYBRID,
            "--no",
            "django.convention",
            "--note",
            &format!("flask.rest-api={note}"),
            "--because",
            "both teams exist",
        ],
    );
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"), "{html}");
    for needle in [
        "<meta charset=\"utf-8\">",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
        "@media print",
        "overflow-x: auto",
        // The record's content.
        "Which Python web framework should the startup build on",
        "Do you need an admin panel for non-technical staff?",
        note,
        "Do you want convention over configuration?</td><td class=\"no\">no</td>",
        "Built-in admin panel",
        "Minimal footprint",
        "<th scope=\"row\">Philosophy</th><td>Batteries-included</td>",
        "Chosen option: Django + Flask (hybrid)",
        "Our justification:</p>\n    <blockquote>Both teams exist.</blockquote>",
        "also consider",
        "FastAPI",
    ] {
        assert!(html.contains(needle), "no {needle:?} in the page");
    }
    let decision = Decision::embedded();
    let answers = Answers::new(&decision, HYBRID.split(','), None).unwrap();
    let evaluation = evaluate(&decision, &answers);
    for line in evaluation
        .reasons
        .iter()
        .chain(evaluation.hints.iter().map(|h| &h.text))
    {
        let escaped = line
            .replace('&', "&amp;")
            .replace('\'', "&#x27;")
            .replace('/', "&#x2f;");
        assert!(html.contains(&escaped), "no {line:?} in the page");
    }
    // Nothing is fetched and nothing runs.
    for banned in [
        "<script",
        "<link",
        "src=",
        "url(",
        "@import",
        "<iframe",
        "<object",
        "foreignObject",
    ] {
        assert!(
            !html.to_lowercase().contains(&banned.to_lowercase()),
            "{banned} in the page"
        );
    }
    for url in html.match_indices("http") {
        let rest = &html[url.0..];
        assert!(
            rest.starts_with("http://www.w3.org/2000/svg\""),
            "a URL in the page: {}",
            &rest[..40]
        );
    }
    // The SVG inline, without an XML declaration in the middle of the page.
    assert!(!html.contains("<?xml"));
    let svg = roxmltree::Document::parse(inline_svg(&html)).unwrap();
    assert!(svg.root_element().has_tag_name((SVG_NS, "svg")));
    // The page's width decides the picture's: it has a viewBox and no size of its own.
    let root = svg.root_element();
    assert!(root.attribute("viewBox").is_some());
    assert!(root.attribute("width").is_none() && root.attribute("height").is_none());
    assert!(texts(&svg).iter().any(|t| t == "● Django Monolith"));
}

/// Data written to look like markup, with no spaces: a line too narrow for it splits it
/// between characters, never inside an escape.
const EVIL: &str = r#"<script>alert(1)</script></svg><g_id="evil">"q"'a'&amp;]]><!--"#;

/// A copy of the embedded decision with `EVIL` in its title, an option's name, a strength,
/// a comparison cell, a layer's title and part, a question and an also-consider note.
fn hostile_decision(dir: &std::path::Path) -> std::path::PathBuf {
    let ron = EVIL.replace('"', "\\\"");
    let mut source = EMBEDDED_SOURCE.to_owned();
    for (from, to) in [
        (
            "title: \"Flask vs Django for your startup\"",
            format!("title: \"{ron}\""),
        ),
        ("name: \"Django\"", format!("name: \"Django{ron}\"")),
        ("\"Built-in admin panel\"", format!("\"{ron}\"")),
        ("\"Batteries-included\"", format!("\"{ron}\"")),
        ("\"Django Monolith\"", format!("\"Monolith {ron}\"")),
        ("\"Admin dashboards\"", format!("\"{ron}\"")),
        (
            "\"Flask for simplicity, FastAPI for async performance.\"",
            format!("\"{ron}\""),
        ),
        (
            "Do you need an admin panel for non-technical staff?",
            format!("Admin {ron}?"),
        ),
    ] {
        assert!(source.contains(from), "{from}");
        source = source.replace(from, &to);
    }
    let path = dir.join("hostile.ron");
    std::fs::write(&path, source).unwrap();
    path
}

#[test]
fn hostile_data_cannot_break_the_svg_or_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let data = hostile_decision(dir.path());
    let note = format!("django.admin-panel={EVIL}");
    let args = [
        "--data",
        data.to_str().unwrap(),
        "--yes",
        "django.admin-panel,django.permissions,django.security,flask.rest-api",
        "--note",
        &note,
        "--because",
        EVIL,
        "--decider",
        EVIL,
    ];
    let svg = export("svg", &args);
    let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
    let allowed = ["svg", "title", "g", "rect", "line", "text"];
    for node in doc.descendants().filter(roxmltree::Node::is_element) {
        let name = node.tag_name().name();
        assert!(allowed.contains(&name), "an injected <{name}>\n{svg}");
        assert_eq!(node.tag_name().namespace(), Some(SVG_NS));
        assert!(node.attribute("id").is_none_or(|id| id == "sp-title"), "{svg}");
    }
    assert!(!doc.descendants().any(|n| n.is_comment()), "{svg}");
    // The data is text, whole once its lines are joined: the title, the name, the layer, its
    // part, the choice's reason.
    let texts = texts(&doc);
    let joined = texts.concat();
    assert!(joined.matches(EVIL).count() >= 5, "{texts:?}");
    assert!(joined.contains(&format!("● Monolith {EVIL}")), "{texts:?}");

    let html = export("html", &args);
    assert!(!html.to_lowercase().contains("<script"), "{html}");
    assert!(
        !html.contains("<g_id") && !html.contains("<!--\"") && !html.contains("]]>"),
        "{html}"
    );
    assert_eq!(html.matches("<svg").count(), 1);
    assert_eq!(html.matches("</svg>").count(), 1);
    let escaped = "&lt;script&gt;alert(1)&lt;&#x2f;script&gt;&lt;&#x2f;svg&gt;&lt;g_id=&quot;evil&quot;&gt;\
                   &quot;q&quot;&#x27;a&#x27;&amp;amp;]]&gt;&lt;!--";
    // Title (twice: <title> and <h1>), name, strength, cell, layer, part, question, note,
    // reason and decider, at least.
    assert!(
        html.matches(escaped).count() >= 10,
        "{}",
        html.matches(escaped).count()
    );
    let svg = roxmltree::Document::parse(inline_svg(&html)).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        svg.descendants()
            .filter(roxmltree::Node::is_element)
            .all(|n| allowed.contains(&n.tag_name().name()))
    );
}

#[test]
fn the_export_dialog_offers_svg_and_html() {
    let app = App::new(Decision::embedded(), Answers::default(), Theme::monochrome());
    let mut screen = backend::Screen::new(app, 80, 24);
    screen.press("e⇥⇥⇥");
    let Mode::Export(dialog) = &screen.ui.mode else {
        panic!("export dialog open")
    };
    assert_eq!(
        (dialog.format, dialog.path.value()),
        (Format::Svg, "decision.svg")
    );
    let frame = backend::text(screen.terminal.backend().buffer());
    assert!(frame.contains("[svg]") && frame.contains(" html "), "{frame}");
    assert!(frame.contains("an SVG image"), "{frame}");
    screen.press("⇥");
    let effects = screen.press("⏎");
    assert_eq!(
        effects,
        vec![Effect::Export(ExportRequest {
            format: Format::Html,
            path: "decision.html".into(),
            overwrite: false,
            create_dir: false,
            numbered: false,
        })]
    );
}

#[test]
fn the_format_follows_the_svg_and_html_extensions() {
    let dir = tempfile::tempdir().unwrap();
    for (name, start) in [("d.SVG", "<?xml version="), ("page.html", "<!DOCTYPE html>")] {
        let path = dir.path().join(name);
        let output = Command::new(env!("CARGO_BIN_EXE_stackpick"))
            .env("STACKPICK_CONFIG_DIR", "/nonexistent/stackpick-config")
            .args(["export", "-o"])
            .arg(&path)
            .output()
            .expect("the binary runs");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let written = std::fs::read_to_string(&path).unwrap();
        assert!(written.starts_with(start), "{name}: {}", &written[..40]);
    }
}
