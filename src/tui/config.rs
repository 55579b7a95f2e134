//! The user's config file: the theme, colours by role and key overrides, read from
//! `$STACKPICK_CONFIG_DIR/config.ron`, else `$XDG_CONFIG_HOME/stackpick/config.ron`.
//! A missing file means the defaults; a bad one is refused before the terminal changes mode.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use thiserror::Error;

use crate::source::{self, ReadError, Target};
use crate::tui::keys::keymap::Keymap;
use crate::tui::theme::Theme;

mod colours;

pub use colours::ColourText;

pub use crate::identity::{CONFIG_DIR_ENV, CONFIG_FILE, config_dir, configured_name};

/// A config file that cannot be read or parsed, or names unknown keys, actions or colours:
/// every problem, one a line, each with the file and its line and column.
#[derive(Debug, Error)]
#[error("{0}")]
pub struct ConfigError(pub String);

/// The colours to use (unless `NO_COLOR` is set, which always wins).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
pub enum ThemeName {
    /// Dark or Light, from the terminal's background colour (asked with OSC 11 before the
    /// app takes the terminal); Dark when the terminal does not say.
    #[default]
    Auto,
    /// For dark terminal backgrounds: the terminal's 16 ANSI colours.
    Dark,
    /// For light terminal backgrounds: fixed colours of the 256-colour palette.
    Light,
}

/// The config file's contents.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub theme: ThemeName,
    /// Action name → keys, e.g. `"quit": ["q", "ctrl-q"]`; see docs/configuration.md for the names.
    #[serde(default)]
    pub keys: BTreeMap<String, Vec<String>>,
    /// Your name: who answered (sessions) and the default decision-maker of exports.
    #[serde(default)]
    pub name: crate::text::Text,
    /// Role → colour, e.g. `"accent": "#0366d6"`, `"muted": "grey"`, `"border": 245`; see
    /// [`ROLES`] for the names. Checked by [`Config::parse`].
    #[serde(default)]
    pub colors: BTreeMap<String, ColourText>,
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

/// How long the terminal has to say its background colour: a terminal that cannot answer
/// is told apart at once (it answers the query that follows first), so this is only for a
/// slow link, and short enough not to stare at a blank screen.
pub const BACKGROUND_QUERY: std::time::Duration = std::time::Duration::from_millis(300);

/// The theme the terminal's background asks for: Light on a light background, else Dark
/// (also when the terminal does not answer in [`BACKGROUND_QUERY`]).
fn background() -> ThemeName {
    let mut options = terminal_colorsaurus::QueryOptions::default();
    options.timeout = BACKGROUND_QUERY;
    match terminal_colorsaurus::background_color(options) {
        Ok(colour) if colour.perceived_lightness() > 0.5 => ThemeName::Light,
        _ => ThemeName::Dark,
    }
}

impl Config {
    /// Parses config text (a byte-order mark is skipped); `name` labels the messages. Every
    /// key and colour problem is listed, each with its line and column.
    pub fn parse(source: &str, name: &str) -> Result<(Config, Keymap), ConfigError> {
        let source = source::strip_bom(source);
        // A value of the wrong kind (a theme that is no theme) is stood in for, so that the
        // keys and colours are checked and reported with it.
        let (config, errors) = source::parse_standing_in::<Config>(source);
        let mut lines: Vec<((usize, usize), String)> = errors
            .iter()
            .map(|e| {
                (
                    (e.line, e.col),
                    format!("{name}:{}:{}: {}", e.line, e.col, e.message),
                )
            })
            .collect();
        let Some(config) = config else {
            return Err(ConfigError(
                lines.into_iter().map(|(_, l)| l).collect::<Vec<_>>().join("\n"),
            ));
        };
        let (keymap, mut problems) = match Keymap::with_overrides(&config.keys) {
            Ok(keymap) => (keymap, Vec::new()),
            Err(problems) => (
                Keymap::default(),
                problems.into_iter().map(|p| (p.message, p.place)).collect(),
            ),
        };
        problems.extend(colours::problems(&config.colors));
        if problems.is_empty() && lines.is_empty() {
            return Ok((config, keymap));
        }
        let targets: Vec<Target> = problems.iter().map(|(_, place)| place.clone()).collect();
        let positions = source::locate(source, &targets);
        lines.extend(
            problems
                .iter()
                .zip(positions)
                .map(|((message, _), position)| match position {
                    Some((line, col)) => ((line, col), format!("{name}:{line}:{col}: {message}")),
                    None => ((usize::MAX, 0), format!("{name}: {message}")),
                }),
        );
        Err(ConfigError(
            lines.into_iter().map(|(_, l)| l).collect::<Vec<_>>().join("\n"),
        ))
    }

    /// The theme this config asks for: its theme with its colours; without colour at all when
    /// `no_color` (`NO_COLOR` always wins). The colours were checked by [`Config::parse`].
    pub fn theme(&self, no_color: bool) -> Theme {
        let mut theme = match (no_color, self.theme) {
            (true, _) => return Theme::monochrome(),
            (false, ThemeName::Dark) => Theme::ansi(),
            (false, ThemeName::Light) => Theme::light(),
            (false, ThemeName::Auto) => match background() {
                ThemeName::Light => Theme::light(),
                _ => Theme::ansi(),
            },
        };
        colours::apply(&self.colors, &mut theme);
        theme
    }

    /// Reads the config file in `dir`; the defaults when there is none.
    pub fn load(dir: Option<&Path>) -> Result<(Config, Keymap), ConfigError> {
        let Some(path) = dir.map(|d| d.join(CONFIG_FILE)) else {
            return Ok((Config::default(), Keymap::default()));
        };
        let name = path.display().to_string();
        match source::read(&path, "a config file") {
            Ok(source) => Config::parse(&source, &name),
            Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
                Ok((Config::default(), Keymap::default()))
            }
            Err(ReadError::Io(e)) => Err(ConfigError(format!("{name}: cannot read: {e}"))),
            Err(ReadError::Syntax(e)) => {
                Err(ConfigError(format!("{name}:{}:{}: {}", e.line, e.col, e.message)))
            }
        }
    }
}

/// The settings from the environment: the config file, and `NO_COLOR`.
pub fn settings_from_env() -> Result<Settings, ConfigError> {
    let dir = crate::identity::config_dir_from_env();
    let (config, keymap) = Config::load(dir.as_deref())?;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    Ok(Settings {
        theme: config.theme(no_color),
        keymap,
        default_decider: config.name().or_else(crate::identity::login_name),
    })
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use etcetera::BaseStrategy;
    use ratatui::style::Color;

    use super::*;
    use crate::tui::theme::ROLES;

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
        assert_eq!(
            config.theme(false).key.fg,
            Some(Color::Rgb(3, 102, 214)),
            "and colours roles"
        );
        // Every action a config can rebind is named in the example's comment.
        for action in crate::tui::keys::keymap::action_names() {
            let listed = [',', '.', ' ', '\n']
                .iter()
                .any(|c| source.contains(&format!(" {action}{c}")));
            assert!(listed, "the example lists the action {action}");
        }
        let readme = include_str!("../../docs/configuration.md");
        for role in ROLES {
            let listed = [',', '.', ' ']
                .iter()
                .any(|c| source.contains(&format!(" {role}{c}")));
            assert!(listed, "the example lists {role}");
            assert!(
                readme.contains(&format!("`{role}`")),
                "docs/configuration.md documents {role}"
            );
        }
    }

    #[test]
    fn a_bad_theme_hides_no_other_problem() {
        let source = "Config(\n    theme: Purple,\n    colors: {\"accnet\": \"red\"},\n    keys: {\"qiut\": [\"q\"]},\n)";
        let Err(ConfigError(message)) = Config::parse(source, "c.ron") else {
            panic!("refused")
        };
        let lines: Vec<&str> = message.lines().collect();
        assert_eq!(lines.len(), 3, "{message}");
        assert!(
            lines[0].starts_with("c.ron:2:12: theme must be one of: Auto, Dark, Light (not Purple)"),
            "{message}"
        );
        assert!(
            lines[1].starts_with("c.ron:4:12: keys: unknown action \"qiut\""),
            "{message}"
        );
        assert!(
            lines[2].starts_with("c.ron:3:14: colors: unknown role \"accnet\""),
            "{message}"
        );
    }

    #[test]
    fn errors_name_the_file_and_place() {
        let Err(ConfigError(message)) = Config::parse("Config(theme: Purple)", "c.ron") else {
            panic!("refused");
        };
        assert!(message.starts_with("c.ron:1:"), "{message}");
        let Err(ConfigError(message)) = Config::parse("Config(keys: {\"qiut\": [\"q\"]})", "c.ron") else {
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
        let Err(ConfigError(message)) = Config::parse(source, "c.ron") else {
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
        let Err(ConfigError(message)) = Config::load(Some(dir.path())) else {
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
    fn colours_override_roles_in_every_form_and_no_color_still_wins() {
        let source = "Config(theme: Light, colors: {\"accent\": \"#0366d6\", \"muted\": \"grey\", \"border\": 245, \"error\": \"160\"})";
        let (config, _) = Config::parse(source, "c.ron").expect("valid");
        let theme = config.theme(false);
        assert_eq!(theme.key.fg, Some(Color::Rgb(3, 102, 214)));
        assert_eq!(theme.tab_active.bg, Some(Color::Rgb(3, 102, 214)));
        assert_eq!(theme.muted.fg, Some(Color::Gray));
        assert_eq!(theme.border.fg, Some(Color::Indexed(245)));
        assert_eq!(theme.error.fg, Some(Color::Indexed(160)));
        assert_eq!(
            theme.heading,
            Theme::light().heading,
            "other roles keep the theme's"
        );
        assert_eq!(config.theme(true), Theme::monochrome());
    }

    #[test]
    fn bad_roles_and_colours_are_placed_and_list_what_is_valid() {
        let source = "Config(\n  colors: {\n    \"accnet\": \"red\",\n    \"muted\": \"#12345\",\n    \"border\": 256,\n  },\n  keys: {\"qiut\": [\"q\"]},\n)";
        let Err(ConfigError(message)) = Config::parse(source, "c.ron") else {
            panic!("refused");
        };
        let lines: Vec<&str> = message.lines().collect();
        assert_eq!(lines.len(), 4, "{message}");
        assert!(
            lines[0].starts_with("c.ron:7:10: keys: unknown action \"qiut\""),
            "{message}"
        );
        assert!(
            lines[1].starts_with("c.ron:3:5: colors: unknown role \"accnet\" (roles: accent, title,"),
            "{message}"
        );
        assert!(
            lines[2].starts_with(
                "c.ron:5:15: colors.border: \"256\" is not a colour; use \"#rrggbb\", a colour name (black,"
            ),
            "{message}"
        );
        assert!(lines[2].ends_with("or a 256-colour index 0-255"), "{message}");
        assert!(
            lines[3].starts_with("c.ron:4:14: colors.muted: \"#12345\" is not a colour"),
            "{message}"
        );
        let Err(ConfigError(message)) = Config::parse("Config(colors: {\"muted\": true})", "c.ron") else {
            panic!("refused");
        };
        assert!(message.starts_with("c.ron:1:26: "), "{message}");
        assert!(message.contains("a colour: \"#rrggbb\""), "{message}");
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
