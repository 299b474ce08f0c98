// Webhook verification through the built package, on the shared vectors, through both entries
// (`smsedge` and `smsedge/webhooks`) and all three ways in: verifyWebhook, WebhookVerifier.verify
// and WebhookVerifier.verifyRequest(new Request(...)).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import * as main from 'smsedge';
import * as webhooks from 'smsedge/webhooks';
import { loadVectors } from './vectors.mjs';
// The verifier module both entries share (the Node entries set its `platform.ed25519`).
import { platform } from '../../pkg/webhook-verifier.js';

const { vectors, defaultToleranceSeconds } = loadVectors('webhooks.json');
const entries = [
  ['smsedge', main],
  ['smsedge/webhooks', webhooks],
];
const encoder = new TextEncoder();

/** The vector's body bytes. */
function bodyBytes(v) {
  if (typeof v.body === 'string') return encoder.encode(v.body);
  if (typeof v.bodyBase64 === 'string') return new Uint8Array(Buffer.from(v.bodyBase64, 'base64'));
  const { prefix, unit, count, suffix } = v.bodyRepeat;
  return encoder.encode(prefix + unit.repeat(count) + suffix);
}

function options(v) {
  return v.toleranceSeconds === undefined ? { now: v.now } : { now: v.now, toleranceSeconds: v.toleranceSeconds };
}

/** Checks one outcome (`run` returns the event or throws) against the vector's expectation. */
function expectOutcome(v, bytes, run, how) {
  const label = `${v.name} (${how})`;
  if (v.expect.error) {
    assert.throws(run, (e) => e instanceof main.SmsEdgeError && e.code === v.expect.error, label);
    return;
  }
  checkEvent(v, bytes, run(), label);
}

function checkEvent(v, bytes, event, label) {
  const { type, id, occurredAt, attempt, deliveredTo } = v.expect;
  assert.deepEqual(Object.keys(event), ['id', 'type', 'occurredAt', 'attempt', 'deliveredTo', 'payload', 'raw'], label);
  assert.deepEqual(
    { type: event.type, id: event.id, occurredAt: event.occurredAt, attempt: event.attempt, deliveredTo: event.deliveredTo },
    { type, id, occurredAt, attempt, deliveredTo },
    label,
  );
  // raw is what JSON.parse(new TextDecoder().decode(body)) gives, and payload is its payload.
  const raw = JSON.parse(new TextDecoder().decode(bytes));
  assert.deepEqual(event.raw, raw, label);
  const payload = raw.data && typeof raw.data === 'object' ? raw.data.payload : raw.payload;
  assert.deepEqual(event.payload, payload ?? null, label);
}

/** The vector as a fetch Request, or null when fetch's Headers would change a header value. */
function asRequest(v, bytes) {
  let request;
  try {
    request = new Request('https://example.com/webhooks/telnyx', { method: 'POST', body: bytes, headers: v.headers });
  } catch {
    return null; // CR, LF or non-Latin-1 characters: fetch refuses them
  }
  for (const [name, value] of Object.entries(v.headers)) {
    if (request.headers.get(name) !== value) return null; // fetch trims spaces around values
  }
  return request;
}

for (const [entryName, entry] of entries) {
  test(`${entryName}: every vector through verifyWebhook, bytes and string`, () => {
    assert.equal(vectors.length, 185);
    for (const v of vectors) {
      const bytes = bodyBytes(v);
      expectOutcome(v, bytes, () => entry.verifyWebhook(bytes, v.headers, v.publicKey, options(v)), 'Uint8Array');
      expectOutcome(v, bytes, () => entry.verifyWebhook(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), v.headers, v.publicKey, options(v)), 'ArrayBuffer');
      if (typeof v.body === 'string') {
        expectOutcome(v, bytes, () => entry.verifyWebhook(v.body, v.headers, v.publicKey, options(v)), 'string');
      }
    }
  });

  test(`${entryName}: every vector through WebhookVerifier.verify`, () => {
    for (const v of vectors) {
      const bytes = bodyBytes(v);
      expectOutcome(v, bytes, () => new entry.WebhookVerifier(v.publicKey, options(v)).verify(bytes, v.headers), 'verify');
    }
  });

  test(`${entryName}: every vector through WebhookVerifier.verifyRequest(new Request(...))`, async () => {
    const asRequests = await requestVectors(entry);
    assert.ok(asRequests > 150, `${asRequests} vectors went through a Request`);
  });
}

/** Every vector through verifyRequest (plain headers where fetch cannot carry them); how many went as Requests. */
async function requestVectors(entry) {
  let asRequests = 0;
  for (const v of vectors) {
    const bytes = bodyBytes(v);
    let verifier;
    try {
      verifier = new entry.WebhookVerifier(v.publicKey, options(v));
    } catch (e) {
      assert.ok(e instanceof main.SmsEdgeError, v.name);
      assert.equal(e.code, v.expect.error, v.name);
      continue;
    }
    const request = asRequest(v, bytes);
    if (request === null) {
      // Not expressible as a fetch Request: the same check with a plain object of headers.
      expectOutcome(v, bytes, () => verifier.verify(bytes, v.headers), 'plain headers');
      continue;
    }
    asRequests++;
    if (v.expect.error) {
      await assert.rejects(verifier.verifyRequest(request), (e) => e instanceof main.SmsEdgeError && e.code === v.expect.error, v.name);
    } else {
      checkEvent(v, bytes, await verifier.verifyRequest(request), `${v.name} (verifyRequest)`);
    }
  }
  return asRequests;
}

test('verifyRequest: WebCrypto computes the equation where it has Ed25519, and the wasm alone without it, with the same result for every vector', async (t) => {
  const subtle = globalThis.crypto.subtle;
  const { verify, importKey } = subtle;
  const calls = { verify: 0 };
  t.after(() => {
    delete subtle.verify;
    delete subtle.importKey;
  });
  subtle.verify = (...args) => {
    calls.verify++;
    return verify.apply(subtle, args);
  };
  await requestVectors(webhooks);
  // Every Request that passes the wasm's checks reaches WebCrypto: the 91 valid vectors
  // (less those fetch cannot carry) and the signature mismatches, the small-order R among them.
  const small = vectors.find((v) => v.name === 'invalid-signature-small-order-r');
  assert.ok(calls.verify > 100, `${calls.verify} WebCrypto verifications`);
  // WebCrypto accepts the small-order R (cofactorless, no order check): the wasm refuses it first.
  const raw = Uint8Array.from(atob(small.headers['telnyx-signature-ed25519']), (c) => c.charCodeAt(0));
  const key = await importKey.call(subtle, 'raw', Uint8Array.from(atob(small.publicKey), (c) => c.charCodeAt(0)), { name: 'Ed25519' }, false, ['verify']);
  const message = new TextEncoder().encode(`${small.headers['telnyx-timestamp']}|${small.body}`);
  assert.equal(await verify.call(subtle, { name: 'Ed25519' }, key, raw, message), true, 'WebCrypto alone accepts it');
  const before = calls.verify;
  await assert.rejects(new webhooks.WebhookVerifier(small.publicKey, options(small)).verifyRequest(asRequest(small, bodyBytes(small))), (e) => e.code === 'signature_mismatch');
  assert.equal(calls.verify, before, 'refused before WebCrypto');

  // Without Ed25519 in WebCrypto (importKey refuses it), the wasm verifies alone: same results.
  subtle.importKey = async () => {
    throw new DOMException('Unrecognized algorithm name', 'NotSupportedError');
  };
  calls.verify = 0;
  assert.ok((await requestVectors(webhooks)) > 150);
  assert.equal(calls.verify, 0);
  // And where WebCrypto throws while verifying, too.
  delete subtle.importKey;
  subtle.verify = async () => {
    throw new DOMException('Operation failed', 'OperationError');
  };
  assert.ok((await requestVectors(webhooks)) > 150);
});

/** Every vector through the synchronous calls, verifyWebhook and WebhookVerifier.verify. */
function syncVectors(entry) {
  for (const v of vectors) {
    const bytes = bodyBytes(v);
    expectOutcome(v, bytes, () => entry.verifyWebhook(bytes, v.headers, v.publicKey, options(v)), 'verifyWebhook');
    expectOutcome(v, bytes, () => new entry.WebhookVerifier(v.publicKey, options(v)).verify(bytes, v.headers), 'verify');
  }
}

test('Node: node:crypto computes the equation of the synchronous calls, and the wasm alone where it cannot, with the same result for every vector', (t) => {
  const { ed25519 } = platform;
  t.after(() => {
    platform.ed25519 = ed25519;
  });
  assert.equal(typeof ed25519, 'function', 'the Node entries install node:crypto');
  const calls = { make: 0, verify: 0 };
  platform.ed25519 = (raw) => {
    calls.make++;
    const native = ed25519(raw);
    return (...args) => {
      calls.verify++;
      return native(...args);
    };
  };
  syncVectors(webhooks);
  // Every call that passes the wasm's checks reaches node:crypto (valid signatures and
  // mismatches, twice per vector).
  assert.ok(calls.verify > 200, `${calls.verify} node:crypto verifications`);

  // node:crypto (OpenSSL, cofactorless) alone accepts the small-order R: the wasm refuses it first.
  const small = vectors.find((v) => v.name === 'invalid-signature-small-order-r');
  const message = Buffer.from(`${small.headers['telnyx-timestamp']}|${small.body}`);
  const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(small.publicKey, 'base64')]);
  const nodeKey = crypto.createPublicKey({ key: spki, format: 'der', type: 'spki' });
  assert.equal(crypto.verify(null, message, nodeKey, Buffer.from(small.headers['telnyx-signature-ed25519'], 'base64')), true, 'node:crypto alone accepts it');
  const before = calls.verify;
  assert.throws(() => new webhooks.WebhookVerifier(small.publicKey, options(small)).verify(small.body, small.headers), code('signature_mismatch'));
  assert.equal(calls.verify, before, 'refused before node:crypto');

  // Where the native key cannot be made, or its verify throws, the wasm verifies alone.
  platform.ed25519 = () => {
    throw new Error('unsupported');
  };
  syncVectors(webhooks);
  platform.ed25519 = () => () => {
    throw new Error('failed');
  };
  syncVectors(webhooks);
  // Its answer is final: false is a signature mismatch (the wasm's error, its code).
  platform.ed25519 = () => () => false;
  const valid = vectors.find((v) => !v.expect.error && typeof v.body === 'string');
  assert.throws(() => webhooks.verifyWebhook(valid.body, valid.headers, valid.publicKey, options(valid)), code('signature_mismatch'));
});

// ---- Beyond the vectors, with a key of the test's own ----

const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
const KEY = publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('base64');
const PEM = publicKey.export({ format: 'pem', type: 'spki' });

function signed(body, timestamp = Math.floor(Date.now() / 1000)) {
  const ts = String(timestamp);
  const bytes = typeof body === 'string' ? Buffer.from(body) : Buffer.from(body);
  const signature = crypto.sign(null, Buffer.concat([Buffer.from(`${ts}|`), bytes]), privateKey).toString('base64');
  return { 'telnyx-signature-ed25519': signature, 'telnyx-timestamp': ts };
}

const BODY = JSON.stringify({
  data: { event_type: 'message.received', id: 'evt-1', occurred_at: '2024-01-15T20:16:07.588+00:00', payload: { text: 'hi', to: [{ status: 'webhook_delivered' }] }, record_type: 'event' },
  meta: { attempt: 2, delivered_to: 'https://example.com/hook' },
});

const code = (c) => (e) => e instanceof main.SmsEdgeError && e.code === c;

for (const [entryName, entry] of entries) {
  test(`${entryName}: the default clock is Date.now(), and the tolerance option`, () => {
    const event = entry.verifyWebhook(BODY, signed(BODY), KEY);
    assert.equal(event.id, 'evt-1');
    assert.equal(event.attempt, 2);
    const old = Math.floor(Date.now() / 1000) - 400;
    assert.throws(() => entry.verifyWebhook(BODY, signed(BODY, old), KEY), code('timestamp_too_old'));
    assert.throws(() => entry.verifyWebhook(BODY, signed(BODY, old + 800), KEY), code('timestamp_too_new'));
    assert.equal(entry.verifyWebhook(BODY, signed(BODY, old), KEY, { toleranceSeconds: 500 }).id, 'evt-1');
    assert.equal(entry.verifyWebhook(BODY, signed(BODY, 1), KEY, { toleranceSeconds: Infinity }).id, 'evt-1');
    assert.equal(entry.verifyWebhook(BODY, signed(BODY, 1000), KEY, { now: 1000, toleranceSeconds: 0 }).id, 'evt-1');
    assert.throws(() => entry.verifyWebhook(BODY, signed(BODY, 1000), KEY, { now: 1001, toleranceSeconds: 0 }), code('timestamp_too_old'));
    // A fractional now (Date.now() / 1000) is floored.
    assert.equal(entry.verifyWebhook(BODY, signed(BODY, 1000), KEY, { now: 1000.9, toleranceSeconds: 0 }).id, 'evt-1');
    assert.equal(entry.verifyWebhook(BODY, signed(BODY), KEY, { now: undefined, toleranceSeconds: undefined }).id, 'evt-1');
    const verifier = new entry.WebhookVerifier(PEM, { toleranceSeconds: 10 });
    assert.equal(verifier.verify(BODY, signed(BODY)).id, 'evt-1');
    assert.throws(() => verifier.verify(BODY, signed(BODY, Math.floor(Date.now() / 1000) - 60)), code('timestamp_too_old'));
  });

  test(`${entryName}: body as string, Uint8Array, Buffer, ArrayBuffer, DataView and other views`, () => {
    const headers = signed(BODY);
    const bytes = encoder.encode(BODY);
    const padded = new Uint8Array(bytes.length + 8);
    padded.set(bytes, 4);
    for (const body of [BODY, bytes, Buffer.from(BODY), bytes.buffer, new DataView(padded.buffer, 4, bytes.length), padded.subarray(4, 4 + bytes.length)]) {
      assert.equal(entry.verifyWebhook(body, headers, KEY).id, 'evt-1', Object.prototype.toString.call(body));
    }
    assert.throws(() => entry.verifyWebhook(padded, headers, KEY), code('signature_mismatch'));
  });

  test(`${entryName}: headers as fetch Headers, Node-style objects, any case`, () => {
    const headers = signed(BODY);
    assert.equal(entry.verifyWebhook(BODY, new Headers(headers), KEY).id, 'evt-1');
    const upper = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
    assert.equal(entry.verifyWebhook(BODY, new Headers(upper), KEY).id, 'evt-1');
    assert.equal(entry.verifyWebhook(BODY, { 'content-type': 'application/json', host: 'x', ...upper }, KEY).id, 'evt-1');
    // A header given twice (two cases) is joined like fetch joins it: never one copy picked.
    const twice = { ...headers, 'Telnyx-Signature-Ed25519': headers['telnyx-signature-ed25519'] };
    assert.throws(() => entry.verifyWebhook(BODY, twice, KEY), code('invalid_signature_encoding'));
    const fetchTwice = new Headers(headers);
    fetchTwice.append('telnyx-timestamp', headers['telnyx-timestamp']);
    assert.throws(() => entry.verifyWebhook(BODY, fetchTwice, KEY), code('invalid_timestamp'));
    // An undefined value is an absent header.
    assert.throws(() => entry.verifyWebhook(BODY, { ...headers, 'telnyx-timestamp': undefined }, KEY), code('missing_timestamp_header'));
    assert.throws(() => entry.verifyWebhook(BODY, new Headers(), KEY), code('missing_signature_header'));
  });

  test(`${entryName}: wrong argument types are invalid_argument, never a crash`, () => {
    const headers = signed(BODY);
    const bad = code('invalid_argument');
    for (const body of [42, null, undefined, {}, [], true, Symbol('x'), [1, 2]]) {
      assert.throws(() => entry.verifyWebhook(body, headers, KEY), bad, String(typeof body));
      assert.throws(() => new entry.WebhookVerifier(KEY).verify(body, headers), bad);
    }
    for (const h of [null, undefined, 'x', 42, [], [['telnyx-timestamp', '1']]]) {
      assert.throws(() => entry.verifyWebhook(BODY, h, KEY), bad, JSON.stringify(h));
    }
    assert.throws(() => entry.verifyWebhook(BODY, { ...headers, 'telnyx-timestamp': 1700000000 }, KEY), bad);
    assert.throws(() => entry.verifyWebhook(BODY, { get: () => 5 }, KEY), bad);
    assert.throws(() => entry.verifyWebhook(BODY, { get: () => { throw new Error('boom'); } }, KEY), bad);
    for (const key of [42, null, undefined, new Uint8Array(32), {}]) {
      assert.throws(() => entry.verifyWebhook(BODY, headers, key), bad);
      assert.throws(() => new entry.WebhookVerifier(key), bad);
    }
    for (const o of ['x', 5, [], { tolerance: 300 }, { toleranceSeconds: -1 }, { toleranceSeconds: 1.5 }, { toleranceSeconds: '300' },
      { toleranceSeconds: NaN }, { toleranceSeconds: -Infinity }, { now: NaN }, { now: 'x' }, { now: Infinity }, { now: 1e300 }, { now: null }]) {
      assert.throws(() => entry.verifyWebhook(BODY, headers, KEY, o), bad, JSON.stringify(o));
      assert.throws(() => new entry.WebhookVerifier(KEY, o), bad, JSON.stringify(o));
    }
    // Argument types are checked before the key.
    assert.throws(() => entry.verifyWebhook(42, headers, 'not a key'), bad);
    assert.throws(() => entry.verifyWebhook(BODY, headers, 'not a key'), code('invalid_public_key'));
    assert.equal(entry.verifyWebhook(BODY, headers, KEY, null).id, 'evt-1');
  });

  test(`${entryName}: verifyRequest reads a Request's raw bytes, and rejects (never throws)`, async () => {
    const verifier = new entry.WebhookVerifier(KEY);
    const req = (body, headers) => new Request('https://example.com/', { method: 'POST', body, headers });
    const event = await verifier.verifyRequest(req(BODY, signed(BODY)));
    assert.equal(event.type, 'message.received');
    await assert.rejects(verifier.verifyRequest(req(`${BODY} `, signed(BODY))), code('signature_mismatch'));
    await assert.rejects(verifier.verifyRequest(req(BODY, {})), code('missing_signature_header'));
    for (const notRequest of [null, 42, 'x', {}, { headers: new Headers() }]) {
      const pending = verifier.verifyRequest(notRequest);
      assert.ok(pending instanceof Promise);
      await assert.rejects(pending, code('invalid_argument'));
    }
    const used = req(BODY, signed(BODY));
    await used.text();
    await assert.rejects(verifier.verifyRequest(used), TypeError); // body already read: fetch's own error
  });

  test(`${entryName}: errors are SmsEdgeError of the one class, and never hold the key or signature`, () => {
    const headers = signed(BODY);
    const errors = [];
    const collect = (f) => { try { f(); } catch (e) { errors.push(e); } };
    collect(() => entry.verifyWebhook(`${BODY}x`, headers, KEY));
    collect(() => entry.verifyWebhook(BODY, { ...headers, 'telnyx-signature-ed25519': headers['telnyx-signature-ed25519'].slice(4) }, KEY));
    collect(() => entry.verifyWebhook(BODY, headers, `${KEY}x`));
    collect(() => entry.verifyWebhook(BODY, headers, PEM.replace('A', 'B')));
    assert.equal(errors.length, 4);
    for (const e of errors) {
      assert.ok(e instanceof main.SmsEdgeError && e instanceof webhooks.SmsEdgeError && e instanceof Error);
      assert.equal(e.name, 'SmsEdgeError');
      const text = `${e.message} ${JSON.stringify(e)} ${e.stack}`;
      assert.ok(!text.includes(KEY) && !text.includes(headers['telnyx-signature-ed25519']) && !text.includes(BODY), e.code);
    }
    assert.deepEqual(errors.map((e) => e.code), ['signature_mismatch', 'invalid_signature_length', 'invalid_public_key', 'invalid_public_key']);
  });

  test(`${entryName}: events: flat v2 envelope, unknown types, BOM, unknown fields kept`, () => {
    const flat = JSON.stringify({ id: 'f1', event_type: 'porting_order.deleted', occurred_at: '2023-01-01T00:00:00Z', format: 'v2', payload: { id: 'p', extra: [1] } });
    assert.deepEqual(entry.verifyWebhook(flat, signed(flat), KEY), {
      id: 'f1', type: 'porting_order.deleted', occurredAt: '2023-01-01T00:00:00Z', attempt: null, deliveredTo: null,
      payload: { id: 'p', extra: [1] }, raw: JSON.parse(flat),
    });
    const unknown = '\uFEFF{"data":{"event_type":"call.initiated","id":"c1","payload":{"x":1}},"meta":{"attempt":"1"}}';
    const e = entry.verifyWebhook(unknown, signed(unknown), KEY);
    assert.deepEqual([e.type, e.id, e.attempt, e.occurredAt, e.payload], ['call.initiated', 'c1', null, null, { x: 1 }]);
    const notEvent = '{"hello":"world"}';
    assert.throws(() => entry.verifyWebhook(notEvent, signed(notEvent), KEY), code('invalid_payload'));
    const deep = `{"event_type":"a","id":"1","payload":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    assert.equal(entry.verifyWebhook(deep, signed(deep), KEY).id, '1');
  });
}

test('the workerd entry (wasm imported as a module, no init call) verifies', async () => {
  const { spawnSync } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const v = vectors.find((x) => x.expect.ok && typeof x.body === 'string');
  const script = `
    import { verifyWebhook, WebhookVerifier } from 'smsedge/webhooks';
    const v = ${JSON.stringify(v)};
    const event = new WebhookVerifier(v.publicKey, { now: v.now }).verify(v.body, v.headers);
    let code;
    try { verifyWebhook(v.body + ' ', v.headers, v.publicKey, { now: v.now }); } catch (e) { code = e.code; }
    console.log(JSON.stringify({ entry: import.meta.resolve('smsedge/webhooks'), id: event.id, code }));
  `;
  const run = spawnSync(process.execPath, ['--conditions=workerd', '--import', './tests/js/workerd-wasm-hooks.mjs', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const out = JSON.parse(run.stdout.trim().split('\n').pop());
  assert.match(out.entry, /\/webhooks\.workerd\.js$/);
  assert.deepEqual([out.id, out.code], [v.expect.id, 'signature_mismatch']);
});
