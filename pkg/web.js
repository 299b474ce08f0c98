// Plain <script type="module"> entry, no bundler: call `await init()` once before anything else.
//
//   import init, { analyze } from './node_modules/smsedge/web.js';
//   await init();
export { default, initSync, analyze, countSegments, smartEncode, estimateSend, checkCampaign, checkTollFreeVerification, verifyWebhook, WebhookVerifier } from './dist/full/smsedge.js';
export { SmsEdgeError, TelnyxApiError } from './boundary.js';
export { TelnyxClient, PagePromise } from './client.js';
