//! Any UTF-16 input, any options: analyze and count_segments return, never panic, and agree.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smsedge_core::segments::{analyze, count_segments, Options, RequestEncoding, Sender};

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else { return };
    let units: Vec<u16> = rest.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
    let options = Options {
        sender: match flags & 3 {
            0 => Sender::LongCode,
            1 => Sender::TollFree,
            2 => Sender::ShortCode,
            _ => Sender::Alphanumeric,
        },
        encoding: match (flags >> 2) & 3 {
            0 => RequestEncoding::Auto,
            1 => RequestEncoding::Gsm7,
            _ => RequestEncoding::Ucs2,
        },
        smart_encoding: flags & 16 != 0,
        price_per_segment: None,
    };
    let full = analyze(&units, &options);
    let fast = count_segments(&units, &options);
    match (full, fast) {
        (Ok(a), Ok(c)) => {
            assert_eq!((a.encoding, a.segments, a.units), (c.encoding, c.segments, c.units));
            let text = a.analysed_text(&units);
            let joined: Vec<u16> = a.parts.iter().flat_map(|p| text[p.start..p.end].iter().copied()).collect();
            assert_eq!(joined, text);
        }
        (Err(a), Err(c)) => assert_eq!(a.code(), c.code()),
        (a, c) => panic!("analyze and count_segments disagree: {a:?} vs {c:?}"),
    }
});
