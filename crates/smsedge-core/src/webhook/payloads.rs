//! Typed views of the payloads of the event types this crate knows.
//!
//! Every field is optional and lenient: a field that is absent, `null` or of another
//! JSON type than documented is `None`, and never makes the payload fail. Fields keep
//! their wire names (snake_case for messaging and porting, camelCase for 10DLC) through
//! `serde` renames; fields this crate does not model stay in [`Event::payload`](super::Event::payload).
//! Enumerations keep values they do not know in an `Other` variant.

use serde::Deserialize;
use serde::de::{DeserializeOwned, Deserializer};
use serde_json::Value;

/// The event types with a typed payload, in [`TypedPayload`] order.
pub const KNOWN_EVENT_TYPES: &[&str] = &[
    "message.received",
    "message.sent",
    "message.finalized",
    "porting_order.status_changed",
    "porting_order.new_comment",
    "porting_order.split",
    "porting_order.messaging_changed",
    "porting_order.deleted",
    "10dlc.brand.update",
    "10dlc.campaign.update",
    "10dlc.phone_number.update",
];

/// An event's payload, typed by its event type.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TypedPayload {
    /// `message.received`: an inbound SMS or MMS.
    MessageReceived(Box<Message>),
    /// `message.sent`: an outbound message was handed to the carrier.
    MessageSent(Box<Message>),
    /// `message.finalized`: an outbound message reached a final state (see
    /// [`Endpoint::status`] and [`Message::errors`]).
    MessageFinalized(Box<Message>),
    /// `porting_order.status_changed`.
    PortingOrderStatusChanged(PortingOrderStatusChanged),
    /// `porting_order.new_comment`.
    PortingOrderNewComment(PortingOrderNewComment),
    /// `porting_order.split`: one number moved to another order.
    PortingOrderSplit(PortingOrderSplit),
    /// `porting_order.messaging_changed`.
    PortingOrderMessagingChanged(PortingOrderMessagingChanged),
    /// `porting_order.deleted`: a draft order was deleted.
    PortingOrderDeleted(PortingOrderDeleted),
    /// `10dlc.brand.update`.
    BrandUpdate(BrandUpdate),
    /// `10dlc.campaign.update`.
    CampaignUpdate(CampaignUpdate),
    /// `10dlc.phone_number.update`.
    PhoneNumberUpdate(PhoneNumberUpdate),
    /// An event type not in [`KNOWN_EVENT_TYPES`], or a payload that is not a JSON object:
    /// read [`Event::payload`](super::Event::payload).
    Other,
}

impl TypedPayload {
    /// The typed view of `payload` for `event_type`.
    pub(super) fn from_parts(event_type: &str, payload: &Value) -> Self {
        if !payload.is_object() {
            return Self::Other;
        }
        let typed = match event_type {
            "message.received" => model(payload).map(Self::MessageReceived),
            "message.sent" => model(payload).map(Self::MessageSent),
            "message.finalized" => model(payload).map(Self::MessageFinalized),
            "porting_order.status_changed" => model(payload).map(Self::PortingOrderStatusChanged),
            "porting_order.new_comment" => model(payload).map(Self::PortingOrderNewComment),
            "porting_order.split" => model(payload).map(Self::PortingOrderSplit),
            "porting_order.messaging_changed" => {
                model(payload).map(Self::PortingOrderMessagingChanged)
            }
            "porting_order.deleted" => model(payload).map(Self::PortingOrderDeleted),
            "10dlc.brand.update" => model(payload).map(Self::BrandUpdate),
            "10dlc.campaign.update" => model(payload).map(Self::CampaignUpdate),
            "10dlc.phone_number.update" => model(payload).map(Self::PhoneNumberUpdate),
            _ => None,
        };
        typed.unwrap_or(Self::Other)
    }
}

/// Deserializes a model; every model accepts any JSON object.
fn model<T: DeserializeOwned>(payload: &Value) -> Option<T> {
    T::deserialize(payload).ok()
}

/// A field of any JSON type: the model's type when it fits, else `None`.
fn lenient<'de, D: Deserializer<'de>, T: DeserializeOwned>(
    deserializer: D,
) -> Result<Option<T>, D::Error> {
    let value = Value::deserialize(deserializer)?;
    Ok(T::deserialize(value).ok())
}

/// A struct whose fields are all `Option` and [`lenient`].
macro_rules! model {
    ($(#[$meta:meta])* $name:ident { $($(#[$field_meta:meta])* $field:ident: $ty:ty,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
        #[non_exhaustive]
        pub struct $name {
            $(
                $(#[$field_meta])*
                #[serde(default, deserialize_with = "lenient")]
                pub $field: Option<$ty>,
            )*
        }
    };
}

/// An enumeration of wire strings, with `Other` for values not listed.
macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$variant_meta:meta])* $variant:ident = $wire:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $($(#[$variant_meta])* $variant,)*
            /// A value not listed here, as sent.
            Other(String),
        }

        impl $name {
            /// The value as sent on the wire.
            #[must_use]
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $wire,)*
                    Self::Other(other) => other,
                }
            }
        }

        impl From<&str> for $name {
            fn from(wire: &str) -> Self {
                match wire {
                    $($wire => Self::$variant,)*
                    other => Self::Other(other.to_owned()),
                }
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                String::deserialize(deserializer).map(|wire| Self::from(wire.as_str()))
            }
        }
    };
}

// ---- Messaging ---------------------------------------------------------------------

string_enum! {
    /// Which way a message went.
    Direction {
        /// Received by your number.
        Inbound = "inbound",
        /// Sent by you.
        Outbound = "outbound",
    }
}

string_enum! {
    /// The delivery status of one recipient (`to[].status`).
    DeliveryStatus {
        /// Queued at Telnyx.
        Queued = "queued",
        /// Being sent to the carrier.
        Sending = "sending",
        /// Sent to the carrier.
        Sent = "sent",
        /// The carrier confirmed delivery.
        Delivered = "delivered",
        /// Telnyx could not send it to the carrier.
        SendingFailed = "sending_failed",
        /// The carrier could not deliver it.
        DeliveryFailed = "delivery_failed",
        /// No delivery receipt came from the carrier.
        DeliveryUnconfirmed = "delivery_unconfirmed",
        /// An inbound message was delivered to your webhook.
        WebhookDelivered = "webhook_delivered",
    }
}

model! {
    /// The payload of `message.received`, `message.sent` and `message.finalized`.
    Message {
        /// The message id.
        id: String,
        /// Always `"message"`.
        record_type: String,
        /// Inbound or outbound.
        direction: Direction,
        /// `"SMS"` or `"MMS"`.
        #[serde(rename = "type")]
        message_type: String,
        /// The sender.
        from: Endpoint,
        /// The recipients, each with its delivery status.
        to: Vec<Endpoint>,
        /// Other recipients of a group MMS.
        cc: Vec<Endpoint>,
        /// The text.
        text: String,
        /// The MMS subject.
        subject: String,
        /// MMS media (links expire after 30 days).
        media: Vec<Media>,
        /// `"GSM-7"`, `"UCS-2"`, …
        encoding: String,
        /// Segments billed.
        parts: u32,
        /// The cost.
        cost: Cost,
        /// The cost split into carrier fee and rate.
        cost_breakdown: CostBreakdown,
        /// Why the message failed (`message.finalized`).
        errors: Vec<MessageError>,
        /// Your tags.
        tags: Vec<String>,
        /// The messaging profile.
        messaging_profile_id: String,
        /// The organization.
        organization_id: String,
        /// When Telnyx received it (ISO 8601).
        received_at: String,
        /// When it was sent.
        sent_at: String,
        /// When it reached its final state.
        completed_at: String,
        /// Until when Telnyx keeps trying.
        valid_until: String,
        /// The webhook URL.
        webhook_url: String,
        /// The failover webhook URL.
        webhook_failover_url: String,
        /// Whether the 10DLC campaign is billed for it.
        tcr_campaign_billable: bool,
        /// The TCR campaign id.
        tcr_campaign_id: String,
        /// The TCR registration state, e.g. `"REGISTERED"`.
        tcr_campaign_registered: String,
    }
}

model! {
    /// A sender or recipient.
    Endpoint {
        /// E.164 number, short code or alphanumeric sender ID.
        phone_number: String,
        /// The carrier.
        carrier: String,
        /// The line type, e.g. `"Wireless"` or `"long_code"`.
        line_type: String,
        /// The delivery status (recipients).
        status: DeliveryStatus,
    }
}

model! {
    /// An amount of money.
    Cost {
        /// The amount, as a decimal string.
        amount: String,
        /// The ISO 4217 currency.
        currency: String,
    }
}

model! {
    /// How a message's cost is made up.
    CostBreakdown {
        /// The carrier's fee.
        carrier_fee: Cost,
        /// Telnyx's rate.
        rate: Cost,
    }
}

model! {
    /// An MMS media item.
    Media {
        /// Where to fetch it.
        url: String,
        /// Its MIME type.
        content_type: String,
        /// Its SHA-256, hex.
        sha256: String,
        /// Its size in bytes.
        size: u64,
    }
}

model! {
    /// Why a message failed.
    MessageError {
        /// The Telnyx error code, e.g. `"40300"`.
        code: String,
        /// A short title.
        title: String,
        /// The details.
        detail: String,
        /// Which part of the message it concerns.
        source: ErrorSource,
    }
}

model! {
    /// The part of a message an error concerns.
    ErrorSource {
        /// A JSON pointer, e.g. `"/to/0/phone_number"`.
        pointer: String,
        /// A parameter name.
        parameter: String,
    }
}

// ---- Porting -----------------------------------------------------------------------

string_enum! {
    /// The status of a porting order.
    PortingOrderStatus {
        /// Not submitted yet.
        Draft = "draft",
        /// Being worked on.
        InProcess = "in-process",
        /// Submitted to the losing carrier.
        Submitted = "submitted",
        /// Blocked: see the exception details.
        Exception = "exception",
        /// The FOC date is confirmed.
        FocDateConfirmed = "foc-date-confirmed",
        /// Cancellation requested.
        CancelPending = "cancel-pending",
        /// Voice has ported.
        Ported = "ported",
        /// Cancelled.
        Cancelled = "cancelled",
    }
}

string_enum! {
    /// Where messaging stands on a porting order.
    MessagingPortStatus {
        /// Messaging activation is off.
        NotApplicable = "not_applicable",
        /// Before the FOC date.
        Pending = "pending",
        /// Voice ported; waiting for messaging.
        Activating = "activating",
        /// Some numbers did not port messaging.
        Exception = "exception",
        /// Cancelled.
        Canceled = "canceled",
        /// Some numbers ported messaging.
        PartialPortComplete = "partial_port_complete",
        /// Messaging ported.
        Ported = "ported",
    }
}

model! {
    /// The payload of `porting_order.status_changed`.
    PortingOrderStatusChanged {
        /// The porting order id.
        id: String,
        /// Your reference.
        customer_reference: String,
        /// The new status and, for `exception`, why.
        status: PortingStatus,
        /// The support key to quote to Telnyx.
        support_key: String,
        /// When the order changed.
        updated_at: String,
        /// The order's webhook URL.
        webhook_url: String,
    }
}

model! {
    /// A porting order status.
    PortingStatus {
        /// The status.
        value: PortingOrderStatus,
        /// The exceptions (when `value` is `exception`).
        details: Vec<PortingException>,
    }
}

model! {
    /// Why a porting order is in `exception`.
    PortingException {
        /// The exception code, e.g. `"ACCOUNT_NUMBER_MISMATCH"` or `"LOA_ILLEGIBLE"`.
        code: String,
        /// What it means.
        description: String,
    }
}

model! {
    /// The payload of `porting_order.new_comment`.
    PortingOrderNewComment {
        /// The porting order id.
        porting_order_id: String,
        /// The comment.
        comment: PortingComment,
        /// The support key.
        support_key: String,
    }
}

model! {
    /// A comment on a porting order.
    PortingComment {
        /// The comment id.
        id: String,
        /// Its text.
        body: String,
        /// When it was written.
        inserted_at: String,
        /// Who wrote it, when a user did.
        user_id: String,
        /// `"admin"` or `"user"`.
        user_type: String,
    }
}

model! {
    /// The payload of `porting_order.split`.
    PortingOrderSplit {
        /// The order the number left.
        from: PortingOrderRef,
        /// The order it joined.
        to: PortingOrderRef,
    }
}

model! {
    /// A reference to a porting order.
    PortingOrderRef {
        /// Its id.
        id: String,
    }
}

model! {
    /// The payload of `porting_order.messaging_changed`.
    PortingOrderMessagingChanged {
        /// The porting order id.
        id: String,
        /// Your reference.
        customer_reference: String,
        /// The messaging state.
        messaging: PortingMessaging,
        /// The support key.
        support_key: String,
    }
}

model! {
    /// The messaging part of a porting order.
    PortingMessaging {
        /// Where messaging stands.
        messaging_port_status: MessagingPortStatus,
        /// Whether Telnyx can host messaging for the numbers.
        messaging_capable: bool,
        /// Whether messaging activation is on.
        enable_messaging: bool,
        /// Whether messaging has ported.
        messaging_port_completed: bool,
    }
}

model! {
    /// The payload of `porting_order.deleted`.
    PortingOrderDeleted {
        /// The porting order id.
        id: String,
        /// Your reference.
        customer_reference: String,
        /// When it was deleted.
        deleted_at: String,
    }
}

// ---- 10DLC -------------------------------------------------------------------------

string_enum! {
    /// The kind of a `10dlc.brand.update` (its payload's `type`).
    BrandEventType {
        /// Registration failed: see `reasons`.
        Registration = "REGISTRATION",
        /// A revet finished.
        Revet = "REVET",
        /// An external vetting order: see `status`.
        OrderExternalVetting = "ORDER_EXTERNAL_VETTING",
        /// A TCR notification: see `eventType` (`BRAND_ADD`, `BRAND_REVET`, …).
        TcrBrandUpdate = "TCR_BRAND_UPDATE",
    }
}

string_enum! {
    /// The kind of a `10dlc.campaign.update` (its payload's `type`).
    CampaignEventType {
        /// Registration failed: see `reasons`.
        Registration = "REGISTRATION",
        /// Telnyx's review: `status` is `ACCEPTED` or `REJECTED`.
        TelnyxReview = "TELNYX_REVIEW",
        /// A number pool was provisioned.
        NumberPoolProvisioned = "NUMBER_POOL_PROVISIONED",
        /// A number pool was deprovisioned.
        NumberPoolDeprovisioned = "NUMBER_POOL_DEPROVISIONED",
        /// A TCR notification: see `eventType` (`CAMPAIGN_ADD`, …).
        TcrEvent = "TCR_EVENT",
        /// A carrier (MNO/DCA) review: `status` is `ACCEPTED` or `REJECTED`.
        MnoReview = "MNO_REVIEW",
        /// A Telnyx system event, e.g. `status` `DORMANT` on suspension.
        TelnyxEvent = "TELNYX_EVENT",
        /// Provisioned with the carriers (`MNO_PROVISIONED`).
        Verified = "VERIFIED",
        /// A CSP asked for a re-review (its `campaignId` is the TCR id).
        CampaignNudge = "CAMPAIGN_NUDGE",
    }
}

string_enum! {
    /// The kind of a `10dlc.phone_number.update` (its payload's `type`).
    PhoneNumberEventType {
        /// Assigning the number to a campaign: `reasons` says why it failed.
        Assignment = "ASSIGNMENT",
        /// Removing it: `reasons` says why it failed.
        Deletion = "DELETION",
        /// Its status changed: `ADDED`, `DELETED`, `PENDING` or `FAILED`.
        StatusUpdate = "STATUS_UPDATE",
    }
}

model! {
    /// The payload of `10dlc.brand.update`.
    BrandUpdate {
        /// What happened.
        #[serde(rename = "type")]
        kind: BrandEventType,
        /// The Telnyx brand id.
        #[serde(rename = "brandId")]
        brand_id: String,
        /// The brand name.
        #[serde(rename = "brandName")]
        brand_name: String,
        /// The TCR brand id.
        #[serde(rename = "tcrBrandId")]
        tcr_brand_id: String,
        /// The TCR event (for `TCR_BRAND_UPDATE`), e.g. `"BRAND_ADD"`.
        #[serde(rename = "eventType")]
        tcr_event_type: String,
        /// `"success"` or `"failed"`.
        status: String,
        /// A description.
        description: String,
        /// Why it failed.
        reasons: Vec<Reason>,
    }
}

model! {
    /// The payload of `10dlc.campaign.update`.
    CampaignUpdate {
        /// What happened.
        #[serde(rename = "type")]
        kind: CampaignEventType,
        /// The Telnyx campaign id (the TCR id for `CAMPAIGN_NUDGE`).
        #[serde(rename = "campaignId")]
        campaign_id: String,
        /// The Telnyx brand id.
        #[serde(rename = "brandId")]
        brand_id: String,
        /// The TCR campaign id.
        #[serde(rename = "tcrCampaignId")]
        tcr_campaign_id: String,
        /// The TCR event (for `TCR_EVENT`), e.g. `"CAMPAIGN_ADD"`.
        #[serde(rename = "eventType")]
        tcr_event_type: String,
        /// `"failed"`, `"ACCEPTED"`, `"REJECTED"`, `"DORMANT"`, …
        status: String,
        /// A description; it may hold the TCR campaign id.
        description: String,
        /// Why it failed.
        reasons: Vec<Reason>,
        /// When the campaign was created (`VERIFIED`).
        #[serde(rename = "createdDate")]
        created_date: String,
        /// The CSP id.
        #[serde(rename = "cspId")]
        csp_id: String,
        /// Whether T-Mobile registered it (`VERIFIED`).
        #[serde(rename = "isTMobileRegistered")]
        is_t_mobile_registered: bool,
        /// Why a CSP nudged (`CAMPAIGN_NUDGE`), e.g. `"APPEAL_REJECTION"`.
        #[serde(rename = "nudgeIntent")]
        nudge_intent: String,
    }
}

model! {
    /// The payload of `10dlc.phone_number.update`.
    PhoneNumberUpdate {
        /// What happened.
        #[serde(rename = "type")]
        kind: PhoneNumberEventType,
        /// The number, E.164.
        #[serde(rename = "phoneNumber")]
        phone_number: String,
        /// The Telnyx campaign id.
        #[serde(rename = "campaignId")]
        campaign_id: String,
        /// The TCR campaign id.
        #[serde(rename = "tcrCampaignId")]
        tcr_campaign_id: String,
        /// `"success"`/`"failed"`, or for `STATUS_UPDATE` the new status.
        status: String,
        /// Why it failed.
        reasons: Vec<Reason>,
    }
}

model! {
    /// A 10DLC failure reason.
    Reason {
        /// The fields at fault.
        fields: Vec<String>,
        /// What is wrong.
        description: String,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn wrong_types_become_none() {
        let payload = json!({"id": 5, "parts": "2", "to": [{"status": "delivered", "carrier": 1}], "cost": null});
        let TypedPayload::MessageFinalized(message) =
            TypedPayload::from_parts("message.finalized", &payload)
        else {
            panic!("not typed");
        };
        assert_eq!(
            (message.id, message.parts, message.cost),
            (None, None, None)
        );
        let to = message.to.unwrap();
        assert_eq!(to[0].status, Some(DeliveryStatus::Delivered));
        assert_eq!(to[0].carrier, None);
    }

    #[test]
    fn unknown_values_are_kept() {
        assert_eq!(
            DeliveryStatus::from("gw_timeout"),
            DeliveryStatus::Other("gw_timeout".into())
        );
        assert_eq!(DeliveryStatus::from("gw_timeout").as_str(), "gw_timeout");
        assert_eq!(
            PortingOrderStatus::from("foc-date-confirmed").as_str(),
            "foc-date-confirmed"
        );
    }

    #[test]
    fn other_for_unknown_types_and_non_objects() {
        assert_eq!(
            TypedPayload::from_parts("call.initiated", &json!({})),
            TypedPayload::Other
        );
        assert_eq!(
            TypedPayload::from_parts("message.sent", &json!(null)),
            TypedPayload::Other
        );
        assert_eq!(
            TypedPayload::from_parts("message.sent", &json!([1])),
            TypedPayload::Other
        );
        assert!(matches!(
            TypedPayload::from_parts("message.sent", &json!({})),
            TypedPayload::MessageSent(_)
        ));
    }

    #[test]
    fn every_known_type_is_typed() {
        for event_type in KNOWN_EVENT_TYPES {
            assert_ne!(
                TypedPayload::from_parts(event_type, &json!({})),
                TypedPayload::Other,
                "{event_type}"
            );
        }
    }
}
