//! Walking text one character at a time, with UTF-16 indices (the way JavaScript strings
//! are stored): UTF-16 code units, or a Rust `str`.

/// Iterates the characters of UTF-16 text as `(utf16_index, code_point, utf16_len)`.
///
/// A surrogate pair yields one astral code point of length 2. A lone surrogate (valid
/// in a JS string, invalid in Unicode) yields its own code unit value (0xD800–0xDFFF)
/// with length 1, so nothing is lost or replaced.
#[derive(Clone, Debug)]
pub(crate) struct CodePoints<'a> {
    units: &'a [u16],
    pos: usize,
}

impl<'a> CodePoints<'a> {
    pub(crate) fn new(units: &'a [u16]) -> Self {
        Self { units, pos: 0 }
    }
}

impl Iterator for CodePoints<'_> {
    type Item = (usize, u32, u8);

    // Always inlined: the segment loops run on it, and the wasm build is optimised for size.
    #[inline(always)]
    fn next(&mut self) -> Option<Self::Item> {
        let index = self.pos;
        let unit = *self.units.get(index)?;
        if (0xD800..0xDC00).contains(&unit) {
            if let Some(&low) = self.units.get(index + 1) {
                if (0xDC00..0xE000).contains(&low) {
                    self.pos += 2;
                    let cp =
                        0x10000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(low) - 0xDC00);
                    return Some((index, cp, 2));
                }
            }
        }
        self.pos += 1;
        Some((index, u32::from(unit), 1))
    }
}

/// Iterates the characters of a `str` as `(utf16_index, code_point, utf16_len)`, like
/// [`CodePoints`] on the same text in UTF-16.
///
/// `str::chars` does the same decoding; this loop exists because the size-optimised wasm
/// build does not inline `Chars::next` into the segment loops, which halves their speed.
#[derive(Clone, Debug)]
pub(crate) struct Utf8CodePoints<'a> {
    bytes: &'a [u8],
    pos: usize,
    index: usize,
}

impl<'a> Utf8CodePoints<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Self {
            bytes: text.as_bytes(),
            pos: 0,
            index: 0,
        }
    }

    /// The low six bits of the continuation byte at `pos + k` (always present in a `str`).
    #[inline(always)]
    fn tail(&self, k: usize) -> u32 {
        u32::from(self.bytes.get(self.pos + k).copied().unwrap_or(0x80) & 0x3F)
    }
}

impl Iterator for Utf8CodePoints<'_> {
    type Item = (usize, u32, u8);

    #[inline(always)]
    fn next(&mut self) -> Option<Self::Item> {
        let lead = *self.bytes.get(self.pos)?;
        let (cp, width) = match lead {
            0x00..=0x7F => (u32::from(lead), 1),
            0x80..=0xDF => ((u32::from(lead & 0x1F) << 6) | self.tail(1), 2),
            0xE0..=0xEF => {
                let cp = (u32::from(lead & 0x0F) << 12) | (self.tail(1) << 6) | self.tail(2);
                (cp, 3)
            }
            _ => {
                let cp = (u32::from(lead & 0x07) << 18)
                    | (self.tail(1) << 12)
                    | (self.tail(2) << 6)
                    | self.tail(3);
                (cp, 4)
            }
        };
        let index = self.index;
        let len = if width == 4 { 2 } else { 1 };
        self.pos += width;
        self.index += usize::from(len);
        Some((index, cp, len))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_join_and_lone_surrogates_stay() {
        let units: Vec<u16> = vec![0x61, 0xD83D, 0xDE00, 0xD800, 0x62, 0xDC00];
        let got: Vec<_> = CodePoints::new(&units).collect();
        assert_eq!(
            got,
            vec![
                (0, 0x61, 1),
                (1, 0x1F600, 2),
                (3, 0xD800, 1),
                (4, 0x62, 1),
                (5, 0xDC00, 1)
            ]
        );
    }

    #[test]
    fn utf8_walk_matches_chars_and_utf16_indices() {
        let text = "a\u{e9}\u{20ac}\u{1F600}b\u{10FFFF}\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}";
        let expected: Vec<_> = CodePoints::new(&text.encode_utf16().collect::<Vec<_>>()).collect();
        let got: Vec<_> = Utf8CodePoints::new(text).collect();
        assert_eq!(got, expected);
        let chars: Vec<u32> = text.chars().map(u32::from).collect();
        assert_eq!(got.iter().map(|&(_, cp, _)| cp).collect::<Vec<_>>(), chars);
    }

    proptest::proptest! {
        #[test]
        fn utf8_walk_matches_the_utf16_walk(text in proptest::prelude::any::<String>()) {
            let units: Vec<u16> = text.encode_utf16().collect();
            let expected: Vec<_> = CodePoints::new(&units).collect();
            proptest::prop_assert_eq!(Utf8CodePoints::new(&text).collect::<Vec<_>>(), expected);
        }
    }
}
