//! Answers: ticking, cycling, notes and the ids they are read from.

use super::*;

#[test]
fn cycle_goes_unanswered_yes_no_unanswered() {
    let mut answers = Answers::default();
    answers.cycle("a.q");
    assert_eq!(answers.answer("a.q"), Some(Answer::Yes));
    answers.cycle("a.q");
    assert_eq!(answers.answer("a.q"), Some(Answer::No));
    assert!(!answers.is_yes("a.q") && answers.is_no("a.q"));
    answers.cycle("a.q");
    assert!(answers.is_unanswered("a.q"));
    assert_eq!(answers, Answers::default());
}

#[test]
fn setting_an_answer_replaces_the_other_and_toggle_keeps_its_meaning() {
    let mut answers = Answers::default();
    answers.set("a.q", Some(Answer::No));
    answers.set("a.q", Some(Answer::Yes));
    assert!(answers.is_yes("a.q") && !answers.is_no("a.q"));
    assert_eq!(answers.answered(), 1);
    answers.toggle("a.q");
    assert!(answers.is_unanswered("a.q"));
    answers.set("a.q", Some(Answer::No));
    answers.toggle("a.q");
    assert!(answers.is_yes("a.q"), "toggle ticks a no to yes");
}

#[test]
fn notes_are_one_line_and_blank_ones_are_removed() {
    let mut answers = Answers::default();
    answers.set_note("a.q", "  first\nsecond \r\n");
    assert_eq!(answers.note_for("a.q"), Some("first second"));
    answers.set_note("a.q", " \n ");
    assert_eq!(answers.note_for("a.q"), None);
}

#[test]
fn the_summary_counts_what_would_go() {
    assert_eq!(Answers::default().summary(), None);
    let mut answers = Answers::default();
    answers.set("a.b", Some(Answer::Yes));
    assert_eq!(answers.summary().as_deref(), Some("1 answer"));
    answers.set("a.c", Some(Answer::No));
    answers.set_note("a.b", "x");
    answers.note = "context".into();
    answers.stage = Some("s".to_owned());
    assert_eq!(
        answers.summary().as_deref(),
        Some("2 answers, 2 notes and the stage")
    );
}
