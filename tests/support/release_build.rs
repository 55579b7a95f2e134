//! Builds a release executable of this package and says where cargo put it, so that
//! `CARGO_TARGET_DIR` and `build.target-dir` are honoured. Only the pty bench uses it, for its
//! bare ratatui floor (`examples/bare_frame.rs`); the tests drive the binary cargo built for
//! them.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// `cargo build --release <kind> <name>` (`kind` is `--bin` or `--example`), and the path of
/// the executable it built.
pub fn release_executable(kind: &str, name: &str) -> Result<PathBuf, String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
    let output = Command::new(&cargo)
        .args(["build", "--release", kind, name, "--message-format=json"])
        .arg("--manifest-path")
        .arg(&manifest)
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run {cargo:?} to build {name}: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "`cargo build --release {kind} {name}` failed ({})",
            output.status
        ));
    }
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|m| m["reason"] == "compiler-artifact" && m["target"]["name"] == name)
        .filter_map(|m| m["executable"].as_str().map(PathBuf::from))
        .next_back()
        .ok_or_else(|| format!("cargo built no `{name}` executable"))
}
