//! The verification pipeline: timestamp, window, signature decoding, Ed25519.

use base64ct::{Base64, Encoding as _};
use ed25519_dalek::Signature;

use super::{Event, Headers, Options, PublicKey, WebhookError, parse_event};

/// What a successful verification established.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Verified {
    /// The signed timestamp, in Unix seconds.
    pub timestamp: i64,
}

/// A verifier for one public key: parse the key once, verify many requests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verifier {
    key: PublicKey,
    options: Options,
}

impl Verifier {
    /// A verifier for `key` with `options`.
    #[must_use]
    pub const fn new(key: PublicKey, options: Options) -> Self {
        Self { key, options }
    }

    /// The key it verifies with.
    #[must_use]
    pub const fn key(&self) -> &PublicKey {
        &self.key
    }

    /// Its options.
    #[must_use]
    pub const fn options(&self) -> &Options {
        &self.options
    }

    /// Verifies the signature and timestamp of a webhook whose raw body is `body`, at
    /// time `now_unix_secs`.
    ///
    /// # Errors
    /// The first failing check, in [the documented order](super#the-order-of-the-checks).
    pub fn verify(
        &self,
        body: &[u8],
        headers: &Headers<'_>,
        now_unix_secs: i64,
    ) -> Result<Verified, WebhookError> {
        let signature = headers
            .signature()
            .ok_or(WebhookError::MissingSignatureHeader)?;
        let timestamp_text = headers
            .timestamp()
            .ok_or(WebhookError::MissingTimestampHeader)?;
        let timestamp = parse_timestamp(timestamp_text)?;
        check_window(timestamp, now_unix_secs, self.options.tolerance_secs)?;
        let signature = decode_signature(signature)?;
        self.key
            .verifying_key()
            .verify_strict(&signed_message(timestamp_text, body), &signature)
            .map_err(|_| WebhookError::SignatureMismatch)?;
        Ok(Verified { timestamp })
    }

    /// Verifies like [`verify`](Self::verify), then parses the body with [`parse_event`].
    ///
    /// # Errors
    /// As [`verify`](Self::verify), then [`WebhookError::InvalidPayload`].
    pub fn verify_event(
        &self,
        body: &[u8],
        headers: &Headers<'_>,
        now_unix_secs: i64,
    ) -> Result<Event, WebhookError> {
        self.verify(body, headers, now_unix_secs)?;
        parse_event(body)
    }
}

/// Parses `^[0-9]+$` into an `i64`: no sign, no spaces, no underscores, no overflow.
pub(super) fn parse_timestamp(text: &str) -> Result<i64, WebhookError> {
    if text.is_empty() {
        return Err(WebhookError::InvalidTimestamp);
    }
    text.bytes().try_fold(0i64, |acc, b| {
        let digit = match b {
            b'0'..=b'9' => i64::from(b - b'0'),
            _ => return Err(WebhookError::InvalidTimestamp),
        };
        acc.checked_mul(10)
            .and_then(|v| v.checked_add(digit))
            .ok_or(WebhookError::InvalidTimestamp)
    })
}

/// Checks `|timestamp − now| ≤ tolerance`, inclusive, without overflow.
pub(super) fn check_window(
    timestamp: i64,
    now: i64,
    tolerance_secs: u64,
) -> Result<(), WebhookError> {
    let skew = i128::from(timestamp) - i128::from(now);
    let distance = u64::try_from(skew.unsigned_abs()).unwrap_or(u64::MAX);
    if distance <= tolerance_secs {
        Ok(())
    } else if skew < 0 {
        Err(WebhookError::TimestampTooOld {
            age_secs: distance,
            tolerance_secs,
        })
    } else {
        Err(WebhookError::TimestampTooNew {
            ahead_secs: distance,
            tolerance_secs,
        })
    }
}

/// Decodes the signature header: standard padded base64, 64 bytes, canonical `S`.
pub(super) fn decode_signature(text: &str) -> Result<Signature, WebhookError> {
    let bytes = Base64::decode_vec(text).map_err(|_| WebhookError::InvalidSignatureEncoding)?;
    let bytes: [u8; 64] = bytes
        .as_slice()
        .try_into()
        .map_err(|_| WebhookError::InvalidSignatureLength { len: bytes.len() })?;
    let signature = Signature::from_bytes(&bytes);
    if !is_canonical_scalar(signature.s_bytes()) {
        return Err(WebhookError::NonCanonicalSignature);
    }
    Ok(signature)
}

/// The group order L = 2^252 + 27742317777372353535851937790883648493, little-endian.
const L: [u8; 32] = [
    0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
];

/// Whether the little-endian scalar `s` is below L (RFC 8032 §5.1.7: reject S ≥ L).
// NOTE: ed25519-dalek checks this too, inside `verify_strict`, but reports it as a plain
// verification failure; checking first gives it its own code.
fn is_canonical_scalar(s: &[u8; 32]) -> bool {
    for (a, l) in s.iter().rev().zip(L.iter().rev()) {
        if a != l {
            return a < l;
        }
    }
    false
}

/// The signed message: `{timestamp}|{body}`.
pub(super) fn signed_message(timestamp: &str, body: &[u8]) -> Vec<u8> {
    let mut message = Vec::with_capacity(timestamp.len() + 1 + body.len());
    message.extend_from_slice(timestamp.as_bytes());
    message.push(b'|');
    message.extend_from_slice(body);
    message
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_digits_only() {
        assert_eq!(parse_timestamp("0"), Ok(0));
        assert_eq!(parse_timestamp("0001700000000"), Ok(1_700_000_000));
        assert_eq!(parse_timestamp("9223372036854775807"), Ok(i64::MAX));
        for bad in [
            "",
            " 1",
            "1 ",
            "+5",
            "-5",
            "1_000",
            "1e9",
            "1.0",
            "0x10",
            "١٢",
            "9223372036854775808",
            "99999999999999999999999",
        ] {
            assert_eq!(
                parse_timestamp(bad),
                Err(WebhookError::InvalidTimestamp),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn window_is_inclusive_both_ways() {
        assert_eq!(check_window(1000, 1300, 300), Ok(()));
        assert_eq!(check_window(1600, 1300, 300), Ok(()));
        assert_eq!(
            check_window(999, 1300, 300),
            Err(WebhookError::TimestampTooOld {
                age_secs: 301,
                tolerance_secs: 300
            })
        );
        assert_eq!(
            check_window(1601, 1300, 300),
            Err(WebhookError::TimestampTooNew {
                ahead_secs: 301,
                tolerance_secs: 300
            })
        );
        assert_eq!(check_window(5, 5, 0), Ok(()));
    }

    #[test]
    fn window_never_overflows() {
        assert_eq!(check_window(i64::MAX, i64::MIN, u64::MAX), Ok(()));
        assert_eq!(
            check_window(0, i64::MIN, 0),
            Err(WebhookError::TimestampTooNew {
                ahead_secs: 1 << 63,
                tolerance_secs: 0
            })
        );
        assert_eq!(
            check_window(i64::MAX, i64::MIN, 0),
            Err(WebhookError::TimestampTooNew {
                ahead_secs: u64::MAX,
                tolerance_secs: 0
            })
        );
        assert!(matches!(
            check_window(0, i64::MAX, 0),
            Err(WebhookError::TimestampTooOld { .. })
        ));
    }

    #[test]
    fn scalar_bound_is_exact() {
        let mut below = L;
        below[0] -= 1;
        assert!(is_canonical_scalar(&below));
        assert!(!is_canonical_scalar(&L));
        let mut above = L;
        above[0] += 1;
        assert!(!is_canonical_scalar(&above));
        assert!(is_canonical_scalar(&[0; 32]));
        assert!(!is_canonical_scalar(&[0xff; 32]));
    }

    #[test]
    fn signature_decoding_codes() {
        let ok = Base64::encode_string(&[0u8; 64]);
        assert!(decode_signature(&ok).is_ok());
        assert_eq!(
            decode_signature(ok.trim_end_matches('=')),
            Err(WebhookError::InvalidSignatureEncoding)
        );
        assert_eq!(
            decode_signature(&format!("{ok}\n")),
            Err(WebhookError::InvalidSignatureEncoding)
        );
        assert_eq!(
            decode_signature(""),
            Err(WebhookError::InvalidSignatureLength { len: 0 })
        );
        assert_eq!(
            decode_signature(&Base64::encode_string(&[0u8; 63])),
            Err(WebhookError::InvalidSignatureLength { len: 63 })
        );
        let mut high_s = [0u8; 64];
        high_s[32..].copy_from_slice(&L);
        assert_eq!(
            decode_signature(&Base64::encode_string(&high_s)),
            Err(WebhookError::NonCanonicalSignature)
        );
    }

    #[test]
    fn message_is_timestamp_bar_body() {
        assert_eq!(signed_message("12", b"\xff{}"), b"12|\xff{}");
    }
}
