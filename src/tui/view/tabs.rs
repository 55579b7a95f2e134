//! One widget per tab, each drawing the tab's panes from the model.

pub mod checklist;
pub mod compare;
pub mod decision;
pub mod overview;
pub mod strengths;
pub mod team;
