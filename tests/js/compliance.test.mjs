// The compliance checker through the built package: the documented examples, every per-rule
// case (fires / near miss), bad input, and the report's shape.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { checkCampaign, checkTollFreeVerification, SmsEdgeError } from 'smsedge';

const dir = new URL('../vectors/compliance/', import.meta.url);
const read = (f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8'));

/** RFC 7386 merge patch: null removes a key. */
function merge(base, patch) {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out = base && typeof base === 'object' && !Array.isArray(base) ? { ...base } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = merge(out[k], v);
  }
  return out;
}

test('every documented example gives exactly the errors it should', () => {
  const files = readdirSync(dir).filter((f) => /^(tfv-)?(good|bad)-.*\.json$/.test(f));
  assert.ok(files.length >= 20);
  for (const file of files) {
    const body = read(file);
    const check = file.startsWith('tfv-') ? checkTollFreeVerification : checkCampaign;
    const report = check(body);
    const errors = report.findings.filter((f) => f.severity === 'error').map((f) => f.rule);
    assert.equal(report.errorCount, errors.length, file);
    if (file.includes('good-')) assert.deepEqual(errors, [], `${file}: a good example has no error`);
    for (const rule of body.expect?.errors ?? []) assert.ok(errors.includes(rule), `${file}: expected ${rule}, got ${errors}`);
  }
});

test('every per-rule case: fires where it must, stays quiet on the near miss', () => {
  const { bases, cases } = read('rule-cases.json');
  assert.ok(cases.length > 100);
  for (const c of cases) {
    const kind = c.base ?? (c.rule.startsWith('TFV-') ? 'tollFree' : 'campaign');
    const body = merge(bases[kind] ?? bases.campaign, c.patch ?? {});
    const report = (kind === 'tollFree' ? checkTollFreeVerification : checkCampaign)(body);
    const fired = report.findings.some((f) => f.rule === c.rule);
    assert.equal(fired, c.fires, `${c.rule} (${c.note}): ${fired ? 'fired' : 'did not fire'}`);
  }
});

test('findings carry rule, severity, field, message, fix and UTF-16 evidence', () => {
  const body = read('bad-url-shortener.json');
  const report = checkCampaign(body);
  const f = report.findings.find((x) => x.rule === 'LNK-SHORTENER');
  assert.ok(f);
  assert.equal(f.severity, 'error');
  assert.equal(f.field, 'sample1');
  assert.ok(f.message.length > 10 && f.fix.length > 10);
  assert.equal(body.sample1.slice(f.evidence.start, f.evidence.end), f.evidence.text);
  assert.ok(Array.isArray(f.also));
  // Every sample reports its encoding and segments.
  assert.deepEqual(report.samples.map((s) => s.field), ['sample1', 'sample2']);
  assert.ok(report.samples.every((s) => s.encoding === 'GSM-7' && s.segments === 1));
  // Evidence indices stay valid JS string indices after an emoji.
  const emoji = checkCampaign({ ...body, sample1: `😀😀 ${body.sample1}` });
  const e = emoji.findings.find((x) => x.rule === 'LNK-SHORTENER');
  assert.equal(`😀😀 ${body.sample1}`.slice(e.evidence.start, e.evidence.end), 'bit.ly/abc');
});

test('bad input gives findings or a clear SmsEdgeError, never a trap', () => {
  for (const bad of [undefined, () => 1, Symbol('x')]) {
    assert.throws(() => checkCampaign(bad), (e) => e instanceof SmsEdgeError && e.code === 'invalid_argument');
  }
  for (const bad of [null, 42, 'text', [1, 2]]) {
    assert.throws(() => checkCampaign(bad), (e) => e instanceof SmsEdgeError && e.code === 'not_an_object');
  }
  const cyclic = {};
  cyclic.self = cyclic;
  assert.throws(() => checkCampaign(cyclic), (e) => e.code === 'invalid_argument');
  assert.throws(() => checkCampaign({ sample1: 1n }), (e) => e.code === 'invalid_argument');
  // Wrong field types and missing fields are findings, not crashes.
  const report = checkCampaign({ usecase: 7, sample1: ['x'], embeddedLink: 'yes' });
  assert.ok(report.findings.length > 0);
  assert.ok(checkTollFreeVerification({}).errorCount > 0);
  // Huge text: a clear error.
  assert.throws(() => checkCampaign({ sample1: 'a'.repeat(2 * 1024 * 1024) }), (e) => e.code === 'field_too_large');
  assert.equal(checkCampaign(read('good-marketing.json')).errorCount, 0, 'still works afterwards');
});
