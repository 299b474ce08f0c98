// The compliance checker in a real browser: every documented example, live re-checking,
// evidence highlighting, paste and export, toll-free tab, XSS, keyboard, screenshots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ARTIFACTS, openPage, siteAndBrowser } from './browser.mjs';

const artifacts = ARTIFACTS;
const examples = JSON.parse(readFileSync(new URL('../../www/examples/index.json', import.meta.url), 'utf8'));
const env = siteAndBrowser();

const rules = (page, severity) =>
  page.$$eval(`[data-testid="group-${severity}"] [data-testid="finding"]`, (els) => els.map((e) => e.dataset.rule));

async function loadExample(page, file) {
  const { title } = examples.find((e) => e.file === file);
  await page.evaluate(() => { document.querySelector('[data-testid="json-status"]').textContent = ''; });
  await page.selectOption('[data-testid="examples"]', file);
  await page.click('[data-testid="load-example"]');
  await page.waitForFunction((t) => document.querySelector('[data-testid="json-status"]')?.textContent === `Example loaded: ${t}.`, title);
}

test('every documented example shows the findings it should', async () => {
  assert.ok(examples.length >= 20);
  const { page, context, problems } = await openPage(env.browser, `${env.site.url}/checker.html`);
  for (const e of examples) {
    if (e.kind === 'tollfree') await page.click('[data-testid="tab-tollfree"]');
    else await page.click('[data-testid="tab-campaign"]');
    await loadExample(page, e.file);
    const errors = await rules(page, 'error');
    if (e.good) assert.deepEqual(errors, [], `${e.file}: no errors`);
    for (const rule of e.expect?.errors ?? []) assert.ok(errors.includes(rule), `${e.file}: shows ${rule} (got ${errors})`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('re-checks as the user types and highlights the evidence in its field', async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.site.url}/checker.html`);
  await loadExample(page, 'good-delivery.json');
  assert.deepEqual(await rules(page, 'error'), []);
  await page.fill('#f-sample1', 'Acme: your order shipped! Track it at bit.ly/abc. Reply STOP to opt out.');
  assert.ok((await rules(page, 'error')).includes('LNK-SHORTENER'));
  const mark = page.locator('[data-highlight="sample1"] mark');
  assert.equal(await mark.first().textContent(), 'bit.ly/abc');
  // Each sample shows its own encoding and segments.
  await page.fill('#f-sample2', 'Acme: your package arrived 📦 Reply STOP to opt out.');
  assert.equal(await page.textContent('[data-testid="segments-sample2"]'), 'UCS-2 · 1 segment');
  // Fixing it clears the finding.
  await page.fill('#f-sample1', 'Acme: your order shipped! Track it at https://acme.com/track. Reply STOP to opt out.');
  assert.ok(!(await rules(page, 'error')).includes('LNK-SHORTENER'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('paste a campaignBuilder body, then export the checked body', async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.site.url}/checker.html`);
  const body = JSON.parse(readFileSync(new URL('../vectors/compliance/bad-no-opt-out.json', import.meta.url), 'utf8'));
  delete body.expect;
  delete body.$comment;
  body.customField = 'kept';
  await page.fill('[data-testid="campaign-json"]', JSON.stringify(body));
  await page.click('[data-testid="import-json"]');
  assert.equal(await page.inputValue('#f-sample1'), body.sample1);
  const found = await page.$$eval('[data-testid="finding"]', (els) => els.map((e) => e.dataset.rule));
  assert.ok(found.length > 0);
  await page.fill('[data-testid="campaign-json"]', '');
  await page.click('[data-testid="export-json"]');
  const exported = JSON.parse(await page.inputValue('[data-testid="campaign-json"]'));
  assert.equal(exported.sample1, body.sample1);
  assert.equal(exported.usecase, body.usecase);
  assert.equal(exported.customField, 'kept', 'fields the form has no box for survive the round trip');
  await page.fill('[data-testid="campaign-json"]', '{ not json');
  await page.click('[data-testid="import-json"]');
  assert.match(await page.textContent('[data-testid="json-status"]'), /not valid JSON/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the toll-free tab checks a verification request', async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.site.url}/checker.html`);
  await page.click('[data-testid="tab-tollfree"]');
  assert.equal(await page.getAttribute('[data-testid="tab-tollfree"]', 'aria-selected'), 'true');
  assert.ok((await rules(page, 'error')).includes('TFV-REQUIRED'), 'an empty request misses required fields');
  await loadExample(page, 'tfv-good-appointments.json');
  assert.deepEqual(await rules(page, 'error'), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('user text is shown as text, never as HTML', async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.site.url}/checker.html`);
  const attack = '<img src=x onerror=alert(1)> visit bit.ly/<b>x</b>';
  await page.fill('#f-sample1', attack);
  await page.fill('#f-brandName', '<script>alert(1)</script>');
  await page.waitForTimeout(100);
  assert.equal(await page.locator('main img, main script, main b').count(), 0);
  assert.equal(await page.locator('[data-highlight="sample1"]').textContent(), attack);
  assert.deepEqual(problems, []);
  await context.close();
});

test('keyboard: tabs switch with arrow keys, findings link to their field', async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.site.url}/checker.html`);
  await page.focus('[data-testid="tab-campaign"]');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'tab-tollfree');
  await page.keyboard.press('ArrowLeft');
  await loadExample(page, 'bad-url-shortener.json');
  const link = page.locator('[data-rule="LNK-SHORTENER"] a[data-focus]');
  await link.focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-sample1');
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
    .filter((el) => !el.labels?.length && !el.getAttribute('aria-label')).map((el) => el.id));
  assert.deepEqual(unlabelled, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('screenshots, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, context, problems } = await openPage(env.browser, `${env.site.url}/checker.html`, { colorScheme });
    await loadExample(page, 'bad-url-shortener.json');
    await page.screenshot({ path: `${artifacts}/checker-${colorScheme}.png`, fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  }
});
