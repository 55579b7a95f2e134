//! `Y` copies the decision (issue 10.7): on a real pseudo-terminal, the app writes an OSC 52
//! sequence whose payload decodes to the decision as `stackpick score` prints it, and says so
//! in the status line. OSC 52 is interpreted by the terminal, so this is what works over SSH.

#![cfg(unix)]

#[path = "support/pty.rs"]
mod pty;

use std::fs::File;
use std::io::{Read, Write};
use std::process::Command;
use std::sync::mpsc::{Receiver, channel};
use std::thread;
use std::time::{Duration, Instant};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

const PATIENCE: Duration = Duration::from_secs(20);
const OSC52: &str = "\x1b]52;c;";

/// Reads from `output` until `done` holds for everything read so far; returns it.
fn read_until(output: &Receiver<Vec<u8>>, got: &mut Vec<u8>, what: &str, done: impl Fn(&str) -> bool) {
    let deadline = Instant::now() + PATIENCE;
    while !done(&String::from_utf8_lossy(got)) {
        let left = deadline.saturating_duration_since(Instant::now());
        match output.recv_timeout(left) {
            Ok(chunk) => got.extend_from_slice(&chunk),
            Err(e) => panic!("waited for {what} ({e}); got: {}", String::from_utf8_lossy(got)),
        }
    }
}

/// The payload of the first OSC 52 sequence in `text`, ended by ST (`ESC \`) or BEL.
fn osc52_payload(text: &str) -> Option<&str> {
    let start = text.find(OSC52)? + OSC52.len();
    let rest = &text[start..];
    let end = rest.find(['\x1b', '\x07'])?;
    Some(&rest[..end])
}

#[test]
fn y_writes_the_decision_to_the_clipboard_with_osc_52() {
    let dirs = tempfile::tempdir().expect("temp dir");
    let (master, slave_name) = pty::open_master(80, 24);
    let slave = pty::open_slave(&slave_name);
    let mut command = Command::new(env!("CARGO_BIN_EXE_stackpick"));
    pty::attach(&mut command, &slave, dirs.path());
    let mut child = command.spawn().expect("start stackpick on the pty");
    drop(slave);
    let mut master = File::from(master);
    let mut reader = master.try_clone().expect("dup master");
    let (tx, output) = channel();
    thread::spawn(move || {
        let mut buf = [0u8; 65536];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut got = Vec::new();
    read_until(&output, &mut got, "the first frame", |s| s.contains("TL;DR"));

    // Answer the first question yes, choose the first option with a reason, then copy.
    master.write_all(b"4 ").expect("type");
    read_until(&output, &mut got, "the tick", |s| s.contains("[x]"));
    master.write_all(b"cj\r").expect("type");
    read_until(&output, &mut got, "the reason's field", |s| {
        s.contains("One line; Enter keeps it")
    });
    master.write_all(b"we know it\r").expect("type");
    read_until(&output, &mut got, "the choice", |s| s.contains("Decision: "));
    got.clear();
    master.write_all(b"Y").expect("type");
    read_until(&output, &mut got, "an OSC 52 sequence and the message", |s| {
        osc52_payload(s).is_some() && s.contains("Copied the decision")
    });
    let text = String::from_utf8_lossy(&got).into_owned();
    let payload = osc52_payload(&text).expect("an OSC 52 sequence");
    let decoded = STANDARD.decode(payload).expect("base64");
    let decoded = String::from_utf8(decoded).expect("UTF-8 text");

    let decision = stackpick::decision::Decision::embedded();
    let mut answers = stackpick::score::Answers::new(&decision, ["django.admin-panel"], None).expect("ids");
    answers.choice = stackpick::score::choice::UserChoice {
        pick: stackpick::score::choice::Pick::Option(decision.options[0].id.clone()),
        because: "we know it".into(),
        status: None,
        deciders: Vec::new(),
    };
    let report = stackpick::report::Report::new(&decision, &answers);
    assert_eq!(
        decoded,
        report.to_text(),
        "the decision as `stackpick score` prints it"
    );
    assert!(decoded.contains(&format!("Verdict: {}", report.verdict.summary)));
    assert!(decoded.contains("Reasons:"), "{decoded}");
    let choice = format!("Your choice: {}", decision.options[0].name);
    assert!(decoded.contains(&choice), "{decoded}");
    assert!(decoded.contains("because we know it"), "{decoded}");
    assert!(
        !decoded.chars().any(|c| c.is_control() && c != '\n'),
        "only clean text: {decoded:?}"
    );
    // The status line says so (its exact text is checked in tests/tui_export.rs: a frame on
    // a real terminal writes only the cells that changed).
    assert!(text.contains("Copied the decision"), "the status line says so");

    master.write_all(b"q").expect("type");
    let deadline = Instant::now() + PATIENCE;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        assert!(Instant::now() < deadline, "stackpick did not exit");
        thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "{status:?}");
}
