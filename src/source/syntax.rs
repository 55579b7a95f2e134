//! Where a file stops being readable.

/// Text that is not UTF-8 or not valid RON, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub col: usize,
    pub message: String,
}
