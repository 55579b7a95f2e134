//! A one-line text field: `tui-input`'s editor (cursor, word and line deletion) behind the
//! app's own rule for what may be typed (see `typed.rs`).

use tui_input::{Input, InputRequest};

use crate::tui::action::Edit;
use crate::tui::app::typed::is_typeable;

/// The most characters a paste leaves in a one-line field other than a note or a
/// justification (a search, an export path, the deciders): enough for any real path or
/// query, and a field this long still edits and draws at once.
pub const FIELD_PASTE_LIMIT: usize = 4_096;

/// A one-line text field with a cursor.
#[derive(Debug, Clone, Default)]
pub struct LineEditor {
    input: Input,
}

impl LineEditor {
    /// A field holding `text`, the cursor at its end.
    pub fn new(text: &str) -> LineEditor {
        LineEditor {
            input: Input::new(text.to_owned()),
        }
    }

    /// Replaces the text (the app changed it, not a key): a cursor at the end stays at the end,
    /// anywhere else it keeps its place within the new text.
    pub fn set_value(&mut self, text: &str) {
        let length = text.chars().count();
        let cursor = if self.input.cursor() == self.value().chars().count() {
            length
        } else {
            self.input.cursor().min(length)
        };
        self.input = Input::new(text.to_owned()).with_cursor(cursor);
    }

    /// The text typed so far.
    pub fn value(&self) -> &str {
        self.input.value()
    }

    /// The cursor's column from the start of the text, in display cells.
    pub fn cursor_column(&self) -> usize {
        self.input.visual_cursor()
    }

    /// The first column shown when the field is `width` cells wide, so the cursor stays in it.
    pub fn scroll(&self, width: usize) -> usize {
        self.input.visual_scroll(width)
    }

    /// Types a character at the cursor; a character that could drive the terminal or hide
    /// what is typed is refused. `false` when refused.
    pub fn insert(&mut self, c: char) -> bool {
        if !is_typeable(c) {
            return false;
        }
        self.input.handle(InputRequest::InsertChar(c));
        true
    }

    /// Inserts `text` at the cursor as one edit, keeping its typeable characters, and at most
    /// `limit` characters in the field (the rest of `text` is cut). One edit, not a character
    /// at a time: each of those costs the length of the field, so a big paste took a time
    /// that grew with its square. `true` when something was cut.
    pub fn insert_str(&mut self, text: &str, limit: Option<usize>) -> bool {
        let value = self.value();
        let cursor = self.input.cursor();
        let at = value.char_indices().nth(cursor).map_or(value.len(), |(i, _)| i);
        let room = limit.map_or(usize::MAX, |limit| limit.saturating_sub(value.chars().count()));
        let mut typeable = text.chars().filter(|&c| is_typeable(c));
        let mut edited = String::with_capacity(value.len() + text.len());
        edited.push_str(&value[..at]);
        let mut inserted = 0;
        for c in typeable.by_ref().take(room) {
            edited.push(c);
            inserted += 1;
        }
        edited.push_str(&value[at..]);
        let cut = typeable.next().is_some();
        self.input = Input::new(edited).with_cursor(cursor + inserted);
        cut
    }

    /// Deletes the character before the cursor.
    pub fn backspace(&mut self) {
        self.input.handle(InputRequest::DeletePrevChar);
    }

    /// Applies a line editing key.
    pub fn edit(&mut self, edit: Edit) {
        let request = match edit {
            Edit::Left => InputRequest::GoToPrevChar,
            Edit::Right => InputRequest::GoToNextChar,
            Edit::Home => InputRequest::GoToStart,
            Edit::End => InputRequest::GoToEnd,
            Edit::Delete => InputRequest::DeleteNextChar,
            Edit::DeleteWord => InputRequest::DeletePrevWord,
            Edit::DeleteToStart => InputRequest::DeleteFromStart,
            Edit::DeleteToEnd => InputRequest::DeleteTillEnd,
        };
        self.input.handle(request);
    }
}

/// Two fields are equal when they show the same text with the cursor at the same place (the
/// screen is redrawn when that changes).
impl PartialEq for LineEditor {
    fn eq(&self, other: &LineEditor) -> bool {
        self.value() == other.value() && self.input.cursor() == other.input.cursor()
    }
}

impl Eq for LineEditor {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_at_the_cursor_and_refuses_control_characters() {
        let mut field = LineEditor::new("async ORM");
        field.edit(Edit::Home);
        assert!(field.insert('A'));
        assert!(!field.insert('\u{1b}'));
        assert!(!field.insert('\u{202e}'));
        assert_eq!(field.value(), "Aasync ORM");
        field.edit(Edit::End);
        field.edit(Edit::DeleteWord);
        assert_eq!(field.value(), "Aasync ");
        field.backspace();
        field.edit(Edit::Home);
        field.edit(Edit::Delete);
        assert_eq!(field.value(), "async");
        field.edit(Edit::Right);
        field.edit(Edit::DeleteToEnd);
        assert_eq!(field.value(), "a");
        field.edit(Edit::DeleteToStart);
        assert_eq!(field.value(), "");
    }

    #[test]
    fn a_paste_goes_in_at_the_cursor_as_typed_and_stops_at_the_limit() {
        let mut field = LineEditor::new("out/.md");
        field.edit(Edit::Home);
        for _ in 0..4 {
            field.edit(Edit::Right);
        }
        assert!(!field.insert_str("dé\u{1b}cision", None));
        assert_eq!((field.value(), field.cursor_column()), ("out/décision.md", 12));
        // The cursor is after the paste: typing goes on from there.
        field.insert('s');
        assert_eq!(field.value(), "out/décisions.md");
        let mut field = LineEditor::new("ab");
        assert!(field.insert_str("cdef", Some(4)));
        assert_eq!(field.value(), "abcd");
        assert!(!field.insert_str("", Some(4)));
        assert!(field.insert_str("x", Some(4)));
        assert_eq!(field.value(), "abcd");
    }

    #[test]
    fn a_new_value_keeps_the_cursor_at_the_end_or_in_its_place() {
        let mut field = LineEditor::new("decision.md");
        field.set_value("decision.json");
        assert_eq!(field.cursor_column(), 13);
        field.edit(Edit::Home);
        field.edit(Edit::Right);
        field.set_value("decision.ron");
        assert_eq!((field.value(), field.cursor_column()), ("decision.ron", 1));
    }

    #[test]
    fn the_cursor_column_counts_display_cells() {
        let field = LineEditor::new("漢字");
        assert_eq!(field.cursor_column(), 4);
        assert_eq!(field.scroll(3), 2);
    }
}
