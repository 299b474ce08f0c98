// Size budgets of the built package (issue 7), measured as gzip -9 of each file, summed.
// Both budgets count the built files, the JavaScript and WebAssembly a runtime loads:
//   smsedge/webhooks: what its entry loads (its wasm, the wasm's glue, webhook-verifier.js,
//   errors.js and the largest of its runtime entries, with what only that entry imports) ≤ 30 KB;
//   the whole package: every .js, .cjs and .wasm file `npm pack` puts in the tarball, for every
//   entry and runtime ≤ 150 KB.
// The declarations, README and package.json are never loaded at run time; their size is
// printed with the rest of the tarball but not budgeted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('../../pkg/', import.meta.url));
const KB = 1024;

const gz = (path) => gzipSync(readFileSync(`${pkg}${path}`), { level: 9 }).length;
const kb = (n) => `${(n / KB).toFixed(1)} KB`;
/** The total of `[path, bytes]` pairs. */
const sum = (sizes) => sizes.reduce((n, [, bytes]) => n + bytes, 0);

function report(title, sizes) {
  const total = sum(sizes);
  console.log(`${title}: ${kb(total)} gzip`);
  for (const [path, n] of sizes) console.log(`  ${path.padEnd(40)} ${kb(n)}`);
  return total;
}

// Each runtime entry of smsedge/webhooks with the files only it loads.
const WEBHOOK_ENTRIES = [['webhooks.js'], ['webhooks.node.js', 'node-ed25519.js'], ['webhooks.workerd.js'], ['webhooks.browser.js']];

test('smsedge/webhooks loads at most 30 KB gzipped', () => {
  const largestEntry = WEBHOOK_ENTRIES.map((files) => files.map((f) => [f, gz(f)])).sort((a, b) => sum(b) - sum(a))[0];
  const total = report('smsedge/webhooks', [
    ...['dist/webhooks/smsedge_bg.wasm', 'dist/webhooks/smsedge.js', 'webhook-verifier.js', 'errors.js'].map((f) => [f, gz(f)]),
    ...largestEntry,
  ]);
  assert.ok(total <= 30 * KB, `${kb(total)} of 30 KB`);
});

const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: pkg, encoding: 'utf8' }))[0];
const shipped = packed.files.map(({ path }) => [path, gz(path)]).sort((a, b) => b[1] - a[1]);
const isRuntime = ([path]) => /\.(c?js|wasm)$/.test(path);

test('the whole package (every .js, .cjs and .wasm file it ships) is at most 150 KB gzipped', () => {
  const runtime = shipped.filter(isRuntime);
  assert.ok(runtime.some(([path]) => path === 'dist/full/smsedge_bg.wasm'), 'the main wasm is counted');
  assert.ok(runtime.some(([path]) => path === 'dist/webhooks/smsedge_bg.wasm'), 'the webhook wasm is counted');
  const total = report('whole package, built files (every .js, .cjs and .wasm npm pack ships)', runtime);
  report('not budgeted: declarations, README, package.json', shipped.filter((f) => !isRuntime(f)));
  console.log(`every file npm pack ships: ${kb(sum(shipped))} gzip`);
  assert.ok(total <= 150 * KB, `${kb(total)} of 150 KB`);
});

// Panic locations in the wasm name source files; the build remaps the toolchain's and the
// crate registry's paths, so no shipped file carries the build machine's home directory.
test('no shipped file names the build machine\'s directories', () => {
  const home = process.env.HOME;
  const places = [home && home !== '/' ? home : null, '.rustup/toolchains', '.cargo/registry'].filter(Boolean);
  for (const { path } of packed.files) {
    const text = readFileSync(`${pkg}${path}`).toString('latin1');
    for (const place of places) assert.ok(!text.includes(place), `${path} names ${place}`);
  }
});
