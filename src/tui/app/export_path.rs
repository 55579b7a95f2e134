//! The export path as typed and the format kept in step, and the full path it names. Pure
//! functions of the text: what is on disk is the runtime's business (see `Effect::Export`).

use std::path::{Component, Path, PathBuf};

use crate::export::Format;

/// The extension of the file name a typed path ends with: after its last dot, `None` when the
/// name has no dot (or only a leading one, as `.md`, a hidden file with no extension).
pub fn extension(typed: &str) -> Option<&str> {
    let name = typed.rsplit('/').next()?;
    let dot = name.rfind('.')?;
    (dot > 0).then(|| &name[dot + 1..])
}

/// The path to show after the format changed to `format`: a path named for one of the formats
/// (`decision.md`, `out/x.JSON`) takes the new format's extension; an empty path becomes the
/// default; any other path (`notes.txt`, `README`) is the user's and is kept as typed.
pub fn path_for_format(typed: &str, format: Format) -> String {
    if typed.trim().is_empty() {
        return default_export_path(format);
    }
    match extension(typed) {
        Some(ext) if Format::from_extension(ext).is_some() => {
            format!("{}{}", &typed[..typed.len() - ext.len()], format.extension())
        }
        _ => typed.to_owned(),
    }
}

/// The other format a path is named for, when writing `format` to it would surprise: JSON
/// into `x.md`. `None` when the extension is the format's own or no format's.
pub fn mismatch(typed: &str, format: Format) -> Option<Format> {
    extension(typed)
        .and_then(Format::from_extension)
        .filter(|named| *named != format)
}

/// The full path a typed path names, from `working_dir`: `.` and `..` are resolved by the
/// text (as the shell shows it), so the user sees where the file goes, not how it was typed.
pub fn resolve(working_dir: &Path, typed: &str) -> PathBuf {
    let mut full = PathBuf::new();
    for component in working_dir.join(typed).components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir if matches!(full.components().next_back(), Some(Component::Normal(_))) => {
                full.pop();
            }
            // Above the root is the root.
            Component::ParentDir if full.has_root() => {}
            other => full.push(other),
        }
    }
    full
}

/// Whether a typed path names a folder (it ends with `/`): a Markdown record goes into it
/// with the folder's next number, as `export --adr-dir` writes it.
pub fn is_folder(typed: &str) -> bool {
    typed.ends_with('/')
}

/// The default export path for a format: `decision.<ext>` in the current directory.
pub fn default_export_path(format: Format) -> String {
    format!("decision.{}", format.extension())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_named_for_a_format_follows_the_format_and_another_is_kept() {
        assert_eq!(path_for_format("decision.md", Format::Json), "decision.json");
        assert_eq!(path_for_format("out/v2.Ron", Format::Md), "out/v2.md");
        assert_eq!(path_for_format("notes.txt", Format::Json), "notes.txt");
        assert_eq!(path_for_format("README", Format::Json), "README");
        assert_eq!(path_for_format("out.md/", Format::Json), "out.md/");
        assert_eq!(path_for_format(".md", Format::Json), ".md");
        assert_eq!(path_for_format("", Format::Ron), "decision.ron");
    }

    #[test]
    fn only_another_formats_extension_is_a_mismatch() {
        assert_eq!(mismatch("x.md", Format::Json), Some(Format::Md));
        assert_eq!(mismatch("x.json", Format::Json), None);
        assert_eq!(mismatch("x.txt", Format::Json), None);
        assert_eq!(mismatch("x", Format::Md), None);
    }

    #[test]
    fn the_full_path_resolves_dots_against_the_working_directory() {
        let home = Path::new("/home/ana/project");
        assert_eq!(
            resolve(home, "decision.md"),
            Path::new("/home/ana/project/decision.md")
        );
        assert_eq!(
            resolve(home, "./out/../x.md"),
            Path::new("/home/ana/project/x.md")
        );
        assert_eq!(resolve(home, "/tmp/x.md"), Path::new("/tmp/x.md"));
        assert_eq!(resolve(home, "../../../../x.md"), Path::new("/x.md"));
        assert_eq!(resolve(Path::new(""), "../x.md"), Path::new("../x.md"));
    }
}
