// Node.js entry: the wasm is compiled synchronously at import, so no init call is needed.
import { readFileSync } from 'node:fs';
import { initSync } from './dist/full/smsedge.js';

initSync({ module: readFileSync(new URL('./dist/full/smsedge_bg.wasm', import.meta.url)) });

export { analyze, countSegments, smartEncode, estimateSend, checkCampaign, checkTollFreeVerification, verifyWebhook, WebhookVerifier } from './dist/full/smsedge.js';
export { SmsEdgeError, TelnyxApiError } from './boundary.js';
export { TelnyxClient, PagePromise } from './client.js';
