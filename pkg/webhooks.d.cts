// smsedge/webhooks: Telnyx webhook verification and typed events, with its own small wasm.
export * from "./webhook-verifier.cjs";
export { SmsEdgeError } from "./errors.cjs";
