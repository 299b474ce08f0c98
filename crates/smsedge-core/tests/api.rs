//! The API client core against the Telnyx OpenAPI subset, the error vectors in
//! `tests/vectors/api-errors/`, and the API-key redaction promise.
//!
//! The OpenAPI checks read `../shared/api/telnyx-messaging-porting.openapi.yml` (or
//! `$SMSEDGE_SHARED_DIR/api/…`). In a fresh clone without it they say so and skip; the
//! hard-coded operation table below still runs.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod api {
    use std::collections::{BTreeSet, HashMap};
    use std::path::PathBuf;

    use serde_json::{Value, json};
    use smsedge_core::api::{
        ApiError, ClientConfig, Headers, Json, Method, Operation, ResponseShape, TelnyxApiError,
        build_request, operation, parse_response,
    };

    const KEY: &str = "KEYsmsedgeTESTsecret0123456789";

    fn config() -> ClientConfig {
        ClientConfig::new(Some(KEY), None).unwrap()
    }

    /// The operation table, written out by hand from the OpenAPI subset and checked
    /// against it below: `(telnyx npm name, method, path)`.
    const EXPECTED: &[(&str, &str, &str)] = &[
        ("messages.send", "POST", "/messages"),
        ("messages.sendNumberPool", "POST", "/messages/number_pool"),
        ("messages.schedule", "POST", "/messages/schedule"),
        ("messages.retrieve", "GET", "/messages/{id}"),
        ("messages.cancelScheduled", "DELETE", "/messages/{id}"),
        ("messagingProfiles.list", "GET", "/messaging_profiles"),
        ("messagingProfiles.create", "POST", "/messaging_profiles"),
        (
            "messagingProfiles.retrieve",
            "GET",
            "/messaging_profiles/{id}",
        ),
        (
            "messagingProfiles.update",
            "PATCH",
            "/messaging_profiles/{id}",
        ),
        (
            "messagingProfiles.delete",
            "DELETE",
            "/messaging_profiles/{id}",
        ),
        (
            "messagingProfiles.listPhoneNumbers",
            "GET",
            "/messaging_profiles/{id}/phone_numbers",
        ),
        (
            "phoneNumbers.messaging.list",
            "GET",
            "/phone_numbers/messaging",
        ),
        (
            "phoneNumbers.messaging.retrieve",
            "GET",
            "/phone_numbers/{id}/messaging",
        ),
        (
            "phoneNumbers.messaging.update",
            "PATCH",
            "/phone_numbers/{id}/messaging",
        ),
        (
            "messagingNumbersBulkUpdates.create",
            "POST",
            "/messaging_numbers_bulk_updates",
        ),
        (
            "messagingNumbersBulkUpdates.retrieve",
            "GET",
            "/messaging_numbers_bulk_updates/{order_id}",
        ),
        ("portabilityChecks.run", "POST", "/portability_checks"),
        ("portingOrders.list", "GET", "/porting_orders"),
        ("portingOrders.retrieve", "GET", "/porting_orders/{id}"),
        ("portingOrders.update", "PATCH", "/porting_orders/{id}"),
        ("portingPhoneNumbers.list", "GET", "/porting_phone_numbers"),
        ("porting.events.list", "GET", "/porting/events"),
        ("porting.events.retrieve", "GET", "/porting/events/{id}"),
        (
            "porting.events.republish",
            "POST",
            "/porting/events/{id}/republish",
        ),
        ("messaging10dlc.brand.list", "GET", "/10dlc/brand"),
        (
            "messaging10dlc.brand.retrieve",
            "GET",
            "/10dlc/brand/{brandId}",
        ),
        (
            "messaging10dlc.campaignBuilder.submit",
            "POST",
            "/10dlc/campaignBuilder",
        ),
        ("messaging10dlc.campaign.list", "GET", "/10dlc/campaign"),
        (
            "messaging10dlc.campaign.retrieve",
            "GET",
            "/10dlc/campaign/{campaignId}",
        ),
        (
            "messaging10dlc.phoneNumberCampaigns.list",
            "GET",
            "/10dlc/phone_number_campaigns",
        ),
        (
            "messaging10dlc.phoneNumberCampaigns.create",
            "POST",
            "/10dlc/phone_number_campaigns",
        ),
        (
            "messaging10dlc.phoneNumberCampaigns.retrieve",
            "GET",
            "/10dlc/phone_number_campaigns/{phoneNumber}",
        ),
        (
            "messaging10dlc.phoneNumberCampaigns.update",
            "PUT",
            "/10dlc/phone_number_campaigns/{phoneNumber}",
        ),
        (
            "messaging10dlc.phoneNumberCampaigns.delete",
            "DELETE",
            "/10dlc/phone_number_campaigns/{phoneNumber}",
        ),
        (
            "messagingTollfree.verification.requests.create",
            "POST",
            "/messaging_tollfree/verification/requests",
        ),
        (
            "messagingTollfree.verification.requests.list",
            "GET",
            "/messaging_tollfree/verification/requests",
        ),
        (
            "messagingTollfree.verification.requests.retrieve",
            "GET",
            "/messaging_tollfree/verification/requests/{id}",
        ),
        (
            "messagingTollfree.verification.requests.update",
            "PATCH",
            "/messaging_tollfree/verification/requests/{id}",
        ),
        (
            "messagingTollfree.verification.requests.delete",
            "DELETE",
            "/messaging_tollfree/verification/requests/{id}",
        ),
        ("detailRecords.list", "GET", "/detail_records"),
        ("messagingOptouts.list", "GET", "/messaging_optouts"),
    ];

    #[test]
    fn api_catalogue_is_the_expected_table() {
        let got: Vec<(&str, &str, &str)> = Operation::ALL
            .iter()
            .map(|op| (op.name(), op.spec().method.as_str(), op.spec().path))
            .collect();
        assert_eq!(got, EXPECTED);
        for op in Operation::ALL {
            assert_eq!(Operation::from_name(op.name()), Some(*op));
            assert_eq!(operation(op.name()).unwrap(), *op);
            let braces: Vec<&str> = op
                .spec()
                .path
                .split('{')
                .skip(1)
                .filter_map(|s| s.split_once('}').map(|(name, _)| name))
                .collect();
            assert_eq!(braces, op.spec().path_params, "{}", op.name());
            assert_eq!(
                op.spec().has_body,
                !op.spec().required_body.is_empty() || op.spec().has_body
            );
        }
        assert_eq!(
            operation("messages.create").unwrap_err().code(),
            "unknown_operation"
        );
    }

    // ---------------------------------------------------------------------------------
    // A reader for the few parts of the OpenAPI YAML the checks need. The file is
    // machine-written with a regular layout (2-space indent, block style), so lines and
    // indentation are enough; it is not a general YAML parser.

    #[derive(Debug, Default)]
    struct SpecParam {
        name: String,
        location: String,
        required: bool,
        reference: Option<String>,
    }

    #[derive(Debug, Default)]
    struct SpecOp {
        params: Vec<SpecParam>,
        has_body: bool,
        body_required: bool,
        body_schema: Option<String>,
    }

    #[derive(Debug, Default)]
    struct Spec {
        ops: HashMap<(String, String), SpecOp>,
        schema_required: HashMap<String, Vec<String>>,
        params: HashMap<String, SpecParam>,
    }

    fn indent(line: &str) -> usize {
        line.len() - line.trim_start().len()
    }

    fn unquote(s: &str) -> String {
        s.trim().trim_matches('\'').trim_matches('"').to_owned()
    }

    fn key_value(line: &str) -> Option<(&str, &str)> {
        let t = line.trim_start().trim_start_matches("- ");
        t.split_once(':').map(|(k, v)| (k.trim(), v.trim()))
    }

    fn ref_name(v: &str) -> String {
        unquote(v).rsplit('/').next().unwrap_or_default().to_owned()
    }

    fn read_param(lines: &[&str], base: usize) -> SpecParam {
        let mut p = SpecParam::default();
        for line in lines {
            // Keys of the item itself: its first line (`- key: v`) or at `base + 2`.
            let is_item_key = line.trim_start().starts_with("- ") || indent(line) == base + 2;
            if !is_item_key {
                continue;
            }
            match key_value(line) {
                Some(("name", v)) => p.name = unquote(v),
                Some(("in", v)) => p.location = unquote(v),
                Some(("required", v)) => p.required = v == "true",
                Some(("$ref", v)) => p.reference = Some(ref_name(v)),
                _ => {}
            }
        }
        p
    }

    fn parse_spec(text: &str) -> Spec {
        let lines: Vec<&str> = text.lines().collect();
        let mut spec = Spec::default();
        let mut section = "";
        let mut path = String::new();
        let mut i = 0;
        while i < lines.len() {
            let line = lines[i];
            if indent(line) == 0 && !line.trim().is_empty() {
                section = if line.starts_with("paths:") {
                    "paths"
                } else if line.starts_with("components:") {
                    "components"
                } else {
                    ""
                };
                i += 1;
                continue;
            }
            match section {
                "paths" if indent(line) == 2 && line.trim_start().starts_with('/') => {
                    path = line.trim().trim_end_matches(':').to_owned();
                    i += 1;
                }
                "paths"
                    if indent(line) == 4
                        && ["get:", "post:", "put:", "patch:", "delete:"]
                            .contains(&line.trim()) =>
                {
                    let method = line.trim().trim_end_matches(':').to_uppercase();
                    let start = i + 1;
                    let mut end = start;
                    while end < lines.len()
                        && (lines[end].trim().is_empty() || indent(lines[end]) > 4)
                    {
                        end += 1;
                    }
                    spec.ops
                        .insert((method, path.clone()), parse_op(&lines[start..end]));
                    i = end;
                }
                "components" if line == "  schemas:" || line == "  parameters:" => {
                    let kind = line.trim().trim_end_matches(':').to_owned();
                    i += 1;
                    while i < lines.len() && (lines[i].trim().is_empty() || indent(lines[i]) > 2) {
                        let header = lines[i];
                        if indent(header) != 4 {
                            i += 1;
                            continue;
                        }
                        let name = header.trim().trim_end_matches(':').to_owned();
                        let start = i + 1;
                        let mut end = start;
                        while end < lines.len()
                            && (lines[end].trim().is_empty() || indent(lines[end]) > 4)
                        {
                            end += 1;
                        }
                        let body = &lines[start..end];
                        if kind == "schemas" {
                            let mut required = Vec::new();
                            if let Some(at) = body.iter().position(|l| *l == "      required:") {
                                for l in &body[at + 1..] {
                                    match l.strip_prefix("      - ") {
                                        Some(field) => required.push(unquote(field)),
                                        None => break,
                                    }
                                }
                            }
                            spec.schema_required.insert(name, required);
                        } else {
                            let mut p = SpecParam::default();
                            for l in body.iter().filter(|l| indent(l) == 6) {
                                match key_value(l) {
                                    Some(("name", v)) => p.name = unquote(v),
                                    Some(("in", v)) => p.location = unquote(v),
                                    Some(("required", v)) => p.required = v == "true",
                                    _ => {}
                                }
                            }
                            spec.params.insert(name, p);
                        }
                        i = end;
                    }
                }
                _ => i += 1,
            }
        }
        spec
    }

    fn parse_op(lines: &[&str]) -> SpecOp {
        let mut op = SpecOp::default();
        let mut i = 0;
        while i < lines.len() {
            let line = lines[i];
            match line {
                "      parameters:" => {
                    i += 1;
                    while i < lines.len() && lines[i].starts_with("      - ") {
                        let start = i;
                        i += 1;
                        while i < lines.len() && indent(lines[i]) > 6 {
                            i += 1;
                        }
                        op.params.push(read_param(&lines[start..i], 6));
                    }
                }
                "      requestBody:" => {
                    op.has_body = true;
                    i += 1;
                    while i < lines.len() && indent(lines[i]) > 6 {
                        match key_value(lines[i]) {
                            Some(("required", "true")) if indent(lines[i]) == 8 => {
                                op.body_required = true
                            }
                            Some(("$ref", v)) if op.body_schema.is_none() => {
                                op.body_schema = Some(ref_name(v))
                            }
                            _ => {}
                        }
                        i += 1;
                    }
                }
                _ => i += 1,
            }
        }
        op
    }

    fn shared_dir() -> PathBuf {
        std::env::var_os("SMSEDGE_SHARED_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"))
    }

    fn load_spec() -> Option<Spec> {
        let path = shared_dir().join("api/telnyx-messaging-porting.openapi.yml");
        match std::fs::read_to_string(&path) {
            Ok(text) => Some(parse_spec(&text)),
            Err(_) => {
                eprintln!(
                    "SKIPPED: {} not found (../shared is absent); the OpenAPI checks did not run",
                    path.display()
                );
                None
            }
        }
    }

    #[test]
    fn api_catalogue_matches_the_openapi_subset() {
        let Some(spec) = load_spec() else { return };
        assert!(
            spec.ops.len() >= 60,
            "the spec reader found only {} operations",
            spec.ops.len()
        );
        // The reader itself: spot checks it can be trusted (the loop below must not pass
        // because it read nothing).
        let campaigns = &spec.ops[&("GET".to_owned(), "/10dlc/campaign".to_owned())];
        assert!(
            campaigns
                .params
                .iter()
                .any(|p| p.name == "brandId" && p.location == "query" && p.required)
        );
        let tollfree = &spec.ops[&(
            "GET".to_owned(),
            "/messaging_tollfree/verification/requests".to_owned(),
        )];
        assert_eq!(tollfree.params.iter().filter(|p| p.required).count(), 2);
        let profile = &spec.ops[&("GET".to_owned(), "/messaging_profiles/{id}".to_owned())];
        assert_eq!(
            profile.params.first().and_then(|p| p.reference.as_deref()),
            Some("MessagingProfileId")
        );
        assert_eq!(spec.params["MessagingProfileId"].location, "path");
        assert_eq!(spec.schema_required["CreateMessageRequest"], ["to"]);
        let send = &spec.ops[&("POST".to_owned(), "/messages".to_owned())];
        assert_eq!(send.body_schema.as_deref(), Some("CreateMessageRequest"));
        let update = &spec.ops[&("PATCH".to_owned(), "/messaging_profiles/{id}".to_owned())];
        assert!(update.has_body && update.body_required);
        for op in Operation::ALL {
            let s = op.spec();
            let key = (s.method.as_str().to_owned(), s.path.to_owned());
            let spec_op = spec
                .ops
                .get(&key)
                .unwrap_or_else(|| panic!("{}: {} {} is not in the spec", s.name, key.0, key.1));
            let params: Vec<&SpecParam> = spec_op
                .params
                .iter()
                .map(|p| match &p.reference {
                    Some(r) => spec
                        .params
                        .get(r)
                        .unwrap_or_else(|| panic!("{}: unknown parameter $ref {r}", s.name)),
                    None => p,
                })
                .collect();

            let path_params: BTreeSet<&str> = params
                .iter()
                .filter(|p| p.location == "path")
                .map(|p| p.name.as_str())
                .collect();
            assert_eq!(
                path_params,
                s.path_params.iter().copied().collect(),
                "{}: path parameters",
                s.name
            );

            let query_names: BTreeSet<&str> = params
                .iter()
                .filter(|p| p.location == "query")
                .map(|p| p.name.as_str())
                .collect();
            for p in params
                .iter()
                .filter(|p| p.location == "query" && p.required)
            {
                assert!(
                    s.required_query.contains(&p.name.as_str()),
                    "{}: the spec requires query `{}`",
                    s.name,
                    p.name
                );
            }
            for q in s.required_query {
                let root = q.split('[').next().unwrap_or(q);
                assert!(
                    query_names.contains(q) || query_names.contains(root),
                    "{}: `{q}` is not a query parameter of the spec",
                    s.name
                );
            }

            assert_eq!(spec_op.has_body, s.has_body, "{}: request body", s.name);
            if let Some(schema) = &spec_op.body_schema {
                let required: BTreeSet<&str> = spec
                    .schema_required
                    .get(schema)
                    .unwrap_or_else(|| panic!("{}: schema {schema} not found", s.name))
                    .iter()
                    .map(String::as_str)
                    .collect();
                assert_eq!(
                    required,
                    s.required_body.iter().copied().collect(),
                    "{}: required body fields ({schema})",
                    s.name
                );
            }
        }
    }

    // ---------------------------------------------------------------------------------
    // Request building.

    /// A body with every required field, valid for the pre-flight checks.
    fn sample_body(op: Operation) -> Option<Value> {
        let s = op.spec();
        if !s.has_body {
            return None;
        }
        let mut body = serde_json::Map::new();
        for field in s.required_body {
            let value = match *field {
                "to" => json!("+13125550101"),
                "phoneNumbers"
                | "whitelisted_destinations"
                | "numbers"
                | "optInWorkflowImageURLs" => json!([]),
                _ => json!("x"),
            };
            body.insert((*field).to_owned(), value);
        }
        if op.spec().preflight == smsedge_core::api::Preflight::Message {
            body.insert("text".into(), json!("Hello"));
            if op != Operation::MessagesSendNumberPool {
                body.insert("from".into(), json!("+13125550100"));
            }
        }
        Some(Value::Object(body))
    }

    fn sample_args(op: Operation) -> Vec<&'static str> {
        op.spec()
            .path_params
            .iter()
            .map(|p| {
                if *p == "phoneNumber" {
                    "+13125550100"
                } else {
                    "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e"
                }
            })
            .collect()
    }

    fn sample_query(op: Operation) -> Option<Value> {
        (op == Operation::Messaging10dlcCampaignList).then(|| json!({ "brandId": "BRAND1" }))
    }

    #[test]
    fn api_every_operation_builds_a_request() {
        let config = config();
        for op in Operation::ALL.iter().copied() {
            let s = op.spec();
            let args = sample_args(op);
            let req = build_request(
                op,
                &args,
                sample_query(op).map(Json::from).as_ref(),
                sample_body(op).map(Json::from).as_ref(),
                &config,
            )
            .unwrap_or_else(|e| panic!("{}: {e}", s.name));
            assert_eq!(req.method.as_str(), s.method.as_str());
            let expected_path = s.path.replace("{phoneNumber}", "%2B13125550100").replace(
                &format!("{{{}}}", s.path_params.first().unwrap_or(&"")),
                "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
            );
            let url_path = req.url.split('?').next().unwrap();
            assert_eq!(
                url_path,
                format!("https://api.telnyx.com/v2{expected_path}"),
                "{}",
                s.name
            );
            assert_eq!(
                req.header("authorization"),
                Some(format!("Bearer {KEY}").as_str())
            );
            assert_eq!(req.header("accept"), Some("application/json"));
            assert_eq!(
                req.header("content-type").is_some(),
                s.has_body,
                "{}",
                s.name
            );
            assert_eq!(req.body.is_some(), s.has_body, "{}", s.name);
            if let Some(body) = &req.body {
                let parsed: Value = serde_json::from_str(body).unwrap();
                for field in s.required_body {
                    assert!(parsed.get(*field).is_some(), "{}: {field}", s.name);
                }
            }
            for q in s.required_query {
                let mut encoded = String::new();
                smsedge_core::api::percent_encode_into(q, &mut encoded);
                assert!(
                    req.url.contains(&format!("{encoded}=")),
                    "{}: {} lacks {q}",
                    s.name,
                    req.url
                );
            }
        }
    }

    #[test]
    fn api_query_encoding_and_defaults() {
        let config = config();
        let q = json!({ "page": { "number": 3, "size": 250 }, "filter": { "type": "longcode", "phone_number": { "contains": "+1312" } } });
        let req = build_request(
            Operation::PhoneNumbersMessagingList,
            &[],
            Some(&Json::from(&q)),
            None,
            &config,
        )
        .unwrap();
        assert_eq!(
            req.url,
            "https://api.telnyx.com/v2/phone_numbers/messaging?filter%5Bphone_number%5D%5Bcontains%5D=%2B1312&filter%5Btype%5D=longcode&page%5Bnumber%5D=3&page%5Bsize%5D=250"
        );
        // Flat bracketed keys, as telnyx-node takes them, give the same wire form.
        let flat = json!({ "page[number]": 3, "page[size]": 250 });
        let req = build_request(
            Operation::PortingEventsList,
            &[],
            Some(&Json::from(&flat)),
            None,
            &config,
        )
        .unwrap();
        assert_eq!(
            req.url,
            "https://api.telnyx.com/v2/porting/events?page%5Bnumber%5D=3&page%5Bsize%5D=250"
        );

        let req = build_request(Operation::DetailRecordsList, &[], None, None, &config).unwrap();
        assert_eq!(
            req.url,
            "https://api.telnyx.com/v2/detail_records?filter%5Brecord_type%5D=messaging"
        );
        let q = json!({ "filter": { "record_type": "messaging", "date_range": "last_7_days" }, "sort": ["-created_at"] });
        let req = build_request(
            Operation::DetailRecordsList,
            &[],
            Some(&Json::from(&q)),
            None,
            &config,
        )
        .unwrap();
        assert_eq!(
            req.url,
            "https://api.telnyx.com/v2/detail_records?filter%5Bdate_range%5D=last_7_days&filter%5Brecord_type%5D=messaging&sort=-created_at"
        );

        let req = build_request(
            Operation::MessagingTollfreeVerificationRequestsList,
            &[],
            None,
            None,
            &config,
        )
        .unwrap();
        assert_eq!(
            req.url,
            "https://api.telnyx.com/v2/messaging_tollfree/verification/requests?page=1&page_size=20"
        );

        let err = build_request(
            Operation::Messaging10dlcCampaignList,
            &[],
            None,
            None,
            &config,
        )
        .unwrap_err();
        assert_eq!(err.code(), "invalid_argument");
        assert!(err.to_string().contains("brandId"), "{err}");
        let err = build_request(
            Operation::Messaging10dlcCampaignList,
            &[],
            Some(&Json::from(json!({"brandId": ""}))),
            None,
            &config,
        )
        .unwrap_err();
        assert_eq!(err.code(), "invalid_argument");

        let q = json!({ "include_phone_numbers": true, "skip": null });
        let req = build_request(
            Operation::PortingOrdersRetrieve,
            &["6a09cdc3-8948-47f0-aa62-74ac943d6c58"],
            Some(&Json::from(&q)),
            None,
            &config,
        )
        .unwrap();
        assert_eq!(
            req.url,
            "https://api.telnyx.com/v2/porting_orders/6a09cdc3-8948-47f0-aa62-74ac943d6c58?include_phone_numbers=true"
        );
    }

    #[test]
    fn api_path_arguments_are_one_encoded_segment() {
        let config = config();
        let req = build_request(
            Operation::PhoneNumbersMessagingRetrieve,
            &["+1 (312) 555-0100"],
            None,
            None,
            &config,
        )
        .unwrap();
        assert_eq!(
            req.url,
            "https://api.telnyx.com/v2/phone_numbers/%2B1%20%28312%29%20555-0100/messaging"
        );
        let req = build_request(
            Operation::MessagesRetrieve,
            &["../messaging_profiles"],
            None,
            None,
            &config,
        )
        .unwrap();
        assert_eq!(
            req.url,
            "https://api.telnyx.com/v2/messages/..%2Fmessaging_profiles"
        );
        for bad in ["", " ", ".", ".."] {
            let err = build_request(Operation::MessagesRetrieve, &[bad], None, None, &config)
                .unwrap_err();
            assert_eq!(err.code(), "invalid_argument", "{bad:?}");
        }
        let err = build_request(Operation::MessagesRetrieve, &[], None, None, &config).unwrap_err();
        assert_eq!(err.code(), "invalid_argument");
        let err = build_request(
            Operation::MessagesRetrieve,
            &["a", "b"],
            None,
            None,
            &config,
        )
        .unwrap_err();
        assert_eq!(err.code(), "invalid_argument");
    }

    #[test]
    fn api_bodies() {
        let config = config();
        let err = build_request(
            Operation::MessagesRetrieve,
            &["x1"],
            None,
            Some(&Json::from(json!({"a": 1}))),
            &config,
        )
        .unwrap_err();
        assert_eq!(err.code(), "invalid_argument");
        let err = build_request(
            Operation::PortingOrdersUpdate,
            &["x1"],
            None,
            Some(&Json::from(json!([1]))),
            &config,
        )
        .unwrap_err();
        assert_eq!(err.code(), "invalid_argument");
        let err = build_request(
            Operation::PortingOrdersList,
            &[],
            Some(&Json::from(json!("page=2"))),
            None,
            &config,
        )
        .unwrap_err();
        assert_eq!(err.code(), "invalid_argument");
        let err = build_request(
            Operation::MessagingProfilesCreate,
            &[],
            None,
            Some(&Json::from(json!({"name": "x"}))),
            &config,
        )
        .unwrap_err();
        assert!(
            err.to_string().contains("whitelisted_destinations"),
            "{err}"
        );
        let err = build_request(
            Operation::MessagingProfilesCreate,
            &[],
            None,
            Some(&Json::from(
                json!({"name": "x", "whitelisted_destinations": null}),
            )),
            &config,
        )
        .unwrap_err();
        assert_eq!(err.code(), "invalid_argument");

        // No body given where one is taken: `{}`.
        let req = build_request(Operation::PortabilityChecksRun, &[], None, None, &config).unwrap();
        assert_eq!(req.body.as_deref(), Some("{}"));
        // The porting messaging activation, as seed 000 sends it.
        let body = json!({ "messaging": { "enable_messaging": true } });
        let req = build_request(
            Operation::PortingOrdersUpdate,
            &["6a09cdc3-8948-47f0-aa62-74ac943d6c58"],
            None,
            Some(&Json::from(&body)),
            &config,
        )
        .unwrap();
        assert_eq!(req.method, Method::Patch);
        assert_eq!(
            req.body.as_deref(),
            Some(r#"{"messaging":{"enable_messaging":true}}"#)
        );
        // Republish: a POST without a body or Content-Type.
        let req = build_request(
            Operation::PortingEventsRepublish,
            &["da7989d5-ffeb-47b5-9dc4-4a177a4094b0"],
            None,
            None,
            &config,
        )
        .unwrap();
        assert_eq!(
            (req.method, req.body.as_deref(), req.header("content-type")),
            (Method::Post, None, None)
        );
        // Unknown and snake_case wire fields pass through untouched.
        let body = json!({ "smart_encoding": true, "future_field": { "x": 1 } });
        let req = build_request(
            Operation::MessagingProfilesUpdate,
            &["p1"],
            None,
            Some(&Json::from(&body)),
            &config,
        )
        .unwrap();
        assert_eq!(
            serde_json::from_str::<Value>(req.body.as_deref().unwrap()).unwrap(),
            body
        );
    }

    #[test]
    fn api_proxy_base_url_without_a_key() {
        let mut config = ClientConfig::new(None, Some("/api/telnyx/")).unwrap();
        config.user_agent = Some(smsedge_core::api::DEFAULT_USER_AGENT.to_owned());
        let req = build_request(Operation::MessagesRetrieve, &["m1"], None, None, &config).unwrap();
        assert_eq!(req.url, "/api/telnyx/messages/m1");
        assert_eq!(req.header("authorization"), None);
        assert!(req.header("user-agent").unwrap().starts_with("smsedge/"));
        let config = ClientConfig::new(Some(KEY), Some("http://127.0.0.1:4010")).unwrap();
        let req = build_request(Operation::MessagesRetrieve, &["m1"], None, None, &config).unwrap();
        assert_eq!(req.url, "http://127.0.0.1:4010/messages/m1");

        let mut bad = ClientConfig::new(None, None).unwrap();
        bad.timeout_ms = 0;
        assert_eq!(
            build_request(Operation::MessagesRetrieve, &["m1"], None, None, &bad)
                .unwrap_err()
                .code(),
            "invalid_config"
        );
        let mut bad = ClientConfig::new(None, None).unwrap();
        bad.user_agent = Some("x\r\nInjected: 1".into());
        assert_eq!(
            build_request(Operation::MessagesRetrieve, &["m1"], None, None, &bad)
                .unwrap_err()
                .code(),
            "invalid_config"
        );
        let mut bad = ClientConfig::new(None, None).unwrap();
        bad.retry.max_retries = 11;
        assert_eq!(
            build_request(Operation::MessagesRetrieve, &["m1"], None, None, &bad)
                .unwrap_err()
                .code(),
            "invalid_config"
        );
    }

    // ---------------------------------------------------------------------------------
    // Pre-flight checks.

    fn send(body: Value) -> Result<(), ApiError> {
        send_with(body, &config())
    }

    fn send_with(body: Value, config: &ClientConfig) -> Result<(), ApiError> {
        build_request(
            Operation::MessagesSend,
            &[],
            None,
            Some(&Json::from(&body)),
            config,
        )
        .map(|_| ())
    }

    fn telnyx_code(result: Result<(), ApiError>) -> Option<u32> {
        match result {
            Err(ApiError::Validation { telnyx_code, .. }) => Some(telnyx_code),
            Err(other) => panic!("not a validation error: {other:?}"),
            Ok(()) => None,
        }
    }

    #[test]
    fn api_preflight_addresses() {
        let base = |to: &str, from: &str| json!({ "to": to, "from": from, "text": "Hi" });
        assert_eq!(
            telnyx_code(send(base("+13125550101", "+13125550100"))),
            None
        );
        assert_eq!(telnyx_code(send(base("12345", "+13125550100"))), None);
        assert_eq!(telnyx_code(send(base("+13125550101", "Telnyx"))), None);
        assert_eq!(telnyx_code(send(base("+13125550101", "12345"))), None);
        for to in [
            "3125550101",
            "+1 312 555 0101",
            "+0312555010",
            "+1",
            "Telnyx",
            "+1312555010112345",
        ] {
            assert_eq!(
                telnyx_code(send(base(to, "+13125550100"))),
                Some(40310),
                "to {to:?}"
            );
        }
        // A missing `to` is a missing required field, caught before the address check.
        assert_eq!(
            send(json!({ "from": "+13125550100", "text": "Hi" }))
                .unwrap_err()
                .code(),
            "invalid_argument"
        );
        assert_eq!(
            telnyx_code(send(json!({ "to": 13125550101u64, "text": "Hi" }))),
            Some(40310)
        );
        for from in ["13125550100", "+1-312-555-0100", "+12"] {
            assert_eq!(
                telnyx_code(send(base("+13125550101", from))),
                Some(40310),
                "from {from:?}"
            );
        }
        for from in ["", "MyBrandIsTooLong", "Brand!", "Bränd", "12 34"] {
            assert_eq!(
                telnyx_code(send(base("+13125550101", from))),
                Some(40325),
                "from {from:?}"
            );
        }
        // Number pool: `from` is not read (the pool picks it), `to` still is.
        let pool = |body: Value| {
            build_request(
                Operation::MessagesSendNumberPool,
                &[],
                None,
                Some(&Json::from(&body)),
                &config(),
            )
            .map(|_| ())
        };
        assert!(pool(json!({ "to": "+13125550101", "messaging_profile_id": "p", "text": "Hi", "from": "bad!" })).is_ok());
        assert_eq!(
            telnyx_code(pool(
                json!({ "to": "bad", "messaging_profile_id": "p", "text": "Hi" })
            )),
            Some(40310)
        );
        let schedule = |body: Value| {
            build_request(
                Operation::MessagesSchedule,
                &[],
                None,
                Some(&Json::from(&body)),
                &config(),
            )
            .map(|_| ())
        };
        assert_eq!(
            telnyx_code(schedule(
                json!({ "to": "+13125550101", "from": "TooLongSender1", "text": "Hi" })
            )),
            Some(40325)
        );
    }

    #[test]
    fn api_preflight_content() {
        let msg = |extra: Value| {
            let mut body = json!({ "to": "+13125550101", "from": "+13125550100" });
            for (k, v) in extra.as_object().unwrap() {
                body[k] = v.clone();
            }
            send(body)
        };
        assert_eq!(telnyx_code(msg(json!({}))), Some(40316));
        assert_eq!(telnyx_code(msg(json!({ "text": "" }))), Some(40316));
        assert_eq!(
            telnyx_code(msg(json!({ "text": "", "media_urls": [] }))),
            Some(40316)
        );
        assert_eq!(
            telnyx_code(msg(json!({ "media_urls": ["https://e.example/a.jpg"] }))),
            None
        );
        assert_eq!(
            telnyx_code(msg(
                json!({ "text": "Hi", "media_urls": ["https://e.example/a.jpg"], "type": "MMS" })
            )),
            None
        );
        assert_eq!(
            telnyx_code(msg(
                json!({ "text": "Hi", "media_urls": ["https://e.example/a.jpg"], "type": "SMS" })
            )),
            Some(40304)
        );
        assert_eq!(
            telnyx_code(msg(json!({ "text": "Hi", "type": "MMS" }))),
            Some(40304)
        );
        let eleven: Vec<String> = (0..11)
            .map(|i| format!("https://e.example/{i}.jpg"))
            .collect();
        assert_eq!(
            telnyx_code(msg(json!({ "media_urls": eleven }))),
            Some(40317)
        );
        assert_eq!(
            msg(json!({ "text": 5 })).unwrap_err().code(),
            "invalid_argument"
        );
        assert_eq!(
            msg(json!({ "text": "Hi", "media_urls": "https://e.example/a.jpg" }))
                .unwrap_err()
                .code(),
            "invalid_argument"
        );
        assert_eq!(
            msg(json!({ "text": "Hi", "type": "sms" }))
                .unwrap_err()
                .code(),
            "invalid_argument"
        );
        assert_eq!(
            msg(json!({ "text": "Hi", "encoding": "latin1" }))
                .unwrap_err()
                .code(),
            "invalid_argument"
        );
    }

    #[test]
    fn api_preflight_segments_and_encoding() {
        let msg = |text: String, extra: Value| {
            let mut body = json!({ "to": "+13125550101", "from": "+13125550100", "text": text });
            for (k, v) in extra.as_object().unwrap() {
                body[k] = v.clone();
            }
            send(body)
        };
        // GSM-7: 10 × 153 septets fit, one more does not.
        assert_eq!(telnyx_code(msg("a".repeat(1530), json!({}))), None);
        assert_eq!(telnyx_code(msg("a".repeat(1531), json!({}))), Some(40302));
        // UCS-2: 10 × 67.
        assert_eq!(telnyx_code(msg("你".repeat(670), json!({}))), None);
        assert_eq!(telnyx_code(msg("你".repeat(671), json!({}))), Some(40302));
        // An MMS has no segment limit.
        assert_eq!(
            telnyx_code(msg(
                "a".repeat(2000),
                json!({ "media_urls": ["https://e.example/a.jpg"] })
            )),
            None
        );
        // Curly apostrophes: 11 UCS-2 segments, or 5 GSM-7 ones after smart encoding.
        let curly = "’".repeat(700);
        assert_eq!(
            telnyx_code(msg(curly.clone(), json!({}))),
            None,
            "unknown profile setting: not rejected"
        );
        assert_eq!(
            telnyx_code(msg(curly.clone(), json!({ "encoding": "gsm7" }))),
            None
        );
        assert_eq!(
            telnyx_code(msg(curly.clone(), json!({ "encoding": "ucs2" }))),
            Some(40302)
        );
        let mut off = config();
        off.smart_encoding = Some(false);
        let body = json!({ "to": "+13125550101", "from": "+13125550100", "text": curly });
        assert_eq!(telnyx_code(send_with(body.clone(), &off)), Some(40302));
        off.smart_encoding = Some(true);
        assert_eq!(telnyx_code(send_with(body, &off)), None);
        // encoding gsm7 that smart encoding cannot honour.
        let err = msg("Hi 你好".into(), json!({ "encoding": "gsm7" })).unwrap_err();
        assert_eq!(
            err,
            ApiError::NotGsm7 {
                index: 3,
                code_point: 0x4F60
            }
        );
        assert_eq!(err.code(), "not_gsm7");
        // encoding gsm7 with only characters smart encoding removes: no content.
        assert_eq!(
            telnyx_code(msg(
                "\u{200B}\u{FEFF}".into(),
                json!({ "encoding": "gsm7" })
            )),
            Some(40316)
        );
        // Short codes count in ASCII-7: `é` is GSM-7 but not ASCII, so it forces UCS-2.
        let sc = json!({ "to": "+13125550101", "from": "12345", "text": "é".repeat(671) });
        assert_eq!(telnyx_code(send(sc)), Some(40302));
        let lc = json!({ "to": "+13125550101", "from": "+13125550100", "text": "é".repeat(671) });
        assert_eq!(telnyx_code(send(lc)), None);
    }

    #[test]
    fn api_preflight_can_be_turned_off() {
        let mut config = config();
        config.preflight = false;
        let body = json!({ "to": "not-a-number", "text": "" });
        assert!(send_with(body, &config).is_ok());
        // Required fields are still required.
        assert_eq!(
            send_with(json!({ "text": "x" }), &config)
                .unwrap_err()
                .code(),
            "invalid_argument"
        );
    }

    #[test]
    fn api_validation_errors_carry_the_telnyx_code() {
        let err = send(json!({ "to": "+13125550101", "from": "Brand!", "text": "x" })).unwrap_err();
        assert_eq!(err.code(), "validation");
        assert_eq!(err.telnyx_code().as_deref(), Some("40325"));
        assert!(matches!(err, ApiError::Validation { field: "from", .. }));
        assert!(err.to_string().ends_with("(Telnyx error 40325)"), "{err}");
    }

    // ---------------------------------------------------------------------------------
    // Responses.

    #[test]
    fn api_success_bodies_are_kept_as_sent() {
        let config = config();
        let headers =
            Headers::from_pairs([("X-Request-Id", "req_1"), ("x-ratelimit-remaining", "99")]);
        let body = br#"{"data":{"id":"m1","to":[{"status":"queued"}],"unknown_field":{"x":1}},"meta":{"extra":true}}"#;
        let resp = parse_response(
            Operation::MessagesSend,
            200,
            &headers,
            body,
            1,
            None,
            &config,
        )
        .unwrap();
        assert_eq!(
            Value::from(&resp.body),
            serde_json::from_slice::<Value>(body).unwrap()
        );
        assert_eq!(resp.request_id.as_deref(), Some("req_1"));
        assert_eq!(resp.rate_limit.unwrap().remaining, Some(99));
        // DELETE /messages/{id}: the bare message.
        assert_eq!(
            Operation::MessagesCancelScheduled.spec().response,
            ResponseShape::Bare
        );
        let resp = parse_response(
            Operation::MessagesCancelScheduled,
            200,
            &Headers::new(),
            br#"{"id":"m1","record_type":"message"}"#,
            2,
            None,
            &config,
        )
        .unwrap();
        assert_eq!(
            (
                resp.body.get("record_type").and_then(Json::as_str),
                resp.attempts
            ),
            (Some("message"), 2)
        );
        // 204 and empty bodies.
        let resp = parse_response(
            Operation::PortingEventsRepublish,
            204,
            &Headers::new(),
            b"",
            1,
            None,
            &config,
        )
        .unwrap();
        assert_eq!(resp.body, Json::Null);
        let resp = parse_response(
            Operation::MessagingTollfreeVerificationRequestsDelete,
            200,
            &Headers::new(),
            b"  \n",
            1,
            None,
            &config,
        )
        .unwrap();
        assert_eq!(resp.body, Json::Null);
        let resp = parse_response(
            Operation::PortabilityChecksRun,
            201,
            &Headers::new(),
            br#"{"data":[]}"#,
            1,
            None,
            &config,
        )
        .unwrap();
        assert_eq!(resp.status, 201);
        // A 2xx that is not JSON.
        let err = parse_response(
            Operation::MessagesRetrieve,
            200,
            &Headers::new(),
            b"<html>login</html>",
            1,
            None,
            &config,
        )
        .unwrap_err();
        assert_eq!((err.code(), err.status()), ("invalid_response", Some(200)));
        // 3xx is not a success either.
        let err = parse_response(
            Operation::MessagesRetrieve,
            302,
            &Headers::new(),
            b"",
            1,
            None,
            &config,
        )
        .unwrap_err();
        assert_eq!(err.code(), "http_error");
    }

    fn vectors_dir() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/api-errors")
    }

    fn check_error_object(name: &str, got: &smsedge_core::api::ErrorObject, want: &Value) {
        let opt = |v: &Option<String>| v.clone().map_or(Value::Null, Value::String);
        for (field, actual) in [
            ("code", opt(&got.code)),
            ("title", opt(&got.title)),
            ("detail", opt(&got.detail)),
        ] {
            if let Some(expected) = want.get(field) {
                assert_eq!(&actual, expected, "{name}: {field}");
            }
        }
        let src = got.source.clone().unwrap_or_default();
        if let Some(expected) = want.get("pointer") {
            assert_eq!(opt(&src.pointer), *expected, "{name}: pointer");
        }
        if let Some(expected) = want.get("parameter") {
            assert_eq!(opt(&src.parameter), *expected, "{name}: parameter");
        }
        if let Some(expected) = want.get("meta") {
            assert_eq!(
                got.meta.as_ref().map(Value::from).as_ref(),
                Some(expected),
                "{name}: meta"
            );
        }
    }

    #[test]
    fn api_error_vectors() {
        let manifest: Value = serde_json::from_str(
            &std::fs::read_to_string(vectors_dir().join("cases.json")).unwrap(),
        )
        .unwrap();
        let cases = manifest["cases"].as_array().unwrap();
        assert!(cases.len() >= 15);
        for case in cases {
            let name = case["name"].as_str().unwrap();
            let body = std::fs::read(vectors_dir().join(case["file"].as_str().unwrap())).unwrap();
            let status = u16::try_from(case["status"].as_u64().unwrap()).unwrap();
            let headers = Headers::from_pairs(
                case["headers"]
                    .as_object()
                    .unwrap()
                    .iter()
                    .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_owned())),
            );
            let now = case.get("now_unix_ms").and_then(Value::as_u64);
            let key = case.get("api_key").and_then(Value::as_str);
            let config = ClientConfig::new(key, None).unwrap();
            let expect = &case["expect"];

            let err = match parse_response(
                Operation::MessagesRetrieve,
                status,
                &headers,
                &body,
                3,
                now,
                &config,
            ) {
                Err(ApiError::Http(err)) => *err,
                other => panic!("{name}: {other:?}"),
            };
            assert_eq!(err.status, status, "{name}");
            assert_eq!(err.attempts, 3, "{name}");
            assert_eq!(
                err.code.clone().map_or(Value::Null, Value::String),
                expect["code"],
                "{name}: code"
            );
            let want_errors = expect["errors"].as_array().unwrap();
            assert_eq!(
                err.errors.len(),
                want_errors.len(),
                "{name}: {:?}",
                err.errors
            );
            for (got, want) in err.errors.iter().zip(want_errors) {
                check_error_object(name, got, want);
            }
            if let Some(id) = expect.get("request_id") {
                assert_eq!(err.request_id.as_deref(), id.as_str(), "{name}");
            }
            if let Some(ms) = expect.get("retry_after_ms") {
                assert_eq!(err.retry_after_ms, ms.as_u64(), "{name}");
            }
            if let Some(raw) = expect.get("raw_body") {
                assert_eq!(err.raw_body, raw.as_str().unwrap(), "{name}");
            }
            if let Some(rl) = expect.get("rate_limit") {
                let got = err
                    .rate_limit
                    .unwrap_or_else(|| panic!("{name}: no rate limit"));
                for (field, actual) in [
                    ("limit", got.limit),
                    ("remaining", got.remaining),
                    ("reset", got.reset),
                    ("reset_in_secs", got.reset_in_secs),
                ] {
                    if let Some(expected) = rl.get(field) {
                        assert_eq!(actual, expected.as_u64(), "{name}: rate_limit.{field}");
                    }
                }
            }
            let retryable = |method: Method| {
                let outcome = smsedge_core::api::Outcome::Response {
                    status,
                    headers: &headers,
                    error_code: err.code.as_deref(),
                };
                matches!(
                    smsedge_core::api::decide(&config.retry, method, 1, &outcome, 0.5, now),
                    smsedge_core::api::RetryDecision::Retry { .. }
                )
            };
            if let Some(r) = expect.get("retryable").and_then(Value::as_bool) {
                assert_eq!(retryable(Method::Post), r, "{name}: POST retryable");
                assert_eq!(retryable(Method::Get), r, "{name}: GET retryable");
            }
            if let Some(r) = expect.get("retryable_get").and_then(Value::as_bool) {
                assert_eq!(retryable(Method::Get), r, "{name}: GET retryable");
            }
            if let Some(r) = expect.get("retryable_post").and_then(Value::as_bool) {
                assert_eq!(retryable(Method::Post), r, "{name}: POST retryable");
            }
            // The message is one line and says what happened.
            let message = err.to_string();
            assert!(
                message.starts_with(&format!("Telnyx API error {status}")),
                "{message}"
            );
            assert!(!message.contains('\n'), "{message}");
            if let Some(key) = key {
                let everything = format!(
                    "{err:?} {message} {}",
                    ApiError::Http(Box::new(err.clone()))
                );
                assert!(
                    !everything.contains(key),
                    "{name}: the key leaked: {everything}"
                );
                assert!(err.raw_body.contains("<redacted>"), "{name}");
            }
        }
    }

    #[test]
    fn api_error_messages() {
        let parse = |status, body: &str| {
            TelnyxApiError::parse(status, &Headers::new(), body.as_bytes(), None).to_string()
        };
        assert_eq!(
            parse(401, ""),
            "Telnyx API error 401 Unauthorized (empty body)"
        );
        assert_eq!(
            parse(502, "<html>"),
            "Telnyx API error 502 Bad Gateway (body not understood; see rawBody)"
        );
        assert_eq!(
            parse(
                403,
                r#"{"errors":[{"code":"40300","title":"Forbidden","detail":"STOP"},{"code":"1"}]}"#
            ),
            "Telnyx API error 403 Forbidden: 40300 Forbidden STOP (and 1 more)"
        );
        assert_eq!(parse(599, r#"{"message":"x"}"#), "Telnyx API error 599: x");
    }

    fn arb_json() -> impl proptest::strategy::Strategy<Value = Value> {
        use proptest::prelude::*;
        let key = prop::sample::select(vec![
            "errors",
            "code",
            "title",
            "detail",
            "source",
            "pointer",
            "parameter",
            "meta",
            "field",
            "message",
            "msg",
            "loc",
            "type",
            "error",
            "x",
        ]);
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<f64>()
                .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
            prop_oneof![Just(KEY.to_owned()), ".{0,12}"].prop_map(Value::from),
        ];
        leaf.prop_recursive(4, 48, 6, move |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::btree_map(key.clone(), inner, 0..5).prop_map(|m| Value::Object(
                    m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
                )),
            ]
        })
    }

    proptest::proptest! {
        #[test]
        fn api_error_parser_takes_any_json(body in arb_json(), status in 400u16..600) {
            let config = config();
            let bytes = serde_json::to_vec(&body).unwrap();
            let err = match parse_response(Operation::MessagesSend, status, &Headers::new(), &bytes, 1, None, &config) {
                Err(ApiError::Http(err)) => err,
                other => panic!("{other:?}"),
            };
            proptest::prop_assert_eq!(&err.code, &err.errors.iter().find_map(|e| e.code.clone()));
            let shown = format!("{err} {err:?}");
            proptest::prop_assert!(!shown.contains(KEY), "{}", shown);
        }

        #[test]
        fn api_error_parser_takes_any_bytes(body in proptest::collection::vec(proptest::num::u8::ANY, 0..256), status in 0u16..1000) {
            let err = TelnyxApiError::parse(status, &Headers::new(), &body, Some(0));
            proptest::prop_assert_eq!(err.raw_body, String::from_utf8_lossy(&body));
        }
    }

    // ---------------------------------------------------------------------------------
    // The API key never shows.

    #[test]
    fn api_key_is_never_shown() {
        let config = config();
        let body = json!({ "to": "+13125550101", "from": "+13125550100", "text": "Hi" });
        let req = build_request(
            Operation::MessagesSend,
            &[],
            None,
            Some(&Json::from(&body)),
            &config,
        )
        .unwrap();
        // It is on the wire…
        assert_eq!(
            req.header("Authorization"),
            Some(format!("Bearer {KEY}").as_str())
        );
        // …and nowhere else.
        let mut shown = vec![
            format!("{config:?}"),
            format!("{config:#?}"),
            format!("{req:?}"),
            format!("{req:#?}"),
            format!("{:?}", config.api_key()),
        ];
        let errors = [
            build_request(
                Operation::MessagesSend,
                &[],
                None,
                Some(&Json::from(json!({ "to": "x", "text": "x" }))),
                &config,
            )
            .unwrap_err(),
            build_request(Operation::MessagesRetrieve, &[], None, None, &config).unwrap_err(),
            ClientConfig::new(Some(&format!("{KEY} x")), None).unwrap_err(),
            ClientConfig::new(Some(&format!("{KEY}\n")), Some(&format!("ftp://{KEY}")))
                .unwrap_err(),
        ];
        for err in &errors {
            shown.push(format!("{err} {err:?}"));
        }
        let echo = format!(
            r#"{{"errors":[{{"code":"1","title":"{KEY}","detail":"Bearer {KEY}","source":{{"pointer":"/{KEY}"}},"meta":{{"h":"{KEY}"}}}}]}}"#
        );
        let headers = Headers::from_pairs([("x-request-id", KEY)]);
        let err = parse_response(
            Operation::MessagesSend,
            401,
            &headers,
            echo.as_bytes(),
            1,
            None,
            &config,
        )
        .unwrap_err();
        shown.push(format!("{err} {err:?}"));
        let ok = parse_response(
            Operation::MessagesSend,
            200,
            &headers,
            b"{}",
            1,
            None,
            &config,
        )
        .unwrap();
        shown.push(format!("{ok:?}"));
        for s in &shown {
            assert!(!s.contains(KEY), "the key leaked: {s}");
        }
    }
}
