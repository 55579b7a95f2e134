//! Every colour and emphasis of the app, named by role.
//!
//! The dark theme uses the 16 ANSI colours so the terminal's palette applies, except for the
//! muted grey: ANSI dark grey is too dark on black in some palettes (VGA's reads 2.8:1), so it
//! is the 256-colour palette's grey 245. The light theme cannot count on the palette at all
//! (a light terminal's "white" is its background), so every colour it sets is one of the
//! 256-colour palette's fixed colours (16–255), chosen for WCAG contrast on white: 4.5:1 for
//! text, 3:1 for marks. `config.ron` may override any role's colour (see `roles.rs`). With
//! `NO_COLOR` set there is no colour at all: state is carried by bold, reverse, dim and symbols.

mod palette;
mod roles;

pub use palette::Theme;
pub use roles::{ROLES, UnknownRole};

#[cfg(test)]
mod tests;
