//! The user's own decision on top of the checklist's suggestion: follow the
//! checklist, an option, the hybrid, or not decided; why; the record's status and who decided.

use serde::{Deserialize, Serialize};

use crate::decision::Decision;
use crate::text::Text;

/// What the user chose.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Pick {
    /// Whatever the checklist suggests (the default).
    #[default]
    Checklist,
    /// One option, by id.
    Option(String),
    /// The hybrid: the scored options of the stack, together.
    Hybrid,
    /// Not decided yet.
    Undecided,
}

/// The word that chooses the hybrid on the command line and in sessions.
pub const HYBRID: &str = "hybrid";
/// The words that choose "not decided".
pub const UNDECIDED: [&str; 2] = ["none", "undecided"];
/// The word that follows the checklist.
pub const CHECKLIST: &str = "checklist";

impl Pick {
    /// Reads `--choose`: an option id (first, so an option may be called anything), `hybrid`,
    /// `none` or `undecided`, or `checklist`. `None` when it is none of them.
    pub fn parse(decision: &Decision, text: &str) -> Option<Pick> {
        let text = text.trim();
        if decision.option(text).is_some() {
            Some(Pick::Option(text.to_owned()))
        } else if text == HYBRID {
            Some(Pick::Hybrid)
        } else if UNDECIDED.contains(&text) {
            Some(Pick::Undecided)
        } else if text == CHECKLIST {
            Some(Pick::Checklist)
        } else {
            None
        }
    }

    /// How the pick is written in a session: `None` for the checklist.
    pub fn to_word(&self) -> Option<String> {
        match self {
            Pick::Checklist => None,
            Pick::Option(id) => Some(id.clone()),
            Pick::Hybrid => Some(HYBRID.to_owned()),
            Pick::Undecided => Some(UNDECIDED[0].to_owned()),
        }
    }
}

/// The status of a decision record (MADR).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::Display,
    strum::EnumString,
    strum::EnumIter,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Status {
    Proposed,
    Accepted,
    Rejected,
    Deprecated,
    Superseded,
}

/// The user's decision: what, why, its status and who decided.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserChoice {
    pub pick: Pick,
    /// The one-line justification.
    #[serde(default)]
    pub because: Text,
    /// The record's status; `None` lets it follow the choice (accepted when an option or the
    /// hybrid is chosen, proposed otherwise).
    #[serde(default)]
    pub status: Option<Status>,
    /// Who decided.
    #[serde(default)]
    pub deciders: Vec<Text>,
}

/// The choice resolved against a verdict: what is chosen in the end, and whether that is the
/// checklist's suggestion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Resolved {
    /// The option id, `"hybrid"`, or `None` when nothing is chosen.
    pub option: Option<String>,
    /// Whether the user follows the checklist.
    pub follow_checklist: bool,
    pub because: Text,
    pub status: Status,
    pub deciders: Vec<Text>,
    /// What is chosen, for a reader: "`FastAPI`", "Hybrid: Django + Flask"; `None` when nothing.
    #[serde(skip)]
    pub name: Option<String>,
    /// Whether the choice differs from the checklist's suggestion.
    #[serde(skip)]
    pub differs: bool,
    /// The checklist's suggestion, for a reader ("Django"), `None` when it suggests nothing.
    #[serde(skip)]
    pub suggested: Option<String>,
}

impl UserChoice {
    /// The choice given the checklist's suggestion (`Verdict::suggestion`).
    pub fn resolve(&self, decision: &Decision, suggested: &Pick) -> Resolved {
        let suggested = suggested.clone();
        let follow = self.pick == Pick::Checklist;
        let pick = if follow { &suggested } else { &self.pick };
        let option = pick.to_word().filter(|_| *pick != Pick::Undecided);
        let status = self.status.unwrap_or(if option.is_some() {
            Status::Accepted
        } else {
            Status::Proposed
        });
        Resolved {
            option,
            follow_checklist: follow,
            because: self.because.clone(),
            status,
            deciders: self.deciders.clone(),
            name: pick_name(decision, pick),
            differs: !follow && *pick != suggested,
            suggested: pick_name(decision, &suggested),
        }
    }
}

/// The ids of the options that make the hybrid: the scored options with a layer of the stack.
pub fn hybrid_ids(decision: &Decision) -> Vec<String> {
    decision
        .scored()
        .filter(|o| {
            decision
                .stack
                .layers
                .iter()
                .any(|l| l.option.as_deref() == Some(o.id.as_str()))
        })
        .map(|o| o.id.clone())
        .collect()
}

/// The names of the options that make the hybrid ("Django + Flask").
pub fn hybrid_names(decision: &Decision) -> Vec<&str> {
    let ids = hybrid_ids(decision);
    decision
        .scored()
        .filter(|o| ids.contains(&o.id))
        .map(|o| o.name.as_str())
        .collect()
}

fn pick_name(decision: &Decision, pick: &Pick) -> Option<String> {
    match pick {
        Pick::Option(id) => Some(decision.option_name(id).to_owned()),
        Pick::Hybrid => Some(format!("Hybrid: {}", hybrid_names(decision).join(" + "))),
        Pick::Checklist | Pick::Undecided => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::{Answers, evaluate};

    #[test]
    fn picks_parse_option_ids_first_then_the_words() {
        let d = Decision::embedded();
        assert_eq!(Pick::parse(&d, "fastapi"), Some(Pick::Option("fastapi".into())));
        assert_eq!(Pick::parse(&d, "hybrid"), Some(Pick::Hybrid));
        assert_eq!(Pick::parse(&d, "none"), Some(Pick::Undecided));
        assert_eq!(Pick::parse(&d, "undecided"), Some(Pick::Undecided));
        assert_eq!(Pick::parse(&d, "checklist"), Some(Pick::Checklist));
        assert_eq!(Pick::parse(&d, "rails"), None);
    }

    #[test]
    fn following_the_checklist_takes_its_suggestion_and_status_follows() {
        let d = Decision::embedded();
        let answers = Answers::new(
            &d,
            ["django.admin-panel", "django.permissions", "django.security"],
            None,
        )
        .unwrap();
        let verdict = evaluate(&d, &answers).verdict;
        let resolved = UserChoice::default().resolve(&d, &verdict.suggestion());
        assert_eq!(resolved.option.as_deref(), Some("django"));
        assert!(resolved.follow_checklist && !resolved.differs);
        assert_eq!(resolved.status, Status::Accepted);
        let mine = UserChoice {
            pick: Pick::Option("fastapi".into()),
            because: "async".into(),
            ..UserChoice::default()
        };
        let resolved = mine.resolve(&d, &verdict.suggestion());
        assert_eq!(resolved.name.as_deref(), Some("FastAPI"));
        assert_eq!(resolved.suggested.as_deref(), Some("Django"));
        assert!(resolved.differs && !resolved.follow_checklist);
    }

    #[test]
    fn nothing_suggested_and_nothing_chosen_is_proposed() {
        let d = Decision::embedded();
        let verdict = evaluate(&d, &Answers::default()).verdict;
        let resolved = UserChoice::default().resolve(&d, &verdict.suggestion());
        assert_eq!((resolved.option, resolved.status), (None, Status::Proposed));
        let hybrid = UserChoice {
            pick: Pick::Hybrid,
            status: Some(Status::Rejected),
            ..UserChoice::default()
        };
        let resolved = hybrid.resolve(&d, &verdict.suggestion());
        assert_eq!(resolved.option.as_deref(), Some("hybrid"));
        assert_eq!(resolved.name.as_deref(), Some("Hybrid: Django + Flask"));
        assert_eq!(resolved.status, Status::Rejected);
        assert!(resolved.differs);
    }
}
