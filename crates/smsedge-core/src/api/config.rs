//! Client configuration, and the API key that never leaves it in readable form.

use core::fmt;

use super::ApiError;
use super::retry::RetryPolicy;

/// The Telnyx API base URL the spec and the `telnyx` package use.
pub const DEFAULT_BASE_URL: &str = "https://api.telnyx.com/v2";
/// Per-attempt timeout, as in the `telnyx` package: 60 s.
pub const DEFAULT_TIMEOUT_MS: u64 = 60_000;
/// A `User-Agent` value a server-side transport may send (browsers ignore or forbid it).
pub const DEFAULT_USER_AGENT: &str = concat!("smsedge/", env!("CARGO_PKG_VERSION"));

/// Keys this short are not scrubbed from error bodies: replacing every occurrence of a
/// 1–7 character string would mangle the body, and no real Telnyx key is that short.
const MIN_SCRUB_LEN: usize = 8;

/// A Telnyx API key. Its `Debug` output is `ApiKey(<redacted>)`; it has no `Display`.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey(String);

impl ApiKey {
    /// Wraps a key after checking it can go in an HTTP header.
    ///
    /// # Errors
    /// [`ApiError::InvalidConfig`] when the key is empty (after trimming) or holds a
    /// control character, space or non-ASCII character. The message never quotes the key.
    pub fn new(key: &str) -> Result<Self, ApiError> {
        let key = key.trim();
        if key.is_empty() {
            return Err(ApiError::InvalidConfig {
                message: "apiKey is empty".into(),
            });
        }
        if !key.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(ApiError::InvalidConfig {
                message: "apiKey holds a space, control or non-ASCII character".into(),
            });
        }
        Ok(Self(key.to_owned()))
    }

    /// The key itself, for the `Authorization` header. Never log it.
    #[must_use]
    pub fn expose_secret(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ApiKey(<redacted>)")
    }
}

/// How the client reaches Telnyx. Build it with [`ClientConfig::new`].
///
/// `Debug` is written by hand and never shows the API key.
#[derive(Clone, PartialEq)]
pub struct ClientConfig {
    api_key: Option<ApiKey>,
    base_url: String,
    /// Per-attempt timeout in milliseconds (the transport aborts the request after it).
    pub timeout_ms: u64,
    /// The retry policy (`max_retries` and backoff).
    pub retry: RetryPolicy,
    /// A `User-Agent` header to send, if any. Default none: in browsers the header is
    /// forbidden or widens the CORS preflight; server transports may use
    /// [`DEFAULT_USER_AGENT`].
    pub user_agent: Option<String>,
    /// Whether to run the local checks before a message is sent (default on).
    pub preflight: bool,
    /// The messaging profile's smart-encoding setting, if the caller knows it. When
    /// unknown, the segment check counts both ways and rejects only if both exceed 10.
    pub smart_encoding: Option<bool>,
}

impl ClientConfig {
    /// A configuration with the defaults: 60 s timeout, 2 retries, pre-flight checks on.
    ///
    /// `api_key` may be `None` when `base_url` is a proxy that adds the credentials: a
    /// browser must never hold a Telnyx key. `base_url` `None` means
    /// [`DEFAULT_BASE_URL`]; otherwise it must be `http://…`, `https://…` or a
    /// same-origin path `/…`, without query or fragment. A trailing `/` is dropped.
    ///
    /// # Errors
    /// [`ApiError::InvalidConfig`] for an unusable key or base URL.
    pub fn new(api_key: Option<&str>, base_url: Option<&str>) -> Result<Self, ApiError> {
        let api_key = api_key.map(ApiKey::new).transpose()?;
        let base_url = normalize_base_url(base_url.unwrap_or(DEFAULT_BASE_URL))?;
        Ok(Self {
            api_key,
            base_url,
            timeout_ms: DEFAULT_TIMEOUT_MS,
            retry: RetryPolicy::default(),
            user_agent: None,
            preflight: true,
            smart_encoding: None,
        })
    }

    /// The base URL, without a trailing `/`.
    #[must_use]
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The API key, if one is configured.
    #[must_use]
    pub fn api_key(&self) -> Option<&ApiKey> {
        self.api_key.as_ref()
    }

    /// Checks the settings a caller may have changed after [`ClientConfig::new`].
    ///
    /// # Errors
    /// [`ApiError::InvalidConfig`] for a zero timeout, a user agent that cannot be a
    /// header value, or a retry policy out of range.
    pub fn validate(&self) -> Result<(), ApiError> {
        if self.timeout_ms == 0 {
            return Err(ApiError::InvalidConfig {
                message: "timeoutMs must be at least 1".into(),
            });
        }
        if let Some(ua) = &self.user_agent {
            if ua.chars().any(|c| c.is_control()) {
                return Err(ApiError::InvalidConfig {
                    message: "userAgent holds a control character".into(),
                });
            }
        }
        self.retry.validate()
    }

    /// Replaces every occurrence of the API key in `text` with `<redacted>`.
    ///
    /// Used on everything that came back from the network before it goes into an error,
    /// in case a proxy echoes the `Authorization` header.
    #[must_use]
    pub fn scrub(&self, text: &str) -> String {
        let Some(key) = self.api_key.as_ref().filter(|k| k.0.len() >= MIN_SCRUB_LEN) else {
            return text.to_owned();
        };
        // A plain scan (the key is short) rather than `str::replace`, whose two-way
        // searcher costs several KB of wasm.
        let (key, bytes) = (key.0.as_bytes(), text.as_bytes());
        let mut out = String::with_capacity(text.len());
        let (mut start, mut i) = (0, 0);
        while i + key.len() <= bytes.len() {
            if bytes.get(i..i + key.len()) == Some(key) {
                // The key is ASCII, so both ends of a match are character boundaries.
                out.push_str(text.get(start..i).unwrap_or_default());
                out.push_str("<redacted>");
                i += key.len();
                start = i;
            } else {
                i += 1;
            }
        }
        out.push_str(text.get(start..).unwrap_or_default());
        out
    }
}

impl fmt::Debug for ClientConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientConfig")
            .field("api_key", &self.api_key.as_ref().map(|_| "<redacted>"))
            .field("base_url", &self.base_url)
            .field("timeout_ms", &self.timeout_ms)
            .field("retry", &self.retry)
            .field("user_agent", &self.user_agent)
            .field("preflight", &self.preflight)
            .field("smart_encoding", &self.smart_encoding)
            .finish()
    }
}

fn normalize_base_url(url: &str) -> Result<String, ApiError> {
    let url = url.trim();
    // Without the trailing slashes.
    let url = url
        .get(..url.len() - url.bytes().rev().take_while(|&b| b == b'/').count())
        .unwrap_or(url);
    let invalid = |why: &str| ApiError::InvalidConfig {
        message: format!("baseUrl {why}"),
    };
    let rest = if let Some(rest) = url.strip_prefix("https://") {
        rest
    } else if let Some(rest) = url.strip_prefix("http://") {
        rest
    } else if url.starts_with('/') || url.is_empty() {
        // A same-origin proxy path ("/api/telnyx"), or "/" itself (trimmed to "").
        ""
    } else {
        return Err(invalid("must start with https://, http:// or /"));
    };
    if url.starts_with("//") {
        return Err(invalid("must not be protocol-relative"));
    }
    if url.starts_with("http") && rest.bytes().next().is_none_or(|b| b == b'/') {
        return Err(invalid("has no host"));
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(invalid("holds whitespace or a control character"));
    }
    if url.bytes().any(|b| b == b'?' || b == b'#') {
        return Err(invalid("must not have a query or fragment"));
    }
    Ok(url.to_owned())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const KEY: &str = "KEY0123456789ABCDEF_secret_value";

    #[test]
    fn debug_never_shows_the_key() {
        let config = ClientConfig::new(Some(KEY), None).unwrap();
        let debug = format!("{config:?} {:?} {config:#?}", config.api_key());
        assert!(!debug.contains(KEY), "{debug}");
        assert!(!debug.contains("secret_value"), "{debug}");
        assert!(debug.contains("<redacted>"));
    }

    #[test]
    fn base_urls() {
        let ok = |u: &str| ClientConfig::new(None, Some(u)).map(|c| c.base_url().to_owned());
        assert_eq!(
            ok("https://api.telnyx.com/v2/").unwrap(),
            "https://api.telnyx.com/v2"
        );
        assert_eq!(
            ok("http://127.0.0.1:4010").unwrap(),
            "http://127.0.0.1:4010"
        );
        assert_eq!(ok("/api/telnyx/").unwrap(), "/api/telnyx");
        assert_eq!(ok("/").unwrap(), "");
        for bad in [
            "ftp://x",
            "api.telnyx.com",
            "https://",
            "https:///v2",
            "//evil.example",
            "https://a b",
            "https://x/v2?a=1",
            "https://x#f",
        ] {
            assert_eq!(ok(bad).unwrap_err().code(), "invalid_config", "{bad}");
        }
    }

    #[test]
    fn keys() {
        assert!(ApiKey::new("  ").is_err());
        let err = ApiKey::new("KEY\r\nX-Evil: 1").unwrap_err();
        assert!(!err.to_string().contains("Evil"));
        assert_eq!(ApiKey::new(" KEYabc ").unwrap().expose_secret(), "KEYabc");
    }

    #[test]
    fn scrub() {
        let config = ClientConfig::new(Some(KEY), None).unwrap();
        assert_eq!(
            config.scrub(&format!("Bearer {KEY}!")),
            "Bearer <redacted>!"
        );
        let short = ClientConfig::new(Some("k"), None).unwrap();
        assert_eq!(short.scrub("kkk"), "kkk");
    }
}
