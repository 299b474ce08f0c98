//! One call over `fetch`: the attempt (with its timeout) and the core's retry loop, as
//! the steps of a `TelnyxCall` that `pkg/client.js` drives.
//!
//! The response is read duck-typed (`status`, `headers`, `arrayBuffer()`), so an injected
//! `fetch` may return any `Response`-like object: a test stub, a Worker service binding's
//! answer, a polyfill's.

use std::rc::Rc;

use js_sys::{Array, Function, Object, Promise, Reflect};
use smsedge_core::api::{
    ApiError, ApiResponse, Headers, HttpRequest, MAX_RETRIES_LIMIT, Outcome, ResponseBody,
    RetryDecision, decide, read_response,
};
use wasm_bindgen::prelude::*;

use super::{Finish, Inner, MAX_TIMER_MS, Pager};
use crate::error::Error;
use crate::js::{get, set};

#[wasm_bindgen]
extern "C" {
    /// `AbortController`, in every runtime the package supports.
    type AbortController;
    #[wasm_bindgen(constructor, catch)]
    fn new() -> Result<AbortController, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn signal(this: &AbortController) -> JsValue;
    #[wasm_bindgen(method)]
    fn abort(this: &AbortController);

    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &Function, ms: f64, arg: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: &JsValue);

    /// `globalThis` (every runtime the package supports has it: one import where
    /// `js_sys::global()` probes four).
    #[wasm_bindgen(thread_local_v2, js_name = globalThis)]
    static GLOBAL_THIS: JsValue;

    /// `Array.from(value)`: the items of an iterable.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = from)]
    fn array_from(value: &JsValue) -> Result<Array, JsValue>;
}

/// Connection errors (Node's `cause.code`) that happen before a byte of the request is
/// written: Telnyx cannot have seen the request, so even a `POST` may be sent again.
const BEFORE_SEND_CODES: &[&str] = &[
    "ECONNREFUSED",
    "ENOTFOUND",
    "EAI_AGAIN",
    "EHOSTUNREACH",
    "ENETUNREACH",
    "EADDRNOTAVAIL",
    "UND_ERR_CONNECT_TIMEOUT",
];

/// What one attempt gave.
enum Attempt {
    Response {
        status: u16,
        headers: Headers,
        body: Vec<u8>,
    },
    /// Provably nothing was sent (the `fetch` call threw, or the connection was refused).
    BeforeSend(String),
    /// No response, and the request may have been sent (a rejected `fetch` is ambiguous).
    AfterSend(String),
    /// The per-attempt timeout fired (the request is aborted).
    Timeout,
    /// Not retryable at all: no `fetch`, an unparseable URL, a non-Response answer.
    Fatal(ApiError),
}

/// What a call does next.
enum Next {
    /// Await this promise, then resume with its outcome.
    Wait(Promise),
    /// The call is over: resolve or reject with this.
    Done(Result<JsValue, JsValue>),
}

/// Where the current attempt is.
enum Stage {
    /// Nothing sent yet.
    Start,
    /// Sleeping before the next attempt.
    Backoff,
    /// Waiting for `fetch` (or the timer).
    Head {
        timer: Timer,
        controller: Option<AbortController>,
    },
    /// Waiting for the body (or the timer).
    Body {
        timer: Timer,
        controller: Option<AbortController>,
        status: u16,
        headers: Headers,
    },
}

/// What a step gave: a promise to wait for, or the outcome of the attempt.
enum Step {
    Wait(Promise),
    Over(Attempt),
}

// One call in flight (internal: `pkg/client.js` drives it). The call is a state machine
// of plain functions, and JavaScript does the waiting: `step()` gives the promise to
// await (the `fetch`, the body, a backoff timer), and at the end the call's value, or
// throws its error. So the wasm needs no async runtime of its own.
// NOTE: the `///` docs of exported items are copied into the generated glue JS, which
// ships: they stay one line, and the details are `//` comments.
/// One call in flight.
#[wasm_bindgen(js_name = TelnyxCall, skip_typescript)]
pub struct Exchange {
    run: Option<Run>,
    /// The outcome of a call that was over before it began.
    result: Option<Result<JsValue, JsValue>>,
    /// The page walk whose pages `next()` fetches (`TelnyxTransport.pager`).
    pager: Option<Pager>,
}

impl Exchange {
    /// A call that sends `request` (or fails with its error) and finishes as asked.
    pub(crate) fn new(
        inner: Rc<Inner>,
        request: Result<HttpRequest, Error>,
        finish: Finish,
    ) -> Self {
        match request {
            Ok(request) => Self {
                run: Some(Run {
                    inner,
                    request,
                    finish,
                    attempt: 1,
                    stage: Stage::Start,
                }),
                result: None,
                pager: None,
            },
            Err(e) => Self::over(Err(e.into())),
        }
    }

    /// A call already over.
    pub(crate) fn over(result: Result<JsValue, JsValue>) -> Self {
        Self {
            run: None,
            result: Some(result),
            pager: None,
        }
    }

    /// A page walk: no call of its own, `next()` gives one per page.
    pub(crate) fn pager(pager: Pager) -> Self {
        Self {
            run: None,
            result: None,
            pager: Some(pager),
        }
    }
}

#[wasm_bindgen(js_class = TelnyxCall)]
impl Exchange {
    // Goes on with how the promise of the previous step settled (`ok`, `value`; ignored
    // on the first step). Returns the next promise to await, or, when the call is over,
    // its value (never a promise); throws its error.
    /// The next step.
    pub fn step(&mut self, ok: bool, value: JsValue) -> Result<JsValue, JsValue> {
        let Some(run) = self.run.as_mut() else {
            return self.result.take().unwrap_or(Ok(JsValue::UNDEFINED));
        };
        let settled = if ok { Ok(value) } else { Err(value) };
        let step = run.step(settled);
        match run.after(step) {
            Next::Wait(promise) => Ok(promise.into()),
            Next::Done(result) => {
                self.run = None;
                result
            }
        }
    }

    // For the walk of `TelnyxTransport.pager`: fetches the next page (a `TelnyxCall`),
    // whose result is `{ items, done, stopReason }`, or `null` when the walk is over (also
    // for a call that is not a walk).
    /// The next page.
    pub fn next(&self) -> Exchange {
        match &self.pager {
            Some(pager) => pager.next(),
            None => Self::over(Ok(JsValue::NULL)),
        }
    }
}

/// A call being sent, retrying as the core's [`decide`] says, then finished as asked.
struct Run {
    inner: Rc<Inner>,
    request: HttpRequest,
    finish: Finish,
    attempt: u32,
    stage: Stage,
}

impl Run {
    fn after(&mut self, step: Step) -> Next {
        match step {
            Step::Wait(promise) => Next::Wait(promise),
            Step::Over(attempt) => self.outcome(attempt),
        }
    }

    fn step(&mut self, settled: Result<JsValue, JsValue>) -> Step {
        match core::mem::replace(&mut self.stage, Stage::Backoff) {
            Stage::Start => self.send(),
            Stage::Backoff => {
                self.attempt += 1;
                self.send()
            }
            Stage::Head { timer, controller } => {
                let response = match timer.check(settled, controller.as_ref()) {
                    Ok(response) => response,
                    Err(Some(e)) => return Step::Over(classify(&e)),
                    Err(None) => return Step::Over(Attempt::Timeout),
                };
                let status = get(&response, "status")
                    .as_f64()
                    .filter(|s| s.fract() == 0.0 && (100.0..=599.0).contains(s));
                let Some(status) = status else {
                    return Step::Over(Attempt::Fatal(ApiError::InvalidResponse {
                        status: 0,
                        message: "fetch resolved to something that is not a Response".into(),
                    }));
                };
                let status = status as u16;
                let headers = read_headers(&get(&response, "headers"));
                let read = get(&response, "arrayBuffer")
                    .dyn_into::<Function>()
                    .ok()
                    .map(|f| f.call0(&response));
                match read {
                    Some(Ok(p)) => {
                        let raced = timer.race(&p);
                        self.stage = Stage::Body {
                            timer,
                            controller,
                            status,
                            headers,
                        };
                        Step::Wait(raced)
                    }
                    Some(Err(e)) => Step::Over(Attempt::AfterSend(describe(&e))),
                    None => Step::Over(Attempt::Response {
                        status,
                        headers,
                        body: Vec::new(),
                    }),
                }
            }
            Stage::Body {
                timer,
                controller,
                status,
                headers,
            } => {
                let body = match timer.check(settled, controller.as_ref()) {
                    Ok(buffer) if buffer.is_instance_of::<js_sys::ArrayBuffer>() => {
                        js_sys::Uint8Array::new(&buffer).to_vec()
                    }
                    Ok(_) => Vec::new(),
                    // The body broke off: a response was sent, so the request surely was.
                    Err(Some(e)) => return Step::Over(Attempt::AfterSend(describe(&e))),
                    Err(None) => return Step::Over(Attempt::Timeout),
                };
                Step::Over(Attempt::Response {
                    status,
                    headers,
                    body,
                })
            }
        }
    }

    /// Starts an attempt: calls `fetch` under the per-attempt timer.
    fn send(&mut self) -> Step {
        let (inner, request) = (&self.inner, &self.request);
        let global = GLOBAL_THIS.with(JsValue::clone);
        let fetch = match &inner.fetch {
            Some(f) => f.clone(),
            None => match get(&global, "fetch") {
                f if f.is_function() => f.unchecked_into(),
                _ => {
                    return Step::Over(Attempt::Fatal(ApiError::InvalidConfig {
                        message: "this runtime has no global fetch: pass options.fetch".into(),
                    }));
                }
            },
        };
        // The injected fetch is called as given (`this` undefined); the global one on globalThis.
        let this = if inner.fetch.is_some() {
            JsValue::UNDEFINED
        } else {
            global
        };

        let init = Object::new();
        let headers = Object::new();
        for (name, value) in &request.headers {
            set(&headers, name, &value.into());
        }
        set(&init, "method", &request.method.as_str().into());
        set(&init, "headers", &headers);
        if let Some(body) = &request.body {
            set(&init, "body", &body.into());
        }
        let controller = AbortController::new().ok();
        if let Some(c) = &controller {
            set(&init, "signal", &c.signal());
        }

        let timer = Timer::start(inner.config.timeout_ms);
        match fetch.call2(&this, &request.url.as_str().into(), &init) {
            Ok(pending) => {
                let raced = timer.race(&pending);
                self.stage = Stage::Head { timer, controller };
                Step::Wait(raced)
            }
            Err(e) => Step::Over(Attempt::BeforeSend(describe(&e))),
        }
    }

    /// What to do after an attempt: wait and retry, or finish.
    fn outcome(&mut self, outcome: Attempt) -> Next {
        let (config, request, attempt) = (&self.inner.config, &self.request, self.attempt);
        let now = Some(js_sys::Date::now() as u64);
        let random = js_sys::Math::random();
        let decide = |outcome: &Outcome<'_>| {
            decide(&config.retry, request.method, attempt, outcome, random, now)
        };
        let before_send = matches!(outcome, Attempt::BeforeSend(_));
        let (decision, error) = match outcome {
            Attempt::Response {
                status,
                headers,
                body,
            } => match read(request, status, &headers, &body, attempt, now, config) {
                Ok(done) => return self.done(Ok(done)),
                Err(ApiError::Http(e)) => {
                    let decision = decide(&Outcome::Response {
                        status,
                        headers: &headers,
                        error_code: e.code.as_deref(),
                    });
                    (decision, ApiError::Http(e))
                }
                Err(other) => return self.done(Err(other)),
            },
            // One arm for both network failures: only the outcome given to `decide` differs.
            Attempt::BeforeSend(message) | Attempt::AfterSend(message) => (
                decide(if before_send {
                    &Outcome::NetworkBeforeSend
                } else {
                    &Outcome::NetworkAfterSend
                }),
                ApiError::Network {
                    message: config.scrub(&message),
                    attempts: attempt,
                },
            ),
            Attempt::Timeout => (
                decide(&Outcome::Timeout),
                ApiError::Timeout { attempts: attempt },
            ),
            Attempt::Fatal(e) => return self.done(Err(e)),
        };
        match decision {
            // The bound is the core's too; it keeps the retries finite whatever `decide` says.
            RetryDecision::Retry { delay_ms } if attempt <= MAX_RETRIES_LIMIT => {
                self.stage = Stage::Backoff;
                Next::Wait(sleep(delay_ms))
            }
            _ => self.done(Err(error)),
        }
    }

    fn done(&self, sent: Result<(ApiResponse, JsValue), ApiError>) -> Next {
        Next::Done(super::finish(&self.finish, sent))
    }
}

/// Reads one response through the core: `JSON.parse` reads the body, and the core reads
/// that value (written again by `JSON.stringify`) as `Json`. Gives the response and the parsed body (`undefined` if not JSON).
fn read(
    request: &HttpRequest,
    status: u16,
    headers: &Headers,
    body: &[u8],
    attempt: u32,
    now: Option<u64>,
    config: &smsedge_core::api::ClientConfig,
) -> Result<(ApiResponse, JsValue), ApiError> {
    let text = String::from_utf8_lossy(body).into_owned();
    let parsed = js_sys::JSON::parse(&text).ok();
    let json = parsed.as_ref().and_then(super::to_json);
    let body = ResponseBody { text, json };
    read_response(
        request.operation,
        status,
        headers,
        body,
        attempt,
        now,
        config,
    )
    .map(|r| (r, parsed.unwrap_or(JsValue::UNDEFINED)))
}

/// A promise that resolves after `ms` milliseconds.
fn sleep(ms: u64) -> Promise {
    Promise::new(&mut |resolve, _reject| {
        set_timeout(&resolve, (ms as f64).min(MAX_TIMER_MS), &JsValue::UNDEFINED);
    })
}

/// The per-attempt timer: a promise that resolves to `sentinel` when it fires. Dropping
/// the timer clears it.
struct Timer {
    id: JsValue,
    fired: Promise,
    sentinel: JsValue,
}

impl Timer {
    fn start(ms: u64) -> Self {
        let sentinel: JsValue = Object::new().into();
        let mut id = JsValue::UNDEFINED;
        let fired = Promise::new(&mut |resolve, _reject| {
            id = set_timeout(&resolve, (ms as f64).min(MAX_TIMER_MS), &sentinel);
        });
        Self {
            id,
            fired,
            sentinel,
        }
    }

    /// `promise` or the timer, whichever settles first (`Promise.race` resolves each
    /// entry with `Promise.resolve` itself).
    fn race(&self, promise: &JsValue) -> Promise {
        Promise::race(&Array::of2(promise, &self.fired))
    }

    /// What a race gave: the value, `Err(Some(error))` on a rejection, or `Err(None)` when
    /// the timer won (the request is then aborted).
    fn check(
        &self,
        settled: Result<JsValue, JsValue>,
        controller: Option<&AbortController>,
    ) -> Result<JsValue, Option<JsValue>> {
        match settled {
            Ok(v) if Object::is(&v, &self.sentinel) => {
                if let Some(c) = controller {
                    c.abort();
                }
                Err(None)
            }
            Ok(v) => Ok(v),
            Err(e) => Err(Some(e)),
        }
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        clear_timeout(&self.id);
    }
}

/// A rejected `fetch`: ambiguous unless the error says the connection never opened.
fn classify(error: &JsValue) -> Attempt {
    let code = error_code(error);
    match code.as_deref() {
        Some("ERR_INVALID_URL") => Attempt::Fatal(ApiError::InvalidConfig {
            message: "the request URL is not absolute in this runtime: use an absolute baseUrl"
                .into(),
        }),
        Some(c) if BEFORE_SEND_CODES.contains(&c) => Attempt::BeforeSend(describe(error)),
        _ => Attempt::AfterSend(describe(error)),
    }
}

/// `error.cause.code` (Node's undici), or `error.code`, or every code of an `AggregateError`
/// cause when they all agree.
fn error_code(error: &JsValue) -> Option<String> {
    let cause = get(error, "cause");
    let direct = get(&cause, "code")
        .as_string()
        .or_else(|| get(error, "code").as_string());
    if direct.is_some() {
        return direct;
    }
    let errors = get(&cause, "errors");
    let list: &Array = errors.dyn_ref()?;
    // Every code is read (as before), then they must all be the first one.
    let mut first: Option<String> = None;
    let mut agree = list.length() > 0;
    for item in list.iter() {
        let code = get(&item, "code").as_string();
        match (&first, code) {
            (_, None) => agree = false,
            (None, Some(code)) => first = Some(code),
            (Some(f), Some(code)) => agree &= *f == code,
        }
    }
    first.filter(|_| agree)
}

/// A short description of a JS error: `name: message (code)`. Never headers.
fn describe(error: &JsValue) -> String {
    let mut out = match (
        get(error, "name").as_string(),
        get(error, "message").as_string(),
    ) {
        (Some(n), Some(m)) => n + ": " + &m,
        (None, Some(m)) => m,
        _ => error.as_string().unwrap_or_else(|| "fetch failed".into()),
    };
    if let Some(code) = error_code(error) {
        out.push_str(" (");
        out.push_str(&code);
        out.push(')');
    }
    out
}

/// Response headers from a `Headers` object (iterable) or a plain object.
fn read_headers(value: &JsValue) -> Headers {
    let mut headers = Headers::new();
    let mut add = |name: JsValue, value: JsValue| {
        if let (Some(name), Some(value)) = (name.as_string(), value.as_string()) {
            headers.push(name, value);
        }
    };
    let iterable =
        Reflect::get(value, &js_sys::Symbol::iterator().into()).is_ok_and(|f| f.is_function());
    match iterable.then(|| array_from(value)) {
        Some(Ok(items)) => {
            for entry in items.iter() {
                if let Ok(entry) = entry.dyn_into::<Array>() {
                    add(entry.get(0), entry.get(1));
                }
            }
        }
        // The own enumerable members, as `Object.entries` lists them (`Object.keys` is
        // imported anyway, `Object.entries` would be one JS import more).
        _ if value.is_object() => {
            for key in Object::keys(value.unchecked_ref()).iter() {
                let member = Reflect::get(value, &key).unwrap_or_default();
                add(key, member);
            }
        }
        _ => {}
    }
    headers
}
