// Loads the smsedge package built into pkg/ (the plain-ESM entry needs one init call).
import init from '../pkg/web.js';

await init();

export * from '../pkg/web.js';
