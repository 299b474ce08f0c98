//! The SMS segment engine: encoding, splitting, smart encoding, warnings and cost.
//!
//! Text is UTF-16 (`&[u16]`), exactly as a JavaScript string holds it, so every index
//! and length this module reports is a valid JS string index. Use
//! [`utf16`] to turn a Rust `&str` into that form.
//!
//! The rules:
//! - GSM 7-bit (3GPP TS 23.038): 160 septets in one segment, 153 per part when
//!   concatenated; the extension characters `\f ^ { } \ [ ~ ] | €` cost 2 septets.
//! - UTF-16 ("UCS-2"): 70 code units alone, 67 per part; an astral character is 2 units.
//! - Short codes use "ASCII 7-bit": 160 / 153 characters of U+0000–U+007F.
//! - A part never ends between the two septets of an escape sequence or the two units
//!   of a surrogate pair (3GPP TS 23.040 §9.2.3.24.1), so parts are packed greedily with
//!   those pairs indivisible: 153 × `]` is 3 segments and 67 × 😀 is 3.

mod charset;
mod smart;
mod smart_table;
mod text;
mod utf16;

pub use text::Text;

pub use smart::{
    Replacement, SmartEncoded, Substitution, smart_encode, substitution, table as smart_table,
    table_row as smart_table_row,
};

use charset::{ASCII_GSM7, ascii7_cost, gsm7_cost};
#[cfg(test)]
use utf16::CodePoints;

/// The most segments Telnyx accepts for one SMS (error 40302 above it).
pub const MAX_SEGMENTS: usize = 10;
/// Above this many segments, reassembly on older handsets becomes unreliable (Telnyx: keep under 3–4).
pub const RELIABLE_SEGMENTS: usize = 4;

/// How a message is encoded on the air.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// GSM 03.38 7-bit default alphabet: 160 / 153 septets.
    Gsm7,
    /// ASCII 7-bit (short codes): 160 / 153 characters.
    Ascii7,
    /// UTF-16 (UCS-2 with surrogate pairs): 70 / 67 code units.
    Ucs2,
}

impl Encoding {
    /// The name shown to users: `"GSM-7"`, `"ASCII-7"` or `"UCS-2"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Gsm7 => "GSM-7",
            Self::Ascii7 => "ASCII-7",
            Self::Ucs2 => "UCS-2",
        }
    }

    /// Units that fit in a message of one segment.
    #[must_use]
    pub const fn single_capacity(self) -> usize {
        match self {
            Self::Gsm7 | Self::Ascii7 => 160,
            Self::Ucs2 => 70,
        }
    }

    /// Units that fit in each part of a concatenated message (after the 6-byte UDH).
    #[must_use]
    pub const fn part_capacity(self) -> usize {
        match self {
            Self::Gsm7 | Self::Ascii7 => 153,
            Self::Ucs2 => 67,
        }
    }

    /// The cost of one character in units, 0 when it cannot be encoded.
    #[inline(always)]
    fn cost(self, code_point: u32, utf16_len: u8) -> u8 {
        match self {
            Self::Gsm7 => gsm7_cost(code_point),
            Self::Ascii7 => ascii7_cost(code_point),
            Self::Ucs2 => utf16_len,
        }
    }
}

/// The kind of number or ID a message is sent from; it sets the default encoding.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Sender {
    /// A 10-digit long code (10DLC or P2P): GSM 7-bit, falling back to UTF-16.
    #[default]
    LongCode,
    /// A toll-free number: GSM 7-bit, falling back to UTF-16.
    TollFree,
    /// A short code: ASCII 7-bit, falling back to UTF-16.
    ShortCode,
    /// An alphanumeric sender ID: GSM 7-bit, falling back to UTF-16.
    Alphanumeric,
}

impl Sender {
    /// The 7-bit encoding this sender uses when the text allows it.
    #[must_use]
    pub const fn default_encoding(self) -> Encoding {
        match self {
            Self::ShortCode => Encoding::Ascii7,
            Self::LongCode | Self::TollFree | Self::Alphanumeric => Encoding::Gsm7,
        }
    }
}

/// The `encoding` parameter of `POST /v2/messages`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum RequestEncoding {
    /// Follow the smart-encoding setting (of the messaging profile).
    #[default]
    Auto,
    /// Apply smart encoding; the result must be GSM-7 or the request fails.
    Gsm7,
    /// Skip smart encoding and send UTF-16 whatever the text.
    Ucs2,
}

/// What to analyse a message as.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Options {
    /// The sender type. Default: long code.
    pub sender: Sender,
    /// The request-level encoding. Default: auto.
    pub encoding: RequestEncoding,
    /// Whether the messaging profile has smart encoding on (used by `Auto`). Default: off.
    pub smart_encoding: bool,
    /// Price of one segment, for a cost estimate. Must be finite and not negative.
    pub price_per_segment: Option<f64>,
}

impl Options {
    fn applies_smart_encoding(&self) -> bool {
        match self.encoding {
            RequestEncoding::Auto => self.smart_encoding,
            RequestEncoding::Gsm7 => true,
            RequestEncoding::Ucs2 => false,
        }
    }
}

/// Why a text cannot be analysed as asked.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SegmentError {
    /// `encoding: gsm7` was requested, and after smart encoding the text still holds a
    /// character outside GSM 7-bit (Telnyx answers 400).
    #[error(
        "the text cannot be sent as GSM-7: U+{code_point:04X} at index {index} has no GSM-7 form, even with smart encoding"
    )]
    NotGsm7 {
        /// UTF-16 index of the first such character, in the text after smart encoding.
        index: usize,
        /// Its code point (a lone surrogate is reported as its code unit).
        code_point: u32,
    },
    /// Smart encoding removed every character (Telnyx answers 400: the message is empty).
    #[error("the text is empty after smart encoding removed invisible and control characters")]
    EmptyAfterSmartEncoding,
    /// `price_per_segment` is negative, infinite or NaN.
    #[error("pricePerSegment must be a finite number of at least 0")]
    InvalidPrice,
}

impl SegmentError {
    /// The stable string code of this error.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            Self::NotGsm7 { .. } => "not_gsm7",
            Self::EmptyAfterSmartEncoding => "empty_after_smart_encoding",
            Self::InvalidPrice => "invalid_price",
        }
    }
}

/// One part (segment) of a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Part {
    /// UTF-16 index where the part starts in the analysed text.
    pub start: usize,
    /// UTF-16 index just past its end.
    pub end: usize,
    /// Units it uses: septets (GSM-7), characters (ASCII-7) or UTF-16 code units.
    pub units: usize,
}

/// A character that keeps the text out of the sender's 7-bit set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NonGsmChar {
    /// UTF-16 index in the original text.
    pub index: usize,
    /// UTF-16 length: 2 for an astral character, else 1.
    pub len: usize,
    /// Code point (a lone surrogate is reported as its code unit).
    pub code_point: u32,
    /// Its smart-encoding substitution, if the Telnyx table has one.
    pub substitution: Option<Substitution>,
}

/// An extension-table character: 2 septets in GSM-7.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExtensionChar {
    /// UTF-16 index in the analysed text.
    pub index: usize,
    /// Its code point.
    pub code_point: u32,
}

/// Something the sender should know before sending.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Warning {
    /// More than 10 segments: Telnyx rejects the message (error 40302). Send it as MMS.
    TooManySegments,
    /// 5 to 10 segments: some handsets and carriers reassemble it badly.
    ManySegments,
    /// No text: Telnyx rejects a message with no content (error 40316).
    Empty,
}

impl Warning {
    /// The stable string code.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::TooManySegments => "too_many_segments",
            Self::ManySegments => "many_segments",
            Self::Empty => "empty",
        }
    }

    /// The Telnyx error code the API would answer with, when it would reject the message.
    #[must_use]
    pub const fn telnyx_code(self) -> Option<u32> {
        match self {
            Self::TooManySegments => Some(40302),
            Self::Empty => Some(40316),
            Self::ManySegments => None,
        }
    }

    /// A sentence for the user.
    #[must_use]
    pub const fn message(self) -> &'static str {
        match self {
            Self::TooManySegments => {
                "More than 10 segments: Telnyx rejects this message (40302). Shorten it or send it as MMS."
            }
            Self::ManySegments => {
                "More than 4 segments: some handsets reassemble long messages badly. Consider shortening it or using MMS."
            }
            Self::Empty => "The message has no content: Telnyx rejects it (40316).",
        }
    }
}

/// Smart-encoding metadata, as Telnyx reports it in the send response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SmartSummary {
    /// The transformation itself.
    pub encoded: SmartEncoded,
    /// UTF-16 length of the transformed text (`character_count`).
    pub character_count: usize,
}

/// Everything known about how a message will be sent.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysis {
    /// The final encoding.
    pub encoding: Encoding,
    /// Segments billed; 0 for empty text.
    pub segments: usize,
    /// Units used in all: septets, ASCII characters or UTF-16 code units.
    pub units: usize,
    /// Units still free in the last part before another segment is needed.
    pub units_left: usize,
    /// The parts, with UTF-16 ranges into the analysed text.
    pub parts: Vec<Part>,
    /// Characters of the original text outside the sender's 7-bit set.
    pub non_gsm: Vec<NonGsmChar>,
    /// Extension characters (2 septets each), when the encoding is GSM-7.
    pub extension_chars: Vec<ExtensionChar>,
    /// Warnings, most serious first.
    pub warnings: Vec<Warning>,
    /// Present when smart encoding was applied to the request (on or not, it ran).
    pub smart: Option<SmartSummary>,
    /// `segments × price_per_segment`, when a price was given.
    pub cost: Option<f64>,
}

impl Analysis {
    /// The text the parts index into: the smart-encoded text when smart encoding ran,
    /// else the original.
    #[must_use]
    pub fn analysed_text<'a>(&'a self, original: &'a [u16]) -> &'a [u16] {
        self.smart
            .as_ref()
            .map_or(original, |s| s.encoded.text.as_slice())
    }
}

/// The fast result of [`count_segments`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Count {
    /// The final encoding.
    pub encoding: Encoding,
    /// Segments billed; 0 for empty text.
    pub segments: usize,
    /// Units used in all.
    pub units: usize,
}

/// Turns a Rust string into the UTF-16 this module works on.
#[must_use]
pub fn utf16(text: &str) -> Vec<u16> {
    text.encode_utf16().collect()
}

/// What one pass over a text in one encoding finds.
struct Scan {
    /// Units used, up to the first character the encoding cannot hold.
    total: usize,
    /// UTF-16 length scanned.
    len: usize,
    /// Every character costs exactly one unit and one UTF-16 index (no escape or
    /// surrogate pairs): parts are then plain slices and no packing is needed.
    uniform: bool,
    /// The first character the encoding cannot hold: `(utf16 index, code point)`.
    first_bad: Option<(usize, u32)>,
    /// `(segments, units left)` of the greedy packing, when the scan computed it on the way
    /// (non-ASCII GSM-7 text, whose characters it decodes anyway): [`pack`] then need not walk
    /// the text again to count.
    packed: Option<(usize, usize)>,
}

/// Greedy packing into parts of one capacity, one character at a time (see [`pack`]).
struct Greedy {
    capacity: usize,
    closed: usize,
    current: usize,
}

impl Greedy {
    const fn new(capacity: usize) -> Self {
        Self {
            capacity,
            closed: 0,
            current: 0,
        }
    }

    /// Adds a character of `cost` units; true when it opened a new part.
    #[inline(always)]
    fn add(&mut self, cost: usize) -> bool {
        let opens = self.current + cost > self.capacity;
        if opens {
            self.closed += 1;
            self.current = 0;
        }
        self.current += cost;
        opens
    }

    /// `(segments, units left)` once every character is added (at least one).
    const fn result(&self) -> (usize, usize) {
        (self.closed + 1, self.capacity - self.current)
    }
}

fn scan<T: Text + ?Sized>(text: &T, encoding: Encoding) -> Scan {
    match encoding {
        Encoding::Gsm7 => scan_with::<T, true>(text, &ASCII_GSM7, |cp, _| gsm7_cost(cp)),
        // `Ascii7` text is uniform whenever it fits (every character it can hold costs 1), so
        // its packing is arithmetic: no greedy packing on the way.
        Encoding::Ascii7 => scan_with::<T, false>(text, &ALL_ONE, |cp, _| ascii7_cost(cp)),
        Encoding::Ucs2 => {
            let (len, pairs) = text.utf16_shape();
            Scan {
                total: len,
                len,
                uniform: !pairs,
                first_bad: None,
                packed: None,
            }
        }
    }
}

/// Every ASCII character costs one unit in ASCII-7 and in UCS-2.
static ALL_ONE: [u8; 128] = [1; 128];

/// The scan of all-ASCII text: one table look-up per byte (one byte = one UTF-16 unit).
fn scan_ascii(bytes: &[u8], ascii_cost: &[u8; 128]) -> Scan {
    let mut doubles = 0;
    for (index, &b) in bytes.iter().enumerate() {
        match ascii_cost[usize::from(b & 0x7F)] {
            1 => {}
            0 => {
                return Scan {
                    total: index + doubles,
                    len: index,
                    uniform: doubles == 0,
                    first_bad: Some((index, u32::from(b))),
                    packed: None,
                };
            }
            _ => doubles += 1,
        }
    }
    Scan {
        total: bytes.len() + doubles,
        len: bytes.len(),
        uniform: doubles == 0,
        first_bad: None,
        packed: None,
    }
}

/// The scan, specialised per encoding so the hot loop has no dispatch.
#[inline(always)]
fn scan_with<T: Text + ?Sized, const PACK: bool>(
    text: &T,
    ascii_cost: &[u8; 128],
    cost_of: impl Fn(u32, u8) -> u8,
) -> Scan {
    if let Some(bytes) = text.as_ascii() {
        return scan_ascii(bytes, ascii_cost);
    }
    let (mut total, mut len, mut doubles) = (0, 0, 0);
    let mut greedy = Greedy::new(Encoding::Gsm7.part_capacity());
    for (index, cp, l) in text.chars16() {
        let cost = cost_of(cp, l);
        if cost == 0 {
            return Scan {
                total,
                len: index,
                uniform: doubles == 0,
                first_bad: Some((index, cp)),
                packed: None,
            };
        }
        doubles += usize::from((cost | l) >> 1);
        total += usize::from(cost);
        len += usize::from(l);
        if PACK {
            greedy.add(usize::from(cost));
        }
    }
    Scan {
        total,
        len,
        uniform: doubles == 0,
        first_bad: None,
        packed: (PACK && total > 0).then(|| greedy.result()),
    }
}

/// Splits scanned text into parts and returns `(segments, units_left)`.
///
/// Parts are packed greedily with indivisible characters. Greedy is optimal here:
/// characters are packed in order, each costs at most 2 units and every part has the same
/// capacity, so filling each part as far as it goes never needs more parts than any other
/// split. With uniform costs the packing is plain arithmetic.
fn pack<T: Text + ?Sized>(
    text: &T,
    encoding: Encoding,
    scan: &Scan,
    mut parts: Option<&mut Vec<Part>>,
) -> (usize, usize) {
    let (single, capacity) = (encoding.single_capacity(), encoding.part_capacity());
    let total = scan.total;
    if total == 0 {
        return (0, single);
    }
    if total <= single {
        if let Some(parts) = parts {
            parts.push(Part {
                start: 0,
                end: scan.len,
                units: total,
            });
        }
        return (1, single - total);
    }
    if scan.uniform {
        let segments = total.div_ceil(capacity);
        if let Some(parts) = parts {
            parts.extend((0..segments).map(|k| {
                let start = k * capacity;
                let end = (start + capacity).min(total);
                Part {
                    start,
                    end,
                    units: end - start,
                }
            }));
        }
        return (segments, segments * capacity - total);
    }
    if parts.is_none() {
        // Counting only: the scan may have packed on its way; ASCII is packed from its bytes.
        if let Some(packed) = scan.packed {
            return packed;
        }
        if let (Encoding::Gsm7, Some(bytes)) = (encoding, text.as_ascii()) {
            let mut greedy = Greedy::new(capacity);
            for &b in bytes {
                greedy.add(usize::from(ASCII_GSM7[usize::from(b & 0x7F)]));
            }
            return greedy.result();
        }
    }
    let mut greedy = Greedy::new(capacity);
    let mut start = 0;
    for (index, cp, len) in text.chars16() {
        let units = greedy.current;
        if greedy.add(usize::from(encoding.cost(cp, len))) {
            if let Some(parts) = parts.as_deref_mut() {
                parts.push(Part {
                    start,
                    end: index,
                    units,
                });
            }
            start = index;
        }
    }
    if let Some(parts) = parts {
        parts.push(Part {
            start,
            end: scan.len,
            units: greedy.current,
        });
    }
    greedy.result()
}

/// Decides the final encoding of (already transformed) text, with its scan.
fn choose_encoding<T: Text + ?Sized>(
    text: &T,
    options: &Options,
) -> Result<(Encoding, Scan), SegmentError> {
    match options.encoding {
        RequestEncoding::Ucs2 => Ok((Encoding::Ucs2, scan(text, Encoding::Ucs2))),
        RequestEncoding::Gsm7 => {
            let s = scan(text, Encoding::Gsm7);
            match s.first_bad {
                Some((index, code_point)) => Err(SegmentError::NotGsm7 { index, code_point }),
                None => Ok((Encoding::Gsm7, s)),
            }
        }
        RequestEncoding::Auto => {
            let preferred = options.sender.default_encoding();
            let s = scan(text, preferred);
            Ok(if s.first_bad.is_some() {
                (Encoding::Ucs2, scan(text, Encoding::Ucs2))
            } else {
                (preferred, s)
            })
        }
    }
}

fn check_price(options: &Options) -> Result<(), SegmentError> {
    match options.price_per_segment {
        Some(p) if !p.is_finite() || p < 0.0 => Err(SegmentError::InvalidPrice),
        _ => Ok(()),
    }
}

/// What [`analyze`] computes on the text it analyses (after smart encoding).
struct Layout {
    encoding: Encoding,
    scan: Scan,
    segments: usize,
    units_left: usize,
    parts: Vec<Part>,
    extension_chars: Vec<ExtensionChar>,
}

fn layout<T: Text + ?Sized>(analysed: &T, options: &Options) -> Result<Layout, SegmentError> {
    let (encoding, scan) = choose_encoding(analysed, options)?;
    let mut parts = Vec::new();
    let (segments, units_left) = pack(analysed, encoding, &scan, Some(&mut parts));
    // Plain loops here and below: the size-optimised wasm build does not inline
    // iterator adapters, and these run on every keystroke in the composer.
    let mut extension_chars = Vec::new();
    if encoding == Encoding::Gsm7 && !scan.uniform {
        for (index, code_point, _) in analysed.chars16() {
            if gsm7_cost(code_point) == 2 {
                extension_chars.push(ExtensionChar { index, code_point });
            }
        }
    }
    Ok(Layout {
        encoding,
        scan,
        segments,
        units_left,
        parts,
        extension_chars,
    })
}

/// Analyses a message: encoding, parts, offending characters, warnings and cost.
///
/// `text` is UTF-16 (`&[u16]`, as a JS string holds it) or a Rust `&str`; every index in
/// the result is a UTF-16 index.
///
/// # Errors
/// [`SegmentError::NotGsm7`] when `encoding: Gsm7` cannot be honoured,
/// [`SegmentError::EmptyAfterSmartEncoding`] when smart encoding leaves nothing, and
/// [`SegmentError::InvalidPrice`] for a negative or non-finite price.
pub fn analyze<T: Text + ?Sized>(text: &T, options: &Options) -> Result<Analysis, SegmentError> {
    check_price(options)?;
    let empty = text.is_void();
    let smart = options
        .applies_smart_encoding()
        .then(|| smart_encode(&text.to_utf16()));
    let layout = match &smart {
        Some(s) if s.text.is_empty() && !empty => {
            return Err(SegmentError::EmptyAfterSmartEncoding);
        }
        Some(s) => layout(s.text.as_slice(), options)?,
        None => layout(text, options)?,
    };
    let preferred = options.sender.default_encoding();
    let mut non_gsm = Vec::new();
    // (When the preferred encoding was kept, all of the text is in its 7-bit set.)
    if layout.encoding != preferred || smart.is_some() {
        for (index, code_point, len) in text.chars16() {
            if preferred.cost(code_point, len) == 0 {
                non_gsm.push(NonGsmChar {
                    index,
                    len: usize::from(len),
                    code_point,
                    substitution: substitution(code_point),
                });
            }
        }
    }

    let segments = layout.segments;
    let mut warnings = Vec::new();
    if empty {
        warnings.push(Warning::Empty);
    } else if segments > MAX_SEGMENTS {
        warnings.push(Warning::TooManySegments);
    } else if segments > RELIABLE_SEGMENTS {
        warnings.push(Warning::ManySegments);
    }

    Ok(Analysis {
        encoding: layout.encoding,
        segments,
        units: layout.scan.total,
        units_left: layout.units_left,
        parts: layout.parts,
        non_gsm,
        extension_chars: layout.extension_chars,
        warnings,
        smart: smart.map(|encoded| SmartSummary {
            character_count: encoded.text.len(),
            encoded,
        }),
        cost: options.price_per_segment.map(|p| p * segments as f64),
    })
}

/// Counts segments without building parts or lists: the fast path for bulk work.
///
/// It gives the same `encoding`, `segments` and `units` as [`analyze`].
///
/// # Errors
/// As [`analyze`].
pub fn count_segments<T: Text + ?Sized>(
    text: &T,
    options: &Options,
) -> Result<Count, SegmentError> {
    check_price(options)?;
    if options.applies_smart_encoding() {
        let utf16 = text.to_utf16();
        let transformed = smart::smart_text(&utf16);
        if transformed.is_empty() && !utf16.is_empty() {
            return Err(SegmentError::EmptyAfterSmartEncoding);
        }
        return count_in(&*transformed, options);
    }
    count_in(text, options)
}

fn count_in<T: Text + ?Sized>(text: &T, options: &Options) -> Result<Count, SegmentError> {
    let (encoding, scanned) = choose_encoding(text, options)?;
    let (segments, _) = pack(text, encoding, &scanned, None);
    Ok(Count {
        encoding,
        segments,
        units: scanned.total,
    })
}

#[cfg(test)]
mod tests;
