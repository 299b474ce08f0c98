// The composer in a real browser: typing, pasting, options, smart encoding, cost, XSS, keyboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ARTIFACTS, openPage, siteAndBrowser } from './browser.mjs';

const artifacts = ARTIFACTS;
const env = siteAndBrowser();

const text = (page, id) => page.locator(`[data-testid="${id}"]`).first().textContent();

async function setMessage(page, value) {
  await page.fill('[data-testid="composer-input"]', value);
}

test('typing updates encoding, segments and units on every keystroke', async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.site.url}/`);
  await setMessage(page, '');
  await page.type('[data-testid="composer-input"]', 'Hello');
  assert.equal(await text(page, 'encoding'), 'GSM-7');
  assert.equal(await text(page, 'segment-count'), '1');
  assert.equal(await text(page, 'units-left'), '155');
  await page.type('[data-testid="composer-input"]', ' [x]');
  assert.equal(await text(page, 'units-total'), '11', 'brackets cost 2 septets each');
  assert.equal(await page.locator('[data-testid="mark-ext"]').count(), 2);
  // 161 septets: two parts, 153 + 8.
  await setMessage(page, 'a'.repeat(161));
  assert.equal(await text(page, 'segment-count'), '2');
  assert.equal(await text(page, 'units-used'), '8');
  assert.equal(await text(page, 'units-left'), '145');
  assert.equal(await page.locator('[data-testid="part"]').count(), 2);
  // 153 × ] is 3 segments: an escape pair is never split.
  await setMessage(page, ']'.repeat(153));
  assert.equal(await text(page, 'segment-count'), '3');
  assert.deepEqual(problems, []);
  await context.close();
});

test('pasting an emoji switches to UCS-2 and marks it', async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.site.url}/`);
  await setMessage(page, 'Thanks for your order!');
  assert.equal(await text(page, 'encoding'), 'GSM-7');
  await page.focus('[data-testid="composer-input"]');
  await page.keyboard.press('End');
  await page.keyboard.insertText(' 🎉');
  assert.equal(await text(page, 'encoding'), 'UCS-2');
  assert.equal(await text(page, 'units-total'), '25');
  assert.equal(await text(page, 'units-left'), '45');
  const mark = page.locator('[data-testid="mark-ucs2"]');
  assert.equal(await mark.count(), 1);
  assert.match(await mark.getAttribute('title'), /U\+1F389 forces UTF-16/);
  // 67 emoji: 3 segments, because a surrogate pair is never split.
  await setMessage(page, '😀'.repeat(67));
  assert.equal(await text(page, 'segment-count'), '3');
  assert.deepEqual(problems, []);
  await context.close();
});

test('smart encoding shows the transformed text, what changed and the saving', async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.site.url}/`);
  const message = 'Don\u2019t miss our \u201cflash sale\u201d \u2014 50% off everything today! Reply STOP to opt out.';
  await setMessage(page, message);
  assert.equal(await text(page, 'encoding'), 'UCS-2');
  assert.equal(await text(page, 'segment-count'), '2');
  assert.equal(await page.locator('[data-testid="smart-panel"]').isVisible(), false);
  await page.check('[data-testid="smart-toggle"]');
  assert.equal(await text(page, 'encoding'), 'GSM-7');
  assert.equal(await text(page, 'segment-count'), '1');
  assert.equal(await text(page, 'smart-saving'), '2 segments → 1');
  assert.equal(await text(page, 'smart-text'), 'Don\'t miss our "flash sale" - 50% off everything today! Reply STOP to opt out.');
  assert.equal(await page.locator('[data-testid="smart-changes"] tr').count(), 4);
  assert.match(await text(page, 'smart-summary'), /4 distinct characters replaced/);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.click('[data-testid="copy-smart"]');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await text(page, 'smart-text'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('sender type and request encoding change the result and the errors', async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.site.url}/`);
  await setMessage(page, 'Price: $100 [USD]');
  assert.equal(await text(page, 'units-total'), '19');
  await page.selectOption('[data-testid="sender"]', 'short_code');
  assert.equal(await text(page, 'encoding'), 'ASCII-7');
  assert.equal(await text(page, 'units-total'), '17');
  await page.selectOption('[data-testid="sender"]', 'long_code');
  await setMessage(page, 'Hi 😀');
  await page.selectOption('[data-testid="request-encoding"]', 'gsm7');
  assert.equal(await page.locator('[data-testid="error"]').getAttribute('data-code'), 'not_gsm7');
  assert.equal(await text(page, 'segment-count'), '—');
  await page.selectOption('[data-testid="request-encoding"]', 'ucs2');
  await setMessage(page, 'Hello');
  assert.equal(await text(page, 'encoding'), 'UCS-2');
  await page.selectOption('[data-testid="request-encoding"]', 'auto');
  await setMessage(page, 'x'.repeat(1531));
  assert.equal(await page.locator('[data-testid="warning"]').getAttribute('data-code'), 'too_many_segments');
  await setMessage(page, '');
  assert.equal(await page.locator('[data-testid="warning"]').getAttribute('data-code'), 'empty');
  assert.deepEqual(problems, []);
  await context.close();
});

test('cost and send time follow recipients, price and sender', async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.site.url}/`);
  await setMessage(page, 'a'.repeat(200));
  await page.fill('[data-testid="recipients"]', '1000');
  await page.fill('[data-testid="price"]', '0.004');
  assert.equal(await text(page, 'total-segments'), '2,000');
  assert.equal(await text(page, 'cost'), '$8.00');
  await page.selectOption('[data-testid="sender"]', 'toll_free');
  assert.equal(await text(page, 'send-time'), '1 min 40 s');
  assert.equal(await text(page, 'throughput'), '20/s');
  await page.selectOption('[data-testid="sender"]', 'long_code');
  await page.selectOption('[data-testid="att-class"]', 'A');
  assert.equal(await text(page, 'throughput'), '50/s (account cap)');
  assert.deepEqual(problems, []);
  await context.close();
});

test('user text is shown as text, never as HTML', async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.site.url}/`);
  const attack = '<img src=x onerror=alert(1)><script>alert(2)</script>';
  await setMessage(page, attack);
  await page.check('[data-testid="smart-toggle"]');
  await page.waitForTimeout(100);
  assert.equal(await page.locator('main img, main script').count(), 0);
  assert.equal(await page.locator('[data-testid="part"] .text').first().textContent(), attack);
  assert.equal(await text(page, 'smart-text'), attack);
  assert.deepEqual(problems, [], 'no dialog opened and no request to x');
  await context.close();
});

test('keyboard only: reach and operate every control', async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.site.url}/`);
  await page.locator('[data-testid="composer-input"]').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Café ½');
  assert.equal(await text(page, 'encoding'), 'UCS-2');
  await page.keyboard.press('Tab'); // sender
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'sender');
  await page.keyboard.press('Tab'); // request encoding
  await page.keyboard.press('Tab'); // smart toggle
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'smart-toggle');
  await page.keyboard.press('Space');
  assert.equal(await text(page, 'encoding'), 'GSM-7');
  // Every form control has a label a screen reader can use.
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
    .filter((el) => !el.labels?.length && !el.getAttribute('aria-label')).map((el) => el.id));
  assert.deepEqual(unlabelled, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('screenshots, light and dark, and a phone-sized viewport', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, context, problems } = await openPage(env.browser, `${env.site.url}/`, { colorScheme });
    await page.check('[data-testid="smart-toggle"]');
    await page.uncheck('[data-testid="smart-toggle"]');
    await page.screenshot({ path: `${artifacts}/composer-${colorScheme}.png`, fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  }
  const { page, context } = await openPage(env.browser, `${env.site.url}/`, { viewport: { width: 390, height: 844 } });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(overflow, false, 'no horizontal scrolling on a phone');
  await page.screenshot({ path: `${artifacts}/composer-phone.png`, fullPage: true });
  await context.close();
});
