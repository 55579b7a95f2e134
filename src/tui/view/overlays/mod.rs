//! What opens over the tabs: the help, the stage picker and the export dialog, in a shared
//! frame.

pub mod export_dialog;
pub mod frame;
pub mod help;
pub mod stage_picker;
