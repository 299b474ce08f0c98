//! The Telnyx API client for JavaScript: `TelnyxTransport` runs the core's requests over
//! the platform `fetch` with the core's retry policy, and its `pager()` walks list pages.
//!
//! Everything but the HTTP call is the core's ([`smsedge_core::api`]): request building
//! and pre-flight checks, error parsing, the retry decision and pagination. This module
//! adds `fetch`, the clock (`Date.now`), the randomness (`Math.random`) and the sleeps.
//! `pkg/client.js` builds the `telnyx`-style namespaces (`client.messages.send`…) from
//! [`operations`]; its types are in `pkg/client.d.ts`.
//!
//! Each call is a `TelnyxCall` ([`Exchange`]): a state machine of plain functions whose
//! `step()` gives the next promise to await (the `fetch`, the body, a backoff timer), and
//! `settle()` in `pkg/client.js` awaits them. So the wasm carries no async runtime
//! (`wasm-bindgen-futures` is unused).

mod pager;
mod transport;

use std::cell::RefCell;
use std::rc::Rc;

use smsedge_core::api::{self, ApiResponse, ClientConfig, Json, Operation};
use wasm_bindgen::prelude::*;

use crate::error::Error;
use crate::js::{Fields, get, object, type_name};

pub use pager::Pager;
pub use transport::Exchange;

/// What every call of one client shares: the configuration and the `fetch` to use.
pub(crate) struct Inner {
    config: ClientConfig,
    /// The injected `fetch`, called as given (`this` undefined); `None`: `globalThis.fetch`.
    fetch: Option<js_sys::Function>,
}

/// The options `new TelnyxClient(options)` accepts (documented in `pkg/client.d.ts`).
const OPTIONS: &[&str] = &[
    "apiKey",
    "baseUrl",
    "timeoutMs",
    "maxRetries",
    "fetch",
    "retryBaseDelayMs",
    "retryMaxDelayMs",
    "maxRetryAfterMs",
    "retryUnsafePost",
    "preflight",
    "smartEncoding",
    "userAgent",
];

/// Delays and timeouts are given to `setTimeout`, whose limit is 2³¹ − 1 ms.
const MAX_TIMER_MS: f64 = 2_147_483_647.0;

/// The whole-number options with their maximum, in the order they are read.
const WHOLE: [(&str, f64); 5] = [
    ("timeoutMs", MAX_TIMER_MS),
    ("maxRetries", api::MAX_RETRIES_LIMIT as f64),
    ("retryBaseDelayMs", MAX_TIMER_MS),
    ("retryMaxDelayMs", MAX_TIMER_MS),
    ("maxRetryAfterMs", MAX_TIMER_MS),
];

/// A whole-number option from 0 to `max`.
fn whole(fields: &Fields, key: &str, max: f64) -> Result<Option<u64>, Error> {
    match fields.number(key)? {
        None => Ok(None),
        Some(v) if v.is_finite() && v >= 0.0 && v.fract() == 0.0 && v <= max => Ok(Some(v as u64)),
        Some(_) => Err(Error::new(
            "invalid_config",
            format!(
                "options.{key} must be a whole number from 0 to {}",
                max as u64
            ),
        )),
    }
}

// The transport of one `TelnyxClient` (internal: use `TelnyxClient` from the package).
// NOTE: the `///` docs of exported items are copied into the generated glue JS, which
// ships: they stay one line, and the details are `//` comments.
/// A client's transport.
#[wasm_bindgen(js_name = TelnyxTransport, skip_typescript)]
pub struct Transport {
    inner: Rc<Inner>,
}

#[wasm_bindgen(js_class = TelnyxTransport)]
impl Transport {
    // Reads the client options; throws `invalid_config` or `invalid_argument`.
    /// A transport.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<Transport, Error> {
        let fetch = match get(&options, "fetch") {
            f if f.is_undefined() || f.is_null() => None,
            f if f.is_function() => Some(f.unchecked_into()),
            f => {
                return Err(Error::new(
                    "invalid_config",
                    format!("options.fetch must be a function, got {}", type_name(&f)),
                ));
            }
        };
        let fields = Fields::new(options, "options", OPTIONS)?;
        let mut config = ClientConfig::new(
            fields.string("apiKey")?.as_deref(),
            fields.string("baseUrl")?.as_deref(),
        )?;
        for (i, (key, max)) in WHOLE.iter().enumerate() {
            if let Some(n) = whole(&fields, key, *max)? {
                match i {
                    0 => config.timeout_ms = n,
                    // At most MAX_RETRIES_LIMIT, so it fits.
                    1 => config.retry.max_retries = n as u32,
                    2 => config.retry.base_delay_ms = n,
                    3 => config.retry.max_delay_ms = n,
                    _ => config.retry.max_retry_after_ms = n,
                }
            }
        }
        if let Some(b) = fields.bool("retryUnsafePost")? {
            config.retry.retry_unsafe_post = b;
        }
        if let Some(b) = fields.bool("preflight")? {
            config.preflight = b;
        }
        config.smart_encoding = fields.bool("smartEncoding")?;
        config.user_agent = fields.string("userAgent")?;
        config.validate()?;
        Ok(Transport {
            inner: Rc::new(Inner { config, fetch }),
        })
    }

    // Runs one operation (a `TelnyxCall`): its result is `{ body, status, attempts,
    // requestId, rateLimit }` (`body` undefined when the response had none), its error an
    // `SmsEdgeError`.
    /// One call.
    pub fn request(
        &self,
        name: &str,
        path_args: JsValue,
        query: JsValue,
        body: JsValue,
    ) -> Exchange {
        let request = Call::read(name, &path_args, &query, &body).and_then(|call| {
            let refs: Vec<&str> = call.path_args.iter().map(String::as_str).collect();
            api::build_request(
                call.op,
                &refs,
                call.query.as_ref(),
                call.body.as_ref(),
                &self.inner.config,
            )
            .map_err(Error::from)
        });
        Exchange::new(Rc::clone(&self.inner), request, Finish::Response)
    }

    // Starts a walk over every page of a list operation: a `TelnyxCall` whose `next()`
    // fetches each page.
    /// A page walk.
    pub fn pager(
        &self,
        name: &str,
        path_args: JsValue,
        query: JsValue,
        limits: JsValue,
    ) -> Result<Exchange, Error> {
        let call = Call::read(name, &path_args, &query, &JsValue::UNDEFINED)?;
        Pager::new(Rc::clone(&self.inner), call, limits).map(Exchange::pager)
    }
}

/// What to make of a call's response.
pub(crate) enum Finish {
    /// `{ body, status, attempts, requestId, rateLimit }`.
    Response,
    /// The items of a page, through the pager's state.
    Page(Rc<RefCell<pager::State>>),
}

/// Finishes a call: the response object or the page, or the error.
fn finish(
    finish: &Finish,
    sent: Result<(ApiResponse, JsValue), api::ApiError>,
) -> Result<JsValue, JsValue> {
    match finish {
        Finish::Response => {
            let (response, body) = sent.map_err(Error::from)?;
            Ok(response_object(&response, body))
        }
        Finish::Page(state) => pager::finish(state, sent),
    }
}

/// The arguments of one call, read from JavaScript.
pub(crate) struct Call {
    op: Operation,
    path_args: Vec<String>,
    query: Option<Json>,
    body: Option<Json>,
}

impl Call {
    fn read(
        name: &str,
        path_args: &JsValue,
        query: &JsValue,
        body: &JsValue,
    ) -> Result<Self, Error> {
        let op = api::operation(name)?;
        let mut args = Vec::new();
        if !path_args.is_undefined() {
            let array: &js_sys::Array = path_args
                .dyn_ref()
                .ok_or_else(|| Error::internal("path arguments must be an array"))?;
            for (i, arg) in array.iter().enumerate() {
                let param = op.spec().path_params.get(i).copied().unwrap_or("id");
                args.push(arg.as_string().ok_or_else(|| {
                    Error::invalid_argument(format!(
                        "{name}: `{param}` must be a string, got {}",
                        type_name(&arg)
                    ))
                })?);
            }
        }
        Ok(Self {
            op,
            path_args: args,
            query: json_of(query, name, "params")?,
            body: json_of(body, name, "params")?,
        })
    }
}

/// A JS value as JSON, exactly as `JSON.stringify` writes it (so `Date`s become ISO
/// strings and `undefined` fields are dropped, as in `fetch` bodies everywhere).
fn json_of(value: &JsValue, name: &str, what: &str) -> Result<Option<Json>, Error> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    to_json(value)
        .map(Some)
        .ok_or_else(|| Error::invalid_argument(format!("{name}: {what} must be a JSON object")))
}

/// A JS value as the core's [`Json`], read from its `JSON.stringify` text by the core's
/// parser (the one the compliance checker uses): numbers as JavaScript writes them,
/// `NaN`/`Infinity` as `null`, a lone surrogate (escaped by `JSON.stringify`) as U+FFFD.
/// `None` when `JSON.stringify` throws or gives nothing, or the value nests deeper than
/// 128 levels (the parser's limit).
pub(crate) fn to_json(value: &JsValue) -> Option<Json> {
    let text = js_sys::JSON::stringify(value).ok()?.as_string()?;
    Json::parse(&text)
}

/// `{ body, status, attempts, requestId, rateLimit }` for `pkg/client.js`.
fn response_object(response: &ApiResponse, parsed: JsValue) -> JsValue {
    let body = if response.body.is_null() {
        JsValue::UNDEFINED
    } else {
        parsed
    };
    object(&[
        ("body", body),
        ("status", response.status.into()),
        ("attempts", response.attempts.into()),
        (
            "requestId",
            response
                .request_id
                .as_deref()
                .map_or(JsValue::NULL, JsValue::from_str),
        ),
        (
            "rateLimit",
            crate::error::rate_limit_object(response.rate_limit.as_ref()),
        ),
    ])
}

// The catalogue for `pkg/client.js`: `[name, pathParams, kind]` per operation, where kind
// is `"list"` (pages), `"body"` (params are the JSON body), `"query"` (params are the
// query) or `"none"` (no params).
/// The operations.
#[wasm_bindgen(js_name = telnyxOperations, skip_typescript)]
pub fn operations() -> js_sys::Array {
    let out = js_sys::Array::new();
    for op in Operation::ALL {
        let spec = op.spec();
        let kind = if spec.pagination().is_some() {
            "list"
        } else if spec.has_body {
            "body"
        } else if spec.method == api::Method::Get {
            "query"
        } else {
            "none"
        };
        let count = u32::try_from(spec.path_params.len()).unwrap_or(0);
        // `push` rather than `Array.of`: one JS import fewer.
        let row = js_sys::Array::new();
        row.push(&spec.name.into());
        row.push(&count.into());
        row.push(&kind.into());
        out.push(&row);
    }
    out
}
