//! Telnyx webhook verification and typed events.
//!
//! Telnyx signs every webhook with Ed25519. The request carries two headers:
//!
//! - `telnyx-signature-ed25519`: the standard, padded base64 of a 64-byte signature;
//! - `telnyx-timestamp`: Unix seconds, as decimal digits.
//!
//! The signed message is the bytes `{telnyx-timestamp}|{raw body}`: the header text as
//! sent, a `|`, then the body exactly as it arrived. Verify those bytes, never JSON that
//! was parsed and serialized again.
//!
//! ```
//! use smsedge_core::webhook::{Headers, Options, PublicKey, Verifier};
//! # use base64ct::{Base64, Encoding as _};
//! # use ed25519_dalek::Signer as _;
//! # let signing_key = ed25519_dalek::SigningKey::from_bytes(&[1; 32]);
//! # let public_key = Base64::encode_string(signing_key.verifying_key().as_bytes());
//! # let body = br#"{"data":{"event_type":"message.sent","id":"e1","payload":{}},"meta":{"attempt":1}}"#;
//! # let signature =
//! #     Base64::encode_string(&signing_key.sign(&[b"1700000000|".as_slice(), body].concat()).to_bytes());
//!
//! // Parse the key once (as the portal shows it: the base64 of 32 bytes).
//! let verifier = Verifier::new(PublicKey::parse(&public_key)?, Options::default());
//!
//! // Per request: the raw body bytes, the two header values, and the clock.
//! let headers = Headers::new(Some(&signature), Some("1700000000"));
//! let event = verifier.verify_event(body, &headers, 1_700_000_042)?;
//! assert_eq!(event.event_type, "message.sent");
//! assert_eq!(event.attempt, Some(1));
//! // Telnyx may deliver an event more than once: skip ids already handled.
//! assert_eq!(event.id, "e1");
//! # Ok::<(), smsedge_core::webhook::WebhookError>(())
//! ```
//!
//! # Public keys
//!
//! [`PublicKey::parse`] accepts three forms, all strictly (no whitespace is trimmed):
//!
//! - the standard padded base64 of the raw 32 bytes, as the Telnyx portal shows it
//!   (Keys & Credentials → Public Key), 44 characters;
//! - the standard padded base64 of the DER `SubjectPublicKeyInfo` (RFC 8410, 44 bytes),
//!   60 characters: what `openssl pkey -pubout -outform DER | base64` prints;
//! - PEM: `-----BEGIN PUBLIC KEY-----`, the base64 of that DER on one or more lines,
//!   `-----END PUBLIC KEY-----`, lines ended by `\n` or `\r\n`, one final line end
//!   optional, nothing before or after.
//!
//! A small-order ("weak") key is refused when it is parsed: with such a key one forged
//! signature verifies for many messages.
//!
//! # The order of the checks
//!
//! Every input gives exactly one error, the first that applies in this order:
//!
//! | # | check | code |
//! |---|---|---|
//! | 1 | the key is one of the forms above and a point on the curve | `invalid_public_key` |
//! | 2 | the key is not of small order | `weak_public_key` |
//! | 3 | the signature header is present | `missing_signature_header` |
//! | 4 | the timestamp header is present | `missing_timestamp_header` |
//! | 5 | the timestamp is `^[0-9]+$` and fits in an `i64` | `invalid_timestamp` |
//! | 6 | the timestamp is at least `now − tolerance` | `timestamp_too_old` |
//! | 7 | the timestamp is at most `now + tolerance` | `timestamp_too_new` |
//! | 8 | the signature is standard padded base64 | `invalid_signature_encoding` |
//! | 9 | it decodes to exactly 64 bytes | `invalid_signature_length` |
//! | 10 | its scalar `S` is below the group order `L` | `non_canonical_signature` |
//! | 11 | Ed25519 `verify_strict` accepts it over `{timestamp}\|{body}` | `signature_mismatch` |
//! | 12 | (events only) the body is a Telnyx event | `invalid_payload` |
//!
//! Checks 1–2 run when the key is parsed ([`PublicKey::parse`]); the one-shot
//! [`verify`] and [`verify_event`] parse the key first, so they report a bad key before
//! anything about the request. A header that is present but empty is not missing: it
//! fails check 5 or 9. The tolerance is inclusive: with the default 300 s, a timestamp
//! exactly 300 s old or ahead passes and 301 s fails.
//!
//! [`Verifier::prepare`] runs checks 3 to 10 and refuses a small-order `R`, leaving only the
//! Ed25519 equation of check 11, for a caller that has platform crypto compute it (the wasm
//! binding's async `verifyRequest` uses WebCrypto): the codes and their order are the same.
//!
//! # Events
//!
//! [`parse_event`] (and [`Verifier::verify_event`]) read the verified body as
//! `JSON.parse(new TextDecoder().decode(body))` would: a leading UTF-8 byte order mark is
//! skipped and invalid UTF-8 becomes U+FFFD. Both envelopes Telnyx sends give one
//! [`Event`] (its docs state the rules); [`Event::typed`] gives the payload as a
//! [`TypedPayload`]. For JSON parsed elsewhere (the wasm binding uses JavaScript's own
//! `JSON.parse`), [`read_envelope`] applies the same rules to any [`JsonView`].
//!
//! Size, for wasm builds (gzipped, measured): verification alone is about 24 KB,
//! [`parse_event`] (`serde_json`) adds about 12 KB and [`Event::typed`] about 40 KB more,
//! while [`read_envelope`] over JavaScript values adds about 2 KB.

mod events;
mod headers;
mod key;
mod payloads;
mod verify;

pub use events::{Envelope, Event, JsonView, parse_event, read_envelope};
pub use headers::{Headers, SIGNATURE_HEADER, TIMESTAMP_HEADER, find_header};
pub use key::PublicKey;
pub use payloads::{
    BrandEventType, BrandUpdate, CampaignEventType, CampaignUpdate, Cost, CostBreakdown,
    DeliveryStatus, Direction, Endpoint, ErrorSource, KNOWN_EVENT_TYPES, Media, Message,
    MessageError, MessagingPortStatus, PhoneNumberEventType, PhoneNumberUpdate, PortingComment,
    PortingException, PortingMessaging, PortingOrderDeleted, PortingOrderMessagingChanged,
    PortingOrderNewComment, PortingOrderRef, PortingOrderSplit, PortingOrderStatus,
    PortingOrderStatusChanged, PortingStatus, Reason, TypedPayload,
};
pub use verify::{Prepared, Verified, Verifier, is_small_order_encoding};

/// The tolerance Telnyx's own SDKs use: 300 seconds either way.
pub const DEFAULT_TOLERANCE_SECS: u64 = 300;

/// How strictly to check the timestamp.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Options {
    /// How far, in seconds, the timestamp may be from `now`, in either direction
    /// (inclusive). Default: [`DEFAULT_TOLERANCE_SECS`]. `u64::MAX` disables the check,
    /// for replaying stored webhooks.
    pub tolerance_secs: u64,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            tolerance_secs: DEFAULT_TOLERANCE_SECS,
        }
    }
}

/// Why a webhook was rejected.
///
/// [`code`](Self::code) is stable API; the messages may change. No variant carries the
/// key, the signature or any part of the body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum WebhookError {
    /// There is no `telnyx-signature-ed25519` header.
    #[error("the telnyx-signature-ed25519 header is missing")]
    MissingSignatureHeader,
    /// There is no `telnyx-timestamp` header.
    #[error("the telnyx-timestamp header is missing")]
    MissingTimestampHeader,
    /// The timestamp is not decimal digits only, or does not fit in an `i64`.
    #[error("the telnyx-timestamp header must be Unix seconds: digits 0-9 only, nothing else")]
    InvalidTimestamp,
    /// The timestamp is further in the past than the tolerance.
    #[error("the webhook timestamp is {age_secs} s old, beyond the {tolerance_secs} s tolerance")]
    TimestampTooOld {
        /// How many seconds before `now` it is.
        age_secs: u64,
        /// The tolerance in force.
        tolerance_secs: u64,
    },
    /// The timestamp is further in the future than the tolerance.
    #[error(
        "the webhook timestamp is {ahead_secs} s in the future, beyond the {tolerance_secs} s tolerance: check the server clock"
    )]
    TimestampTooNew {
        /// How many seconds after `now` it is.
        ahead_secs: u64,
        /// The tolerance in force.
        tolerance_secs: u64,
    },
    /// The signature header is not standard padded base64.
    #[error("the telnyx-signature-ed25519 header is not standard padded base64")]
    InvalidSignatureEncoding,
    /// The signature does not decode to 64 bytes.
    #[error("the signature is {len} bytes long; an Ed25519 signature is 64")]
    InvalidSignatureLength {
        /// The decoded length.
        len: usize,
    },
    /// The public key is in none of the accepted forms, or is not a curve point.
    #[error(
        "the public key is not an Ed25519 public key: use the base64 of its 32 bytes (as the Telnyx portal shows it), base64 DER SubjectPublicKeyInfo, or PEM, with no extra whitespace"
    )]
    InvalidPublicKey,
    /// The public key is a point of small order, for which forgeries exist.
    #[error("the public key is a small-order point, which would accept forged signatures")]
    WeakPublicKey,
    /// The signature's scalar `S` is not below the group order: a malleated signature.
    #[error("the signature is not canonical: its S is not below the group order")]
    NonCanonicalSignature,
    /// The signature does not verify over `{timestamp}|{body}` with this key.
    #[error(
        "the signature does not match: check the public key, and verify the raw request bytes, not JSON that was parsed and serialized again"
    )]
    SignatureMismatch,
    /// The verified body is not a Telnyx event.
    #[error("the webhook body is not a Telnyx event: {reason}")]
    InvalidPayload {
        /// What is wrong with it (never any of its content).
        reason: &'static str,
    },
}

impl WebhookError {
    /// The stable string code of this error.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            Self::MissingSignatureHeader => "missing_signature_header",
            Self::MissingTimestampHeader => "missing_timestamp_header",
            Self::InvalidTimestamp => "invalid_timestamp",
            Self::TimestampTooOld { .. } => "timestamp_too_old",
            Self::TimestampTooNew { .. } => "timestamp_too_new",
            Self::InvalidSignatureEncoding => "invalid_signature_encoding",
            Self::InvalidSignatureLength { .. } => "invalid_signature_length",
            Self::InvalidPublicKey => "invalid_public_key",
            Self::WeakPublicKey => "weak_public_key",
            Self::NonCanonicalSignature => "non_canonical_signature",
            Self::SignatureMismatch => "signature_mismatch",
            Self::InvalidPayload { .. } => "invalid_payload",
        }
    }
}

/// Verifies a webhook's signature and timestamp, parsing `public_key` first.
///
/// To verify many webhooks, parse the key once with [`Verifier::new`].
///
/// # Errors
/// The first failing check, in [the documented order](self#the-order-of-the-checks).
pub fn verify(
    body: &[u8],
    headers: &Headers<'_>,
    public_key: &str,
    now_unix_secs: i64,
    options: &Options,
) -> Result<Verified, WebhookError> {
    Verifier::new(PublicKey::parse(public_key)?, *options).verify(body, headers, now_unix_secs)
}

/// Verifies a webhook like [`verify`], then parses the body into an [`Event`].
///
/// # Errors
/// The first failing check, in [the documented order](self#the-order-of-the-checks);
/// [`WebhookError::InvalidPayload`] when a verified body is not a Telnyx event.
pub fn verify_event(
    body: &[u8],
    headers: &Headers<'_>,
    public_key: &str,
    now_unix_secs: i64,
    options: &Options,
) -> Result<Event, WebhookError> {
    Verifier::new(PublicKey::parse(public_key)?, *options).verify_event(
        body,
        headers,
        now_unix_secs,
    )
}
