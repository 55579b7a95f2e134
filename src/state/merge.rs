//! Merging the answers of two instances of the app that share a state file: a three-way
//! merge, question by question, of what this instance read (the base), what it has now
//! (mine) and what the file holds now (theirs, saved by another instance meanwhile).

use std::collections::BTreeSet;

use crate::score::Answers;

/// Answers merged with another instance's changes, as saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    /// The answers saved: this instance's changes over the other's. The app adopts them.
    pub answers: Answers,
    /// Questions whose answer came from the other instance.
    pub adopted: usize,
    /// Whether the stage came from the other instance.
    pub stage_adopted: bool,
    /// Whether both instances changed the stage, differently, and this one's was kept.
    pub stage_kept: bool,
    /// Whether the decision note or the choice came from the other instance.
    pub decision_adopted: bool,
    /// What changed the file: another instance, or a reset.
    pub by: ChangedBy,
}

/// What changed the saved file since this instance last read or wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangedBy {
    /// Another instance saved its answers.
    Instance,
    /// The file was gone (`stackpick reset`, or removed by hand): what this instance had not
    /// changed since is cleared here too, not saved again.
    Reset,
}

impl Merged {
    /// One line for the status bar: what came from the other instance, and what of its
    /// changes this one replaced.
    pub fn message(&self) -> String {
        if self.by == ChangedBy::Reset {
            return self.reset_message();
        }
        let mut taken = Vec::new();
        if self.adopted > 0 {
            let plural = if self.adopted == 1 { "" } else { "s" };
            taken.push(format!("{} question{plural}", self.adopted));
        }
        if self.stage_adopted {
            taken.push("the stage".to_owned());
        }
        if self.decision_adopted {
            taken.push("the decision note or choice".to_owned());
        }
        match (taken.is_empty(), self.stage_kept) {
            (false, false) => format!(
                "Merged answers saved by another stackpick: {}",
                taken.join(" and ")
            ),
            (false, true) => format!(
                "Merged answers saved by another stackpick: {}; your stage replaced theirs",
                taken.join(" and ")
            ),
            (true, _) => "Another stackpick changed the stage too; your stage replaced theirs".to_owned(),
        }
    }
}

impl Merged {
    /// [`Merged::message`] after a reset: what was cleared, and that the changes made since
    /// are what is saved.
    fn reset_message(&self) -> String {
        let mut cleared = Vec::new();
        if self.adopted > 0 {
            let plural = if self.adopted == 1 { "" } else { "s" };
            cleared.push(format!("{} question{plural}", self.adopted));
        }
        if self.stage_adopted {
            cleared.push("the stage".to_owned());
        }
        if self.decision_adopted {
            cleared.push("the decision note or choice".to_owned());
        }
        if cleared.is_empty() {
            return "The saved answers were reset outside the app; saved your changes since".to_owned();
        }
        format!(
            "The saved answers were reset outside the app: cleared {} here too; saved your changes since",
            cleared.join(" and ")
        )
    }
}

/// Merges `theirs` into `mine`, both changed from `base`: a question's answer or note, the
/// stage, the decision note or the choice that this instance changed keeps its value;
/// anything else takes the other instance's. `None` when the result is simply `mine` with
/// nothing to report.
///
/// Only the stage is reported as a conflict (this instance, the later to save, wins); two
/// instances that answered one question differently keep this one's answer too.
pub fn merge(base: &Answers, mine: &Answers, theirs: &Answers) -> Option<Merged> {
    let ids: BTreeSet<&String> = [base, mine, theirs]
        .iter()
        .flat_map(|a| a.yes.iter().chain(&a.no).chain(a.notes.keys()))
        .collect();
    let mut answers = mine.clone();
    let mut adopted = 0;
    for id in ids {
        let mut changed = false;
        if mine.answer(id) == base.answer(id) && theirs.answer(id) != mine.answer(id) {
            answers.set(id, theirs.answer(id));
            changed = true;
        }
        if mine.note_for(id) == base.note_for(id) && theirs.note_for(id) != mine.note_for(id) {
            answers.set_note(id, theirs.note_for(id).unwrap_or_default());
            changed = true;
        }
        adopted += usize::from(changed);
    }
    let mut other = false;
    if mine.note == base.note && theirs.note != mine.note {
        answers.note.clone_from(&theirs.note);
        other = true;
    }
    if mine.choice == base.choice && theirs.choice != mine.choice {
        answers.choice = theirs.choice.clone();
        other = true;
    }
    let mine_changed_stage = mine.stage != base.stage;
    let theirs_changed_stage = theirs.stage != base.stage;
    let stage_adopted = !mine_changed_stage && theirs_changed_stage;
    if stage_adopted {
        answers.stage.clone_from(&theirs.stage);
    }
    let stage_kept = mine_changed_stage && theirs_changed_stage && mine.stage != theirs.stage;
    (adopted > 0 || other || stage_adopted || stage_kept).then_some(Merged {
        answers,
        adopted,
        stage_adopted,
        stage_kept,
        decision_adopted: other,
        by: ChangedBy::Instance,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(yes: &[&str], stage: Option<&str>) -> Answers {
        Answers {
            yes: yes.iter().map(|s| (*s).to_owned()).collect(),
            stage: stage.map(str::to_owned),
            ..Answers::default()
        }
    }

    #[test]
    fn changes_to_different_questions_are_both_kept() {
        let base = answers(&["a", "b"], None);
        let mine = answers(&["a", "b", "c"], None);
        let theirs = answers(&["a", "d"], Some("solo"));
        let merged = merge(&base, &mine, &theirs).unwrap();
        assert_eq!(merged.answers, answers(&["a", "c", "d"], Some("solo")));
        assert_eq!(
            (merged.adopted, merged.stage_adopted, merged.stage_kept),
            (2, true, false)
        );
        assert_eq!(
            merged.message(),
            "Merged answers saved by another stackpick: 2 questions and the stage"
        );
    }

    #[test]
    fn unchanged_files_and_identical_changes_merge_to_mine_silently() {
        let base = answers(&["a"], Some("solo"));
        let mine = answers(&["a", "b"], None);
        assert_eq!(merge(&base, &mine, &base), None);
        assert_eq!(merge(&base, &mine, &mine), None);
    }

    #[test]
    fn their_no_answers_and_notes_are_kept_beside_mine() {
        let base = answers(&["a"], None);
        let mut mine = base.clone();
        mine.set("b", Some(crate::score::Answer::No));
        let mut theirs = base.clone();
        theirs.set("a", Some(crate::score::Answer::No));
        theirs.set_note("c", "their note");
        theirs.note = "context".into();
        let merged = merge(&base, &mine, &theirs).unwrap();
        assert!(merged.answers.is_no("a") && merged.answers.is_no("b"));
        assert_eq!(merged.answers.note_for("c"), Some("their note"));
        assert_eq!(merged.answers.note, "context");
        assert_eq!(merged.adopted, 2);
    }

    #[test]
    fn a_stage_both_changed_keeps_mine_and_says_so() {
        let base = answers(&[], Some("solo"));
        let mine = answers(&[], Some("api-first"));
        let theirs = answers(&["x"], Some("pre-pmf"));
        let merged = merge(&base, &mine, &theirs).unwrap();
        assert_eq!(merged.answers, answers(&["x"], Some("api-first")));
        assert!(merged.stage_kept && !merged.stage_adopted);
        assert_eq!(
            merged.message(),
            "Merged answers saved by another stackpick: 1 question; your stage replaced theirs"
        );
        let merged = merge(&base, &mine, &answers(&[], None)).unwrap();
        assert_eq!(merged.answers, mine);
        assert_eq!(
            merged.message(),
            "Another stackpick changed the stage too; your stage replaced theirs"
        );
    }
}
