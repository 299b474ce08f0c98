// smsedge/webhooks for Cloudflare Workers: wrangler bundles the .wasm as a compiled
// WebAssembly.Module (imported as a module), so it is instantiated synchronously: no init call.
import wasm from './dist/webhooks/smsedge_bg.wasm';
import { initSync } from './dist/webhooks/smsedge.js';

initSync({ module: wasm });

export { verifyWebhook, WebhookVerifier } from './webhook-verifier.js';
export { SmsEdgeError } from './errors.js';
