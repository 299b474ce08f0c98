//! Input models: the `campaignBuilder` body and the toll-free verification request.
//!
//! Both are read leniently from JSON: unknown fields are ignored, every field is
//! optional, camelCase wire names and their snake_case forms are accepted, and a field
//! of the wrong type is dropped and listed in `ignored` (reported as an `FLD-TYPE` info
//! finding) instead of failing the whole check.

use serde::{Deserialize, Deserializer};
use serde_json::Value;

use crate::json::Json;
use crate::strings::cat;

use super::ComplianceError;

/// A sample message and the input field it came from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sample {
    /// The input field: `"sample1"`…, `"productionMessageContent"`, `"sampleMessage1"`…
    pub field: String,
    /// The message text.
    pub text: String,
}

impl Sample {
    /// A sample from a field name and its text.
    #[must_use]
    pub fn new(field: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            text: text.into(),
        }
    }
}

/// A field that had the wrong JSON type and was ignored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IgnoredField {
    /// The field, as named in the input (`"brand.ein"` inside the brand block).
    pub field: String,
    /// What it should have been: `"string"`, `"boolean"`, `"object"`, `"array"`.
    pub expected: &'static str,
    /// What it was: `"number"`, `"array"`, `"object"`, `"boolean"`, `"string"`.
    pub found: &'static str,
}

/// The brand registration body (`POST /v2/10dlc/brand`), plus the Sole Proprietor
/// `pinSms` / `successSms` texts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[allow(missing_docs)] // Each field is the documented wire field of the same name.
pub struct BrandRegistration {
    pub entity_type: Option<String>,
    pub display_name: Option<String>,
    pub company_name: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub ein: Option<String>,
    pub phone: Option<String>,
    pub mobile_phone: Option<String>,
    pub email: Option<String>,
    pub street: Option<String>,
    pub city: Option<String>,
    pub state: Option<String>,
    pub postal_code: Option<String>,
    pub country: Option<String>,
    pub website: Option<String>,
    pub vertical: Option<String>,
    pub stock_symbol: Option<String>,
    pub stock_exchange: Option<String>,
    pub pin_sms: Option<String>,
    pub success_sms: Option<String>,
}

/// The `POST /v2/10dlc/campaignBuilder` body, plus the brand it belongs to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Campaign {
    /// `usecase`: the TCR use case (`"MIXED"`, `"2FA"`…).
    pub usecase: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// `sample1`…`sample5` (or the array `samples`), in order.
    pub samples: Vec<Sample>,
    /// `messageFlow`: how people opt in.
    pub message_flow: Option<String>,
    /// `helpMessage`: the reply to HELP.
    pub help_message: Option<String>,
    /// `optinKeywords`, comma-separated.
    pub optin_keywords: Option<String>,
    /// `optoutKeywords`, comma-separated.
    pub optout_keywords: Option<String>,
    /// `helpKeywords`, comma-separated.
    pub help_keywords: Option<String>,
    /// `optinMessage`: the opt-in confirmation.
    pub optin_message: Option<String>,
    /// `optoutMessage`: the reply to STOP.
    pub optout_message: Option<String>,
    /// `embeddedLink` (default false).
    pub embedded_link: Option<bool>,
    /// `embeddedPhone` (default false).
    pub embedded_phone: Option<bool>,
    /// `numberPool` (default false).
    pub number_pool: Option<bool>,
    /// `ageGated` (default false).
    pub age_gated: Option<bool>,
    /// `directLending` (default false).
    pub direct_lending: Option<bool>,
    /// `brandName`: the name samples must carry; defaults to `brand.displayName`.
    pub brand_name: Option<String>,
    /// `brandAliases`: other names the brand goes by (DBA, short name).
    pub brand_aliases: Vec<String>,
    /// `brand`: the brand registration body, when known.
    pub brand: Option<BrandRegistration>,
    /// Fields that had the wrong type and were ignored.
    pub ignored: Vec<IgnoredField>,
}

/// The toll-free verification request body (`POST /v2/messaging_tollfree/verification/requests`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[allow(missing_docs)] // Each field is the documented wire field of the same name.
pub struct TollFreeVerification {
    pub business_name: Option<String>,
    pub corporate_website: Option<String>,
    pub business_addr1: Option<String>,
    pub business_addr2: Option<String>,
    pub business_city: Option<String>,
    pub business_state: Option<String>,
    pub business_zip: Option<String>,
    pub business_contact_first_name: Option<String>,
    pub business_contact_last_name: Option<String>,
    pub business_contact_email: Option<String>,
    pub business_contact_phone: Option<String>,
    pub message_volume: Option<String>,
    /// `phoneNumbers`: `[{ "phoneNumber": "+1877…" }]` or plain strings.
    pub phone_numbers: Vec<String>,
    pub use_case: Option<String>,
    pub use_case_summary: Option<String>,
    /// `productionMessageContent` and any `sampleMessageN`.
    pub samples: Vec<Sample>,
    pub opt_in_workflow: Option<String>,
    /// `optInWorkflowImageURLs`: `[{ "url": "…" }]` or plain strings.
    pub opt_in_workflow_image_urls: Vec<String>,
    pub additional_information: Option<String>,
    pub isv_reseller: Option<String>,
    pub business_registration_number: Option<String>,
    pub business_registration_type: Option<String>,
    pub business_registration_country: Option<String>,
    pub doing_business_as: Option<String>,
    pub entity_type: Option<String>,
    pub opt_in_confirmation_response: Option<String>,
    pub help_message_response: Option<String>,
    pub privacy_policy_url: Option<String>,
    pub terms_and_condition_url: Option<String>,
    pub age_gated_content: Option<bool>,
    pub opt_in_keywords: Option<String>,
    /// Fields that had the wrong type and were ignored.
    pub ignored: Vec<IgnoredField>,
}

fn type_name(v: &Json) -> &'static str {
    match v {
        Json::Null => "null",
        Json::Bool(_) => "boolean",
        Json::Number(_) => "number",
        Json::String(_) => "string",
        Json::Array(_) => "array",
        Json::Object(_) => "object",
    }
}

/// The digits of a JSON number when it has no fraction or exponent, with whether it is
/// negative; `None` for a non-number or a number with `.`/`e`.
fn int_digits(v: &Json) -> Option<(bool, &str)> {
    let Json::Number(n) = v else { return None };
    let (negative, digits) = n
        .strip_prefix('-')
        .map_or((false, n.as_str()), |d| (true, d));
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then_some((negative, digits))
}

/// An integer JSON number as text: one that fits a `u64`, or a negative one that fits an
/// `i64` (floats are not accepted where text is expected, which also keeps float
/// formatting out of the wasm). The same numbers `serde_json` reads as integers.
fn integer(v: &Json) -> Option<String> {
    let (negative, digits) = int_digits(v)?;
    let mut n: u64 = 0;
    for b in digits.bytes() {
        n = n.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
    }
    // serde_json reads `-0` and anything below `i64::MIN` as a float.
    if negative && !(1..=1 << 63).contains(&n) {
        return None;
    }
    let Json::Number(text) = v else { return None };
    Some(text.clone())
}

/// Whether a JSON number reads as exactly `0.0` (`Some(false)`) or `1.0` (`Some(true)`)
/// the way `serde_json` (without `float_roundtrip`) reads it, which decides the `0`/`1`
/// booleans: the digits while they fit a `u64` (later integer digits only scale by ten,
/// later fraction digits are dropped), times a power of ten, in `f64` arithmetic.
fn zero_or_one(v: &Json) -> Option<bool> {
    let Json::Number(n) = v else { return None };
    let (negative, n) = n
        .strip_prefix('-')
        .map_or((false, n.as_str()), |d| (true, d));
    let (mantissa, exp) = n.split_once(['e', 'E']).unwrap_or((n, ""));
    let mut significand: u64 = 0;
    let mut exponent: i64 = 0;
    let (mut point, mut int_full, mut frac_full) = (false, false, false);
    for b in mantissa.bytes() {
        if b == b'.' {
            point = true;
            continue;
        }
        let next = significand
            .checked_mul(10)
            .and_then(|s| s.checked_add(u64::from(b.wrapping_sub(b'0'))));
        match next {
            Some(s) if !point && !int_full => significand = s,
            Some(s) if point && !frac_full => {
                significand = s;
                exponent -= 1;
            }
            _ if point => frac_full = true,
            _ => {
                int_full = true;
                exponent += 1;
            }
        }
    }
    let (exp_negative, exp_digits) = match exp.as_bytes().first() {
        Some(b'-') => (true, exp.get(1..)?),
        Some(b'+') => (false, exp.get(1..)?),
        _ => (false, exp),
    };
    let mut e: i64 = 0;
    for b in exp_digits.bytes() {
        e = e
            .saturating_mul(10)
            .saturating_add(i64::from(b.wrapping_sub(b'0')));
    }
    exponent = exponent.saturating_add(if exp_negative { -e } else { e });
    if significand == 0 {
        return Some(false);
    }
    if exponent > 0 {
        return None; // at least 10 (or out of serde_json's range)
    }
    #[allow(clippy::cast_precision_loss)]
    let mut f = significand as f64;
    let mut down = exponent.unsigned_abs();
    while down > 308 && f != 0.0 {
        f /= 1e308;
        down -= 308;
    }
    let mut pow = 1.0_f64;
    for _ in 0..down.min(308) {
        pow *= 10.0;
    }
    f /= pow;
    if f == 0.0 {
        Some(false)
    } else {
        #[allow(clippy::float_cmp)]
        (f == 1.0 && !negative).then_some(true)
    }
}

fn snake(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Reads fields of one JSON object tolerantly, recording wrong types.
struct Reader<'a> {
    map: &'a Json,
    prefix: &'static str,
    ignored: Vec<IgnoredField>,
}

impl<'a> Reader<'a> {
    const fn new(map: &'a Json, prefix: &'static str) -> Self {
        Self {
            map,
            prefix,
            ignored: Vec::new(),
        }
    }

    /// The first present, non-null value among `key` and its snake_case form.
    fn get(&self, key: &str) -> Option<(String, &'a Json)> {
        if let Some(v) = self.map.get(key).filter(|v| !v.is_null()) {
            return Some((key.to_string(), v));
        }
        let s = snake(key);
        self.map.get(&s).filter(|v| !v.is_null()).map(|v| (s, v))
    }

    fn ignore(&mut self, key: &str, expected: &'static str, v: &Json) {
        let mut field = String::from(self.prefix);
        field.push_str(key);
        self.ignored.push(IgnoredField {
            field,
            expected,
            found: type_name(v),
        });
    }

    fn string(&mut self, key: &str) -> Option<String> {
        let (k, v) = self.get(key)?;
        match v {
            Json::String(s) => return Some(s.clone()),
            Json::Number(_) => {
                if let Some(n) = integer(v) {
                    return Some(n);
                }
            }
            Json::Array(items) => {
                let mut out = String::new();
                let mut ok = true;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    match item {
                        Json::String(s) => out.push_str(s),
                        other => match integer(other) {
                            Some(n) => out.push_str(&n),
                            None => ok = false,
                        },
                    }
                }
                if ok {
                    return Some(out);
                }
            }
            _ => {}
        }
        self.ignore(&k, "string", v);
        None
    }

    fn boolean(&mut self, key: &str) -> Option<bool> {
        let (k, v) = self.get(key)?;
        let b = match v {
            Json::Bool(b) => Some(*b),
            Json::String(s) => match s.trim().to_ascii_lowercase().as_str() {
                "true" | "yes" => Some(true),
                "false" | "no" | "" => Some(false),
                _ => None,
            },
            other => zero_or_one(other),
        };
        if b.is_none() {
            self.ignore(&k, "boolean", v);
        }
        b
    }

    /// A list of strings: an array of strings (or of objects holding `inner`), or a
    /// comma-separated string.
    fn strings(&mut self, key: &str, inner: &str) -> Vec<String> {
        let mut out = Vec::new();
        let Some((k, v)) = self.get(key) else {
            return out;
        };
        match v {
            Json::Array(items) => {
                for item in items.iter().take(MAX_LIST_ITEMS) {
                    match item {
                        Json::String(s) => out.push(s.clone()),
                        Json::Object(_) => match item.get(inner) {
                            Some(Json::String(s)) => out.push(s.clone()),
                            Some(other) => {
                                let field = cat(&[k.as_str(), "[].", inner]);
                                self.ignore(&field, "string", other);
                            }
                            None => {}
                        },
                        Json::Null => {}
                        other => self.ignore(&cat(&[k.as_str(), "[]"]), "string", other),
                    }
                }
            }
            Json::String(s) => {
                for x in s.split(',') {
                    let x = x.trim();
                    if !x.is_empty() {
                        out.push(x.to_string());
                    }
                }
            }
            other => self.ignore(&k, "array", other),
        }
        out
    }

    /// `prefix1`…`prefix9`.
    fn numbered(&mut self, prefix: &str, out: &mut Vec<Sample>) {
        for i in b'1'..=b'9' {
            let mut key = String::from(prefix);
            key.push(char::from(i));
            let used = self.get(&key).map(|(k, _)| k);
            if let (Some(text), Some(field)) = (self.string(&key), used) {
                out.push(Sample { field, text });
            }
        }
    }
}

/// Most list items read from one array (keeps work bounded on hostile input).
const MAX_LIST_ITEMS: usize = 1_000;

fn object(value: &Json) -> Result<&Json, ComplianceError> {
    match value {
        Json::Object(_) => Ok(value),
        other => Err(ComplianceError::NotAnObject {
            found: type_name(other),
        }),
    }
}

impl BrandRegistration {
    fn read(r: &mut Reader<'_>) -> Self {
        Self {
            entity_type: r.string("entityType"),
            display_name: r.string("displayName"),
            company_name: r.string("companyName"),
            first_name: r.string("firstName"),
            last_name: r.string("lastName"),
            ein: r.string("ein"),
            phone: r.string("phone"),
            mobile_phone: r.string("mobilePhone"),
            email: r.string("email"),
            street: r.string("street"),
            city: r.string("city"),
            state: r.string("state"),
            postal_code: r.string("postalCode"),
            country: r.string("country"),
            website: r.string("website"),
            vertical: r.string("vertical"),
            stock_symbol: r.string("stockSymbol"),
            stock_exchange: r.string("stockExchange"),
            pin_sms: r.string("pinSms"),
            success_sms: r.string("successSms"),
        }
    }
}

impl Campaign {
    /// Reads a `campaignBuilder` body from a `serde_json` value, tolerantly (as
    /// [`Campaign::from_json`]).
    ///
    /// # Errors
    /// [`ComplianceError::NotAnObject`] when `value` is not a JSON object.
    pub fn from_value(value: &Value) -> Result<Self, ComplianceError> {
        Self::from_json(&Json::from(value))
    }

    /// Reads a `campaignBuilder` body from JSON, tolerantly.
    ///
    /// # Errors
    /// [`ComplianceError::NotAnObject`] when `value` is not a JSON object.
    pub fn from_json(value: &Json) -> Result<Self, ComplianceError> {
        let mut r = Reader::new(object(value)?, "");
        let mut samples = Vec::new();
        r.numbered("sample", &mut samples);
        if samples.is_empty() {
            if let Some((k, v)) = r.get("samples") {
                match v {
                    Json::Array(items) => {
                        for (i, item) in items.iter().take(MAX_LIST_ITEMS).enumerate() {
                            match item {
                                Json::String(s) => {
                                    samples.push(Sample::new(format!("sample{}", i + 1), s.clone()))
                                }
                                Json::Null => {}
                                other => r.ignore(&format!("{k}[{i}]"), "string", other),
                            }
                        }
                    }
                    other => r.ignore(&k, "array", other),
                }
            }
        }
        let brand = match r.get("brand") {
            Some((_, map @ Json::Object(_))) => {
                let mut br = Reader::new(map, "brand.");
                let brand = BrandRegistration::read(&mut br);
                r.ignored.append(&mut br.ignored);
                Some(brand)
            }
            Some((k, other)) => {
                r.ignore(&k, "object", other);
                None
            }
            None => None,
        };
        let mut campaign = Self {
            usecase: r.string("usecase").or_else(|| r.string("useCase")),
            description: r.string("description"),
            samples,
            message_flow: r.string("messageFlow"),
            help_message: r.string("helpMessage"),
            optin_keywords: r.string("optinKeywords"),
            optout_keywords: r.string("optoutKeywords"),
            help_keywords: r.string("helpKeywords"),
            optin_message: r.string("optinMessage"),
            optout_message: r.string("optoutMessage"),
            embedded_link: r.boolean("embeddedLink"),
            embedded_phone: r.boolean("embeddedPhone"),
            number_pool: r.boolean("numberPool"),
            age_gated: r.boolean("ageGated"),
            direct_lending: r.boolean("directLending"),
            brand_name: r.string("brandName"),
            brand_aliases: r.strings("brandAliases", "name"),
            brand,
            ignored: Vec::new(),
        };
        campaign.ignored = r.ignored;
        Ok(campaign)
    }
}

impl TollFreeVerification {
    /// Reads a toll-free verification request from a `serde_json` value, tolerantly (as
    /// [`TollFreeVerification::from_json`]).
    ///
    /// # Errors
    /// [`ComplianceError::NotAnObject`] when `value` is not a JSON object.
    pub fn from_value(value: &Value) -> Result<Self, ComplianceError> {
        Self::from_json(&Json::from(value))
    }

    /// Reads a toll-free verification request from JSON, tolerantly.
    ///
    /// # Errors
    /// [`ComplianceError::NotAnObject`] when `value` is not a JSON object.
    pub fn from_json(value: &Json) -> Result<Self, ComplianceError> {
        let mut r = Reader::new(object(value)?, "");
        let mut samples = Vec::new();
        if let Some(text) = r.string("productionMessageContent") {
            let field = r
                .get("productionMessageContent")
                .map_or_else(|| "productionMessageContent".to_string(), |(k, _)| k);
            samples.push(Sample { field, text });
        }
        r.numbered("sampleMessage", &mut samples);
        let mut tfv = Self {
            business_name: r.string("businessName"),
            corporate_website: r.string("corporateWebsite"),
            business_addr1: r.string("businessAddr1"),
            business_addr2: r.string("businessAddr2"),
            business_city: r.string("businessCity"),
            business_state: r.string("businessState"),
            business_zip: r.string("businessZip"),
            business_contact_first_name: r.string("businessContactFirstName"),
            business_contact_last_name: r.string("businessContactLastName"),
            business_contact_email: r.string("businessContactEmail"),
            business_contact_phone: r.string("businessContactPhone"),
            message_volume: r.string("messageVolume"),
            phone_numbers: r.strings("phoneNumbers", "phoneNumber"),
            use_case: r.string("useCase"),
            use_case_summary: r.string("useCaseSummary"),
            samples,
            opt_in_workflow: r.string("optInWorkflow"),
            opt_in_workflow_image_urls: {
                let mut urls = r.strings("optInWorkflowImageURLs", "url");
                if urls.is_empty() {
                    urls = r.strings("optInWorkflowImageUrls", "url");
                }
                urls
            },
            additional_information: r.string("additionalInformation"),
            isv_reseller: r.string("isvReseller"),
            business_registration_number: r.string("businessRegistrationNumber"),
            business_registration_type: r.string("businessRegistrationType"),
            business_registration_country: r.string("businessRegistrationCountry"),
            doing_business_as: r.string("doingBusinessAs"),
            entity_type: r.string("entityType"),
            opt_in_confirmation_response: r.string("optInConfirmationResponse"),
            help_message_response: r.string("helpMessageResponse"),
            privacy_policy_url: r
                .string("privacyPolicyURL")
                .or_else(|| r.string("privacyPolicyUrl")),
            terms_and_condition_url: r
                .string("termsAndConditionURL")
                .or_else(|| r.string("termsAndConditionUrl")),
            age_gated_content: r.boolean("ageGatedContent"),
            opt_in_keywords: r.string("optInKeywords"),
            ignored: Vec::new(),
        };
        tfv.ignored = r.ignored;
        Ok(tfv)
    }
}

impl<'de> Deserialize<'de> for Campaign {
    /// Lenient: wrong-typed fields are ignored (see [`Campaign::ignored`]).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Self::from_value(&value).map_err(serde::de::Error::custom)
    }
}

impl<'de> Deserialize<'de> for TollFreeVerification {
    /// Lenient: wrong-typed fields are ignored (see [`TollFreeVerification::ignored`]).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Self::from_value(&value).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::float_cmp, clippy::redundant_guards)]
mod tests {
    use super::*;

    /// Numbers read exactly as the `serde_json::Value` reader read them.
    #[test]
    fn numbers_as_serde_json_reads_them() {
        let texts = [
            "0",
            "-0",
            "1",
            "-1",
            "2",
            "1.0",
            "-1.0",
            "10e-1",
            "0.1e1",
            "1e0",
            "1E+0",
            "0.0",
            "-0.0",
            "0e5",
            "0e-99999999999",
            "1e-99999999999",
            "-1e-99999999999",
            "0.9999999999999999",
            "1.0000000000000002",
            "0.99999999999999999999",
            "1.00000000000000000001",
            "100000000000000000000e-20",
            "184467440737095516150.0e-20",
            "18446744073709551615",
            "18446744073709551616",
            "18446744073709551615e-19",
            "1844674407370955161.5e-18",
            "-9223372036854775808",
            "-9223372036854775809",
            "-9223372036854775807",
            "1e-400",
            "5e-324",
            "1e-330",
            "123",
            "1.5",
            "1e21",
            "0.000001e6",
        ];
        for text in texts {
            let old: Value = serde_json::from_str(text).unwrap();
            let new = Json::parse(text).unwrap();
            let old_integer = old
                .as_u64()
                .map(|n| n.to_string())
                .or_else(|| old.as_i64().map(|n| n.to_string()));
            assert_eq!(integer(&new), old_integer, "{text}");
            let old_bool = match old.as_f64() {
                Some(f) if f == 1.0 => Some(true),
                Some(f) if f == 0.0 => Some(false),
                _ => None,
            };
            assert_eq!(zero_or_one(&new), old_bool, "{text}");
        }
    }
}
