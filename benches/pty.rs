//! The release binary on a real 80×24 pseudo-terminal: how long it takes to show its first
//! frame, how long each of a few interactions takes to be drawn, how much memory a full session
//! uses, and how many bytes each frame writes to the terminal.
//!
//! Absolute numbers depend on the machine and on what else it is doing, so every time is also
//! reported as a ratio against a baseline measured in the same run, on a pty of the same size:
//!
//! - first frame: spawning `stackpick --version` and waiting for it to exit, the cost of
//!   starting the process at all;
//! - interactions: the `2` tab switch, Overview → Strengths (see [`BASELINE_KEY`] for why);
//! - memory: the TUI's own peak RSS at its first frame (a `--version` process exits too fast to
//!   be read), against its peak RSS after visiting every tab and ticking every question;
//! - bytes: the first frame (a full paint), so a ratio is "what fraction of a full repaint".
//!
//! A second table (`pty/scale.rs`) runs one script on the default decision and on a generated
//! one of 2,000 questions and 5,000 comparison rows, and reports big ÷ default for the keys on
//! the Compare and Checklist tabs, the first frame and the peak RSS, with their targets beside
//! them; and stackpick's first frame against a bare ratatui program
//! (`examples/bare_frame.rs`, built here with `cargo build --release --example bare_frame`);
//! and, with `--watch` on the big decision, the time from a save (a new file renamed over the
//! file) to the end of the next frame, against that process's own first frame.
//!
//! A frame counts as drawn at the last byte before the output goes quiet for [`QUIET`]; the
//! quiet wait itself is not counted. Byte counts are exact and should not vary between runs.
//! Nothing here asserts on timing; the bench only stops when the app does not do what the
//! script expects (a frame never comes, the answers were not all saved).
//!
//! Run: `cargo bench --bench pty` (`STACKPICK_BENCH_RUNS=5` for fewer runs; default 20).
//! Without `--bench` (as `cargo test --benches` runs it) it does one run with one press of each
//! key on the big decision, as a smoke test.

#[cfg(target_os = "linux")]
fn main() {
    linux::main();
}

#[cfg(not(target_os = "linux"))]
fn main() {
    eprintln!("benches/pty.rs needs Linux (a pseudo-terminal and /proc); nothing measured");
}

#[cfg(target_os = "linux")]
#[path = "../tests/support/mod.rs"]
mod support;

#[cfg(target_os = "linux")]
#[path = "pty/terminal.rs"]
mod terminal;

#[cfg(target_os = "linux")]
#[path = "pty/scale.rs"]
mod scale;

#[cfg(target_os = "linux")]
mod linux {
    use std::time::Duration;

    use stackpick::decision::Decision;

    use crate::scale::{self, BIG_QUESTIONS, BIG_ROWS};
    use crate::support::big_decision::big_decision_ron;
    use crate::terminal::{COLS, QUIET, ROWS, is_complete_frame, spawn, stackpick};

    const DEFAULT_RUNS: usize = 20;
    /// How many `j` (and Space) presses each tab gets in the big-decision script, per run.
    const SCALE_PRESSES: usize = 5;

    /// The baseline interaction: `2` on the Overview, switching to Strengths.
    ///
    /// An unbound key (`z`) draws nothing, so there is no "end of its redraw" to time: its
    /// baseline would only measure our own fixed wait. A tab switch is the cheapest key that
    /// goes the whole way a user's key goes (pty, event read, key table, update, render, diff,
    /// write, pty) without scoring or saving anything, so a ratio above 1 is what scoring,
    /// saving and a bigger or busier screen add to that round trip.
    const BASELINE_KEY: &[u8] = b"2";

    /// Every measured thing, in the order of the report.
    #[derive(Clone, Copy, PartialEq, Eq, Debug)]
    enum Metric {
        Version,
        FirstFrame,
        TabSwitch,
        Checklist,
        Tick,
        Filter,
        /// One key typed into the Compare filter.
        FilterKey(u8),
        Help,
    }

    /// What is typed into the Compare filter, one key at a time.
    const FILTER_TEXT: &[u8] = b"async";

    impl Metric {
        fn label(self) -> String {
            match self {
                Metric::Version => "`--version` spawn → exit".to_owned(),
                Metric::FirstFrame => "spawn → first frame".to_owned(),
                Metric::TabSwitch => "`2` Overview → Strengths".to_owned(),
                Metric::Checklist => "`4` → Checklist".to_owned(),
                Metric::Tick => "Space: tick (save, re-score)".to_owned(),
                Metric::Filter => "`/` on Compare".to_owned(),
                Metric::FilterKey(key) => format!("type `{}` in the filter", char::from(key)),
                Metric::Help => "`?` help".to_owned(),
            }
        }
    }

    /// One run's results.
    #[derive(Default)]
    struct Run {
        /// (metric, time, bytes written for it).
        samples: Vec<(Metric, Duration, usize)>,
        /// `VmHWM` and `VmRSS` at the first frame, in KiB.
        first_frame_kib: (u64, u64),
        /// `VmHWM` after the full session, in KiB.
        session_hwm_kib: u64,
    }

    /// One run: the `--version` baseline, then the TUI's first frame, the interactions and a
    /// full session, each process on a fresh pty of the same size.
    fn run_once(question_ids: &[String]) -> Run {
        let mut run = Run::default();

        let mut version = spawn(stackpick(), &["--version"]);
        let (status, elapsed) = version.wait_exit_timed();
        assert!(status.success(), "`stackpick --version` failed: {status}");
        run.samples.push((Metric::Version, elapsed, 0));

        let mut app = spawn(stackpick(), &[]);
        let first = app.read_frame("the first frame (the tab bar and the footer)", is_complete_frame);
        let took = first.last.saturating_duration_since(app.started);
        run.samples.push((Metric::FirstFrame, took, first.bytes.len()));
        run.first_frame_kib = app.memory_kib();

        let (took, bytes) = app.press(BASELINE_KEY, "the Strengths tab");
        run.samples.push((Metric::TabSwitch, took, bytes));

        let (took, bytes) = app.press(b"4", "the Checklist tab");
        run.samples.push((Metric::Checklist, took, bytes));
        let (took, bytes) = app.press(b" ", "a tick on the Checklist");
        run.samples.push((Metric::Tick, took, bytes));

        app.press(b"3", "the Compare tab");
        let (took, bytes) = app.press(b"/", "the filter prompt");
        run.samples.push((Metric::Filter, took, bytes));
        for &key in FILTER_TEXT {
            let (took, bytes) = app.press(&[key], "the filtered table");
            run.samples.push((Metric::FilterKey(key), took, bytes));
        }
        app.press(b"\x1b", "the table without the filter");

        let (took, bytes) = app.press(b"?", "the help");
        run.samples.push((Metric::Help, took, bytes));
        app.press(b"?", "the help closing");

        // The full session: every question ticked (the first one already is), every tab seen.
        app.press(b"4", "the Checklist tab");
        // `g` first: on the first question already, it draws nothing, so it cannot go alone.
        let ticks: Vec<u8> = b"g"
            .iter()
            .copied()
            .chain((1..question_ids.len()).flat_map(|_| *b"j "))
            .collect();
        app.press(&ticks, "every question ticked");
        for tab in [b"5", b"1", b"2", b"3", b"4"] {
            app.press(tab, "a tab");
        }
        run.session_hwm_kib = app.memory_kib().0;

        app.type_bytes(b"q");
        let (status, _) = app.wait_exit_timed();
        assert!(status.success(), "the TUI did not quit cleanly: {status}");
        let saved = std::fs::read_to_string(app.path("state/web-frameworks.ron"))
            .expect("the answers should have been saved");
        let missing: Vec<&String> = question_ids
            .iter()
            .filter(|id| !saved.contains(&format!("\"{id}\"")))
            .collect();
        assert!(
            missing.is_empty(),
            "the session should have ticked every question; not saved: {missing:?} in {saved}"
        );
        run
    }

    /// The median of `values` (sorted in place).
    pub(crate) fn median(values: &mut [f64]) -> f64 {
        values.sort_by(f64::total_cmp);
        let n = values.len();
        if n % 2 == 1 {
            values[n / 2]
        } else {
            f64::midpoint(values[n / 2 - 1], values[n / 2])
        }
    }

    /// The median time, in milliseconds, over every sample whose metric is `which`.
    fn millis(runs: &[Run], which: impl Fn(Metric) -> bool) -> f64 {
        let mut values: Vec<f64> = runs
            .iter()
            .flat_map(|r| &r.samples)
            .filter(|(m, ..)| which(*m))
            .map(|(_, d, _)| d.as_secs_f64() * 1e3)
            .collect();
        median(&mut values)
    }

    /// Bytes written for a metric in one run, as (min, max) over runs.
    fn bytes(runs: &[Run], metric: Metric) -> (usize, usize) {
        let per_run = runs.iter().map(|r| {
            r.samples
                .iter()
                .filter(|(m, ..)| *m == metric)
                .map(|(.., b)| b)
                .sum::<usize>()
        });
        (per_run.clone().min().unwrap_or(0), per_run.max().unwrap_or(0))
    }

    fn row(metric: &str, value: &str, baseline: &str, ratio: f64) {
        println!("{metric:<34} {value:>12}  {baseline:<30} {ratio:>7.2}x");
    }

    fn report(runs: &[Run], warm_up: bool) {
        let ms = |v: f64| format!("{v:.2} ms");
        let kib = |v: f64| format!("{v:.0} KiB");
        println!();
        println!(
            "pty bench: {} run(s) of the release binary on an {COLS}x{ROWS} pty{}; medians, ratios \
             against a baseline from the same runs (lower is cheaper)",
            runs.len(),
            if warm_up { ", after one warm-up run" } else { "" }
        );
        println!(
            "{:<34} {:>12}  {:<30} {:>8}",
            "metric", "median", "baseline", "ratio"
        );
        println!("{}", "-".repeat(34 + 1 + 12 + 2 + 30 + 1 + 8));

        let version = millis(runs, |m| m == Metric::Version);
        let first = millis(runs, |m| m == Metric::FirstFrame);
        row(
            &Metric::FirstFrame.label(),
            &ms(first),
            &format!("{} (--version)", ms(version)),
            first / version,
        );
        let switch = millis(runs, |m| m == Metric::TabSwitch);
        row(&Metric::TabSwitch.label(), &ms(switch), &ms(switch), 1.0);
        let typed = format!("type `{}` (per key)", String::from_utf8_lossy(FILTER_TEXT));
        type Which = fn(Metric) -> bool;
        let interactions: [(String, Which); 5] = [
            (Metric::Checklist.label(), |m| m == Metric::Checklist),
            (Metric::Tick.label(), |m| m == Metric::Tick),
            (Metric::Filter.label(), |m| m == Metric::Filter),
            (typed, |m| matches!(m, Metric::FilterKey(_))),
            (Metric::Help.label(), |m| m == Metric::Help),
        ];
        for (label, which) in interactions {
            let time = millis(runs, which);
            row(
                &label,
                &ms(time),
                &format!("{} (`2` tab switch)", ms(switch)),
                time / switch,
            );
        }

        let mut at_first: Vec<f64> = runs.iter().map(|r| r.first_frame_kib.0 as f64).collect();
        let mut rss_first: Vec<f64> = runs.iter().map(|r| r.first_frame_kib.1 as f64).collect();
        let mut ratios: Vec<f64> = runs
            .iter()
            .map(|r| r.session_hwm_kib as f64 / r.first_frame_kib.0 as f64)
            .collect();
        let mut session: Vec<f64> = runs.iter().map(|r| r.session_hwm_kib as f64).collect();
        let at_first = median(&mut at_first);
        row(
            "peak RSS after a full session",
            &kib(median(&mut session)),
            &format!("{} (peak at 1st frame)", kib(at_first)),
            median(&mut ratios),
        );

        let (frame, frame_max) = bytes(runs, Metric::FirstFrame);
        let mut varies = frame != frame_max;
        let exact = |(min, max): (usize, usize)| {
            if min == max {
                format!("{min} B")
            } else {
                format!("{min}-{max} B")
            }
        };
        row(
            "bytes: first frame",
            &exact((frame, frame_max)),
            &exact((frame, frame_max)),
            1.0,
        );
        let each = [Metric::TabSwitch, Metric::Checklist, Metric::Tick, Metric::Filter]
            .into_iter()
            .chain(FILTER_TEXT.iter().map(|&k| Metric::FilterKey(k)))
            .chain([Metric::Help]);
        for metric in each {
            let range = bytes(runs, metric);
            varies |= range.0 != range.1;
            row(
                &format!("bytes: {}", metric.label()),
                &exact(range),
                &format!("{} (first frame)", exact((frame, frame_max))),
                range.1 as f64 / frame as f64,
            );
        }
        println!();
        println!(
            "RSS at the first frame (VmRSS): {} median. Times end at the last byte of a frame; the \
             {} ms quiet wait that ends a frame is not counted.",
            kib(median(&mut rss_first)),
            QUIET.as_millis()
        );
        if varies {
            println!("NOTE: some byte counts differed between runs; they should be exact.");
        }
    }

    pub fn main() {
        let benching = std::env::args().any(|a| a == "--bench");
        let runs = match std::env::var("STACKPICK_BENCH_RUNS") {
            Ok(value) => value.parse::<usize>().ok().filter(|&n| n > 0).unwrap_or_else(|| {
                panic!("STACKPICK_BENCH_RUNS must be a positive number of runs, not {value:?}")
            }),
            Err(_) if benching => DEFAULT_RUNS,
            Err(_) => 1,
        };
        // Each `j` and Space on the big decision costs its redraw plus the quiet wait, so the
        // smoke run presses each key once.
        let presses = if benching { SCALE_PRESSES } else { 1 };
        let pairs = if benching { scale::FLOOR_PAIRS } else { 1 };
        let question_ids = Decision::embedded().question_ids();
        let bare = scale::build_bare();
        // A binary the linker has just written is still dirty in the page cache, and its pages
        // cost more to map until they reach the disk: the bigger binary would look slower
        // than the same bytes a minute later (or copied elsewhere). Flushed, both start as an
        // installed program does.
        for program in [stackpick(), bare.as_path()] {
            std::fs::File::open(program)
                .and_then(|file| file.sync_all())
                .unwrap_or_else(|e| panic!("flush {}: {e}", program.display()));
        }
        let big = tempfile::Builder::new()
            .prefix("big-decision")
            .suffix(".ron")
            .tempfile()
            .expect("temp file for the big decision");
        std::fs::write(big.path(), big_decision_ron(BIG_QUESTIONS, BIG_ROWS))
            .expect("write the big decision");
        if benching {
            // Warms the page cache and the binaries' pages; not counted.
            run_once(&question_ids);
            scale::run_once(&bare, big.path(), 1, 1);
        }
        let mut results = Vec::with_capacity(runs);
        let mut scaled = Vec::with_capacity(runs);
        for i in 0..runs {
            eprint!("\rpty bench: run {}/{runs}", i + 1);
            results.push(run_once(&question_ids));
            scaled.push(scale::run_once(&bare, big.path(), presses, pairs));
        }
        eprintln!();
        report(&results, benching);
        scale::report(&scaled);
        if !benching {
            println!("(one run without `--bench`: a smoke test, not a measurement)");
        }
    }
}
