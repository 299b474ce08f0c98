// Every export of the main entry, from the full build. The runtime entries (index.node.js,
// index.workerd.js, index.browser.js, web.js) instantiate the wasm first, then re-export this.
export {
  analyze,
  countSegments,
  smartEncode,
  estimateSend,
  checkCampaign,
  checkTollFreeVerification,
  verifyWebhook,
  WebhookVerifier,
} from './dist/full/smsedge.js';
export { SmsEdgeError, TelnyxApiError } from './boundary.js';
export { TelnyxClient, PagePromise } from './client.js';
