//! The page walk: the core's [`Paginator`] driven over the transport, one page per `next()`.

use std::cell::RefCell;
use std::rc::Rc;

use smsedge_core::api::{ApiError, ApiResponse, Json, PageLimits, Paginator};
use wasm_bindgen::prelude::*;

use super::{Call, Exchange, Finish, Inner};
use crate::error::Error;
use crate::js::{Fields, object};

/// A walk over the pages of a list operation: `pkg/client.js` iterates it, as the
/// `next()` of the `TelnyxCall` that `TelnyxTransport.pager` gives (one exported class
/// fewer than a `TelnyxPager` of its own).
pub struct Pager {
    inner: Rc<Inner>,
    state: Rc<RefCell<State>>,
}

pub(crate) struct State {
    paginator: Paginator,
    path_args: Vec<String>,
    /// A page is being fetched: a second `next()` meanwhile would fetch it again.
    busy: bool,
}

impl Pager {
    pub(super) fn new(inner: Rc<Inner>, call: Call, limits: JsValue) -> Result<Self, Error> {
        let fields = Fields::new(limits, "options", &["maxItems", "maxPages"])?;
        let cap = |key: &'static str| -> Result<Option<u64>, Error> {
            match fields.number(key)? {
                None => Ok(None),
                Some(v) if v >= 0.0 && v.fract() == 0.0 => Ok(Some(v.min(u64::MAX as f64) as u64)),
                Some(_) => Err(Error::invalid_argument(format!(
                    "options.{key} must be a whole number of at least 0"
                ))),
            }
        };
        let limits = PageLimits {
            max_items: cap("maxItems")?,
            max_pages: cap("maxPages")?.map(|n| u32::try_from(n).unwrap_or(u32::MAX)),
        };
        let paginator = Paginator::new(call.op, call.query.as_ref(), limits)?;
        Ok(Self {
            inner,
            state: Rc::new(RefCell::new(State {
                paginator,
                path_args: call.path_args,
                busy: false,
            })),
        })
    }
}

impl Pager {
    /// Fetches the next page (a `TelnyxCall`): its result is `{ items, done, stopReason }`,
    /// or `null` when the walk is already over.
    pub(super) fn next(&self) -> Exchange {
        let request = {
            let mut s = self.state.borrow_mut();
            if s.busy {
                Err(Error::invalid_argument(
                    "the previous page is still being fetched: await it first",
                ))
            } else {
                let args: Vec<&str> = s.path_args.iter().map(String::as_str).collect();
                match s.paginator.next_request(&args, &self.inner.config) {
                    Ok(None) => return Exchange::over(Ok(JsValue::NULL)),
                    Ok(Some(request)) => {
                        s.busy = true;
                        Ok(request)
                    }
                    Err(e) => Err(Error::from(e)),
                }
            }
        };
        Exchange::new(
            Rc::clone(&self.inner),
            request,
            Finish::Page(Rc::clone(&self.state)),
        )
    }
}

/// Feeds the page just fetched to the paginator: `{ items, done, stopReason }`.
pub(super) fn finish(
    state: &RefCell<State>,
    sent: Result<(ApiResponse, JsValue), ApiError>,
) -> Result<JsValue, JsValue> {
    let mut s = state.borrow_mut();
    s.busy = false;
    let (response, _) = sent.map_err(Error::from)?;
    let items = s.paginator.advance(response.body).map_err(Error::from)?;
    let text = Json::Array(items).to_text();
    Ok(object(&[
        (
            "items",
            js_sys::JSON::parse(&text).unwrap_or_else(|_| js_sys::Array::new().into()),
        ),
        ("done", s.paginator.is_done().into()),
        (
            "stopReason",
            s.paginator
                .stop_reason()
                .map_or(JsValue::NULL, |r| r.code().into()),
        ),
    ]))
}
