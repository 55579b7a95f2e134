//! Signals while the app runs. SIGTERM, SIGHUP and SIGINT restore the terminal and end the
//! process with 128+n; SIGTSTP restores the terminal, stops, and on SIGCONT takes the
//! terminal back and has the whole screen redrawn.
//!
//! They are handled from before raw mode on: a thread of our own receives them (signal-hook's
//! self-pipe: the handler itself only writes a byte), so restoring runs as ordinary code. It
//! cannot wake the event loop, which blocks reading the terminal's input, so it acts itself; [`hold`]
//! keeps it from acting while the loop draws or saves, so a save under
//! way completes before the process exits and no frame is cut in half. Every change of the
//! answers is saved in the same turn of the loop that made it, so once the loop is back in
//! `read` there is nothing left to save.

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, TryLockError};
use std::thread;
use std::time::{Duration, Instant};

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGTSTP, SIGWINCH};
use signal_hook::iterator::Signals;
use signal_hook::low_level;

use crate::tui::terminal;

/// Held by the event loop whenever it is not waiting for input.
static WORK: Mutex<()> = Mutex::new(());
/// Set after a stop: the terminal was left, so the next frame must be drawn whole.
static REDRAW: AtomicBool = AtomicBool::new(false);
/// How long a signal waits for a save under way before restoring anyway: an export onto a
/// FIFO nobody reads could block forever, and a signal must still end the app.
const GRACE: Duration = Duration::from_secs(3);

/// Marks the event loop busy (drawing, saving, exporting) until the guard is dropped.
pub fn hold() -> MutexGuard<'static, ()> {
    WORK.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Whether the screen must be drawn whole (after the app was stopped and continued); clears
/// the request.
pub fn take_redraw() -> bool {
    REDRAW.swap(false, Ordering::SeqCst)
}

/// The signals the app handles.
const HANDLED: [i32; 4] = [SIGTERM, SIGHUP, SIGINT, SIGTSTP];

/// Installs the handlers and starts the thread that acts on them. Call it before the terminal
/// changes mode: from then on none of the signals can end the process with the terminal in
/// raw mode.
pub fn listen() -> io::Result<()> {
    let mut signals = Signals::new(HANDLED)?;
    thread::Builder::new().name("signals".to_owned()).spawn(move || {
        for signal in signals.forever() {
            if signal == SIGTSTP {
                suspend();
            } else {
                let _idle = wait_idle();
                // An export still writing after the grace period leaves no temporary file.
                crate::atomic::remove_live_temps();
                terminal::restore();
                std::process::exit(128 + signal);
            }
        }
    })?;
    Ok(())
}

/// Waits until the event loop is idle (or the grace period ends) and keeps it from starting
/// new work while the guard lives.
fn wait_idle() -> Option<MutexGuard<'static, ()>> {
    let deadline = Instant::now() + GRACE;
    loop {
        match WORK.try_lock() {
            Ok(guard) => return Some(guard),
            Err(TryLockError::Poisoned(poisoned)) => return Some(poisoned.into_inner()),
            Err(TryLockError::WouldBlock) if Instant::now() >= deadline => return None,
            Err(TryLockError::WouldBlock) => thread::sleep(Duration::from_millis(10)),
        }
    }
}

/// SIGTSTP: once the event loop is idle, give the terminal back and stop (see [`stop`]).
fn suspend() {
    let _idle = wait_idle();
    // Whoever sent it can send SIGCONT too.
    stop();
}

/// Gives the terminal back, stops for real (as SIGTSTP's default action does), and when
/// continued takes the terminal again and has the whole screen drawn by the next event. The
/// caller is idle: the signal thread after [`wait_idle`], or the event loop itself on Ctrl-Z,
/// which arrives as a key in raw mode, not as a signal.
pub fn stop() {
    // Before the app takes the terminal, or after it gave it back, there is nothing to undo
    // and nothing to take again.
    let active = terminal::active();
    let mouse = terminal::mouse_captured();
    terminal::restore();
    // The default action of SIGTSTP, emulated: SIGSTOP, which stops every thread.
    let _ = low_level::emulate_default_handler(SIGTSTP);
    // Continued (SIGCONT).
    if active && terminal::enter(mouse).is_ok() {
        REDRAW.store(true, Ordering::SeqCst);
        // The input reader turns SIGWINCH into a resize event: it wakes the event loop, which
        // then draws the whole screen.
        let _ = low_level::raise(SIGWINCH);
    }
}

/// Ctrl-Z: [`stop`], unless nothing could continue the process (no job-control shell):
/// stopped, the app would look frozen until `kill -CONT`. `false` when it did not stop.
pub fn suspend_if_resumable() -> bool {
    if !resumable() {
        return false;
    }
    stop();
    true
}

/// Whether a shell can continue the process once it stops: its process group is not
/// orphaned (POSIX), that is its parent is in another process group of the same session,
/// as a job of an interactive shell is. Started by `sh -c`, a tmux key binding or a
/// launcher, it is not.
#[cfg(unix)]
fn resumable() -> bool {
    use rustix::process::{getpgid, getpgrp, getppid, getsid};
    let Some(parent) = getppid() else {
        return false;
    };
    match (getpgid(Some(parent)), getsid(Some(parent)), getsid(None)) {
        (Ok(parent_group), Ok(parent_session), Ok(session)) => {
            parent_group != getpgrp() && parent_session == session
        }
        _ => false,
    }
}

#[cfg(not(unix))]
fn resumable() -> bool {
    false
}
