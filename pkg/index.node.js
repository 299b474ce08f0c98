// Node.js entry (ESM): the wasm is compiled synchronously at import, so no init call is needed.
import { readFileSync } from 'node:fs';
import { initSync } from './dist/full/smsedge.js';

initSync({ module: readFileSync(new URL('./dist/full/smsedge_bg.wasm', import.meta.url)) });

export * from './api.js';
