//! Property tests of the segment engine: the parts are the text, no part overflows,
//! no pair is split, and the count is the minimum any split could reach.

use super::*;
use proptest::prelude::*;

/// Characters that exercise every path: GSM basic, extension, non-GSM BMP, astral,
/// smart-encodable, removable, multi-character substitutions and lone surrogates.
fn unit_strategy() -> impl Strategy<Value = Vec<u16>> {
    text_strategy(true)
}

/// As [`unit_strategy`], with or without lone surrogates.
fn text_strategy(lone_surrogates: bool) -> impl Strategy<Value = Vec<u16>> {
    let pieces: Vec<Vec<u16>> = [
        "a",
        "Z",
        " ",
        "\n",
        "é",
        "Ç",
        "Δ",
        "]",
        "{",
        "€",
        "\u{c}",
        "ç",
        "ж",
        "\u{2019}",
        "\u{2026}",
        "\t",
        "\u{200b}",
        "\u{bd}",
        "😀",
        "👨‍👩‍👧",
    ]
    .iter()
    .map(|s| utf16(s))
    .chain(if lone_surrogates {
        vec![vec![0xD800], vec![0xDC00]]
    } else {
        Vec::new()
    })
    .collect();
    let weights: Vec<(u32, Just<Vec<u16>>)> = pieces.into_iter().map(|p| (1, Just(p))).collect();
    prop::collection::vec(prop::strategy::Union::new_weighted(weights), 0..400)
        .prop_map(|v| v.concat())
}

fn options_strategy() -> impl Strategy<Value = Options> {
    (0..4u8, 0..3u8, any::<bool>()).prop_map(|(s, e, smart)| Options {
        sender: [
            Sender::LongCode,
            Sender::TollFree,
            Sender::ShortCode,
            Sender::Alphanumeric,
        ][usize::from(s)],
        encoding: [
            RequestEncoding::Auto,
            RequestEncoding::Gsm7,
            RequestEncoding::Ucs2,
        ][usize::from(e)],
        smart_encoding: smart,
        price_per_segment: None,
    })
}

/// The fewest parts any split into contiguous, capacity-respecting parts can reach,
/// by dynamic programming over character boundaries: an independent check of greed.
fn minimum_parts(costs: &[usize], single: usize, part: usize) -> usize {
    let total: usize = costs.iter().sum();
    if total == 0 {
        return 0;
    }
    if total <= single {
        return 1;
    }
    let n = costs.len();
    let mut best = vec![usize::MAX; n + 1];
    best[0] = 0;
    for end in 1..=n {
        let mut sum = 0;
        for start in (0..end).rev() {
            sum += costs[start];
            if sum > part {
                break;
            }
            if best[start] != usize::MAX {
                best[end] = best[end].min(best[start] + 1);
            }
        }
    }
    best[n]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn parts_cover_the_text_and_respect_capacity(text in unit_strategy(), options in options_strategy()) {
        let Ok(a) = analyze(&text, &options) else { return Ok(()) };
        let analysed = a.analysed_text(&text);
        let joined: Vec<u16> = a.parts.iter().flat_map(|p| analysed[p.start..p.end].iter().copied()).collect();
        prop_assert_eq!(&joined, analysed);
        prop_assert_eq!(a.parts.len(), a.segments);
        let cap = if a.segments == 1 { a.encoding.single_capacity() } else { a.encoding.part_capacity() };
        for p in &a.parts {
            prop_assert!(p.units <= cap);
            // A part never starts on the low half of a surrogate pair (nor ends on the high half).
            if p.start > 0 {
                let before = analysed[p.start - 1];
                let at = analysed[p.start];
                prop_assert!(!((0xD800..0xDC00).contains(&before) && (0xDC00..0xE000).contains(&at)));
            }
        }
        prop_assert_eq!(a.parts.iter().map(|p| p.units).sum::<usize>(), a.units);
    }

    #[test]
    fn count_is_minimal(text in unit_strategy(), options in options_strategy()) {
        let Ok(a) = analyze(&text, &options) else { return Ok(()) };
        let analysed = a.analysed_text(&text);
        let costs: Vec<usize> = CodePoints::new(analysed)
            .map(|(_, cp, len)| usize::from(a.encoding.cost(cp, len)))
            .collect();
        prop_assert!(costs.iter().all(|&c| c > 0));
        prop_assert_eq!(
            a.segments,
            minimum_parts(&costs, a.encoding.single_capacity(), a.encoding.part_capacity())
        );
    }

    #[test]
    fn fast_path_agrees(text in unit_strategy(), options in options_strategy()) {
        let a = analyze(&text, &options);
        let c = count_segments(&text, &options);
        match (a, c) {
            (Ok(a), Ok(c)) => prop_assert_eq!((a.encoding, a.segments, a.units), (c.encoding, c.segments, c.units)),
            (Err(a), Err(c)) => prop_assert_eq!(a, c),
            (a, c) => prop_assert!(false, "disagree: {:?} / {:?}", a, c),
        }
    }

    /// The binding reads well-formed JS strings as UTF-8 (`&str`) and others as UTF-16: both
    /// forms of the same text must give the same answer, index for index.
    #[test]
    fn utf8_and_utf16_forms_agree(text in text_strategy(false), options in options_strategy()) {
        let s = String::from_utf16(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let from_units = analyze(text.as_slice(), &options);
        let from_str = analyze(s.as_str(), &options);
        prop_assert_eq!(&from_units, &from_str);
        prop_assert_eq!(count_segments(text.as_slice(), &options), count_segments(s.as_str(), &options));
    }

    #[test]
    fn utf16_arbitrary_units_never_panic(units in prop::collection::vec(any::<u16>(), 0..300), options in options_strategy()) {
        let _ = analyze(&units, &options);
        let _ = count_segments(&units, &options);
        let s = smart_encode(&units);
        prop_assert_eq!(s.text.len() as i64 - units.len() as i64, s.length_change);
    }
}

#[test]
fn one_megabyte_of_text() {
    let text = utf16(&"a€😀".repeat(1 << 18));
    let a = analyze(
        &text,
        &Options {
            smart_encoding: true,
            ..Options::default()
        },
    )
    .unwrap();
    assert_eq!(a.encoding, Encoding::Ucs2);
    assert_eq!(a.units, text.len());
    assert_eq!(a.warnings, vec![Warning::TooManySegments]);
    let c = count_segments(&text, &Options::default()).unwrap();
    assert_eq!(c.segments, a.segments);
}

#[test]
fn errors_have_stable_codes() {
    let emoji = utf16("Hi 😀");
    let err = analyze(
        &emoji,
        &Options {
            encoding: RequestEncoding::Gsm7,
            ..Options::default()
        },
    )
    .unwrap_err();
    assert_eq!(
        err,
        SegmentError::NotGsm7 {
            index: 3,
            code_point: 0x1F600
        }
    );
    assert_eq!(err.code(), "not_gsm7");
    assert!(err.to_string().contains("U+1F600"));
    let nan = Options {
        price_per_segment: Some(f64::NAN),
        ..Options::default()
    };
    assert_eq!(analyze(&emoji, &nan).unwrap_err().code(), "invalid_price");
}
