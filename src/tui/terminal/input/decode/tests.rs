use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};

use super::Decoder;

/// Every event `chunks` decode to, fed one after the other as separate reads.
fn decode(chunks: &[&[u8]]) -> Vec<Event> {
    let mut decoder = Decoder::default();
    let mut events = Vec::new();
    for chunk in chunks {
        decoder.feed(chunk, false);
        events.extend(std::iter::from_fn(|| decoder.event()));
    }
    events
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

fn ch(c: char) -> Event {
    key(KeyCode::Char(c), KeyModifiers::NONE)
}

fn ctrl(c: char) -> Event {
    key(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn mouse(kind: MouseEventKind, column: u16, row: u16) -> Event {
    Event::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    })
}

#[test]
fn characters_and_control_keys_decode_as_crossterm_decodes_them() {
    assert_eq!(
        decode(&["aG é→😀".as_bytes()]),
        vec![
            ch('a'),
            key(KeyCode::Char('G'), KeyModifiers::SHIFT),
            ch(' '),
            ch('é'),
            ch('→'),
            ch('😀'),
        ]
    );
    assert_eq!(
        decode(&[b"\r\t\x7f\x03\x1a\x00\x1c\n"]),
        vec![
            key(KeyCode::Enter, KeyModifiers::NONE),
            key(KeyCode::Tab, KeyModifiers::NONE),
            key(KeyCode::Backspace, KeyModifiers::NONE),
            ctrl('c'),
            ctrl('z'),
            ctrl(' '),
            ctrl('4'),
            ctrl('j'),
        ]
    );
}

#[test]
fn escape_alone_is_esc_and_before_a_key_is_alt() {
    let esc = key(KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(decode(&[b"\x1b"]), vec![esc.clone()]);
    assert_eq!(decode(&[b"\x1b\x1b"]), vec![esc.clone(), esc.clone()]);
    assert_eq!(
        decode(&[b"\x1bx"]),
        vec![key(KeyCode::Char('x'), KeyModifiers::ALT)]
    );
    assert_eq!(
        decode(&[b"\x1b\x7f"]),
        vec![key(KeyCode::Backspace, KeyModifiers::ALT)]
    );
    // Ctrl-C after Esc stays Ctrl-C.
    assert_eq!(decode(&[b"\x1b\x03"]), vec![esc, ctrl('c')]);
    // A read that filled its buffer may end inside a sequence: the ESC waits for the rest.
    let mut decoder = Decoder::default();
    decoder.feed(b"\x1b", true);
    assert_eq!(decoder.event(), None);
    decoder.feed(b"[A", false);
    assert_eq!(decoder.event(), Some(key(KeyCode::Up, KeyModifiers::NONE)));
}

#[test]
fn cursor_editing_and_function_keys_decode_with_their_modifiers() {
    let none = KeyModifiers::NONE;
    assert_eq!(
        decode(&[b"\x1b[A\x1bOB\x1b[C\x1b[D\x1b[H\x1b[F\x1bOP\x1b[Z"]),
        vec![
            key(KeyCode::Up, none),
            key(KeyCode::Down, none),
            key(KeyCode::Right, none),
            key(KeyCode::Left, none),
            key(KeyCode::Home, none),
            key(KeyCode::End, none),
            key(KeyCode::F(1), none),
            key(KeyCode::BackTab, KeyModifiers::SHIFT),
        ]
    );
    assert_eq!(
        decode(&[b"\x1b[3~\x1b[5~\x1b[6~\x1b[2~\x1b[15~\x1b[24~\x1b[1~\x1b[4~"]),
        vec![
            key(KeyCode::Delete, none),
            key(KeyCode::PageUp, none),
            key(KeyCode::PageDown, none),
            key(KeyCode::Insert, none),
            key(KeyCode::F(5), none),
            key(KeyCode::F(12), none),
            key(KeyCode::Home, none),
            key(KeyCode::End, none),
        ]
    );
    // xterm's modifier parameter: 5 is Ctrl, 3 Alt, 2 Shift.
    assert_eq!(
        decode(&[b"\x1b[1;5C\x1b[3;3~\x1b[1;2A"]),
        vec![
            key(KeyCode::Right, KeyModifiers::CONTROL),
            key(KeyCode::Delete, KeyModifiers::ALT),
            key(KeyCode::Up, KeyModifiers::SHIFT),
        ]
    );
    // The kitty protocol's `CSI u`, with an event kind.
    assert_eq!(
        decode(&[b"\x1b[99;5u\x1b[97;1:3u"]),
        vec![
            ctrl('c'),
            Event::Key(KeyEvent::new_with_kind_and_state(
                KeyCode::Char('a'),
                none,
                KeyEventKind::Release,
                KeyEventState::NONE
            )),
        ]
    );
    // Sequences no key sends are dropped; what follows decodes.
    assert_eq!(decode(&[b"\x1b[12;3R\x1b[?1;2cq"]), vec![ch('q')]);
}

#[test]
fn mouse_reports_decode_in_each_encoding() {
    assert_eq!(
        decode(&[b"\x1b[<0;12;5M\x1b[<0;12;5m\x1b[<65;1;1M\x1b[<64;80;24M"]),
        vec![
            mouse(MouseEventKind::Down(MouseButton::Left), 11, 4),
            mouse(MouseEventKind::Up(MouseButton::Left), 11, 4),
            mouse(MouseEventKind::ScrollDown, 0, 0),
            mouse(MouseEventKind::ScrollUp, 79, 23),
        ]
    );
    // X10: button, column and row as bytes offset by 32 (and one-based).
    assert_eq!(
        decode(&[b"\x1b[M +&"]),
        vec![mouse(MouseEventKind::Down(MouseButton::Left), 10, 5)]
    );
    // urxvt: the same numbers in decimal.
    assert_eq!(
        decode(&[b"\x1b[96;3;4M"]),
        vec![mouse(MouseEventKind::ScrollUp, 2, 3)]
    );
    // Ctrl held: the modifier bit.
    assert_eq!(
        decode(&[b"\x1b[<16;1;1M"]),
        vec![Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: 0,
            row: 0,
            modifiers: KeyModifiers::CONTROL,
        })]
    );
}

#[test]
fn a_bracketed_paste_is_one_event_however_it_is_split() {
    let paste = |text: &str| Event::Paste(text.to_owned());
    assert_eq!(
        decode(&[b"\x1b[200~q\x1b[Ajk\r\nl\x1b[201~j"]),
        vec![paste("q\x1b[Ajk\r\nl"), ch('j')]
    );
    assert_eq!(
        decode(&[b"\x1b[2", b"00~ab", "cé".as_bytes(), b"\x1b[20", b"1~"]),
        vec![paste("abcé")]
    );
    assert_eq!(decode(&[b"\x1b[200~\x1b[201~"]), vec![paste("")]);
}

#[test]
fn a_cut_mouse_report_gives_up_at_the_first_byte_no_report_has() {
    // q, Ctrl-C or any key after a truncated report is that key.
    assert_eq!(decode(&[b"\x1b[<0;12", b"q"]), vec![ch('q')]);
    assert_eq!(decode(&[b"\x1b[<0;12q"]), vec![ch('q')]);
    assert_eq!(decode(&[b"\x1b[<0;12", b"\x03"]), vec![ctrl('c')]);
    assert_eq!(decode(&[b"\x1b[<0;1", b"2;", b"j"]), vec![ch('j')]);
    // An escape sequence starting inside it is decoded whole.
    assert_eq!(
        decode(&[b"\x1b[<0;12\x1b[B"]),
        vec![key(KeyCode::Down, KeyModifiers::NONE)]
    );
}

#[test]
fn a_control_byte_ends_any_unfinished_sequence_and_counts_as_its_key() {
    assert_eq!(decode(&[b"\x1b[12", b"\x03"]), vec![ctrl('c')]);
    assert_eq!(decode(&[b"\x1b[M ", b"\x03"]), vec![ctrl('c')]);
    assert_eq!(
        decode(&[b"\x1b[1;", b"\x1bOA"]),
        vec![key(KeyCode::Up, KeyModifiers::NONE)]
    );
    // A cut UTF-8 character.
    assert_eq!(decode(&[b"\xc3", b"q"]), vec![ch('q')]);
    // No sequence is that long: what follows is keys again.
    let mut long = b"\x1b[".to_vec();
    long.extend([b'1'; 100]);
    long.push(b'q');
    let events = decode(&[&long]);
    assert_eq!(events.last(), Some(&ch('q')), "{events:?}");
}

#[test]
fn ctrl_c_inside_an_unfinished_paste_is_the_key_and_ends_the_paste() {
    assert_eq!(decode(&[b"\x1b[200~", b"\x03"]), vec![ctrl('c')]);
    assert_eq!(decode(&[b"\x1b[200~abc", b"\x03q"]), vec![ctrl('c'), ch('q')]);
}

#[test]
fn flush_gives_up_what_the_terminal_left_unfinished() {
    let mut decoder = Decoder::default();
    decoder.feed(b"\x1b[<0;12", false);
    assert_eq!(decoder.unfinished(), Some(false));
    decoder.flush();
    assert_eq!(decoder.unfinished(), None);
    assert_eq!(decoder.event(), None, "a cut report is dropped");
    decoder.feed(b"q", false);
    assert_eq!(decoder.event(), Some(ch('q')));

    // `ESC [` then `q` would be one unknown sequence; after the flush, q is q.
    decoder.feed(b"\x1b[", false);
    decoder.flush();
    decoder.feed(b"q", false);
    assert_eq!(decoder.event(), Some(ch('q')));

    // A paste whose end never came is what was pasted, and then keys are keys again.
    decoder.feed(b"\x1b[200~half a pa", false);
    assert_eq!(decoder.unfinished(), Some(true));
    decoder.flush();
    assert_eq!(decoder.event(), Some(Event::Paste("half a pa".to_owned())));
    decoder.feed(b"q", false);
    assert_eq!(decoder.event(), Some(ch('q')));

    // A lone ESC held because the read was full.
    decoder.feed(b"\x1b", true);
    decoder.flush();
    assert_eq!(decoder.event(), Some(key(KeyCode::Esc, KeyModifiers::NONE)));
    assert_eq!(decoder.event(), None);
}

#[test]
fn a_burst_of_keys_read_in_small_pieces_decodes_to_every_key() {
    let burst = "j".repeat(10_000);
    let mut decoder = Decoder::default();
    let mut count = 0;
    for piece in burst.as_bytes().chunks(1024) {
        decoder.feed(piece, piece.len() == 1024);
        while let Some(event) = decoder.event() {
            assert_eq!(event, ch('j'));
            count += 1;
        }
    }
    assert_eq!(count, 10_000);
}
