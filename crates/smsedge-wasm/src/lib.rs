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
