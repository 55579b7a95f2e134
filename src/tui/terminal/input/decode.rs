//! The terminal's bytes as crossterm events: keys (xterm's encodings), mouse reports (SGR,
//! X10, urxvt) and bracketed pastes, decoded as crossterm's own parser does, with one
//! difference: a sequence the terminal never finished is given up instead of taking every
//! later key with it. A control byte cannot be part of an escape sequence, and only digits and
//! `;` can be part of an SGR mouse report, so such a byte ends the sequence and counts as the
//! key it is (Ctrl-C after `ESC [<0;12`); a sequence still unfinished when the input has been
//! quiet for a while is dropped by [`Decoder::flush`].

use std::collections::VecDeque;

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};

/// A terminal's escape sequences are a few dozen bytes; more than this is not one.
const LONGEST_SEQUENCE: usize = 64;
/// What ends a bracketed paste.
const PASTE_END: &[u8] = b"\x1b[201~";

/// Where the decoder is in the byte stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Ground,
    /// After ESC.
    Escape,
    /// After `ESC O`.
    Ss3,
    /// After `ESC [`, the parameters so far held.
    Csi,
    /// After `ESC [ M`: an X10 mouse report, its three bytes held as they come.
    X10,
    /// Within a UTF-8 character: this many bytes to come (the first ones held); with Alt when
    /// it came after ESC.
    Utf8 {
        left: usize,
        alt: bool,
    },
    /// Within a bracketed paste, its text held.
    Paste,
}

/// Turns bytes into events; keeps an unfinished sequence for the next bytes.
#[derive(Debug)]
pub struct Decoder {
    state: State,
    held: Vec<u8>,
    events: VecDeque<Event>,
}

impl Default for Decoder {
    fn default() -> Self {
        Decoder {
            state: State::Ground,
            held: Vec::new(),
            events: VecDeque::new(),
        }
    }
}

impl Decoder {
    /// Decodes `bytes`. `more`: the read filled its buffer, so more bytes may follow at once;
    /// otherwise an ESC at the end is the Esc key, as the terminal sends a sequence whole.
    pub fn feed(&mut self, bytes: &[u8], more: bool) {
        for &byte in bytes {
            self.byte(byte);
        }
        if !more && self.state == State::Escape {
            self.state = State::Ground;
            self.key(KeyCode::Esc, KeyModifiers::NONE);
        }
    }

    /// The next decoded event.
    pub fn event(&mut self) -> Option<Event> {
        self.events.pop_front()
    }

    /// Whether an unfinished sequence is held: `Some(true)` for a paste.
    pub fn unfinished(&self) -> Option<bool> {
        match self.state {
            State::Ground => None,
            State::Paste => Some(true),
            _ => Some(false),
        }
    }

    /// The input went quiet inside a sequence: it will not be finished. A paste is delivered
    /// as far as it came (its text is what the user pasted); anything else is dropped, an ESC
    /// alone being the Esc key.
    pub fn flush(&mut self) {
        match std::mem::replace(&mut self.state, State::Ground) {
            State::Escape => self.key(KeyCode::Esc, KeyModifiers::NONE),
            State::Paste => {
                let text = String::from_utf8_lossy(&self.held).into_owned();
                self.events.push_back(Event::Paste(text));
            }
            State::Ground | State::Ss3 | State::Csi | State::X10 | State::Utf8 { .. } => {}
        }
        self.held.clear();
    }

    fn byte(&mut self, byte: u8) {
        match self.state {
            State::Ground => self.ground(byte, false),
            State::Escape => match byte {
                b'[' => {
                    self.held.clear();
                    self.state = State::Csi;
                }
                b'O' => self.state = State::Ss3,
                0x1b => self.key(KeyCode::Esc, KeyModifiers::NONE),
                // A control key after ESC is Esc, then that key, so Ctrl-C is never Alt-Ctrl-C.
                0x00..=0x08 | 0x0a..=0x0c | 0x0e..=0x1f => {
                    self.state = State::Ground;
                    self.key(KeyCode::Esc, KeyModifiers::NONE);
                    self.ground(byte, false);
                }
                _ => {
                    self.state = State::Ground;
                    self.ground(byte, true);
                }
            },
            State::Ss3 => {
                self.state = State::Ground;
                let code = match byte {
                    b'A' => KeyCode::Up,
                    b'B' => KeyCode::Down,
                    b'C' => KeyCode::Right,
                    b'D' => KeyCode::Left,
                    b'H' => KeyCode::Home,
                    b'F' => KeyCode::End,
                    b'P'..=b'S' => KeyCode::F(1 + byte - b'P'),
                    // Not SS3: it was Alt-O, and this byte is a key of its own.
                    _ => {
                        self.key(KeyCode::Char('O'), KeyModifiers::ALT | KeyModifiers::SHIFT);
                        return self.byte(byte);
                    }
                };
                self.key(code, KeyModifiers::NONE);
            }
            State::Csi => self.csi(byte),
            State::X10 => {
                if byte < 0x20 {
                    return self.cut(byte);
                }
                self.held.push(byte);
                if let [cb, x, y] = self.held[..] {
                    self.state = State::Ground;
                    self.held.clear();
                    let position = (u16::from(x).checked_sub(33), u16::from(y).checked_sub(33));
                    if let (Some(column), Some(row)) = position {
                        self.mouse(cb.wrapping_sub(32), column, row, false);
                    }
                }
            }
            State::Utf8 { left, alt } => {
                if !(0x80..=0xbf).contains(&byte) {
                    return self.cut(byte);
                }
                self.held.push(byte);
                if left > 1 {
                    self.state = State::Utf8 { left: left - 1, alt };
                    return;
                }
                self.state = State::Ground;
                let c = std::str::from_utf8(&self.held)
                    .ok()
                    .and_then(|s| s.chars().next());
                self.held.clear();
                if let Some(c) = c {
                    self.char(c, alt);
                }
            }
            State::Paste => {
                // The paste never ended and the user pressed Ctrl-C: the key, not text.
                if byte == 0x03 {
                    self.state = State::Ground;
                    self.held.clear();
                    return self.ground(byte, false);
                }
                self.held.push(byte);
                if self.held.ends_with(PASTE_END) {
                    self.held.truncate(self.held.len() - PASTE_END.len());
                    let text = String::from_utf8_lossy(&self.held).into_owned();
                    self.held.clear();
                    self.state = State::Ground;
                    self.events.push_back(Event::Paste(text));
                }
            }
        }
    }

    /// A sequence cut short by `byte`, which cannot be part of it: drop what was held, and
    /// take `byte` as the start of what comes next.
    fn cut(&mut self, byte: u8) {
        self.state = State::Ground;
        self.held.clear();
        self.byte(byte);
    }

    /// A byte outside any sequence (`alt`: right after an ESC).
    fn ground(&mut self, byte: u8, alt: bool) {
        let alt_or_none = if alt {
            KeyModifiers::ALT
        } else {
            KeyModifiers::NONE
        };
        match byte {
            0x1b => self.state = State::Escape,
            b'\r' => self.key(KeyCode::Enter, alt_or_none),
            b'\t' => self.key(KeyCode::Tab, alt_or_none),
            0x7f => self.key(KeyCode::Backspace, alt_or_none),
            0x00 => self.key(KeyCode::Char(' '), KeyModifiers::CONTROL),
            // In raw mode `\n` is Ctrl-J, and 0x08 Ctrl-H, as in crossterm.
            0x01..=0x1a => self.key(KeyCode::Char(char::from(byte - 1 + b'a')), KeyModifiers::CONTROL),
            0x1c..=0x1f => self.key(
                KeyCode::Char(char::from(byte - 0x1c + b'4')),
                KeyModifiers::CONTROL,
            ),
            0x20..=0x7e => self.char(char::from(byte), alt),
            0xc2..=0xf4 => {
                let left = match byte {
                    0xc2..=0xdf => 1,
                    0xe0..=0xef => 2,
                    _ => 3,
                };
                self.held.clear();
                self.held.push(byte);
                self.state = State::Utf8 { left, alt };
            }
            // Not the first byte of a UTF-8 character.
            _ => {}
        }
    }

    /// A byte after `ESC [`.
    fn csi(&mut self, byte: u8) {
        let sgr = self.held.first() == Some(&b'<');
        match byte {
            b'M' if self.held.is_empty() => self.state = State::X10,
            // A mouse report is digits and `;` up to its M or m.
            _ if sgr && !matches!(byte, b'0'..=b'9' | b';' | b'M' | b'm') => self.cut(byte),
            0x20..=0x3f if self.held.len() < LONGEST_SEQUENCE => self.held.push(byte),
            0x40..=0x7e => {
                self.state = State::Ground;
                let params = std::mem::take(&mut self.held);
                self.csi_final(&params, byte);
            }
            // A control byte (ESC included), a byte past ASCII, or no end in sight.
            _ => self.cut(byte),
        }
    }

    /// A whole `ESC [ params final` sequence; one no terminal sends as input is dropped.
    fn csi_final(&mut self, params: &[u8], last: u8) {
        let Ok(params) = std::str::from_utf8(params) else {
            return;
        };
        if let Some(report) = params.strip_prefix('<') {
            // SGR mouse: `ESC [ < button ; column ; row (M|m)`, m for a release.
            if let [Some(cb), Some(x), Some(y)] = numbers::<3>(report)
                && let (Ok(cb), Some((column, row))) = (u8::try_from(cb), cell(x, y))
            {
                self.mouse(cb, column, row, last == b'm');
            }
            return;
        }
        if params == "200" && last == b'~' {
            self.state = State::Paste;
            return;
        }
        let mut fields = params.split(';');
        let first = fields.next().unwrap_or("");
        // `modifiers[:kind]`, as xterm and the kitty protocol write them.
        let (modifiers, kind, state) = fields.next().map_or(
            (KeyModifiers::NONE, KeyEventKind::Press, KeyEventState::NONE),
            modifiers_and_kind,
        );
        let code = match last {
            b'A' => KeyCode::Up,
            b'B' => KeyCode::Down,
            b'C' => KeyCode::Right,
            b'D' => KeyCode::Left,
            b'H' => KeyCode::Home,
            b'F' => KeyCode::End,
            b'P' => KeyCode::F(1),
            b'Q' => KeyCode::F(2),
            // `CSI … R` is a cursor position report; F3 comes as `ESC O R`.
            b'S' => KeyCode::F(4),
            b'Z' => {
                self.key(KeyCode::BackTab, KeyModifiers::SHIFT);
                return;
            }
            b'I' if params.is_empty() => return self.events.push_back(Event::FocusGained),
            b'O' if params.is_empty() => return self.events.push_back(Event::FocusLost),
            b'~' => match first.parse::<u8>() {
                Ok(1 | 7) => KeyCode::Home,
                Ok(2) => KeyCode::Insert,
                Ok(3) => KeyCode::Delete,
                Ok(4 | 8) => KeyCode::End,
                Ok(5) => KeyCode::PageUp,
                Ok(6) => KeyCode::PageDown,
                Ok(n @ 11..=15) => KeyCode::F(n - 10),
                Ok(n @ 17..=21) => KeyCode::F(n - 11),
                Ok(n @ 23..=26) => KeyCode::F(n - 12),
                Ok(n @ 28..=29) => KeyCode::F(n - 15),
                Ok(n @ 31..=34) => KeyCode::F(n - 17),
                _ => return,
            },
            // `CSI codepoint ; modifiers u` (fixterms, kitty).
            b'u' => {
                let Some(c) = first
                    .split(':')
                    .next()
                    .and_then(|n| n.parse().ok())
                    .and_then(char::from_u32)
                else {
                    return;
                };
                match c {
                    '\x1b' => KeyCode::Esc,
                    '\r' => KeyCode::Enter,
                    '\t' if modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
                    '\t' => KeyCode::Tab,
                    '\x7f' => KeyCode::Backspace,
                    c => KeyCode::Char(c),
                }
            }
            // urxvt mouse: `ESC [ button ; column ; row M`.
            b'M' => {
                if let [Some(cb), Some(x), Some(y)] = numbers::<3>(params)
                    && let Some(cb) = u8::try_from(cb).ok().and_then(|cb| cb.checked_sub(32))
                    && let Some((column, row)) = cell(x, y)
                {
                    self.mouse(cb, column, row, false);
                }
                return;
            }
            _ => return,
        };
        self.events
            .push_back(Event::Key(KeyEvent::new_with_kind_and_state(
                code, modifiers, kind, state,
            )));
    }

    fn key(&mut self, code: KeyCode, modifiers: KeyModifiers) {
        self.events.push_back(Event::Key(KeyEvent::new(code, modifiers)));
    }

    /// A typed character: an upper-case letter carries Shift, as in crossterm.
    fn char(&mut self, c: char, alt: bool) {
        let mut modifiers = if c.is_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        if alt {
            modifiers |= KeyModifiers::ALT;
        }
        self.key(KeyCode::Char(c), modifiers);
    }

    /// A mouse report's button byte (xterm's layout: buttons in bits 0, 1, 6 and 7, Shift,
    /// Alt and Ctrl in 2 to 4, motion in 5); a button the app knows nothing of is dropped.
    fn mouse(&mut self, cb: u8, column: u16, row: u16, release: bool) {
        let button = (cb & 0b11) | ((cb & 0b1100_0000) >> 4);
        let moved = cb & 0b10_0000 != 0;
        let kind = match (button, moved) {
            (0, false) if release => MouseEventKind::Up(MouseButton::Left),
            (1, false) if release => MouseEventKind::Up(MouseButton::Middle),
            (2, false) if release => MouseEventKind::Up(MouseButton::Right),
            (0, false) => MouseEventKind::Down(MouseButton::Left),
            (1, false) => MouseEventKind::Down(MouseButton::Middle),
            (2, false) => MouseEventKind::Down(MouseButton::Right),
            (0, true) => MouseEventKind::Drag(MouseButton::Left),
            (1, true) => MouseEventKind::Drag(MouseButton::Middle),
            (2, true) => MouseEventKind::Drag(MouseButton::Right),
            (3, false) => MouseEventKind::Up(MouseButton::Left),
            (3..=5, true) => MouseEventKind::Moved,
            (4, false) => MouseEventKind::ScrollUp,
            (5, false) => MouseEventKind::ScrollDown,
            (6, false) => MouseEventKind::ScrollLeft,
            (7, false) => MouseEventKind::ScrollRight,
            _ => return,
        };
        let mut modifiers = KeyModifiers::NONE;
        for (bit, modifier) in [
            (0b100, KeyModifiers::SHIFT),
            (0b1000, KeyModifiers::ALT),
            (0b1_0000, KeyModifiers::CONTROL),
        ] {
            if cb & bit != 0 {
                modifiers |= modifier;
            }
        }
        self.events.push_back(Event::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers,
        }));
    }
}

/// A report's one-based column and row as crossterm's zero-based cell.
fn cell(column: u32, row: u32) -> Option<(u16, u16)> {
    let zero_based = |n: u32| n.checked_sub(1).and_then(|n| u16::try_from(n).ok());
    Some((zero_based(column)?, zero_based(row)?))
}

/// The first `N` `;`-separated numbers of `text`.
fn numbers<const N: usize>(text: &str) -> [Option<u32>; N] {
    let mut fields = text.split(';');
    std::array::from_fn(|_| fields.next().and_then(|f| f.parse().ok()))
}

/// xterm's modifier parameter (1 + a bit each for Shift, Alt, Ctrl, Super, Hyper, Meta, then
/// Caps Lock and Num Lock), and the kitty protocol's event kind after a `:`.
fn modifiers_and_kind(field: &str) -> (KeyModifiers, KeyEventKind, KeyEventState) {
    let mut parts = field.split(':');
    let mask = parts
        .next()
        .and_then(|m| m.parse::<u8>().ok())
        .unwrap_or(1)
        .saturating_sub(1);
    let kind = match parts.next().and_then(|k| k.parse::<u8>().ok()) {
        Some(2) => KeyEventKind::Repeat,
        Some(3) => KeyEventKind::Release,
        _ => KeyEventKind::Press,
    };
    let mut modifiers = KeyModifiers::NONE;
    let mut state = KeyEventState::NONE;
    let bits = [
        KeyModifiers::SHIFT,
        KeyModifiers::ALT,
        KeyModifiers::CONTROL,
        KeyModifiers::SUPER,
        KeyModifiers::HYPER,
        KeyModifiers::META,
    ];
    for (i, modifier) in bits.into_iter().enumerate() {
        if mask & (1 << i) != 0 {
            modifiers |= modifier;
        }
    }
    if mask & 64 != 0 {
        state |= KeyEventState::CAPS_LOCK;
    }
    if mask & 128 != 0 {
        state |= KeyEventState::NUM_LOCK;
    }
    (modifiers, kind, state)
}

#[cfg(test)]
mod tests;
