//! The two event envelopes, normalized into one [`Event`].

use serde::Serialize;
use serde_json::Value;

use super::{TypedPayload, WebhookError};

/// A Telnyx webhook event, the same whichever envelope it came in.
///
/// Telnyx sends two envelopes:
///
/// - `{ "data": { "event_type", "id", "occurred_at", "payload", "record_type" },
///   "meta": { "attempt", "delivered_to" } }`: messaging, 10DLC and most porting events;
/// - the flat "v2" form `{ "id", "event_type", "occurred_at", "urls", "organization_id",
///   "format": "v2", "payload" }`: some `porting_order.*` events. It has no `meta`, so
///   `attempt` and `delivered_to` are `None`.
///
/// A body is an event when it is a JSON object with a `data` object (the first form) or
/// an `event_type` member (the second), and that object has string `event_type` and `id`.
/// Every other field is optional and ignored when it has the wrong JSON type. Nothing is
/// dropped: `payload` is the payload as sent, and `raw` the whole body.
///
/// Serialized (for JavaScript), it is `{ id, type, occurredAt, attempt, deliveredTo,
/// payload, raw }`, with `payload` and `raw` in their wire form.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Event {
    /// The event id (`data.id`, or `id` in the flat form). Telnyx may deliver an event
    /// more than once: record the ids you have handled and skip repeats.
    pub id: String,
    /// The event type, such as `message.finalized` or `porting_order.status_changed`.
    #[serde(rename = "type")]
    pub event_type: String,
    /// When the event happened (ISO 8601), as sent.
    pub occurred_at: Option<String>,
    /// Which delivery attempt this is, from 1 (`meta.attempt`).
    pub attempt: Option<u64>,
    /// The URL this delivery was sent to (`meta.delivered_to`).
    pub delivered_to: Option<String>,
    /// The payload as sent (`Value::Null` when absent); see [`Event::typed`].
    pub payload: Value,
    /// The whole parsed body.
    pub raw: Value,
}

impl Event {
    /// Builds the event from a parsed JSON body.
    ///
    /// # Errors
    /// [`WebhookError::InvalidPayload`] when `raw` is not an event (see [`Event`]).
    pub fn from_value(raw: Value) -> Result<Self, WebhookError> {
        let Envelope {
            id,
            event_type,
            occurred_at,
            attempt,
            delivered_to,
            payload,
        } = read_envelope(&&raw)?;
        let text = |v: &Value| v.as_str().map(str::to_owned);
        let payload = payload.cloned().unwrap_or(Value::Null);
        Ok(Self {
            id: text(id).unwrap_or_default(),
            event_type: text(event_type).unwrap_or_default(),
            occurred_at: occurred_at.and_then(text),
            attempt,
            delivered_to: delivered_to.and_then(text),
            payload,
            raw,
        })
    }

    /// The payload as a typed model, for the event types this crate knows
    /// ([`KNOWN_EVENT_TYPES`](super::KNOWN_EVENT_TYPES)); [`TypedPayload::Other`] for any
    /// other type, or when the payload is not a JSON object.
    #[must_use]
    pub fn typed(&self) -> TypedPayload {
        TypedPayload::from_parts(&self.event_type, &self.payload)
    }
}

/// Parses a verified body into an [`Event`].
///
/// The bytes are read as `JSON.parse(new TextDecoder().decode(body))` reads them: one
/// leading UTF-8 byte order mark is skipped and invalid UTF-8 becomes U+FFFD. (Only the
/// event view is lenient; the signature always covers the exact bytes.)
///
/// # Errors
/// [`WebhookError::InvalidPayload`] when the body is not JSON, or not an event.
pub fn parse_event(body: &[u8]) -> Result<Event, WebhookError> {
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    let text = String::from_utf8_lossy(body);
    let raw: Value = serde_json::from_str(&text).map_err(|_| invalid("the body is not JSON"))?;
    Event::from_value(raw)
}

/// Read access to parsed JSON, so the envelope rules of [`read_envelope`] run on any
/// JSON representation: `serde_json::Value` here, JavaScript values in the wasm binding.
pub trait JsonView: Clone {
    /// Whether this is a JSON object (not an array, not `null`).
    fn is_object(&self) -> bool;
    /// Member `key` of an object; `None` when this is not an object or has no such member.
    fn member(&self, key: &str) -> Option<Self>;
    /// Whether this is a JSON string. (The envelope's strings are handed on as they are, so a
    /// binding never copies them out and back.)
    fn is_string(&self) -> bool;
    /// The number, when this is a whole number from 0 to `u64::MAX` (in JavaScript, a
    /// safe integer of at least 0).
    fn as_u64(&self) -> Option<u64>;
}

impl JsonView for &Value {
    fn is_object(&self) -> bool {
        Value::is_object(self)
    }

    fn member(&self, key: &str) -> Option<Self> {
        self.as_object()?.get(key)
    }

    fn is_string(&self) -> bool {
        Value::is_string(self)
    }

    fn as_u64(&self) -> Option<u64> {
        Value::as_u64(self)
    }
}

/// The fields of an event envelope, read by [`read_envelope`]: the JSON values themselves,
/// each a string where the field is one.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Envelope<J> {
    /// See [`Event::id`]: a string.
    pub id: J,
    /// See [`Event::event_type`]: a string.
    pub event_type: J,
    /// See [`Event::occurred_at`]: a string, when present.
    pub occurred_at: Option<J>,
    /// See [`Event::attempt`].
    pub attempt: Option<u64>,
    /// See [`Event::delivered_to`]: a string, when present.
    pub delivered_to: Option<J>,
    /// The payload, when present.
    pub payload: Option<J>,
}

/// Reads either envelope (see [`Event`] for the rules) from parsed JSON.
///
/// # Errors
/// [`WebhookError::InvalidPayload`] when `raw` is not an event.
pub fn read_envelope<J: JsonView>(raw: &J) -> Result<Envelope<J>, WebhookError> {
    if !raw.is_object() {
        return Err(invalid("the body is not a JSON object"));
    }
    let (data, meta) = match raw.member("data") {
        Some(data) if data.is_object() => (data, raw.member("meta")),
        Some(_) => return Err(invalid("`data` is not an object")),
        None if raw.member("event_type").is_some() => (raw.clone(), None),
        None => {
            return Err(invalid(
                "there is neither a `data` object nor an `event_type`",
            ));
        }
    };
    let string = |key: &str| data.member(key).filter(JsonView::is_string);
    let event_type =
        string("event_type").ok_or(invalid("`event_type` is missing or not a string"))?;
    let id = string("id").ok_or(invalid("the event `id` is missing or not a string"))?;
    Ok(Envelope {
        id,
        event_type,
        occurred_at: string("occurred_at"),
        attempt: meta
            .as_ref()
            .and_then(|m| m.member("attempt"))
            .and_then(|v| v.as_u64()),
        delivered_to: meta
            .as_ref()
            .and_then(|m| m.member("delivered_to"))
            .filter(JsonView::is_string),
        payload: data.member("payload"),
    })
}

const fn invalid(reason: &'static str) -> WebhookError {
    WebhookError::InvalidPayload { reason }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn data_envelope() {
        let body = br#"{"data":{"event_type":"message.sent","id":"e1","occurred_at":"2024-01-15T21:32:13.596+00:00","payload":{"id":"m1"},"record_type":"event"},"meta":{"attempt":2,"delivered_to":"https://x"}}"#;
        let event = parse_event(body).unwrap();
        assert_eq!(event.id, "e1");
        assert_eq!(event.event_type, "message.sent");
        assert_eq!(
            event.occurred_at.as_deref(),
            Some("2024-01-15T21:32:13.596+00:00")
        );
        assert_eq!(event.attempt, Some(2));
        assert_eq!(event.delivered_to.as_deref(), Some("https://x"));
        assert_eq!(event.payload, json!({"id": "m1"}));
    }

    #[test]
    fn flat_envelope() {
        let body = br#"{"id":"e2","event_type":"porting_order.deleted","occurred_at":"2023-01-01T00:00:00Z","urls":["https://x"],"organization_id":"o","format":"v2","payload":{"id":"p"}}"#;
        let event = parse_event(body).unwrap();
        assert_eq!(
            (event.id.as_str(), event.event_type.as_str()),
            ("e2", "porting_order.deleted")
        );
        assert_eq!((event.attempt, event.delivered_to), (None, None));
        assert_eq!(event.payload, json!({"id": "p"}));
    }

    #[test]
    fn lenient_about_optional_fields() {
        let event = parse_event(
            br#"{"data":{"event_type":"x.y","id":"1","occurred_at":5},"meta":{"attempt":"1"}}"#,
        )
        .unwrap();
        assert_eq!(
            (event.occurred_at, event.attempt, event.payload),
            (None, None, Value::Null)
        );
        let event = parse_event(br#"{"data":{"event_type":"x.y","id":"1"},"meta":[]}"#).unwrap();
        assert_eq!(event.attempt, None);
    }

    #[test]
    fn bom_and_invalid_utf8() {
        let event = parse_event(
            b"\xEF\xBB\xBF{\"event_type\":\"a\",\"id\":\"b\",\"payload\":{\"text\":\"\xff\"}}",
        )
        .unwrap();
        assert_eq!(event.payload, json!({"text": "\u{FFFD}"}));
        assert!(
            parse_event(b"\xEF\xBB\xBF\xEF\xBB\xBF{\"event_type\":\"a\",\"id\":\"b\"}").is_err()
        );
    }

    #[test]
    fn not_events() {
        for body in [
            &b""[..],
            b"null",
            b"[]",
            b"\"data\"",
            b"{}",
            b"{\"data\":[]}",
            b"{\"data\":{\"id\":\"1\"}}",
            b"{\"data\":{\"event_type\":\"a\"}}",
            b"{\"data\":{\"event_type\":\"a\",\"id\":1}}",
            b"{\"event_type\":null,\"id\":\"1\"}",
            b"{\"event_type\":\"a\",\"id\":\"1\"} x",
        ] {
            let err = parse_event(body).unwrap_err();
            assert_eq!(
                err.code(),
                "invalid_payload",
                "{:?}",
                String::from_utf8_lossy(body)
            );
        }
    }

    #[test]
    fn serializes_to_the_js_shape() {
        let event =
            parse_event(br#"{"data":{"event_type":"a.b","id":"1","payload":{"snake_case":1}}}"#)
                .unwrap();
        let js = serde_json::to_value(&event).unwrap();
        assert_eq!(
            js,
            json!({"id": "1", "type": "a.b", "occurredAt": null, "attempt": null, "deliveredTo": null,
                   "payload": {"snake_case": 1}, "raw": {"data": {"event_type": "a.b", "id": "1", "payload": {"snake_case": 1}}}})
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let body = format!(
            "{{\"event_type\":\"a\",\"id\":\"1\",\"payload\":{}{}}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        assert_eq!(
            parse_event(body.as_bytes()).unwrap_err().code(),
            "invalid_payload"
        );
    }
}
