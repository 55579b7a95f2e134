//! Rendering cost of every tab, of a tick on the Checklist, and of the scoring engine.
//!
//! Absolute times depend on the machine, so each result is also reported as a ratio against a
//! baseline measured in the same run: drawing a blank `Paragraph` of the same size through the
//! same `Terminal<TestBackend>` (so the frame's diff and buffer swap cost the same on both
//! sides). The ratios are printed after criterion's own report.
//!
//! Run: `cargo bench --bench render` (add a filter, e.g. `-- 80x24`, to run fewer).

use std::collections::BTreeMap;
use std::hint::black_box;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use criterion::{Bencher, Criterion};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::widgets::Paragraph;
use strum::IntoEnumIterator;

use stackpick::decision::Decision;
use stackpick::score::{Answer, Answers, evaluate};
use stackpick::team::{Person, Team};
use stackpick::tui::theme::Theme;
use stackpick::tui::view::render;
use stackpick::tui::{Action, App, Tab};

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];
const SAMPLE_SIZE: usize = 30;

/// Every timed batch criterion ran, by benchmark id: (iterations, elapsed).
static SAMPLES: Mutex<BTreeMap<String, Vec<(u64, Duration)>>> = Mutex::new(BTreeMap::new());

/// Times `routine` like `Bencher::iter`, and keeps each batch's time for the ratio report.
fn timed(b: &mut Bencher, id: &str, mut routine: impl FnMut()) {
    b.iter_custom(|iters| {
        let start = Instant::now();
        for _ in 0..iters {
            routine();
        }
        let elapsed = start.elapsed();
        SAMPLES
            .lock()
            .expect("samples lock")
            .entry(id.to_owned())
            .or_default()
            .push((iters, elapsed));
        elapsed
    });
}

fn terminal(width: u16, height: u16) -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(width, height)).expect("a test terminal")
}

fn app_at(width: u16, height: u16) -> App {
    let mut app = App::new(Decision::embedded(), Answers::default(), Theme::ansi());
    app.update(Action::Resize { width, height });
    app
}

/// The app with a team of twenty people besides the user, on the Team tab.
fn team_app_at(width: u16, height: u16) -> App {
    let mut app = app_at(width, height);
    let ids = Decision::embedded().question_ids();
    let people = (0..20)
        .map(|i| {
            let mut answers = Answers::default();
            for (j, id) in ids.iter().enumerate() {
                answers.set(id, [None, Some(Answer::Yes), Some(Answer::No)][(i + j) % 3]);
            }
            Person {
                name: format!("Person {i}"),
                path: None,
                answers,
            }
        })
        .collect();
    app.set_team(Team::new(&Decision::embedded(), people));
    app.update(Action::GoTab(Tab::Team));
    app
}

fn baseline_id(width: u16, height: u16) -> String {
    format!("blank {width}x{height}")
}

fn bench_render(c: &mut Criterion) {
    let mut group = c.benchmark_group("render");
    group.sample_size(SAMPLE_SIZE);
    for (width, height) in SIZES {
        // The baseline: a blank paragraph over the whole frame.
        let id = baseline_id(width, height);
        let mut term = terminal(width, height);
        group.bench_function(&id, |b| {
            timed(b, &id, || {
                term.draw(|f| f.render_widget(Paragraph::new(""), f.area()))
                    .expect("draw");
            });
        });

        // The Team tab is drawn with its team, below.
        for tab in Tab::iter().filter(|t| *t != Tab::Team) {
            let id = format!("{tab} {width}x{height}");
            let mut app = app_at(width, height);
            app.update(Action::GoTab(tab));
            let mut term = terminal(width, height);
            group.bench_function(&id, |b| {
                timed(b, &id, || {
                    term.draw(|f| {
                        black_box(render(black_box(&app), f));
                    })
                    .expect("draw");
                });
            });
        }
        let id = format!("Team of 21 {width}x{height}");
        let app = team_app_at(width, height);
        let mut term = terminal(width, height);
        group.bench_function(&id, |b| {
            timed(b, &id, || {
                term.draw(|f| {
                    black_box(render(black_box(&app), f));
                })
                .expect("draw");
            });
        });
    }
    group.finish();
}

fn bench_checklist(c: &mut Criterion) {
    let mut group = c.benchmark_group("checklist");
    group.sample_size(SAMPLE_SIZE);

    // A tick alone: the model changes and the engine re-scores. Ticks and unticks alternate.
    let id = "toggle".to_owned();
    let mut app = app_at(80, 24);
    app.update(Action::GoTab(Tab::Checklist));
    group.bench_function(&id, |b| {
        timed(b, &id, || {
            black_box(app.update(black_box(Action::Toggle)));
        });
    });

    // A tick as the user sees it: the update and the next frame.
    let id = "toggle+draw 80x24".to_owned();
    let mut app = app_at(80, 24);
    app.update(Action::GoTab(Tab::Checklist));
    let mut term = terminal(80, 24);
    group.bench_function(&id, |b| {
        timed(b, &id, || {
            app.update(Action::Toggle);
            term.draw(|f| {
                render(&app, f);
            })
            .expect("draw");
        });
    });

    // An answer in the user's column of a team of 21: the team is evaluated again, then drawn.
    let id = "team answer+draw 80x24".to_owned();
    let mut app = team_app_at(80, 24);
    let mut term = terminal(80, 24);
    group.bench_function(&id, |b| {
        timed(b, &id, || {
            app.update(Action::Toggle);
            term.draw(|f| {
                render(&app, f);
            })
            .expect("draw");
        });
    });
    group.finish();
}

fn bench_evaluate(c: &mut Criterion) {
    let mut group = c.benchmark_group("score");
    group.sample_size(SAMPLE_SIZE);
    let decision = Decision::embedded();
    let none = Answers::default();
    let mut three = Answers::default();
    for id in decision.question_ids().iter().take(3) {
        three.toggle(id);
    }
    let mut all = Answers::default();
    for id in decision.question_ids() {
        all.toggle(&id);
    }
    for (name, answers) in [("no answers", &none), ("three yes", &three), ("all yes", &all)] {
        let id = format!("evaluate {name}");
        group.bench_function(&id, |b| {
            timed(b, &id, || {
                black_box(evaluate(black_box(&decision), black_box(answers)));
            });
        });
    }
    group.finish();
}

/// The median time per iteration over the measured samples of one benchmark. Criterion's
/// measurement samples are its last `SAMPLE_SIZE` batches; the ones before are the warm-up.
fn median_per_iter(samples: &[(u64, Duration)]) -> Option<f64> {
    let measured = &samples[samples.len().saturating_sub(SAMPLE_SIZE)..];
    let mut per_iter: Vec<f64> = measured
        .iter()
        .filter(|(iters, _)| *iters > 0)
        .map(|(iters, elapsed)| elapsed.as_secs_f64() * 1e9 / *iters as f64)
        .collect();
    if per_iter.is_empty() {
        return None;
    }
    per_iter.sort_by(f64::total_cmp);
    Some(per_iter[per_iter.len() / 2])
}

/// Prints every benchmark's median and its ratio to the blank frame of the same size (or, for
/// the engine and a bare tick, to the 80×24 blank frame).
fn report_ratios() {
    let samples = SAMPLES.lock().expect("samples lock");
    let medians: BTreeMap<&str, f64> = samples
        .iter()
        .filter_map(|(id, s)| median_per_iter(s).map(|m| (id.as_str(), m)))
        .collect();
    if medians.is_empty() {
        return;
    }
    let few = samples.values().all(|s| s.len() < SAMPLE_SIZE);
    eprintln!();
    eprintln!("Ratios against a blank frame drawn in the same run (lower is cheaper):");
    if few {
        eprintln!("(too few samples for meaningful numbers: this was a test run, not `cargo bench`)");
    }
    eprintln!(
        "{:<28} {:>14} {:>16} {:>9}",
        "benchmark", "median", "baseline", "ratio"
    );
    for (id, median) in &medians {
        let baseline = SIZES
            .iter()
            .map(|&(w, h)| baseline_id(w, h))
            .find(|b| id.ends_with(&b["blank ".len()..]))
            .unwrap_or_else(|| baseline_id(80, 24));
        let Some(base) = medians.get(baseline.as_str()) else {
            eprintln!("{id:<28} {:>11.0} ns {:>16} {:>9}", median, "(not run)", "-");
            continue;
        };
        eprintln!(
            "{id:<28} {:>11.0} ns {baseline:>16} {:>8.2}x",
            median,
            median / base
        );
    }
}

fn main() {
    let mut criterion = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    bench_render(&mut criterion);
    bench_checklist(&mut criterion);
    bench_evaluate(&mut criterion);
    criterion.final_summary();
    report_ratios();
}
