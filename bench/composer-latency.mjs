// Benchmark (a script, not a test): in Chromium, the time from an input event in the
// composer to the updated figures, for a 1,600-character message with emoji.
//
//   node bench/composer-latency.mjs      # after scripts/build; needs /usr/bin/chromium
//
// Each sample types one character (or deletes it) and times the input handler plus the
// style and layout it causes (a forced reflow), as a user would wait for it.
import { launch, openPage, startSite } from '../tests/e2e/browser.mjs';

const site = await startSite();
const browser = await launch();
try {
  const { page } = await openPage(browser, `${site.url}/`);
  const samples = await page.evaluate(async () => {
    const input = document.querySelector('[data-testid="composer-input"]');
    const base = 'Hello from Acme 😀 your order ships today! '.repeat(40).slice(0, 1598) + '🎉';
    const times = [];
    for (let i = 0; i < 400; i++) {
      input.value = i % 2 ? base : `${base}x`;
      const start = performance.now();
      input.dispatchEvent(new Event('input', { bubbles: true }));
      void document.body.offsetHeight; // style + layout of the updated figures
      times.push(performance.now() - start);
      if (i % 50 === 0) await new Promise((r) => setTimeout(r, 0));
    }
    return { times: times.slice(20), length: input.value.length, segments: document.querySelector('[data-testid="segment-count"]').textContent };
  });
  const sorted = samples.times.sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  console.log(`message: ${samples.length} UTF-16 units, ${samples.segments} segments`);
  console.log(`input → updated figures (n=${sorted.length}): p50 ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, max ${sorted.at(-1).toFixed(2)} ms (target p95 < 4 ms)`);
} finally {
  await browser.close();
  await site.close();
}
