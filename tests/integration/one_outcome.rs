//! One decision, told the same way everywhere: combinations of answers, stage and choice,
//! each walked through the engine's outcome, `score`'s text and JSON, the Markdown record
//! (its outcome, its title and the options it says are chosen and its Mermaid diagram), the SVG and the HTML page.
//! Every surface must name the same outcome, light the same layers and mark at most one
//! option chosen (the hybrid counting as its two).

use stackpick::decision::Decision;
use stackpick::export::{self, Format, RecordExtras};
use stackpick::report::Report;
use stackpick::score::choice::{Pick, UserChoice};
use stackpick::score::{Answers, Decided};

const DJANGO: [&str; 3] = ["django.admin-panel", "django.permissions", "django.security"];
const FLASK: [&str; 3] = ["flask.rest-api", "flask.own-tools", "flask.prototype"];

struct Case {
    name: &'static str,
    yes: Vec<&'static str>,
    stage: Option<&'static str>,
    pick: Pick,
    /// The outcome's headline.
    headline: &'static str,
    /// The option ids the record marks chosen.
    chosen: &'static [&'static str],
}

fn cases() -> Vec<Case> {
    let option = |id: &str| Pick::Option(id.to_owned());
    let both: Vec<&str> = DJANGO.iter().chain(&FLASK).copied().collect();
    let one_each = vec!["django.admin-panel", "flask.rest-api"];
    let mut cases = Vec::new();
    let mut case = |name, yes: Vec<&'static str>, stage, pick, headline, chosen| {
        cases.push(Case {
            name,
            yes,
            stage,
            pick,
            headline,
            chosen,
        });
    };
    case(
        "nothing answered",
        vec![],
        None,
        Pick::Checklist,
        "Nothing decided yet",
        &[] as &[&str],
    );
    case(
        "nothing, FastAPI chosen",
        vec![],
        None,
        option("fastapi"),
        "FastAPI",
        &["fastapi"],
    );
    case(
        "nothing, the hybrid chosen",
        vec![],
        None,
        Pick::Hybrid,
        "Hybrid: Django + Flask",
        &["django", "flask"],
    );
    case(
        "nothing, left open",
        vec![],
        None,
        Pick::Undecided,
        "Nothing decided yet",
        &[],
    );
    case(
        "Django qualifies",
        DJANGO.to_vec(),
        None,
        Pick::Checklist,
        "Django",
        &["django"],
    );
    case(
        "Django qualifies, FastAPI chosen",
        DJANGO.to_vec(),
        None,
        option("fastapi"),
        "FastAPI",
        &["fastapi"],
    );
    case(
        "Django qualifies, Flask chosen",
        DJANGO.to_vec(),
        None,
        option("flask"),
        "Flask",
        &["flask"],
    );
    case(
        "Django qualifies, left open",
        DJANGO.to_vec(),
        None,
        Pick::Undecided,
        "Nothing decided yet",
        &[],
    );
    case(
        "Django qualifies, the stage against",
        DJANGO.to_vec(),
        Some("api-first"),
        Pick::Checklist,
        "Django",
        &["django"],
    );
    case(
        "Flask qualifies, the API-first stage",
        FLASK.to_vec(),
        Some("api-first"),
        Pick::Checklist,
        "Flask",
        &["flask"],
    );
    case(
        "both qualify",
        both.clone(),
        None,
        Pick::Checklist,
        "Hybrid: Django + Flask",
        &["django", "flask"],
    );
    case(
        "both qualify, a one-framework stage",
        both.clone(),
        Some("solo"),
        Pick::Checklist,
        "Hybrid: Django + Flask",
        &["django", "flask"],
    );
    case(
        "both qualify, Django chosen",
        both,
        None,
        option("django"),
        "Django",
        &["django"],
    );
    case(
        "a tie",
        one_each.clone(),
        None,
        Pick::Checklist,
        "Open: leaning towards Django or Flask",
        &[],
    );
    case(
        "a tie, Flask chosen",
        one_each.clone(),
        None,
        option("flask"),
        "Flask",
        &["flask"],
    );
    case(
        "a leaning",
        vec!["django.admin-panel"],
        None,
        Pick::Checklist,
        "Open: leaning towards Django",
        &[],
    );
    case(
        "alternatives open",
        vec![],
        Some("api-first"),
        Pick::Checklist,
        "Open: Flask or FastAPI",
        &[],
    );
    case(
        "alternatives, FastAPI chosen",
        vec![],
        Some("api-first"),
        option("fastapi"),
        "FastAPI",
        &["fastapi"],
    );
    case(
        "alternatives, the hybrid chosen",
        vec![],
        Some("api-first"),
        Pick::Hybrid,
        "Hybrid: Django + Flask",
        &["django", "flask"],
    );
    case(
        "only a stage",
        vec![],
        Some("solo"),
        Pick::Checklist,
        "Django",
        &["django"],
    );
    case(
        "only a stage, Flask chosen",
        vec![],
        Some("solo"),
        option("flask"),
        "Flask",
        &["flask"],
    );
    case(
        "a leaning and a stage",
        one_each,
        Some("pre-pmf"),
        Pick::Checklist,
        "Flask",
        &["flask"],
    );
    cases
}

fn answers(decision: &Decision, case: &Case) -> Answers {
    let mut answers = Answers::new(decision, case.yes.iter().copied(), case.stage).expect("valid ids");
    answers.choice = UserChoice {
        pick: case.pick.clone(),
        ..UserChoice::default()
    };
    answers
}

#[test]
fn every_surface_names_the_same_outcome() {
    let decision = Decision::embedded();
    let date = export::parse_date("2026-01-15").unwrap();
    let cases = cases();
    assert!(cases.len() >= 20);
    for case in &cases {
        let name = case.name;
        let answers = answers(&decision, case);
        let report = Report::new(&decision, &answers);
        let outcome = &report.outcome;
        assert_eq!(outcome.headline, case.headline, "{name}: the outcome");
        let decided: Vec<&str> = if outcome.is_decided() {
            outcome.options.iter().map(String::as_str).collect()
        } else {
            Vec::new()
        };
        assert_eq!(decided, case.chosen, "{name}: what is decided");
        assert!(
            outcome.decided != Decided::Open || outcome.status.to_string() == "proposed",
            "{name}: open alternatives are proposed"
        );

        // `score`: the text and the JSON.
        let text = report.to_text();
        assert!(
            text.contains(&format!("Decision: {}", outcome.line())),
            "{name}: score's text\n{text}"
        );
        let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
        assert_eq!(json["outcome"]["headline"], case.headline, "{name}: JSON");

        // The lit layers: one rule for the engine, the Mermaid diagram and the SVG.
        let lit: Vec<&str> = report
            .stack
            .layers
            .iter()
            .filter(|l| l.active)
            .map(|l| l.title.as_str())
            .collect();
        for layer in report.stack.layers.iter().filter(|l| l.option.is_some()) {
            let option = layer.option.as_deref().unwrap();
            assert_eq!(
                layer.active,
                case.chosen.contains(&option),
                "{name}: {}",
                layer.title
            );
        }
        let md = export::render_with(Format::Md, &decision, &answers, date, RecordExtras::default());
        for layer in &report.stack.layers {
            let marked = md.contains(&format!("[\"✓ {}\"]", layer.title));
            assert_eq!(
                marked,
                lit.contains(&layer.title.as_str()),
                "{name}: Mermaid {}",
                layer.title
            );
        }
        assert!(
            md.contains(&report.stack.caption),
            "{name}: the record says what is lit"
        );
        let svg = export::render_with(Format::Svg, &decision, &answers, date, RecordExtras::default());
        for layer in &report.stack.layers {
            let lit_mark = svg.contains(&format!("● {}", layer.title));
            assert_eq!(lit_mark, layer.active, "{name}: SVG {}", layer.title);
        }
        let html = export::render_with(Format::Html, &decision, &answers, date, RecordExtras::default());

        // The record marks chosen exactly what is decided, and nothing else.
        for option in &decision.options {
            let consequence = format!("* We get the strengths the article gives {}: ", option.name);
            assert_eq!(
                md.contains(&consequence),
                case.chosen.contains(&option.id.as_str()),
                "{name}: {consequence}"
            );
            let tag = format!("{} <span class=\"tag chosen\">chosen</span>", option.name);
            assert_eq!(
                html.contains(&tag),
                case.chosen.contains(&option.id.as_str()),
                "{name}: HTML {}",
                option.name
            );
        }
        // The title names the outcome, in the record and the page.
        let title = outcome.record_title(&decision);
        assert!(md.contains(&format!("\n# {title}\n")), "{name}: {title}");
        assert!(
            html.contains(&format!("<h1>{}</h1>", title.replace('"', "&quot;"))),
            "{name}: {title}"
        );
        assert_eq!(
            title.starts_with("Use "),
            !case.chosen.is_empty(),
            "{name}: {title}"
        );
        let status = format!("status: {}", report.choice.status);
        assert!(md.contains(&status), "{name}: {status}");
        // A stage that disagrees is said in the record's outcome, as on screen.
        if let Some(against) = &outcome.stage_against {
            assert!(md.contains(against.as_str()), "{name}: {against}");
            assert!(text.contains(against.as_str()), "{name}: {against}");
        }
    }
}

#[test]
fn a_stage_is_said_to_disagree_only_where_it_does() {
    let decision = Decision::embedded();
    let by_name = |name: &str| {
        let case = cases().into_iter().find(|c| c.name == name).unwrap();
        Report::new(&decision, &answers(&decision, &case)).outcome
    };
    let flask = by_name("Flask qualifies, the API-first stage");
    assert_eq!(flask.stage_against, None, "Flask is one of the stage's two");
    let hybrid = by_name("both qualify, a one-framework stage");
    assert_eq!(
        hybrid.stage_against.as_deref(),
        Some("The stage “Solo or small team” points to Django alone.")
    );
    let django = by_name("Django qualifies, the stage against");
    assert_eq!(
        django.stage_against.as_deref(),
        Some("The stage “API-first product” points to Flask or FastAPI.")
    );
}
