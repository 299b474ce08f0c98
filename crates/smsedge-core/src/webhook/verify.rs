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

/// What [`Verifier::prepare`] established: every check but the Ed25519 equation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Prepared {
    /// The signed timestamp, in Unix seconds.
    pub timestamp: i64,
    /// The decoded signature (`R ‖ S`, `S` canonical, `R` not of small order).
    pub signature: [u8; 64],
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
        let prepared = self.prepare(headers, now_unix_secs)?;
        let timestamp_text = headers.timestamp().unwrap_or_default();
        self.key
            .verifying_key()
            .verify_strict(
                &signed_message(timestamp_text, body),
                &Signature::from_bytes(&prepared.signature),
            )
            .map_err(|_| WebhookError::SignatureMismatch)?;
        Ok(Verified {
            timestamp: prepared.timestamp,
        })
    }

    /// Every check of [`verify`](Self::verify) but the Ed25519 equation itself, for a
    /// caller that has that computed by platform crypto (the wasm binding uses WebCrypto
    /// in its async `verifyRequest`, native where the runtime has it).
    ///
    /// On success the one check left is the cofactorless equation `[S]B = R + [k]A`,
    /// `k = SHA-512(R ‖ A ‖ {timestamp}|{body})`, with `R` compared by its encoding
    /// (RFC 8032 §5.1.7 without the cofactor): what `verify_strict` computes, and what
    /// BoringSSL and OpenSSL (WebCrypto in workerd, Chromium and Node) compute. What
    /// `verify_strict` adds to that equation is done here: `S < L` (check 10) and a
    /// small-order `R` refused (`signature_mismatch`, by its encoding, see
    /// [`is_small_order_encoding`]), the key's own order having been checked when it was
    /// parsed. So for a key whose encoding is canonical ([`PublicKey::is_canonical`]),
    /// either way gives the same answer for every input.
    ///
    /// # Errors
    /// Checks 3 to 10 of [the documented order](super#the-order-of-the-checks), then
    /// [`WebhookError::SignatureMismatch`] for a small-order `R`.
    // Not inlined: `verify` and the binding's `prepare` share one copy in the wasm.
    #[inline(never)]
    pub fn prepare(
        &self,
        headers: &Headers<'_>,
        now_unix_secs: i64,
    ) -> Result<Prepared, WebhookError> {
        let signature = headers
            .signature()
            .ok_or(WebhookError::MissingSignatureHeader)?;
        let timestamp_text = headers
            .timestamp()
            .ok_or(WebhookError::MissingTimestampHeader)?;
        let timestamp = parse_timestamp(timestamp_text)?;
        check_window(timestamp, now_unix_secs, self.options.tolerance_secs)?;
        let signature = decode_signature(signature)?;
        if is_small_order_encoding(signature.r_bytes()) {
            return Err(WebhookError::SignatureMismatch);
        }
        Ok(Prepared {
            timestamp,
            signature: signature.to_bytes(),
        })
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

/// The encodings of the eight small-order points, with the sign bit (bit 255) cleared: y = 0,
/// 1, p − 1, the two y of the order-8 points, and the non-canonical y = p and p + 1 (that is,
/// 0 and 1 again), which `curve25519-dalek` decompresses too.
const SMALL_ORDER_Y: [[u8; 32]; 7] = {
    let mut ys = [[0u8; 32]; 7];
    ys[1][0] = 1;
    // p − 1, p, p + 1: 0xec/0xed/0xee, then 0xff…, then 0x7f.
    let mut k = 0;
    while k < 3 {
        let mut i = 1;
        while i < 31 {
            ys[2 + k][i] = 0xff;
            i += 1;
        }
        ys[2 + k][0] = 0xec + k as u8;
        ys[2 + k][31] = 0x7f;
        k += 1;
    }
    ys[5] = [
        0x26, 0xe8, 0x95, 0x8f, 0xc2, 0xb2, 0x27, 0xb0, 0x45, 0xc3, 0xf4, 0x89, 0xf2, 0xef, 0x98,
        0xf0, 0xd5, 0xdf, 0xac, 0x05, 0xd3, 0xc6, 0x33, 0x39, 0xb1, 0x38, 0x02, 0x88, 0x6d, 0x53,
        0xfc, 0x05,
    ];
    ys[6] = [
        0xc7, 0x17, 0x6a, 0x70, 0x3d, 0x4d, 0xd8, 0x4f, 0xba, 0x3c, 0x0b, 0x76, 0x0d, 0x10, 0x67,
        0x0f, 0x2a, 0x20, 0x53, 0xfa, 0x2c, 0x39, 0xcc, 0xc6, 0x4e, 0xc7, 0xfd, 0x77, 0x92, 0xac,
        0x03, 0x7a,
    ];
    ys
};

/// Whether `encoding` decompresses to a point of small order (what `verify_strict` refuses
/// as `R`), told from the bytes alone: no square root, so the check costs nothing next to
/// the platform's verification. Tests check it against `curve25519-dalek`.
#[must_use]
pub fn is_small_order_encoding(encoding: &[u8; 32]) -> bool {
    let mut y = *encoding;
    y[31] &= 0x7f;
    SMALL_ORDER_Y.contains(&y)
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

    /// Every encoding that `curve25519-dalek` decompresses to a small-order point.
    fn dalek_small_order(bytes: &[u8; 32]) -> bool {
        curve25519_dalek::edwards::CompressedEdwardsY(*bytes)
            .decompress()
            .is_some_and(|p| p.is_small_order())
    }

    #[test]
    fn small_order_encodings_are_exactly_dalek_s() {
        // Each of the eight torsion points, with either sign bit.
        for point in curve25519_dalek::constants::EIGHT_TORSION {
            let mut bytes = point.compress().to_bytes();
            assert!(is_small_order_encoding(&bytes));
            bytes[31] ^= 0x80;
            assert!(is_small_order_encoding(&bytes));
        }
        // Every listed y, with either sign bit, is a small-order point for dalek; one bit
        // flipped anywhere, it is not (for dalek, or here).
        for y in SMALL_ORDER_Y {
            for sign in [0, 0x80] {
                let mut bytes = y;
                bytes[31] |= sign;
                assert!(dalek_small_order(&bytes), "{bytes:02x?}");
                assert!(is_small_order_encoding(&bytes));
                for bit in 0..255 {
                    let mut near = bytes;
                    near[bit / 8] ^= 1 << (bit % 8);
                    assert_eq!(is_small_order_encoding(&near), dalek_small_order(&near));
                }
            }
        }
        // A real signature's R is not of small order.
        let key = ed25519_dalek::SigningKey::from_bytes(&[1; 32]);
        let signature = ed25519_dalek::Signer::sign(&key, b"1700000000|{}");
        assert!(!is_small_order_encoding(signature.r_bytes()));
    }

    proptest::proptest! {
        #[test]
        fn small_order_check_agrees_with_dalek(bytes in proptest::prelude::any::<[u8; 32]>()) {
            proptest::prop_assert_eq!(is_small_order_encoding(&bytes), dalek_small_order(&bytes));
        }
    }

    #[test]
    fn prepare_runs_every_check_but_the_equation() {
        let signing = ed25519_dalek::SigningKey::from_bytes(&[1; 32]);
        let key = PublicKey::from_bytes(signing.verifying_key().as_bytes()).unwrap();
        assert!(key.is_canonical());
        let verifier = Verifier::new(key, Options::default());
        let signature = ed25519_dalek::Signer::sign(&signing, b"1700000000|{}").to_bytes();
        let encoded = Base64::encode_string(&signature);
        let headers = Headers::new(Some(&encoded), Some("1700000000"));
        let prepared = verifier.prepare(&headers, 1_700_000_000).unwrap();
        assert_eq!(prepared.signature, signature);
        assert_eq!(prepared.timestamp, 1_700_000_000);
        // The equation is left out: another body still prepares, and only verify refuses it.
        assert!(verifier.verify(b"{}", &headers, 1_700_000_000).is_ok());
        assert_eq!(
            verifier.verify(b"{ }", &headers, 1_700_000_000),
            Err(WebhookError::SignatureMismatch)
        );
        // The other checks, in order.
        let at = |sig: Option<&str>, ts: Option<&str>| {
            verifier
                .prepare(&Headers::new(sig, ts), 1_700_000_000)
                .map(|_| ())
        };
        assert_eq!(at(None, None), Err(WebhookError::MissingSignatureHeader));
        assert_eq!(
            at(Some(&encoded), Some("x")),
            Err(WebhookError::InvalidTimestamp)
        );
        assert_eq!(
            at(Some("%"), Some("1700000000")),
            Err(WebhookError::InvalidSignatureEncoding)
        );
        let mut small_r = signature;
        small_r[..32].copy_from_slice(
            &curve25519_dalek::constants::EIGHT_TORSION[3]
                .compress()
                .to_bytes(),
        );
        assert_eq!(
            at(Some(&Base64::encode_string(&small_r)), Some("1700000000")),
            Err(WebhookError::SignatureMismatch)
        );
    }

    #[test]
    fn non_canonical_key_encodings_are_told_apart() {
        // y + p for the small y that have one: those that are large-order curve points parse,
        // and only their canonical encoding is canonical.
        let mut parsed = 0;
        for y in 2u8..19 {
            let mut canonical = [0u8; 32];
            canonical[0] = y;
            let mut wrapped = [0xffu8; 32];
            wrapped[0] = 0xed + y;
            wrapped[31] = 0x7f;
            for sign in [0, 0x80] {
                canonical[31] = sign;
                wrapped[31] = 0x7f | sign;
                if let (Ok(a), Ok(b)) = (
                    PublicKey::from_bytes(&canonical),
                    PublicKey::from_bytes(&wrapped),
                ) {
                    assert!(a.is_canonical());
                    assert!(!b.is_canonical());
                    parsed += 1;
                }
            }
        }
        assert!(parsed > 0, "some y below 19 is a large-order point");
    }
}
