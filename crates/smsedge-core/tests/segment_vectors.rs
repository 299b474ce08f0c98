//! Runs the shared vectors in `tests/vectors/segments.json` and
//! `tests/vectors/smart-encoding-table.json` through the core. The JS tests read the same files.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::Value;
use smsedge_core::segments::{
    Encoding, Options, RequestEncoding, Sender, analyze, count_segments, smart_encode, smart_table,
    utf16,
};

fn load(name: &str) -> Value {
    let path = format!("{}/../../tests/vectors/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap()
}

fn text_of(v: &Value) -> Vec<u16> {
    if let Some(t) = v.get("text") {
        return utf16(t.as_str().unwrap());
    }
    if let Some(units) = v.get("units") {
        return units
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u.as_u64().unwrap() as u16)
            .collect();
    }
    let mut s = String::new();
    for piece in v["pieces"].as_array().unwrap() {
        s.push_str(
            &piece[0]
                .as_str()
                .unwrap()
                .repeat(piece[1].as_u64().unwrap() as usize),
        );
    }
    utf16(&s)
}

fn options_of(v: &Value) -> Options {
    let o = &v["options"];
    Options {
        sender: match o["sender"].as_str() {
            None | Some("long_code") => Sender::LongCode,
            Some("toll_free") => Sender::TollFree,
            Some("short_code") => Sender::ShortCode,
            Some("alphanumeric") => Sender::Alphanumeric,
            Some(other) => panic!("sender {other}"),
        },
        encoding: match o["encoding"].as_str() {
            None | Some("auto") => RequestEncoding::Auto,
            Some("gsm7") => RequestEncoding::Gsm7,
            Some("ucs2") => RequestEncoding::Ucs2,
            Some(other) => panic!("encoding {other}"),
        },
        smart_encoding: o["smartEncoding"].as_bool().unwrap_or(false),
        price_per_segment: o["pricePerSegment"].as_f64(),
    }
}

fn u64s(v: &Value) -> Vec<u64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_u64().unwrap())
        .collect()
}

fn pairs(v: &Value) -> Vec<[u64; 2]> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|r| [r[0].as_u64().unwrap(), r[1].as_u64().unwrap()])
        .collect()
}

#[test]
fn segment_vectors() {
    let doc = load("segments.json");
    let vectors = doc["vectors"].as_array().unwrap();
    assert!(vectors.len() > 60);
    for v in vectors {
        let name = v["name"].as_str().unwrap();
        let text = text_of(v);
        let options = options_of(v);
        let expect = &v["expect"];
        let got = analyze(&text, &options);
        let fast = count_segments(&text, &options);
        if let Some(code) = expect.get("error") {
            assert_eq!(
                got.as_ref().err().map(|e| e.code()),
                code.as_str(),
                "{name}"
            );
            assert_eq!(
                fast.err().map(|e| e.code()),
                code.as_str(),
                "{name} (count)"
            );
            continue;
        }
        let a = got.unwrap_or_else(|e| panic!("{name}: {e}"));
        let c = fast.unwrap_or_else(|e| panic!("{name} (count): {e}"));
        assert_eq!(
            (c.encoding, c.segments, c.units),
            (a.encoding, a.segments, a.units),
            "{name}: fast path"
        );
        assert_eq!(
            a.encoding.as_str(),
            expect["encoding"].as_str().unwrap(),
            "{name}: encoding"
        );
        if let Some(s) = expect["segments"].as_u64() {
            assert_eq!(a.segments as u64, s, "{name}: segments");
        }
        if let Some(u) = expect["units"].as_u64() {
            assert_eq!(a.units as u64, u, "{name}: units");
        }
        if let Some(u) = expect["unitsLeft"].as_u64() {
            assert_eq!(a.units_left as u64, u, "{name}: unitsLeft");
        }
        if expect.get("parts").is_some() {
            let got: Vec<u64> = a.parts.iter().map(|p| p.units as u64).collect();
            assert_eq!(got, u64s(&expect["parts"]), "{name}: parts");
        }
        if expect.get("partRanges").is_some() {
            let got: Vec<[u64; 2]> = a
                .parts
                .iter()
                .map(|p| [p.start as u64, p.end as u64])
                .collect();
            assert_eq!(got, pairs(&expect["partRanges"]), "{name}: partRanges");
        }
        if expect.get("nonGsm").is_some() {
            let got: Vec<[u64; 2]> = a
                .non_gsm
                .iter()
                .map(|c| [c.index as u64, u64::from(c.code_point)])
                .collect();
            assert_eq!(got, pairs(&expect["nonGsm"]), "{name}: nonGsm");
        }
        if expect.get("extensionIndexes").is_some() {
            let got: Vec<u64> = a.extension_chars.iter().map(|c| c.index as u64).collect();
            assert_eq!(
                got,
                u64s(&expect["extensionIndexes"]),
                "{name}: extensionIndexes"
            );
        }
        let warnings: Vec<&str> = a.warnings.iter().map(|w| w.code()).collect();
        let want: Vec<&str> = expect["warnings"]
            .as_array()
            .map(|w| w.iter().map(|x| x.as_str().unwrap()).collect())
            .unwrap_or_default();
        assert_eq!(warnings, want, "{name}: warnings");
        if let Some(cost) = expect["cost"].as_f64() {
            assert!((a.cost.unwrap() - cost).abs() < 1e-12, "{name}: cost");
        }
        if let Some(smart) = expect.get("smart") {
            let s = a
                .smart
                .as_ref()
                .unwrap_or_else(|| panic!("{name}: smart missing"));
            if let Some(t) = smart["text"].as_str() {
                assert_eq!(
                    String::from_utf16(&s.encoded.text).unwrap(),
                    t,
                    "{name}: smart text"
                );
            }
            if let Some(b) = smart["applied"].as_bool() {
                assert_eq!(s.encoded.applied, b, "{name}: applied");
            }
            if let Some(n) = smart["replacedCharacterCount"].as_u64() {
                assert_eq!(
                    s.encoded.replaced_character_count as u64, n,
                    "{name}: replacedCharacterCount"
                );
            }
            if let Some(n) = smart["lengthChange"].as_i64() {
                assert_eq!(s.encoded.length_change, n, "{name}: lengthChange");
            }
        }
    }
}

/// Every row of the Telnyx substitution table, as extracted from the docs page.
#[test]
fn every_smart_encoding_row() {
    let rows = load("smart-encoding-table.json");
    let rows = rows.as_array().unwrap();
    assert_eq!(
        rows.len(),
        smart_table().len(),
        "the engine's table and the page have the same rows"
    );
    for row in rows {
        let cp = row["codePoint"].as_u64().unwrap() as u32;
        let want = row["replacement"].as_str().unwrap();
        let c = char::from_u32(cp).unwrap();
        let input = utf16(&format!("ab{c}cd"));
        let out = smart_encode(&input);
        assert_eq!(
            String::from_utf16(&out.text).unwrap(),
            format!("ab{want}cd"),
            "U+{cp:04X}"
        );
        assert!(out.applied);
        assert_eq!(out.replaced_character_count, 1);
        assert_eq!(out.length_change, want.len() as i64 - 1, "U+{cp:04X}");
        // After substitution the text is GSM-7 and costs what its replacement costs.
        let a = analyze(
            &input,
            &Options {
                smart_encoding: true,
                ..Options::default()
            },
        )
        .unwrap();
        assert_eq!(a.encoding, Encoding::Gsm7, "U+{cp:04X}");
        let ext = want
            .chars()
            .filter(|c| "\u{c}^{}\\[~]|€".contains(*c))
            .count();
        assert_eq!(a.units, 4 + want.chars().count() + ext, "U+{cp:04X}");
        // Without smart encoding the same character forces UTF-16.
        let plain = analyze(&input, &Options::default()).unwrap();
        assert_eq!(plain.encoding, Encoding::Ucs2, "U+{cp:04X}");
        assert_eq!(plain.non_gsm.len(), 1);
        assert_eq!(
            plain.non_gsm[0].substitution.map(|s| s.replacement),
            Some(want)
        );
    }
}
