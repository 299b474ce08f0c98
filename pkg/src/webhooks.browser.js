// smsedge/webhooks for browser bundlers (Vite, webpack, Rollup, esbuild): the bundler emits
// the .wasm as an asset and top-level await instantiates it, so no init call is needed.
import init from './dist/webhooks/smsedge.js';

await init();

export { verifyWebhook, WebhookVerifier } from './webhook-verifier.js';
export { SmsEdgeError } from './errors.js';
