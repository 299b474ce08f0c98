//! `analyze`, `countSegments` and `smartEncode`: the segment engine for JavaScript.

use smsedge_core::segments as engine;
use wasm_bindgen::prelude::*;

use crate::error::Error;
use crate::js::{Fields, JsText, js_string, number_or_null, object, read_text};
use smsedge_core::json::quoted;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** The kind of sender; it sets the default 7-bit encoding (short codes: ASCII 7-bit). */
export type Sender = "long_code" | "toll_free" | "short_code" | "alphanumeric";
/** The `encoding` request parameter of POST /v2/messages. */
export type RequestEncoding = "auto" | "gsm7" | "ucs2";
/** The encoding a message is sent in. */
export type Encoding = "GSM-7" | "ASCII-7" | "UCS-2";

export interface AnalyzeOptions {
  /** Default "long_code". */
  sender?: Sender;
  /** Default "auto": follow `smartEncoding`. "gsm7" applies smart encoding and throws `not_gsm7` if the text still is not GSM-7; "ucs2" skips smart encoding. */
  encoding?: RequestEncoding;
  /** Whether the messaging profile has smart encoding on. Default false. */
  smartEncoding?: boolean;
  /** Price of one segment, for `cost`. */
  pricePerSegment?: number;
}

/** One segment. `start`/`end` are UTF-16 indices into the text analysed (after smart encoding, when it ran). */
export interface Part {
  text: string;
  /** Septets (GSM-7), characters (ASCII-7) or UTF-16 code units (UCS-2). */
  units: number;
  start: number;
  end: number;
}

/** A character of the original text that forces UTF-16. */
export interface NonGsmChar {
  /** UTF-16 index in the original text. */
  index: number;
  /** UTF-16 length: 2 for an astral character. */
  length: number;
  char: string;
  codePoint: number;
  /** The smart-encoding replacement ("" when smart encoding removes it), or null when there is none. */
  replacement: string | null;
  /** Its name in the Telnyx smart-encoding table, when it is there. */
  name: string | null;
}

/** A GSM-7 extension character: it costs 2 septets. */
export interface ExtensionChar {
  /** UTF-16 index in the text analysed. */
  index: number;
  char: string;
}

export interface SegmentWarning {
  code: "too_many_segments" | "many_segments" | "empty";
  message: string;
  /** The Telnyx error code the API would answer with, when it would reject the message. */
  telnyxCode: number | null;
}

/** What smart encoding did, as the Telnyx send response reports it. */
export interface SmartEncodingSummary {
  /** The transformed text. */
  text: string;
  applied: boolean;
  /** Distinct characters substituted. */
  replacedCharacterCount: number;
  /** New length minus old length, in UTF-16 code units. */
  lengthChange: number;
  /** UTF-16 length of the transformed text. */
  characterCount: number;
  finalEncoding: Encoding;
  segmentCount: number;
}

export interface Analysis {
  encoding: Encoding;
  /** Segments billed (0 for empty text). */
  segments: number;
  /** Units used in all. */
  units: number;
  /** Units still free in the last part. */
  unitsLeft: number;
  parts: Part[];
  nonGsm: NonGsmChar[];
  extensionChars: ExtensionChar[];
  warnings: SegmentWarning[];
  /** Present when smart encoding ran (smartEncoding on with "auto", or "gsm7"). */
  smart?: SmartEncodingSummary;
  /** segments × pricePerSegment, when a price was given. */
  cost?: number;
}

export interface SegmentCount {
  encoding: Encoding;
  segments: number;
  units: number;
}

export interface SmartReplacement {
  /** UTF-16 index in the original text. */
  index: number;
  char: string;
  codePoint: number;
  /** "" when the character is removed. */
  replacement: string;
  name: string;
}

export interface SmartEncodeResult {
  text: string;
  applied: boolean;
  replacedCharacterCount: number;
  lengthChange: number;
  replacements: SmartReplacement[];
}
"#;

#[wasm_bindgen]
extern "C" {
    /// The options bag, typed as `AnalyzeOptions` in TypeScript.
    #[wasm_bindgen(typescript_type = "AnalyzeOptions")]
    pub type AnalyzeOptions;
}

fn parse_options(value: Option<JsValue>) -> Result<engine::Options, Error> {
    let fields = Fields::new(
        value.unwrap_or(JsValue::UNDEFINED),
        "options",
        &["sender", "encoding", "smartEncoding", "pricePerSegment"],
    )?;
    let sender = match fields.string("sender")?.as_deref() {
        None | Some("long_code") => engine::Sender::LongCode,
        Some("toll_free") => engine::Sender::TollFree,
        Some("short_code") => engine::Sender::ShortCode,
        Some("alphanumeric") => engine::Sender::Alphanumeric,
        Some(other) => {
            return Err(Error::invalid_argument(format!(
                "options.sender must be \"long_code\", \"toll_free\", \"short_code\" or \"alphanumeric\", got {}",
                quoted(other)
            )));
        }
    };
    let encoding = match fields.string("encoding")?.as_deref() {
        None | Some("auto") => engine::RequestEncoding::Auto,
        Some("gsm7") => engine::RequestEncoding::Gsm7,
        Some("ucs2") => engine::RequestEncoding::Ucs2,
        Some(other) => {
            return Err(Error::invalid_argument(format!(
                "options.encoding must be \"auto\", \"gsm7\" or \"ucs2\", got {}",
                quoted(other)
            )));
        }
    };
    Ok(engine::Options {
        sender,
        encoding,
        smart_encoding: fields.bool("smartEncoding")?.unwrap_or(false),
        price_per_segment: fields.number("pricePerSegment")?,
    })
}

fn slice(units: &[u16], start: usize, len: usize) -> JsValue {
    js_string(units.get(start..start + len).unwrap_or_default())
}

#[wasm_bindgen(raw_module = "../../boundary.js")]
extern "C" {
    #[wasm_bindgen(js_name = segmentCount)]
    fn segment_count(encoding: &JsValue, segments: u32, units: u32) -> JsValue;

    #[wasm_bindgen(js_name = analysis)]
    #[allow(clippy::too_many_arguments)]
    fn analysis(
        text: &JsValue,
        analysed: &JsValue,
        encoding: &JsValue,
        head: &[f64],
        parts: &[u32],
        non_gsm: &[u32],
        ext: &[u32],
        warnings: JsValue,
        smart: JsValue,
        table: &JsValue,
    ) -> JsValue;
}

thread_local! {
    // NOTE: JS strings made once and reused: decoding a string per call costs more than the count.
    static ENCODINGS: [JsValue; 3] = [
        JsValue::from_str(engine::Encoding::Gsm7.as_str()),
        JsValue::from_str(engine::Encoding::Ascii7.as_str()),
        JsValue::from_str(engine::Encoding::Ucs2.as_str()),
    ];
    /// The smart-encoding table as `[replacements, names]`, for `NonGsmChar`.
    static TABLE: JsValue = {
        let replacements = js_sys::Array::new();
        let names = js_sys::Array::new();
        for (_, sub) in engine::smart_table() {
            replacements.push(&JsValue::from_str(sub.replacement));
            names.push(&JsValue::from_str(sub.name));
        }
        js_sys::Array::of2(&replacements, &names).into()
    };
}

fn encoding_js(encoding: engine::Encoding) -> JsValue {
    let i = match encoding {
        engine::Encoding::Gsm7 => 0,
        engine::Encoding::Ascii7 => 1,
        engine::Encoding::Ucs2 => 2,
    };
    ENCODINGS.with(|names| names[i].clone())
}

/// Positions cross to JS as `u32`: a JS string is at most 2^30 units long, so they fit.
fn n(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

/// Analyses an SMS: encoding, segments, parts, the characters that force UTF-16,
/// extension characters, warnings and cost.
///
/// ```javascript
/// const a = analyze("Price: $100 [USD]");
/// a.encoding;  // "GSM-7"
/// a.units;     // 19: [ and ] cost 2 septets each
/// ```
#[wasm_bindgen(js_name = analyze, unchecked_return_type = "Analysis")]
pub fn analyze(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: Option<AnalyzeOptions>,
) -> Result<JsValue, Error> {
    let input = read_text(&text, "text")?;
    let options = parse_options(options.map(JsValue::from))?;
    let a = match &input {
        JsText::Utf8(s) => engine::analyze(s.as_str(), &options)?,
        JsText::Utf16(units) => engine::analyze(units.as_slice(), &options)?,
    };
    let analysed = match &a.smart {
        Some(s) => js_string(&s.encoded.text),
        None => text.clone(),
    };
    let head = [
        a.segments as f64,
        a.units as f64,
        a.units_left as f64,
        a.cost.unwrap_or(f64::NAN),
    ];
    // Flat u32 rows for the JS side to read; plain loops, as the size-optimised build does
    // not inline iterator adapters.
    let mut parts = Vec::with_capacity(a.parts.len() * 3);
    for p in &a.parts {
        parts.extend_from_slice(&[n(p.start), n(p.end), n(p.units)]);
    }
    let mut non_gsm = Vec::with_capacity(a.non_gsm.len() * 4);
    for c in &a.non_gsm {
        let row = match c.substitution {
            Some(_) => engine::smart_table_row(c.code_point).map_or(0, |r| n(r) + 1),
            None => 0,
        };
        non_gsm.extend_from_slice(&[n(c.index), n(c.len), c.code_point, row]);
    }
    let mut ext = Vec::with_capacity(a.extension_chars.len() * 2);
    for c in &a.extension_chars {
        ext.extend_from_slice(&[n(c.index), c.code_point]);
    }
    let warnings = js_sys::Array::new();
    for w in &a.warnings {
        warnings.push(&object(&[
            ("code", JsValue::from_str(w.code())),
            ("message", JsValue::from_str(w.message())),
            ("telnyxCode", number_or_null(w.telnyx_code().map(f64::from))),
        ]));
    }
    let smart = match &a.smart {
        Some(s) => object(&[
            ("text", analysed.clone()),
            ("applied", JsValue::from_bool(s.encoded.applied)),
            (
                "replacedCharacterCount",
                JsValue::from_f64(s.encoded.replaced_character_count as f64),
            ),
            (
                "lengthChange",
                JsValue::from_f64(s.encoded.length_change as f64),
            ),
            (
                "characterCount",
                JsValue::from_f64(s.character_count as f64),
            ),
            ("finalEncoding", JsValue::from_str(a.encoding.as_str())),
            ("segmentCount", JsValue::from_f64(a.segments as f64)),
        ]),
        None => JsValue::UNDEFINED,
    };
    let warnings = JsValue::from(warnings);
    let encoding = encoding_js(a.encoding);
    Ok(TABLE.with(|table| {
        analysis(
            &text, &analysed, &encoding, &head, &parts, &non_gsm, &ext, warnings, smart, table,
        )
    }))
}

/// Counts segments fast, for bulk work: `{ encoding, segments, units }`, the same figures
/// `analyze` gives, without parts or character lists.
#[wasm_bindgen(js_name = countSegments, unchecked_return_type = "SegmentCount")]
pub fn count_segments(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: Option<AnalyzeOptions>,
) -> Result<JsValue, Error> {
    let input = read_text(&text, "text")?;
    let options = parse_options(options.map(JsValue::from))?;
    let c = match &input {
        JsText::Utf8(s) => engine::count_segments(s.as_str(), &options)?,
        JsText::Utf16(units) => engine::count_segments(units.as_slice(), &options)?,
    };
    Ok(segment_count(
        &encoding_js(c.encoding),
        n(c.segments),
        n(c.units),
    ))
}

/// Applies Telnyx smart encoding: every character in the Telnyx substitution table is
/// replaced by its GSM-7 look-alike or removed; the rest is kept.
#[wasm_bindgen(js_name = smartEncode, unchecked_return_type = "SmartEncodeResult")]
pub fn smart_encode(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, Error> {
    let units = read_text(&text, "text")?.into_utf16();
    let s = engine::smart_encode(&units);
    let replacements = js_sys::Array::new();
    for r in &s.replacements {
        let len = if r.code_point > 0xFFFF { 2 } else { 1 };
        replacements.push(&object(&[
            ("index", JsValue::from_f64(r.index as f64)),
            ("char", slice(&units, r.index, len)),
            ("codePoint", JsValue::from_f64(f64::from(r.code_point))),
            ("replacement", JsValue::from_str(r.replacement)),
            ("name", JsValue::from_str(r.name)),
        ]));
    }
    Ok(object(&[
        ("text", js_string(&s.text)),
        ("applied", JsValue::from_bool(s.applied)),
        (
            "replacedCharacterCount",
            JsValue::from_f64(s.replaced_character_count as f64),
        ),
        ("lengthChange", JsValue::from_f64(s.length_change as f64)),
        ("replacements", replacements.into()),
    ]))
}
