//! Small helpers that keep the wasm small: ASCII-first character classes (no Unicode
//! property or case tables) and a single sort instantiation.

/// Character classes for matching English-language messages.
///
/// ASCII is exact. Latin-1 letters count as letters (and fold to lower case); other
/// non-ASCII characters count as letters unless they are in the punctuation, symbol,
/// emoji or space ranges, which is all a word splitter needs.
pub(crate) trait CharClass: Copy {
    /// A letter (ASCII, Latin-1 or another script).
    fn letter(self) -> bool;
    /// A letter or an ASCII digit.
    fn alnum(self) -> bool;
    /// White space, including no-break and typographic spaces.
    fn space(self) -> bool;
    /// A lower-case letter (ASCII or Latin-1).
    fn lower(self) -> bool;
    /// The lower-case form of an ASCII or Latin-1 capital; other characters unchanged.
    fn fold_case(self) -> char;
}

impl CharClass for char {
    fn letter(self) -> bool {
        if self.is_ascii() {
            return self.is_ascii_alphabetic();
        }
        let c = u32::from(self);
        !(c < 0xC0
            || c == 0xD7
            || c == 0xF7
            || (0x2000..=0x2BFF).contains(&c)
            || (0x2E00..=0x2E7F).contains(&c)
            || (0x3000..=0x303F).contains(&c)
            || (0xD800..=0xF8FF).contains(&c)
            || (0xFE00..=0xFE0F).contains(&c)
            || (0xFE30..=0xFE4F).contains(&c)
            || (0xFF00..=0xFF0F).contains(&c)
            || (0xFFF0..=0xFFFF).contains(&c)
            || (0x1F000..=0x1FAFF).contains(&c)
            || c >= 0xE0000)
    }

    fn alnum(self) -> bool {
        self.is_ascii_digit() || self.letter()
    }

    fn space(self) -> bool {
        self.is_ascii_whitespace()
            || matches!(
                self,
                '\u{0B}' | '\u{85}' | '\u{A0}' | '\u{1680}' | '\u{2000}'
                    ..='\u{200A}' | '\u{2028}' | '\u{2029}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
            )
    }

    fn lower(self) -> bool {
        self.is_ascii_lowercase() || (('\u{DF}'..='\u{FF}').contains(&self) && self != '\u{F7}')
    }

    fn fold_case(self) -> char {
        match self {
            'A'..='Z' | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{DE}' => {
                char::from_u32(u32::from(self) + 32).unwrap_or(self)
            }
            _ => self,
        }
    }
}

/// Sorts `(key, value)` pairs by key (the one sort the checker instantiates).
pub(crate) fn sort_pairs(v: &mut [(u64, usize)]) {
    v.sort_unstable();
}

/// The indices `0..n` ordered by `key` (ties keep index order).
pub(crate) fn order_by(n: usize, key: impl Fn(usize) -> u64) -> Vec<usize> {
    let mut pairs: Vec<(u64, usize)> = (0..n).map(|i| (key(i), i)).collect();
    sort_pairs(&mut pairs);
    pairs.into_iter().map(|(_, i)| i).collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!('a'.letter() && 'Z'.letter() && 'é'.letter() && 'ß'.letter() && 'ж'.letter());
        assert!(!'1'.letter() && '1'.alnum() && !'—'.alnum() && !'😀'.alnum() && !'’'.alnum());
        assert!('\u{A0}'.space() && '\n'.space() && !'x'.space());
        assert_eq!('É'.fold_case(), 'é');
        assert_eq!('Q'.fold_case(), 'q');
        assert!('é'.lower() && !'É'.lower());
        assert_eq!(order_by(4, |i| [3, 1, 2, 1][i]), vec![1, 3, 2, 0]);
    }
}
