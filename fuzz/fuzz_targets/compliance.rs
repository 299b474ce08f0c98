//! Any JSON-ish bytes: both compliance checkers return a report or a clean error, never
//! panic, report each rule at most once, and keep every evidence span inside its field
//! (as UTF-16 units). Bytes that are not JSON are used as the text of every field. The bytes
//! also go through `Json::parse_strict`, the reader the wasm binding uses, which must accept
//! what serde_json accepts and nothing else.
#![no_main]

use std::collections::HashSet;

use libfuzzer_sys::fuzz_target;
use serde_json::{Value, json};
use smsedge_core::compliance::{Json, Report, check_campaign, check_toll_free_verification};

fn field_len(body: &Value, field: &str) -> Option<usize> {
    let mut v = body;
    for part in field.split('.') {
        v = v.get(part)?;
    }
    v.as_str().map(|s| s.encode_utf16().count())
}

fn invariants(body: &Value, report: &Report) {
    let mut seen = HashSet::new();
    for f in &report.findings {
        assert!(seen.insert(f.rule), "{} reported twice", f.rule);
        if let Some(ev) = &f.evidence {
            assert!(
                ev.start <= ev.end,
                "{}: evidence {}..{}",
                f.rule,
                ev.start,
                ev.end
            );
            if let Some(len) = field_len(body, &f.field) {
                assert!(
                    ev.end <= len,
                    "{}: evidence ends at {} past {len}",
                    f.rule,
                    ev.end
                );
            }
        }
    }
    let errors = report
        .findings
        .iter()
        .filter(|f| f.severity.as_str() == "error")
        .count();
    assert_eq!(errors, report.error_count);
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        // (Numbers are kept as their text, so only acceptance is compared: serde_json reads
        // `-0` as 0, for one.)
        let ours = Json::parse_strict(text).is_ok();
        let theirs = serde_json::from_str::<Value>(text).is_ok();
        assert_eq!(ours, theirs, "Json::parse_strict and serde_json disagree");
    }
    let body = match serde_json::from_slice::<Value>(data) {
        Ok(v) => v,
        Err(_) => {
            let text = String::from_utf8_lossy(data);
            json!({
                "brandName": text, "usecase": "MIXED", "description": text,
                "sample1": text, "sample2": text, "messageFlow": text, "helpMessage": text,
                "optinKeywords": text, "optoutKeywords": text, "helpKeywords": text,
                "optinMessage": text, "optoutMessage": text,
                "businessName": text, "productionMessageContent": text, "optInWorkflow": text,
                "useCase": text, "useCaseSummary": text, "helpMessageResponse": text,
            })
        }
    };
    let json = Json::from(&body);
    if let Ok(report) = check_campaign(&json) {
        invariants(&body, &report);
    }
    if let Ok(report) = check_toll_free_verification(&json) {
        invariants(&body, &report);
    }
});
