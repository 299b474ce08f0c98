//! The single place where Rust errors become JavaScript errors.
//!
//! Every failure reaches JS as an `SmsEdgeError` (defined in `pkg/errors.js`) with a stable
//! `code`, a human message, and sometimes extra fields. Never a thrown string.

use wasm_bindgen::prelude::*;

use crate::js::JsSmsEdgeError;

/// An error on its way to JavaScript.
#[derive(Debug)]
pub struct Error {
    code: &'static str,
    message: String,
    details: Option<JsValue>,
    /// Builds the thrown object: `SmsEdgeError`, or a subclass (`TelnyxApiError`).
    class: fn(&str, &str, &JsValue) -> JsValue,
}

fn smsedge_error(code: &str, message: &str, details: &JsValue) -> JsValue {
    JsSmsEdgeError::new(code, message, details).into()
}

impl Error {
    /// An error with a code and message.
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            details: None,
            class: smsedge_error,
        }
    }

    /// Adds fields copied onto the thrown error object.
    #[must_use]
    pub fn with_details(mut self, details: JsValue) -> Self {
        self.details = Some(details);
        self
    }

    /// A JS argument of the wrong type or shape (`invalid_argument`).
    pub fn invalid_argument(message: impl Into<String>) -> Self {
        Self::new("invalid_argument", message)
    }

    /// A failure inside the binding itself (`internal_error`): a bug to report.
    pub fn internal(message: impl Into<String>) -> Self {
        Self::new("internal_error", message)
    }

    /// The stable code.
    pub fn code(&self) -> &'static str {
        self.code
    }
}

impl From<Error> for JsValue {
    fn from(e: Error) -> Self {
        (e.class)(e.code, &e.message, &e.details.unwrap_or(JsValue::UNDEFINED))
    }
}

#[cfg(feature = "segments")]
impl From<smsedge_core::segments::SegmentError> for Error {
    fn from(e: smsedge_core::segments::SegmentError) -> Self {
        use smsedge_core::segments::SegmentError;
        let error = Self::new(e.code(), e.to_string());
        match e {
            SegmentError::NotGsm7 { index, code_point } => {
                error.with_details(crate::js::object(&[
                    ("index", JsValue::from(index as u32)),
                    ("codePoint", JsValue::from(code_point)),
                ]))
            }
            _ => error,
        }
    }
}

#[cfg(feature = "compliance")]
impl From<smsedge_core::compliance::ComplianceError> for Error {
    fn from(e: smsedge_core::compliance::ComplianceError) -> Self {
        Self::new(e.code(), e.to_string())
    }
}

#[cfg(feature = "client")]
#[wasm_bindgen(raw_module = "../../errors.js")]
extern "C" {
    /// `new TelnyxApiError(message, fields)`: an `SmsEdgeError` whose `code` is `fields.code`
    /// (the first Telnyx error code) or `"http_error"`.
    #[wasm_bindgen(js_name = TelnyxApiError)]
    type JsTelnyxApiError;

    #[wasm_bindgen(constructor, js_class = "TelnyxApiError")]
    fn new(message: &str, fields: &JsValue) -> JsTelnyxApiError;
}

#[cfg(feature = "client")]
fn telnyx_api_error(_code: &str, message: &str, fields: &JsValue) -> JsValue {
    JsTelnyxApiError::new(message, fields).into()
}

/// `{ limit, remaining, reset, resetInSecs }` (each a number or `null`), or `null`.
#[cfg(feature = "client")]
pub(crate) fn rate_limit_object(rate_limit: Option<&smsedge_core::api::RateLimit>) -> JsValue {
    let Some(rl) = rate_limit else {
        return JsValue::NULL;
    };
    let num = |v: Option<u64>| crate::js::number_or_null(v.map(|n| n as f64));
    crate::js::object(&[
        ("limit", num(rl.limit)),
        ("remaining", num(rl.remaining)),
        ("reset", num(rl.reset)),
        ("resetInSecs", num(rl.reset_in_secs)),
    ])
}

/// API client errors: a non-2xx answer becomes a `TelnyxApiError` (`status`, `code`,
/// `errors`, `requestId`, `retryAfter` in seconds, `rateLimit`, `rawBody`, `attempts`);
/// everything else an `SmsEdgeError` with the core's code (`validation` with `telnyxCode`
/// and `field`, `not_gsm7`, `timeout`, `network`, `invalid_argument`…). Nothing here can
/// hold the API key: the core never puts it in an error and scrubs what the server sent.
#[cfg(feature = "client")]
impl From<smsedge_core::api::ApiError> for Error {
    fn from(e: smsedge_core::api::ApiError) -> Self {
        use crate::js::{object, set as set_on};
        use smsedge_core::api::ApiError;
        let fields = js_sys::Object::new();
        let set = |key: &str, value: JsValue| set_on(&fields, key, &value);
        let text = |v: &Option<String>| v.as_deref().map_or(JsValue::NULL, JsValue::from_str);
        let error = Self::new(e.code(), e.to_string());
        match e {
            ApiError::Http(http) => {
                set("status", http.status.into());
                set("code", text(&http.code));
                let errors = js_sys::Array::new();
                for item in &http.errors {
                    let source = item.source.as_ref().map_or(JsValue::NULL, |s| {
                        object(&[
                            ("pointer", text(&s.pointer)),
                            ("parameter", text(&s.parameter)),
                        ])
                    });
                    let meta = item
                        .meta
                        .as_ref()
                        .and_then(|m| js_sys::JSON::parse(&m.to_text()).ok())
                        .unwrap_or(JsValue::NULL);
                    errors.push(&object(&[
                        ("code", text(&item.code)),
                        ("title", text(&item.title)),
                        ("detail", text(&item.detail)),
                        ("source", source),
                        ("meta", meta),
                    ]));
                }
                set("errors", errors.into());
                set("requestId", text(&http.request_id));
                set(
                    "retryAfter",
                    http.retry_after_ms
                        .map_or(JsValue::NULL, |ms| JsValue::from(ms as f64 / 1000.0)),
                );
                set("rateLimit", rate_limit_object(http.rate_limit.as_ref()));
                set("rawBody", JsValue::from_str(&http.raw_body));
                set("attempts", http.attempts.into());
                return Self {
                    class: telnyx_api_error,
                    ..error.with_details(fields.into())
                };
            }
            ApiError::Validation {
                telnyx_code, field, ..
            } => {
                set("telnyxCode", telnyx_code.to_string().into());
                set("field", field.into());
            }
            ApiError::NotGsm7 { index, code_point } => {
                set("index", JsValue::from(index as f64));
                set("codePoint", code_point.into());
            }
            ApiError::Timeout { attempts } | ApiError::Network { attempts, .. } => {
                set("attempts", attempts.into());
            }
            ApiError::InvalidResponse { status, .. } => set("status", status.into()),
            _ => return error,
        }
        error.with_details(fields.into())
    }
}

#[cfg(feature = "webhooks")]
impl From<smsedge_core::webhook::WebhookError> for Error {
    fn from(e: smsedge_core::webhook::WebhookError) -> Self {
        // The core's messages never hold the key, the signature or the body.
        Self::new(e.code(), e.to_string())
    }
}
