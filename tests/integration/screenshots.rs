//! The README's pictures are real frames: the Checklist and the Decision tab drawn by the
//! app into a `TestBackend` (the code path that draws the terminal), in colour, converted to
//! SVG by `tests/support/screenshot.rs`.
//!
//! After an intended change to those screens, regenerate the pictures with
//! `UPDATE_SCREENSHOTS=1 cargo test --test integration screenshots` and look at them; without
//! it the test fails when a committed picture is not the current frame.

use std::path::PathBuf;

use ratatui::buffer::Buffer;
use stackpick::decision::Decision;
use stackpick::score::Answers;
use stackpick::tui::theme::Theme;
use stackpick::tui::{App, Tab};

use crate::support::{backend, screenshot};

/// The answers both pictures show: three Django questions ticked, as in the text frame.
const YES: [&str; 3] = ["django.admin-panel", "django.permissions", "django.content-heavy"];

fn frame(tab: Tab) -> Buffer {
    let decision = Decision::embedded();
    let answers = Answers::new(&decision, YES, None).expect("valid ids");
    // The default (dark) theme, as a colour terminal shows it.
    let mut app = App::new(decision, answers, Theme::ansi());
    app.ui.tab = tab;
    backend::render(&mut app, 80, 24)
}

fn path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("assets/screenshots")
        .join(name)
}

/// Compares the picture with the committed file, or rewrites it with `UPDATE_SCREENSHOTS=1`.
#[track_caller]
fn assert_current(name: &str, picture: &str) {
    let path = path(name);
    if std::env::var_os("UPDATE_SCREENSHOTS").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, picture).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; create it with UPDATE_SCREENSHOTS=1", path.display()));
    assert!(
        committed == picture,
        "{} is not the current frame; regenerate it with \
         `UPDATE_SCREENSHOTS=1 cargo test --test integration screenshots` and look at it",
        path.display()
    );
}

/// Checks a picture: well-formed SVG whose text is the frame's, in colour.
fn check(picture: &str, buffer: &Buffer) {
    let doc = roxmltree::Document::parse(picture).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    let texts: String = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    let cells: String = buffer.content.iter().map(ratatui::buffer::Cell::symbol).collect();
    let strip = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    assert_eq!(
        strip(&texts),
        strip(&cells),
        "every symbol of the frame, in order"
    );
    // Rows no taller than a monospace font's box-drawing glyphs (ascent plus descent, 1.16 em
    // in DejaVu Sans Mono and Menlo): a vertical border drawn with │ has no gaps.
    let font_size: f64 = doc
        .root_element()
        .attribute("font-size")
        .and_then(|v| v.parse().ok())
        .expect("a font size");
    let mut baselines: Vec<f64> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.attribute("y")?.parse().ok())
        .collect();
    baselines.sort_by(f64::total_cmp);
    baselines.dedup();
    for pair in baselines.windows(2) {
        let pitch = pair[1] - pair[0];
        let rows = (pitch / 16.0).round().max(1.0);
        assert!(
            pitch / rows <= font_size * 1.16,
            "rows {:.1} px apart at a {font_size} px font leave gaps between border glyphs",
            pitch / rows
        );
    }
    let fills: std::collections::BTreeSet<&str> =
        doc.descendants().filter_map(|n| n.attribute("fill")).collect();
    assert!(fills.len() >= 5, "a picture in colour: {fills:?}");
}

#[test]
fn the_readme_pictures_are_current_frames() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    for (tab, name, alt) in [
        (Tab::Checklist, "checklist.svg", "The Checklist tab"),
        (Tab::Decision, "decision.svg", "The Decision tab"),
    ] {
        let buffer = frame(tab);
        let picture = screenshot::svg(&buffer, &format!("stackpick: {alt}"));
        check(&picture, &buffer);
        assert_current(name, &picture);
        assert!(
            readme.contains(&format!("](assets/screenshots/{name})")),
            "README.md does not show assets/screenshots/{name}"
        );
    }
}

#[test]
fn the_converter_keeps_colours_modifiers_and_escapes_text() {
    use ratatui::style::{Color, Modifier, Style};
    let mut buffer = Buffer::empty(ratatui::layout::Rect::new(0, 0, 12, 2));
    buffer.set_string(
        0,
        0,
        "<a&b>",
        Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
    );
    buffer.set_string(6, 0, "x", Style::new().fg(Color::Black).bg(Color::Yellow));
    buffer.set_string(
        0,
        1,
        "dim",
        Style::new().add_modifier(Modifier::DIM | Modifier::REVERSED),
    );
    let picture = screenshot::svg(&buffer, "t\"<");
    check(&picture, &buffer);
    assert!(picture.contains("<title>t&quot;&lt;</title>"), "{picture}");
    assert!(
        picture.contains("fill=\"#98c379\" font-weight=\"bold\">&lt;a&amp;b&gt;</text>"),
        "{picture}"
    );
    assert!(
        picture.contains("<rect x=\"62.4\" y=\"12\" width=\"8.4\" height=\"16\" fill=\"#d19a66\"/>"),
        "{picture}"
    );
    // Reversed: the default background becomes the text colour, on the default foreground.
    assert!(picture.contains("fill=\"#d7dae0\"/>"), "{picture}");
    assert!(
        picture.contains("fill=\"#282c34\" opacity=\"0.6\">dim</text>"),
        "{picture}"
    );
}
