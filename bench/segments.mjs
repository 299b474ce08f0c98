// Benchmark (a script, not a test): smsedge's analyze and countSegments against the npm
// packages split-sms and sms-segments-calculator, on one generated corpus, in one run.
//
//   node bench/segments.mjs [rounds]   # after scripts/build (or scripts/test) built pkg/
//
// Prints time per message for each and the ratios (median round of 7 by default, with the
// range). Figures vary by machine; the ratios are what the README reports.
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

/** µs per message of `fn` over the corpus, for at least `minMs` (and at least one pass). */
function time(fn, messages, minMs) {
  let runs = 0;
  let sink = 0;
  const start = process.hrtime.bigint();
  let elapsed;
  do {
    for (const m of messages) sink += fn(m) ? 1 : 0;
    runs++;
    elapsed = Number(process.hrtime.bigint() - start);
  } while (elapsed < minMs * 1e6);
  if (sink < 0) console.log(sink);
  return elapsed / 1e3 / (runs * messages.length);
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

// The implementations run interleaved, round after round, so a burst of load on a shared
// machine moves every figure of a round alike; each ratio is taken within a round, and the
// median round is reported with the range.
const rounds = Number(process.argv[2] ?? 7);
const implementations = [
  ['smsedge analyze', (m) => analyze(m).segments, 400],
  ['smsedge countSegments', (m) => countSegments(m).segments, 400],
  ['split-sms 0.1.7 split', (m) => splitter.split(m).parts.length, 400],
  ['sms-segments-calculator 1.3.0', (m) => new SegmentedMessage(m).segmentsCount, 0], // one pass: ~2 s
];
for (const [, fn] of implementations) for (let i = 0; i < 3; i++) for (const m of messages) fn(m); // warm up the JIT
const us = Object.fromEntries(implementations.map(([name]) => [name, []]));
for (let r = 0; r < rounds; r++) {
  for (const [name, fn, minMs] of implementations) us[name].push(time(fn, messages, minMs));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log(`\n| implementation | µs per message (median of ${rounds} rounds) |`);
console.log('|---|---|');
for (const [name] of implementations) console.log(`| ${name} | ${median(us[name]).toFixed(2)} |`);
const ratio = (ours, theirs) => {
  const perRound = us[theirs].map((t, r) => t / us[ours][r]);
  return `${median(perRound).toFixed(1)}x (rounds ${Math.min(...perRound).toFixed(1)}–${Math.max(...perRound).toFixed(1)})`;
};
console.log('\nratios (how many times faster smsedge is), median round:');
console.log(`  analyze vs split-sms:                 ${ratio('smsedge analyze', 'split-sms 0.1.7 split')} (target 5x)`);
console.log(`  analyze vs sms-segments-calculator:   ${ratio('smsedge analyze', 'sms-segments-calculator 1.3.0')} (target 100x)`);
console.log(`  countSegments vs split-sms:           ${ratio('smsedge countSegments', 'split-sms 0.1.7 split')} (target 20x)`);
