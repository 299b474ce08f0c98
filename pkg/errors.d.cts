/** An error from smsedge. `code` is stable: see the README's table of codes. */
export declare class SmsEdgeError extends Error {
  constructor(code: string, message: string, details?: Record<string, unknown>);
  readonly name: "SmsEdgeError" | "TelnyxApiError";
  /** A stable snake_case code such as "not_gsm7" or "signature_mismatch". */
  readonly code: string;
  /** For `not_gsm7`: UTF-16 index of the first character that has no GSM-7 form. */
  readonly index?: number;
  /** For `not_gsm7`: its code point. */
  readonly codePoint?: number;
  /** API client, `validation`: the Telnyx error code the API would answer with ("40310"). */
  readonly telnyxCode?: string;
  /** API client, `validation`: the body field at fault ("to", "from", "text", "media_urls"). */
  readonly field?: string;
  /** API client, `timeout` and `network`: how many requests were made. */
  readonly attempts?: number;
  /** API client, `invalid_response`: the HTTP status. */
  readonly status?: number;
}

/** One error of a Telnyx error body, normalised from whichever shape it came in. */
export interface TelnyxErrorObject {
  /** The Telnyx error code as a string ("40300"), also when sent as a number. */
  code: string | null;
  title: string | null;
  detail: string | null;
  /** `pointer`: an RFC 6901 pointer into the request body; `parameter`: a query parameter. */
  source: { pointer: string | null; parameter: string | null } | null;
  /** The error's `meta`, or `{ loc, type }` for a 10DLC validation error. */
  meta: unknown;
}

/** The `x-ratelimit-*` headers. `reset` is as sent; `resetInSecs` reads it as a delta or a Unix time. */
export interface TelnyxRateLimit {
  limit: number | null;
  remaining: number | null;
  reset: number | null;
  resetInSecs: number | null;
}

/** A non-2xx answer from the Telnyx API (or from the proxy in front of it). */
export declare class TelnyxApiError extends SmsEdgeError {
  constructor(message: string, fields: Record<string, unknown>);
  readonly name: "TelnyxApiError";
  /** The first Telnyx error code of the body ("40300"), or "http_error" when there is none. */
  readonly code: string;
  readonly status: number;
  /** Every error of the body, in order; empty for an empty, HTML or unknown body. */
  readonly errors: TelnyxErrorObject[];
  readonly requestId: string | null;
  /** The delay the server asked for (`Retry-After`), in seconds. */
  readonly retryAfter: number | null;
  readonly rateLimit: TelnyxRateLimit | null;
  /** The body as received (the API key scrubbed out, should a proxy echo it). */
  readonly rawBody: string;
  /** How many requests were made, retries included. */
  readonly attempts: number;
}
