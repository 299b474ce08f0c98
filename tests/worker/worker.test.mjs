// examples/worker in workerd, the real Workers runtime (miniflare's bundled binary), on
// 127.0.0.1, with smsedge from its `npm pack` tarball: webhooks verified with smsedge/webhooks
// (the `workerd` build: .wasm imported as a compiled module, no init call), replays dropped through KV, events handed on to a forwarding
// URL and to a Queue, and the /api proxy against a local fake Telnyx API.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import http from 'node:http';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Miniflare } from 'miniflare';
import { workerModules, ROOT, WORKER_DIR } from './workerd.mjs';
import { loadVectors } from '../js/vectors.mjs';

const { vectors } = loadVectors('webhooks.json');
const encoder = new TextEncoder();

// The vectors' own key: ed25519-dalek SigningKey::from_bytes(&[1; 32]).
const SEED = Buffer.alloc(32, 1);
const PRIVATE_KEY = crypto.createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), SEED]), format: 'der', type: 'pkcs8' });
const PUBLIC_KEY = crypto.createPublicKey(PRIVATE_KEY).export({ format: 'der', type: 'spki' }).subarray(12).toString('base64');
const API_KEY = 'KEY0123456789ABCDEF_test_secret_value';
const ORIGIN = 'https://app.example.com';
const ROUTES = 'POST /v2/messages, GET /v2/messages/*';
const L = (1n << 252n) + 27742317777372353535851937790883648493n;

function bodyBytes(v) {
  if (typeof v.body === 'string') return encoder.encode(v.body);
  if (typeof v.bodyBase64 === 'string') return new Uint8Array(Buffer.from(v.bodyBase64, 'base64'));
  const { prefix, unit, count, suffix } = v.bodyRepeat;
  return encoder.encode(prefix + unit.repeat(count) + suffix);
}

function sign(bytes, timestamp = Math.floor(Date.now() / 1000)) {
  const ts = String(timestamp);
  const signature = crypto.sign(null, Buffer.concat([Buffer.from(`${ts}|`), Buffer.from(bytes)]), PRIVATE_KEY);
  return { 'telnyx-signature-ed25519': signature.toString('base64'), 'telnyx-timestamp': ts };
}

/** A local HTTP server recording requests; `respond(req, body)` gives [status, headers, body]. */
async function server(respond) {
  const requests = [];
  const srv = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: req.method, url: req.url, headers: req.headers, body });
      Promise.resolve(respond(req, body)).then(([status, headers, out]) => res.writeHead(status, headers).end(out));
    });
  });
  await new Promise((resolve) => srv.listen(0, '127.0.0.1', resolve));
  return { requests, url: `http://127.0.0.1:${srv.address().port}`, close: () => new Promise((r) => { srv.close(r); srv.closeAllConnections(); }) };
}

async function waitFor(check, what, ms = 10_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

// Vectors replayed as they are (their own bodies, headers and keys): all but the ones about the
// clock, which the fresh-signature tests below cover against the runtime's real clock. The
// Worker's tolerance is widened so their timestamps (2023-11-14) still count as fresh.
const replayable = vectors.filter((v) => {
  if (v.toleranceSeconds !== undefined || ['timestamp_too_old', 'timestamp_too_new'].includes(v.expect.error)) return false;
  // An empty header value does not survive the HTTP hop into workerd (it arrives as absent).
  if (Object.values(v.headers).includes('')) return false;
  try {
    const h = new Headers(v.headers);
    return Object.entries(v.headers).every(([k, value]) => h.get(k) === value);
  } catch {
    return false; // not expressible as HTTP headers (CR/LF, non-Latin-1)
  }
});
const keys = [...new Set(replayable.map((v) => v.publicKey))];

let mf, capture, telnyx, packDir;
const fetchers = {};

before(async () => {
  // /slow answers after 2.5 s: a forward target slower than Telnyx's 2-second window.
  capture = await server(async (req) => {
    if (req.url === '/slow') await new Promise((r) => setTimeout(r, 2500));
    return [200, {}, 'ok'];
  });
  // A fake Telnyx API that echoes the Authorization header back in a header and in the body.
  telnyx = await server((req, body) => [
    req.url.startsWith('/v2/messages/redirect') ? 302 : 200,
    { 'content-type': 'application/json', authorization: req.headers.authorization ?? '', 'x-echo': req.headers.authorization ?? '', 'set-cookie': 'a=b', location: 'https://evil.example/', 'x-request-id': 'req-1' },
    JSON.stringify({ data: { method: req.method, url: req.url, sawAuthorization: req.headers.authorization, body, cookie: req.headers.cookie ?? null } }),
  ]);
  // The Worker gets smsedge as a user's `npm install` would: from the tarball `npm pack` makes
  // (so the package's `files` and `exports` are what is tested), unpacked, no install scripts.
  packDir = mkdtempSync(path.join(os.tmpdir(), 'smsedge-worker-'));
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', packDir, path.join(ROOT, 'pkg')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim().split('\n').at(-1);
  execFileSync('tar', ['-xzf', path.join(packDir, tarball), '-C', packDir]);
  const modules = workerModules(`${WORKER_DIR}/src/index.js`, {}, { smsedge: path.join(packDir, 'package') });
  assert.ok(modules.some((m) => m.type === 'CompiledWasm' && m.path.endsWith('/dist/webhooks/smsedge_bg.wasm')));
  const base = { modules, modulesRoot: '/worker', compatibilityDate: '2025-09-01' };
  const tolerance = String(Math.floor(Date.now() / 1000) - 1_700_000_000 + 3600);
  mf = new Miniflare({
    host: '127.0.0.1',
    workers: [
      {
        ...base,
        name: 'main',
        kvNamespaces: ['WEBHOOK_IDS'],
        bindings: {
          TELNYX_PUBLIC_KEY: PUBLIC_KEY,
          FORWARD_URL: `${capture.url}/forward`,
          FORWARD_TOKEN: 'forward-token',
          TELNYX_API_KEY: API_KEY,
          ALLOWED_ROUTES: ROUTES,
          ALLOWED_ORIGIN: ORIGIN,
          TELNYX_BASE_URL: telnyx.url,
        },
      },
      { ...base, name: 'queued', kvNamespaces: { WEBHOOK_IDS: 'queued-ids' }, queueProducers: { EVENTS: 'telnyx-events' }, bindings: { TELNYX_PUBLIC_KEY: PUBLIC_KEY } },
      {
        name: 'consumer',
        modules: true,
        compatibilityDate: '2025-09-01',
        bindings: { CAPTURE: `${capture.url}/queue` },
        queueConsumers: { 'telnyx-events': { maxBatchSize: 10, maxBatchTimeout: 0 } },
        script: `export default { async queue(batch, env) {
          await fetch(env.CAPTURE, { method: 'POST', body: JSON.stringify(batch.messages.map((m) => m.body)) });
          batch.ackAll();
        } }`,
      },
      { ...base, name: 'nosink', bindings: { TELNYX_PUBLIC_KEY: PUBLIC_KEY } },
      { ...base, name: 'slowsink', bindings: { TELNYX_PUBLIC_KEY: PUBLIC_KEY, FORWARD_URL: `${capture.url}/slow` } },
      { ...base, name: 'badconfig', bindings: { TELNYX_PUBLIC_KEY: PUBLIC_KEY, WEBHOOK_TOLERANCE_SECONDS: 'soon', FORWARD_URL: `${capture.url}/never` } },
      ...keys.map((key, i) => ({
        ...base,
        name: `vectors${i}`,
        bindings: { TELNYX_PUBLIC_KEY: key, WEBHOOK_TOLERANCE_SECONDS: tolerance, FORWARD_URL: `${capture.url}/vectors` },
      })),
    ],
  });
  await mf.ready;
  for (const name of ['main', 'queued', 'nosink', 'badconfig', 'slowsink', ...keys.map((_, i) => `vectors${i}`)]) fetchers[name] = await mf.getWorker(name);
});

after(async () => {
  await mf?.dispose();
  await capture?.close();
  await telnyx?.close();
  if (packDir) rmSync(packDir, { recursive: true, force: true });
});

const post = (worker, body, headers) => fetchers[worker].fetch('http://worker.test/webhooks/telnyx', { method: 'POST', body, headers });

test('every replayable vector through the Worker: accepted and forwarded, or refused with its code', async () => {
  assert.equal(replayable.length, 168, 'vectors replayed as they are (README: Cloudflare Worker)');
  const before = capture.requests.length;
  const expected = [];
  const codes = new Set();
  for (const v of replayable) {
    const worker = `vectors${keys.indexOf(v.publicKey)}`;
    const response = await post(worker, bodyBytes(v), v.headers);
    const text = await response.text();
    if (v.expect.error) {
      const keyFault = ['invalid_public_key', 'weak_public_key'].includes(v.expect.error);
      assert.equal(response.status, keyFault ? 500 : 403, v.name);
      assert.equal(text, v.expect.error, v.name);
      assert.equal(response.headers.get('content-type'), 'text/plain; charset=utf-8', v.name);
      codes.add(v.expect.error);
    } else {
      assert.equal(response.status, 200, v.name);
      assert.equal(text, 'ok', v.name);
      expected.push(`${v.expect.type} ${v.expect.id} ${v.expect.attempt}`);
    }
  }
  // The forwards run after the responses (ctx.waitUntil).
  await waitFor(() => capture.requests.length - before >= expected.length, 'the forwards');
  const forwarded = capture.requests.slice(before).map((r) => {
    assert.equal(r.url, '/vectors');
    const e = JSON.parse(r.body);
    assert.deepEqual(Object.keys(e), ['id', 'type', 'occurredAt', 'attempt', 'deliveredTo', 'payload', 'raw']);
    assert.equal(r.headers['telnyx-event-id'], e.id);
    return `${e.type} ${e.id} ${e.attempt}`;
  });
  assert.deepEqual(forwarded.sort(), expected.sort());
  const types = new Set(replayable.filter((v) => !v.expect.error).map((v) => v.expect.type));
  assert.equal(types.size, 12, [...types].join(', '));
  assert.deepEqual([...codes].sort(), [
    'invalid_payload', 'invalid_public_key', 'invalid_signature_encoding', 'invalid_signature_length', 'invalid_timestamp',
    'missing_signature_header', 'missing_timestamp_header', 'non_canonical_signature', 'signature_mismatch', 'weak_public_key',
  ]);
});

test('valid events of each type, freshly signed: 200, forwarded once with the token, a replay dropped', async () => {
  const byType = new Map();
  for (const v of vectors) if (!v.expect.error && v.publicKey === PUBLIC_KEY && !byType.has(v.expect.type)) byType.set(v.expect.type, v);
  assert.equal(byType.size, 12, [...byType.keys()].join(", "));
  for (const [type, v] of byType) {
    // Unique ids: the main Worker's KV remembers every id it has handled.
    const body = bodyBytes(v);
    const start = capture.requests.length;
    const first = await post('main', body, sign(body));
    assert.equal(first.status, 200, type);
    assert.equal(await first.text(), 'ok', type);
    await waitFor(() => capture.requests.length > start, `the forward of ${type}`);
    const [forward] = capture.requests.slice(start);
    assert.equal(forward.url, '/forward');
    assert.equal(forward.headers.authorization, 'Bearer forward-token');
    assert.equal(forward.headers['content-type'], 'application/json');
    const event = JSON.parse(forward.body);
    assert.equal(event.type, type);
    assert.equal(event.id, v.expect.id);
    assert.deepEqual(event.raw, JSON.parse(new TextDecoder().decode(body)));

    // Telnyx's retry of the same event: a new timestamp and signature, the same id. The KV put
    // runs after the response: wait until it is there.
    let again;
    for (let i = 0; i < 40; i++) {
      again = await post('main', body, sign(body));
      if ((await again.clone().text()) === 'duplicate') break;
      await new Promise((r) => setTimeout(r, 25));
    }
    assert.equal(again.status, 200, type);
    assert.equal(await again.text(), 'duplicate', type);
  }
  await new Promise((r) => setTimeout(r, 200));
  const forwards = capture.requests.filter((r) => r.url === '/forward').map((r) => JSON.parse(r.body).id);
  assert.equal(new Set(forwards).size, forwards.length, 'no event forwarded twice');
});

test('a slow forwarding target does not delay the answer: the forward runs after it (ctx.waitUntil)', async () => {
  const v = vectors.find((x) => x.expect.type === 'message.sent' && x.publicKey === PUBLIC_KEY);
  const body = bodyBytes(v);
  const start = capture.requests.length;
  const t0 = performance.now();
  const response = await post('slowsink', body, sign(body));
  assert.equal(await response.text(), 'ok');
  const elapsed = performance.now() - t0;
  assert.ok(elapsed < 1000, `answered in ${elapsed.toFixed(0)} ms`); // Telnyx waits 2 s
  await waitFor(() => capture.requests.slice(start).some((r) => r.url === '/slow'), 'the slow forward');
  assert.equal(JSON.parse(capture.requests.slice(start).find((r) => r.url === '/slow').body).id, v.expect.id);
});

test('every failure code against the real clock: 403 and the code as the whole body', async () => {
  const body = encoder.encode(JSON.stringify({ data: { event_type: 'message.received', id: 'evt-fail', payload: { text: 'hi' } }, meta: { attempt: 1 } }));
  const now = Math.floor(Date.now() / 1000);
  const good = sign(body, now);
  const sig = Buffer.from(good['telnyx-signature-ed25519'], 'base64');
  let s = 0n;
  for (let i = 63; i >= 32; i--) s = (s << 8n) | BigInt(sig[i]);
  s += L;
  const malleated = Buffer.from(sig);
  for (let i = 32; i < 64; i++) {
    malleated[i] = Number(s & 0xffn);
    s >>= 8n;
  }
  const cases = [
    ['missing_signature_header', body, { 'telnyx-timestamp': String(now) }],
    ['missing_timestamp_header', body, { 'telnyx-signature-ed25519': good['telnyx-signature-ed25519'] }],
    ['invalid_timestamp', body, { ...good, 'telnyx-timestamp': `+${now}` }],
    ['timestamp_too_old', body, sign(body, now - 400)],
    ['timestamp_too_new', body, sign(body, now + 400)],
    ['invalid_signature_encoding', body, { ...good, 'telnyx-signature-ed25519': 'not base64!' }],
    ['invalid_signature_length', body, { ...good, 'telnyx-signature-ed25519': sig.subarray(0, 63).toString('base64') }],
    ['non_canonical_signature', body, { ...good, 'telnyx-signature-ed25519': malleated.toString('base64') }],
    ['signature_mismatch', encoder.encode(new TextDecoder().decode(body).replace('hi', 'ho')), good],
    ['invalid_payload', encoder.encode('{"hello":"world"}'), sign(encoder.encode('{"hello":"world"}'), now)],
  ];
  const start = capture.requests.length;
  for (const [code, bytes, headers] of cases) {
    const response = await post('main', bytes, headers);
    assert.equal(response.status, 403, code);
    assert.equal(await response.text(), code);
  }
  // The untampered request is accepted (so the cases above failed for their one fault only).
  assert.equal((await post('main', body, good)).status, 200);
  await waitFor(() => capture.requests.length > start, 'the forward');
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(capture.requests.length, start + 1, 'only the valid one was forwarded');

  const wrongMethod = await fetchers.main.fetch('http://worker.test/webhooks/telnyx');
  assert.equal(wrongMethod.status, 405);
  assert.deepEqual(await wrongMethod.json(), { error: 'method_not_allowed' });
  const nowhere = await fetchers.main.fetch('http://worker.test/elsewhere');
  assert.equal(nowhere.status, 404);
  assert.deepEqual(await nowhere.json(), { error: 'not_found' });
});

test('EVENTS queue: verified events are sent to the Queue before the 200, replays are not', async () => {
  const v = vectors.find((x) => x.expect.type === 'message.finalized' && x.publicKey === PUBLIC_KEY);
  const body = bodyBytes(v);
  const start = capture.requests.length;
  const response = await post('queued', body, sign(body));
  assert.equal(response.status, 200);
  assert.equal(await response.text(), 'ok');
  await waitFor(() => capture.requests.some((r, i) => i >= start && r.url === '/queue'), 'the queue consumer');
  const batch = JSON.parse(capture.requests.slice(start).find((r) => r.url === '/queue').body);
  assert.equal(batch.length, 1);
  assert.equal(batch[0].id, v.expect.id);
  assert.equal(batch[0].type, 'message.finalized');

  let again;
  for (let i = 0; i < 40; i++) {
    again = await post('queued', body, sign(body));
    if ((await again.clone().text()) === 'duplicate') break;
    await new Promise((r) => setTimeout(r, 25));
  }
  assert.equal(await again.text(), 'duplicate');
  // With nowhere to send events, the Worker fails loudly (Telnyx retries) rather than dropping them.
  const lost = await post('nosink', body, sign(body));
  assert.equal(lost.status, 500);
  assert.equal(await lost.text(), 'no_event_sink');
  // A bad var is a configuration error too: 500, not a 403 that blames the sender.
  const misconfigured = await post('badconfig', body, sign(body));
  assert.equal(misconfigured.status, 500);
  assert.equal(await misconfigured.text(), 'invalid_argument');
});

// ---- /api proxy ----

const api = (path, init = {}) => fetchers.main.fetch(`http://worker.test/api${path}`, { ...init, headers: { Origin: ORIGIN, ...init.headers } });

function assertNoKey(response, text) {
  assert.ok(!text.includes(API_KEY), 'key in body');
  for (const [name, value] of response.headers) assert.ok(!value.includes(API_KEY), `key in header ${name}`);
  assert.equal(response.headers.get('authorization'), null);
  assert.equal(response.headers.get('set-cookie'), null);
}

test('proxy: an allowed call goes to Telnyx with the key injected, and the key never comes back', async () => {
  const start = telnyx.requests.length;
  const response = await api('/v2/messages', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer page-supplied', cookie: 'session=1' },
    body: JSON.stringify({ from: '+13125550100', to: '+13125550101', text: 'Hi' }),
  });
  const text = await response.text();
  assert.equal(response.status, 200, text);
  const upstream = telnyx.requests[start];
  assert.equal(upstream.method, 'POST');
  assert.equal(upstream.url, '/v2/messages');
  assert.equal(upstream.headers.authorization, `Bearer ${API_KEY}`); // ours, not the page's
  assert.equal(upstream.headers.cookie, undefined);
  assert.deepEqual(JSON.parse(upstream.body), { from: '+13125550100', to: '+13125550101', text: 'Hi' });
  // The fake API echoed the Authorization header in `authorization`, `x-echo` and the body.
  assertNoKey(response, text);
  assert.equal(JSON.parse(text).data.sawAuthorization, 'Bearer [redacted]');
  assert.equal(response.headers.get('x-echo'), null);
  assert.equal(response.headers.get('x-request-id'), 'req-1');
  assert.equal(response.headers.get('access-control-allow-origin'), ORIGIN);

  const get = await api('/v2/messages/4031-abcd?x=1');
  const getText = await get.text();
  assert.equal(get.status, 200);
  assert.equal(telnyx.requests.at(-1).url, '/v2/messages/4031-abcd?x=1');
  assertNoKey(get, getText);

  // A redirect is not followed (it would carry the key) and not passed on.
  const redirect = await api('/v2/messages/redirect');
  const redirectText = await redirect.text();
  assert.equal(redirect.status, 502);
  assert.equal(redirect.headers.get('location'), null);
  assertNoKey(redirect, redirectText);
});

test('proxy: CORS preflight for the allowed origin and route only', async () => {
  const ok = await api('/v2/messages', { method: 'OPTIONS', headers: { 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' } });
  assert.equal(ok.status, 204);
  assert.equal(ok.headers.get('access-control-allow-origin'), ORIGIN);
  assert.equal(ok.headers.get('access-control-allow-methods'), 'POST');
  assert.match(ok.headers.get('access-control-allow-headers'), /content-type/);
  const wrongMethod = await api('/v2/messages', { method: 'OPTIONS', headers: { 'Access-Control-Request-Method': 'DELETE' } });
  assert.equal(wrongMethod.status, 405);
  const foreign = await fetchers.main.fetch('http://worker.test/api/v2/messages', { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' } });
  assert.equal(foreign.status, 403);
  assert.equal(foreign.headers.get('access-control-allow-origin'), null);
});

test('proxy: refuses other paths, methods and origins with a small JSON error, and never calls Telnyx', async () => {
  const start = telnyx.requests.length;
  const cases = [
    [await api('/v2/balance'), 404, 'route_not_allowed'],
    [await api('/v2/messages/abc/extra'), 404, 'route_not_allowed'],
    [await api('/v2/messages/..%2Fbalance'), 404, 'route_not_allowed'],
    [await api('/v2/messages', { method: 'GET' }), 405, 'method_not_allowed'],
    [await api('/v2/messages/abc', { method: 'DELETE' }), 405, 'method_not_allowed'],
    [await fetchers.main.fetch('http://worker.test/api/v2/messages', { method: 'POST', headers: { Origin: 'https://evil.example' }, body: '{}' }), 403, 'origin_not_allowed'],
    [await fetchers.main.fetch('http://worker.test/api/v2/messages', { method: 'POST', body: '{}' }), 403, 'origin_not_allowed'],
    [await fetchers.queued.fetch('http://worker.test/api/v2/messages', { method: 'POST', headers: { Origin: ORIGIN }, body: '{}' }), 403, 'origin_not_allowed'],
  ];
  for (const [response, status, error] of cases) {
    const text = await response.text();
    assert.equal(response.status, status, text);
    assert.deepEqual(JSON.parse(text), { error });
    assertNoKey(response, text);
  }
  assert.equal(telnyx.requests.length, start, 'nothing reached the API');
});
