//! # smsedge-wasm
//!
//! The wasm-bindgen layer of smsedge, and the only crate that knows JavaScript. Each
//! module binds one feature of `smsedge-core`: it converts JS values to core types,
//! calls the core, and converts results and errors back. No logic lives here.
//!
//! Errors become one JS class, `SmsEdgeError` (with `.code`), in [`error`].

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

// NOTE: talc instead of std's dlmalloc: about 5 KB less wasm (2.5 KB gzipped, a tenth of
// the webhook-only build) and faster. The wasm is single-threaded (no `atomics`).
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(feature = "client")]
pub mod client;
#[cfg(feature = "compliance")]
pub mod compliance;
pub mod error;
// A build with fewer features (the webhook-only wasm) uses only some of the helpers.
#[cfg_attr(not(feature = "segments"), allow(dead_code))]
mod js;
#[cfg(feature = "segments")]
pub mod segments;
#[cfg(feature = "segments")]
pub mod throughput;
#[cfg(feature = "webhooks")]
pub mod webhooks;
