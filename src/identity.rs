//! Who is answering: the name a session is recorded `by` and the default decision-maker.
//!
//! `--by NAME` wins, then the `name` of the config file, then the login name (`$USER`, else
//! `$USERNAME`). The config is read here, without the terminal code, so the command line
//! finds the name the app would; the app reads the rest of the file (theme, keys) itself.

use std::ffi::OsString;
use std::path::PathBuf;

use etcetera::BaseStrategy;
use serde::Deserialize;

use crate::text::{Text, clean};

/// The environment variable naming the config directory.
pub const CONFIG_DIR_ENV: &str = "STACKPICK_CONFIG_DIR";
/// The config file's name in that directory.
pub const CONFIG_FILE: &str = "config.ron";

/// The config directory given the environment: `override_dir` (`$STACKPICK_CONFIG_DIR`) when
/// set and not empty, else `stackpick` in the XDG config directory.
pub fn config_dir(override_dir: Option<OsString>, base: Option<&dyn BaseStrategy>) -> Option<PathBuf> {
    match override_dir {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => base.map(|b| b.config_dir().join("stackpick")),
    }
}

/// The config directory of this process's environment.
pub fn config_dir_from_env() -> Option<PathBuf> {
    let base = etcetera::choose_base_strategy().ok();
    config_dir(
        std::env::var_os(CONFIG_DIR_ENV),
        base.as_ref().map(|b| b as &dyn BaseStrategy),
    )
}

/// Only the `name` of the config file; the other fields (theme, keys) are skipped, so a
/// config written for a newer app still gives its name. Named as the file's struct is.
#[derive(Deserialize)]
#[serde(rename = "Config")]
struct NameOnly {
    #[serde(default)]
    name: String,
}

/// A person's name as it is recorded: one line, without control or bidi characters, spaces
/// collapsed;
/// `None` when nothing visible is left.
pub fn clean_name(raw: &str) -> Option<String> {
    let name = clean(raw).split_whitespace().collect::<Vec<_>>().join(" ");
    Some(name).filter(|name| !name.is_empty())
}

/// Names as [`clean_name`] cleans them, leaving out those that are empty once cleaned (a
/// name of invisible characters is no name): the deciders, from any surface.
pub fn clean_names(raws: &[impl AsRef<str>]) -> Vec<Text> {
    raws.iter()
        .filter_map(|raw| clean_name(raw.as_ref()))
        .map(Text::from)
        .collect()
}

/// The `name` of config text, `None` when it has none or cannot be read.
pub fn name_in_config(source: &str) -> Option<String> {
    let config: NameOnly = crate::source::parse(source).ok()?;
    clean_name(&config.name)
}

/// The `name` of the user's config file. A config that cannot be read gives none here: the
/// interactive app is where it is reported in full.
pub fn configured_name() -> Option<String> {
    let path = config_dir_from_env()?.join(CONFIG_FILE);
    let source = crate::source::read(&path, "a config file").ok()?;
    name_in_config(&source)
}

/// The login name (`$USER`, else `$USERNAME`), if any.
pub fn login_name() -> Option<String> {
    ["USER", "USERNAME"]
        .iter()
        .filter_map(std::env::var_os)
        .find_map(|name| clean_name(&name.to_string_lossy()))
}

/// Who answers: `by` (from `--by`) when it has a visible name, else the config's `name`,
/// else the login name.
pub fn who(by: Option<&str>) -> Option<String> {
    by.and_then(clean_name)
        .or_else(configured_name)
        .or_else(login_name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_one_clean_line() {
        assert_eq!(
            clean_name(" Ada\u{202e}\n Lovelace\u{1b}[2J ").as_deref(),
            Some("Ada Lovelace[2J")
        );
        assert_eq!(clean_name("\u{200b} \u{202e}"), None);
    }

    #[test]
    fn only_the_name_of_a_config_is_read() {
        let source = "Config(theme: Light, keys: {\"quit\": [\"q\"]}, name: \" Grace \")";
        assert_eq!(name_in_config(source).as_deref(), Some("Grace"));
        assert_eq!(name_in_config("(name: \"Ada\")").as_deref(), Some("Ada"));
        assert_eq!(name_in_config("Config(theme: Dark)"), None);
        assert_eq!(
            name_in_config("Config(name: "),
            None,
            "a broken config gives no name"
        );
    }
}
