//! The webhook verifier for JavaScript: the wasm half of `verifyWebhook` and `WebhookVerifier`.
//!
//! `pkg/webhook-verifier.js` reads the JavaScript arguments (the body's exact bytes, the two
//! signed headers, the options, the clock) and calls [`Verifier`]; every check is the core's.
//! The verified body, decoded by `new TextDecoder().decode` (one leading BOM skipped,
//! invalid UTF-8 as U+FFFD), goes to [`read_event`]: the engine's own `JSON.parse`, then the
//! core's `read_envelope` over the JS values, whose strings are handed on as JS values
//! (`eventObject` in `pkg/src/webhook-verifier.js` makes the event). Parsing with `serde_json`
//! in wasm would cost more than the whole verifier in size.
//!
//! NOTE: this module and Ed25519/SHA-512 are all the `smsedge/webhooks` wasm holds, under a
//! 30 KB gzip budget: so it takes plain strings and bytes (reading JS objects in Rust costs
//! an import and glue per JS call).

use smsedge_core::webhook::{self as core, Headers, JsonView, Options, PublicKey, WebhookError};
use wasm_bindgen::prelude::*;

use crate::error::Error;
use crate::js::{get, number_or_null};

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse(text)`, on the JS string itself (no copy through wasm memory).
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &JsValue) -> Result<JsValue, JsValue>;
}

#[wasm_bindgen(raw_module = "../../webhook-verifier.js")]
extern "C" {
    /// `{ id, type, occurredAt, attempt, deliveredTo, payload, raw }` from its values, which
    /// stay JS values (no string is copied through wasm memory).
    #[wasm_bindgen(js_name = eventObject)]
    fn event_object(
        id: JsValue,
        event_type: JsValue,
        occurred_at: JsValue,
        attempt: JsValue,
        delivered_to: JsValue,
        payload: JsValue,
        raw: JsValue,
    ) -> JsValue;
}

/// The binding's view of a JSON value parsed by `JSON.parse`.
#[derive(Clone)]
struct Json(JsValue);

impl JsonView for Json {
    fn is_object(&self) -> bool {
        self.0.is_object() && !js_sys::Array::is_array(&self.0)
    }

    fn member(&self, key: &str) -> Option<Self> {
        if !self.is_object() {
            return None;
        }
        // A getter that throws reads as absent.
        let value = get(&self.0, key);
        (!value.is_undefined()).then_some(Self(value))
    }

    fn is_string(&self) -> bool {
        self.0.is_string()
    }

    fn as_u64(&self) -> Option<u64> {
        // Whole numbers from 0 to Number.MAX_SAFE_INTEGER.
        let n = self.0.as_f64()?;
        ((0.0..=9_007_199_254_740_991.0).contains(&n) && n.fract() == 0.0).then_some(n as u64)
    }
}

/// A Telnyx public key and the timestamp tolerance: what `WebhookVerifier` holds.
#[wasm_bindgen]
pub struct Verifier(core::Verifier);

#[wasm_bindgen]
impl Verifier {
    /// Parses the key (base64 of its 32 bytes, base64 DER or PEM): `invalid_public_key`,
    /// `weak_public_key`. `tolerance_secs` is a whole number of seconds or `Infinity` (no
    /// check), as `pkg/webhook-verifier.js` validated it.
    #[wasm_bindgen(constructor)]
    pub fn new(public_key: &str, tolerance_secs: f64) -> Result<Verifier, Error> {
        let tolerance_secs = if tolerance_secs.is_finite() {
            tolerance_secs as u64
        } else {
            u64::MAX
        };
        Ok(Self(core::Verifier::new(
            PublicKey::parse(public_key)?,
            Options { tolerance_secs },
        )))
    }

    /// Verifies the body's exact bytes against the two header values (absent: `undefined`)
    /// at `now` (Unix seconds); throws `SmsEdgeError` with the first failing check's code.
    pub fn verify(
        &self,
        body: &[u8],
        signature: Option<String>,
        timestamp: Option<String>,
        now: f64,
    ) -> Result<(), Error> {
        let headers = Headers::new(signature.as_deref(), timestamp.as_deref());
        self.0.verify(body, &headers, now as i64)?;
        Ok(())
    }

    /// Every check of `verify` but the Ed25519 equation (the core's `Verifier::prepare`):
    /// the signature's 64 bytes, for WebCrypto to finish; throws like `verify`.
    pub fn prepare(
        &self,
        signature: Option<String>,
        timestamp: Option<String>,
        now: f64,
    ) -> Result<Vec<u8>, Error> {
        let headers = Headers::new(signature.as_deref(), timestamp.as_deref());
        Ok(self.0.prepare(&headers, now as i64)?.signature.to_vec())
    }

    /// The key's raw 32 bytes for WebCrypto, or `undefined` when its encoding is not
    /// canonical (then only `verify` is used).
    #[wasm_bindgen(js_name = rawKey)]
    pub fn raw_key(&self) -> Option<Vec<u8>> {
        let key = self.0.key();
        key.is_canonical().then(|| key.to_bytes().to_vec())
    }
}

/// Throws the `signature_mismatch` error `verify` throws, for a signature WebCrypto refused.
#[wasm_bindgen(js_name = rejectSignature)]
pub fn reject_signature() -> Result<(), Error> {
    Err(WebhookError::SignatureMismatch.into())
}

/// The event of a verified body, given as text (`new TextDecoder().decode(body)`: one
/// leading BOM skipped, invalid UTF-8 as U+FFFD), as a plain JS object; `invalid_payload`
/// when it is not JSON or not a Telnyx event envelope.
#[wasm_bindgen(js_name = readEvent)]
pub fn read_event(text: &JsValue) -> Result<JsValue, Error> {
    let raw = json_parse(text).map_err(|_| WebhookError::InvalidPayload {
        reason: "the body is not JSON",
    })?;
    let envelope = core::read_envelope(&Json(raw.clone()))?;
    let value = |v: Option<Json>| v.map_or(JsValue::NULL, |v| v.0);
    Ok(event_object(
        envelope.id.0,
        envelope.event_type.0,
        value(envelope.occurred_at),
        number_or_null(envelope.attempt.map(|n| n as f64)),
        value(envelope.delivered_to),
        value(envelope.payload),
        raw,
    ))
}
