//! Property tests of the engine over the embedded decision: random answer sets and stages.

use std::collections::BTreeSet;

use proptest::prelude::*;
use proptest::sample::{select, subsequence};

use stackpick::decision::{Decision, EMBEDDED_SOURCE};
use stackpick::report::Report;
use stackpick::score::choice::{Pick, UserChoice};
use stackpick::score::{Answer, Answers, Evaluation, VerdictKind, evaluate};
use stackpick::scorecard::Scorecard;
use stackpick::session::Session;

fn decision() -> Decision {
    Decision::embedded()
}

/// Any set of the embedded decision's question ids, with or without a stage.
fn answers() -> impl Strategy<Value = Answers> {
    let d = decision();
    let ids = d.question_ids();
    let stages: Vec<String> = d.stages.iter().map(|s| s.id.clone()).collect();
    (
        subsequence(ids.clone(), 0..=ids.len()),
        subsequence(ids.clone(), 0..=ids.len()),
        proptest::option::of(select(stages)),
    )
        .prop_map(|(yes, no, stage)| {
            let yes: BTreeSet<String> = yes.into_iter().collect();
            Answers {
                no: no.into_iter().filter(|id| !yes.contains(id)).collect(),
                yes,
                stage,
                ..Answers::default()
            }
        })
}

/// Answers and one question id not among them (when every id is ticked there is none to add,
/// so the strategy keeps at least one id out).
fn answers_and_an_unticked_id() -> impl Strategy<Value = (Answers, String)> {
    let ids = decision().question_ids();
    (answers(), select(ids)).prop_map(|(mut answers, id)| {
        answers.yes.remove(&id);
        answers.no.remove(&id);
        (answers, id)
    })
}

/// A weight or threshold: often huge (up to `u32::MAX`), where a `u32` sum would wrap.
fn big_number() -> impl Strategy<Value = u32> {
    prop_oneof![Just(u32::MAX), (u32::MAX - 16)..=u32::MAX, 1..=u32::MAX, 1..5u32]
}

/// A valid decision of one to three options whose weights and thresholds are drawn up to
/// `u32::MAX` (each threshold capped at its checklist's total, as validation demands), with
/// some of its question ids ticked and one more id not ticked.
fn heavy_decision_and_answers() -> impl Strategy<Value = (Decision, Answers, String)> {
    let option = (big_number(), prop::collection::vec(big_number(), 1..6));
    prop::collection::vec(option, 1..4)
        .prop_flat_map(|options| {
            let mut source =
                String::from("Decision(id: \"heavy\", title: \"Heavy\", question: \"Which?\", options: [\n");
            for (o, (threshold, weights)) in options.iter().enumerate() {
                let total: u64 = weights.iter().map(|&w| u64::from(w)).sum();
                let threshold = u64::from(*threshold).min(total);
                source.push_str(&format!(
                    "  Choice(id: \"o{o}\", name: \"O{o}\", threshold: {threshold}, questions: [\n"
                ));
                for (q, weight) in weights.iter().enumerate() {
                    source.push_str(&format!(
                        "    Question(id: \"q{q}\", text: \"Q{q}?\", weight: {weight}),\n"
                    ));
                }
                source.push_str("  ]),\n");
            }
            source.push_str("], stack: Stack(title: \"Stack\", layers: []))\n");
            let decision = Decision::parse(&source, "heavy.ron")
                .unwrap_or_else(|e| panic!("huge weights must load:\n{e}\n{source}"));
            let ids = decision.question_ids();
            (
                Just(decision),
                subsequence(ids.clone(), 0..=ids.len()),
                select(ids),
            )
        })
        .prop_map(|(decision, yes, extra)| {
            let mut answers = Answers {
                yes: yes.into_iter().collect(),
                ..Answers::default()
            };
            answers.yes.remove(&extra);
            (decision, answers, extra)
        })
}

fn qualified(evaluation: &Evaluation) -> Vec<String> {
    evaluation
        .scores
        .iter()
        .filter(|s| s.qualified)
        .map(|s| s.option.clone())
        .collect()
}

/// One change a user can make through the scorecard.
#[derive(Debug, Clone)]
enum Change {
    Cycle(usize),
    Toggle(usize),
    Set(usize, Option<Answer>),
    Note(usize),
    Stage(Option<usize>),
    Choose,
    Reset,
    Undo,
    Redo,
}

fn change() -> impl Strategy<Value = Change> {
    let index = 0..14usize;
    let answer = proptest::option::of(prop_oneof![Just(Answer::Yes), Just(Answer::No)]);
    prop_oneof![
        4 => index.clone().prop_map(Change::Cycle),
        4 => index.clone().prop_map(Change::Toggle),
        4 => (index.clone(), answer).prop_map(|(i, a)| Change::Set(i, a)),
        1 => index.prop_map(Change::Note),
        1 => proptest::option::of(0..5usize).prop_map(Change::Stage),
        1 => Just(Change::Choose),
        1 => Just(Change::Reset),
        2 => Just(Change::Undo),
        2 => Just(Change::Redo),
    ]
}

proptest! {
    /// The scorecard evaluates again only what a change can touch (one option's score and
    /// hint for an answer); whatever the changes, what it holds is the full evaluation.
    #[test]
    fn the_scorecard_evaluation_always_equals_a_full_evaluation(
        changes in proptest::collection::vec(change(), 1..60)
    ) {
        let d = decision();
        let stages: Vec<String> = d.stages.iter().map(|s| s.id.clone()).collect();
        let mut card = Scorecard::new(d, Answers::default());
        for change in changes {
            match change {
                Change::Cycle(i) => { card.cycle(i); }
                Change::Toggle(i) => { card.toggle(i); }
                Change::Set(i, a) => { card.set_answer(i, a); }
                Change::Note(i) => { card.set_note(i, "why"); }
                Change::Stage(s) => card.set_stage(s.and_then(|s| stages.get(s).cloned())),
                Change::Choose => card.set_choice(UserChoice { pick: Pick::Hybrid, ..UserChoice::default() }),
                Change::Reset => card.reset(),
                Change::Undo => { card.undo(); }
                Change::Redo => { card.redo(); }
            }
            prop_assert_eq!(card.evaluation(), &evaluate(card.decision(), card.answers()));
        }
    }

    #[test]
    fn ticking_a_box_never_lowers_any_score((answers, id) in answers_and_an_unticked_id()) {
        let d = decision();
        let before = evaluate(&d, &answers);
        let mut ticked = answers.clone();
        ticked.toggle(&id);
        prop_assert!(ticked.is_yes(&id));
        let after = evaluate(&d, &ticked);
        let option = id.split('.').next().unwrap();
        for (b, a) in before.scores.iter().zip(&after.scores) {
            prop_assert_eq!(&b.option, &a.option);
            prop_assert!(a.score >= b.score, "{}: {} -> {}", a.option, b.score, a.score);
            if a.option == option {
                prop_assert!(a.score > b.score, "ticking {} raised {}", id, a.option);
            } else {
                prop_assert_eq!(a.score, b.score);
            }
            // Nothing that qualified stops qualifying.
            prop_assert!(!b.qualified || a.qualified);
        }
    }

    #[test]
    fn one_more_yes_never_lowers_a_score_even_with_huge_weights(
        (d, answers, id) in heavy_decision_and_answers()
    ) {
        let before = evaluate(&d, &answers);
        let mut ticked = answers.clone();
        ticked.toggle(&id);
        let after = evaluate(&d, &ticked);
        for ((b, a), option) in before.scores.iter().zip(&after.scores).zip(&d.options) {
            let total: u64 = option.questions.iter().map(|q| u64::from(q.weight)).sum();
            prop_assert_eq!(a.max, total);
            prop_assert!(a.score <= a.max && b.score <= b.max);
            prop_assert!(a.score >= b.score, "{}: {} -> {}", a.option, b.score, a.score);
            prop_assert!(!b.qualified || a.qualified, "{} stopped qualifying", a.option);
            for width in [0, 1, 12, 80, usize::from(u16::MAX)] {
                let (filled, mark) = a.gauge(width);
                prop_assert!(filled <= width && mark <= width);
                prop_assert!(filled >= b.gauge(width).0, "the gauge shrank");
            }
        }
        // Everything derived from the scores still renders.
        let report = Report::new(&d, &ticked);
        let _ = (report.to_text(), report.to_json());
    }

    #[test]
    fn a_score_never_exceeds_its_max(answers in answers()) {
        let d = decision();
        let evaluation = evaluate(&d, &answers);
        prop_assert_eq!(evaluation.scores.len(), d.scored().count());
        for (score, option) in evaluation.scores.iter().zip(d.scored()) {
            let total: u64 = option.questions.iter().map(|q| u64::from(q.weight)).sum();
            prop_assert_eq!(score.max, total);
            prop_assert!(score.score <= score.max);
            prop_assert_eq!(score.qualified, score.score >= score.threshold);
        }
    }

    #[test]
    fn verdict_kind_agrees_with_the_qualified_options(answers in answers()) {
        let d = decision();
        let evaluation = evaluate(&d, &answers);
        let qualified = qualified(&evaluation);
        let verdict = &evaluation.verdict;
        match qualified.len() {
            1 => {
                prop_assert_eq!(verdict.kind, VerdictKind::Single);
                prop_assert_eq!(&verdict.options, &qualified);
            }
            n if n >= 2 => {
                prop_assert_eq!(verdict.kind, VerdictKind::Hybrid);
                prop_assert_eq!(&verdict.options, &qualified);
            }
            _ => match (&answers.stage, answers.yes.is_empty()) {
                (Some(stage), _) => {
                    prop_assert_eq!(verdict.kind, VerdictKind::Stage);
                    prop_assert_eq!(&verdict.options, &d.stage(stage).unwrap().picks);
                }
                (None, true) => {
                    prop_assert_eq!(verdict.kind, VerdictKind::Undecided);
                    prop_assert!(verdict.options.is_empty());
                }
                (None, false) => {
                    prop_assert_eq!(verdict.kind, VerdictKind::Leaning);
                    // The leaders are exactly the options with the best score ratio.
                    // Ratios compared exactly, by cross-multiplication, as the engine does.
                    let cmp = |a: &stackpick::score::Score, b: &stackpick::score::Score| {
                        (u128::from(a.score) * u128::from(b.max)).cmp(&(u128::from(b.score) * u128::from(a.max)))
                    };
                    let best = evaluation.scores.iter().max_by(|a, b| cmp(a, b)).expect("scored options");
                    let leaders: Vec<String> = evaluation
                        .scores
                        .iter()
                        .filter(|s| cmp(s, best).is_eq())
                        .map(|s| s.option.clone())
                        .collect();
                    prop_assert!(best.score > 0);
                    prop_assert_eq!(&verdict.options, &leaders);
                }
            },
        }
    }

    #[test]
    fn the_stack_follows_the_outcome(answers in answers()) {
        let d = decision();
        let evaluation = evaluate(&d, &answers);
        let outcome = &evaluation.outcome;
        for layer in evaluation.stack.layers.iter().filter(|l| l.option.is_some()) {
            let option = layer.option.as_ref().unwrap();
            prop_assert_eq!(layer.active, outcome.decides(option));
        }
        // The shared layer lights for the hybrid only: never for a leaning tie or a stage's
        // alternatives, which are not decided.
        for layer in evaluation.stack.layers.iter().filter(|l| l.option.is_none()) {
            prop_assert_eq!(layer.active, outcome.decided == stackpick::score::Decided::Hybrid);
        }
        // Alternatives are never decided.
        if !outcome.is_decided() {
            prop_assert!(evaluation.stack.layers.iter().all(|l| !l.active));
        }
    }

    #[test]
    fn every_option_gets_one_hint_naming_real_ids(answers in answers()) {
        let d = decision();
        let evaluation = evaluate(&d, &answers);
        prop_assert_eq!(evaluation.hints.len(), d.scored().count());
        let ids: BTreeSet<String> = d.question_ids().into_iter().collect();
        for hint in &evaluation.hints {
            // The sentence names questions by text, never by id.
            for id in &ids {
                prop_assert!(!hint.text.contains(id.as_str()), "{} in {}", id, hint.text);
            }
            // A qualified option's hint names yes answers that would drop it; any other's,
            // unanswered questions only (a no is an answer, not a way forward).
            for id in &hint.questions {
                let id: &str = id;
                prop_assert!(ids.contains(id), "{} in {:?}", id, hint);
                prop_assert!(id.starts_with(&format!("{}.", hint.option)), "{:?}", hint);
                if hint.needs == 0 {
                    prop_assert!(answers.is_yes(id), "{:?}", hint);
                } else {
                    prop_assert!(answers.is_unanswered(id), "{:?}", hint);
                }
            }
        }
    }

    #[test]
    fn answers_survive_a_json_round_trip(answers in answers()) {
        let json = serde_json::to_string(&answers).unwrap();
        let back: Answers = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, answers);
    }

    #[test]
    fn answers_survive_a_session_round_trip(answers in answers()) {
        let d = decision();
        let text = Session::new(&d, &answers).to_ron();
        let session = Session::parse(&text, "session.ron").unwrap();
        prop_assert_eq!(session.decision.as_str(), "web-frameworks");
        let back = session.answers(&d, "session.ron").unwrap();
        prop_assert_eq!(back, answers);
    }

    #[test]
    fn the_report_lists_the_answers_in_display_order(answers in answers()) {
        let d = decision();
        let report = Report::new(&d, &answers);
        let expected: Vec<String> = d.question_ids().into_iter().filter(|id| answers.is_yes(id)).collect();
        prop_assert_eq!(&report.answers, &expected);
        prop_assert_eq!(report.questions.iter().filter(|q| q.yes).count(), answers.yes.len());
        prop_assert_eq!(&report.stage, &answers.stage);
    }

    #[test]
    fn parse_never_panics_on_arbitrary_text(source in any::<String>()) {
        let _ = Decision::parse(&source, "fuzz.ron");
    }

    #[test]
    fn parse_never_panics_on_ron_like_text(source in r#"[()\[\]{}",:a-z0-9 \n]{0,200}"#) {
        let _ = Decision::parse(&format!("Decision({source}"), "fuzz.ron");
    }

    #[test]
    fn parse_never_panics_on_a_mutated_embedded_file(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        keep in any::<prop::sample::Index>(),
        truncate in any::<bool>(),
    ) {
        let mut bytes = EMBEDDED_SOURCE.as_bytes().to_vec();
        for (at, byte) in edits {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        if truncate {
            bytes.truncate(keep.index(bytes.len() + 1));
        }
        let source = String::from_utf8_lossy(&bytes);
        if let Ok(d) = Decision::parse(&source, "mutated.ron") {
            // Whatever still parses must also evaluate and render.
            let answers = Answers::new(&d, d.question_ids(), d.stages.first().map(|s| s.id.as_str())).unwrap();
            let report = Report::new(&d, &answers);
            let _ = (report.to_text(), report.to_json());
        }
    }

    #[test]
    fn parse_never_panics_on_a_spliced_embedded_file(
        at in any::<prop::sample::Index>(),
        len in 0usize..40,
        insert in r#"[()\[\]{}",:a-zA-Z0-9 \n\\-]{0,20}"#,
    ) {
        let source = EMBEDDED_SOURCE;
        let mut start = at.index(source.len());
        while !source.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (start + len).min(source.len());
        while !source.is_char_boundary(end) {
            end -= 1;
        }
        let spliced = format!("{}{insert}{}", &source[..start], &source[end..]);
        let _ = Decision::parse(&spliced, "spliced.ron");
    }
}

#[test]
fn the_strategies_reach_every_verdict_kind() {
    // The embedded decision can produce every kind, so the properties above are not vacuous.
    let d = decision();
    let kinds: BTreeSet<String> = [
        (
            &["django.admin-panel", "django.permissions", "django.content-heavy"][..],
            None,
        ),
        (
            &[
                "django.admin-panel",
                "django.permissions",
                "django.content-heavy",
                "flask.rest-api",
                "flask.own-tools",
                "flask.prototype",
            ][..],
            None,
        ),
        (&[][..], Some("solo")),
        (&["flask.own-tools"][..], None),
        (&[][..], None),
    ]
    .into_iter()
    .map(|(yes, stage)| {
        let answers = Answers::new(&d, yes, stage).unwrap();
        evaluate(&d, &answers).verdict.kind.to_string()
    })
    .collect();
    assert_eq!(kinds.len(), 5, "{kinds:?}");
}
