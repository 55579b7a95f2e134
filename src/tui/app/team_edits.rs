//! How the Team tab's keys select, filter, answer and open a row's notes, and how the team
//! follows the user's answers (see [`App::sync_team`]).

use crate::score::Answer;
use crate::team::{Member, Person, Team, TeamQuestion};
use crate::tui::action::Tab;
use crate::tui::app::model::{App, Effect};
use crate::tui::app::team::{AppTeam, YOU, your_name};
use crate::tui::app::ui::Mode;
use crate::tui::search::{contains_folded, kept_or_next, move_within, step_match};

impl App {
    /// Opens the Team tab on this team, as loaded. Whoever has the user's name is the user:
    /// their column is the app's own answers, not shown twice. The others keep the
    /// evaluations the team was loaded with.
    pub fn set_team(&mut self, team: Team) {
        let name = your_name(self.scorecard.answers());
        let mut you = Person {
            name: name.clone(),
            path: None,
            answers: self.scorecard.answers().clone(),
        };
        let mut others = Vec::with_capacity(team.members.len());
        for member in team.members {
            if member.name == name {
                you.path = member.path;
            } else {
                others.push(member);
            }
        }
        let decision = self.scorecard.decision();
        // The user is one of the team once they have said something, or when a team file
        // is theirs (see `Member::counted`).
        let mut all = vec![Member::new(decision, you)];
        all.extend(others);
        self.team = Some(AppTeam {
            team: Team::of_members(decision, all),
            revision: self.scorecard.revision(),
        });
    }

    /// How many tabs there are: the Team tab only with a team.
    pub fn tab_count(&self) -> usize {
        if self.team.is_some() {
            Tab::WITHOUT_TEAM + 1
        } else {
            Tab::WITHOUT_TEAM
        }
    }

    /// Adopts the answers another instance saved (a merge on autosave): like any change to
    /// the answers, the team follows them.
    pub fn adopt_answers(&mut self, answers: crate::score::Answers) {
        self.scorecard.replace_answers(answers);
        self.sync_team();
    }

    /// Rebuilds the team when the user's answers changed since it was built; the selection
    /// stays on its question, wherever the new order puts it.
    pub(super) fn sync_team(&mut self) {
        let revision = self.scorecard.revision();
        let Some(team) = self.team.as_mut().filter(|t| t.revision != revision) else {
            return;
        };
        let selected = team
            .team
            .questions
            .get(self.ui.team.selected)
            .map(|q| q.id.clone());
        if let Some(rebuilt) =
            team.team
                .with_answers(self.scorecard.decision(), YOU, self.scorecard.answers().clone())
        {
            team.team = rebuilt;
        }
        team.revision = revision;
        if let Some(at) = selected.and_then(|id| team.team.questions.iter().position(|q| q.id == id)) {
            self.ui.team.selected = at;
        }
    }

    /// The team's questions the Team filter keeps (indexes into `team.questions`, in order):
    /// those whose text or someone's note contains it, ignoring case; all without a filter.
    pub fn team_rows(&self) -> Vec<usize> {
        let Some(team) = &self.team else {
            return Vec::new();
        };
        let filter = self.ui.team.filter.value();
        if filter.is_empty() {
            return (0..team.team.questions.len()).collect();
        }
        let needle = filter.to_lowercase();
        let keeps = |q: &TeamQuestion| {
            contains_folded(&q.text, &needle) || q.notes.iter().flatten().any(|n| contains_folded(n, &needle))
        };
        (0..team.team.questions.len())
            .filter(|&i| keeps(&team.team.questions[i]))
            .collect()
    }

    /// The selected team question.
    pub fn team_question(&self) -> Option<&TeamQuestion> {
        self.team.as_ref()?.team.questions.get(self.ui.team.selected)
    }

    /// The Scorecard's display index of the selected team question (the user's answer to it).
    pub(super) fn team_selected_index(&self) -> Option<usize> {
        self.scorecard.question_index(&self.team_question()?.id)
    }

    /// y, n, Backspace and Space on the Team tab: the user's own answer to the selected
    /// question (`None` in `answer` with `cycle` cycles it).
    pub(super) fn answer_in_team(&mut self, answer: Option<Answer>, cycle: bool) -> Option<Effect> {
        let index = self.team_selected_index()?;
        let before = self.scorecard.revision();
        if cycle {
            self.scorecard.cycle(index);
        } else {
            self.scorecard.set_answer(index, answer);
        }
        (self.scorecard.revision() != before).then_some(Effect::SaveAnswers)
    }

    /// Moves the Team selection by `by` rows among those the filter keeps.
    pub(super) fn move_team(&mut self, by: isize) {
        if let Some(next) = move_within(&self.team_rows(), self.ui.team.selected, by) {
            self.ui.team.selected = next;
        }
    }

    /// Enter: the selected row whole, over the tab; nothing when the filter hides it.
    pub(super) fn open_team_notes(&mut self) {
        if self.team_rows().contains(&self.ui.team.selected) {
            self.ui.mode = Mode::TeamNotes { scroll: 0 };
        }
    }

    /// h and l: the other people's columns scroll sideways, one person at a time.
    pub(super) fn scroll_team_columns(&mut self, right: bool) {
        let others = self
            .team
            .as_ref()
            .map_or(0, |t| t.team.members.len().saturating_sub(1));
        let column = &mut self.ui.team.column;
        *column = if right {
            (*column + 1).min(others.saturating_sub(1))
        } else {
            column.saturating_sub(1)
        };
    }

    /// The Team filter changed: keep the selected row when it still matches, else the next.
    pub(super) fn team_query_changed(&mut self) {
        if let Some(next) = kept_or_next(&self.team_rows(), self.ui.team.selected) {
            self.ui.team.selected = next;
        }
    }

    /// `n`/`N` while the Team filter is in force: the next or previous row it keeps, wrapping.
    pub(super) fn step_team_match(&mut self, forward: bool) {
        let rows = self.team_rows();
        let Some(index) = step_match(&rows, self.ui.team.selected, forward) else {
            let query = self.ui.team.filter.value().to_owned();
            self.set_status(format!("no match for '{query}'"), true);
            return;
        };
        self.ui.team.selected = rows[index];
        self.set_status(format!("match {} of {}", index + 1, rows.len()), false);
    }
}
