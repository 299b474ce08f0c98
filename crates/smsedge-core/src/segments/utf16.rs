//! Walking UTF-16 text one character at a time, the way JavaScript strings are stored.

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

    #[inline]
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
}
