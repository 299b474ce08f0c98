//! Telnyx smart encoding: the per-code-point substitution of look-alike characters.

use super::charset::gsm7_cost;
use super::smart_table::{PAGES, SMART_TABLE};
use super::utf16::CodePoints;

/// A row of the substitution table, as the public API shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Substitution {
    /// The replacement text (ASCII). Empty when smart encoding removes the character.
    pub replacement: &'static str,
    /// The character's name as the Telnyx table gives it.
    pub name: &'static str,
}

/// Looks a code point up in the Telnyx smart-encoding table.
///
/// Characters of the GSM 7-bit alphabet are never in the table, so callers on a hot
/// path may skip the look-up for them.
#[must_use]
pub fn substitution(code_point: u32) -> Option<Substitution> {
    let key = u16::try_from(code_point).ok()?;
    let i = SMART_TABLE.binary_search_by_key(&key, |row| row.0).ok()?;
    SMART_TABLE
        .get(i)
        .map(|&(_, replacement, name)| Substitution { replacement, name })
}

/// The position of a code point's row in [`table`], if it has one.
#[must_use]
pub fn table_row(code_point: u32) -> Option<usize> {
    let key = u16::try_from(code_point).ok()?;
    if !PAGES.get(usize::from(key >> 8)).copied().unwrap_or(false) {
        return None;
    }
    SMART_TABLE.binary_search_by_key(&key, |row| row.0).ok()
}

/// Every row of the table, sorted by code point: `(code point, substitution)`.
pub fn table() -> impl ExactSizeIterator<Item = (u32, Substitution)> {
    SMART_TABLE
        .iter()
        .map(|&(cp, replacement, name)| (u32::from(cp), Substitution { replacement, name }))
}

/// A character smart encoding replaced or removed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replacement {
    /// UTF-16 index of the character in the original text.
    pub index: usize,
    /// Its code point.
    pub code_point: u32,
    /// What it became: empty when removed.
    pub replacement: &'static str,
    /// Its name, from the Telnyx table.
    pub name: &'static str,
}

/// The result of smart encoding a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SmartEncoded {
    /// The transformed text, UTF-16.
    pub text: Vec<u16>,
    /// Whether any character was replaced or removed (`smart_encoding_applied`).
    pub applied: bool,
    /// How many distinct characters were substituted (`replaced_character_count`).
    pub replaced_character_count: usize,
    /// New length minus old length, in UTF-16 code units (`length_change`).
    pub length_change: i64,
    /// Every substituted character, in text order.
    pub replacements: Vec<Replacement>,
}

/// The substitution for a character on the smart-encoding path, if it has one.
#[inline]
pub(crate) fn lookup_fast(cp: u32) -> Option<Substitution> {
    if gsm7_cost(cp) != 0 {
        return None;
    }
    substitution(cp)
}

/// Applies Telnyx smart encoding to UTF-16 text.
///
/// Every character in the Telnyx table is replaced by its GSM-7 equivalent (which may
/// be several characters, such as `…` → `...` or TAB → 7 spaces) or removed; all others,
/// lone surrogates included, are kept as they are.
#[must_use]
pub fn smart_encode(text: &[u16]) -> SmartEncoded {
    let mut out = Vec::with_capacity(text.len());
    let mut replacements = Vec::new();
    let mut copied_to = 0;
    for (index, cp, len) in CodePoints::new(text) {
        let Some(sub) = lookup_fast(cp) else { continue };
        out.extend_from_slice(text.get(copied_to..index).unwrap_or_default());
        out.extend(sub.replacement.encode_utf16());
        copied_to = index + usize::from(len);
        replacements.push(Replacement {
            index,
            code_point: cp,
            replacement: sub.replacement,
            name: sub.name,
        });
    }
    out.extend_from_slice(text.get(copied_to..).unwrap_or_default());
    let mut distinct: Vec<u32> = replacements.iter().map(|r| r.code_point).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let length_change = out.len() as i64 - text.len() as i64;
    SmartEncoded {
        text: out,
        applied: !replacements.is_empty(),
        replaced_character_count: distinct.len(),
        length_change,
        replacements,
    }
}

/// The smart-encoded text alone, borrowed when nothing changes.
pub(crate) fn smart_text(text: &[u16]) -> std::borrow::Cow<'_, [u16]> {
    let mut out: Vec<u16> = Vec::new();
    let mut copied_to = 0;
    for (index, cp, len) in CodePoints::new(text) {
        if cp < 0x80 && !matches!(cp, 0x00..=0x1F | 0x60) {
            continue; // printable ASCII other than ` is never substituted
        }
        let Some(sub) = lookup_fast(cp) else { continue };
        if copied_to == 0 && out.is_empty() {
            out.reserve(text.len() + 8);
        }
        out.extend_from_slice(text.get(copied_to..index).unwrap_or_default());
        out.extend(sub.replacement.encode_utf16());
        copied_to = index + usize::from(len);
    }
    if copied_to == 0 && out.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    out.extend_from_slice(text.get(copied_to..).unwrap_or_default());
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    #[test]
    fn documented_example_sentence() {
        let r = smart_encode(&u(
            "Don\u{2019}t miss our \u{201c}flash sale\u{201d} \u{2014} 50% off!",
        ));
        assert_eq!(
            String::from_utf16_lossy(&r.text),
            "Don't miss our \"flash sale\" - 50% off!"
        );
        assert!(r.applied);
        assert_eq!(r.replaced_character_count, 4);
        assert_eq!(r.length_change, 0);
    }

    #[test]
    fn multi_character_and_removals() {
        let r = smart_encode(&u("a\u{2026}b\u{200b}\t\u{bd}"));
        assert_eq!(String::from_utf16_lossy(&r.text), "a...b       1/2");
        assert_eq!(r.length_change, 2 - 1 + 6 + 2);
        assert_eq!(r.replacements.len(), 4);
        assert_eq!(r.replacements[1].index, 3);
        assert_eq!(r.replacements[1].replacement, "");
    }

    #[test]
    fn counts_distinct_characters_only() {
        let r = smart_encode(&u("\u{201c}a\u{201c}b\u{201c}"));
        assert_eq!(r.replaced_character_count, 1);
        assert_eq!(r.replacements.len(), 3);
    }

    #[test]
    fn lone_surrogates_and_emoji_are_kept() {
        let text = vec![0xD800, 0x2019, 0xD83D, 0xDE00];
        let r = smart_encode(&text);
        assert_eq!(r.text, vec![0xD800, u16::from(b'\''), 0xD83D, 0xDE00]);
    }

    #[test]
    fn text_only_path_matches_full_path() {
        for s in [
            "x\u{2026}\t\u{1F600}\u{200b}\u{ff21}",
            "plain",
            "",
            "\u{200b}",
            "a`b\u{0}",
        ] {
            let text = u(s);
            assert_eq!(
                &*smart_text(&text),
                smart_encode(&text).text.as_slice(),
                "{s:?}"
            );
        }
    }

    #[test]
    fn no_table_row_maps_a_gsm_character_and_every_output_is_gsm() {
        for (cp, sub) in table() {
            assert_eq!(gsm7_cost(cp), 0, "U+{cp:04X} is already GSM-7");
            assert!(
                sub.replacement.chars().all(|c| gsm7_cost(u32::from(c)) > 0),
                "U+{cp:04X}"
            );
        }
    }
}
