//! A walk over RON source that reports the document path and position of every value.
//!
//! ron 0.11 gives positions only for errors, so problems found after parsing are placed by
//! walking the same text again. The walk reads RON's tokens properly (strings with escapes, raw
//! strings, char literals, nested block comments), so text inside a string or a comment can
//! never be mistaken for a field. It runs on text ron has already accepted; on anything it does
//! not understand it simply stops.

mod lexer;

pub use lexer::Position;
use lexer::{Lexer, Stop};

/// Nesting deeper than ron's own limit cannot come from a file ron accepted.
pub(super) const MAX_DEPTH: usize = 256;

/// Calls `visit(path, position, is_key)` for every value of the document, in order, until it
/// returns `false`: the root is `""`, struct fields are `a.b`, sequence and tuple items `a[0]`,
/// and map entries `a["key"]` (the key as `{:?}` writes it), visited once for the key
/// (`is_key`) and once for the value. `Some(x)` is visited at `Some`, then at `x`.
pub fn walk(source: &str, mut visit: impl FnMut(&str, Position, bool) -> bool) {
    let mut walker = Walker {
        lexer: Lexer::new(source),
        path: String::new(),
        visit: &mut visit,
    };
    walker.lexer.skip_trivia();
    walker.lexer.skip_attributes();
    let _ = walker.value(0);
}

/// The byte range of a value: the first the walk finds starting at `position` or after it
/// (where ron places a value's error), or with `inside`, the last starting there or before
/// (where ron places a number's range error).
pub fn value_span(source: &str, position: Position, inside: bool) -> Option<(usize, usize)> {
    let mut start = None;
    walk(source, |_, at, is_key| {
        if inside {
            if at > position {
                return false;
            }
            if !is_key {
                start = Some(at);
            }
            return true;
        }
        if at < position || is_key {
            return true;
        }
        start = Some(at);
        false
    });
    let (line, col) = start?;
    let line_start: usize = source.split_inclusive('\n').take(line - 1).map(str::len).sum();
    let in_line: usize = source[line_start..]
        .chars()
        .take(col - 1)
        .map(char::len_utf8)
        .sum();
    let mut visit = |_: &str, _: Position, _: bool| true;
    let mut walker = Walker {
        lexer: Lexer::new(source),
        path: String::new(),
        visit: &mut visit,
    };
    walker.lexer.advance(line_start + in_line);
    let begin = walker.lexer.offset();
    walker.value(0).ok()?;
    Some((begin, walker.lexer.offset()))
}

struct Walker<'s, 'v> {
    lexer: Lexer<'s>,
    /// The path of the value being read; pushed and truncated as the walk goes down and up.
    path: String,
    visit: &'v mut dyn FnMut(&str, Position, bool) -> bool,
}

impl Walker<'_, '_> {
    fn value(&mut self, depth: usize) -> Result<(), Stop> {
        if depth > MAX_DEPTH {
            return Err(Stop);
        }
        self.lexer.skip_trivia();
        let next = self.lexer.peek().ok_or(Stop)?;
        if !(self.visit)(&self.path, self.lexer.position(), false) {
            return Err(Stop);
        }
        match next {
            '[' => {
                self.lexer.bump();
                self.items(']', depth)
            }
            '{' => {
                self.lexer.bump();
                self.map(depth)
            }
            '(' => {
                self.lexer.bump();
                self.parenthesised(depth)
            }
            '"' => self.lexer.string(false).map(drop),
            '\'' => self.lexer.char_literal(),
            c if c == '_' || c.is_alphabetic() => {
                if self.lexer.string_start() {
                    return self.lexer.string(false).map(drop);
                }
                if self.lexer.rest().starts_with("b'") {
                    self.lexer.bump();
                    return self.lexer.char_literal();
                }
                let name = self.lexer.ident();
                self.lexer.skip_trivia();
                if self.lexer.peek() != Some('(') {
                    return Ok(());
                }
                self.lexer.bump();
                if name == "Some" {
                    // Transparent: the inner value is placed at itself.
                    self.value(depth + 1)?;
                    self.lexer.skip_trivia();
                    return self.lexer.expect(')');
                }
                self.parenthesised(depth)
            }
            _ => self.lexer.scalar(),
        }
    }

    /// The items of a sequence or tuple, up to `close`, which is consumed.
    fn items(&mut self, close: char, depth: usize) -> Result<(), Stop> {
        let base = self.path.len();
        let mut index = 0;
        loop {
            self.lexer.skip_trivia();
            if self.lexer.peek() == Some(close) {
                self.lexer.bump();
                return Ok(());
            }
            self.path.push_str(&format!("[{index}]"));
            let result = self.value(depth + 1);
            self.path.truncate(base);
            result?;
            index += 1;
            if !self.separator(close)? {
                return Ok(());
            }
        }
    }

    /// After an item: `true` when a comma was read, `false` when `close` was.
    fn separator(&mut self, close: char) -> Result<bool, Stop> {
        self.lexer.skip_trivia();
        match self.lexer.peek() {
            Some(',') => {
                self.lexer.bump();
                Ok(true)
            }
            Some(c) if c == close => {
                self.lexer.bump();
                Ok(false)
            }
            _ => Err(Stop),
        }
    }

    fn map(&mut self, depth: usize) -> Result<(), Stop> {
        let base = self.path.len();
        loop {
            self.lexer.skip_trivia();
            if self.lexer.peek() == Some('}') {
                self.lexer.bump();
                return Ok(());
            }
            let position = self.lexer.position();
            let key = self.lexer.key()?;
            self.path.push_str(&format!("[{key:?}]"));
            if !(self.visit)(&self.path, position, true) {
                self.path.truncate(base);
                return Err(Stop);
            }
            self.lexer.skip_trivia();
            let result = self.lexer.expect(':').and_then(|()| self.value(depth + 1));
            self.path.truncate(base);
            result?;
            if !self.separator('}')? {
                return Ok(());
            }
        }
    }

    /// After `(`: the fields of a struct (`name: value`) or the items of a tuple.
    fn parenthesised(&mut self, depth: usize) -> Result<(), Stop> {
        self.lexer.skip_trivia();
        if !self.lexer.at_field() {
            return self.items(')', depth);
        }
        let base = self.path.len();
        loop {
            self.lexer.skip_trivia();
            if self.lexer.peek() == Some(')') {
                self.lexer.bump();
                return Ok(());
            }
            let name = self.lexer.ident();
            if name.is_empty() {
                return Err(Stop);
            }
            if !self.path.is_empty() {
                self.path.push('.');
            }
            self.path.push_str(name.strip_prefix("r#").unwrap_or(name));
            self.lexer.skip_trivia();
            let result = self.lexer.expect(':').and_then(|()| self.value(depth + 1));
            self.path.truncate(base);
            result?;
            if !self.separator(')')? {
                return Ok(());
            }
        }
    }
}
