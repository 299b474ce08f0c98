// The segment calculator through the built npm package, on the shared vectors and at the edges.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, countSegments, smartEncode, SmsEdgeError } from 'smsedge';
import { loadVectors, vectorText } from './vectors.mjs';

const { vectors } = loadVectors('segments.json');

test('every shared vector gives the documented figures', () => {
  assert.ok(vectors.length > 60);
  for (const v of vectors) {
    const text = vectorText(v);
    const e = v.expect;
    if (e.error) {
      assert.throws(() => analyze(text, v.options), (err) => err instanceof SmsEdgeError && err.code === e.error, v.name);
      assert.throws(() => countSegments(text, v.options), (err) => err.code === e.error, v.name);
      continue;
    }
    const a = analyze(text, v.options);
    const c = countSegments(text, v.options);
    assert.deepEqual(c, { encoding: a.encoding, segments: a.segments, units: a.units }, `${v.name}: countSegments`);
    assert.equal(a.encoding, e.encoding, `${v.name}: encoding`);
    if (e.segments !== undefined) assert.equal(a.segments, e.segments, `${v.name}: segments`);
    if (e.units !== undefined) assert.equal(a.units, e.units, `${v.name}: units`);
    if (e.unitsLeft !== undefined) assert.equal(a.unitsLeft, e.unitsLeft, `${v.name}: unitsLeft`);
    if (e.parts) assert.deepEqual(a.parts.map((p) => p.units), e.parts, `${v.name}: parts`);
    if (e.partRanges) assert.deepEqual(a.parts.map((p) => [p.start, p.end]), e.partRanges, `${v.name}: ranges`);
    if (e.nonGsm) assert.deepEqual(a.nonGsm.map((c) => [c.index, c.codePoint]), e.nonGsm, `${v.name}: nonGsm`);
    if (e.extensionIndexes) assert.deepEqual(a.extensionChars.map((c) => c.index), e.extensionIndexes, v.name);
    assert.deepEqual(a.warnings.map((w) => w.code), e.warnings ?? [], `${v.name}: warnings`);
    if (e.cost !== undefined) assert.ok(Math.abs(a.cost - e.cost) < 1e-12, `${v.name}: cost`);
    if (e.smart) {
      for (const [k, want] of Object.entries(e.smart)) assert.equal(a.smart[k], want, `${v.name}: smart.${k}`);
    }
    // Part texts are exact JS substrings of the analysed text.
    const analysed = a.smart ? a.smart.text : text;
    assert.equal(a.parts.map((p) => p.text).join(''), analysed, `${v.name}: parts join`);
    for (const p of a.parts) assert.equal(p.text, analysed.slice(p.start, p.end), v.name);
  }
});

test('every smart-encoding row of the Telnyx table', () => {
  const rows = loadVectors('smart-encoding-table.json');
  assert.equal(rows.length, 310);
  for (const { codePoint, replacement, name } of rows) {
    const ch = String.fromCodePoint(codePoint);
    const r = smartEncode(`x${ch}y`);
    assert.equal(r.text, `x${replacement}y`, name);
    assert.equal(r.applied, true);
    assert.equal(r.replacedCharacterCount, 1);
    assert.equal(r.lengthChange, replacement.length - 1);
    assert.deepEqual(r.replacements, [{ index: 1, char: ch, codePoint, replacement, name }]);
  }
});

test('the README example: the [USD] price', () => {
  const a = analyze('Price: $100 [USD]');
  assert.equal(a.encoding, 'GSM-7');
  assert.equal(a.units, 19);
  assert.deepEqual(a.extensionChars, [{ index: 12, char: '[' }, { index: 16, char: ']' }]);
});

test('a character that forces UTF-16 is reported with its replacement', () => {
  const a = analyze('Don\u2019t 😀');
  assert.equal(a.encoding, 'UCS-2');
  assert.deepEqual(a.nonGsm, [
    { index: 3, length: 1, char: '\u2019', codePoint: 0x2019, replacement: "'", name: 'Right single quotation mark' },
    { index: 6, length: 2, char: '😀', codePoint: 0x1f600, replacement: null, name: null },
  ]);
  // Every index is a valid JS string index.
  for (const c of a.nonGsm) assert.equal('Don\u2019t 😀'.slice(c.index, c.index + c.length), c.char);
});

test('lone surrogates are counted as the units they are and never replaced', () => {
  const text = 'a\uD800b\uDC00';
  const a = analyze(text);
  assert.equal(a.encoding, 'UCS-2');
  assert.equal(a.units, 4);
  assert.equal(a.parts[0].text, text);
  assert.deepEqual(a.nonGsm.map((c) => c.char), ['\uD800', '\uDC00']);
  const s = smartEncode('\uD800\u2019');
  assert.equal(s.text, "\uD800'");
  const smart = analyze('\u2014\uDBFF', { smartEncoding: true });
  assert.equal(smart.smart.text, '-\uDBFF');
});

test('gsm7 that cannot be honoured throws not_gsm7 with the position', () => {
  assert.throws(
    () => analyze('Hi 😀', { encoding: 'gsm7' }),
    (e) => e instanceof SmsEdgeError && e instanceof Error && e.code === 'not_gsm7' && e.index === 3 && e.codePoint === 0x1f600,
  );
});

test('wrong argument types give invalid_argument, never a trap', () => {
  for (const bad of [undefined, null, 42, {}, ['a'], Symbol.iterator]) {
    assert.throws(() => analyze(bad), (e) => e instanceof SmsEdgeError && e.code === 'invalid_argument');
    assert.throws(() => countSegments(bad), (e) => e.code === 'invalid_argument');
    assert.throws(() => smartEncode(bad), (e) => e.code === 'invalid_argument');
  }
  for (const opts of [{ sender: 'landline' }, { encoding: 'utf8' }, { smartEncoding: 'yes' }, { smart_encoding: true }, 'gsm7', [1]]) {
    assert.throws(() => analyze('hi', opts), (e) => e.code === 'invalid_argument', JSON.stringify(opts));
  }
  assert.throws(() => analyze('hi', { pricePerSegment: -1 }), (e) => e.code === 'invalid_price');
  // Messages quote the bad value as a JSON string: a control character cannot break the line.
  assert.throws(() => analyze('hi', { sender: 'land\nline' }), { message: /, got "land\\nline"$/ });
  assert.throws(() => analyze('hi', { senderType: 1 }), { message: /has no field "senderType"; the fields are / });
  // Still works afterwards: no poisoned state.
  assert.equal(analyze('hi').segments, 1);
});

test('NUL and 1 MB of text give a result', () => {
  assert.equal(analyze('a\u0000b').encoding, 'UCS-2');
  const big = 'a€😀'.repeat(1 << 18);
  const a = analyze(big, { smartEncoding: true });
  assert.equal(a.units, big.length);
  assert.equal(a.parts.map((p) => p.text).join(''), big);
  assert.equal(countSegments(big).segments, a.segments);
  assert.equal(a.warnings[0].code, 'too_many_segments');
  assert.equal(a.warnings[0].telnyxCode, 40302);
});

test('sender defaults: short codes are ASCII 7-bit', () => {
  assert.equal(analyze('Price [USD]', { sender: 'short_code' }).encoding, 'ASCII-7');
  assert.equal(analyze('Price [USD]', { sender: 'short_code' }).units, 11);
  assert.equal(analyze('Café', { sender: 'short_code' }).encoding, 'UCS-2');
  assert.equal(analyze('Café', { sender: 'toll_free' }).encoding, 'GSM-7');
});

test('cost estimate', () => {
  const a = analyze('x'.repeat(200), { pricePerSegment: 0.0025 });
  assert.equal(a.segments, 2);
  assert.equal(a.cost, 0.005);
  assert.equal(analyze('x').cost, undefined);
});
