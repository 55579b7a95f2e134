//! Unit tests of the engine: the decision rules (see docs/commands.md), on small inline decisions
//! and on the embedded one.

use super::*;
use crate::decision::Decision;

/// Three options, chosen so that every rule can be hit:
/// - `a`: weights 1, 1, 2 (max 4), threshold 3;
/// - `b`: six questions of weight 1, threshold 3 (the article's "3 of 6");
/// - `c`: two questions (max 2), threshold 2.
///
/// The stack has layers for `a` and `b` and a shared one, but none for `c`.
const SMALL: &str = r#"
Decision(
    id: "small",
    title: "Small",
    question: "Which one?",
    options: [
        Choice(id: "a", name: "Alpha", threshold: 3, questions: [
            Question(id: "q1", text: "A one?"),
            Question(id: "q2", text: "A two?"),
            Question(id: "q3", text: "A heavy?", weight: 2),
        ]),
        Choice(id: "b", name: "Beta", threshold: 3, questions: [
            Question(id: "q1", text: "B one?"),
            Question(id: "q2", text: "B two?"),
            Question(id: "q3", text: "B three?"),
            Question(id: "q4", text: "B four?"),
            Question(id: "q5", text: "B five?"),
            Question(id: "q6", text: "B six?"),
        ]),
        Choice(id: "c", name: "Gamma", threshold: 2, questions: [
            Question(id: "q1", text: "C one?"),
            Question(id: "q2", text: "C two?"),
        ]),
    ],
    stack: Stack(title: "Stack", layers: [
        Layer(title: "Alpha layer", option: Some("a"), parts: ["alpha part"]),
        Layer(title: "Beta layer", option: Some("b"), parts: ["beta part"]),
        Layer(title: "Shared", parts: ["shared auth"]),
    ]),
    stages: [
        Stage(id: "go-a", label: "Stage A", advice: "Use Alpha.", picks: ["a"]),
        Stage(id: "go-b", label: "Stage B", advice: "Use Beta.", picks: ["b"]),
        Stage(id: "go-ab", label: "Stage AB", advice: "Use Alpha or Beta.", picks: ["a", "b"]),
    ],
)
"#;

fn small() -> Decision {
    Decision::parse(SMALL, "small.ron").unwrap_or_else(|e| panic!("the test decision is invalid: {e}"))
}

/// Evaluates `yes` and `stage` against the decision; the ids must be valid.
#[track_caller]
fn eval(decision: &Decision, yes: &[&str], stage: Option<&str>) -> Evaluation {
    let answers = Answers::new(decision, yes, stage).unwrap_or_else(|e| panic!("invalid answers: {e:?}"));
    evaluate(decision, &answers)
}

/// Asserts the verdict's kind and options.
#[track_caller]
fn assert_verdict(evaluation: &Evaluation, kind: VerdictKind, options: &[&str]) {
    assert_eq!(
        (evaluation.verdict.kind, evaluation.verdict.options.clone()),
        (kind, options.iter().map(ToString::to_string).collect::<Vec<_>>()),
        "verdict: {}",
        evaluation.verdict.summary
    );
}

/// The score of one option.
#[track_caller]
fn score<'a>(evaluation: &'a Evaluation, option: &str) -> &'a Score {
    evaluation
        .scores
        .iter()
        .find(|s| s.option == option)
        .unwrap_or_else(|| panic!("no score for {option}"))
}

/// The titles of the active layers, in stack order.
fn active_layers(evaluation: &Evaluation) -> Vec<&str> {
    evaluation
        .stack
        .layers
        .iter()
        .filter(|l| l.active)
        .map(|l| l.title.as_str())
        .collect()
}

/// The one hint about the option named `name`.
#[track_caller]
fn hint<'a>(evaluation: &'a Evaluation, name: &str) -> &'a str {
    let found: Vec<&Hint> = evaluation
        .hints
        .iter()
        .filter(|h| h.text.starts_with(&format!("{name} ")))
        .collect();
    assert_eq!(found.len(), 1, "one hint about {name} in {:#?}", evaluation.hints);
    &found[0].text
}

// ---- verdict kinds -------------------------------------------------------------------------

#[test]
fn single_when_exactly_one_option_qualifies() {
    let e = eval(&small(), &["b.q1", "b.q2", "b.q3", "a.q1", "c.q1"], None);
    assert_verdict(&e, VerdictKind::Single, &["b"]);
    assert!(e.verdict.summary.contains("Beta"), "{}", e.verdict.summary);
    assert_eq!(active_layers(&e), ["Beta layer"]);
}

#[test]
fn hybrid_when_two_or_more_qualify() {
    let e = eval(&small(), &["a.q1", "a.q3", "b.q1", "b.q2", "b.q3"], None);
    assert_verdict(&e, VerdictKind::Hybrid, &["a", "b"]);
    assert!(
        e.reasons.iter().any(|r| r.contains("shared auth")),
        "{:#?}",
        e.reasons
    );
}

#[test]
fn hybrid_of_all_three() {
    let e = eval(
        &small(),
        &["a.q1", "a.q3", "b.q1", "b.q2", "b.q3", "c.q1", "c.q2"],
        None,
    );
    assert_verdict(&e, VerdictKind::Hybrid, &["a", "b", "c"]);
}

#[test]
fn stage_when_nothing_qualifies_and_a_stage_is_chosen() {
    let e = eval(&small(), &["b.q1", "b.q2"], Some("go-a"));
    assert_verdict(&e, VerdictKind::Stage, &["a"]);
    assert_eq!(e.verdict.summary, "Stage advice: Alpha");
    assert!(
        e.reasons
            .iter()
            .any(|r| r == "No checklist qualifies, so the stage “Stage A” decides: “Use Alpha.”"),
        "{:#?}",
        e.reasons
    );
}

#[test]
fn stage_without_any_answer_is_a_stage_verdict_not_undecided() {
    let e = eval(&small(), &[], Some("go-ab"));
    assert_verdict(&e, VerdictKind::Stage, &["a", "b"]);
}

#[test]
fn leaning_when_nothing_qualifies_and_answers_are_given() {
    let e = eval(&small(), &["b.q1", "b.q2", "a.q1"], None);
    // b: 2/6 = 0.33 beats a: 1/4 = 0.25.
    assert_verdict(&e, VerdictKind::Leaning, &["b"]);
    assert!(e.verdict.summary.contains("Beta"), "{}", e.verdict.summary);
    assert!(!e.verdict.summary.contains("Alpha"), "{}", e.verdict.summary);
}

#[test]
fn leaning_goes_by_ratio_not_raw_score() {
    // b has the higher raw score (2) but c the higher ratio (1/2 against 2/6).
    let e = eval(&small(), &["b.q1", "b.q2", "c.q1"], None);
    assert_verdict(&e, VerdictKind::Leaning, &["c"]);
}

#[test]
fn leaning_tie_lists_every_leader() {
    // a: 2/4 (one question of weight 2) and c: 1/2 tie at one half; b trails at 1/6.
    let e = eval(&small(), &["a.q3", "c.q1", "b.q1"], None);
    assert_verdict(&e, VerdictKind::Leaning, &["a", "c"]);
    assert!(
        e.verdict.summary.contains("Alpha") && e.verdict.summary.contains("Gamma"),
        "{}",
        e.verdict.summary
    );
    assert!(!e.verdict.summary.contains("Beta"), "{}", e.verdict.summary);
}

#[test]
fn ties_compare_exact_ratios() {
    // a: 2/4 and c: 1/2 tie, b trails at 2/6.
    let e = eval(&small(), &["a.q1", "a.q2", "b.q1", "b.q2", "c.q1"], None);
    assert_verdict(&e, VerdictKind::Leaning, &["a", "c"]);
    // a: 1/4 against b: 1/6 is no tie.
    let e = eval(&small(), &["a.q1", "b.q1"], None);
    assert_verdict(&e, VerdictKind::Leaning, &["a"]);
}

#[test]
fn undecided_without_answers_or_stage() {
    let e = eval(&small(), &[], None);
    assert_verdict(&e, VerdictKind::Undecided, &[]);
    assert!(active_layers(&e).is_empty());
    assert!(e.scores.iter().all(|s| s.score == 0 && !s.qualified));
}

// ---- thresholds and weights ----------------------------------------------------------------

#[test]
fn threshold_exactly_met_qualifies() {
    let e = eval(&small(), &["b.q2", "b.q4", "b.q6"], None);
    let b = score(&e, "b");
    assert_eq!((b.score, b.max, b.threshold, b.qualified), (3, 6, 3, true));
    assert_verdict(&e, VerdictKind::Single, &["b"]);
}

#[test]
fn one_short_of_the_threshold_does_not_qualify() {
    let e = eval(&small(), &["b.q2", "b.q4"], None);
    let b = score(&e, "b");
    assert_eq!((b.score, b.max, b.threshold, b.qualified), (2, 6, 3, false));
    assert_verdict(&e, VerdictKind::Leaning, &["b"]);
}

#[test]
fn a_question_of_weight_two_counts_double() {
    let e = eval(&small(), &["a.q3"], None);
    let a = score(&e, "a");
    assert_eq!((a.score, a.max, a.qualified), (2, 4, false));

    // 1 + 2 reaches the threshold of 3; 1 + 1 does not.
    let e = eval(&small(), &["a.q1", "a.q3"], None);
    assert_eq!((score(&e, "a").score, score(&e, "a").qualified), (3, true));
    assert_verdict(&e, VerdictKind::Single, &["a"]);
    let e = eval(&small(), &["a.q1", "a.q2"], None);
    assert_eq!((score(&e, "a").score, score(&e, "a").qualified), (2, false));
}

#[test]
fn max_is_the_total_weight() {
    let e = eval(&small(), &[], None);
    let maxes: Vec<(&str, u64)> = e.scores.iter().map(|s| (s.option.as_str(), s.max)).collect();
    assert_eq!(maxes, [("a", 4), ("b", 6), ("c", 2)]);
}

/// Two options whose weights would wrap a `u32` sum.
const HEAVY: &str = r#"
Decision(id: "heavy", title: "Heavy", question: "Which?", options: [
    Choice(id: "a", name: "A", threshold: 4294967295, questions: [
        Question(id: "q1", text: "One?", weight: 4294967295),
        Question(id: "q2", text: "Two?", weight: 4294967295),
    ]),
    Choice(id: "b", name: "B", threshold: 4294967295, questions: [
        Question(id: "q1", text: "One?", weight: 4294967294),
        Question(id: "q2", text: "Two?", weight: 4294967295),
        Question(id: "q3", text: "Three?", weight: 4294967295),
    ]),
], stack: Stack(title: "Stack", layers: []))
"#;

#[test]
fn weights_up_to_u32_max_add_up_without_wrapping() {
    let decision = Decision::parse(HEAVY, "heavy.ron").unwrap_or_else(|e| panic!("{e}"));
    let e = eval(&decision, &["a.q1", "a.q2"], None);
    let a = score(&e, "a");
    assert_eq!(
        (a.score, a.max, a.qualified),
        (8_589_934_590, 8_589_934_590, true)
    );
    assert_eq!(a.gauge(12), (12, 6));
    // Ticking more never un-qualifies: one answer qualifies, and so do both.
    assert!(score(&eval(&decision, &["a.q1"], None), "a").qualified);
    assert!(e.hints[0].text.contains("stays qualified"), "{:?}", e.hints);
    // Ratios compare exactly: b's 4294967294/12884901884 is below a's 1/2.
    let e = eval(&decision, &["b.q1"], None);
    assert_verdict(&e, VerdictKind::Leaning, &["b"]);
    assert!(e.hints[1].text.contains("is 1 yes away"), "{:?}", e.hints);
    let e = eval(&decision, &["b.q1", "b.q2"], None);
    assert_verdict(&e, VerdictKind::Single, &["b"]);
    assert_eq!(score(&e, "b").max, 12_884_901_884);
}

#[test]
fn answers_of_one_option_do_not_count_for_another() {
    // The question ids q1..q3 exist in every option: only the full id counts.
    let e = eval(&small(), &["b.q1", "b.q2", "b.q3"], None);
    assert_eq!(score(&e, "a").score, 0);
    assert_eq!(score(&e, "c").score, 0);
}

// ---- the stage against the checklist -------------------------------------------------------

#[test]
fn disagreeing_stage_is_kept_as_a_reason_not_applied_to_single() {
    let e = eval(&small(), &["b.q1", "b.q2", "b.q3"], Some("go-a"));
    assert_verdict(&e, VerdictKind::Single, &["b"]);
    assert_eq!(active_layers(&e), ["Beta layer"]);
    let stage = e
        .reasons
        .iter()
        .find(|r| r.contains("Stage A"))
        .expect("a reason for the stage");
    assert_eq!(
        stage,
        "The checklist decides; the stage “Stage A” points to Alpha: “Use Alpha.”"
    );
}

#[test]
fn disagreeing_stage_is_kept_as_a_reason_not_applied_to_hybrid() {
    let e = eval(&small(), &["a.q3", "a.q1", "c.q1", "c.q2"], Some("go-b"));
    assert_verdict(&e, VerdictKind::Hybrid, &["a", "c"]);
    let stage = e
        .reasons
        .iter()
        .find(|r| r.contains("Stage B"))
        .expect("a reason for the stage");
    assert!(
        stage.starts_with("The checklists decide; the stage “Stage B” points to Beta alone"),
        "{stage}"
    );
}

#[test]
fn agreeing_stage_is_said_to_agree() {
    let e = eval(&small(), &["b.q1", "b.q2", "b.q3"], Some("go-b"));
    assert_verdict(&e, VerdictKind::Single, &["b"]);
    let stage = e
        .reasons
        .iter()
        .find(|r| r.contains("Stage B"))
        .expect("a reason for the stage");
    assert_eq!(
        stage,
        "The stage “Stage B” agrees with the checklist: “Use Beta.”"
    );
}

#[test]
fn reasons_name_the_answers_that_made_an_option_qualify() {
    let e = eval(&small(), &["b.q1", "b.q2", "b.q5", "a.q2"], None);
    let reason = e
        .reasons
        .iter()
        .find(|r| r.starts_with("Beta qualifies"))
        .expect("a reason for Beta");
    for text in ["B one?", "B two?", "B five?"] {
        assert!(reason.contains(text), "{reason} lacks {text}");
    }
    assert!(
        !reason.contains("B three?") && !reason.contains("A two?"),
        "{reason}"
    );
    assert!(
        !e.reasons.iter().any(|r| r.starts_with("Alpha qualifies")),
        "{:#?}",
        e.reasons
    );
}

// ---- the stack -----------------------------------------------------------------------------

#[test]
fn shared_layer_is_off_for_a_single_option() {
    let e = eval(&small(), &["a.q1", "a.q3"], None);
    let shared = e
        .stack
        .layers
        .iter()
        .find(|l| l.option.is_none())
        .expect("a shared layer");
    assert!(!shared.active);
    assert_eq!(active_layers(&e), ["Alpha layer"]);
}

#[test]
fn shared_layer_is_on_when_two_option_layers_are() {
    let e = eval(&small(), &["a.q1", "a.q3", "b.q1", "b.q2", "b.q3"], None);
    assert_eq!(active_layers(&e), ["Alpha layer", "Beta layer", "Shared"]);
}

#[test]
fn a_two_option_stage_is_alternatives_not_a_hybrid() {
    let e = eval(&small(), &[], Some("go-ab"));
    assert_eq!(e.verdict.summary, "Stage advice: Alpha or Beta");
    // Alternatives are not a decision: nothing is lit, and the caption says so.
    assert!(active_layers(&e).is_empty());
    assert_eq!(
        e.stack.caption,
        "Nothing lit: the decision is open between Alpha and Beta."
    );
    assert!(
        !e.reasons.iter().any(|r| r.contains("together")),
        "{:#?}",
        e.reasons
    );
    let e = eval(&small(), &[], Some("go-a"));
    assert_eq!(active_layers(&e), ["Alpha layer"]);
}

#[test]
fn the_shared_layer_lights_for_a_hybrid_only() {
    // a and c qualify: a hybrid, so the shared layer lights though c has no layer.
    let e = eval(&small(), &["a.q1", "a.q3", "c.q1", "c.q2"], None);
    assert_verdict(&e, VerdictKind::Hybrid, &["a", "c"]);
    assert_eq!(active_layers(&e), ["Alpha layer", "Shared"]);
    // a and c tie in a leaning: nothing is decided, so nothing lights.
    let e = eval(&small(), &["a.q3", "c.q1", "b.q1"], None);
    assert_verdict(&e, VerdictKind::Leaning, &["a", "c"]);
    assert!(active_layers(&e).is_empty());
}

#[test]
fn stack_keeps_every_layer_with_its_parts() {
    let e = eval(&small(), &[], None);
    let layers: Vec<(&str, Option<&str>, Vec<&str>)> = e
        .stack
        .layers
        .iter()
        .map(|l| {
            (
                l.title.as_str(),
                l.option.as_deref(),
                l.parts.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        layers,
        [
            ("Alpha layer", Some("a"), vec!["alpha part"]),
            ("Beta layer", Some("b"), vec!["beta part"]),
            ("Shared", None, vec!["shared auth"]),
        ]
    );
    assert_eq!(e.stack.title, "Stack");
}

// ---- one step away -------------------------------------------------------------------------

#[test]
fn hint_counts_the_yeses_needed_and_names_only_unanswered_ids() {
    let e = eval(&small(), &["b.q3"], None);
    assert_eq!(
        hint(&e, "Beta"),
        "Beta needs 2 more yeses (1 of 6, needs 3) from: “B one?”, “B two?”, “B four?”, “B five?” and “B six?”."
    );
}

#[test]
fn hint_one_yes_away_lists_each_question_that_would_do_it() {
    let e = eval(&small(), &["b.q1", "b.q6"], None);
    assert_eq!(
        hint(&e, "Beta"),
        "Beta is 1 yes away: any one of “B two?”, “B three?”, “B four?” or “B five?”."
    );
}

#[test]
fn hint_one_heavy_yes_names_only_questions_heavy_enough() {
    // a needs 2 more: only a.q3 (weight 2) does it alone.
    let e = eval(&small(), &["a.q1"], None);
    assert_eq!(
        hint(&e, "Alpha"),
        "Alpha is one heavy yes away: any one of “A heavy?”."
    );
}

#[test]
fn hint_for_a_qualified_option_names_each_untick_that_drops_it() {
    let e = eval(&small(), &["b.q1", "b.q2", "b.q3"], None);
    assert_eq!(
        hint(&e, "Beta"),
        "Beta drops out if any one of these is no longer yes: “B one?”, “B two?” or “B three?”."
    );
}

#[test]
fn hint_for_a_qualified_option_with_slack() {
    let e = eval(&small(), &["b.q1", "b.q2", "b.q3", "b.q4"], None);
    let beta = hint(&e, "Beta");
    assert!(beta.starts_with("Beta stays qualified"), "{beta}");
}

#[test]
fn hint_untick_respects_weights() {
    // a: 1 + 1 + 2 = 4 of threshold 3: unticking a.q1 or a.q2 leaves 3, unticking a.q3 leaves 2.
    let e = eval(&small(), &["a.q1", "a.q2", "a.q3"], None);
    assert_eq!(
        hint(&e, "Alpha"),
        "Alpha drops out if any one of these is no longer yes: “A heavy?”."
    );
    // a: 1 + 2 = 3: either untick drops it.
    let e = eval(&small(), &["a.q1", "a.q3"], None);
    assert_eq!(
        hint(&e, "Alpha"),
        "Alpha drops out if any one of these is no longer yes: “A one?” or “A heavy?”."
    );
}

#[test]
fn every_option_gets_a_hint() {
    let e = eval(&small(), &["a.q1"], None);
    assert_eq!(e.hints.len(), 3, "{:#?}", e.hints);
}

/// The hints must agree with the engine itself: ticking any named question qualifies the
/// option (for "1 yes away"), and unticking any named one drops it.
#[test]
fn hints_agree_with_the_engine() {
    let decision = small();
    // Unticking any of the named ids drops Alpha; unticking a.q1 does not.
    let mut answers = Answers::new(&decision, ["a.q1", "a.q2", "a.q3"], None).unwrap();
    answers.toggle("a.q3");
    assert!(!score(&evaluate(&decision, &answers), "a").qualified);
    answers.toggle("a.q3");
    answers.toggle("a.q1");
    assert!(score(&evaluate(&decision, &answers), "a").qualified);

    // Ticking any one id of a "1 yes away" hint qualifies Beta.
    for id in ["b.q2", "b.q3", "b.q4", "b.q5"] {
        let e = eval(&decision, &["b.q1", "b.q6", id], None);
        assert!(score(&e, "b").qualified, "{id}");
    }
}

// ---- answers -------------------------------------------------------------------------------

#[test]
fn unknown_ids_are_all_reported_with_the_valid_ones_once() {
    let decision = small();
    let errors = Answers::new(&decision, ["a.q1", "a.nope", "zz.q1"], Some("later")).unwrap_err();
    assert_eq!(
        errors.listed,
        [
            AnswerError::UnknownQuestion {
                id: "a.nope".into(),
                index: 1,
                list: AnswerList::Yes,
            },
            AnswerError::UnknownQuestion {
                id: "zz.q1".into(),
                index: 2,
                list: AnswerList::Yes,
            },
            AnswerError::UnknownStage { id: "later".into() },
        ]
    );
    assert_eq!(errors.total, 3);
    assert_eq!(errors.valid_questions.len(), 11);
    assert!(errors.valid_questions.contains(&"c.q2".to_owned()));
    assert_eq!(errors.valid_stages, ["go-a", "go-b", "go-ab"]);
    assert_eq!(
        errors.trailer(),
        [
            format!("valid ids: {}", errors.valid_questions.join(", ")),
            "valid stages: go-a, go-b, go-ab".to_owned()
        ]
    );
}

#[test]
fn a_million_unknown_ids_keep_twenty_and_count_the_rest() {
    let decision = small();
    let ids = (0..1_000_000).map(|i| format!("x.q{i}"));
    let errors = Answers::new(&decision, ids, Some("nope")).unwrap_err();
    // The stage is always listed, after the first twenty question ids.
    assert_eq!(errors.listed.len(), AnswerErrors::LISTED + 1);
    assert_eq!(errors.total, 1_000_001);
    assert_eq!(errors.unlisted(), 999_980);
    assert_eq!(errors.trailer()[0], "… and 999,980 more unknown ids");
    // The stage alone lists the stages, not the question ids.
    let errors = Answers::new(&decision, ["a.q1"], Some("nope")).unwrap_err();
    assert!(errors.valid_questions.is_empty());
    assert_eq!(errors.trailer(), ["valid stages: go-a, go-b, go-ab"]);
}

#[test]
fn answers_ignore_blank_ids_and_trim() {
    let answers = Answers::new(&small(), [" a.q1 ", ""], None).unwrap();
    assert_eq!(answers.yes.iter().collect::<Vec<_>>(), ["a.q1"]);
}

#[test]
fn toggle_ticks_then_unticks() {
    let mut answers = Answers::default();
    answers.toggle("a.q1");
    assert!(answers.is_yes("a.q1"));
    answers.toggle("a.q1");
    assert!(!answers.is_yes("a.q1"));
}

// ---- the embedded decision: the verdicts of the article's cases ---------------------------

#[test]
fn embedded_first_three_django_ids_is_single_django() {
    let decision = Decision::embedded();
    let first3: Vec<String> = decision
        .question_ids()
        .into_iter()
        .filter(|id| id.starts_with("django."))
        .take(3)
        .collect();
    assert_eq!(
        first3,
        ["django.admin-panel", "django.permissions", "django.content-heavy"]
    );
    let answers = Answers::new(&decision, &first3, None).unwrap();
    let e = evaluate(&decision, &answers);
    assert_verdict(&e, VerdictKind::Single, &["django"]);
    assert_eq!(active_layers(&e), ["Django Monolith"]);
}

#[test]
fn embedded_three_django_and_three_flask_is_hybrid_with_shared_auth() {
    let decision = Decision::embedded();
    let e = eval(
        &decision,
        &[
            "django.admin-panel",
            "django.permissions",
            "django.content-heavy",
            "flask.rest-api",
            "flask.own-tools",
            "flask.serverless-edge",
        ],
        None,
    );
    assert_verdict(&e, VerdictKind::Hybrid, &["django", "flask"]);
    let shared = e
        .stack
        .layers
        .iter()
        .find(|l| l.option.is_none())
        .expect("a shared layer");
    assert!(shared.active);
    assert_eq!(shared.parts, ["JWT/OpenID Connect auth"]);
    assert_eq!(
        active_layers(&e),
        ["Django Monolith", "Flask Microservices", "Shared"]
    );
}

#[test]
fn embedded_no_answers_is_undecided() {
    let e = eval(&Decision::embedded(), &[], None);
    assert_verdict(&e, VerdictKind::Undecided, &[]);
}

#[test]
fn embedded_stages_pick_as_the_article_says() {
    let decision = Decision::embedded();
    // Two Django and two Flask answers: nothing qualifies, so the stage decides.
    let some = [
        "django.admin-panel",
        "django.security",
        "flask.prototype",
        "flask.rest-api",
    ];
    for answers in [&[][..], &some[..]] {
        for (stage, picks) in [
            ("pre-pmf", &["flask"][..]),
            ("post-validation", &["django"][..]),
            ("api-first", &["flask", "fastapi"][..]),
            ("solo", &["django"][..]),
        ] {
            let e = eval(&decision, answers, Some(stage));
            assert_verdict(&e, VerdictKind::Stage, picks);
        }
    }
}

#[test]
fn embedded_scores_django_and_flask_only_with_the_articles_threshold() {
    let e = eval(&Decision::embedded(), &[], None);
    let shape: Vec<(&str, u64, u64)> = e
        .scores
        .iter()
        .map(|s| (s.option.as_str(), s.max, s.threshold))
        .collect();
    assert_eq!(shape, [("django", 6, 3), ("flask", 6, 3)]);
    assert!(e.score("fastapi").is_none());
}

// ---- also consider, the article's FastAPI ----------------------------------------------------

#[test]
fn a_rest_api_yes_suggests_fastapi_in_the_articles_words() {
    let e = eval(&Decision::embedded(), &["flask.rest-api"], None);
    assert_eq!(
        e.verdict.also_consider,
        [AlsoConsider {
            option: "fastapi".into(),
            name: "FastAPI".into(),
            why: "Yes to “Are you building primarily a REST API?”: “Flask for simplicity, FastAPI \
                  for async performance.”"
                .into(),
        }]
    );
    assert!(
        e.reasons.iter().any(|r| r.starts_with("Also consider FastAPI.")),
        "{:#?}",
        e.reasons
    );
    // Without the trigger, no suggestion.
    let e = eval(&Decision::embedded(), &["flask.prototype"], Some("pre-pmf"));
    assert!(e.verdict.also_consider.is_empty());
}

#[test]
fn the_api_first_stage_gives_alternatives_and_suggests_fastapi() {
    let e = eval(&Decision::embedded(), &[], Some("api-first"));
    assert_verdict(&e, VerdictKind::Stage, &["flask", "fastapi"]);
    assert_eq!(e.verdict.summary, "Stage advice: Flask or FastAPI");
    assert!(active_layers(&e).is_empty());
    assert_eq!(e.outcome.headline, "Open: Flask or FastAPI");
    assert_eq!(
        e.verdict.also_consider[0].why,
        "Stage “API-first product”: “Flask for simplicity, FastAPI for async performance.”"
    );
    assert!(
        e.reasons.contains(
            &"No checklist qualifies, so the stage “API-first product” decides: “Consider Flask \
              or FastAPI. Flask for simplicity, FastAPI for async performance.”"
                .to_owned()
        ),
        "{:#?}",
        e.reasons
    );
}

#[test]
fn an_embedded_leaning_tie_lights_no_shared_auth() {
    let e = eval(
        &Decision::embedded(),
        &["django.admin-panel", "flask.rest-api"],
        None,
    );
    assert_verdict(&e, VerdictKind::Leaning, &["django", "flask"]);
    assert_eq!(e.verdict.summary, "Leaning towards Django or Flask");
    assert!(active_layers(&e).is_empty());
    assert_eq!(e.outcome.headline, "Open: leaning towards Django or Flask");
}

#[test]
fn summaries_read_as_words_not_kinds() {
    let d = Decision::embedded();
    let single = eval(
        &d,
        &["django.admin-panel", "django.permissions", "django.security"],
        None,
    );
    assert_eq!(single.verdict.summary, "Choose Django");
    let hybrid = eval(
        &d,
        &[
            "django.admin-panel",
            "django.permissions",
            "django.security",
            "flask.rest-api",
            "flask.microservices",
            "flask.prototype",
        ],
        None,
    );
    assert_eq!(hybrid.verdict.summary, "Hybrid: Django + Flask");
    assert_eq!(
        eval(&d, &["django.security"], None).verdict.summary,
        "Leaning towards Django"
    );
    assert_eq!(eval(&d, &[], None).verdict.summary, "Not decided yet");
}

// ---- yes, no and unanswered ------------------------------------------------------------------

#[test]
fn hints_offer_only_unanswered_questions() {
    let d = small();
    let mut answers = Answers::new(&d, ["b.q1", "b.q6"], None).unwrap();
    answers.set("b.q2", Some(Answer::No));
    answers.set("b.q3", Some(Answer::No));
    let e = evaluate(&d, &answers);
    assert_eq!(
        hint(&e, "Beta"),
        "Beta is 1 yes away: any one of “B four?” or “B five?”."
    );
    let beta = e.hints.iter().find(|h| h.option == "b").unwrap();
    assert_eq!(
        (beta.needs, beta.questions.clone()),
        (
            1,
            vec![std::sync::Arc::from("b.q4"), std::sync::Arc::from("b.q5")]
        )
    );
}

#[test]
fn an_option_that_only_a_changed_no_could_qualify_says_so() {
    let d = small();
    let mut answers = Answers::default();
    answers.set("c.q1", Some(Answer::No));
    let e = evaluate(&d, &answers);
    assert!(
        hint(&e, "Gamma").starts_with("Gamma cannot qualify from the questions left unanswered"),
        "{:#?}",
        e.hints
    );
    // A no is not a yes: it moves no score and decides nothing.
    assert_verdict(&e, VerdictKind::Undecided, &[]);
}

#[test]
fn no_and_yes_for_one_question_is_refused() {
    let d = small();
    let yes = ["a.q1".to_owned()];
    let no = ["a.q1".to_owned(), "a.q2".to_owned()];
    let errors = Answers::from_ids(
        &d,
        &AnswerIds {
            yes: &yes,
            no: &no,
            ..AnswerIds::default()
        },
    )
    .unwrap_err();
    assert_eq!(
        errors.listed,
        [AnswerError::Both {
            id: "a.q1".into(),
            index: 0
        }]
    );
}

#[test]
fn is_yes_to_agrees_with_is_yes_on_the_full_id() {
    let decision = Decision::embedded();
    let ids = decision.question_ids();
    let answers = Answers::new(&decision, ids.iter().step_by(3), None).expect("valid ids");
    for (option, question) in decision.questions() {
        let id = crate::decision::question_id(option, question);
        assert_eq!(answers.is_yes_to(option, question), answers.is_yes(&id), "{id}");
    }
}

#[test]
fn an_id_with_a_dot_too_many_is_unknown() {
    let decision = Decision::embedded();
    let first = &decision.question_ids()[0];
    let errors = Answers::new(&decision, [format!("{first}.x"), format!("x.{first}")], None)
        .expect_err("neither id is a question");
    assert_eq!(errors.total, 2);
    assert!(!errors.valid_questions.is_empty(), "the valid ids are listed");
}
