//! A small JSON reader and writer, in place of `serde_json::Value`.
//!
//! The API client only passes bodies through, reads a few fields (pre-flight checks,
//! error bodies, page totals) and flattens queries, and the compliance checker only reads
//! fields, so neither needs a general JSON library: this one keeps numbers as their
//! source text (no float is ever parsed or printed), which keeps the float machinery and
//! `serde_json` out of the wasm (tens of KB gzipped).
//!
//! Object members are kept sorted by key and a repeated key keeps its last value, as in a
//! `serde_json` map (so bodies and queries come out in the same order as before).

/// A JSON value whose numbers keep their source text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written (`"2"`, `"1.5"`, `"1e+21"`).
    Number(String),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object: members sorted by key, keys unique.
    Object(Vec<(String, Json)>),
}

/// Nesting deeper than this is rejected (as `serde_json` does), so no input can exhaust
/// the stack.
const MAX_DEPTH: u32 = 128;

impl Json {
    /// Parses one JSON text (whitespace around it allowed). `None` when it is not JSON.
    ///
    /// A lone surrogate escape (`"\ud800"`) becomes U+FFFD, as no Rust string can hold it.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        Parser::new(text, false).document().ok()
    }

    /// Parses one JSON text as `serde_json::from_str::<serde_json::Value>` would: a lone
    /// surrogate escape is an error, and so is nesting 128 arrays or objects deep.
    ///
    /// Those two errors, the only ones the output of `JSON.stringify` can give, carry
    /// `serde_json`'s wording and position; any other syntax error is reported as
    /// `"syntax error"` at the byte where it was seen.
    ///
    /// # Errors
    /// [`JsonError`] when `text` is not JSON.
    pub fn parse_strict(text: &str) -> Result<Self, JsonError> {
        Parser::new(text, true).document()
    }

    /// Member `key` of an object.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Self> {
        match self {
            Self::Object(members) => {
                let i = find(members, key).ok()?;
                members.get(i).map(|(_, v)| v)
            }
            _ => None,
        }
    }

    /// The string, when this is one.
    #[must_use]
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::String(s) => Some(s),
            _ => None,
        }
    }

    /// Whether this is `null`.
    #[must_use]
    pub const fn is_null(&self) -> bool {
        matches!(self, Self::Null)
    }

    /// A count read leniently: a non-negative number (a fraction is dropped, a huge value
    /// saturates) or a string of decimal digits.
    #[must_use]
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Self::Number(n) => number_to_u64(n),
            Self::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    /// A number from an unsigned integer.
    #[must_use]
    pub fn from_u64(n: u64) -> Self {
        Self::Number(n.to_string())
    }

    /// Inserts `key` into sorted object members, replacing an existing value.
    pub fn insert(members: &mut Vec<(String, Self)>, key: String, value: Self) {
        match find(members, &key) {
            Ok(i) => {
                if let Some(slot) = members.get_mut(i) {
                    slot.1 = value;
                }
            }
            Err(i) => members.insert(i, (key, value)),
        }
    }

    /// Removes `key` from object members, returning its value.
    pub fn remove(members: &mut Vec<(String, Self)>, key: &str) -> Option<Self> {
        let i = find(members, key).ok()?;
        Some(members.remove(i).1)
    }

    /// The JSON text, compact.
    #[must_use]
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    /// Appends the JSON text, compact.
    pub fn write(&self, out: &mut String) {
        match self {
            Self::Null => out.push_str("null"),
            Self::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Self::Number(n) => out.push_str(n),
            Self::String(s) => write_string(s, out),
            Self::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Self::Object(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(key, out);
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }
}

fn find(members: &[(String, Json)], key: &str) -> Result<usize, usize> {
    members.binary_search_by(|(k, _)| k.as_str().cmp(key))
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// `s` as a JSON string literal, quotes included: how error messages quote what they were
/// given (control characters escaped, so a message stays on one line).
#[must_use]
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    write_string(s, &mut out);
    out
}

fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                let b = u32::from(c) as usize;
                out.push_str("\\u00");
                out.push(char::from(HEX[b >> 4]));
                out.push(char::from(HEX[b & 15]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The integer part of a non-negative JSON number (`"12"`, `"12.7"`, `"1.2e3"`),
/// saturating at `u64::MAX`. `None` for a negative or malformed number.
pub(crate) fn number_to_u64(n: &str) -> Option<u64> {
    let (mantissa, exp) = n.split_once(['e', 'E']).unwrap_or((n, ""));
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    // The exponent, read by hand (no integer parser): its sign, then saturating digits.
    let (negative, exp_digits) = match exp.as_bytes().first() {
        Some(b'-') => (true, exp.get(1..)?),
        Some(b'+') => (false, exp.get(1..)?),
        _ => (false, exp),
    };
    if (int.is_empty() && frac.is_empty()) || (exp_digits.is_empty() && n.len() != mantissa.len()) {
        return None;
    }
    let mut shift: usize = 0;
    for b in exp_digits.bytes() {
        if !b.is_ascii_digit() {
            return None;
        }
        shift = shift
            .saturating_mul(10)
            .saturating_add(usize::from(b - b'0'));
    }
    // Digits before the decimal point once the exponent is applied.
    let point = if negative {
        int.len().saturating_sub(shift)
    } else {
        int.len().saturating_add(shift)
    };
    let mut value: u64 = 0;
    for (i, b) in int.bytes().chain(frac.bytes()).enumerate() {
        if !b.is_ascii_digit() {
            return None;
        }
        if i < point {
            value = value.saturating_mul(10).saturating_add(u64::from(b - b'0'));
        }
    }
    let digits = int.len() + frac.len();
    for _ in digits..point {
        if value == 0 || value == u64::MAX {
            break;
        }
        value = value.saturating_mul(10);
    }
    Some(value)
}

/// Why [`Json::parse_strict`] refused a text. Displays as `serde_json` errors do:
/// `"{message} at line {line} column {column}"`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    /// What is wrong, e.g. `"lone leading surrogate in hex escape"`.
    pub message: &'static str,
    /// The line, from 1.
    pub line: usize,
    /// The byte column in that line (as `serde_json` counts it).
    pub column: usize,
}

impl core::fmt::Display for JsonError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.message, self.line, self.column
        )
    }
}

/// `serde_json`'s nesting limit: the 128th nested array or object is refused.
const STRICT_DEPTH: u32 = 127;

struct Parser<'a> {
    s: &'a str,
    i: usize,
    /// `serde_json`'s rules for surrogates and depth ([`Json::parse_strict`]).
    strict: bool,
    /// The first strict error: its message and byte index.
    error: Option<(&'static str, usize)>,
}

impl<'a> Parser<'a> {
    const fn new(s: &'a str, strict: bool) -> Self {
        Self {
            s,
            i: 0,
            strict,
            error: None,
        }
    }

    /// The whole text as one value.
    fn document(mut self) -> Result<Json, JsonError> {
        let value = self.value(0);
        self.ws();
        match value {
            Some(value) if self.i == self.s.len() => Ok(value),
            _ => {
                let (message, at) = self.error.unwrap_or(("syntax error", self.i));
                let before = self.s.as_bytes().get(..at).unwrap_or(self.s.as_bytes());
                let line_start = before
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |p| p + 1);
                Err(JsonError {
                    message,
                    line: 1 + before.iter().filter(|&&b| b == b'\n').count(),
                    column: before.len() - line_start,
                })
            }
        }
    }

    /// Records a strict error (the first one wins) and fails.
    fn fail<T>(&mut self, message: &'static str, at: usize) -> Option<T> {
        if self.error.is_none() {
            self.error = Some((message, at.min(self.s.len())));
        }
        None
    }

    fn peek(&self) -> Option<u8> {
        self.s.as_bytes().get(self.i).copied()
    }

    fn bump(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.i += 1;
        Some(b)
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, literal: &str) -> bool {
        let found =
            self.s.as_bytes().get(self.i..self.i + literal.len()) == Some(literal.as_bytes());
        if found {
            self.i += literal.len();
        }
        found
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.i += 1;
        }
        self.i - start
    }

    fn value(&mut self, depth: u32) -> Option<Json> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.ws();
        match self.peek()? {
            b'n' if self.eat("null") => Some(Json::Null),
            b't' if self.eat("true") => Some(Json::Bool(true)),
            b'f' if self.eat("false") => Some(Json::Bool(false)),
            b'"' => self.string().map(Json::String),
            b'[' | b'{' if self.strict && depth >= STRICT_DEPTH => {
                self.fail("recursion limit exceeded", self.i + 1)
            }
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                self.ws();
                if self.eat("]") {
                    return Some(Json::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.ws();
                    match self.bump()? {
                        b',' => {}
                        b']' => return Some(Json::Array(items)),
                        _ => return None,
                    }
                }
            }
            b'{' => {
                self.i += 1;
                let mut members = Vec::new();
                self.ws();
                if self.eat("}") {
                    return Some(Json::Object(members));
                }
                loop {
                    self.ws();
                    if self.peek() != Some(b'"') {
                        return None;
                    }
                    let key = self.string()?;
                    self.ws();
                    if self.bump()? != b':' {
                        return None;
                    }
                    let value = self.value(depth + 1)?;
                    Json::insert(&mut members, key, value);
                    self.ws();
                    match self.bump()? {
                        b',' => {}
                        b'}' => return Some(Json::Object(members)),
                        _ => return None,
                    }
                }
            }
            _ => self.number().map(Json::Number),
        }
    }

    fn number(&mut self) -> Option<String> {
        let start = self.i;
        self.eat("-");
        match self.peek()? {
            b'0' => self.i += 1,
            b'1'..=b'9' => {
                self.digits();
            }
            _ => return None,
        }
        if self.eat(".") && self.digits() == 0 {
            return None;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if self.digits() == 0 {
                return None;
            }
        }
        self.s.get(start..self.i).map(str::to_owned)
    }

    fn hex4(&mut self) -> Option<u32> {
        let hex = self.s.get(self.i..self.i + 4)?;
        let mut v = 0;
        for c in hex.chars() {
            v = v * 16 + c.to_digit(16)?;
        }
        self.i += 4;
        Some(v)
    }

    fn string(&mut self) -> Option<String> {
        self.i += 1; // the opening quote
        let mut out = String::new();
        loop {
            let start = self.i;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.i += 1;
            }
            // Stops only at ASCII bytes, so the slice is on character boundaries.
            out.push_str(self.s.get(start..self.i)?);
            match self.bump()? {
                b'"' => return Some(out),
                b'\\' => {
                    let c = match self.bump()? {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => return None,
                    };
                    out.push(c);
                }
                // A raw control character.
                _ => return None,
            }
        }
    }

    /// The character of a `\u` escape (after the `u`), joining a surrogate pair.
    ///
    /// Strict, a lone surrogate fails where and as `serde_json` fails it.
    fn unicode_escape(&mut self) -> Option<char> {
        const LONE: &str = "lone leading surrogate in hex escape";
        const END: &str = "unexpected end of hex escape";
        let high = self.hex4()?;
        if self.strict && (0xDC00..0xE000).contains(&high) {
            return self.fail(LONE, self.i);
        }
        if (0xD800..0xDC00).contains(&high) {
            if self.strict && self.peek() != Some(b'\\') {
                return self.fail(END, self.i + 1);
            }
            if self.strict && self.s.as_bytes().get(self.i + 1) != Some(&b'u') {
                return self.fail(END, self.i + 2);
            }
            if self.s.get(self.i..self.i + 2) == Some("\\u") {
                let save = self.i;
                self.i += 2;
                let low = self.hex4()?;
                if (0xDC00..0xE000).contains(&low) {
                    return char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00));
                }
                if self.strict {
                    return self.fail(LONE, self.i);
                }
                self.i = save;
            }
        }
        Some(char::from_u32(high).unwrap_or('\u{FFFD}'))
    }
}

impl From<&serde_json::Value> for Json {
    /// Converts a `serde_json` value (for Rust callers that build bodies with `json!`).
    fn from(value: &serde_json::Value) -> Self {
        use serde_json::Value;
        match value {
            Value::Null => Self::Null,
            Value::Bool(b) => Self::Bool(*b),
            Value::Number(n) => Self::Number(n.to_string()),
            Value::String(s) => Self::String(s.clone()),
            Value::Array(items) => Self::Array(items.iter().map(Self::from).collect()),
            Value::Object(map) => {
                let mut members = Vec::with_capacity(map.len());
                for (k, v) in map {
                    Self::insert(&mut members, k.clone(), Self::from(v));
                }
                Self::Object(members)
            }
        }
    }
}

impl From<serde_json::Value> for Json {
    fn from(value: serde_json::Value) -> Self {
        Self::from(&value)
    }
}

impl From<&Json> for serde_json::Value {
    /// Converts to a `serde_json` value (a number that `serde_json` cannot hold becomes `null`).
    fn from(value: &Json) -> Self {
        use serde_json::Value;
        match value {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Bool(*b),
            Json::Number(n) => serde_json::from_str(n).unwrap_or(Value::Null),
            Json::String(s) => Value::String(s.clone()),
            Json::Array(items) => Value::Array(items.iter().map(Value::from).collect()),
            Json::Object(members) => Value::Object(
                members
                    .iter()
                    .map(|(k, v)| (k.clone(), Value::from(v)))
                    .collect(),
            ),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for text in [
            r#"{"a":[1,-2.5e+3,true,false,null],"b":{"c":"d\"\\\n\u0001é😀"}}"#,
            "[]",
            "{}",
            "0",
            r#""""#,
        ] {
            let v = Json::parse(text).unwrap();
            assert_eq!(Json::parse(&v.to_text()).unwrap(), v, "{text}");
            let sj: serde_json::Value = serde_json::from_str(text).unwrap();
            assert_eq!(serde_json::Value::from(&v), sj, "{text}");
        }
    }

    #[test]
    fn rejects() {
        for bad in [
            "",
            "{",
            "[1,]",
            "01",
            "1.",
            "-",
            "1e",
            "\"a",
            "{\"a\" 1}",
            "tru",
            "[1] x",
            "\"\u{1}\"",
            "{a:1}",
            "\"\\x\"",
        ] {
            assert_eq!(Json::parse(bad), None, "{bad:?}");
        }
        let deep = "[".repeat(200) + &"]".repeat(200);
        assert_eq!(Json::parse(&deep), None);
    }

    #[test]
    fn objects_sorted_last_wins() {
        let v = Json::parse(r#"{"b":1,"a":2,"b":3}"#).unwrap();
        assert_eq!(v.to_text(), r#"{"a":2,"b":3}"#);
        assert_eq!(v.get("b").and_then(Json::as_u64), Some(3));
    }

    #[test]
    fn escapes() {
        let v = Json::parse(r#""\ud83d\ude00 \ud800 \u00e9""#).unwrap();
        assert_eq!(v.as_str(), Some("😀 \u{FFFD} é"));
    }

    #[test]
    fn strict_errors_match_serde_json() {
        let deep = |n: usize, open: &str, close: &str| open.repeat(n) + &close.repeat(n);
        let texts = [
            r#"{"a":"\ud800"}"#.to_owned(),
            r#"{"a":"x\udc00y"}"#.to_owned(),
            r#"{"a":"\ud800\n"}"#.to_owned(),
            r#"{"a":"\ud800\u0041"}"#.to_owned(),
            r#"{"a":"\ud800\ud800\udc00"}"#.to_owned(),
            r#"{"\udbff":1}"#.to_owned(),
            r#"["é😀", "\ud83d\ude00", "\udfff"]"#.to_owned(),
            "{\n\"a\": [\n\"\\ud800\"]}".to_owned(),
            deep(127, "[", "]"),
            deep(128, "[", "]"),
            deep(300, "[", "]"),
            deep(127, "{\"a\":", "}").replace(":}", ":1}"),
            format!("{{\"x\":{}}}", deep(127, "[", "]")),
            format!("[\"\\ud800\",{}]", deep(200, "[", "]")),
            format!("[{},\"\\ud800\"]", deep(200, "[", "]")),
            r#"{"a":[1,-2.5e+3,true,false,null],"b":"\ud83d\ude00"}"#.to_owned(),
        ];
        for text in &texts {
            let ours = Json::parse_strict(text);
            match serde_json::from_str::<serde_json::Value>(text) {
                Ok(v) => assert_eq!(serde_json::Value::from(&ours.unwrap()), v, "{text}"),
                Err(e) => assert_eq!(ours.unwrap_err().to_string(), e.to_string(), "{text}"),
            }
        }
        // Lenient parsing is unchanged.
        assert_eq!(
            Json::parse(r#""\udc00""#).unwrap().as_str(),
            Some("\u{FFFD}")
        );
        assert!(Json::parse(&deep(128, "[", "]")).is_some());
        assert_eq!(
            Json::parse_strict("[1,]").unwrap_err().to_string(),
            "syntax error at line 1 column 3"
        );
    }

    #[test]
    fn counts() {
        let n = |s: &str| number_to_u64(s);
        assert_eq!(n("12"), Some(12));
        assert_eq!(n("12.7"), Some(12));
        assert_eq!(n("1.25e2"), Some(125));
        assert_eq!(n("5e-1"), Some(0));
        assert_eq!(n("1e30"), Some(u64::MAX));
        assert_eq!(n("1e99999999999999999999999"), Some(u64::MAX));
        assert_eq!(n("1e-99999999999999999999999"), Some(0));
        assert_eq!(n("1e"), None);
        assert_eq!(n("1e+"), None);
        assert_eq!(n("99999999999999999999999"), Some(u64::MAX));
        assert_eq!(n("-1"), None);
        assert_eq!(n("."), None);
        assert_eq!(n("1.2.3"), None);
    }
}
