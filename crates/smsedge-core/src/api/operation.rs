//! The operation catalogue: one entry per API method, named as in the `telnyx` npm
//! package (v7), with its HTTP method, path template and what it requires.
//!
//! Paths are relative to the base URL (`https://api.telnyx.com/v2` by default), exactly as
//! the Telnyx OpenAPI document writes them. The integration tests check every entry
//! against that document.

/// An HTTP method.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    /// `GET`: safe, retried on 408, 429, 5xx and network errors.
    Get,
    /// `POST`: may create or send something; retried only when Telnyx surely did not act.
    Post,
    /// `PUT`: a full replacement, idempotent; retried like `PATCH`.
    Put,
    /// `PATCH`: retried like `GET` (the rule: a repeated update gives the same state).
    Patch,
    /// `DELETE`: retried like `GET`.
    Delete,
}

impl Method {
    /// The method as it goes on the wire: `"GET"`, `"POST"`…
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Put => "PUT",
            Self::Patch => "PATCH",
            Self::Delete => "DELETE",
        }
    }

    /// Whether repeating the request cannot duplicate a side effect (everything but `POST`).
    #[must_use]
    pub const fn is_idempotent(self) -> bool {
        !matches!(self, Self::Post)
    }
}

/// How a list endpoint pages, and so how [`Paginator`](super::Paginator) walks it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PaginationStyle {
    /// Telnyx v2: `page[number]` / `page[size]` query keys, `{ data: [...], meta:
    /// { page_number, page_size, total_pages, total_results } }` responses.
    PageNumber,
    /// 10DLC: `page` / `recordsPerPage` query keys, `{ page, records: [...], totalRecords }`.
    TenDlc,
    /// Toll-free verification: `page` / `page_size` query keys (both required),
    /// `{ records: [...], total_records }`.
    TollFree,
}

impl PaginationStyle {
    /// The response key that holds the page's items.
    #[must_use]
    pub const fn items_key(self) -> &'static str {
        match self {
            Self::PageNumber => "data",
            Self::TenDlc | Self::TollFree => "records",
        }
    }
}

/// What a successful response body looks like.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ResponseShape {
    /// `{ "data": {...} }`, sometimes with `meta`.
    Data,
    /// A list page (see [`PaginationStyle`]).
    List(PaginationStyle),
    /// The object itself, not wrapped in `data` (10DLC objects; `DELETE /messages/{id}`).
    Bare,
    /// No body at all: `204 No Content`, or `200` with an empty body.
    NoContent,
}

/// Which local checks run on the request body before anything is sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Preflight {
    /// None beyond the required fields.
    None,
    /// The message checks of [`check_message`](super::check_message): addresses,
    /// content, media, encoding and segments.
    Message,
}

/// Everything the core knows about one operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OperationSpec {
    /// The dotted name of the `telnyx` npm method, e.g. `"messages.send"`.
    pub name: &'static str,
    /// The HTTP method.
    pub method: Method,
    /// The path template relative to the base URL, e.g. `"/messages/{id}"`.
    pub path: &'static str,
    /// The path parameters in template order; callers pass their values in this order.
    pub path_params: &'static [&'static str],
    /// Query keys the request must carry, in their flat wire form (`"filter[record_type]"`).
    pub required_query: &'static [&'static str],
    /// Whether the operation takes a JSON body.
    pub has_body: bool,
    /// Body fields the request must carry (the spec's `required` list).
    pub required_body: &'static [&'static str],
    /// The shape of a successful response.
    pub response: ResponseShape,
    /// The local checks run before sending.
    pub preflight: Preflight,
}

impl OperationSpec {
    /// The pagination style, for list operations.
    #[must_use]
    pub const fn pagination(&self) -> Option<PaginationStyle> {
        match self.response {
            ResponseShape::List(style) => Some(style),
            _ => None,
        }
    }
}

macro_rules! operations {
    ($(
        $(#[doc = $doc:literal])+
        $variant:ident => {
            $name:literal, $method:ident $path:literal,
            path: [$($pp:literal),*],
            query: [$($rq:literal),*],
            body: $has_body:literal $rb:expr,
            response: $response:expr,
            preflight: $preflight:ident $(,)?
        }
    )+) => {
        /// An API operation: one method of the client.
        ///
        /// The JavaScript binding names them as the `telnyx` npm package does; use
        /// [`Operation::from_name`] to look one up by that name.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Operation {
            $( $(#[doc = $doc])+ $variant, )+
        }

        impl Operation {
            /// Every operation, in catalogue order.
            pub const ALL: &'static [Operation] = &[$(Operation::$variant),+];

            /// The operation's description: method, path, requirements.
            #[must_use]
            pub const fn spec(self) -> &'static OperationSpec {
                // One static table, indexed by the variant: the strings are in the wasm once.
                &SPECS[self as usize]
            }
        }

        /// Every operation's description, in catalogue (and variant) order.
        static SPECS: [OperationSpec; Operation::ALL.len()] = [$(OperationSpec {
            name: $name,
            method: Method::$method,
            path: $path,
            path_params: &[$($pp),*],
            required_query: &[$($rq),*],
            has_body: $has_body,
            required_body: $rb,
            response: $response,
            preflight: Preflight::$preflight,
        },)+];
    };
}

use PaginationStyle::{PageNumber, TenDlc, TollFree};
use ResponseShape::{Bare, Data, List, NoContent};

/// The 18 fields the spec requires to submit or update a toll-free verification request.
const TOLLFREE_REQUIRED: &[&str] = &[
    "businessName",
    "corporateWebsite",
    "businessAddr1",
    "businessCity",
    "businessState",
    "businessZip",
    "businessContactFirstName",
    "businessContactLastName",
    "businessContactEmail",
    "businessContactPhone",
    "messageVolume",
    "phoneNumbers",
    "useCase",
    "useCaseSummary",
    "productionMessageContent",
    "optInWorkflow",
    "optInWorkflowImageURLs",
    "additionalInformation",
];

operations! {
    /// `POST /messages`: send an SMS or MMS.
    MessagesSend => {
        "messages.send", Post "/messages",
        path: [], query: [], body: true &["to"], response: Data, preflight: Message,
    }
    /// `POST /messages/number_pool`: send from the profile's number pool.
    MessagesSendNumberPool => {
        "messages.sendNumberPool", Post "/messages/number_pool",
        path: [], query: [], body: true &["to", "messaging_profile_id"], response: Data,
        preflight: Message,
    }
    /// `POST /messages/schedule`: schedule a message (`send_at`).
    MessagesSchedule => {
        "messages.schedule", Post "/messages/schedule",
        path: [], query: [], body: true &["to"], response: Data, preflight: Message,
    }
    /// `GET /messages/{id}`: retrieve a message (at most 10 days old).
    MessagesRetrieve => {
        "messages.retrieve", Get "/messages/{id}",
        path: ["id"], query: [], body: false &[], response: Data, preflight: None,
    }
    /// `DELETE /messages/{id}`: cancel a scheduled message. The response is the bare message.
    MessagesCancelScheduled => {
        "messages.cancelScheduled", Delete "/messages/{id}",
        path: ["id"], query: [], body: false &[], response: Bare, preflight: None,
    }
    /// `GET /messaging_profiles`.
    MessagingProfilesList => {
        "messagingProfiles.list", Get "/messaging_profiles",
        path: [], query: [], body: false &[], response: List(PageNumber), preflight: None,
    }
    /// `POST /messaging_profiles`.
    MessagingProfilesCreate => {
        "messagingProfiles.create", Post "/messaging_profiles",
        path: [], query: [], body: true &["name", "whitelisted_destinations"], response: Data,
        preflight: None,
    }
    /// `GET /messaging_profiles/{id}`.
    MessagingProfilesRetrieve => {
        "messagingProfiles.retrieve", Get "/messaging_profiles/{id}",
        path: ["id"], query: [], body: false &[], response: Data, preflight: None,
    }
    /// `PATCH /messaging_profiles/{id}` (any subset of fields, `smart_encoding` included).
    MessagingProfilesUpdate => {
        "messagingProfiles.update", Patch "/messaging_profiles/{id}",
        path: ["id"], query: [], body: true &[], response: Data, preflight: None,
    }
    /// `DELETE /messaging_profiles/{id}`.
    MessagingProfilesDelete => {
        "messagingProfiles.delete", Delete "/messaging_profiles/{id}",
        path: ["id"], query: [], body: false &[], response: Data, preflight: None,
    }
    /// `GET /messaging_profiles/{id}/phone_numbers`.
    MessagingProfilesListPhoneNumbers => {
        "messagingProfiles.listPhoneNumbers", Get "/messaging_profiles/{id}/phone_numbers",
        path: ["id"], query: [], body: false &[], response: List(PageNumber), preflight: None,
    }
    /// `GET /phone_numbers/messaging`: numbers with their messaging settings.
    PhoneNumbersMessagingList => {
        "phoneNumbers.messaging.list", Get "/phone_numbers/messaging",
        path: [], query: [], body: false &[], response: List(PageNumber), preflight: None,
    }
    /// `GET /phone_numbers/{id}/messaging` (`id`: the number's id or the number itself).
    PhoneNumbersMessagingRetrieve => {
        "phoneNumbers.messaging.retrieve", Get "/phone_numbers/{id}/messaging",
        path: ["id"], query: [], body: false &[], response: Data, preflight: None,
    }
    /// `PATCH /phone_numbers/{id}/messaging` (`messaging_profile_id: ""` unassigns).
    PhoneNumbersMessagingUpdate => {
        "phoneNumbers.messaging.update", Patch "/phone_numbers/{id}/messaging",
        path: ["id"], query: [], body: true &[], response: Data, preflight: None,
    }
    /// `POST /messaging_numbers_bulk_updates`: assign many numbers to a profile.
    MessagingNumbersBulkUpdatesCreate => {
        "messagingNumbersBulkUpdates.create", Post "/messaging_numbers_bulk_updates",
        path: [], query: [], body: true &["messaging_profile_id", "numbers"], response: Data,
        preflight: None,
    }
    /// `GET /messaging_numbers_bulk_updates/{order_id}`: poll until `pending` is empty.
    MessagingNumbersBulkUpdatesRetrieve => {
        "messagingNumbersBulkUpdates.retrieve", Get "/messaging_numbers_bulk_updates/{order_id}",
        path: ["order_id"], query: [], body: false &[], response: Data, preflight: None,
    }
    /// `POST /portability_checks` (answers 201).
    PortabilityChecksRun => {
        "portabilityChecks.run", Post "/portability_checks",
        path: [], query: [], body: true &[], response: Data, preflight: None,
    }
    /// `GET /porting_orders`.
    PortingOrdersList => {
        "portingOrders.list", Get "/porting_orders",
        path: [], query: [], body: false &[], response: List(PageNumber), preflight: None,
    }
    /// `GET /porting_orders/{id}`.
    PortingOrdersRetrieve => {
        "portingOrders.retrieve", Get "/porting_orders/{id}",
        path: ["id"], query: [], body: false &[], response: Data, preflight: None,
    }
    /// `PATCH /porting_orders/{id}`, e.g. `{ messaging: { enable_messaging: true } }`.
    PortingOrdersUpdate => {
        "portingOrders.update", Patch "/porting_orders/{id}",
        path: ["id"], query: [], body: true &[], response: Data, preflight: None,
    }
    /// `GET /porting_phone_numbers` (with `messaging_port_status` per the seeds).
    PortingPhoneNumbersList => {
        "portingPhoneNumbers.list", Get "/porting_phone_numbers",
        path: [], query: [], body: false &[], response: List(PageNumber), preflight: None,
    }
    /// `GET /porting/events`.
    PortingEventsList => {
        "porting.events.list", Get "/porting/events",
        path: [], query: [], body: false &[], response: List(PageNumber), preflight: None,
    }
    /// `GET /porting/events/{id}`.
    PortingEventsRetrieve => {
        "porting.events.retrieve", Get "/porting/events/{id}",
        path: ["id"], query: [], body: false &[], response: Data, preflight: None,
    }
    /// `POST /porting/events/{id}/republish` (no body; answers 204).
    PortingEventsRepublish => {
        "porting.events.republish", Post "/porting/events/{id}/republish",
        path: ["id"], query: [], body: false &[], response: NoContent, preflight: None,
    }
    /// `GET /10dlc/brand`.
    Messaging10dlcBrandList => {
        "messaging10dlc.brand.list", Get "/10dlc/brand",
        path: [], query: [], body: false &[], response: List(TenDlc), preflight: None,
    }
    /// `GET /10dlc/brand/{brandId}` (bare Brand object).
    Messaging10dlcBrandRetrieve => {
        "messaging10dlc.brand.retrieve", Get "/10dlc/brand/{brandId}",
        path: ["brandId"], query: [], body: false &[], response: Bare, preflight: None,
    }
    /// `POST /10dlc/campaignBuilder`: submit a campaign.
    Messaging10dlcCampaignBuilderSubmit => {
        "messaging10dlc.campaignBuilder.submit", Post "/10dlc/campaignBuilder",
        path: [], query: [], body: true &["brandId", "description", "usecase"], response: Bare,
        preflight: None,
    }
    /// `GET /10dlc/campaign` (`brandId` is required).
    Messaging10dlcCampaignList => {
        "messaging10dlc.campaign.list", Get "/10dlc/campaign",
        path: [], query: ["brandId"], body: false &[], response: List(TenDlc), preflight: None,
    }
    /// `GET /10dlc/campaign/{campaignId}`.
    Messaging10dlcCampaignRetrieve => {
        "messaging10dlc.campaign.retrieve", Get "/10dlc/campaign/{campaignId}",
        path: ["campaignId"], query: [], body: false &[], response: Bare, preflight: None,
    }
    /// `GET /10dlc/phone_number_campaigns`.
    Messaging10dlcPhoneNumberCampaignsList => {
        "messaging10dlc.phoneNumberCampaigns.list", Get "/10dlc/phone_number_campaigns",
        path: [], query: [], body: false &[], response: List(TenDlc), preflight: None,
    }
    /// `POST /10dlc/phone_number_campaigns`: assign a number to a campaign.
    Messaging10dlcPhoneNumberCampaignsCreate => {
        "messaging10dlc.phoneNumberCampaigns.create", Post "/10dlc/phone_number_campaigns",
        path: [], query: [], body: true &["phoneNumber", "campaignId"], response: Bare,
        preflight: None,
    }
    /// `GET /10dlc/phone_number_campaigns/{phoneNumber}` (`+` is sent as `%2B`).
    Messaging10dlcPhoneNumberCampaignsRetrieve => {
        "messaging10dlc.phoneNumberCampaigns.retrieve",
        Get "/10dlc/phone_number_campaigns/{phoneNumber}",
        path: ["phoneNumber"], query: [], body: false &[], response: Bare, preflight: None,
    }
    /// `PUT /10dlc/phone_number_campaigns/{phoneNumber}`: move a number to another campaign.
    Messaging10dlcPhoneNumberCampaignsUpdate => {
        "messaging10dlc.phoneNumberCampaigns.update",
        Put "/10dlc/phone_number_campaigns/{phoneNumber}",
        path: ["phoneNumber"], query: [], body: true &["phoneNumber", "campaignId"], response: Bare,
        preflight: None,
    }
    /// `DELETE /10dlc/phone_number_campaigns/{phoneNumber}`: unassign the number.
    Messaging10dlcPhoneNumberCampaignsDelete => {
        "messaging10dlc.phoneNumberCampaigns.delete",
        Delete "/10dlc/phone_number_campaigns/{phoneNumber}",
        path: ["phoneNumber"], query: [], body: false &[], response: Bare, preflight: None,
    }
    /// `POST /messaging_tollfree/verification/requests`.
    MessagingTollfreeVerificationRequestsCreate => {
        "messagingTollfree.verification.requests.create",
        Post "/messaging_tollfree/verification/requests",
        path: [], query: [], body: true TOLLFREE_REQUIRED, response: Bare, preflight: None,
    }
    /// `GET /messaging_tollfree/verification/requests` (`page` and `page_size` are
    /// required; the core fills in 1 and 20 when they are missing).
    MessagingTollfreeVerificationRequestsList => {
        "messagingTollfree.verification.requests.list",
        Get "/messaging_tollfree/verification/requests",
        path: [], query: ["page", "page_size"], body: false &[], response: List(TollFree),
        preflight: None,
    }
    /// `GET /messaging_tollfree/verification/requests/{id}`.
    MessagingTollfreeVerificationRequestsRetrieve => {
        "messagingTollfree.verification.requests.retrieve",
        Get "/messaging_tollfree/verification/requests/{id}",
        path: ["id"], query: [], body: false &[], response: Bare, preflight: None,
    }
    /// `PATCH /messaging_tollfree/verification/requests/{id}` (the same 18 required fields).
    MessagingTollfreeVerificationRequestsUpdate => {
        "messagingTollfree.verification.requests.update",
        Patch "/messaging_tollfree/verification/requests/{id}",
        path: ["id"], query: [], body: true TOLLFREE_REQUIRED, response: Bare, preflight: None,
    }
    /// `DELETE /messaging_tollfree/verification/requests/{id}`.
    MessagingTollfreeVerificationRequestsDelete => {
        "messagingTollfree.verification.requests.delete",
        Delete "/messaging_tollfree/verification/requests/{id}",
        path: ["id"], query: [], body: false &[], response: NoContent, preflight: None,
    }
    /// `GET /detail_records` (`filter[record_type]` is required; the core fills in
    /// `messaging` when it is missing).
    DetailRecordsList => {
        "detailRecords.list", Get "/detail_records",
        path: [], query: ["filter[record_type]"], body: false &[], response: List(PageNumber),
        preflight: None,
    }
    /// `GET /messaging_optouts`.
    MessagingOptoutsList => {
        "messagingOptouts.list", Get "/messaging_optouts",
        path: [], query: [], body: false &[], response: List(PageNumber), preflight: None,
    }
}

impl Operation {
    /// The dotted `telnyx` npm name, e.g. `"porting.events.republish"`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        self.spec().name
    }

    /// Looks an operation up by its dotted name.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|op| op.name() == name)
    }
}
