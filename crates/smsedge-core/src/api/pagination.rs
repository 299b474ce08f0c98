//! Walking a list endpoint page by page, with stops that always end the walk.
//!
//! A [`Paginator`] is a state machine: ask it for the next request, feed it the body
//! of the response, get the page's items back. It stops at the last page (from the
//! response's totals), on an empty page, at the caller's caps, when the server repeats
//! a page (a page number that does not advance, or items it already sent on an earlier
//! page: the Prism mock does this forever), and in any case after [`HARD_PAGE_LIMIT`]
//! pages.

use super::ApiError;
use super::config::ClientConfig;
use super::operation::{Operation, PaginationStyle};
use super::request::{HttpRequest, build_request, page_keys};
use crate::json::Json;

/// No walk goes past this many pages, whatever the server says.
pub const HARD_PAGE_LIMIT: u32 = 10_000;

/// The caller's caps on a walk.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PageLimits {
    /// Stop after yielding this many items.
    pub max_items: Option<u64>,
    /// Stop after fetching this many pages.
    pub max_pages: Option<u32>,
}

/// Why a walk ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum StopReason {
    /// The response's totals say this was the last page.
    LastPage,
    /// The page had no items.
    EmptyPage,
    /// The server answered with a page it had already sent: a page number that did not
    /// advance, or exactly the items of an earlier page (not yielded again).
    RepeatedPage,
    /// `max_items` reached.
    ItemCap,
    /// `max_pages` reached.
    PageCap,
    /// [`HARD_PAGE_LIMIT`] reached.
    HardLimit,
}

impl StopReason {
    /// The stable string code.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::LastPage => "last_page",
            Self::EmptyPage => "empty_page",
            Self::RepeatedPage => "repeated_page",
            Self::ItemCap => "item_cap",
            Self::PageCap => "page_cap",
            Self::HardLimit => "hard_limit",
        }
    }
}

/// The walk over one list operation.
#[derive(Clone, Debug, PartialEq)]
pub struct Paginator {
    op: Operation,
    style: PaginationStyle,
    /// The caller's query in flat wire form (`"filter[type]"`), without the page number.
    query: Vec<(String, Json)>,
    start_page: u64,
    next_page: u64,
    limits: PageLimits,
    pages: u32,
    items: u64,
    first_page_len: Option<u64>,
    last_server_page: Option<u64>,
    /// Fingerprints of every page yielded, to catch a server cycling through pages.
    fingerprints: Vec<u64>,
    stop: Option<StopReason>,
}

impl Paginator {
    /// Starts a walk of `op` with the caller's query (nested or flat keys; the page
    /// number, if given, is where the walk starts).
    ///
    /// # Errors
    /// [`ApiError::InvalidArgument`] when `op` is not a list operation or `query` is not
    /// an object.
    pub fn new(op: Operation, query: Option<&Json>, limits: PageLimits) -> Result<Self, ApiError> {
        let Some(style) = op.spec().pagination() else {
            return Err(ApiError::InvalidArgument {
                message: format!("{} is not a list operation", op.name()),
            });
        };
        let mut flat = Vec::new();
        match query {
            None | Some(Json::Null) => {}
            Some(Json::Object(map)) => {
                for (key, value) in map {
                    flatten_into(key.clone(), value, &mut flat);
                }
            }
            Some(_) => {
                return Err(ApiError::InvalidArgument {
                    message: "query must be an object".into(),
                });
            }
        }
        let (number_key, _) = page_keys(style);
        let start_page = Json::remove(&mut flat, number_key)
            .as_ref()
            .and_then(Json::as_u64)
            .filter(|&p| p >= 1)
            .unwrap_or(1);
        let stop = (limits.max_items == Some(0) || limits.max_pages == Some(0)).then_some(
            if limits.max_items == Some(0) {
                StopReason::ItemCap
            } else {
                StopReason::PageCap
            },
        );
        Ok(Self {
            op,
            style,
            query: flat,
            start_page,
            next_page: start_page,
            limits,
            pages: 0,
            items: 0,
            first_page_len: None,
            last_server_page: None,
            fingerprints: Vec::new(),
            stop,
        })
    }

    /// The query of the next request (flat wire keys), or `None` when the walk is over.
    #[must_use]
    pub fn next_query(&self) -> Option<Json> {
        if self.stop.is_some() {
            return None;
        }
        let mut query = self.query.clone();
        let (number_key, _) = page_keys(self.style);
        Json::insert(
            &mut query,
            number_key.to_owned(),
            Json::from_u64(self.next_page),
        );
        Some(Json::Object(query))
    }

    /// The next request, or `None` when the walk is over.
    ///
    /// # Errors
    /// As [`build_request`].
    pub fn next_request(
        &self,
        path_args: &[&str],
        config: &ClientConfig,
    ) -> Result<Option<HttpRequest>, ApiError> {
        match self.next_query() {
            None => Ok(None),
            Some(query) => build_request(self.op, path_args, Some(&query), None, config).map(Some),
        }
    }

    /// Consumes the body of the page just fetched (a 2xx) and returns its items to yield.
    /// The body is a [`Json`] (or a `serde_json::Value`).
    ///
    /// # Errors
    /// [`ApiError::InvalidResponse`] when the body is not an object or its items field
    /// is not an array; the walk is then over.
    pub fn advance(&mut self, body: impl Into<Json>) -> Result<Vec<Json>, ApiError> {
        let body = body.into();
        if self.stop.is_some() {
            return Ok(Vec::new());
        }
        self.pages = self.pages.saturating_add(1);
        let requested = self.next_page;
        let key = self.style.items_key();
        // Only successful pages reach the paginator; their exact 2xx is not known here.
        let invalid = |what: &str| ApiError::InvalidResponse {
            status: 200,
            message: format!("{}: the list page {what}", self.op.name()),
        };
        let Json::Object(mut obj) = body else {
            self.stop = Some(StopReason::EmptyPage);
            return Err(invalid("is not a JSON object"));
        };
        let mut items = match Json::remove(&mut obj, key) {
            None | Some(Json::Null) => Vec::new(),
            Some(Json::Array(items)) => items,
            Some(_) => {
                self.stop = Some(StopReason::EmptyPage);
                return Err(invalid(&format!("has a `{key}` that is not an array")));
            }
        };

        let obj = Json::Object(obj);
        let (server_page, total_pages, total_items) = match self.style {
            PaginationStyle::PageNumber => {
                let meta = obj.get("meta");
                let field = |name: &str| meta.and_then(|m| m.get(name)).and_then(Json::as_u64);
                (
                    field("page_number"),
                    field("total_pages"),
                    field("total_results"),
                )
            }
            PaginationStyle::TenDlc => (
                obj.get("page").and_then(Json::as_u64),
                None,
                obj.get("totalRecords").and_then(Json::as_u64),
            ),
            PaginationStyle::TollFree => {
                (None, None, obj.get("total_records").and_then(Json::as_u64))
            }
        };

        if items.is_empty() {
            self.stop = Some(StopReason::EmptyPage);
            return Ok(Vec::new());
        }
        let fingerprint = fingerprint(&items);
        let repeated_number =
            matches!((self.last_server_page, server_page), (Some(prev), Some(cur)) if cur <= prev);
        if repeated_number || self.fingerprints.contains(&fingerprint) {
            self.stop = Some(StopReason::RepeatedPage);
            return Ok(Vec::new());
        }
        self.fingerprints.push(fingerprint);
        self.last_server_page = server_page.or(Some(requested));

        let len = u64::try_from(items.len()).unwrap_or(u64::MAX);
        let first_len = *self.first_page_len.get_or_insert(len);
        let before = self.items;
        self.items = self.items.saturating_add(len);
        let current = server_page.unwrap_or(requested);
        self.next_page = current.saturating_add(1);

        // Items before the first page walked, when it did not start at page 1.
        let offset = self.start_page.saturating_sub(1).saturating_mul(first_len);
        let seen = offset.saturating_add(self.items);
        let last = match (total_pages, total_items) {
            (Some(pages), _) => current >= pages,
            (None, Some(total)) => seen >= total,
            (None, None) => false,
        };

        if let Some(max) = self.limits.max_items {
            let room = max.saturating_sub(before);
            if len >= room {
                items.truncate(usize::try_from(room).unwrap_or(usize::MAX));
                self.stop = Some(StopReason::ItemCap);
            }
        }
        if self.stop.is_none() {
            self.stop = if last {
                Some(StopReason::LastPage)
            } else if self.limits.max_pages.is_some_and(|max| self.pages >= max) {
                Some(StopReason::PageCap)
            } else if self.pages >= HARD_PAGE_LIMIT {
                Some(StopReason::HardLimit)
            } else {
                None
            };
        }
        Ok(items)
    }

    /// Whether the walk is over.
    #[must_use]
    pub const fn is_done(&self) -> bool {
        self.stop.is_some()
    }

    /// Why the walk ended, once it has.
    #[must_use]
    pub const fn stop_reason(&self) -> Option<StopReason> {
        self.stop
    }

    /// Pages fetched so far.
    #[must_use]
    pub const fn pages_fetched(&self) -> u32 {
        self.pages
    }

    /// Items counted so far (before the `max_items` cut).
    #[must_use]
    pub const fn items_seen(&self) -> u64 {
        self.items
    }

    /// The page number the next request asks for.
    #[must_use]
    pub const fn next_page(&self) -> u64 {
        self.next_page
    }
}

/// Flattens a query value into flat wire keys; repeated keys become arrays.
fn flatten_into(key: String, value: &Json, out: &mut Vec<(String, Json)>) {
    match value {
        Json::Null => {}
        Json::Object(map) => {
            for (sub, v) in map {
                flatten_into(format!("{key}[{sub}]"), v, out);
            }
        }
        other => Json::insert(out, key, other.clone()),
    }
}

/// FNV-1a over the page's JSON: equal pages give equal fingerprints.
fn fingerprint(items: &[Json]) -> u64 {
    let mut text = String::new();
    for item in items {
        item.write(&mut text);
        text.push(',');
    }
    text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}
