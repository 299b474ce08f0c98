//! Speed of the compliance checker. Run in release mode:
//!
//! ```sh
//! cargo test --release -p smsedge-core --test compliance_speed -- --ignored --nocapture
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use smsedge_core::compliance::{Json, check_campaign, check_toll_free_verification};

fn vector(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/vectors/compliance")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The fastest of 20 batches (the machine may be shared): time per call.
fn time(runs: u32, mut f: impl FnMut()) -> Duration {
    f();
    let batch = (runs / 20).max(1);
    (0..20)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..batch {
                f();
            }
            start.elapsed() / batch
        })
        .min()
        .unwrap_or_default()
}

/// Hostile text for every field: long, repetitive, full of near-patterns.
fn hostile(n: usize) -> Value {
    let unit = "acme.com/x {a} [b] <c> @D@ 1-800-555-0199 reply stop check box 12345 sale! ";
    let text: String = unit.repeat(n / unit.len() + 1).chars().take(n).collect();
    let words: String = "aaaa ".repeat(n / 5);
    json!({
        "brandName": words, "usecase": "MIXED", "description": text, "sample1": text, "sample2": words,
        "sample3": text, "sample4": words, "sample5": text, "messageFlow": text, "helpMessage": text,
        "optinKeywords": text, "optoutKeywords": text, "helpKeywords": text, "optinMessage": text, "optoutMessage": text,
        "brandAliases": [words, text],
    })
}

#[test]
#[ignore]
fn speed() {
    for name in [
        "good-mixed.json",
        "good-marketing.json",
        "good-customer-care.json",
    ] {
        let body = Json::from(&vector(name));
        let t = time(2_000, || {
            check_campaign(&body).unwrap();
        });
        println!("{name}: {:.1} µs per check", t.as_secs_f64() * 1e6);
    }
    let mut five = vector("good-mixed.json");
    five["sample4"] = json!(
        "Acme: your return for order #77412 was received. Refund in 3-5 days. Reply STOP to opt out."
    );
    five["sample5"] = json!(
        "Acme: how did we do? Take our 1-minute survey at acme.com/survey. Reply STOP to opt out."
    );
    let five = Json::from(&five);
    let t = time(2_000, || {
        check_campaign(&five).unwrap();
    });
    println!("five samples: {:.1} µs per check", t.as_secs_f64() * 1e6);
    let tfv = Json::from(&vector("tfv-good-appointments.json"));
    let t = time(2_000, || {
        check_toll_free_verification(&tfv).unwrap();
    });
    println!("toll-free: {:.1} µs per check", t.as_secs_f64() * 1e6);
}

#[test]
#[ignore]
fn speed_hostile() {
    for n in [1_000, 4_000, 16_000, 100_000] {
        let body = Json::from(&hostile(n));
        let t = time(3, || {
            check_campaign(&body).unwrap();
        });
        println!(
            "hostile {n} chars per field: {:.2} ms per check",
            t.as_secs_f64() * 1e3
        );
    }
}

/// Pathological input stays bounded even in a debug build.
#[test]
fn hostile_input_is_bounded() {
    let body = Json::from(&hostile(4_000));
    let start = Instant::now();
    check_campaign(&body).unwrap();
    check_toll_free_verification(&body).unwrap();
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "took {:?}",
        start.elapsed()
    );
}
