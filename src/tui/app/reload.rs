//! `App::reload`: the followed file (`--watch`) changed, and the runtime read it. A good
//! version replaces the decision at once, with every answer, note and choice kept whose id
//! it still has; a broken one leaves the last good version in use and its problems on screen.

use std::collections::BTreeSet;

use crate::decision::Decision;
use crate::score::choice::Pick;
use crate::session::Session;
use crate::tui::app::choice_entries;
use crate::tui::app::model::App;
use crate::tui::app::ui::{Mode, NoteTarget, Problems};

/// What changed between two versions of a decision, counted by id.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Diff {
    pub options_added: usize,
    pub options_removed: usize,
    pub questions_added: usize,
    pub questions_removed: usize,
}

impl Diff {
    pub fn between(old: &Decision, new: &Decision) -> Diff {
        let options = |d: &Decision| -> BTreeSet<String> { d.options.iter().map(|o| o.id.clone()).collect() };
        let questions = |d: &Decision| -> BTreeSet<String> { d.question_ids().into_iter().collect() };
        let (old_options, new_options) = (options(old), options(new));
        let (old_questions, new_questions) = (questions(old), questions(new));
        Diff {
            options_added: new_options.difference(&old_options).count(),
            options_removed: old_options.difference(&new_options).count(),
            questions_added: new_questions.difference(&old_questions).count(),
            questions_removed: old_questions.difference(&new_questions).count(),
        }
    }

    /// "2 questions added, 1 removed", each kind of change its own part.
    fn parts(&self) -> Vec<String> {
        let kind = |noun: &str, added: usize, removed: usize| {
            let noun = |n: usize| format!("{n} {noun}{}", if n == 1 { "" } else { "s" });
            match (added, removed) {
                (0, 0) => None,
                (a, 0) => Some(format!("{} added", noun(a))),
                (0, r) => Some(format!("{} removed", noun(r))),
                (a, r) => Some(format!("{} added, {r} removed", noun(a))),
            }
        };
        [
            kind("option", self.options_added, self.options_removed),
            kind("question", self.questions_added, self.questions_removed),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

impl App {
    /// The followed file changed: `file` names it as messages do, `loaded` is its new
    /// version or its problems (see `tui/follow.rs`). Nothing is saved here: the next change
    /// of the user's saves the answers as they now are.
    pub fn reload(&mut self, file: &str, loaded: Result<Decision, Vec<String>>) {
        match loaded {
            Ok(decision) => self.switch_to(file, decision),
            Err(lines) => {
                let count = lines.len();
                self.ui.problems = Some(Problems {
                    file: crate::text::escape(file).into_owned(),
                    lines: lines
                        .iter()
                        .map(|line| crate::text::escape(line).into_owned())
                        .collect(),
                });
                let what = if count == 1 {
                    "its problem is"
                } else {
                    "its problems are"
                };
                self.set_status(format!("Not reloaded: {file} is not valid ({what} below)"), true);
            }
        }
    }

    fn switch_to(&mut self, file: &str, decision: Decision) {
        let was_broken = self.ui.problems.take().is_some();
        let old = self.scorecard.decision();
        if !was_broken && *old == decision {
            return;
        }
        let diff = Diff::between(old, &decision);
        // The answers go the way a saved session's do when its decision changed: every id
        // the new version has is kept, the others are dropped and said.
        let (answers, errors) = Session::new(old, self.scorecard.answers()).answers_lenient(&decision);
        let mut dropped: Vec<String> = Vec::new();
        for description in errors.iter().map(crate::state::describe) {
            if !dropped.contains(&description) {
                dropped.push(description);
            }
        }
        let dropped_count = dropped.len() + errors.unlisted();
        let selected = self
            .scorecard
            .question_id(self.ui.checklist.selected)
            .map(str::to_owned);
        let noting = match &self.ui.mode {
            Mode::Note {
                target: NoteTarget::Question(index),
                ..
            } => self.scorecard.question_id(*index).map(str::to_owned),
            _ => None,
        };
        self.scorecard.replace_decision(decision, answers);
        self.keep_in_range(selected.as_deref(), noting.as_deref());
        for description in &dropped {
            self.set_status(format!("Dropped {description}: {file} no longer has it"), true);
        }
        if errors.unlisted() > 0 {
            let more = crate::text::and_more(errors.unlisted(), "answer", "answers");
            self.set_status(format!("Dropped {more}"), true);
        }
        let mut text = format!("Reloaded {file}");
        let mut parts = diff.parts();
        if dropped_count > 0 {
            let s = if dropped_count == 1 { "" } else { "s" };
            parts.push(format!("{dropped_count} answer{s} dropped"));
        }
        if !parts.is_empty() {
            text.push_str(": ");
            text.push_str(&parts.join("; "));
        }
        self.set_status(text, dropped_count > 0);
    }

    /// After a reload: every selection and cursor on an item the decision still has, the
    /// same item where it is still there (the selected question by its id).
    fn keep_in_range(&mut self, selected: Option<&str>, noting: Option<&str>) {
        let questions = self.scorecard.question_count();
        let checklist = &mut self.ui.checklist;
        let index = selected
            .and_then(|id| self.scorecard.question_index(id))
            .unwrap_or_else(|| checklist.selected.min(questions.saturating_sub(1)));
        checklist.select(index);
        let options = self.scorecard.decision().options.len();
        self.ui.strengths.scroll.resize(options, 0);
        self.ui.strengths.focus = self.ui.strengths.focus.min(options.saturating_sub(1));
        self.ui.compare.selected = self
            .ui
            .compare
            .selected
            .min(self.compare_row_count().saturating_sub(1));
        let decision = self.scorecard.decision();
        let mut closed = None;
        match &mut self.ui.mode {
            Mode::Note {
                target: NoteTarget::Question(index),
                ..
            } => match noting.and_then(|id| self.scorecard.question_index(id)) {
                Some(now) => *index = now,
                None => closed = Some("The note being typed was not kept: its question is gone"),
            },
            Mode::Stage { cursor } => *cursor = (*cursor).min(decision.stages.len()),
            Mode::Choose { cursor } => {
                *cursor = (*cursor).min(choice_entries(decision).len().saturating_sub(1));
            }
            Mode::Because {
                pick: Pick::Option(id),
                ..
            } if decision.option(id).is_none() => {
                closed = Some("The justification being typed was not kept: its option is gone");
            }
            _ => {}
        }
        if let Some(message) = closed {
            self.ui.mode = Mode::Normal;
            self.set_status(message, true);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::{Answer, Answers};
    use crate::tui::theme::Theme;

    const MINI: &str = include_str!("../../../tests/fixtures/good/mini.ron");

    fn mini(source: &str) -> Decision {
        Decision::parse(source, "mini.ron").expect("a valid decision")
    }

    /// Mini without Flask's prototype question, with two questions more for Django.
    fn edited() -> Decision {
        mini(
            &MINI
                .replace(
                    "                Question(id: \"prototype\", text: \"Do you want to prototype and validate quickly?\"),\n",
                    "",
                )
                .replace(
                    "weight: 2),\n",
                    "weight: 2),\n                Question(id: \"orm\", text: \"Do you want an ORM?\"),\n                Question(id: \"batteries\", text: \"Batteries included?\"),\n",
                ),
        )
    }

    fn app() -> App {
        let mut answers = Answers::default();
        answers.set("django.admin-panel", Some(Answer::Yes));
        answers.set("flask.prototype", Some(Answer::No));
        answers.set_note("flask.prototype", "for the demo");
        answers.set_note("django.security", "patient data");
        App::new(mini(MINI), answers, Theme::monochrome())
    }

    #[test]
    fn a_reload_keeps_the_answers_it_can_and_names_those_it_drops() {
        let mut app = app();
        app.reload("mini.ron", Ok(edited()));
        let answers = app.scorecard.answers();
        assert_eq!(answers.answer("django.admin-panel"), Some(Answer::Yes));
        assert_eq!(answers.note_for("django.security"), Some("patient data"));
        assert_eq!(answers.answer("flask.prototype"), None);
        assert_eq!(answers.note_for("flask.prototype"), None);
        assert_eq!(app.scorecard.question_count(), 7);
        let status = app.ui.status.as_ref().expect("a status");
        assert_eq!(
            status.text,
            "Reloaded mini.ron: 2 questions added, 1 removed; 1 answer dropped"
        );
        // The answer and the note of one question are one drop, named in the log.
        let log: Vec<&str> = app.messages.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(
            log,
            [
                "Dropped question \"flask.prototype\": mini.ron no longer has it",
                "Reloaded mini.ron: 2 questions added, 1 removed; 1 answer dropped",
            ]
        );
    }

    #[test]
    fn options_are_counted_and_the_same_version_again_says_nothing() {
        let mut app = app();
        app.reload("mini.ron", Ok(mini(MINI)));
        assert!(app.ui.status.is_none(), "nothing changed: nothing said");
        let without_flask = {
            let mut d = mini(MINI);
            d.options.retain(|o| o.id == "django");
            d
        };
        app.reload("mini.ron", Ok(without_flask));
        assert_eq!(
            app.ui.status.as_ref().unwrap().text,
            "Reloaded mini.ron: 1 option removed; 3 questions removed; 1 answer dropped"
        );
    }

    #[test]
    fn a_reload_that_removes_the_selected_question_keeps_the_selection_in_range() {
        let mut app = app();
        // The last question, Flask's prototype, selected; the edit removes it.
        app.ui.checklist.select(5);
        app.reload("mini.ron", Ok(edited()));
        let count = app.scorecard.question_count();
        assert!(app.ui.checklist.selected < count);
        // A question that stays is followed to its new place.
        let mut app = self::app();
        app.ui.checklist.select(3);
        assert_eq!(app.scorecard.question_id(3), Some("flask.rest-api"));
        app.reload("mini.ron", Ok(edited()));
        assert_eq!(
            app.scorecard.question_id(app.ui.checklist.selected),
            Some("flask.rest-api")
        );
    }

    #[test]
    fn undo_does_not_go_back_across_a_reload() {
        let mut app = app();
        app.scorecard.toggle(5);
        app.reload("mini.ron", Ok(edited()));
        assert_eq!(app.scorecard.undo(), None);
        assert_eq!(app.scorecard.answers().answer("flask.prototype"), None);
    }

    #[test]
    fn a_broken_version_is_shown_and_kept_out_until_a_good_one_comes() {
        let mut app = app();
        let before = app.scorecard.answers().clone();
        let line = "mini.ron:5:5: Expected comma\u{1b}[2J\u{202e}".to_owned();
        app.reload("mini.ron", Err(vec![line]));
        let problems = app.ui.problems.as_ref().expect("the problems shown");
        assert!(problems.lines[0].starts_with("mini.ron:5:5: Expected comma"));
        assert!(
            !problems.lines[0]
                .chars()
                .any(|c| c.is_control() || c == '\u{202e}'),
            "{problems:?}"
        );
        assert_eq!(app.scorecard.answers(), &before, "the answers are untouched");
        assert_eq!(app.scorecard.question_count(), 6);
        // The same version as before the break: the panel goes, and the status says so.
        app.reload("mini.ron", Ok(mini(MINI)));
        assert!(app.ui.problems.is_none());
        assert_eq!(app.ui.status.as_ref().unwrap().text, "Reloaded mini.ron");
    }

    #[test]
    fn an_open_note_on_a_removed_question_is_closed() {
        let mut app = app();
        app.ui.tab = crate::tui::action::Tab::Checklist;
        app.ui.checklist.select(5);
        app.update(crate::tui::action::Action::EditNote);
        assert!(matches!(app.ui.mode, Mode::Note { .. }));
        app.reload("mini.ron", Ok(edited()));
        assert_eq!(app.ui.mode, Mode::Normal);
        assert!(app.messages.iter().any(|m| m.text.contains("note being typed")));
    }
}
