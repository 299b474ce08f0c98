// The API client against a fault-injecting server of our own on 127.0.0.1: retries and what is
// never retried, Retry-After, timeouts, dropped connections, every error shape of
// tests/vectors/api-errors, pagination that ends and pagination that would not, and the API key
// never showing in an error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { TelnyxClient, TelnyxApiError, SmsEdgeError } from 'smsedge';
import { startServer, closedPort, json } from './client-server.mjs';

const KEY = 'KEYsmsedgeTESTsecret0123456789';
const vectors = new URL('../vectors/api-errors/', import.meta.url);
const SEND = { from: '+13125550100', to: '+13125550101', text: 'Hello' };
const FAST = { retryBaseDelayMs: 1, retryMaxDelayMs: 5 };

let server;
before(async () => {
  server = await startServer();
});
after(() => server.close());

const client = (options = {}) => new TelnyxClient({ apiKey: KEY, baseUrl: server.url, ...FAST, ...options });

async function rejects(promise) {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  assert.fail('expected a rejection');
}

/** The key must not be anywhere in what a caller can see or log. */
function assertNoKey(value) {
  const seen = [String(value), value?.stack ?? '', JSON.stringify(value) ?? '', JSON.stringify({ ...value })];
  for (const text of seen) assert.ok(!text.includes(KEY) && !text.includes('secret0123'), text);
}

test('the request on the wire: URL, deepObject query, %2B in paths, headers, JSON body', async () => {
  server.reset((req, res) => json(res, 200, { data: { id: 'm1' } }));
  const c = client();
  await c.messages.send(SEND);
  await c.messaging10dlc.phoneNumberCampaigns.retrieve('+13125550100');
  await c.portingOrders.retrieve('a/b', { include_phone_numbers: false });
  await c.portingOrders.list({ filter: { status: { value: ['draft', 'exception'] } }, page: { size: 5 } });
  const [send, pnc, order, list] = server.requests;
  assert.equal(send.method, 'POST');
  assert.equal(send.url, '/v2/messages');
  assert.equal(send.headers.authorization, `Bearer ${KEY}`);
  assert.equal(send.headers['content-type'], 'application/json');
  assert.equal(send.headers.accept, 'application/json');
  assert.deepEqual(JSON.parse(send.body), SEND);
  assert.equal(pnc.url, '/v2/10dlc/phone_number_campaigns/%2B13125550100');
  assert.equal(pnc.headers['content-type'], undefined);
  assert.equal(order.url, '/v2/porting_orders/a%2Fb?include_phone_numbers=false');
  assert.equal(list.url, '/v2/porting_orders?filter%5Bstatus%5D%5Bvalue%5D=draft&filter%5Bstatus%5D%5Bvalue%5D=exception&page%5Bsize%5D=5');
});

test('without an API key (a proxy adds it) no Authorization header is sent', async () => {
  server.reset((req, res) => json(res, 200, { data: [] }));
  await new TelnyxClient({ baseUrl: server.url }).messagingOptouts.list();
  assert.equal(server.requests[0].headers.authorization, undefined);
});

test('results: the body as sent, and .withResponse() with attempts, requestId, rateLimit', async () => {
  server.reset((req, res) =>
    json(res, 200, { data: { id: 'm1', to: [{ status: 'queued' }], unknown_field: 1 } }, {
      'x-request-id': 'req_1',
      'x-ratelimit-limit': '100',
      'x-ratelimit-remaining': '99',
      'x-ratelimit-reset': '30',
    }));
  const c = client();
  assert.deepEqual(await c.messages.send(SEND), { data: { id: 'm1', to: [{ status: 'queued' }], unknown_field: 1 } });
  const full = await c.messages.send(SEND).withResponse();
  assert.equal(full.attempts, 1);
  assert.equal(full.status, 200);
  assert.equal(full.requestId, 'req_1');
  assert.deepEqual(full.rateLimit, { limit: 100, remaining: 99, reset: 30, resetInSecs: 30 });
  assert.equal(full.data.data.id, 'm1');
  server.reset((req, res) => res.writeHead(204).end());
  assert.equal(await c.porting.events.republish('e1'), undefined);
});

test('429 with Retry-After: retried after the delay it asks for, even a POST', async () => {
  server.reset((req, res, body, n) =>
    n === 1
      ? json(res, 429, { errors: [{ code: '10011', title: 'Too many requests' }] }, { 'retry-after': '1' })
      : json(res, 200, { data: { id: 'm1' } }));
  const started = Date.now();
  const r = await client().messages.send(SEND).withResponse();
  const elapsed = Date.now() - started;
  assert.equal(server.requests.length, 2);
  assert.equal(r.attempts, 2);
  assert.ok(elapsed >= 950, `waited ${elapsed} ms`);
});

test('429 spend limit (40333) and a Retry-After beyond the cap are not retried', async () => {
  server.reset((req, res) =>
    json(res, 429, { errors: [{ code: '40333', title: 'Messaging profile spend limit reached' }] }, { 'retry-after': '5' }));
  let e = await rejects(client().messages.send(SEND));
  assert.ok(e instanceof TelnyxApiError);
  assert.equal(e.code, '40333');
  assert.equal(e.retryAfter, 5);
  assert.equal(e.attempts, 1);
  assert.equal(server.requests.length, 1);

  server.reset((req, res) => json(res, 429, { errors: [{ code: '10011' }] }, { 'retry-after': '120' }));
  e = await rejects(client().messagingProfiles.retrieve('p1'));
  assert.equal(e.retryAfter, 120);
  assert.equal(e.attempts, 1);
  assert.equal(server.requests.length, 1);
});

test('errors through .withResponse(), .catch() and PagePromise are handled once, never unhandled', async () => {
  const unhandled = [];
  const onUnhandled = (e) => unhandled.push(e);
  process.on('unhandledRejection', onUnhandled);
  try {
    server.reset((req, res) => json(res, 404, { errors: [{ code: '10005' }] }));
    const c = client();
    const viaFull = await c.messages.retrieve('m1').withResponse().catch((e) => e);
    assert.equal(viaFull.code, '10005');
    assert.equal(await c.messages.retrieve('m1').catch((e) => e.status), 404);
    assert.equal(await c.porting.events.list().catch((e) => e.status), 404);
    assert.equal(await c.porting.events.list().withResponse().catch((e) => e.status), 404);
    let finallyRan = false;
    await c.porting.events.list().finally(() => (finallyRan = true)).catch(() => {});
    assert.ok(finallyRan);
    await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(unhandled, []);
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
});

test('500 on POST messages.send: sent exactly once, the error says attempts = 1', async () => {
  server.reset((req, res) => json(res, 500, { errors: [{ code: '10007', title: 'Unexpected error' }] }));
  const e = await rejects(client({ maxRetries: 5 }).messages.send(SEND));
  assert.equal(server.requests.length, 1);
  assert.ok(e instanceof TelnyxApiError && e instanceof SmsEdgeError);
  assert.equal(e.name, 'TelnyxApiError');
  assert.equal(e.status, 500);
  assert.equal(e.code, '10007');
  assert.equal(e.attempts, 1);
});

test('retryUnsafePost opts a POST into 5xx retries', async () => {
  server.reset((req, res, body, n) => (n < 3 ? json(res, 503, {}) : json(res, 200, { data: {} })));
  const r = await client({ retryUnsafePost: true }).messages.send(SEND).withResponse();
  assert.equal(r.attempts, 3);
});

test('500 on GET: retried up to maxRetries, then thrown with every attempt counted', async () => {
  server.reset((req, res) => json(res, 500, { errors: [{ code: '10007' }] }));
  const e = await rejects(client({ maxRetries: 3 }).messages.retrieve('m1'));
  assert.equal(server.requests.length, 4);
  assert.equal(e.attempts, 4);
  assert.equal(e.status, 500);

  server.reset((req, res, body, n) => (n === 1 ? json(res, 502, {}) : json(res, 200, { data: { id: 'p' } })));
  const r = await client().messagingProfiles.update('p', { smart_encoding: true }).withResponse();
  assert.equal(r.attempts, 2);
  assert.equal(server.requests[1].method, 'PATCH');

  server.reset((req, res) => json(res, 404, { errors: [{ code: '10005', title: 'Resource not found' }] }));
  const notFound = await rejects(client().messages.retrieve('m1'));
  assert.equal(notFound.attempts, 1);
  assert.equal(server.requests.length, 1);
});

test('timeouts abort the request: GET retried, POST not', async () => {
  const held = [];
  server.reset((req, res) => held.push(res));
  let e = await rejects(client({ timeoutMs: 150, maxRetries: 1 }).messages.retrieve('m1'));
  assert.ok(e instanceof SmsEdgeError && !(e instanceof TelnyxApiError));
  assert.equal(e.code, 'timeout');
  assert.equal(e.attempts, 2);
  assert.equal(server.requests.length, 2);

  server.reset((req, res) => held.push(res));
  e = await rejects(client({ timeoutMs: 150, maxRetries: 3 }).messages.send(SEND));
  assert.equal(e.code, 'timeout');
  assert.equal(e.attempts, 1);
  assert.equal(server.requests.length, 1);
  // The client aborted: the server sees its connections closed.
  await new Promise((r) => setTimeout(r, 50));
  assert.ok(held.every((res) => res.destroyed || res.socket === null || res.socket.destroyed));

  // Headers arrive, the body stalls: still a timeout.
  server.reset((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"data":');
  });
  e = await rejects(client({ timeoutMs: 150, maxRetries: 0 }).messages.retrieve('m1'));
  assert.equal(e.code, 'timeout');
});

test('a dropped connection: GET retried; POST not (it may have been sent)', async () => {
  server.reset((req) => req.socket.destroy());
  let e = await rejects(client({ maxRetries: 2 }).porting.events.retrieve('e1'));
  assert.equal(e.code, 'network');
  assert.equal(e.attempts, 3);
  assert.equal(server.requests.length, 3);

  server.reset((req) => req.socket.destroy());
  e = await rejects(client({ maxRetries: 2 }).messages.send(SEND));
  assert.equal(e.code, 'network');
  assert.equal(e.attempts, 1);
  assert.equal(server.requests.length, 1);
});

test('a refused connection: nothing was sent, so even a POST is retried', async () => {
  const port = await closedPort();
  const c = new TelnyxClient({ apiKey: KEY, baseUrl: `http://127.0.0.1:${port}/v2`, maxRetries: 2, ...FAST });
  const e = await rejects(c.messages.send(SEND));
  assert.equal(e.code, 'network');
  assert.equal(e.attempts, 3);
  assert.match(e.message, /ECONNREFUSED/);
  assertNoKey(e);
});

test('an injected fetch is called as given, and its synchronous throw counts as not sent', async () => {
  const seen = [];
  const fetch = function (url, init) {
    seen.push({ self: this, url, init });
    if (seen.length === 1) throw new TypeError('offline');
    return Promise.resolve(new Response('{"data":{"id":"m1"}}', { status: 200 }));
  };
  const r = await new TelnyxClient({ apiKey: KEY, fetch, ...FAST }).messages.send(SEND).withResponse();
  assert.equal(r.attempts, 2);
  assert.equal(seen[1].self, undefined);
  assert.equal(seen[1].url, 'https://api.telnyx.com/v2/messages');
  assert.equal(seen[1].init.method, 'POST');
  assert.ok(seen[1].init.signal instanceof AbortSignal);
});

test('every error shape in tests/vectors/api-errors is parsed without failing', async () => {
  const { cases } = JSON.parse(readFileSync(new URL('cases.json', vectors), 'utf8'));
  assert.ok(cases.length >= 15);
  for (const c of cases) {
    const body = readFileSync(new URL(c.file, vectors));
    server.reset((req, res) => {
      res.writeHead(c.status, c.headers);
      res.end(body);
    });
    const apiKey = c.api_key ?? KEY;
    const e = await rejects(new TelnyxClient({ apiKey, baseUrl: server.url, maxRetries: 0 }).messages.retrieve('m1'));
    const x = c.expect;
    assert.ok(e instanceof TelnyxApiError, c.name);
    assert.equal(e.status, c.status, c.name);
    assert.equal(e.code, x.code ?? 'http_error', c.name);
    assert.equal(e.errors.length >= (x.errors?.length ?? 0), true, c.name);
    x.errors?.forEach((want, i) => {
      const got = e.errors[i];
      for (const k of ['code', 'title', 'detail']) if (k in want) assert.equal(got[k], want[k], `${c.name}: errors[${i}].${k}`);
      if ('pointer' in want) assert.equal(got.source?.pointer, want.pointer, c.name);
      if ('parameter' in want) assert.equal(got.source?.parameter, want.parameter, c.name);
      if ('meta' in want) assert.deepEqual(got.meta, want.meta, c.name);
    });
    if (x.errors?.length === 0) assert.equal(e.errors.length, 0, c.name);
    if ('request_id' in x) assert.equal(e.requestId, x.request_id, c.name);
    // A Retry-After date is relative to the clock: only delay-seconds are checked exactly.
    if ('retry_after_ms' in x && /^\d+$/.test(Object.entries(c.headers).find(([k]) => k.toLowerCase() === 'retry-after')?.[1] ?? '')) {
      assert.equal(e.retryAfter, x.retry_after_ms / 1000, c.name);
    }
    if (x.rate_limit) {
      for (const k of ['limit', 'remaining', 'reset']) if (k in x.rate_limit) assert.equal(e.rateLimit[k], x.rate_limit[k], c.name);
    }
    if ('raw_body' in x) assert.equal(e.rawBody, x.raw_body, c.name);
    assert.equal(e.attempts, 1);
    assert.ok(!e.message.includes(apiKey) && !e.rawBody.includes(apiKey), c.name);
    assert.ok(!JSON.stringify(e).includes(apiKey), c.name);
  }
});

test('the API key never appears: echoed by a proxy, in headers, in fetch errors, in config errors', async () => {
  server.reset((req, res) =>
    json(res, 401, { errors: [{ code: '10009', title: 'Authentication failed', detail: `Rejected ${req.headers.authorization}`, meta: { auth: req.headers.authorization } }], echo: req.headers }, {
      'x-request-id': `req_${req.headers.authorization}`,
    }));
  const e = await rejects(client().messages.send(SEND));
  assert.equal(e.code, '10009');
  assert.match(e.errors[0].detail, /<redacted>/);
  assertNoKey(e);
  for (const v of [e.rawBody, e.requestId, e.errors, e.message]) assert.ok(!JSON.stringify(v).includes(KEY));

  const leaky = () => Promise.reject(new Error(`socket hang up; sent Authorization: Bearer ${KEY}`));
  const net = await rejects(new TelnyxClient({ apiKey: KEY, fetch: leaky, maxRetries: 0 }).messages.retrieve('m1'));
  assert.equal(net.code, 'network');
  assertNoKey(net);

  for (const options of [{ baseUrl: `ftp://example.com/${KEY}` }, { baseUrl: `https://example.com/v2?key=${KEY}` }, { apiKey: `${KEY} x` }, { timeoutMs: -1 }]) {
    let thrown;
    try {
      new TelnyxClient({ apiKey: KEY, ...options });
    } catch (err) {
      thrown = err;
    }
    assert.ok(thrown instanceof SmsEdgeError, JSON.stringify(Object.keys(options)));
    assert.equal(thrown.code, 'invalid_config');
    assertNoKey(thrown);
  }
  // Nothing on the client object holds the key either.
  const c = client();
  assert.ok(!JSON.stringify(c).includes(KEY));
  assert.ok(!Object.values(c).some((v) => JSON.stringify(v)?.includes(KEY)));
});

test('pre-flight checks fail fast with the Telnyx codes, before any request', async () => {
  server.reset((req, res) => json(res, 200, { data: {} }));
  const c = client();
  const cases = [
    [{ ...SEND, to: '+1555' }, 'validation', '40310'],
    [{ ...SEND, from: 'TooLongSender12' }, 'validation', '40325'],
    [{ from: SEND.from, to: SEND.to }, 'validation', '40316'],
    [{ ...SEND, type: 'SMS', media_urls: ['https://example.com/a.png'] }, 'validation', '40304'],
    [{ ...SEND, text: 'x'.repeat(153 * 10 + 1) }, 'validation', '40302'],
    [{ ...SEND, text: 'Hello 😀', encoding: 'gsm7' }, 'not_gsm7', undefined],
  ];
  for (const [params, code, telnyxCode] of cases) {
    const e = await rejects(c.messages.send(params));
    assert.ok(e instanceof SmsEdgeError && !(e instanceof TelnyxApiError));
    assert.equal(e.code, code, JSON.stringify(params).slice(0, 80));
    assert.equal(e.telnyxCode, telnyxCode);
  }
  const missing = await rejects(c.messages.send({ text: 'hi' }));
  assert.equal(missing.code, 'invalid_argument');
  const badId = await rejects(c.messages.retrieve(42));
  assert.equal(badId.code, 'invalid_argument');
  assert.equal(server.requests.length, 0);
  // With preflight off, the request goes and Telnyx decides.
  await client({ preflight: false }).messages.send({ ...SEND, to: '+1555' });
  assert.equal(server.requests.length, 1);
});

function pages(total, size, style = 'v2') {
  return (req, res) => {
    const url = new URL(req.url, 'http://x');
    const page = Number(url.searchParams.get(style === 'v2' ? 'page[number]' : 'page') ?? 1);
    const items = Array.from({ length: Math.max(0, Math.min(size, total - (page - 1) * size)) }, (_, i) => ({ id: `i${(page - 1) * size + i}` }));
    if (style === 'v2') json(res, 200, { data: items, meta: { page_number: page, page_size: size, total_pages: Math.ceil(total / size), total_results: total } });
    else if (style === '10dlc') json(res, 200, { page, records: items, totalRecords: total });
    else json(res, 200, { records: items, total_records: total });
  };
}

async function collect(iterable) {
  const out = [];
  for await (const item of iterable) out.push(item.id);
  return out;
}

test('pagination that ends, in all three styles', async () => {
  const c = client();
  server.reset(pages(7, 3));
  assert.deepEqual(await collect(c.porting.events.list({ page: { size: 3 } })), ['i0', 'i1', 'i2', 'i3', 'i4', 'i5', 'i6']);
  assert.equal(server.requests.length, 3);
  assert.match(server.requests[2].url, /page%5Bnumber%5D=3/);

  server.reset(pages(5, 2, '10dlc'));
  assert.equal((await collect(c.messaging10dlc.brand.list({ recordsPerPage: 2 }))).length, 5);
  assert.equal(server.requests.length, 3);

  server.reset(pages(4, 2, 'tollfree'));
  assert.equal((await collect(c.messagingTollfree.verification.requests.list({ page_size: 2 }))).length, 4);
  assert.equal(server.requests.length, 2);
  assert.match(server.requests[0].url, /page=1/);

  // An empty page ends the walk too.
  server.reset((req, res) => json(res, 200, { data: [], meta: { total_pages: 50 } }));
  assert.deepEqual(await collect(c.portingPhoneNumbers.list()), []);
  assert.equal(server.requests.length, 1);

  // Awaiting a list gives the first page; iterating alone makes no extra request.
  server.reset(pages(7, 3));
  const first = await c.porting.events.list({ page: { size: 3 } });
  assert.equal(first.data.length, 3);
  assert.equal(first.meta.total_pages, 3);
  assert.equal(server.requests.length, 1);
});

test('pagination that would not end: a repeated page, and caps', async () => {
  const c = client();
  // Like Prism: the same page whatever is asked, claiming many more.
  server.reset((req, res) => json(res, 200, { data: [{ id: 'a' }, { id: 'b' }], meta: { page_number: 1, total_pages: 100 } }));
  assert.deepEqual(await collect(c.porting.events.list()), ['a', 'b']);
  assert.equal(server.requests.length, 2);

  // Fresh items forever, no totals: stopped by the caller's caps.
  let n = 0;
  server.reset((req, res) => json(res, 200, { data: [{ id: `x${n++}` }, { id: `x${n++}` }] }));
  assert.equal((await collect(c.detailRecords.list({}, { maxItems: 5 }))).length, 5);
  assert.equal(server.requests.length, 3);
  server.reset((req, res) => json(res, 200, { data: [{ id: `y${n++}` }] }));
  assert.equal((await collect(c.messagingOptouts.list({}, { maxPages: 4 }))).length, 4);
  assert.equal(server.requests.length, 4);

  // Breaking out of the loop stops fetching.
  server.reset(pages(100, 2));
  for await (const item of c.porting.events.list()) if (item.id === 'i2') break;
  assert.equal(server.requests.length, 2);

  // A failing page ends the walk with its error.
  server.reset((req, res, body, k) => (k === 1 ? pages(10, 2)(req, res) : json(res, 404, {})));
  const e = await rejects(collect(c.porting.events.list()));
  assert.equal(e.status, 404);
});
