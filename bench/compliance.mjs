// Benchmark (a script, not a test): a full checkCampaign of a five-sample campaign through
// the package in Node, the speed the web app needs to re-check on every keystroke.
//   node bench/compliance.mjs
import { checkCampaign } from 'smsedge';
import { readFileSync } from 'node:fs';
const c = JSON.parse(readFileSync(new URL('../tests/vectors/compliance/good-marketing.json', import.meta.url)));
const five = { ...c, sample1: c.sample1, sample2: c.sample2 ?? c.sample1, sample3: c.sample3 ?? c.sample1, sample4: c.sample4 ?? c.sample2 ?? c.sample1, sample5: c.sample5 ?? c.sample1 };
for (let i = 0; i < 500; i++) checkCampaign(five);
const times = [];
for (let i = 0; i < 3000; i++) { const s = process.hrtime.bigint(); checkCampaign(five); times.push(Number(process.hrtime.bigint() - s) / 1000); }
times.sort((a, b) => a - b);
console.log(`checkCampaign, 5 samples: median ${times[1500].toFixed(0)} µs, p95 ${times[2850].toFixed(0)} µs`);
