//! `checkCampaign` and `checkTollFreeVerification`: the compliance checker for JavaScript.

use smsedge_core::compliance::{self as core, Json};
use wasm_bindgen::prelude::*;

use crate::error::Error;
use crate::js::{object, type_name};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** The body of POST /v2/10dlc/campaignBuilder, plus the brand's names. Every field is optional to the checker. */
export interface CampaignInput {
  usecase?: string;
  description?: string;
  sample1?: string;
  sample2?: string;
  sample3?: string;
  sample4?: string;
  sample5?: string;
  messageFlow?: string;
  helpMessage?: string;
  optinKeywords?: string;
  optoutKeywords?: string;
  helpKeywords?: string;
  optinMessage?: string;
  optoutMessage?: string;
  embeddedLink?: boolean;
  embeddedPhone?: boolean;
  numberPool?: boolean;
  ageGated?: boolean;
  directLending?: boolean;
  /** The brand's name as registered; defaults to `brand.displayName`. */
  brandName?: string;
  /** Other names the brand goes by (a DBA, a short name). */
  brandAliases?: string[];
  /** The brand registration body, when you have it. */
  brand?: BrandInput;
  [field: string]: unknown;
}

/** The body of POST /v2/10dlc/brand (the fields the checker reads). */
export interface BrandInput {
  entityType?: string;
  displayName?: string;
  companyName?: string;
  firstName?: string;
  lastName?: string;
  ein?: string;
  phone?: string;
  mobilePhone?: string;
  email?: string;
  street?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  country?: string;
  website?: string;
  vertical?: string;
  stockSymbol?: string;
  stockExchange?: string;
  pinSms?: string;
  successSms?: string;
  [field: string]: unknown;
}

/** The body of a Telnyx toll-free verification request (the fields the checker reads). */
export interface TollFreeVerificationInput {
  businessName?: string;
  corporateWebsite?: string;
  businessAddr1?: string;
  businessAddr2?: string;
  businessCity?: string;
  businessState?: string;
  businessZip?: string;
  businessContactFirstName?: string;
  businessContactLastName?: string;
  businessContactEmail?: string;
  businessContactPhone?: string;
  messageVolume?: string;
  phoneNumbers?: Array<{ phoneNumber: string } | string>;
  useCase?: string;
  useCaseSummary?: string;
  productionMessageContent?: string;
  optInWorkflow?: string;
  optInWorkflowImageURLs?: Array<{ url: string } | string>;
  additionalInformation?: string;
  isvReseller?: string;
  businessRegistrationNumber?: string;
  businessRegistrationType?: string;
  businessRegistrationCountry?: string;
  entityType?: string;
  doingBusinessAs?: string;
  helpMessageResponse?: string;
  optInConfirmationResponse?: string;
  ageGatedContent?: boolean;
  privacyPolicyURL?: string;
  termsAndConditionURL?: string;
  [field: string]: unknown;
}

export type Severity = "error" | "warning" | "info";

export interface Finding {
  /** The stable rule ID, e.g. "SMP-OPTOUT-NONE". */
  rule: string;
  severity: Severity;
  /** The input field, e.g. "sample2" or "messageFlow". */
  field: string;
  /** What is wrong, in plain words. */
  message: string;
  /** What to write instead. */
  fix: string;
  /** The offending text: UTF-16 `start`/`end` into that field, or null. */
  evidence: { start: number; end: number; text: string } | null;
  /** Other fields with the same problem (a rule is reported once per submission). */
  also: string[];
}

export interface SampleEncoding {
  field: string;
  encoding: Encoding;
  segments: number;
  units: number;
}

export interface ComplianceReport {
  /** Errors first, then warnings, then advice. */
  findings: Finding[];
  errorCount: number;
  warningCount: number;
  samples: SampleEncoding[];
}
"#;

/// Reads a JS value as the JSON the core checks: `JSON.stringify`, then
/// [`Json::parse_strict`] (`serde_json`'s rules and error wording, without its code).
fn json(value: &JsValue, what: &str) -> Result<Json, Error> {
    if value.is_undefined() || value.is_function() || value.is_symbol() {
        return Err(Error::invalid_argument(format!(
            "{what} must be an object, got {}",
            type_name(value)
        )));
    }
    let text = js_sys::JSON::stringify(value).map_err(|_| {
        Error::invalid_argument(format!(
            "{what} cannot be read as JSON (a cycle or a BigInt?)"
        ))
    })?;
    let text = String::from(text);
    Json::parse_strict(&text)
        .map_err(|e| Error::invalid_argument(format!("{what} cannot be read as JSON: {e}")))
}

fn report(r: &core::Report) -> JsValue {
    let count = |n: usize| JsValue::from_f64(n as f64);
    let findings = js_sys::Array::new();
    for f in &r.findings {
        let evidence = f.evidence.as_ref().map_or(JsValue::NULL, |e| {
            object(&[
                ("start", count(e.start)),
                ("end", count(e.end)),
                ("text", JsValue::from_str(&e.text)),
            ])
        });
        let also = js_sys::Array::new();
        for field in &f.also {
            also.push(&JsValue::from_str(field));
        }
        findings.push(&object(&[
            ("rule", JsValue::from_str(f.rule)),
            ("severity", JsValue::from_str(f.severity.as_str())),
            ("field", JsValue::from_str(&f.field)),
            ("message", JsValue::from_str(&f.message)),
            ("fix", JsValue::from_str(&f.fix)),
            ("evidence", evidence),
            ("also", also.into()),
        ]));
    }
    let samples = js_sys::Array::new();
    for s in &r.samples {
        samples.push(&object(&[
            ("field", JsValue::from_str(&s.field)),
            ("encoding", JsValue::from_str(s.encoding.as_str())),
            ("segments", count(s.segments)),
            ("units", count(s.units)),
        ]));
    }
    object(&[
        ("findings", findings.into()),
        ("errorCount", count(r.error_count)),
        ("warningCount", count(r.warning_count)),
        ("samples", samples.into()),
    ])
}

/// Checks a 10DLC campaign (the `campaignBuilder` body plus `brandName`, `brandAliases` and
/// an optional `brand`) against every documented rejection reason.
#[wasm_bindgen(js_name = checkCampaign, unchecked_return_type = "ComplianceReport")]
pub fn check_campaign(
    #[wasm_bindgen(unchecked_param_type = "CampaignInput")] campaign: JsValue,
) -> Result<JsValue, Error> {
    Ok(report(&core::check_campaign(&json(
        &campaign, "campaign",
    )?)?))
}

/// Checks a toll-free verification request against every documented rejection reason.
#[wasm_bindgen(js_name = checkTollFreeVerification, unchecked_return_type = "ComplianceReport")]
pub fn check_toll_free_verification(
    #[wasm_bindgen(unchecked_param_type = "TollFreeVerificationInput")] request: JsValue,
) -> Result<JsValue, Error> {
    Ok(report(&core::check_toll_free_verification(&json(
        &request, "request",
    )?)?))
}
