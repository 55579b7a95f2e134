//! Widgets the tabs are built from: wrapped documents, score gauges and the stack diagram.

pub mod doc;
pub mod found;
pub mod gauge;
pub mod pane;
pub mod problems;
pub mod prompt;
pub mod stack_diagram;
