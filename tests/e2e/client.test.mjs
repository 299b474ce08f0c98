// The API client in Chromium: the wasm transport over the browser's own fetch, AbortController
// and timers. A page with no API key calls a CORS proxy of our own (the fault server), and a
// same-origin path baseUrl resolves against the page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, startSite } from './browser.mjs';
import { startServer, json } from '../js/client-server.mjs';

let site;
let proxy;
let browser;
let page;

before(async () => {
  site = await startSite();
  proxy = await startServer({ cors: true });
  browser = await launch();
  page = await (await browser.newContext()).newPage();
  await page.goto(`${site.url}/pkg/package.json`);
  await page.evaluate(async () => {
    const m = await import('/pkg/web.js');
    await m.default();
    window.smsedge = m;
  });
});
after(async () => {
  await browser?.close();
  await proxy?.close();
  await site?.close();
});

/** Runs `fn(smsedge, baseUrl)` in the page; errors come back as plain objects. */
const inPage = (fn, baseUrl = proxy.url) =>
  page.evaluate(
    async ([source, baseUrl]) => {
      try {
        return { ok: await (0, eval)(source)(window.smsedge, baseUrl) };
      } catch (e) {
        return { error: { name: e.name, code: e.code, status: e.status, attempts: e.attempts, rawBody: e.rawBody, isSmsEdge: e instanceof window.smsedge.SmsEdgeError } };
      }
    },
    [fn.toString(), baseUrl],
  );
const calls = (method) => proxy.requests.filter((r) => r.method === method);

test('send through a proxy: no key in the page, the body comes back parsed', async () => {
  proxy.reset((req, res) => json(res, 200, { data: { id: 'm1', to: [{ status: 'queued' }] } }, { 'x-request-id': 'req_b' }));
  const r = await inPage(async ({ TelnyxClient }, baseUrl) => {
    const client = new TelnyxClient({ baseUrl });
    const sent = await client.messages.send({ from: '+13125550100', to: '+13125550101', text: 'Hi' }).withResponse();
    return { status: sent.data.data.to[0].status, attempts: sent.attempts, requestId: sent.requestId };
  });
  assert.deepEqual(r, { ok: { status: 'queued', attempts: 1, requestId: 'req_b' } });
  const [post] = calls('POST');
  assert.equal(post.url, '/v2/messages');
  assert.equal(post.headers.authorization, undefined);
  assert.equal(JSON.parse(post.body).to, '+13125550101');
});

test('a 500 on POST is sent once; a GET is retried; TelnyxApiError crosses intact', async () => {
  proxy.reset((req, res) => json(res, 500, { errors: [{ code: '10007', title: 'Unexpected error' }] }));
  const post = await inPage(({ TelnyxClient }, baseUrl) =>
    new TelnyxClient({ baseUrl, maxRetries: 3, retryBaseDelayMs: 1, retryMaxDelayMs: 5 }).messages.send({ from: '+13125550100', to: '+13125550101', text: 'Hi' }));
  assert.deepEqual(post.error, { name: 'TelnyxApiError', code: '10007', status: 500, attempts: 1, rawBody: '{"errors":[{"code":"10007","title":"Unexpected error"}]}', isSmsEdge: true });
  assert.equal(calls('POST').length, 1);

  proxy.reset((req, res) => json(res, 503, {}));
  const get = await inPage(({ TelnyxClient }, baseUrl) =>
    new TelnyxClient({ baseUrl, maxRetries: 2, retryBaseDelayMs: 1, retryMaxDelayMs: 5 }).messages.retrieve('m1'));
  assert.equal(get.error.attempts, 3);
  assert.equal(calls('GET').length, 3);
});

test('timeouts abort the browser fetch', async () => {
  proxy.reset(() => {});
  const r = await inPage(({ TelnyxClient }, baseUrl) => new TelnyxClient({ baseUrl, timeoutMs: 200, maxRetries: 1, retryBaseDelayMs: 1 }).messages.retrieve('m1'));
  assert.deepEqual(r.error, { name: 'SmsEdgeError', code: 'timeout', status: undefined, attempts: 2, rawBody: undefined, isSmsEdge: true });
});

test('a same-origin path baseUrl resolves against the page', async () => {
  const r = await inPage(({ TelnyxClient }, baseUrl) => new TelnyxClient({ baseUrl }).messages.retrieve('m1'), '/api/telnyx');
  // The site has no such route: its 404 comes back as a TelnyxApiError from the page's origin.
  assert.equal(r.error.name, 'TelnyxApiError');
  assert.equal(r.error.status, 404);
  assert.equal(r.error.code, 'http_error');
});

test('pagination in the browser ends on a repeated page', async () => {
  proxy.reset((req, res) => json(res, 200, { data: [{ id: 'a' }], meta: { page_number: 1, total_pages: 9 } }));
  const r = await inPage(async ({ TelnyxClient }, baseUrl) => {
    const ids = [];
    for await (const e of new TelnyxClient({ baseUrl }).porting.events.list()) ids.push(e.id);
    return ids;
  });
  assert.deepEqual(r, { ok: ['a'] });
  assert.equal(calls('GET').length, 2);
});
