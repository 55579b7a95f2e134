//! The Team tab's model: the team of `stackpick --team`, whose first column is the user's own
//! answers (the app's, editable through the Scorecard, so undo, redo and the autosave work)
//! and the others read-only. How the tab's keys select, filter and answer is in
//! `team_edits.rs`.
//!
//! The team is evaluated once when it opens and again only when the user's answers change
//! (see [`App::sync_team`](crate::tui::App::sync_team)), never per frame: twenty people cost
//! one evaluation each per edit.

use crate::identity::clean_name;
use crate::score::Answers;
use crate::team::{Member, Team};

/// The user's column: always the first.
pub const YOU: usize = 0;

/// The team on the Team tab, kept in step with the user's answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppTeam {
    /// The user first, then everyone else in the order of their files.
    pub team: Team,
    /// The scorecard's revision the user's column was taken from.
    pub(crate) revision: u64,
}

impl AppTeam {
    /// The user's column.
    pub fn you(&self) -> &Member {
        &self.team.members[YOU]
    }
}

/// The user's name in a team: the answers' `by`, else "you".
pub fn your_name(answers: &Answers) -> String {
    answers
        .by
        .as_deref()
        .and_then(clean_name)
        .unwrap_or_else(|| "you".to_owned())
}
