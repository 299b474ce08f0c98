//! Telnyx smart encoding: the per-code-point substitution of look-alike characters.

use super::charset::gsm7_cost;
use super::smart_table::{CODE_POINTS, PAGES, ROWS, fields, replacement_ascii};
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
    table_row(code_point).map(row)
}

/// Row `i` of the table.
#[inline]
fn row(i: usize) -> Substitution {
    let (replacement, name) = fields(i);
    Substitution { replacement, name }
}

/// The position of a code point's row in [`table`], if it has one.
#[must_use]
pub fn table_row(code_point: u32) -> Option<usize> {
    let key = u16::try_from(code_point).ok()?;
    if !PAGES.get(usize::from(key >> 8)).copied().unwrap_or(false) {
        return None;
    }
    CODE_POINTS.binary_search(&key).ok()
}

/// Every row of the table, sorted by code point: `(code point, substitution)`.
pub fn table() -> impl ExactSizeIterator<Item = (u32, Substitution)> {
    CODE_POINTS
        .iter()
        .enumerate()
        .map(|(i, &cp)| (u32::from(cp), row(i)))
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

/// The table row of a character on the smart-encoding path, if it has one.
#[inline]
fn row_fast(cp: u32) -> Option<usize> {
    if gsm7_cost(cp) != 0 {
        return None;
    }
    table_row(cp)
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
    // One bit per table row: the rows (so the distinct characters) substituted.
    let mut rows_seen = [0u64; ROWS.div_ceil(64)];
    let mut copied_to = 0;
    for (index, cp, len) in CodePoints::new(text) {
        let Some(i) = row_fast(cp) else { continue };
        if let Some(word) = rows_seen.get_mut(i / 64) {
            *word |= 1 << (i % 64);
        }
        out.extend_from_slice(text.get(copied_to..index).unwrap_or_default());
        out.extend(replacement_ascii(i).iter().map(|&b| u16::from(b)));
        copied_to = index + usize::from(len);
        let (replacement, name) = fields(i);
        replacements.push(Replacement {
            index,
            code_point: cp,
            replacement,
            name,
        });
    }
    out.extend_from_slice(text.get(copied_to..).unwrap_or_default());
    let length_change = out.len() as i64 - text.len() as i64;
    SmartEncoded {
        text: out,
        applied: !replacements.is_empty(),
        replaced_character_count: rows_seen.iter().map(|w| w.count_ones() as usize).sum(),
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
        let Some(i) = row_fast(cp) else { continue };
        if copied_to == 0 && out.is_empty() {
            out.reserve(text.len() + 8);
        }
        out.extend_from_slice(text.get(copied_to..index).unwrap_or_default());
        out.extend(replacement_ascii(i).iter().map(|&b| u16::from(b)));
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

    /// The packed table gives back every row of the page, name included, in code point order.
    #[test]
    fn every_row_matches_the_page() {
        let page: serde_json::Value = serde_json::from_str(include_str!(
            "../../../../tests/vectors/smart-encoding-table.json"
        ))
        .unwrap();
        let mut want: Vec<(u32, &str, &str)> = page
            .as_array()
            .unwrap()
            .iter()
            .map(|row| {
                (
                    u32::try_from(row["codePoint"].as_u64().unwrap()).unwrap(),
                    row["replacement"].as_str().unwrap(),
                    row["name"].as_str().unwrap(),
                )
            })
            .collect();
        want.sort_by_key(|row| row.0);
        let got: Vec<(u32, &str, &str)> = table()
            .map(|(cp, sub)| (cp, sub.replacement, sub.name))
            .collect();
        assert_eq!(got, want);
        for (i, &(cp, replacement, name)) in want.iter().enumerate() {
            assert_eq!(table_row(cp), Some(i), "U+{cp:04X}");
            let sub = substitution(cp).unwrap();
            assert_eq!((sub.replacement, sub.name), (replacement, name));
        }
        assert_eq!(table().len(), want.len());
    }

    #[test]
    fn counts_every_row_once() {
        let mut text: Vec<u16> = Vec::new();
        for _ in 0..2 {
            for (cp, _) in table() {
                text.extend(u(&format!("x{}", char::from_u32(cp).unwrap())));
            }
        }
        let r = smart_encode(&text);
        assert_eq!(r.replaced_character_count, ROWS);
        assert_eq!(r.replacements.len(), 2 * ROWS);
        let r = smart_encode(&u("\u{ff64}\u{0}\u{ff64}"));
        assert_eq!(r.replaced_character_count, 2);
    }

    #[test]
    fn rows_past_the_end_are_empty() {
        for i in [ROWS, ROWS + 1, usize::MAX] {
            assert_eq!(fields(i), ("", ""));
            assert_eq!(replacement_ascii(i), b"");
        }
        for i in 0..ROWS {
            assert_eq!(replacement_ascii(i), fields(i).0.as_bytes());
        }
        assert_eq!(substitution(0x41), None);
        assert_eq!(substitution(0x1_0000), None);
        assert_eq!(table_row(0x2018 + 0x1_0000), None);
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
