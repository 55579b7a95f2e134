//! A decision skeleton, for `stackpick new`: a valid RON decision with every field of the
//! format once, each with a comment saying what it is for, and placeholder texts to replace.
//! Option names are written as RON string literals, so whatever they hold, the file parses
//! back to the same names.

mod options;
mod render;
mod writer;

pub use options::{PLACEHOLDER_NAMES, Skeleton, SkeletonError};

#[cfg(test)]
mod tests;
