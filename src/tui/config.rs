//! The user's config file: the theme and key overrides, read from
//! `$STACKPICK_CONFIG_DIR/config.ron`, else `$XDG_CONFIG_HOME/stackpick/config.ron`.
//! A missing file means the defaults; a bad one is refused before the terminal changes mode.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::error::Failure;
use crate::source::{self, ReadError, Target};
use crate::tui::keys::keymap::Keymap;
use crate::tui::theme::Theme;

pub use crate::identity::{CONFIG_DIR_ENV, CONFIG_FILE, config_dir, configured_name};

/// The colours to use (unless `NO_COLOR` is set, which always wins).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
pub enum ThemeName {
    /// The 16 ANSI colours, for dark terminal backgrounds.
    #[default]
    Dark,
    /// The 16 ANSI colours, chosen to read on light backgrounds.
    Light,
}

/// The config file's contents.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub theme: ThemeName,
    /// Action name → keys, e.g. `"quit": ["q", "ctrl-q"]`; see the README for the names.
    #[serde(default)]
    pub keys: BTreeMap<String, Vec<String>>,
    /// Your name: who answered (sessions) and the default decision-maker of exports.
    #[serde(default)]
    pub name: crate::text::Text,
}

impl Config {
    /// The configured name, when it is not blank.
    pub fn name(&self) -> Option<String> {
        Some(self.name.trim().to_owned()).filter(|n| !n.is_empty())
    }
}

/// What the app takes from the config.
#[derive(Debug, Clone)]
pub struct Settings {
    pub theme: Theme,
    pub keymap: Keymap,
    /// Who decides when the export dialog is given nobody: the config's `name`, else `$USER`.
    pub default_decider: Option<String>,
}

impl Config {
    /// Parses config text (a byte-order mark is skipped); `name` labels the messages. Every
    /// key problem is listed, each with its line and column.
    pub fn parse(source: &str, name: &str) -> Result<(Config, Keymap), Failure> {
        let config: Config = source::parse(source)
            .map_err(|e| Failure::BadInput(format!("{name}:{}:{}: {}", e.line, e.col, e.message)))?;
        let keymap = Keymap::with_overrides(&config.keys).map_err(|problems| {
            let targets: Vec<Target> = problems.iter().map(|p| p.place.clone()).collect();
            let positions = source::locate(source, &targets);
            let lines: Vec<String> = problems
                .iter()
                .zip(positions)
                .map(|(problem, position)| match position {
                    Some((line, col)) => format!("{name}:{line}:{col}: {}", problem.message),
                    None => format!("{name}: {}", problem.message),
                })
                .collect();
            Failure::BadInput(lines.join("\n"))
        })?;
        Ok((config, keymap))
    }

    /// Reads the config file in `dir`; the defaults when there is none.
    pub fn load(dir: Option<&Path>) -> Result<(Config, Keymap), Failure> {
        let Some(path) = dir.map(|d| d.join(CONFIG_FILE)) else {
            return Ok((Config::default(), Keymap::default()));
        };
        let name = path.display().to_string();
        match source::read(&path, "a config file") {
            Ok(source) => Config::parse(&source, &name),
            Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
                Ok((Config::default(), Keymap::default()))
            }
            Err(ReadError::Io(e)) => Err(Failure::BadInput(format!("{name}: cannot read: {e}"))),
            Err(ReadError::Syntax(e)) => Err(Failure::BadInput(format!(
                "{name}:{}:{}: {}",
                e.line, e.col, e.message
            ))),
        }
    }
}

/// The settings from the environment: the config file, and `NO_COLOR`.
pub fn settings_from_env() -> Result<Settings, Failure> {
    let dir = crate::identity::config_dir_from_env();
    let (config, keymap) = Config::load(dir.as_deref())?;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = match (no_color, config.theme) {
        (true, _) => Theme::monochrome(),
        (false, ThemeName::Dark) => Theme::ansi(),
        (false, ThemeName::Light) => Theme::light(),
    };
    Ok(Settings {
        theme,
        keymap,
        default_decider: config.name().or_else(crate::identity::login_name),
    })
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use etcetera::BaseStrategy;

    use super::*;

    #[test]
    fn a_name_is_read_and_a_blank_one_is_none() {
        let (config, _) = Config::parse("Config(name: \" Ada \")", "c.ron").expect("valid");
        assert_eq!(config.name().as_deref(), Some("Ada"));
        let (config, _) = Config::parse("Config(name: \"\\u{202e} \")", "c.ron").expect("valid");
        assert_eq!(config.name(), None, "only invisible characters: no name");
    }

    #[test]
    fn the_shipped_example_parses() {
        let source = include_str!("../../assets/config.example.ron");
        let (config, keymap) = Config::parse(source, "config.example.ron").expect("valid example");
        assert_eq!(config.theme, ThemeName::Light);
        assert_ne!(keymap, Keymap::default(), "the example rebinds keys");
    }

    #[test]
    fn errors_name_the_file_and_place() {
        let Err(Failure::BadInput(message)) = Config::parse("Config(theme: Purple)", "c.ron") else {
            panic!("refused");
        };
        assert!(message.starts_with("c.ron:1:"), "{message}");
        let Err(Failure::BadInput(message)) = Config::parse("Config(keys: {\"qiut\": [\"q\"]})", "c.ron")
        else {
            panic!("refused");
        };
        assert!(
            message.starts_with("c.ron:1:15: keys: unknown action \"qiut\""),
            "{message}"
        );
    }

    #[test]
    fn every_key_problem_is_placed() {
        let source = "Config(\n  // \"quit\": [\"q\"],\n  keys: {\n    \"quit\": [\"q\", \"ctrl-\"],\n    \"help\": [],\n    \"qiut\": [\"x\"],\n    \"tick\": [\"j\"],\n  },\n)";
        let Err(Failure::BadInput(message)) = Config::parse(source, "c.ron") else {
            panic!("refused");
        };
        let lines: Vec<(&str, &str)> = message
            .lines()
            .map(|l| {
                let mut parts = l.splitn(4, ':');
                let (_, line, col) = (parts.next(), parts.next().unwrap(), parts.next().unwrap());
                (line, col)
            })
            .collect();
        // help: the empty list; qiut: the key; quit: "ctrl-"; tick: "j" clashes with down.
        assert_eq!(
            lines,
            [("5", "13"), ("6", "5"), ("4", "19"), ("7", "14")],
            "{message}"
        );
        for want in [
            "keys.help: give at least one key",
            "unknown action \"qiut\"",
            "keys.quit: ",
            "keys.tick: j",
        ] {
            assert!(message.contains(want), "{want}: {message}");
        }
    }

    #[test]
    fn a_byte_order_mark_is_skipped_and_bad_bytes_are_placed() {
        let (config, _) = Config::parse("\u{feff}Config(theme: Light)", "c.ron").expect("valid");
        assert_eq!(config.theme, ThemeName::Light);
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(CONFIG_FILE),
            b"\xef\xbb\xbfConfig(\n  theme: \xff)",
        )
        .unwrap();
        let Err(Failure::BadInput(message)) = Config::load(Some(dir.path())) else {
            panic!("refused");
        };
        let path = dir.path().join(CONFIG_FILE);
        assert_eq!(
            message,
            format!(
                "{}:2:10: invalid UTF-8: a config file must be UTF-8 text",
                path.display()
            )
        );
    }

    #[test]
    fn an_empty_config_is_the_defaults() {
        let (config, keymap) = Config::parse("Config()", "c.ron").expect("valid");
        assert_eq!(config, Config::default());
        assert_eq!(keymap, Keymap::default());
    }

    #[test]
    fn the_directory_override_wins_when_set() {
        let base = etcetera::base_strategy::Xdg::new().ok();
        let base = base.as_ref().map(|b| b as &dyn BaseStrategy);
        assert_eq!(
            config_dir(Some("/tmp/x".into()), base),
            Some(PathBuf::from("/tmp/x"))
        );
        assert_eq!(config_dir(None, None), None);
        if let Some(base) = base {
            assert_eq!(
                config_dir(Some("".into()), Some(base)),
                Some(base.config_dir().join("stackpick"))
            );
        }
    }
}
