//! 3.1 Structure and description.

use super::{Applies, Hit, Rule, owned};
use crate::compliance::Severity::{Error, Info, Warning};
use crate::compliance::context::Ctx;
use crate::compliance::detect;
use crate::strings::{cat3, cat5, join_comma};

/// FLD-REQUIRED: a required campaign field is empty.
///
/// Enforces *[Campaign Registration] › Required fields*: `usecase`, `description`,
/// `messageFlow`, `helpMessage` and the three keyword lists. (Samples are counted by
/// SMP-COUNT.) This is the only rule that reports empty fields.
pub(crate) const FLD_REQUIRED: Rule = Rule {
    id: "FLD-REQUIRED",
    severity: Error,
    applies: Applies::Campaign,
    title: "A required field is empty",
    needs_use_case: false,
    check: fld_required,
};

fn fld_required(cx: &Ctx) -> Option<Hit> {
    let mut names: Vec<&str> = Vec::new();
    for (name, empty) in &cx.raw_required {
        if *empty {
            names.push(name);
        }
    }
    let (first, rest) = names.split_first()?;
    let first = *first;
    let others = owned(rest);
    let list = join_comma(&names);
    Some(
        Hit::on(
            first,
            cat3(if others.is_empty() { "Required field is empty: " } else { "Required fields are empty: " }, &list, "."),
            "Fill in every required campaignBuilder field: usecase, description, messageFlow, helpMessage, optinKeywords (e.g. \"START\"), optoutKeywords (e.g. \"STOP\") and helpKeywords (e.g. \"HELP\").",
        )
        .also(others),
    )
}

/// FLD-USECASE: the use case is not a TCR value.
///
/// Enforces *[Campaign Registration] › Campaign use case types* (standard and special
/// use-case tables); TCR refuses other values ("PROMOTIONAL" and "OTP" fail).
pub(crate) const FLD_USECASE: Rule = Rule {
    id: "FLD-USECASE",
    severity: Error,
    applies: Applies::Campaign,
    title: "The use case is not a TCR value",
    needs_use_case: false,
    check: fld_usecase,
};

fn fld_usecase(cx: &Ctx) -> Option<Hit> {
    let uc = cx.use_case.as_ref().filter(|u| !u.known)?;
    let upper = uc.raw.to_ascii_uppercase().replace([' ', '-'], "_");
    let hint = if crate::compliance::tables::USE_CASES.has(upper.as_str()) {
        cat3(
            "Write it exactly as \"",
            &upper,
            "\" (upper case, underscores).",
        )
    } else {
        "Use one of the TCR use cases: MIXED, MARKETING, CUSTOMER_CARE, DELIVERY_NOTIFICATION, ACCOUNT_NOTIFICATION, 2FA, SECURITY_ALERT, FRAUD_ALERT, POLLING_VOTING, CHARITY, POLITICAL, LOW_VOLUME, SOLE_PROPRIETOR, EMERGENCY, AGENTS_FRANCHISES, SWEEPSTAKES…".to_string()
    };
    Some(Hit::on(
        cx.use_case_field,
        cat3(
            "\"",
            &uc.raw,
            "\" is not a use case The Campaign Registry accepts.",
        ),
        hint,
    ))
}

/// DESC-SHORT: the description is under 40 characters.
///
/// Enforces the API minimum (Twilio "Min length: 40", Sinch "min 40 characters") and
/// *[Campaign Registration] › Required fields* "What your campaign does (2-4 sentences)".
pub(crate) const DESC_SHORT: Rule = Rule {
    id: "DESC-SHORT",
    severity: Error,
    applies: Applies::Campaign,
    title: "The description is under 40 characters",
    needs_use_case: false,
    check: desc_short,
};

fn desc_short(cx: &Ctx) -> Option<Hit> {
    let d = cx.description.as_ref().filter(|d| d.len < 40)?;
    Some(Hit::at(
        d,
        None,
        format!(
            "The description is {} characters; carriers need at least 40.",
            d.len
        ),
        "Describe in 2–4 sentences who sends the messages, to whom, why, and what kinds of messages they are.",
    ))
}

/// DESC-LONG: the description is over 4,096 characters (the API maximum).
pub(crate) const DESC_LONG: Rule = Rule {
    id: "DESC-LONG",
    severity: Error,
    applies: Applies::Campaign,
    title: "The description is over 4,096 characters",
    needs_use_case: false,
    check: desc_long,
};

fn desc_long(cx: &Ctx) -> Option<Hit> {
    let d = cx.description.as_ref().filter(|d| d.len > 4096)?;
    Some(Hit::at(
        d,
        None,
        format!(
            "The description is {} characters; the limit is 4,096.",
            d.len
        ),
        "Shorten the description to a few specific sentences.",
    ))
}

/// DESC-VAGUE: the description is generic or too thin.
///
/// Enforces *[10DLC Rate Limits] › Compliance checklist* "Detailed campaign description
/// — Specific, not vague or generic" (Twilio 30886).
pub(crate) const DESC_VAGUE: Rule = Rule {
    id: "DESC-VAGUE",
    severity: Warning,
    applies: Applies::Campaign,
    title: "The description is generic or too thin",
    needs_use_case: false,
    check: desc_vague,
};

fn desc_vague(cx: &Ctx) -> Option<Hit> {
    let d = cx
        .description
        .as_ref()
        .filter(|d| (40..=4096).contains(&d.len))?;
    let words =
        d.a.slice(crate::compliance::text::Span::new(0, d.a.chars.len()))
            .split_whitespace()
            .count();
    let generic = detect::vague_description(&d.a);
    if words >= 8 && generic.is_none() {
        return None;
    }
    Some(Hit::at(
        d,
        generic,
        "The description is too generic for a reviewer to tell what the campaign sends.",
        "Name the business, who receives the messages, how they opted in and each kind of message (e.g. \"Acme sends order confirmations, shipping updates and support replies to customers who opt in at checkout\").",
    ))
}

/// UC-DESC-MISMATCH: a transactional use case whose description promises promotions.
///
/// Enforces *[Use Case Examples] › Do's and don'ts* "Mix marketing into transactional
/// use cases" (don't) and Twilio 30886 "does not match the use case".
pub(crate) const UC_DESC_MISMATCH: Rule = Rule {
    id: "UC-DESC-MISMATCH",
    severity: Error,
    applies: Applies::Campaign,
    title: "A transactional use case whose description promises promotions",
    needs_use_case: true,
    check: uc_desc_mismatch,
};

fn uc_desc_mismatch(cx: &Ctx) -> Option<Hit> {
    let uc = cx.uc().filter(|u| u.forbids_promo())?;
    let d = cx.description.as_ref()?;
    let span = detect::description_promo(&d.a)?;
    Some(Hit::at(
        d,
        Some(span),
        cat3(
            "The description mentions promotions, but ",
            &uc.raw,
            " is a transactional use case.",
        ),
        "Remove the promotional content from the description, or register the campaign as MIXED (or MARKETING) if you will send promotions.",
    ))
}

/// FLD-TYPE (advice): a field had the wrong JSON type and was ignored.
pub(crate) const FLD_TYPE: Rule = Rule {
    id: "FLD-TYPE",
    severity: Info,
    applies: Applies::Both,
    title: "A field had the wrong type and was ignored",
    needs_use_case: false,
    check: fld_type,
};

fn fld_type(cx: &Ctx) -> Option<Hit> {
    let (first, rest) = cx.ignored.split_first()?;
    let mut also = Vec::new();
    for i in rest {
        also.push(i.field.clone());
    }
    Some(
        Hit::on(
            first.field.clone(),
            cat5(
                &first.field,
                " should be a ",
                first.expected,
                " but is a ",
                &cat3(first.found, "; it was ignored.", ""),
            ),
            cat5("Send ", &first.field, " as a ", first.expected, "."),
        )
        .also(also),
    )
}
