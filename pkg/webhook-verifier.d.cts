// Types of `verifyWebhook`, `WebhookVerifier` and the webhook events: the same in `smsedge`
// and `smsedge/webhooks`.
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

/**
 * Verifies a Telnyx webhook and returns its event; throws `SmsEdgeError` with the first
 * failing check's code (the README lists them, in order): `invalid_argument` for a wrong
 * argument type, then the `WebhookErrorCode`s.
 *
 * Pass the raw body exactly as it arrived, not JSON parsed and serialized again.
 *
 * ```javascript
 * const event = verifyWebhook(rawBody, request.headers, process.env.TELNYX_PUBLIC_KEY);
 * if (event.type === "message.received") console.log(event.payload.text);
 * ```
 */
export function verifyWebhook(
  body: WebhookBody,
  headers: WebhookHeaders,
  publicKey: string,
  options?: WebhookOptions | null,
): WebhookEvent;

/** A verifier for one Telnyx public key: the key is parsed once, for many requests. */
export class WebhookVerifier {
  /**
   * Parses the key (base64 of its 32 bytes as the Telnyx portal shows it, base64 DER or
   * PEM); throws `invalid_public_key` or `weak_public_key`.
   */
  constructor(publicKey: string, options?: WebhookOptions | null);
  /**
   * Verifies one webhook's raw body and headers; returns its event or throws `SmsEdgeError`.
   * In Node the Ed25519 equation runs in node:crypto after the wasm's strict checks (same
   * checks and codes everywhere).
   */
  verify(body: WebhookBody, headers: WebhookHeaders): WebhookEvent;
  /**
   * Reads a fetch `Request`'s raw body (`arrayBuffer()`) and verifies it with its headers.
   * The promise rejects with `SmsEdgeError`. Same checks and codes as `verify`, but the
   * Ed25519 equation runs in WebCrypto where the runtime has Ed25519 there (Workers, Node,
   * current browsers): about 3 times less CPU per webhook in a Worker.
   */
  verifyRequest(request: WebhookRequest): Promise<WebhookEvent>;
  /** Releases the key's wasm memory now (otherwise it is released when this is collected). */
  free(): void;
}

// Only what is marked `export` is exported (`Open` is a local helper).
export {};
