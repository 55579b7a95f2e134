//! The export formats, their extensions and the default file names.

use clap::ValueEnum;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, strum::Display, strum::EnumIter)]
#[strum(serialize_all = "lowercase")]
pub enum Format {
    /// A Markdown decision record (MADR 4.0) with a Mermaid diagram of the stack.
    Md,
    /// The JSON object of `score --json`.
    Json,
    /// A session that `--session` loads back.
    Ron,
    /// The decision at a glance as one SVG image: gauges, verdict, choice and stack diagram.
    Svg,
    /// One self-contained HTML page: the whole record with the SVG inline.
    Html,
}

impl Format {
    /// The file extension, which is also the default file name's.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Json => "json",
            Format::Ron => "ron",
            Format::Svg => "svg",
            Format::Html => "html",
        }
    }

    /// The format whose extension `extension` is (`md`, `JSON`…, case aside), if any.
    pub fn from_extension(extension: &str) -> Option<Format> {
        use strum::IntoEnumIterator;
        Format::iter().find(|f| f.extension().eq_ignore_ascii_case(extension))
    }
}
