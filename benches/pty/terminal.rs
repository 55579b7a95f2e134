//! The pty side of `benches/pty.rs`: each process on a fresh pseudo-terminal of the shared
//! harness (`tests/support/pty.rs`), with the bench's quiet period, and how to tell a whole
//! frame.

use std::path::Path;
use std::time::Duration;

pub(crate) use crate::support::pty::{COLS, PtyApp as App, ROWS, screen_rows_of, stackpick};
use crate::support::pty::{PtyApp, Start};

/// Output counts as settled after this long without a byte. Long enough that a loaded
/// machine does not split one frame in two; the wait is never part of a measurement.
pub(crate) const QUIET: Duration = Duration::from_millis(250);

/// Starts `program` on a fresh 80×24 pty, as a shell would, in a temp root of its own; the
/// clock ([`PtyApp::started`]) starts just before the spawn, after the pty is open.
pub(crate) fn spawn(program: &Path, args: &[&str]) -> App {
    spawn_sized(program, args, (COLS, ROWS))
}

/// [`spawn`] on a pty of `size` (columns × rows).
pub(crate) fn spawn_sized(program: &Path, args: &[&str], size: (u16, u16)) -> App {
    let mut app = PtyApp::spawn(Start {
        program: Some(program),
        args,
        size: Some(size),
        ..Start::default()
    });
    app.quiet = QUIET;
    app
}

/// Whether `output` draws a whole screen: the tab bar on the first row (its last tab) and
/// the footer on the last (its last hint).
pub(crate) fn is_complete_frame(output: &[u8]) -> bool {
    is_complete_frame_of((COLS, ROWS), output)
}

/// [`is_complete_frame`] on a screen of `size`.
pub(crate) fn is_complete_frame_of(size: (u16, u16), output: &[u8]) -> bool {
    let rows = screen_rows_of(size, output);
    rows[0].contains("5 Decision") && rows[usize::from(size.1) - 1].contains("q quit")
}
