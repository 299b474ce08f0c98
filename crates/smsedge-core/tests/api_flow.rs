//! The API client's control flow: the retry decision for every method × status ×
//! network phase, `Retry-After`, backoff, and the ends of every pagination style.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::unreachable
)]

mod api {
    use proptest::prelude::*;
    use serde_json::{Value, json};
    use smsedge_core::api::{
        ClientConfig, GiveUpReason, HARD_PAGE_LIMIT, Headers, Json, Method, Operation, Outcome,
        PageLimits, Paginator, RetryDecision, RetryPolicy, StopReason, decide,
    };

    const METHODS: [Method; 5] = [
        Method::Get,
        Method::Post,
        Method::Put,
        Method::Patch,
        Method::Delete,
    ];
    const STATUSES: &[u16] = &[
        100, 200, 201, 202, 204, 301, 304, 400, 401, 402, 403, 404, 405, 408, 409, 410, 413, 422,
        425, 429, 500, 501, 502, 503, 504, 599,
    ];

    #[derive(Clone, Copy, Debug)]
    enum Phase {
        Status(u16),
        BeforeSend,
        AfterSend,
        Timeout,
    }

    /// The rules of the issue, written independently of the implementation.
    fn should_retry(method: Method, phase: Phase) -> bool {
        let post = method == Method::Post;
        match phase {
            Phase::BeforeSend => true,
            Phase::AfterSend | Phase::Timeout => !post,
            Phase::Status(429) => true,
            Phase::Status(408 | 500..=599) => !post,
            Phase::Status(_) => false,
        }
    }

    fn run(
        policy: &RetryPolicy,
        method: Method,
        attempt: u32,
        phase: Phase,
        headers: &Headers,
    ) -> RetryDecision {
        let outcome = match phase {
            Phase::Status(status) => Outcome::Response {
                status,
                headers,
                error_code: None,
            },
            Phase::BeforeSend => Outcome::NetworkBeforeSend,
            Phase::AfterSend => Outcome::NetworkAfterSend,
            Phase::Timeout => Outcome::Timeout,
        };
        decide(policy, method, attempt, &outcome, 0.5, None)
    }

    fn phases() -> Vec<Phase> {
        let mut all: Vec<Phase> = STATUSES.iter().map(|&s| Phase::Status(s)).collect();
        all.extend([Phase::BeforeSend, Phase::AfterSend, Phase::Timeout]);
        all
    }

    #[test]
    fn api_retry_matrix() {
        let policy = RetryPolicy::default();
        let none = Headers::new();
        let mut retried = 0;
        for method in METHODS {
            for phase in phases() {
                let decision = run(&policy, method, 1, phase, &none);
                let want = should_retry(method, phase);
                assert_eq!(
                    matches!(decision, RetryDecision::Retry { .. }),
                    want,
                    "{method:?} {phase:?}: {decision:?}"
                );
                retried += usize::from(want);
                if !want {
                    let reason = match decision {
                        RetryDecision::GiveUp(r) => r,
                        RetryDecision::Retry { .. } => unreachable!(),
                    };
                    let expected = match phase {
                        Phase::Status(s) if !(400..=599).contains(&s) => GiveUpReason::Final,
                        Phase::Status(408 | 500..=599) | Phase::AfterSend | Phase::Timeout => {
                            GiveUpReason::UnsafeToRepeat
                        }
                        _ => GiveUpReason::NotRetryable,
                    };
                    assert_eq!(reason, expected, "{method:?} {phase:?}");
                }
            }
        }
        // POST: 429 and before-send only; the other four methods: 408, 429, the six 5xx and 3 network.
        assert_eq!(retried, 2 + 4 * (1 + 1 + 6 + 3));
    }

    #[test]
    fn api_retry_unsafe_post_is_opt_in() {
        let policy = RetryPolicy {
            retry_unsafe_post: true,
            ..RetryPolicy::default()
        };
        let none = Headers::new();
        for phase in phases() {
            let post = matches!(
                run(&policy, Method::Post, 1, phase, &none),
                RetryDecision::Retry { .. }
            );
            let get = matches!(
                run(&policy, Method::Get, 1, phase, &none),
                RetryDecision::Retry { .. }
            );
            assert_eq!(post, get, "{phase:?}");
        }
    }

    #[test]
    fn api_retry_attempts_are_bounded() {
        let none = Headers::new();
        let policy = RetryPolicy::default();
        for method in METHODS {
            for attempt in 1..=2 {
                assert!(matches!(
                    run(&policy, method, attempt, Phase::Status(429), &none),
                    RetryDecision::Retry { .. }
                ));
            }
            assert_eq!(
                run(&policy, method, 3, Phase::Status(429), &none),
                RetryDecision::GiveUp(GiveUpReason::AttemptsExhausted)
            );
            assert_eq!(
                run(&policy, method, u32::MAX, Phase::BeforeSend, &none),
                RetryDecision::GiveUp(GiveUpReason::AttemptsExhausted)
            );
        }
        let never = RetryPolicy {
            max_retries: 0,
            ..RetryPolicy::default()
        };
        assert_eq!(
            run(&never, Method::Get, 1, Phase::Status(503), &none),
            RetryDecision::GiveUp(GiveUpReason::AttemptsExhausted)
        );
        // A non-retryable status says so even when attempts are also exhausted.
        assert_eq!(
            run(&never, Method::Get, 1, Phase::Status(404), &none),
            RetryDecision::GiveUp(GiveUpReason::NotRetryable)
        );
    }

    #[test]
    fn api_spend_limit_429_is_not_retried() {
        let none = Headers::new();
        for method in METHODS {
            let outcome = Outcome::Response {
                status: 429,
                headers: &none,
                error_code: Some("40333"),
            };
            assert_eq!(
                decide(&RetryPolicy::default(), method, 1, &outcome, 0.0, None),
                RetryDecision::GiveUp(GiveUpReason::SpendLimit)
            );
            let outcome = Outcome::Response {
                status: 429,
                headers: &none,
                error_code: Some("10011"),
            };
            assert!(matches!(
                decide(&RetryPolicy::default(), method, 1, &outcome, 0.0, None),
                RetryDecision::Retry { .. }
            ));
        }
    }

    #[test]
    fn api_backoff_doubles_with_jitter_and_a_cap() {
        let policy = RetryPolicy::default();
        let none = Headers::new();
        for (retry, ceiling) in [
            (1, 500),
            (2, 1000),
            (3, 2000),
            (4, 4000),
            (5, 8000),
            (6, 8000),
            (40, 8000),
            (u32::MAX, 8000),
        ] {
            assert_eq!(policy.backoff_ms(retry, 0.0), ceiling / 2, "retry {retry}");
            let high = policy.backoff_ms(retry, 0.999_999);
            assert!(
                high < ceiling && high >= ceiling * 99 / 100,
                "retry {retry}: {high}"
            );
            for r in [0.1, 0.5, 0.9] {
                let d = policy.backoff_ms(retry, r);
                assert!(
                    (ceiling / 2..=ceiling).contains(&d),
                    "retry {retry} random {r}: {d}"
                );
            }
        }
        // Bad randomness is clamped, never a panic or a huge delay.
        assert_eq!(policy.backoff_ms(1, f64::NAN), 250);
        assert_eq!(policy.backoff_ms(1, -3.0), 250);
        assert_eq!(policy.backoff_ms(1, 7.0), 500);
        assert_eq!(policy.backoff_ms(1, f64::INFINITY), 250);
        // The decision uses the backoff of its attempt number.
        assert_eq!(
            run(&policy, Method::Get, 2, Phase::Status(503), &none),
            RetryDecision::Retry { delay_ms: 750 }
        );
        let huge = RetryPolicy {
            base_delay_ms: u64::MAX,
            max_delay_ms: u64::MAX,
            ..policy
        };
        assert!(huge.backoff_ms(63, 0.5) > 0);
    }

    #[test]
    fn api_retry_after_is_honoured_up_to_the_cap() {
        let policy = RetryPolicy::default();
        let h = |pairs: &[(&str, &str)]| Headers::from_pairs(pairs.iter().copied());
        let delay = |headers: &Headers, status: u16, method: Method, now: Option<u64>| {
            let outcome = Outcome::Response {
                status,
                headers,
                error_code: None,
            };
            decide(&policy, method, 1, &outcome, 0.5, now)
        };
        assert_eq!(
            delay(&h(&[("Retry-After", "2")]), 429, Method::Post, None),
            RetryDecision::Retry { delay_ms: 2000 }
        );
        assert_eq!(
            delay(&h(&[("retry-after", "0")]), 429, Method::Get, None),
            RetryDecision::Retry { delay_ms: 0 }
        );
        assert_eq!(
            delay(&h(&[("retry-after", "60")]), 429, Method::Get, None),
            RetryDecision::Retry { delay_ms: 60_000 }
        );
        assert_eq!(
            delay(&h(&[("retry-after", "61")]), 429, Method::Get, None),
            RetryDecision::GiveUp(GiveUpReason::RetryAfterTooLong)
        );
        assert_eq!(
            delay(&h(&[("retry-after", "86400")]), 429, Method::Post, None),
            RetryDecision::GiveUp(GiveUpReason::RetryAfterTooLong)
        );
        assert_eq!(
            delay(
                &h(&[("retry-after-ms", "1500"), ("retry-after", "9")]),
                429,
                Method::Get,
                None
            ),
            RetryDecision::Retry { delay_ms: 1500 }
        );
        // On 503 for GET too; a POST 503 stays unsafe whatever the header says.
        assert_eq!(
            delay(&h(&[("retry-after", "3")]), 503, Method::Get, None),
            RetryDecision::Retry { delay_ms: 3000 }
        );
        assert_eq!(
            delay(&h(&[("retry-after", "3")]), 503, Method::Post, None),
            RetryDecision::GiveUp(GiveUpReason::UnsafeToRepeat)
        );
        // HTTP-dates need the caller's clock; without it, plain backoff.
        let date = h(&[("retry-after", "Tue, 14 Nov 2023 22:13:25 GMT")]);
        assert_eq!(
            delay(&date, 429, Method::Get, Some(1_700_000_000_000)),
            RetryDecision::Retry { delay_ms: 5000 }
        );
        assert_eq!(
            delay(&date, 429, Method::Get, Some(1_700_000_100_000)),
            RetryDecision::Retry { delay_ms: 0 }
        );
        assert_eq!(
            delay(&date, 429, Method::Get, None),
            RetryDecision::Retry { delay_ms: 375 }
        );
        assert_eq!(
            delay(&date, 429, Method::Get, Some(1_600_000_000_000)),
            RetryDecision::GiveUp(GiveUpReason::RetryAfterTooLong)
        );
        // Garbage is ignored.
        assert_eq!(
            delay(&h(&[("retry-after", "soon")]), 429, Method::Get, None),
            RetryDecision::Retry { delay_ms: 375 }
        );
        assert_eq!(
            delay(&h(&[("retry-after", "-5")]), 429, Method::Get, None),
            RetryDecision::Retry { delay_ms: 375 }
        );
        // A larger cap lets it through.
        let patient = RetryPolicy {
            max_retry_after_ms: 120_000,
            ..policy
        };
        let outcome = Outcome::Response {
            status: 429,
            headers: &h(&[("retry-after", "90")]),
            error_code: None,
        };
        assert_eq!(
            decide(&patient, Method::Get, 1, &outcome, 0.5, None),
            RetryDecision::Retry { delay_ms: 90_000 }
        );
    }

    /// Drives a whole call the way the transport will, against scripted outcomes.
    fn simulate(method: Method, script: &[Phase]) -> (u32, u64) {
        let policy = ClientConfig::new(None, None).unwrap().retry;
        let headers = Headers::from_pairs([("retry-after", "1")]);
        let mut waited = 0;
        for (i, phase) in script.iter().enumerate() {
            let attempt = u32::try_from(i + 1).unwrap();
            match run(&policy, method, attempt, *phase, &headers) {
                RetryDecision::Retry { delay_ms } => waited += delay_ms,
                RetryDecision::GiveUp(_) => return (attempt, waited),
            }
        }
        panic!("the script ran out: {script:?}");
    }

    #[test]
    fn api_post_500_is_sent_once_and_get_500_is_retried() {
        use Phase::*;
        assert_eq!(simulate(Method::Post, &[Status(500), Status(200)]).0, 1);
        assert_eq!(simulate(Method::Post, &[Timeout, Status(200)]).0, 1);
        assert_eq!(simulate(Method::Post, &[AfterSend, Status(200)]).0, 1);
        assert_eq!(
            simulate(Method::Post, &[BeforeSend, Status(429), Status(200)]),
            (3, 375 + 1000)
        );
        assert_eq!(
            simulate(
                Method::Get,
                &[Status(500), Status(502), Status(503), Status(200)]
            )
            .0,
            3
        );
        assert_eq!(simulate(Method::Get, &[Status(500), Status(200)]).0, 2);
        assert_eq!(simulate(Method::Delete, &[Timeout, Timeout, Timeout]).0, 3);
        assert_eq!(simulate(Method::Patch, &[Status(422), Status(200)]).0, 1);
    }

    // ---------------------------------------------------------------------------------
    // Pagination.

    fn items(ids: std::ops::Range<u64>) -> Vec<Value> {
        ids.map(|id| json!({ "id": id })).collect()
    }

    fn v2_page(ids: std::ops::Range<u64>, page: u64, total_pages: u64) -> Value {
        json!({ "data": items(ids), "meta": { "page_number": page, "page_size": 2, "total_pages": total_pages, "total_results": 5 } })
    }

    fn ids(values: &[Json]) -> Vec<u64> {
        values
            .iter()
            .map(|v| v.get("id").and_then(Json::as_u64).unwrap())
            .collect()
    }

    #[test]
    fn api_page_number_walk_ends_at_the_last_page() {
        let config = ClientConfig::new(Some("KEY0123456789"), None).unwrap();
        let query = json!({ "page": { "size": 2 }, "filter": { "porting_order_id": "po1" } });
        let mut pager = Paginator::new(
            Operation::PortingEventsList,
            Some(&Json::from(&query)),
            PageLimits::default(),
        )
        .unwrap();
        let mut urls = Vec::new();
        let mut seen = Vec::new();
        let pages = [
            v2_page(0..2, 1, 3),
            v2_page(2..4, 2, 3),
            v2_page(4..5, 3, 3),
        ];
        for page in pages {
            urls.push(pager.next_request(&[], &config).unwrap().unwrap().url);
            seen.extend(ids(&pager.advance(page).unwrap()));
        }
        assert_eq!(seen, [0, 1, 2, 3, 4]);
        assert_eq!(pager.stop_reason(), Some(StopReason::LastPage));
        assert!(pager.next_request(&[], &config).unwrap().is_none());
        assert!(urls[0].ends_with("/porting/events?filter%5Bporting_order_id%5D=po1&page%5Bnumber%5D=1&page%5Bsize%5D=2"), "{}", urls[0]);
        assert!(urls[1].contains("page%5Bnumber%5D=2&page%5Bsize%5D=2"));
        assert!(urls[2].contains("page%5Bnumber%5D=3"));
        // Once done, it stays done.
        assert!(pager.advance(v2_page(5..7, 4, 9)).unwrap().is_empty());
        assert_eq!(pager.pages_fetched(), 3);
    }

    #[test]
    fn api_page_number_walk_starts_where_asked() {
        let mut pager = Paginator::new(
            Operation::MessagingProfilesList,
            Some(&Json::from(json!({ "page[number]": 3 }))),
            PageLimits::default(),
        )
        .unwrap();
        assert_eq!(
            pager
                .next_query()
                .unwrap()
                .get("page[number]")
                .and_then(Json::as_u64),
            Some(3)
        );
        assert_eq!(ids(&pager.advance(v2_page(4..5, 3, 3)).unwrap()), [4]);
        assert!(pager.is_done());
        // The path argument of listPhoneNumbers goes through too.
        let pager = Paginator::new(
            Operation::MessagingProfilesListPhoneNumbers,
            None,
            PageLimits::default(),
        )
        .unwrap();
        let config = ClientConfig::new(None, None).unwrap();
        let req = pager.next_request(&["p1"], &config).unwrap().unwrap();
        assert_eq!(
            req.url,
            "https://api.telnyx.com/v2/messaging_profiles/p1/phone_numbers?page%5Bnumber%5D=1"
        );
    }

    #[test]
    fn api_walk_stops_on_an_empty_page() {
        let mut pager =
            Paginator::new(Operation::PortingOrdersList, None, PageLimits::default()).unwrap();
        assert_eq!(pager.advance(v2_page(0..2, 1, 99)).unwrap().len(), 2);
        assert!(
            pager
                .advance(json!({ "data": [], "meta": { "page_number": 2, "total_pages": 99 } }))
                .unwrap()
                .is_empty()
        );
        assert_eq!(pager.stop_reason(), Some(StopReason::EmptyPage));
        // A page without its items key is empty too.
        let mut pager = Paginator::new(
            Operation::Messaging10dlcBrandList,
            None,
            PageLimits::default(),
        )
        .unwrap();
        assert!(pager.advance(json!({ "page": 1 })).unwrap().is_empty());
        assert_eq!(pager.stop_reason(), Some(StopReason::EmptyPage));
    }

    #[test]
    fn api_walk_stops_at_the_caller_caps() {
        let limits = PageLimits {
            max_items: Some(5),
            max_pages: None,
        };
        let mut pager = Paginator::new(Operation::PortingPhoneNumbersList, None, limits).unwrap();
        let mut seen = Vec::new();
        let mut page = 1;
        while !pager.is_done() {
            let start = (page - 1) * 2;
            seen.extend(ids(&pager
                .advance(v2_page(start..start + 2, page, 100))
                .unwrap()));
            page += 1;
        }
        assert_eq!(seen, [0, 1, 2, 3, 4]);
        assert_eq!(
            (pager.stop_reason(), pager.pages_fetched()),
            (Some(StopReason::ItemCap), 3)
        );

        let limits = PageLimits {
            max_items: None,
            max_pages: Some(2),
        };
        let mut pager = Paginator::new(Operation::PortingPhoneNumbersList, None, limits).unwrap();
        pager.advance(v2_page(0..2, 1, 100)).unwrap();
        assert!(!pager.is_done());
        pager.advance(v2_page(2..4, 2, 100)).unwrap();
        assert_eq!(pager.stop_reason(), Some(StopReason::PageCap));

        let zero = PageLimits {
            max_items: Some(0),
            max_pages: None,
        };
        let pager = Paginator::new(Operation::PortingPhoneNumbersList, None, zero).unwrap();
        assert!(pager.next_query().is_none());
        assert_eq!(pager.stop_reason(), Some(StopReason::ItemCap));
    }

    #[test]
    fn api_walk_stops_when_the_server_repeats_a_page() {
        // Prism's static example: always page_number 2 of 3, whatever is asked.
        let prism = json!({ "data": [{ "id": "e1" }], "meta": { "page_number": 2, "page_size": 25, "total_pages": 3, "total_results": 55 } });
        let mut pager =
            Paginator::new(Operation::PortingEventsList, None, PageLimits::default()).unwrap();
        assert_eq!(pager.advance(prism.clone()).unwrap().len(), 1);
        assert_eq!(
            pager
                .next_query()
                .unwrap()
                .get("page[number]")
                .and_then(Json::as_u64),
            Some(3)
        );
        assert!(pager.advance(prism).unwrap().is_empty());
        assert_eq!(
            (pager.stop_reason(), pager.pages_fetched()),
            (Some(StopReason::RepeatedPage), 2)
        );

        // The same items again, with no page numbers to compare (toll-free).
        let same = json!({ "records": [{ "id": "v1" }, { "id": "v2" }], "total_records": 1000 });
        let mut pager = Paginator::new(
            Operation::MessagingTollfreeVerificationRequestsList,
            None,
            PageLimits::default(),
        )
        .unwrap();
        assert_eq!(pager.advance(same.clone()).unwrap().len(), 2);
        assert!(pager.advance(same).unwrap().is_empty());
        assert_eq!(pager.stop_reason(), Some(StopReason::RepeatedPage));

        // A server cycling through pages without numbers: caught on the first repeat.
        let mut pager = Paginator::new(
            Operation::MessagingTollfreeVerificationRequestsList,
            None,
            PageLimits::default(),
        )
        .unwrap();
        let (a, b) = (
            json!({ "records": items(0..2) }),
            json!({ "records": items(2..4) }),
        );
        assert_eq!(pager.advance(a.clone()).unwrap().len(), 2);
        assert_eq!(pager.advance(b).unwrap().len(), 2);
        assert!(pager.advance(a).unwrap().is_empty());
        assert_eq!(pager.stop_reason(), Some(StopReason::RepeatedPage));

        // A page number that goes backwards, even with new items.
        let mut pager = Paginator::new(
            Operation::Messaging10dlcBrandList,
            None,
            PageLimits::default(),
        )
        .unwrap();
        pager
            .advance(json!({ "page": 4, "records": items(0..10), "totalRecords": 1000 }))
            .unwrap();
        assert!(
            pager
                .advance(json!({ "page": 1, "records": items(10..20), "totalRecords": 1000 }))
                .unwrap()
                .is_empty()
        );
        assert_eq!(pager.stop_reason(), Some(StopReason::RepeatedPage));
    }

    #[test]
    fn api_ten_dlc_walk() {
        let config = ClientConfig::new(None, None).unwrap();
        let query = json!({ "brandId": "B1", "recordsPerPage": 10 });
        let mut pager = Paginator::new(
            Operation::Messaging10dlcCampaignList,
            Some(&Json::from(&query)),
            PageLimits::default(),
        )
        .unwrap();
        let mut seen = 0;
        let mut urls = Vec::new();
        for (page, range) in [(1, 0..10), (2, 10..20), (3, 20..25)] {
            urls.push(pager.next_request(&[], &config).unwrap().unwrap().url);
            seen += pager
                .advance(json!({ "page": page, "records": items(range), "totalRecords": 25 }))
                .unwrap()
                .len();
        }
        assert_eq!(
            (seen, pager.stop_reason()),
            (25, Some(StopReason::LastPage))
        );
        assert_eq!(
            urls[1],
            "https://api.telnyx.com/v2/10dlc/campaign?brandId=B1&page=2&recordsPerPage=10"
        );
        // telnyx-node compares the page number with totalRecords; here 3 pages of 10 with
        // totalRecords 25 end after page 3, not page 25.
        assert_eq!(pager.pages_fetched(), 3);

        // Starting on page 3 of the same list: the earlier pages count toward the total.
        let query = json!({ "brandId": "B1", "page": 3 });
        let mut pager = Paginator::new(
            Operation::Messaging10dlcCampaignList,
            Some(&Json::from(&query)),
            PageLimits::default(),
        )
        .unwrap();
        pager
            .advance(json!({ "page": 3, "records": items(20..30), "totalRecords": 35 }))
            .unwrap();
        assert!(!pager.is_done());
        pager
            .advance(json!({ "page": 4, "records": items(30..35), "totalRecords": 35 }))
            .unwrap();
        assert_eq!(pager.stop_reason(), Some(StopReason::LastPage));
    }

    #[test]
    fn api_toll_free_walk() {
        let config = ClientConfig::new(None, None).unwrap();
        // The server clamps page_size 1000 to 100: the walk counts items, not pages.
        let query = json!({ "page_size": 1000, "status": "Verified" });
        let mut pager = Paginator::new(
            Operation::MessagingTollfreeVerificationRequestsList,
            Some(&Json::from(&query)),
            PageLimits::default(),
        )
        .unwrap();
        let mut seen = 0;
        let mut urls = Vec::new();
        for range in [0..100, 100..200, 200..250] {
            urls.push(pager.next_request(&[], &config).unwrap().unwrap().url);
            seen += pager
                .advance(json!({ "records": items(range), "total_records": 250 }))
                .unwrap()
                .len();
        }
        assert_eq!(
            (seen, pager.stop_reason()),
            (250, Some(StopReason::LastPage))
        );
        assert_eq!(
            urls[0],
            "https://api.telnyx.com/v2/messaging_tollfree/verification/requests?page=1&page_size=1000&status=Verified"
        );
        assert!(urls[2].contains("page=3&"));
        // Without page_size, the core's default keeps Prism's validation happy.
        let pager = Paginator::new(
            Operation::MessagingTollfreeVerificationRequestsList,
            None,
            PageLimits::default(),
        )
        .unwrap();
        assert!(
            pager
                .next_request(&[], &config)
                .unwrap()
                .unwrap()
                .url
                .ends_with("?page=1&page_size=20")
        );
    }

    #[test]
    fn api_walk_never_loops_forever() {
        // Fresh, full pages forever and no totals: only the hard limit can stop it.
        let mut pager =
            Paginator::new(Operation::MessagingOptoutsList, None, PageLimits::default()).unwrap();
        let mut n = 0u64;
        while !pager.is_done() {
            pager.advance(json!({ "data": [{ "id": n }] })).unwrap();
            n += 1;
            assert!(n <= u64::from(HARD_PAGE_LIMIT));
        }
        assert_eq!(
            (pager.stop_reason(), pager.pages_fetched()),
            (Some(StopReason::HardLimit), HARD_PAGE_LIMIT)
        );
    }

    #[test]
    fn api_walk_rejects_what_it_cannot_walk() {
        assert_eq!(
            Paginator::new(Operation::MessagesSend, None, PageLimits::default())
                .unwrap_err()
                .code(),
            "invalid_argument"
        );
        assert_eq!(
            Paginator::new(
                Operation::PortingEventsList,
                Some(&Json::from(json!([1]))),
                PageLimits::default()
            )
            .unwrap_err()
            .code(),
            "invalid_argument"
        );
        let mut pager =
            Paginator::new(Operation::PortingEventsList, None, PageLimits::default()).unwrap();
        assert_eq!(
            pager.advance(json!([1, 2])).unwrap_err().code(),
            "invalid_response"
        );
        assert!(pager.is_done());
        let mut pager =
            Paginator::new(Operation::PortingEventsList, None, PageLimits::default()).unwrap();
        assert_eq!(
            pager
                .advance(json!({ "data": { "id": 1 } }))
                .unwrap_err()
                .code(),
            "invalid_response"
        );
        assert!(pager.is_done());
        // Lenient numbers: strings and floats in meta.
        let mut pager =
            Paginator::new(Operation::PortingEventsList, None, PageLimits::default()).unwrap();
        pager
            .advance(json!({ "data": [{}], "meta": { "page_number": "1", "total_pages": 1.0 } }))
            .unwrap();
        assert_eq!(pager.stop_reason(), Some(StopReason::LastPage));
    }

    fn arb_page() -> impl Strategy<Value = Value> {
        (
            0usize..4,
            0u64..6,
            prop::option::of(0u64..6),
            prop::option::of(0u64..20),
            any::<bool>(),
        )
            .prop_map(|(len, id_base, page, total, v2)| {
                let records: Vec<Value> = (0..len).map(|i| json!({ "id": id_base + i as u64 })).collect();
                if v2 {
                    json!({ "data": records, "meta": { "page_number": page, "total_pages": total } })
                } else {
                    json!({ "page": page, "records": records, "totalRecords": total })
                }
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn api_walk_terminates_and_respects_caps(
            pages in prop::collection::vec(arb_page(), 1..40),
            max_items in prop::option::of(0u64..12),
            max_pages in prop::option::of(0u32..8),
            ten_dlc in any::<bool>(),
        ) {
            let op = if ten_dlc { Operation::Messaging10dlcBrandList } else { Operation::PortingEventsList };
            let limits = PageLimits { max_items, max_pages };
            let mut pager = Paginator::new(op, None, limits).unwrap();
            let mut yielded = 0u64;
            let mut fetched = 0u32;
            for page in pages.iter().cycle().take(HARD_PAGE_LIMIT as usize + 1) {
                if pager.next_query().is_none() {
                    break;
                }
                fetched += 1;
                yielded += pager.advance(page.clone()).map_or(0, |items| items.len() as u64);
            }
            prop_assert!(pager.is_done(), "never stopped after {fetched} pages");
            prop_assert!(pager.next_query().is_none());
            if let Some(max) = max_items { prop_assert!(yielded <= max); }
            if let Some(max) = max_pages { prop_assert!(fetched <= max); }
        }
    }
}
