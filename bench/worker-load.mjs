// Load run (not a test): examples/worker in workerd (miniflare's bundled binary) on 127.0.0.1,
// driven by autocannon, once verifying with smsedge/webhooks and once with WebCrypto Ed25519 by
// hand (examples/worker/webcrypto-variant.js standing in for smsedge/webhooks: the rest of the
// Worker is the same code), and for reference on the main entry's faster wasm. The mix: signed
// message.received webhooks (~1.4 KB) and one in ten invalid (tampered body, old timestamp,
// malleated or bad-base64 signature, missing header).
//
//   node bench/worker-load.mjs [seconds]   (or WORKER_LOAD_SECONDS; default 60 per Worker)
//   WORKER_LOAD_CONNECTIONS=10, WORKER_LOAD_ROUNDS=3 (defaults): each Worker gets `seconds`
//   in that many rounds, interleaved with the others'
//
// Replay protection is off here (no KV binding) and events go to an in-process sink Worker
// (the Worker's outbound fetch), so what is measured is the webhook route: read, verify,
// parse, answer. A false accept is an invalid request answered 2xx.
import crypto from 'node:crypto';
import autocannon from 'autocannon';
import { Miniflare } from 'miniflare';
import { workerModules, WORKER_DIR } from '../tests/worker/workerd.mjs';

const seconds = Number(process.argv[2] ?? process.env.WORKER_LOAD_SECONDS ?? 60);
const connections = Number(process.env.WORKER_LOAD_CONNECTIONS ?? 10);
if (!(seconds > 0) || !(connections > 0)) throw new Error('usage: node bench/worker-load.mjs [seconds > 0]');
const rounds = Math.max(1, Number(process.env.WORKER_LOAD_ROUNDS ?? 3));
const perRound = seconds / rounds;

const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
const PUBLIC_KEY = publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('base64');
const L = (1n << 252n) + 27742317777372353535851937790883648493n;

function signed(body, timestamp) {
  const ts = String(timestamp);
  return { ts, sig: crypto.sign(null, Buffer.concat([Buffer.from(`${ts}|`), Buffer.from(body)]), privateKey) };
}

function malleate(sig) {
  let s = 0n;
  for (let i = 63; i >= 32; i--) s = (s << 8n) | BigInt(sig[i]);
  s += L;
  const out = Buffer.from(sig);
  for (let i = 32; i < 64; i++, s >>= 8n) out[i] = Number(s & 0xffn);
  return out;
}

/** 1000 requests, one in ten invalid; timestamps stay fresh for a round (tolerance 300 s). */
function requestMix(counts) {
  const now = Math.floor(Date.now() / 1000) + Math.min(240, Math.floor(perRound / 2)); // fresh from start to end
  const requests = [];
  for (let i = 0; i < 1000; i++) {
    const body = JSON.stringify({
      data: {
        event_type: 'message.received',
        id: `b7ae1cf0-8d3a-4b8e-9e0f-${String(i).padStart(12, '0')}`,
        occurred_at: '2024-01-15T20:16:07.588+00:00',
        payload: {
          direction: 'inbound', encoding: 'GSM-7', from: { carrier: 'T-Mobile USA', line_type: 'long_code', phone_number: '+13125550100' },
          id: `msg-${i}`, media: [], messaging_profile_id: '740572b6-099c-44a1-89b9-6c92163bc68d', parts: 1, received_at: '2024-01-15T20:16:07.503+00:00',
          record_type: 'message', text: 'Hello from the load run. '.repeat(30), to: [{ carrier: 'Telnyx', line_type: 'Wireless', phone_number: '+13125550101', status: 'webhook_delivered' }], type: 'SMS',
        },
        record_type: 'event',
      },
      meta: { attempt: 1, delivered_to: 'https://example.com/webhooks/telnyx' },
    });
    const { ts, sig } = signed(body, now);
    let headers = { 'telnyx-signature-ed25519': sig.toString('base64'), 'telnyx-timestamp': ts };
    let sent = body;
    const fault = i % 10 === 9 ? ['tampered', 'old', 'malleated', 'encoding', 'missing'][(i / 10 | 0) % 5] : null;
    if (fault === 'tampered') sent = body.replace('Hello', 'Hallo');
    if (fault === 'old') {
      const old = signed(body, now - 3600);
      headers = { 'telnyx-signature-ed25519': old.sig.toString('base64'), 'telnyx-timestamp': old.ts };
    }
    if (fault === 'malleated') headers['telnyx-signature-ed25519'] = malleate(sig).toString('base64');
    if (fault === 'encoding') headers['telnyx-signature-ed25519'] = headers['telnyx-signature-ed25519'].replace(/=+$/, '');
    if (fault === 'missing') delete headers['telnyx-signature-ed25519'];
    requests.push({
      method: 'POST',
      path: '/webhooks/telnyx',
      headers: { 'content-type': 'application/json', ...headers },
      body: sent,
      onResponse(status) {
        const ok = status >= 200 && status < 300;
        if (fault === null) counts[ok ? 'accepted' : 'wronglyRefused']++;
        else counts[ok ? 'falseAccepts' : 'refused']++;
      },
    });
  }
  return requests;
}

/** Starts one Worker variant in its own workerd; returns its URL and a dispose function. */
async function start(label, replace) {
  const modules = workerModules(`${WORKER_DIR}/src/index.js`, replace);
  const mf = new Miniflare({
    host: '127.0.0.1',
    workers: [
      {
        name: 'worker', modules, modulesRoot: '/worker', compatibilityDate: '2025-09-01',
        bindings: { TELNYX_PUBLIC_KEY: PUBLIC_KEY, FORWARD_URL: 'http://sink.internal/events' },
        outboundService: 'sink',
      },
      { name: 'sink', modules: true, compatibilityDate: '2025-09-01', script: 'export default { fetch: () => new Response("ok") }' },
    ],
  });
  const url = (await mf.ready).href.replace(/\/$/, '');
  // Warm up (isolate start, key import, JIT) before measuring.
  await autocannon({ url, connections, amount: 2000, requests: requestMix({ accepted: 0, wronglyRefused: 0, refused: 0, falseAccepts: 0 }) });
  return {
    label, url, mf,
    counts: { accepted: 0, wronglyRefused: 0, refused: 0, falseAccepts: 0 },
    total: 0, errors: 0, p50s: [], p99s: [], roundRps: [],
  };
}

/** One timed round against one variant (only one is driven at a time). */
async function round(v, secs) {
  const result = await autocannon({ url: v.url, connections, duration: secs, requests: requestMix(v.counts) });
  v.total += result.requests.total;
  v.errors += result.errors + result.timeouts;
  v.p50s.push(result.latency.p50);
  v.p99s.push(result.latency.p99);
  v.roundRps.push(result.requests.total / secs);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Verification alone, in workerd: µs per call of WebhookVerifier.verify (smsedge, all in wasm:
 * signature and event), of WebhookVerifier.verifyRequest on a new Request (smsedge, the equation
 * in WebCrypto, as the Worker runs it) or of subtle.verify + JSON.parse (WebCrypto by hand), on
 * one 1.4 KB webhook. A request runs n
 * calls; workerd's clock stands still while a request computes, so the time is taken from
 * outside: (request with 400 calls - request with 0) / 400, median of 5.
 */
async function verifyCost(label, replace, mode) {
  const body = requestMix({ accepted: 0, wronglyRefused: 0, refused: 0, falseAccepts: 0 })[0];
  const probe = `import { WebhookVerifier } from 'smsedge/webhooks';
let verifier, key;
const b64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
export default { async fetch(request, env) {
  const n = Number(new URL(request.url).searchParams.get('n'));
  const bytes = new TextEncoder().encode(env.BODY);
  const headers = JSON.parse(env.HEADERS);
  if (${JSON.stringify(mode)} === 'smsedge') {
    verifier ??= new WebhookVerifier(env.KEY);
    for (let i = 0; i < n; i++) verifier.verify(bytes, headers);
  } else if (${JSON.stringify(mode)} === 'smsedge-request') {
    verifier ??= new WebhookVerifier(env.KEY);
    for (let i = 0; i < n; i++) {
      await verifier.verifyRequest(new Request('http://probe.test/', { method: 'POST', headers, body: bytes }));
    }
  } else {
    key ??= await crypto.subtle.importKey('raw', b64(env.KEY), { name: 'Ed25519' }, false, ['verify']);
    const signature = b64(headers['telnyx-signature-ed25519']);
    for (let i = 0; i < n; i++) {
      const prefix = new TextEncoder().encode(headers['telnyx-timestamp'] + '|');
      const message = new Uint8Array(prefix.length + bytes.length);
      message.set(prefix);
      message.set(bytes, prefix.length);
      if (!(await crypto.subtle.verify({ name: 'Ed25519' }, key, signature, message))) throw new Error('not verified');
      JSON.parse(new TextDecoder().decode(bytes));
    }
  }
  return new Response('ok');
} };`;
  // The Worker's own modules, with the probe as the entry (it imports smsedge/webhooks alike).
  const [, ...rest] = workerModules(`${WORKER_DIR}/src/index.js`, replace);
  const headers = Object.fromEntries(Object.entries(body.headers).filter(([k]) => k.startsWith('telnyx-')));
  const mf = new Miniflare({
    host: '127.0.0.1',
    workers: [{
      name: 'probe', modulesRoot: '/worker', compatibilityDate: '2025-09-01',
      modules: [{ type: 'ESModule', path: '/worker/src/probe.js', contents: probe }, ...rest],
      bindings: { KEY: PUBLIC_KEY, BODY: body.body, HEADERS: JSON.stringify(headers) },
    }],
  });
  try {
    const call = async (n) => {
      const t = performance.now();
      const response = await mf.dispatchFetch(`http://probe.test/?n=${n}`);
      if ((await response.text()) !== 'ok') throw new Error(`${label}: the probe failed`);
      return performance.now() - t;
    };
    await call(500);
    const runs = [];
    for (let r = 0; r < 5; r++) runs.push(((await call(400)) - (await call(0))) / 400);
    return { label, us: median(runs) * 1000 };
  } finally {
    await mf.dispose();
  }
}

console.log(`examples/worker in workerd, ${seconds} s per Worker in ${rounds} interleaved rounds, ${connections} connections, 127.0.0.1, node ${process.version}`);
const WEBCRYPTO = { 'smsedge/webhooks': `${WORKER_DIR}/webcrypto-variant.js` };

const costs = [
  await verifyCost('smsedge verify', {}, 'smsedge'),
  await verifyCost('smsedge verifyRequest', {}, 'smsedge-request'),
  await verifyCost('WebCrypto Ed25519', {}, 'webcrypto'),
];
console.log('\nverification alone in workerd (one 1.4 KB webhook, median of 5 x 400 calls):');
for (const c of costs) console.log(`  ${c.label.padEnd(24)}${c.us.toFixed(0).padStart(6)} µs per call`);

const variants = [
  await start('smsedge/webhooks', {}),
  await start('WebCrypto Ed25519', WEBCRYPTO),
];
try {
  // Interleaved, rotating the order each round, so a machine busier at one moment does not
  // favour one Worker.
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < variants.length; i++) await round(variants[(i + r) % variants.length], perRound);
  }
} finally {
  for (const v of variants) await v.mf.dispose();
}

const rows = variants.map((v) => ({
  label: v.label,
  rps: v.total / seconds,
  p50: median(v.p50s),
  p99: median(v.p99s),
  total: v.total,
  refused: v.counts.refused,
  errors: v.errors + v.counts.wronglyRefused,
  falseAccepts: v.counts.falseAccepts,
  roundRps: v.roundRps.map((x) => x.toFixed(0)).join('/'),
}));
const [smsedge, webcrypto] = rows;
const pad = (s, n) => String(s).padStart(n);
console.log(`\n${'verifier'.padEnd(20)}${pad('req/s', 8)}${pad('p50 ms', 8)}${pad('p99 ms', 8)}${pad('requests', 10)}${pad('refused', 9)}${pad('errors', 8)}${pad('false accepts', 15)}   req/s per round`);
for (const r of rows) {
  console.log(`${r.label.padEnd(20)}${pad(r.rps.toFixed(0), 8)}${pad(r.p50, 8)}${pad(r.p99, 8)}${pad(r.total, 10)}${pad(r.refused, 9)}${pad(r.errors, 8)}${pad(r.falseAccepts, 15)}   ${r.roundRps}`);
}
console.log('(p50 and p99: medians of the rounds)');
console.log(`\nsmsedge/webhooks / WebCrypto: ${(smsedge.rps / webcrypto.rps).toFixed(2)}x requests per second, p99 ${smsedge.p99} vs ${webcrypto.p99} ms`);
const bad = rows.filter((r) => r.errors > 0 || r.falseAccepts > 0);
if (bad.length) {
  console.log(`FAILED: ${bad.map((r) => `${r.label}: ${r.errors} errors, ${r.falseAccepts} false accepts`).join('; ')}`);
  process.exitCode = 1;
}
