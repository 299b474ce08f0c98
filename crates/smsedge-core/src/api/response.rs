//! Reading responses: the success body as it is, and every error shape Telnyx sends.

use core::fmt;

use super::ApiError;
use super::config::ClientConfig;
use super::headers::{Headers, RateLimit, rate_limit, request_id, retry_after_ms};
use super::operation::Operation;
use crate::json::Json;
use crate::strings::cat;

/// A successful response: the body exactly as Telnyx sent it (`{ data, meta }`, a bare
/// object, a 10DLC or toll-free page, or `null` for an empty body).
#[derive(Clone, Debug, PartialEq)]
pub struct ApiResponse {
    /// The HTTP status (any 2xx).
    pub status: u16,
    /// The parsed JSON body; unknown fields are all kept. `Json::Null` when empty.
    pub body: Json,
    /// The request id header, if any.
    pub request_id: Option<String>,
    /// The `x-ratelimit-*` headers, if any.
    pub rate_limit: Option<RateLimit>,
    /// How many attempts it took (1 when the first one succeeded).
    pub attempts: u32,
}

/// Where an error points in the request.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ErrorSource {
    /// An RFC 6901 JSON pointer into the body, e.g. `/to`.
    pub pointer: Option<String>,
    /// The query parameter at fault, e.g. `page[size]`.
    pub parameter: Option<String>,
}

/// One error of a Telnyx error response, normalised from whichever shape it came in.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ErrorObject {
    /// The Telnyx error code, as a string (`"40300"`), also when sent as a number.
    pub code: Option<String>,
    /// The short title, e.g. `"Forbidden"`.
    pub title: Option<String>,
    /// The human explanation.
    pub detail: Option<String>,
    /// What the error points at.
    pub source: Option<ErrorSource>,
    /// Anything else: the error's `meta`, or for FastAPI errors `{ loc, type }`.
    pub meta: Option<Json>,
}

/// The error for a non-2xx response (JavaScript: `TelnyxApiError`).
#[derive(Clone, Debug, PartialEq)]
pub struct TelnyxApiError {
    /// The HTTP status.
    pub status: u16,
    /// The first Telnyx error code in the body, as a string, if any.
    pub code: Option<String>,
    /// Every error of the body, in order (empty for an empty, HTML or unknown body).
    pub errors: Vec<ErrorObject>,
    /// The request id header, if any.
    pub request_id: Option<String>,
    /// The delay the server asked for (`Retry-After`), in milliseconds.
    pub retry_after_ms: Option<u64>,
    /// The `x-ratelimit-*` headers, if any.
    pub rate_limit: Option<RateLimit>,
    /// The body as received (lossy UTF-8), for anything the parser did not model.
    pub raw_body: String,
    /// How many attempts were made.
    pub attempts: u32,
}

impl TelnyxApiError {
    /// Parses an error response. Never fails and never panics, whatever the bytes.
    ///
    /// Shapes understood: `{ errors: [{ code, title, detail, source, meta }] }` (codes as
    /// strings or numbers); toll-free `{ errors: [{ field, message }] }`; FastAPI
    /// `{ detail: [{ loc, msg, type }] }` (10DLC); `{ detail: "…" }`; `{ message: "…" }`;
    /// a single top-level `{ code, title, detail }`; `{ error: "…" }`. An empty, HTML or
    /// other body gives no errors and keeps the raw text.
    #[must_use]
    pub fn parse(status: u16, headers: &Headers, body: &[u8], now_unix_ms: Option<u64>) -> Self {
        Self::from_body(status, headers, ResponseBody::parse(body), now_unix_ms)
    }

    /// As [`TelnyxApiError::parse`], from a body already read (and perhaps parsed by the
    /// caller: a JavaScript binding lets `JSON.parse` do it).
    #[must_use]
    pub fn from_body(
        status: u16,
        headers: &Headers,
        body: ResponseBody,
        now_unix_ms: Option<u64>,
    ) -> Self {
        let errors = body
            .json
            .as_ref()
            .map(errors_from_value)
            .unwrap_or_default();
        let code = errors.iter().find_map(|e| e.code.clone());
        Self {
            status,
            code,
            errors,
            request_id: request_id(headers),
            retry_after_ms: retry_after_ms(headers, now_unix_ms),
            rate_limit: rate_limit(headers, now_unix_ms),
            raw_body: body.text,
            attempts: 1,
        }
    }

    /// A one-line summary: status, then the first error's code, title and detail.
    #[must_use]
    pub fn message(&self) -> String {
        let mut out = String::from("Telnyx API error ");
        out.push_str(&self.status.to_string());
        if let Some(reason) = reason_phrase(self.status) {
            out.push(' ');
            out.push_str(reason);
        }
        match self.errors.first() {
            Some(first) => {
                // The non-empty parts, after ": " and then spaces.
                let mut separator = ": ";
                for part in [&first.code, &first.title, &first.detail]
                    .into_iter()
                    .flatten()
                {
                    if !part.is_empty() {
                        out.push_str(separator);
                        out.push_str(part);
                        separator = " ";
                    }
                }
                if self.errors.len() > 1 {
                    out.push_str(" (and ");
                    out.push_str(&(self.errors.len() - 1).to_string());
                    out.push_str(" more)");
                }
            }
            None if self.raw_body.trim().is_empty() => out.push_str(" (empty body)"),
            None => out.push_str(" (body not understood; see rawBody)"),
        }
        out
    }

    /// Replaces the API key wherever it appears in the body or the errors.
    fn scrubbed(mut self, config: &ClientConfig) -> Self {
        let scrub = |s: &mut String| {
            let clean = config.scrub(s);
            *s = clean;
        };
        scrub(&mut self.raw_body);
        for e in &mut self.errors {
            for s in [&mut e.code, &mut e.title, &mut e.detail]
                .into_iter()
                .flatten()
            {
                scrub(s);
            }
            if let Some(src) = &mut e.source {
                for s in [&mut src.pointer, &mut src.parameter].into_iter().flatten() {
                    scrub(s);
                }
            }
            if let Some(meta) = &mut e.meta {
                scrub_json(meta, config);
            }
        }
        if let Some(id) = &mut self.request_id {
            scrub(id);
        }
        self.code = self.errors.iter().find_map(|e| e.code.clone());
        self
    }
}

impl fmt::Display for TelnyxApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

/// Scrubs the API key from every key and string of a JSON value.
fn scrub_json(value: &mut Json, config: &ClientConfig) {
    match value {
        Json::String(s) => *s = config.scrub(s),
        Json::Array(items) => items.iter_mut().for_each(|v| scrub_json(v, config)),
        Json::Object(members) => {
            let old = core::mem::take(members);
            for (key, mut v) in old {
                scrub_json(&mut v, config);
                Json::insert(members, config.scrub(&key), v);
            }
        }
        Json::Null | Json::Bool(_) | Json::Number(_) => {}
    }
}

/// The standard reason phrases of common statuses (a table: smaller in the wasm than a
/// `match`).
const REASONS: [(u16, &str); 17] = [
    (400, "Bad Request"),
    (401, "Unauthorized"),
    (402, "Payment Required"),
    (403, "Forbidden"),
    (404, "Not Found"),
    (405, "Method Not Allowed"),
    (408, "Request Timeout"),
    (409, "Conflict"),
    (410, "Gone"),
    (413, "Content Too Large"),
    (415, "Unsupported Media Type"),
    (422, "Unprocessable Entity"),
    (429, "Too Many Requests"),
    (500, "Internal Server Error"),
    (502, "Bad Gateway"),
    (503, "Service Unavailable"),
    (504, "Gateway Timeout"),
];

/// The standard reason phrase of a common status.
fn reason_phrase(status: u16) -> Option<&'static str> {
    REASONS
        .iter()
        .find(|(code, _)| *code == status)
        .map(|(_, reason)| *reason)
}

fn string_of(v: Option<&Json>) -> Option<String> {
    match v? {
        Json::String(s) | Json::Number(s) => Some(s.clone()),
        Json::Bool(b) => Some(if *b { "true" } else { "false" }.to_owned()),
        _ => None,
    }
}

/// A JSON pointer to `tokens`: `/` before each, escaped (RFC 6901: `~` → `~0`, `/` → `~1`).
fn pointer(tokens: &[String]) -> String {
    let mut out = String::new();
    for token in tokens {
        out.push('/');
        for c in token.chars() {
            match c {
                '~' => out.push_str("~0"),
                '/' => out.push_str("~1"),
                c => out.push(c),
            }
        }
    }
    out
}

fn errors_from_value(value: &Json) -> Vec<ErrorObject> {
    let Json::Object(_) = value else {
        // A bare array of errors, or a scalar: take what looks like errors.
        return match value {
            Json::Array(items) => items.iter().filter_map(error_from_item).collect(),
            Json::String(s) if !s.is_empty() => {
                vec![ErrorObject {
                    detail: Some(s.clone()),
                    ..ErrorObject::default()
                }]
            }
            _ => Vec::new(),
        };
    };
    let obj = value;
    match obj.get("errors") {
        Some(Json::Array(items)) => return items.iter().filter_map(error_from_item).collect(),
        Some(single @ Json::Object(_)) => return error_from_object(single).into_iter().collect(),
        Some(Json::String(s)) => {
            return vec![ErrorObject {
                detail: Some(s.clone()),
                ..ErrorObject::default()
            }];
        }
        _ => {}
    }
    match obj.get("detail") {
        // FastAPI validation errors (10DLC): [{ loc, msg, type }].
        Some(Json::Array(items)) => return items.iter().filter_map(error_from_item).collect(),
        Some(Json::String(detail)) if obj.get("code").is_none() && obj.get("title").is_none() => {
            return vec![ErrorObject {
                detail: Some(detail.clone()),
                ..ErrorObject::default()
            }];
        }
        _ => {}
    }
    if let Some(single) = error_from_object(obj) {
        return vec![single];
    }
    Vec::new()
}

fn error_from_item(item: &Json) -> Option<ErrorObject> {
    match item {
        Json::Object(_) => error_from_object(item),
        Json::String(s) => Some(ErrorObject {
            detail: Some(s.clone()),
            ..ErrorObject::default()
        }),
        _ => None,
    }
}

/// One error object in any of the known forms; `None` if it has none of their fields.
fn error_from_object(map: &Json) -> Option<ErrorObject> {
    let mut e = ErrorObject {
        code: string_of(map.get("code")),
        title: string_of(map.get("title")),
        detail: string_of(map.get("detail")),
        source: None,
        meta: map.get("meta").filter(|m| !m.is_null()).cloned(),
    };
    if let Some(src @ Json::Object(_)) = map.get("source") {
        e.source = Some(ErrorSource {
            pointer: string_of(src.get("pointer")),
            parameter: string_of(src.get("parameter")),
        });
    }

    // Toll-free: { field, message }.
    if let Some(field) = string_of(map.get("field")) {
        e.source
            .get_or_insert_with(ErrorSource::default)
            .pointer
            .get_or_insert_with(|| pointer(&[field]));
    }
    // FastAPI: { loc: ["body", "brandId"], msg, type }.
    if let Some(Json::Array(loc)) = map.get("loc") {
        let parts: Vec<String> = loc.iter().filter_map(|p| string_of(Some(p))).collect();
        let (place, rest) = parts
            .split_first()
            .map_or(("", &[][..]), |(p, r)| (p.as_str(), r));
        let src = e.source.get_or_insert_with(ErrorSource::default);
        match place {
            "query" | "path" | "header" => src.parameter = rest.first().cloned(),
            "body" => src.pointer = Some(pointer(rest)),
            _ => src.pointer = Some(pointer(&parts)),
        }
        let mut meta = vec![("loc".to_owned(), Json::Array(loc.clone()))];
        if let Some(t) = map.get("type") {
            meta.push(("type".to_owned(), t.clone()));
        }
        e.meta.get_or_insert(Json::Object(meta));
    }
    if e.detail.is_none() {
        e.detail = string_of(map.get("message"))
            .or_else(|| string_of(map.get("msg")))
            .or_else(|| string_of(map.get("error")));
    }
    let known = e.code.is_some() || e.title.is_some() || e.detail.is_some() || e.source.is_some();
    known.then_some(e)
}

/// A response body as received: its text (lossy UTF-8) and its JSON value, when it is JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResponseBody {
    /// The body's text.
    pub text: String,
    /// The parsed body; `None` when it is empty or not JSON.
    pub json: Option<Json>,
}

impl ResponseBody {
    /// Reads the bytes as lossy UTF-8 and parses them with [`Json::parse`].
    #[must_use]
    pub fn parse(body: &[u8]) -> Self {
        let text = String::from_utf8_lossy(body).into_owned();
        let json = Json::parse(&text);
        Self { text, json }
    }
}

/// Reads a response: `Ok` with the body for a 2xx, `Err(ApiError::Http)` otherwise.
///
/// The body of a 2xx must be JSON, or empty (`Json::Null`, e.g. 204). Everything that
/// came from the network is scrubbed of the API key before it goes into an error.
///
/// # Errors
/// [`ApiError::Http`] for a non-2xx status; [`ApiError::InvalidResponse`] for a 2xx
/// whose body is not JSON.
pub fn parse_response(
    op: Operation,
    status: u16,
    headers: &Headers,
    body: &[u8],
    attempts: u32,
    now_unix_ms: Option<u64>,
    config: &ClientConfig,
) -> Result<ApiResponse, ApiError> {
    let body = ResponseBody::parse(body);
    read_response(op, status, headers, body, attempts, now_unix_ms, config)
}

/// As [`parse_response`], from a body already read (and perhaps parsed by the caller).
///
/// # Errors
/// As [`parse_response`].
pub fn read_response(
    op: Operation,
    status: u16,
    headers: &Headers,
    body: ResponseBody,
    attempts: u32,
    now_unix_ms: Option<u64>,
    config: &ClientConfig,
) -> Result<ApiResponse, ApiError> {
    if !(200..=299).contains(&status) {
        let mut err =
            TelnyxApiError::from_body(status, headers, body, now_unix_ms).scrubbed(config);
        err.attempts = attempts;
        return Err(ApiError::Http(Box::new(err)));
    }
    let body = if body.text.trim_ascii().is_empty() || status == 204 {
        Json::Null
    } else {
        body.json.ok_or_else(|| ApiError::InvalidResponse {
            status,
            message: cat(&[
                op.name(),
                ": the ",
                &status.to_string(),
                " response body is not JSON",
            ]),
        })?
    };
    Ok(ApiResponse {
        status,
        body,
        request_id: request_id(headers).map(|id| config.scrub(&id)),
        rate_limit: rate_limit(headers, now_unix_ms),
        attempts,
    })
}
