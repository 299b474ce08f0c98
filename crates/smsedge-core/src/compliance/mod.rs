//! The campaign compliance checker: every documented 10DLC and toll-free rejection
//! reason, caught offline before submission.
//!
//! It implements the rule catalogue (`research/compliance-rules.md`): each rule has a
//! stable ID (`SMP-OPTOUT-NONE`), a severity and a doc comment naming the Telnyx doc
//! section it enforces ([`rules()`] lists them). The shared detectors (opt-out
//! language, brand, links, phones, placeholders, one-time codes, promotional language,
//! near-duplicates…) are written once and used by many rules, and segment counts come
//! from [`crate::segments`].
//!
//! Conventions of the catalogue, enforced here:
//! - a rule fires at most once per submission (its finding names the first field it
//!   saw, and `also` lists the other fields with the same problem);
//! - an empty field is reported only by `FLD-REQUIRED` / `TFV-REQUIRED`;
//! - `SMP-OPTOUT-NONE`/`SMP-OPTOUT-MISSING`, `SMP-BRAND-NONE`/`SMP-BRAND-MISSING` and
//!   `DESC-SHORT`/`DESC-LONG`/`DESC-VAGUE` exclude each other;
//! - when the use case is not a TCR value, the use-case rules are skipped.
//!
//! Evidence positions are UTF-16 code units into the field's text: valid JavaScript
//! string indices.
//!
//! ```
//! use smsedge_core::compliance::{Json, check_campaign};
//!
//! let campaign = Json::from(serde_json::json!({
//!     "brandName": "Acme",
//!     "usecase": "DELIVERY_NOTIFICATION",
//!     "description": "Order confirmations and shipping updates for Acme online store customers.",
//!     "sample1": "Acme: your order #1234 has shipped. Track at acme.com/track. Reply STOP to opt out.",
//!     "sample2": "Acme: Check out our summer sale! 30% off everything! Reply STOP to opt out.",
//!     "messageFlow": "Customers check an unchecked SMS consent box at acme.com/checkout to get order updates. Msg & data rates may apply.",
//!     "helpMessage": "Acme: for help email help@acme.com. Reply STOP to cancel.",
//!     "optinKeywords": "START", "optoutKeywords": "STOP", "helpKeywords": "HELP",
//!     "embeddedLink": true
//! }));
//! let report = check_campaign(&campaign)?;
//! let promo = report.findings.iter().find(|f| f.rule == "UC-PROMO-IN-TXN").unwrap();
//! assert_eq!(promo.field, "sample2");
//! assert_eq!(report.samples[0].segments, 1);
//! # Ok::<(), smsedge_core::compliance::ComplianceError>(())
//! ```

mod context;
mod detect;
mod difflib;
mod input;
mod pattern;
mod rules;
mod tables;
mod text;
mod util;

pub use input::{BrandRegistration, Campaign, IgnoredField, Sample, TollFreeVerification};
pub use rules::{Applies, Rule, rules};

pub use crate::json::Json;
use crate::segments::Encoding;
use context::Ctx;

/// The largest text field accepted, in UTF-8 bytes (1 MiB).
pub const MAX_FIELD_BYTES: usize = 1 << 20;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// The docs name this as a rejection reason (or the API refuses the value).
    Error,
    /// The docs recommend against it, or the check is a heuristic: a risk.
    Warning,
    /// Advice.
    Info,
}

impl Severity {
    /// `"error"`, `"warning"` or `"info"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
            Self::Info => "info",
        }
    }
}

/// Where a finding points in its field's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evidence {
    /// UTF-16 index where the evidence starts (a JavaScript string index).
    pub start: usize,
    /// UTF-16 index just past its end.
    pub end: usize,
    /// The text between `start` and `end`.
    pub text: String,
}

/// One problem found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The catalogue rule ID, e.g. `"SMP-OPTOUT-NONE"`.
    pub rule: &'static str,
    /// Its severity.
    pub severity: Severity,
    /// The input field it concerns, e.g. `"sample2"` or `"messageFlow"`.
    pub field: String,
    /// What is wrong, in plain words.
    pub message: String,
    /// What to write instead.
    pub fix: String,
    /// The offending text in `field`, when the finding points at text.
    pub evidence: Option<Evidence>,
    /// Other fields with the same problem (a rule reports once per submission).
    pub also: Vec<String>,
}

/// Encoding and segment count of one sample.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SampleInfo {
    /// The input field, e.g. `"sample1"`.
    pub field: String,
    /// GSM-7 or UCS-2 (as the segment engine decides for a long code or toll-free number).
    pub encoding: Encoding,
    /// Segments billed.
    pub segments: usize,
    /// Septets or UTF-16 units used.
    pub units: usize,
}

/// The result of a check.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Findings: errors first, then warnings, then advice; catalogue order within each.
    pub findings: Vec<Finding>,
    /// Findings of severity error.
    pub error_count: usize,
    /// Findings of severity warning.
    pub warning_count: usize,
    /// Encoding and segments of every non-empty sample.
    pub samples: Vec<SampleInfo>,
}

impl Report {
    /// The rule IDs found, in report order.
    pub fn rule_ids(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.findings.iter().map(|f| f.rule)
    }

    /// True when rule `id` fired.
    #[must_use]
    pub fn has(&self, id: &str) -> bool {
        self.findings.iter().any(|f| f.rule == id)
    }
}

/// Why a submission could not be checked at all.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ComplianceError {
    /// The submission is not a JSON object.
    #[error("the submission must be a JSON object, not {found}")]
    NotAnObject {
        /// The JSON type given: `"array"`, `"string"`, `"number"`, `"boolean"`, `"null"`.
        found: &'static str,
    },
    /// A text field is larger than [`MAX_FIELD_BYTES`].
    #[error("{field} is {bytes} bytes long; the checker accepts at most {max} bytes per field")]
    FieldTooLarge {
        /// The field.
        field: String,
        /// Its size in UTF-8 bytes.
        bytes: usize,
        /// The limit.
        max: usize,
    },
}

impl ComplianceError {
    /// The stable string code of this error.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            Self::NotAnObject { .. } => "not_an_object",
            Self::FieldTooLarge { .. } => "field_too_large",
        }
    }
}

/// [`ComplianceError::FieldTooLarge`] for the first text over [`MAX_FIELD_BYTES`].
fn check_sizes(fields: &[(&str, Option<&str>)], samples: &[Sample]) -> Result<(), ComplianceError> {
    let too_large = |name: &str, t: &str| ComplianceError::FieldTooLarge {
        field: name.to_string(),
        bytes: t.len(),
        max: MAX_FIELD_BYTES,
    };
    for (name, text) in fields {
        if let Some(t) = text.filter(|t| t.len() > MAX_FIELD_BYTES) {
            return Err(too_large(name, t));
        }
    }
    for s in samples {
        if s.text.len() > MAX_FIELD_BYTES {
            return Err(too_large(&s.field, &s.text));
        }
    }
    Ok(())
}

impl Campaign {
    /// Checks this campaign against every 10DLC rule.
    ///
    /// # Errors
    /// [`ComplianceError::FieldTooLarge`] when a text field exceeds [`MAX_FIELD_BYTES`].
    pub fn check(&self) -> Result<Report, ComplianceError> {
        let b = self.brand.as_ref();
        let texts = [
            ("usecase", self.usecase.as_deref()),
            ("description", self.description.as_deref()),
            ("messageFlow", self.message_flow.as_deref()),
            ("helpMessage", self.help_message.as_deref()),
            ("optinKeywords", self.optin_keywords.as_deref()),
            ("optoutKeywords", self.optout_keywords.as_deref()),
            ("helpKeywords", self.help_keywords.as_deref()),
            ("optinMessage", self.optin_message.as_deref()),
            ("optoutMessage", self.optout_message.as_deref()),
            ("brandName", self.brand_name.as_deref()),
            ("brand.pinSms", b.and_then(|b| b.pin_sms.as_deref())),
            ("brand.successSms", b.and_then(|b| b.success_sms.as_deref())),
        ];
        check_sizes(&texts, &self.samples)?;
        for alias in &self.brand_aliases {
            check_sizes(&[("brandAliases", Some(alias))], &[])?;
        }
        Ok(rules::run(&Ctx::campaign(self)))
    }
}

impl TollFreeVerification {
    /// Checks this request against every toll-free verification rule.
    ///
    /// # Errors
    /// [`ComplianceError::FieldTooLarge`] when a text field exceeds [`MAX_FIELD_BYTES`].
    pub fn check(&self) -> Result<Report, ComplianceError> {
        let texts = [
            ("businessName", self.business_name.as_deref()),
            ("doingBusinessAs", self.doing_business_as.as_deref()),
            ("useCase", self.use_case.as_deref()),
            ("useCaseSummary", self.use_case_summary.as_deref()),
            ("optInWorkflow", self.opt_in_workflow.as_deref()),
            ("helpMessageResponse", self.help_message_response.as_deref()),
            (
                "optInConfirmationResponse",
                self.opt_in_confirmation_response.as_deref(),
            ),
            ("corporateWebsite", self.corporate_website.as_deref()),
        ];
        check_sizes(&texts, &self.samples)?;
        Ok(rules::run(&Ctx::toll_free(self)))
    }
}

/// Checks a `campaignBuilder` body (plus `brandName`, `brandAliases` and an optional
/// `brand` block) given as JSON ([`Json::parse`] a text, or convert a `serde_json` value
/// with [`Json::from`]).
///
/// # Errors
/// [`ComplianceError::NotAnObject`] when `campaign` is not an object, and
/// [`ComplianceError::FieldTooLarge`] for a field over [`MAX_FIELD_BYTES`]. Wrong-typed
/// fields are not errors: they are ignored and reported as `FLD-TYPE` advice.
pub fn check_campaign(campaign: &Json) -> Result<Report, ComplianceError> {
    Campaign::from_json(campaign)?.check()
}

/// Checks a toll-free verification request given as JSON.
///
/// # Errors
/// As [`check_campaign`].
pub fn check_toll_free_verification(request: &Json) -> Result<Report, ComplianceError> {
    TollFreeVerification::from_json(request)?.check()
}
