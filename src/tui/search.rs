//! Finding a search's text, case-insensitively: pure functions over text, shared by `update`
//! (which questions a Checklist search keeps) and the view (which matches a document pane
//! highlights). Neither calls the other: both call these.

use std::ops::Range;

/// The byte ranges of `text` where `needle` occurs, ignoring case, left to right and not
/// overlapping. `needle` is matched as `str::to_lowercase` folds it; an empty one matches
/// nothing. The ranges are in `text` itself, so they cut it on character boundaries even where
/// lower-casing changes a character's length.
pub fn find_folded(text: &str, needle: &str) -> Vec<Range<usize>> {
    let needle = needle.to_lowercase();
    if needle.is_empty() {
        return Vec::new();
    }
    if text.is_ascii() {
        // The common case: no lower-cased copy, byte by byte.
        if !needle.is_ascii() {
            return Vec::new();
        }
        let (bytes, want) = (text.as_bytes(), needle.as_bytes());
        let mut found = Vec::new();
        let mut at = 0;
        while at + want.len() <= bytes.len() {
            let window = &bytes[at..at + want.len()];
            if window.iter().zip(want).all(|(a, b)| a.to_ascii_lowercase() == *b) {
                found.push(at..at + want.len());
                at += want.len();
            } else {
                at += 1;
            }
        }
        return found;
    }
    // Lower-case the text, remembering where each lower-cased byte came from.
    let mut lower = String::with_capacity(text.len());
    let mut origin: Vec<(usize, usize)> = Vec::with_capacity(text.len());
    for (start, c) in text.char_indices() {
        let end = start + c.len_utf8();
        for folded in c.to_lowercase() {
            lower.push(folded);
            origin.resize(lower.len(), (start, end));
        }
    }
    let mut found: Vec<Range<usize>> = Vec::new();
    let mut from = 0;
    while let Some(offset) = lower[from..].find(&needle) {
        let (start, end) = (from + offset, from + offset + needle.len());
        let range = origin[start].0..origin[end - 1].1;
        // Two matches inside one folded character would overlap in the text: keep the first.
        if found.last().is_none_or(|last| last.end <= range.start) {
            found.push(range);
        }
        from = end;
    }
    found
}

/// Whether `text` contains `needle`, ignoring case.
pub fn contains_folded(text: &str, needle: &str) -> bool {
    !find_folded(text, needle).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_match_ignoring_case() {
        assert_eq!(find_folded("Async ORM, async views", "ASYNC"), [0..5, 11..16]);
        assert_eq!(find_folded("aaaa", "aa"), [0..2, 2..4], "matches do not overlap");
        assert!(find_folded("plain", "").is_empty());
        assert!(find_folded("plain", "xyz").is_empty());
    }

    #[test]
    fn ranges_are_in_the_original_text_outside_ascii() {
        let text = "Große STRASSE İstanbul";
        for range in find_folded(text, "straße") {
            assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
        }
        let found = find_folded(text, "GROSSE");
        assert!(found.is_empty(), "ß does not fold to ss: {found:?}");
        let found = find_folded(text, "i̇stanbul");
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].clone()], "İstanbul");
        assert_eq!(find_folded("ÉCOLE école", "école").len(), 2);
    }

    #[test]
    fn agrees_with_lower_casing_on_whether_there_is_a_match() {
        let texts = ["Async ORM", "Straße", "İstanbul", "KELVIN \u{212a}", "", "漢字"];
        let needles = ["async", "straße", "i̇stanbul", "k", "xyz", "字"];
        for text in texts {
            for needle in needles {
                let expected = text.to_lowercase().contains(&needle.to_lowercase());
                assert_eq!(contains_folded(text, needle), expected, "{text:?} {needle:?}");
            }
        }
    }
}
