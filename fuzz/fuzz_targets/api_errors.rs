//! Any status, headers and body: the API error parser returns, never panics, keeps the
//! raw body, and never lets the API key through; the retry decision and the paginator
//! cope with the same input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smsedge_core::api::{
    ApiError, ClientConfig, Headers, Method, Operation, Outcome, PageLimits, Paginator,
    TelnyxApiError, decide, parse_response,
};

const KEY: &str = "KEYfuzzSECRET0123456789";

fuzz_target!(|data: &[u8]| {
    // Layout: status (2 bytes LE), header-blob length (1 byte), header blob
    // ("name:value" lines), then the body.
    let Some((status, rest)) = data.split_first_chunk::<2>() else {
        return;
    };
    let status = u16::from_le_bytes(*status);
    let Some((&header_len, rest)) = rest.split_first() else {
        return;
    };
    let (blob, body) = rest.split_at(usize::from(header_len).min(rest.len()));
    let headers = Headers::from_pairs(String::from_utf8_lossy(blob).lines().filter_map(|line| {
        line.split_once(':')
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
    }));
    let now = Some(1_700_000_000_000);

    let err = TelnyxApiError::parse(status, &headers, body, now);
    assert_eq!(err.raw_body, String::from_utf8_lossy(body));
    assert_eq!(err.code, err.errors.iter().find_map(|e| e.code.clone()));
    let _ = err.to_string();

    let config = ClientConfig::new(Some(KEY), None).expect("a valid key");
    let op = Operation::ALL[usize::from(header_len) % Operation::ALL.len()];
    match parse_response(op, status, &headers, body, 1, now, &config) {
        Ok(resp) => assert!((200..=299).contains(&resp.status)),
        Err(e @ ApiError::Http(_)) => {
            let shown = format!("{e} {e:?}");
            assert!(!shown.contains(KEY), "the API key leaked into an error");
        }
        Err(e) => assert_eq!(e.code(), "invalid_response"),
    }

    let outcome = Outcome::Response {
        status,
        headers: &headers,
        error_code: err.code.as_deref(),
    };
    for method in [Method::Get, Method::Post] {
        let _ = decide(&config.retry, method, 1, &outcome, 0.5, now);
    }

    // The same bytes as a 2xx list page, walked in each pagination style.
    let plain = ClientConfig::new(None, None).expect("the default config");
    if let Ok(resp) = parse_response(
        Operation::PortingEventsList,
        200,
        &headers,
        body,
        1,
        now,
        &plain,
    ) {
        for op in [
            Operation::PortingEventsList,
            Operation::Messaging10dlcBrandList,
            Operation::MessagingTollfreeVerificationRequestsList,
        ] {
            let mut pager =
                Paginator::new(op, None, PageLimits::default()).expect("a list operation");
            for _ in 0..3 {
                let _ = pager.advance(resp.body.clone());
            }
            assert!(
                pager.is_done(),
                "the same page three times must end the walk"
            );
        }
    }
});
