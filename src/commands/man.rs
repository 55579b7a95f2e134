//! `stackpick man`: the whole manual on one page. `clap_mangen` renders the top command; every
//! subcommand gets a subsection of COMMANDS with its own synopsis and options (rather than a
//! pointer to a `stackpick-check(1)` page that is not installed), and KEYS comes from the key
//! table itself, the one that feeds the help overlay and docs/keys.md.

use std::io::Write;

use clap::CommandFactory;
use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, italic, roman};

use crate::cli::Cli;
use crate::commands::failure::Failure;
use crate::state::STATE_DIR_ENV;
use crate::tui::config::{CONFIG_DIR_ENV, CONFIG_FILE};
use crate::tui::keys::keymap::Keymap;

/// The man page, as roff.
pub fn man_page() -> String {
    let mut cmd = Cli::command();
    // Building sets each subcommand's full name ("stackpick check") for its synopsis.
    cmd.build();
    let man = Man::new(cmd.clone()).manual("User Commands");
    let mut page = chunk(|w| man.render_title(w));
    for render in [
        Man::render_name_section,
        Man::render_synopsis_section,
        Man::render_description_section,
        Man::render_options_section,
    ] {
        page.push_str(&chunk(|w| render(&man, w)));
    }
    page.push_str(&commands_section(&cmd));
    page.push_str(&body(&keys_section(&Keymap::default())));
    page.push_str(&body(&files_section()));
    page.push_str(&body(&environment_section()));
    page.push_str(&body(&exit_status_section()));
    page.push_str(&chunk(|w| man.render_version_section(w)));
    ascii(&page)
}

/// The page with every character past ASCII written as a groff escape (`←` as `\[u2190]`),
/// so that it reads the same whatever encoding `man` and `groff` assume for their input.
fn ascii(page: &str) -> String {
    page.chars()
        .map(|c| {
            if c.is_ascii() {
                c.to_string()
            } else {
                format!("\\[u{:04X}]", u32::from(c))
            }
        })
        .collect()
}

/// `stackpick man`.
pub fn man(out: &mut dyn Write) -> Result<(), Failure> {
    out.write_all(man_page().as_bytes())
        .and_then(|()| out.flush())
        .map_err(|source| Failure::Output {
            what: "the man page",
            source,
        })
}

/// What a `clap_mangen` renderer writes, without the preamble every rendering starts with
/// (the page's first chunk, the title, keeps it).
fn chunk(render: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> String {
    let mut buf = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = render(&mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

/// The roff of `roff` without the preamble (the title's chunk already has it).
fn body(roff: &Roff) -> String {
    let preamble = Roff::new().render();
    let text = roff.render();
    text.strip_prefix(&preamble).unwrap_or(&text).to_owned()
}

/// A chunk without its `.SH` lines, for a subcommand's sections nested in COMMANDS.
fn nested(text: &str) -> String {
    let preamble = Roff::new().render();
    text.strip_prefix(&preamble)
        .unwrap_or(text)
        .lines()
        .filter(|line| !line.starts_with(".SH"))
        .fold(String::new(), |mut text, line| {
            text.push_str(line);
            text.push('\n');
            text
        })
}

/// COMMANDS: for each subcommand, its name, what it does, its synopsis and its options, as
/// roff text (`clap_mangen` hands out text, not `Roff`s).
fn commands_section(cmd: &clap::Command) -> String {
    let mut intro = Roff::new();
    intro.control("SH", ["COMMANDS"]);
    intro.text([roman(
        "Without a command, stackpick opens the interactive app (see KEYS). The commands:",
    )]);
    let mut text = body(&intro);
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let mut heading = Roff::new();
        heading.control("SS", [sub.get_bin_name().unwrap_or_else(|| sub.get_name())]);
        text.push_str(&body(&heading));
        let man = Man::new(sub.clone());
        text.push_str(&nested(&chunk(|w| man.render_description_section(w))));
        text.push_str(".PP\n");
        text.push_str(&nested(&chunk(|w| man.render_synopsis_section(w))));
        if sub.get_arguments().any(|a| !a.is_hide_set()) {
            text.push_str(&nested(&chunk(|w| man.render_options_section(w))));
        }
    }
    text
}

/// KEYS: the default key table, by where each key works.
fn keys_section(keymap: &Keymap) -> Roff {
    let mut roff = Roff::new();
    roff.control("SH", ["KEYS"]);
    roff.text([roman(format!(
        "The interactive app's keys as bound by default; the keys entry of {CONFIG_FILE} rebinds \
         them (see FILES), and ? shows the keys in force."
    ))]);
    for (title, rows) in keymap.help_sections() {
        roff.control("SS", [title.as_str()]);
        for (keys, label) in rows {
            roff.control("TP", []);
            roff.text([bold(keys.join(", "))]);
            roff.text([roman(label)]);
        }
    }
    roff
}

/// One `.TP` entry: a bold tag and its text.
fn entry(roff: &mut Roff, tag: &str, text: &str) {
    roff.control("TP", []);
    roff.text([bold(tag)]);
    roff.text([roman(text)]);
}

/// FILES: the state and config files, and where exports go.
fn files_section() -> Roff {
    let mut roff = Roff::new();
    roff.control("SH", ["FILES"]);
    entry(
        &mut roff,
        "$XDG_STATE_HOME/stackpick/DECISION-ID.ron",
        &format!(
            "The answers, notes, stage and choice the app saves as you go, one file per decision \
             (default directory ~/.local/state/stackpick; ${STATE_DIR_ENV} replaces it). \
             score --saved and export --saved read it; stackpick reset forgets it."
        ),
    );
    entry(
        &mut roff,
        &format!("$XDG_CONFIG_HOME/stackpick/{CONFIG_FILE}"),
        &format!(
            "The config (default directory ~/.config/stackpick; ${CONFIG_DIR_ENV} replaces it): \
             theme, colours, keys and name, in RON. A missing file means the defaults."
        ),
    );
    entry(
        &mut roff,
        "decision.md, decision.json, decision.ron",
        "Where export writes when -o is not given, in the current directory. Exports never \
         replace a file without --force.",
    );
    entry(
        &mut roff,
        "docs/decisions/NNNN-TITLE.md",
        "Where export --adr-dir writes when given no directory: the next free number of the \
         folder's records. Only --mark-superseded rewrites an existing record, its status line.",
    );
    roff.control("TP", []);
    roff.text([italic("FILE"), roman(" (--data)")]);
    roff.text([roman(
        "A decision file in RON to use instead of the embedded one (the article's Django, Flask \
         and FastAPI decision); stackpick check validates it.",
    )]);
    roff
}

/// ENVIRONMENT: every variable the program reads.
fn environment_section() -> Roff {
    let mut roff = Roff::new();
    roff.control("SH", ["ENVIRONMENT"]);
    entry(
        &mut roff,
        "NO_COLOR",
        "When set and not empty, the app draws without colour.",
    );
    entry(
        &mut roff,
        "TERM",
        "The app starts only on a usable terminal: not when TERM is unset or dumb (use score or \
         export there).",
    );
    entry(
        &mut roff,
        STATE_DIR_ENV,
        "The directory of the saved answers, instead of $XDG_STATE_HOME/stackpick.",
    );
    entry(
        &mut roff,
        CONFIG_DIR_ENV,
        &format!("The directory of {CONFIG_FILE}, instead of $XDG_CONFIG_HOME/stackpick."),
    );
    entry(
        &mut roff,
        crate::commands::completions::COMPLETE_VAR,
        "Set by the completion scripts: the program prints the completions of the command line \
         after -- instead of running it.",
    );
    entry(
        &mut roff,
        "XDG_STATE_HOME",
        "The base of the state directory (default ~/.local/state).",
    );
    entry(
        &mut roff,
        "XDG_CONFIG_HOME",
        "The base of the config directory (default ~/.config).",
    );
    entry(
        &mut roff,
        "HOME",
        "Where the default state and config directories are.",
    );
    entry(
        &mut roff,
        "USER, USERNAME",
        "Who answered (a session's by) and who decided (an export's decision-makers), when \
         neither --by, --decider nor the config's name says.",
    );
    roff
}

/// EXIT STATUS: the codes docs/exit-codes.md lists.
fn exit_status_section() -> Roff {
    let mut roff = Roff::new();
    roff.control("SH", ["EXIT STATUS"]);
    entry(&mut roff, "0", "Success.");
    entry(
        &mut roff,
        "1",
        "Any other failure, such as a file that could not be written.",
    );
    entry(
        &mut roff,
        "2",
        "Bad input: a decision, session or config file that cannot be read or is invalid, an \
         unknown id, sessions of another decision or of the same person given to team, a \
         --supersedes record that does not exist, bad arguments, or no usable terminal.",
    );
    entry(&mut roff, "128+n", "Ended by signal n (130 for an interrupt).");
    roff
}
