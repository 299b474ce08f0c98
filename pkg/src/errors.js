// The errors smsedge throws: one class, `SmsEdgeError` (with a stable `.code`), and its
// subclass for non-2xx Telnyx API answers. Both wasm builds construct them (imported by the
// generated glue from here) and so do the entries, so `instanceof SmsEdgeError` always holds.

/** An error from smsedge: `code` is a stable snake_case string (see the README's table). */
export class SmsEdgeError extends Error {
  /**
   * @param {string} code
   * @param {string} message
   * @param {Record<string, unknown> | undefined} details extra fields copied onto the error
   */
  constructor(code, message, details) {
    super(message);
    this.name = 'SmsEdgeError';
    this.code = code;
    if (details && typeof details === 'object') {
      for (const key of Object.keys(details)) {
        if (key !== 'name' && key !== 'message' && key !== 'code' && key !== 'stack') this[key] = details[key];
      }
    }
  }
}

/**
 * A non-2xx answer from the Telnyx API (or the proxy in front of it). `code` is the first
 * Telnyx error code of the body, as a string ("40300"), or "http_error" when the body had
 * none. `retryAfter` is in seconds (the `Retry-After` header's unit), or null.
 */
export class TelnyxApiError extends SmsEdgeError {
  /**
   * @param {string} message
   * @param {Record<string, unknown>} fields status, code, errors, requestId, retryAfter, rateLimit, rawBody, attempts
   */
  constructor(message, fields) {
    super(typeof fields?.code === 'string' ? fields.code : 'http_error', message, fields);
    this.name = 'TelnyxApiError';
  }
}
