// Node module hooks that load `.wasm` imports the way wrangler bundles them for Cloudflare
// Workers: the default export is a compiled WebAssembly.Module. With `--conditions=workerd`,
// this runs pkg/webhooks.workerd.js in Node (tests/js/webhooks.test.mjs).
import { register } from 'node:module';
import { readFileSync } from 'node:fs';

if (!globalThis.__smsedgeWasmHooks) {
  globalThis.__smsedgeWasmHooks = true;
  register(import.meta.url);
}

export async function load(url, context, nextLoad) {
  if (!url.endsWith('.wasm')) return nextLoad(url, context);
  const bytes = JSON.stringify([...readFileSync(new URL(url))]);
  return { format: 'module', shortCircuit: true, source: `export default new WebAssembly.Module(new Uint8Array(${bytes}));` };
}
