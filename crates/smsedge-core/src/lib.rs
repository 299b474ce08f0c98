//! # smsedge-core
//!
//! The pure-Rust heart of [smsedge](https://www.npmjs.com/package/smsedge): the
//! money-and-compliance-critical parts of Telnyx messaging, with no JavaScript, no clock,
//! no randomness and no I/O. The `smsedge-wasm` crate binds it to JavaScript.
//!
//! - [`segments`]: an exact SMS segment calculator: GSM-7, ASCII-7 and UTF-16,
//!   splitting that never breaks an escape or surrogate pair, Telnyx smart encoding,
//!   warnings and cost.
//! - [`throughput`]: how long a send takes at the documented Telnyx throughput.
//! - [`api`]: the transport-agnostic Telnyx API client: the operation catalogue, request
//!   building with pre-flight checks, error parsing, retry policy and pagination.
//! - [`webhook`]: Telnyx webhook verification (strict Ed25519 over the raw bytes, a
//!   stable code for every failure) and typed events for both envelopes.
//! - [`compliance`]: the campaign compliance checker: every documented 10DLC and
//!   toll-free rejection reason as a rule with a stable ID, run offline on a
//!   `campaignBuilder` body or a toll-free verification request.
//!
//! Text crosses this crate as UTF-16 code units (`&[u16]`), the form JavaScript strings
//! have, so lone surrogates survive and every index is a valid JS string index.
//!
//! ## Quick start
//!
//! ```
//! use smsedge_core::segments::{analyze, utf16, Encoding, Options};
//!
//! let text = utf16("Your code is 123456. Reply STOP to opt out.");
//! let analysis = analyze(&text, &Options::default())?;
//! assert_eq!(analysis.encoding, Encoding::Gsm7);
//! assert_eq!(analysis.segments, 1);
//! assert_eq!(analysis.units_left, 160 - 43);
//! # Ok::<(), smsedge_core::segments::SegmentError>(())
//! ```
//!
//! ## Errors
//!
//! Every fallible operation returns a small `#[non_exhaustive]` error enum whose
//! `code()` is a stable `snake_case` string: the JavaScript binding exposes it as
//! `SmsEdgeError.code`. Nothing in this crate panics on any input.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod api;
pub mod compliance;
pub mod json;
pub mod segments;
mod strings;
pub mod throughput;
pub mod webhook;
