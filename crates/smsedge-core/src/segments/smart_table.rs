//! The Telnyx smart-encoding substitution table, one row per code point.
//!
//! Transcribed from the Telnyx "Smart Encoding" page (every table row, plus the
//! fullwidth letter ranges U+FF21–FF3A and U+FF41–FF5A given in prose).
//! `scripts/extract-smart-table.py` re-reads the page; `tests/vectors/smart-encoding-table.json`
//! holds its output and the tests check this table against it row by row.
//! `scripts/extract-smart-table.py --rust` writes this file.
//!
//! The rows are packed: the code points are one `[u16; ROWS]`, every row's replacement and
//! name follow each other in one ASCII string, and where each row starts (and where its
//! name starts) is computed at compile time. No row costs a pointer and a length.

/// How many rows the table has.
pub(crate) const ROWS: usize = 310;

/// Lays the rows `(code point, replacement, name)` out as [`CODE_POINTS`], `TEXT` and
/// `LENGTHS`.
macro_rules! table {
    ($(($code_point:literal, $replacement:literal, $name:literal),)*) => {
        /// The code point of every row, sorted.
        pub(crate) static CODE_POINTS: [u16; ROWS] = [$($code_point),*];
        /// Every row's replacement then its name, row after row. An empty replacement
        /// removes the character.
        static TEXT: &str = concat!($($replacement, $name),*);
        /// The byte lengths of every row's replacement and name.
        const LENGTHS: [(usize, usize); ROWS] = [$(($replacement.len(), $name.len())),*];
    };
}

table! {
    (0x0000, "", "Null"),
    (0x0003, "", "End of text"),
    (0x0004, "", "End of transmission"),
    (0x0009, "       ", "Tab"),
    (0x0010, "", "Escape"),
    (0x0011, "", "Device control one"),
    (0x0012, "", "Device control two"),
    (0x0013, "", "Device control three"),
    (0x0014, "", "Device control four"),
    (0x0017, "", "End of transmission block"),
    (0x0019, "", "End of medium"),
    (0x0060, "'", "Grave accent"),
    (0x0080, "", "C1 control codes"),
    (0x008D, "", "Reverse line feed"),
    (0x0090, "", "Device control string"),
    (0x009B, "", "Control sequence introducer"),
    (0x009F, "", "Application program command"),
    (0x00A0, " ", "No-break space"),
    (0x00AB, "\"", "Left-pointing double angle quotation mark"),
    (0x00B4, "'", "Acute accent"),
    (0x00BB, "\"", "Right-pointing double angle quotation mark"),
    (0x00BC, "1/4", "Vulgar fraction one quarter"),
    (0x00BD, "1/2", "Vulgar fraction one half"),
    (0x00BE, "3/4", "Vulgar fraction three quarters"),
    (0x00F7, "/", "Division sign"),
    (0x01C3, "!", "Latin letter retroflex click"),
    (0x0262, "G", "Latin letter small capital G"),
    (0x026A, "I", "Latin letter small capital I"),
    (0x0274, "N", "Latin letter small capital N"),
    (0x0280, "R", "Latin letter small capital R"),
    (0x028F, "Y", "Latin letter small capital Y"),
    (0x0299, "B", "Latin letter small capital B"),
    (0x029C, "H", "Latin letter small capital H"),
    (0x029F, "L", "Latin letter small capital L"),
    (0x02B9, "'", "Modifier letter prime"),
    (0x02BA, "\"", "Modifier letter double prime"),
    (0x02BB, "'", "Modifier letter turned comma"),
    (0x02BC, "'", "Modifier letter apostrophe"),
    (0x02BD, "'", "Modifier letter reversed comma"),
    (0x02C6, "^", "Modifier letter circumflex accent"),
    (0x02C8, "'", "Modifier letter vertical line"),
    (0x02CA, "'", "Modifier letter acute accent"),
    (0x02CB, "'", "Modifier letter grave accent"),
    (0x02D0, ":", "Modifier letter triangular colon"),
    (0x02D6, "+", "Modifier letter plus sign"),
    (0x02DC, "~", "Small tilde"),
    (0x02EE, "\"", "Modifier letter double apostrophe"),
    (0x02F7, "~", "Modifier letter low tilde"),
    (0x02F8, ":", "Modifier letter raised colon"),
    (0x0302, "^", "Combining circumflex accent"),
    (0x0303, "~", "Combining tilde"),
    (0x0313, "'", "Combining comma above"),
    (0x0314, "'", "Combining reversed comma above"),
    (0x0326, ",", "Combining comma below"),
    (0x0330, "~", "Combining tilde below"),
    (0x0332, "_", "Combining low line"),
    (0x0334, "~", "Combining tilde overlay"),
    (0x0337, "/", "Combining short solidus overlay"),
    (0x0338, "/", "Combining long solidus overlay"),
    (0x0347, "=", "Combining equals sign below"),
    (0x0391, "A", "Greek capital letter Alpha"),
    (0x0392, "B", "Greek capital letter Beta"),
    (0x0395, "E", "Greek capital letter Epsilon"),
    (0x0396, "Z", "Greek capital letter Zeta"),
    (0x0397, "H", "Greek capital letter Eta"),
    (0x0399, "I", "Greek capital letter Iota"),
    (0x039A, "K", "Greek capital letter Kappa"),
    (0x039C, "M", "Greek capital letter Mu"),
    (0x039D, "N", "Greek capital letter Nu"),
    (0x039F, "O", "Greek capital letter Omicron"),
    (0x03A1, "P", "Greek capital letter Rho"),
    (0x03A4, "T", "Greek capital letter Tau"),
    (0x03A5, "Y", "Greek capital letter Upsilon"),
    (0x03A7, "X", "Greek capital letter Chi"),
    (0x1D00, "A", "Latin letter small capital A"),
    (0x1D04, "C", "Latin letter small capital C"),
    (0x1D05, "D", "Latin letter small capital D"),
    (0x1D07, "E", "Latin letter small capital E"),
    (0x1D0A, "J", "Latin letter small capital J"),
    (0x1D0B, "K", "Latin letter small capital K"),
    (0x1D0D, "M", "Latin letter small capital M"),
    (0x1D0F, "O", "Latin letter small capital O"),
    (0x1D18, "P", "Latin letter small capital P"),
    (0x1D1B, "T", "Latin letter small capital T"),
    (0x1D1C, "U", "Latin letter small capital U"),
    (0x1D20, "V", "Latin letter small capital V"),
    (0x1D21, "W", "Latin letter small capital W"),
    (0x1D22, "Z", "Latin letter small capital Z"),
    (0x1DCD, "^", "Combining double circumflex above"),
    (0x2000, " ", "En quad"),
    (0x2001, " ", "Em quad"),
    (0x2002, " ", "En space"),
    (0x2003, " ", "Em space"),
    (0x2004, " ", "Three-per-em space"),
    (0x2005, " ", "Four-per-em space"),
    (0x2006, " ", "Six-per-em space"),
    (0x2007, " ", "Figure space"),
    (0x2008, " ", "Punctuation space"),
    (0x2009, " ", "Thin space"),
    (0x200A, " ", "Hair space"),
    (0x200B, "", "Zero width space"),
    (0x2010, "-", "Hyphen"),
    (0x2013, "-", "En dash"),
    (0x2014, "-", "Em dash"),
    (0x2015, "-", "Horizontal bar"),
    (0x2017, "_", "Double low line"),
    (0x2018, "'", "Left single quotation mark"),
    (0x2019, "'", "Right single quotation mark"),
    (0x201A, ",", "Single low-9 quotation mark"),
    (0x201B, "'", "Single high-reversed-9 quotation mark"),
    (0x201C, "\"", "Left double quotation mark"),
    (0x201D, "\"", "Right double quotation mark"),
    (0x201E, "\"", "Double low quotation mark"),
    (0x201F, "\"", "Double high-reversed-9 quotation mark"),
    (0x2022, "-", "Bullet"),
    (0x2026, "...", "Horizontal ellipsis"),
    (0x2028, "", "Line separator"),
    (0x2029, "", "Paragraph separator"),
    (0x202F, " ", "Narrow no-break space"),
    (0x2039, "<", "Single left-pointing angle quotation mark"),
    (0x203A, ">", "Single right-pointing angle quotation mark"),
    (0x203C, "!!", "Double exclamation mark"),
    (0x2043, "-", "Hyphen bullet"),
    (0x2044, "/", "Fraction slash"),
    (0x204E, "*", "Low asterisk"),
    (0x204F, ";", "Reversed semicolon"),
    (0x205F, " ", "Medium mathematical space"),
    (0x2060, "", "Word joiner"),
    (0x20D2, "|", "Combining long vertical line overlay"),
    (0x20D3, "|", "Combining short vertical line overlay"),
    (0x20E5, "\\", "Combining reverse solidus overlay"),
    (0x2215, "/", "Division slash"),
    (0x2217, "*", "Asterisk operator"),
    (0x2223, "|", "Divides"),
    (0x223C, "~", "Tilde operator"),
    (0x229B, "*", "Circled asterisk operator"),
    (0x239C, "|", "Left parenthesis extension"),
    (0x239F, "|", "Right parenthesis extension"),
    (0x23B8, "|", "Left vertical box line"),
    (0x23B9, "|", "Right vertical box line"),
    (0x23BC, "-", "Horizontal scan line-7"),
    (0x23BD, "-", "Horizontal scan line-9"),
    (0x23D0, "|", "Vertical line extension"),
    (0x2722, "*", "Four teardrop-spoked asterisk"),
    (0x2723, "*", "Four balloon-spoked asterisk"),
    (0x2724, "*", "Heavy four balloon-spoked asterisk"),
    (0x2725, "*", "Four club-spoked asterisk"),
    (0x2731, "*", "Heavy asterisk"),
    (0x2732, "*", "Open center asterisk"),
    (0x2733, "*", "Eight spoked asterisk"),
    (0x273A, "*", "Sixteen pointed asterisk"),
    (0x273B, "*", "Teardrop-spoked asterisk"),
    (0x273C, "*", "Open center teardrop-spoked asterisk"),
    (0x273D, "*", "Heavy teardrop-spoked asterisk"),
    (0x2743, "*", "Heavy teardrop-spoked pinwheel asterisk"),
    (0x2749, "*", "Balloon-spoked asterisk"),
    (0x274A, "*", "Eight teardrop-spoked propeller asterisk"),
    (0x274B, "*", "Heavy eight teardrop-spoked propeller asterisk"),
    (0x275B, "'", "Heavy single turned comma quotation mark ornament"),
    (0x275C, "'", "Heavy single comma quotation mark ornament"),
    (0x275D, "\"", "Heavy double turned comma quotation mark ornament"),
    (0x275E, "\"", "Heavy double comma quotation mark ornament"),
    (0x2768, "(", "Medium left parenthesis ornament"),
    (0x2769, ")", "Medium right parenthesis ornament"),
    (0x276A, "(", "Medium flattened left parenthesis ornament"),
    (0x276B, ")", "Medium flattened right parenthesis ornament"),
    (0x2774, "{", "Medium left curly bracket ornament"),
    (0x2775, "}", "Medium right curly bracket ornament"),
    (0x27EE, "(", "Mathematical left flattened parenthesis"),
    (0x27EF, ")", "Mathematical right flattened parenthesis"),
    (0x2982, ":", "Z notation type colon"),
    (0x2985, "(", "Left white parenthesis"),
    (0x2986, ")", "Right white parenthesis"),
    (0x29C6, "*", "Squared asterisk"),
    (0x29F5, "\\", "Reverse solidus operator"),
    (0x29F8, "/", "Big solidus"),
    (0x29F9, "\\", "Big reverse solidus"),
    (0x3000, " ", "Ideographic space"),
    (0x3001, ",", "Ideographic comma"),
    (0x3002, ".", "Ideographic full stop"),
    (0x301D, "\"", "Reversed double prime quotation mark"),
    (0x301E, "\"", "Double prime quotation mark"),
    (0xA730, "F", "Latin letter small capital F"),
    (0xA731, "S", "Latin letter small capital S"),
    (0xA789, ":", "Modifier letter colon"),
    (0xA78A, "=", "Modifier letter short equals sign"),
    (0xFE10, "'", "Presentation form for vertical comma"),
    (0xFE11, "'", "Presentation form for vertical ideographic comma"),
    (0xFE13, ":", "Presentation form for vertical colon"),
    (0xFE14, ";", "Presentation form for vertical semicolon"),
    (0xFE15, "!", "Presentation form for vertical exclamation mark"),
    (0xFE16, "?", "Presentation form for vertical question mark"),
    (0xFE50, ",", "Small comma"),
    (0xFE51, ",", "Small ideographic comma"),
    (0xFE52, ".", "Small full stop"),
    (0xFE54, ";", "Small semicolon"),
    (0xFE56, "?", "Small question mark"),
    (0xFE57, "!", "Small exclamation mark"),
    (0xFE59, "(", "Small left parenthesis"),
    (0xFE5A, ")", "Small right parenthesis"),
    (0xFE5B, "{", "Small left curly bracket"),
    (0xFE5C, "}", "Small right curly bracket"),
    (0xFE5F, "#", "Small number sign"),
    (0xFE60, "&", "Small ampersand"),
    (0xFE61, "*", "Small asterisk"),
    (0xFE62, "+", "Small plus sign"),
    (0xFE63, "-", "Small hyphen-minus"),
    (0xFE64, "<", "Small less-than sign"),
    (0xFE65, ">", "Small greater-than sign"),
    (0xFE66, "=", "Small equals sign"),
    (0xFE68, "\\", "Small reverse solidus"),
    (0xFE69, "$", "Small dollar sign"),
    (0xFE6A, "%", "Small percent sign"),
    (0xFE6B, "@", "Small commercial at sign"),
    (0xFEFF, "", "Zero width no-break space"),
    (0xFF01, "!", "Fullwidth exclamation mark"),
    (0xFF02, "\"", "Fullwidth quotation mark"),
    (0xFF03, "#", "Fullwidth number sign"),
    (0xFF04, "$", "Fullwidth dollar sign"),
    (0xFF05, "%", "Fullwidth percent sign"),
    (0xFF06, "&", "Fullwidth ampersand"),
    (0xFF07, "'", "Fullwidth apostrophe"),
    (0xFF08, "(", "Fullwidth left parenthesis"),
    (0xFF09, ")", "Fullwidth right parenthesis"),
    (0xFF0A, "*", "Fullwidth asterisk"),
    (0xFF0B, "+", "Fullwidth plus sign"),
    (0xFF0C, ",", "Fullwidth comma"),
    (0xFF0D, "-", "Fullwidth hyphen-minus"),
    (0xFF0E, ".", "Fullwidth full stop"),
    (0xFF0F, "/", "Fullwidth solidus"),
    (0xFF10, "0", "Fullwidth digit zero"),
    (0xFF11, "1", "Fullwidth digit one"),
    (0xFF12, "2", "Fullwidth digit two"),
    (0xFF13, "3", "Fullwidth digit three"),
    (0xFF14, "4", "Fullwidth digit four"),
    (0xFF15, "5", "Fullwidth digit five"),
    (0xFF16, "6", "Fullwidth digit six"),
    (0xFF17, "7", "Fullwidth digit seven"),
    (0xFF18, "8", "Fullwidth digit eight"),
    (0xFF19, "9", "Fullwidth digit nine"),
    (0xFF1A, ":", "Fullwidth colon"),
    (0xFF1B, ";", "Fullwidth semicolon"),
    (0xFF1C, "<", "Fullwidth less-than sign"),
    (0xFF1D, "=", "Fullwidth equals sign"),
    (0xFF1E, ">", "Fullwidth greater-than sign"),
    (0xFF1F, "?", "Fullwidth question mark"),
    (0xFF20, "@", "Fullwidth commercial at sign"),
    (0xFF21, "A", "Fullwidth Latin capital letter A"),
    (0xFF22, "B", "Fullwidth Latin capital letter B"),
    (0xFF23, "C", "Fullwidth Latin capital letter C"),
    (0xFF24, "D", "Fullwidth Latin capital letter D"),
    (0xFF25, "E", "Fullwidth Latin capital letter E"),
    (0xFF26, "F", "Fullwidth Latin capital letter F"),
    (0xFF27, "G", "Fullwidth Latin capital letter G"),
    (0xFF28, "H", "Fullwidth Latin capital letter H"),
    (0xFF29, "I", "Fullwidth Latin capital letter I"),
    (0xFF2A, "J", "Fullwidth Latin capital letter J"),
    (0xFF2B, "K", "Fullwidth Latin capital letter K"),
    (0xFF2C, "L", "Fullwidth Latin capital letter L"),
    (0xFF2D, "M", "Fullwidth Latin capital letter M"),
    (0xFF2E, "N", "Fullwidth Latin capital letter N"),
    (0xFF2F, "O", "Fullwidth Latin capital letter O"),
    (0xFF30, "P", "Fullwidth Latin capital letter P"),
    (0xFF31, "Q", "Fullwidth Latin capital letter Q"),
    (0xFF32, "R", "Fullwidth Latin capital letter R"),
    (0xFF33, "S", "Fullwidth Latin capital letter S"),
    (0xFF34, "T", "Fullwidth Latin capital letter T"),
    (0xFF35, "U", "Fullwidth Latin capital letter U"),
    (0xFF36, "V", "Fullwidth Latin capital letter V"),
    (0xFF37, "W", "Fullwidth Latin capital letter W"),
    (0xFF38, "X", "Fullwidth Latin capital letter X"),
    (0xFF39, "Y", "Fullwidth Latin capital letter Y"),
    (0xFF3A, "Z", "Fullwidth Latin capital letter Z"),
    (0xFF3B, "[", "Fullwidth left square bracket"),
    (0xFF3C, "\\", "Fullwidth reverse solidus"),
    (0xFF3D, "]", "Fullwidth right square bracket"),
    (0xFF3E, "^", "Fullwidth circumflex accent"),
    (0xFF3F, "_", "Fullwidth low line"),
    (0xFF41, "a", "Fullwidth Latin small letter a"),
    (0xFF42, "b", "Fullwidth Latin small letter b"),
    (0xFF43, "c", "Fullwidth Latin small letter c"),
    (0xFF44, "d", "Fullwidth Latin small letter d"),
    (0xFF45, "e", "Fullwidth Latin small letter e"),
    (0xFF46, "f", "Fullwidth Latin small letter f"),
    (0xFF47, "g", "Fullwidth Latin small letter g"),
    (0xFF48, "h", "Fullwidth Latin small letter h"),
    (0xFF49, "i", "Fullwidth Latin small letter i"),
    (0xFF4A, "j", "Fullwidth Latin small letter j"),
    (0xFF4B, "k", "Fullwidth Latin small letter k"),
    (0xFF4C, "l", "Fullwidth Latin small letter l"),
    (0xFF4D, "m", "Fullwidth Latin small letter m"),
    (0xFF4E, "n", "Fullwidth Latin small letter n"),
    (0xFF4F, "o", "Fullwidth Latin small letter o"),
    (0xFF50, "p", "Fullwidth Latin small letter p"),
    (0xFF51, "q", "Fullwidth Latin small letter q"),
    (0xFF52, "r", "Fullwidth Latin small letter r"),
    (0xFF53, "s", "Fullwidth Latin small letter s"),
    (0xFF54, "t", "Fullwidth Latin small letter t"),
    (0xFF55, "u", "Fullwidth Latin small letter u"),
    (0xFF56, "v", "Fullwidth Latin small letter v"),
    (0xFF57, "w", "Fullwidth Latin small letter w"),
    (0xFF58, "x", "Fullwidth Latin small letter x"),
    (0xFF59, "y", "Fullwidth Latin small letter y"),
    (0xFF5A, "z", "Fullwidth Latin small letter z"),
    (0xFF5B, "{", "Fullwidth left curly bracket"),
    (0xFF5C, "|", "Fullwidth vertical line"),
    (0xFF5D, "}", "Fullwidth right curly bracket"),
    (0xFF5E, "~", "Fullwidth tilde"),
    (0xFF61, ".", "Halfwidth ideographic full stop"),
    (0xFF64, ",", "Halfwidth ideographic comma"),
}

/// Where every row starts in `TEXT`, then the length of `TEXT`. A text that is not ASCII
/// or too long for `u16` offsets fails the build.
static STARTS: [u16; ROWS + 1] = {
    let mut starts = [0; ROWS + 1];
    let (mut i, mut at) = (0, 0);
    while i < ROWS {
        at += LENGTHS[i].0 + LENGTHS[i].1;
        i += 1;
        starts[i] = at as u16;
    }
    assert!(TEXT.is_ascii() && at == TEXT.len() && at <= u16::MAX as usize);
    starts
};

/// The byte length of every row's replacement.
static REPLACEMENT_LENS: [u8; ROWS] = {
    let mut lens = [0; ROWS];
    let mut i = 0;
    while i < ROWS {
        assert!(LENGTHS[i].0 <= u8::MAX as usize);
        lens[i] = LENGTHS[i].0 as u8;
        i += 1;
    }
    lens
};

/// Row `i`'s `(replacement, name)`; `("", "")` when there is no row `i`.
#[inline]
pub(crate) fn fields(i: usize) -> (&'static str, &'static str) {
    let (Some(&start), Some(&end), Some(&len)) = (
        STARTS.get(i),
        STARTS.get(i.saturating_add(1)),
        REPLACEMENT_LENS.get(i),
    ) else {
        return ("", "");
    };
    match TEXT.get(usize::from(start)..usize::from(end)) {
        Some(row) => row.split_at_checked(usize::from(len)).unwrap_or(("", "")),
        None => ("", ""),
    }
}

/// Row `i`'s replacement as bytes: ASCII (the build checks it), so one byte is one UTF-16
/// unit. Empty when there is no row `i`.
#[inline]
pub(crate) fn replacement_ascii(i: usize) -> &'static [u8] {
    let (Some(&start), Some(&len)) = (STARTS.get(i), REPLACEMENT_LENS.get(i)) else {
        return &[];
    };
    let start = usize::from(start);
    TEXT.as_bytes()
        .get(start..start + usize::from(len))
        .unwrap_or_default()
}

/// For each 256-code-point page of the BMP, whether any row falls in it: most text (Latin
/// letters aside) is in pages with no row, and is rejected without a search.
pub(crate) static PAGES: [bool; 256] = {
    let mut pages = [false; 256];
    let mut i = 0;
    while i < ROWS {
        pages[(CODE_POINTS[i] >> 8) as usize] = true;
        i += 1;
    }
    pages
};
