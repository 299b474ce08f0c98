// smsedge/webhooks for browsers, bundlers and other runtimes: call `await init()` once before
// verifying (it fetches dist/webhooks/smsedge_bg.wasm next to this file), or pass the bytes or
// a compiled module to `initSync({ module })`.
//
//   import init, { WebhookVerifier } from 'smsedge/webhooks';
//   await init();
export { default, initSync, verifyWebhook, WebhookVerifier } from './dist/webhooks/smsedge.js';
export { SmsEdgeError } from './boundary.js';
