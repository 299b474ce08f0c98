//! Parsing the Ed25519 public key: raw base64, base64 DER SubjectPublicKeyInfo, or PEM.

use base64ct::{Base64, Encoding as _};
use ed25519_dalek::VerifyingKey;

use super::WebhookError;

/// The DER of an Ed25519 `SubjectPublicKeyInfo` (RFC 8410 §4) before the 32 key bytes:
/// `SEQUENCE(42) { SEQUENCE(5) { OID 1.3.101.112 }, BIT STRING(33) { 0 unused bits, … } }`.
///
/// DER is canonical and the algorithm takes no parameters, so every valid Ed25519 SPKI
/// is exactly these 12 bytes and the key: comparing them is a complete DER parse.
// NOTE: a fixed prefix instead of ed25519-dalek's `pkcs8`/`pem` features, which add
// about 3.6 KB (`pkcs8`) and 15 KB (with `pem`) gzipped to the wasm for the same result.
const SPKI_PREFIX: [u8; 12] = [
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
];
/// Length of an Ed25519 SPKI in DER.
const SPKI_LEN: usize = SPKI_PREFIX.len() + 32;

const PEM_BEGIN: &str = "-----BEGIN PUBLIC KEY-----";
const PEM_END: &str = "-----END PUBLIC KEY-----";

/// A parsed Ed25519 public key that is a valid curve point and not of small order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PublicKey(VerifyingKey);

impl PublicKey {
    /// Parses a key in any of the accepted text forms (see the
    /// [module docs](super#public-keys)). Nothing is trimmed.
    ///
    /// # Errors
    /// [`WebhookError::InvalidPublicKey`] when the text is in none of the forms or is not a
    /// curve point; [`WebhookError::WeakPublicKey`] for a small-order point.
    pub fn parse(text: &str) -> Result<Self, WebhookError> {
        if text.starts_with("-----") {
            return Self::from_spki_der(&pem_body(text)?);
        }
        let bytes = Base64::decode_vec(text).map_err(|_| WebhookError::InvalidPublicKey)?;
        if bytes.len() == SPKI_LEN {
            Self::from_spki_der(&bytes)
        } else {
            Self::from_bytes(&bytes)
        }
    }

    /// The key from its raw 32 bytes.
    ///
    /// # Errors
    /// [`WebhookError::InvalidPublicKey`] unless `bytes` is 32 bytes encoding a curve
    /// point; [`WebhookError::WeakPublicKey`] for a small-order point.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, WebhookError> {
        let bytes: &[u8; 32] = bytes
            .try_into()
            .map_err(|_| WebhookError::InvalidPublicKey)?;
        let key = VerifyingKey::from_bytes(bytes).map_err(|_| WebhookError::InvalidPublicKey)?;
        if key.is_weak() {
            return Err(WebhookError::WeakPublicKey);
        }
        Ok(Self(key))
    }

    /// The key from the DER of its `SubjectPublicKeyInfo` (44 bytes).
    ///
    /// # Errors
    /// As [`from_bytes`](Self::from_bytes), and [`WebhookError::InvalidPublicKey`] when
    /// `der` is not an Ed25519 SPKI.
    pub fn from_spki_der(der: &[u8]) -> Result<Self, WebhookError> {
        match der.split_at_checked(SPKI_PREFIX.len()) {
            Some((prefix, key)) if prefix == SPKI_PREFIX => Self::from_bytes(key),
            _ => Err(WebhookError::InvalidPublicKey),
        }
    }

    /// The raw 32 bytes.
    #[must_use]
    pub fn to_bytes(&self) -> [u8; 32] {
        self.0.to_bytes()
    }

    /// The standard padded base64 of the raw 32 bytes: the form the Telnyx portal shows.
    #[must_use]
    pub fn to_base64(&self) -> String {
        Base64::encode_string(self.0.as_bytes())
    }

    /// Whether the key's 32 bytes are the canonical encoding of its point (its `y` below
    /// 2^255 − 19). Keys from Telnyx are; a non-canonical one still verifies here, but
    /// platform crypto may refuse it, so the wasm binding verifies such a key itself.
    #[must_use]
    pub fn is_canonical(&self) -> bool {
        let b = self.0.as_bytes();
        // y ≥ p exactly when the low byte is at least 0xed, bytes 1–30 are 0xff and
        // byte 31 without its sign bit is 0x7f.
        !(b[0] >= 0xed && b[1..31].iter().all(|&x| x == 0xff) && b[31] & 0x7f == 0x7f)
    }

    pub(super) const fn verifying_key(&self) -> &VerifyingKey {
        &self.0
    }
}

/// The DER inside a PEM `PUBLIC KEY` block.
///
/// Accepted: the BEGIN line, one or more base64 lines, the END line; each line ended by
/// `\n` or `\r\n` (the style of the first line throughout), the last line end optional.
/// The base64 of all lines joined must be standard and padded.
// NOTE: byte slices and a `u8` separator on purpose: `str` searching with `&str`
// patterns (two-way search) costs about 6 KB gzipped in the wasm.
fn pem_body(text: &str) -> Result<Vec<u8>, WebhookError> {
    const INVALID: WebhookError = WebhookError::InvalidPublicKey;
    let bytes = text.as_bytes();
    let crlf = bytes.get(PEM_BEGIN.len()) == Some(&b'\r');
    let eol: &[u8] = if crlf { b"\r\n" } else { b"\n" };
    let bytes = bytes.strip_suffix(eol).unwrap_or(bytes);
    let body = bytes
        .strip_prefix(PEM_BEGIN.as_bytes())
        .and_then(|b| b.strip_prefix(eol))
        .and_then(|b| b.strip_suffix(PEM_END.as_bytes()))
        .and_then(|b| b.strip_suffix(eol))
        .ok_or(INVALID)?;
    let mut joined = Vec::with_capacity(body.len());
    let mut lines = body.split(|&b| b == b'\n').peekable();
    while let Some(mut line) = lines.next() {
        if crlf && lines.peek().is_some() {
            line = line.strip_suffix(b"\r").ok_or(INVALID)?;
        }
        if line.is_empty() || line.contains(&b'\r') {
            return Err(INVALID);
        }
        joined.extend_from_slice(line);
    }
    let mut out = vec![0; joined.len() / 4 * 3];
    let len = Base64::decode(&joined, &mut out)
        .map_err(|_| INVALID)?
        .len();
    out.truncate(len);
    Ok(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;
    use ed25519_dalek::SigningKey;

    fn key() -> VerifyingKey {
        SigningKey::from_bytes(&[7; 32]).verifying_key()
    }

    fn spki() -> Vec<u8> {
        [SPKI_PREFIX.as_slice(), key().as_bytes()].concat()
    }

    fn pem(eol: &str, width: usize) -> String {
        let b64 = Base64::encode_string(&spki());
        let mut out = format!("{PEM_BEGIN}{eol}");
        for chunk in b64.as_bytes().chunks(width) {
            out.push_str(std::str::from_utf8(chunk).unwrap());
            out.push_str(eol);
        }
        out + PEM_END + eol
    }

    #[test]
    fn parses_raw_base64() {
        let text = Base64::encode_string(key().as_bytes());
        let parsed = PublicKey::parse(&text).unwrap();
        assert_eq!(parsed.to_bytes(), key().to_bytes());
        assert_eq!(parsed.to_base64(), text);
    }

    #[test]
    fn parses_spki_base64_and_pem() {
        let expected = PublicKey::from_bytes(key().as_bytes()).unwrap();
        assert_eq!(
            PublicKey::parse(&Base64::encode_string(&spki())).unwrap(),
            expected
        );
        for eol in ["\n", "\r\n"] {
            for width in [64, 16, 1] {
                let text = pem(eol, width);
                assert_eq!(PublicKey::parse(&text).unwrap(), expected, "{text:?}");
                let no_final_eol = text.strip_suffix(eol).unwrap();
                assert_eq!(PublicKey::parse(no_final_eol).unwrap(), expected);
            }
        }
    }

    #[test]
    fn rejects_anything_loose() {
        let b64 = Base64::encode_string(key().as_bytes());
        let pem = pem("\n", 64);
        let bad = [
            format!("{b64}\n"),
            format!(" {b64}"),
            b64.trim_end_matches('=').to_owned(),
            b64.replace('+', "-").replace('/', "_"),
            Base64::encode_string(&key().as_bytes()[..31]),
            Base64::encode_string(&[key().as_bytes().as_slice(), &[0]].concat()),
            format!(" {pem}"),
            format!("{pem}\n"),
            pem.replace("PUBLIC KEY", "PRIVATE KEY"),
            pem.replacen('\n', "\r\n", 1),
            pem.replacen("-----\n", "-----\n\n", 1),
            format!("{PEM_BEGIN}\n{PEM_END}\n"),
            format!("{PEM_BEGIN}\n{b64}\n{PEM_END}\n"),
            String::new(),
            "-----".to_owned(),
        ];
        for text in bad {
            assert_eq!(
                PublicKey::parse(&text),
                Err(WebhookError::InvalidPublicKey),
                "{text:?}"
            );
        }
        let mut wrong_oid = spki();
        wrong_oid[10] = 1;
        assert_eq!(
            PublicKey::from_spki_der(&wrong_oid),
            Err(WebhookError::InvalidPublicKey)
        );
    }

    #[test]
    fn rejects_points_off_the_curve() {
        // y = 2 is not the y-coordinate of any Edwards25519 point.
        let mut bytes = [0u8; 32];
        bytes[0] = 2;
        assert_eq!(
            PublicKey::from_bytes(&bytes),
            Err(WebhookError::InvalidPublicKey)
        );
    }

    #[test]
    fn rejects_small_order_points() {
        // The identity (y = 1) and the point of order 2 (y = −1).
        let mut identity = [0u8; 32];
        identity[0] = 1;
        let mut order2 = [0xffu8; 32];
        order2[0] = 0xec;
        order2[31] = 0x7f;
        for bytes in [identity, order2] {
            assert_eq!(
                PublicKey::from_bytes(&bytes),
                Err(WebhookError::WeakPublicKey)
            );
            assert_eq!(
                PublicKey::parse(&Base64::encode_string(&bytes)),
                Err(WebhookError::WeakPublicKey)
            );
        }
    }
}
