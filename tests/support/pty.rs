//! Pseudo-terminal plumbing shared by `tests/pty_idle.rs` and `benches/pty.rs`: open a pty,
//! and start a command on it in a directory of its own, as a shell would.

use std::ffi::{CStr, CString};
use std::os::fd::{BorrowedFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};

use rustix::fs::{Mode, OFlags};
use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
use rustix::termios::{Winsize, tcsetwinsize};

/// Opens a pty's master side sized `cols`×`rows`; returns it and the slave side's name.
pub fn open_master(cols: u16, rows: u16) -> (OwnedFd, CString) {
    let master = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC)
        .expect("openpt: cannot open a pseudo-terminal");
    grantpt(&master).expect("grantpt");
    unlockpt(&master).expect("unlockpt");
    let name = ptsname(&master, Vec::new()).expect("ptsname");
    let size = Winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    tcsetwinsize(&master, size).expect("set the pty's window size");
    (master, name)
}

/// Opens the slave side of a pty by name.
pub fn open_slave(name: &CStr) -> OwnedFd {
    rustix::fs::open(
        name,
        OFlags::RDWR | OFlags::NOCTTY | OFlags::CLOEXEC,
        Mode::empty(),
    )
    .expect("open the pty's slave side")
}

/// Makes `command` run in `root/work`, keep its state and config in `root/state` and
/// `root/config` (created here), without `NO_COLOR`, with the slave side as its stdin, stdout,
/// stderr and controlling terminal. The caller must drop its own `slave` after the spawn, or
/// the master never sees the end of the output.
pub fn attach(command: &mut Command, slave: &OwnedFd, root: &Path) {
    let (state, config, work) = (root.join("state"), root.join("config"), root.join("work"));
    for dir in [&state, &config, &work] {
        std::fs::create_dir_all(dir).expect("create temp dirs");
    }
    command
        .current_dir(&work)
        .env("STACKPICK_STATE_DIR", &state)
        .env("XDG_STATE_HOME", &state)
        .env("STACKPICK_CONFIG_DIR", &config)
        .env("XDG_CONFIG_HOME", &config)
        .env("TERM", "xterm-256color")
        .env_remove("NO_COLOR")
        .stdin(Stdio::from(slave.try_clone().expect("dup slave")))
        .stdout(Stdio::from(slave.try_clone().expect("dup slave")))
        .stderr(Stdio::from(slave.try_clone().expect("dup slave")));
    // SAFETY: only async-signal-safe system calls run between fork and exec.
    #[allow(unsafe_code)]
    unsafe {
        command.pre_exec(|| {
            rustix::process::setsid()?;
            rustix::process::ioctl_tiocsctty(BorrowedFd::borrow_raw(0))?;
            Ok(())
        });
    }
}
