//! One tmux server running the app, for the real-terminal suite (`tests/tmux.rs`): its own
//! socket, state, config and working directories, an 80×24 window, keys in with `send-keys`
//! and the screen back with `capture-pane -p`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::thread;
use std::time::{Duration, Instant};

use super::stackpick;

/// How long to wait for the screen (or a file) to show what we expect.
pub const PATIENCE: Duration = Duration::from_secs(20);
/// A pause that lets a lone Esc reach the app as Esc rather than as the start of a sequence.
pub const SETTLE: Duration = Duration::from_millis(500);
/// How long a screen must stay the same to count as drawn whole.
pub const STILL: Duration = Duration::from_millis(30);
pub const SESSION: &str = "stackpick";

/// Fails with a clear message when tmux is missing.
pub fn require_tmux() {
    static FOUND: OnceLock<Result<String, String>> = OnceLock::new();
    let found = FOUND.get_or_init(|| match Command::new("tmux").arg("-V").output() {
        Ok(out) if out.status.success() => Ok(String::from_utf8_lossy(&out.stdout).into_owned()),
        Ok(out) => Err(format!("`tmux -V` failed: {}", out.status)),
        Err(e) => Err(format!("cannot run tmux: {e}")),
    });
    if let Err(message) = found {
        panic!(
            "tmux is required by the real-terminal suite and is not usable ({message}). \
             Install it (`apt-get install tmux`; `.ci/run` does this)."
        );
    }
}

/// Single-quotes a string for sh.
pub fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

pub fn path_str(path: &Path) -> String {
    path.to_str().expect("temp paths are UTF-8").to_owned()
}

// ---------------------------------------------------------------------------------------------
// One tmux server running the app
// ---------------------------------------------------------------------------------------------

/// A private tmux server with one 80×24 window running stackpick. Dropping it kills the server.
pub struct Tmux {
    /// The server's socket, inside `dir`, so nothing is left behind.
    socket: PathBuf,
    pub dir: tempfile::TempDir,
}

/// How a test starts the app.
pub struct Launch<'a> {
    /// Arguments after `stackpick`.
    pub args: &'a [&'a str],
    /// How many times to start the app one after the other (for restarts).
    pub runs: usize,
    /// Shell redirections after the command, e.g. `>out 2>err`.
    pub redirect: &'a str,
    /// Arguments to `env` before the command, e.g. `TERM=dumb` or `-u TERM`.
    pub env: &'a [&'a str],
    /// `$XDG_STATE_HOME` when not the server's own, to share answers with another server.
    pub state_home: Option<&'a Path>,
}

impl Default for Launch<'_> {
    fn default() -> Self {
        Launch {
            args: &[],
            runs: 1,
            redirect: "",
            env: &[],
            state_home: None,
        }
    }
}

/// A server's own temp directory (with its `state`, `config` and `work` folders) and its
/// socket there: the server shares nothing with any other tmux.
fn server_dir(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::Builder::new()
        .prefix(&format!("stackpick-tmux-{name}-"))
        .tempdir()
        .expect("temp dir");
    for sub in ["state", "config", "work"] {
        std::fs::create_dir_all(dir.path().join(sub)).expect("create temp dirs");
    }
    let socket = dir.path().join("tmux.sock");
    (dir, socket)
}

impl Tmux {
    /// Starts a fresh server and the app in it, at 80×24.
    pub fn start(name: &str, launch: Launch<'_>) -> Tmux {
        require_tmux();
        let binary = stackpick();
        let (dir, socket) = server_dir(name);
        let d = |sub: &str| sh_quote(&path_str(&dir.path().join(sub)));
        // `env` first when asked; then a shell that records its pid and becomes the app (exec
        // keeps the pid), so a test can send the app signals with `kill`.
        let mut command = String::from("env");
        for arg in launch.env {
            command.push(' ');
            command.push_str(&sh_quote(arg));
        }
        command.push_str(&format!(
            r#" sh -c 'echo $$ >"$0" && exec "$@"' {}/pid-"$i" "#,
            sh_quote(&path_str(dir.path()))
        ));
        command.push_str(&sh_quote(&path_str(binary)));
        for arg in launch.args {
            command.push(' ');
            command.push_str(&sh_quote(arg));
        }
        // Each run: the terminal's settings before and after, then the exit code (written last,
        // through a rename, so its presence means the run is completely over).
        let script = format!(
            r#"cd {work} || exit 1
# The answers go where XDG says, as on a user's machine.
unset STACKPICK_STATE_DIR
export XDG_STATE_HOME={state}
export STACKPICK_CONFIG_DIR={config} XDG_CONFIG_HOME={config}
unset NO_COLOR
i=1
while [ "$i" -le {runs} ]; do
    echo "before stackpick run $i"
    stty -g > {dir}/stty-before-$i
    {command} {redirect}
    rc=$?
    stty -g > {dir}/stty-after-$i
    echo "$rc" > {dir}/exit.tmp && mv {dir}/exit.tmp {dir}/exit-$i
    i=$((i + 1))
done
exec sleep 3600
"#,
            work = d("work"),
            state = launch
                .state_home
                .map_or_else(|| d("state"), |p| sh_quote(&path_str(p))),
            config = d("config"),
            dir = sh_quote(&path_str(dir.path())),
            runs = launch.runs,
            redirect = launch.redirect,
        );
        let script_path = dir.path().join("run.sh");
        std::fs::write(&script_path, script).expect("write the run script");
        let tmux = Tmux { socket, dir };
        tmux.tmux(&[
            "new-session",
            "-d",
            "-s",
            SESSION,
            "-x",
            "80",
            "-y",
            "24",
            &format!("sh {}", sh_quote(&path_str(&script_path))),
        ]);
        tmux
    }

    /// Runs a tmux command on this server and returns its standard output.
    pub fn tmux(&self, args: &[&str]) -> String {
        let output = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(["-f", "/dev/null"])
            .args(args)
            .env_remove("TMUX")
            .stdin(Stdio::null())
            .output()
            .expect("run tmux");
        assert!(
            output.status.success(),
            "tmux {args:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("tmux prints UTF-8")
    }

    pub fn work(&self) -> PathBuf {
        self.dir.path().join("work")
    }

    pub fn state(&self) -> PathBuf {
        self.dir.path().join("state")
    }

    /// The visible screen, one string per line.
    pub fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", SESSION])
    }

    /// A tmux format, e.g. `#{alternate_on}`, evaluated for the pane.
    pub fn display(&self, format: &str) -> String {
        self.tmux(&["display-message", "-p", "-t", SESSION, format])
            .trim_end()
            .to_owned()
    }

    /// Sends tmux key names (`Space`, `Escape`, `C-c`, `4`, ...).
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", SESSION];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    /// Types text literally.
    pub fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", SESSION, "-l", text]);
    }

    /// Polls the screen until `ok` holds on a screen that has settled (the same again
    /// `STILL` later); panics with the last screen after `PATIENCE`. tmux reads a large frame
    /// in pieces, so one capture can show the top of a new frame above the rest of the old.
    pub fn wait_screen(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let screen = self.screen();
            if ok(&screen) {
                thread::sleep(STILL);
                if self.screen() == screen {
                    return screen;
                }
            } else {
                thread::sleep(Duration::from_millis(50));
            }
            // A screen that never shows `what`, or never settles, fails the test.
            assert!(
                Instant::now() <= deadline,
                "waited {PATIENCE:?} for {what} on a settled screen; the screen shows:\n{screen}"
            );
        }
    }

    /// The screen once tmux has shown all that reached it: a capture that stays the same
    /// `STILL` later. For reading what a process left behind as it exited.
    pub fn settled_screen(&self) -> String {
        self.wait_screen("a settled screen", |_| true)
    }

    /// Waits until the screen contains every one of `texts`.
    pub fn wait_for(&self, texts: &[&str]) -> String {
        self.wait_screen(&format!("{texts:?}"), |s| texts.iter().all(|t| s.contains(t)))
    }

    /// Waits for run `run` of the app to end and returns its exit code.
    pub fn wait_exit(&self, run: usize) -> i32 {
        let path = self.dir.path().join(format!("exit-{run}"));
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Ok(text) = std::fs::read_to_string(&path) {
                return text.trim().parse().expect("exit code");
            }
            assert!(
                Instant::now() <= deadline,
                "stackpick (run {run}) did not exit within {PATIENCE:?}; the screen shows:\n{}",
                self.screen()
            );
            thread::sleep(Duration::from_millis(50));
        }
    }

    /// The pid of run `run` of the app, once it has started.
    pub fn pid(&self, run: usize) -> String {
        let path = self.dir.path().join(format!("pid-{run}"));
        self.wait_file(&path, "a pid", |text| text.trim().parse::<u32>().is_ok())
            .trim()
            .to_owned()
    }

    /// Sends run `run` of the app a signal by name, as `kill -NAME pid` does.
    pub fn signal(&self, run: usize, name: &str) {
        let status = Command::new("kill")
            .arg(format!("-{name}"))
            .arg(self.pid(run))
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -{name} failed");
    }

    /// The pane's terminal settings now (`stty -g` on its tty, from outside).
    pub fn stty_now(&self) -> String {
        let tty = self.display("#{pane_tty}");
        let output = Command::new("sh")
            .args(["-c", r#"stty -g < "$0""#, &tty])
            .output()
            .expect("run stty");
        assert!(output.status.success(), "stty on {tty}: {output:?}");
        String::from_utf8(output.stdout).expect("stty prints ASCII")
    }

    /// Whether run `run` has ended.
    pub fn exited(&self, run: usize) -> bool {
        self.dir.path().join(format!("exit-{run}")).exists()
    }

    /// Waits for a file to exist and hold what `ok` accepts; returns its content.
    pub fn wait_file(&self, path: &Path, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Ok(text) = std::fs::read_to_string(path)
                && ok(&text)
            {
                return text;
            }
            assert!(
                Instant::now() <= deadline,
                "waited {PATIENCE:?} for {} to hold {what}; it holds {:?}; the screen shows:\n{}",
                path.display(),
                std::fs::read_to_string(path),
                self.screen()
            );
            thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits for the app's first frame (the tab bar and the Overview).
    pub fn wait_first_frame(&self) -> String {
        self.wait_for(&[TAB_BAR, "TL;DR"])
    }

    /// Checks that the terminal is as it was before run `run`: the normal screen with what the
    /// shell printed, no tab bar, no mouse reporting, the cursor shown, the same tty settings.
    pub fn assert_restored(&self, run: usize) {
        let screen = self.settled_screen();
        assert!(
            !screen.contains(TAB_BAR),
            "after exit the app's screen must be gone:\n{screen}"
        );
        assert!(
            screen.contains(&format!("before stackpick run {run}")),
            "after exit the shell's normal screen must be back:\n{screen}"
        );
        assert_eq!(self.display("#{alternate_on}"), "0", "alternate screen left");
        assert_eq!(
            self.display("#{mouse_any_flag}#{mouse_button_flag}#{mouse_all_flag}#{mouse_sgr_flag}"),
            "0000",
            "mouse reporting turned off"
        );
        assert_eq!(self.display("#{cursor_flag}"), "1", "cursor shown again");
        let read = |name: String| std::fs::read_to_string(self.dir.path().join(name)).expect("stty output");
        assert_eq!(
            read(format!("stty-before-{run}")),
            read(format!("stty-after-{run}")),
            "the tty settings (raw mode, echo, ...) must be restored exactly"
        );
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .arg("kill-server")
            .env_remove("TMUX")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
}

/// The tab bar, on the first row of every frame of the app.
pub const TAB_BAR: &str = "1 Overview   2 Strengths   3 Compare   4 Checklist   5 Decision";

/// The prompt of the interactive shell `Tmux::shell` starts (a space follows it, which
/// `capture-pane` trims).
pub const PROMPT: &str = "shell$";

// ---------------------------------------------------------------------------------------------
// An interactive shell instead of the app
// ---------------------------------------------------------------------------------------------

impl Tmux {
    /// A fresh server whose window runs an interactive bash (job control on, no rc files) in
    /// the work directory, with the app's state and config in the server's own directories.
    pub fn shell(name: &str) -> Tmux {
        require_tmux();
        let (dir, socket) = server_dir(name);
        let d = |sub: &str| sh_quote(&path_str(&dir.path().join(sub)));
        let command = format!(
            "cd {work} && exec env -u NO_COLOR -u STACKPICK_STATE_DIR XDG_STATE_HOME={state} \
             STACKPICK_CONFIG_DIR={config} XDG_CONFIG_HOME={config} PS1={prompt} \
             bash --norc --noprofile -i",
            work = d("work"),
            state = d("state"),
            config = d("config"),
            prompt = sh_quote(&format!("{PROMPT} ")),
        );
        let tmux = Tmux { socket, dir };
        tmux.tmux(&[
            "new-session",
            "-d",
            "-s",
            SESSION,
            "-x",
            "80",
            "-y",
            "24",
            &command,
        ]);
        tmux.wait_for(&[PROMPT]);
        tmux
    }

    /// Types a command line into the shell and runs it.
    pub fn run(&self, line: &str) {
        self.type_text(line);
        self.keys(&["Enter"]);
    }
}
