//! Keys: the key type, the scopes, the one key table (which drives dispatch, the footer, the
//! help and docs/keys.md) and the keymap with the user's overrides.

pub mod bindings;
pub mod key;
pub mod keymap;
