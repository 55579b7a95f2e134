//! What opens over the tabs: the help, the stage and decision pickers, the line editor, the
//! export dialog, the message log and a Team row's notes, in a shared frame.

pub mod choice_picker;
pub mod confirm;
pub mod entry_list;
pub mod export_dialog;
pub mod frame;
pub mod help;
pub mod line_editor;
pub mod messages;
pub mod stage_picker;
pub mod team_notes;
