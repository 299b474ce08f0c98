// smsedge/webhooks for browsers without a bundler and other runtimes: call `await init()` once
// before verifying (it fetches dist/webhooks/smsedge_bg.wasm next to this file), or pass the
// bytes or a compiled module to `initSync({ module })`.
//
//   import init, { WebhookVerifier } from 'smsedge/webhooks';
//   await init();
import initWasm, { initSync as initWasmSync } from './dist/webhooks/smsedge.js';

export default async function init(input) {
  await initWasm(input);
}

export function initSync(input) {
  initWasmSync(input);
}

export { verifyWebhook, WebhookVerifier } from './webhook-verifier.js';
export { SmsEdgeError } from './errors.js';
