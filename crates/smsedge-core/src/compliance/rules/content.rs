//! 3.6 Restricted and prohibited content, checked on samples, description and flow.

use super::{Applies, Hit, Rule, first_field};
use crate::compliance::Severity::{Error, Warning};
use crate::compliance::context::Ctx;
use crate::compliance::detect;
use crate::compliance::text::{Analysed, Span};
use crate::compliance::util::has_sub;
use crate::strings::{cat3, cat5};

fn content_hit(
    cx: &Ctx,
    with_flow: bool,
    detect: &dyn Fn(&Analysed) -> Option<Span>,
    after_quote: &'static str,
    fix: &'static str,
) -> Option<Hit> {
    let (field, span, also) = first_field(&cx.content_fields(with_flow), &|f| detect(&f.a))?;
    let message = cat3("\"", &field.a.slice(span), after_quote);
    Hit::at_also(field, Some(span), message, fix, also)
}

/// CNT-SHAFT: sex, hate, alcohol, firearms or tobacco/vape content.
///
/// Enforces *[10DLC Troubleshooting] › Campaign rejection reasons* "Prohibited content |
/// SHAFT content (sex, hate, alcohol, firearms, tobacco) or cannabis" and *[Campaign
/// Registration]* "Firearms sales". Near misses such as *adult education*, *shotgun
/// start*, *hot glue gun* and *we hate to* do not fire.
pub(crate) const CNT_SHAFT: Rule = Rule {
    id: "CNT-SHAFT",
    severity: Error,
    applies: Applies::Both,
    title: "Sex, hate, alcohol, firearms or tobacco content",
    needs_use_case: false,
    check: cnt_shaft,
};

fn cnt_shaft(cx: &Ctx) -> Option<Hit> {
    let (field, span, also) = first_field(&cx.content_fields(true), &|f| {
        detect::shaft(&f.a).map(|(s, _)| s)
    })?;
    let kind = detect::shaft(&field.a).map_or("prohibited content", |(_, k)| k.name());
    Hit::at_also(
        field,
        Some(span),
        cat5(
            "\"",
            &field.a.slice(span),
            "\" is ",
            kind,
            " (SHAFT), which carriers prohibit on 10DLC and toll-free.",
        ),
        "Remove the SHAFT content; alcohol and tobacco need special carrier approval and an age gate, which this tool cannot grant.",
        also,
    )
}

/// CNT-CANNABIS: cannabis or CBD content ("weed control" is not).
///
/// Enforces *[Campaign Registration]* "Cannabis / CBD messaging" and *[10DLC Rate
/// Limits] › Disallowed use cases* "Cannabis or CBD marketing".
pub(crate) const CNT_CANNABIS: Rule = Rule {
    id: "CNT-CANNABIS",
    severity: Error,
    applies: Applies::Both,
    title: "Cannabis or CBD content",
    needs_use_case: false,
    check: cnt_cannabis,
};

fn cnt_cannabis(cx: &Ctx) -> Option<Hit> {
    content_hit(
        cx,
        true,
        &detect::cannabis,
        "\" is cannabis/CBD content, which carriers prohibit.",
        "Remove cannabis and CBD content; it cannot be sent over 10DLC or toll-free.",
    )
}

/// CNT-GAMBLING: gambling content.
///
/// Enforces *[Campaign Registration]* "Gambling content (varies by state)" and *[10DLC
/// Rate Limits]* "Gambling (unless licensed)".
pub(crate) const CNT_GAMBLING: Rule = Rule {
    id: "CNT-GAMBLING",
    severity: Error,
    applies: Applies::Both,
    title: "Gambling content",
    needs_use_case: false,
    check: cnt_gambling,
};

fn cnt_gambling(cx: &Ctx) -> Option<Hit> {
    content_hit(
        cx,
        true,
        &detect::gambling,
        "\" is gambling content, which carriers restrict.",
        "Remove betting and casino content (licensed operators need special carrier approval).",
    )
}

/// CNT-PAYDAY: payday or high-risk lending.
///
/// Enforces *[Campaign Registration]* "Payday lending" and *[10DLC Rate Limits]*
/// "Non-direct lending (3rd party auto loans, payday loans)".
pub(crate) const CNT_PAYDAY: Rule = Rule {
    id: "CNT-PAYDAY",
    severity: Error,
    applies: Applies::Both,
    title: "Payday or high-risk lending",
    needs_use_case: false,
    check: cnt_payday,
};

fn cnt_payday(cx: &Ctx) -> Option<Hit> {
    content_hit(
        cx,
        true,
        &detect::payday,
        "\" reads as payday or high-risk lending, which carriers prohibit.",
        "Remove payday, cash-advance and no-credit-check loan offers.",
    )
}

/// CNT-DEBT: debt relief or third-party collection.
///
/// Enforces *[10DLC Rate Limits]* "Indirect debt collection" and Twilio 30863 (debt
/// consolidation, relief and credit repair are prohibited regardless of consent). A
/// first-party "past due" reminder does not fire.
pub(crate) const CNT_DEBT: Rule = Rule {
    id: "CNT-DEBT",
    severity: Error,
    applies: Applies::Both,
    title: "Debt relief or third-party collection",
    needs_use_case: false,
    check: cnt_debt,
};

fn cnt_debt(cx: &Ctx) -> Option<Hit> {
    content_hit(
        cx,
        true,
        &detect::debt,
        "\" is debt relief or third-party collection, which carriers prohibit.",
        "Remove debt relief, consolidation, credit repair and third-party collection content.",
    )
}

/// CNT-HIGHRISK-FIN: crypto signals, get-rich-quick, MLM.
///
/// Enforces *[TFV Troubleshooting]* "High-risk financial services (payday loans, crypto
/// trading signals)".
pub(crate) const CNT_HIGHRISK_FIN: Rule = Rule {
    id: "CNT-HIGHRISK-FIN",
    severity: Error,
    applies: Applies::Both,
    title: "Crypto signals, get-rich-quick or MLM",
    needs_use_case: false,
    check: cnt_highrisk_fin,
};

fn cnt_highrisk_fin(cx: &Ctx) -> Option<Hit> {
    content_hit(
        cx,
        true,
        &detect::high_risk_fin,
        "\" is high-risk financial content, which carriers prohibit.",
        "Remove trading signals, guaranteed returns, get-rich-quick and MLM content.",
    )
}

/// CNT-SWEEPSTAKES: a giveaway or sweepstakes outside the SWEEPSTAKES use case.
///
/// Enforces *[10DLC Rate Limits]* "Sweepstakes and 'free giveaway' campaigns"
/// (disallowed). Checked on samples and description only.
pub(crate) const CNT_SWEEPSTAKES: Rule = Rule {
    id: "CNT-SWEEPSTAKES",
    severity: Error,
    applies: Applies::Both,
    title: "Giveaway or sweepstakes outside the SWEEPSTAKES use case",
    needs_use_case: false,
    check: cnt_sweepstakes,
};

fn cnt_sweepstakes(cx: &Ctx) -> Option<Hit> {
    if cx
        .use_case
        .as_ref()
        .is_some_and(|u| has_sub(&u.raw.to_ascii_uppercase(), "SWEEPSTAKES"))
    {
        return None;
    }
    content_hit(
        cx,
        false,
        &detect::sweepstakes,
        "\" is a giveaway or sweepstakes, which needs the SWEEPSTAKES use case.",
        "Remove the giveaway, or register a separate SWEEPSTAKES campaign with official rules.",
    )
}

/// CNT-LEADGEN: unsolicited or purchased-list traffic, or lead sharing.
///
/// Enforces *[10DLC Rate Limits]* "Unsolicited messaging (cold outreach, lead generation
/// spam)" and *[TFV Troubleshooting]* "Third-party lead generation"; CTIA forbids
/// buying, renting or sharing opt-in lists. Negated statements ("never shared with
/// third parties") do not fire.
pub(crate) const CNT_LEADGEN: Rule = Rule {
    id: "CNT-LEADGEN",
    severity: Error,
    applies: Applies::Both,
    title: "Purchased lists, cold outreach or lead sharing",
    needs_use_case: false,
    check: cnt_leadgen,
};

fn cnt_leadgen(cx: &Ctx) -> Option<Hit> {
    content_hit(
        cx,
        true,
        &detect::leadgen,
        "\" describes unsolicited or shared-lead messaging, which carriers prohibit.",
        "Only text people who opted in with you directly; never buy, rent or share phone numbers or leads.",
    )
}

/// CNT-PHISHING: a credential or payment request, or a smishing pattern.
///
/// *[International SMS Compliance]* "Phishing / fraud 🚫 Prohibited". *Enter this code to
/// complete your password reset* does not fire.
pub(crate) const CNT_PHISHING: Rule = Rule {
    id: "CNT-PHISHING",
    severity: Warning,
    applies: Applies::Both,
    title: "Credential or payment request, smishing pattern",
    needs_use_case: false,
    check: cnt_phishing,
};

fn cnt_phishing(cx: &Ctx) -> Option<Hit> {
    content_hit(
        cx,
        true,
        &detect::phishing,
        "\" looks like a phishing pattern.",
        "Never ask for passwords, PINs or card numbers by text; send people to your own signed-in site instead.",
    )
}
