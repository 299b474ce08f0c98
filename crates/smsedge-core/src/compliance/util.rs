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

/// Sorts `(key, value)` pairs (the one sort the checker has): a heapsort, a few hundred
/// bytes of wasm instead of the standard library's several KB. The pairs are ordered as
/// whole tuples, so any correct sort gives the same result.
pub(crate) fn sort_pairs(v: &mut [(u64, usize)]) {
    /// Moves `v[root]` down the max-heap `v[..end]`.
    fn sift_down(v: &mut [(u64, usize)], mut root: usize, end: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && v.get(child) < v.get(child + 1) {
                child += 1;
            }
            if v.get(root) >= v.get(child) {
                return;
            }
            v.swap(root, child);
            root = child;
        }
    }
    let n = v.len();
    for root in (0..n / 2).rev() {
        sift_down(v, root, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift_down(v, 0, end);
    }
}

/// The byte index of the first `needle` in `hay` (a plain search: one small loop instead
/// of the standard library's two-way string searcher).
pub(crate) fn find_sub(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let last = h.len().checked_sub(n.len())?;
    (0..=last).find(|&i| h.get(i..i + n.len()) == Some(n))
}

/// Whether `needle` occurs in `hay` (as `str::contains`).
pub(crate) fn has_sub(hay: &str, needle: &str) -> bool {
    find_sub(hay, needle).is_some()
}

/// `s` with every `from` (non-empty) replaced by `to`, left to right (as `str::replace`).
pub(crate) fn replace_sub(s: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = find_sub(rest, from).filter(|_| !from.is_empty()) {
        out.push_str(rest.get(..i).unwrap_or(""));
        out.push_str(to);
        rest = rest.get(i + from.len()..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// The characters of `s` for which `keep` holds.
pub(crate) fn keep_chars(s: &str, keep: &dyn Fn(char) -> bool) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if keep(c) {
            out.push(c);
        }
    }
    out
}

/// The indices `0..n` ordered by `key` (ties keep index order).
pub(crate) fn order_by(n: usize, key: &dyn Fn(usize) -> u64) -> Vec<usize> {
    let mut pairs: Vec<(u64, usize)> = Vec::with_capacity(n);
    for i in 0..n {
        pairs.push((key(i), i));
    }
    sort_pairs(&mut pairs);
    let mut out = Vec::with_capacity(n);
    for (_, i) in pairs {
        out.push(i);
    }
    out
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
        assert_eq!(order_by(4, &|i| [3, 1, 2, 1][i]), vec![1, 3, 2, 0]);
    }

    #[test]
    fn sorts_and_searches_as_std() {
        let mut seed: u64 = 7;
        for n in [0, 1, 2, 3, 5, 16, 17, 100, 1000] {
            let mut v: Vec<(u64, usize)> = (0..n)
                .map(|i| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    ((seed >> 60) % 7, i % 5)
                })
                .collect();
            let mut want = v.clone();
            want.sort_unstable();
            sort_pairs(&mut v);
            assert_eq!(v, want);
        }
        for (hay, needle) in [
            ("", ""),
            ("abc", ""),
            ("", "a"),
            ("abc", "abc"),
            ("abc", "abcd"),
            ("xxabcab", "ab"),
            ("l l c l l cl l c", "l l c"),
            ("héllo wörld", "wö"),
            ("aaa", "aa"),
        ] {
            assert_eq!(
                find_sub(hay, needle),
                hay.find(needle),
                "{hay:?} {needle:?}"
            );
            assert_eq!(has_sub(hay, needle), hay.contains(needle));
            if !needle.is_empty() {
                assert_eq!(replace_sub(hay, needle, "Z"), hay.replace(needle, "Z"));
            }
        }
    }
}
