//! The skeleton parses and validates whatever the option names, and keeps them.

use crate::decision::Decision;
use crate::decision::skeleton::options::slug;
use crate::decision::skeleton::{Skeleton, SkeletonError};

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|&n| n.to_owned()).collect()
}

/// The skeleton's text, parsed and validated as `check` does.
#[track_caller]
fn parsed(stem: &str, list: &[&str]) -> Decision {
    let text = Skeleton::new(stem, &names(list)).expect("a skeleton").render();
    Decision::parse(&text, "skeleton.ron").unwrap_or_else(|e| panic!("{e}\n{text}"))
}

#[test]
fn skeletons_of_two_three_and_four_options_are_valid() {
    for list in [
        &[][..],
        &["Postgres", "MySQL"],
        &["React", "Svelte", "Vue"],
        &["A", "B", "C", "D"],
    ] {
        let decision = parsed("mine", list);
        let scored: Vec<&str> = decision.scored().map(|o| o.name.as_str()).collect();
        let expected = if list.is_empty() {
            &["Option A", "Option B"][..]
        } else {
            list
        };
        assert_eq!(scored, expected);
        assert_eq!(decision.id, "mine");
        // Each scored option has its checklist and its layer.
        for option in decision.scored() {
            assert_eq!(option.questions.len(), 3, "{}", option.id);
            assert!(
                decision
                    .stack
                    .layers
                    .iter()
                    .any(|l| l.option.as_deref() == Some(&option.id)),
                "{}",
                option.id
            );
        }
        assert_eq!(
            decision.options.len(),
            expected.len() + 1,
            "and one also-consider"
        );
    }
}

#[test]
fn hostile_names_come_back_as_they_were_given_cleaned() {
    let hostile = [
        "\"quoted\" \\ back\\slash",
        "\\\"); Decision(id: \"x\" // not a comment",
        "Café 日本語 👩\u{200D}💻",
        "\u{1b}[31mred\u{202E}txet\n second line",
        "*/ /* ) ] } r#\"raw\"#",
    ];
    let decision = parsed("hostile", &hostile);
    let got: Vec<&str> = decision.scored().map(|o| o.name.as_str()).collect();
    assert_eq!(
        got,
        [
            "\"quoted\" \\ back\\slash",
            "\\\"); Decision(id: \"x\" // not a comment",
            "Café 日本語 👩\u{200D}💻",
            "[31mredtxet second line",
            "*/ /* ) ] } r#\"raw\"#",
        ]
    );
    let ids: Vec<&str> = decision.scored().map(|o| o.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "quoted-back-slash",
            "decision-id-x-not-a-comment",
            "caf",
            "31mredtxet-second-line",
            "r-raw"
        ]
    );
}

#[test]
fn ids_come_from_the_names_and_stay_unique() {
    let decision = parsed("x", &["C++", "C", "日本語", "ÉÀ", "also consider"]);
    let ids: Vec<&str> = decision.options.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "c",
            "c-2",
            "option-3",
            "option-4",
            "also-consider",
            "also-consider-2"
        ]
    );
}

#[test]
fn the_decision_id_is_the_file_name_slugged() {
    for (stem, id) in [
        ("mine", "mine"),
        ("Postgres vs MySQL", "postgres-vs-mysql"),
        ("my_db.v2", "my_db-v2"),
        ("日本", "decision"),
        ("", "decision"),
    ] {
        assert_eq!(parsed(stem, &[]).id, id, "{stem:?}");
    }
    let long = "x".repeat(500);
    assert_eq!(parsed(&long, &[]).id.len(), 128, "the validator's longest id");
}

#[test]
fn slugs_are_lowercase_ascii_words() {
    assert_eq!(slug("  Hello,  World!  ", 40, "f"), "hello-world");
    assert_eq!(slug("--", 40, "f"), "f");
    assert_eq!(slug("abc-def", 4, "f"), "abc", "no dash left at the cut");
}

#[test]
fn one_option_an_empty_name_or_the_same_name_twice_is_refused() {
    assert_eq!(
        Skeleton::new("x", &names(&["Postgres"])),
        Err(SkeletonError::OneOption)
    );
    assert_eq!(
        Skeleton::new("x", &names(&["Postgres", "\u{200B}\u{1b}"])),
        Err(SkeletonError::EmptyName("\u{200B}\u{1b}".into()))
    );
    assert_eq!(
        Skeleton::new("x", &names(&["Postgres", " postgres "])),
        Err(SkeletonError::SameName("postgres".into()))
    );
}
