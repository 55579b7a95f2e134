//! A walk over RON source that reports the document path and position of every value.
//!
//! ron 0.11 gives positions only for errors, so problems found after parsing are placed by
//! walking the same text again. The walk reads RON's tokens properly (strings with escapes, raw
//! strings, char literals, nested block comments), so text inside a string or a comment can
//! never be mistaken for a field. It runs on text ron has already accepted; on anything it does
//! not understand it simply stops.

use super::Position;

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

/// Where the walk ends early: text it does not understand, or the visitor has seen enough.
struct Stop;

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

/// RON's tokens, as far as the walk needs them, with the line and column of each.
#[derive(Clone)]
struct Lexer<'s> {
    source: &'s str,
    /// Byte offset of the next character.
    at: usize,
    line: usize,
    col: usize,
}

impl<'s> Lexer<'s> {
    fn new(source: &'s str) -> Lexer<'s> {
        Lexer {
            source,
            at: 0,
            line: 1,
            col: 1,
        }
    }

    fn position(&self) -> Position {
        (self.line, self.col)
    }

    fn rest(&self) -> &'s str {
        &self.source[self.at..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += c.len_utf8();
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    /// Moves on `bytes` bytes (a whole number of characters).
    fn advance(&mut self, bytes: usize) {
        let end = (self.at + bytes).min(self.source.len());
        while self.at < end && self.bump().is_some() {}
    }

    fn expect(&mut self, c: char) -> Result<(), Stop> {
        if self.peek() == Some(c) {
            self.bump();
            Ok(())
        } else {
            Err(Stop)
        }
    }

    /// Whitespace and comments (`// …` and nested `/* … */`).
    fn skip_trivia(&mut self) {
        loop {
            let rest = self.rest();
            if rest.starts_with("//") {
                while self.peek().is_some_and(|c| c != '\n') {
                    self.bump();
                }
            } else if rest.starts_with("/*") {
                let mut depth = 0usize;
                loop {
                    if self.rest().starts_with("/*") {
                        depth += 1;
                        self.advance(2);
                    } else if self.rest().starts_with("*/") {
                        depth -= 1;
                        self.advance(2);
                        if depth == 0 {
                            break;
                        }
                    } else if self.bump().is_none() {
                        break;
                    }
                }
            } else if self.peek().is_some_and(char::is_whitespace) {
                self.bump();
            } else {
                return;
            }
        }
    }

    /// Inner attributes such as `#![enable(implicit_some)]` before the value.
    fn skip_attributes(&mut self) {
        while self.rest().starts_with("#![") {
            let mut depth = 0usize;
            while let Some(c) = self.bump() {
                match c {
                    '[' => depth += 1,
                    ']' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
            }
            self.skip_trivia();
        }
    }

    /// An identifier (possibly raw, `r#type`); empty when there is none.
    fn ident(&mut self) -> &'s str {
        let start = self.at;
        if self.rest().starts_with("r#") {
            self.bump();
            self.bump();
        }
        while self.peek().is_some_and(|c| c == '_' || c.is_alphanumeric()) {
            self.bump();
        }
        &self.source[start..self.at]
    }

    /// Whether an identifier followed by `:` comes next: the first field of a struct.
    fn at_field(&self) -> bool {
        let mut ahead = self.clone();
        !ahead.ident().is_empty() && {
            ahead.skip_trivia();
            ahead.peek() == Some(':')
        }
    }

    /// Whether a string with a prefix (`r"…"`, `r#"…"#`, `b"…"`, `br"…"`) comes next.
    fn string_start(&self) -> bool {
        let rest = self.rest();
        let rest = rest.strip_prefix('b').unwrap_or(rest);
        match rest.strip_prefix('r') {
            Some(raw) => raw.trim_start_matches('#').starts_with('"'),
            None => rest.starts_with('"') && self.rest().starts_with('b'),
        }
    }

    /// A string, plain or raw or byte; its value when `decode` (escapes resolved).
    fn string(&mut self, decode: bool) -> Result<Option<String>, Stop> {
        if self.peek() == Some('b') {
            self.bump();
        }
        if self.peek() == Some('r') {
            self.bump();
            let hashes = self.rest().len() - self.rest().trim_start_matches('#').len();
            for _ in 0..hashes {
                self.bump();
            }
            self.expect('"')?;
            let end = format!("\"{}", "#".repeat(hashes));
            let length = self.rest().find(&end).ok_or(Stop)?;
            let value = decode.then(|| self.rest()[..length].to_owned());
            self.advance(length + end.len());
            return Ok(value);
        }
        self.expect('"')?;
        let mut value = decode.then(String::new);
        loop {
            match self.bump().ok_or(Stop)? {
                '"' => return Ok(value),
                '\\' => {
                    let c = self.escape()?;
                    if let (Some(value), Some(c)) = (value.as_mut(), c) {
                        value.push(c);
                    }
                }
                c => {
                    if let Some(value) = value.as_mut() {
                        value.push(c);
                    }
                }
            }
        }
    }

    /// The character an escape stands for, after its `\`; `None` for a line continuation or
    /// a code that is not a character.
    fn escape(&mut self) -> Result<Option<char>, Stop> {
        let c = self.bump().ok_or(Stop)?;
        Ok(match c {
            'n' => Some('\n'),
            'r' => Some('\r'),
            't' => Some('\t'),
            '0' => Some('\0'),
            'x' => {
                let hex: String = [self.bump(), self.bump()].into_iter().flatten().collect();
                u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
            }
            'u' => {
                let mut hex = String::new();
                if self.peek() == Some('{') {
                    self.bump();
                    while let Some(c) = self.bump().filter(|&c| c != '}') {
                        hex.push(c);
                    }
                } else {
                    // The older `\uXXXX` form.
                    for _ in 0..4 {
                        hex.extend(self.bump());
                    }
                }
                u32::from_str_radix(&hex.replace('_', ""), 16)
                    .ok()
                    .and_then(char::from_u32)
            }
            '\n' => {
                while self.peek().is_some_and(char::is_whitespace) {
                    self.bump();
                }
                None
            }
            other => Some(other),
        })
    }

    fn char_literal(&mut self) -> Result<(), Stop> {
        self.expect('\'')?;
        if self.bump().ok_or(Stop)? == '\\' {
            self.escape()?;
        }
        self.expect('\'')
    }

    /// A map key: a string's value, or the text of any other simple value.
    fn key(&mut self) -> Result<String, Stop> {
        match self.peek().ok_or(Stop)? {
            '"' => self.string(true).map(Option::unwrap_or_default),
            _ if self.string_start() => self.string(true).map(Option::unwrap_or_default),
            '\'' => {
                let start = self.at;
                self.char_literal()?;
                Ok(self.source[start..self.at].to_owned())
            }
            '(' | '[' | '{' => Err(Stop),
            _ => {
                let start = self.at;
                self.scalar()?;
                Ok(self.source[start..self.at].to_owned())
            }
        }
    }

    /// A number, boolean or unit-like identifier: everything up to the next delimiter.
    fn scalar(&mut self) -> Result<(), Stop> {
        let start = self.at;
        while self
            .peek()
            .is_some_and(|c| !c.is_whitespace() && !"()[]{},:\"'/".contains(c))
        {
            self.bump();
        }
        if self.at == start { Err(Stop) } else { Ok(()) }
    }
}
