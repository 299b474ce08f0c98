// The package's generated JavaScript, after the wasm builds:
// - the wasm-bindgen glue (pkg/dist/*/smsedge.js), minified in place: whitespace, comments and
//   syntax only, the names kept, so stack traces stay readable (-25% gzipped);
// - the CommonJS entries for Node (`require('smsedge')`, `require('smsedge/webhooks')`),
//   bundled from the ESM ones: one self-contained .cjs file each, next to its ESM entry,
//   reading the same .wasm files, minified the same way;
// - the full build's declarations as a .d.cts file.
import { build, transform } from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('../pkg/', import.meta.url));
const scratch = mkdtempSync(`${tmpdir()}/smsedge-cjs-`);
const shim = `${scratch}/import-meta-url.js`;
// NOTE: the ESM entries find their .wasm with `new URL(…, import.meta.url)`; in the .cjs file,
// which sits beside them, the file's own URL gives the same answer.
writeFileSync(shim, "export const importMetaUrl = require('node:url').pathToFileURL(__filename).href;\n");

const MINIFY = { minifyWhitespace: true, minifySyntax: true, legalComments: 'none' };

for (const name of ['full', 'webhooks']) {
  const glue = `${pkg}dist/${name}/smsedge.js`;
  const { code } = await transform(readFileSync(glue, 'utf8'), { ...MINIFY, format: 'esm', target: 'es2022' });
  writeFileSync(glue, code);
}

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
    ...MINIFY,
  });
}
rmSync(scratch, { recursive: true, force: true });

// The declarations are CommonJS-flavoured `.d.cts` files, which `import` types re-export
// (index.d.ts, webhooks.d.ts), so each type ships once. wasm-bindgen's declarations of the
// full build become one more of them; those of the raw wasm exports are internal.
const generated = `${pkg}dist/full/smsedge.d.ts`;
if (existsSync(generated)) {
  writeFileSync(`${pkg}dist/full/smsedge.d.cts`, readFileSync(generated, 'utf8'));
  rmSync(generated);
}
rmSync(`${pkg}dist/full/smsedge_bg.wasm.d.ts`, { force: true });
console.log('pkg: index.cjs, webhooks.cjs');
