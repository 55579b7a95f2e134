//! RON's tokens for the walk: strings with escapes, raw strings, char literals, nested block
//! comments and attributes are read properly, so nothing inside them is taken for a field.

/// Line and column, both from 1; columns count characters, as ron's do.
pub type Position = (usize, usize);

/// Where the walk ends early: text it does not understand, or the visitor has seen enough.
pub(super) struct Stop;

/// RON's tokens, as far as the walk needs them, with the line and column of each.
#[derive(Clone)]
pub(super) struct Lexer<'s> {
    source: &'s str,
    /// Byte offset of the next character.
    at: usize,
    line: usize,
    col: usize,
}

impl<'s> Lexer<'s> {
    pub(super) fn new(source: &'s str) -> Lexer<'s> {
        Lexer {
            source,
            at: 0,
            line: 1,
            col: 1,
        }
    }

    pub(super) fn position(&self) -> Position {
        (self.line, self.col)
    }

    /// The byte offset of the next character.
    pub(super) fn offset(&self) -> usize {
        self.at
    }

    pub(super) fn rest(&self) -> &'s str {
        &self.source[self.at..]
    }

    pub(super) fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    pub(super) fn bump(&mut self) -> Option<char> {
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
    pub(super) fn advance(&mut self, bytes: usize) {
        let end = (self.at + bytes).min(self.source.len());
        while self.at < end && self.bump().is_some() {}
    }

    pub(super) fn expect(&mut self, c: char) -> Result<(), Stop> {
        if self.peek() == Some(c) {
            self.bump();
            Ok(())
        } else {
            Err(Stop)
        }
    }

    /// Whitespace and comments (`// …` and nested `/* … */`).
    pub(super) fn skip_trivia(&mut self) {
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
    pub(super) fn skip_attributes(&mut self) {
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
    pub(super) fn ident(&mut self) -> &'s str {
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
    pub(super) fn at_field(&self) -> bool {
        let mut ahead = self.clone();
        !ahead.ident().is_empty() && {
            ahead.skip_trivia();
            ahead.peek() == Some(':')
        }
    }

    /// Whether a string with a prefix (`r"…"`, `r#"…"#`, `b"…"`, `br"…"`) comes next.
    pub(super) fn string_start(&self) -> bool {
        let rest = self.rest();
        let rest = rest.strip_prefix('b').unwrap_or(rest);
        match rest.strip_prefix('r') {
            Some(raw) => raw.trim_start_matches('#').starts_with('"'),
            None => rest.starts_with('"') && self.rest().starts_with('b'),
        }
    }

    /// A string, plain or raw or byte; its value when `decode` (escapes resolved).
    pub(super) fn string(&mut self, decode: bool) -> Result<Option<String>, Stop> {
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
    pub(super) fn escape(&mut self) -> Result<Option<char>, Stop> {
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

    pub(super) fn char_literal(&mut self) -> Result<(), Stop> {
        self.expect('\'')?;
        if self.bump().ok_or(Stop)? == '\\' {
            self.escape()?;
        }
        self.expect('\'')
    }

    /// A map key: a string's value, or the text of any other simple value.
    pub(super) fn key(&mut self) -> Result<String, Stop> {
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
    pub(super) fn scalar(&mut self) -> Result<(), Stop> {
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
