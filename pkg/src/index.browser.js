// Browser entry for bundlers (Vite, webpack, Rollup, esbuild): the bundler emits the .wasm files
// as assets and this module instantiates them with top-level await, so no init call is needed.
import init from './dist/full/smsedge.js';
import initWebhooks from './dist/webhooks/smsedge.js';

await Promise.all([init(), initWebhooks()]);

export * from './api.js';
