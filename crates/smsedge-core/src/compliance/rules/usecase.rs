//! 3.5 Use-case fit. Every rule here is skipped when the use case is unknown.

use super::{Applies, Hit, Rule, first_failing, first_sample};
use crate::compliance::Severity::{Error, Info, Warning};
use crate::compliance::context::{Ctx, present};
use crate::compliance::detect;
use crate::strings::cat3;

/// UC-PROMO-IN-TXN: promotional content in a transactional use case.
///
/// Enforces *[Campaign Registration] › Writing sample messages* "If your use case is
/// DELIVERY_NOTIFICATION, all samples should be about deliveries … ❌ 'Check out our
/// summer sale!'" and *[Use Case Examples] › Common rejection reasons* "Marketing content
/// in non-marketing use case". For toll-free, any use case not about marketing, mixed,
/// promotions or rewards counts as transactional.
pub(crate) const UC_PROMO_IN_TXN: Rule = Rule {
    id: "UC-PROMO-IN-TXN",
    severity: Error,
    applies: Applies::Both,
    title: "Promotional content in a transactional use case",
    needs_use_case: true,
    check: uc_promo_in_txn,
};

fn uc_promo_in_txn(cx: &Ctx) -> Option<Hit> {
    let uc = cx.uc().filter(|u| u.forbids_promo())?;
    let (first, span, also) = first_sample(cx, &|s| s.promo)?;
    Hit::at_also(
        &first.field,
        Some(span),
        format!(
            "\"{}\" is promotional, but {} is a transactional use case.",
            first.field.a.slice(span),
            uc.raw
        ),
        "Remove promotional language from the samples, or register the campaign as MIXED (or MARKETING).",
        also,
    )
}

/// UC-PROMO-IN-OTHER: promotional content in POLLING_VOTING, CHARITY, POLITICAL…
///
/// *[Use Case Examples] › Polling & Voting* "Don't disguise marketing as surveys" (yet
/// the docs' own polling sample offers "10% off", hence a warning).
pub(crate) const UC_PROMO_IN_OTHER: Rule = Rule {
    id: "UC-PROMO-IN-OTHER",
    severity: Warning,
    applies: Applies::Campaign,
    title: "Promotional content in a polling, charity, political… use case",
    needs_use_case: true,
    check: uc_promo_in_other,
};

fn uc_promo_in_other(cx: &Ctx) -> Option<Hit> {
    let uc = cx.uc().filter(|u| u.is_other())?;
    let (first, span, also) = first_sample(cx, &|s| s.promo)?;
    Hit::at_also(
        &first.field,
        Some(span),
        cat3("This sample is promotional in a ", &uc.raw, " campaign."),
        "Keep promotions out of this campaign, or register them under MIXED or MARKETING.",
        also,
    )
}

/// UC-OTP-OUTSIDE-2FA: a one-time-code sample outside 2FA (or MIXED, LOW_VOLUME,
/// SOLE_PROPRIETOR, AGENTS_FRANCHISES).
///
/// Twilio: a marketing campaign with "Here's your one-time passcode: 123456" is rejected;
/// *[TFV Troubleshooting]* "Message samples are inconsistent with the stated use case".
pub(crate) const UC_OTP_OUTSIDE_2FA: Rule = Rule {
    id: "UC-OTP-OUTSIDE-2FA",
    severity: Error,
    applies: Applies::Both,
    title: "A one-time-code sample outside 2FA",
    needs_use_case: true,
    check: uc_otp_outside_2fa,
};

fn uc_otp_outside_2fa(cx: &Ctx) -> Option<Hit> {
    let uc = cx.uc().filter(|u| !u.allows_otp())?;
    let (first, span, also) = first_sample(cx, &|s| s.otp)?;
    Hit::at_also(
        &first.field,
        Some(span),
        cat3(
            "This sample sends a one-time code, but the use case is ",
            &uc.raw,
            ".",
        ),
        "Send verification codes from a separate 2FA campaign (or choose a 2FA use case), and remove them from these samples.",
        also,
    )
}

/// UC-2FA-NOCODE: a 2FA sample has no code.
///
/// *[Use Case Examples] › 2FA* "Include the code prominently"; samples must "match the
/// declared use case" (a password-changed notice or a magic link fails).
pub(crate) const UC_2FA_NOCODE: Rule = Rule {
    id: "UC-2FA-NOCODE",
    severity: Error,
    applies: Applies::Campaign,
    title: "A 2FA sample has no code",
    needs_use_case: true,
    check: uc_2fa_nocode,
};

fn uc_2fa_nocode(cx: &Ctx) -> Option<Hit> {
    cx.uc().filter(|u| u.is("2FA"))?;
    let (first, also) = first_failing(cx, &|s| s.otp.is_none())?;
    Hit::at_also(
        &first.field,
        None,
        "This 2FA sample does not contain a one-time code.",
        "Every 2FA sample should deliver a code, e.g. \"Your Acme verification code is 847291. It expires in 10 minutes.\"",
        also,
    )
}

/// UC-2FA-LINK: a 2FA sample contains a link.
///
/// *[Use Case Examples] › 2FA* "Don't include marketing content or links".
pub(crate) const UC_2FA_LINK: Rule = Rule {
    id: "UC-2FA-LINK",
    severity: Warning,
    applies: Applies::Campaign,
    title: "A 2FA sample contains a link",
    needs_use_case: true,
    check: uc_2fa_link,
};

fn uc_2fa_link(cx: &Ctx) -> Option<Hit> {
    cx.uc().filter(|u| u.is("2FA"))?;
    let (first, span, also) = first_sample(cx, &|s| detect::link_or_placeholder(&s.field.a))?;
    Hit::at_also(
        &first.field,
        Some(span),
        "2FA messages should not contain links.",
        "Send only the code and its expiry; drop the link.",
        also,
    )
}

/// UC-MKT-NO-PROMO: a MARKETING campaign whose samples are all transactional.
///
/// *[Use Case Examples]* samples "Must match the declared use case type".
pub(crate) const UC_MKT_NO_PROMO: Rule = Rule {
    id: "UC-MKT-NO-PROMO",
    severity: Warning,
    applies: Applies::Campaign,
    title: "A MARKETING campaign whose samples are all transactional",
    needs_use_case: true,
    check: uc_mkt_no_promo,
};

fn uc_mkt_no_promo(cx: &Ctx) -> Option<Hit> {
    cx.uc().filter(|u| u.is("MARKETING"))?;
    if cx.samples.is_empty()
        || cx
            .samples
            .iter()
            .any(|s| s.promo.is_some() || !s.category.is_transactional())
    {
        return None;
    }
    let (first, also) = first_failing(cx, &|_| true)?;
    Hit::at_also(
        &first.field,
        None,
        "The use case is MARKETING but every sample is a transactional notice.",
        "Show the promotional messages you will send, or pick the transactional use case that fits (e.g. DELIVERY_NOTIFICATION, ACCOUNT_NOTIFICATION).",
        also,
    )
}

/// UC-MIXED-SINGLE: MIXED or LOW_VOLUME samples all of one type.
///
/// *[Use Case Examples] › Mixed* "Each sample should demonstrate a DIFFERENT message
/// type"; *[10DLC Troubleshooting]* "Insufficient sample messages — Not enough variety".
pub(crate) const UC_MIXED_SINGLE: Rule = Rule {
    id: "UC-MIXED-SINGLE",
    severity: Warning,
    applies: Applies::Campaign,
    title: "MIXED or LOW_VOLUME samples all of one type",
    needs_use_case: true,
    check: uc_mixed_single,
};

fn uc_mixed_single(cx: &Ctx) -> Option<Hit> {
    let uc = cx.uc().filter(|u| u.is_any(&["MIXED", "LOW_VOLUME"]))?;
    if cx.samples.len() < 2 {
        return None;
    }
    let first_cat = cx.samples.first().map(|s| s.category);
    if cx.samples.iter().any(|s| Some(s.category) != first_cat) {
        return None;
    }
    let (first, also) = first_failing(cx, &|_| true)?;
    Hit::at_also(
        &first.field,
        None,
        cat3(
            "A ",
            &uc.raw,
            " campaign should show different kinds of messages, but every sample is the same kind.",
        ),
        "Give each sample a different message type, e.g. an order update, a support reply and a promotion.",
        also,
    )
}

/// UC-SWEEPSTAKES-TERMS: a SWEEPSTAKES campaign without rules or terms.
///
/// *[Campaign Registration] › Special use cases* SWEEPSTAKES "Must include rules and terms".
pub(crate) const UC_SWEEPSTAKES_TERMS: Rule = Rule {
    id: "UC-SWEEPSTAKES-TERMS",
    severity: Warning,
    applies: Applies::Campaign,
    title: "A SWEEPSTAKES campaign without rules or terms",
    needs_use_case: true,
    check: uc_sweepstakes_terms,
};

fn uc_sweepstakes_terms(cx: &Ctx) -> Option<Hit> {
    cx.uc().filter(|u| u.is("SWEEPSTAKES"))?;
    let fields = present(&[&cx.description, &cx.flow]);
    let first = fields.first()?;
    if fields
        .iter()
        .any(|f| detect::sweepstakes_terms(&f.a).is_some())
    {
        return None;
    }
    Some(Hit::at(
        first,
        None,
        "A sweepstakes campaign must point to its official rules and terms.",
        "Add \"No purchase necessary. Official rules: acme.com/rules\" to the description and message flow.",
    ))
}

/// UC-2FA-EXPIRY (advice): a 2FA sample does not say when the code expires.
///
/// *[Use Case Examples] › 2FA* "Add an expiry time".
pub(crate) const UC_2FA_EXPIRY: Rule = Rule {
    id: "UC-2FA-EXPIRY",
    severity: Info,
    applies: Applies::Campaign,
    title: "A 2FA sample without an expiry time",
    needs_use_case: true,
    check: uc_2fa_expiry,
};

fn uc_2fa_expiry(cx: &Ctx) -> Option<Hit> {
    cx.uc().filter(|u| u.is("2FA"))?;
    let (first, also) = first_failing(cx, &|s| {
        s.otp.is_some() && detect::expiry(&s.field.a).is_none()
    })?;
    Hit::at_also(
        &first.field,
        None,
        "This code message does not say when the code expires.",
        "Add an expiry, e.g. \"This code expires in 10 minutes.\"",
        also,
    )
}
