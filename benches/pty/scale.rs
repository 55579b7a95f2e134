//! Does a list cost what is visible, not what exists? The same script runs on the default
//! decision and on a generated one of [`BIG_QUESTIONS`] questions and a [`BIG_ROWS`]-row
//! comparison (`tests/support/big_decision.rs`), in the same run, on ptys of the same size, and each figure is reported as big ÷ default against its target. The floor is a bare
//! ratatui program (`examples/bare_frame.rs`): stackpick's first frame is reported against its.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::terminal::{
    App, COLS, ROWS, is_complete_frame, is_complete_frame_of, screen_rows_of, spawn, spawn_sized, stackpick,
};

/// Questions in the generated decision (500 for each of its 4 options).
pub(crate) const BIG_QUESTIONS: usize = 2000;
/// Rows in the generated decision's comparison.
pub(crate) const BIG_ROWS: usize = 5000;

/// Target: a key on the big decision takes at most this many times the default's time.
const KEY_TARGET: f64 = 1.5;
/// Target: the big decision's peak RSS is at most this many times the default's.
const RSS_TARGET: f64 = 3.0;
/// Target: stackpick's first frame takes at most this many times the bare program's.
const FLOOR_TARGET: f64 = 2.0;
/// Target: with `--watch`, the frame after a save takes at most this many times the app's
/// own first frame with the same decision (both read, parse and check the whole file).
const RELOAD_TARGET: f64 = 1.2;
/// The wide terminal the first frame is also measured on.
const WIDE: (u16, u16) = (200, 60);

/// What the script measured on one decision.
pub(crate) struct Scripted {
    first_frame: Duration,
    /// `3`: Overview → Compare.
    compare_tab: Duration,
    /// Each `j` on the Compare tab.
    compare_keys: Vec<Duration>,
    /// `4`: Compare → Checklist.
    checklist_tab: Duration,
    /// Each `j` on the Checklist tab.
    checklist_keys: Vec<Duration>,
    /// Each Space (a tick: save and re-score) on the Checklist tab.
    ticks: Vec<Duration>,
    /// `VmHWM` after the script, in KiB.
    peak_kib: u64,
}

/// One run of this part of the bench.
pub(crate) struct ScaleRun {
    default: Scripted,
    big: Scripted,
    /// [`FLOOR_PAIRS`] first frames of the bare program and of stackpick, alternated.
    floor: Vec<(Duration, Duration)>,
    /// The same at [`WIDE`].
    floor_wide: Vec<(Duration, Duration)>,
    /// `--watch` on the big decision.
    followed: Followed,
}

/// `--watch` on the big decision: spawn → first frame, and each save (a new file renamed
/// over the file) → the end of the frame that shows the new version.
pub(crate) struct Followed {
    first_frame: Duration,
    saves: Vec<Duration>,
}

/// How many first frames of the bare program and of stackpick each run takes, alternating
/// (bare, stackpick, bare, …): a first frame is a few milliseconds, so one a run would leave
/// the ratio to the noise of a handful of samples.
pub(crate) const FLOOR_PAIRS: usize = 10;

/// Runs the bare program, the default decision and the big one (`big_data`) once each, each
/// process on a fresh pty; `presses` is how many `j` (and Space) presses each tab gets.
pub(crate) fn run_once(bare: &Path, big_data: &Path, presses: usize, pairs: usize) -> ScaleRun {
    let floor = (0..pairs)
        .map(|_| (bare_first_frame(bare, (COLS, ROWS)), first_frame((COLS, ROWS))))
        .collect();
    let floor_wide = (0..pairs)
        .map(|_| (bare_first_frame(bare, WIDE), first_frame(WIDE)))
        .collect();
    let default = script(&[], presses);
    let data = big_data.to_str().expect("temp paths are UTF-8");
    let big = script(&["--data", data], presses);
    let followed = follow(big_data, presses);
    ScaleRun {
        default,
        big,
        floor,
        floor_wide,
        followed,
    }
}

/// The big decision opened with `--watch` from a copy of its own, then saved `saves` times as
/// an editor saves (alternately with another title and as it was, so each save changes it).
fn follow(big_data: &Path, saves: usize) -> Followed {
    const TITLE: &str = "title: \"A large generated decision\"";
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.ron");
    let source = std::fs::read_to_string(big_data).expect("read the big decision");
    assert!(source.contains(TITLE), "the big decision's title moved");
    std::fs::write(&path, &source).expect("copy the big decision");
    let data = path.to_str().expect("temp paths are UTF-8");
    let mut app = spawn(stackpick(), &["--data", data, "--watch"]);
    let first = app.read_frame("the first frame (the tab bar and the footer)", is_complete_frame);
    let first_frame = first.last.saturating_duration_since(app.started);
    let edited = source.replace(TITLE, "title: \"A large generated decision, saved again\"");
    let temp = dir.path().join(".big.ron.new");
    let saves = (0..saves)
        .map(|i| {
            std::fs::write(&temp, if i % 2 == 0 { &edited } else { &source }).expect("write");
            let renamed = Instant::now();
            std::fs::rename(&temp, &path).expect("rename over the file");
            let frame = app.read_frame("the frame after a save", |bytes| !bytes.is_empty());
            frame.last.saturating_duration_since(renamed)
        })
        .collect();
    quit(app);
    Followed { first_frame, saves }
}

/// Spawn → first frame of `stackpick` alone on a pty of `size`, which then quits on `q`.
fn first_frame(size: (u16, u16)) -> Duration {
    let mut app = spawn_sized(stackpick(), &[], size);
    let first = app.read_frame("the first frame (the tab bar and the footer)", |bytes| {
        is_complete_frame_of(size, bytes)
    });
    let took = first.last.saturating_duration_since(app.started);
    quit(app);
    took
}

/// Spawn → first frame of the bare program on a pty of `size`, which then quits on `q`.
fn bare_first_frame(program: &Path, size: (u16, u16)) -> Duration {
    let mut app = spawn_sized(program, &[], size);
    let frame = app.read_frame("the bare program's frame", |bytes| {
        let rows = screen_rows_of(size, bytes);
        rows[0].starts_with("┌bare")
            && rows[1].contains("Press q to quit")
            && rows[usize::from(size.1) - 1].starts_with('└')
    });
    let took = frame.last.saturating_duration_since(app.started);
    app.type_bytes(b"q");
    let (status, _) = app.wait_exit_timed();
    assert!(
        status.success(),
        "the bare program did not quit cleanly: {status}"
    );
    took
}

/// The script: first frame, `3` and `j` presses on Compare, `4` and `j`/Space presses on the
/// Checklist, then the peak RSS. Each run gets its own state and config dirs, so no saved
/// answers carry over.
fn script(args: &[&str], presses: usize) -> Scripted {
    let mut app = spawn(stackpick(), args);
    let first = app.read_frame("the first frame (the tab bar and the footer)", is_complete_frame);
    let first_frame = first.last.saturating_duration_since(app.started);

    let compare_tab = app.press(b"3", "the Compare tab").0;
    let compare_keys = (0..presses)
        .map(|_| app.press(b"j", "the next Compare row").0)
        .collect();
    let checklist_tab = app.press(b"4", "the Checklist tab").0;
    let mut checklist_keys = Vec::with_capacity(presses);
    let mut ticks = Vec::with_capacity(presses);
    for _ in 0..presses {
        checklist_keys.push(app.press(b"j", "the next question").0);
        ticks.push(app.press(b" ", "a tick on the Checklist").0);
    }
    let peak_kib = app.memory_kib().0;
    quit(app);
    Scripted {
        first_frame,
        compare_tab,
        compare_keys,
        checklist_tab,
        checklist_keys,
        ticks,
        peak_kib,
    }
}

fn quit(mut app: App) {
    app.type_bytes(b"q");
    let (status, _) = app.wait_exit_timed();
    assert!(status.success(), "the TUI did not quit cleanly: {status}");
}

/// The bare ratatui program, built in release.
pub(crate) fn build_bare() -> PathBuf {
    crate::support::release_build::release_executable("--example", "bare_frame")
        .unwrap_or_else(|e| panic!("{e}"))
}

/// The median of `values`, in milliseconds.
fn median_ms(values: impl IntoIterator<Item = Duration>) -> f64 {
    let mut ms: Vec<f64> = values.into_iter().map(|d| d.as_secs_f64() * 1e3).collect();
    crate::linux::median(&mut ms)
}

/// One table row: the two figures, their ratio, and the target when there is one.
fn row(measure: &str, default: String, big: String, ratio: f64, target: Option<f64>) {
    let (target, verdict) = match target {
        Some(t) => (format!("≤ {t}×"), if ratio <= t { "met" } else { "MISSED" }),
        None => ("—".to_owned(), ""),
    };
    println!("| {measure:<30} | {default:>11} | {big:>11} | {ratio:>6.2}× | {target:>6} | {verdict:<6} |");
}

/// Prints the big ÷ default table and the first frame against the floor.
pub(crate) fn report(runs: &[ScaleRun]) {
    let ms = |v: f64| format!("{v:.2} ms");
    println!();
    println!(
        "Scale: the default decision against a generated one ({BIG_QUESTIONS} questions, a \
         {BIG_ROWS}-row comparison), {} run(s) on an {COLS}x{ROWS} pty; medians (per key for `j` \
         and Space), ratio = big ÷ default",
        runs.len()
    );
    println!(
        "| {:<30} | {:>11} | {:>11} | {:>7} | {:>6} | {:<6} |",
        "measure", "default", "big", "ratio", "target", ""
    );
    println!(
        "|{:-<32}|{:->13}|{:->13}|{:->9}|{:->8}|{:-<8}|",
        "", "", "", "", "", ""
    );
    type Pick = fn(&Scripted) -> Vec<Duration>;
    let times: [(&str, Pick, Option<f64>); 6] = [
        ("spawn → first frame", |s| vec![s.first_frame], None),
        (
            "`3` Overview → Compare",
            |s| vec![s.compare_tab],
            Some(KEY_TARGET),
        ),
        ("`j` on Compare", |s| s.compare_keys.clone(), Some(KEY_TARGET)),
        (
            "`4` Compare → Checklist",
            |s| vec![s.checklist_tab],
            Some(KEY_TARGET),
        ),
        ("`j` on Checklist", |s| s.checklist_keys.clone(), Some(KEY_TARGET)),
        ("Space on Checklist (tick)", |s| s.ticks.clone(), Some(KEY_TARGET)),
    ];
    for (measure, pick, target) in times {
        let default = median_ms(runs.iter().flat_map(|r| pick(&r.default)));
        let big = median_ms(runs.iter().flat_map(|r| pick(&r.big)));
        row(measure, ms(default), ms(big), big / default, target);
    }
    let mut default: Vec<f64> = runs.iter().map(|r| r.default.peak_kib as f64).collect();
    let mut big: Vec<f64> = runs.iter().map(|r| r.big.peak_kib as f64).collect();
    let (default, big) = (crate::linux::median(&mut default), crate::linux::median(&mut big));
    let mib = |kib: f64| format!("{:.1} MiB", kib / 1024.0);
    row(
        "peak RSS (VmHWM)",
        mib(default),
        mib(big),
        big / default,
        Some(RSS_TARGET),
    );

    println!();
    println!("First frame against the floor (a bare ratatui program drawing one bordered paragraph):");
    println!(
        "| {:<30} | {:>11} | {:>11} | {:>7} | {:>6} | {:<6} |",
        "measure", "bare", "stackpick", "ratio", "target", ""
    );
    println!(
        "|{:-<32}|{:->13}|{:->13}|{:->9}|{:->8}|{:-<8}|",
        "", "", "", "", "", ""
    );
    let bare = median_ms(runs.iter().flat_map(|r| r.floor.iter().map(|p| p.0)));
    let default = median_ms(runs.iter().flat_map(|r| r.floor.iter().map(|p| p.1)));
    let big = median_ms(runs.iter().map(|r| r.big.first_frame));
    row(
        "first frame, default decision",
        ms(bare),
        ms(default),
        default / bare,
        Some(FLOOR_TARGET),
    );
    let wide_bare = median_ms(runs.iter().flat_map(|r| r.floor_wide.iter().map(|p| p.0)));
    let wide = median_ms(runs.iter().flat_map(|r| r.floor_wide.iter().map(|p| p.1)));
    row(
        &format!("first frame at {}x{}", WIDE.0, WIDE.1),
        ms(wide_bare),
        ms(wide),
        wide / wide_bare,
        Some(FLOOR_TARGET),
    );
    row("first frame, big decision", ms(bare), ms(big), big / bare, None);
    println!();
    println!("`--watch` on the big decision: a save (a new file renamed over it) → the frame after it:");
    println!(
        "| {:<30} | {:>11} | {:>11} | {:>7} | {:>6} | {:<6} |",
        "measure", "1st frame", "after save", "ratio", "target", ""
    );
    println!(
        "|{:-<32}|{:->13}|{:->13}|{:->9}|{:->8}|{:-<8}|",
        "", "", "", "", "", ""
    );
    let first = median_ms(runs.iter().map(|r| r.followed.first_frame));
    let saved = median_ms(runs.iter().flat_map(|r| r.followed.saves.iter().copied()));
    row(
        "rename → next frame",
        ms(first),
        ms(saved),
        saved / first,
        Some(RELOAD_TARGET),
    );
    println!(
        "(the default decision's first frame against the floor: {} alternated first frames of each \
         at each size, over {} run(s))",
        runs.iter().map(|r| r.floor.len()).sum::<usize>(),
        runs.len()
    );
}
