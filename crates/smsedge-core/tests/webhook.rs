//! Typed events from the documented examples, and properties of verification.
//! (The signed vectors shared with JavaScript are in `webhook_vectors.rs`.)

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use ed25519_dalek::{Signer as _, SigningKey};
use proptest::prelude::*;
use serde_json::{Value, json};
use smsedge_core::webhook::{
    BrandEventType, CampaignEventType, DeliveryStatus, Direction, Event, Headers,
    KNOWN_EVENT_TYPES, MessagingPortStatus, Options, PhoneNumberEventType, PortingOrderStatus,
    PublicKey, TypedPayload, Verifier, WebhookError, parse_event, verify_event,
};

fn example(name: &str) -> Event {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/vectors/webhook-events")
        .join(format!("{name}.json"));
    parse_event(&std::fs::read(&path).unwrap()).unwrap()
}

fn example_names() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/webhook-events");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            e.unwrap()
                .file_name()
                .to_str()
                .unwrap()
                .strip_suffix(".json")
                .map(str::to_owned)
        })
        .collect();
    names.sort();
    names
}

#[test]
fn every_example_is_typed_by_its_event_type() {
    let names = example_names();
    assert_eq!(names.len(), 35);
    for name in &names {
        let event = example(name);
        assert!(name.starts_with(&event.event_type), "{name}");
        assert!(
            KNOWN_EVENT_TYPES.contains(&event.event_type.as_str()),
            "{name}"
        );
        assert_ne!(event.typed(), TypedPayload::Other, "{name}");
        assert!(event.payload.is_object(), "{name}");
    }
}

#[test]
fn messages() {
    let TypedPayload::MessageReceived(m) = example("message.received").typed() else {
        panic!()
    };
    assert_eq!(m.direction, Some(Direction::Inbound));
    assert_eq!(m.text.as_deref(), Some("Hello from Telnyx!"));
    assert_eq!(
        m.from.unwrap().phone_number.as_deref(),
        Some("+13125550001")
    );
    assert_eq!(
        m.to.unwrap()[0].status,
        Some(DeliveryStatus::WebhookDelivered)
    );
    assert_eq!(
        (m.completed_at, m.parts, m.errors),
        (None, Some(1), Some(vec![]))
    );

    let TypedPayload::MessageReceived(mms) = example("message.received.mms").typed() else {
        panic!()
    };
    let media = &mms.media.unwrap()[0];
    assert_eq!(
        (media.content_type.as_deref(), media.size),
        (Some("image/png"), Some(102_400))
    );

    let TypedPayload::MessageSent(sent) = example("message.sent").typed() else {
        panic!()
    };
    assert_eq!(sent.to.unwrap()[0].status, Some(DeliveryStatus::Sent));
    assert_eq!(sent.cost.unwrap().amount.as_deref(), Some("0.0051"));

    let TypedPayload::MessageFinalized(done) = example("message.finalized").typed() else {
        panic!()
    };
    assert_eq!(done.to.unwrap()[0].status, Some(DeliveryStatus::Delivered));
    assert_eq!(
        done.cost_breakdown
            .unwrap()
            .carrier_fee
            .unwrap()
            .amount
            .as_deref(),
        Some("0.00305")
    );
    assert_eq!(
        (done.tcr_campaign_billable, done.tcr_campaign_id.as_deref()),
        (Some(true), Some("CNZO3VL"))
    );
    assert_eq!(
        done.tags,
        Some(vec!["tag-a".to_owned(), "tag-b".to_owned()])
    );

    let TypedPayload::MessageFinalized(failed) =
        example("message.finalized.delivery_failed").typed()
    else {
        panic!()
    };
    assert_eq!(
        failed.to.unwrap()[0].status,
        Some(DeliveryStatus::DeliveryFailed)
    );
    let error = &failed.errors.unwrap()[0];
    assert_eq!(error.code.as_deref(), Some("40300"));
    assert_eq!(
        error.source.as_ref().unwrap().pointer.as_deref(),
        Some("/to/0/phone_number")
    );
}

#[test]
fn porting_status_changes() {
    for (variant, status) in [
        ("in-process", PortingOrderStatus::InProcess),
        ("submitted", PortingOrderStatus::Submitted),
        ("exception", PortingOrderStatus::Exception),
        ("foc-date-confirmed", PortingOrderStatus::FocDateConfirmed),
        ("ported", PortingOrderStatus::Ported),
        ("cancel-pending", PortingOrderStatus::CancelPending),
        ("cancelled", PortingOrderStatus::Cancelled),
    ] {
        let event = example(&format!("porting_order.status_changed.{variant}"));
        assert_eq!(event.attempt, Some(1));
        let TypedPayload::PortingOrderStatusChanged(p) = event.typed() else {
            panic!("{variant}")
        };
        let s = p.status.unwrap();
        assert_eq!(s.value, Some(status.clone()));
        assert_eq!(status.as_str(), variant);
        let details = s.details.unwrap();
        if variant == "exception" {
            let codes: Vec<_> = details.iter().map(|d| d.code.as_deref().unwrap()).collect();
            assert_eq!(
                codes,
                [
                    "ACCOUNT_NUMBER_MISMATCH",
                    "PORTING_ORDER_SPLIT_REQUIRED",
                    "LOA_ILLEGIBLE"
                ]
            );
            assert_eq!(
                details[2].description.as_deref(),
                Some("The LOA is illegible")
            );
        } else {
            assert!(details.is_empty());
        }
    }
}

#[test]
fn porting_comment_split_deleted() {
    let TypedPayload::PortingOrderNewComment(c) = example("porting_order.new_comment").typed()
    else {
        panic!()
    };
    let comment = c.comment.unwrap();
    assert_eq!(
        (comment.body.as_deref(), comment.user_type.as_deref()),
        (Some("Testing Webhooks 123"), Some("admin"))
    );
    assert_eq!(comment.user_id, None);
    assert_eq!(
        c.porting_order_id.as_deref(),
        Some("b3d55519-25c8-4af4-a50a-c92a9ddf7da4")
    );

    let TypedPayload::PortingOrderSplit(s) = example("porting_order.split").typed() else {
        panic!()
    };
    assert_eq!(
        s.from.unwrap().id.as_deref(),
        Some("a6efe074-0a3a-4522-8512-d0e004cf6c7d")
    );
    assert_eq!(
        s.to.unwrap().id.as_deref(),
        Some("ef245340-da3d-4212-8769-1fa7672a675f")
    );

    let event = example("porting_order.deleted");
    assert_eq!(
        (
            event.id.as_str(),
            event.attempt,
            event.delivered_to.as_deref()
        ),
        ("4da7b0e3-1a3c-4111-8335-dc436f6a0a00", None, None)
    );
    let TypedPayload::PortingOrderDeleted(d) = event.typed() else {
        panic!()
    };
    assert_eq!(d.deleted_at.as_deref(), Some("2023-01-01T00:00:00Z"));
}

#[test]
fn messaging_changed_in_both_envelopes() {
    for (name, status, attempt) in [
        (
            "porting_order.messaging_changed.ported",
            MessagingPortStatus::Ported,
            Some(1),
        ),
        (
            "porting_order.messaging_changed.exception",
            MessagingPortStatus::Exception,
            Some(1),
        ),
        (
            "porting_order.messaging_changed.v2.ported",
            MessagingPortStatus::Ported,
            None,
        ),
        (
            "porting_order.messaging_changed.v2.exception",
            MessagingPortStatus::Exception,
            None,
        ),
    ] {
        let event = example(name);
        assert_eq!(
            (event.event_type.as_str(), event.attempt),
            ("porting_order.messaging_changed", attempt),
            "{name}"
        );
        let TypedPayload::PortingOrderMessagingChanged(p) = event.typed() else {
            panic!("{name}")
        };
        let messaging = p.messaging.unwrap();
        assert_eq!(messaging.messaging_port_status, Some(status));
        assert_eq!(
            (messaging.messaging_capable, messaging.enable_messaging),
            (Some(true), Some(true))
        );
    }
}

#[test]
fn ten_dlc_events() {
    for (variant, kind) in [
        ("registration", BrandEventType::Registration),
        ("revet", BrandEventType::Revet),
        (
            "order_external_vetting",
            BrandEventType::OrderExternalVetting,
        ),
        ("tcr_brand_update", BrandEventType::TcrBrandUpdate),
    ] {
        let TypedPayload::BrandUpdate(b) =
            example(&format!("10dlc.brand.update.{variant}")).typed()
        else {
            panic!()
        };
        assert_eq!(b.kind, Some(kind));
        assert!(b.brand_id.is_some());
    }
    let TypedPayload::BrandUpdate(b) = example("10dlc.brand.update.registration").typed() else {
        panic!()
    };
    assert_eq!(b.reasons.unwrap()[0].fields, Some(vec!["ein".to_owned()]));
    let TypedPayload::BrandUpdate(b) = example("10dlc.brand.update.tcr_brand_update").typed()
    else {
        panic!()
    };
    assert_eq!(
        (b.tcr_event_type.as_deref(), b.tcr_brand_id.as_deref()),
        (Some("BRAND_ADD"), Some("BBRAND1"))
    );

    for (variant, kind) in [
        ("registration", CampaignEventType::Registration),
        ("telnyx_review", CampaignEventType::TelnyxReview),
        (
            "number_pool_provisioned",
            CampaignEventType::NumberPoolProvisioned,
        ),
        (
            "number_pool_deprovisioned",
            CampaignEventType::NumberPoolDeprovisioned,
        ),
        ("tcr_event", CampaignEventType::TcrEvent),
        ("mno_review", CampaignEventType::MnoReview),
        ("telnyx_event", CampaignEventType::TelnyxEvent),
        ("verified", CampaignEventType::Verified),
        ("campaign_nudge", CampaignEventType::CampaignNudge),
    ] {
        let event = example(&format!("10dlc.campaign.update.{variant}"));
        let TypedPayload::CampaignUpdate(c) = event.typed() else {
            panic!()
        };
        assert_eq!(c.kind, Some(kind));
        assert!(c.campaign_id.is_some());
    }
    let TypedPayload::CampaignUpdate(c) = example("10dlc.campaign.update.verified").typed() else {
        panic!()
    };
    assert_eq!(
        (c.is_t_mobile_registered, c.csp_id.as_deref()),
        (Some(true), Some("CSPID1"))
    );
    let TypedPayload::CampaignUpdate(c) = example("10dlc.campaign.update.campaign_nudge").typed()
    else {
        panic!()
    };
    assert_eq!(c.nudge_intent.as_deref(), Some("APPEAL_REJECTION"));
    let TypedPayload::CampaignUpdate(c) = example("10dlc.campaign.update.telnyx_event").typed()
    else {
        panic!()
    };
    assert_eq!(c.status.as_deref(), Some("DORMANT"));

    for (variant, kind) in [
        ("assignment", PhoneNumberEventType::Assignment),
        ("deletion", PhoneNumberEventType::Deletion),
        ("status_update", PhoneNumberEventType::StatusUpdate),
    ] {
        let TypedPayload::PhoneNumberUpdate(p) =
            example(&format!("10dlc.phone_number.update.{variant}")).typed()
        else {
            panic!()
        };
        assert_eq!(p.kind, Some(kind));
        assert_eq!(p.phone_number.as_deref(), Some("+16715455939"));
    }
}

#[test]
fn unknown_types_and_fields_are_kept() {
    let body = json!({"data": {"event_type": "call.hangup", "id": "x", "payload": {"a": 1}}});
    let event = parse_event(&serde_json::to_vec(&body).unwrap()).unwrap();
    assert_eq!(
        (event.event_type.as_str(), event.typed()),
        ("call.hangup", TypedPayload::Other)
    );
    assert_eq!(event.payload, json!({"a": 1}));

    let mut value: Value = serde_json::to_value(&example("message.sent").raw).unwrap();
    value["data"]["payload"]["brand_new_field"] = json!({"nested": true});
    value["data"]["payload"]["direction"] = json!("sideways");
    value["extra_top_level"] = json!(1);
    let event = parse_event(&serde_json::to_vec(&value).unwrap()).unwrap();
    assert_eq!(event.payload["brand_new_field"], json!({"nested": true}));
    assert_eq!(event.raw["extra_top_level"], json!(1));
    let TypedPayload::MessageSent(m) = event.typed() else {
        panic!()
    };
    assert_eq!(m.direction, Some(Direction::Other("sideways".to_owned())));
}

#[test]
fn serialized_event_is_the_js_shape() {
    let event = example("porting_order.messaging_changed.v2.exception");
    let js = serde_json::to_value(&event).unwrap();
    let keys: Vec<&str> = js.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "attempt",
            "deliveredTo",
            "id",
            "occurredAt",
            "payload",
            "raw",
            "type"
        ]
    );
    assert_eq!(js["type"], "porting_order.messaging_changed");
    assert_eq!(
        js["payload"]["messaging"]["messaging_port_status"],
        "exception"
    );
    assert_eq!(js["attempt"], Value::Null);
}

// ---- Verification properties -------------------------------------------------------

fn signed(body: &[u8], ts: &str) -> (String, String) {
    let key = SigningKey::from_bytes(&[9; 32]);
    let signature = key.sign(&[ts.as_bytes(), b"|", body].concat());
    (
        STANDARD.encode(key.verifying_key().as_bytes()),
        STANDARD.encode(signature.to_bytes()),
    )
}

#[test]
fn duplicated_headers_in_pairs_are_refused() {
    let body = br#"{"data":{"event_type":"a","id":"b"}}"#;
    let (key, sig) = signed(body, "100");
    let pairs = [
        ("Telnyx-Signature-Ed25519", sig.as_str()),
        ("telnyx-timestamp", "100"),
        ("telnyx-signature-ed25519", sig.as_str()),
    ];
    let result = verify_event(
        body,
        &Headers::from_pairs(&pairs),
        &key,
        100,
        &Options::default(),
    );
    assert_eq!(result.unwrap_err(), WebhookError::InvalidSignatureEncoding);
    let pairs = [
        ("telnyx-signature-ed25519", sig.as_str()),
        ("Telnyx-Timestamp", "100"),
    ];
    assert!(
        verify_event(
            body,
            &Headers::from_pairs(&pairs),
            &key,
            100,
            &Options::default()
        )
        .is_ok()
    );
}

#[test]
fn errors_never_echo_their_inputs() {
    let body =
        br#"{"data":{"event_type":"secret-type","id":"secret-id","payload":{"text":"secret"}}}"#;
    let (key, sig) = signed(body, "100");
    let cases: Vec<Result<Event, WebhookError>> = vec![
        verify_event(
            body,
            &Headers::new(Some(&sig), Some("1e9")),
            &key,
            100,
            &Options::default(),
        ),
        verify_event(
            b"{\"x\": \"secret\"}",
            &Headers::new(Some(&sig), Some("100")),
            &key,
            100,
            &Options::default(),
        ),
        verify_event(
            body,
            &Headers::new(Some(&sig[1..]), Some("100")),
            &key,
            100,
            &Options::default(),
        ),
        verify_event(
            body,
            &Headers::new(Some(&sig), Some("100")),
            &key[1..],
            100,
            &Options::default(),
        ),
    ];
    for result in cases {
        let message = result.unwrap_err().to_string();
        for secret in ["secret", &sig[..10], &key[..10], "1e9"] {
            assert!(!message.contains(secret), "{message}");
        }
    }
}

#[test]
fn codes_are_distinct_snake_case() {
    let errors = [
        WebhookError::MissingSignatureHeader,
        WebhookError::MissingTimestampHeader,
        WebhookError::InvalidTimestamp,
        WebhookError::TimestampTooOld {
            age_secs: 1,
            tolerance_secs: 0,
        },
        WebhookError::TimestampTooNew {
            ahead_secs: 1,
            tolerance_secs: 0,
        },
        WebhookError::InvalidSignatureEncoding,
        WebhookError::InvalidSignatureLength { len: 1 },
        WebhookError::InvalidPublicKey,
        WebhookError::WeakPublicKey,
        WebhookError::NonCanonicalSignature,
        WebhookError::SignatureMismatch,
        WebhookError::InvalidPayload { reason: "x" },
    ];
    let codes: std::collections::BTreeSet<&str> = errors.iter().map(WebhookError::code).collect();
    assert_eq!(codes.len(), errors.len());
    assert!(
        codes
            .iter()
            .all(|c| c.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'))
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_signed_bytes_verify_and_any_flip_fails(body in proptest::collection::vec(any::<u8>(), 0..512), ts in 0i64..4_000_000_000, flip in any::<prop::sample::Index>()) {
        let ts_text = ts.to_string();
        let (key, sig) = signed(&body, &ts_text);
        let verifier = Verifier::new(PublicKey::parse(&key).unwrap(), Options::default());
        let headers = Headers::new(Some(&sig), Some(&ts_text));
        prop_assert_eq!(verifier.verify(&body, &headers, ts).map(|v| v.timestamp), Ok(ts));
        if !body.is_empty() {
            let mut tampered = body.clone();
            let i = flip.index(body.len());
            tampered[i] ^= 1 << (i % 8);
            prop_assert_eq!(verifier.verify(&tampered, &headers, ts), Err(WebhookError::SignatureMismatch));
        }
    }

    #[test]
    fn arbitrary_text_never_panics(key in ".{0,80}", sig in ".{0,100}", ts in ".{0,24}", body in proptest::collection::vec(any::<u8>(), 0..64), now in any::<i64>(), tolerance in any::<u64>()) {
        let headers = Headers::new(Some(&sig), Some(&ts));
        let result = verify_event(&body, &headers, &key, now, &Options { tolerance_secs: tolerance });
        prop_assert!(result.is_err());
        let _ = PublicKey::parse(&key);
        let _ = parse_event(&body);
    }
}
