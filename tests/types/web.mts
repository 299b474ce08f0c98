// Compiled with `tsc --strict`: the init functions of the plain-ESM entries.
import init, { initSync, analyze } from "smsedge/web";
import initWebhooks, { initSync as initWebhooksSync, verifyWebhook } from "smsedge/webhooks";

declare const fullBytes: Uint8Array;
declare const webhookModule: WebAssembly.Module;

const loaded: Promise<void> = init();
await init({ full: new URL("https://example.com/smsedge_bg.wasm"), webhooks: fetch("https://example.com/w.wasm") });
initSync({ full: fullBytes, webhooks: webhookModule });
// @ts-expect-error: initSync needs both modules
initSync({ full: fullBytes });
// @ts-expect-error: init takes the two modules by name
await init(new URL("https://example.com/smsedge_bg.wasm"));

await initWebhooks();
await initWebhooks({ module_or_path: new URL("https://example.com/w.wasm") });
initWebhooksSync({ module: webhookModule });

const segments: number = analyze("hi").segments;
const id: string = verifyWebhook("{}", {}, "key").id;
void [loaded, segments, id];
