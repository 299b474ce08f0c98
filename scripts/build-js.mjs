// The package's generated JavaScript, after the wasm builds:
// - the wasm-bindgen glue (pkg/dist/*/smsedge.js), minified in place: whitespace, comments and
//   syntax only, the names kept, so stack traces stay readable (-25% gzipped);
// - the full build's declarations as a .d.cts file.
// (The CommonJS entries, pkg/index.cjs and pkg/webhooks.cjs, are hand-written: they require()
// the ES module entries.)
import { transform } from 'esbuild';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('../pkg/', import.meta.url));

const MINIFY = { minifyWhitespace: true, minifySyntax: true, legalComments: 'none' };

for (const name of ['full', 'webhooks']) {
  const glue = `${pkg}dist/${name}/smsedge.js`;
  const { code } = await transform(readFileSync(glue, 'utf8'), { ...MINIFY, format: 'esm', target: 'es2022' });
  writeFileSync(glue, code);
}

// The declarations are CommonJS-flavoured `.d.cts` files, which `import` types re-export
// (index.d.ts, webhooks.d.ts), so each type ships once. wasm-bindgen's declarations of the
// full build become one more of them; those of the raw wasm exports are internal.
const generated = `${pkg}dist/full/smsedge.d.ts`;
if (existsSync(generated)) {
  writeFileSync(`${pkg}dist/full/smsedge.d.cts`, readFileSync(generated, 'utf8'));
  rmSync(generated);
}
rmSync(`${pkg}dist/full/smsedge_bg.wasm.d.ts`, { force: true });
