//! The few JavaScript functions the binding imports, and value helpers shared by the modules.

use wasm_bindgen::prelude::*;

use crate::error::Error;
use smsedge_core::json::quoted;

// NOTE: `raw_module` keeps the import path as written, relative to the generated glue in
// `pkg/dist/<build>/`, so every build shares `pkg/errors.js` and one `SmsEdgeError` class.
#[wasm_bindgen(raw_module = "../../errors.js")]
extern "C" {
    /// `new SmsEdgeError(code, message, details)`.
    #[wasm_bindgen(js_name = SmsEdgeError)]
    pub(crate) type JsSmsEdgeError;

    #[wasm_bindgen(constructor, js_class = "SmsEdgeError")]
    pub(crate) fn new(code: &str, message: &str, details: &JsValue) -> JsSmsEdgeError;
}

// The segment functions' text helpers (`pkg/boundary.js`).
#[wasm_bindgen(raw_module = "../../boundary.js")]
extern "C" {
    #[wasm_bindgen(js_name = encodeUtf8)]
    fn encode_utf8(text: &JsValue, buffer: &mut [u8]) -> usize;

    #[wasm_bindgen(js_name = utf16Units)]
    fn utf16_units(text: &JsValue) -> js_sys::Uint16Array;
}

/// A JS string read into Rust without losing anything.
pub(crate) enum JsText {
    /// A well-formed string, as UTF-8.
    Utf8(String),
    /// A string that may hold lone surrogates, as its exact UTF-16 code units.
    Utf16(Vec<u16>),
}

impl JsText {
    /// The code units (converting a UTF-8 string).
    pub(crate) fn into_utf16(self) -> Vec<u16> {
        match self {
            Self::Utf8(s) => s.encode_utf16().collect(),
            Self::Utf16(units) => units,
        }
    }
}

/// Reads a JS string, lone surrogates included.
pub(crate) fn read_text(value: &JsValue, what: &str) -> Result<JsText, Error> {
    if !value.is_string() {
        return Err(Error::invalid_argument(format!(
            "{what} must be a string, got {}",
            type_name(value)
        )));
    }
    // NOTE: reading the string as UTF-8 (one native TextEncoder call and one copy) is several
    // times faster than copying code units one by one, but turns a lone surrogate into
    // U+FFFD. So a text that comes back holding U+FFFD is read again, exactly, unit by unit.
    let units = value.unchecked_ref::<js_sys::JsString>().length() as usize;
    let mut buffer = vec![0; units.saturating_mul(3)];
    let written = encode_utf8(value, &mut buffer);
    buffer.truncate(written);
    // ASCII (most SMS) cannot hold U+FFFD; other text is searched for its UTF-8 bytes.
    if !buffer.is_ascii() && has_replacement_char(&buffer) {
        return Ok(JsText::Utf16(utf16_units(value).to_vec()));
    }
    match String::from_utf8(buffer) {
        Ok(text) => Ok(JsText::Utf8(text)),
        Err(_) => Ok(JsText::Utf16(utf16_units(value).to_vec())),
    }
}

/// Whether UTF-8 bytes hold U+FFFD (EF BF BD).
fn has_replacement_char(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    while let Some(at) = rest.iter().position(|&b| b == 0xEF) {
        if rest.get(at + 1..at + 3) == Some(&[0xBF, 0xBD]) {
            return true;
        }
        rest = rest.get(at + 1..).unwrap_or_default();
    }
    false
}

/// A JS string from UTF-16 code units, exactly (no UTF-8 round trip).
pub(crate) fn js_string(units: &[u16]) -> JsValue {
    // NOTE: `String.fromCharCode(...units)` spreads its argument onto the stack, so long
    // texts are built in chunks small enough for every engine.
    const CHUNK: usize = 4096;
    let mut chunks = units.chunks(CHUNK);
    let mut out = js_sys::JsString::from_char_code(chunks.next().unwrap_or_default());
    for chunk in chunks {
        out = out.concat(&js_sys::JsString::from_char_code(chunk).into());
    }
    out.into()
}

/// `typeof`-style name of a value, for error messages.
pub(crate) fn type_name(value: &JsValue) -> String {
    if value.is_null() {
        return "null".into();
    }
    if js_sys::Array::is_array(value) {
        return "array".into();
    }
    value.js_typeof().as_string().unwrap_or_default()
}

/// `value[key]`, or `undefined` when reading it throws.
// NOTE: one out-of-line helper for every field read (and `set`/`object` for every field
// written): results are built field by field rather than through serde-wasm-bindgen, whose
// serializers and interned-key cache (a `HashMap`) cost several KB in each wasm.
#[cfg(any(feature = "client", feature = "webhooks"))]
#[inline(never)]
pub(crate) fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(key)).unwrap_or_default()
}

/// `target[key] = value`.
#[inline(never)]
pub(crate) fn set(target: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(target, &JsValue::from_str(key), value);
}

/// A plain object with these fields, in this order.
pub(crate) fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let out = js_sys::Object::new();
    for (key, value) in fields {
        set(&out, key, value);
    }
    out.into()
}

/// A number, or `null`.
pub(crate) fn number_or_null(value: Option<f64>) -> JsValue {
    value.map_or(JsValue::NULL, JsValue::from_f64)
}

/// Reads the fields of an options object by hand: no serde deserializer, so no float
/// formatting machinery in the wasm (several KB) and messages that name the field.
pub(crate) struct Fields {
    object: Option<js_sys::Object>,
    what: &'static str,
}

impl Fields {
    /// Checks that `value` is an object (or undefined/null: all defaults) whose keys are all in `known`.
    pub(crate) fn new(value: JsValue, what: &'static str, known: &[&str]) -> Result<Self, Error> {
        if value.is_undefined() || value.is_null() {
            return Ok(Self { object: None, what });
        }
        if !value.is_object() || js_sys::Array::is_array(&value) {
            return Err(Error::invalid_argument(format!(
                "{what} must be an object, got {}",
                type_name(&value)
            )));
        }
        let object: js_sys::Object = value.unchecked_into();
        for key in js_sys::Object::keys(&object).iter() {
            let key = key.as_string().unwrap_or_default();
            if !known.contains(&key.as_str()) {
                let mut message = format!("{what} has no field {}; the fields are ", quoted(&key));
                for (i, field) in known.iter().enumerate() {
                    if i > 0 {
                        message.push_str(", ");
                    }
                    message.push_str(field);
                }
                return Err(Error::invalid_argument(message));
            }
        }
        Ok(Self {
            object: Some(object),
            what,
        })
    }

    fn get(&self, key: &str) -> Option<JsValue> {
        let value = js_sys::Reflect::get(self.object.as_ref()?, &JsValue::from_str(key)).ok()?;
        (!value.is_undefined()).then_some(value)
    }

    fn wrong(&self, key: &str, want: &str, got: &JsValue) -> Error {
        Error::invalid_argument(format!(
            "{}.{key} must be {want}, got {}",
            self.what,
            type_name(got)
        ))
    }

    /// A string field.
    pub(crate) fn string(&self, key: &str) -> Result<Option<String>, Error> {
        self.get(key)
            .map(|v| v.as_string().ok_or_else(|| self.wrong(key, "a string", &v)))
            .transpose()
    }

    /// A boolean field.
    pub(crate) fn bool(&self, key: &str) -> Result<Option<bool>, Error> {
        self.get(key)
            .map(|v| v.as_bool().ok_or_else(|| self.wrong(key, "a boolean", &v)))
            .transpose()
    }

    /// A number field.
    pub(crate) fn number(&self, key: &str) -> Result<Option<f64>, Error> {
        self.get(key)
            .map(|v| v.as_f64().ok_or_else(|| self.wrong(key, "a number", &v)))
            .transpose()
    }
}
