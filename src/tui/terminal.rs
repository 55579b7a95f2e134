//! Entering and leaving the terminal: raw mode, the alternate screen and mouse capture are
//! undone on every exit path, a panic included. Frames go out through a buffered writer.

use std::io::{self, BufWriter, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

/// The terminal the app draws on.
pub type Term = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

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
        enable_raw_mode()?;
        let mut stdout = io::stdout();
        let entered = execute!(stdout, EnterAlternateScreen).and_then(|()| {
            if mouse {
                MOUSE.store(true, Ordering::SeqCst);
                execute!(stdout, EnableMouseCapture)
            } else {
                Ok(())
            }
        });
        if let Err(e) = entered {
            restore();
            return Err(e);
        }
        // 64 KiB holds a whole frame, so a frame goes out in one write.
        let backend = CrosstermBackend::new(BufWriter::with_capacity(1 << 16, io::stdout()));
        match Terminal::new(backend) {
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
        let _ = self.terminal.backend_mut().flush();
        let _ = self.terminal.show_cursor();
        restore();
    }
}

/// Leaves the alternate screen, turns off mouse capture and raw mode. Safe to call twice.
pub fn restore() {
    let mut stdout = io::stdout();
    if MOUSE.swap(false, Ordering::SeqCst) {
        let _ = execute!(stdout, DisableMouseCapture);
    }
    let _ = execute!(stdout, LeaveAlternateScreen, ratatui::crossterm::cursor::Show);
    let _ = disable_raw_mode();
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}
