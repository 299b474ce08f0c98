//! Compliance checker: the doc-derived vectors in `tests/vectors/compliance/`, the
//! per-rule cases (each rule fires at least twice and has a near miss), UTF-16
//! evidence, hostile input and the catalogue itself.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde_json::{Value, json};
use smsedge_core::compliance::{
    self, Campaign, ComplianceError, Json, MAX_FIELD_BYTES, Report, Severity, rules,
};

/// Checks a `serde_json` value, and checks that its JSON text read by `Json::parse_strict`
/// (the wasm binding's path) gives the same report.
fn check_campaign(body: &Value) -> Result<Report, ComplianceError> {
    let report = compliance::check_campaign(&Json::from(body));
    let text = Json::parse_strict(&body.to_string()).unwrap();
    assert_eq!(compliance::check_campaign(&text), report);
    report
}

/// As [`check_campaign`], for a toll-free verification request.
fn check_toll_free_verification(body: &Value) -> Result<Report, ComplianceError> {
    let report = compliance::check_toll_free_verification(&Json::from(body));
    let text = Json::parse_strict(&body.to_string()).unwrap();
    assert_eq!(compliance::check_toll_free_verification(&text), report);
    report
}

fn vectors_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/compliance")
}

fn read(path: &PathBuf) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn check(checker: &str, body: &Value) -> Report {
    match checker {
        "campaign" => check_campaign(body).unwrap(),
        "tollFreeVerification" => check_toll_free_verification(body).unwrap(),
        other => panic!("unknown checker {other}"),
    }
}

fn ids(report: &Report, severity: Severity) -> BTreeSet<String> {
    report
        .findings
        .iter()
        .filter(|f| f.severity == severity)
        .map(|f| f.rule.to_string())
        .collect()
}

fn strings(v: &Value) -> BTreeSet<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// RFC 7386 JSON merge patch.
fn merge(base: &mut Value, patch: &Value) {
    match (base, patch) {
        (Value::Object(b), Value::Object(p)) => {
            for (k, v) in p {
                if v.is_null() {
                    b.remove(k);
                } else {
                    merge(b.entry(k.clone()).or_insert(Value::Null), v);
                }
            }
        }
        (b, p) => *b = p.clone(),
    }
}

fn doc_vectors() -> Vec<(String, Value)> {
    let mut out: Vec<(String, Value)> = std::fs::read_dir(vectors_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .filter(|p| p.file_name().is_some_and(|n| n != "rule-cases.json"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                read(&p),
            )
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[test]
fn doc_examples_give_exactly_the_expected_errors() {
    let vectors = doc_vectors();
    assert!(vectors.len() >= 25, "found {} vectors", vectors.len());
    let mut failures = Vec::new();
    for (name, body) in &vectors {
        let expect = &body["expect"];
        let report = check(expect["checker"].as_str().unwrap(), body);
        let errors = ids(&report, Severity::Error);
        let want = strings(&expect["errors"]);
        if errors != want {
            failures.push(format!("{name}: errors {errors:?}, expected {want:?}"));
        }
        let warnings = ids(&report, Severity::Warning);
        for w in strings(&expect["warnings"]) {
            if !warnings.contains(&w) {
                failures.push(format!("{name}: missing warning {w} (got {warnings:?})"));
            }
        }
        if name.starts_with("good-") || name.starts_with("tfv-good-") {
            assert!(
                want.is_empty(),
                "{name}: a good example must expect no errors"
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_use_case_example_is_covered() {
    let names: BTreeSet<String> = doc_vectors().into_iter().map(|(n, _)| n).collect();
    for uc in [
        "2fa",
        "customer-care",
        "delivery",
        "account",
        "marketing",
        "security",
        "polling",
        "charity",
        "mixed",
        "emergency",
    ] {
        assert!(
            names.contains(&format!("good-{uc}.json")),
            "missing good-{uc}.json"
        );
    }
}

struct Cases {
    bases: Value,
    cases: Vec<Value>,
}

fn rule_cases() -> Cases {
    let v = read(&vectors_dir().join("rule-cases.json"));
    Cases {
        bases: v["bases"].clone(),
        cases: v["cases"].as_array().unwrap().clone(),
    }
}

fn run_case(cases: &Cases, case: &Value) -> Report {
    let base_name = case["base"].as_str().unwrap_or("campaign");
    let mut body = cases.bases[base_name].clone();
    merge(&mut body, &case["patch"]);
    let checker = if base_name == "tollFree" {
        "tollFreeVerification"
    } else {
        "campaign"
    };
    check(checker, &body)
}

#[test]
fn bases_are_clean() {
    let cases = rule_cases();
    for (name, checker) in [
        ("campaign", "campaign"),
        ("tollFree", "tollFreeVerification"),
    ] {
        let report = check(checker, &cases.bases[name]);
        let noisy: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.severity != Severity::Info)
            .map(|f| (f.rule, &f.message))
            .collect();
        assert!(noisy.is_empty(), "{name} base: {noisy:?}");
    }
}

#[test]
fn every_rule_fires_and_has_a_near_miss() {
    let cases = rule_cases();
    let mut failures = Vec::new();
    for case in &cases.cases {
        let rule = case["rule"].as_str().unwrap();
        let fires = case["fires"].as_bool().unwrap();
        let report = run_case(&cases, case);
        if report.has(rule) != fires {
            let got: Vec<_> = report.rule_ids().collect();
            failures.push(format!(
                "{rule} should {}fire: {} (got {got:?})",
                if fires { "" } else { "not " },
                case["note"]
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
    for rule in rules().iter().filter(|r| r.severity != Severity::Info) {
        let of = |fires: bool| {
            cases
                .cases
                .iter()
                .filter(|c| c["rule"] == rule.id && c["fires"] == fires)
                .count()
        };
        assert!(of(true) >= 2, "{} has {} firing cases", rule.id, of(true));
        assert!(of(false) >= 1, "{} has no near miss", rule.id);
    }
}

#[test]
fn the_catalogue_has_every_labelled_rule() {
    let labelled: Vec<_> = rules()
        .iter()
        .filter(|r| r.severity != Severity::Info)
        .collect();
    assert_eq!(labelled.len(), 96);
    assert_eq!(
        labelled
            .iter()
            .filter(|r| r.severity == Severity::Error)
            .count(),
        57
    );
    assert_eq!(
        labelled
            .iter()
            .filter(|r| r.severity == Severity::Warning)
            .count(),
        39
    );
    let unique: BTreeSet<_> = rules().iter().map(|r| r.id).collect();
    assert_eq!(unique.len(), rules().len());
    for r in rules() {
        assert!(!r.title.is_empty(), "{}", r.id);
    }
}

#[test]
fn evidence_is_in_utf16_units() {
    let cases = rule_cases();
    let mut body = cases.bases["campaign"].clone();
    let sample = "Acme 🎉 news: get the deal at bit.ly/x1. Reply STOP to opt out.";
    merge(&mut body, &json!({ "sample3": sample }));
    let report = check_campaign(&body).unwrap();
    let f = report
        .findings
        .iter()
        .find(|f| f.rule == "LNK-SHORTENER")
        .unwrap();
    assert_eq!(f.field, "sample3");
    let ev = f.evidence.as_ref().unwrap();
    let units: Vec<u16> = sample.encode_utf16().collect();
    assert_eq!(
        String::from_utf16(&units[ev.start..ev.end]).unwrap(),
        "bit.ly/x1"
    );
    assert_eq!(ev.text, "bit.ly/x1");
    assert_eq!(ev.start, sample.find("bit.ly").unwrap() - 2); // the emoji is 4 bytes but 2 units
    let enc = report
        .findings
        .iter()
        .find(|f| f.rule == "LEN-ENCODING")
        .unwrap();
    let ev = enc.evidence.as_ref().unwrap();
    assert_eq!((ev.start, ev.end, ev.text.as_str()), (5, 7, "🎉"));
}

#[test]
fn reports_segments_for_every_sample() {
    let report = check(
        "campaign",
        &read(&vectors_dir().join("good-marketing.json")),
    );
    let s: Vec<_> = report
        .samples
        .iter()
        .map(|s| (s.field.as_str(), s.encoding.as_str(), s.segments))
        .collect();
    assert_eq!(s[0], ("sample1", "UCS-2", 3));
    assert_eq!(s[1].1, "GSM-7");
    assert_eq!(report.error_count, 0);
    assert_eq!(
        report.warning_count,
        report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .count()
    );
}

#[test]
fn hostile_input_gives_findings_or_clear_errors() {
    assert_eq!(
        check_campaign(&json!([1, 2])).unwrap_err().code(),
        "not_an_object"
    );
    assert_eq!(
        check_toll_free_verification(&json!("x")).unwrap_err(),
        ComplianceError::NotAnObject { found: "string" }
    );
    // Wrong types are ignored and reported, never fatal.
    let report = check_campaign(&json!({
        "usecase": 7, "description": ["a", "b"], "sample1": {"x": 1}, "sample2": true,
        "embeddedLink": "maybe", "brand": "Acme", "brandAliases": 3, "optoutKeywords": ["STOP", "END"],
    }))
    .unwrap();
    assert!(report.has("FLD-TYPE"));
    assert!(report.has("SMP-COUNT"));
    let t = report
        .findings
        .iter()
        .find(|f| f.rule == "FLD-TYPE")
        .unwrap();
    assert_eq!(t.field, "sample1");
    assert!(t.also.contains(&"embeddedLink".to_string()));
    // Huge fields: a clear error above the limit, a bounded check below it.
    let huge = "x".repeat(MAX_FIELD_BYTES + 1);
    let err = check_campaign(&json!({ "sample1": huge })).unwrap_err();
    assert_eq!(err.code(), "field_too_large");
    let big = "Reply STOP ".repeat(90_000);
    let report = check_campaign(
        &json!({ "brandName": "Acme", "usecase": "MIXED", "sample1": big, "sample2": big }),
    )
    .unwrap();
    assert!(report.has("LEN-SAMPLE-MAX") && report.has("LEN-SEGMENTS"));
    // Empty object: only the required-field and count rules.
    let report = check_campaign(&json!({})).unwrap();
    let errors: Vec<_> = report.rule_ids().filter(|r| *r != "FLD-TYPE").collect();
    assert_eq!(errors, vec!["FLD-REQUIRED", "SMP-COUNT"]);
}

#[test]
fn typed_input_and_lenient_deserialize_agree() {
    let body = read(&vectors_dir().join("good-mixed.json"));
    let typed: Campaign = serde_json::from_value(body.clone()).unwrap();
    assert_eq!(typed.check().unwrap(), check_campaign(&body).unwrap());
    assert_eq!(typed.samples.len(), 3);
    assert_eq!(typed.brand_name.as_deref(), Some("Acme"));
    // snake_case SDK names are accepted too.
    let snake = json!({ "usecase": "2FA", "message_flow": "Users enter their phone number at login to get a code via SMS.", "sample1": "x" });
    let c: Campaign = serde_json::from_value(snake).unwrap();
    assert!(c.message_flow.is_some());
}

#[test]
fn unknown_use_case_skips_use_case_rules() {
    let cases = rule_cases();
    let mut body = cases.bases["campaign"].clone();
    merge(
        &mut body,
        &json!({ "usecase": "PROMOTIONAL", "sample1": "Acme: your login code is 482910. Reply STOP to opt out." }),
    );
    let report = check_campaign(&body).unwrap();
    assert!(report.has("FLD-USECASE"));
    assert!(
        !report
            .rule_ids()
            .any(|r| r.starts_with("UC-") || r == "LEN-2FA" || r == "FLOW-CONDITION")
    );
}

/// `cargo test --test compliance dump -- --ignored --nocapture` prints every vector's report.
#[test]
#[ignore]
fn dump() {
    for (name, body) in doc_vectors() {
        let report = check(body["expect"]["checker"].as_str().unwrap(), &body);
        println!("== {name}");
        for f in &report.findings {
            println!(
                "  {:7} {:22} {:14} {} {:?}",
                f.severity.as_str(),
                f.rule,
                f.field,
                f.message,
                f.evidence.as_ref().map(|e| &e.text)
            );
        }
    }
}
