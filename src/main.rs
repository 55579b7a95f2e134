use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // `stackpick` alone opens the app with every default: there is nothing to parse, and
    // building the parser of every subcommand would delay the first frame (issue 8).
    // `tests/cli.rs` checks that the defaults are what the parser gives.
    if std::env::args_os().len() <= 1 {
        return stackpick::run(&stackpick::cli::Cli::default());
    }
    match stackpick::cli::Cli::try_parse() {
        Ok(cli) => stackpick::run(&cli),
        Err(error) => stackpick::usage_error(&error),
    }
}

/// `pow`, the one function of the C maths library the binary calls: minijinja's `**` on
/// floats (`f64::powf`) in a custom export template. Defining it here, from the `libm` crate
/// (Rust's own port of musl's), resolves the call inside the executable, so the linker drops
/// `libm.so` and the dynamic loader no longer opens, maps and relocates a second library before
/// `main`: about 80 µs, one sixteenth of a first frame (issue 8). `tests/cli.rs` checks that the
/// binary needs no libm and that `**` still computes.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[unsafe(no_mangle)]
pub extern "C" fn pow(base: f64, exponent: f64) -> f64 {
    libm::pow(base, exponent)
}
