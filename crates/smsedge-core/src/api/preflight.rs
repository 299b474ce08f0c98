//! Pre-flight checks on a message before it is sent, failing with the code Telnyx would
//! answer with. The segment count comes from [`crate::segments`], never a copy of it.

use super::ApiError;
use super::operation::Operation;
use crate::json::Json;
use crate::json::quoted;
use crate::segments::{
    MAX_SEGMENTS, Options, RequestEncoding, SegmentError, Sender, count_segments,
};

/// Telnyx: invalid `to` address (used here for any malformed E.164 address).
pub const CODE_INVALID_ADDRESS: u32 = 40310;
/// Telnyx: invalid alphanumeric sender ID (1–11 letters, digits or spaces, one letter).
pub const CODE_INVALID_ALPHA_SENDER: u32 = 40325;
/// Telnyx: no content (no text and no media).
pub const CODE_NO_CONTENT: u32 = 40316;
/// Telnyx: invalid content combination (media on an SMS, an MMS without media).
pub const CODE_INVALID_COMBINATION: u32 = 40304;
/// Telnyx: message too large (more than 10 segments).
pub const CODE_TOO_LARGE: u32 = 40302;
/// Telnyx: invalid MMS content (more than 10 media URLs).
pub const CODE_INVALID_MMS: u32 = 40317;

/// The most media URLs one MMS may carry.
pub const MAX_MEDIA_URLS: usize = 10;

/// What kind of address a `from` or `to` string is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AddressKind {
    /// `+` and 7–15 digits, the first not 0.
    E164,
    /// 3–8 digits, no `+`.
    ShortCode,
    /// 1–11 ASCII letters, digits or spaces with at least one letter.
    Alphanumeric,
}

/// Classifies an address; `Err` holds the Telnyx code its malformation earns.
///
/// A leading `+` or an all-digit string is read as a phone number or short code
/// (malformed: 40310); anything else as an alphanumeric sender ID (malformed: 40325).
///
/// # Errors
/// [`CODE_INVALID_ADDRESS`] or [`CODE_INVALID_ALPHA_SENDER`].
pub fn classify_address(address: &str) -> Result<AddressKind, u32> {
    if let Some(digits) = address.strip_prefix('+') {
        let ok = (7..=15).contains(&digits.len())
            && digits.bytes().all(|b| b.is_ascii_digit())
            && !digits.starts_with('0');
        return if ok {
            Ok(AddressKind::E164)
        } else {
            Err(CODE_INVALID_ADDRESS)
        };
    }
    if !address.is_empty() && address.bytes().all(|b| b.is_ascii_digit()) {
        return if (3..=8).contains(&address.len()) {
            Ok(AddressKind::ShortCode)
        } else {
            Err(CODE_INVALID_ADDRESS)
        };
    }
    let ok = (1..=11).contains(&address.chars().count())
        && address
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b' ')
        && address.bytes().any(|b| b.is_ascii_alphabetic());
    if ok {
        Ok(AddressKind::Alphanumeric)
    } else {
        Err(CODE_INVALID_ALPHA_SENDER)
    }
}

/// North American toll-free area codes.
const TOLL_FREE_NPAS: [&str; 7] = ["800", "833", "844", "855", "866", "877", "888"];

fn sender_of(from: Option<&str>, kind: Option<AddressKind>) -> Sender {
    match (from, kind) {
        (_, Some(AddressKind::ShortCode)) => Sender::ShortCode,
        (_, Some(AddressKind::Alphanumeric)) => Sender::Alphanumeric,
        (Some(from), Some(AddressKind::E164))
            if from.get(..2) == Some("+1")
                && from
                    .get(2..5)
                    .is_some_and(|npa| TOLL_FREE_NPAS.contains(&npa)) =>
        {
            Sender::TollFree
        }
        _ => Sender::LongCode,
    }
}

fn validation(telnyx_code: u32, field: &'static str, message: String) -> ApiError {
    ApiError::Validation {
        telnyx_code,
        field,
        message,
    }
}

fn optional_str<'a>(body: &'a Json, field: &str) -> Result<Option<&'a str>, ApiError> {
    match body.get(field) {
        None | Some(Json::Null) => Ok(None),
        Some(Json::String(s)) => Ok(Some(s)),
        Some(_) => Err(ApiError::InvalidArgument {
            message: format!("`{field}` must be a string"),
        }),
    }
}

/// Checks a message body the way Telnyx would, before it is sent.
///
/// In order: `to` (40310), `from` (40310 or 40325; not read for number-pool sends),
/// no content (40316), SMS/MMS mix (40304), more than 10 media URLs (40317), then, for
/// an SMS, `encoding: "gsm7"` that smart encoding cannot satisfy ([`ApiError::NotGsm7`];
/// 40316 if nothing is left) and more than 10 segments (40302).
///
/// `smart_encoding` is the messaging profile's setting when known. With
/// `encoding: "auto"` and an unknown setting, the text is counted both ways and only
/// rejected when both exceed 10 segments, so a valid message is never refused.
///
/// # Errors
/// [`ApiError::Validation`], [`ApiError::NotGsm7`], or [`ApiError::InvalidArgument`] for
/// a field of the wrong JSON type or an unknown `type`/`encoding` value.
pub fn check_message(
    op: Operation,
    body: &Json,
    smart_encoding: Option<bool>,
) -> Result<(), ApiError> {
    // `to`: a phone number or a short code; an alphanumeric `to` is malformed too.
    match body.get("to") {
        Some(Json::String(to)) => match classify_address(to) {
            Ok(AddressKind::E164 | AddressKind::ShortCode) => {}
            Ok(AddressKind::Alphanumeric) | Err(_) => {
                return Err(validation(
                    CODE_INVALID_ADDRESS,
                    "to",
                    format!(
                        "`to` must be an E.164 number (+ and 7–15 digits) or a short code, got {}",
                        quoted(to)
                    ),
                ));
            }
        },
        None | Some(Json::Null) => {
            return Err(validation(
                CODE_INVALID_ADDRESS,
                "to",
                "`to` is required".into(),
            ));
        }
        Some(_) => {
            return Err(validation(
                CODE_INVALID_ADDRESS,
                "to",
                "`to` must be a string".into(),
            ));
        }
    }

    let from = if op == Operation::MessagesSendNumberPool {
        None
    } else {
        optional_str(body, "from")?
    };
    let from_kind = match from {
        None => None,
        Some(from) => match classify_address(from) {
            Ok(kind) => Some(kind),
            Err(code) if code == CODE_INVALID_ALPHA_SENDER => {
                return Err(validation(
                    code,
                    "from",
                    format!(
                        "an alphanumeric sender ID must be 1–11 letters, digits or spaces with at least one letter, got {}",
                        quoted(from)
                    ),
                ));
            }
            Err(code) => {
                return Err(validation(
                    code,
                    "from",
                    format!(
                        "`from` must be an E.164 number (+ and 7–15 digits) or a short code, got {}",
                        quoted(from)
                    ),
                ));
            }
        },
    };

    let text = optional_str(body, "text")?.unwrap_or("");
    let media_count = match body.get("media_urls") {
        None | Some(Json::Null) => 0,
        Some(Json::Array(urls)) if urls.iter().all(|u| u.as_str().is_some()) => urls.len(),
        Some(_) => {
            return Err(ApiError::InvalidArgument {
                message: "`media_urls` must be an array of strings".into(),
            });
        }
    };
    let kind = match optional_str(body, "type")? {
        None => None,
        Some("SMS") => Some(false),
        Some("MMS") => Some(true),
        Some(other) => {
            return Err(ApiError::InvalidArgument {
                message: format!("`type` must be \"SMS\" or \"MMS\", got {}", quoted(other)),
            });
        }
    };

    if text.is_empty() && media_count == 0 {
        return Err(validation(
            CODE_NO_CONTENT,
            "text",
            "the message has no `text` and no `media_urls`".into(),
        ));
    }
    match kind {
        Some(false) if media_count > 0 => {
            return Err(validation(
                CODE_INVALID_COMBINATION,
                "media_urls",
                "`type: \"SMS\"` cannot carry `media_urls`: send it as MMS".into(),
            ));
        }
        Some(true) if media_count == 0 => {
            return Err(validation(
                CODE_INVALID_COMBINATION,
                "media_urls",
                "`type: \"MMS\"` needs at least one of `media_urls`".into(),
            ));
        }
        _ => {}
    }
    if media_count > MAX_MEDIA_URLS {
        return Err(validation(
            CODE_INVALID_MMS,
            "media_urls",
            format!("an MMS carries at most {MAX_MEDIA_URLS} media URLs, got {media_count}"),
        ));
    }
    if media_count > 0 {
        // An MMS: no segment limit applies to its text.
        return Ok(());
    }

    let encoding = match optional_str(body, "encoding")? {
        None | Some("auto") => RequestEncoding::Auto,
        Some("gsm7") => RequestEncoding::Gsm7,
        Some("ucs2") => RequestEncoding::Ucs2,
        Some(other) => {
            return Err(ApiError::InvalidArgument {
                message: format!(
                    "`encoding` must be \"auto\", \"gsm7\" or \"ucs2\", got {}",
                    quoted(other)
                ),
            });
        }
    };
    let sender = sender_of(from, from_kind);
    let count = |smart: bool| {
        // `str`, as the segments binding counts it: one instantiation of the engine.
        count_segments(
            text,
            &Options {
                sender,
                encoding,
                smart_encoding: smart,
                price_per_segment: None,
            },
        )
    };
    let segments = match (encoding, smart_encoding) {
        (RequestEncoding::Auto, None) => {
            // Unknown profile setting: the fewer segments of the two readings.
            match (count(false), count(true)) {
                (Ok(a), Ok(b)) => a.segments.min(b.segments),
                (Ok(a), Err(_)) => a.segments,
                (Err(e), _) => return Err(segment_error(e)),
            }
        }
        (_, smart) => {
            count(smart.unwrap_or(false))
                .map_err(segment_error)?
                .segments
        }
    };
    if segments > MAX_SEGMENTS {
        return Err(validation(
            CODE_TOO_LARGE,
            "text",
            format!(
                "the text needs {segments} segments; Telnyx accepts at most {MAX_SEGMENTS}: shorten it or send it as MMS"
            ),
        ));
    }
    Ok(())
}

fn segment_error(e: SegmentError) -> ApiError {
    match e {
        SegmentError::NotGsm7 { index, code_point } => ApiError::NotGsm7 { index, code_point },
        SegmentError::EmptyAfterSmartEncoding => validation(
            CODE_NO_CONTENT,
            "text",
            "the text is empty after smart encoding removed invisible characters".into(),
        ),
        other => ApiError::InvalidArgument {
            message: other.to_string(),
        },
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn addresses() {
        use AddressKind::*;
        assert_eq!(classify_address("+15551234567"), Ok(E164));
        assert_eq!(classify_address("+6834002"), Ok(E164));
        assert_eq!(classify_address("12345"), Ok(ShortCode));
        assert_eq!(classify_address("Telnyx"), Ok(Alphanumeric));
        assert_eq!(classify_address("My Brand 1"), Ok(Alphanumeric));
        for bad in [
            "+1555",
            "+0155512345",
            "+1555123456789012",
            "+1 555 123 4567",
            "+",
            "15551234567",
            "12",
        ] {
            assert_eq!(classify_address(bad), Err(CODE_INVALID_ADDRESS), "{bad}");
        }
        for bad in ["", "TooLongBrandName", "Brand!", "Bränd", "12 34"] {
            assert_eq!(
                classify_address(bad),
                Err(CODE_INVALID_ALPHA_SENDER),
                "{bad}"
            );
        }
    }

    #[test]
    fn senders() {
        let s = |f: &str| sender_of(Some(f), classify_address(f).ok());
        assert_eq!(s("+18005550100"), Sender::TollFree);
        assert_eq!(s("+13125550100"), Sender::LongCode);
        assert_eq!(s("+44800123456"), Sender::LongCode);
        assert_eq!(s("12345"), Sender::ShortCode);
        assert_eq!(s("Brand"), Sender::Alphanumeric);
        assert_eq!(sender_of(None, None), Sender::LongCode);
    }
}
