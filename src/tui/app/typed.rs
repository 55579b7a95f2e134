//! Which characters a text field accepts: typed or pasted text is shown on screen and may be
//! printed after the app exits (an export path), so a control character could drive the
//! terminal, and a bidi or invisible format character could make what is shown differ from
//! what is used.

/// Whether a typed character may go into a text field: not a control character (C0, DEL,
/// C1), not a bidi control, not an invisible format character.
pub fn is_typeable(c: char) -> bool {
    // The same test as text loaded from files, so what can be typed can also be shown.
    !crate::text::is_unsafe_char(c)
}

/// The typeable characters of a pasted text, on one line: line breaks and tabs become spaces
/// (a field is one line), everything else that is not typeable is dropped.
pub fn clean_paste(text: &str) -> String {
    text.chars()
        .map(|c| if matches!(c, '\n' | '\r' | '\t') { ' ' } else { c })
        .filter(|&c| is_typeable(c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_digits_punctuation_and_accents_are_typeable() {
        for c in "az AZ 09 ./-_~ é ß 漢 ✓ 😀".chars() {
            assert!(is_typeable(c), "{c:?}");
        }
    }

    #[test]
    fn controls_bidi_and_invisible_characters_are_not() {
        let refused = [
            '\0', '\u{7}', '\u{1b}', '\u{7f}', '\u{80}', '\u{85}', '\u{9b}', '\u{9f}', '\u{ad}', '\u{61c}',
            '\u{200b}', '\u{200e}', '\u{200f}', '\u{202a}', '\u{202e}', '\u{2060}', '\u{2064}', '\u{2066}',
            '\u{2069}', '\u{feff}',
        ];
        for c in refused {
            assert!(!is_typeable(c), "{c:?}");
        }
    }

    #[test]
    fn a_paste_keeps_one_clean_line() {
        assert_eq!(
            clean_paste("out/\u{202e}dm.x\u{1b}]52;c;x\u{7}\r\nnext\tcol"),
            "out/dm.x]52;c;x  next col"
        );
    }
}
