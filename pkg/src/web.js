// Plain <script type="module"> entry, no bundler: call `await init()` once before anything else.
// It fetches both wasm modules (dist/full and dist/webhooks) next to this file, in parallel.
//
//   import init, { analyze } from './node_modules/smsedge/web.js';
//   await init();
import initFull, { initSync as initFullSync } from './dist/full/smsedge.js';
import initWebhooks, { initSync as initWebhooksSync } from './dist/webhooks/smsedge.js';

export default async function init(input = {}) {
  await Promise.all([
    initFull(input.full === undefined ? undefined : { module_or_path: input.full }),
    initWebhooks(input.webhooks === undefined ? undefined : { module_or_path: input.webhooks }),
  ]);
}

export function initSync(input) {
  initFullSync({ module: input.full });
  initWebhooksSync({ module: input.webhooks });
}

export * from './api.js';
