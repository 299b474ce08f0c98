// The package's JavaScript, after the wasm builds, minified. Exported names (and so the
// names of the public functions and classes in stack traces) are kept; internal names are
// shortened (-1.4 KB gzipped in all, which the 150 KB budget needs):
// - the hand-written modules, pkg/src/*.js and *.cjs (written as they sit in the package), each
//   into pkg/ under the same name (-40% gzipped; their documentation is in the .d.cts files);
// - the wasm-bindgen glue (pkg/dist/*/smsedge.js), in place (-25% gzipped);
// and the full build's declarations as a .d.cts file.
import { transform } from 'esbuild';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('../pkg/', import.meta.url));

const MINIFY = { minify: true, legalComments: 'none', target: 'es2022' };
const minify = async (from, to) => writeFileSync(to, (await transform(readFileSync(from, 'utf8'), MINIFY)).code);

for (const file of readdirSync(`${pkg}src`)) {
  if (file.endsWith('.js') || file.endsWith('.cjs')) await minify(`${pkg}src/${file}`, `${pkg}${file}`);
}
for (const name of ['full', 'webhooks']) await minify(`${pkg}dist/${name}/smsedge.js`, `${pkg}dist/${name}/smsedge.js`);

// The declarations are CommonJS-flavoured `.d.cts` files, which `import` types re-export
// (index.d.ts, webhooks.d.ts), so each type ships once. wasm-bindgen's declarations of the
// full build become one more of them; those of the raw wasm exports are internal.
// Its tail, the glue's own `init`/`initSync` and the raw wasm exports (`InitOutput`), is
// internal: the entries declare their init functions by hand (init.d.cts, web.d.ts).
const generated = `${pkg}dist/full/smsedge.d.ts`;
if (existsSync(generated)) {
  const text = readFileSync(generated, 'utf8');
  const internal = text.indexOf('export type InitInput');
  writeFileSync(`${pkg}dist/full/smsedge.d.cts`, internal < 0 ? text : text.slice(0, internal));
  rmSync(generated);
}
rmSync(`${pkg}dist/full/smsedge_bg.wasm.d.ts`, { force: true });
