//! The release binary on a real 80×24 pseudo-terminal: how long it takes to show its first
//! frame, how long each of a few interactions takes to be drawn, how much memory a full session
//! uses, and how many bytes each frame writes to the terminal.
//!
//! Absolute numbers depend on the machine and on what else it is doing, so every time is also
//! reported as a ratio against a baseline measured in the same run, on the same pty:
//!
//! - first frame: spawning `stackpick --version` and waiting for it to exit, the cost of
//!   starting the process at all;
//! - interactions: the `2` tab switch, Overview → Strengths (see [`BASELINE_KEY`] for why);
//! - memory: the TUI's own peak RSS at its first frame (a `--version` process exits too fast to
//!   be read), against its peak RSS after visiting every tab and ticking every question;
//! - bytes: the first frame (a full paint), so a ratio is "what fraction of a full repaint".
//!
//! A frame counts as drawn at the last byte before the output goes quiet for [`QUIET`]; the
//! quiet wait itself is not counted. Byte counts are exact and should not vary between runs.
//! Nothing here asserts on timing; the bench only stops when the app does not do what the
//! script expects (a frame never comes, the answers were not all saved).
//!
//! Run: `cargo bench --bench pty` (`STACKPICK_BENCH_RUNS=5` for fewer runs; default 20).
//! Without `--bench` (as `cargo test --benches` runs it) it does one run, as a smoke test.

#[cfg(target_os = "linux")]
fn main() {
    linux::main();
}

#[cfg(not(target_os = "linux"))]
fn main() {
    eprintln!("benches/pty.rs needs Linux (a pseudo-terminal and /proc); nothing measured");
}

#[cfg(target_os = "linux")]
#[path = "../tests/support/pty.rs"]
mod pty;

#[cfg(target_os = "linux")]
mod linux {
    use std::ffi::CString;
    use std::fs::File;
    use std::io::{ErrorKind, Read, Write};
    use std::path::Path;
    use std::process::{Child, Command, ExitStatus};
    use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
    use std::thread::{self, JoinHandle};
    use std::time::{Duration, Instant};

    use stackpick::decision::Decision;

    use super::pty;

    const COLS: u16 = 80;
    const ROWS: u16 = 24;
    /// How long to wait for something that must happen (a frame, an exit).
    const PATIENCE: Duration = Duration::from_secs(20);
    /// Output counts as settled after this long without a byte. Long enough that a loaded
    /// machine does not split one frame in two; the wait is never part of a measurement.
    const QUIET: Duration = Duration::from_millis(250);
    const DEFAULT_RUNS: usize = 20;

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
        /// VmHWM and VmRSS at the first frame, in KiB.
        first_frame_kib: (u64, u64),
        /// VmHWM after the full session, in KiB.
        session_hwm_kib: u64,
    }

    /// A pseudo-terminal, kept open across the processes of one run.
    struct Pty {
        master: File,
        slave_name: CString,
    }

    impl Pty {
        fn open() -> Pty {
            let (master, slave_name) = pty::open_master(COLS, ROWS);
            Pty {
                master: File::from(master),
                slave_name,
            }
        }

        /// Starts the binary with the slave side as its stdin, stdout, stderr and controlling
        /// terminal, as a shell would. The clock starts just before the spawn.
        fn spawn(&self, args: &[&str], root: &Path) -> App {
            let slave = pty::open_slave(&self.slave_name);
            let mut command = Command::new(env!("CARGO_BIN_EXE_stackpick"));
            command.args(args);
            pty::attach(&mut command, &slave, root);
            let mut reader = self.master.try_clone().expect("dup master");
            let (tx, rx) = channel();
            // Started before the child (our slave descriptor keeps the master from reading EIO)
            // and stamping each chunk as it is read, so a late `recv` does not skew times.
            let reader = thread::spawn(move || {
                let mut buf = [0u8; 65536];
                loop {
                    match reader.read(&mut buf) {
                        Ok(n) if n > 0 => {
                            if tx.send((Instant::now(), buf[..n].to_vec())).is_err() {
                                break;
                            }
                        }
                        Err(e) if e.kind() == ErrorKind::Interrupted => {}
                        // EIO once the last slave descriptor closes: the child is gone.
                        _ => break,
                    }
                }
            });
            let started = Instant::now();
            let child = command.spawn().expect("start stackpick on the pty");
            // The parent's copy of the slave must go, or the master never sees the end.
            drop(slave);
            App {
                child,
                started,
                keyboard: self.master.try_clone().expect("dup master"),
                output: rx,
                reader: Some(reader),
            }
        }
    }

    /// A process on the pty, with a thread reading everything it writes.
    struct App {
        child: Child,
        started: Instant,
        keyboard: File,
        output: Receiver<(Instant, Vec<u8>)>,
        reader: Option<JoinHandle<()>>,
    }

    /// What a process wrote for one step: the bytes, and when the last of them arrived.
    struct Burst {
        bytes: Vec<u8>,
        last: Instant,
    }

    impl App {
        /// Reads until `done` holds for the bytes read by this call, then until output has been
        /// quiet for [`QUIET`].
        fn read_frame(&mut self, what: &str, done: impl Fn(&[u8]) -> bool) -> Burst {
            let deadline = Instant::now() + PATIENCE;
            let mut burst = Burst {
                bytes: Vec::new(),
                last: Instant::now(),
            };
            while !done(&burst.bytes) {
                let left = deadline.saturating_duration_since(Instant::now());
                match self.output.recv_timeout(left) {
                    Ok((at, chunk)) => {
                        burst.bytes.extend_from_slice(&chunk);
                        burst.last = at;
                    }
                    Err(e) => panic!(
                        "{} while waiting for {what}; got {} bytes: {:?}",
                        match e {
                            RecvTimeoutError::Timeout => "timed out",
                            RecvTimeoutError::Disconnected => "the app closed the terminal",
                        },
                        burst.bytes.len(),
                        String::from_utf8_lossy(&burst.bytes)
                    ),
                }
            }
            while let Ok((at, chunk)) = self.output.recv_timeout(QUIET) {
                burst.bytes.extend_from_slice(&chunk);
                burst.last = at;
            }
            burst
        }

        /// Presses keys and waits for their redraw to end: (time to its last byte, bytes).
        fn press(&mut self, keys: &[u8], what: &str) -> (Duration, usize) {
            let pressed = Instant::now();
            self.type_bytes(keys);
            let burst = self.read_frame(what, |b| !b.is_empty());
            (burst.last.saturating_duration_since(pressed), burst.bytes.len())
        }

        fn type_bytes(&mut self, bytes: &[u8]) {
            self.keyboard.write_all(bytes).expect("write to the pty");
            self.keyboard.flush().expect("flush the pty");
        }

        /// (VmHWM, VmRSS) from `/proc/<pid>/status`, in KiB.
        fn memory_kib(&self) -> (u64, u64) {
            let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
                .expect("read /proc/<pid>/status");
            let field = |name: &str| -> u64 {
                status
                    .lines()
                    .find_map(|l| l.strip_prefix(name))
                    .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
                    .unwrap_or_else(|| panic!("no {name} in /proc/<pid>/status"))
            };
            (field("VmHWM:"), field("VmRSS:"))
        }

        /// Waits for the process to exit, draining its output; the time is from the spawn.
        fn wait_exit(mut self) -> (ExitStatus, Duration) {
            let status = self.child.wait().expect("wait for stackpick");
            let elapsed = self.started.elapsed();
            // The reader ends at EIO; only then may the next process open the slave side.
            while self.output.recv_timeout(PATIENCE).is_ok() {}
            if let Some(reader) = self.reader.take() {
                reader.join().expect("the pty reader thread");
            }
            (status, elapsed)
        }
    }

    impl Drop for App {
        fn drop(&mut self) {
            if let Ok(None) = self.child.try_wait() {
                let _ = self.child.kill();
                let _ = self.child.wait();
            }
        }
    }

    /// The screen's rows after `output` is written to a blank terminal. Just enough of a
    /// terminal for ratatui's output: cursor moves (`CSI row;col H`) and text; other escape
    /// sequences are skipped. Needed because a frame is written as a diff: a blank cell is
    /// skipped with a cursor move, so "5 Decision" is not in the bytes as such.
    fn screen_rows(output: &[u8]) -> Vec<String> {
        let mut cells = vec![vec![' '; usize::from(COLS)]; usize::from(ROWS)];
        let (mut row, mut col) = (0usize, 0usize);
        let text = String::from_utf8_lossy(output);
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                // A control sequence: parameters, then a final byte; only cursor moves matter.
                '\x1b' if chars.next_if_eq(&'[').is_some() => {
                    let mut params = String::new();
                    for p in chars.by_ref() {
                        if ('\x40'..='\x7e').contains(&p) {
                            if p == 'H' {
                                let mut at = params.split(';').map(|n| n.parse::<usize>().unwrap_or(1));
                                row = at.next().unwrap_or(1).saturating_sub(1);
                                col = at.next().unwrap_or(1).saturating_sub(1);
                            }
                            break;
                        }
                        params.push(p);
                    }
                }
                // Any other escape is two characters (ESC 7, ESC =, ...).
                '\x1b' => {
                    chars.next();
                }
                '\r' => col = 0,
                '\n' => row += 1,
                c if c.is_control() => {}
                c => {
                    if let Some(cell) = cells.get_mut(row).and_then(|r| r.get_mut(col)) {
                        *cell = c;
                    }
                    col += 1;
                }
            }
        }
        cells.into_iter().map(|r| r.into_iter().collect()).collect()
    }

    /// Whether `output` draws a whole screen: the tab bar on the first row (its last tab) and
    /// the footer on the last (its last hint).
    fn is_complete_frame(output: &[u8]) -> bool {
        let rows = screen_rows(output);
        rows[0].contains("5 Decision") && rows[usize::from(ROWS) - 1].contains("q quit")
    }

    /// One run: the `--version` baseline, then the TUI's first frame, the interactions and a
    /// full session, all on one pty.
    fn run_once(question_ids: &[String]) -> Run {
        let pty = Pty::open();
        let mut run = Run::default();

        let dirs = tempfile::tempdir().expect("temp dir");
        let version = pty.spawn(&["--version"], dirs.path());
        let (status, elapsed) = version.wait_exit();
        assert!(status.success(), "`stackpick --version` failed: {status}");
        run.samples.push((Metric::Version, elapsed, 0));

        let dirs = tempfile::tempdir().expect("temp dir");
        let mut app = pty.spawn(&[], dirs.path());
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
        let (status, _) = app.wait_exit();
        assert!(status.success(), "the TUI did not quit cleanly: {status}");
        let saved = std::fs::read_to_string(dirs.path().join("state/web-frameworks.ron"))
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

    fn median(values: &mut [f64]) -> f64 {
        values.sort_by(f64::total_cmp);
        let n = values.len();
        if n % 2 == 1 {
            values[n / 2]
        } else {
            (values[n / 2 - 1] + values[n / 2]) / 2.0
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
        let question_ids = Decision::embedded().question_ids();
        if benching {
            // Warms the page cache and the binary's pages; not counted.
            run_once(&question_ids);
        }
        let mut results = Vec::with_capacity(runs);
        for i in 0..runs {
            eprint!("\rpty bench: run {}/{runs}", i + 1);
            results.push(run_once(&question_ids));
        }
        eprintln!();
        report(&results, benching);
        if !benching {
            println!("(one run without `--bench`: a smoke test, not a measurement)");
        }
    }
}
