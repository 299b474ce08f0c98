// Every export of the main entry: the full build (segments, compliance, client) and the
// webhook verifier on the webhook-only build, which `smsedge/webhooks` uses too, so the
// verifier exists once in the package. The runtime entries (index.node.js, index.workerd.js,
// index.browser.js, web.js) instantiate both wasm modules first, then re-export this.
export {
  analyze,
  countSegments,
  smartEncode,
  estimateSend,
  checkCampaign,
  checkTollFreeVerification,
} from './dist/full/smsedge.js';
export { verifyWebhook, WebhookVerifier } from './webhook-verifier.js';
export { SmsEdgeError, TelnyxApiError } from './errors.js';
export { TelnyxClient, PagePromise } from './client.js';
