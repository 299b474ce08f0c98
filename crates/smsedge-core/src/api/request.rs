//! Building a request: URL with percent-encoded path and deepObject query, headers, body.

use core::fmt;

use super::ApiError;
use super::config::ClientConfig;
use super::operation::{Method, Operation, PaginationStyle, Preflight};
use super::preflight::check_message;
use crate::json::Json;
use crate::strings::{cat, join_comma};

/// A request ready for the transport. `Debug` hides the `Authorization` value.
#[derive(Clone, PartialEq, Eq)]
pub struct HttpRequest {
    /// The operation it performs.
    pub operation: Operation,
    /// The HTTP method.
    pub method: Method,
    /// The full URL: base URL, encoded path and query.
    pub url: String,
    /// Header name/value pairs: `Authorization` (when a key is configured), `Accept`,
    /// `Content-Type` (when there is a body) and `User-Agent` (when configured).
    pub headers: Vec<(&'static str, String)>,
    /// The JSON body, serialised, if the operation takes one.
    pub body: Option<String>,
}

impl HttpRequest {
    /// The value of a header this request carries (case-insensitive name).
    #[must_use]
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

impl fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Redacted<'a>(&'a [(&'static str, String)]);
        impl fmt::Debug for Redacted<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let mut list = f.debug_list();
                for (name, value) in self.0 {
                    if name.eq_ignore_ascii_case("authorization") {
                        list.entry(&(name, "Bearer <redacted>"));
                    } else {
                        list.entry(&(name, value));
                    }
                }
                list.finish()
            }
        }
        f.debug_struct("HttpRequest")
            .field("operation", &self.operation)
            .field("method", &self.method)
            .field("url", &self.url)
            .field("headers", &Redacted(&self.headers))
            .field("body", &self.body)
            .finish()
    }
}

/// The body of an operation that takes one when the caller gave none.
const EMPTY: &Json = &Json::Object(Vec::new());

/// Query defaults the core fills in when a required key is missing.
const TOLLFREE_DEFAULT_PAGE_SIZE: &str = "20";

/// Builds the request for `op`.
///
/// - `path_args`: the values of [`OperationSpec::path_params`](super::OperationSpec),
///   in that order. Each is percent-encoded as one segment (`+` → `%2B`, `/` → `%2F`).
/// - `query`: a JSON object or `None`. Nested objects become deepObject keys
///   (`{"page": {"number": 2}}` → `page%5Bnumber%5D=2`); flat bracketed keys
///   (`"page[number]"`) are accepted as they are; arrays repeat the key; `null` is
///   skipped. Missing `page`/`page_size` (toll-free list) default to 1 and 20, and a
///   missing `filter[record_type]` (detail records) to `messaging`.
/// - `body`: a JSON object or `None` (then `{}` for operations that take a body).
///
/// Message operations run [`check_message`] first when `config.preflight` is on.
///
/// # Errors
/// [`ApiError::InvalidArgument`] for a wrong number of path arguments, an empty or
/// dot-only path argument, a query or body that is not an object, a body on an
/// operation that takes none, or a missing required field; [`ApiError::Validation`] or
/// [`ApiError::NotGsm7`] from the message checks; [`ApiError::InvalidConfig`] from
/// [`ClientConfig::validate`].
pub fn build_request(
    op: Operation,
    path_args: &[&str],
    query: Option<&Json>,
    body: Option<&Json>,
    config: &ClientConfig,
) -> Result<HttpRequest, ApiError> {
    config.validate()?;
    let spec = op.spec();

    let path = render_path(op, path_args)?;
    let mut pairs = Vec::new();
    match query {
        None | Some(Json::Null) => {}
        Some(Json::Object(map)) => flatten_query(map, &mut pairs),
        Some(_) => return Err(invalid("query must be an object")),
    }
    apply_query_defaults(op, &mut pairs);
    for required in spec.required_query {
        if !pairs.iter().any(|(k, v)| k == required && !v.is_empty()) {
            return Err(invalid(format!(
                "{}: query parameter `{required}` is required",
                spec.name
            )));
        }
    }

    let body = match (spec.has_body, body) {
        (false, None | Some(Json::Null)) => None,
        (false, Some(_)) => return Err(invalid(format!("{} takes no body", spec.name))),
        (true, None | Some(Json::Null)) => Some(EMPTY),
        (true, Some(object @ Json::Object(_))) => Some(object),
        (true, Some(_)) => {
            return Err(invalid(format!(
                "{}: the body must be an object",
                spec.name
            )));
        }
    };
    if let Some(map) = body {
        for field in spec.required_body {
            if map.get(field).is_none_or(Json::is_null) {
                return Err(invalid(format!(
                    "{}: body field `{field}` is required",
                    spec.name
                )));
            }
        }
        if spec.preflight == Preflight::Message && config.preflight {
            check_message(op, map, config.smart_encoding)?;
        }
    }

    let mut url = String::with_capacity(config.base_url().len() + path.len() + 64);
    url.push_str(config.base_url());
    url.push_str(&path);
    for (i, (key, value)) in pairs.iter().enumerate() {
        url.push(if i == 0 { '?' } else { '&' });
        percent_encode_into(key, &mut url);
        url.push('=');
        percent_encode_into(value, &mut url);
    }

    let mut headers = Vec::with_capacity(4);
    if let Some(key) = config.api_key() {
        headers.push(("Authorization", cat(&["Bearer ", key.expose_secret()])));
    }
    headers.push(("Accept", "application/json".to_owned()));
    let body = body.map(Json::to_text);
    if body.is_some() {
        headers.push(("Content-Type", "application/json".to_owned()));
    }
    if let Some(ua) = &config.user_agent {
        headers.push(("User-Agent", ua.clone()));
    }

    Ok(HttpRequest {
        operation: op,
        method: spec.method,
        url,
        headers,
        body,
    })
}

fn invalid(message: impl Into<String>) -> ApiError {
    ApiError::InvalidArgument {
        message: message.into(),
    }
}

fn render_path(op: Operation, args: &[&str]) -> Result<String, ApiError> {
    let spec = op.spec();
    if args.len() != spec.path_params.len() {
        return Err(invalid(format!(
            "{} takes {} path argument(s) ({}), got {}",
            spec.name,
            spec.path_params.len(),
            join_comma(spec.path_params),
            args.len()
        )));
    }
    let mut out = String::with_capacity(spec.path.len() + 40);
    let mut rest = spec.path;
    let mut args = spec.path_params.iter().zip(args);
    // NOTE: `split_once`, not `split_at` at a found index: no char-boundary panic path (which
    // alone keeps 2 KB of std's Debug formatting in the wasm).
    while let Some((literal, tail)) = rest.split_once('{') {
        out.push_str(literal);
        rest = tail.split_once('}').map_or("", |(_, after)| after);
        let Some((name, value)) = args.next() else {
            break;
        };
        let value = value.trim();
        if value.is_empty() || value == "." || value == ".." {
            return Err(invalid(format!(
                "{}: path argument `{name}` is empty or a dot segment",
                spec.name
            )));
        }
        percent_encode_into(value, &mut out);
    }
    out.push_str(rest);
    Ok(out)
}

/// Flattens a query object into `(key, value)` pairs in deepObject form.
fn flatten_query(map: &[(String, Json)], out: &mut Vec<(String, String)>) {
    for (key, value) in map {
        flatten_value(key.clone(), value, out);
    }
}

fn flatten_value(key: String, value: &Json, out: &mut Vec<(String, String)>) {
    match value {
        Json::Null => {}
        Json::Bool(b) => out.push((key, if *b { "true" } else { "false" }.to_owned())),
        Json::Number(n) | Json::String(n) => out.push((key, n.clone())),
        Json::Array(items) => {
            for item in items {
                match item {
                    // Objects and arrays inside arrays have no standard query form: skipped.
                    Json::Object(_) | Json::Array(_) => {}
                    scalar => flatten_value(key.clone(), scalar, out),
                }
            }
        }
        Json::Object(map) => {
            for (sub, v) in map {
                flatten_value(cat(&[&key, "[", sub, "]"]), v, out);
            }
        }
    }
}

fn apply_query_defaults(op: Operation, pairs: &mut Vec<(String, String)>) {
    let has = |pairs: &[(String, String)], k: &str| pairs.iter().any(|(key, _)| key == k);
    match op {
        Operation::MessagingTollfreeVerificationRequestsList => {
            if !has(pairs, "page") {
                pairs.push(("page".into(), "1".into()));
            }
            if !has(pairs, "page_size") {
                pairs.push(("page_size".into(), TOLLFREE_DEFAULT_PAGE_SIZE.into()));
            }
        }
        Operation::DetailRecordsList if !has(pairs, "filter[record_type]") => {
            pairs.push(("filter[record_type]".into(), "messaging".into()));
        }
        _ => {}
    }
}

/// Percent-encodes everything but the RFC 3986 unreserved set (`A–Z a–z 0–9 - . _ ~`).
///
/// This is stricter than needed for query values, and it is what `telnyx-node` sends
/// for the brackets (`page%5Bnumber%5D`); `+` becomes `%2B`, never a space.
pub fn percent_encode_into(s: &str, out: &mut String) {
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
}

/// The items key and page keys for a pagination style, used by the paginator.
pub(crate) const fn page_keys(style: PaginationStyle) -> (&'static str, &'static str) {
    match style {
        PaginationStyle::PageNumber => ("page[number]", "page[size]"),
        PaginationStyle::TenDlc => ("page", "recordsPerPage"),
        PaginationStyle::TollFree => ("page", "page_size"),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn encoding() {
        let mut s = String::new();
        percent_encode_into("+1 (555) a/b?é[x]~._-", &mut s);
        assert_eq!(s, "%2B1%20%28555%29%20a%2Fb%3F%C3%A9%5Bx%5D~._-");
    }

    #[test]
    fn deep_object_query() {
        let q = Json::from(serde_json::json!({
            "page": {"number": 2, "size": 50},
            "filter": {"created_at": {"gte": "2024-01-01T00:00:00Z"}, "type": null},
            "sort": ["-created_at", "id"],
            "include_phone_numbers": false,
        }));
        let Json::Object(q) = q else { panic!() };
        let mut pairs = Vec::new();
        flatten_query(&q, &mut pairs);
        let got: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        assert!(got.contains(&"page[number]=2".to_owned()));
        assert!(got.contains(&"page[size]=50".to_owned()));
        assert!(got.contains(&"filter[created_at][gte]=2024-01-01T00:00:00Z".to_owned()));
        assert!(
            got.contains(&"sort=-created_at".to_owned()) && got.contains(&"sort=id".to_owned())
        );
        assert!(got.contains(&"include_phone_numbers=false".to_owned()));
        assert!(!got.iter().any(|p| p.starts_with("filter[type]")));
    }
}
