// Benchmark (a script, not a test): Telnyx webhook verification, smsedge against the other
// ways to verify Ed25519 in Node 20, on one ~1.5 KB body, in one run.
//
//   node bench/webhooks.mjs [rounds]     # after scripts/build (or scripts/test) built pkg/
//
// Each verifier's key is parsed or imported once, outside the timed loop. The verifiers run
// interleaved for `rounds` rounds (default 5) and the median ops/s of each is reported, so a
// burst of load on a shared machine moves every figure alike. Figures vary by machine; the
// ratios are what the README reports.
//
// `smsedge` is the smsedge/webhooks entry (its small wasm, built for size), which the main
// entry uses too. Not equal work, in smsedge's disfavour: smsedge (and telnyx's
// `webhooks.unwrap`) also parses the body into an event; the raw verifiers only check the
// signature.
//
// telnyx (v7, the official SDK): `TelnyxWebhook` in `telnyx/lib/webhooks.js` is what
// `client.webhooks.unwrap(body, { headers })` runs; it verifies offline with WebCrypto
// Ed25519 but imports the key again on every call, and takes the body as a string. The async ones (WebCrypto,
// telnyx) are awaited one at a time, as a request handler awaits them.
import crypto from 'node:crypto';
import { readFileSync } from 'node:fs';
import { WebhookVerifier } from 'smsedge/webhooks';
import * as ed from '@noble/ed25519';
import { sha512 } from '@noble/hashes/sha2.js';
import nacl from 'tweetnacl';
import { TelnyxWebhook } from 'telnyx/lib/webhooks.js';

ed.hashes.sha512 = sha512;

// The body: the documented message.received example, its text padded to a 1.5 KB body.
const example = JSON.parse(readFileSync(new URL('../tests/vectors/webhook-events/message.received.json', import.meta.url), 'utf8'));
const base = JSON.stringify(example).length;
example.data.payload.text = `${example.data.payload.text} ${'Lorem ipsum dolor sit amet. '.repeat(60)}`.slice(0, 1536 - base + example.data.payload.text.length);
const bodyText = JSON.stringify(example);
const body = Buffer.from(bodyText);

const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
const rawKey = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }).subarray(12));
const keyBase64 = Buffer.from(rawKey).toString('base64');
const timestamp = String(Math.floor(Date.now() / 1000));
const message = Buffer.concat([Buffer.from(`${timestamp}|`), body]);
const signature = new Uint8Array(crypto.sign(null, message, privateKey));
const headers = { 'telnyx-signature-ed25519': Buffer.from(signature).toString('base64'), 'telnyx-timestamp': timestamp };

// Every verifier gets the request as a handler has it (raw body bytes, header strings) and
// must decode the signature itself.
const smsedge = new WebhookVerifier(keyBase64);
const webCryptoKey = await crypto.webcrypto.subtle.importKey('raw', rawKey, { name: 'Ed25519' }, false, ['verify']);
const telnyx = new TelnyxWebhook(keyBase64);
const signedBytes = (h) => Buffer.concat([Buffer.from(`${h['telnyx-timestamp']}|`), body]);
const sigBytes = (h) => Buffer.from(h['telnyx-signature-ed25519'], 'base64');

const verifiers = [
  ['smsedge (WebhookVerifier.verify)', () => smsedge.verify(body, headers).id === example.data.id],
  ['node:crypto verify (KeyObject)', () => crypto.verify(null, signedBytes(headers), publicKey, sigBytes(headers))],
  ['WebCrypto subtle.verify Ed25519', () => crypto.webcrypto.subtle.verify('Ed25519', webCryptoKey, sigBytes(headers), signedBytes(headers)), true],
  ['@noble/ed25519 verify (sync)', () => ed.verify(sigBytes(headers), signedBytes(headers), rawKey)],
  ['tweetnacl sign.detached.verify', () => nacl.sign.detached.verify(signedBytes(headers), sigBytes(headers), rawKey)],
  ['telnyx TelnyxWebhook.verify (v7)', () => telnyx.verify(bodyText, headers).then(() => true), true],
];

async function measure(fn, isAsync, minMs) {
  let n = 0;
  const t0 = performance.now();
  let elapsed = 0;
  do {
    for (let i = 0; i < 10; i++) {
      const ok = isAsync ? await fn() : fn();
      if (ok !== true) throw new Error('a verifier rejected the valid webhook');
    }
    n += 10;
    elapsed = performance.now() - t0;
  } while (elapsed < minMs);
  return (n / elapsed) * 1000;
}

const rounds = Number(process.argv[2] ?? 5);
const results = new Map(verifiers.map(([name]) => [name, []]));
for (const [, fn, isAsync] of verifiers) await measure(fn, isAsync, 300); // warm up the JITs
for (let r = 0; r < rounds; r++) {
  for (const [name, fn, isAsync] of verifiers) results.get(name).push(await measure(fn, isAsync, name.startsWith('@noble') || name.startsWith('tweetnacl') ? 1500 : 800));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ops = new Map([...results].map(([name, xs]) => [name, median(xs)]));
const ours = ops.get('smsedge (WebhookVerifier.verify)');

console.log(`Node ${process.version}, body ${body.length} bytes, ${rounds} rounds, median ops/s (min–max)`);
for (const [name, xs] of results) {
  const m = ops.get(name);
  const ratio = name.startsWith('smsedge') ? '' : `  smsedge is ${(ours / m).toFixed(2)}×`;
  console.log(`  ${name.padEnd(34)} ${Math.round(m).toString().padStart(7)}  (${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))})${ratio}`);
}
for (const ours of ['smsedge (WebhookVerifier.verify)']) {
  for (const [name, want] of [['node:crypto verify (KeyObject)', 0.9], ['WebCrypto subtle.verify Ed25519', 1.2], ['@noble/ed25519 verify (sync)', 10]]) {
    const ratio = ops.get(ours) / ops.get(name);
    console.log(`  target ${want}× ${name}, ${ours}: ${ratio.toFixed(2)}× ${ratio >= want ? 'met' : 'NOT met'}`);
  }
}
