// Every method of the API client against a Prism mock server generated from the Telnyx OpenAPI
// subset in ../shared/api (started here on 127.0.0.1, stopped after): each request must pass the
// spec's validation (no 4xx, no `sl-violations` header) and each response must be parsed.
// Without ../shared/api (a fresh clone of the package alone) or Prism, the tests say so and skip.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { TelnyxClient } from 'smsedge';
import { closedPort } from './client-server.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const spec = resolve(root, '../shared/api/telnyx-messaging-porting.openapi.yml');
const prismBin = resolve(root, 'node_modules/@stoplight/prism-cli/dist/index.js');
const skip = !existsSync(spec)
  ? 'needs ../shared/api/telnyx-messaging-porting.openapi.yml (the Telnyx OpenAPI subset beside the repository)'
  : !existsSync(prismBin)
    ? 'needs @stoplight/prism-cli (npm ci at the repository root)'
    : false;

const UUID = '3fa85f64-5717-4562-b3fc-2c963f66afa6';
const NUMBER = '+13125550100';
const SEND = { from: NUMBER, to: '+13125550101', text: 'Hello from smsedge' };
const TOLLFREE = {
  businessName: 'Example LLC',
  corporateWebsite: 'https://example.com',
  businessAddr1: '600 Congress Avenue',
  businessCity: 'Austin',
  businessState: 'Texas',
  businessZip: '78701',
  businessContactFirstName: 'Jane',
  businessContactLastName: 'Doe',
  businessContactEmail: 'jane@example.com',
  businessContactPhone: '+18005550100',
  messageVolume: '100,000',
  phoneNumbers: [{ phoneNumber: '+18773554398' }],
  useCase: '2FA',
  useCaseSummary: 'One-time passcodes for signing in to the portal.',
  productionMessageContent: 'Your Example code is 123456',
  optInWorkflow: 'Users enter their number at sign-up and tick a consent box.',
  optInWorkflowImageURLs: [{ url: 'https://example.com/opt-in.png' }],
  additionalInformation: 'None',
};

/** One call per operation of the core catalogue, with a request the spec accepts. */
const calls = {
  'messages.send': (c) => c.messages.send(SEND),
  'messages.sendNumberPool': (c) => c.messages.sendNumberPool({ to: SEND.to, text: 'Hi', messaging_profile_id: UUID }),
  'messages.schedule': (c) => c.messages.schedule({ ...SEND, send_at: new Date(Date.now() + 3600_000) }),
  'messages.retrieve': (c) => c.messages.retrieve(UUID),
  'messages.cancelScheduled': (c) => c.messages.cancelScheduled(UUID),
  'messagingProfiles.list': (c) => c.messagingProfiles.list({ page: { number: 1, size: 20 }, filter: { name: { contains: 'x' } } }),
  'messagingProfiles.create': (c) => c.messagingProfiles.create({ name: 'Support', whitelisted_destinations: ['US'], smart_encoding: true }),
  'messagingProfiles.retrieve': (c) => c.messagingProfiles.retrieve(UUID),
  'messagingProfiles.update': (c) => c.messagingProfiles.update(UUID, { smart_encoding: true, webhook_url: 'https://example.com/hooks' }),
  'messagingProfiles.delete': (c) => c.messagingProfiles.delete(UUID),
  'messagingProfiles.listPhoneNumbers': (c) => c.messagingProfiles.listPhoneNumbers(UUID, { page: { size: 10 } }),
  'phoneNumbers.messaging.list': (c) => c.phoneNumbers.messaging.list({ filter: { type: 'longcode' }, page: { number: 1 } }),
  'phoneNumbers.messaging.retrieve': (c) => c.phoneNumbers.messaging.retrieve(NUMBER),
  'phoneNumbers.messaging.update': (c) => c.phoneNumbers.messaging.update(NUMBER, { messaging_profile_id: UUID }),
  'messagingNumbersBulkUpdates.create': (c) => c.messagingNumbersBulkUpdates.create({ messaging_profile_id: UUID, numbers: [NUMBER] }),
  'messagingNumbersBulkUpdates.retrieve': (c) => c.messagingNumbersBulkUpdates.retrieve(UUID),
  'portabilityChecks.run': (c) => c.portabilityChecks.run({ phone_numbers: [NUMBER] }),
  'portingOrders.list': (c) => c.portingOrders.list({ page: { number: 1, size: 20 }, include_phone_numbers: true }),
  'portingOrders.retrieve': (c) => c.portingOrders.retrieve(UUID, { include_phone_numbers: true }),
  'portingOrders.update': (c) => c.portingOrders.update(UUID, { messaging: { enable_messaging: true } }),
  'portingPhoneNumbers.list': (c) => c.portingPhoneNumbers.list({ page: { size: 50 } }),
  'porting.events.list': (c) => c.porting.events.list({ page: { number: 1, size: 20 } }),
  'porting.events.retrieve': (c) => c.porting.events.retrieve(UUID),
  'porting.events.republish': (c) => c.porting.events.republish(UUID),
  'messaging10dlc.brand.list': (c) => c.messaging10dlc.brand.list({ recordsPerPage: 10 }),
  'messaging10dlc.brand.retrieve': (c) => c.messaging10dlc.brand.retrieve('BXXXXXX'),
  'messaging10dlc.campaignBuilder.submit': (c) =>
    c.messaging10dlc.campaignBuilder.submit({ brandId: 'BXXXXXX', usecase: '2FA', description: 'One-time passcodes.' }),
  'messaging10dlc.campaign.list': (c) => c.messaging10dlc.campaign.list({ brandId: 'BXXXXXX' }),
  'messaging10dlc.campaign.retrieve': (c) => c.messaging10dlc.campaign.retrieve('CXXXXXX'),
  'messaging10dlc.phoneNumberCampaigns.list': (c) => c.messaging10dlc.phoneNumberCampaigns.list({ recordsPerPage: 20 }),
  'messaging10dlc.phoneNumberCampaigns.create': (c) =>
    c.messaging10dlc.phoneNumberCampaigns.create({ phoneNumber: NUMBER, campaignId: 'CXXXXXX' }),
  'messaging10dlc.phoneNumberCampaigns.retrieve': (c) => c.messaging10dlc.phoneNumberCampaigns.retrieve(NUMBER),
  'messaging10dlc.phoneNumberCampaigns.update': (c) =>
    c.messaging10dlc.phoneNumberCampaigns.update(NUMBER, { phoneNumber: NUMBER, campaignId: 'CXXXXXX' }),
  'messaging10dlc.phoneNumberCampaigns.delete': (c) => c.messaging10dlc.phoneNumberCampaigns.delete(NUMBER),
  'messagingTollfree.verification.requests.create': (c) => c.messagingTollfree.verification.requests.create(TOLLFREE),
  'messagingTollfree.verification.requests.list': (c) => c.messagingTollfree.verification.requests.list(),
  'messagingTollfree.verification.requests.retrieve': (c) => c.messagingTollfree.verification.requests.retrieve(UUID),
  'messagingTollfree.verification.requests.update': (c) => c.messagingTollfree.verification.requests.update(UUID, TOLLFREE),
  'messagingTollfree.verification.requests.delete': (c) => c.messagingTollfree.verification.requests.delete(UUID),
  'detailRecords.list': (c) => c.detailRecords.list({ filter: { date_range: 'last_week' }, page: { size: 10 } }),
  'messagingOptouts.list': (c) => c.messagingOptouts.list({ page: { number: 1 } }),
};

/** Every method of a client, by its dotted name. */
function methods(node, prefix = '') {
  return Object.entries(node).flatMap(([k, v]) =>
    typeof v === 'function' ? [`${prefix}${k}`] : v && typeof v === 'object' ? methods(v, `${prefix}${k}.`) : []);
}

const EMPTY = new Set(['porting.events.republish', 'messagingTollfree.verification.requests.delete']);

let prism;
let baseUrl;
const exchanges = [];

/** The global fetch, recording what Prism answered (status and its validation header). */
async function recordingFetch(url, init) {
  const response = await fetch(url, init);
  // Prism also lists where its own example breaks the spec's response schema
  // (location ["response", …]); only violations of the request count against the client.
  const all = JSON.parse(response.headers.get('sl-violations') ?? '[]');
  const request = all.filter((v) => v.location?.[0] === 'request');
  exchanges.push({ url, method: init.method, status: response.status, violations: request.length ? JSON.stringify(request) : null });
  return response;
}

before(async () => {
  if (skip) return;
  const port = await closedPort();
  baseUrl = `http://127.0.0.1:${port}`;
  prism = spawn(process.execPath, [prismBin, 'mock', '-h', '127.0.0.1', '-p', String(port), spec], {
    env: { ...process.env, SCARF_ANALYTICS: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  prism.stdout.on('data', (d) => (log += d));
  prism.stderr.on('data', (d) => (log += d));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (prism.exitCode !== null) throw new Error(`prism exited:\n${log}`);
    try {
      await fetch(`${baseUrl}/messages/${UUID}`, { headers: { authorization: 'Bearer x' } });
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`prism did not start in 30 s:\n${log}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
});

after(async () => {
  if (!prism || prism.exitCode !== null) return;
  const exited = new Promise((r) => prism.once('exit', r));
  prism.kill('SIGTERM');
  await exited;
});

const client = () => new TelnyxClient({ apiKey: 'KEY0123456789ABCDEF', baseUrl, fetch: recordingFetch, maxRetries: 0 });

test('the calls below cover every method of the client (the whole core catalogue)', () => {
  const names = methods(new TelnyxClient({ apiKey: 'KEY0123456789ABCDEF' }));
  assert.equal(names.length, 41);
  assert.deepEqual(names.sort(), Object.keys(calls).sort());
});

test('every method: the request passes the spec validation and the response is parsed', { skip }, async () => {
  const c = client();
  for (const [name, call] of Object.entries(calls)) {
    exchanges.length = 0;
    const result = await call(c).withResponse();
    assert.equal(exchanges.length, 1, name);
    const [x] = exchanges;
    assert.equal(x.violations, null, `${name}: ${x.method} ${x.url} violates the spec: ${x.violations}`);
    assert.ok(x.status >= 200 && x.status < 300, `${name}: ${x.method} ${x.url} answered ${x.status}`);
    assert.equal(result.status, x.status, name);
    assert.equal(result.attempts, 1, name);
    // These two answer with no body (204, and a 200 with Content-Length 0 from the spec).
    if (EMPTY.has(name)) assert.equal(result.data, undefined, name);
    else assert.equal(typeof result.data, 'object', name);
  }
});

test('responses come back as the spec shapes them (snake_case, data, bare 10DLC objects)', { skip }, async () => {
  const c = client();
  const sent = await c.messages.send(SEND);
  assert.equal(sent.data.record_type, 'message');
  assert.equal(sent.data.to[0].status, 'queued');
  const cancelled = await c.messages.cancelScheduled(UUID);
  assert.equal(cancelled.data, undefined);
  assert.equal(typeof cancelled.id, 'string');
  const campaign = await c.messaging10dlc.campaignBuilder.submit({ brandId: 'BXXXXXX', usecase: '2FA', description: 'One-time passcodes.' });
  assert.equal(typeof campaign.campaignId, 'string');
  const check = await c.portabilityChecks.run({ phone_numbers: [NUMBER] });
  assert.ok(Array.isArray(check.data));
  const page = await c.porting.events.list();
  assert.ok(Array.isArray(page.data));
  assert.equal(typeof page.meta.total_pages, 'number');
});

test('auto-pagination against Prism (the same page forever) ends', { skip }, async () => {
  const c = client();
  for (const name of Object.keys(calls).filter((n) => n.endsWith('.list') || n.endsWith('.listPhoneNumbers'))) {
    exchanges.length = 0;
    const items = [];
    for await (const item of calls[name](c)) items.push(item);
    assert.ok(exchanges.length <= 2, `${name}: ${exchanges.length} pages fetched`);
    assert.ok(exchanges.every((x) => x.violations === null && x.status < 300), name);
    // The spec's toll-free example page is empty: that walk ends on its first page.
    if (name.startsWith('messagingTollfree')) assert.equal(exchanges.length, 1, name);
    else assert.ok(items.length >= 1, `${name}: no items`);
  }
});

test('Prism errors come back as TelnyxApiError (a 422 from its validation, an empty-bodied 404)', { skip }, async () => {
  const c = client();
  const invalid = await c.messages.retrieve('not-a-uuid').then(() => null, (e) => e);
  assert.equal(invalid?.name, 'TelnyxApiError');
  assert.equal(invalid.status, 422);
  assert.equal(invalid.attempts, 1);
  // The check above would catch a bad request: Prism reports it in sl-violations.
  assert.match(exchanges.at(-1).violations, /request/);
  const noKey = await new TelnyxClient({ baseUrl, maxRetries: 0 }).messages.send(SEND).then(() => null, (e) => e);
  assert.equal(noKey?.status, 401);
});
