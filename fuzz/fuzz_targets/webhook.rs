//! Any key text, header values and body: the key, header and envelope parsers and the
//! whole verifier return an error or a value, never panic.
//!
//! The input is split at NUL bytes into the key, the signature header, the timestamp
//! header and the body; the first 8 body bytes also give `now`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smsedge_core::webhook::{Headers, Options, PublicKey, find_header, parse_event, verify_event};

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(4, |&b| b == 0);
    let mut next = || parts.next().unwrap_or_default();
    let key = String::from_utf8_lossy(next()).into_owned();
    let signature = String::from_utf8_lossy(next()).into_owned();
    let timestamp = String::from_utf8_lossy(next()).into_owned();
    let body = next();

    let _ = PublicKey::parse(&key);
    if let Ok(event) = parse_event(body) {
        let _ = event.typed();
    }

    let pairs = [
        ("Telnyx-Signature-Ed25519", signature.as_str()),
        (signature.as_str(), timestamp.as_str()),
        ("TELNYX-TIMESTAMP", timestamp.as_str()),
    ];
    let headers = Headers::from_pairs(&pairs);
    let _ = find_header(&pairs, &key);

    let mut clock = [0u8; 8];
    for (slot, byte) in clock.iter_mut().zip(body) {
        *slot = *byte;
    }
    let now = i64::from_le_bytes(clock);
    let options = Options {
        tolerance_secs: u64::from(body.len() as u32),
    };
    // Without the private key nothing verifies: every input is an error with a code.
    if let Err(error) = verify_event(body, &headers, &key, now, &options) {
        assert!(!error.code().is_empty());
    }
});
