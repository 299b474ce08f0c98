// smsedge/webhooks for Node.js: the webhook-only wasm, compiled synchronously at import (no init call).
import { readFileSync } from 'node:fs';
import './node-ed25519.js';
import { initSync } from './dist/webhooks/smsedge.js';

initSync({ module: readFileSync(new URL('./dist/webhooks/smsedge_bg.wasm', import.meta.url)) });

export { verifyWebhook, WebhookVerifier } from './webhook-verifier.js';
export { SmsEdgeError } from './errors.js';
