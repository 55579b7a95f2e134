//! The README's key table is the key table: it must not drift from what is bound.

#[test]
fn readme_keys_section_matches_the_key_table() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    let table = stackpick::tui::keymap::Keymap::default().markdown_table();
    assert!(
        readme.contains(&table),
        "README.md's Keys section is out of date; replace its table with:\n\n{table}"
    );
}
