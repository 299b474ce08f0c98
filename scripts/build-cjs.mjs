// Builds the CommonJS entries for Node (`require('smsedge')`, `require('smsedge/webhooks')`)
// from the ESM ones with esbuild: one self-contained .cjs file each, next to its ESM entry,
// reading the same .wasm files, and .d.cts twins of the declarations.
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('../pkg/', import.meta.url));
const scratch = mkdtempSync(`${tmpdir()}/smsedge-cjs-`);
const shim = `${scratch}/import-meta-url.js`;
// NOTE: the ESM entries find their .wasm with `new URL(…, import.meta.url)`; in the .cjs file,
// which sits beside them, the file's own URL gives the same answer.
writeFileSync(shim, "export const importMetaUrl = require('node:url').pathToFileURL(__filename).href;\n");

for (const [from, to] of [['index.node.js', 'index.cjs'], ['webhooks.node.js', 'webhooks.cjs']]) {
  await build({
    entryPoints: [`${pkg}${from}`],
    outfile: `${pkg}${to}`,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    inject: [shim],
    define: { 'import.meta.url': 'importMetaUrl' },
    logLevel: 'warning',
    legalComments: 'none',
  });
}
rmSync(scratch, { recursive: true, force: true });

// Types for require(): a .d.cts twin of each declaration file, importing the other twins, so
// TypeScript sees a CommonJS module graph (a .d.cts may not import an ESM .d.ts).
for (const file of ['index', 'webhooks', 'webhook-verifier', 'init', 'errors', 'client', 'dist/full/smsedge']) {
  if (!existsSync(`${pkg}${file}.d.ts`)) continue;
  const text = readFileSync(`${pkg}${file}.d.ts`, 'utf8').replace(/(["'])(\.\.?\/[^"']+)\.js\1/g, '$1$2.cjs$1');
  writeFileSync(`${pkg}${file}.d.cts`, text);
}
console.log('pkg: index.cjs, webhooks.cjs');
