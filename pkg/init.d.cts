// The types of `init` and `initSync` (the entries that need them: `smsedge/web`, and
// `smsedge/webhooks` outside Node, bundlers and Workers).

/** Where the wasm comes from: its URL (or a request or response for it), its bytes, or a compiled module. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/** Loads and instantiates the wasm; by default it fetches the `.wasm` next to the module. */
export type Init = (
  input?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>,
) => Promise<void>;

/** Instantiates the wasm synchronously from its bytes or a compiled module. */
export type InitSync = (input: { module: BufferSource | WebAssembly.Module } | BufferSource | WebAssembly.Module) => void;
