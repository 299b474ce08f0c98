// Cloudflare Workers entry: wrangler bundles the .wasm as a compiled WebAssembly.Module
// (imported as a module), so it is instantiated synchronously: no init call.
import wasm from './dist/full/smsedge_bg.wasm';
import { initSync } from './dist/full/smsedge.js';

initSync({ module: wasm });

export * from './api.js';
