//! The scorecard: its index, its evaluation kept current, undo and redo.

use super::*;

fn card() -> Scorecard {
    Scorecard::new(Decision::embedded(), Answers::default())
}

#[test]
fn the_index_follows_the_display_order() {
    let card = card();
    let ids = card.decision().question_ids();
    assert_eq!(card.question_count(), ids.len());
    for (i, id) in ids.iter().enumerate() {
        assert_eq!(card.question_id(i), Some(id.as_str()));
        assert_eq!(card.question_index(id), Some(i));
        let (option, question) = card.question(i).expect("a question");
        assert_eq!(&question_id(option, question), id);
    }
    assert_eq!(card.question_id(ids.len()), None);
}

#[test]
fn every_mutator_re_evaluates() {
    let mut card = card();
    for i in 0..3 {
        assert!(card.toggle(i));
    }
    assert_eq!(card.evaluation().scores[0].score, 3);
    assert_eq!(card.evaluation(), &evaluate(card.decision(), card.answers()));
    card.set_answer(0, None);
    assert_eq!(card.evaluation().scores[0].score, 2);
    card.set_answer(1, Some(Answer::No));
    assert_eq!(card.evaluation().scores[0].score, 1);
    assert_eq!(card.answer(1), Some(Answer::No));
    card.cycle(1);
    assert_eq!(card.answer(1), None, "no → unanswered");
    card.cycle(1);
    assert_eq!(card.answer(1), Some(Answer::Yes));
    assert_eq!(card.evaluation(), &evaluate(card.decision(), card.answers()));
    card.set_note(1, "the ops team asked");
    assert_eq!(card.note(1), Some("the ops team asked"));
    card.set_decision_note("a b2b\nsaas");
    assert_eq!(card.answers().note, "a b2b saas");
    card.set_stage(Some("post-validation".to_owned()));
    assert_eq!(card.evaluation(), &evaluate(card.decision(), card.answers()));
    card.replace_answers(Answers::default());
    assert_eq!(card.evaluation().scores[0].score, 0);
    assert!(!card.toggle(10_000), "no such question");
}

#[test]
fn starting_over_keeps_who_answered() {
    let answers = Answers {
        by: Some("Alice".into()),
        ..Answers::default()
    };
    let mut card = Scorecard::new(Decision::embedded(), answers);
    card.toggle(0);
    card.reset();
    assert_eq!(card.answers().by.as_deref(), Some("Alice"));
    assert_eq!(card.answers().answered(), 0);
}

#[test]
fn every_change_can_be_undone_and_redone() {
    let mut card = card();
    card.toggle(0);
    card.set_stage(Some("post-validation".to_owned()));
    card.set_note(0, "why");
    card.reset();
    assert_eq!(card.answers(), &Answers::default());
    assert_eq!(card.undo().as_deref(), Some("start over"));
    assert_eq!(card.note(0), Some("why"));
    assert_eq!(
        card.undo().as_deref().map(|l| l.starts_with("note on '")),
        Some(true)
    );
    assert_eq!(card.undo().as_deref(), Some("stage"));
    assert_eq!(card.answers().stage, None);
    let label = card.undo().expect("the tick");
    assert!(label.starts_with("yes to '"), "{label}");
    assert_eq!(card.answers(), &Answers::default());
    assert_eq!(card.evaluation(), &evaluate(card.decision(), card.answers()));
    assert_eq!(card.undo(), None);
    assert_eq!(card.redo(), Some(label));
    assert!(card.is_yes(0));
    assert_eq!(card.evaluation(), &evaluate(card.decision(), card.answers()));
}

#[test]
fn the_revision_changes_with_the_answers() {
    let mut card = card();
    let before = card.revision();
    card.set_answer(0, None);
    assert_eq!(card.revision(), before, "nothing changed");
    card.toggle(0);
    assert_ne!(card.revision(), before);
}
