// Copies the documented example campaigns (tests/vectors/compliance/*.json, each taken from
// the Telnyx docs) into www/examples/ for the checker's "Load example" menu, with an index.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const from = `${root}/tests/vectors/compliance`;
const to = `${root}/www/examples`;

const words = (s) => s.replace(/-/g, ' ').replace(/\b(2fa|url|sms|api|tfv)\b/gi, (w) => w.toUpperCase());

rmSync(to, { recursive: true, force: true });
mkdirSync(to, { recursive: true });
const index = [];
for (const file of readdirSync(from).sort()) {
  const m = file.match(/^(tfv-)?(good|bad)-(.+)\.json$/);
  if (!m) continue;
  const data = JSON.parse(readFileSync(`${from}/${file}`, 'utf8'));
  const kind = m[1] ? 'tollfree' : 'campaign';
  const title = `${m[2] === 'good' ? 'Passes' : 'Fails'}: ${words(m[3])}`;
  writeFileSync(`${to}/${file}`, JSON.stringify(data, null, 2));
  index.push({ file, kind, title, good: m[2] === 'good', source: data.$comment ?? null, expect: data.expect ?? null });
}
index.sort((a, b) => Number(b.good) - Number(a.good) || a.title.localeCompare(b.title));
writeFileSync(`${to}/index.json`, JSON.stringify(index, null, 2));
console.log(`www/examples: ${index.length} examples`);
