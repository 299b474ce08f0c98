// estimateSend through the package: the Telnyx Rate Limiting and 10DLC Rate Limits figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateSend, SmsEdgeError } from 'smsedge';

test('documented per-sender rates, and the 50 SMS/s account cap', () => {
  assert.deepEqual(estimateSend({ sender: 'toll_free', recipients: 1000, segments: 2 }), {
    totalSegments: 2000,
    segmentsPerSecond: 20,
    seconds: 100,
    limitedBy: 'sender',
  });
  assert.equal(estimateSend({ sender: 'toll_free', senders: 5, recipients: 10, segments: 1 }).limitedBy, 'account');
  assert.equal(estimateSend({ sender: 'long_code', recipients: 10, segments: 1 }).seconds, 100);
  assert.equal(estimateSend({ sender: 'short_code', recipients: 1, segments: 1 }).segmentsPerSecond, 50);
});

test('10DLC message classes', () => {
  assert.equal(estimateSend({ sender: 'long_code', attClass: 'W', recipients: 60, segments: 1 }).seconds, 240);
  assert.equal(estimateSend({ sender: 'long_code', attClass: 'E', recipients: 4, segments: 1 }).segmentsPerSecond, 4);
});

test('bad plans give invalid_argument', () => {
  for (const plan of [{}, { sender: 'toll_free', recipients: -1, segments: 1 }, { sender: 'toll_free', recipients: 1.5, segments: 1 },
    { sender: 'toll_free', attClass: 'A', recipients: 1, segments: 1 }, { sender: 'long_code', attClass: 'Z', recipients: 1, segments: 1 },
    { sender: 'fax', recipients: 1, segments: 1 }, null]) {
    assert.throws(() => estimateSend(plan), (e) => e instanceof SmsEdgeError && e.code === 'invalid_argument', JSON.stringify(plan));
  }
  assert.throws(() => estimateSend({ sender: 'toll_free', senders: 0, recipients: 1, segments: 1 }), (e) => e.code === 'no_senders');
  // The message quotes what it was given, or says nothing was (not Rust's `Some(..)`/`None`).
  assert.throws(() => estimateSend({ sender: 'fax', recipients: 1, segments: 1 }), { message: /got "fax"$/ });
  assert.throws(() => estimateSend({ recipients: 1, segments: 1 }), { message: /got nothing$/ });
});
