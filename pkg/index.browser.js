// Browser entry for bundlers (Vite, webpack, Rollup, esbuild): the bundler emits the .wasm
// as an asset and this module instantiates it with top-level await, so no init call is needed.
import init from './dist/full/smsedge.js';

await init();

export * from './api.js';
