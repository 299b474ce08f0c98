// `verifyWebhook` and `WebhookVerifier`, the same in `smsedge` and `smsedge/webhooks`. This file
// reads the JavaScript arguments (the body's exact bytes, the two signed headers, the options,
// the clock). Every check (the key, the timestamp window, base64, S < L, no small-order R, the
// event envelope) is the wasm's, from the Rust core, failing with `SmsEdgeError` and its code.
// The Ed25519 equation itself goes to native code where the platform has it: node:crypto for
// the sync calls in Node (`platform`, set by node-ed25519.js), WebCrypto for `verifyRequest`.
import { Verifier, readEvent, rejectSignature } from './dist/webhooks/smsedge.js';
import { SmsEdgeError } from './errors.js';

const SIGNATURE = 'telnyx-signature-ed25519';
const TIMESTAMP = 'telnyx-timestamp';
const DEFAULT_TOLERANCE = 300;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

const invalid = (message) => new SmsEdgeError('invalid_argument', message);

/** `typeof`, with null and arrays told apart. */
const isPlainObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The tolerance (a whole number of seconds, or Infinity) and a fixed clock, or undefined. */
function readOptions(options) {
  let tolerance = DEFAULT_TOLERANCE;
  let now;
  if (options === undefined || options === null) return { tolerance, now };
  if (!isPlainObject(options)) throw invalid('options must be an object: { toleranceSeconds?, now? }');
  for (const key of Object.keys(options)) {
    const value = options[key];
    if (value === undefined) continue;
    if (key === 'toleranceSeconds') {
      if (!(value === Infinity || (Number.isSafeInteger(value) && value >= 0))) {
        throw invalid('options.toleranceSeconds must be a whole number of seconds, at least 0, or Infinity');
      }
      tolerance = value;
    } else if (key === 'now') {
      if (typeof value !== 'number' || !(Math.abs(value) <= Number.MAX_SAFE_INTEGER)) {
        throw invalid('options.now must be a finite number of Unix seconds');
      }
      now = Math.floor(value);
    } else {
      throw invalid('options has an unknown field; the fields are toleranceSeconds and now');
    }
  }
  return { tolerance, now };
}

function readKey(publicKey) {
  if (typeof publicKey !== 'string') throw invalid('publicKey must be a string: base64, base64 DER or PEM');
  return publicKey;
}

/** The body's exact bytes (a string is sent as its UTF-8 bytes). */
function readBody(body) {
  if (typeof body === 'string') return encoder.encode(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw invalid('body must be the raw request body: a string, Uint8Array or ArrayBuffer');
}

const WRONG_HEADERS = 'headers must be a fetch Headers or a plain object of strings';

/**
 * The values of the two signed headers (undefined when absent), from a fetch `Headers`
 * (anything with a `get` method) or a plain object: names compared case-insensitively, and a
 * name given twice in different cases gives the values joined by ", ", as fetch joins them.
 */
function readHeaders(headers) {
  if (!isPlainObject(headers)) throw invalid(WRONG_HEADERS);
  const values = [undefined, undefined];
  if (typeof headers.get === 'function') {
    for (const [slot, name] of [SIGNATURE, TIMESTAMP].entries()) {
      let found;
      try {
        found = headers.get(name);
      } catch {
        throw invalid(WRONG_HEADERS);
      }
      if (found === null) continue;
      if (typeof found !== 'string') throw invalid(WRONG_HEADERS);
      values[slot] = found;
    }
    return values;
  }
  for (const key of Object.keys(headers)) {
    const name = key.toLowerCase();
    const slot = name === SIGNATURE ? 0 : name === TIMESTAMP ? 1 : -1;
    if (slot < 0) continue;
    const found = headers[key];
    if (found === undefined) continue;
    if (typeof found !== 'string') throw invalid(WRONG_HEADERS);
    values[slot] = values[slot] === undefined ? found : `${values[slot]}, ${found}`;
  }
  return values;
}

const clock = (now) => now ?? Math.floor(Date.now() / 1000);

/** Set by Node's entries: `ed25519(rawKey)` gives a native `(signature, message) => boolean`. */
// NOTE: this module is not in the package's `exports`, so `platform` is out of reach of an
// `import` of `smsedge`; code that could reach it by file path could as well replace
// node:crypto's `verify` or WebCrypto's, which the platform paths trust the same way.
export const platform = {};

/** The native verifier for a wasm `Verifier`'s key, or false (no platform one, a non-canonical key). */
function native(verifier) {
  const raw = platform.ed25519 && verifier.rawKey();
  try {
    return raw ? platform.ed25519(raw) : false;
  } catch {
    return false;
  }
}

/** The signed message: `{timestamp}|{body}`. */
function signed(timestamp, body) {
  const prefix = encoder.encode(`${timestamp}|`);
  const message = new Uint8Array(prefix.length + body.length);
  message.set(prefix);
  message.set(body, prefix.length);
  return message;
}

/** The event from the values the wasm's `readEvent` read (imported by the webhook build). */
export const eventObject = (id, type, occurredAt, attempt, deliveredTo, payload, raw) => ({
  id,
  type,
  occurredAt,
  attempt,
  deliveredTo,
  payload,
  raw,
});

/** The event, read from the body as text (a leading BOM skipped, invalid UTF-8 as U+FFFD). */
const event = (body) => readEvent(decoder.decode(body));

/**
 * Verifies, then reads the event. With a native verifier the wasm runs every check but the
 * equation (`prepare`), the native code the cofactorless equation verify_strict computes; if
 * it throws, the wasm verifies alone.
 */
function check(verifier, fast, now, body, [signature, timestamp]) {
  if (fast) {
    const raw = verifier.prepare(signature, timestamp, clock(now));
    let valid;
    try {
      valid = fast(raw, signed(timestamp, body));
    } catch {}
    if (valid === true) return event(body);
    if (valid === false) rejectSignature();
  }
  verifier.verify(body, signature, timestamp, clock(now));
  return event(body);
}

const ED25519 = { name: 'Ed25519' };

/** The key in WebCrypto, or null where it has no Ed25519 (or the key is not canonical). */
async function platformKey(verifier) {
  const subtle = globalThis.crypto?.subtle;
  const raw = verifier.rawKey();
  if (typeof subtle?.importKey !== 'function' || raw === undefined) return null;
  try {
    return await subtle.importKey('raw', raw, ED25519, false, ['verify']);
  } catch {
    return null;
  }
}

// The async path: as `check`, with WebCrypto for the equation; without it, as `check`.
async function checkAsync(verifier, key, fast, now, body, values) {
  const cryptoKey = await key;
  if (cryptoKey !== null) {
    const [signature, timestamp] = values;
    const raw = verifier.prepare(signature, timestamp, clock(now));
    let valid;
    try {
      valid = await globalThis.crypto.subtle.verify(ED25519, cryptoKey, raw, signed(timestamp, body));
    } catch {}
    if (valid === true) return event(body);
    if (valid === false) rejectSignature();
  }
  return check(verifier, fast, now, body, values);
}

/**
 * Verifies a Telnyx webhook and returns its event; throws `SmsEdgeError` with the first
 * failing check's code. Pass the raw body exactly as it arrived.
 */
export function verifyWebhook(body, headers, publicKey, options) {
  // Wrong argument types first; then the core's checks in order, the key first.
  const { tolerance, now } = readOptions(options);
  const key = readKey(publicKey);
  const bytes = readBody(body);
  const values = readHeaders(headers);
  const verifier = new Verifier(key, tolerance);
  try {
    return check(verifier, native(verifier), now, bytes, values);
  } finally {
    verifier.free();
  }
}

/** A verifier for one Telnyx public key: the key is parsed once, for many requests. */
export class WebhookVerifier {
  #verifier;
  #now;
  #key;
  #native;

  constructor(publicKey, options) {
    const { tolerance, now } = readOptions(options);
    this.#verifier = new Verifier(readKey(publicKey), tolerance);
    this.#now = now;
    this.#native = native(this.#verifier);
  }

  /** Verifies one webhook's raw body and headers; returns its event or throws `SmsEdgeError`. */
  verify(body, headers) {
    return check(this.#verifier, this.#native, this.#now, readBody(body), readHeaders(headers));
  }

  /** Reads a fetch `Request`'s raw body (`arrayBuffer()`) and verifies it with its headers. */
  async verifyRequest(request) {
    const WRONG = 'request must be a fetch Request';
    if (typeof request !== 'object' || request === null || typeof request.arrayBuffer !== 'function') {
      throw invalid(WRONG);
    }
    let values;
    let buffer;
    try {
      values = readHeaders(request.headers);
      buffer = request.arrayBuffer();
    } catch {
      throw invalid(WRONG);
    }
    this.#key ??= platformKey(this.#verifier);
    return checkAsync(this.#verifier, this.#key, this.#native, this.#now, readBody(await buffer), values);
  }

  /** Releases the key's wasm memory now (otherwise it is released when this is collected). */
  free() {
    this.#verifier.free();
  }
}
