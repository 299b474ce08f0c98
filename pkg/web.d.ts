export { default, initSync } from "./dist/full/smsedge.js";
export * from "./index.js";
