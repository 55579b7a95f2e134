//! Entering and leaving the terminal: raw mode, the alternate screen, bracketed paste and mouse
//! capture are undone on every exit path, a panic and a signal included (see `signals.rs`).
//! Frames go out through a buffered writer.

pub mod clamped;
pub mod input;
pub mod signals;

use std::fs::File;
use std::io::{self, BufWriter, Stdout, Write};
use std::os::fd::AsFd;
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{execute, queue};

use crate::tui::terminal::clamped::Clamped;

/// The terminal the app draws on; its size is clamped to what the app draws into.
pub type Term = Terminal<Clamped<CrosstermBackend<BufWriter<Stdout>>>>;

/// Whether the terminal is in the app's modes, so restoring twice (a signal, then the normal
/// exit) writes nothing the second time.
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Whether mouse capture is on, so restoring (from a panic too) knows to turn it off.
static MOUSE: AtomicBool = AtomicBool::new(false);

/// Restores the terminal when dropped, whatever the way out.
pub struct Session {
    pub terminal: Term,
}

impl Session {
    /// Enters raw mode and the alternate screen, and captures the mouse if asked.
    pub fn start(mouse: bool) -> io::Result<Session> {
        install_panic_hook();
        enter(mouse)?;
        // 64 KiB holds a whole frame, so a frame goes out in one write.
        let backend = CrosstermBackend::new(BufWriter::with_capacity(1 << 16, io::stdout()));
        match Terminal::new(Clamped(backend)) {
            Ok(terminal) => Ok(Session { terminal }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = Backend::flush(self.terminal.backend_mut());
        restore();
    }
}

/// Enters the app's modes: raw mode, the alternate screen, bracketed paste (a paste arrives
/// as one event, not as keys that act), the mouse if asked, the cursor hidden. On an error,
/// whatever was entered is undone.
pub fn enter(mouse: bool) -> io::Result<()> {
    ACTIVE.store(true, Ordering::SeqCst);
    enable_raw_mode()?;
    // Buffered, so the modes reach the terminal in one write.
    let mut stdout = BufWriter::new(output()?);
    let entered = queue!(stdout, EnterAlternateScreen, EnableBracketedPaste, Hide)
        .and_then(|()| {
            if mouse {
                MOUSE.store(true, Ordering::SeqCst);
                queue!(stdout, EnableMouseCapture)
            } else {
                Ok(())
            }
        })
        .and_then(|()| stdout.flush());
    if let Err(e) = entered {
        restore();
        return Err(e);
    }
    Ok(())
}

/// Whether the terminal is in the app's modes now.
pub fn active() -> bool {
    ACTIVE.load(Ordering::SeqCst)
}

/// Whether mouse capture is on now.
pub fn mouse_captured() -> bool {
    MOUSE.load(Ordering::SeqCst)
}

/// Leaves the alternate screen, turns off mouse capture, bracketed paste and raw mode, and
/// shows the cursor. Safe to call twice, and from any thread.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mouse = MOUSE.swap(false, Ordering::SeqCst);
    if let Ok(mut stdout) = output() {
        if mouse {
            let _ = execute!(stdout, DisableMouseCapture);
        }
        let _ = execute!(stdout, DisableBracketedPaste, LeaveAlternateScreen, Show);
    }
    let _ = disable_raw_mode();
}

/// Standard output as a file of its own (a duplicate descriptor), not through `io::stdout()`:
/// the main thread may hold that lock for the whole run (the command's report goes through
/// it), and entering or leaving may happen on the signal thread. Frames are flushed whole
/// after each draw, so nothing buffered is overtaken.
fn output() -> io::Result<File> {
    Ok(File::from(io::stdout().as_fd().try_clone_to_owned()?))
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}
