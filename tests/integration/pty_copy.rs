//! `Y` copies the decision: on a real pseudo-terminal, the app writes an OSC 52
//! sequence whose payload decodes to the decision as `stackpick score` prints it, and says so
//! in the status line. OSC 52 is interpreted by the terminal, so this is what works over SSH.

#![cfg(unix)]

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use crate::support::pty::PtyApp;

const OSC52: &str = "\x1b]52;c;";

/// The payload of the first OSC 52 sequence in `text`, ended by ST (`ESC \`) or BEL.
fn osc52_payload(text: &str) -> Option<&str> {
    let start = text.find(OSC52)? + OSC52.len();
    let rest = &text[start..];
    let end = rest.find(['\x1b', '\x07'])?;
    Some(&rest[..end])
}

#[test]
fn y_writes_the_decision_to_the_clipboard_with_osc_52() {
    let mut app = PtyApp::start(|_, _| {});
    app.wait_text(0, "the first frame", |s| s.contains("TL;DR"));

    // Answer the first question yes, choose the first option with a reason, then copy.
    app.type_bytes(b"4 ");
    app.wait_text(0, "the tick", |s| s.contains("[x]"));
    app.type_bytes(b"cj\r");
    app.wait_text(0, "the reason's field", |s| {
        s.contains("One line; Enter keeps it")
    });
    app.type_bytes(b"we know it\r");
    app.wait_text(0, "the choice", |s| s.contains("Decision: "));
    let copied_from = app.transcript.len();
    app.type_bytes(b"Y");
    let text = app.wait_text(copied_from, "an OSC 52 sequence and the message", |s| {
        osc52_payload(s).is_some() && s.contains("Copied the decision")
    });
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
    let choice = format!("Decision: {} — your choice", decision.options[0].name);
    assert!(decoded.contains(&choice), "{decoded}");
    assert!(decoded.contains("Why: We know it."), "{decoded}");
    assert!(
        !decoded.chars().any(|c| c.is_control() && c != '\n'),
        "only clean text: {decoded:?}"
    );
    // The status line says so (its exact text is checked in tests/integration/tui_export.rs: a frame on
    // a real terminal writes only the cells that changed).
    assert!(text.contains("Copied the decision"), "the status line says so");

    app.type_bytes(b"q");
    let status = app.wait_exit();
    assert!(status.success(), "{status:?}");
}
