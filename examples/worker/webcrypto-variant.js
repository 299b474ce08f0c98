// For comparison only (bench/worker-load.mjs): a stand-in for `smsedge/webhooks` with the same
// `WebhookVerifier` surface, verifying by hand with WebCrypto Ed25519 as a Worker would without
// smsedge. The bench runs src/index.js with `smsedge/webhooks` mapped to this file, so the two
// Workers differ only in how they verify.
//
// What it does not do, unlike smsedge: refuse small-order keys, parse DER/PEM keys, or give the
// same code for one input whatever the runtime (WebCrypto's own checks decide what verifies).

const encoder = new TextEncoder();

function fail(code) {
  const error = new Error(code);
  error.code = code;
  return error;
}

function base64(text, code) {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) throw fail(code);
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

export class WebhookVerifier {
  constructor(publicKey, options = {}) {
    const raw = base64(publicKey, 'invalid_public_key');
    if (raw.length !== 32) throw fail('invalid_public_key');
    this.tolerance = options.toleranceSeconds ?? 300;
    // Imported once per verifier (per isolate): importKey is async, so keep the promise.
    this.key = crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
  }

  async verifyRequest(request) {
    // Read the body first, as smsedge does: a response sent before the request body was read
    // can upset keep-alive connections on the way in.
    const body = new Uint8Array(await request.arrayBuffer());
    const signature = request.headers.get('telnyx-signature-ed25519');
    if (signature === null) throw fail('missing_signature_header');
    const timestamp = request.headers.get('telnyx-timestamp');
    if (timestamp === null) throw fail('missing_timestamp_header');
    if (!/^[0-9]{1,18}$/.test(timestamp)) throw fail('invalid_timestamp');
    const now = Math.floor(Date.now() / 1000);
    if (Number(timestamp) < now - this.tolerance) throw fail('timestamp_too_old');
    if (Number(timestamp) > now + this.tolerance) throw fail('timestamp_too_new');
    const sig = base64(signature, 'invalid_signature_encoding');
    if (sig.length !== 64) throw fail('invalid_signature_length');

    const prefix = encoder.encode(`${timestamp}|`);
    const message = new Uint8Array(prefix.length + body.length);
    message.set(prefix);
    message.set(body, prefix.length);
    if (!(await crypto.subtle.verify({ name: 'Ed25519' }, await this.key, sig, message))) throw fail('signature_mismatch');

    let raw;
    try {
      raw = JSON.parse(new TextDecoder().decode(body));
    } catch {
      throw fail('invalid_payload');
    }
    const data = raw?.data && typeof raw.data === 'object' ? raw.data : raw;
    if (typeof data?.event_type !== 'string' || typeof data.id !== 'string') throw fail('invalid_payload');
    return {
      id: data.id,
      type: data.event_type,
      occurredAt: data.occurred_at ?? null,
      attempt: raw.meta?.attempt ?? null,
      deliveredTo: raw.meta?.delivered_to ?? null,
      payload: data.payload ?? null,
      raw,
    };
  }
}
