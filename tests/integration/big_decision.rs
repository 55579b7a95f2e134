//! The generated large decision used by the pty bench (`tests/support/big_decision.rs`) is a
//! valid decision of the requested size, with cells long enough to wrap.

use stackpick::decision::Decision;

use crate::support::big_decision::{OPTIONS, big_decision_ron};

#[test]
fn the_bench_decision_loads_with_2000_questions_and_5000_rows() {
    let source = big_decision_ron(2000, 5000);
    let decision = Decision::parse(&source, "big-decision.ron").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(decision.questions().count(), 2000);
    assert_eq!(decision.comparison.len(), 5000);
    assert_eq!(decision.options.len(), OPTIONS.len());
    for option in &decision.options {
        assert_eq!(option.questions.len(), 500, "option {:?}", option.id);
    }
    let cells: Vec<usize> = decision
        .comparison
        .iter()
        .flat_map(|aspect| aspect.values.values().map(|cell| cell.chars().count()))
        .collect();
    assert_eq!(
        cells.len(),
        5000 * OPTIONS.len(),
        "every row has a cell for every option"
    );
    assert!(
        cells.iter().all(|n| (40..=200).contains(n)),
        "cells of 40 to 200 characters, got {:?} to {:?}",
        cells.iter().min(),
        cells.iter().max()
    );
}

#[test]
fn the_generator_is_deterministic_and_takes_any_size() {
    assert_eq!(big_decision_ron(9, 3), big_decision_ron(9, 3));
    // Uneven spreads leave no checklist empty and no threshold above its checklist's weight.
    for questions in [4, 5, 7, 13] {
        let decision = Decision::parse(&big_decision_ron(questions, 1), "small.ron")
            .unwrap_or_else(|e| panic!("{questions} questions: {e}"));
        assert_eq!(decision.questions().count(), questions);
    }
}
