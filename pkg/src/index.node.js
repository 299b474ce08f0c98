// Node.js entry (ESM): both wasm modules are compiled synchronously at import, so no init call is needed.
import { readFileSync } from 'node:fs';
import './node-ed25519.js';
import { initSync } from './dist/full/smsedge.js';
import { initSync as initWebhooks } from './dist/webhooks/smsedge.js';

initSync({ module: readFileSync(new URL('./dist/full/smsedge_bg.wasm', import.meta.url)) });
initWebhooks({ module: readFileSync(new URL('./dist/webhooks/smsedge_bg.wasm', import.meta.url)) });

export * from './api.js';
