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

/// Whether `text` contains `needle`, ignoring case, as [`find_folded`] finds it. Filters call
/// it for every row on every key, so ASCII (most text) stops at the first match and allocates
/// nothing.
pub fn contains_folded(text: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    if text.is_ascii() && needle.is_ascii() {
        let needle = needle.as_bytes();
        return text
            .as_bytes()
            .windows(needle.len())
            .any(|window| window.eq_ignore_ascii_case(needle));
    }
    !find_folded(text, needle).is_empty()
}

/// What a filtered list selects when its filter changes: `selected` when the filter keeps it,
/// else the next kept item, else the first. `kept` is in order; `None` when it is empty.
pub fn kept_or_next(kept: &[usize], selected: usize) -> Option<usize> {
    let at = kept.partition_point(|&k| k < selected);
    kept.get(at).or(kept.first()).copied()
}

/// A step of `by` items in a filtered list, from `selected`, within the list: the kept item
/// it lands on. From an item the filter hides, a step down lands on the next kept one.
/// `kept` is in order; `None` when it is empty.
pub fn move_within(kept: &[usize], selected: usize, by: isize) -> Option<usize> {
    if kept.is_empty() {
        return None;
    }
    let at = kept.partition_point(|&k| k < selected);
    let at = if by > 0 && kept.get(at) != Some(&selected) {
        at.saturating_sub(1)
    } else {
        at
    };
    Some(kept[at.saturating_add_signed(by).min(kept.len() - 1)])
}

/// `n`/`N` in a filtered list: the position in `kept` of the next (or previous) kept item
/// after (or before) `selected`, wrapping. `kept` is in order; `None` when it is empty.
pub fn step_match(kept: &[usize], selected: usize, forward: bool) -> Option<usize> {
    if kept.is_empty() {
        return None;
    }
    let at = kept.partition_point(|&k| k < selected);
    Some(if forward {
        let next = if kept.get(at) == Some(&selected) {
            at + 1
        } else {
            at
        };
        next % kept.len()
    } else {
        (at + kept.len() - 1) % kept.len()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filtered_list_keeps_its_selection_or_takes_the_next_kept_item() {
        assert_eq!(kept_or_next(&[2, 5, 9], 5), Some(5));
        assert_eq!(kept_or_next(&[2, 5, 9], 6), Some(9));
        assert_eq!(kept_or_next(&[2, 5, 9], 10), Some(2), "past the last: the first");
        assert_eq!(kept_or_next(&[], 3), None);
    }

    #[test]
    fn a_step_in_a_filtered_list_moves_among_the_kept_items_and_stops_at_the_ends() {
        let kept = [2, 5, 9];
        assert_eq!(move_within(&kept, 5, 1), Some(9));
        assert_eq!(move_within(&kept, 5, -1), Some(2));
        assert_eq!(
            move_within(&kept, 6, 1),
            Some(9),
            "from a hidden item: the next kept"
        );
        assert_eq!(move_within(&kept, 6, -1), Some(5));
        assert_eq!(move_within(&kept, 9, 3), Some(9), "stops at the last");
        assert_eq!(move_within(&kept, 2, -3), Some(2), "stops at the first");
        assert_eq!(move_within(&[], 0, 1), None);
    }

    #[test]
    fn n_and_shift_n_step_through_the_kept_items_and_wrap() {
        let kept = [2, 5, 9];
        assert_eq!(
            step_match(&kept, 5, true),
            Some(2),
            "from a kept item: the one after"
        );
        assert_eq!(step_match(&kept, 6, true), Some(2), "between two: the next");
        assert_eq!(step_match(&kept, 9, true), Some(0), "wraps to the first");
        assert_eq!(step_match(&kept, 5, false), Some(0));
        assert_eq!(step_match(&kept, 2, false), Some(2), "wraps to the last");
        assert_eq!(step_match(&kept, 0, false), Some(2));
        assert_eq!(step_match(&[], 0, true), None);
    }

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
