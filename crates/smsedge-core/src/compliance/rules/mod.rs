//! The rule catalogue: one small documented unit per rule.
//!
//! A rule is a [`Rule`] constant (ID, severity, scope, the doc section it enforces)
//! plus a `check` function that reads the analysed submission and returns at most one
//! hit. Adding a rule means writing one constant and one function, and listing it in
//! [`CATALOGUE`].

mod brand;
mod content;
mod flags;
mod flow;
mod keywords;
mod length;
mod samples;
mod structure;
mod tollfree;
mod usecase;

use std::borrow::Cow;

use super::context::{Ctx, Field, SampleFacts, Submission};
use super::text::Span;
use super::util::order_by;
use super::{Evidence, Finding, Report, SampleInfo, Severity};
use crate::strings::cat3;

/// Which submissions a rule applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applies {
    /// 10DLC campaigns only.
    Campaign,
    /// Toll-free verification requests only.
    TollFree,
    /// Both (through the field mapping of catalogue §1).
    Both,
}

/// One rule of the catalogue. Its doc comment in `rules/` names the doc section it
/// enforces.
#[derive(Clone, Copy, Debug)]
pub struct Rule {
    /// The stable rule ID, e.g. `"SMP-OPTOUT-NONE"`.
    pub id: &'static str,
    /// Its severity.
    pub severity: Severity,
    /// Which submissions it checks.
    pub applies: Applies,
    /// What it checks, in a few words.
    pub title: &'static str,
    /// Skipped when the use case is unknown.
    pub(crate) needs_use_case: bool,
    pub(crate) check: fn(&Ctx) -> Option<Hit>,
}

/// What a rule found: one field, maybe a span, and what to tell the user.
#[derive(Debug)]
///
/// Texts are `Cow`s so a rule passes a literal without allocating at every call site (the
/// owned `String`s of the [`Finding`] are made once, in [`run`]).
pub(crate) struct Hit {
    field: Cow<'static, str>,
    evidence: Option<Evidence>,
    message: Cow<'static, str>,
    fix: Cow<'static, str>,
    also: Vec<String>,
}

impl Hit {
    /// A hit on `field`, pointing at `span` (character indices) when given.
    pub(crate) fn at(
        field: &Field,
        span: Option<Span>,
        message: impl Into<Cow<'static, str>>,
        fix: impl Into<Cow<'static, str>>,
    ) -> Self {
        Self::at_field(field, span, message.into(), fix.into())
    }

    #[inline(never)]
    fn at_field(
        field: &Field,
        span: Option<Span>,
        message: Cow<'static, str>,
        fix: Cow<'static, str>,
    ) -> Self {
        let evidence = span.map(|s| Evidence {
            start: field.a.utf16_at(s.start),
            end: field.a.utf16_at(s.end),
            text: field.a.slice(s),
        });
        Self {
            field: Cow::Owned(field.name.clone()),
            evidence,
            message,
            fix,
            also: Vec::new(),
        }
    }

    /// A hit on a field that is not analysed text (or is absent).
    pub(crate) fn on(
        field: impl Into<Cow<'static, str>>,
        message: impl Into<Cow<'static, str>>,
        fix: impl Into<Cow<'static, str>>,
    ) -> Self {
        Self::on_field(field.into(), message.into(), fix.into())
    }

    #[inline(never)]
    const fn on_field(
        field: Cow<'static, str>,
        message: Cow<'static, str>,
        fix: Cow<'static, str>,
    ) -> Self {
        Self {
            field,
            evidence: None,
            message,
            fix,
            also: Vec::new(),
        }
    }

    /// [`Hit::at`] with other fields that have the same problem.
    pub(crate) fn at_also(
        field: &Field,
        span: Option<Span>,
        message: impl Into<Cow<'static, str>>,
        fix: impl Into<Cow<'static, str>>,
        also: Vec<String>,
    ) -> Option<Self> {
        Self::at_field_also(field, span, message.into(), fix.into(), also)
    }

    #[inline(never)]
    fn at_field_also(
        field: &Field,
        span: Option<Span>,
        message: Cow<'static, str>,
        fix: Cow<'static, str>,
        also: Vec<String>,
    ) -> Option<Self> {
        let mut hit = Self::at_field(field, span, message, fix);
        hit.also = also;
        Some(hit)
    }

    /// Evidence given directly in UTF-16 units.
    pub(crate) fn with_utf16(mut self, field: &Field, start: usize, end: usize) -> Self {
        let (s, e) = (field.a.char_at_utf16(start), field.a.char_at_utf16(end));
        self.evidence = Some(Evidence {
            start,
            end,
            text: field.a.slice(Span::new(s, e)),
        });
        self
    }

    /// Other fields with the same problem.
    pub(crate) fn also(mut self, fields: Vec<String>) -> Self {
        self.also = fields;
        self
    }
}

/// A hit on `field` whose message quotes `value`: `"value"` then `after_quote`.
#[inline(never)]
pub(crate) fn quoted(
    field: &'static str,
    value: &str,
    after_quote: &'static str,
    fix: &'static str,
) -> Option<Hit> {
    Some(Hit::on(field, cat3("\"", value, after_quote), fix))
}

/// The first sample where `detect` finds something, with the other samples where it does.
pub(crate) fn first_sample<'c>(
    cx: &'c Ctx<'_>,
    detect: &dyn Fn(&SampleFacts) -> Option<Span>,
) -> Option<(&'c SampleFacts, Span, Vec<String>)> {
    let mut first = None;
    let mut also = Vec::new();
    for s in &cx.samples {
        if let Some(span) = detect(s) {
            if first.is_none() {
                first = Some((s, span));
            } else {
                also.push(s.field.name.clone());
            }
        }
    }
    let (first, span) = first?;
    Some((first, span, also))
}

/// The names in `names`, owned (for a finding's `also`).
pub(crate) fn owned(names: &[&str]) -> Vec<String> {
    let mut out = Vec::with_capacity(names.len());
    for n in names {
        out.push((*n).to_string());
    }
    out
}

/// The first sample where `fails` holds, with the other failing samples.
pub(crate) fn first_failing<'c>(
    cx: &'c Ctx<'_>,
    fails: &dyn Fn(&SampleFacts) -> bool,
) -> Option<(&'c SampleFacts, Vec<String>)> {
    let mut first = None;
    let mut also = Vec::new();
    for s in &cx.samples {
        if fails(s) {
            if first.is_none() {
                first = Some(s);
            } else {
                also.push(s.field.name.clone());
            }
        }
    }
    Some((first?, also))
}

/// The first of several fields where `detect` finds something.
pub(crate) fn first_field<'a>(
    fields: &[&'a Field],
    detect: &dyn Fn(&Field) -> Option<Span>,
) -> Option<(&'a Field, Span, Vec<String>)> {
    let mut first = None;
    let mut also = Vec::new();
    for &f in fields {
        if let Some(span) = detect(f) {
            if first.is_none() {
                first = Some((f, span));
            } else {
                also.push(f.name.clone());
            }
        }
    }
    let (first, span) = first?;
    Some((first, span, also))
}

/// Every rule, in catalogue order.
pub(crate) const CATALOGUE: &[Rule] = &[
    // 3.1 Structure and description
    structure::FLD_REQUIRED,
    structure::FLD_USECASE,
    structure::DESC_SHORT,
    structure::DESC_LONG,
    structure::DESC_VAGUE,
    structure::UC_DESC_MISMATCH,
    // 3.2 Sample messages
    samples::SMP_COUNT,
    samples::SMP_OPTOUT_NONE,
    samples::SMP_OPTOUT_MISSING,
    samples::SMP_BRAND_NONE,
    samples::SMP_BRAND_MISSING,
    samples::SMP_GENERIC,
    samples::SMP_DUPLICATE,
    samples::SMP_ALLCAPS,
    samples::SMP_SPAM_TRIGGERS,
    samples::SMP_AUTORESPONSE,
    samples::TPL_PLACEHOLDER,
    // 3.3 Length and encoding
    length::LEN_SAMPLE_MIN,
    length::LEN_SAMPLE_MAX,
    length::LEN_SEGMENTS,
    length::LEN_2FA,
    // 3.4 Links, phones and flags
    flags::LNK_SHORTENER,
    flags::LNK_URL_PLACEHOLDER,
    flags::LNK_INSECURE,
    flags::LNK_DOMAIN_MISMATCH,
    flags::FLAG_LINK_UNDECLARED,
    flags::FLAG_LINK_UNUSED,
    flags::FLAG_PHONE_UNDECLARED,
    flags::FLAG_PHONE_UNUSED,
    flags::FLAG_AGEGATE_MISSING,
    flags::FLAG_DIRECTLENDING,
    // 3.5 Use-case fit
    usecase::UC_PROMO_IN_TXN,
    usecase::UC_PROMO_IN_OTHER,
    usecase::UC_OTP_OUTSIDE_2FA,
    usecase::UC_2FA_NOCODE,
    usecase::UC_2FA_LINK,
    usecase::UC_MKT_NO_PROMO,
    usecase::UC_MIXED_SINGLE,
    usecase::UC_SWEEPSTAKES_TERMS,
    // 3.6 Restricted and prohibited content
    content::CNT_SHAFT,
    content::CNT_CANNABIS,
    content::CNT_GAMBLING,
    content::CNT_PAYDAY,
    content::CNT_DEBT,
    content::CNT_HIGHRISK_FIN,
    content::CNT_SWEEPSTAKES,
    content::CNT_LEADGEN,
    content::CNT_PHISHING,
    // 3.7 Message flow
    flow::FLOW_SHORT,
    flow::FLOW_LONG,
    flow::FLOW_MECHANISM,
    flow::FLOW_IMPLIED,
    flow::FLOW_WHERE,
    flow::FLOW_SMS,
    flow::FLOW_TYPES,
    flow::FLOW_FREQ,
    flow::FLOW_RATES,
    flow::FLOW_CONDITION,
    flow::FLOW_PRIVACY,
    flow::FLOW_MKT_TYPES,
    // 3.8 Keywords, HELP and auto-responses
    keywords::KW_STOP_MISSING,
    keywords::KW_HELP_MISSING,
    keywords::KW_START_MISSING,
    keywords::KW_CONFLICT,
    keywords::KW_TOO_MANY,
    keywords::KW_UNLISTED,
    keywords::HELP_CONTACT,
    keywords::HELP_BRAND,
    keywords::HELP_OPTOUT,
    keywords::AR_SHORT,
    keywords::AR_OPTOUT_CONTENT,
    keywords::AR_OPTIN_CONTENT,
    // 3.9 Sole Proprietor and brand fields
    brand::SP_NUMBERPOOL,
    brand::SP_USECASE,
    brand::SP_PINSMS,
    brand::BRD_EIN_FORMAT,
    brand::BRD_PHONE_E164,
    brand::BRD_STATE,
    brand::BRD_COUNTRY,
    brand::BRD_POBOX,
    brand::BRD_EMAIL_DOMAIN,
    brand::BRD_WEBSITE_ROOT,
    brand::BRD_PUBLIC_STOCK,
    brand::BRD_ENTITY,
    brand::BRD_VERTICAL,
    // 3.10 Toll-free verification only
    tollfree::TFV_REQUIRED,
    tollfree::TFV_BRN_REQUIRED,
    tollfree::TFV_BRN_COUNTRY,
    tollfree::TFV_BRN_FORMAT,
    tollfree::TFV_ENTITY,
    tollfree::TFV_NUMBER_TYPE,
    tollfree::TFV_WEBSITE_HTTP,
    tollfree::TFV_EMAIL_FREE,
    tollfree::TFV_LEGAL_NAME,
    tollfree::TFV_PRIVACY_LINKS,
    tollfree::TFV_SUMMARY_VAGUE,
    // Advice (info; not labelled)
    length::LEN_ENCODING,
    samples::SMP_COUNT_MIN3,
    keywords::KW_OPTOUT_STANDARD,
    usecase::UC_2FA_EXPIRY,
    structure::FLD_TYPE,
];

/// Pairs (and triples) of rules of which at most one may fire: the first listed wins.
const EXCLUSIVE: &[&[&str]] = &[
    &["SMP-OPTOUT-NONE", "SMP-OPTOUT-MISSING"],
    &["SMP-BRAND-NONE", "SMP-BRAND-MISSING"],
    &["DESC-SHORT", "DESC-LONG", "DESC-VAGUE"],
];

/// The whole catalogue: every rule with its ID, severity, scope and title.
#[must_use]
pub fn rules() -> &'static [Rule] {
    CATALOGUE
}

/// What [`run`] reads of a rule: the catalogue without its titles, built at compile
/// time, so the titles reach the wasm only when [`rules()`] is used.
#[derive(Clone, Copy)]
struct Runnable {
    id: &'static str,
    severity: Severity,
    applies: Applies,
    needs_use_case: bool,
    check: fn(&Ctx) -> Option<Hit>,
}

impl Runnable {
    const fn of(rule: &Rule) -> Self {
        Self {
            id: rule.id,
            severity: rule.severity,
            applies: rule.applies,
            needs_use_case: rule.needs_use_case,
            check: rule.check,
        }
    }

    fn applies_to(&self, kind: Submission) -> bool {
        match self.applies {
            Applies::Both => true,
            Applies::Campaign => kind == Submission::Campaign,
            Applies::TollFree => kind == Submission::TollFree,
        }
    }
}

/// [`CATALOGUE`] as [`Runnable`]s, in the same order.
static RUNNABLE: [Runnable; CATALOGUE.len()] = {
    let mut out = [Runnable::of(&CATALOGUE[0]); CATALOGUE.len()];
    let mut i = 1;
    while i < CATALOGUE.len() {
        out[i] = Runnable::of(&CATALOGUE[i]);
        i += 1;
    }
    out
};

/// Runs every applicable rule.
pub(crate) fn run(cx: &Ctx) -> Report {
    let mut findings: Vec<(usize, Finding)> = Vec::new();
    for (order, rule) in RUNNABLE.iter().enumerate() {
        if !rule.applies_to(cx.kind) || (rule.needs_use_case && !cx.use_case_known()) {
            continue;
        }
        if let Some(hit) = (rule.check)(cx) {
            let excluded = EXCLUSIVE.iter().any(|group| {
                group.contains(&rule.id)
                    && findings
                        .iter()
                        .any(|(_, f)| f.rule != rule.id && group.contains(&f.rule))
            });
            if excluded {
                continue;
            }
            findings.push((
                order,
                Finding {
                    rule: rule.id,
                    severity: rule.severity,
                    field: hit.field.into_owned(),
                    message: hit.message.into_owned(),
                    fix: hit.fix.into_owned(),
                    evidence: hit.evidence,
                    also: hit.also,
                },
            ));
        }
    }
    let rank = |s: Severity| match s {
        Severity::Error => 0u64,
        Severity::Warning => 1,
        Severity::Info => 2,
    };
    let sorted = order_by(findings.len(), &|i| {
        findings
            .get(i)
            .map_or(0, |(o, f)| rank(f.severity) << 32 | *o as u64)
    });
    let mut slots: Vec<Option<Finding>> = Vec::with_capacity(findings.len());
    for (_, f) in findings {
        slots.push(Some(f));
    }
    let mut report = Report::default();
    for i in sorted {
        if let Some(f) = slots.get_mut(i).and_then(Option::take) {
            match f.severity {
                Severity::Error => report.error_count += 1,
                Severity::Warning => report.warning_count += 1,
                Severity::Info => {}
            }
            report.findings.push(f);
        }
    }
    for s in &cx.samples {
        if let Some(c) = s.count {
            report.samples.push(SampleInfo {
                field: s.field.name.clone(),
                encoding: c.encoding,
                segments: c.segments,
                units: c.units,
            });
        }
    }
    report
}
