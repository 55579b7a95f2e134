//! What the test binaries share: the integration tests (`tests/integration/main.rs`), the tmux
//! suite (`tests/tmux.rs`) and the pty bench (`benches/pty.rs`) each declare this module once.
// Each of those binaries uses a part of these helpers.
#![allow(dead_code)]

pub mod backend;
pub mod big_decision;
#[cfg(unix)]
pub mod pty;
pub mod release_build;
pub mod run;
pub mod screenshot;
#[cfg(unix)]
pub mod tmux;

/// The stackpick binary cargo built for this test or bench target (the dev profile's for
/// tests, its dependencies optimised).
pub fn stackpick() -> &'static std::path::Path {
    std::path::Path::new(env!("CARGO_BIN_EXE_stackpick"))
}

/// insta's `assert_snapshot!` with a name, keeping the snapshot at
/// `tests/snapshots/<test file>__<name>.snap`, where the test files kept them while each was a
/// binary of its own (insta would otherwise prefix the binary's name too).
// Only the integration tests take snapshots.
#[allow(unused_macros)]
macro_rules! assert_snapshot {
    ($name:expr, $value:expr $(,)?) => {{
        let file = module_path!().rsplit("::").next().expect("a module path");
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots"));
        settings.set_prepend_module_to_snapshot(false);
        settings.bind(|| insta::assert_snapshot!(format!("{file}__{}", $name), $value));
    }};
}
#[allow(unused_imports)]
pub(crate) use assert_snapshot;
