//! Signed webhook vectors, generated here with keypairs of our own.
//!
//! Every vector runs through the core, and the whole set is written to
//! `tests/vectors/webhooks.json` so the JavaScript tests run the same cases. The file is
//! checked against what this test generates (Ed25519 signing is deterministic);
//! regenerate it with:
//!
//! ```sh
//! SMSEDGE_WRITE_VECTORS=1 cargo test -p smsedge-core --test webhook_vectors
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE};
use ed25519_dalek::{Signature, Signer as _, SigningKey, Verifier as _, VerifyingKey};
use serde::Serialize;
use serde_json::{Map, Value, json};
use smsedge_core::webhook::{Headers, Options, PublicKey, Verifier, verify, verify_event};

/// The signing time of every vector (2023-11-14T22:13:20Z).
const TS: i64 = 1_700_000_000;
const SIG: &str = "telnyx-signature-ed25519";
const STANDARD_ALPHABET: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const TSH: &str = "telnyx-timestamp";
/// The group order L, little-endian.
const L: [u8; 32] = [
    0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
];

fn repo_path(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(relative)
}

// ---- The vector file format --------------------------------------------------------

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct File {
    about: &'static str,
    regenerate: &'static str,
    default_tolerance_seconds: u64,
    fields: Value,
    vectors: Vec<Vector>,
}

#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct Vector {
    name: String,
    public_key: String,
    headers: Map<String, Value>,
    #[serde(flatten)]
    body: Body,
    now: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    tolerance_seconds: Option<u64>,
    expect: Expect,
}

#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
enum Body {
    /// UTF-8 text, sent as its UTF-8 bytes.
    #[serde(rename = "body")]
    Text(String),
    /// Bytes that are not UTF-8.
    #[serde(rename = "bodyBase64")]
    Base64(String),
    /// `prefix + unit.repeat(count) + suffix`, for the 1 MiB body.
    #[serde(rename = "bodyRepeat")]
    Repeat {
        prefix: String,
        unit: String,
        count: usize,
        suffix: String,
    },
}

impl Body {
    fn of(bytes: &[u8]) -> Self {
        match std::str::from_utf8(bytes) {
            Ok(text) => Self::Text(text.to_owned()),
            Err(_) => Self::Base64(STANDARD.encode(bytes)),
        }
    }

    fn bytes(&self) -> Vec<u8> {
        match self {
            Self::Text(text) => text.as_bytes().to_vec(),
            Self::Base64(b64) => STANDARD.decode(b64).unwrap(),
            Self::Repeat {
                prefix,
                unit,
                count,
                suffix,
            } => format!("{prefix}{}{suffix}", unit.repeat(*count)).into_bytes(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
enum Expect {
    #[serde(rename_all = "camelCase")]
    Ok {
        ok: bool,
        #[serde(rename = "type")]
        event_type: String,
        id: String,
        occurred_at: Option<String>,
        attempt: Option<u64>,
        delivered_to: Option<String>,
    },
    Error {
        error: &'static str,
    },
}

/// The expected event, read from the JSON independently of the code under test.
fn expect_event(value: &Value) -> Expect {
    let (data, meta) = match value.get("data") {
        Some(data) => (data, value.get("meta")),
        None => (value, None),
    };
    let text = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_owned);
    Expect::Ok {
        ok: true,
        event_type: text(data.get("event_type")).unwrap(),
        id: text(data.get("id")).unwrap(),
        occurred_at: text(data.get("occurred_at")),
        attempt: meta.and_then(|m| m.get("attempt")).and_then(Value::as_u64),
        delivered_to: text(meta.and_then(|m| m.get("delivered_to"))),
    }
}

fn error(code: &'static str) -> Expect {
    Expect::Error { error: code }
}

// ---- Signing -----------------------------------------------------------------------

fn signing_key(seed: u8) -> SigningKey {
    SigningKey::from_bytes(&[seed; 32])
}

fn message(ts: &str, body: &[u8]) -> Vec<u8> {
    [ts.as_bytes(), b"|", body].concat()
}

fn sign(key: &SigningKey, ts: &str, body: &[u8]) -> [u8; 64] {
    key.sign(&message(ts, body)).to_bytes()
}

/// `S + L`: the same signature, malleated (still 32 bytes, as S + L < 2^253).
fn add_l(signature: [u8; 64]) -> [u8; 64] {
    let mut out = signature;
    let mut carry = 0u16;
    for (i, l) in L.iter().enumerate() {
        let sum = u16::from(signature[32 + i]) + u16::from(*l) + carry;
        out[32 + i] = sum as u8;
        carry = sum >> 8;
    }
    assert_eq!(carry, 0);
    out
}

fn hex32(hex: &str) -> [u8; 32] {
    let bytes: Vec<u8> = (0..64)
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
        .collect();
    bytes.try_into().unwrap()
}

/// Every small-order point: the 8 canonical encodings, then 2 non-canonical ones
/// (y = p + 1, the identity; y = p, order 4) that decompress all the same.
const SMALL_ORDER: [(&str, &str); 10] = [
    (
        "identity",
        "0100000000000000000000000000000000000000000000000000000000000000",
    ),
    (
        "order-2",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    ),
    (
        "order-4-a",
        "0000000000000000000000000000000000000000000000000000000000000000",
    ),
    (
        "order-4-b",
        "0000000000000000000000000000000000000000000000000000000000000080",
    ),
    (
        "order-8-a",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
    ),
    (
        "order-8-b",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
    ),
    (
        "order-8-c",
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
    ),
    (
        "order-8-d",
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
    ),
    (
        "identity-noncanonical",
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    ),
    (
        "order-4-noncanonical",
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    ),
];

/// A forgery for a small-order key: R = identity, S = 0, at the first timestamp (from
/// `TS`) where the cofactorless equation `[S]B = R + [k]A` holds, i.e. `[k]A` is the
/// identity. Permissive verifiers (dalek `verify`, OpenSSL, noble's ZIP-215) accept it.
fn forge(weak_key: [u8; 32], body: &[u8]) -> (i64, [u8; 64]) {
    let key = VerifyingKey::from_bytes(&weak_key).unwrap();
    let mut forged = [0u8; 64];
    forged[0] = 1;
    let signature = Signature::from_bytes(&forged);
    for ts in TS..TS + 256 {
        if key
            .verify(&message(&ts.to_string(), body), &signature)
            .is_ok()
        {
            assert!(
                key.verify_strict(&message(&ts.to_string(), body), &signature)
                    .is_err()
            );
            return (ts, forged);
        }
    }
    panic!("no forgery found");
}

/// A signature with `R` = the identity that satisfies the cofactorless equation: `S = k·a`
/// with `k = SHA-512(R ‖ A ‖ message)`, so `[S]B = [k]A = R + [k]A`.
fn small_order_r(key: &SigningKey, message: &[u8]) -> [u8; 64] {
    use sha2::{Digest as _, Sha512};
    let mut r = [0u8; 32];
    r[0] = 1;
    let digest = Sha512::new()
        .chain_update(r)
        .chain_update(key.verifying_key().as_bytes())
        .chain_update(message)
        .finalize();
    let mut wide = [0u8; 64];
    wide.copy_from_slice(&digest);
    let k = curve25519_dalek::Scalar::from_bytes_mod_order_wide(&wide);
    let s = k * key.to_scalar();
    let signature: [u8; 64] = [r, s.to_bytes()].concat().try_into().unwrap();
    let parsed = Signature::from_bytes(&signature);
    assert!(key.verifying_key().verify(message, &parsed).is_ok());
    assert!(key.verifying_key().verify_strict(message, &parsed).is_err());
    signature
}

// ---- The generator -----------------------------------------------------------------

struct Gen {
    key: SigningKey,
    public_key: String,
    vectors: Vec<Vector>,
}

struct Case {
    name: String,
    public_key: Option<String>,
    headers: Vec<(&'static str, String)>,
    body: Body,
    now: i64,
    tolerance: Option<u64>,
    expect: Expect,
}

impl Case {
    fn new(
        name: impl Into<String>,
        body: &[u8],
        signature: &str,
        ts: &str,
        expect: Expect,
    ) -> Self {
        Self {
            name: name.into(),
            public_key: None,
            headers: vec![(SIG, signature.to_owned()), (TSH, ts.to_owned())],
            body: Body::of(body),
            now: TS,
            tolerance: None,
            expect,
        }
    }

    fn now(mut self, now: i64) -> Self {
        self.now = now;
        self
    }

    fn key(mut self, key: impl Into<String>) -> Self {
        self.public_key = Some(key.into());
        self
    }

    fn tolerance(mut self, secs: u64) -> Self {
        self.tolerance = Some(secs);
        self
    }

    fn without(mut self, header: &str) -> Self {
        self.headers.retain(|(name, _)| *name != header);
        self
    }

    fn rename_headers(mut self, signature: &'static str, timestamp: &'static str) -> Self {
        for (name, _) in &mut self.headers {
            *name = if *name == SIG { signature } else { timestamp };
        }
        self
    }
}

impl Gen {
    fn new() -> Self {
        let key = signing_key(1);
        let public_key = STANDARD.encode(key.verifying_key().as_bytes());
        Self {
            key,
            public_key,
            vectors: Vec::new(),
        }
    }

    fn sig(&self, ts: &str, body: &[u8]) -> String {
        STANDARD.encode(sign(&self.key, ts, body))
    }

    fn push(&mut self, case: Case) {
        assert!(
            !self.vectors.iter().any(|v| v.name == case.name),
            "duplicate vector name {}",
            case.name
        );
        let headers = case
            .headers
            .into_iter()
            .map(|(n, v)| (n.to_owned(), Value::String(v)))
            .collect();
        self.vectors.push(Vector {
            name: case.name,
            public_key: case.public_key.unwrap_or_else(|| self.public_key.clone()),
            headers,
            body: case.body,
            now: case.now,
            tolerance_seconds: case.tolerance,
            expect: case.expect,
        });
    }

    /// A correctly signed body at `TS`, expected to give its event.
    fn valid(&mut self, name: impl Into<String>, body: &[u8], event: &Value) {
        let ts = TS.to_string();
        let case = Case::new(name, body, &self.sig(&ts, body), &ts, expect_event(event));
        self.push(case);
    }

    /// A correctly signed body at `TS`, expected to fail with `code`.
    fn signed(&mut self, name: impl Into<String>, body: &[u8], code: &'static str) {
        let ts = TS.to_string();
        let case = Case::new(name, body, &self.sig(&ts, body), &ts, error(code));
        self.push(case);
    }
}

fn examples() -> Vec<(String, Vec<u8>, Value)> {
    let dir = repo_path("tests/vectors/webhook-events");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).unwrap();
            let value: Value = serde_json::from_slice(&bytes).unwrap();
            let name = path.file_stem().unwrap().to_str().unwrap().to_owned();
            (name, bytes, value)
        })
        .collect()
}

fn example(name: &str) -> (Vec<u8>, Value) {
    let (_, bytes, value) = examples().into_iter().find(|(n, _, _)| n == name).unwrap();
    (bytes, value)
}

fn compact(value: &Value) -> Vec<u8> {
    serde_json::to_vec(value).unwrap()
}

/// `message.received` with its text replaced.
fn with_text(text: &str) -> Value {
    let (_, mut value) = example("message.received");
    value["data"]["payload"]["text"] = json!(text);
    value
}

fn valid_vectors(g: &mut Gen) {
    for (name, pretty, value) in examples() {
        g.valid(format!("valid-{name}-pretty"), &pretty, &value);
        g.valid(format!("valid-{name}-compact"), &compact(&value), &value);
    }
    let (pretty, value) = example("porting_order.status_changed.exception");
    let crlf = String::from_utf8(pretty).unwrap().replace('\n', "\r\n");
    g.valid("valid-crlf-line-ends", crlf.as_bytes(), &value);

    let unicode = with_text("Grüße aus Köln, Привет, 你好, “smart quotes” — and an em dash");
    g.valid("valid-unicode", &compact(&unicode), &unicode);
    let emoji = with_text("On my way 🚀👍🏽 👨‍👩‍👧 🇺🇸");
    g.valid("valid-emoji", &compact(&emoji), &emoji);
    let escaped = String::from_utf8(compact(&emoji))
        .unwrap()
        .replace("🚀", "\\ud83d\\ude80");
    g.valid("valid-json-escapes", escaped.as_bytes(), &emoji);

    let (_, received) = example("message.received");
    let bom = [b"\xEF\xBB\xBF".as_slice(), &compact(&received)].concat();
    g.valid("valid-bom", &bom, &received);
    let invalid_utf8 = replace_bytes(&compact(&with_text("caf@@")), b"@@", b"\xE9\xFF");
    g.valid("valid-invalid-utf8", &invalid_utf8, &received);

    let unknown = json!({"data": {"event_type": "call.initiated", "id": "0ccc7b54-4df3-4bca-a65a-3da1ecc777f0",
        "occurred_at": "2024-01-15T20:16:07.588+00:00", "payload": {"call_control_id": "v3:abc", "new_field": [1, 2]},
        "record_type": "event"}, "meta": {"attempt": 3, "delivered_to": "https://example.com/webhooks"}});
    g.valid("valid-unknown-event-type", &compact(&unknown), &unknown);
    let minimal = json!({"data": {"event_type": "message.sent", "id": "e"}});
    g.valid("valid-minimal-envelope", &compact(&minimal), &minimal);

    let ts = TS.to_string();
    let body = compact(&received);
    let case = Case::new(
        "valid-header-names-mixed-case",
        &body,
        &g.sig(&ts, &body),
        &ts,
        expect_event(&received),
    )
    .rename_headers("Telnyx-Signature-Ed25519", "TELNYX-TIMESTAMP");
    g.push(case);

    let zeros = "0001700000000";
    g.push(Case::new(
        "valid-timestamp-leading-zeros",
        &body,
        &g.sig(zeros, &body),
        zeros,
        expect_event(&received),
    ));

    // The 1.5 KB body of the benchmark.
    let (_, mut finalized) = example("message.finalized");
    finalized["data"]["payload"]["text"] = json!("");
    let filler = 1500 - compact(&finalized).len();
    let text = "Your appointment is confirmed. ".repeat(60);
    finalized["data"]["payload"]["text"] = json!(&text[..filler]);
    let bench = compact(&finalized);
    assert_eq!(bench.len(), 1500);
    g.valid("valid-bench-1-5kb", &bench, &finalized);

    // 1 MiB of text.
    let big = String::from_utf8(compact(&with_text("@@"))).unwrap();
    let (prefix, suffix) = big.split_once("@@").unwrap();
    let repeat = Body::Repeat {
        prefix: prefix.into(),
        unit: "a".into(),
        count: 1 << 20,
        suffix: suffix.into(),
    };
    let bytes = repeat.bytes();
    let mut case = Case::new(
        "valid-1mib",
        &[],
        &g.sig(&ts, &bytes),
        &ts,
        expect_event(&with_text("")),
    );
    case.body = repeat;
    g.push(case);
}

fn replace_bytes(haystack: &[u8], needle: &[u8], with: &[u8]) -> Vec<u8> {
    let at = haystack
        .windows(needle.len())
        .position(|w| w == needle)
        .unwrap();
    [&haystack[..at], with, &haystack[at + needle.len()..]].concat()
}

fn key_vectors(g: &mut Gen) {
    let (_, received) = example("message.received");
    let body = compact(&received);
    let ts = TS.to_string();
    let sig = g.sig(&ts, &body);
    let raw = *g.key.verifying_key().as_bytes();
    let spki = [
        [
            0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
        ]
        .as_slice(),
        &raw,
    ]
    .concat();
    let spki_b64 = STANDARD.encode(&spki);
    let pem = format!("-----BEGIN PUBLIC KEY-----\n{spki_b64}\n-----END PUBLIC KEY-----\n");
    let ok = expect_event(&received);
    let case = |name: &str, key: String, expect: Expect| {
        Case::new(name, &body, &sig, &ts, expect).key(key)
    };

    g.push(case(
        "valid-key-spki-der-base64",
        spki_b64.clone(),
        ok.clone(),
    ));
    g.push(case("valid-key-pem", pem.clone(), ok.clone()));
    g.push(case(
        "valid-key-pem-crlf",
        pem.replace('\n', "\r\n"),
        ok.clone(),
    ));
    g.push(case(
        "valid-key-pem-no-final-newline",
        pem.trim_end().to_owned(),
        ok.clone(),
    ));
    let wrapped = format!(
        "-----BEGIN PUBLIC KEY-----\n{}\n{}\n-----END PUBLIC KEY-----\n",
        &spki_b64[..32],
        &spki_b64[32..]
    );
    g.push(case("valid-key-pem-short-lines", wrapped, ok));

    let bad = "invalid_public_key";
    let b64 = STANDARD.encode(raw);
    g.push(case(
        "invalid-key-not-base64",
        "not a key!".into(),
        error(bad),
    ));
    g.push(case("invalid-key-empty", String::new(), error(bad)));
    g.push(case(
        "invalid-key-trailing-newline",
        format!("{b64}\n"),
        error(bad),
    ));
    g.push(case(
        "invalid-key-leading-space",
        format!(" {b64}"),
        error(bad),
    ));
    g.push(case(
        "invalid-key-unpadded",
        b64.trim_end_matches('=').to_owned(),
        error(bad),
    ));
    g.push(case(
        "invalid-key-hex",
        raw.iter().map(|b| format!("{b:02x}")).collect(),
        error(bad),
    ));
    g.push(case(
        "invalid-key-31-bytes",
        STANDARD.encode(&raw[..31]),
        error(bad),
    ));
    g.push(case(
        "invalid-key-33-bytes",
        STANDARD.encode([raw.as_slice(), &[0]].concat()),
        error(bad),
    ));
    let mut off_curve = [0u8; 32];
    off_curve[0] = 2;
    g.push(case(
        "invalid-key-not-on-curve",
        STANDARD.encode(off_curve),
        error(bad),
    ));
    let mut x25519 = spki.clone();
    x25519[8] = 0x6e;
    g.push(case(
        "invalid-key-spki-x25519-oid",
        STANDARD.encode(&x25519),
        error(bad),
    ));
    g.push(case(
        "invalid-key-pem-private-label",
        pem.replace("PUBLIC", "PRIVATE"),
        error(bad),
    ));
    g.push(case(
        "invalid-key-pem-leading-space",
        format!(" {pem}"),
        error(bad),
    ));
    g.push(case(
        "invalid-key-pem-raw-key-inside",
        pem.replace(&spki_b64, &b64),
        error(bad),
    ));

    // Weak keys, each with a signature forged for it.
    for (label, hex) in SMALL_ORDER {
        let weak = hex32(hex);
        let (forged_ts, forged) = forge(weak, &body);
        let ts = forged_ts.to_string();
        let case = Case::new(
            format!("invalid-weak-key-{label}-forged"),
            &body,
            &STANDARD.encode(forged),
            &ts,
            error("weak_public_key"),
        )
        .key(STANDARD.encode(weak))
        .now(forged_ts);
        g.push(case);
    }
}

fn header_vectors(g: &mut Gen) {
    let (_, received) = example("message.received");
    let body = compact(&received);
    let ts = TS.to_string();
    let sig = g.sig(&ts, &body);
    let case = |name: &str, expect: &'static str| Case::new(name, &body, &sig, &ts, error(expect));

    g.push(
        case(
            "invalid-missing-signature-header",
            "missing_signature_header",
        )
        .without(SIG),
    );
    g.push(
        case(
            "invalid-missing-timestamp-header",
            "missing_timestamp_header",
        )
        .without(TSH),
    );
    g.push(
        case("invalid-missing-both-headers", "missing_signature_header")
            .without(SIG)
            .without(TSH),
    );
    g.push(
        case(
            "invalid-signature-header-misnamed",
            "missing_signature_header",
        )
        .rename_headers("telnyx-signature", TSH),
    );

    for (label, bad_ts) in [
        ("empty", ""),
        ("letters", "abc"),
        ("negative", "-5"),
        ("plus", "+5"),
        ("plus-prefixed", "+1700000000"),
        ("leading-space", " 1700000000"),
        ("trailing-space", "1700000000 "),
        ("trailing-letters", "1700000000abc"),
        ("decimal", "1700000000.0"),
        ("exponent", "1.7e9"),
        ("underscores", "1_700_000_000"),
        ("hex", "0x6553F100"),
        ("arabic-indic-digits", "١٧٠٠٠٠٠٠٠٠"),
        ("milliseconds-overflow", "9223372036854775808"),
    ] {
        let case = Case::new(
            format!("invalid-timestamp-{label}"),
            &body,
            &g.sig(bad_ts, &body),
            bad_ts,
            error("invalid_timestamp"),
        );
        g.push(case);
    }

    let ok = expect_event(&received);
    g.push(Case::new("valid-timestamp-300s-old", &body, &sig, &ts, ok.clone()).now(TS + 300));
    g.push(Case::new("valid-timestamp-300s-ahead", &body, &sig, &ts, ok.clone()).now(TS - 300));
    g.push(case("invalid-timestamp-301s-old", "timestamp_too_old").now(TS + 301));
    g.push(case("invalid-timestamp-301s-ahead", "timestamp_too_new").now(TS - 301));
    g.push(
        Case::new("valid-tolerance-600-at-600s", &body, &sig, &ts, ok.clone())
            .now(TS + 600)
            .tolerance(600),
    );
    g.push(
        case("invalid-tolerance-600-at-601s", "timestamp_too_old")
            .now(TS + 601)
            .tolerance(600),
    );
    g.push(Case::new("valid-tolerance-0-same-second", &body, &sig, &ts, ok).tolerance(0));
    g.push(
        case("invalid-tolerance-0-one-second-ahead", "timestamp_too_new")
            .now(TS - 1)
            .tolerance(0),
    );
    g.push(Case::new(
        "invalid-timestamp-zero",
        &body,
        &g.sig("0", &body),
        "0",
        error("timestamp_too_old"),
    ));
    let max = i64::MAX.to_string();
    g.push(Case::new(
        "invalid-timestamp-i64-max",
        &body,
        &g.sig(&max, &body),
        &max,
        error("timestamp_too_new"),
    ));
    g.push(Case::new(
        "invalid-timestamp-milliseconds",
        &body,
        &g.sig("1700000000000", &body),
        "1700000000000",
        error("timestamp_too_new"),
    ));
}

fn signature_vectors(g: &mut Gen) {
    let (pretty, received) = example("message.received");
    let body = compact(&received);
    let ts = TS.to_string();
    let raw = sign(&g.key, &ts, &body);
    let sig = STANDARD.encode(raw);
    let with_sig = |name: &str, signature: &str, expect: &'static str| {
        Case::new(name, &body, signature, &ts, error(expect))
    };

    let enc = "invalid_signature_encoding";
    g.push(with_sig(
        "invalid-signature-unpadded",
        sig.trim_end_matches('='),
        enc,
    ));
    g.push(with_sig(
        "invalid-signature-trailing-newline",
        &format!("{sig}\n"),
        enc,
    ));
    g.push(with_sig(
        "invalid-signature-leading-space",
        &format!(" {sig}"),
        enc,
    ));
    g.push(with_sig(
        "invalid-signature-joined-duplicate",
        &format!("{sig}, {sig}"),
        enc,
    ));
    g.push(with_sig(
        "invalid-signature-versioned",
        &format!("v1,{sig}"),
        enc,
    ));
    // The last data character carries 2 bits of the last byte and 4 bits that must be 0.
    let mut trailing = sig.clone().into_bytes();
    let at = trailing.len() - 3;
    trailing[at] = STANDARD_ALPHABET[usize::from((raw[63] & 3) << 4 | 1)];
    g.push(with_sig(
        "invalid-signature-nonzero-trailing-bits",
        &String::from_utf8(trailing).unwrap(),
        enc,
    ));
    g.push(with_sig(
        "invalid-signature-internal-space",
        &format!("{} {}", &sig[..44], &sig[44..]),
        enc,
    ));
    // base64url differs only where the signature has + or /: find a timestamp where it does.
    let (url_ts, url_sig) = (TS..)
        .map(|t| (t.to_string(), sign(&g.key, &t.to_string(), &body)))
        .find(|(_, s)| STANDARD.encode(s).contains(['+', '/']))
        .unwrap();
    let case = Case::new(
        "invalid-signature-base64url",
        &body,
        &URL_SAFE.encode(url_sig),
        &url_ts,
        error(enc),
    )
    .now(url_ts.parse().unwrap());
    g.push(case);

    let len = "invalid_signature_length";
    g.push(with_sig("invalid-signature-empty", "", len));
    g.push(with_sig(
        "invalid-signature-63-bytes",
        &STANDARD.encode(&raw[..63]),
        len,
    ));
    g.push(with_sig(
        "invalid-signature-65-bytes",
        &STANDARD.encode([raw.as_slice(), &[0]].concat()),
        len,
    ));
    g.push(with_sig(
        "invalid-signature-32-bytes",
        &STANDARD.encode(&raw[..32]),
        len,
    ));
    let hex: String = raw.iter().map(|b| format!("{b:02x}")).collect();
    g.push(with_sig("invalid-signature-hex", &hex, len));

    g.push(with_sig(
        "invalid-signature-s-plus-l",
        &STANDARD.encode(add_l(raw)),
        "non_canonical_signature",
    ));
    let mut max_s = raw;
    max_s[32..].fill(0xff);
    g.push(with_sig(
        "invalid-signature-s-all-ones",
        &STANDARD.encode(max_s),
        "non_canonical_signature",
    ));

    let mismatch = "signature_mismatch";
    let mut tampered = body.clone();
    let middle = tampered.len() / 2;
    tampered[middle] ^= 0x01;
    g.push(Case::new(
        "invalid-tampered-byte",
        &tampered,
        &sig,
        &ts,
        error(mismatch),
    ));
    g.push(Case::new(
        "invalid-truncated-body",
        &body[..body.len() - 1],
        &sig,
        &ts,
        error(mismatch),
    ));
    g.push(Case::new(
        "invalid-appended-newline",
        &[body.as_slice(), b"\n"].concat(),
        &sig,
        &ts,
        error(mismatch),
    ));
    let pretty_sig = g.sig(&ts, &pretty);
    g.push(Case::new(
        "invalid-reserialized-compact",
        &body,
        &pretty_sig,
        &ts,
        error(mismatch),
    ));
    let reindented = serde_json::to_vec_pretty(&received).unwrap();
    g.push(Case::new(
        "invalid-reserialized-pretty",
        &reindented,
        &pretty_sig,
        &ts,
        error(mismatch),
    ));
    let other = signing_key(2);
    g.push(Case::new(
        "invalid-wrong-key",
        &body,
        &STANDARD.encode(sign(&other, &ts, &body)),
        &ts,
        error(mismatch),
    ));
    let next = (TS + 1).to_string();
    g.push(Case::new(
        "invalid-timestamp-changed",
        &body,
        &sig,
        &next,
        error(mismatch),
    ));
    g.push(with_sig(
        "invalid-signed-body-only",
        &STANDARD.encode(g.key.sign(&body).to_bytes()),
        mismatch,
    ));
    let dotted = [ts.as_bytes(), b".", &body].concat();
    g.push(with_sig(
        "invalid-signed-with-dot",
        &STANDARD.encode(g.key.sign(&dotted).to_bytes()),
        mismatch,
    ));
    g.push(with_sig(
        "invalid-signature-zero",
        &STANDARD.encode([0u8; 64]),
        mismatch,
    ));
    // R = the identity and S = k·a: the cofactorless equation holds ([S]B = [k]A), so
    // BoringSSL and OpenSSL (WebCrypto) accept it, but R is of small order and
    // verify_strict refuses it. Every runtime must give the same answer.
    let small_r = small_order_r(&g.key, &message(&ts, &body));
    g.push(with_sig(
        "invalid-signature-small-order-r",
        &STANDARD.encode(small_r),
        mismatch,
    ));
    let bom = [b"\xEF\xBB\xBF".as_slice(), &body].concat();
    g.push(Case::new(
        "invalid-bom-stripped",
        &body,
        &g.sig(&ts, &bom),
        &ts,
        error(mismatch),
    ));
    let raw_bytes = replace_bytes(&body, b"Hello", b"H\xFFllo");
    let lossy = String::from_utf8_lossy(&raw_bytes).into_owned();
    g.push(Case::new(
        "invalid-utf8-lossy-decoded",
        lossy.as_bytes(),
        &g.sig(&ts, &raw_bytes),
        &ts,
        error(mismatch),
    ));
}

fn order_and_payload_vectors(g: &mut Gen) {
    let (_, received) = example("message.received");
    let body = compact(&received);
    let ts = TS.to_string();
    let sig = g.sig(&ts, &body);
    let weak = STANDARD.encode(hex32(SMALL_ORDER[0].1));

    g.push(
        Case::new(
            "order-weak-key-before-missing-header",
            &body,
            &sig,
            &ts,
            error("weak_public_key"),
        )
        .key(weak)
        .without(SIG),
    );
    g.push(
        Case::new(
            "order-bad-key-before-bad-timestamp",
            &body,
            &sig,
            "x",
            error("invalid_public_key"),
        )
        .key("x"),
    );
    g.push(Case::new(
        "order-bad-timestamp-before-bad-signature",
        &body,
        "!",
        "x",
        error("invalid_timestamp"),
    ));
    g.push(
        Case::new(
            "order-old-timestamp-before-bad-signature",
            &body,
            "!",
            &ts,
            error("timestamp_too_old"),
        )
        .now(TS + 301),
    );
    let tampered = [body.as_slice(), b" "].concat();
    let malleated = STANDARD.encode(add_l(sign(&g.key, &ts, &body)));
    g.push(Case::new(
        "order-non-canonical-before-mismatch",
        &tampered,
        &malleated,
        &ts,
        error("non_canonical_signature"),
    ));
    g.push(Case::new(
        "order-mismatch-before-payload",
        b"not json",
        &sig,
        &ts,
        error("signature_mismatch"),
    ));

    let bad = "invalid_payload";
    g.signed("invalid-payload-empty", b"", bad);
    g.signed("invalid-payload-text", b"hello", bad);
    g.signed("invalid-payload-null", b"null", bad);
    g.signed("invalid-payload-array", b"[]", bad);
    g.signed("invalid-payload-empty-object", b"{}", bad);
    g.signed(
        "invalid-payload-not-telnyx",
        br#"{"test": 2432232314}"#,
        bad,
    );
    g.signed(
        "invalid-payload-data-not-object",
        br#"{"data":[],"meta":{}}"#,
        bad,
    );
    g.signed(
        "invalid-payload-no-id",
        br#"{"data":{"event_type":"message.sent"}}"#,
        bad,
    );
    g.signed(
        "invalid-payload-numeric-id",
        br#"{"data":{"event_type":"message.sent","id":7}}"#,
        bad,
    );
    g.signed("invalid-payload-truncated", &body[..body.len() - 1], bad);
    g.signed(
        "invalid-payload-trailing-garbage",
        &[body.as_slice(), b"x"].concat(),
        bad,
    );
    g.signed(
        "invalid-payload-two-boms",
        &[b"\xEF\xBB\xBF\xEF\xBB\xBF".as_slice(), &body].concat(),
        bad,
    );
}

fn generate() -> File {
    let mut g = Gen::new();
    valid_vectors(&mut g);
    key_vectors(&mut g);
    header_vectors(&mut g);
    signature_vectors(&mut g);
    order_and_payload_vectors(&mut g);
    File {
        about: "Telnyx webhook verification vectors, signed with ed25519-dalek SigningKey::from_bytes(&[1; 32]) \
                (other keys where a vector says so). Each vector is one call of verifyWebhook(body, headers, publicKey, \
                { now, toleranceSeconds }): expect is the event it returns or the code of the error it throws.",
        regenerate: "SMSEDGE_WRITE_VECTORS=1 cargo test -p smsedge-core --test webhook_vectors",
        default_tolerance_seconds: 300,
        fields: json!({
            "name": "unique; the prefix is valid-, invalid- or order- (several faults: the first in the documented order wins)",
            "publicKey": "the key as given to the verifier: base64 of 32 bytes, base64 DER SPKI, or PEM",
            "headers": "request headers, a missing one absent; pass them as a plain object (a fetch Headers trims whitespace around values and refuses CR/LF)",
            "body": "the body as UTF-8 text (send its UTF-8 bytes)",
            "bodyBase64": "the body bytes, when they are not UTF-8",
            "bodyRepeat": "the body is prefix + unit repeated count times + suffix",
            "now": "the verifier's clock, Unix seconds",
            "toleranceSeconds": "the tolerance when not the default",
            "expect": "{ ok: true, type, id, occurredAt, attempt, deliveredTo } or { error: code }",
        }),
        vectors: g.vectors,
    }
}

// ---- The tests ---------------------------------------------------------------------

fn run(
    vector: &Vector,
) -> Result<smsedge_core::webhook::Event, smsedge_core::webhook::WebhookError> {
    let pairs: Vec<(String, String)> = vector
        .headers
        .iter()
        .map(|(n, v)| (n.clone(), v.as_str().unwrap().to_owned()))
        .collect();
    let headers = Headers::from_pairs(&pairs);
    let options = Options {
        tolerance_secs: vector.tolerance_seconds.unwrap_or(300),
    };
    verify_event(
        &vector.body.bytes(),
        &headers,
        &vector.public_key,
        vector.now,
        &options,
    )
}

fn outcome(
    result: &Result<smsedge_core::webhook::Event, smsedge_core::webhook::WebhookError>,
) -> Expect {
    match result {
        Ok(event) => Expect::Ok {
            ok: true,
            event_type: event.event_type.clone(),
            id: event.id.clone(),
            occurred_at: event.occurred_at.clone(),
            attempt: event.attempt,
            delivered_to: event.delivered_to.clone(),
        },
        Err(e) => Expect::Error { error: e.code() },
    }
}

#[test]
fn every_vector_gives_its_expected_result() {
    let file = generate();
    let failures: Vec<String> = file
        .vectors
        .iter()
        .filter_map(|v| {
            let got = outcome(&run(v));
            (got != v.expect).then(|| format!("{}: expected {:?}, got {:?}", v.name, v.expect, got))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_code_and_event_type_is_covered() {
    let file = generate();
    let codes: std::collections::BTreeSet<&str> = file
        .vectors
        .iter()
        .filter_map(|v| match &v.expect {
            Expect::Error { error } => Some(*error),
            Expect::Ok { .. } => None,
        })
        .collect();
    let all = [
        "missing_signature_header",
        "missing_timestamp_header",
        "invalid_timestamp",
        "timestamp_too_old",
        "timestamp_too_new",
        "invalid_signature_encoding",
        "invalid_signature_length",
        "invalid_public_key",
        "weak_public_key",
        "non_canonical_signature",
        "signature_mismatch",
        "invalid_payload",
    ];
    assert_eq!(codes, all.into_iter().collect());
    for event_type in smsedge_core::webhook::KNOWN_EVENT_TYPES {
        let n = file
            .vectors
            .iter()
            .filter(|v| matches!(&v.expect, Expect::Ok { event_type: t, .. } if t == event_type))
            .count();
        assert!(n >= 2, "{event_type}: {n} vectors");
    }
}

#[test]
fn signature_only_and_reused_verifier_agree() {
    for v in generate().vectors {
        let pairs: Vec<(String, String)> = v
            .headers
            .iter()
            .map(|(n, val)| (n.clone(), val.as_str().unwrap().to_owned()))
            .collect();
        let headers = Headers::from_pairs(&pairs);
        let options = Options {
            tolerance_secs: v.tolerance_seconds.unwrap_or(300),
        };
        let body = v.body.bytes();
        let signature_only =
            verify(&body, &headers, &v.public_key, v.now, &options).map_err(|e| e.code());
        match &v.expect {
            Expect::Error { error } if *error != "invalid_payload" => {
                assert_eq!(signature_only, Err(*error), "{}", v.name)
            }
            _ => assert!(signature_only.is_ok(), "{}", v.name),
        }
        if let Ok(key) = PublicKey::parse(&v.public_key) {
            let verifier = Verifier::new(key, options);
            assert_eq!(
                outcome(&verifier.verify_event(&body, &headers, v.now)),
                v.expect,
                "{}",
                v.name
            );
        }
    }
}

#[test]
fn vectors_file_is_up_to_date() {
    let text = serde_json::to_string_pretty(&generate()).unwrap() + "\n";
    let path = repo_path("tests/vectors/webhooks.json");
    if std::env::var_os("SMSEDGE_WRITE_VECTORS").is_some() {
        std::fs::write(&path, text).unwrap();
        return;
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == text,
        "tests/vectors/webhooks.json is stale: run SMSEDGE_WRITE_VECTORS=1 cargo test -p smsedge-core --test webhook_vectors"
    );
}
