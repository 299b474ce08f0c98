// The entries share their modules: one SmsEdgeError class and one verifier whichever entry a
// program loads, in ESM and in CommonJS (require() loads the ES module entries themselves).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as main from 'smsedge';
import * as slim from 'smsedge/webhooks';

const require = createRequire(import.meta.url);

test('ESM: smsedge and smsedge/webhooks share SmsEdgeError and the verifier', () => {
  assert.equal(main.SmsEdgeError, slim.SmsEdgeError);
  assert.equal(main.WebhookVerifier, slim.WebhookVerifier);
  assert.throws(() => slim.verifyWebhook('{}', {}, 'not a key'), (e) => e instanceof main.SmsEdgeError && e.code === 'invalid_public_key');
});

test('CommonJS: require("smsedge") and require("smsedge/webhooks") share SmsEdgeError and the verifier', () => {
  const cjsMain = require('smsedge');
  const cjsSlim = require('smsedge/webhooks');
  assert.equal(cjsMain.SmsEdgeError, cjsSlim.SmsEdgeError);
  assert.equal(cjsMain.verifyWebhook, cjsSlim.verifyWebhook);
  assert.throws(() => cjsMain.verifyWebhook('{}', {}, 'not a key'), (e) => e instanceof cjsSlim.SmsEdgeError && e.code === 'invalid_public_key');
  // A TelnyxApiError is an SmsEdgeError of the same class.
  assert.ok(cjsMain.TelnyxApiError.prototype instanceof cjsSlim.SmsEdgeError);
  assert.equal(cjsMain.analyze('Hi').segments, 1);
});

test('CommonJS and ESM are one module: no second SmsEdgeError class, no second wasm instance', () => {
  const cjsMain = require('smsedge');
  // The dual-package hazard: an error thrown for `require` users must pass an `instanceof`
  // written against the `import`, and the other way round.
  assert.equal(cjsMain.SmsEdgeError, main.SmsEdgeError);
  assert.equal(require('smsedge/webhooks').WebhookVerifier, slim.WebhookVerifier);
  assert.equal(cjsMain.analyze, main.analyze);
});
