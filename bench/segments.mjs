// Benchmark (a script, not a test): smsedge's analyze and countSegments against the npm
// packages split-sms and sms-segments-calculator, on one generated corpus, in one run.
//
//   node bench/segments.mjs            # after scripts/build (or scripts/test) built pkg/
//
// Prints time per message for each and the ratios. Figures vary by machine; the ratios
// are what the README reports.
import { analyze, countSegments } from 'smsedge';
import splitter from 'split-sms';
import { SegmentedMessage } from 'sms-segments-calculator';

// A deterministic corpus of the messages people send: plain GSM-7, GSM-7 with extension
// characters, curly quotes and dashes, emoji, non-Latin scripts, at 40 to 1,600 characters.
function corpus(count = 400) {
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const words = ['your', 'order', 'has', 'shipped', 'reply', 'STOP', 'to', 'opt', 'out', 'code', '123456', 'Acme', 'today', 'at', '5pm', 'thanks'];
  const flavours = [
    (w) => w,
    (w) => (rand() < 0.1 ? `[${w}]` : w),
    (w) => (rand() < 0.05 ? `\u201c${w}\u201d` : w),
    (w) => (rand() < 0.03 ? `${w} 😀` : w),
    (w) => (rand() < 0.5 ? 'Привет' : w),
    (w) => (rand() < 0.05 ? `${w}€` : w),
  ];
  const sizes = [40, 120, 160, 200, 320, 640, 1000, 1600];
  const out = [];
  for (let i = 0; i < count; i++) {
    const flavour = flavours[i % flavours.length];
    const size = sizes[i % sizes.length];
    let s = '';
    while (s.length < size) s += `${flavour(words[Math.floor(rand() * words.length)])} `;
    out.push(s.slice(0, size));
  }
  return out;
}

function bench(name, fn, messages, minMs = 1500) {
  for (let i = 0; i < 3; i++) for (const m of messages) fn(m); // warm up the JIT
  let runs = 0;
  let sink = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minMs * 1e6) {
    for (const m of messages) sink += fn(m) ? 1 : 0;
    runs++;
    elapsed = Number(process.hrtime.bigint() - start);
  }
  const perMessageUs = elapsed / 1e3 / (runs * messages.length);
  if (sink < 0) console.log(sink);
  return { name, perMessageUs };
}

const messages = corpus();
const chars = messages.reduce((n, m) => n + m.length, 0);
console.log(`corpus: ${messages.length} messages, ${chars} UTF-16 units, ${(chars / messages.length).toFixed(0)} average`);

// Agreement first: a benchmark of wrong answers is meaningless.
let disagree = 0;
for (const m of messages) {
  const ours = countSegments(m).segments;
  if (splitter.split(m).parts.length !== ours) disagree++;
}
console.log(`segment counts that differ from split-sms: ${disagree} of ${messages.length}`);

const results = [
  bench('smsedge analyze', (m) => analyze(m).segments, messages),
  bench('smsedge countSegments', (m) => countSegments(m).segments, messages),
  bench('split-sms 0.1.7 split', (m) => splitter.split(m).parts.length, messages),
  bench('sms-segments-calculator 1.3.0', (m) => new SegmentedMessage(m).segmentsCount, messages, 3000),
];
const by = Object.fromEntries(results.map((r) => [r.name, r.perMessageUs]));
console.log('\n| implementation | µs per message |');
console.log('|---|---|');
for (const r of results) console.log(`| ${r.name} | ${r.perMessageUs.toFixed(2)} |`);
const ratio = (a, b) => (by[b] / by[a]).toFixed(1);
console.log('\nratios (how many times faster smsedge is):');
console.log(`  analyze vs split-sms:                 ${ratio('smsedge analyze', 'split-sms 0.1.7 split')}x (target 5x)`);
console.log(`  analyze vs sms-segments-calculator:   ${ratio('smsedge analyze', 'sms-segments-calculator 1.3.0')}x (target 100x)`);
console.log(`  countSegments vs split-sms:           ${ratio('smsedge countSegments', 'split-sms 0.1.7 split')}x (target 20x)`);
