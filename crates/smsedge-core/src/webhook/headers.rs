//! The two signed headers, and finding them in a list of name/value pairs.

use std::borrow::Cow;

/// The signature header, lower case: the base64 of a 64-byte Ed25519 signature.
pub const SIGNATURE_HEADER: &str = "telnyx-signature-ed25519";
/// The timestamp header, lower case: Unix seconds.
pub const TIMESTAMP_HEADER: &str = "telnyx-timestamp";

/// The values of the two signed headers of one request (`None` when absent).
///
/// Values are used exactly as given: nothing is trimmed, and a present but empty
/// value is not "missing".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Headers<'a> {
    signature: Option<Cow<'a, str>>,
    timestamp: Option<Cow<'a, str>>,
}

impl<'a> Headers<'a> {
    /// The headers from the two values, as a framework's case-insensitive lookup returns
    /// them.
    #[must_use]
    pub const fn new(signature: Option<&'a str>, timestamp: Option<&'a str>) -> Self {
        Self {
            signature: match signature {
                Some(s) => Some(Cow::Borrowed(s)),
                None => None,
            },
            timestamp: match timestamp {
                Some(t) => Some(Cow::Borrowed(t)),
                None => None,
            },
        }
    }

    /// The headers found in a list of `(name, value)` pairs; see [`find_header`].
    #[must_use]
    pub fn from_pairs<N: AsRef<str>, V: AsRef<str>>(pairs: &'a [(N, V)]) -> Self {
        Self {
            signature: find_header(pairs, SIGNATURE_HEADER),
            timestamp: find_header(pairs, TIMESTAMP_HEADER),
        }
    }

    /// The `telnyx-signature-ed25519` value.
    #[must_use]
    pub fn signature(&self) -> Option<&str> {
        self.signature.as_deref()
    }

    /// The `telnyx-timestamp` value.
    #[must_use]
    pub fn timestamp(&self) -> Option<&str> {
        self.timestamp.as_deref()
    }
}

/// The value of header `name` in `pairs`, matching names case-insensitively (ASCII).
///
/// A header that occurs more than once gives its values joined by `", "`, in order,
/// as the fetch API's `Headers.get` does, so a duplicated signature or timestamp fails
/// to parse instead of one copy being picked silently.
#[must_use]
pub fn find_header<'a, N: AsRef<str>, V: AsRef<str>>(
    pairs: &'a [(N, V)],
    name: &str,
) -> Option<Cow<'a, str>> {
    let mut found: Option<Cow<'a, str>> = None;
    for (n, v) in pairs {
        if !n.as_ref().eq_ignore_ascii_case(name) {
            continue;
        }
        found = Some(match found {
            None => Cow::Borrowed(v.as_ref()),
            Some(previous) => {
                let mut joined = previous.into_owned();
                joined.push_str(", ");
                joined.push_str(v.as_ref());
                Cow::Owned(joined)
            }
        });
    }
    found
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn names_match_case_insensitively() {
        let pairs = [
            ("Telnyx-Signature-Ed25519", "sig"),
            ("TELNYX-TIMESTAMP", "123"),
            ("content-type", "x"),
        ];
        let h = Headers::from_pairs(&pairs);
        assert_eq!(h.signature(), Some("sig"));
        assert_eq!(h.timestamp(), Some("123"));
    }

    #[test]
    fn values_are_not_trimmed_and_empty_is_present() {
        let pairs = [
            ("telnyx-signature-ed25519", " sig "),
            ("telnyx-timestamp", ""),
        ];
        let h = Headers::from_pairs(&pairs);
        assert_eq!(h.signature(), Some(" sig "));
        assert_eq!(h.timestamp(), Some(""));
    }

    #[test]
    fn duplicates_are_joined_like_fetch() {
        let pairs = vec![
            ("telnyx-timestamp".to_owned(), "1".to_owned()),
            ("Telnyx-Timestamp".to_owned(), "2".to_owned()),
        ];
        assert_eq!(
            find_header(&pairs, TIMESTAMP_HEADER).as_deref(),
            Some("1, 2")
        );
        assert_eq!(find_header(&pairs, SIGNATURE_HEADER), None);
    }

    #[test]
    fn names_must_match_exactly_apart_from_case() {
        let pairs = [("telnyx-timestamp ", "1"), ("x-telnyx-timestamp", "2")];
        assert_eq!(find_header(&pairs, TIMESTAMP_HEADER), None);
    }
}
