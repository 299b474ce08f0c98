//! The transport-agnostic core of the Telnyx API client.
//!
//! Everything but the HTTP call itself lives here, as pure functions and small state
//! machines: the [`Operation`] catalogue (named as in the `telnyx` npm package v7),
//! [`build_request`] (URL, headers, body, pre-flight checks), [`parse_response`] (the
//! body as sent, or a [`TelnyxApiError`] from any error shape), the retry policy
//! [`decide`] and the [`Paginator`]. The `smsedge-wasm` crate adds `fetch`, the clock
//! (`now_unix_ms`) and the randomness (jitter).
//!
//! One call, as a transport runs it:
//!
//! ```
//! use smsedge_core::api::{
//!     build_request, decide, parse_response, ClientConfig, Headers, Operation, Outcome,
//!     RetryDecision,
//! };
//! use smsedge_core::api::Json;
//!
//! let config = ClientConfig::new(Some("KEY0123456789"), None)?;
//! let body = Json::parse(r#"{ "from": "+13125550100", "to": "+13125550101", "text": "Hello" }"#)
//!     .expect("JSON");
//! let request = build_request(Operation::MessagesSend, &[], None, Some(&body), &config)?;
//! assert_eq!(request.url, "https://api.telnyx.com/v2/messages");
//!
//! // The transport sends it; say Telnyx answers 500.
//! let headers = Headers::new();
//! let outcome = Outcome::Response { status: 500, headers: &headers, error_code: None };
//! let decision = decide(&config.retry, request.method, 1, &outcome, 0.5, None);
//! // A POST that may have reached Telnyx is not repeated: it could send the SMS twice.
//! assert!(matches!(decision, RetryDecision::GiveUp(_)));
//!
//! let err = parse_response(request.operation, 500, &headers, b"", 1, None, &config)
//!     .unwrap_err();
//! assert_eq!(err.code(), "http_error");
//! # Ok::<(), smsedge_core::api::ApiError>(())
//! ```
//!
//! The loop a transport runs around one call (`random()` in `[0, 1)`, `now()` in Unix ms):
//!
//! ```text
//! request = build_request(op, path_args, query, body, &config)?   // no network on failure
//! for attempt in 1.. {
//!     outcome = fetch(request, config.timeout_ms)                 // abort at the timeout
//!     match outcome {
//!         response(status, headers, bytes) =>
//!             match parse_response(op, status, &headers, &bytes, attempt, now(), &config) {
//!                 Ok(r) => return r,                                // r.attempts == attempt
//!                 Err(Http(e)) => if decide(&config.retry, request.method, attempt,
//!                         Outcome::Response { status, headers, error_code: e.code }, random(), now())
//!                     is Retry { delay_ms } { sleep(delay_ms) } else { throw e },
//!                 Err(other) => throw other,
//!             },
//!         connection failed before sending => decide(.., NetworkBeforeSend, ..) or throw Network,
//!         connection lost after sending    => decide(.., NetworkAfterSend, ..)  or throw Network,
//!         timed out                        => decide(.., Timeout, ..)           or throw Timeout,
//!     }
//! }
//! ```
//!
//! A list walk wraps the same loop: `Paginator::next_request` gives each page's request
//! until it returns `None`, and `Paginator::advance(response.body)` gives the items.
//!
//! The API key lives only in [`ClientConfig`] and in the `Authorization` header of a
//! built [`HttpRequest`]; both redact it in `Debug`, and nothing that reaches an error
//! can hold it (error bodies are scrubbed in case a proxy echoes the header).

mod config;
mod headers;
mod operation;
mod pagination;
mod preflight;
mod request;
mod response;
mod retry;

pub use crate::json::Json;
pub use config::{ApiKey, ClientConfig, DEFAULT_BASE_URL, DEFAULT_TIMEOUT_MS, DEFAULT_USER_AGENT};
pub use headers::{
    Headers, REQUEST_ID_HEADERS, RateLimit, parse_http_date, parse_retry_after, rate_limit,
    request_id, retry_after_ms,
};
pub use operation::{Method, Operation, OperationSpec, PaginationStyle, Preflight, ResponseShape};
pub use pagination::{HARD_PAGE_LIMIT, PageLimits, Paginator, StopReason};
pub use preflight::{
    AddressKind, CODE_INVALID_ADDRESS, CODE_INVALID_ALPHA_SENDER, CODE_INVALID_COMBINATION,
    CODE_INVALID_MMS, CODE_NO_CONTENT, CODE_TOO_LARGE, MAX_MEDIA_URLS, check_message,
    classify_address,
};
pub use request::{HttpRequest, build_request, percent_encode_into};
pub use response::{
    ApiResponse, ErrorObject, ErrorSource, ResponseBody, TelnyxApiError, parse_response,
    read_response,
};
pub use retry::{
    GiveUpReason, MAX_RETRIES_LIMIT, Outcome, RetryDecision, RetryPolicy, SPEND_LIMIT_CODE, decide,
};

/// Why an API call failed, locally or at Telnyx.
///
/// No variant ever holds the API key.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ApiError {
    /// A pre-flight check failed: Telnyx would reject the request with `telnyx_code`.
    #[error("{message} (Telnyx error {telnyx_code})")]
    Validation {
        /// The Telnyx error code the API would answer with (e.g. 40310).
        telnyx_code: u32,
        /// The body field at fault: `to`, `from`, `text` or `media_urls`.
        field: &'static str,
        /// A sentence for the user.
        message: String,
    },
    /// `encoding: "gsm7"` was requested, and smart encoding cannot make the text GSM-7.
    #[error(
        "the text cannot be sent as GSM-7: U+{code_point:04X} at index {index} has no GSM-7 form, even with smart encoding"
    )]
    NotGsm7 {
        /// UTF-16 index of the first such character, in the smart-encoded text.
        index: usize,
        /// Its code point.
        code_point: u32,
    },
    /// An argument is unusable: wrong path arguments, a missing required field, a query
    /// or body of the wrong JSON type.
    #[error("{message}")]
    InvalidArgument {
        /// What is wrong.
        message: String,
    },
    /// The configuration is unusable (the message never quotes the API key).
    #[error("invalid client configuration: {message}")]
    InvalidConfig {
        /// What is wrong.
        message: String,
    },
    /// An operation name the catalogue does not know.
    #[error("unknown operation {}", crate::json::quoted(.name))]
    UnknownOperation {
        /// The name given.
        name: String,
    },
    /// The request timed out (after the last attempt).
    #[error("the request timed out after {attempts} attempt(s)")]
    Timeout {
        /// Attempts made.
        attempts: u32,
    },
    /// The network failed (after the last attempt).
    #[error("network error after {attempts} attempt(s): {message}")]
    Network {
        /// The transport's description (never containing headers).
        message: String,
        /// Attempts made.
        attempts: u32,
    },
    /// Telnyx answered with a non-2xx status.
    #[error("{0}")]
    Http(Box<TelnyxApiError>),
    /// A 2xx response whose body could not be read.
    #[error("invalid response: {message}")]
    InvalidResponse {
        /// The HTTP status.
        status: u16,
        /// What is wrong.
        message: String,
    },
}

impl ApiError {
    /// The stable string code of this error (JavaScript: `SmsEdgeError.code`).
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            Self::Validation { .. } => "validation",
            Self::NotGsm7 { .. } => "not_gsm7",
            Self::InvalidArgument { .. } => "invalid_argument",
            Self::InvalidConfig { .. } => "invalid_config",
            Self::UnknownOperation { .. } => "unknown_operation",
            Self::Timeout { .. } => "timeout",
            Self::Network { .. } => "network",
            Self::Http(_) => "http_error",
            Self::InvalidResponse { .. } => "invalid_response",
        }
    }

    /// The Telnyx error code, when there is one: the pre-flight code, or the first code
    /// of an HTTP error body.
    #[must_use]
    pub fn telnyx_code(&self) -> Option<String> {
        match self {
            Self::Validation { telnyx_code, .. } => Some(telnyx_code.to_string()),
            Self::Http(e) => e.code.clone(),
            _ => None,
        }
    }

    /// The HTTP status, for [`ApiError::Http`] and [`ApiError::InvalidResponse`].
    #[must_use]
    pub fn status(&self) -> Option<u16> {
        match self {
            Self::Http(e) => Some(e.status),
            Self::InvalidResponse { status, .. } => Some(*status),
            _ => None,
        }
    }
}

/// Looks an operation up by its `telnyx` npm name.
///
/// # Errors
/// [`ApiError::UnknownOperation`].
pub fn operation(name: &str) -> Result<Operation, ApiError> {
    Operation::from_name(name).ok_or_else(|| ApiError::UnknownOperation {
        name: name.to_owned(),
    })
}
