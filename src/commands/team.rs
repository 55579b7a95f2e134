//! `stackpick team`: several people's sessions of one decision side by side.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::commands::failure::Failure;
use crate::commands::input::load_decision;
use crate::team::Team;
use crate::team::report::TeamReport;

/// The JSON object of `team --json`: the decision's title and the `team` object.
#[derive(Serialize)]
struct TeamJson<'a> {
    decision: &'a str,
    team: &'a TeamReport,
}

/// The team of these session files, checked against the decision of `--data` (else the
/// embedded one): every problem of every file is listed.
pub fn load_team(
    data: Option<&Path>,
    files: &[PathBuf],
) -> Result<(crate::decision::Decision, Team), Failure> {
    let decision = load_decision(data)?;
    let team = Team::load(&decision, files)?;
    Ok((decision, team))
}

/// `stackpick team FILE...`: the text report (escaped), or the JSON object with `--json`.
pub fn team(data: Option<&Path>, files: &[PathBuf], json: bool, out: &mut dyn Write) -> Result<(), Failure> {
    let (decision, team) = load_team(data, files)?;
    let report = TeamReport::new(&team, &decision);
    let text = if json {
        let object = TeamJson {
            decision: &decision.title,
            team: &report,
        };
        let text = serde_json::to_string_pretty(&object).expect("a team report always serialises");
        let mut text = crate::text::json_safe(&text);
        text.push('\n');
        text
    } else {
        // Names and notes come from the files: nothing of them may drive the terminal.
        crate::text::escape(&report.to_text(&decision.title)).into_owned()
    };
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|source| Failure::Output {
            what: "the team report",
            source,
        })
}
