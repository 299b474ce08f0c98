//! The 7-bit character sets: the GSM 03.38 default alphabet with its extension table, and ASCII.

/// Septets per ASCII character in the GSM 7-bit default alphabet (0 = not in it).
pub(crate) static ASCII_GSM7: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut c = 0x20;
    while c < 0x7F {
        t[c] = 1;
        c += 1;
    }
    t[0x0A] = 1; // LF
    t[0x0D] = 1; // CR
    t[0x60] = 0; // ` has no GSM 7-bit code
    // The extension table, reached through ESC (0x1B): 2 septets each.
    t[0x0C] = 2; // form feed (page break)
    t[b'^' as usize] = 2;
    t[b'{' as usize] = 2;
    t[b'}' as usize] = 2;
    t[b'\\' as usize] = 2;
    t[b'[' as usize] = 2;
    t[b'~' as usize] = 2;
    t[b']' as usize] = 2;
    t[b'|' as usize] = 2;
    t
};

/// Septets a character costs in the GSM 7-bit default alphabet of 3GPP TS 23.038 §6.2.1:
/// 1 for the basic table, 2 for the extension table (ESC + character), 0 when absent.
///
/// Note the standard's 0x09 is capital `Ç`; small `ç` is not in the default alphabet.
#[inline(always)]
pub(crate) fn gsm7_cost(cp: u32) -> u8 {
    if cp < 0x80 {
        return ASCII_GSM7[cp as usize];
    }
    match cp {
        // £ ¥ è é ù ì ò Ç Ø ø Å å
        0xA3 | 0xA5 | 0xE8 | 0xE9 | 0xF9 | 0xEC | 0xF2 | 0xC7 | 0xD8 | 0xF8 | 0xC5 | 0xE5
        // Δ Φ Γ Λ Ω Π Ψ Σ Θ Ξ
        | 0x394 | 0x3A6 | 0x393 | 0x39B | 0x3A9 | 0x3A0 | 0x3A8 | 0x3A3 | 0x398 | 0x39E
        // Æ æ ß É ¤ ¡ Ä Ö Ñ Ü § ¿ ä ö ñ ü à
        | 0xC6 | 0xE6 | 0xDF | 0xC9 | 0xA4 | 0xA1 | 0xC4 | 0xD6 | 0xD1 | 0xDC | 0xA7 | 0xBF | 0xE4
        | 0xF6 | 0xF1 | 0xFC | 0xE0 => 1,
        0x20AC => 2, // €
        _ => 0,
    }
}

/// Cost in the "ASCII 7-bit" set Telnyx uses for short codes: 1 for U+0000–U+007F, else 0.
#[inline]
pub(crate) fn ascii7_cost(cp: u32) -> u8 {
    u8::from(cp < 0x80)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_alphabet_has_128_positions_less_escape() {
        // 127 basic characters (128 positions minus ESC) and 10 extension characters.
        let basic = (0..0x110000).filter(|&c| gsm7_cost(c) == 1).count();
        let ext: Vec<u32> = (0..0x110000).filter(|&c| gsm7_cost(c) == 2).collect();
        assert_eq!(basic, 127);
        let want: Vec<u32> = "\u{c}^{}\\[~]|€".chars().map(u32::from).collect();
        let mut want_sorted = want.clone();
        want_sorted.sort_unstable();
        assert_eq!(ext, want_sorted);
    }

    #[test]
    fn cedilla_capital_in_small_out() {
        assert_eq!(gsm7_cost(u32::from('Ç')), 1);
        assert_eq!(gsm7_cost(u32::from('ç')), 0);
        assert_eq!(gsm7_cost(0x1B), 0, "a literal ESC is not a character");
        assert_eq!(gsm7_cost(u32::from('`')), 0);
        assert_eq!(gsm7_cost(u32::from('\t')), 0);
    }

    #[test]
    fn ascii7_is_seven_bit() {
        assert_eq!(ascii7_cost(0x7F), 1);
        assert_eq!(ascii7_cost(u32::from('[')), 1);
        assert_eq!(ascii7_cost(u32::from('é')), 0);
    }
}
