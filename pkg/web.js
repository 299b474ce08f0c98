// Plain <script type="module"> entry, no bundler: call `await init()` once before anything else.
//
//   import init, { analyze } from './node_modules/smsedge/web.js';
//   await init();
export { default, initSync } from './dist/full/smsedge.js';
export * from './api.js';
