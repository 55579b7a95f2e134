use std::path::PathBuf;

use super::*;
use crate::score::VerdictKind;
use crate::session::Session;
use crate::team::load::SessionFile;

fn person(decision: &Decision, name: &str, yes: &[&str], no: &[&str]) -> Person {
    let yes: Vec<String> = yes.iter().map(|s| (*s).to_owned()).collect();
    let no: Vec<String> = no.iter().map(|s| (*s).to_owned()).collect();
    let ids = crate::score::AnswerIds {
        yes: &yes,
        no: &no,
        ..Default::default()
    };
    let answers = Answers::from_ids(decision, &ids).expect("valid ids");
    Person {
        name: name.to_owned(),
        path: None,
        answers,
    }
}

/// Alice leans Django, Bob Flask, Carol in between: the team of the integration tests.
fn three(decision: &Decision) -> Team {
    let alice = person(
        decision,
        "Alice",
        &[
            "django.admin-panel",
            "django.permissions",
            "django.security",
            "django.content-heavy",
        ],
        &["flask.rest-api"],
    );
    let bob = person(
        decision,
        "Bob",
        &[
            "django.admin-panel",
            "django.permissions",
            "flask.rest-api",
            "flask.prototype",
            "flask.small-codebase",
        ],
        &["django.security"],
    );
    let carol = person(
        decision,
        "Carol",
        &[
            "django.admin-panel",
            "django.security",
            "flask.rest-api",
            "flask.prototype",
        ],
        &["django.permissions", "flask.small-codebase"],
    );
    Team::new(decision, vec![alice, bob, carol])
}

#[test]
fn the_team_answer_is_the_majority_and_a_tie_is_unanswered() {
    let decision = Decision::embedded();
    let team = three(&decision);
    let q = |id: &str| team.questions.iter().find(|q| q.id == id).expect("question");
    assert_eq!(q("django.admin-panel").team_answer, Some(Answer::Yes));
    assert!(!q("django.admin-panel").disagreement);
    assert_eq!(q("django.permissions").team_answer, Some(Answer::Yes));
    assert!(q("django.permissions").disagreement);
    assert_eq!(q("flask.small-codebase").team_answer, None);
    assert!(q("flask.small-codebase").is_tie());
    // One person's yes is the team's when nobody else answered.
    assert_eq!(q("django.content-heavy").team_answer, Some(Answer::Yes));
    assert_eq!(q("django.convention").team_answer, None);
    assert!(!team.answers.is_yes("flask.small-codebase") && !team.answers.is_no("flask.small-codebase"));
}

#[test]
fn disagreements_come_first_in_the_decisions_order() {
    let decision = Decision::embedded();
    let team = three(&decision);
    let split: Vec<&str> = team.disagreements().map(|q| q.id.as_str()).collect();
    assert_eq!(
        split,
        [
            "django.permissions",
            "django.security",
            "flask.rest-api",
            "flask.small-codebase"
        ]
    );
    let first: Vec<&str> = team.questions.iter().take(4).map(|q| q.id.as_str()).collect();
    assert_eq!(first, split);
    assert_eq!(team.questions[4].id, "django.admin-panel");
    assert_eq!(team.questions.len(), decision.question_ids().len());
}

#[test]
fn each_person_and_the_team_have_a_verdict_and_the_tie_is_pivotal() {
    let decision = Decision::embedded();
    let team = three(&decision);
    let summaries: Vec<&str> = team
        .members
        .iter()
        .map(|m| m.evaluation.verdict.summary.as_str())
        .collect();
    assert_eq!(
        summaries,
        ["Choose Django", "Choose Flask", "Leaning towards Django or Flask"]
    );
    assert_eq!(team.evaluation.verdict.kind, VerdictKind::Single);
    assert_eq!(team.evaluation.verdict.summary, "Choose Django");
    // A yes to the tie would make Flask qualify too (a hybrid); resolving the 2–1 questions
    // the other way leaves Django qualified.
    assert_eq!(team.pivotal(), ["flask.small-codebase"]);
}

#[test]
fn a_member_s_answers_can_be_replaced_and_everything_follows() {
    let decision = Decision::embedded();
    let team = three(&decision);
    let mut carol = team.members[2].answers.clone();
    carol.set("flask.small-codebase", Some(Answer::Yes));
    let changed = team.with_answers(&decision, 2, carol).expect("Carol is there");
    // The tie is settled yes: Flask qualifies too; now the 2–1 yes to the REST API holds
    // the hybrid together.
    assert_eq!(changed.evaluation.verdict.summary, "Hybrid: Django + Flask");
    assert_eq!(changed.pivotal(), ["flask.rest-api"]);
    assert_eq!(changed.names(), team.names());
    assert!(team.with_answers(&decision, 3, Answers::default()).is_none());
}

#[test]
fn a_team_of_one_agrees_with_itself() {
    let decision = Decision::embedded();
    let alice = person(&decision, "Alice", &["django.admin-panel"], &["flask.rest-api"]);
    let team = Team::new(&decision, vec![alice.clone()]);
    assert_eq!(team.disagreements().count(), 0);
    assert!(team.pivotal().is_empty());
    assert_eq!(team.answers.yes, alice.answers.yes);
    assert_eq!(team.answers.no, alice.answers.no);
    assert_eq!(team.evaluation.verdict, team.members[0].evaluation.verdict);
}

#[test]
fn the_team_stage_is_the_majority_stage() {
    let decision = Decision::embedded();
    let mut people = vec![
        person(&decision, "A", &[], &[]),
        person(&decision, "B", &[], &[]),
        person(&decision, "C", &[], &[]),
    ];
    people[0].answers.stage = Some("api-first".into());
    people[1].answers.stage = Some("api-first".into());
    people[2].answers.stage = Some("pre-pmf".into());
    let team = Team::new(&decision, people.clone());
    assert_eq!(team.answers.stage.as_deref(), Some("api-first"));
    people[1].answers.stage = Some("pre-pmf".into());
    people[0].answers.stage = None;
    people[2].answers.stage = Some("api-first".into());
    assert_eq!(Team::new(&decision, people).answers.stage, None, "a tie");
}

fn file(name: &str, source: &str) -> SessionFile {
    SessionFile {
        path: PathBuf::from(name),
        source: Some(source.to_owned()),
        session: Session::parse(source, name).expect("parses"),
    }
}

#[test]
fn sessions_make_a_team_named_by_by_else_by_the_file() {
    let decision = Decision::embedded();
    let files = vec![
        file(
            "a.ron",
            "Session(decision: \"web-frameworks\", by: \"Al\u{202e}ice\u{1b}[2J\", answers: [\"django.admin-panel\"])",
        ),
        file(
            "team/bob.ron",
            "Session(decision: \"web-frameworks\", no: [\"django.admin-panel\"])",
        ),
    ];
    let team = Team::from_sessions(&decision, files).expect("a team");
    assert_eq!(team.names(), ["Alice[2J", "bob"]);
    assert_eq!(team.members[0].answers.by.as_deref(), Some("Alice[2J"));
    assert!(team.questions[0].is_tie());
}

#[test]
fn every_problem_is_listed_and_placed() {
    let decision = Decision::embedded();
    let files = vec![
        file(
            "a.ron",
            "Session(\n  decision: \"web-frameworks\",\n  by: \"Bob\",\n)",
        ),
        file(
            "b.ron",
            "Session(\n  decision: \"web-frameworks\",\n  by: \" Bob\u{200b} \",\n)",
        ),
        file(
            "c.ron",
            "Session(\n  decision: \"databases\",\n  by: \"Carol\",\n)",
        ),
        file(
            "d.ron",
            "Session(decision: \"web-frameworks\", by: \"Dan\", answers: [\"django.nope\"])",
        ),
        file("old/Dan.ron", "Session(decision: \"web-frameworks\")"),
    ];
    let errors = Team::from_sessions(&decision, files).expect_err("refused");
    assert_eq!(errors.total, 4, "{errors}");
    let text = errors.to_string();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "b.ron:3:7: by: \"Bob\" already answered in a.ron; a team has one session a person"
    );
    assert!(
        lines[1].starts_with("c.ron:2:13: decision: the session is for decision \"databases\""),
        "{text}"
    );
    assert!(
        lines[2].starts_with("d.ron:1:58: answers[0]: unknown question id"),
        "{text}"
    );
    assert!(lines[3].starts_with("d.ron: valid ids: "), "{text}");
    assert!(
        lines[4].starts_with(
            "old/Dan.ron:1:1: \"Dan\" (the file's name: it has no `by`) already answered in d.ron"
        ),
        "{text}"
    );
}

#[test]
fn an_empty_user_is_not_counted_until_they_say_something() {
    let decision = Decision::embedded();
    let three = three(&decision);
    let you = Person {
        name: "you".to_owned(),
        path: None,
        answers: Answers::default(),
    };
    let mut members = vec![Member::new(&decision, you)];
    members.extend(three.members.clone());
    let team = Team::of_members(&decision, members);
    assert_eq!(team.names(), ["Alice", "Bob", "Carol"]);
    let report = report::TeamReport::new(&team, &decision);
    assert_eq!(report.people.len(), 3);
    assert!(report.questions.iter().all(|q| q.answers.len() == 3));
    // One answer in the user's column: now one of the team.
    let mut answers = Answers::default();
    answers.set("django.convention", Some(Answer::Yes));
    let team = team
        .with_answers(&decision, 0, answers)
        .expect("the user's column");
    assert_eq!(team.names(), ["you", "Alice", "Bob", "Carol"]);
    assert_eq!(report::TeamReport::new(&team, &decision).people.len(), 4);
    // And no longer once the answer is taken back.
    let team = team.with_answers(&decision, 0, Answers::default()).unwrap();
    assert_eq!(team.names().len(), 3);
}

#[test]
fn agreement_needs_two_alike_and_nobody_against() {
    let decision = Decision::embedded();
    let team = three(&decision);
    let q = |id: &str| team.questions.iter().find(|q| q.id == id).expect("question");
    assert_eq!(q("django.admin-panel").agreement(), Agreement::Agreed);
    assert_eq!(q("flask.prototype").agreement(), Agreement::Agreed);
    assert_eq!(q("django.permissions").agreement(), Agreement::Split);
    assert_eq!(q("django.content-heavy").agreement(), Agreement::One);
    assert_eq!(q("django.convention").agreement(), Agreement::Nobody);
    // The verdict says it rests on Alice's lone yes, and that Bob chose otherwise.
    let basis = team.basis();
    assert_eq!(
        basis.one_person,
        [(
            "django.content-heavy".to_owned(),
            "Are you building a content-heavy site (blog, CMS, e-commerce)?".to_owned(),
            "Alice".to_owned()
        )]
    );
    assert!(basis.chose_otherwise.is_empty(), "nobody here chose: {basis:?}");
    // The tie's words say it is a tie and what a yes would do.
    assert_eq!(
        q("flask.small-codebase").pivot_words().as_deref(),
        Some("split evenly; a yes would make the team verdict “Hybrid: Django + Flask”")
    );
}

#[test]
fn a_team_stage_needs_two_people_and_most_of_those_who_gave_one() {
    let decision = Decision::embedded();
    let with_stages = |stages: [Option<&str>; 3]| {
        let mut team = three(&decision);
        for (member, stage) in team.members.iter_mut().zip(stages) {
            member.answers.stage = stage.map(str::to_owned);
        }
        Team::of_members(&decision, team.members)
    };
    // Majority: two of the three give the same stage.
    let team = with_stages([Some("solo"), Some("solo"), Some("api-first")]);
    assert_eq!(team.answers.stage.as_deref(), Some("solo"));
    assert!(team.stages_said(&decision).is_empty());
    // Minority: one person's stage is not the team's, and who said it is told.
    let team = with_stages([None, None, Some("api-first")]);
    assert_eq!(team.answers.stage, None);
    assert_eq!(
        team.stages_said(&decision),
        [("Carol".to_owned(), "API-first product".to_owned())]
    );
    // A split between two stages is nobody's either.
    let team = with_stages([Some("solo"), Some("api-first"), None]);
    assert_eq!(team.answers.stage, None);
    assert_eq!(team.stages_said(&decision).len(), 2);
    // Nobody gave one.
    let team = with_stages([None, None, None]);
    assert_eq!(team.answers.stage, None);
    assert!(team.stages_said(&decision).is_empty());
}
