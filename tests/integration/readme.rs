//! The keys page's table is the key table (it must not drift from what is bound), and the
//! README's screenshot is a current frame.

use crate::support::backend;

#[test]
fn the_keys_page_matches_the_key_table() {
    let page =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/keys.md")).expect("docs/keys.md");
    let table = stackpick::tui::keys::keymap::Keymap::default().markdown_table();
    assert!(
        page.contains(&table),
        "docs/keys.md is out of date; replace its table with:\n\n{table}"
    );
}

/// The README's screenshot is a real frame: the Checklist at 80×24 after three Django ticks.
fn checklist_frame() -> String {
    use stackpick::decision::Decision;
    use stackpick::score::Answers;
    use stackpick::tui::theme::Theme;
    use stackpick::tui::{App, Tab};

    let decision = Decision::embedded();
    let yes = ["django.admin-panel", "django.permissions", "django.content-heavy"];
    let answers = Answers::new(&decision, yes, None).expect("valid ids");
    let mut app = App::new(decision, answers, Theme::monochrome());
    app.ui.tab = Tab::Checklist;
    backend::text(&backend::render(&mut app, 80, 24))
}

#[test]
fn readme_screenshot_is_a_current_frame() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    let frame = checklist_frame();
    assert!(
        readme.contains(&format!("```text\n{frame}\n```")),
        "README.md's screenshot is out of date; replace it with:\n\n```text\n{frame}\n```"
    );
}
