// The package as users get it: `npm pack`, installed from the tarball into throwaway
// projects: a Node ESM script, a Node CommonJS script, TypeScript under --strict for both
// module systems, and a Vite build loaded in headless Chromium. Each calls every export once.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:http';
import sirv from 'sirv';
import { launch } from '../e2e/browser.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const exercise = readFileSync(new URL('exercise.js', import.meta.url), 'utf8');
const webhookVectors = JSON.parse(readFileSync(`${root}/tests/vectors/webhooks.json`, 'utf8'));
const vectors = webhookVectors.vectors ?? webhookVectors;
const good = vectors.find((v) => v.expect?.ok && typeof v.body === 'string' && v.expect.type === 'message.received');
const vector = {
  body: good.body,
  publicKey: good.publicKey,
  signature: good.headers['telnyx-signature-ed25519'],
  timestamp: good.headers['telnyx-timestamp'],
};
const expected = {
  analyze: 19,
  count: 3,
  smart: "Don't",
  estimate: 10,
  campaign: true,
  tollFree: true,
  error: 'invalid_argument',
  verify: 'message.received',
  verifier: good.expect.id,
  hooksVerify: 'message.received',
  hooksRequest: good.expect.id,
  hooksError: 'signature_mismatch',
  client: 'msg-1',
  pagePromise: true,
  apiError: true,
};

let work;
let tarball;
const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

function project(name, pkg) {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `consumer-${name}`, private: true, ...pkg }));
  npm(['install', '--no-audit', '--no-fund', '--offline', tarball], dir);
  return dir;
}

before(() => {
  work = mkdtempSync(join(tmpdir(), 'smsedge-consumers-'));
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', work, join(root, 'pkg')], root));
  tarball = join(work, packed[0].filename);
});
after(() => rmSync(work, { recursive: true, force: true }));

test('the tarball holds the built package and nothing else', () => {
  const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').map((f) => f.replace(/^package\//, ''));
  for (const f of ['package.json', 'index.node.js', 'index.cjs', 'index.browser.js', 'index.workerd.js', 'webhooks.cjs', 'dist/full/smsedge_bg.wasm', 'dist/webhooks/smsedge_bg.wasm', 'boundary.js', 'errors.js', 'webhook-verifier.js', 'index.d.ts', 'index.d.cts', 'client.d.cts', 'webhook-verifier.d.cts', 'dist/full/smsedge.d.cts']) {
    assert.ok(files.includes(f), `${f} is in the tarball`);
  }
  assert.ok(!files.some((f) => f.endsWith('.orig') || f.includes('import-meta-url')), files.join(' '));
});

test('Node ESM: a plain import, no init call', () => {
  const dir = project('esm', { type: 'module' });
  writeFileSync(join(dir, 'main.mjs'), `import * as sms from 'smsedge';\nimport * as hooks from 'smsedge/webhooks';\n${exercise}\nconsole.log(JSON.stringify(await exercise(sms, hooks, ${JSON.stringify(vector)})));\n`);
  assert.deepEqual(JSON.parse(execFileSync(process.execPath, ['main.mjs'], { cwd: dir, encoding: 'utf8' })), expected);
});

test('Node CommonJS: require(), no init call', () => {
  const dir = project('cjs', {});
  writeFileSync(join(dir, 'main.cjs'), `const sms = require('smsedge');\nconst hooks = require('smsedge/webhooks');\n${exercise}\nexercise(sms, hooks, ${JSON.stringify(vector)}).then((r) => console.log(JSON.stringify(r)));\n`);
  const run = spawnSync(process.execPath, ['main.cjs'], { cwd: dir, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  // require() of the ES module entries (Node's require(esm)) prints nothing: no
  // ExperimentalWarning on the user's stderr.
  assert.equal(run.stderr, '');
  assert.deepEqual(JSON.parse(run.stdout), expected);
});

test('TypeScript --strict: both entries, ESM and CommonJS', () => {
  const dir = project('ts', { type: 'module' });
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, module: 'node16', moduleResolution: 'node16', target: 'es2022', lib: ['es2022', 'dom'], types: [] },
    include: ['*.mts', '*.cts'],
  }));
  const body = `
const a: { encoding: "GSM-7" | "ASCII-7" | "UCS-2"; segments: number } = analyze("hi");
const n: number = countSegments("hi").segments;
const v = new WebhookVerifier("key");
const c = new TelnyxClient({ apiKey: "k" });
void [a, n, v, c, verify, SmsEdgeError];
`;
  writeFileSync(join(dir, 'esm.mts'), `import { analyze, countSegments, WebhookVerifier, TelnyxClient, SmsEdgeError } from 'smsedge';\nimport { verifyWebhook as verify } from 'smsedge/webhooks';\n${body}`);
  writeFileSync(join(dir, 'cjs.cts'), `import { analyze, countSegments, WebhookVerifier, TelnyxClient, SmsEdgeError } from 'smsedge';\nimport { verifyWebhook as verify } from 'smsedge/webhooks';\n${body}`);
  try {
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir], { cwd: dir, encoding: 'utf8' });
  } catch (e) {
    assert.fail(`tsc --strict failed:\n${e.stdout}${e.stderr}`);
  }
});

test('Vite: a bundled page in Chromium, no init call', async () => {
  const dir = project('vite', { type: 'module' });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>consumer</title><pre id="out"></pre><script type="module" src="./main.js"></script>');
  writeFileSync(join(dir, 'main.js'), `import * as sms from 'smsedge';\nimport * as hooks from 'smsedge/webhooks';\n${exercise}\nexercise(sms, hooks, ${JSON.stringify(vector)}).then((r) => { document.getElementById('out').textContent = JSON.stringify(r); }, (e) => { document.getElementById('out').textContent = 'ERROR ' + e.stack; });\n`);
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: dir, encoding: 'utf8' });
  assert.ok(readdirSync(join(dir, 'dist/assets')).some((f) => f.endsWith('.wasm')), 'Vite emitted the .wasm as an asset');
  const serve = sirv(join(dir, 'dist'));
  const server = createServer((req, res) => serve(req, res, () => { res.statusCode = 404; res.end(); }));
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => document.getElementById('out').textContent !== '', null, { timeout: 20000 });
    const text = await page.textContent('#out');
    assert.ok(!text.startsWith('ERROR'), text);
    assert.deepEqual(JSON.parse(text), expected);
  } finally {
    await browser.close();
    server.close();
  }
});
