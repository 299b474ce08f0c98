import type { InitInput } from "./init.cjs";
export type { InitInput } from "./init.cjs";
export * from "./index.js";

/**
 * Loads both wasm modules (by default from `dist/full/` and `dist/webhooks/` next to this
 * file); call it once, and await it, before anything else.
 */
export default function init(input?: { full?: InitInput | Promise<InitInput>; webhooks?: InitInput | Promise<InitInput> }): Promise<void>;

/** Instantiates both wasm modules synchronously from their bytes or compiled modules. */
export function initSync(input: { full: BufferSource | WebAssembly.Module; webhooks: BufferSource | WebAssembly.Module }): void;
