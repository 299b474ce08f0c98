//! The single place where Rust errors become JavaScript errors.
//!
//! Every failure reaches JS as an `SmsEdgeError` (defined in `pkg/boundary.js`) with a stable
//! `code`, a human message, and sometimes extra fields. Never a thrown string.

use wasm_bindgen::prelude::*;

use crate::js::JsSmsEdgeError;

/// An error on its way to JavaScript.
#[derive(Debug)]
pub struct Error {
    code: &'static str,
    message: String,
    details: Option<JsValue>,
}

impl Error {
    /// An error with a code and message.
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            details: None,
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
        JsSmsEdgeError::new(e.code, &e.message, &e.details.unwrap_or(JsValue::UNDEFINED)).into()
    }
}

#[cfg(feature = "segments")]
impl From<smsedge_core::segments::SegmentError> for Error {
    fn from(e: smsedge_core::segments::SegmentError) -> Self {
        use smsedge_core::segments::SegmentError;
        let error = Self::new(e.code(), e.to_string());
        match e {
            SegmentError::NotGsm7 { index, code_point } => {
                let details = js_sys::Object::new();
                let _ =
                    js_sys::Reflect::set(&details, &"index".into(), &JsValue::from(index as u32));
                let _ =
                    js_sys::Reflect::set(&details, &"codePoint".into(), &JsValue::from(code_point));
                error.with_details(details.into())
            }
            _ => error,
        }
    }
}
