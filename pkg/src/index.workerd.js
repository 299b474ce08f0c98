// Cloudflare Workers entry: wrangler bundles each .wasm as a compiled WebAssembly.Module
// (imported as a module), so they are instantiated synchronously: no init call.
import wasm from './dist/full/smsedge_bg.wasm';
import webhooksWasm from './dist/webhooks/smsedge_bg.wasm';
import { initSync } from './dist/full/smsedge.js';
import { initSync as initWebhooks } from './dist/webhooks/smsedge.js';

initSync({ module: wasm });
initWebhooks({ module: webhooksWasm });

export * from './api.js';
