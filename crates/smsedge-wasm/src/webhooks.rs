//! `verifyWebhook` and `WebhookVerifier`: Telnyx webhook verification for JavaScript.
//!
//! The core verifies the exact body bytes; this module only converts JS values: the body
//! (string, `Uint8Array`, any `ArrayBuffer` view or `ArrayBuffer`), the headers (a fetch
//! `Headers` or a plain object), the options and the clock (`Date.now()`, which the core
//! never reads). The verified body is decoded as `new TextDecoder().decode` does (one
//! leading BOM skipped, invalid UTF-8 as U+FFFD) and parsed by the engine's own
//! `JSON.parse`; the core's `read_envelope` then reads the envelope from the JS values.
//! Parsing with `serde_json` in wasm would cost more than the whole verifier in size.

use js_sys::{ArrayBuffer, Object, Promise, Reflect, Uint8Array};
use smsedge_core::webhook::{
    self as core, Headers, JsonView, Options, PublicKey, Verifier, WebhookError,
};
use wasm_bindgen::prelude::*;

use crate::error::Error;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** A body as it arrived: its exact bytes, or a string (sent as its UTF-8 bytes). */
export type WebhookBody = string | Uint8Array | ArrayBuffer | ArrayBufferView;

/** Request headers: a fetch `Headers` (anything with its `get`), or a plain object such as Node's `req.headers`. Names are case-insensitive. */
export type WebhookHeaders = { get(name: string): string | null } | { readonly [name: string]: string | undefined };

/** What `verifyRequest` reads: a fetch `Request` (its headers, and its body with `arrayBuffer()`). */
export interface WebhookRequest {
  readonly headers: { get(name: string): string | null };
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface WebhookOptions {
  /** How far the timestamp may be from `now`, in seconds, either way, inclusive. Default 300; `Infinity` turns the check off (replaying stored webhooks). */
  toleranceSeconds?: number;
  /** The clock, in Unix seconds. Default: `Date.now()`. For tests and replays. */
  now?: number;
}

/** The error codes `verifyWebhook` throws (besides `invalid_argument` for a wrong argument type). */
export type WebhookErrorCode =
  | "missing_signature_header"
  | "missing_timestamp_header"
  | "invalid_timestamp"
  | "timestamp_too_old"
  | "timestamp_too_new"
  | "invalid_signature_encoding"
  | "invalid_signature_length"
  | "invalid_public_key"
  | "weak_public_key"
  | "non_canonical_signature"
  | "signature_mismatch"
  | "invalid_payload";

/** The fields every event has, whichever envelope it came in. */
export interface WebhookEventBase<T extends string, P> {
  /** The event id. Telnyx retries and may deliver an event more than once: skip ids you have handled. */
  id: string;
  /** The event type, e.g. "message.finalized". */
  type: T;
  /** When it happened (ISO 8601), as sent. */
  occurredAt: string | null;
  /** Which delivery attempt this is, from 1 (`meta.attempt`; null in the flat v2 envelope). */
  attempt: number | null;
  /** The URL this delivery went to (`meta.delivered_to`; null in the flat v2 envelope). */
  deliveredTo: string | null;
  /** The payload as sent (wire field names), or null when there is none. */
  payload: P;
  /** The whole body, as `JSON.parse` returns it. */
  raw: unknown;
}

/** Values Telnyx documents, or any other string it may add. */
type Open<T extends string> = T | (string & {});

// ---- Messaging ----

export type MessageDirection = Open<"inbound" | "outbound">;
/** The delivery status of one recipient (`to[].status`). */
export type DeliveryStatus = Open<
  "queued" | "sending" | "sent" | "delivered" | "sending_failed" | "delivery_failed" | "delivery_unconfirmed" | "webhook_delivered"
>;

export interface MessageEndpoint {
  phone_number?: string;
  carrier?: string | null;
  line_type?: string | null;
  status?: DeliveryStatus;
}

export interface MessageCost {
  /** A decimal string, e.g. "0.0051". */
  amount?: string | null;
  currency?: string | null;
}

export interface MessageMedia {
  url?: string;
  content_type?: string | null;
  sha256?: string | null;
  size?: number | null;
}

/** Why a message failed (`message.finalized`). */
export interface MessageError {
  /** The Telnyx error code, e.g. "40300". */
  code?: string;
  title?: string;
  detail?: string;
  source?: { pointer?: string; parameter?: string };
}

/** The payload of `message.received`, `message.sent` and `message.finalized`. */
export interface MessagePayload {
  id?: string;
  record_type?: "message" | (string & {});
  direction?: MessageDirection;
  /** "SMS" or "MMS". */
  type?: Open<"SMS" | "MMS">;
  from?: MessageEndpoint;
  to?: MessageEndpoint[];
  cc?: MessageEndpoint[];
  text?: string | null;
  subject?: string | null;
  media?: MessageMedia[];
  encoding?: string | null;
  parts?: number;
  cost?: MessageCost | null;
  cost_breakdown?: { carrier_fee?: MessageCost | null; rate?: MessageCost | null } | null;
  errors?: MessageError[];
  tags?: string[];
  messaging_profile_id?: string | null;
  organization_id?: string | null;
  received_at?: string | null;
  sent_at?: string | null;
  completed_at?: string | null;
  valid_until?: string | null;
  webhook_url?: string | null;
  webhook_failover_url?: string | null;
  tcr_campaign_billable?: boolean;
  tcr_campaign_id?: string | null;
  tcr_campaign_registered?: string | null;
  [field: string]: unknown;
}

// ---- Porting ----

export type PortingOrderStatus = Open<
  "draft" | "in-process" | "submitted" | "exception" | "foc-date-confirmed" | "cancel-pending" | "ported" | "cancelled"
>;
export type MessagingPortStatus = Open<
  "not_applicable" | "pending" | "activating" | "exception" | "canceled" | "partial_port_complete" | "ported"
>;

export interface PortingException {
  /** e.g. "ACCOUNT_NUMBER_MISMATCH", "LOA_ILLEGIBLE". */
  code?: string;
  description?: string;
}

export interface PortingOrderStatusChangedPayload {
  id?: string;
  customer_reference?: string | null;
  status?: { value?: PortingOrderStatus; details?: PortingException[] };
  support_key?: string | null;
  updated_at?: string;
  webhook_url?: string | null;
  [field: string]: unknown;
}

export interface PortingOrderNewCommentPayload {
  porting_order_id?: string;
  comment?: { id?: string; body?: string; inserted_at?: string; user_id?: string | null; user_type?: Open<"admin" | "user"> };
  support_key?: string | null;
  [field: string]: unknown;
}

export interface PortingOrderSplitPayload {
  /** The order the number left. */
  from?: { id?: string };
  /** The order it joined. */
  to?: { id?: string };
  [field: string]: unknown;
}

export interface PortingOrderMessagingChangedPayload {
  id?: string;
  customer_reference?: string | null;
  messaging?: {
    messaging_port_status?: MessagingPortStatus;
    messaging_capable?: boolean;
    enable_messaging?: boolean;
    messaging_port_completed?: boolean;
  };
  support_key?: string | null;
  [field: string]: unknown;
}

export interface PortingOrderDeletedPayload {
  id?: string;
  customer_reference?: string | null;
  deleted_at?: string;
  [field: string]: unknown;
}

// ---- 10DLC ----

/** A 10DLC failure reason. */
export interface TenDlcReason {
  fields?: string[];
  description?: string;
}

export interface BrandUpdatePayload {
  type?: Open<"REGISTRATION" | "REVET" | "ORDER_EXTERNAL_VETTING" | "TCR_BRAND_UPDATE">;
  brandId?: string;
  brandName?: string;
  tcrBrandId?: string;
  /** The TCR event (TCR_BRAND_UPDATE), e.g. "BRAND_ADD". */
  eventType?: string;
  status?: string;
  description?: string;
  reasons?: TenDlcReason[];
  [field: string]: unknown;
}

export interface CampaignUpdatePayload {
  type?: Open<
    | "REGISTRATION"
    | "TELNYX_REVIEW"
    | "NUMBER_POOL_PROVISIONED"
    | "NUMBER_POOL_DEPROVISIONED"
    | "TCR_EVENT"
    | "MNO_REVIEW"
    | "TELNYX_EVENT"
    | "VERIFIED"
    | "CAMPAIGN_NUDGE"
  >;
  campaignId?: string;
  brandId?: string;
  tcrCampaignId?: string;
  /** The TCR event (TCR_EVENT), e.g. "CAMPAIGN_ADD". */
  eventType?: string;
  /** "failed", "ACCEPTED", "REJECTED", "DORMANT", … */
  status?: string;
  description?: string;
  reasons?: TenDlcReason[];
  createdDate?: string;
  cspId?: string;
  isTMobileRegistered?: boolean;
  nudgeIntent?: string;
  [field: string]: unknown;
}

export interface PhoneNumberUpdatePayload {
  type?: Open<"ASSIGNMENT" | "DELETION" | "STATUS_UPDATE">;
  phoneNumber?: string;
  campaignId?: string;
  tcrCampaignId?: string;
  /** "success"/"failed", or for STATUS_UPDATE the new status ("ADDED", "DELETED", "PENDING", "FAILED"). */
  status?: string;
  reasons?: TenDlcReason[];
  [field: string]: unknown;
}

export type MessageReceivedEvent = WebhookEventBase<"message.received", MessagePayload>;
export type MessageSentEvent = WebhookEventBase<"message.sent", MessagePayload>;
export type MessageFinalizedEvent = WebhookEventBase<"message.finalized", MessagePayload>;
export type PortingOrderStatusChangedEvent = WebhookEventBase<"porting_order.status_changed", PortingOrderStatusChangedPayload>;
export type PortingOrderNewCommentEvent = WebhookEventBase<"porting_order.new_comment", PortingOrderNewCommentPayload>;
export type PortingOrderSplitEvent = WebhookEventBase<"porting_order.split", PortingOrderSplitPayload>;
export type PortingOrderMessagingChangedEvent = WebhookEventBase<"porting_order.messaging_changed", PortingOrderMessagingChangedPayload>;
export type PortingOrderDeletedEvent = WebhookEventBase<"porting_order.deleted", PortingOrderDeletedPayload>;
export type BrandUpdateEvent = WebhookEventBase<"10dlc.brand.update", BrandUpdatePayload>;
export type CampaignUpdateEvent = WebhookEventBase<"10dlc.campaign.update", CampaignUpdatePayload>;
export type PhoneNumberUpdateEvent = WebhookEventBase<"10dlc.phone_number.update", PhoneNumberUpdatePayload>;

/** The events with a typed payload. */
export type KnownWebhookEvent =
  | MessageReceivedEvent
  | MessageSentEvent
  | MessageFinalizedEvent
  | PortingOrderStatusChangedEvent
  | PortingOrderNewCommentEvent
  | PortingOrderSplitEvent
  | PortingOrderMessagingChangedEvent
  | PortingOrderDeletedEvent
  | BrandUpdateEvent
  | CampaignUpdateEvent
  | PhoneNumberUpdateEvent;

export type KnownWebhookEventType = KnownWebhookEvent["type"];

/**
 * An event of a type smsedge has no model for: it is returned, never an error. Its `payload`
 * is typed `never` so that comparing `type` with a known type narrows the union exactly;
 * read an unknown payload as `(event as UntypedWebhookEvent).payload`, or use `raw`.
 */
export type UnknownWebhookEvent = WebhookEventBase<string, never>;

/** Any event, with its payload as `unknown`. */
export type UntypedWebhookEvent = WebhookEventBase<string, unknown>;

/** A verified event: `if (event.type === "porting_order.messaging_changed")` narrows `payload`. */
export type WebhookEvent = KnownWebhookEvent | UnknownWebhookEvent;
"#;

#[wasm_bindgen]
extern "C" {
    /// `WebhookOptions` in TypeScript.
    #[wasm_bindgen(typescript_type = "WebhookOptions")]
    pub type WebhookOptions;
}

// NOTE: this module is most of what the `smsedge/webhooks` wasm holds besides Ed25519 and
// SHA-512, under a 30 KB gzip budget: error messages are fixed strings (no `format!`), and
// each JS value is read with as few wasm→JS calls as possible.

/// The binding's view of a JSON value parsed by `JSON.parse`.
#[derive(Clone)]
struct Json(JsValue);

impl JsonView for Json {
    fn is_object(&self) -> bool {
        is_plain_object(&self.0)
    }

    fn member(&self, key: &str) -> Option<Self> {
        if !self.is_object() {
            return None;
        }
        let value = get(&self.0, key);
        (!value.is_undefined()).then_some(Self(value))
    }

    fn as_string(&self) -> Option<String> {
        self.0.as_string()
    }

    fn as_u64(&self) -> Option<u64> {
        self.0.as_f64().and_then(whole)
    }
}

/// `Number.MAX_SAFE_INTEGER`.
const MAX_SAFE: f64 = 9_007_199_254_740_991.0;

/// `n` as a `u64` when it is a whole number from 0 to `Number.MAX_SAFE_INTEGER`.
fn whole(n: f64) -> Option<u64> {
    ((0.0..=MAX_SAFE).contains(&n) && n.fract() == 0.0).then_some(n as u64)
}

fn is_plain_object(value: &JsValue) -> bool {
    value.is_object() && !js_sys::Array::is_array(value)
}

/// `value[key]` (undefined when absent or when the getter throws).
fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap_or_default()
}

fn invalid(message: &str) -> Error {
    Error::invalid_argument(message)
}

/// The options: the tolerance, and a fixed clock when `now` is given.
fn read_options(value: Option<WebhookOptions>) -> Result<(Options, Option<i64>), Error> {
    let mut options = Options::default();
    let mut now = None;
    let value = value.map_or(JsValue::UNDEFINED, JsValue::from);
    if value.is_undefined() || value.is_null() {
        return Ok((options, now));
    }
    if !is_plain_object(&value) {
        return Err(invalid(
            "options must be an object: { toleranceSeconds?, now? }",
        ));
    }
    for key in Object::keys(value.unchecked_ref::<Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        let field = get(&value, &key);
        if field.is_undefined() {
            continue;
        }
        let n = field.as_f64().unwrap_or(f64::NAN);
        match key.as_str() {
            "toleranceSeconds" => {
                options.tolerance_secs = match whole(n) {
                    Some(secs) => secs,
                    None if n == f64::INFINITY => u64::MAX,
                    None => {
                        return Err(invalid(
                            "options.toleranceSeconds must be a whole number of seconds, at least 0, or Infinity",
                        ));
                    }
                }
            }
            "now" if n.abs() <= MAX_SAFE => now = Some(n.floor() as i64),
            "now" => {
                return Err(invalid(
                    "options.now must be a finite number of Unix seconds",
                ));
            }
            _ => {
                return Err(invalid(
                    "options has an unknown field; the fields are toleranceSeconds and now",
                ));
            }
        }
    }
    Ok((options, now))
}

/// The current time from the JS clock, in Unix seconds.
fn clock(now: Option<i64>) -> i64 {
    now.unwrap_or_else(|| (js_sys::Date::now() / 1000.0).floor() as i64)
}

/// The body's exact bytes.
fn read_body(body: &JsValue) -> Result<Vec<u8>, Error> {
    if let Some(text) = body.as_string() {
        return Ok(text.into_bytes());
    }
    let bytes = if ArrayBuffer::is_view(body) {
        let view: &Uint8Array = body.unchecked_ref();
        Uint8Array::new_with_byte_offset_and_length(
            &view.buffer(),
            view.byte_offset(),
            view.byte_length(),
        )
    } else if body.is_instance_of::<ArrayBuffer>() {
        Uint8Array::new(body)
    } else {
        return Err(invalid(
            "body must be the raw request body: a string, Uint8Array or ArrayBuffer",
        ));
    };
    Ok(bytes.to_vec())
}

/// The values of the two signed headers, from a fetch `Headers` (anything with a `get`
/// method) or a plain object (names compared case-insensitively; a name given twice in
/// different cases gives the values joined by ", ", as fetch joins repeated headers).
fn read_headers(headers: &JsValue) -> Result<[Option<String>; 2], Error> {
    const WRONG: &str = "headers must be a fetch Headers or a plain object of strings";
    if !is_plain_object(headers) {
        return Err(invalid(WRONG));
    }
    let names = [core::SIGNATURE_HEADER, core::TIMESTAMP_HEADER];
    let mut values: [Option<String>; 2] = [None, None];
    let method = get(headers, "get");
    if let Some(method) = method.dyn_ref::<js_sys::Function>() {
        for (value, name) in values.iter_mut().zip(names) {
            let found = method
                .call1(headers, &JsValue::from_str(name))
                .map_err(|_| invalid(WRONG))?;
            if !found.is_null() {
                *value = Some(found.as_string().ok_or_else(|| invalid(WRONG))?);
            }
        }
        return Ok(values);
    }
    for key in Object::keys(headers.unchecked_ref::<Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        let Some(slot) = names
            .iter()
            .position(|name| name.eq_ignore_ascii_case(&key))
        else {
            continue;
        };
        let found = get(headers, &key);
        if found.is_undefined() {
            continue;
        }
        let found = found.as_string().ok_or_else(|| invalid(WRONG))?;
        values[slot] = Some(match values[slot].take() {
            None => found,
            Some(previous) => previous + ", " + &found,
        });
    }
    Ok(values)
}

/// The event a verified body holds, as a plain JS object.
fn event(body: &[u8]) -> Result<JsValue, Error> {
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    let raw = js_sys::JSON::parse(&String::from_utf8_lossy(body)).map_err(|_| {
        WebhookError::InvalidPayload {
            reason: "the body is not JSON",
        }
    })?;
    let envelope = core::read_envelope(&Json(raw.clone()))?;
    let text = |v: Option<String>| v.map_or(JsValue::NULL, |v| JsValue::from_str(&v));
    let out = Object::new();
    for (key, value) in [
        ("id", JsValue::from_str(&envelope.id)),
        ("type", JsValue::from_str(&envelope.event_type)),
        ("occurredAt", text(envelope.occurred_at)),
        (
            "attempt",
            envelope
                .attempt
                .map_or(JsValue::NULL, |n| JsValue::from_f64(n as f64)),
        ),
        ("deliveredTo", text(envelope.delivered_to)),
        ("payload", envelope.payload.map_or(JsValue::NULL, |p| p.0)),
        ("raw", raw),
    ] {
        let _ = Reflect::set(&out, &JsValue::from_str(key), &value);
    }
    Ok(out.into())
}

fn read_key(public_key: &JsValue) -> Result<String, Error> {
    public_key
        .as_string()
        .ok_or_else(|| invalid("publicKey must be a string: base64, base64 DER or PEM"))
}

/// Verifies already-read request parts; the last step of every entry point.
fn check(
    verifier: &Verifier,
    now: Option<i64>,
    body: &[u8],
    [signature, timestamp]: &[Option<String>; 2],
) -> Result<JsValue, Error> {
    let headers = Headers::new(signature.as_deref(), timestamp.as_deref());
    verifier.verify(body, &headers, clock(now))?;
    event(body)
}

/// Verifies a Telnyx webhook and returns its event; throws `SmsEdgeError` with the first
/// failing check's code (the README lists them, in order).
///
/// Pass the raw body exactly as it arrived, not JSON parsed and serialized again.
///
/// ```javascript
/// const event = verifyWebhook(rawBody, request.headers, process.env.TELNYX_PUBLIC_KEY);
/// if (event.type === "message.received") console.log(event.payload.text);
/// ```
#[wasm_bindgen(js_name = verifyWebhook, unchecked_return_type = "WebhookEvent")]
pub fn verify_webhook(
    #[wasm_bindgen(unchecked_param_type = "WebhookBody")] body: JsValue,
    #[wasm_bindgen(unchecked_param_type = "WebhookHeaders")] headers: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] public_key: JsValue,
    options: Option<WebhookOptions>,
) -> Result<JsValue, Error> {
    // Wrong argument types first; then the core's checks in order, the key first.
    let (options, now) = read_options(options)?;
    let key = read_key(&public_key)?;
    let body = read_body(&body)?;
    let headers = read_headers(&headers)?;
    check(
        &Verifier::new(PublicKey::parse(&key)?, options),
        now,
        &body,
        &headers,
    )
}

/// A verifier for one Telnyx public key: the key is parsed once, for many requests.
#[wasm_bindgen]
pub struct WebhookVerifier {
    verifier: Verifier,
    now: Option<i64>,
}

#[wasm_bindgen]
impl WebhookVerifier {
    /// Parses the key (base64 of its 32 bytes as the Telnyx portal shows it, base64 DER or
    /// PEM); throws `invalid_public_key` or `weak_public_key`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "string")] public_key: JsValue,
        options: Option<WebhookOptions>,
    ) -> Result<WebhookVerifier, Error> {
        let (options, now) = read_options(options)?;
        let key = read_key(&public_key)?;
        Ok(Self {
            verifier: Verifier::new(PublicKey::parse(&key)?, options),
            now,
        })
    }

    /// Verifies one webhook's raw body and headers; returns its event or throws `SmsEdgeError`.
    #[wasm_bindgen(unchecked_return_type = "WebhookEvent")]
    pub fn verify(
        &self,
        #[wasm_bindgen(unchecked_param_type = "WebhookBody")] body: JsValue,
        #[wasm_bindgen(unchecked_param_type = "WebhookHeaders")] headers: JsValue,
    ) -> Result<JsValue, Error> {
        let body = read_body(&body)?;
        let headers = read_headers(&headers)?;
        check(&self.verifier, self.now, &body, &headers)
    }

    /// Reads a fetch `Request`'s raw body (`arrayBuffer()`) and verifies it with its
    /// headers. The promise rejects with `SmsEdgeError`.
    #[wasm_bindgen(js_name = verifyRequest, unchecked_return_type = "Promise<WebhookEvent>")]
    pub fn verify_request(
        &self,
        #[wasm_bindgen(unchecked_param_type = "WebhookRequest")] request: JsValue,
    ) -> Promise {
        self.start_request(&request)
            .unwrap_or_else(|e| Promise::reject(&e.into()))
    }
}

impl WebhookVerifier {
    fn start_request(&self, request: &JsValue) -> Result<Promise, Error> {
        const WRONG: &str = "request must be a fetch Request";
        if !request.is_object() {
            return Err(invalid(WRONG));
        }
        let headers = read_headers(&get(request, "headers")).map_err(|_| invalid(WRONG))?;
        let read = get(request, "arrayBuffer");
        let read = read
            .dyn_ref::<js_sys::Function>()
            .ok_or_else(|| invalid(WRONG))?;
        let pending = read.call0(request).map_err(|_| invalid(WRONG))?;
        let then = get(&pending, "then");
        let then = then
            .dyn_ref::<js_sys::Function>()
            .ok_or_else(|| invalid(WRONG))?;
        let (verifier, now) = (self.verifier, self.now);
        let done = Closure::once_into_js(move |buffer: JsValue| -> Result<JsValue, JsValue> {
            Ok(check(&verifier, now, &read_body(&buffer)?, &headers)?)
        });
        then.call1(&pending, &done)
            .map(JsValue::unchecked_into)
            .map_err(|_| invalid(WRONG))
    }
}
