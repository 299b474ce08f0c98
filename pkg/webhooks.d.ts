// smsedge/webhooks: Telnyx webhook verification and typed events, with its own small wasm.
export * from "./webhooks.cjs";
import type { Init, InitSync } from "./init.cjs";
export type { InitInput } from "./init.cjs";

/** Only for `webhooks.js` (browsers without a bundler): loads the wasm. Node, bundlers and Workers need no init. */
declare const init: Init;
export default init;
/** Only for `webhooks.js`: instantiates the wasm from its bytes or a compiled module. */
export declare const initSync: InitSync;
