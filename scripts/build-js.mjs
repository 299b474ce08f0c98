// The package's generated JavaScript, after the wasm builds:
// - the wasm-bindgen glue (pkg/dist/*/smsedge.js), minified in place: whitespace, comments and
//   syntax only, the names kept, so stack traces stay readable (-25% gzipped);
// - the CommonJS entries for Node (`require('smsedge')`, `require('smsedge/webhooks')`),
//   bundled from the ESM ones, next to them, reading the same .wasm files, minified the same
//   way, and the two CommonJS modules they share (errors.cjs, webhook-verifier.cjs);
// - the full build's declarations as a .d.cts file.
import { build, transform } from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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

// NOTE: the modules both CommonJS entries use are CommonJS files of their own, required by
// both, as the ESM entries share them: one `SmsEdgeError` class whichever entry threw, and
// the webhook verifier and its glue once (`webhook-verifier.cjs` also gives its `initSync`).
const SHARED = {
  'errors.js': './errors.cjs',
  'webhook-verifier.js': './webhook-verifier.cjs',
  'dist/webhooks/smsedge.js': './webhook-verifier.cjs',
};

/** Resolves the shared modules (but `keep`) to their CommonJS files, as external requires. */
function shared(keep) {
  return {
    name: 'shared',
    setup(b) {
      b.onResolve({ filter: /^\./ }, (args) => {
        const file = path.relative(pkg, path.resolve(args.resolveDir, args.path)).split(path.sep).join('/');
        const to = SHARED[file];
        return to && !keep.includes(file) ? { path: to, external: true } : undefined;
      });
    },
  };
}

// Each output: its entry (a file, or the source of a module that only re-exports) and which of
// the shared modules it bundles rather than requires.
const CJS = [
  { to: 'errors.cjs', entry: 'errors.js', keep: ['errors.js'] },
  {
    to: 'webhook-verifier.cjs',
    source: "export * from './webhook-verifier.js';\nexport { initSync } from './dist/webhooks/smsedge.js';",
    keep: ['webhook-verifier.js', 'dist/webhooks/smsedge.js'],
  },
  { to: 'webhooks.cjs', entry: 'webhooks.node.js', keep: [] },
  { to: 'index.cjs', entry: 'index.node.js', keep: [] },
];
for (const { to, entry, source, keep } of CJS) {
  await build({
    ...(entry
      ? { entryPoints: [`${pkg}${entry}`] }
      : { stdin: { contents: source, resolveDir: pkg, sourcefile: to.replace('.cjs', '.entry.js') } }),
    outfile: `${pkg}${to}`,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    inject: [shim],
    define: { 'import.meta.url': 'importMetaUrl' },
    plugins: [shared(keep)],
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
console.log(`pkg: ${CJS.map(({ to }) => to).join(', ')}`);
