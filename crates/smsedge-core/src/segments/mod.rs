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
mod utf16;

pub use smart::{
    Replacement, SmartEncoded, Substitution, smart_encode, substitution, table as smart_table,
};

use charset::{ascii7_cost, gsm7_cost};
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
    #[inline]
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

/// Greedy packing into parts with indivisible characters.
///
/// Greedy is optimal here: characters are packed in order, each costs at most 2 units
/// and every part has the same capacity, so filling each part as far as it goes can
/// never need more parts than any other split.
struct Packer<'a> {
    part_capacity: usize,
    total: usize,
    current: usize,
    start: usize,
    closed: usize,
    parts: Option<&'a mut Vec<Part>>,
}

impl<'a> Packer<'a> {
    fn new(encoding: Encoding, parts: Option<&'a mut Vec<Part>>) -> Self {
        Self {
            part_capacity: encoding.part_capacity(),
            total: 0,
            current: 0,
            start: 0,
            closed: 0,
            parts,
        }
    }

    #[inline]
    fn push(&mut self, index: usize, cost: usize) {
        if self.current + cost > self.part_capacity {
            if let Some(parts) = self.parts.as_deref_mut() {
                parts.push(Part {
                    start: self.start,
                    end: index,
                    units: self.current,
                });
            }
            self.closed += 1;
            self.current = 0;
            self.start = index;
        }
        self.current += cost;
        self.total += cost;
    }

    /// Closes the packing at `end` and returns `(segments, units_left)`.
    fn finish(self, encoding: Encoding, end: usize) -> (usize, usize) {
        let single = encoding.single_capacity();
        if self.total == 0 {
            return (0, single);
        }
        if self.total <= single {
            if let Some(parts) = self.parts {
                parts.clear();
                parts.push(Part {
                    start: 0,
                    end,
                    units: self.total,
                });
            }
            return (1, single - self.total);
        }
        if let Some(parts) = self.parts {
            parts.push(Part {
                start: self.start,
                end,
                units: self.current,
            });
        }
        (self.closed + 1, self.part_capacity - self.current)
    }
}

/// Finds the first character the 7-bit `encoding` cannot hold.
fn first_unencodable(text: &[u16], encoding: Encoding) -> Option<(usize, u32)> {
    CodePoints::new(text)
        .find(|&(_, cp, len)| encoding.cost(cp, len) == 0)
        .map(|(i, cp, _)| (i, cp))
}

/// Decides the final encoding of (already transformed) text.
fn choose_encoding(text: &[u16], options: &Options) -> Result<Encoding, SegmentError> {
    match options.encoding {
        RequestEncoding::Ucs2 => Ok(Encoding::Ucs2),
        RequestEncoding::Gsm7 => match first_unencodable(text, Encoding::Gsm7) {
            Some((index, code_point)) => Err(SegmentError::NotGsm7 { index, code_point }),
            None => Ok(Encoding::Gsm7),
        },
        RequestEncoding::Auto => {
            let preferred = options.sender.default_encoding();
            Ok(if first_unencodable(text, preferred).is_some() {
                Encoding::Ucs2
            } else {
                preferred
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

/// Analyses a message: encoding, parts, offending characters, warnings and cost.
///
/// # Errors
/// [`SegmentError::NotGsm7`] when `encoding: Gsm7` cannot be honoured,
/// [`SegmentError::EmptyAfterSmartEncoding`] when smart encoding leaves nothing, and
/// [`SegmentError::InvalidPrice`] for a negative or non-finite price.
pub fn analyze(text: &[u16], options: &Options) -> Result<Analysis, SegmentError> {
    check_price(options)?;
    let smart = options.applies_smart_encoding().then(|| smart_encode(text));
    let analysed: &[u16] = smart.as_ref().map_or(text, |s| s.text.as_slice());
    if analysed.is_empty() && !text.is_empty() {
        return Err(SegmentError::EmptyAfterSmartEncoding);
    }
    let encoding = choose_encoding(analysed, options)?;

    let mut parts = Vec::new();
    let mut extension_chars = Vec::new();
    let mut packer = Packer::new(encoding, Some(&mut parts));
    for (index, cp, len) in CodePoints::new(analysed) {
        let cost = encoding.cost(cp, len);
        if cost == 2 && encoding == Encoding::Gsm7 {
            extension_chars.push(ExtensionChar {
                index,
                code_point: cp,
            });
        }
        packer.push(index, usize::from(cost));
    }
    let units = packer.total;
    let (segments, units_left) = packer.finish(encoding, analysed.len());

    let preferred = options.sender.default_encoding();
    let non_gsm = CodePoints::new(text)
        .filter(|&(_, cp, len)| preferred.cost(cp, len) == 0)
        .map(|(index, code_point, len)| NonGsmChar {
            index,
            len: usize::from(len),
            code_point,
            substitution: substitution(code_point),
        })
        .collect();

    let mut warnings = Vec::new();
    if text.is_empty() {
        warnings.push(Warning::Empty);
    } else if segments > MAX_SEGMENTS {
        warnings.push(Warning::TooManySegments);
    } else if segments > RELIABLE_SEGMENTS {
        warnings.push(Warning::ManySegments);
    }

    Ok(Analysis {
        encoding,
        segments,
        units,
        units_left,
        parts,
        non_gsm,
        extension_chars,
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
pub fn count_segments(text: &[u16], options: &Options) -> Result<Count, SegmentError> {
    check_price(options)?;
    if !options.applies_smart_encoding() {
        let encoding = choose_encoding(text, options)?;
        let mut packer = Packer::new(encoding, None);
        for (index, cp, len) in CodePoints::new(text) {
            packer.push(index, usize::from(encoding.cost(cp, len)));
        }
        let units = packer.total;
        let (segments, _) = packer.finish(encoding, text.len());
        return Ok(Count {
            encoding,
            segments,
            units,
        });
    }

    // Smart encoding: decide the encoding on the transformed stream, then pack it.
    let preferred = match options.encoding {
        RequestEncoding::Gsm7 => Encoding::Gsm7,
        _ => options.sender.default_encoding(),
    };
    let mut position = 0;
    let mut first_bad = None;
    let mut any = false;
    for (cp, len) in smart::smart_code_points(text) {
        any = true;
        if first_bad.is_none() && preferred.cost(cp, len) == 0 {
            first_bad = Some((position, cp));
        }
        position += usize::from(len);
    }
    if !any && !text.is_empty() {
        return Err(SegmentError::EmptyAfterSmartEncoding);
    }
    let encoding = match (first_bad, options.encoding) {
        (None, _) => preferred,
        (Some((index, code_point)), RequestEncoding::Gsm7) => {
            return Err(SegmentError::NotGsm7 { index, code_point });
        }
        (Some(_), _) => Encoding::Ucs2,
    };
    let mut packer = Packer::new(encoding, None);
    let mut index = 0;
    for (cp, len) in smart::smart_code_points(text) {
        packer.push(index, usize::from(encoding.cost(cp, len)));
        index += usize::from(len);
    }
    let units = packer.total;
    let (segments, _) = packer.finish(encoding, index);
    Ok(Count {
        encoding,
        segments,
        units,
    })
}

#[cfg(test)]
mod tests;
