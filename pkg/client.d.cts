// Types of the Telnyx API client. Method names and argument shapes are exact (as in the
// `telnyx` npm package v7); request and response bodies are lenient: the known fields are
// typed, snake_case (camelCase for 10DLC and toll-free) as on the wire, and any other field
// is allowed and kept, because the Telnyx docs and spec disagree on several.
import type { TelnyxRateLimit } from "./errors.cjs";

/** The `init` the client passes to `fetch` (it also sets `signal`, an AbortSignal for the timeout). */
export interface FetchInit {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  headers: Record<string, string>;
  body?: string;
}

/** What the client reads from a response: `status`, `headers` (a Headers object or a plain object) and the body. */
export interface ResponseLike {
  readonly status: number;
  readonly headers: unknown;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** A `fetch`: the global one, a Worker service binding's (bound: `env.API.fetch.bind(env.API)`), a stub. */
export type FetchLike = (url: string, init: FetchInit) => PromiseLike<ResponseLike>;

export interface TelnyxClientOptions {
  /** The Telnyx API key. Never give one to code that runs in a browser: point `baseUrl` at your own proxy instead, and omit the key. */
  apiKey?: string;
  /** Default "https://api.telnyx.com/v2". An absolute http(s) URL, or a same-origin path such as "/api/telnyx" (browsers). */
  baseUrl?: string;
  /** Per attempt, in milliseconds; the request is aborted after it. Default 60000. */
  timeoutMs?: number;
  /** Retries after the first attempt, 0 to 10. Default 2. */
  maxRetries?: number;
  /** The `fetch` to use, called as given. Default `globalThis.fetch`. */
  fetch?: FetchLike;
  /** The first backoff delay in ms (doubles per retry, with jitter). Default 500. */
  retryBaseDelayMs?: number;
  /** The longest backoff delay in ms. Default 8000. */
  retryMaxDelayMs?: number;
  /** The longest `Retry-After` honoured, in ms; a longer one ends the retries. Default 60000. */
  maxRetryAfterMs?: number;
  /** Retry a POST after a 5xx, 408, timeout or dropped connection too. Default false: it can send an SMS twice. */
  retryUnsafePost?: boolean;
  /** Check a message locally before sending it (E.164, sender ID, content, segments). Default true. */
  preflight?: boolean;
  /** Whether the messaging profile has smart encoding on, for the segment check. Default unknown. */
  smartEncoding?: boolean;
  /** A User-Agent header (servers only: browsers forbid it). Default none. */
  userAgent?: string;
}

/** A response body's fields beyond the typed ones. */
interface Open {
  [key: string]: unknown;
}

/** Query parameters: nested objects become deepObject keys (`{ filter: { type: "x" } }` → `filter[type]=x`). */
export type QueryParams = Record<string, unknown>;

/** What `.withResponse()` gives: the body and what the transport saw. */
export interface WithResponse<T> {
  data: T;
  status: number;
  /** Requests made, retries included (1 when the first one succeeded). */
  attempts: number;
  requestId: string | null;
  rateLimit: TelnyxRateLimit | null;
}

/** A method's result: a Promise of the response body, with `.withResponse()`. */
export interface APIPromise<T> extends Promise<T> {
  withResponse(): Promise<WithResponse<T>>;
}

/** A list walk's caps: it also stops at the last page, on an empty page and on a repeated page. */
export interface ListOptions {
  /** Stop after this many items. */
  maxItems?: number;
  /** Stop after fetching this many pages. */
  maxPages?: number;
}

/**
 * What a list method returns: `await` gives the first page; `for await` gives every item of
 * every page. The first page is requested only when awaited.
 */
export declare class PagePromise<Page, Item> implements PromiseLike<Page>, AsyncIterable<Item> {
  private constructor();
  then<A = Page, B = never>(
    onfulfilled?: ((value: Page) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B>;
  catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<Page | B>;
  finally(onfinally?: (() => void) | null): Promise<Page>;
  withResponse(): Promise<WithResponse<Page>>;
  [Symbol.asyncIterator](): AsyncIterator<Item>;
}

/** `{ data }`: most Telnyx responses. */
export interface DataResponse<T> extends Open {
  data?: T;
}

export interface PageMeta extends Open {
  page_number?: number;
  page_size?: number;
  total_pages?: number;
  total_results?: number;
}

/** A v2 list page: `page[number]`/`page[size]` in the query. */
export interface ListPage<T> extends Open {
  data?: T[];
  meta?: PageMeta;
}

/** A 10DLC list page: `page`/`recordsPerPage` in the query. */
export interface TenDlcPage<T> extends Open {
  page?: number;
  records?: T[];
  totalRecords?: number;
}

/** A toll-free verification list page: `page`/`page_size` in the query. */
export interface TollFreePage<T> extends Open {
  records?: T[];
  total_records?: number;
}

type List<T> = PagePromise<ListPage<T>, T>;

// ---- Messages -------------------------------------------------------------------------

export interface MessageSendParams extends Open {
  /** E.164 number or short code. */
  to: string;
  /** E.164 number, short code or alphanumeric sender ID; may be omitted with a number-pool profile. */
  from?: string;
  text?: string;
  media_urls?: string[];
  subject?: string;
  messaging_profile_id?: string;
  type?: "SMS" | "MMS";
  /** ISO 8601; schedules the message (a Date is sent as its ISO string). */
  send_at?: string | Date;
  encoding?: "auto" | "gsm7" | "ucs2";
  auto_detect?: boolean;
  webhook_url?: string;
  webhook_failover_url?: string;
  use_profile_webhooks?: boolean;
}

export interface MessageSendNumberPoolParams extends MessageSendParams {
  messaging_profile_id: string;
}

export interface MessageAddress extends Open {
  phone_number?: string;
  status?: string;
  carrier?: string;
  line_type?: string;
}

export interface Message extends Open {
  id?: string;
  record_type?: string;
  direction?: string;
  type?: string;
  from?: MessageAddress;
  to?: MessageAddress[];
  text?: string | null;
  subject?: string | null;
  media?: Array<{ url?: string; content_type?: string | null; size?: number | null; sha256?: string | null } & Open>;
  encoding?: string;
  parts?: number;
  cost?: ({ amount?: string; currency?: string } & Open) | null;
  errors?: unknown[];
  messaging_profile_id?: string;
  send_at?: string | null;
  sent_at?: string | null;
  completed_at?: string | null;
  webhook_url?: string | null;
}

// ---- Messaging profiles and number settings -------------------------------------------

export interface MessagingProfileParams extends Open {
  name?: string;
  whitelisted_destinations?: string[];
  enabled?: boolean;
  webhook_url?: string | null;
  webhook_failover_url?: string | null;
  webhook_api_version?: "1" | "2" | "2010-04-01";
  smart_encoding?: boolean;
  mms_fall_back_to_sms?: boolean;
  mms_transcoding?: boolean;
  mobile_only?: boolean;
  alpha_sender?: string | null;
  daily_spend_limit?: string;
  daily_spend_limit_enabled?: boolean;
  number_pool_settings?: Record<string, unknown> | null;
  url_shortener_settings?: Record<string, unknown> | null;
}

export interface MessagingProfileCreateParams extends MessagingProfileParams {
  name: string;
  whitelisted_destinations: string[];
}

export interface MessagingProfile extends MessagingProfileParams {
  id?: string;
  record_type?: string;
  created_at?: string;
  updated_at?: string;
}

export interface PhoneNumberMessagingSettings extends Open {
  id?: string;
  phone_number?: string;
  messaging_profile_id?: string | null;
  messaging_product?: string;
  type?: string;
  country_code?: string;
  features?: Open;
  eligible_messaging_products?: string[];
  tags?: string[];
  record_type?: string;
}

export interface PhoneNumberMessagingUpdateParams extends Open {
  /** A UUID assigns, "" unassigns, null keeps. */
  messaging_profile_id?: string | null;
  messaging_product?: string;
  tags?: string[];
}

export interface BulkUpdateParams extends Open {
  /** "" unassigns every number. */
  messaging_profile_id: string;
  numbers: string[];
  assign_only?: boolean;
}

export interface BulkUpdate extends Open {
  order_id?: string;
  success?: string[];
  pending?: string[];
  failed?: string[];
  record_type?: string;
}

// ---- Porting --------------------------------------------------------------------------

export interface PortabilityCheckParams extends Open {
  phone_numbers?: string[];
}

export interface PortabilityCheckResult extends Open {
  phone_number?: string;
  portable?: boolean;
  fast_portable?: boolean;
  not_portable_reason?: string;
  record_type?: string;
}

export interface PortingOrderUpdateParams extends Open {
  messaging?: { enable_messaging?: boolean } & Open;
  phone_number_configuration?: { messaging_profile_id?: string | null } & Open;
  webhook_url?: string;
  customer_reference?: string;
}

export interface PortingOrder extends Open {
  id?: string;
  status?: { value?: string; details?: Array<{ code?: string; description?: string } & Open> } & Open;
  support_key?: string | null;
  customer_reference?: string | null;
  messaging?: {
    messaging_capable?: boolean;
    enable_messaging?: boolean;
    messaging_port_status?: string;
    messaging_port_completed?: boolean;
  } & Open;
  phone_number_configuration?: { messaging_profile_id?: string | null } & Open;
  webhook_url?: string | null;
  record_type?: string;
}

export interface PortingPhoneNumber extends Open {
  phone_number?: string;
  porting_order_id?: string;
  porting_order_status?: string;
  activation_status?: string | null;
  portability_status?: string;
  /** In the Telnyx docs, not in the spec: "not_applicable", "pending", "activating", "exception", "canceled", "partial_port_complete", "ported". */
  messaging_port_status?: string;
  record_type?: string;
}

export interface PortingEvent extends Open {
  id?: string;
  event_type?: string;
  payload_status?: "created" | "completed" | string;
  payload?: Open | null;
  porting_order_id?: string;
  available_notification_methods?: string[];
  created_at?: string;
}

// ---- 10DLC, toll-free verification, detail records, opt-outs ---------------------------

export interface Brand extends Open {
  brandId?: string;
  tcrBrandId?: string | null;
  displayName?: string;
  companyName?: string | null;
  entityType?: string;
  identityStatus?: string | null;
  status?: string | null;
}

export interface CampaignBuilderParams extends Open {
  brandId: string;
  usecase: string;
  description: string;
  sample1?: string;
  sample2?: string;
  messageFlow?: string;
  helpMessage?: string;
  optinMessage?: string;
  optoutMessage?: string;
  subUsecases?: string[];
  embeddedLink?: boolean;
  numberPool?: boolean;
  ageGated?: boolean;
  directLending?: boolean;
  autoRenewal?: boolean;
  webhookURL?: string;
}

export interface Campaign extends Open {
  campaignId?: string;
  tcrCampaignId?: string | null;
  campaignStatus?: string | null;
  brandId?: string;
  usecase?: string;
  description?: string;
}

export interface PhoneNumberCampaignParams extends Open {
  phoneNumber: string;
  campaignId: string;
}

export interface PhoneNumberCampaign extends Open {
  phoneNumber?: string;
  campaignId?: string;
  brandId?: string | null;
  tcrCampaignId?: string | null;
  assignmentStatus?: string | null;
  failureReasons?: string | null;
}

export interface TollFreeVerificationParams extends Open {
  businessName: string;
  corporateWebsite: string;
  businessAddr1: string;
  businessCity: string;
  businessState: string;
  businessZip: string;
  businessContactFirstName: string;
  businessContactLastName: string;
  businessContactEmail: string;
  businessContactPhone: string;
  messageVolume: string;
  phoneNumbers: Array<{ phoneNumber: string } & Open>;
  useCase: string;
  useCaseSummary: string;
  productionMessageContent: string;
  optInWorkflow: string;
  optInWorkflowImageURLs: Array<{ url: string } & Open>;
  additionalInformation: string;
}

export interface TollFreeVerificationRequest extends Open {
  id?: string;
  verificationStatus?: string;
  businessName?: string;
  createdAt?: string;
  updatedAt?: string;
}

export interface DetailRecord extends Open {
  uuid?: string;
  cld?: string;
  cli?: string;
  direction?: string;
  status?: string;
  message_type?: string;
  parts?: number;
  cost?: string;
  currency?: string;
  record_type?: string;
}

export interface MessagingOptout extends Open {
  from?: string;
  to?: string;
  keyword?: string | null;
  messaging_profile_id?: string | null;
  created_at?: string;
}

// ---- The client -----------------------------------------------------------------------

/**
 * A Telnyx API client over `fetch`, named like the `telnyx` npm package (v7). Every method
 * resolves to the response body as sent (snake_case kept) and rejects with a
 * `TelnyxApiError` (a non-2xx answer) or an `SmsEdgeError` (`validation`, `not_gsm7`,
 * `timeout`, `network`, `invalid_argument`…).
 */
export declare class TelnyxClient {
  constructor(options?: TelnyxClientOptions);
  readonly messages: {
    send(params: MessageSendParams): APIPromise<DataResponse<Message>>;
    sendNumberPool(params: MessageSendNumberPoolParams): APIPromise<DataResponse<Message>>;
    schedule(params: MessageSendParams): APIPromise<DataResponse<Message>>;
    retrieve(id: string, params?: QueryParams): APIPromise<DataResponse<Message>>;
    /** Resolves to the message itself (this endpoint does not wrap it in `data`). */
    cancelScheduled(id: string): APIPromise<Message>;
  };
  readonly messagingProfiles: {
    list(params?: QueryParams, options?: ListOptions): List<MessagingProfile>;
    create(params: MessagingProfileCreateParams): APIPromise<DataResponse<MessagingProfile>>;
    retrieve(id: string, params?: QueryParams): APIPromise<DataResponse<MessagingProfile>>;
    update(id: string, params: MessagingProfileParams): APIPromise<DataResponse<MessagingProfile>>;
    delete(id: string): APIPromise<DataResponse<MessagingProfile>>;
    listPhoneNumbers(id: string, params?: QueryParams, options?: ListOptions): List<PhoneNumberMessagingSettings>;
  };
  readonly phoneNumbers: {
    readonly messaging: {
      list(params?: QueryParams, options?: ListOptions): List<PhoneNumberMessagingSettings>;
      retrieve(id: string, params?: QueryParams): APIPromise<DataResponse<PhoneNumberMessagingSettings>>;
      update(id: string, params: PhoneNumberMessagingUpdateParams): APIPromise<DataResponse<PhoneNumberMessagingSettings>>;
    };
  };
  readonly messagingNumbersBulkUpdates: {
    create(params: BulkUpdateParams): APIPromise<DataResponse<BulkUpdate>>;
    retrieve(orderId: string, params?: QueryParams): APIPromise<DataResponse<BulkUpdate>>;
  };
  readonly portabilityChecks: {
    run(params: PortabilityCheckParams): APIPromise<DataResponse<PortabilityCheckResult[]>>;
  };
  readonly portingOrders: {
    list(params?: QueryParams, options?: ListOptions): List<PortingOrder>;
    retrieve(id: string, params?: QueryParams): APIPromise<DataResponse<PortingOrder>>;
    update(id: string, params: PortingOrderUpdateParams): APIPromise<DataResponse<PortingOrder>>;
  };
  readonly portingPhoneNumbers: {
    list(params?: QueryParams, options?: ListOptions): List<PortingPhoneNumber>;
  };
  readonly porting: {
    readonly events: {
      list(params?: QueryParams, options?: ListOptions): List<PortingEvent>;
      retrieve(id: string, params?: QueryParams): APIPromise<DataResponse<PortingEvent>>;
      /** Answers 204: resolves to undefined. */
      republish(id: string): APIPromise<void>;
    };
  };
  readonly messaging10dlc: {
    readonly brand: {
      list(params?: QueryParams, options?: ListOptions): PagePromise<TenDlcPage<Brand>, Brand>;
      retrieve(brandId: string, params?: QueryParams): APIPromise<Brand>;
    };
    readonly campaignBuilder: {
      submit(params: CampaignBuilderParams): APIPromise<Campaign>;
    };
    readonly campaign: {
      /** `brandId` is required. */
      list(params: { brandId: string } & QueryParams, options?: ListOptions): PagePromise<TenDlcPage<Campaign>, Campaign>;
      retrieve(campaignId: string, params?: QueryParams): APIPromise<Campaign>;
    };
    readonly phoneNumberCampaigns: {
      list(params?: QueryParams, options?: ListOptions): PagePromise<TenDlcPage<PhoneNumberCampaign>, PhoneNumberCampaign>;
      create(params: PhoneNumberCampaignParams): APIPromise<PhoneNumberCampaign>;
      retrieve(phoneNumber: string, params?: QueryParams): APIPromise<PhoneNumberCampaign>;
      update(phoneNumber: string, params: PhoneNumberCampaignParams): APIPromise<PhoneNumberCampaign>;
      delete(phoneNumber: string): APIPromise<PhoneNumberCampaign>;
    };
  };
  readonly messagingTollfree: {
    readonly verification: {
      readonly requests: {
        create(params: TollFreeVerificationParams): APIPromise<TollFreeVerificationRequest>;
        /** `page` and `page_size` default to 1 and 20. */
        list(params?: QueryParams, options?: ListOptions): PagePromise<TollFreePage<TollFreeVerificationRequest>, TollFreeVerificationRequest>;
        retrieve(id: string, params?: QueryParams): APIPromise<TollFreeVerificationRequest>;
        update(id: string, params: TollFreeVerificationParams): APIPromise<TollFreeVerificationRequest>;
        /** Answers 204: resolves to undefined. */
        delete(id: string): APIPromise<void>;
      };
    };
  };
  readonly detailRecords: {
    /** `filter[record_type]` defaults to "messaging". */
    list(params?: QueryParams, options?: ListOptions): List<DetailRecord>;
  };
  readonly messagingOptouts: {
    list(params?: QueryParams, options?: ListOptions): List<MessagingOptout>;
  };
}
