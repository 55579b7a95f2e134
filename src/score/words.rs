//! How the engine's sentences name things.

/// "A", "A and B", "A, B and C".
pub fn join_names(names: &[&str], last: &str) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., tail] => format!("{} {last} {tail}", init.join(", ")),
    }
}

/// A question's text in quotes, the way sentences name questions.
pub fn quoted(text: &str) -> String {
    format!("“{text}”")
}
