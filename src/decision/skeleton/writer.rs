//! Writing RON text: indented lines, comments, string literals.

/// Lines of RON at a depth of indentation.
#[derive(Default)]
pub(super) struct Out {
    pub(super) text: String,
    depth: usize,
}

impl Out {
    pub(super) fn line(&mut self, line: &str) {
        for _ in 0..self.depth {
            self.text.push_str("    ");
        }
        self.text.push_str(line);
        self.text.push('\n');
    }

    /// A comment line, saying what the field under it is for.
    pub(super) fn note(&mut self, comment: &str) {
        self.line(&format!("// {comment}"));
    }

    /// A line that opens a bracket: the lines after it are indented.
    pub(super) fn open(&mut self, line: &str) {
        self.line(line);
        self.depth += 1;
    }

    /// A line that closes a bracket.
    pub(super) fn close(&mut self, line: &str) {
        self.depth = self.depth.saturating_sub(1);
        self.line(line);
    }
}

/// `text` as a RON string literal, as ron writes one: the file parses back to `text`.
pub(super) fn lit(text: &str) -> String {
    // Serializing a string to a String cannot fail.
    ron::to_string(text).unwrap_or_default()
}
